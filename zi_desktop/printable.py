"""Plan text made fit to print or to write into a document: one kind of line end, no control
characters, words of bounded length. No ReportLab here: titles and checks use it too."""

from __future__ import annotations

import re

from .bounds import cut_long_words

# Control characters other than the newline print as nothing (or as boxes), and lone
# surrogates (from a badly decoded file) cannot even be written to a PDF: drop them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ud800-\udfff]")
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029|\x85")


def clean(value) -> str:
    """Any plan value → text fit to print: str, ``\\n`` line ends, no control characters."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = _NEWLINES.sub("\n", text).replace("\t", " ")
    return cut_long_words(_CONTROL.sub("", text))  # bounded words: wrapping stays linear


def one_line(value) -> str:
    """``clean`` on one line, runs of spaces and line ends as one space."""
    return " ".join(clean(value).split())
