"""Periksa Kelengkapan: each rule once failing, once passing, and findings that point at items."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop.checks import GALAT, PERINGATAN, Temuan, check_plan, has_errors
from zi_desktop.document import Dokumen

from plans import aksi, small_plan

ROOT = Path(__file__).resolve().parents[2]


def codes(plan) -> list[str]:
    return [f.kode for f in check_plan(plan)]


def first_aksi(plan) -> dict:
    return plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]


def test_complete_plan_has_no_findings():
    assert check_plan(small_plan()) == []
    assert not has_errors([])


# --- identity ------------------------------------------------------------------------------

@pytest.mark.parametrize("key, label", [
    ("nomor", "nomor keputusan"), ("tanggal", "tanggal penetapan"),
    ("penandatangan", "nama penandatangan"), ("jabatan_penandatangan", "jabatan penandatangan"),
    ("satker", "nama satuan kerja"), ("tempat", "tempat penetapan"),
])
def test_identity_incomplete(key, label):
    plan = small_plan()
    plan["rencana"][key] = "  "
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.level) == (GALAT, "identitas_tidak_lengkap", "rencana")
    assert label in f.pesan


def test_identity_lists_every_missing_part_once():
    plan = small_plan()
    plan["rencana"].update(nomor="", tanggal="", penandatangan="")
    [f] = check_plan(plan)
    assert "nomor keputusan, tanggal penetapan, nama penandatangan" in f.pesan


def test_decree_date_must_be_a_date():
    plan = small_plan()
    plan["rencana"]["tanggal"] = "2025-02-30"
    assert codes(plan) == ["tanggal_tidak_sah"]
    plan["rencana"]["tanggal"] = "2025-02-28"
    assert codes(plan) == []


# --- structure -----------------------------------------------------------------------------

def test_plan_without_areas():
    plan = small_plan()
    plan["area"] = []
    assert codes(plan) == ["rencana_kosong"]


def test_area_without_komponen():
    plan = small_plan()
    plan["area"][1]["komponen"] = []
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.level, f.jalur) == (GALAT, "area_tanpa_komponen", "area", "II")
    assert "area_tanpa_komponen" not in codes(small_plan())


def test_komponen_without_indikator():
    plan = small_plan()
    plan["area"][0]["komponen"][1]["indikator"] = []
    [f] = check_plan(plan)
    assert (f.kode, f.jalur) == ("komponen_tanpa_indikator", "I.2")


def test_indikator_without_langkah_aksi():
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][1]["aksi"] = []
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.level, f.jalur) == (GALAT, "indikator_tanpa_aksi", "indikator", "I.1.2")


@pytest.mark.parametrize("where, level", [
    (lambda p: p["area"][0], "area"),
    (lambda p: p["area"][0]["komponen"][0], "komponen"),
    (lambda p: p["area"][0]["komponen"][0]["indikator"][0], "indikator"),
    (lambda p: first_aksi(p), "aksi"),
])
def test_empty_text(where, level):
    plan = small_plan()
    node = where(plan)
    key = {"area": "nama", "komponen": "nama", "indikator": "teks", "aksi": "langkah"}[level]
    node[key] = " \n"
    found = [f for f in check_plan(plan) if f.kode == "teks_kosong"]
    assert [(f.tingkat, f.level) for f in found] == [(GALAT, level)]


# --- langkah aksi --------------------------------------------------------------------------

@pytest.mark.parametrize("bukti", ["", "   ", "\n"])
def test_langkah_aksi_without_bukti_fisik(bukti):
    plan = small_plan()
    first_aksi(plan)["bukti_fisik"] = bukti
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.level, f.jalur) == (GALAT, "tanpa_bukti_fisik", "aksi", "I.1.1.1")
    assert "Membentuk tim kerja" in f.pesan


def test_langkah_aksi_with_bukti_fisik_passes():
    plan = small_plan()
    first_aksi(plan)["bukti_fisik"] = "SK Tim"
    assert codes(plan) == []


def test_langkah_aksi_without_months():
    plan = small_plan()
    first_aksi(plan)["bulan"] = []
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.jalur) == (GALAT, "bulan_belum_ditentukan", "I.1.1.1")


@pytest.mark.parametrize("manual", [True, False])
def test_target_waktu_disagrees_with_months(manual):
    plan = small_plan()
    x = first_aksi(plan)
    x.update(target_waktu="Maret 2025", bulan=["2025-01"], target_waktu_manual=manual)
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.level) == (PERINGATAN, "target_waktu_berbeda", "aksi")
    assert "Januari 2025" in f.pesan and "Maret 2025" in f.pesan


@pytest.mark.parametrize("text, months", [
    ("Januari - Desember 2025", [f"2025-{m:02d}" for m in range(1, 13)]),
    ("Maret, Juni, September, Desember 2025", ["2025-03", "2025-06", "2025-09", "2025-12"]),
    ("Triwulan", ["2025-03", "2025-06", "2025-09", "2025-12"]),
    ("sesuai kebutuhan pimpinan", ["2025-05"]),   # not read with confidence: not compared
    ("", ["2025-05"]),
])
def test_target_waktu_agreeing_or_unreadable_passes(text, months):
    plan = small_plan()
    first_aksi(plan).update(target_waktu=text, bulan=months, target_waktu_manual=True)
    assert codes(plan) == []


def test_duplicate_langkah_aksi_within_indikator():
    plan = small_plan()
    aksis = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    aksis.append(aksi("  membentuk   TIM kerja ", ["2025-03"], target_waktu="Maret 2025"))
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.jalur) == (PERINGATAN, "teks_ganda", "I.1.1.3")
    assert "I.1.1.1" in f.pesan


def test_same_langkah_aksi_in_another_indikator_passes():
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][1]["aksi"].append(
        aksi("Membentuk tim kerja", ["2025-01"], target_waktu="Januari 2025"))
    assert codes(plan) == []


def test_duplicate_indikator_within_komponen():
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][1]["teks"] = "UNIT KERJA telah membentuk  tim"
    [f] = check_plan(plan)
    assert (f.tingkat, f.kode, f.level, f.jalur) == (PERINGATAN, "teks_ganda", "indikator", "I.1.2")
    plan = small_plan()
    plan["area"][0]["komponen"][1]["indikator"][0]["teks"] = "Unit kerja telah membentuk tim"
    assert codes(plan) == []  # another komponen: not a duplicate


# --- findings point at items; exit codes ---------------------------------------------------

def test_findings_point_at_items(tmp_path):
    plan = small_plan()
    first_aksi(plan)["bukti_fisik"] = ""
    plan["area"][1]["komponen"][0]["indikator"][0]["aksi"] = []
    with Dokumen.create_from_plan(tmp_path / "r.zidb", plan) as doc:
        withids = doc.to_dict(ids=True)
        found = {f.kode: f for f in check_plan(withids)}
        bukti = found["tanpa_bukti_fisik"]
        assert (bukti.level, bukti.id) == ("aksi", first_aksi(withids)["id"])
        assert doc.item("aksi", bukti.id)["langkah"] == "Membentuk tim kerja"
        ind = found["indikator_tanpa_aksi"]
        assert doc.item("indikator", ind.id)["teks"] == "SOP mengacu peta proses bisnis"
    assert isinstance(bukti, Temuan) and bukti.as_dict()["tingkat"] == GALAT


def test_warnings_alone_are_not_errors():
    warn = Temuan(PERINGATAN, "teks_ganda", "x")
    assert not has_errors([warn])
    assert has_errors([warn, Temuan(GALAT, "tanpa_bukti_fisik", "y")])


def run_check(path, *extra):
    return subprocess.run([sys.executable, "-m", "zi_desktop", "check", str(path), *extra],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_cli_exit_codes(tmp_path):
    good = tmp_path / "baik.zidb"
    Dokumen.create_from_plan(good, small_plan()).close()
    done = run_check(good)
    assert done.returncode == 0 and "tidak ada temuan" in done.stdout

    warned = small_plan()
    first_aksi(warned).update(target_waktu="Maret 2025", target_waktu_manual=True)
    path = tmp_path / "peringatan.zidb"
    Dokumen.create_from_plan(path, warned).close()
    assert run_check(path).returncode == 0  # warnings only

    bad = small_plan()
    bad["rencana"]["nomor"] = ""
    first_aksi(bad)["bulan"] = []
    path = tmp_path / "galat.zidb"
    Dokumen.create_from_plan(path, bad).close()
    done = run_check(path, "--json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["galat"] == 2 and {t["kode"] for t in data["temuan"]} == {
        "identitas_tidak_lengkap", "bulan_belum_ditentukan"}
    assert all({"tingkat", "kode", "pesan", "level", "id", "jalur"} <= set(t) for t in data["temuan"])
