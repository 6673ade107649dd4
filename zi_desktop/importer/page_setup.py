"""The paper and the typeface of a Word or PDF decree → ``cetak.kertas`` and ``cetak.huruf``,
so the imported plan prints on the sheet and in the face of its source.

Paper: F4/Folio (215 × 330 mm) or A4 (210 × 297 mm), either way round, within 4 mm; any other
size (Letter, Legal) keeps the default. Face: the font most of the text is set in, by name —
Arial, Helvetica, Liberation Sans, Arimo → ``arial``; Bookman, TeX Gyre Bonum → ``bookman``;
DejaVu Sans → ``dejavu``; any other face (Times New Roman, Calibri, Tahoma …) keeps the
default, and the report names it.
"""

from __future__ import annotations

import re
from collections import Counter

_FACES = (("bookman", re.compile(r"bookman|bonum", re.I)),
          ("dejavu", re.compile(r"dejavu", re.I)),
          ("arial", re.compile(r"arial|helvetica|liberation ?sans|arimo", re.I)))
_PAPERS = (("F4", (215.0, 330.0)), ("A4", (210.0, 297.0)))
_LABEL = {"arial": "Arial", "bookman": "Bookman", "dejavu": "DejaVu Sans"}


def paper(width_mm: float, height_mm: float) -> str | None:
    short, long_ = sorted((width_mm, height_mm))
    for name, (w, h) in _PAPERS:
        if abs(short - w) <= 4 and abs(long_ - h) <= 4:
            return name
    return None


def family(font: str) -> str:
    """A PDF font name ("ABCDEF+BookmanOldStyle-Bold") → its family ("BookmanOldStyle")."""
    name = font.split("+", 1)[-1]
    return re.split(r"[-,]", name, maxsplit=1)[0]


def setup(paper_size: tuple[float, float] | None, fonts: Counter) -> dict:
    """(width, height) in mm and the text's font names by count → {"kertas", "huruf",
    "sumber_huruf"} as far as they are known."""
    out: dict = {}
    if paper_size:
        kertas = paper(*paper_size)
        if kertas:
            out["kertas"] = kertas
    by_family = Counter()
    for font, count in fonts.items():
        if font:
            by_family[family(font)] += count
    if by_family:
        main = by_family.most_common(1)[0][0]
        out["sumber_huruf"] = main
        face = next((key for key, pattern in _FACES if pattern.search(main)), None)
        if face:
            out["huruf"] = face
    return out


def apply(result, found: dict) -> None:
    """``found`` (from :func:`setup`) into the imported plan's print settings, with one line
    in the report."""
    cetak = result.plan["rencana"]["cetak"]
    parts = []
    if "kertas" in found:
        cetak["kertas"] = found["kertas"]
        parts.append(f"kertas {found['kertas']}")
    if "huruf" in found:
        cetak["huruf"] = found["huruf"]
        parts.append(f"huruf {_LABEL[found['huruf']]}")
    elif found.get("sumber_huruf"):
        parts.append(f"huruf sumber \"{found['sumber_huruf']}\" tidak tersedia; dicetak dengan "
                     "huruf bawaan")
    if parts:
        result.report.append("Dari berkas sumber: " + "; ".join(parts) + ".")
