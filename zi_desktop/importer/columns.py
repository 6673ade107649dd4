"""Which column holds what: header rows, month grids, rows of column numbers.

A header row names its columns (``NO | KOMPONEN | INDIKATOR | LANGKAH AKSI | BUKTI FISIK |
TARGET WAKTU …``); the names vary between units, so each field has several spellings. A month
grid is either named in the header itself (``Jan 2025``, ``Januari`` …) or numbered 1–12 / named
in the row right under a header cell such as ``PELAKSANAAN (BULAN)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import NAMA_KE_BULAN
from .cells import strip_markup

# Fields of a row. "area", "pj_area", "no_komponen" only appear in the export's flat shape.
NO, KOMPONEN, INDIKATOR, LANGKAH, BUKTI, WAKTU, CAPAIAN, PJ = (
    "no", "komponen", "indikator", "langkah", "bukti", "waktu", "capaian", "pj")
AREA, PJ_AREA, NO_KOMPONEN = "area", "pj_area", "no_komponen"
TEXT_FIELDS = (KOMPONEN, INDIKATOR, LANGKAH, BUKTI, WAKTU, CAPAIAN, PJ)
STANDARD_ORDER = (NO, KOMPONEN, INDIKATOR, LANGKAH, BUKTI, WAKTU)


def _norm(text: str) -> str:
    text = strip_markup(text).upper()
    text = re.sub(r"[^A-Z0-9/ ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def field_of(header_text: str) -> str | None:
    """A header cell's text → the field it names (None: not a column we know)."""
    t = _norm(header_text)
    if not t or len(t.split()) > 5:
        return None
    if t in ("NO", "NO URUT", "NOMOR", "NOMOR URUT", "NO URT", "N0"):
        return NO
    if t in ("NO KOMPONEN", "NOMOR KOMPONEN"):
        return NO_KOMPONEN
    if t.startswith("PENANGGUNG JAWAB AREA") or t == "PJ AREA":
        return PJ_AREA
    if t in ("AREA", "AREA PERUBAHAN", "AREA PENGUNGKIT"):
        return AREA
    if "KOMPONEN" in t:
        return KOMPONEN
    if "INDIKATOR" in t:
        return INDIKATOR
    if "LANGKAH" in t or "RENCANA AKSI" in t or t in ("AKSI", "KEGIATAN", "RENCANA KEGIATAN",
                                                     "URAIAN KEGIATAN"):
        return LANGKAH
    if "BUKTI" in t or "DATA DUKUNG" in t or t in ("OUTPUT", "KELUARAN", "DOKUMEN"):
        return BUKTI
    if "PENANGGUNG" in t or "PENANGGUNGJAWAB" in t or t in ("PJ", "PIC", "PELAKSANA",
                                                           "UNIT PELAKSANA", "TIM PELAKSANA"):
        return PJ
    if "CAPAIAN" in t or t in ("TARGET", "TARGET KINERJA", "TARGET OUTPUT", "SASARAN"):
        return CAPAIAN
    if ("WAKTU" in t or "JADWAL" in t or "TENGGAT" in t or "PELAKSANAAN" in t or "BULAN" in t
            or "TARGET PENYELESAIAN" in t or "JANGKA" in t or t == "TIMELINE"):
        return WAKTU
    return None


_MONTH_HEAD = re.compile(r"^([A-Za-z]+)\.?(?:[\s\-'/]+(\d{2}|\d{4}))?$")


def month_label(text: str) -> tuple[int, int | None] | None:
    """"Jan 2025" / "Januari" / "MAR-25" → (month, year or None); None if not a month name."""
    t = strip_markup(text).strip()
    m = _MONTH_HEAD.match(t)
    if not m and " " in t and len(t) <= 12:
        m = _MONTH_HEAD.match(t.replace(" ", ""))    # "Jan uari": a PDF's narrow column broke it
    if not m:
        return None
    month = NAMA_KE_BULAN.get(m.group(1).lower())
    if not month:
        return None
    year = m.group(2)
    if year:
        year = int(year) + (2000 if len(year) == 2 else 0)
    return month, year if year else None


def _int_cell(text: str) -> int | None:
    t = strip_markup(text).strip().strip("().")
    return int(t) if t.isdigit() and len(t) <= 3 else None


@dataclass
class Columns:
    """Where each field sits in the rows of one table."""
    fields: dict[str, int]                       # field → column index (first column)
    owner: list[str | None]                      # column index → field (or None: ignored)
    unknown: dict[int, str] = field(default_factory=dict)   # column → header text we ignore
    grid: dict[int, tuple[int, int | None]] = field(default_factory=dict)
    # grid: column → (month number 1-12, year or None)  or  (position 1-12, None) if relative
    grid_relative: bool = False                  # numbered 1..12: months of the plan period
    width: int = 0
    grid_start: int | None = None                # month named in the first column ("Jul" → 7)

    def has(self, name: str) -> bool:
        return name in self.fields

    def with_grid(self, grid: dict[int, tuple[int, int | None]], relative: bool) -> "Columns":
        owner = list(self.owner)
        for col in grid:
            while len(owner) <= col:
                owner.append(owner[-1] if owner else None)
            owner[col] = WAKTU
        grid, relative, start = _positional(grid, relative)
        return Columns(dict(self.fields), owner, dict(self.unknown), grid, relative,
                       max(self.width, len(owner)), start)

    def owner_of(self, col: int) -> str | None:
        if col < len(self.owner):
            return self.owner[col]
        return self.owner[-1] if self.owner else None   # cells beyond the header: last column


def _positional(grid: dict, relative: bool) -> tuple[dict, bool, int | None]:
    """Month names without years ("Jul" … "Jun") → positions 1, 2, … from the first column,
    so a grid that runs over the new year keeps its order; the first month is returned."""
    if relative or not grid or any(year for _, year in grid.values()):
        return grid, relative, None
    cols = sorted(grid)
    start = grid[cols[0]][0]
    out, pos, prev = {}, 1, start
    for n, col in enumerate(cols):
        month = grid[col][0]
        if n:
            pos += (month - prev) % 12 or 12
        out[col] = (pos, None)
        prev = month
    return out, True, start


def read_header(cells: list[str]) -> Columns | None:
    """A header row → its columns, or None when the row is not a header."""
    found: dict[str, int] = {}
    owner: list[str | None] = []
    unknown: dict[int, str] = {}
    grid: dict[int, tuple[int, int | None]] = {}
    named = 0
    last: str | None = None
    for col, raw in enumerate(cells):
        text = strip_markup(raw)
        if not text:
            owner.append(last)              # an empty header cell: part of the one on its left
            continue
        if len(text) > 40:
            return None                     # a sentence: a data row, not a header
        label = month_label(text)
        if label:
            grid[col] = label
            owner.append(WAKTU)
            last = WAKTU
            found.setdefault(WAKTU, col)
            continue
        name = field_of(text)
        if name is None:
            unknown[col] = text
            owner.append(None)
            last = None
            continue
        named += 1
        if name not in found:
            found[name] = col
        owner.append(name)
        last = name
    core = {KOMPONEN, INDIKATOR} & found.keys()
    if not core or named + (1 if grid else 0) < 3 or len(unknown) > named:
        return None
    if len(grid) < 3:
        grid = {}
    cols = Columns(found, owner, unknown, {}, False, len(cells))
    if grid:
        cols = cols.with_grid(grid, relative=False)
    return cols


def read_subheader(cells: list[str], cols: Columns) -> tuple[dict, bool] | None:
    """The row under a header that numbers or names the months of a grid → (grid, relative)."""
    grid: dict[int, tuple[int, int | None]] = {}
    relative = True
    for col, raw in enumerate(cells):
        text = strip_markup(raw)
        if not text:
            continue
        n = _int_cell(text)
        if n is not None and 1 <= n <= 12:
            grid[col] = (n, None)
            continue
        label = month_label(text)
        if label:
            grid[col] = label
            relative = False
            continue
        return None
    if len(grid) < 3:
        return None
    cols_first = min(grid)
    if cols_first == 0 and grid[0] == (1, None) and relative:
        return None                          # "1 2 3 4 5 6 …" from the first column: numbers
    return grid, relative


def is_column_numbers(cells: list[str]) -> bool:
    """A row "1 2 3 4 5 6" (or "(1) (2) …") that numbers the columns."""
    values = [strip_markup(c) for c in cells]
    nonempty = [(i, v) for i, v in enumerate(values) if v]
    if len(nonempty) < 3:
        return False
    numbers = [_int_cell(v) for _, v in nonempty]
    if any(n is None for n in numbers):
        return False
    return numbers[0] == 1 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def standard_columns(width: int) -> Columns:
    """No header found: the standard order NO | KOMPONEN | INDIKATOR | LANGKAH AKSI | BUKTI |
    TARGET WAKTU, then TARGET CAPAIAN / PENANGGUNG JAWAB if there are more columns."""
    order = list(STANDARD_ORDER)
    if width >= 8:
        order += [CAPAIAN, PJ]
    elif width == 7:
        order += [PJ]
    fields = {name: i for i, name in enumerate(order[:max(width, 1)])}
    owner: list[str | None] = list(order[:max(width, 1)])
    return Columns(fields, owner, {}, {}, False, width)
