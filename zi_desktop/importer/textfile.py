"""Bytes of a text file → text: the encoding found (UTF-8, UTF-16 with or without BOM,
Windows-1252), and bytes that are not text at all (a binary file, random bytes) told apart; a CSV
saved by Excel → tab-separated text."""

from __future__ import annotations

import csv
import io

from .bounds import MAX_CELL_CHARS


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte where its letters are ASCII."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros > 0.3 * half and (even if codec == "utf-16-le" else odd) < 0.05 * half:
            try:
                return data[: len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[:200_000]
    if not sample:
        return True
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad <= max(2, len(sample) // 200)


def decode(data: bytes) -> str | None:
    """The text, or None when the bytes are not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        return text if _looks_like_text(text) else None
    text = _utf16_without_bom(data)
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return text if _looks_like_text(text) else None


def csv_to_tsv(text: str) -> str:
    """A CSV saved by Excel (";" in Indonesian locales, "," elsewhere) → tab-separated text.
    Fields up to the cell bound are read (Python's csv stops at 131,072 characters)."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:                       # the header line tells: the most frequent separator
        first = text.split("\n", 1)[0]
        dialect = csv.excel()
        dialect.delimiter = max(";,\t", key=first.count)
    old = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL_CHARS * 4)
    out = []
    try:
        for row in csv.reader(io.StringIO(text), dialect):
            out.append("\t".join('"' + c.replace('"', '""') + '"' if ("\n" in c or '"' in c) else c
                                 for c in row))
    except csv.Error:
        from . import ImportGagal
        raise ImportGagal("Berkas CSV ini tidak dapat dibaca (ada sel yang terlalu panjang atau "
                          "tanda kutip yang tidak ditutup).") from None
    finally:
        csv.field_size_limit(old)
    return "\n".join(out)
