"""The embedded faces of the printed Lampiran, and the one place that registers them.

Three families, each with regular, bold, italic and bold italic, all in
``resources/fonts`` with their licences:

- ``arial``: Liberation Sans (Arial's metrics; SIL OFL, ``LICENSE-Liberation.txt``);
- ``bookman``: ZI Bonum, TeX Gyre Bonum converted to TrueType outlines and renamed
  (GUST Font License, ``README-ZI-Bonum.txt``, made by ``tools/otf_to_ttf.py``);
- ``dejavu``: DejaVu Sans (``LICENSE-DejaVu.txt``).

ReportLab embeds a subset of each TrueType face used; ``registerFontFamily`` maps ``<b>`` and
``<i>`` of any Paragraph to the right face.  DejaVu Sans is the per-glyph fallback
(``Face.fallback``) for the characters the main face lacks, and the month grid's ticks are
drawn from ZI Tanda (DejaVu's tick marks alone), so they stay copyable text.
"""

from __future__ import annotations

from typing import NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from zi_desktop.paths import resource

HURUF = ("arial", "bookman", "dejavu")
HURUF_BAWAAN = "arial"

# DejaVu Sans names, kept for callers that print in DejaVu alone.
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = "DejaVuSans"


class Face(NamedTuple):
    key: str
    label: str                 # what the Cetak dialog shows
    regular: str               # ReportLab font names (= PostScript name prefix)
    bold: str
    italic: str
    bold_italic: str
    files: tuple[str, str, str, str]
    fallback: str = REGULAR    # the face drawing glyphs this one lacks

    @property
    def names(self) -> tuple[str, str, str, str]:
        return self.regular, self.bold, self.italic, self.bold_italic


FACES = {
    "arial": Face("arial", "Arial (Liberation Sans)", "LiberationSans", "LiberationSans-Bold",
                  "LiberationSans-Italic", "LiberationSans-BoldItalic",
                  ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                   "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf")),
    "bookman": Face("bookman", "Bookman (ZI Bonum)", "ZIBonum-Regular", "ZIBonum-Bold",
                    "ZIBonum-Italic", "ZIBonum-BoldItalic",
                    ("ZIBonum-Regular.ttf", "ZIBonum-Bold.ttf", "ZIBonum-Italic.ttf",
                     "ZIBonum-BoldItalic.ttf")),
    "dejavu": Face("dejavu", "DejaVu Sans", REGULAR, BOLD, ITALIC, BOLD_ITALIC,
                   ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                    "DejaVuSans-BoldOblique.ttf")),
}

# The month grid's ticks, cut from DejaVu Sans (README-ZI-Tanda.txt): drawing ✓ need not
# load the whole DejaVu Sans.
TANDA = "ZITanda"

_FILES = {name: filename for face in FACES.values()
          for name, filename in zip(face.names, face.files)}
_FILES[TANDA] = "ZITanda.ttf"
_UPRIGHT = {name: face.files[i % 2] for face in FACES.values()
            for i, name in enumerate(face.names)}
_UPRIGHT[TANDA] = "DejaVuSans.ttf"
_families: set[str] = set()
_loaded: dict = {}


def ensure(name: str):
    """The ReportLab font ``name`` (one of the faces above), registered on first use:
    parsing a TrueType file costs ~30 ms, so a print loads only the faces it draws."""
    font = _loaded.get(name)
    if font is not None:
        return font
    if name not in _FILES:
        raise KeyError(name)
    path = resource("fonts", _FILES[name])
    if not path.is_file():
        # a trimmed install without the italic faces: the upright face of the same weight
        path = resource("fonts", _UPRIGHT[name])
    font = _loaded[name] = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return font


def face_for(huruf: str | None) -> Face:
    """The family ``huruf`` ("arial" | "bookman" | "dejavu"; anything else: the default),
    grouped with ``registerFontFamily`` and its regular face registered; its other faces and
    the fallback register when first used (``ensure``) — what the Lampiran draws itself."""
    face = FACES.get(str(huruf or "").lower()) or FACES[HURUF_BAWAAN]
    ensure(face.regular)
    if face.key not in _families:
        pdfmetrics.registerFontFamily(face.regular, normal=face.regular, bold=face.bold,
                                      italic=face.italic, boldItalic=face.bold_italic)
        _families.add(face.key)
    return face


def register_fonts(huruf: str = "dejavu") -> Face:
    """All four faces of ``huruf`` registered now, for PDFs set with Paragraphs (whose
    ``<b>``/``<i>`` need the faces registered before the build): the province summary."""
    face = face_for(huruf)
    for name in face.names:
        ensure(name)
    return face
