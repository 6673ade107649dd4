"""Plan dict → the table rows of the Lampiran (``TableRow`` flowables).

One printed row per langkah aksi (an indikator without langkah aksi, a komponen without
indikator still get one row; an area without komponen prints its heading alone).
Merged columns behave like merged cells in the Word decrees: the komponen number and
name, the indikator and the area's penanggung jawab start in the first row of their group
and, when longer than that row, flow on into the next rows of the group (``Group``); no
inner rules are drawn in those columns.
"""

from __future__ import annotations

from ..model import romawi
from . import fonts
from .layout import Layout
from .rows import Group, PrintState, TableRow
from .text import clean, shorten

LABEL_CHARS = 160      # "(lanjutan)" labels repeat at most this much of the text


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


class _Draft:
    __slots__ = ("leaf", "groups", "checks")

    def __init__(self) -> None:
        self.leaf: dict = {}
        self.groups: dict = {}
        self.checks: tuple = ()


def _join(rows: list[_Draft], key: str, group: Group) -> None:
    last = len(rows) - 1
    for j, r in enumerate(rows):
        r.groups[key] = (group, j == 0, j == last)


class TableBuilder:
    def __init__(self, lay: Layout, state: PrintState) -> None:
        self.lay = lay
        self.state = state

    def _wrap(self, key: str, text, lists: bool = True, setter=None) -> list:
        text = clean(text)
        if not text.strip():
            return []
        return (setter or self.lay.regular).wrap(text, self.lay.col[key].inner, lists)

    def _group(self, key: str, text, suffix: str = " (lanjutan)") -> Group:
        text = clean(text)
        lines = self._wrap(key, text)
        if not lines:
            return Group([], None)
        short = shorten(text, LABEL_CHARS)
        label = self.lay.italic.wrap(short + suffix, self.lay.col[key].inner, lists=False)
        return Group(lines, label, shortened=short != " ".join(text.split()))

    def _aksi_row(self, aksi: dict) -> _Draft:
        lay = self.lay
        r = _Draft()
        leaf = r.leaf
        for key, field in (("langkah", "langkah"), ("bukti", "bukti_fisik")):
            lines = self._wrap(key, aksi.get(field))
            if lines:
                leaf[key] = lines
        if not lay.month_grid:
            lines = self._wrap("waktu", aksi.get("target_waktu"))
            if lines:
                leaf["waktu"] = lines
        else:
            keys = ("m:" + clean(b).strip() for b in _list(aksi.get("bulan")))
            r.checks = tuple(k for k in keys if k in lay.col)
        if lay.target_capaian:
            lines = self._wrap("capaian", aksi.get("target_capaian"))
            if lines:
                leaf["capaian"] = lines
        if lay.penanggung_jawab and clean(aksi.get("penanggung_jawab")).strip():
            _join([r], "pj", self._group("pj", aksi.get("penanggung_jawab"), ""))
        return r

    def build(self, plan: dict) -> list[TableRow]:
        lay = self.lay
        out: list[TableRow] = []
        for ai, area in enumerate(_list(plan.get("area"))):
            area = _dict(area)
            drafts: list[_Draft] = []
            for ki, komp in enumerate(_list(area.get("komponen"))):
                komp = _dict(komp)
                number = str(ki + 1)
                komp_rows: list[_Draft] = []
                for ind in _list(komp.get("indikator")):
                    ind = _dict(ind)
                    aksi_list = [_dict(a) for a in _list(ind.get("aksi"))] or [{}]
                    ind_rows = [self._aksi_row(a) for a in aksi_list]
                    _join(ind_rows, "indikator", self._group("indikator", ind.get("teks")))
                    komp_rows.extend(ind_rows)
                if not komp_rows:
                    komp_rows = [_Draft()]
                no_line = [(0.0, number, "", fonts.REGULAR)]
                _join(komp_rows, "no", Group(no_line, no_line))
                _join(komp_rows, "komponen", self._group("komponen", komp.get("nama")))
                drafts.extend(komp_rows)
            if lay.penanggung_jawab:
                self._area_pj(drafts, clean(area.get("penanggung_jawab")))
            code = clean(area.get("kode")).strip() or romawi(ai + 1)
            band_w = lay.width - lay.col["komponen"].x - 2 * 3.0
            name = clean(area.get("nama"))
            band = (shorten(code, 8), lay.bold.wrap(name, band_w, lists=False) if name.strip()
                    else [])
            if not drafts:
                out.append(TableRow(lay, self.state, {}, band=band, body=False))
                continue
            for j, r in enumerate(drafts):
                out.append(TableRow(lay, self.state, r.leaf, groups=r.groups,
                                    band=band if j == 0 else None, checks=r.checks))
        return out

    def _area_pj(self, drafts: list[_Draft], pj: str) -> None:
        """The area's penanggung jawab once over each run of rows without their own."""
        if not pj.strip():
            return
        run: list[_Draft] = []
        for r in drafts + [None]:
            if r is not None and "pj" not in r.groups:
                run.append(r)
                continue
            if run:
                _join(run, "pj", self._group("pj", pj, ""))
            run = []
