"""Workbooks → the plan: the export's shape, or a sheet in the printed Lampiran's column shape.

Export shape (docs/ARCHITECTURE.md): sheet ``Lampiran`` with AREA, PENANGGUNG JAWAB AREA,
NO KOMPONEN, KOMPONEN, INDIKATOR, LANGKAH AKSI, BUKTI FISIK, TARGET WAKTU, one column per month
("Jan 2025" holding "✓"), TARGET CAPAIAN, PENANGGUNG JAWAB — and sheet ``Identitas`` (column A
the ``rencana`` key, column B its value).

Printed shape: NO | KOMPONEN | INDIKATOR | LANGKAH AKSI | BUKTI FISIK | TARGET WAKTU … with area
rows; merged cells (only the top-left one holds the value) and empty cells continue the row
above, exactly as in the text import.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..dates import BULAN, BULAN_SINGKAT, format_tanggal
from ..model import CETAK_BAWAAN, RENCANA_BOOL, RENCANA_DAFTAR, RENCANA_JSON, RENCANA_KOLOM, kolom_ke_nilai
from .columns import read_header
from .finish import ImportResult, build
from .flat import is_flat, read_flat
from .lampiran import Reading, read_lampiran
from .tables import Row

_INT_KEYS = {"tahun", "jumlah_bulan"}
# every print setting the export writes comes back (its column in model.RENCANA_KOLOM)
_COLUMN = {key: column for column, key in RENCANA_KOLOM.items()}
_BOOL_KEYS = {k for k, c in _COLUMN.items() if c in RENCANA_BOOL}
_VALUE_KEYS = {k for k, c in _COLUMN.items() if c in RENCANA_DAFTAR or c in RENCANA_JSON}
_TEXT_KEYS = {"satker", "nomor", "tanggal", "tempat", "tentang", "jabatan_penandatangan",
              "penandatangan", "salinan.kantor", "salinan.jabatan", "salinan.nama",
              "bulan_mulai", "judul_tabel"} | \
    {k for k in _COLUMN if k.startswith("cetak.")} - _BOOL_KEYS - _VALUE_KEYS
# the settings of 0004_cetak: an empty cell is no value (an empty mark comes back as "ttd.")
_LATER_KEYS = {"judul_tabel"} | {"cetak." + k for k in CETAK_BAWAAN}


def _fail(message: str):
    from . import ImportGagal
    return ImportGagal(message)


def cell_text(value, header: bool = False) -> str:
    """A cell's value → text: numbers without ".0", dates the Indonesian way, TRUE → "✓"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date)):
        day = value.date() if isinstance(value, _dt.datetime) else value
        if header or day.day == 1:
            names = BULAN_SINGKAT if header else BULAN
            return f"{names[day.month - 1]} {day.year}"
        return format_tanggal(day)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")


def _rows(ws) -> list[list]:
    """The sheet's rows within the bounds (read-only mode: a cell at XFD1048576 must not make
    openpyxl walk the whole grid); a long run of empty rows ends the table."""
    from .bounds import MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, too_big
    out: list[list] = []
    empty = 0
    for row in ws.iter_rows(max_col=MAX_SHEET_COLUMNS, values_only=True):
        if any(v not in (None, "") for v in row):
            if empty:
                out.extend([] for _ in range(empty))
            empty = 0
            out.append(list(row))
            if len(out) > MAX_SHEET_ROWS:
                raise _fail(too_big(f"Lembar \"{ws.title}\""))
        else:
            empty += 1
            if empty > 2000:
                break
    return out


def _header_index(values: list[list], limit: int = 40) -> int | None:
    for i, row in enumerate(values[:limit]):
        if read_header([cell_text(v, header=True) for v in row]) is not None:
            return i
    return None


def _identitas(ws) -> dict:
    out: dict = {}
    for row in _rows(ws):
        if not row or row[0] is None:
            continue
        key = str(row[0]).strip()
        value = row[1] if len(row) > 1 else None
        if key in _LATER_KEYS and value in (None, ""):
            continue                 # not in the workbook (an older export): the default holds
        if key in _INT_KEYS:
            try:
                if value not in (None, ""):
                    out[key] = int(float(value))
            except (TypeError, ValueError):
                pass
        elif key in _BOOL_KEYS:
            if isinstance(value, str):
                out[key] = value.strip().lower() in ("true", "ya", "1", "y", "benar", "✓")
            else:
                out[key] = bool(value)
        elif key in _VALUE_KEYS:
            out[key] = kolom_ke_nilai(_COLUMN[key], "" if value is None else cell_text(value))
        elif key in _TEXT_KEYS:
            if isinstance(value, (_dt.datetime, _dt.date)):
                day = value.date() if isinstance(value, _dt.datetime) else value
                value = day.strftime("%Y-%m") if key == "bulan_mulai" else day.isoformat()
            out[key] = "" if value is None else cell_text(value)
    return out


def import_workbook(path: Path, tahun: int | None = None) -> ImportResult:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover
        raise _fail("Pustaka openpyxl tidak terpasang; berkas .xlsx tidak dapat dibaca.") from None
    if not path.is_file():
        raise _fail(f"Berkas \"{path}\" tidak ditemukan.")
    from .bounds import check_zip
    check_zip(path, path.name)
    try:
        wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:   # openpyxl raises many kinds for a bad file
        raise _fail(f"Berkas \"{path.name}\" tidak dapat dibaca sebagai .xlsx ({type(exc).__name__}).") \
            from None
    try:
        sheets = list(wb.worksheets)
        ordered = [ws for ws in sheets if ws.title.strip().lower() == "lampiran"] + \
                  [ws for ws in sheets if ws.title.strip().lower() not in ("lampiran", "identitas")]
        chosen = None
        for ws in ordered:
            values = _rows(ws)
            at = _header_index(values)
            if at is not None:
                chosen = (ws, values, at)
                break
        if chosen is None:
            raise _fail(f"Tidak ditemukan tabel Lampiran (baris judul NO | KOMPONEN | INDIKATOR | "
                        f"LANGKAH AKSI …) di berkas \"{path.name}\".")
        ws, values, at = chosen
        override = {}
        for other in sheets:
            if other.title.strip().lower() == "identitas":
                override = _identitas(other)
        header_cells = [cell_text(v, header=True) for v in values[at]]
        cols = read_header(header_cells)
        bulan_mulai = None
        if cols.grid:
            first = cols.grid[min(cols.grid)]
            if first[1]:
                bulan_mulai = f"{first[1]:04d}-{first[0]:02d}"
        if is_flat(cols):
            reading = Reading(headers=1)
            rows = []
            for i, row in enumerate(values[at + 1:], start=at + 2):
                cells = [cell_text(v) for v in row]
                if read_header(cells) is not None:
                    reading.repeated_headers += 1
                    continue
                rows.append((cells, i))
            reading = read_flat(rows, cols, reading)
            shape = "ekspor ZI Desktop"
        else:
            items = []
            for i, row in enumerate(values, start=1):
                header = i - 1 == at
                items.append(Row([cell_text(v, header=header) for v in row], i, 1))
            reading = read_lampiran(items)
            shape = "Lampiran"
        if not reading.areas and not reading.data_rows:
            raise _fail(f"Lembar \"{ws.title}\" di berkas \"{path.name}\" tidak berisi baris "
                        "Lampiran.")
        source = f"Sumber: lembar \"{ws.title}\" ({shape}) dari berkas {path.name}."
        from .decree import read_identity
        ident = read_identity(reading.outside) if not override else None
        return build(reading, ident, tahun, source, rencana_override=override,
                     bulan_mulai=bulan_mulai)
    finally:
        wb.close()
