"""How far a plan is carried out, from the plan dict: the one computation that the report,
Periksa, the Pemantauan view and the provincial summary share.

Counted per planned month of a langkah aksi up to the reference month ("sampai"):
``rencana`` = planned months, ``selesai``/``sebagian`` = those with that status, ``persen`` =
the mean of their realisasi percentages (a planned month without realisasi counts 0).
A planned month is *terlambat* when it has passed (before the current month) and has no
realisasi or only "belum".
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..dates import plan_period


def this_month(today: _dt.date | None = None) -> str:
    today = today or _dt.date.today()
    return f"{today.year:04d}-{today.month:02d}"


def period(rencana: dict) -> list[str]:
    return plan_period(rencana)


def default_sampai(rencana: dict, today: _dt.date | None = None) -> str:
    """The current month when it lies in the period; else the period's end (or its start)."""
    months = period(rencana)
    now = this_month(today)
    if now in months:
        return now
    return months[-1] if now > months[-1] else months[0]


def walk(plan: dict):
    """(jalur, area, komponen, indikator, aksi) for every langkah aksi, jalur like "I.2.3.1"."""
    for area in plan["area"]:
        for k_no, komp in enumerate(area["komponen"], 1):
            for i_no, ind in enumerate(komp["indikator"], 1):
                for x_no, aksi in enumerate(ind["aksi"], 1):
                    yield f"{area['kode']}.{k_no}.{i_no}.{x_no}", area, komp, ind, aksi


@dataclass
class Tally:
    rencana: int = 0          # planned aksi-months up to "sampai"
    selesai: int = 0
    sebagian: int = 0
    _persen_sum: int = 0

    def add(self, entry: dict | None) -> None:
        self.rencana += 1
        if entry is not None:
            self._persen_sum += int(entry["persen"])
            if entry["status"] == "selesai":
                self.selesai += 1
            elif entry["status"] == "sebagian":
                self.sebagian += 1

    @property
    def persen(self) -> float:
        return round(self._persen_sum / self.rencana, 1) if self.rencana else 0.0


@dataclass
class Late:
    jalur: str
    langkah: str
    bulan: str
    aksi_id: int | None


@dataclass
class Progress:
    sampai: str
    areas: list[tuple[str, str, Tally]] = field(default_factory=list)   # (kode, nama, tally)
    total: Tally = field(default_factory=Tally)
    terlambat: list[Late] = field(default_factory=list)
    bulan_ini: list[tuple[str, dict]] = field(default_factory=list)     # (jalur, aksi) planned now
    bukti: int = 0                                                      # evidence files


def realisasi_by_month(aksi: dict) -> dict[str, dict]:
    return {r["bulan"]: r for r in aksi.get("realisasi", [])}


def progress(plan: dict, sampai: str | None = None, today: _dt.date | None = None) -> Progress:
    rencana = plan["rencana"]
    sampai = sampai or default_sampai(rencana, today)
    now = this_month(today)
    out = Progress(sampai)
    per_area: dict[str, Tally] = {}
    for area in plan["area"]:
        per_area[area["kode"]] = Tally()
        out.areas.append((area["kode"], area["nama"], per_area[area["kode"]]))
    for jalur, area, _k, _i, aksi in walk(plan):
        done = realisasi_by_month(aksi)
        out.bukti += len(aksi.get("bukti_dukung", []))
        for bulan in aksi.get("bulan", []):
            entry = done.get(bulan)
            if bulan <= sampai:
                per_area[area["kode"]].add(entry)
                out.total.add(entry)
            if bulan < now and bulan <= sampai and (entry is None or entry["status"] == "belum"):
                out.terlambat.append(Late(jalur, aksi["langkah"], bulan, aksi.get("id")))
            if bulan == now:
                out.bulan_ini.append((jalur, aksi))
    return out


def late_without_realisasi(aksi: dict, today: _dt.date | None = None) -> list[str]:
    """Planned months that have passed with no realisasi at all (Periksa)."""
    now = this_month(today)
    done = realisasi_by_month(aksi)
    return [m for m in aksi.get("bulan", []) if m < now and m not in done]


def monitoring_summary(plan: dict, today: _dt.date | None = None) -> dict:
    """The province's three numbers for one unit, to date: % realised, late items, evidence."""
    prog = progress(plan, None, today)
    return {"persen_realisasi": prog.total.persen, "terlambat": len(prog.terlambat), "bukti_dukung": prog.bukti}
