"""The Laporan Monitoring dan Evaluasi as PDF: same paper, margins and embedded font family as
the Lampiran. Page 1: title, the per-area table and a bar chart (ReportLab graphics); then the
langkah aksi table whose header the page template draws on every page; then the signer. Rows
are small flowables that wrap each cell once (no ReportLab ``Table``: superlinear, GUIDE §3)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak,
                                PageTemplate, Spacer)

from ..dates import format_tanggal
from ..lampiran import fonts
from ..lampiran.decree import office_lines
from ..lampiran.layout import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAPER, RULE
from ..lampiran.rows import LinesBlock
from ..lampiran.text import Setter, clean, move_to
from .laporan_data import COLUMNS, LEGEND, ReportRow, area_lines, pct, title_lines
from .progress import Progress

SIZE = 8.0
LEADING = 10.0
PAD = 3.0


class _Geometry:
    def __init__(self, kertas: str, face) -> None:
        self.face = face
        self.page_w, self.page_h = PAPER.get(kertas, PAPER["F4"])
        self.width = self.page_w - MARGIN_LEFT - MARGIN_RIGHT
        self.body_h = self.page_h - MARGIN_TOP - MARGIN_BOTTOM
        total = sum(w for _t, w in COLUMNS)
        self.widths = [self.width * w / total for _t, w in COLUMNS]
        # the plan's print face (cetak.huruf), DejaVu Sans drawing what it lacks (✓ ½ ✗ in Arial)
        self.reg = Setter(face.regular, SIZE, fallback=fonts.REGULAR)
        self.bold = Setter(face.bold, SIZE, fallback=fonts.BOLD)
        self.setters = {face.regular: self.reg, face.bold: self.bold}
        self.header = self._lines([t for t, _w in COLUMNS], self.bold)
        self.header_h = self._height(self.header)

    def _lines(self, cells: list[str], setter: Setter) -> list[list]:
        return [setter.wrap(clean(text), w - 2 * PAD) for text, w in zip(cells, self.widths)]

    @staticmethod
    def _height(lines: list[list]) -> float:
        return max(1, max(len(c) for c in lines)) * LEADING + 2 * PAD

    def draw_cells(self, canv, x: float, top: float, lines: list[list], height: float,
                   fill=None) -> None:
        if fill is not None:
            canv.setFillColorRGB(*fill)
            canv.rect(x, top - height, self.width, height, stroke=0, fill=1)
            canv.setFillColorRGB(0, 0, 0)
        canv.setLineWidth(RULE)
        canv.line(x, top, x + self.width, top)
        cx = x
        t = canv.beginText()
        current = None
        for cell, w in zip(lines, self.widths):
            canv.line(cx, top, cx, top - height)
            y = top - PAD - SIZE
            for dx, piece, marker, font in cell:
                setter = self.setters[font]
                if marker:
                    move_to(t, cx + PAD, y)
                    current = setter.draw(t, marker, current)
                move_to(t, cx + PAD + dx, y)
                current = setter.draw(t, piece, current)
                y -= LEADING
            cx += w
        canv.drawText(t)
        canv.line(cx, top, cx, top - height)


class _Row(Flowable):
    """One table row: cells wrapped once; splits between lines only at the top of a page."""

    def __init__(self, geo: _Geometry, row: ReportRow | None, lines=None) -> None:
        super().__init__()
        self.geo = geo
        self.band = bool(row and row.band)
        if lines is None:
            if self.band:
                lines = [geo.bold.wrap(clean(row.cells[0]), geo.width - 2 * PAD, lists=False)]
            else:
                lines = geo._lines(row.cells, geo.reg)
        self.lines = lines
        self.height = geo._height(lines)

    def wrap(self, aW, aH):
        return self.geo.width, self.height

    def split(self, aW, aH):
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop:
            return []
        fit = max(1, int((aH - 2 * PAD) // LEADING))
        head = [c[:fit] for c in self.lines]
        rest = [c[fit:] for c in self.lines]
        if not any(rest):
            return []
        a, b = _Row(self.geo, None, head), _Row(self.geo, None, rest)
        a.band = b.band = self.band
        return [a, b]

    def draw(self):
        canv = self.canv
        if self.band:
            canv.setFillColorRGB(0.94, 0.94, 0.94)
            canv.rect(0, 0, self.geo.width, self.height, stroke=0, fill=1)
            canv.setFillColorRGB(0, 0, 0)
            canv.setLineWidth(RULE)
            canv.rect(0, 0, self.geo.width, self.height, stroke=1, fill=0)
            t = canv.beginText()
            y = self.height - PAD - SIZE
            current = None
            for dx, piece, _m, font in self.lines[0]:
                move_to(t, PAD + dx, y)
                current = self.geo.setters[font].draw(t, piece, current)
                y -= LEADING
            canv.drawText(t)
            return
        self.geo.draw_cells(canv, 0, self.height, self.lines, self.height)
        canv.line(0, 0, self.geo.width, 0)


def _centred(lines: list[str], width: float, setter: Setter, leading: float) -> LinesBlock:
    slices = []
    for text in lines:
        for _dx, piece, _m, _font in setter.wrap(text, width, lists=False):
            slices.append((leading, [((width - setter.width(piece)) / 2.0, piece, setter)]))
    return LinesBlock(slices)


def _summary_table(geo: _Geometry, prog: Progress) -> Flowable:
    class _Summary(Flowable):
        widths = [geo.width * 0.46] + [geo.width * 0.1] * 4

        def wrap(self, aW, aH):
            return geo.width, len(area_lines(prog)) * (LEADING + 2 * PAD)

        def draw(self):
            canv = self.canv
            data = area_lines(prog)
            h = LEADING + 2 * PAD
            top = len(data) * h
            canv.setLineWidth(RULE)
            for r, cells in enumerate(data):
                y = top - r * h
                bold = r == 0 or r == len(data) - 1
                if r == 0:
                    canv.setFillColorRGB(0.86, 0.86, 0.86)
                    canv.rect(0, y - h, sum(self.widths), h, stroke=0, fill=1)
                    canv.setFillColorRGB(0, 0, 0)
                x = 0
                canv.setFont(geo.face.bold if bold else geo.face.regular, SIZE)
                for c, (text, w) in enumerate(zip(cells, self.widths)):
                    canv.rect(x, y - h, w, h, stroke=1, fill=0)
                    setter = geo.bold if bold else geo.reg
                    text = setter.wrap(clean(text), w - 2 * PAD, lists=False)[0][1] if text else ""
                    if c == 0:
                        canv.drawString(x + PAD, y - PAD - SIZE, text)
                    else:
                        canv.drawRightString(x + w - PAD, y - PAD - SIZE, text)
                    x += w
    return _Summary()


def _chart(geo: _Geometry, prog: Progress) -> Drawing:
    n = max(1, len(prog.areas))
    height = 24 + n * 18
    drawing = Drawing(geo.width, height + 20)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 16
    chart.width, chart.height = geo.width * 0.6, height - 10
    chart.data = [[t.persen for _k, _n, t in reversed(prog.areas)] or [0]]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = geo.face.regular
    chart.valueAxis.labels.fontSize = SIZE
    chart.categoryAxis.categoryNames = [f"{k} {nama[:26]}" for k, nama, _t in reversed(prog.areas)] or [""]
    chart.categoryAxis.labels.fontName = geo.face.regular
    chart.categoryAxis.labels.fontSize = SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.bars[0].fillColor = _rgb(0.18, 0.45, 0.70)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: pct(v) + "%"
    chart.barLabels.fontName = geo.face.regular
    chart.barLabels.fontSize = SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(chart.x, height + 8, "Capaian realisasi per area (% dari bulan yang direncanakan)",
                       fontName=geo.face.bold, fontSize=SIZE))
    return drawing


def _rgb(r, g, b):
    from reportlab.lib.colors import Color
    return Color(r, g, b)


def write_pdf(plan: dict, prog: Progress, rows: list[ReportRow], out: Path, today=None) -> None:
    rencana = plan["rencana"]
    cetak = rencana.get("cetak") or {}
    face = fonts.register_fonts(cetak.get("huruf") or "dejavu")   # the Lampiran's face
    fonts.ensure(fonts.REGULAR)
    fonts.ensure(fonts.BOLD)
    geo = _Geometry(str(cetak.get("kertas", "F4")).upper(), face)

    def footer(canv, doc):
        canv.saveState()
        canv.setFont(face.regular, 7.5)
        canv.drawCentredString(geo.page_w / 2.0, MARGIN_BOTTOM / 2.0, f"- {canv.getPageNumber()} -")
        canv.restoreState()

    def table_page(canv, doc):
        footer(canv, doc)
        top = geo.page_h - MARGIN_TOP
        canv.saveState()
        geo.draw_cells(canv, MARGIN_LEFT, top, geo.header, geo.header_h, fill=(0.86, 0.86, 0.86))
        canv.line(MARGIN_LEFT, top - geo.header_h, MARGIN_LEFT + geo.width, top - geo.header_h)
        canv.restoreState()

    doc = BaseDocTemplate(
        str(out), pagesize=(geo.page_w, geo.page_h), leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title="Laporan Monitoring dan Evaluasi",
        author=" ".join(clean(rencana.get("satker")).split()), creator="ZI Desktop",
        initialFontName=face.regular, initialFontSize=SIZE, initialLeading=LEADING, lang="id-ID")
    first = Frame(MARGIN_LEFT, MARGIN_BOTTOM, geo.width, geo.body_h, 0, 0, 0, 0, id="awal")
    table = Frame(MARGIN_LEFT, MARGIN_BOTTOM, geo.width, geo.body_h - geo.header_h, 0, 0, 0, 0, id="tabel")
    doc.addPageTemplates([PageTemplate("awal", [first], onPage=footer),
                          PageTemplate("tabel", [table], onPage=table_page),
                          PageTemplate("akhir", [first], onPage=footer)])
    story: list = [_centred(title_lines(plan, prog), geo.width, Setter(face.bold, 11, fallback=fonts.BOLD), 15),
                   Spacer(1, 8 * mm), _summary_table(geo, prog), Spacer(1, 8 * mm), _chart(geo, prog),
                   Spacer(1, 4 * mm),
                   _centred([f"Terlambat (bulan rencana terlewati tanpa realisasi): {len(prog.terlambat)}; "
                             f"bukti dukung: {prog.bukti} berkas.", LEGEND], geo.width, geo.reg, LEADING),
                   NextPageTemplate("tabel"), PageBreak()]
    story.extend(_Row(geo, row) for row in rows)
    story.append(NextPageTemplate("akhir"))
    story.append(Spacer(1, 10 * mm))
    story.append(_signature(rencana, geo, today))
    doc.build(story)


def _signature(rencana: dict, geo: _Geometry, today: _dt.date | None) -> LinesBlock:
    """The plan's signer at the right: "Contoh, 1 Desember 2025", position, space, name."""
    width = min(90 * mm, geo.width * 0.4)
    x0 = geo.width - width - 8 * mm
    reg = Setter(geo.face.regular, 10, fallback=fonts.REGULAR)
    bold = Setter(geo.face.bold, 10, fallback=fonts.BOLD)
    tempat = " ".join(clean(rencana.get("tempat")).split())
    tanggal = format_tanggal(today or _dt.date.today())
    jabatan = " ".join(clean(rencana.get("jabatan_penandatangan")).split()).upper()
    if jabatan and not jabatan.endswith(","):
        jabatan += ","
    slices = []

    def centred(setter, text):
        for _dx, piece, _m, _font in setter.wrap(text, width, lists=False):
            slices.append((13.0, [(x0 + (width - setter.width(piece)) / 2.0, piece, setter)]))
    centred(reg, f"{tempat}, {tanggal}" if tempat else tanggal)
    for part in office_lines(jabatan):
        centred(reg, part)
    slices.extend([(13.0, [])] * 4)
    centred(bold, " ".join(clean(rencana.get("penandatangan")).split()))
    return LinesBlock(slices)
