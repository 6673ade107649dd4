"""The tree while it is being read: raw cell text (markup kept) and where each item came from.

Cells are cleaned only when the tree is finished (:mod:`.finish`), because a cell cut at a page
break is joined with its rest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import strip_markup


@dataclass
class Aksi:
    langkah: str = ""
    bukti: str = ""
    waktu: str = ""                 # Target waktu text as written
    capaian: str = ""
    pj: str = ""
    marks: list = field(default_factory=list)   # grid labels marked: (month, year|None)
    grid: bool = False              # the row was read under a month grid
    relative: bool = False          # grid numbered 1..12 (months of the plan period)
    line: int = 0


@dataclass
class Indikator:
    teks: str
    line: int
    aksi: list[Aksi] = field(default_factory=list)


@dataclass
class Komponen:
    nama: str
    nomor: str
    line: int
    indikator: list[Indikator] = field(default_factory=list)


@dataclass
class Area:
    nama: str
    tertulis: str                   # the numeral as printed ("IV"), "" if none
    line: int
    pj: str | None = None           # given per area (the export's PENANGGUNG JAWAB AREA)
    komponen: list[Komponen] = field(default_factory=list)

    def counts(self) -> tuple[int, int, int]:
        ind = sum(len(k.indikator) for k in self.komponen)
        aksi = sum(len(i.aksi) for k in self.komponen for i in k.indikator)
        return len(self.komponen), ind, aksi


_WS = re.compile(r"\s+")


def same_text(a: str, b: str) -> bool:
    return _WS.sub(" ", strip_markup(a)).strip().lower() == _WS.sub(" ", strip_markup(b)).strip().lower()


_ROMAN = re.compile(r"^(?=[IVXL])(XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(text: str) -> int | None:
    t = text.strip().upper()
    if not t or not _ROMAN.match(t):
        return None
    total = 0
    for i, ch in enumerate(t):
        v = _ROMAN_VALUE[ch]
        nxt = _ROMAN_VALUE[t[i + 1]] if i + 1 < len(t) else 0
        total += -v if v < nxt else v
    return total

