"""The document: page templates, the repeated table header, page numbers, PDF properties.

Two page templates share the body frame: ``awal`` (first page(s): the LAMPIRAN block and
the title flow from the top, the table header is drawn inline by the first row) and
``tabel`` (every following page: the header is drawn by ``onPage`` above a frame that
starts below it).  "Halaman X dari Y" needs Y before it is known: each page draws a
reference to a PDF form that the canvas fills with the page count when it saves.
"""

from __future__ import annotations

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .layout import RULE, Layout
from .rows import PrintState

FOOT_SIZE = 7.5
_TOTAL_FORM = "ziJumlahHalaman"


def _canvas_class(state: PrintState, font: str):
    class LampiranCanvas(Canvas):
        def save(self):
            self.beginForm(_TOTAL_FORM, lowerx=0, lowery=-4, upperx=60, uppery=12)
            self.setFont(font, FOOT_SIZE)
            self.drawString(0, 0, str(state.pages))
            self.endForm()
            super().save()

    return LampiranCanvas


class LampiranDoc(BaseDocTemplate):
    def __init__(self, out, lay: Layout, state: PrintState, *, title: str, author: str,
                 subject: str) -> None:
        self.lay = lay
        self.state = state
        super().__init__(
            out, pagesize=(lay.page_w, lay.page_h),
            leftMargin=lay.left, rightMargin=lay.right, topMargin=lay.top,
            bottomMargin=lay.bottom, title=title, author=author, subject=subject,
            creator="ZI Desktop", producer="ZI Desktop (ReportLab)",
            keywords=["Zona Integritas", "Rencana Aksi", "Lampiran"],
            initialFontName=lay.regular.font, initialFontSize=lay.size,
            initialLeading=lay.leading, lang="id-ID", displayDocTitle=1,
            printScaling="None",   # print dialogs default to actual size, not "fit"
        )
        first = Frame(lay.left, lay.bottom, lay.width, lay.body_h, 0, 0, 0, 0, id="awal")
        table = Frame(lay.left, lay.bottom, lay.width, lay.body_h - lay.header_h, 0, 0, 0, 0,
                      id="tabel")
        self.addPageTemplates([
            PageTemplate("awal", [first], onPage=self._page_first, onPageEnd=self._page_end),
            PageTemplate("tabel", [table], onPage=self._page_table, onPageEnd=self._page_end),
        ])

    def _page_first(self, canv, doc) -> None:
        self.state.page_begins(header=False)
        self._footer(canv)

    def _page_table(self, canv, doc) -> None:
        self.state.page_begins(header=True)
        self.lay.draw_header(canv, self.lay.left, self.lay.page_h - self.lay.top)
        self._footer(canv)

    def _page_end(self, canv, doc) -> None:
        st = self.state
        st.pages += 1
        if st.table_bottom is not None:   # close the table on this page
            canv.saveState()
            canv.setLineWidth(RULE)
            canv.line(self.lay.left, st.table_bottom, self.lay.left + self.lay.width,
                      st.table_bottom)
            canv.restoreState()

    def _footer(self, canv) -> None:
        lay = self.lay
        canv.saveState()
        canv.setFont(lay.regular.font, FOOT_SIZE)
        text = f"Halaman {canv.getPageNumber()} dari "
        x = lay.page_w - lay.right - canv.stringWidth("Halaman 000 dari 000", lay.regular.font,
                                                      FOOT_SIZE)
        y = lay.bottom * 0.45
        canv.drawString(x, y, text)
        canv.translate(x + canv.stringWidth(text, lay.regular.font, FOOT_SIZE), y)
        canv.doForm(_TOTAL_FORM)
        canv.restoreState()

    def build_story(self, story: list) -> None:
        # binary streams: ASCII85 would cost ~0.1 s per print in ReportLab's pure-Python
        # encoder and make the file a quarter larger; every PDF reader takes binary
        rl_config.useA85 = 0
        self.build(story, canvasmaker=_canvas_class(self.state, self.lay.regular.font))
