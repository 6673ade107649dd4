"""User text → printed lines: cleaning, list detection, word wrapping.

The Lampiran never passes user text through ReportLab's Paragraph markup parser: every
cell is wrapped here into plain lines and drawn with the canvas text operators, so
``<b>``, ``&amp;``, ``<img src=…>`` or an unclosed tag is printed exactly as typed and can
never change the output, open a file or raise.  (It is also about three times faster than
Paragraph for a 3,000-row plan.)

A line is a tuple ``(dx, text, marker, font)``: ``marker`` (``"1."``, ``"a)"``, ``"-"``,
``"•"`` … or ``""``) is drawn at the cell's left edge and ``text`` at ``dx``, which gives
list items their hanging indent.
"""

from __future__ import annotations

import re

from . import fonts

from ..printable import clean  # noqa: F401 — the print's one cleaning, used across lampiran

Line = tuple  # (dx: float, text: str, marker: str, font: str)

# "1.", "2)", "(3)", "1.2.", "a.", "b)", "iv.", "-", "–", "•", "*" … followed by a space.
_MARKER = re.compile(
    r"^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxIVX]{2,5})[.)]|[-–—•·▪●○◦*>✓])(?=\s)"
)


_BREAK_AFTER = "/-–_.,;:)\\"


def split_marker(line: str) -> tuple[str, str]:
    """"1. Undangan rapat" → ("1.", "Undangan rapat"); no list marker → ("", line)."""
    m = _MARKER.match(line)
    if not m:
        return "", line
    return m.group(0), line[m.end():].strip(" ")


def move_to(t, x: float, y: float) -> None:
    """``t.setTextOrigin(x, y)`` on a bottom-up canvas, formatted here: ReportLab's
    pure-Python number formatting of every line's origin was a quarter of a big print."""
    t._code.append("1 0 0 1 %.2f %.2f Tm" % (x, y))


class Setter:
    """Wraps text in one font and size; word widths are cached (plans repeat words a lot).

    ``fallback``: the font that draws the characters ``font`` has no glyph for (✓ in
    Liberation Sans): widths and drawing go run by run (``runs``, ``draw``)."""

    def __init__(self, font: str, size: float, fallback: str | None = None) -> None:
        self.font = font
        self.size = size
        self._face = fonts.ensure(font)
        self._cache: dict[str, float] = {}
        self._cmap = getattr(getattr(self._face, "face", None), "charToGlyph", None) or {}
        self.fallback = fallback if fallback and fallback != font else None
        self._fb_cmap_cached = None
        self._in_face: set[str] = set("\n\u00a0")   # characters known to be in the face
        self.space = self.width(" ")

    def _all_in_face(self, text: str) -> bool:
        """Whether the face has every character of ``text``: decided on its distinct
        characters (a set, in C) against those seen before, not character by character
        (Indonesian text is seldom pure ASCII: "–", "’", "≥")."""
        unseen = set(text) - self._in_face
        if not unseen:
            return True
        cmap = self._cmap
        found = {c for c in unseen if ord(c) in cmap}
        self._in_face |= found
        return len(found) == len(unseen)

    @property
    def _fb_cmap(self) -> dict:
        """The fallback's glyphs, loaded the first time a character is missing."""
        if self._fb_cmap_cached is None:
            face = fonts.ensure(self.fallback) if self.fallback else None
            self._fb_cmap_cached = (getattr(getattr(face, "face", None), "charToGlyph", None)
                                    or {}) if face is not None else {}
        return self._fb_cmap_cached

    def printable(self, text: str) -> str:
        """Characters no face has a glyph for (emoji, CJK …) become "\ufffd" (a visible
        "�") instead of an invisible blank."""
        if text.isascii() or not self._cmap or self._all_in_face(text):
            return text
        cmap = self._cmap
        fb = self._fb_cmap
        return "".join(c if ord(c) in cmap or ord(c) in fb or c in "\n\u00a0" else "\ufffd"
                       for c in text)

    def runs(self, s: str) -> list[tuple[str, str]]:
        """``s`` as (text, font) runs: the main font, the fallback where it lacks a glyph."""
        if self.fallback is None or s.isascii() or self._all_in_face(s):
            return [(s, self.font)]
        cmap = self._cmap
        out: list[tuple[str, str]] = []
        start, cur = 0, self.font
        for i, ch in enumerate(s):
            font = self.font if ord(ch) in cmap or ch == "\u00a0" else self.fallback
            if font != cur:
                if i > start:
                    out.append((s[start:i], cur))
                start, cur = i, font
        out.append((s[start:], cur))
        return out

    def width(self, s: str) -> float:
        w = self._cache.get(s)
        if w is None:
            if self.fallback is None or s.isascii() or self._all_in_face(s):
                w = self._face.stringWidth(s, self.size)
            else:
                w = sum(fonts.ensure(f).stringWidth(t, self.size) for t, f in self.runs(s))
            if len(self._cache) < 200_000:
                self._cache[s] = w
        return w

    def draw(self, t, s: str, current: tuple | None) -> tuple | None:
        """``s`` drawn on the text object ``t`` at its origin, switching to the
        fallback font where needed; ``current`` is the (font, size) set on ``t``, returned
        as left."""
        for piece, font in self.runs(s):
            if (font, self.size) != current:
                t.setFont(font, self.size)
                current = (font, self.size)
            t._textOut(piece)    # the PDF advances over the glyphs; no cursor width needed
        return current

    def _chunks(self, word: str, avail: float) -> list[str]:
        """A word wider than the cell, cut into pieces that fit: after a "/", "-", "." …
        when one is there ("disosialisasikan/" + "internalisasi"), else between
        characters (at least one per piece)."""
        out: list[str] = []
        while word:
            if self.width(word) <= avail:
                out.append(word)
                break
            fit, cur_w = 0, 0.0
            for ch in word:
                cur_w += self.width(ch)
                if cur_w > avail:
                    break
                fit += 1
            fit = max(fit, 1)
            cut = max((word.rfind(c, 0, fit) for c in _BREAK_AFTER), default=-1) + 1
            if cut <= fit // 3:          # no break point, or one so early it wastes the line
                cut = fit
            out.append(word[:cut])
            word = word[cut:]
        return out

    def _fill(self, words: list[str], avail: float) -> list[str]:
        """Greedy line filling; a word is broken only when it is wider than the line."""
        lines: list[str] = []
        cur: list[str] = []
        cur_w = 0.0
        space = self.space
        for word in words:
            ww = self.width(word)
            if cur and cur_w + space + ww <= avail:
                cur.append(word)
                cur_w += space + ww
                continue
            if cur:
                lines.append(" ".join(cur))
            if ww <= avail:
                cur, cur_w = [word], ww
            else:
                pieces = self._chunks(word, avail)
                lines.extend(pieces[:-1])
                cur, cur_w = [pieces[-1]], self.width(pieces[-1])
        if cur:
            lines.append(" ".join(cur))
        return lines

    def wrap(self, text: str, width: float, lists: bool = True) -> list[Line]:
        """Text (already cleaned) → lines no wider than ``width``.

        Each ``\\n``-separated line is a paragraph; one that starts with a list marker gets
        a hanging indent.  Blank lines inside the text are kept, at the ends dropped.
        """
        out: list[Line] = []
        font = self.font
        width = max(width, 1.0)
        text = self.printable(text)
        for raw in text.strip("\n").split("\n"):
            raw = raw.strip(" ")
            if not raw:
                out.append((0.0, "", "", font))
                continue
            marker, rest = split_marker(raw) if lists else ("", raw)
            if marker:
                dx = min(self.width(marker) + self.space * 1.5, width * 0.4)
                words = [w for w in rest.split(" ") if w]
                if not words:
                    out.append((0.0, marker, "", font))
                    continue
                for i, piece in enumerate(self._fill(words, width - dx)):
                    out.append((dx, piece, marker if i == 0 else "", font))
            else:
                words = [w for w in raw.split(" ") if w]
                for piece in self._fill(words, width):
                    out.append((0.0, piece, "", font))
        while out and not out[-1][1] and not out[-1][2]:
            out.pop()
        return out

    def wrap_centred(self, text: str, width: float) -> list[Line]:
        """Like ``wrap`` without list detection, each line centred in ``width``."""
        out = []
        for dx, piece, _m, font in self.wrap(text, width, lists=False):
            out.append(((width - self.width(piece)) / 2.0, piece, "", font))
        return out


def balanced_width(setter: "Setter", text: str, width: float) -> float:
    """The narrowest width that keeps the number of lines of ``text`` at ``width``: lines
    of even length (a title must not end with a lone "2025")."""
    n = len(setter.wrap(text, width, lists=False))
    if n <= 1 or len(text) > 2000:
        return width
    lo, hi = width * 0.4, width
    for _ in range(12):
        mid = (lo + hi) / 2.0
        if len(setter.wrap(text, mid, lists=False)) > n:
            lo = mid
        else:
            hi = mid
    return hi


def balanced(setter: "Setter", text: str, width: float) -> list[Line]:
    """Centred lines of even length."""
    lines = setter.wrap(text, balanced_width(setter, text, width), lists=False)
    return [((width - setter.width(p)) / 2.0, p, "", f) for _dx, p, _m, f in lines]


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters (for "(lanjutan)" labels)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
