"""The whole decree as one PDF: the body on portrait pages of the plan's paper ("- 2 -" centred
at the top of every page after the first, as KPU decrees number them), then the Lampiran — its
chapters on portrait pages, the table on landscape pages — with the signature blocks.

The table is the Lampiran as ``zi_desktop.lampiran.build_lampiran`` prints it (same options);
the body and chapters are built here with ReportLab and the two are joined with pypdf (BSD)
into one file. Fonts: the Lampiran's embedded family. No Qt here.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame,
                                NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer)

from ..lampiran import lampiran_story, print_story
from ..lampiran import fonts
from ..lampiran.decree import (doc_title, expand_satker, front_slices, nomor_line,
                               tail_slices, title_text)
from ..lampiran.layout import PAPER, Layout
from ..lampiran.rows import LinesBlock
from ..lampiran.text import clean
from . import BAB, empty
from .labels import bab as bab_label
from .bab import split_item
from .labels import label
from . import menetapkan

SIZE = 11.0
LEADING = 14.5
MARGINS = (25 * mm, 20 * mm, 20 * mm, 20 * mm)     # left, right, top, bottom
SECTION_W = 31 * mm        # "Menimbang", "Menetapkan", "KESATU" …
COLON_W = 4 * mm
ITEM_W = 8 * mm            # "a.", "10."


@dataclass
class KeputusanResult:
    pages: int              # whole document
    halaman_isi: int        # body pages (and the Lampiran chapters)
    halaman_lampiran: int   # pages of the Lampiran table


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    """The body's paragraph styles in the print's face (``cetak.huruf``)."""
    def style(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, **{"fontName": regular, "fontSize": SIZE,
                                       "leading": LEADING, **kw})
    return {"judul": style("judul", fontName=bold, alignment=TA_CENTER),
            "label": style("label"),
            "isi": style("isi", alignment=TA_JUSTIFY),
            "paragraf": style("paragraf", alignment=TA_JUSTIFY, firstLineIndent=10 * mm,
                              spaceAfter=4)}


STYLES = _styles(fonts.REGULAR, fonts.BOLD)      # set again for each build in its face


def _p(text, style: str = "isi") -> Paragraph:
    """User text is never markup: escaped, newlines kept."""
    return Paragraph(escape(clean(text)).replace("\n", "<br/>"), STYLES[style])


class Labelled(Flowable):
    """A paragraph with labels on its first line ("Menimbang", ":", "a.") at fixed x positions;
    splits across pages like the paragraph, the labels staying on the first part."""

    def __init__(self, labels: list[tuple[float, str]], para: Paragraph, indent: float) -> None:
        super().__init__()
        self.labels = [(x, _p(t, "label")) for x, t in labels]
        self.para = para
        self.indent = indent

    @classmethod
    def _part(cls, labels, para, indent):
        part = cls([], para, indent)
        part.labels = labels
        return part

    def wrap(self, aW, aH):
        self.width = aW
        _w, h = self.para.wrap(aW - self.indent, aH)
        lh = 0.0
        for i, (x, p) in enumerate(self.labels):
            nxt = self.labels[i + 1][0] if i + 1 < len(self.labels) else self.indent
            lh = max(lh, p.wrap(max(nxt - x, 1.0), aH)[1])
        self.height = max(h, lh)
        return aW, self.height

    def split(self, aW, aH):
        parts = self.para.split(aW - self.indent, aH)
        if len(parts) < 2:
            return []
        return [self._part(self.labels if i == 0 else [], p, self.indent)
                for i, p in enumerate(parts)]

    def draw(self):
        for x, p in self.labels:
            p.drawOn(self.canv, x, self.height - p.height)
        self.para.drawOn(self.canv, self.indent, self.height - self.para.height)


def _section(name: str, items: list[str], bagian: str | None) -> list:
    """ "Menimbang : a. …" — the name and colon on the first item, the item labels derived."""
    out: list = []
    single = len(items) == 1 and bagian in ("memperhatikan", "mengingat")
    for n, text in enumerate(items, 1):
        labels = [(0.0, name if n == 1 else ""), (SECTION_W, ":" if n == 1 else "")]
        indent = SECTION_W + COLON_W
        if bagian and not single:
            labels.append((indent, label(bagian, n)))
            indent += ITEM_W
        out.append(Labelled([lb for lb in labels if lb[1]], _p(text), indent))
        out.append(Spacer(1, 3))
    return out


def _heading(rencana: dict) -> list:
    satker = expand_satker(rencana.get("satker", ""))
    jabatan = " ".join(clean(rencana.get("jabatan_penandatangan")).split()).upper()
    out = [_p(("KEPUTUSAN " + satker).strip(), "judul"), _p(nomor_line(rencana), "judul"),
           Spacer(1, 6), _p("TENTANG", "judul"), Spacer(1, 6), _p(title_text(rencana), "judul"),
           Spacer(1, 14)]
    if jabatan:
        out += [_p(jabatan if jabatan.endswith(",") else jabatan + ",", "judul"), Spacer(1, 12)]
    return out


class _Portrait:
    """The Lampiran's Layout (faces, conventions) with the width of a portrait page, for the
    LAMPIRAN block and the signature block the Lampiran module sets."""

    def __init__(self, lay, width: float) -> None:
        self._lay = lay
        self.width = width
        # the body is signed with place and date whatever the Lampiran's end repeats
        self.opts = lay.opts._replace(ulang_ditetapkan=True)

    def __getattr__(self, name):
        return getattr(self._lay, name)


def body_story(plan: dict, lay) -> list:
    """The decree body: heading, Menimbang … diktum, signature."""
    rencana = plan.get("rencana") or {}
    body = {**empty(), **(plan.get("keputusan") or {})}
    story = _heading(rencana)
    for bagian, name in (("menimbang", "Menimbang"), ("mengingat", "Mengingat"),
                         ("memperhatikan", "Memperhatikan")):
        if body[bagian]:
            story += _section(name, body[bagian], bagian) + [Spacer(1, 8)]
    story += [_p("MEMUTUSKAN:", "judul"), Spacer(1, 8)]
    story += _section("Menetapkan", [menetapkan.printed(plan)], None) + [Spacer(1, 4)]
    for n, text in enumerate(body["diktum"], 1):
        story += _section(label("diktum", n), [text], None)
    story += [Spacer(1, 16), CondPageBreak(60 * mm), LinesBlock(tail_slices(rencana, lay))]
    return story


def _chapter_lines(isi: str) -> list:
    """A chapter's text: list items with a hanging label, paragraphs with a first-line indent."""
    out: list = []
    for line in clean(isi).split("\n"):
        mark, text, level = split_item(line)
        if not text and not mark:
            continue
        if not mark:
            out.append(_p(text, "paragraf"))
            continue
        x = (level - 1) * ITEM_W
        out.append(Labelled([(x, mark)], _p(text), x + ITEM_W))
        out.append(Spacer(1, 2))
    return out


def chapters_story(plan: dict, lay) -> list:
    """The Lampiran's chapters: the LAMPIRAN block and title, then BAB I … with their text."""
    rencana = plan.get("rencana") or {}
    chapters = (plan.get("keputusan") or {}).get(BAB) or []
    if not chapters:
        return []
    # the Lampiran opens here: its block and the decree's title, printed once (not again
    # above the table, which build_keputusan prints with ``kepala=False``)
    story: list = [LinesBlock(front_slices(rencana, lay, title=title_text(rencana))),
                   Spacer(1, 10)]
    for n, chapter in enumerate(chapters, 1):
        story += [CondPageBreak(40 * mm), _p(bab_label(n), "judul"),
                  _p(" ".join(clean(chapter.get("judul")).split()).upper(), "judul"),
                  Spacer(1, 8)]
        story += _chapter_lines(chapter.get("isi", "")) + [Spacer(1, 10)]
    return story


class BodyDoc(BaseDocTemplate):
    def __init__(self, out, pagesize, **meta) -> None:
        left, right, top, bottom = MARGINS
        super().__init__(out, pagesize=pagesize, leftMargin=left, rightMargin=right,
                         topMargin=top, bottomMargin=bottom,
                         initialFontName=STYLES["label"].fontName,
                         initialFontSize=SIZE, initialLeading=LEADING, lang="id-ID",
                         creator="ZI Desktop", producer="ZI Desktop (ReportLab)", **meta)
        frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                      0, 0, 0, 0, id="isi")
        self.section_start = 1
        self.addPageTemplates([PageTemplate("isi", [frame], onPage=self._number),
                               PageTemplate("lampiran", [frame], onPage=self._lampiran)])

    def _lampiran(self, canv, doc) -> None:
        if self.section_start == 1:          # the Lampiran's first page: its count starts here
            self.section_start = canv.getPageNumber()
        self._number(canv, doc)

    def _number(self, canv, doc) -> None:
        """ "- 2 -" centred at the top from the second page of the body (and of the Lampiran)."""
        n = canv.getPageNumber() - self.section_start + 1
        if n < 2:
            return
        canv.saveState()
        canv.setFont(STYLES["label"].fontName, SIZE)
        canv.drawCentredString(self.pagesize[0] / 2, self.pagesize[1] - MARGINS[2] / 2 - 3,
                               f"- {n} -")
        canv.restoreState()


def build_body(plan: dict, out, table: Layout) -> int:
    """Body and Lampiran chapters on portrait pages of the plan's paper to ``out``, in the faces
    and conventions of the Lampiran's ``table`` layout (``lampiran_story``'s: measuring the
    table's columns once for both). Returns the page count."""
    rencana = plan.get("rencana") or {}
    face = fonts.register_fonts(table.opts.huruf)
    STYLES.update(_styles(face.regular, face.bold))
    landscape_w, landscape_h = PAPER.get(table.kertas, PAPER["F4"])
    pagesize = (landscape_h, landscape_w)
    lay = _Portrait(table, pagesize[0] - MARGINS[0] - MARGINS[1])
    doc = BodyDoc(out, pagesize, title=doc_title(rencana).replace("Lampiran Keputusan",
                                                                  "Keputusan", 1),
                  author=" ".join(clean(rencana.get("satker")).split()),
                  subject=" ".join(clean(rencana.get("tentang")).split()))
    story = body_story(plan, lay)
    chapters = chapters_story(plan, lay)
    if chapters:
        story += [NextPageTemplate("lampiran"), PageBreak()] + chapters
    doc.build(story)
    return doc.page


def build_keputusan(plan: dict, out: str | os.PathLike | BinaryIO, **options) -> KeputusanResult:
    """The whole decree of ``plan`` to ``out``; ``options`` are ``build_lampiran``'s."""
    from pypdf import PdfReader, PdfWriter
    plan = plan if isinstance(plan, dict) else {}
    rencana = plan.get("rencana") if isinstance(plan.get("rencana"), dict) else {}
    body_pdf, table_pdf = io.BytesIO(), io.BytesIO()
    chapters = bool((plan.get("keputusan") or {}).get(BAB))
    # chapters opened the Lampiran with its block and title: the table does not repeat them
    parts = lampiran_story(plan, kepala=not chapters, **options)
    body_pages = build_body(plan, body_pdf, parts[1])
    table = print_story(parts, table_pdf)
    writer = PdfWriter()
    writer.append(PdfReader(body_pdf))
    writer.append(PdfReader(table_pdf))
    writer.add_metadata({"/Title": doc_title(rencana).replace("Lampiran Keputusan", "Keputusan", 1),
                         "/Author": " ".join(clean(rencana.get("satker")).split()),
                         "/Creator": "ZI Desktop", "/Producer": "ZI Desktop (ReportLab, pypdf)"})
    if isinstance(out, (str, os.PathLike)):
        with open(out, "wb") as fh:
            writer.write(fh)
    else:
        writer.write(out)
    return KeputusanResult(pages=body_pages + table.pages, halaman_isi=body_pages,
                           halaman_lampiran=table.pages)
