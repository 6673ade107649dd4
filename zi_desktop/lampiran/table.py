"""Plan dict → the table rows of the Lampiran (``TableRow`` flowables).

One printed row per langkah aksi (an indikator without langkah aksi, a komponen without
indikator still get one row; an area without komponen prints its heading alone).
Merged columns behave like merged cells in the Word decrees: the komponen number and
name, the indikator, and a target waktu or penanggung jawab shared over rows (``_merge``)
start in the first row of their group and, when longer than that row, flow on into the next
rows of the group (``Group``); no inner rules are drawn in those columns.
"""

from __future__ import annotations

from ..model import romawi
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
        setter = self.lay.italic if suffix else self.lay.regular
        label = setter.wrap(short + suffix, self.lay.col[key].inner, lists=False)
        return Group(lines, label, shortened=short != " ".join(text.split()))

    def _aksi_row(self, aksi: dict) -> _Draft:
        lay = self.lay
        r = _Draft()
        leaf = r.leaf
        for key, field in (("langkah", "langkah"), ("bukti", "bukti_fisik")):
            lines = self._wrap(key, aksi.get(field))
            if lines:
                leaf[key] = lines
        if lay.month_grid:
            keys = ("m:" + clean(b).strip() for b in _list(aksi.get("bulan")))
            r.checks = tuple(k for k in keys if k in lay.col)
        if lay.target_capaian:
            lines = self._wrap("capaian", aksi.get("target_capaian"))
            if lines:
                leaf["capaian"] = lines
        return r

    def _merge(self, key: str, komps: list, value) -> None:
        """Like merged cells in Word: a value the same over the whole area, a komponen or
        an indikator is printed once over its rows; below that, runs of equal values in an
        indikator.  ``komps``: per komponen, per indikator, the (draft, aksi) rows."""
        def same(pairs):
            first = value(pairs[0][1])
            return bool(first) and all(value(a) == first for _d, a in pairs)

        def span(pairs):
            text = value(pairs[0][1])
            if text:
                _join([d for d, _a in pairs], key, self._group(key, text, ""))

        everything = [p for k in komps for i in k for p in i]
        if everything and same(everything):
            span(everything)
            return
        for k in komps:
            rows = [p for i in k for p in i]
            if rows and same(rows):
                span(rows)
                continue
            for ind in k:
                run: list = []
                for pair in ind + [None]:
                    if run and (pair is None or value(pair[1]) != value(run[0][1])):
                        span(run)
                        run = []
                    if pair is not None:
                        run.append(pair)

    def build(self, plan: dict) -> list[TableRow]:
        lay = self.lay
        out: list[TableRow] = []
        for ai, area in enumerate(_list(plan.get("area"))):
            area = _dict(area)
            drafts: list[_Draft] = []
            komps: list = []                 # per komponen, per indikator: (draft, aksi)
            for ki, komp in enumerate(_list(area.get("komponen"))):
                komp = _dict(komp)
                number = str(ki + 1)
                komp_rows: list[_Draft] = []
                inds: list = []
                for ind in _list(komp.get("indikator")):
                    ind = _dict(ind)
                    aksi_list = [_dict(a) for a in _list(ind.get("aksi"))] or [{}]
                    ind_rows = [self._aksi_row(a) for a in aksi_list]
                    _join(ind_rows, "indikator", self._group("indikator", ind.get("teks")))
                    komp_rows.extend(ind_rows)
                    inds.append(list(zip(ind_rows, aksi_list)))
                if not komp_rows:
                    komp_rows = [_Draft()]
                    inds.append([(komp_rows[0], {})])
                no_line = [(0.0, lay.number(number), "", lay.regular.font)]
                _join(komp_rows, "no", Group(no_line, no_line))
                _join(komp_rows, "komponen", self._group("komponen", komp.get("nama")))
                drafts.extend(komp_rows)
                komps.append(inds)
            if not lay.month_grid:
                self._merge("waktu", komps, lambda a: _text(a.get("target_waktu")))
            if lay.penanggung_jawab:
                area_pj = _text(area.get("penanggung_jawab"))
                self._merge("pj", komps,
                            lambda a: _text(a.get("penanggung_jawab")) or area_pj)
            code = lay.number(clean(area.get("kode")).strip() or romawi(ai + 1))
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
        for row, after in zip(out, out[1:]):
            row.after = after
        return out


def _text(value) -> str:
    """A cell's text as compared for merging (spacing ignored)."""
    return " ".join(clean(value).split())
