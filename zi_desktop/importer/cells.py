"""One table cell's markup → plain text with "\\n" between lines.

What PDF-to-text tools and clipboards put inside cells: ``<br>``, ``<p>``, ``<ul>/<ol>/<li>``
(also ``<ul style="list-style-type: none">- a- b`` where the dashes are the items), ``<b>``,
``<i>``, HTML entities, Markdown emphasis and escapes, and TeX symbols such as ``\\geq``.

Lists become one item per line and keep their numbering as written ("1. …", "- …"). A list
written on one line by the extraction ("1. Undangan rapat; 2. Daftar Hadir; 3. …") is cut back
into lines, but only when its numbers run 1, 2, 3 … in order, so "SK CPNS 2024 3. SK Jabatan"
is cut before "3." and nowhere else.
"""

from __future__ import annotations

import html
import re

# A tag: "<b>", "</li>", "<ul style=…>", "<br/>" — not "< 50%" or "<= 3".
_TAG_SPLIT = re.compile(r"(</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>)")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")

_BLOCK = {"p", "div", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "section"}

_TEX = [
    (re.compile(r"\$?\\(?:geq|ge|geqslant)(?![A-Za-z])\$?"), "≥"),
    (re.compile(r"\$?\\(?:leq|le|leqslant)(?![A-Za-z])\$?"), "≤"),
    (re.compile(r"\$?\\(?:neq|ne)(?![A-Za-z])\$?"), "≠"),
    (re.compile(r"\$?\\times(?![A-Za-z])\$?"), "×"),
    (re.compile(r"\$?\\pm(?![A-Za-z])\$?"), "±"),
    (re.compile(r"\$?\\checkmark(?![A-Za-z])\$?"), "✓"),
    (re.compile(r"\\([%&$#_{}])"), r"\1"),
]
# Markdown: **bold**, __bold__, *italic*, backslash escapes of punctuation.
# bounded spans: an unclosed "**" scans at most 2,000 characters, never to the end of the text
_MD_BOLD = re.compile(r"\*\*(?=\S)(.{1,2000}?)(?<=\S)\*\*|__(?=\S)(.{1,2000}?)(?<=\S)__")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,500}?)(?<=[^\s*])\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_SPACE_BEFORE_COMMA = re.compile(r" +([,;])")

_LIST_MARK = re.compile(r"^\s*(?:[-–•*▪●]|\d{1,2}[.)]|[a-z][.)])\s")


def strip_markup(raw: str) -> str:
    """Cheap one-line view of a cell for classifying rows (no list handling)."""
    if not raw:
        return ""
    if "<" in raw:
        raw = _ANY_TAG.sub(" ", raw)
    if "&" in raw:
        raw = html.unescape(raw)
    if "*" in raw or "_" in raw:
        raw = raw.replace("**", "").replace("__", "")
    return _SPACES.sub(" ", raw.replace("\n", " ")).strip()


def _tex(text: str) -> str:
    if "\\" not in text:
        return text
    for pattern, repl in _TEX:
        text = pattern.sub(repl, text)
    return text


def _markdown(text: str) -> str:
    if "*" in text or "_" in text:
        text = _MD_BOLD.sub(lambda m: m.group(1) or m.group(2), text)
        text = _MD_ITALIC.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def _tags_to_lines(text: str) -> str:
    """HTML-ish markup → text where "\\n" separates lines; list items get their markers."""
    parts = _TAG_SPLIT.split(text)
    if len(parts) == 1:
        return html.unescape(text)
    out: list[str] = []
    lists: list[list] = []          # [kind, counter, bare]  kind "ul"/"ol"; bare: no marker
    pending_marker: str | None = None
    for i, part in enumerate(parts):
        if i % 2 == 0:              # text
            if not part:
                continue
            chunk = html.unescape(part)
            if pending_marker is not None:
                if chunk.strip():
                    if not _LIST_MARK.match(chunk):
                        chunk = pending_marker + chunk.lstrip()
                    pending_marker = None
            out.append(chunk)
            continue
        m = _TAG_NAME.match(part)
        name = m.group(1).lower() if m else ""
        closing = part.startswith("</")
        if name == "br":
            out.append("\n")
        elif name in ("ul", "ol"):
            out.append("\n")
            if closing:
                if lists:
                    lists.pop()
            else:
                bare = "none" in part.lower() and "list-style" in part.lower()
                start = re.search(r"start\s*=\s*[\"']?(\d+)", part)
                lists.append([name, int(start.group(1)) - 1 if start else 0, bare])
        elif name == "li":
            out.append("\n")
            if not closing:
                kind, _, bare = lists[-1] if lists else ("ul", 0, False)
                if kind == "ol":
                    lists[-1][1] += 1
                    pending_marker = f"{lists[-1][1]}. "
                elif not bare:
                    pending_marker = "- "
                else:
                    pending_marker = None
        elif name in _BLOCK:
            out.append("\n")
        # every other tag (b, i, strong, em, u, span, font, sup, sub …) is dropped
    return "".join(out)


def _split_numbered(line: str) -> list[str]:
    """"1. a 2. b 3. c" → ["1. a", "2. b", "3. c"] when the numbers run in order — also a list
    whose numbering runs on from the row above ("4. d 5. e"), "1) a 2) b", "a. x b. y", and
    numbers without a dot before a capital ("1 Undangan 2 Daftar hadir")."""
    m = re.match(r"(\d{1,3}|[a-z])([.)])\s", line) or re.match(r"(\d{1,2})()\s+(?=[A-Z])", line)
    if not m:
        return [line]
    letters = not m.group(1).isdigit()
    first = ord(m.group(1)) - ord("a") + 1 if letters else int(m.group(1))
    close = re.escape(m.group(2))
    after = r"\s+(?=\S)" if m.group(2) else r"\s+(?=[A-Z])"
    pieces, start, k = [], 0, first + 1
    pos = m.end()
    while k < first + 200:
        label = chr(ord("a") + k - 1) if letters else str(k)
        if letters and label > "z":
            break
        nxt = re.compile(r"(?:(?<=\s)|(?<=[;,]))" + re.escape(label) + close + after)
        found = nxt.search(line, pos)
        if not found:
            break
        pieces.append(line[start:found.start()].strip())
        start = found.start()
        pos = found.end()
        k += 1
    if not pieces:
        return [line]
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


_DASH_SPLIT = re.compile(r"\s+[-–•]\s+(?=\S)|(?<=[\w).,;:])[-–](?=\s+[A-Z(])\s*")


def _split_dashed(line: str) -> list[str]:
    """"- a - b- C" (a dash list flattened onto one line) → ["- a", "- b", "- C"]."""
    m = re.match(r"([-–•])\s+", line)
    if not m:
        return [line]
    marker = m.group(1)
    body = line[m.end():]
    items = [p.strip() for p in _DASH_SPLIT.split(body)]
    return [f"{marker} {p}" for p in items if p]


def clean(raw: str) -> str:
    """A raw cell → the text the plan stores."""
    if not raw:
        return ""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _tex(text)
    text = _tags_to_lines(text) if "<" in text else html.unescape(text)
    text = _markdown(text)
    lines: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            continue
        line = _SPACE_BEFORE_COMMA.sub(r"\1", line)
        for piece in _split_numbered(line):
            lines.extend(_split_dashed(piece))
    return "\n".join(lines)


def clean_plain(raw: str) -> str:
    """A cell that is plain text already (the export's .xlsx): only line ends are tidied.

    No markup is read and no list is re-cut, so a plan goes through export and import unchanged.
    """
    if not raw:
        return ""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n").strip()


def join_fragment(before: str, fragment: str) -> str:
    """Raw text of a cell cut at a page break + the raw rest found on the next page.

    The rest continues the last line: "…sesuai" + "dengan rencana"; a leading ``<p>…</p>``
    (what converters make of the tail of a list item) is unwrapped; a word split with a hyphen
    ("diimplementasi-" + "kan") is joined without a space.
    """
    fragment = fragment.strip()
    if not before.strip():
        return fragment
    if not fragment:
        return before
    m = re.match(r"<p\b[^>]*>(.*?)</p\s*>", fragment, re.S | re.I)
    if m:
        fragment = m.group(1).strip() + " " + fragment[m.end():].lstrip()
    before = before.rstrip()
    if re.search(r"[A-Za-z]-$", before) and re.match(r"[a-z]", fragment):
        return before + fragment
    return before + " " + fragment


_MARKS = set("✓✔√☑✅●•■▪◼◾xXvV*")


def is_mark(text: str) -> bool:
    """A cell of a month grid that says "planned": ✓ ✔ √ v x ● …"""
    t = text.strip()
    return bool(t) and len(t) <= 3 and all(c in _MARKS or c.isspace() for c in t)
