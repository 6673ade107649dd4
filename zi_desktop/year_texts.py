"""Texts of a plan that still name last year ("SK Tim Kerja ZI tahun 2025" in a 2026 plan).

Tahun Berikutnya moves the months and the Target Waktu, but keeps langkah aksi, bukti fisik
and the other texts as written; some of them name the old year on purpose (the LKjIP of
last year is reported this year), many by habit. Periksa lists them (``old_year_findings``,
rule ``tahun_lalu``) and the user replaces the year where they agree (``replace_edit``:
one undoable step).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .edits import Batch, Edit, SetField, SetTargetWaktu
from .model import LEVELS

FIELD_LABELS = {"nama": "nama", "penanggung_jawab": "penanggung jawab", "teks": "teks",
                "langkah": "langkah aksi", "bukti_fisik": "bukti fisik", "target_waktu": "target waktu",
                "target_capaian": "target capaian"}


@dataclass(frozen=True)
class YearText:
    level: str
    id: int | None
    field: str
    jalur: str
    text: str
    old: int
    new: int

    @property
    def replaced(self) -> str:
        return replace_year(self.text, self.old, self.new)


def _year(old: int) -> re.Pattern:
    return re.compile(rf"(?<!\d){old}(?!\d)")


def replace_year(text: str, old: int, new: int) -> str:
    return _year(old).sub(str(new), text)


def old_year_texts(plan: dict) -> list[YearText]:
    """Every text field (in plan order) that names the year before the plan's year."""
    try:
        new = int(plan["rencana"]["tahun"])
    except (KeyError, TypeError, ValueError):
        return []
    old = new - 1
    pattern, digits = _year(old), str(old)
    out: list[YearText] = []

    def visit(level: str, item: dict, jalur: str) -> None:
        for field in LEVELS[level].fields:
            text = item.get(field, "")
            # the substring test first: most texts name no year (3,000 langkah aksi in ~5 ms)
            if isinstance(text, str) and digits in text and pattern.search(text):
                out.append(YearText(level, item.get("id"), field, jalur, text, old, new))

    for a_no, area in enumerate(plan.get("area", []), 1):
        a_path = area.get("kode") or str(a_no)
        visit("area", area, a_path)
        for k_no, komp in enumerate(area.get("komponen", []), 1):
            k_path = f"{a_path}.{k_no}"
            visit("komponen", komp, k_path)
            for i_no, ind in enumerate(komp.get("indikator", []), 1):
                i_path = f"{k_path}.{i_no}"
                visit("indikator", ind, i_path)
                for x_no, aksi in enumerate(ind.get("aksi", []), 1):
                    visit("aksi", aksi, f"{i_path}.{x_no}")
    return out


def describe(item: YearText) -> str:
    text = " ".join(item.text.split())
    short = text if len(text) <= 60 else text[:59] + "…"
    return (f"{LEVELS[item.level].label} {item.jalur}: {FIELD_LABELS.get(item.field, item.field)} masih "
            f"menyebut tahun {item.old} (“{short}”).")


def replace_edit(items: list[YearText]) -> Edit:
    """One undo step that writes the new year into each chosen text."""
    edits: list[Edit] = []
    for item in items:
        if item.field == "target_waktu":
            edits.append(SetTargetWaktu(item.id, item.replaced))   # the months follow the text
        else:
            edits.append(SetField(item.level, item.id, item.field, item.replaced))
    label = f"Ganti tahun {items[0].old} menjadi {items[0].new}" if items else "Ganti tahun"
    return Batch(edits, label=label)
