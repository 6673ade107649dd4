"""The standard template (resources/template/standar.json) and ``zi-desktop new --template``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop.document import Dokumen
from zi_desktop.errors import ZiError
from zi_desktop.model import CETAK_BAWAAN, RENCANA_KOLOM
from zi_desktop.paths import resource
from zi_desktop.template import standard_komponen, template_plan

ROOT = Path(__file__).resolve().parents[2]

# PermenPANRB 90/2021 as amended by 5/2024, Komponen Pengungkit (Pemenuhan): komponen per area.
KOMPONEN = {
    "MANAJEMEN PERUBAHAN": 4,
    "PENATAAN TATA LAKSANA": 3,
    "PENATAAN SISTEM MANAJEMEN SDM": 6,
    "PENGUATAN AKUNTABILITAS": 2,
    "PENGUATAN PENGAWASAN": 5,
    "PENINGKATAN KUALITAS PELAYANAN PUBLIK": 5,
}
INDIKATOR = {
    "MANAJEMEN PERUBAHAN": 12,
    "PENATAAN TATA LAKSANA": 9,
    "PENATAAN SISTEM MANAJEMEN SDM": 18,
    "PENGUATAN AKUNTABILITAS": 11,
    "PENGUATAN PENGAWASAN": 18,
    "PENINGKATAN KUALITAS PELAYANAN PUBLIK": 19,
}
INOVASI = ("INOVASI PELAYANAN", 2, 5)


def _zi(*args, cwd=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ZI_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "zi_desktop", *map(str, args)], cwd=cwd or ROOT,
                          env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)


def _counts(plan):
    return ({a["nama"]: len(a["komponen"]) for a in plan["area"]},
            {a["nama"]: sum(len(k["indikator"]) for k in a["komponen"]) for a in plan["area"]})


def test_six_areas_with_the_regulation_komponen_counts():
    plan = template_plan("standar", 2026, "KPU Kabupaten Contoh")
    komponen, indikator = _counts(plan)
    assert list(komponen) == list(KOMPONEN)          # order of the regulation, I … VI
    assert komponen == KOMPONEN
    assert indikator == INDIKATOR
    assert [a["kode"] for a in plan["area"]] == ["I", "II", "III", "IV", "V", "VI"]


def test_area_i_komponen_names():
    plan = template_plan("standar", 2026, "KPU Kabupaten Contoh")
    assert [k["nama"] for k in plan["area"][0]["komponen"]] == [
        "Penyusunan Tim Kerja",
        "Rencana Pembangunan Zona Integritas",
        "Pemantauan dan Evaluasi Pembangunan WBK/WBBM",
        "Perubahan Pola Pikir dan Budaya Kerja",
    ]


def test_inovasi_adds_area_vii_on_request_only():
    plain = template_plan("standar", 2026, "KPU Kabupaten Contoh")
    plan = template_plan("standar", 2026, "KPU Kabupaten Contoh", inovasi=True)
    assert len(plain["area"]) == 6 and len(plan["area"]) == 7
    vii = plan["area"][6]
    assert (vii["nama"], len(vii["komponen"]), sum(len(k["indikator"]) for k in vii["komponen"])) == INOVASI
    assert vii["kode"] == "VII" and vii["penanggung_jawab"]
    assert plan["area"][:6] == plain["area"]


def test_every_text_filled_and_no_langkah_aksi():
    plan = template_plan("standar", 2026, "KPU Kabupaten Contoh", inovasi=True)
    for area in plan["area"]:
        assert area["nama"].strip() and area["nama"] == area["nama"].upper()
        assert area["penanggung_jawab"].startswith("Tim ")
        assert area["komponen"]
        for komponen in area["komponen"]:
            assert komponen["nama"].strip()
            assert komponen["indikator"]
            for indikator in komponen["indikator"]:
                assert indikator["teks"].strip() == indikator["teks"] != ""
                assert indikator["aksi"] == []


def test_no_text_repeated_inside_its_parent():
    plan = template_plan("standar", 2026, "X", inovasi=True)
    names = [a["nama"] for a in plan["area"]]
    assert len(names) == len(set(names))
    for area in plan["area"]:
        komponen = [k["nama"] for k in area["komponen"]]
        assert len(komponen) == len(set(komponen))
        for k in area["komponen"]:
            texts = [i["teks"] for i in k["indikator"]]
            assert len(texts) == len(set(texts))


def test_identity_of_a_new_plan():
    r = template_plan("standar", 2026, "KPU Kabupaten Contoh")["rencana"]
    for key in RENCANA_KOLOM.values():          # every key of the contract, nested ones too
        node = r
        for part in key.split("."):
            node = node[part]
    assert r["satker"] == "KPU Kabupaten Contoh" and r["tahun"] == 2026
    assert r["tentang"] == ("Rencana Aksi Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi "
                            "dan Wilayah Birokrasi Bersih dan Melayani di Lingkungan Komisi Pemilihan "
                            "Umum Kabupaten Contoh Tahun 2026")
    assert r["jabatan_penandatangan"] == "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH"
    assert (r["nomor"], r["tanggal"], r["penandatangan"]) == ("", "", "")
    assert r["bulan_mulai"] == "2026-01" and r["jumlah_bulan"] == 12
    assert r["cetak"] == {"kertas": "F4", "kolom_waktu": "teks", "penanggung_jawab": False,
                          "target_capaian": False, "nomor_kolom": False, **CETAK_BAWAAN}
    assert r["judul_tabel"] == ""
    assert r["salinan"] == {"kantor": "", "jabatan": "", "nama": ""}


@pytest.mark.parametrize("satker, jabatan, lingkungan", [
    ("KPU Kota Contoh", "KETUA KOMISI PEMILIHAN UMUM KOTA CONTOH", "Komisi Pemilihan Umum Kota Contoh"),
    ("KPU Kab. Contoh", "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH", "Komisi Pemilihan Umum Kabupaten Contoh"),
    ("KIP Kabupaten Contoh", "KETUA KOMISI INDEPENDEN PEMILIHAN KABUPATEN CONTOH",
     "Komisi Independen Pemilihan Kabupaten Contoh"),
    ("Komisi Pemilihan Umum Provinsi Contoh", "KETUA KOMISI PEMILIHAN UMUM PROVINSI CONTOH",
     "Komisi Pemilihan Umum Provinsi Contoh"),
    ("Sekretariat KPU Kabupaten Contoh", "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH",
     "Sekretariat Komisi Pemilihan Umum Kabupaten Contoh"),
])
def test_unit_name_long_form(satker, jabatan, lingkungan):
    r = template_plan("kosong", 2027, satker)["rencana"]
    assert r["jabatan_penandatangan"] == jabatan
    assert r["tentang"].endswith(f"di Lingkungan {lingkungan} Tahun 2027")


def test_without_unit_the_identity_stays_empty_not_wrong():
    r = template_plan("standar", 2026, "")["rencana"]
    assert r["satker"] == "" and r["jabatan_penandatangan"] == ""
    assert r["tentang"].endswith("Bersih dan Melayani Tahun 2026")


def test_kosong_has_no_areas():
    plan = template_plan("kosong", 2026, "KPU Kabupaten Contoh")
    assert plan["area"] == []
    assert plan["rencana"]["tahun"] == 2026


@pytest.mark.parametrize("name", ["lengkap", "", "Standar"])
def test_unknown_template_is_refused_in_indonesian(name):
    with pytest.raises(ZiError) as err:
        template_plan(name, 2026, "KPU Kabupaten Contoh")
    assert "tidak dikenal" in err.value.message and "standar" in err.value.message


def test_bad_year_is_refused():
    with pytest.raises(ZiError):
        template_plan("standar", 26, "KPU Kabupaten Contoh")


def test_each_call_returns_a_fresh_tree():
    first = template_plan("standar", 2026, "A")
    first["area"][0]["komponen"][0]["nama"] = "diubah"
    first["area"][0]["komponen"][0]["indikator"].clear()
    second = template_plan("standar", 2026, "A")
    assert second["area"][0]["komponen"][0]["nama"] == "Penyusunan Tim Kerja"
    assert second["area"][0]["komponen"][0]["indikator"]


def test_standard_komponen_matches_the_template():
    table = standard_komponen()
    assert {area: len(names) for area, names in table.items()} == KOMPONEN
    plan = template_plan("standar", 2026, "X")
    assert table == {a["nama"]: [k["nama"] for k in a["komponen"]] for a in plan["area"]}
    assert len(standard_komponen(inovasi=True)) == 7


def test_template_text_is_data_not_code():
    source = (ROOT / "zi_desktop" / "template.py").read_text(encoding="utf-8")
    data = json.loads(resource("template", "standar.json").read_text(encoding="utf-8"))
    for area in data["area"] + [data["area_inovasi"]]:
        assert area["nama"] not in source
        for komponen in area["komponen"]:
            assert komponen["nama"] not in source
    assert (ROOT / "resources" / "template" / "README.md").is_file()


def test_template_round_trips_through_a_file(tmp_path):
    plan = template_plan("standar", 2026, "KPU Kabupaten Contoh", inovasi=True)
    with Dokumen.create_from_plan(tmp_path / "t.zidb", plan) as doc:
        assert doc.to_dict() == plan


# --- command line ---------------------------------------------------------------------------

def test_cli_new_standard_then_info(tmp_path):
    target = tmp_path / "Rencana 2026.zidb"
    made = _zi("new", target, "--template", "standar", "--year", "2026", "--unit", "KPU Kabupaten Contoh")
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    info = _zi("info", target, "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert {a["nama"]: a["komponen"] for a in data["area"]} == KOMPONEN
    assert {a["nama"]: a["indikator"] for a in data["area"]} == INDIKATOR
    assert data["total"]["area"] == 6 and data["total"]["komponen"] == 25
    assert data["total"]["indikator"] == 87 and data["total"]["aksi"] == 0
    r = data["rencana"]
    assert r["satker"] == "KPU Kabupaten Contoh" and r["tahun"] == 2026
    assert r["jabatan_penandatangan"] == "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH"


def test_cli_new_kosong(tmp_path):
    target = tmp_path / "kosong.zidb"
    assert _zi("new", target, "--template", "kosong", "--year", "2026").returncode == 0
    data = json.loads(_zi("info", target, "--json").stdout)
    assert data["area"] == [] and data["rencana"]["tahun"] == 2026


def test_cli_new_onto_an_existing_file_is_refused_and_leaves_it(tmp_path):
    target = tmp_path / "ada.zidb"
    assert _zi("new", target, "--template", "kosong", "--year", "2025").returncode == 0
    before = target.read_bytes()
    mtime = target.stat().st_mtime_ns
    again = _zi("new", target, "--template", "standar", "--year", "2026", "--unit", "KPU Kabupaten Contoh")
    assert again.returncode == 2
    assert again.stdout == ""
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "sudah ada" in lines[0] and "Traceback" not in again.stderr
    assert target.read_bytes() == before and target.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada.zidb"]   # no half-written leftovers
