"""Import a Rencana Aksi from what offices actually have: the Lampiran table as text (pasted from
Word/Excel, or a PDF converted to text — tab-separated, Markdown pipe tables, HTML-ish tables),
the whole decree's text around it, or an .xlsx sheet.

    result = import_text(text, tahun=None)      # → ImportResult(plan, report, warnings)
    result = import_xlsx(path)
    result = import_file(path, tahun=None)      # by extension / content

``plan`` is the plan dict of docs/ARCHITECTURE.md; ``report`` says what was done and
``warnings`` what looks wrong (rows before the first area, numbers that jump …) — the import
never fails for those. Input without any recognizable Lampiran table raises :class:`ImportGagal`
(an Indonesian sentence). Nothing here imports Qt.

Modules: :mod:`.tables` (text → rows), :mod:`.cells` (cell markup → text), :mod:`.columns`
(header → columns), :mod:`.lampiran` (printed-shape rows → tree), :mod:`.flat` (export-shape rows
→ tree), :mod:`.decree` (identity from the decree text), :mod:`.finish` (→ plan dict),
:mod:`.xlsx` (workbooks).
"""

from __future__ import annotations

from pathlib import Path

from .finish import ImportResult

try:                                    # the CLI turns a ZiError into exit code 2
    from ..errors import ZiError as _Base
except ImportError:                     # pragma: no cover - errors.py not there yet
    _Base = Exception


class ImportGagal(_Base):
    """The input has no recognizable Lampiran table; ``str(err)`` is the Indonesian sentence."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)
        self.message = message


__all__ = ["ImportResult", "ImportGagal", "import_text", "import_xlsx",
           "import_file"]

_NO_TABLE = ("Tidak ditemukan tabel Lampiran (baris judul NO | KOMPONEN | INDIKATOR | "
             "LANGKAH AKSI … atau baris area seperti \"I MANAJEMEN PERUBAHAN\") di {what}.")


def _read_rows(stream):
    """Rows and lines of a stream → (Reading, source description)."""
    from .columns import read_header
    from .flat import is_flat, read_flat
    from .lampiran import Reading, TABLE_MARK, _clean_line, read_lampiran
    from .tables import Line, Row

    for idx, item in enumerate(stream.items):
        if isinstance(item, Row):
            cols = read_header(item.cells)
            if cols is not None and is_flat(cols):
                reading = Reading(headers=1)
                rows = []
                for other in stream.items[:idx]:
                    reading.outside.append(_clean_line(other.text) if isinstance(other, Line)
                                           else " ".join(c for c in other.cells if c.strip()))
                for other in stream.items[idx + 1:]:
                    if isinstance(other, Row):
                        if read_header(other.cells) is not None:
                            reading.repeated_headers += 1
                            continue
                        reading.outside.append(TABLE_MARK)
                        rows.append((other.cells, other.line))
                    else:
                        reading.outside.append(_clean_line(other.text))
                return read_flat(rows, cols, reading), "ekspor ZI Desktop"
            if cols is not None:
                break
    return read_lampiran(stream.items), "Lampiran"


def import_text(text: str, tahun: int | None = None) -> ImportResult:
    """Lampiran table text, or a whole decree's text with the table inside it."""
    from .decree import read_identity
    from .finish import build
    from .tables import read

    stream = read(text or "")
    reading, shape = _read_rows(stream)
    if not reading.areas and not reading.data_rows:
        raise ImportGagal(_NO_TABLE.format(what="teks ini"))
    formats = " + ".join(sorted(stream.formats)) or "teks"
    ident = read_identity(reading.outside)
    return build(reading, ident, tahun, f"Sumber: tabel {shape} dari teks ({formats}).")


def import_xlsx(path, tahun: int | None = None) -> ImportResult:
    """An .xlsx in the export's shape (sheet ``Lampiran`` + ``Identitas``) or in the printed
    Lampiran's column shape (area rows, merged/empty cells continuing the row above)."""
    from .xlsx import import_workbook
    return import_workbook(Path(path), tahun)


_TEXT_SUFFIXES = {".txt", ".tsv", ".md", ".markdown", ".html", ".htm", ".text", ".csv"}


def import_file(path, tahun: int | None = None) -> ImportResult:
    """Dispatch on extension and content: .xlsx/.xlsm → :func:`import_xlsx`; text → :func:`import_text`."""
    path = Path(path)
    if not path.is_file():
        raise ImportGagal(f"Berkas \"{path}\" tidak ditemukan.")
    with open(path, "rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        import zipfile
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            raise ImportGagal(f"Berkas \"{path.name}\" rusak dan tidak dapat dibaca.") from None
        if "word/document.xml" in names:
            raise ImportGagal(f"Berkas \"{path.name}\" adalah dokumen Word; salin tabel Lampiran "
                              "dari Word lalu tempelkan (atau simpan sebagai teks .txt).")
        if "xl/workbook.xml" in names:
            return import_xlsx(path, tahun)
        raise ImportGagal(f"Berkas \"{path.name}\" bukan .xlsx maupun teks.")
    if head.startswith(b"%PDF"):
        raise ImportGagal(f"Berkas \"{path.name}\" adalah PDF; ubah dulu menjadi teks (.txt/.md) "
                          "dengan alat PDF-ke-teks, lalu impor teksnya.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportGagal(f"Berkas \"{path.name}\" berformat Office lama (.xls/.doc); simpan "
                          "ulang sebagai .xlsx lalu impor.")
    if suffix in (".xlsx", ".xlsm"):
        raise ImportGagal(f"Berkas \"{path.name}\" bukan .xlsx yang sah.")
    text = _decode(path.read_bytes())
    if suffix == ".csv":
        text = _csv_to_tsv(text)
    try:
        return import_text(text, tahun)
    except ImportGagal:
        raise ImportGagal(_NO_TABLE.format(what=f"berkas \"{path.name}\"")) from None


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_to_tsv(text: str) -> str:
    """A CSV saved by Excel (";" in Indonesian locales, "," elsewhere) → tab-separated text."""
    import csv
    import io
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    out = []
    for row in csv.reader(io.StringIO(text), dialect):
        out.append("\t".join('"' + c.replace('"', '""') + '"' if ("\n" in c or '"' in c) else c
                             for c in row))
    return "\n".join(out)
