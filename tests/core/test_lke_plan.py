"""The LKE linked to the plan: Prediksi and Saat ini, and ties suggested by text."""

from __future__ import annotations

import pytest

from zi_desktop.lke.plan import answer_sets, plan_scores, suggest, suggestions
from zi_desktop.template import standard_ties, template_plan

from plans import aksi, small_plan


def tied_plan() -> dict:
    plan = small_plan()
    first = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    first[0]["lke"] = "I.1.a"
    first[1]["lke"] = "I.1.a"
    plan["area"][0]["komponen"][0]["indikator"][1]["aksi"][0]["lke"] = "I.1.b"
    plan["lke"] = {"jawaban": {"I.1.b": {"jawaban": "C", "target": "B"}, "V.2.b": {"jawaban": "D"}}}
    return plan


def test_prediksi_aims_at_the_best_answer_of_tied_questions_or_the_target():
    sets = answer_sets(tied_plan())
    assert sets["jawaban"] == {"I.1.b": "C", "V.2.b": "D"}
    assert sets["prediksi"] == {"I.1.a": "Ya", "I.1.b": "B", "V.2.b": "D"}
    assert sets["saat_ini"] == {"I.1.b": "C", "V.2.b": "D"}   # nothing carried out yet
    scores = plan_scores(tied_plan())
    assert scores["prediksi"].sub["I.1"] == pytest.approx((1 + 0.5) / 2 * 0.5)
    assert scores["saat_ini"].sub["I.1"] == 0


def test_saat_ini_follows_realisasi_with_evidence_of_every_tied_aksi():
    plan = tied_plan()
    done = {"realisasi": [{"bulan": "2025-01", "status": "selesai", "persen": 100, "catatan": ""}],
            "bukti_dukung": [{"nama": "sk-tim.pdf", "ukuran": 1, "sha256": "", "bulan": "2025-01"}]}
    first = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    first[0].update(done)
    assert "I.1.a" not in answer_sets(plan)["saat_ini"]        # one of two tied aksi is done
    first[1].update(done, bukti_dukung=[])
    assert "I.1.a" not in answer_sets(plan)["saat_ini"]        # done without evidence
    first[1].update(done)
    assert answer_sets(plan)["saat_ini"]["I.1.a"] == "Ya"


def test_ties_are_suggested_from_the_template_and_by_wording():
    assert len(standard_ties()) == 87
    plan = template_plan("standar", 2025, "KPU Kabupaten Contoh")
    first = plan["area"][0]["komponen"][0]["indikator"][0]["teks"]
    assert suggest(first) == "I.1.a"
    assert suggest("Hasil Monitoring dan Evaluasi telah ditindaklanjuti") == "I.3.c"
    assert suggest("Indikator lain", "Melaksanakan survei kepuasan masyarakat terhadap pelayanan") == "VI.4.a"
    assert suggest("Rapat koordinasi bulanan") == ""


def test_seed_decrees_get_most_of_their_ties_suggested(seeds_dir):
    from zi_desktop.importer import import_file
    plan = import_file(seeds_dir / "kudus-14-2025.txt").plan
    found = [(ar["kode"], suggest(i["teks"], a["langkah"], k["nama"], ar["nama"]))
             for ar in plan["area"] for k in ar["komponen"] for i in k["indikator"] for a in i["aksi"]]
    assert all(kode for _area, kode in found)
    assert all(kode.startswith(area + ".") for area, kode in found)
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["lke"] = "I.1.a"
    assert len(suggestions(plan)) == len(found) - 1


def test_next_years_plan_keeps_ties_and_settings_but_not_answers():
    from zi_desktop.next_year import next_year_plan
    plan = tied_plan()
    plan["lke"]["pengaturan"] = {"skala_survei": "skala_1_sampai_4"}
    new = next_year_plan(plan)
    assert new["lke"] == {"jawaban": {}, "pengaturan": {"skala_survei": "skala_1_sampai_4"}}
    assert new["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["lke"] == "I.1.a"
    assert "lke" not in next_year_plan(small_plan())
