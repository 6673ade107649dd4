"""A Lampiran table printed without ruling lines (a Word table set to "No Border"): its columns
and rows found from the words alone, for a page where the ruling lines give no table.

pdfplumber's own "text" strategy cuts a ragged-right column in the middle of words and makes
every printed line a row, so the table is found here the way a reader sees it:

- the header: a line naming NO, KOMPONEN/INDIKATOR and LANGKAH/BUKTI, with the all-capital
  lines under it that do not start in the NO column (a wrapped "TARGET / WAKTU", the month
  numbers "1 … 12");
- the columns: the white "rivers" that no word of the body crosses (an area row such as
  "I MANAJEMEN PERUBAHAN" runs over them and is left out of the count);
- the rows: a vertical gap clearly wider than the gap between the lines of one cell (the
  cells' top and bottom padding) starts a new row. A table whose rows have no spacing at all
  cannot be split this way; then it stays one row and the import reports too little.

The result is a list of rows of word lists, the same shape the ruled tables give.
"""

from __future__ import annotations

import re
import statistics

_STOP = re.compile(r"^(?:Ditetapkan\b|KETUA\b|SEKRETARIS\b|Salinan\b|Ketua\b)")
_ROMAN = re.compile(r"^[IVX]{1,5}\.?$")
_RIVER = 3.5             # pt: wider than a space between words, narrower than cell padding


def _text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def _is_header(line: list[dict]) -> bool:
    words = {re.sub(r"[^A-Z]", "", w["text"]) for w in line}     # capitals, as headers are
    return "NO" in words and bool(words & {"KOMPONEN", "INDIKATOR"}) \
        and bool(words & {"LANGKAH", "BUKTI", "KEGIATAN"})


def _area_line(line: list[dict], no_x: float) -> bool:
    first = line[0]
    return abs(first["x0"] - no_x) <= 4 and bool(_ROMAN.match(first["text"])) \
        and _text(line[1:]) == _text(line[1:]).upper()


def _rivers(lines: list[list[dict]], header: list[list[dict]], left: float,
            right: float) -> list[float]:
    """x positions between columns: stretches of at least ``_RIVER`` pt that no counted word
    covers (a space between words is narrower). A stretch holding header words is an empty
    column (no ✓ in March on this page, no target capaian): it is cut around those words."""
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line)
    heads = sorted((w["x0"], w["x1"]) for line in header for w in line)
    cuts: list[float] = []
    reach = left
    for x0, x1 in spans + [(right, right)]:
        if x0 - reach >= _RIVER and reach > left:
            inside = [h for h in heads if h[0] > reach + 0.5 and h[1] < x0 - 0.5]
            edge = reach
            for h0, h1 in inside:
                if h0 - edge >= _RIVER:
                    cuts.append((edge + h0) / 2)
                edge = max(edge, h1)
            if x0 - edge >= _RIVER or not inside:
                cuts.append((edge + x0) / 2)
        reach = max(reach, x1)
    return [c for c in cuts if left < c < right]


def unruled_table(lines: list[list[dict]]) -> tuple[float, list[list[list[dict]]], set] | None:
    """Lines of words (top to bottom) → (top, rows of cells of words, ids of words used), or
    None when the page has no header line of a Lampiran table."""
    start = next((i for i, line in enumerate(lines) if _is_header(line)), None)
    if start is None:
        return None
    no_x = next(w["x0"] for w in lines[start] if re.sub(r"\W", "", w["text"].upper()) == "NO")
    end = start + 1
    while end < len(lines) and end - start < 4:            # the header's wrapped lines
        line = lines[end]
        text = _text(line)
        if abs(line[0]["x0"] - no_x) <= 4 or text != text.upper():
            break
        end += 1
    header, body = lines[start:end], []
    for line in lines[end:]:
        if _STOP.match(_text(line)):
            break
        body.append(line)
    counted = [line for line in body if not _area_line(line, no_x)] or body
    left = min(w["x0"] for line in header + body for w in line)
    right = max(w["x1"] for line in header + body for w in line)
    cuts = _rivers(counted, header, left - 1, right + 1)
    if len(cuts) < 2:
        return None
    edges = [left - 1] + cuts + [right + 1]

    def column(w: dict) -> int:
        x = w["x0"] + 1.0                      # a spanning header word sits where it starts
        return max(0, min(len(edges) - 2, sum(1 for e in edges[1:-1] if e <= x)))

    groups: list[list[list[dict]]] = [[]]
    for line in header:                        # the month numbers "1 … 12": a row of their own
        digits = all(w["text"].isdigit() for w in line)
        if digits and groups[-1]:
            groups.append([])
        groups[-1].append(line)
    heads = len(groups)
    gaps = [b[0]["top"] - max(w["bottom"] for w in a) for a, b in zip(body, body[1:])]
    usual = statistics.median(gaps) if gaps else 0.0
    previous = None
    for line in body:
        gap = line[0]["top"] - max(w["bottom"] for w in previous) if previous else 99.0
        if gap > usual + 2.5 or len(groups) == heads:
            groups.append([])
        groups[-1].append(line)
        previous = line
    rows = []
    used: set = set()
    for group in groups:
        cells: list[list[dict]] = [[] for _ in edges[:-1]]
        if len(group) == 1 and _area_line(group[0], no_x):    # its name runs over the columns
            cells[0], cells[1] = group[0][:1], group[0][1:]
            used.update(id(w) for w in group[0])
            rows.append(cells)
            continue
        for line in group:
            for w in line:
                cells[column(w)].append(w)
                used.add(id(w))
        rows.append(cells)
    return lines[start][0]["top"], rows, used
