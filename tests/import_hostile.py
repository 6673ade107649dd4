"""Hostile import inputs (issue 12, "import bounds"): what an unlucky office or an attacker could
hand to Impor. ``CASES`` maps a name to a writer ``fn(folder) -> Path``; every one must end in one
Indonesian sentence, exit 2, nothing written, within 10 s."""

from __future__ import annotations

import gzip
import io
import os
import random
import zipfile
from pathlib import Path

HEADER = "NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"


def _text(name: str, text: str, encoding: str = "utf-8"):
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        return path
    return write


def _bytes(name: str, make):
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(make())
        return path
    return write


def _random(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


def _zip(name: str, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    def write(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(path, "w", compression) as zf:
            for member, data in members.items():
                zf.writestr(member, data)
        return path
    return write


def _docx_with(body_xml: str):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    content_types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                     b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                     b'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                     b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc = f'<?xml version="1.0"?><w:document {ns}><w:body>{body_xml}</w:body></w:document>'.encode()
    return {"[Content_Types].xml": content_types, "_rels/.rels": rels, "word/document.xml": doc}


def _row(cells: int, text: str = "x", span: str = "") -> str:
    tc = f"<w:tc>{span}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
    return "<w:tr>" + tc * cells + "</w:tr>"


def _xlsx_far_cell(folder: Path) -> Path:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active["A1"] = "NO"
    wb.active["XFD1048576"] = "x"
    path = folder / "sel-jauh.xlsx"
    wb.save(path)
    return path


def _xlsx_many_rows(folder: Path) -> Path:
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Lampiran")
    ws.append(HEADER.strip().split("\t"))
    for n in range(21_000):
        ws.append([1, "Tim", "Ind", f"Langkah {n}", "SK", "Januari 2025"])
    path = folder / "baris-banyak.xlsx"
    wb.save(path)
    return path


def _pdf(name: str, pages: int = 1, text: str | None = "NO KOMPONEN INDIKATOR", encrypt=None):
    def write(folder: Path) -> Path:
        from reportlab.pdfgen import canvas
        path = folder / name
        c = canvas.Canvas(str(path), encrypt=encrypt)
        for _ in range(pages):
            if text:
                c.drawString(72, 720, text)
            else:
                c.rect(72, 72, 300, 500, fill=1)
            c.showPage()
        c.save()
        return path
    return write


def _truncated(name: str, make):
    def write(folder: Path) -> Path:
        full = make(folder)
        data = full.read_bytes()
        path = folder / name
        path.write_bytes(data[: len(data) // 2])
        if full != path:
            full.unlink()
        return path
    return write


def _docx_real(folder: Path) -> Path:
    from docx import Document
    doc = Document()
    doc.add_paragraph("teks")
    path = folder / "_asli.docx"
    doc.save(path)
    return path


def _xlsx_real(folder: Path) -> Path:
    import openpyxl
    path = folder / "_asli.xlsx"
    openpyxl.Workbook().save(path)
    return path


def _big_text(folder: Path) -> Path:
    path = folder / "besar-50mb.txt"
    line = (HEADER.replace("\n", "") + "\n").encode()
    with open(path, "wb") as fh:
        chunk = line * (1024 * 1024 // len(line) + 1)
        for _ in range(50):
            fh.write(chunk)
    return path


def _zip_bomb(folder: Path) -> Path:
    members = _docx_with("<w:p/>")
    members["word/media/bom.bin"] = b"\0" * (60 * 1024 * 1024)
    return _zip("bom-zip.docx", members)(folder)


CASES = {
    "acak-5mb.txt": _bytes("acak-5mb.txt", lambda: _random(5 * 1024 * 1024)),
    "acak.bin": _bytes("acak.bin", lambda: _random(300_000, 3)),
    "teks-50mb.txt": _big_text,
    "tab-spasi.txt": _text("tab-spasi.txt", "\t" + " " * 100_000),
    "tab-spasi-x.txt": _text("tab-spasi-x.txt", "\t" + " " * 100_000 + "x"),
    "md-garis-spasi.md": _text("md-garis-spasi.md", "|--" + " " * 100_000),
    "md-garis-spasi-x.md": _text("md-garis-spasi-x.md", "| a | b |\n|--" + " " * 100_000 + "x"),
    "tsv-10000-kolom.tsv": _text("tsv-10000-kolom.tsv", HEADER + "\t".join(["1"] * 10_000)),
    "md-1000-kolom.md": _text("md-1000-kolom.md", "| " + " | ".join(["KOMPONEN"] * 1000) + " |\n"),
    "html-colspan.html": _text("html-colspan.html",
                               "<table><tr><td colspan=999999999>KOMPONEN</td><td>INDIKATOR</td></tr>"
                               "<tr><td colspan=999999999>x</td></tr></table>"),
    "html-rowspan.html": _text("html-rowspan.html", "<table><tr><td rowspan=999999999>x</td></tr>"
                               + "<tr><td>y</td></tr>" * 1000 + "</table>"),
    "html-100k-baris.html": _text("html-100k-baris.html", "<table>\n"
                                  + "<tr><td>1</td><td>a</td><td>b</td><td>c</td></tr>\n" * 100_000
                                  + "</table>"),
    "html-bersarang.html": _text("html-bersarang.html", "<table><tr><td>" * 20_000),
    "kurung-sejuta.txt": _text("kurung-sejuta.txt", "<" * 1_000_000),
    "bintang.txt": _text("bintang.txt", "**a " * 60_000),
    "baris-panjang.txt": _text("baris-panjang.txt", "x" * 300_000),
    "baris-250rb.txt": _text("baris-250rb.txt", "\n" * 250_000),
    "tsv-25rb-baris.tsv": _text("tsv-25rb-baris.tsv", HEADER + "I MANAJEMEN PERUBAHAN\n"
                                + "1\tA\tB\tC\tD\tJanuari 2025\n" * 25_000),
    "kosong.txt": _text("kosong.txt", ""),
    "bom-saja.txt": _bytes("bom-saja.txt", lambda: b"\xef\xbb\xbf"),
    "nul.txt": _bytes("nul.txt", lambda: b"\0" * 100_000),
    "utf16-tanpa-bom.txt": _text("utf16-tanpa-bom.txt", "Teks biasa tanpa tabel\n" * 200, "utf-16-le"),
    "cp1252.txt": _text("cp1252.txt", "Keputusan – “tanpa” tabel é\n" * 50, "cp1252"),
    "utf8-rusak.txt": _bytes("utf8-rusak.txt", lambda: b"NO\tKOMPONEN \xed\xa0\x80 \xff\xfe\n" * 10),
    "png.txt": _bytes("png.txt", lambda: b"\x89PNG\r\n\x1a\n" + _random(2000)),
    "gzip.txt": _bytes("gzip.txt", lambda: gzip.compress(b"NO KOMPONEN" * 1000)),
    "csv-sel-panjang.csv": _text("csv-sel-panjang.csv", 'NO;"' + "a" * 200_000 + '"\n'),
    "csv-kutip-terbuka.csv": _text("csv-kutip-terbuka.csv", 'NO;KOMPONEN;"terbuka\n' * 10),
    "docx-rusak.docx": _truncated("docx-rusak.docx", _docx_real),
    "xlsx-rusak.xlsx": _truncated("xlsx-rusak.xlsx", _xlsx_real),
    "pdf-rusak.pdf": _bytes("pdf-rusak.pdf", lambda: b"%PDF-1.4\n" + _random(5000, 9)),
    "bom-zip.docx": _zip_bomb,
    "docx-tanpa-dokumen.docx": _zip("docx-tanpa-dokumen.docx", {"a.txt": b"halo"}),
    "docx-xml-rusak.docx": _zip("docx-xml-rusak.docx",
                                {**_docx_with(""), "word/document.xml": b"<w:document><w:body"}),
    "docx-100-kolom.docx": _zip("docx-100-kolom.docx", _docx_with("<w:tbl>" + _row(100) + "</w:tbl>")),
    "docx-gridspan.docx": _zip("docx-gridspan.docx", _docx_with(
        "<w:tbl>" + _row(3, "KOMPONEN", '<w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr>') + "</w:tbl>")),
    "docx-tanpa-tabel.docx": _zip("docx-tanpa-tabel.docx", _docx_with("<w:p><w:r><w:t>Halo</w:t></w:r></w:p>")),
    "doc-lama.doc": _bytes("doc-lama.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000),
    "docx-terkunci.docx": _bytes("docx-terkunci.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000),
    "xlsx-sel-jauh.xlsx": _xlsx_far_cell,
    "xlsx-21rb-baris.xlsx": _xlsx_many_rows,
    "pdf-terkunci.pdf": _pdf("pdf-terkunci.pdf", encrypt="rahasia"),
    "pdf-pindaian.pdf": _pdf("pdf-pindaian.pdf", text=None),
    "pdf-500-halaman.pdf": _pdf("pdf-500-halaman.pdf", pages=500),
    "pdf-tanpa-tabel.pdf": _pdf("pdf-tanpa-tabel.pdf", text="Surat biasa tanpa tabel"),
    "bukan-pdf.pdf": _text("bukan-pdf.pdf", "ini bukan PDF"),
    "zip-lain.xlsx": _zip("zip-lain.xlsx", {"x.txt": b"halo"}),
    "sqlite.txt": _bytes("sqlite.txt", lambda: b"SQLite format 3\0" + _random(4096, 5)),
}
