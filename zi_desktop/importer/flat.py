"""Rows in the export's shape (docs/ARCHITECTURE.md, sheet ``Lampiran``) → the tree.

One row per langkah aksi with AREA, PENANGGUNG JAWAB AREA, NO KOMPONEN, KOMPONEN, INDIKATOR
filled on every row; a row whose lower columns are empty stands for an indikator without
langkah aksi (or a komponen without indikator, an area without komponen). A new item starts where
its text (or the komponen number) changes from the row above; an empty cell repeats the row above.
"""

from __future__ import annotations

import re

from . import columns as C
from .cells import strip_markup
from .columns import Columns
from .lampiran import Reading, area_heading, split_cells
from .tree import Aksi, Area, Indikator, Komponen, roman_value, same_text


def is_flat(cols: Columns) -> bool:
    return cols.has(C.AREA)


def read_flat(rows: list[tuple[list[str], int]], cols: Columns, reading: Reading) -> Reading:
    r = reading
    r.plain = True
    r.had_pj = cols.has(C.PJ) or cols.has(C.PJ_AREA)
    r.had_capaian = cols.has(C.CAPAIAN)
    r.had_grid = bool(cols.grid)
    area: Area | None = None
    komp: Komponen | None = None
    ind: Indikator | None = None
    for cells, line in rows:
        fields, marks, stray = split_cells(cells, cols, r)
        if stray:
            r.stray_marks.append(line)
        if not fields and not marks:
            continue
        r.data_rows += 1
        get = lambda name: fields.get(name, "")      # noqa: E731
        area_text = get(C.AREA)
        if area_text and (area is None or not same_text(_area_label(area), area_text)):
            printed, name = split_area(area_text)
            area = Area(nama=name, tertulis=printed, line=line)
            r.areas.append(area)
            komp = ind = None
        elif area is None:
            area = Area(nama="", tertulis="", line=line)
            r.areas.append(area)
            r.warn(f"Baris {line}: baris tanpa AREA sebelum area pertama; dimasukkan ke area "
                   "tanpa nama.")
        if cols.has(C.PJ_AREA) and (area.pj is None or not strip_markup(area.pj)):
            area.pj = get(C.PJ_AREA)
        no = strip_markup(get(C.NO_KOMPONEN) or get(C.NO))
        komp_raw = get(C.KOMPONEN)
        if komp_raw and (komp is None or not same_text(komp.nama, komp_raw)
                         or (no and no != komp.nomor)):
            komp = Komponen(nama=komp_raw, nomor=no, line=line)
            area.komponen.append(komp)
            ind = None
        ind_raw = get(C.INDIKATOR)
        has_aksi = any(strip_markup(get(f)) for f in (C.LANGKAH, C.BUKTI, C.WAKTU, C.CAPAIAN, C.PJ)) \
            or bool(marks)
        if not komp_raw and komp is None and (ind_raw or has_aksi):
            komp = Komponen(nama="", nomor=no, line=line)
            area.komponen.append(komp)
            r.warn(f"Baris {line}: indikator/langkah aksi tanpa komponen.")
        if ind_raw and komp is not None and (ind is None or not same_text(ind.teks, ind_raw)
                                             or komp_raw and not komp.indikator):
            ind = Indikator(teks=ind_raw, line=line)
            komp.indikator.append(ind)
        if has_aksi:
            if ind is None:
                ind = Indikator(teks="", line=line)
                komp.indikator.append(ind)
                r.warn(f"Baris {line}: langkah aksi tanpa indikator.")
            if get(C.WAKTU):
                r.had_waktu_text = True
            ind.aksi.append(Aksi(langkah=get(C.LANGKAH), bukti=get(C.BUKTI), waktu=get(C.WAKTU),
                                 capaian=get(C.CAPAIAN), pj=get(C.PJ), marks=marks,
                                 grid=bool(cols.grid), relative=cols.grid_relative, line=line))
    return r


def split_area(text: str) -> tuple[str, str]:
    """"I MANAJEMEN PERUBAHAN" → ("I", "MANAJEMEN PERUBAHAN"); "II" alone → ("II", "")."""
    t = strip_markup(text)
    m = re.match(r"^([IVXL]{1,6})[.)]?(?:\s+(.*))?$", t)
    if m and roman_value(m.group(1)):
        return m.group(1), (m.group(2) or "").strip()
    heading = area_heading(t)
    return heading if heading else ("", t)


def _area_label(area: Area) -> str:
    return f"{area.tertulis} {area.nama}".strip()
