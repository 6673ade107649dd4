"""Make ``resources/fonts/ZITanda.ttf``: the month grid's tick marks cut from DejaVu Sans
(a one-off; not run by the program).

Loading the whole DejaVu Sans (6,000 glyphs) only to draw ✓ cost ~50 ms per print; this
face holds the marks alone. Renamed as the Bitstream Vera licence asks of modified fonts
(resources/fonts/README-ZI-Tanda.txt).

    /tmp/ft/bin/python tools/make_tanda.py resources/fonts/DejaVuSans.ttf resources/fonts/ZITanda.ttf
"""

from __future__ import annotations

import sys

from fontTools import subset
from fontTools.ttLib import TTFont

MARKS = "\u2713\u2714\u2717\u2718\u2610\u2611\u2612 "


def main(src: str, dst: str) -> None:
    font = TTFont(src)
    options = subset.Options()
    options.name_IDs = [0, 7, 13, 14]     # copyright, trademark, licence: kept, as the licence asks
    options.notdef_outline = True
    options.layout_features = []
    sub = subset.Subsetter(options)
    sub.populate(text=MARKS)
    sub.subset(font)
    names = font["name"]
    for nid, text in ((1, "ZI Tanda"), (2, "Book"), (3, "ZITanda;cut from DejaVu Sans 2.37"),
                      (4, "ZI Tanda"), (6, "ZITanda")):
        names.setName(text, nid, 3, 1, 0x409)
        names.setName(text, nid, 1, 0, 0)
    font.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:3])
