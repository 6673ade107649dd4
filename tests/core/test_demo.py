"""The built-in sample plan resources/demo/contoh.json (``zi-desktop --demo``)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop.checks import IDENTITAS_WAJIB
from zi_desktop.document import Dokumen
from zi_desktop.paths import resource
from zi_desktop.schedule import format_target_waktu, parse_target_waktu
from zi_desktop.template import template_plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads(resource("demo", "contoh.json").read_text(encoding="utf-8"))


@pytest.fixture()
def demo_file(tmp_path, demo) -> Path:
    path = tmp_path / "contoh.zidb"
    Dokumen.create_from_plan(path, demo).close()
    return path


def _all_aksi(plan):
    return [x for a in plan["area"] for k in a["komponen"] for i in k["indikator"] for x in i["aksi"]]


def test_loads_and_reads_back_exactly(demo, demo_file):
    with Dokumen.open(demo_file, readonly=True) as doc:
        assert doc.to_dict() == demo          # the JSON is in the dump shape, nothing lost


def test_identity_complete(demo):
    r = demo["rencana"]
    for key in IDENTITAS_WAJIB:
        assert str(r[key]).strip(), key
    assert r["satker"] == "KPU Kabupaten Contoh" and r["tahun"] == 2026
    assert r["nomor"] == "12" and r["tanggal"] == "2026-01-05" and r["tempat"] == "Contoh"
    assert r["jabatan_penandatangan"] == "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH"
    assert r["tentang"] == template_plan("standar", 2026, "KPU Kabupaten Contoh")["rencana"]["tentang"]
    assert all(r["salinan"][k].strip() for k in ("kantor", "jabatan", "nama"))
    assert r["bulan_mulai"] == "2026-01" and r["jumlah_bulan"] == 12


def test_built_on_the_standard_template(demo):
    template = template_plan("standar", 2026, "KPU Kabupaten Contoh")

    def skeleton(plan):
        return [(a["nama"], a["penanggung_jawab"],
                 [(k["nama"], [i["teks"] for i in k["indikator"]]) for k in a["komponen"]])
                for a in plan["area"]]

    assert skeleton(demo) == skeleton(template)


def test_every_indikator_has_one_to_three_langkah_aksi(demo):
    for area in demo["area"]:
        for komponen in area["komponen"]:
            for indikator in komponen["indikator"]:
                assert 1 <= len(indikator["aksi"]) <= 3, indikator["teks"]
                langkah = [x["langkah"] for x in indikator["aksi"]]
                assert len(set(langkah)) == len(langkah)
    assert 100 <= len(_all_aksi(demo)) <= 150


def test_every_aksi_has_text_months_and_evidence(demo):
    for aksi in _all_aksi(demo):
        assert aksi["langkah"].strip() and aksi["bukti_fisik"].strip() and aksi["target_waktu"].strip()
        assert aksi["bulan"] and all(m.startswith("2026-") for m in aksi["bulan"])
        assert aksi["bulan"] == sorted(set(aksi["bulan"]))
        lines = aksi["bukti_fisik"].split("\n")
        if len(lines) > 1:                    # a list is numbered 1. 2. 3. …
            assert [re.match(r"(\d+)\. \S", line).group(1) for line in lines] == \
                [str(n) for n in range(1, len(lines) + 1)]


def test_target_waktu_agrees_with_the_months(demo):
    r = demo["rencana"]
    styles = set()
    for aksi in _all_aksi(demo):
        parsed = parse_target_waktu(aksi["target_waktu"], r["tahun"], r["bulan_mulai"], r["jumlah_bulan"])
        assert parsed.recognized, aksi["target_waktu"]
        assert parsed.months == aksi["bulan"], aksi["target_waktu"]
        # manual exactly when the text is not what the months would print
        assert aksi["target_waktu_manual"] == (aksi["target_waktu"] != format_target_waktu(aksi["bulan"]))
        styles.add(aksi["target_waktu"])
    for typical in ("Januari - Desember 2026", "Maret, Juni, September, Desember 2026", "Triwulan"):
        assert typical in styles


def test_some_target_capaian_and_responsible(demo):
    capaian = [x["target_capaian"] for x in _all_aksi(demo) if x["target_capaian"]]
    assert 5 <= len(capaian) < len(_all_aksi(demo))
    assert "Nilai SKM ≥ 85" in capaian
    assert all(a["penanggung_jawab"].startswith("Tim ") for a in demo["area"])


def test_check_finds_nothing(demo_file):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "zi_desktop", "check", str(demo_file), "--json"], cwd=ROOT,
                            env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["galat"] == 0 and report["peringatan"] == 0, report["temuan"]


def test_demo_copy_is_a_fresh_file_each_time(demo):
    from zi_desktop.demo import demo_copy
    before = resource("demo", "contoh.json").read_bytes()
    first, second = demo_copy(), demo_copy()
    try:
        assert first != second and first.is_file() and second.is_file()
        with Dokumen.open(first, readonly=True) as doc:
            assert doc.to_dict() == demo
    finally:
        shutil.rmtree(first.parent, ignore_errors=True)
        shutil.rmtree(second.parent, ignore_errors=True)
    assert resource("demo", "contoh.json").read_bytes() == before
