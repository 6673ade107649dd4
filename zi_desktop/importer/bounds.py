"""Bounds on what an import reads, written down once (issue 12, "import bounds").

A decree's Lampiran is a few hundred rows of a dozen columns; its text is well under 2 MB, its
.docx/.pdf/.xlsx a few MB. Inputs far beyond that are refused with one sentence before they can
hang the program or take gigabytes: a cell at XFD1048576, ``colspan=999999999``, 10,000 TSV
columns, a zip bomb inside a .docx.
"""

from __future__ import annotations

import zipfile

MAX_FILE_BYTES = 40 * 1024 * 1024       # any source file
MAX_TEXT_CHARS = 8 * 1024 * 1024        # text to read (a decree: < 1 MB)
MAX_LINE_CHARS = 200_000                # one line of text (a long cell with everything in it)
MAX_LINES = 200_000                     # lines of text (a decree with its Lampiran: < 10,000)
MAX_CELL_CHARS = 200_000                # one table cell
MAX_COLUMNS = 64                        # cells of one row (printed: ≤ 20; month grid: 12 + 8)
MAX_ROWS = 20_000                       # table rows (a Lampiran: a few hundred)
MAX_SPAN = 64                           # colspan in HTML
MAX_ROWSPAN = 2_000                     # rowspan in HTML
MAX_SHEET_ROWS = 20_000                 # .xlsx rows read
MAX_SHEET_COLUMNS = 64                  # .xlsx columns read
MAX_ZIP_MEMBERS = 5_000
MAX_ZIP_BYTES = 200 * 1024 * 1024       # all members unpacked
MAX_ZIP_RATIO = 120                     # unpacked / packed of a big member (zip bomb)
MAX_PDF_PAGES = 400


def too_big(what: str) -> str:
    return (f"{what} terlalu besar untuk sebuah Lampiran keputusan (batas ZI Desktop); "
            "periksa berkasnya atau impor bagian tabelnya saja.")


def check_zip(path, name: str) -> set[str]:
    """A .docx/.xlsx container: its member names, or ImportGagal for a broken one or a bomb."""
    from . import ImportGagal
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                raise ImportGagal(too_big(f"Berkas \"{name}\" (isinya {len(infos)} bagian)"))
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.compress_size \
                        and info.file_size / info.compress_size > MAX_ZIP_RATIO:
                    raise ImportGagal(f"Berkas \"{name}\" berisi bagian yang dimampatkan secara "
                                      "tidak wajar (bom zip); berkas ini tidak dibuka.")
            if total > MAX_ZIP_BYTES:
                raise ImportGagal(too_big(f"Isi berkas \"{name}\""))
            return {info.filename for info in infos}
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        raise ImportGagal(f"Berkas \"{name}\" rusak dan tidak dapat dibaca.") from None
