"""Column widths from the content: the widths that make the table shortest.

Each text column's cells are measured once (``stringWidth`` of each paragraph, the longest
word) — of about SAMPLE_ROWS rows spread over the plan; of the other rows only the longest
words and lines (by characters), which the bounds below must cover.  The height of the table at given widths is estimated without wrapping: a paragraph
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
    """A cell's measure: paragraph widths (points), its longest word, and the word widths
    of its paragraphs (for the exact greedy count that sets a column's lower bound)."""

    __slots__ = ("paras", "word", "words")

    def __init__(self, paras: tuple, word: float, words: tuple = ()) -> None:
        self.paras = paras
        self.word = word
        self.words = words

    def greedy_lines(self, inner: float, space: float) -> int:
        n = 0
        for ws in self.words:
            n += 1
            cur = -space
            for w in ws:
                if cur + space + w > inner and cur > 0:
                    n += 1
                    cur = w
                else:
                    cur += space + w
        return n

    def two_words_per_line(self, space: float) -> float:
        """The narrowest inner width at which this cell averages two words a line or more."""
        n_words = sum(len(ws) for ws in self.words)
        target = max(1, math.ceil(n_words / 2))
        lo, hi = self.word, max(self.paras) + 1.0
        for _ in range(14):
            mid = (lo + hi) / 2.0
            if self.greedy_lines(mid, space) > target:
                lo = mid
            else:
                hi = mid
        return hi

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
    paras, word, all_ws = [], 0.0, []
    space = setter.space
    for line in text.split("\n"):
        words = line.split()
        if not words:
            continue
        ws = tuple(setter.width(w) for w in words)
        paras.append(sum(ws) + space * (len(ws) - 1))
        word = max(word, max(ws))
        all_ws.append(ws)
    return Cell(tuple(paras), word, tuple(all_ws))


def sample_komponen(row_counts: list[int]) -> set[int]:
    """Which komponen (by position) stand for the plan: all of them up to SAMPLE_ROWS rows,
    else about SAMPLE_ROWS rows' worth, evenly spread (every n-th komponen)."""
    n = sum(row_counts)
    if n <= SAMPLE_ROWS:
        return set(range(len(row_counts)))
    step = n / SAMPLE_ROWS
    out, taken, seen = set(), 0.0, 0
    for i, rows in enumerate(row_counts):
        if seen >= taken:
            out.add(i)
            taken += step * rows
        seen += rows
    return out


class Extremes:
    """The widest word and line of each column over the komponen left out of the sample:
    the bounds must hold for every cell. Only the longest ones by characters are measured
    (a line's width follows its length; ``KEEP`` of each guard against narrow letters), so a
    3,000-row plan is not measured word by word twice (the wrap measures it again)."""

    KEEP = 12

    def __init__(self) -> None:
        self.lines: dict[str, list[str]] = {}
        self.words: dict[str, list[str]] = {}

    @staticmethod
    def _keep(bucket: list[str], text: str) -> None:
        if len(bucket) < Extremes.KEEP:
            bucket.append(text)
        else:
            shortest = min(range(len(bucket)), key=lambda i: len(bucket[i]))
            if len(text) > len(bucket[shortest]):
                bucket[shortest] = text

    def note(self, key: str, text: str) -> None:
        lines, words = self.lines.setdefault(key, []), self.words.setdefault(key, [])
        for line in text.split("\n"):
            line = " ".join(line.split())
            if line:
                self._keep(lines, line)
                self._keep(words, max(line.split(), key=len))

    def widest(self, setter, key: str) -> tuple[float, float]:
        """(widest word, widest line) of ``key``'s noted cells, in ``setter``'s font."""
        word = max((setter.width(w) for w in self.words.get(key, ())), default=0.0)
        para = max((measure(setter, t).paras[0] for t in self.lines.get(key, ())), default=0.0)
        return word, para


class Shape:
    """What the width choice needs to know of the plan: per indikator, its own cell and the
    leaf cells of its rows; per komponen its cell and indikator — of the sampled komponen
    only (``sample_komponen``), with the ``extremes`` of the others."""

    def __init__(self) -> None:
        self.komponen: list = []        # [(komponen Cell, [(indikator Cell, [row dict])])]
        self.extremes: dict[str, tuple[float, float]] = {}   # key → (word, line) widths

    def rows(self):
        for _k, inds in self.komponen:
            for _i, rows in inds:
                yield from rows


class _Estimate:
    """Table height (in lines) at given widths, fast: each column's line counts per row are
    computed once per width in whole millimetres and cached; a row's height is the ``max``
    over its columns (``map`` in C), groups add up through prefix sums."""

    def __init__(self, shape: Shape, keys: list[str], pad: float) -> None:
        self.keys = [k for k in keys if k in LEAF]
        self.pad = pad
        self.cells: dict[str, list] = {k: [] for k in self.keys}
        self.ind_cells: list = []
        self.komp_cells: list = []
        self.ind_bounds: list = []       # (first row, end row) per indikator
        self.komp_bounds: list = []      # (first indikator, end indikator) per komponen
        row = 0
        for kcell, inds in shape.komponen:
            first_ind = len(self.ind_cells)
            for icell, rows in inds:
                self.ind_bounds.append((row, row + len(rows)))
                self.ind_cells.append(icell)
                for r in rows:
                    for k in self.keys:
                        self.cells[k].append(r.get(k, EMPTY))
                row += len(rows)
            self.komp_bounds.append((first_ind, len(self.ind_cells)))
            self.komp_cells.append(kcell)
        self.n = row
        self._ones = [1] * row
        self._cache: dict = {}

    def _lines(self, key: str, cells: list, width_mm: int) -> list:
        hit = self._cache.get((key, width_mm))
        if hit is None:
            inner = width_mm * mm - 2 * self.pad
            hit = self._cache[(key, width_mm)] = [c.lines(inner) for c in cells]
        return hit

    def height(self, w: dict) -> int:
        cols = [self._lines(k, self.cells[k], w[k]) for k in self.keys if k in w]
        row_h = list(map(max, self._ones, *cols)) if cols else self._ones
        prefix = [0]
        for v in row_h:
            prefix.append(prefix[-1] + v)
        ind = [prefix[e] - prefix[s] for s, e in self.ind_bounds]
        if "indikator" in w:
            ind = list(map(max, ind, self._lines("indikator", self.ind_cells, w["indikator"])))
        total = 0
        komp = self._lines("komponen", self.komp_cells, w["komponen"]) if "komponen" in w \
            else None
        for j, (s, e) in enumerate(self.komp_bounds):
            k_sum = sum(ind[s:e])
            if komp is not None and komp[j] > k_sum:
                k_sum = komp[j]
            total += k_sum
        return total


def choose(shape: Shape, keys: list[str], free: float, fixed: dict, head_min: dict,
           pad: float, space: float = 2.4) -> dict:
    """Widths (points) of the text columns ``keys`` sharing ``free`` points; ``fixed``:
    widths the user set; ``head_min``: the narrowest width that keeps the header's words."""
    longest = {k: 0.0 for k in keys}
    para = {k: 0.0 for k in keys}
    area = {k: 0.0 for k in keys}
    seen: dict = {k: [] for k in keys}
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
                seen[k].append(c)
    for k, (word, line) in shape.extremes.items():
        if k in longest:
            longest[k] = max(longest[k], word)
            para[k] = max(para[k], line)
    # the median cell of a column must average two words a line: no column is so narrow
    # that its typical text ("Januari - Desember 2025") stands one word per line
    typical = {}
    for k, cells in seen.items():
        if cells:
            cells.sort(key=lambda c: sum(c.paras))
            typical[k] = min(cells[len(cells) // 2].two_words_per_line(space), WORD_CAP)
    lo = {k: max(MIN_COLUMN, head_min.get(k, 0.0), min(longest[k], WORD_CAP) + 2 * pad + 1,
                 typical.get(k, 0.0) + 2 * pad + 1)
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
    # start: shares of the text (square root: long columns should not take everything),
    # then whole millimetres moved between columns while the estimated table gets shorter
    weight = {k: math.sqrt(area[k] + 1.0) for k in auto}
    total = sum(weight.values())
    for k in auto:
        widths[k] = min(max(room * weight[k] / total, lo[k]), hi[k])
    _normalise(widths, auto, room, lo, hi)
    lo_mm = {k: math.ceil(lo[k] / mm) for k in auto}
    hi_mm = {k: max(lo_mm[k], math.floor(hi[k] / mm)) for k in auto}
    w_mm = {k: min(max(int(round(widths[k] / mm)), lo_mm[k]), hi_mm[k]) for k in auto}
    for k in keys:
        if k not in auto:
            w_mm[k] = max(1, int(round(widths[k] / mm)))
    est = _Estimate(shape, keys, pad)
    best = est.height(w_mm)
    for step in (8, 4, 2, 1):
        for _round in range(40):
            improved = False
            for a in auto:
                for b in auto:
                    if a == b or w_mm[a] + step > hi_mm[a] or w_mm[b] - step < lo_mm[b]:
                        continue
                    w_mm[a] += step
                    w_mm[b] -= step
                    c = est.height(w_mm)
                    if c < best:
                        best, improved = c, True
                    else:
                        w_mm[a] -= step
                        w_mm[b] += step
            if not improved:
                break
    for k in auto:
        widths[k] = w_mm[k] * mm
    # the rounding remainder goes to the widest automatic column
    widths[max(auto, key=lambda k: widths[k])] += room - sum(widths[k] for k in auto)
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
