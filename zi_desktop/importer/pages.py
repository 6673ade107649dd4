"""Pages missing from a published copy: put orphan rows where the standard template says.

A published decree may lack whole pages. Then an area heading never appears and its komponen
seem to continue the area above (their numbers restart or repeat), or the printed area codes
jump (IV → VI). The komponen names of PermenPANRB 90/2021 (the standard template) tell which
area a komponen belongs to:

- a run of komponen inside area A whose names are the standard komponen of a *later* area B
  (and not of A) is moved into a new area B with its standard name — never left silently
  under A;
- a gap in the printed area codes gets an empty area with the standard name of the missing
  code, so the codes stay as printed;
- an area read without a name gets the standard name its komponen point to.

Each repair is one line of the report ("Area V PENGUATAN PENGAWASAN tidak ada di sumber —
halaman hilang?").
"""

from __future__ import annotations

import functools
import re

from .cells import strip_markup
from .report import KERAGUAN, PERBAIKAN
from ..model import romawi as roman
from .tree import Area, roman_value

_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"dan", "di", "yang", "untuk", "dengan", "terhadap", "sesuai", "the", "of", "atau", "ke"}


@functools.lru_cache(maxsize=1)
def _standard() -> list[tuple[str, list[frozenset]]]:
    try:
        from ..template import standard_komponen
        areas = standard_komponen(inovasi=True)
    except Exception:       # noqa: BLE001 — without the template there is nothing to compare
        return []
    return [(name, [_words(k) for k in komponen]) for name, komponen in areas.items()]


def _words(text: str) -> frozenset:
    return frozenset(w for w in _WORD.findall(strip_markup(text).lower()) if w not in _STOP)


def _similar(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def area_of_name(name: str) -> int | None:
    """Index of the standard area whose name this is (loosely), or None."""
    words = _words(name)
    best, score = None, 0.0
    for k, (std, _) in enumerate(_standard()):
        s = _similar(words, _words(std))
        if s > score:
            best, score = k, s
    return best if score >= 0.5 else None


@functools.lru_cache(maxsize=4096)
def area_of_komponen(name: str) -> tuple[int | None, float]:
    """(index of the standard area holding a komponen of this name, similarity)."""
    words = _words(name)
    best, score = None, 0.0
    for k, (_, komponen) in enumerate(_standard()):
        for std in komponen:
            s = _similar(words, std)
            if s > score:
                best, score = k, s
    return best, score


def repair(reading) -> None:
    """Fix ``reading.areas`` in place for missing pages; notes go to ``reading.notes``."""
    standard = _standard()
    if not standard or not reading.areas:
        return
    areas: list[Area] = []
    for area in reading.areas:
        areas.extend(_split(reading, area, standard))
    reading.areas = _fill_gaps(reading, areas, standard)


def _split(reading, area: Area, standard) -> list[Area]:
    own = area_of_name(area.nama) if strip_markup(area.nama) else None
    if own is None and area.komponen:
        votes = [area_of_komponen(k.nama) for k in area.komponen]
        sure = [k for k, s in votes if k is not None and s >= 0.6]
        named = {area_of_name(a.nama) for a in reading.areas if a is not area}
        best = max(set(sure), key=sure.count) if sure else None
        if best is not None and best not in named and not strip_markup(area.nama):
            own = best
            area.nama = standard[own][0]
            area.tertulis = area.tertulis or roman(own + 1)
            reading.note(PERBAIKAN, f"Judul Area {roman(own + 1)} {standard[own][0]} tidak ada "
                         "di sumber — halaman hilang? Barisnya dimasukkan ke area itu menurut "
                         "nama komponen pada templat standar.", area)
    if own is None:
        return [area]
    out = [area]
    current, current_index = area, own
    kept = []
    for komp in area.komponen:
        k, score = area_of_komponen(komp.nama)
        mine = any(_similar(_words(komp.nama), std) >= 0.4 for std in standard[current_index][1])
        if k is not None and k > current_index and score >= 0.6 and not mine:
            name = standard[k][0]
            current = Area(nama=name, tertulis=roman(k + 1), line=komp.line)
            current_index = k
            out.append(current)
            reading.note(PERBAIKAN, f"Area {roman(k + 1)} {name}: judul area tidak ada di sumber "
                         f"— halaman hilang? Komponen \"{strip_markup(komp.nama)}\" dan "
                         "berikutnya dipindah ke area ini menurut templat standar (semula "
                         f"terbaca di bawah Area {area.tertulis or roman(own + 1)}).", current)
        if current is area:
            kept.append(komp)
        else:
            current.komponen.append(komp)
    area.komponen = kept
    return out


def _printed(area: Area) -> int | None:
    return roman_value(area.tertulis) if area.tertulis else None


def _fill_gaps(reading, areas: list[Area], standard) -> list[Area]:
    out: list[Area] = []
    for area in areas:
        value = _printed(area)
        prev = next((_printed(a) for a in reversed(out) if _printed(a)), 0) if out else 0
        if value and prev and value > prev + 1:
            for missing in range(prev + 1, value):
                name = standard[missing - 1][0] if missing - 1 < len(standard) else ""
                gap = Area(nama=name, tertulis=roman(missing), line=area.line)
                out.append(gap)
                reading.note(KERAGUAN, f"Area {roman(missing)} {name} tidak ada di sumber — "
                             "halaman hilang? Area itu dibuat kosong dengan nama bakunya; "
                             "isi dari keputusan aslinya.".replace("  ", " "), gap)
        out.append(area)
    return out
