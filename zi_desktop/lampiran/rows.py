"""The flowables of the Lampiran: one ``TableRow`` per printed table row, ``LinesBlock`` for
the text around the table (header block, title, signature when it is too big to ride
with the last row).

There is no ReportLab ``Table``: a row holds its cells already wrapped into lines (done
once, before layout), draws its own rules and text, and splits inside itself only when
it stands alone on an empty frame and still does not fit (or when no page could hold it:
then it starts where it is instead of leaving a page blank).  Merged columns (NO,
KOMPONEN, INDIKATOR, TARGET WAKTU, PENANGGUNG JAWAB) are drawn without the top rule when a row
continues the group of the row above; the first row on a page that continues a group
shows the group's "(lanjutan)" label.  The bottom rule of each page's table is drawn by
the page template (``PrintState.table_bottom``).  Rows and groups keep layout state:
build a fresh story for every print.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from .layout import BAND_FILL, PAD_BOTTOM, PAD_TOP, PAD_X, RULE, Layout
from .text import move_to

TAIL_GAP = 14.0   # space between the table and the signature block


class PrintState:
    """What the page being laid out holds so far (shared by rows and page templates)."""

    def __init__(self) -> None:
        self.rows_on_page = 0
        self.header_on_page = False   # the page template drew the table header
        self.table_bottom: float | None = None   # lowest drawn row bottom on this page
        self.pages = 0

    def page_begins(self, header: bool) -> None:
        self.rows_on_page = 0
        self.header_on_page = header
        self.table_bottom = None


def _baseline(top: float, leading: float, size: float) -> float:
    """Baseline of the first line of a text box whose top is ``top``."""
    return top - leading / 2.0 - size * 0.36


# --------------------------------------------------------------------------- lines block
class LinesBlock(Flowable):
    """Free text lines (header block, title, signature): a list of slices
    ``(height, [(x, text, setter), …])`` drawn top-down; splits between slices."""

    def __init__(self, slices: list, state: PrintState | None = None) -> None:
        super().__init__()
        self.slices = slices
        self.state = state
        self.height = sum(s[0] for s in slices)

    def wrap(self, aW, aH):
        self.width = aW
        return aW, self.height

    def split(self, aW, aH):
        frame = getattr(self, "_frame", None)
        used, k = 0.0, 0
        for h, _items in self.slices:
            if used + h > aH + 1e-6:
                break
            used += h
            k += 1
        if k == 0:
            if frame is not None and not frame._atTop:
                return []
            k = 1
        if k >= len(self.slices):
            return []
        return [LinesBlock(self.slices[:k], self.state), LinesBlock(self.slices[k:], self.state)]

    def draw_at(self, canv, x: float, y_top: float) -> None:
        t = canv.beginText()
        current = None
        y = y_top
        for h, items in self.slices:
            for dx, piece, setter in items:
                move_to(t, x + dx, _baseline(y, h, setter.size))
                current = setter.draw(t, piece, current)
            y -= h
        canv.drawText(t)

    def draw(self):
        self.draw_at(self.canv, 0, self.height)


# ------------------------------------------------------------------------------ table row
class Group:
    """The text of a merged column (NO, KOMPONEN, INDIKATOR, TARGET WAKTU, PENANGGUNG JAWAB)
    over the rows of its group.  Rows take its lines in order as they are drawn (``cursor``);
    a row that is the first on a page after part of the group was printed shows ``label``
    instead ("Komponen … (lanjutan)"), which holds the whole text unless ``shortened``."""

    __slots__ = ("lines", "label", "shortened", "cursor")

    def __init__(self, lines: list, label: list | None, shortened: bool = False) -> None:
        self.lines = lines
        self.label = label
        self.shortened = shortened
        self.cursor = 0


MERGED_ORDER = ("no", "indikator", "komponen", "waktu", "pj")


class TableRow(Flowable):
    """One table row: optional area band above, cells, optional signature block below.

    ``leaf``: column key → wrapped lines of the row's own cells (only non-empty columns).
    ``groups``: merged column key → ``(Group, first, last)``: the row's place in the group.
    ``band``: ``(code, lines)`` of an area heading printed over the full width, or None.
    ``checks``: month column keys that get a ✓.
    ``remainder``: the rest of a row split at a page break (drawn without top rules).
    ``commits`` / ``fixed``: the first piece of a split row prints exactly ``leaf`` and
    advances the group cursors by what it holds when drawn.
    ``tail``: a ``LinesBlock`` (signature) kept with this, the last row.
    ``after``: the next row; when it will not fit below this one, this row is the last of
    its groups on the page and prints as much of their merged text as the page still holds
    (as Word grows the row), instead of cutting a komponen name at the page's foot.
    """

    def __init__(self, lay: Layout, state: PrintState, leaf: dict, *, groups=None, band=None,
                 checks=(), tail: LinesBlock | None = None, body: bool = True,
                 remainder: bool = False, commits=(), fixed: bool = False) -> None:
        super().__init__()
        self.lay = lay
        self.state = state
        self.leaf = leaf
        self.groups = groups or {}
        self.band = band
        self.checks = checks
        self.tail = tail
        self.body = body
        self.remainder = remainder
        self.commits = commits
        self.fixed = fixed
        self.after: TableRow | None = None   # the row printed next (set by the table builder)
        self.kept_below = 0.0   # what must go on the same page below this row (kept rows)
        self._placed = None

    # -- measuring ------------------------------------------------------------------
    def _content(self, top: bool, room: int = 0):
        """The cells as they print here: own cells plus the merged columns' share, which
        grows to ``room`` lines when this row ends the page. Returns (cells, takes) with
        takes = [(key, group, start, end, is_label)]."""
        cells = dict(self.leaf)
        takes = []
        if self.fixed or not self.groups:
            return cells, takes
        cap = max([1] + [len(v) for v in cells.values()])
        grow = max(cap, room)
        for key in MERGED_ORDER:
            entry = self.groups.get(key)
            if entry is None:
                continue
            g, _first, last = entry
            cur, n = g.cursor, len(g.lines)
            if top and cur > 0 and g.label and (not g.shortened or cur >= n):
                cells[key] = g.label
                takes.append((key, g, cur, n, True))
                cap = max(cap, len(g.label))
                continue
            if cur >= n:
                continue
            take = g.lines[cur:] if last else g.lines[cur:cur + grow]
            if cur > 0 and not top:
                # the group's text runs on from the row above: close the gap of the
                # paddings so the lines read as one cell
                take = [(dx, piece, marker, font, True) for dx, piece, marker, font in take]
            cells[key] = take
            takes.append((key, g, cur, cur + len(take), False))
            cap = max(cap, len(take))
        return cells, takes

    def estimate(self) -> float:
        """Height before layout (own cells and band; merged text not counted)."""
        n = max([1] + [len(v) for v in self.leaf.values()])
        return self._band_h() + PAD_TOP + n * self.lay.leading + PAD_BOTTOM

    def needs(self) -> float:
        """The least height this row takes on a page: itself and what is kept with it."""
        return self.estimate() + self.kept_below

    def _band_h(self) -> float:
        if not self.band:
            return 0.0
        return PAD_TOP + max(1, len(self.band[1])) * self.lay.leading + PAD_BOTTOM

    def _body_h(self, cells: dict) -> float:
        if not self.body:
            return 0.0
        n = max((len(v) for v in cells.values()), default=0)
        return PAD_TOP + max(1, n) * self.lay.leading + PAD_BOTTOM

    def _tail_h(self) -> float:
        return TAIL_GAP + self.tail.height if self.tail is not None else 0.0

    def _place(self, avail: float | None = None):
        st = self.state
        top = st.rows_on_page == 0
        inline = top and not st.header_on_page
        cells, takes = self._content(top)
        if avail is not None and self.after is not None and any(
                not last for _g, _f, last in self.groups.values()):
            fixed_h = ((self.lay.header_h if inline else 0.0) + self._band_h() + self._tail_h()
                       + PAD_TOP + PAD_BOTTOM)
            room = int((avail - fixed_h) // self.lay.leading)
            height = fixed_h + max(1, max((len(v) for v in cells.values()), default=0)) \
                * self.lay.leading
            if avail - height < self.after.needs() and room > 0:   # the next row moves on
                cells, takes = self._content(top, room)
        return inline, cells, takes

    def wrap(self, aW, aH):
        inline, cells, takes = self._place(aH)
        head_h = self.lay.header_h if inline else 0.0
        band_h = self._band_h()
        body_h = self._body_h(cells)
        self._placed = (inline, cells, takes, head_h, band_h, body_h)
        self.width = self.lay.width
        self.height = head_h + band_h + body_h + self._tail_h()
        return self.width, self.height

    # -- splitting --------------------------------------------------------------------
    def _copy(self, **kw) -> "TableRow":
        args = dict(leaf=self.leaf, groups=self.groups, band=self.band, checks=self.checks,
                    tail=self.tail, body=self.body, remainder=self.remainder,
                    commits=self.commits, fixed=self.fixed)
        args.update(kw)
        row = TableRow(self.lay, self.state, args.pop("leaf"), **args)
        row.after = self.after
        return row

    def split(self, aW, aH):
        frame = getattr(self, "_frame", None)
        alone = frame is None or frame._atTop
        inline, cells, takes = self._place()
        lead = self.lay.leading
        band_h = self._band_h()
        if not alone:
            # A row moves whole to the next page, unless no page could hold it: then it
            # starts here (with a few lines at least) rather than leave a blank page.
            own = band_h + self._body_h(cells) + self._tail_h()
            if own <= self.lay.table_frame_h or aH < band_h + 4 * lead + 2 * PAD_TOP:
                return []
        avail = aH - (self.lay.header_h if inline else 0.0)
        if self.band and alone:
            one_line = PAD_TOP + lead + PAD_BOTTOM if self.body else 0.0
            if band_h + one_line > avail:
                code, lines = self.band
                k = max(1, int((avail - PAD_TOP - PAD_BOTTOM) // lead))
                if k < len(lines):
                    return [self._copy(band=(code, lines[:k]), leaf={}, groups={}, body=False,
                                       checks=(), tail=None, commits=()),
                            self._copy(band=("", lines[k:]))]
                if not self.body:
                    return []
                return [self._copy(leaf={}, groups={}, body=False, checks=(), tail=None,
                                   commits=()),
                        self._copy(band=None)]
        n_max = max((len(v) for v in cells.values()), default=0)
        n = int((avail - band_h - PAD_TOP - PAD_BOTTOM) // lead)
        if self.tail is not None and n >= n_max:
            # The row fits, the signature does not: carry the last line(s) over with it.
            if n_max >= 2:
                n = n_max - 1
            else:
                return [self._copy(tail=None), self.tail]
        n = max(1, n)
        if n >= n_max:
            return []
        first = {k: v[:n] for k, v in cells.items() if v[:n]}
        commits = list(self.commits)
        for key, g, start, end, is_label in takes:
            commits.append((g, end if is_label else start + min(n, end - start)))
        merged = {t[0] for t in takes}
        rest = {k: v[n:] for k, v in cells.items() if v[n:] and k not in merged}
        groups = {k: (g, False, last) for k, (g, _f, last) in self.groups.items()}
        return [self._copy(leaf=first, tail=None, commits=tuple(commits), fixed=True),
                self._copy(leaf=rest, groups=groups, band=None, checks=(), remainder=True,
                           commits=(), fixed=False)]

    # -- drawing ----------------------------------------------------------------------
    def drawOn(self, canvas, x, y, _sW=0):
        st = self.state
        if self._placed is None:
            self.wrap(self.lay.width, 1e9)
        for g, cursor in self.commits:
            g.cursor = max(g.cursor, cursor)
        for _key, g, _start, end, _label in self._placed[2]:
            g.cursor = max(g.cursor, end)
        st.rows_on_page += 1
        bottom = y + self._tail_h()
        if self.body or self.band:
            st.table_bottom = bottom
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        inline, cells, _takes, head_h, band_h, body_h = self._placed
        lay = self.lay
        canv = self.canv
        y = self.height
        if inline:
            lay.draw_header(canv, 0, y)
            y -= head_h
        canv.setLineWidth(RULE)
        if self.band:
            self._draw_band(canv, y, band_h)
            y -= band_h
        if self.body:
            self._draw_body(canv, y, body_h, cells)
            y -= body_h
        if self.tail is not None:
            self.tail.draw_at(canv, 0, y - TAIL_GAP)

    def _draw_band(self, canv, top: float, h: float) -> None:
        lay = self.lay
        canv.setFillColorRGB(*BAND_FILL)
        canv.rect(0, top - h, lay.width, h, stroke=0, fill=1)
        canv.setFillColorRGB(0, 0, 0)
        canv.line(0, top, lay.width, top)
        canv.line(0, top, 0, top - h)
        canv.line(lay.width, top, lay.width, top - h)
        code, lines = self.band
        t = canv.beginText()
        current = None
        base = _baseline(top - PAD_TOP, lay.leading, lay.size)
        no = lay.col["no"]
        if code:
            move_to(t, no.x + (no.width - lay.bold.width(code)) / 2.0, base)
            current = lay.bold.draw(t, code, current)
        x0 = lay.col["komponen"].x + PAD_X
        for i, (dx, piece, marker, _f) in enumerate(lines):
            move_to(t, x0 + dx, base - i * lay.leading)
            current = lay.bold.draw(t, piece, current)
        canv.drawText(t)

    def _draw_body(self, canv, top: float, h: float, cells: dict) -> None:
        lay = self.lay
        bottom = top - h
        # vertical rules at every column edge; the top rule left out over merged columns
        # that continue their group.  The path is written as PDF operators here: ReportLab's
        # pure-Python number formatting of each moveTo/lineTo cost more than the drawing.
        ops = ["%.2f %.2f m %.2f %.2f l" % (x, top, x, bottom) for x in lay.edges]
        if not self.remainder:
            groups = self.groups
            for c in lay.columns:
                entry = groups.get(c.key)
                if entry is not None and not entry[1]:
                    continue      # the group goes on from the row above
                ops.append("%.2f %.2f m %.2f %.2f l" % (c.x, top, c.x + c.width, top))
        ops.append("S")
        canv._code.append(" ".join(ops))

        t = canv.beginText()
        current = None
        lead = lay.leading
        size = lay.size
        base = _baseline(top - PAD_TOP, lead, size)
        for key, lines in cells.items():
            c = lay.col.get(key)
            if c is None:
                continue
            x0 = c.x + PAD_X
            lift = PAD_TOP + PAD_BOTTOM if len(lines[0]) > 4 else 0.0
            spans = _italic_spans(lay.miring, lines) if lay.miring is not None else None
            for i, line in enumerate(lines):
                dx, piece, marker, font = line[:4]
                setter = lay.by_font.get(font, lay.regular)
                yb = base - i * lead + lift
                if marker:
                    move_to(t, x0, yb)
                    current = setter.draw(t, marker, current)
                if piece:
                    if c.centre:
                        dx = (c.inner - lay.regular.width(piece)) / 2.0
                    move_to(t, x0 + dx, yb)
                    if spans and spans[i] and setter is lay.regular:
                        at = 0
                        for a, b in spans[i]:
                            current = setter.draw(t, piece[at:a], current)
                            current = lay.italic.draw(t, piece[a:b], current)
                            at = b
                        current = setter.draw(t, piece[at:], current)
                    else:
                        current = setter.draw(t, piece, current)
        if self.checks:
            tick = "\u2713"
            tw = lay.tick.width(tick)
            for key in self.checks:
                c = lay.col.get(key)
                if c is not None:
                    move_to(t, c.x + (c.width - tw) / 2.0, base)
                    current = lay.tick.draw(t, tick, current)
        canv.drawText(t)


def _italic_spans(pattern, lines) -> list:
    """Per line of a cell, the (start, end) character spans that print in italics: the
    matches of ``pattern`` in the cell's text with its lines joined, so a phrase broken
    over two lines is italic on both."""
    starts, parts, at = [], [], 0
    for line in lines:
        starts.append(at)
        parts.append(line[1])
        at += len(line[1]) + 1
    joined = " ".join(parts)
    out = [[] for _ in lines]
    for m in pattern.finditer(joined):
        a, b = m.span()
        for i, s0 in enumerate(starts):
            e0 = s0 + len(parts[i])
            lo, hi = max(a, s0), min(b, e0)
            if lo < hi:
                out[i].append((lo - s0, hi - s0))
    return out
