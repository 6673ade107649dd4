"""LKE speed: Prediksi and Saat ini of 500 plans (a province's rekap is ≤ 5 s), the whole
``lke --json`` result of one 3,000-langkah-aksi plan (what the window recomputes after an edit),
and the suggested ties of 3,000 langkah aksi (the Kaitan page of a huge plan, first opening)."""

from __future__ import annotations

import copy
import time

from bench.run import Row


def _plan(n_aksi: int, seed: int) -> dict:
    """A generated plan whose langkah aksi are tied round the LKE questions, with answers."""
    from tests.plans import generated_plan
    from zi_desktop.lke.data import lke
    data = lke()
    codes = [k for k, q in data.pertanyaan.items() if q.bagian != "hasil"]
    plan = generated_plan(n_aksi)
    n = 0
    for area in plan["area"]:
        for komponen in area["komponen"]:
            for indikator in komponen["indikator"]:
                for aksi in indikator["aksi"]:
                    aksi["lke"] = codes[(n + seed) % len(codes)]
                    if n % 3 == 0:
                        aksi["realisasi"] = [{"bulan": "2025-03", "status": "selesai", "persen": 100}]
                        aksi["bukti_dukung"] = [{"nama": "bukti.pdf"}]
                    n += 1
    plan["lke"] = {"jawaban": {k: {"jawaban": data.pertanyaan[k].pilihan[-1][0]}
                               for k in codes[seed % 7::5] if data.pertanyaan[k].pilihan}}
    plan["lke"]["jawaban"].update(IPAK={"jawaban": 3.7}, IPKP={"jawaban": "3.4"}, CAPAIAN={"jawaban": "B"})
    return plan


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def run() -> list[Row]:
    from zi_desktop.lke.plan import plan_scores
    from zi_desktop.lke.report import lke_json
    plans = [copy.deepcopy(_plan(120, seed)) for seed in range(500)]
    best = _timed(lambda: [plan_scores(p) for p in plans])
    rows = [Row("LKE Prediksi + Saat ini of 500 plans (120 aksi each)", best, "s", "<= 5 s", best <= 5)]
    big = _plan(3000, 1)
    one = _timed(lambda: lke_json(big))
    rows.append(Row("lke --json result of a 3,000-aksi plan", one, "s", "<= 0.3 s", one <= 0.3))
    from tests.plans import generated_plan
    from zi_desktop.lke import plan as lke_plan
    fresh = generated_plan(3000)

    def suggest_all():
        lke_plan.best_match.cache_clear()
        lke_plan._words.cache_clear()
        lke_plan._index().entries_matching.cache_clear()
        lke_plan.suggestions(fresh)
    first = _timed(suggest_all)
    rows.append(Row("suggested ties of 3,000 untied aksi (cold caches)", first, "s", "<= 1 s", first <= 1))
    return rows
