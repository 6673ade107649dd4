"""The whole decree as a Word file (python-docx): the same document as the whole-decree PDF, for
the unit's legal office (JDIH) or to touch up in Word.

Portrait sections of the plan's paper for the body (page numbers "- 2 -" centred in the header
from the second page) and for the Lampiran's chapters; a landscape section for the table — a
real Word table whose header row repeats on every page, komponen (and its number) merged down
its rows (``w:vMerge``), area rows merged across. Named styles ("ZI Judul", "ZI Isi", …) so
Word's style pane can restyle the whole decree at once. No Qt here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from ..dates import BULAN_SINGKAT, month_range
from ..lampiran.decree import (expand_satker, level_names, nomor_line, table_title_after_chapters,
                               tail_texts, title_text)
from ..lampiran.options import resolve
from ..lampiran.text import clean as _clean
from . import BAB, empty
from .bab import split_item
from .labels import bab as bab_label
from .labels import label
from . import menetapkan

FONT = "Arial"
SIZE = 11
TABLE_SIZE = 8
PAPER_MM = {"F4": (215, 330), "A4": (210, 297)}


def clean(value) -> str:
    """Plan text → what Word's XML can hold."""
    return re.sub("[\ufffe\uffff]", "", _clean(value))


def _one_line(value) -> str:
    return " ".join(clean(value).split())


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE)
    normal.paragraph_format.space_after = Pt(0)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name, bold, align, size in (("ZI Judul", True, WD_ALIGN_PARAGRAPH.CENTER, SIZE),
                                    ("ZI Isi", False, WD_ALIGN_PARAGRAPH.JUSTIFY, SIZE),
                                    ("ZI Kepala Lampiran", False, WD_ALIGN_PARAGRAPH.LEFT, 9),
                                    ("ZI Tanda Tangan", False, WD_ALIGN_PARAGRAPH.LEFT, 10),
                                    ("ZI Tabel", False, WD_ALIGN_PARAGRAPH.LEFT, TABLE_SIZE),
                                    ("ZI Judul Tabel", True, WD_ALIGN_PARAGRAPH.CENTER,
                                     TABLE_SIZE)):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.bold = bold
        style.font.size = Pt(size)
        style.paragraph_format.alignment = align


def _para(container, text, style="ZI Isi", *, bold=None, indent_mm=None, space_after=0):
    p = container.add_paragraph()
    p._p.style = _style_id(style)
    lines = clean(text).split("\n")
    run = p.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run = p.add_run(line)
    if bold is not None:
        for r in p.runs:
            r.bold = bold
    if indent_mm is not None:
        p.paragraph_format.left_indent = Mm(indent_mm)
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _page(section, kertas: str, landscape: bool) -> None:
    w, h = PAPER_MM.get(kertas, PAPER_MM["F4"])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(h), Mm(w)) if landscape else (Mm(w), Mm(h))
    section.left_margin = Mm(25)
    section.right_margin = Mm(15 if landscape else 20)
    section.top_margin = section.bottom_margin = Mm(20 if not landscape else 18)


def _field(paragraph, instr: str) -> None:
    """A Word field (PAGE) inside ``paragraph``."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "2"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _page_numbers(section) -> None:
    """ "- 2 -" centred at the top of every page but the section's first."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("- ")
    _field(p, "PAGE")
    p.add_run(" -")
    section.first_page_header.is_linked_to_previous = False
    start = OxmlElement("w:pgNumType")
    start.set(qn("w:start"), "1")
    section._sectPr.append(start)


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _grid(table, widths_mm: list[float]) -> None:
    """Fixed column widths, set on the grid before rows are added (rows copy them; LibreOffice
    reads the grid, Word the cells)."""
    table.autofit = False
    for grid, w in zip(table._tbl.tblGrid.gridCol_lst, widths_mm):
        grid.w = Mm(w)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _labelled(doc, rows: list[tuple[str, str, str, str]], width_mm: float) -> None:
    """Menimbang/Mengingat/diktum as a borderless 4-column table: name, ":", label, text (a row
    without an item label spans its text over the label's column)."""
    widths = [31, 4, 8, width_mm - 43]
    table = doc.add_table(rows=0, cols=4)
    _borderless(table)
    _grid(table, widths)
    for name, colon, mark, text in rows:
        cells = _fast_row(table, widths, None if mark else [1, 1, 2])
        values = (name, colon, mark, text) if mark else (name, colon, text)
        for cell, value in zip(cells, values):
            _cell_xml(cell, value, style="ZI Isi")
            cell.paragraphs[0].paragraph_format.space_after = Pt(3)


def _section_rows(name: str, items: list[str], bagian: str | None) -> list[tuple]:
    single = len(items) == 1 and bagian in ("memperhatikan", "mengingat")
    return [(name if n == 1 else "", ":" if n == 1 else "",
             label(bagian, n) if bagian and not single else "", text)
            for n, text in enumerate(items, 1)]


def _signature(doc, rencana: dict, width_mm: float, *, body: bool) -> None:
    """Signature at the right; "Salinan sesuai dengan aslinya" at the left when filled in —
    the lines the printed decree has (``decree.tail_texts``), one table row per line, so the
    copy's block starts level with the signer's position and the two names share a row;
    the rows stay together on one page."""
    opts = resolve(rencana.get("cetak"), {})
    if body:              # the body is signed with place and date, whatever the Lampiran repeats
        opts = opts._replace(ulang_ditetapkan=True)
    left, right, left_name, right_name = tail_texts(rencana, opts)
    salinan = bool(left)
    level_names(left, right, salinan)
    block = min(90.0, width_mm * 0.42)        # the signer's block at the right, as printed
    widths = [width_mm - block - 14, 6, block, 8]
    table = doc.add_table(rows=0, cols=4)
    _borderless(table)
    _grid(table, widths)
    lines = list(zip(left + [None] * (len(right) - len(left)), right))
    lines.append(((left_name, False) if salinan else None, (right_name, True)))
    for n, pair in enumerate(lines):
        cells = _fast_row(table, widths)
        _no_split(cells[0]._tc.getparent())
        for cell, line in zip(cells[0::2], pair):
            text, centred = line if line is not None else ("", False)
            _cell_xml(cell, text, bold=n == len(lines) - 1, center=centred,
                      style="ZI Tanda Tangan")
            fmt = cell.paragraphs[0].paragraph_format
            fmt.space_after = Pt(0)
            fmt.keep_with_next = n < len(lines) - 1


def _no_split(tr) -> None:
    el = OxmlElement("w:cantSplit")
    tr.get_or_add_trPr().append(el)


def _lampiran_head(doc, rencana: dict, width_mm: float) -> None:
    satker = expand_satker(rencana.get("satker", ""))
    lines = ["LAMPIRAN", f"KEPUTUSAN {satker}".strip(), nomor_line(rencana).replace("\u00a0", " "),
             "TENTANG", _one_line(rencana.get("tentang")).upper()]
    for line in lines:
        _para(doc, line, "ZI Kepala Lampiran", indent_mm=width_mm * 0.55)
    doc.add_paragraph()
    _para(doc, title_text(rencana), "ZI Judul", space_after=8)


def _chapters(doc, chapters: list[dict]) -> None:
    for n, chapter in enumerate(chapters, 1):
        _para(doc, bab_label(n), "ZI Judul")
        _para(doc, _one_line(chapter.get("judul")).upper(), "ZI Judul", space_after=6)
        for line in clean(chapter.get("isi")).split("\n"):
            mark, text, level = split_item(line)
            if not text and not mark:
                continue
            if mark:
                p = _para(doc, f"{mark}\t{text}", indent_mm=8 * level, space_after=2)
                p.paragraph_format.first_line_indent = Mm(-8)
                p.paragraph_format.tab_stops.add_tab_stop(Mm(8 * level))
            else:
                p = _para(doc, text, space_after=4)
                p.paragraph_format.first_line_indent = Mm(10)
        doc.add_paragraph()


# --- the Lampiran table -------------------------------------------------------------------------

def _style_id(name: str) -> str:
    """Our style names are their ids minus spaces (python-docx's name lookup is slow)."""
    return name.replace(" ", "")


def _cell_xml(cell, text: str, *, bold=False, center=False, style="ZI Tabel") -> None:
    p = cell.paragraphs[0]
    p._p.style = _style_id(style)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = clean(text).split("\n")
    run = p.add_run(lines[0])
    run.bold = bold
    for line in lines[1:]:
        run.add_break()
        run = p.add_run(line)
        run.bold = bold


def _vmerge(cell, restart: bool) -> None:
    el = OxmlElement("w:vMerge")
    if restart:
        el.set(qn("w:val"), "restart")
    cell._tc.get_or_add_tcPr().append(el)


def _fast_row(table, widths, spans=None) -> list:
    """A new row's cells without python-docx's whole-table cell walk (quadratic over 3,000
    rows): ``spans`` gives cells spanning several grid columns (``w:gridSpan``)."""
    tr = table._tbl.add_tr()
    cells = []
    col = 0
    for span in spans or [1] * len(widths):
        tc = tr.add_tc()
        tc.width = Mm(sum(widths[col:col + span]))
        if span > 1:
            el = OxmlElement("w:gridSpan")
            el.set(qn("w:val"), str(span))
            tc.get_or_add_tcPr().append(el)
        cells.append(_Cell(tc, table))
        col += span
    return cells


def _repeat_header(row) -> None:
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _columns(plan: dict, width_mm: float) -> tuple[list[str], list[float], list[str]]:
    rencana = plan.get("rencana") or {}
    cetak = rencana.get("cetak") or {}
    months: list[str] = []
    if cetak.get("kolom_waktu") == "bulan":
        try:
            months = month_range(rencana.get("bulan_mulai") or f"{rencana.get('tahun')}-01",
                                 min(int(rencana.get("jumlah_bulan") or 12), 36))
        except (ValueError, TypeError):
            months = []
    heads = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK"]
    weights = [1.0, 3.0, 4.0, 4.5, 4.0]
    if months:
        heads += [BULAN_SINGKAT[int(m[5:]) - 1] for m in months]
        weights += [0.8] * len(months)
    else:
        heads.append("TARGET WAKTU")
        weights.append(2.4)
    if cetak.get("target_capaian"):
        heads.append("TARGET CAPAIAN")
        weights.append(2.4)
    if cetak.get("penanggung_jawab"):
        heads.append("PENANGGUNG JAWAB")
        weights.append(2.6)
    total = sum(weights)
    return heads, [width_mm * w / total for w in weights], months


def _table(doc, plan: dict, width_mm: float) -> int:
    """The Lampiran table; returns the number of langkah aksi rows."""
    heads, widths, months = _columns(plan, width_mm)
    cetak = (plan.get("rencana") or {}).get("cetak") or {}
    table = doc.add_table(rows=0, cols=len(heads))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _grid(table, widths)
    table.add_row()
    for cell, head, w in zip(table.rows[0].cells, heads, widths):
        cell.width = Mm(w)
        _cell_xml(cell, head, bold=True, center=True, style="ZI Judul Tabel")
    _repeat_header(table.rows[0])
    count = 0
    for area in plan.get("area") or []:
        cells = _fast_row(table, widths, [1, len(widths) - 1])
        _cell_xml(cells[0], area.get("kode", ""), bold=True, center=True)
        _cell_xml(cells[1], _one_line(area.get("nama")), bold=True)
        for k_no, komponen in enumerate(area.get("komponen") or [], 1):
            first = True
            rows = [(ind, aksi) for ind in komponen.get("indikator") or []
                    for aksi in (ind.get("aksi") or [None])] or [(None, None)]
            last_ind = object()
            for ind, aksi in rows:
                cells = _fast_row(table, widths)
                for col in (0, 1):
                    _vmerge(cells[col], first)
                if first:
                    _cell_xml(cells[0], str(k_no), center=True)
                    _cell_xml(cells[1], komponen.get("nama", ""))
                if ind is not last_ind and ind is not None:
                    _cell_xml(cells[2], ind.get("teks", ""))
                last_ind = ind
                first = False
                if aksi is None:
                    continue
                count += 1
                _cell_xml(cells[3], aksi.get("langkah", ""))
                _cell_xml(cells[4], aksi.get("bukti_fisik", ""))
                col = 5
                if months:
                    ticked = set(aksi.get("bulan") or [])
                    for m in months:
                        _cell_xml(cells[col], "✓" if m in ticked else "", center=True)
                        col += 1
                else:
                    _cell_xml(cells[col], aksi.get("target_waktu", ""))
                    col += 1
                if cetak.get("target_capaian"):
                    _cell_xml(cells[col], aksi.get("target_capaian", ""))
                    col += 1
                if cetak.get("penanggung_jawab"):
                    _cell_xml(cells[col], aksi.get("penanggung_jawab") or
                              area.get("penanggung_jawab", ""))
    return count


def export_docx(plan: dict, out: str | os.PathLike) -> Path:
    """Write the whole decree of ``plan`` to ``out`` (.docx), through the one atomic writer:
    a failed export leaves no half file under the name."""
    from ..atomic import write_beside
    out = Path(out)
    with write_beside(out, prefix=".zi-ekspor-") as tmp:
        build_docx(plan).save(str(tmp))
    return out


def build_docx(plan: dict):
    """The python-docx Document of the whole decree."""
    rencana = plan.get("rencana") or {}
    kertas = str((rencana.get("cetak") or {}).get("kertas") or "F4").upper()
    kertas = kertas if kertas in PAPER_MM else "F4"
    body = {**empty(), **(plan.get("keputusan") or {})}
    doc = Document()
    _styles(doc)
    props = doc.core_properties
    props.title = f"Keputusan {_one_line(rencana.get('satker'))} {nomor_line(rencana)}".strip()
    props.author = _one_line(rencana.get("satker"))
    props.subject = _one_line(rencana.get("tentang"))
    w_mm, _h = PAPER_MM[kertas]
    width = w_mm - 45
    section = doc.sections[0]
    _page(section, kertas, landscape=False)
    _page_numbers(section)

    satker = expand_satker(rencana.get("satker", ""))
    _para(doc, f"KEPUTUSAN {satker}".strip(), "ZI Judul")
    _para(doc, nomor_line(rencana).replace("\u00a0", " "), "ZI Judul", space_after=6)
    _para(doc, "TENTANG", "ZI Judul", space_after=6)
    _para(doc, title_text(rencana), "ZI Judul", space_after=12)
    jabatan = _one_line(rencana.get("jabatan_penandatangan")).upper()
    if jabatan:
        _para(doc, jabatan if jabatan.endswith(",") else jabatan + ",", "ZI Judul",
              space_after=12)
    rows: list[tuple] = []
    for bagian, name in (("menimbang", "Menimbang"), ("mengingat", "Mengingat"),
                         ("memperhatikan", "Memperhatikan")):
        if body[bagian]:
            rows += _section_rows(name, body[bagian], bagian) + [("", "", "", "")]
    if rows:
        _labelled(doc, rows, width)
    _para(doc, "MEMUTUSKAN:", "ZI Judul", space_after=8)
    rows = _section_rows("Menetapkan", [menetapkan.printed(plan)], None)
    rows += [r for n, text in enumerate(body["diktum"], 1)
             for r in _section_rows(label("diktum", n), [text], None)]
    _labelled(doc, rows, width)
    doc.add_paragraph()
    _signature(doc, rencana, width, body=True)

    chapters = body[BAB]
    if chapters:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        _page(section, kertas, landscape=False)
        _page_numbers(section)
        _lampiran_head(doc, rencana, width)
        _chapters(doc, chapters)

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, kertas, landscape=True)
    section.different_first_page_header_footer = False
    section.header.is_linked_to_previous = False
    table_w = PAPER_MM[kertas][1] - 40
    if not chapters:
        _lampiran_head(doc, rencana, table_w)
    elif table_title_after_chapters(rencana):     # the chapters opened with the title
        _para(doc, table_title_after_chapters(rencana), "ZI Judul", space_after=8)
    _table(doc, plan, table_w)
    doc.add_paragraph()
    _signature(doc, rencana, table_w, body=False)
    return doc
