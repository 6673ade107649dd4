"""Column widths from the content: the widths that make the table shortest.

Each text column's cells are measured once (``stringWidth`` of each paragraph, the longest
word).  The height of the table at given widths is estimated without wrapping: a paragraph
of width P in a column of inner width w takes ``ceil(P / (w · FILL))`` lines; a row is as
tall as its tallest cell; an indikator or komponen group as tall as its rows, or as its own
merged text when that is longer.  Starting from shares of the text, widths move between
columns in steps (8 mm down to 1 mm) while the estimate drops.

Bounds: a column is never narrower than its longest word (capped, a URL may still be cut)
or its header words, so it never wraps one word per line; never wider than its longest
paragraph on one line, so no column is half empty.  Widths the user fixed (``lebar_kolom``,
in mm) are kept as they are, within the page.
"""

from __future__ import annotations

import math

from reportlab.lib.units import mm

FILL = 0.92            # greedy line filling leaves about this share of a line used
MIN_COLUMN = 14 * mm   # narrowest text column
WORD_CAP = 42 * mm     # a longer word (URL) does not widen its column further
SAMPLE_ROWS = 160      # rows the estimate looks at (evenly spread over the plan)
LEAF = ("langkah", "bukti", "waktu", "capaian", "pj")


class Cell:
    """A cell's measure: paragraph widths (points) and its longest word."""

    __slots__ = ("paras", "word")

    def __init__(self, paras: tuple, word: float) -> None:
        self.paras = paras
        self.word = word

    def lines(self, inner: float) -> int:
        if not self.paras:
            return 0
        w = max(inner * FILL, 1.0)
        return sum(max(1, math.ceil(p / w)) for p in self.paras)


EMPTY = Cell((), 0.0)


def measure(setter, text: str) -> Cell:
    """A cell's text (already cleaned) → its measure in ``setter``'s font."""
    if not text or not text.strip():
        return EMPTY
    paras, word = [], 0.0
    space = setter.space
    for line in text.split("\n"):
        words = line.split()
        if not words:
            continue
        ws = [setter.width(w) for w in words]
        paras.append(sum(ws) + space * (len(ws) - 1))
        word = max(word, max(ws))
    return Cell(tuple(paras), word)


class Shape:
    """What the width choice needs to know of the plan: per indikator, its own cell and the
    leaf cells of its rows; per komponen its cell and indikator."""

    def __init__(self) -> None:
        self.komponen: list = []        # [(komponen Cell, [(indikator Cell, [row dict])])]

    def rows(self):
        for _k, inds in self.komponen:
            for _i, rows in inds:
                yield from rows

    def sample(self) -> "Shape":
        """At most about SAMPLE_ROWS rows: every n-th komponen."""
        n = sum(1 for _ in self.rows())
        if n <= SAMPLE_ROWS:
            return self
        step = n / SAMPLE_ROWS
        out = Shape()
        taken, seen = 0.0, 0
        for k in self.komponen:
            rows = sum(len(r) for _i, r in k[1])
            if seen >= taken:
                out.komponen.append(k)
                taken += step * rows
            seen += rows
        return out


def _height(shape: Shape, keys: list[str], inner: dict) -> int:
    total = 0
    for kcell, inds in shape.komponen:
        k_sum = 0
        for icell, rows in inds:
            i_sum = 0
            for row in rows:
                i_sum += max([1] + [row[k].lines(inner[k]) for k in keys if k in row])
            if "indikator" in inner:
                i_sum = max(i_sum, icell.lines(inner["indikator"]))
            k_sum += i_sum
        if "komponen" in inner:
            k_sum = max(k_sum, kcell.lines(inner["komponen"]))
        total += k_sum
    return total


def choose(shape: Shape, keys: list[str], free: float, fixed: dict, head_min: dict,
           pad: float) -> dict:
    """Widths (points) of the text columns ``keys`` sharing ``free`` points; ``fixed``:
    widths the user set; ``head_min``: the narrowest width that keeps the header's words."""
    longest = {k: 0.0 for k in keys}
    para = {k: 0.0 for k in keys}
    area = {k: 0.0 for k in keys}
    for kcell, inds in shape.komponen:
        cells = [("komponen", kcell)]
        for icell, rows in inds:
            cells.append(("indikator", icell))
            cells.extend(item for row in rows for item in row.items())
        for k, c in cells:
            if k in longest and c.paras:
                longest[k] = max(longest[k], c.word)
                para[k] = max(para[k], max(c.paras))
                area[k] += sum(c.paras)
    lo = {k: max(MIN_COLUMN, head_min.get(k, 0.0), min(longest[k], WORD_CAP) + 2 * pad + 1)
          for k in keys}
    hi = {k: max(lo[k], para[k] / FILL + 2 * pad) for k in keys}
    auto = [k for k in keys if k not in fixed]
    widths = {k: fixed[k] for k in keys if k in fixed}
    room = free - sum(widths.values())
    if not auto or room < 0.6 * sum(lo[k] for k in auto):
        widths.update({k: lo[k] for k in auto})     # the user's widths leave no room
        return _fit(widths, keys, free)
    if sum(lo[k] for k in auto) >= room:          # crowded: the minimums, scaled
        scale = room / sum(lo[k] for k in auto)
        widths.update({k: lo[k] * scale for k in auto})
        return widths
    if sum(hi[k] for k in auto) <= room:          # everything fits on one line
        scale = room / sum(hi[k] for k in auto)
        widths.update({k: hi[k] * scale for k in auto})
        return widths
    # start: shares of the text (square root: long columns should not take everything)
    weight = {k: math.sqrt(area[k] + 1.0) for k in auto}
    total = sum(weight.values())
    for k in auto:
        widths[k] = min(max(room * weight[k] / total, lo[k]), hi[k])
    _normalise(widths, auto, room, lo, hi)

    sample = shape.sample()
    leaf = [k for k in keys if k in LEAF]

    def cost(w):
        return _height(sample, leaf, {k: w[k] - 2 * pad for k in keys})

    best = cost(widths)
    for step in (8 * mm, 4 * mm, 2 * mm, 1 * mm):
        improved = True
        rounds = 0
        while improved and rounds < 40:
            improved = False
            rounds += 1
            for a in auto:
                for b in auto:
                    if a == b or widths[a] + step > hi[a] or widths[b] - step < lo[b]:
                        continue
                    widths[a] += step
                    widths[b] -= step
                    c = cost(widths)
                    if c < best:
                        best, improved = c, True
                    else:
                        widths[a] -= step
                        widths[b] += step
    return widths


def _normalise(widths: dict, auto: list, room: float, lo: dict, hi: dict) -> None:
    """Make the automatic widths add up to ``room`` within their bounds."""
    for _ in range(20):
        gap = room - sum(widths[k] for k in auto)
        if abs(gap) < 0.01:
            return
        movable = [k for k in auto if (widths[k] < hi[k] if gap > 0 else widths[k] > lo[k])]
        if not movable:
            break
        share = gap / len(movable)
        for k in movable:
            widths[k] = min(max(widths[k] + share, lo[k]), hi[k])
    gap = room - sum(widths[k] for k in auto)
    widths[auto[-1]] += gap


def _fit(widths: dict, keys: list, free: float) -> dict:
    """User widths for every column: scaled to fill the page exactly."""
    total = sum(widths[k] for k in keys) or 1.0
    return {k: widths[k] * free / total for k in keys}
