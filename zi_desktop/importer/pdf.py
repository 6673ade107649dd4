"""A PDF with a text layer → the decree's text, then the one decree-text path.

pdfplumber (MIT) gives the words with their positions and fonts and the ruling lines; the
tables are found from the lines, each word goes to the cell its centre falls in, and the words
outside tables are the body text (identity, decree body) in reading order. Each page's table
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

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        r = self._bisect(self.tops, y) - 1
        if r < 0 or y > self.rows[r][0]:
            return None
        _, lefts, cells = self.rows[r]
        c = self._bisect(lefts, x) - 1
        if c < 0 or x > cells[c][2][2] + 0.5:
            return None
        return self.index[r], cells[c][1]


def _page(page) -> list[tuple[float, list[str]]]:
    """One page → [(top, lines)] blocks: body text lines and HTML tables, by position."""
    tables = [t for t in page.find_tables(_SETTINGS) if len(t.rows) >= 1 and len(t.rows[0].cells) >= 3]
    words = page.extract_words(extra_attrs=["fontname"], x_tolerance=1.5, y_tolerance=2)
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
    blocks: list[tuple[float, list[str]]] = []
    previous = None
    for line in _lines_of(outside):
        top, bottom = line[0]["top"], max(w["bottom"] for w in line)
        text = [" ".join(w["text"] for w in line)]
        if previous is not None and top - previous[1] > 0.9 * (previous[1] - previous[0]):
            text.insert(0, "")              # a vertical gap is a blank line, as in text
        blocks.append((top, text))
        previous = (top, bottom)
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


def pdf_text(path: Path) -> str:
    from . import ImportGagal
    name = path.name
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:                              # pragma: no cover - a dependency
        raise ImportGagal("Pustaka pdfplumber belum terpasang; pasang ulang ZI Desktop.") from None
    encrypted = (f"PDF \"{name}\" dilindungi kata sandi; buka di pembaca PDF, simpan salinannya "
                 "tanpa kata sandi (Cetak ▸ Simpan sebagai PDF), lalu impor salinan itu.")
    try:
        pdf = pdfplumber.open(str(path))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportGagal(encrypted) from None
    except Exception as err:                         # noqa: BLE001 — any broken structure
        # pdfplumber wraps pdfminer's errors: PdfminerException(PDFPasswordIncorrect())
        inner = " ".join(type(e).__name__ for e in (err, *getattr(err, "args", ())))
        if "Password" in inner or "Encrypt" in inner:
            raise ImportGagal(encrypted) from None
        raise ImportGagal(f"Berkas \"{name}\" rusak dan tidak dapat dibaca sebagai PDF.") from None
    lines: list[str] = []
    chars = 0
    try:
        with pdf:
            if len(pdf.pages) > bounds.MAX_PDF_PAGES:
                raise ImportGagal(bounds.too_big(f"PDF \"{name}\" ({len(pdf.pages)} halaman)"))
            for page in pdf.pages:
                chars += len(page.chars)
                for _, block in _page(page):
                    lines.extend(block)
                lines.append("")
                page.flush_cache()
    except ImportGagal:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportGagal(encrypted) from None
    except Exception:                                # noqa: BLE001 — a page that cannot be read
        raise ImportGagal(f"Berkas \"{name}\" rusak dan tidak dapat dibaca sebagai PDF.") from None
    if not chars:
        raise ImportGagal(f"PDF ini hasil pindaian tanpa teks; ZI Desktop hanya dapat membaca PDF "
                          f"yang teksnya dapat dipilih. Minta berkas Word/PDF asli \"{name}\", atau "
                          "ketik ulang tabelnya.")
    return "\n".join(lines)
