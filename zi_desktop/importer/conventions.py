"""The small print conventions of the source decree, so an imported plan prints like its source.

Read from the Lampiran as printed (the print settings of ``rencana["cetak"]``):

    NO "1." (most komponen numbers with a dot)        → nomor_titik True
    month grid headed 1 … 12 | Jan … Des | Januari …  → kepala_bulan "angka" | "nama" (full
                                                         names print abbreviated: a month
                                                         column has no room for "September")
    "NOMOR : 7 TAHUN 2026" in the LAMPIRAN block       → gaya_nomor "titik_dua" (else "tahun")
    "Ditetapkan di …" again under the table            → ulang_ditetapkan True; a closing block
                                                         under the table without it → False
    "KETUA …," (the position ends with a comma)        → koma_jabatan True

A convention the source does not show (no komponen numbers, no grid, no closing block under
the table) is left out: the plan keeps the default. The signature mark is read with the
closing blocks (:mod:`.signature`).
"""

from __future__ import annotations

import re

from .signature import TABLE_MARK

_LAMPIRAN = re.compile(r"^LAMPIRAN(?:\s+[IVX]+)?\s*:?\s*(?:KEPUTUSAN\b.*)?$")
_NOMOR_LINE = re.compile(r"^NOMOR\s*(:)?", re.I)
_DITETAPKAN = re.compile(r"^Ditetapkan\s+di\b", re.I)
_DIGITS = re.compile(r"^\(?\d{1,2}[.)]?$")


def komponen_dots(numbers: list[str]) -> bool | None:
    """Komponen numbers as printed ("1", "2.", …) → whether most carry a dot; None: none."""
    numbered = [n.strip() for n in numbers if re.match(r"^\(?\d", n.strip())]
    if not numbered:
        return None
    dotted = sum(1 for n in numbered if n.endswith("."))
    return dotted * 2 > len(numbered)


def month_header(labels: list[str]) -> tuple[str, bool] | None:
    """A month grid's column labels → ("angka" | "nama", written in full); None: no grid."""
    labels = [t.strip() for t in labels if t.strip()]
    if not labels:
        return None
    digits = sum(1 for t in labels if _DIGITS.match(t))
    if digits * 2 > len(labels):
        return "angka", False
    words = [re.match(r"[A-Za-z]+", t) for t in labels]
    full = sum(1 for w in words if w and len(w.group(0)) > 4)     # "Januari"; "Agust" is short
    return "nama", full * 2 > len(labels)


def lampiran_nomor_style(lines: list[str]) -> str | None:
    """"NOMOR : 7 …" in the LAMPIRAN block above the table (else the decree's own heading) →
    "titik_dua"; "NOMOR 7 …" → "tahun"; None when there is no NOMOR line."""
    end = lines.index(TABLE_MARK) if TABLE_MARK in lines else len(lines)
    starts = [i for i, line in enumerate(lines[:end]) if _LAMPIRAN.match(line)]
    for start in starts[-1:] + [None]:
        window = lines[start + 1:start + 10] if start is not None else lines[:end][:400]
        for line in window:
            if line == TABLE_MARK:
                break
            m = _NOMOR_LINE.match(line)
            if m and line[:5].isupper():
                return "titik_dua" if m.group(1) else "tahun"
    return None


def repeats_ditetapkan(lines: list[str], has_closing: bool) -> bool | None:
    """Whether the Lampiran's closing block under the table repeats "Ditetapkan di …"."""
    last = max((i for i, line in enumerate(lines) if line == TABLE_MARK), default=None)
    if last is None:
        return None
    if any(_DITETAPKAN.match(line) for line in lines[last + 1:]):
        return True
    return False if has_closing else None


def describe(cetak: dict, full_months: bool) -> str:
    """The report's sentence on the conventions taken from the source ("" when none)."""
    parts = []
    if "nomor_titik" in cetak:
        parts.append("nomor \"1.\"" if cetak["nomor_titik"] else "nomor \"1\" (tanpa titik)")
    if "kepala_bulan" in cetak:
        parts.append("judul kolom bulan 1 … 12" if cetak["kepala_bulan"] == "angka" else
                     "judul kolom bulan Jan … Des" + (" (di sumber ditulis penuh; dicetak "
                                                      "disingkat)" if full_months else ""))
    if "gaya_nomor" in cetak:
        parts.append("\"NOMOR : … TAHUN …\"" if cetak["gaya_nomor"] == "titik_dua" else
                     "\"NOMOR … TAHUN …\"")
    if "tanda_tangan" in cetak:
        mark = cetak["tanda_tangan"]
        parts.append(f"tanda tangan \"{mark}\"" if mark else "tanpa tanda \"ttd\"")
    if "ulang_ditetapkan" in cetak:
        parts.append("\"Ditetapkan di … pada tanggal …\" diulang di akhir Lampiran"
                     if cetak["ulang_ditetapkan"] else
                     "\"Ditetapkan di …\" tidak diulang di akhir Lampiran")
    if "koma_jabatan" in cetak:
        parts.append("koma sesudah jabatan" if cetak["koma_jabatan"] else
                     "tanpa koma sesudah jabatan")
    if not parts:
        return ""
    return "Cara cetak diambil dari sumber: " + "; ".join(parts) + "."
