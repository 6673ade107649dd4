"""Make the bundled "ZI Bonum" faces from TeX Gyre Bonum (a one-off; not run by the program).

ReportLab embeds TrueType outlines only and TeX Gyre Bonum ships as CFF OpenType, so the
cubic outlines are converted to quadratic ones (fontTools cu2qu) and the family renamed,
as the GUST Font License requests for derived works (resources/fonts/README-ZI-Bonum.txt).

    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python tools/otf_to_ttf.py /usr/share/texmf/fonts/opentype/public/tex-gyre resources/fonts
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "Bold Italic"}
FAMILY = "ZI Bonum"


def convert(src: Path, dst: Path, style: str) -> None:
    font = TTFont(src)
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    sub = STYLES[style]
    full = f"{FAMILY} {sub}" if sub != "Regular" else FAMILY
    ps = f"ZIBonum-{sub.replace(' ', '')}"
    names = font["name"]
    for rec in list(names.names):
        if rec.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=rec.nameID)
    fam = FAMILY if sub in ("Regular", "Bold", "Italic", "Bold Italic") else f"{FAMILY} {sub}"
    for nid, text in ((1, fam), (2, sub), (3, f"{ps};derived from TeX Gyre Bonum 2.004"),
                      (4, full), (6, ps)):
        names.setName(text, nid, 3, 1, 0x409)
        names.setName(text, nid, 1, 0, 0)
    font.save(dst)


def main(src_dir: str, dst_dir: str) -> None:
    for style in STYLES:
        convert(Path(src_dir) / f"texgyrebonum-{style}.otf",
                Path(dst_dir) / f"ZIBonum-{STYLES[style].replace(' ', '')}.ttf", style)


if __name__ == "__main__":
    main(*sys.argv[1:3])
