"""A Word .docx → the decree's text, then the one decree-text path (:func:`import_text`).

Body paragraphs become lines (the identity and the decree body are read from them as from
any decree text); each Word table becomes an HTML table in that text, so the same repairs and
the same report apply:

- ``vMerge`` (a cell merged down) → an empty cell marked ``data-merged`` in the rows below;
- ``gridSpan`` (merged across) → ``colspan``; ``gridBefore`` → leading empty cells;
- paragraphs inside a cell → ``<br>``-separated lines; Word's automatic numbering ("1.",
  "a)", bullets) is written out as the number Word shows;
- italic runs → ``<i>`` (collected into ``rencana.cetak.kata_miring``, never kept as markup);
- repeated header rows and a table split into several tables are what the table reader
  already understands (a header repeated, a page break between tables).
"""

from __future__ import annotations

import html
from pathlib import Path

from . import bounds

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _q(tag: str) -> str:
    return _W + tag


class _Numbering:
    """numId/ilvl → (format, level text) from the numbering part, counted as Word does."""

    def __init__(self, doc) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str]] = {}
        try:
            numbering = doc.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        abstract = {}
        for an in numbering.iter(_q("abstractNum")):
            levels = {}
            for lvl in an.iter(_q("lvl")):
                fmt = lvl.find(_q("numFmt"))
                text = lvl.find(_q("lvlText"))
                levels[int(lvl.get(_q("ilvl"), "0"))] = (
                    fmt.get(_q("val"), "decimal") if fmt is not None else "decimal",
                    text.get(_q("val"), "%1.") if text is not None else "%1.")
            abstract[an.get(_q("abstractNumId"))] = levels
        for num in numbering.iter(_q("num")):
            ref = num.find(_q("abstractNumId"))
            levels = abstract.get(ref.get(_q("val")) if ref is not None else None, {})
            for ilvl, value in levels.items():
                self.formats[(num.get(_q("numId")), ilvl)] = value

    def label(self, num_id: str, ilvl: int, count: int) -> str:
        fmt, text = self.formats.get((num_id, ilvl), ("decimal", "%1."))
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""
        if fmt in ("lowerLetter", "upperLetter"):
            value = chr(ord("a") + (count - 1) % 26)
            value = value.upper() if fmt == "upperLetter" else value
        elif fmt in ("lowerRoman", "upperRoman"):
            from ..model import romawi
            value = romawi(count)
            value = value.lower() if fmt == "lowerRoman" else value
        else:
            value = str(count)
        return text.replace(f"%{ilvl + 1}", value).replace("%1", value) if "%" in text else value


def _num_pr(p, styles: dict):
    ppr = p.find(_q("pPr"))
    num = ppr.find(_q("numPr")) if ppr is not None else None
    if num is None and ppr is not None:
        style = ppr.find(_q("pStyle"))
        num = styles.get(style.get(_q("val"))) if style is not None else None
    if num is None:
        return None
    nid = num.find(_q("numId"))
    ilvl = num.find(_q("ilvl"))
    if nid is None or nid.get(_q("val")) in (None, "0"):
        return None
    return nid.get(_q("val")), int(ilvl.get(_q("val"), "0")) if ilvl is not None else 0


def _style_numbering(doc) -> dict:
    out = {}
    try:
        for style in doc.styles.element.iter(_q("style")):
            ppr = style.find(_q("pPr"))
            num = ppr.find(_q("numPr")) if ppr is not None else None
            if num is not None:
                out[style.get(_q("styleId"))] = num
    except AttributeError:
        pass
    return out


def _runs(p, markup: bool) -> str:
    out: list[str] = []
    for r in p.iter(_q("r")):
        rpr = r.find(_q("rPr"))
        italic = False
        if markup and rpr is not None:
            i = rpr.find(_q("i"))
            italic = i is not None and i.get(_q("val"), "true") not in ("0", "false", "off")
        parts = []
        for child in r:
            if child.tag == _q("t"):
                parts.append(child.text or "")
            elif child.tag in (_q("tab"), _q("ptab")):
                parts.append(" ")
            elif child.tag in (_q("br"), _q("cr")):
                parts.append("\n")
        text = "".join(parts)
        if not text:
            continue
        if markup:
            text = html.escape(text, quote=False).replace("\n", "<br>")
            if italic and text.strip():
                text = f"<i>{text}</i>"
        out.append(text)
    text = "".join(out)
    return text.replace("</i><i>", "") if markup else text


class _Reader:
    def __init__(self, doc) -> None:
        self.numbering = _Numbering(doc)
        self.styles = _style_numbering(doc)
        self.counts: dict[tuple[str, int], int] = {}
        self.rows = 0

    def paragraph(self, p, markup: bool) -> str:
        text = _runs(p, markup)
        num = _num_pr(p, self.styles)
        if num is not None and text.strip():
            nid, ilvl = num
            for key in [k for k in self.counts if k[0] == nid and k[1] > ilvl]:
                del self.counts[key]                 # a deeper level restarts under this one
            count = self.counts.get(num, 0) + 1
            self.counts[num] = count
            label = self.numbering.label(nid, ilvl, count)
            if label:
                text = f"{label} {text.lstrip()}"
        return text

    def cell(self, tc) -> str:
        # numbering is counted per list through the document, as Word shows it (a list
        # continued in the next row goes on counting; a restarted one has its own numId)
        lines = []
        for p in tc.iter(_q("p")):
            text = self.paragraph(p, markup=True)
            if text.strip():
                lines.append(text.strip())
            if sum(len(x) for x in lines) > bounds.MAX_CELL_CHARS:
                from . import ImportGagal
                raise ImportGagal(bounds.too_big("Isi satu sel tabel Word"))
        return "<br>".join(lines)

    def table(self, tbl) -> list[str]:
        from . import ImportGagal
        out = ["<table>"]
        for tr in tbl.iter(_q("tr")):
            if tr.getparent() is not tbl:
                continue                             # a table nested in a cell: its text is in the cell
            self.rows += 1
            if self.rows > bounds.MAX_ROWS:
                raise ImportGagal(bounds.too_big("Tabel Word ini"))
            cells = []
            trpr = tr.find(_q("trPr"))
            before = trpr.find(_q("gridBefore")) if trpr is not None else None
            if before is not None:
                cells += ["<td></td>"] * min(int(before.get(_q("val"), "0") or 0), bounds.MAX_SPAN)
            for tc in tr.iter(_q("tc")):
                if tc.getparent() is not tr:
                    continue
                tcpr = tc.find(_q("tcPr"))
                span = tcpr.find(_q("gridSpan")) if tcpr is not None else None
                vmerge = tcpr.find(_q("vMerge")) if tcpr is not None else None
                width = min(max(1, int(span.get(_q("val"), "1") or 1)), bounds.MAX_SPAN) \
                    if span is not None else 1
                colspan = f' colspan="{width}"' if width > 1 else ""
                if vmerge is not None and vmerge.get(_q("val"), "continue") != "restart":
                    cells.append(f'<td data-merged="1"{colspan}></td>')
                else:
                    cells.append(f"<td{colspan}>{self.cell(tc)}</td>")
                if len(cells) > bounds.MAX_COLUMNS:
                    raise ImportGagal(f"Tabel Word ini memuat lebih dari {bounds.MAX_COLUMNS} kolom; "
                                      "itu bukan tabel Lampiran.")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
        return out


def _setup(doc) -> dict:
    """The last section's paper and the face most of the text is set in (:mod:`.page_setup`)."""
    from collections import Counter
    from .page_setup import setup
    size = None
    try:
        section = doc.sections[-1]
        if section.page_width and section.page_height:
            size = (section.page_width / 36000, section.page_height / 36000)     # EMU → mm
    except (IndexError, AttributeError, ValueError):
        pass
    fonts: Counter = Counter()
    for r in doc.element.body.iter(_q("r")):
        rfonts = r.find(f"{_q('rPr')}/{_q('rFonts')}")
        name = rfonts.get(_q("ascii")) if rfonts is not None else None
        if name:
            fonts[name] += sum(len(t.text or "") for t in r.iter(_q("t")))
    if not fonts:
        try:
            name = doc.styles["Normal"].font.name
        except KeyError:
            name = None
        if name:
            fonts[name] = 1
    return setup(size, fonts)


def docx_text(path: Path, found: dict | None = None) -> str:
    """The .docx as decree text: body paragraphs as lines, tables as HTML tables, in order;
    ``found`` (a dict) receives the paper and the face."""
    from . import ImportGagal
    name = path.name
    names = bounds.check_zip(path, name)
    if "word/document.xml" not in names:
        raise ImportGagal(f"Berkas \"{name}\" bukan dokumen Word (.docx) yang sah.")
    try:
        import docx
    except ImportError:                              # pragma: no cover - a dependency
        raise ImportGagal("Pustaka python-docx belum terpasang; pasang ulang ZI Desktop.") from None
    try:
        doc = docx.Document(str(path))
    except Exception:                                # noqa: BLE001 — any broken part
        raise ImportGagal(f"Berkas \"{name}\" rusak dan tidak dapat dibaca sebagai dokumen "
                          "Word.") from None
    reader = _Reader(doc)
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == _q("p"):
            text = reader.paragraph(child, markup=False)
            lines.extend(t.replace("\t", " ").rstrip() for t in text.split("\n"))
        elif child.tag == _q("tbl"):
            lines.extend(reader.table(child))
        elif child.tag == _q("sdt"):                 # a content control: its paragraphs
            for p in child.iter(_q("p")):
                lines.append(reader.paragraph(p, markup=False).replace("\t", " "))
    if found is not None:
        found.update(_setup(doc))
    return "\n".join(lines)
