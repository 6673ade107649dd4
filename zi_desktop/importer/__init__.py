"""Import a Rencana Aksi from what offices actually have: the Lampiran table as text (pasted from
Word/Excel, or a PDF converted to text — tab-separated, Markdown pipe tables, HTML-ish tables),
the whole decree's text around it, or an .xlsx sheet.

    result = import_text(text, tahun=None)      # → ImportResult(plan, report, warnings, catatan)
    result = import_xlsx(path)
    result = import_docx(path) / import_pdf(path)   # Word / PDF with a text layer → the text path
    result = import_file(path, tahun=None)      # by extension / content

``plan`` is the plan dict of docs/ARCHITECTURE.md; ``report`` says what was done and
``warnings`` what looks wrong; ``catatan`` (:mod:`.report`) is the user's checklist: every
repair and doubt with its place (``I.2.3.1``) (rows before the first area, numbers that jump …) — the import
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


__all__ = ["ImportResult", "ImportGagal", "import_text", "import_xlsx", "import_docx",
           "import_pdf", "import_file"]

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


def _name_the_source(err: ImportGagal, what: str):
    """Re-raise "no table in this text" naming the file; any other refusal as it is."""
    if str(err) == _NO_TABLE.format(what="teks ini"):
        raise ImportGagal(_NO_TABLE.format(what=what)) from None
    raise err


def import_text(text: str, tahun: int | None = None, *, sumber: str = "teks") -> ImportResult:
    """Lampiran table text, or a whole decree's text with the table inside it."""
    from .bounds import MAX_TEXT_CHARS, too_big
    from .decree import read_identity
    from .finish import build
    from .tables import read

    if text and len(text) > MAX_TEXT_CHARS:
        raise ImportGagal(too_big(f"Teks ini ({len(text) // 1_000_000} juta karakter)"))
    stream = read(text or "")
    reading, shape = _read_rows(stream)
    if not reading.areas and not reading.data_rows:
        raise ImportGagal(_NO_TABLE.format(what="teks ini"))
    formats = " + ".join(sorted(stream.formats)) or "teks"
    ident = read_identity(reading.outside)
    where = f"dari teks ({formats})" if sumber == "teks" else f"dari {sumber}"
    return build(reading, ident, tahun, f"Sumber: tabel {shape} {where}.")


def import_docx(path, tahun: int | None = None) -> ImportResult:
    """A Word .docx: body paragraphs and tables → decree text → :func:`import_text`."""
    from .word import docx_text
    return _import_document(Path(path), tahun, docx_text, "dokumen Word (.docx)", "dokumen Word")


def import_pdf(path, tahun: int | None = None) -> ImportResult:
    """A PDF with a text layer: words by position and ruling lines → decree text → text path."""
    from .pdf import pdf_text
    return _import_document(Path(path), tahun, pdf_text, "PDF", "PDF")


def _import_document(path: Path, tahun: int | None, to_text, sumber: str, kind: str) -> ImportResult:
    """A document read to decree text by ``to_text(path, found)``, imported as text; what the
    reader found of the page (paper, face) goes into the print settings."""
    from .page_setup import apply
    found: dict = {}
    text = to_text(path, found)
    try:
        result = import_text(text, tahun, sumber=sumber)
    except ImportGagal as err:
        _name_the_source(err, f"{kind} \"{path.name}\"")
    apply(result, found)
    return result


def import_xlsx(path, tahun: int | None = None) -> ImportResult:
    """An .xlsx in the export's shape (sheet ``Lampiran`` + ``Identitas``) or in the printed
    Lampiran's column shape (area rows, merged/empty cells continuing the row above)."""
    from .xlsx import import_workbook
    return import_workbook(Path(path), tahun)


_TEXT_SUFFIXES = {".txt", ".tsv", ".md", ".markdown", ".html", ".htm", ".text", ".csv"}


def import_file(path, tahun: int | None = None) -> ImportResult:
    """Dispatch on content (and extension): .xlsx, .docx, .pdf, or text."""
    from .bounds import MAX_FILE_BYTES, check_zip, too_big
    path = Path(path)
    if not path.is_file():
        raise ImportGagal(f"Berkas \"{path}\" tidak ditemukan.")
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as err:
        raise ImportGagal(f"Berkas \"{path.name}\" tidak dapat dibaca ({err.strerror}).") from None
    if size > MAX_FILE_BYTES:
        raise ImportGagal(too_big(f"Berkas \"{path.name}\" ({size // (1024 * 1024)} MB)"))
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        names = check_zip(path, path.name)
        if "word/document.xml" in names:
            return import_docx(path, tahun)
        if "xl/workbook.xml" in names:
            return import_xlsx(path, tahun)
        raise ImportGagal(f"Berkas \"{path.name}\" bukan .xlsx, .docx maupun teks.")
    if head.startswith(b"%PDF") or suffix == ".pdf":
        if not head.startswith(b"%PDF"):
            raise ImportGagal(f"Berkas \"{path.name}\" bukan PDF yang sah.")
        return import_pdf(path, tahun)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix in (".docx", ".xlsx", ".xlsm"):
            raise ImportGagal(f"Berkas \"{path.name}\" dilindungi kata sandi; buka di Word/Excel, "
                              "hapus kata sandinya (File ▸ Info ▸ Protect ▸ Encrypt), simpan, lalu "
                              "impor lagi.")
        if suffix == ".doc":
            raise ImportGagal(f"Berkas \"{path.name}\" berformat Word lama (.doc); buka di Word, "
                              "pilih File ▸ Save As ▸ Word Document (*.docx), lalu impor berkas "
                              ".docx itu.")
        raise ImportGagal(f"Berkas \"{path.name}\" berformat Office lama (.xls/.doc); simpan "
                          "ulang sebagai .xlsx atau .docx lalu impor.")
    if suffix in (".xlsx", ".xlsm", ".docx"):
        raise ImportGagal(f"Berkas \"{path.name}\" bukan {suffix} yang sah.")
    text = _decode(path.read_bytes())
    if text is None:
        raise ImportGagal(f"Berkas \"{path.name}\" bukan tabel Lampiran (isinya bukan teks).")
    if suffix == ".csv":
        text = _csv_to_tsv(text)
    try:
        return import_text(text, tahun)
    except ImportGagal as err:
        _name_the_source(err, f"berkas \"{path.name}\"")


from .textfile import csv_to_tsv as _csv_to_tsv, decode as _decode  # noqa: E402
