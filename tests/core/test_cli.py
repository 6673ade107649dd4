"""The command-line contract: verbs, JSON keys, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop.document import Dokumen

from plans import small_plan

ROOT = Path(__file__).resolve().parents[2]


def zi(*args, check=None):
    proc = subprocess.run([sys.executable, "-m", "zi_desktop", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, encoding="utf-8")
    if check is not None:
        assert proc.returncode == check, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "kudus.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    return path


def test_info_json_gives_identity_and_counts(plan_file):
    info = json.loads(zi("info", plan_file, "--json", check=0).stdout)
    assert info["rencana"]["satker"] == "KPU Kabupaten Contoh"
    assert [(a["kode"], a["komponen"], a["indikator"], a["aksi"]) for a in info["area"]] == \
        [("I", 2, 3, 4), ("II", 1, 1, 1)]
    assert info["total"] == {"area": 2, "komponen": 3, "indikator": 4, "aksi": 5, "aksi_berjadwal": 5}


def test_dump_has_the_contract_keys(plan_file):
    dump = json.loads(zi("dump", plan_file, check=0).stdout)
    r = dump["rencana"]
    assert {"satker", "tahun", "nomor", "tanggal", "tempat", "penandatangan"} <= set(r)
    assert r["tanggal"] == "2025-01-02"
    aksi = dump["area"][1]["komponen"][0]["indikator"][0]["aksi"][0]
    assert set(aksi) >= {"langkah", "bukti_fisik", "target_waktu", "target_capaian",
                         "penanggung_jawab", "bulan"}
    assert aksi["bulan"] == ["2025-03", "2025-06", "2025-09", "2025-12"]
    assert dump["area"][0]["kode"] == "I" and "penanggung_jawab" in dump["area"][0]


def test_check_exit_codes(plan_file, tmp_path):
    assert zi("check", plan_file, check=0).stdout.strip() == "Rencana lengkap: tidak ada temuan."
    plan = small_plan()
    plan["rencana"]["nomor"] = ""
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bulan"] = []
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][1]["langkah"] = ""
    bad = tmp_path / "kurang.zidb"
    Dokumen.create_from_plan(bad, plan).close()
    out = json.loads(zi("check", bad, "--json", check=1).stdout)
    codes = {f["kode"] for f in out["temuan"]}
    assert {"identitas_tidak_lengkap", "bulan_belum_ditentukan", "teks_kosong"} <= codes
    finding = next(f for f in out["temuan"] if f["kode"] == "bulan_belum_ditentukan")
    assert finding["level"] == "aksi" and finding["jalur"] == "I.1.1.1" and finding["id"]


def test_schedule_json():
    out = json.loads(zi("schedule", "Maret, Juni, September, Desember 2025", "--json", check=0).stdout)
    assert out["months"] == ["2025-03", "2025-06", "2025-09", "2025-12"] and out["recognized"]
    out = json.loads(zi("schedule", "Berkala", "--year", "2025", "--json", check=0).stdout)
    assert out == {"months": [], "recognized": False, "text": ""}


@pytest.mark.parametrize("args, said", [
    (("pdf", "x.zidb"), "belum ditulis: -o/--output); lihat: zi-desktop pdf --help"),
    (("pdf", "x.zidb", "-o", "x.pdf", "--paper", "B5"), "--paper tidak mengenal B5"),
    (("new", "x.zidb", "--year", "dua"), '--year memerlukan angka, bukan "dua"'),
    (("pdf", "x.zidb", "-o"), "-o/--output memerlukan satu nilai"),
    (("check", "x.zidb", "--lengkap"), "tidak dikenal: --lengkap"),
])
def test_bad_arguments_are_one_indonesian_line(args, said):
    proc = zi(*args, check=2)
    assert len(proc.stderr.strip().splitlines()) == 1 and "Perintah tidak lengkap" in proc.stderr
    assert said in proc.stderr
    for english in ("required", "invalid", "expected", "unrecognized", "choose"):
        assert english not in proc.stderr


def test_new_refuses_existing_file(plan_file):
    before = plan_file.read_bytes()
    proc = zi("new", plan_file, "--template", "kosong", "--year", "2026", check=2)
    assert "sudah ada" in proc.stderr
    assert plan_file.read_bytes() == before


def test_new_empty_plan(tmp_path):
    target = tmp_path / "baru.zidb"
    zi("new", target, "--template", "kosong", "--year", "2026", "--unit", "KPU Kota Contoh", check=0)
    info = json.loads(zi("info", target, "--json", check=0).stdout)
    assert info["rencana"]["tahun"] == 2026 and info["rencana"]["satker"] == "KPU Kota Contoh"
    assert info["total"]["area"] == 0
