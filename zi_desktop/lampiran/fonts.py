"""The embedded font family of the printed Lampiran: DejaVu Sans.

DejaVu Sans has every glyph a decree needs (✓ ≥ ≤ “ ” – …) and ships its licence in
``resources/fonts/LICENSE-DejaVu.txt``.  The four faces are registered once per process
as TrueType fonts (ReportLab embeds a subset of each face used) and grouped with
``registerFontFamily`` so ``<b>``/``<i>`` in any Paragraph elsewhere map to the right face.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from zi_desktop.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = "DejaVuSans"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_registered = False


def register_fonts() -> None:
    """Register the DejaVu Sans family with ReportLab (idempotent).

    A missing oblique face (a trimmed install) falls back to the upright face of the same
    weight rather than failing the print.
    """
    global _registered
    if _registered:
        return
    for name, filename in _FILES.items():
        path = resource("fonts", filename)
        if not path.is_file():
            fallback = BOLD if "Bold" in name else REGULAR
            path = resource("fonts", _FILES[fallback])
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                  boldItalic=BOLD_ITALIC)
    _registered = True
