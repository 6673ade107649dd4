"""Scoring the LKE: pure functions over the data (``data.lke()``) and a set of answers.

A sub-komponen scores the mean of its answers × its weight; areas, Pengungkit, Hasil and
the total are sums. Predicates compare with the thresholds of the data file and list every
condition that is not met, so the window and the CLI can say what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .answers import value
from .data import Lke

_EPS = 1e-9   # thresholds are met when reached up to rounding of the option values


@dataclass
class Skor:
    pengungkit: float
    pemenuhan: float
    reform: float
    hasil: float
    total: float
    area: list[dict]                 # {kode, nama, bobot, nilai, persen}
    sub: dict[str, float]            # sub-komponen code → its score
    nilai: dict[str, float]          # question code → answer value 0–1
    komponen_hasil: dict[str, float]  # IPAK/IPKP/CAPAIAN → score; "bersih", "prima"
    predikat: dict = field(default_factory=dict)   # {wbk, wbbm, kurang: [...]}
    syarat: dict = field(default_factory=dict)     # "wbk"/"wbbm" → every unmet condition

    def as_json(self) -> dict:
        return {"pengungkit": _r(self.pengungkit), "hasil": _r(self.hasil), "total": _r(self.total),
                "area": [dict(a, nilai=_r(a["nilai"]), persen=_r(a["persen"], 1)) for a in self.area],
                "predikat": {"wbk": self.predikat["wbk"], "wbbm": self.predikat["wbbm"],
                             "kurang": [dict(k, nilai=_r(k["nilai"]), batas=_r(k["batas"]))
                                        for k in self.predikat["kurang"]]}}


def _r(x: float, digits: int = 2) -> float:
    return round(x + 0.0, digits)


def score(lke: Lke, answers: Mapping[str, str], settings: Mapping[str, str] | None = None) -> Skor:
    """Score ``answers`` (code → stored answer text, see ``answers.normalize``)."""
    settings = lke.settings(dict(settings or {}))
    nilai = {kode: value(q, answers.get(kode, ""), settings) for kode, q in lke.pertanyaan.items()}
    subs: dict[str, float] = {}
    bagian = {"pemenuhan": 0.0, "reform": 0.0}
    areas = []
    for a in lke.area:
        total = 0.0
        for s_kode in a.sub:
            s = lke.sub[s_kode]
            got = sum(nilai[k] for k in s.pertanyaan) / len(s.pertanyaan) * s.bobot
            subs[s_kode] = got
            bagian[s.bagian] += got
            total += got
        areas.append({"kode": a.kode, "nama": a.nama, "bobot": a.bobot, "nilai": total,
                      "persen": total / a.bobot * 100})
    hasil = {k: nilai[k] * w for k, w in lke.hasil_bobot.items()}
    for kelompok in lke.raw["hasil"]["kelompok"]:
        hasil[kelompok["kode"]] = sum(hasil[k] for k in kelompok["komponen"])
    pengungkit = bagian["pemenuhan"] + bagian["reform"]
    hasil_total = sum(nilai[k] * w for k, w in lke.hasil_bobot.items())
    result = Skor(pengungkit, bagian["pemenuhan"], bagian["reform"], hasil_total,
                  pengungkit + hasil_total, areas, subs, nilai, hasil)
    _predicates(lke, result)
    return result


def _predicates(lke: Lke, s: Skor) -> None:
    measured = {"total": s.total, "pengungkit": s.pengungkit, **s.komponen_hasil}
    reached: dict[str, bool] = {}
    for p in lke.predikat():
        unmet = []
        for c in p["syarat"]:
            if c["kode"] == "area":
                for a in s.area:
                    batas = a["bobot"] * c["batas_persen"] / 100
                    if a["nilai"] + _EPS < batas:
                        unmet.append({"syarat": f"{c['syarat']}: area {a['kode']} {a['nama']} paling "
                                                f"sedikit {c['batas_persen']:g} % bobotnya ({p['kode'].upper()})",
                                      "nilai": a["nilai"], "batas": batas, "area": a["kode"]})
            elif c["kode"].startswith("predikat:"):
                if not reached.get(c["kode"].split(":", 1)[1]):
                    unmet.append({"syarat": f"{c['syarat']} ({p['kode'].upper()})",
                                  "nilai": 0.0, "batas": 1.0, "area": ""})
            elif measured[c["kode"]] + _EPS < c["batas"]:
                unmet.append({"syarat": f"{c['syarat']} paling sedikit {c['batas']:g} ({p['kode'].upper()})",
                              "nilai": measured[c["kode"]], "batas": float(c["batas"]), "area": ""})
        reached[p["kode"]] = not unmet
        s.syarat[p["kode"]] = unmet
    # What is missing for the next predicate not yet reached (none once WBBM is reached).
    kurang = next((s.syarat[p["kode"]] for p in lke.predikat() if not reached[p["kode"]]), [])
    s.predikat = {"wbk": reached.get("wbk", False), "wbbm": reached.get("wbbm", False),
                  "kurang": kurang}


def gains(lke: Lke, s: Skor, area: str | None = None) -> list[tuple[float, str]]:
    """(points gained by answering it best, code) for every question not at its best, largest
    first; only the questions of ``area`` when given (Pengungkit questions otherwise)."""
    out = []
    for s_kode, sub in lke.sub.items():
        if area is not None and sub.area != area:
            continue
        per_question = sub.bobot / len(sub.pertanyaan)
        for kode in sub.pertanyaan:
            gain = (1.0 - s.nilai[kode]) * per_question
            if gain > _EPS:
                out.append((gain, kode))
    out.sort(key=lambda g: (-g[0], list(lke.pertanyaan).index(g[1])))
    return out


def lift(lke: Lke, s: Skor, kurang: dict) -> list[str]:
    """The fewest questions (largest gain first) whose best answers cover one missing
    condition's shortfall; [] when questions cannot lift it (a Hasil survey value)."""
    if kurang["area"]:
        pool = gains(lke, s, kurang["area"])
    elif kurang["syarat"].startswith(("Nilai total", "Nilai komponen pengungkit")):
        pool = gains(lke, s)
    else:
        return []
    short, picked = kurang["batas"] - kurang["nilai"], []
    for gain, kode in pool:
        if short <= _EPS:
            break
        picked.append(kode)
        short -= gain
    return picked


def predikat_text(predikat: dict) -> str:
    if predikat["wbbm"]:
        return "WBBM"
    if predikat["wbk"]:
        return "WBK"
    return "Belum WBK"
