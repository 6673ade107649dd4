"""Page geometry, the table columns and the table header of the Lampiran.

Everything measured once per print: paper and margins, column positions, fonts and the
header (labels already wrapped), which both the first table row (page 1) and the page
template (every later page) draw with ``draw_header``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from zi_desktop.dates import BULAN_SINGKAT

from . import fonts
from .text import Setter

PAPER = {
    "F4": landscape((215 * mm, 330 * mm)),   # F4 / Folio as Indonesian offices use it
    "A4": landscape(A4),
}

# Binding edge on the left (the pages are bound along the spine of the decree), the page
# number below the table inside the bottom margin.
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 15 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 18 * mm

BODY_SIZE = 8.5
BODY_LEADING = 10.5
HEAD_SIZE = 8.0
HEAD_LEADING = 9.6
MONTH_SIZE = 6.5
PAD_X = 3.0
PAD_TOP = 3.0
PAD_BOTTOM = 3.5
RULE = 0.6               # line width of the table rules
HEADER_FILL = (0.86, 0.86, 0.86)
BAND_FILL = (0.94, 0.94, 0.94)

# Share of the free width for each text column (NO and month columns are fixed).
_WEIGHTS = {"komponen": 13, "indikator": 19, "langkah": 22, "bukti": 20, "waktu": 11,
            "capaian": 12, "pj": 12}
_TITLES = {"no": "NO", "komponen": "KOMPONEN", "indikator": "INDIKATOR",
           "langkah": "LANGKAH AKSI", "bukti": "BUKTI FISIK", "waktu": "TARGET WAKTU",
           "capaian": "TARGET CAPAIAN", "pj": "PENANGGUNG JAWAB"}
MONTH_GROUP_TITLE = "PELAKSANAAN (BULAN)"


@dataclass
class Column:
    key: str
    x: float          # from the table's left edge
    width: float
    centre: bool = False

    @property
    def inner(self) -> float:
        return max(self.width - 2 * PAD_X, 4.0)


@dataclass
class _HeadCell:
    x: float
    width: float
    top: float        # offset below the header top
    height: float
    lines: list = field(default_factory=list)
    size: float = HEAD_SIZE
    leading: float = HEAD_LEADING
    fill: bool = True


class Layout:
    """Geometry of one print: paper, margins, columns, header, fonts."""

    def __init__(self, kertas: str, kolom_waktu: str, months: list[str],
                 target_capaian: bool, penanggung_jawab: bool, nomor_kolom: bool) -> None:
        fonts.register_fonts()
        self.kertas = kertas if kertas in PAPER else "F4"
        self.page_w, self.page_h = PAPER[self.kertas]
        self.left, self.right = MARGIN_LEFT, MARGIN_RIGHT
        self.top, self.bottom = MARGIN_TOP, MARGIN_BOTTOM
        self.width = self.page_w - self.left - self.right
        self.body_h = self.page_h - self.top - self.bottom

        self.size, self.leading = BODY_SIZE, BODY_LEADING
        self.regular = Setter(fonts.REGULAR, BODY_SIZE)
        self.bold = Setter(fonts.BOLD, BODY_SIZE)
        self.italic = Setter(fonts.ITALIC, BODY_SIZE)
        self.head = Setter(fonts.BOLD, HEAD_SIZE)
        self.month_head = Setter(fonts.BOLD, MONTH_SIZE)

        self.month_grid = kolom_waktu == "bulan"
        self.months = list(months) if self.month_grid else []
        self.target_capaian = bool(target_capaian)
        self.penanggung_jawab = bool(penanggung_jawab)
        self.nomor_kolom = bool(nomor_kolom)
        self._columns()
        self._header()

    # ----------------------------------------------------------------- columns
    def _columns(self) -> None:
        keys = ["no", "komponen", "indikator", "langkah", "bukti"]
        if not self.month_grid:
            keys.append("waktu")
        if self.target_capaian:
            keys.append("capaian")
        if self.penanggung_jawab:
            keys.append("pj")
        no_w = 9 * mm
        n = len(self.months)
        month_w = min(6.6 * mm, self.width * 0.30 / n) if n else 0.0
        free = self.width - no_w - n * month_w
        total = sum(_WEIGHTS[k] for k in keys if k != "no")
        widths = {"no": no_w}
        for k in keys[1:]:
            widths[k] = free * _WEIGHTS[k] / total
        # no header word may be cut ("PENANGGUNG"): widen such columns, narrowing the
        # widest ones
        need = {k: max(self.head.width(w) for w in _TITLES[k].split()) + 2 * PAD_X + 2
                for k in keys[1:]}
        short = {k: need[k] - widths[k] for k in keys[1:] if widths[k] < need[k]}
        if short:
            donors = [k for k in keys[1:] if k not in short]
            room = sum(widths[k] - need[k] for k in donors)
            take = min(sum(short.values()), max(room, 0.0))
            for k in donors:
                widths[k] -= take * (widths[k] - need[k]) / room if room > 0 else 0.0
            for k, missing in short.items():
                widths[k] += take * missing / sum(short.values())
        cols: list[Column] = []
        x = 0.0
        for k in keys:
            cols.append(Column(k, x, widths[k], centre=(k == "no")))
            x += widths[k]
            if k == "bukti":
                for ym in self.months:
                    cols.append(Column("m:" + ym, x, month_w, centre=True))
                    x += month_w
        cols[-1].width = self.width - cols[-1].x   # absorb rounding
        self.columns = cols
        self.col = {c.key: c for c in cols}
        self.month_cols = [c for c in cols if c.key.startswith("m:")]
        self.edges = [c.x for c in cols] + [self.width]

    # ------------------------------------------------------------------ header
    def _month_label(self, ym: str) -> list[str]:
        year, month = ym.split("-")
        label = [BULAN_SINGKAT[int(month) - 1]]
        if len({m[:4] for m in self.months}) > 1:
            label.append("'" + year[2:])
        return label

    def _header(self) -> None:
        h = self.head
        cells: list[_HeadCell] = []
        plain = [c for c in self.columns if not c.key.startswith("m:")]
        wrapped = {c.key: h.wrap_centred(_TITLES[c.key], c.inner) for c in plain}
        tallest = max(len(v) for v in wrapped.values())
        if self.month_cols:
            first, last = self.month_cols[0], self.month_cols[-1]
            gw = last.x + last.width - first.x
            group = h.wrap_centred(MONTH_GROUP_TITLE, gw - 2 * PAD_X)
            labels = {c.key: self._month_label(c.key[2:]) for c in self.month_cols}
            n_lab = max(len(v) for v in labels.values())
            top_h = len(group) * HEAD_LEADING + PAD_TOP + PAD_BOTTOM
            low_h = n_lab * MONTH_SIZE * 1.2 + PAD_TOP + PAD_BOTTOM
            total = max(top_h + low_h, tallest * HEAD_LEADING + PAD_TOP + PAD_BOTTOM)
            top_h = total - low_h
            cells.append(_HeadCell(first.x, gw, 0.0, top_h, group))
            for c in self.month_cols:
                lines = [((c.width - 2 * PAD_X - self.month_head.width(t)) / 2.0, t, "",
                          fonts.BOLD)
                         for t in labels[c.key]]
                cells.append(_HeadCell(c.x, c.width, top_h, low_h, lines,
                                       MONTH_SIZE, MONTH_SIZE * 1.2))
        else:
            total = tallest * HEAD_LEADING + PAD_TOP + PAD_BOTTOM
        for c in plain:
            cells.append(_HeadCell(c.x, c.width, 0.0, total, wrapped[c.key]))
        self.header_label_h = total
        if self.nomor_kolom:
            num_h = HEAD_LEADING + PAD_TOP + PAD_BOTTOM - 1
            n = 0
            done_group = False
            for c in self.columns:
                if c.key.startswith("m:"):
                    if done_group:
                        continue
                    done_group = True
                    first, last = self.month_cols[0], self.month_cols[-1]
                    x, w = first.x, last.x + last.width - first.x
                else:
                    x, w = c.x, c.width
                n += 1
                text = str(n)
                lines = [((w - 2 * PAD_X - self.head.width(text)) / 2.0, text, "", fonts.BOLD)]
                cells.append(_HeadCell(x, w, total, num_h, lines, fill=False))
            total += num_h
        self.header_h = total
        self.head_cells = cells
        self.table_frame_h = self.body_h - total    # body height below the repeated header

    def draw_header(self, canv, x: float, y_top: float) -> None:
        """The table header with its top-left corner at (x, y_top)."""
        canv.saveState()
        canv.setLineWidth(RULE)
        canv.setFillColorRGB(*HEADER_FILL)
        for cell in self.head_cells:
            if cell.fill:
                canv.rect(x + cell.x, y_top - cell.top - cell.height, cell.width, cell.height,
                          stroke=0, fill=1)
        canv.setFillColorRGB(0, 0, 0)
        for cell in self.head_cells:
            canv.rect(x + cell.x, y_top - cell.top - cell.height, cell.width, cell.height,
                      stroke=1, fill=0)
            text_h = len(cell.lines) * cell.leading
            base = (y_top - cell.top - (cell.height - text_h) / 2.0
                    - cell.leading / 2.0 - cell.size * 0.36)
            t = canv.beginText()
            t.setFont(fonts.BOLD, cell.size)
            for i, (dx, piece, _m, _f) in enumerate(cell.lines):
                t.setTextOrigin(x + cell.x + PAD_X + dx, base - i * cell.leading)
                t.textOut(piece)
            canv.drawText(t)
        canv.restoreState()
