"""A chapter's text (``bab[].isi``): plain text, one paragraph or list item per line. A list item
starts with its label — level 1 "a." "a)" "1." "-" "–" "•", level 2 "1)" "(1)" — as the decrees
write them (Kudus: "a. Manajemen perubahan" with "1) …" under it). The print hangs the labels,
the Word export indents them, and the chapter editor continues, renumbers and re-levels them
with this one grammar. No Qt here."""

from __future__ import annotations

import re

from .labels import huruf

MARKER = re.compile(r"^(\(?[0-9]{1,2}[.)]|[a-z][.)]|[-–•])\s+")
# list kinds the editor offers: name → label of item n
KINDS = {"huruf": lambda n: f"{huruf(n)}.", "angka": lambda n: f"{n}.",
         "kurung": lambda n: f"{n})", "strip": lambda n: "-"}
_WORD_BULLET = re.compile(r"^\s*[•·\uf0b7\uf0a7\u25aa\u25cf\u25e6o§]\s*\t\s*")
_WORD_MARK = re.compile(r"^\s*(\(?[0-9]{1,2}[.)]|[a-zA-Z][.)])\s*\t\s*")


def split_item(line: str) -> tuple[str, str, int]:
    """(label, text, level) of one line: ("a.", "Manajemen perubahan", 1); a paragraph is
    ("", its text, 0)."""
    line = line.strip()
    m = MARKER.match(line)
    if not m:
        return "", line, 0
    mark = m.group(1)
    return mark, line[m.end():], 2 if re.match(r"^\(?\d{1,2}\)$", mark) else 1


def kind_of(mark: str) -> str | None:
    if not mark:
        return None
    if mark[0] in "-–•":
        return "strip"
    if re.match(r"^\(?\d{1,2}\)$", mark):
        return "kurung"
    return "angka" if mark[0].isdigit() else "huruf"


def _number(mark: str) -> int:
    core = mark.strip("().")
    if core.isdigit():
        return int(core)
    return ord(core[0]) - ord("a") + 1 if core[:1].isalpha() else 1


def next_mark(mark: str) -> str:
    """The label of the item after one labelled ``mark``: "b." → "c.", "2)" → "3)", "-" → "-"."""
    kind = kind_of(mark)
    if kind is None:
        return ""
    if kind == "strip":
        return mark
    n = min(_number(mark) + 1, 26 if kind == "huruf" else 99)
    label = KINDS[kind](n)
    if kind == "huruf" and mark.endswith(")"):
        label = label[:-1] + ")"
    return "(" + label if mark.startswith("(") else label


def relabel(lines: list[str], kind: str | None, before: str = "") -> list[str]:
    """``lines`` made items of list ``kind`` (None: plain paragraphs), numbered on from the
    line ``before`` them when that is an item of the same kind."""
    mark, _text, _level = split_item(before)
    n = _number(mark) if kind_of(mark) == kind and kind is not None else 0
    out = []
    for line in lines:
        text = split_item(line)[1]
        if kind is None:
            out.append(text)
        else:
            n += 1
            out.append(f"{KINDS[kind](n)} {text}")
    return out


def shift_level(line: str, before: str, deeper: bool) -> str:
    """A list item one level deeper ("a." → "1)", numbered on from a "1)" item before it) or
    back up ("1)" → the next label of the level-1 list above: ``before`` is the text above)."""
    mark, text, level = split_item(line)
    if not mark or (level == 2) == deeper:
        return line
    if deeper:
        prev, _t, prev_level = split_item(before)
        return f"{next_mark(prev) if prev_level == 2 else '1)'} {text}"
    up = ""
    for prev_line in reversed(before.split("\n")):
        prev, _t, prev_level = split_item(prev_line)
        if prev_level == 1:
            up = next_mark(prev)
            break
        if prev_level == 0 and prev_line.strip():
            break
    return f"{up or 'a.'} {text}"


def from_word(text: str) -> str:
    """Text pasted from Word as a chapter's plain text: line ends to "\\n", Word's list labels
    ("a.<Tab>", "•<Tab>", Symbol-font bullets) to "a. " and "- ", other tabs to spaces."""
    lines = re.split(r"\r\n|\r|\n|\u2028|\u2029|\x0b", text)
    out = []
    for line in lines:
        line = _WORD_BULLET.sub("- ", line)
        line = _WORD_MARK.sub(lambda m: m.group(1) + " ", line)
        out.append(" ".join(line.replace("\t", " ").split()))
    return "\n".join(out).strip("\n")
