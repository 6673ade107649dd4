"""A PDF with a text layer → the decree's text, then the one decree-text path.

pdfminer (pdfplumber's engine, MIT) gives the characters with their positions and fonts and the
ruling lines; pdfplumber's table finder builds the tables from the lines, each word goes to the
cell its centre falls in, and the words outside tables are the body text (identity, decree
body) in reading order. Each page's table
becomes an HTML table (a page break between tables, as the reader expects); a cell merged
over its neighbours (pdfplumber gives ``None`` for the covered cells) is written ``data-merged``.
Words in an italic font are wrapped in ``<i>`` (→ ``rencana.cetak.kata_miring``). The repeated
header and the column-number rows are skipped by the table reader, as in text.

A PDF without any text (a scan) and an encrypted one are refused with one sentence.
"""

from __future__ import annotations

import html
from pathlib import Path

from . import bounds

_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
             "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}


def _italic(font: str) -> bool:
    f = (font or "").lower()
    return "italic" in f or "oblique" in f


def _lines_of(words: list[dict]) -> list[list[dict]]:
    """Words → lines (by their top, then left to right)."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _cell_text(words: list[dict]) -> str:
    """A cell's words → one text: wrapped lines joined ("diimplementasi-" + "kan"; a narrow
    column's "PE/NA/NG…" or "1/0" without spaces), italic words (across lines) in ``<i>``."""
    lines = _lines_of(words)
    narrow = len(lines) > 1 and all(len("".join(w["text"] for w in line)) <= 3 for line in lines)
    pieces: list[tuple[str, bool, str]] = []     # (text, italic, separator before)
    for n, line in enumerate(lines):
        for k, w in enumerate(line):
            sep = " "
            if n and not k:
                prev = pieces[-1][0] if pieces else ""
                if narrow or (prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha()
                              and w["text"][:1].islower()):
                    sep = ""
                    if not narrow:
                        pieces[-1] = (prev[:-1], pieces[-1][1], pieces[-1][2])
            pieces.append((w["text"], _italic(w.get("fontname", "")), sep if pieces else ""))
    out: list[str] = []
    open_italic = False
    for text, italic, sep in pieces:
        if italic and not open_italic:
            out.append(sep + "<i>")
            sep = ""
            open_italic = True
        elif not italic and open_italic:
            out.append("</i>")
            open_italic = False
        out.append(sep + html.escape(text, quote=False))
    if open_italic:
        out.append("</i>")
    return "".join(out)


class _Grid:
    """A table's cells by row and column bounds, so a word finds its cell by bisection."""

    def __init__(self, rows: list) -> None:
        import bisect
        self._bisect = bisect.bisect_right
        self.tops: list[float] = []
        self.rows: list[tuple[float, list[float], list]] = []   # (bottom, cell lefts, cells)
        for row in rows:
            boxes = [c for c in row.cells if c is not None]
            if not boxes:
                continue
            cells = sorted(((c[0], k, c) for k, c in enumerate(row.cells) if c is not None))
            self.tops.append(min(b[1] for b in boxes) - 0.5)
            self.rows.append((max(b[3] for b in boxes) + 0.5, [c[0] - 0.5 for c in cells], cells))
        self.index = [k for k, row in enumerate(rows) if any(c is not None for c in row.cells)]
        self.first: dict[tuple, tuple[int, int]] = {}       # a cell → where it starts
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.cells):
                if cell is not None:
                    self.first.setdefault(tuple(cell), (r, c))

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        r = self._bisect(self.tops, y) - 1
        if 0 <= r and y <= self.rows[r][0]:
            _, lefts, cells = self.rows[r]
            c = self._bisect(lefts, x) - 1
            if c >= 0 and x <= cells[c][2][2] + 0.5 and cells[c][2][1] - 0.5 <= y <= cells[c][2][3] + 0.5:
                return self.index[r], cells[c][1]
        # a cell merged down over several rows, its text centred below its first row
        for box, place in self.first.items():
            if box[0] - 0.5 <= x <= box[2] + 0.5 and box[1] - 0.5 <= y <= box[3] + 0.5:
                return place
        return None


class _Page:
    """What pdfplumber's table finder reads of a page: its ruling edges and its box."""

    def __init__(self, edges: list[dict], bbox: tuple) -> None:
        self.edges = edges
        self.bbox = bbox


def _page(words: list[dict], edges: list[dict], bbox: tuple) -> list[tuple[float, list[str]]]:
    """One page → [(top, lines)] blocks: body text lines and HTML tables, by position."""
    from pdfplumber.table import TableFinder
    tables = [t for t in TableFinder(_Page(edges, bbox), _SETTINGS).tables
              if len(t.rows) >= 1 and len(t.rows[0].cells) >= 3]
    if not tables:
        unruled = _unruled(words)
        if unruled is not None:
            return unruled
    rows = [t.rows for t in tables]                 # a computed property: read once
    grids = [_Grid(r) for r in rows]
    cells: list[dict[tuple[int, int], list[dict]]] = [dict() for _ in tables]
    outside: list[dict] = []
    for w in words:
        x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        for k, t in enumerate(tables):
            x0, top, x1, bottom = t.bbox
            if x0 <= x <= x1 and top <= y <= bottom:
                place = grids[k].locate(x, y)
                if place is not None:
                    cells[k].setdefault(place, []).append(w)
                break
        else:
            outside.append(w)
    blocks = _body_lines(outside)
    for k, t in enumerate(tables):
        out = ["<table>"]
        for r, row in enumerate(rows[k]):
            tds = []
            for c, cell in enumerate(row.cells):
                if cell is None:
                    tds.append('<td data-merged="1"></td>')
                else:
                    tds.append("<td>" + _cell_text(cells[k].get((r, c), [])) + "</td>")
            out.append("<tr>" + "".join(tds) + "</tr>")
        out.append("</table>")
        blocks.append((t.bbox[1], out))
    blocks.sort(key=lambda b: b[0])
    return blocks


def _unruled(words: list[dict]) -> list[tuple[float, list[str]]] | None:
    """A page without ruled tables whose words form a Lampiran table (:mod:`.pdf_unruled`)."""
    from .pdf_unruled import unruled_table
    found = unruled_table(_lines_of(words))
    if found is None:
        return None
    top, rows, used = found
    out = ["<table>"] + ["<tr>" + "".join("<td>" + _cell_text(c) + "</td>" for c in cells)
                         + "</tr>" for cells in rows] + ["</table>"]
    blocks = _body_lines([w for w in words if id(w) not in used])
    blocks.append((top, out))
    blocks.sort(key=lambda b: b[0])
    return blocks


_COLUMN_GAP = 36.0          # pt (~13 mm): wider than any space inside a line of text


def _segments(line: list[dict]) -> list[list[dict]]:
    """A line's words split where a wide gap separates two blocks set side by side."""
    out = [[line[0]]]
    for w in line[1:]:
        if w["x0"] - out[-1][-1]["x1"] > _COLUMN_GAP:
            out.append([])
        out[-1].append(w)
    return out


def _body_lines(outside: list[dict]) -> list[tuple[float, list[str]]]:
    """Words outside tables → [(top, lines)]: a vertical gap is a blank line, as in text.
    Blocks set side by side (the Salinan block at the left, the signer's at the right) are
    read one after the other — the right one first, as the decrees' text gives them — not
    line by line across both."""
    lines = _lines_of(outside)
    out: list[tuple[float, list[str]]] = []
    previous = None                                  # (top, bottom) of the line above
    k = 0
    while k < len(lines):
        first = lines[k]
        top = first[0]["top"]
        parts = _segments(first)
        if len(parts) < 2:
            text = [" ".join(w["text"] for w in first)]
            last = first
            k += 1
        else:
            gap, split = max((b[0]["x0"] - a[-1]["x1"], (a[-1]["x1"] + b[0]["x0"]) / 2)
                             for a, b in zip(parts, parts[1:]))
            left: list[list[dict]] = []
            right: list[list[dict]] = []
            last = first
            while k < len(lines) and not any(w["x0"] < split < w["x1"] for w in lines[k]):
                if lines[k] is not first and _far_below(last, lines[k]) \
                        and len(_segments(lines[k])) < 2:
                    break                           # the page's foot: not part of the blocks
                left += [[w for w in lines[k] if w["x1"] <= split]]
                right += [[w for w in lines[k] if w["x0"] >= split]]
                last = lines[k]
                k += 1
            text = _column_lines([x for x in right if x]) + [""] + \
                _column_lines([x for x in left if x])
        if previous is not None and top - previous[1] > 0.9 * (previous[1] - previous[0]):
            text.insert(0, "")              # a vertical gap is a blank line, as in text
        out.append((top, text))
        previous = (last[0]["top"], max(w["bottom"] for w in last))
    return out


def _far_below(above: list[dict], line: list[dict]) -> bool:
    height = max(w["bottom"] for w in above) - above[0]["top"]
    return line[0]["top"] - max(w["bottom"] for w in above) > 4 * max(height, 1.0)


def _column_lines(lines: list[list[dict]]) -> list[str]:
    """One side of a side-by-side zone → its lines, a vertical gap as a blank line."""
    out: list[str] = []
    previous = None
    for line in lines:
        top, bottom = line[0]["top"], max(w["bottom"] for w in line)
        if previous is not None and top - previous[1] > 0.9 * (previous[1] - previous[0]):
            out.append("")
        out.append(" ".join(w["text"] for w in line))
        previous = (top, bottom)
    return out


def _edge(x0, top, x1, bottom) -> dict | None:
    if abs(bottom - top) < 1.0:
        return {"object_type": "line", "x0": min(x0, x1), "x1": max(x0, x1), "top": top,
                "bottom": top, "width": abs(x1 - x0), "height": 0, "orientation": "h"}
    if abs(x1 - x0) < 1.0:
        return {"object_type": "line", "x0": x0, "x1": x0, "top": min(top, bottom),
                "bottom": max(top, bottom), "width": 0, "height": abs(bottom - top),
                "orientation": "v"}
    return None


def _collector(manager):
    """A pdfminer device that keeps each character as a plain tuple (text, font, x0, x1, y0,
    y1) instead of a layout object — the characters are most of a page's objects."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_rect

    class Collector(PDFPageAggregator):
        def __init__(self) -> None:
            super().__init__(manager, laparams=None)
            self.chars: list = []

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
            if font.is_vertical():
                return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs,
                                           graphicstate)
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            adv = font.char_width(cid) * fontsize * scaling
            descent = font.get_descent() * fontsize
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (0, descent + rise, adv,
                                                        descent + rise + fontsize))
            self.chars.append((text, font.fontname, min(x0, x1), max(x0, x1), min(y0, y1),
                               max(y0, y1)))
            return adv

    return Collector()


def _layout_objects(layout, height: float, chars: list, edges: list) -> None:
    """pdfminer's layout objects → chars (text, font, box from the top) and ruling edges."""
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTRect
    for obj in layout:
        if isinstance(obj, LTChar):                 # vertical fonts only (see _collector)
            chars.append((obj.get_text(), obj.fontname, obj.x0, obj.x1, height - obj.y1,
                           height - obj.y0))
        elif isinstance(obj, LTRect):
            x0, x1, top, bottom = obj.x0, obj.x1, height - obj.y1, height - obj.y0
            if bottom - top < 1.0 or x1 - x0 < 1.0:           # a thin rectangle is a rule
                e = _edge(x0, (top + bottom) / 2, x1, (top + bottom) / 2) if bottom - top < 1.0 \
                    else _edge((x0 + x1) / 2, top, (x0 + x1) / 2, bottom)
                if e:
                    edges.append(e)
            else:
                for e in (_edge(x0, top, x1, top), _edge(x0, bottom, x1, bottom),
                          _edge(x0, top, x0, bottom), _edge(x1, top, x1, bottom)):
                    edges.append(e)
        elif isinstance(obj, LTCurve):                          # LTLine is a two-point curve
            pts = [(x, height - y) for x, y in obj.pts]
            for (ax, ay), (bx, by) in zip(pts, pts[1:]):
                e = _edge(ax, ay, bx, by)
                if e:
                    edges.append(e)
        elif isinstance(obj, LTFigure):
            _layout_objects(obj, height, chars, edges)


def _words(chars: list) -> list[dict]:
    """Chars → words (a space or a gap over 1.5 pt ends a word), line by line."""
    words: list[dict] = []
    lines: list[list] = []
    for ch in sorted(chars, key=lambda c: (c[4], c[2])):
        if lines and abs(lines[-1][0][4] - ch[4]) <= 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    for line in lines:
        line.sort(key=lambda c: c[2])
        current = None
        for text, font, x0, x1, top, bottom in line:
            if not text.strip():
                current = None
                continue
            if current is not None and x0 - current["x1"] <= 1.5 and abs(top - current["top"]) <= 2:
                current["text"] += text
                current["x1"] = max(current["x1"], x1)
                current["bottom"] = max(current["bottom"], bottom)
                continue
            current = {"text": text, "fontname": font, "x0": x0, "x1": x1, "top": top,
                       "bottom": bottom}
            words.append(current)
    return words


def pdf_text(path: Path, found: dict | None = None) -> str:
    """The PDF as decree text. pdfminer's own layout objects are read directly (pdfplumber's
    per-object dictionaries double the time) and pdfplumber's table finder works on the edges.
    ``found`` (a dict) receives the paper and the face (:mod:`.page_setup`)."""
    from collections import Counter
    from . import ImportGagal
    name = path.name
    try:
        from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
    except ImportError:                              # pragma: no cover - a dependency
        raise ImportGagal("Pustaka pdfplumber belum terpasang; pasang ulang ZI Desktop.") from None
    encrypted = (f"PDF \"{name}\" dilindungi kata sandi; buka di pembaca PDF, simpan salinannya "
                 "tanpa kata sandi (Cetak ▸ Simpan sebagai PDF), lalu impor salinan itu.")
    broken = f"Berkas \"{name}\" rusak dan tidak dapat dibaca sebagai PDF."
    lines: list[str] = []
    chars_seen = 0
    fonts: Counter = Counter()
    size = None
    try:
        with open(path, "rb") as fh:
            document = PDFDocument(PDFParser(fh))
            pages = list(PDFPage.create_pages(document))
            if len(pages) > bounds.MAX_PDF_PAGES:
                raise ImportGagal(bounds.too_big(f"PDF \"{name}\" ({len(pages)} halaman)"))
            manager = PDFResourceManager(caching=True)
            device = _collector(manager)
            interpreter = PDFPageInterpreter(manager, device)
            for page in pages:
                device.chars = []
                interpreter.process_page(page)
                layout = device.get_result()
                x0, y0, x1, y1 = page.mediabox
                height = y1 - y0
                chars = [(t, f, a, b, y1 - top, y1 - bottom) for t, f, a, b, bottom, top in device.chars]
                edges: list = []
                _layout_objects(layout, y1, chars, edges)
                chars_seen += len(chars)
                fonts.update(c[1] for c in chars)
                size = ((x1 - x0) * 25.4 / 72, height * 25.4 / 72)      # the last page's
                for _, block in _page(_words(chars), edges, (x0, 0, x1, height)):
                    lines.extend(block)
                lines.append("")
    except ImportGagal:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportGagal(encrypted) from None
    except Exception as err:                         # noqa: BLE001 — any broken structure
        if "Password" in type(err).__name__ or "Encrypt" in type(err).__name__:
            raise ImportGagal(encrypted) from None
        raise ImportGagal(broken) from None
    if not chars_seen:
        raise ImportGagal(f"PDF ini hasil pindaian tanpa teks; ZI Desktop hanya dapat membaca PDF "
                          f"yang teksnya dapat dipilih. Minta berkas Word/PDF asli \"{name}\", atau "
                          "ketik ulang tabelnya.")
    if found is not None:
        from .page_setup import setup
        found.update(setup(size, fonts))
    return "\n".join(lines)
