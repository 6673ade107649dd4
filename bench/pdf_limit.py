"""The practical ReportLab limit for printing a Lampiran table, as a whole process.

    python bench/pdf_limit.py PLAN.json OUT.pdf teks|bulan

What the fastest approach measured on this machine does and nothing more: the plan read
from JSON, one row flowable per langkah aksi holding its cells wrapped once (greedy, cached
word widths), its own rules drawn with the canvas, the table header drawn by the page
template on every page, fixed column shares, one embedded TrueType family (Liberation Sans,
the product's default face) and DejaVu Sans for the ✓.  No header block, merges, "(lanjutan)",
list indents or page totals: it is the floor the product's ``zi-desktop pdf`` is compared to.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SIZE, LEAD, PAD = 8.5, 10.5, 3.0
PAGE = landscape((215 * mm, 330 * mm))
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 15 * mm, 18 * mm, 18 * mm
WIDTH = PAGE[0] - LEFT - RIGHT
HEAD_H = 24.0


def setup():
    pdfmetrics.registerFont(TTFont("L", str(FONTS / "LiberationSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("LB", str(FONTS / "LiberationSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("D", str(FONTS / "DejaVuSans.ttf")))


_widths: dict[str, float] = {}


def wrap(text: str, width: float) -> list[str]:
    out = []
    face = pdfmetrics.getFont("L")
    space = face.stringWidth(" ", SIZE)
    for para in text.split("\n"):
        cur, cur_w = [], 0.0
        for word in para.split():
            w = _widths.get(word)
            if w is None:
                w = _widths[word] = face.stringWidth(word, SIZE)
            if cur and cur_w + space + w > width:
                out.append(" ".join(cur))
                cur, cur_w = [], 0.0
            cur_w += (space if cur else 0.0) + w
            cur.append(word)
        if cur:
            out.append(" ".join(cur))
    return out


class Row(Flowable):
    def __init__(self, cells: list, edges: list, ticks: list) -> None:
        super().__init__()
        self.cells, self.edges, self.ticks = cells, edges, ticks
        n = max([1] + [len(c) for c in cells])
        self.height = n * LEAD + 2 * PAD

    def wrap(self, aW, aH):
        return WIDTH, self.height

    def draw(self):
        c = self.canv
        h = self.height
        p = c.beginPath()
        for x in self.edges:
            p.moveTo(x, 0)
            p.lineTo(x, h)
        p.moveTo(0, h)
        p.lineTo(WIDTH, h)
        p.moveTo(0, 0)
        p.lineTo(WIDTH, 0)
        c.drawPath(p)
        t = c.beginText()
        t.setFont("L", SIZE)
        for x, lines in zip(self.edges, self.cells):
            for i, line in enumerate(lines):
                t.setTextOrigin(x + PAD, h - PAD - SIZE - i * LEAD)
                t.textOut(line)
        if self.ticks:
            t.setFont("D", SIZE)
            for x in self.ticks:
                t.setTextOrigin(x + 3, h - PAD - SIZE)
                t.textOut("\u2713")
        c.drawText(t)


def main(src: str, out: str, kolom: str) -> None:
    setup()
    plan = json.loads(Path(src).read_text(encoding="utf-8"))
    months = kolom == "bulan"
    shares = [9 * mm] + [0.0] * (4 if months else 5)
    month_w = 6.6 * mm
    free = WIDTH - shares[0] - (12 * month_w if months else 0.0)
    weights = [13, 19, 22, 20] + ([] if months else [11])
    for i, w in enumerate(weights):
        shares[i + 1] = free * w / sum(weights)
    edges, x = [], 0.0
    for w in shares:
        edges.append(x)
        x += w
    month_x = [x + i * month_w for i in range(12)] if months else []
    start = int(plan["rencana"]["bulan_mulai"][5:7])
    story = []
    for ai, area in enumerate(plan["area"]):
        for ki, komp in enumerate(area["komponen"]):
            for ind in komp["indikator"]:
                for j, aksi in enumerate(ind["aksi"]):
                    texts = [str(ki + 1), komp["nama"] if j == 0 else "",
                             ind["teks"] if j == 0 else "", aksi["langkah"], aksi["bukti_fisik"]]
                    if not months:
                        texts.append(aksi["target_waktu"])
                    cells = [wrap(t, w - 2 * PAD) for t, w in zip(texts, shares)]
                    ticks = [month_x[(int(b[5:7]) - start) % 12] for b in aksi["bulan"]] \
                        if months else []
                    story.append(Row(cells, edges + month_x, ticks))

    def header(canv, doc):
        canv.setFont("LB", SIZE)
        y = PAGE[1] - TOP
        canv.rect(LEFT, y - HEAD_H, WIDTH, HEAD_H)
        for x, label in zip(edges, ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK",
                                    "TARGET WAKTU"]):
            canv.drawString(LEFT + x + PAD, y - 14, label)

    doc = BaseDocTemplate(out, pagesize=PAGE, leftMargin=LEFT, rightMargin=RIGHT,
                          topMargin=TOP, bottomMargin=BOTTOM, initialFontName="L")
    frame = Frame(LEFT, BOTTOM, WIDTH, PAGE[1] - TOP - BOTTOM - HEAD_H, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate("t", [frame], onPage=header)])
    doc.build(story)


if __name__ == "__main__":
    main(*sys.argv[1:4])
