"""Next year's plan from this year's (``next_year_plan``, ``zi-desktop new NEW --from OLD``)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop.checks import check_plan
from zi_desktop.document import Dokumen
from zi_desktop.errors import ZiError
from zi_desktop.next_year import next_year_plan
from zi_desktop.paths import resource
from zi_desktop.schedule import format_target_waktu, parse_target_waktu
from zi_desktop.template import template_plan

ROOT = Path(__file__).resolve().parents[2]


def _zi(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ZI_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "zi_desktop", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def _aksi(langkah, text, months, manual=False, **extra):
    return {"langkah": langkah, "bukti_fisik": "1. Undangan\n2. Daftar hadir", "target_waktu": text,
            "target_waktu_manual": manual, "target_capaian": "", "penanggung_jawab": "",
            "bulan": months, **extra}


def _plan_2025() -> dict:
    plan = template_plan("standar", 2025, "KPU Kabupaten Kudus")
    plan["rencana"].update(nomor="14", tanggal="2025-01-02", tempat="Kudus",
                           penandatangan="NAMA PENANDATANGAN",
                           salinan={"kantor": "SEKRETARIAT KPU KABUPATEN KUDUS",
                                    "jabatan": "Kasubbag Teknis", "nama": "Nama Salinan"})
    plan["rencana"]["cetak"]["penanggung_jawab"] = True
    ind = plan["area"][0]["komponen"][0]["indikator"]
    ind[0]["aksi"] = [
        _aksi("Sepanjang tahun", "Januari - Desember 2025", [f"2025-{m:02d}" for m in range(1, 13)]),
        _aksi("Triwulanan", "Maret, Juni, September, Desember 2025", ["2025-03", "2025-06", "2025-09", "2025-12"]),
        _aksi("Dipasak, periodik", "Triwulan", ["2025-03", "2025-06", "2025-09", "2025-12"], manual=True),
    ]
    ind[1]["aksi"] = [
        _aksi("Dipasak, tenggat", "Maksimal 31 Oktober 2025", ["2025-10"], manual=True, target_capaian="100%"),
        _aksi("Lintas tahun", "November 2025 dan Januari 2026", ["2025-11", "2026-01"], manual=True),
        _aksi("Teks tidak terbaca", "Berkala sesuai kebutuhan tahun 2025", [], manual=True),
        _aksi("Belum dijadwalkan", "", []),
    ]
    return plan


def _all_aksi(plan):
    return [x for a in plan["area"] for k in a["komponen"] for i in k["indikator"] for x in i["aksi"]]


def test_default_is_the_next_year_and_input_untouched():
    plan = _plan_2025()
    before = copy.deepcopy(plan)
    new = next_year_plan(plan)
    assert plan == before
    assert new["rencana"]["tahun"] == 2026
    assert new["rencana"]["bulan_mulai"] == "2026-01"
    assert new is not plan and new["area"] is not plan["area"]


def test_identity_cleared_and_kept():
    new = next_year_plan(_plan_2025())["rencana"]
    assert (new["nomor"], new["tanggal"], new["penandatangan"]) == ("", "", "")
    assert new["satker"] == "KPU Kabupaten Kudus"
    assert new["tempat"] == "Kudus"
    assert new["jabatan_penandatangan"] == "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUDUS"
    assert new["salinan"] == {"kantor": "SEKRETARIAT KPU KABUPATEN KUDUS", "jabatan": "Kasubbag Teknis",
                              "nama": "Nama Salinan"}
    assert new["cetak"]["penanggung_jawab"] is True and new["jumlah_bulan"] == 12
    assert new["tentang"].endswith("Komisi Pemilihan Umum Kabupaten Kudus Tahun 2026")
    assert "2025" not in new["tentang"]


def test_months_and_target_waktu_move_to_the_new_year():
    new = {x["langkah"]: x for x in _all_aksi(next_year_plan(_plan_2025()))}
    assert new["Sepanjang tahun"]["bulan"] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert new["Sepanjang tahun"]["target_waktu"] == "Januari - Desember 2026"
    assert new["Triwulanan"]["target_waktu"] == "Maret, Juni, September, Desember 2026"
    assert new["Dipasak, periodik"]["target_waktu"] == "Triwulan"          # manual, no year: as written
    assert new["Dipasak, periodik"]["bulan"] == ["2026-03", "2026-06", "2026-09", "2026-12"]
    assert new["Dipasak, tenggat"]["target_waktu"] == "Maksimal 31 Oktober 2026"
    assert new["Dipasak, tenggat"]["bulan"] == ["2026-10"]
    assert new["Dipasak, tenggat"]["target_capaian"] == "100%"
    assert new["Lintas tahun"]["target_waktu"] == "November 2026 dan Januari 2027"
    assert new["Lintas tahun"]["bulan"] == ["2026-11", "2027-01"]
    assert new["Teks tidak terbaca"]["target_waktu"] == "Berkala sesuai kebutuhan tahun 2026"
    assert new["Teks tidak terbaca"]["bulan"] == []
    assert new["Belum dijadwalkan"]["target_waktu"] == "" and new["Belum dijadwalkan"]["bulan"] == []
    for aksi in new.values():                                           # manual flags unchanged
        assert aksi["target_waktu_manual"] == (aksi["langkah"].startswith(("Dipasak", "Lintas", "Teks")))


def test_tree_is_the_same():
    plan = _plan_2025()
    new = next_year_plan(plan)

    def shape(p):
        return [(a["nama"], a["penanggung_jawab"],
                 [(k["nama"], [(i["teks"], [(x["langkah"], x["bukti_fisik"]) for x in i["aksi"]])
                               for i in k["indikator"]]) for k in a["komponen"]]) for a in p["area"]]

    assert shape(new) == shape(plan)


def test_explicit_year_shifts_by_the_difference():
    new = next_year_plan(_plan_2025(), 2028)
    assert new["rencana"]["tahun"] == 2028 and new["rencana"]["bulan_mulai"] == "2028-01"
    by = {x["langkah"]: x for x in _all_aksi(new)}
    assert by["Dipasak, tenggat"]["target_waktu"] == "Maksimal 31 Oktober 2028"
    assert by["Lintas tahun"]["bulan"] == ["2028-11", "2029-01"]
    assert new["rencana"]["tentang"].endswith("Tahun 2028")


def test_period_not_starting_in_january():
    plan = _plan_2025()
    plan["rencana"].update(bulan_mulai="2025-07", jumlah_bulan=18)
    assert next_year_plan(plan)["rencana"]["bulan_mulai"] == "2026-07"


def test_leap_day_in_a_manual_text():
    plan = template_plan("standar", 2024, "KPU Kota Contoh")
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"] = [
        _aksi("Tenggat", "Paling lambat 29 Februari 2024", ["2024-02"], manual=True)]
    new = _all_aksi(next_year_plan(plan))[0]
    assert new["target_waktu"] == "Paling lambat 28 Februari 2025" and new["bulan"] == ["2025-02"]


def test_plan_without_a_year_is_refused():
    plan = _plan_2025()
    plan["rencana"]["tahun"] = "dua ribu"
    with pytest.raises(ZiError):
        next_year_plan(plan)
    with pytest.raises(ZiError):
        next_year_plan(_plan_2025(), 99999)


def test_demo_plan_next_year_stays_consistent():
    demo = json.loads(resource("demo", "contoh.json").read_text(encoding="utf-8"))
    new = next_year_plan(demo)
    r = new["rencana"]
    assert r["tahun"] == 2027
    for aksi in _all_aksi(new):
        assert aksi["bulan"] and all(m.startswith("2027-") for m in aksi["bulan"])
        parsed = parse_target_waktu(aksi["target_waktu"], 2027, r["bulan_mulai"], r["jumlah_bulan"])
        assert parsed.recognized and parsed.months == aksi["bulan"], aksi["target_waktu"]
        assert aksi["target_waktu_manual"] == (aksi["target_waktu"] != format_target_waktu(aksi["bulan"]))
    findings = check_plan(_with_ids(new))
    assert [f.kode for f in findings] == ["identitas_tidak_lengkap"]   # only the new decree's identity


def _with_ids(plan):
    counter = iter(range(1, 10 ** 6))
    out = copy.deepcopy(plan)
    for node in [*out["area"], *(k for a in out["area"] for k in a["komponen"]),
                 *(i for a in out["area"] for k in a["komponen"] for i in k["indikator"]), *_all_aksi(out)]:
        node["id"] = next(counter)
    return out


# --- command line ---------------------------------------------------------------------------

def test_cli_new_from_last_year_leaves_the_old_file_untouched(tmp_path):
    old = tmp_path / "Rencana 2025.zidb"
    Dokumen.create_from_plan(old, _plan_2025()).close()
    before = old.read_bytes()
    mtime = old.stat().st_mtime_ns
    listing = sorted(p.name for p in tmp_path.iterdir())

    new = tmp_path / "Rencana 2026.zidb"
    made = _zi("new", new, "--from", old, "--year", "2026")
    assert made.returncode == 0, made.stderr
    assert old.read_bytes() == before and old.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(listing + [new.name])

    dump = json.loads(_zi("dump", new).stdout)
    assert dump["rencana"]["tahun"] == 2026 and dump["rencana"]["nomor"] == ""
    assert dump["rencana"]["penandatangan"] == "" and dump["rencana"]["tempat"] == "Kudus"
    by = {x["langkah"]: x for x in _all_aksi(dump)}
    assert by["Dipasak, tenggat"]["target_waktu"] == "Maksimal 31 Oktober 2026"
    assert by["Sepanjang tahun"]["bulan"][0] == "2026-01"


def test_cli_new_from_without_year_takes_the_next(tmp_path):
    old = tmp_path / "lama.zidb"
    Dokumen.create_from_plan(old, _plan_2025()).close()
    assert _zi("new", tmp_path / "baru.zidb", "--from", old).returncode == 0
    assert json.loads(_zi("info", tmp_path / "baru.zidb", "--json").stdout)["rencana"]["tahun"] == 2026


def test_cli_new_from_onto_the_old_file_is_refused(tmp_path):
    old = tmp_path / "lama.zidb"
    Dokumen.create_from_plan(old, _plan_2025()).close()
    before = old.read_bytes()
    again = _zi("new", old, "--from", old, "--year", "2026")
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1
    assert old.read_bytes() == before


def test_cli_new_from_a_missing_file(tmp_path):
    result = _zi("new", tmp_path / "baru.zidb", "--from", tmp_path / "tidak-ada.zidb")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "baru.zidb").exists()
