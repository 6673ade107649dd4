"""Page geometry, the table columns and the table header of the Lampiran.

Everything measured once per print: paper and margins, column positions, fonts and the
header (labels already wrapped), which both the first table row (page 1) and the page
template (every later page) draw with ``draw_header``.
"""

from __future__ import annotations

from typing import NamedTuple

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from zi_desktop.dates import BULAN_SINGKAT

from . import fonts, widths
from .options import Options
from .text import Setter, clean, move_to

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

_TITLES = {"no": "NO", "komponen": "KOMPONEN", "indikator": "INDIKATOR",
           "langkah": "LANGKAH AKSI", "bukti": "BUKTI FISIK", "waktu": "TARGET WAKTU",
           "capaian": "TARGET CAPAIAN", "pj": "PENANGGUNG JAWAB"}
MONTH_GROUP_TITLE = "PELAKSANAAN (BULAN)"


class Column(NamedTuple):
    key: str
    x: float          # from the table's left edge
    width: float
    centre: bool = False

    @property
    def inner(self) -> float:
        return max(self.width - 2 * PAD_X, 4.0)


class _HeadCell(NamedTuple):
    x: float
    width: float
    top: float        # offset below the header top
    height: float
    lines: list = []
    size: float = HEAD_SIZE
    leading: float = HEAD_LEADING
    fill: bool = True


class Layout:
    """Geometry of one print: paper, margins, columns, header, fonts."""

    def __init__(self, opts: Options, months: list[str], plan: dict | None = None) -> None:
        self.opts = opts
        self.face = fonts.face_for(opts.huruf)
        self.kertas = opts.kertas if opts.kertas in PAPER else "F4"
        self.page_w, self.page_h = PAPER[self.kertas]
        self.left, self.right = MARGIN_LEFT, MARGIN_RIGHT
        self.top, self.bottom = MARGIN_TOP, MARGIN_BOTTOM
        self.width = self.page_w - self.left - self.right
        self.body_h = self.page_h - self.top - self.bottom

        self.size, self.leading = BODY_SIZE, BODY_LEADING
        self.regular = self.setter("regular", BODY_SIZE)
        self.bold = self.setter("bold", BODY_SIZE)
        self.italic = self.setter("italic", BODY_SIZE)
        self.head = self.setter("bold", HEAD_SIZE)
        self.month_head = self.setter("bold", MONTH_SIZE)
        self.by_font = {s.font: s for s in (self.regular, self.bold, self.italic)}
        self.tick = Setter(fonts.TANDA, BODY_SIZE, fallback=fonts.REGULAR)
        self.miring = opts.miring_pattern()

        self.month_grid = opts.kolom_waktu == "bulan"
        self.months = list(months) if self.month_grid else []
        self.target_capaian = bool(opts.target_capaian)
        self.penanggung_jawab = bool(opts.penanggung_jawab)
        self.nomor_kolom = bool(opts.nomor_kolom)
        self._columns(plan or {})
        self._header()

    def setter(self, style: str, size: float) -> Setter:
        """A Setter of the print's face in ``style`` (regular, bold, italic, bold_italic),
        falling back to DejaVu Sans of the same style for glyphs the face lacks."""
        names = dict(zip(("regular", "bold", "italic", "bold_italic"), self.face.names))
        dejavu = dict(zip(("regular", "bold", "italic", "bold_italic"),
                          fonts.FACES["dejavu"].names))
        return Setter(names[style], size, fallback=dejavu[style])

    def number(self, text: str) -> str:
        """A komponen number or area code as the plan writes it: "1" or "1."."""
        return text + "." if self.opts.nomor_titik and text else text

    # ----------------------------------------------------------------- columns
    def _shape(self, plan: dict) -> widths.Shape:
        shape = widths.Shape()
        reg = self.regular
        extremes = widths.Extremes()

        def m(value):
            return widths.measure(reg, clean(value))

        as_list = (lambda v: v if isinstance(v, list) else [])
        as_dict = (lambda v: v if isinstance(v, dict) else {})
        komps = [(as_dict(area), as_dict(komp)) for area in as_list(plan.get("area"))
                 for komp in as_list(as_dict(area).get("komponen"))]

        def n_rows(komp):
            return sum(max(1, len(as_list(as_dict(i).get("aksi"))))
                       for i in as_list(komp.get("indikator"))) or 1

        sampled = widths.sample_komponen([n_rows(k) for _a, k in komps])
        for j, (area, komp) in enumerate(komps):
            inds = []
            for ind in as_list(komp.get("indikator")):
                ind = as_dict(ind)
                cells = {"indikator": ind.get("teks")}
                rows = []
                for aksi in as_list(ind.get("aksi")) or [{}]:
                    aksi = as_dict(aksi)
                    row = {"langkah": aksi.get("langkah"), "bukti": aksi.get("bukti_fisik")}
                    if not self.month_grid:
                        row["waktu"] = aksi.get("target_waktu")
                    if self.target_capaian:
                        row["capaian"] = aksi.get("target_capaian")
                    if self.penanggung_jawab:
                        row["pj"] = aksi.get("penanggung_jawab") or area.get("penanggung_jawab")
                    rows.append(row)
                if j in sampled:
                    inds.append((m(cells["indikator"]),
                                 [{k: m(v) for k, v in r.items()} for r in rows]))
                else:
                    for r in [cells, *rows]:
                        for k, v in r.items():
                            extremes.note(k, clean(v))
            if j in sampled:
                shape.komponen.append((m(komp.get("nama")), inds or [(widths.EMPTY, [{}])]))
            else:
                extremes.note("komponen", clean(komp.get("nama")))
        shape.extremes = {k: extremes.widest(reg, k) for k in extremes.lines}
        return shape

    def _columns(self, plan: dict) -> None:
        keys = ["no", "komponen", "indikator", "langkah", "bukti"]
        if not self.month_grid:
            keys.append("waktu")
        if self.target_capaian:
            keys.append("capaian")
        if self.penanggung_jawab:
            keys.append("pj")
        user = {k: v * mm for k, v in self.opts.lebar_kolom.items() if k in keys}
        no_w = user.pop("no", None) or max(9 * mm, self.regular.width(self.number("99"))
                                            + 2 * PAD_X + 2)
        n = len(self.months)
        month_w = min(6.6 * mm, self.width * 0.30 / n) if n else 0.0
        free = self.width - no_w - n * month_w
        # no header word may be cut ("PENANGGUNG")
        need = {k: max(self.head.width(w) for w in _TITLES[k].split()) + 2 * PAD_X + 2
                for k in keys[1:]}
        chosen = widths.choose(self._shape(plan), keys[1:], free, user, need, PAD_X,
                               self.regular.space)
        sizes = {"no": no_w, **chosen}
        cols: list[Column] = []
        x = 0.0
        for k in keys:
            cols.append(Column(k, x, sizes[k], centre=(k == "no")))
            x += sizes[k]
            if k == "bukti":
                for ym in self.months:
                    cols.append(Column("m:" + ym, x, month_w, centre=True))
                    x += month_w
        cols[-1] = cols[-1]._replace(width=self.width - cols[-1].x)   # absorb rounding
        self.columns = cols
        self.col = {c.key: c for c in cols}
        self.month_cols = [c for c in cols if c.key.startswith("m:")]
        self.edges = [c.x for c in cols] + [self.width]

    def widths_mm(self) -> dict:
        """The text columns' widths as printed, in mm (what the Cetak dialog shows)."""
        return {c.key: round(c.width / mm, 1) for c in self.columns
                if not c.key.startswith("m:")}

    # ------------------------------------------------------------------ header
    def _month_label(self, ym: str) -> list[str]:
        year, month = ym.split("-")
        label = [str(int(month)) if self.opts.kepala_bulan == "angka"
                 else BULAN_SINGKAT[int(month) - 1]]
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
                          self.month_head.font)
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
                lines = [((w - 2 * PAD_X - self.head.width(text)) / 2.0, text, "",
                          self.head.font)]
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
            setter = self.month_head if cell.size == MONTH_SIZE else self.head
            current = None
            for i, (dx, piece, _m, _f) in enumerate(cell.lines):
                move_to(t, x + cell.x + PAD_X + dx, base - i * cell.leading)
                current = setter.draw(t, piece, current)
            canv.drawText(t)
        canv.restoreState()
