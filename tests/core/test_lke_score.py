"""LKE scoring checked by hand against the weights of PermenPANRB 90/2021 (resources/lke)."""

from __future__ import annotations

import pytest

from zi_desktop.errors import ZiError
from zi_desktop.lke.answers import kode_baku, normalize, parse_assignment
from zi_desktop.lke.data import lke
from zi_desktop.lke.score import lift, score

L = lke()


def best() -> dict:
    return {kode: q.terbaik for kode, q in L.pertanyaan.items()}


def worst() -> dict:
    return {kode: (q.pilihan[-1][0] if q.pilihan else "0") for kode, q in L.pertanyaan.items()}


def test_the_data_has_the_regulations_shape():
    assert [(a.kode, a.bobot) for a in L.area] == [
        ("I", 8), ("II", 7), ("III", 10), ("IV", 10), ("V", 15), ("VI", 10)]
    questions = [q for q in L.pertanyaan.values() if q.bagian != "hasil"]
    assert sum(q.bagian == "pemenuhan" for q in questions) == 87
    assert sum(q.bagian == "reform" for q in questions) == 23
    mp = {s.nama: s.bobot for s in L.sub.values() if s.area == "I"}
    assert mp == {"Penyusunan Tim Kerja": 0.5, "Rencana Pembangunan Zona Integritas": 1.0,
                  "Pemantauan dan Evaluasi Pembangunan WBK/WBBM": 1.0,
                  "Perubahan Pola Pikir dan Budaya Kerja": 1.5, "Komitmen dalam Perubahan": 2.0,
                  "Komitmen Pimpinan": 1.0, "Membangun Budaya Kerja": 1.0}
    assert sum(s.bobot for s in L.sub.values() if s.bagian == "pemenuhan") == 30
    assert sum(s.bobot for s in L.sub.values() if s.bagian == "reform") == 30
    assert L.hasil_bobot == {"IPAK": 17.5, "CAPAIAN": 5.0, "IPKP": 17.5}
    assert dict(L.question("V.2.b").pilihan) == {"A": 1, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0}
    assert dict(L.question("I.3.a").pilihan) == {"A": 1, "B": 0.67, "C": 0.33, "D": 0}
    assert dict(L.question("I.1.b").pilihan) == {"A": 1, "B": 0.5, "C": 0}
    assert dict(L.question("I.1.a").pilihan) == {"Ya": 1, "Tidak": 0}
    assert L.question("I.R1.a").jenis == "angka" and not L.question("I.R1.a").pilihan


def test_all_best_answers_give_60_and_100_with_both_predicates():
    s = score(L, best())
    assert s.pengungkit == pytest.approx(60) and s.total == pytest.approx(100)
    assert s.hasil == pytest.approx(40)
    assert all(a["persen"] == pytest.approx(100) for a in s.area)
    assert s.predikat == {"wbk": True, "wbbm": True, "kurang": []}


def test_all_worst_answers_give_zero():
    for answers in (worst(), {}):
        s = score(L, answers)
        assert s.total == 0 and s.pengungkit == 0 and s.hasil == 0
        assert not s.predikat["wbk"] and not s.predikat["wbbm"]
        assert {k["area"] for k in s.predikat["kurang"]} == {"", "I", "II", "III", "IV", "V", "VI"}


def test_one_area_at_zero_refuses_wbk_naming_that_area():
    answers = best()
    for kode, q in L.pertanyaan.items():
        if q.area == "IV":
            answers[kode] = worst()[kode]
    s = score(L, answers)
    assert s.pengungkit == pytest.approx(50) and s.total == pytest.approx(90)
    assert s.predikat["wbk"] is False and s.predikat["wbbm"] is False
    (kurang,) = s.predikat["kurang"]
    assert kurang["area"] == "IV" and "PENGUATAN AKUNTABILITAS" in kurang["syarat"]
    assert kurang["nilai"] == 0 and kurang["batas"] == pytest.approx(6.0)   # 60 % of 10
    lifted = lift(L, s, kurang)
    assert lifted and all(c.startswith("IV.") for c in lifted)
    assert sum(L.sub[L.pertanyaan[c].sub].bobot / len(L.sub[L.pertanyaan[c].sub].pertanyaan)
               for c in lifted) >= 6.0


def test_single_answers_by_hand():
    # I.1.a Ya: sub-komponen I.1 (0.5, two questions) = (1 + 0) / 2 × 0.5
    assert score(L, {"I.1.a": "Ya"}).total == pytest.approx(0.25)
    # V.2.b C: V.2 SPIP (1.5, four questions) = 0.5 / 4 × 1.5
    s = score(L, {"V.2.b": "C"})
    assert s.area[4]["nilai"] == pytest.approx(0.1875) and s.pengungkit == pytest.approx(0.1875)
    # I.3.a B (A–D): 0.67 / 3 × 1.0
    assert score(L, {"I.3.a": "B"}).total == pytest.approx(0.67 / 3)
    # I.R1.a 3/4 changes per agent of change: 0.75 / 2 × 2
    assert score(L, {"I.R1.a": "3/4"}).reform == pytest.approx(0.75)
    # a ratio above 1 is capped; V.R3.a LHKPN 12/10 → 1 / 2 × 2
    assert score(L, {"V.R3.a": "12/10"}).total == pytest.approx(1.0)
    assert score(L, {"V.R2.a": "85%"}).total == pytest.approx(0.85 * 3)
    # Hasil: index ÷ 4 × 17.5 reproduces the published minimums
    assert score(L, {"IPAK": "3.6"}).komponen_hasil["IPAK"] == pytest.approx(15.75)
    assert score(L, {"IPKP": "3.2"}).komponen_hasil["IPKP"] == pytest.approx(14.0)
    assert score(L, {"CAPAIAN": "B"}).hasil == pytest.approx(3.75)


def test_settings_change_the_survey_scaling_and_zero_over_zero():
    assert score(L, {"IPAK": "3.6"}, {"skala_survei": "skala_1_sampai_4"}).hasil == pytest.approx(2.6 / 3 * 17.5)
    assert score(L, {"V.R2.a": "0/0"}).total == pytest.approx(3.0)
    assert score(L, {"V.R2.a": "0/0"}, {"nol_per_nol": "0"}).total == 0


def test_wbbm_needs_its_own_thresholds_and_lists_what_is_short():
    answers = best()
    answers["IPKP"] = "3.4"        # 14.875: enough for WBK (14.00), short of WBBM (15.75)
    s = score(L, answers)
    assert s.predikat["wbk"] is True and s.predikat["wbbm"] is False
    (kurang,) = s.predikat["kurang"]
    assert "IPKP" in kurang["syarat"] and kurang["batas"] == 15.75
    assert kurang["nilai"] == pytest.approx(14.875)


def test_answers_are_checked_and_written_the_lke_way():
    assert kode_baku("v.2.B") == "V.2.b" and kode_baku("ipak") == "IPAK" and kode_baku("i.r1.a") == "I.R1.a"
    assert parse_assignment(L, "i.1.a=ya") == ("I.1.a", "Ya")
    assert parse_assignment(L, "IPAK=3,8") == ("IPAK", "3.8")
    assert parse_assignment(L, "CAPAIAN=b") == ("CAPAIAN", "B")
    assert normalize(L.question("I.R1.a"), "17 / 20") == "17/20"
    assert score(L, {"I.R1.a": parse_assignment(L, "I.R1.a=2")[1]}).reform == pytest.approx(1.0)  # capped
    for bad in ("I.1.a=B", "IX.9.z=Ya", "IPAK=5", "I.R1.a=lima", "I.R1.a=1/-2", "tanpa-sama-dengan", "I.1.a="):
        with pytest.raises(ZiError):
            parse_assignment(L, bad)

