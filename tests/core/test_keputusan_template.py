"""The standard decree body of a new plan, the library of regulations, next year's body and the
Periksa rules of the body (issue 16)."""

from __future__ import annotations

import json
import subprocess
import sys

from zi_desktop.checks import check_plan
from zi_desktop.document import Dokumen
from zi_desktop.keputusan.template import library, replaced_in, template_body
from zi_desktop.next_year import next_year_plan
from zi_desktop.paths import resource
from zi_desktop.template import template_plan

from plans import small_plan


def body_findings(plan):
    return [f for f in check_plan(plan) if f.level == "keputusan"]


def test_library_cites_in_full_with_sources():
    entries = {p.kode: p for p in library()}
    for kode in ("uu-7-2017", "permenpanrb-90-2021", "pkpu-8-2019", "pkpu-14-2020"):
        p = entries[kode]
        assert p.baku and p.sumber and p.kutipan.endswith(";")
        assert "Negara Republik Indonesia Tahun" in p.kutipan
        assert "sebagaimana telah" in p.kutipan
    assert "Nomor 5 Tahun 2024" in entries["permenpanrb-90-2021"].kutipan
    assert "terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 12 Tahun 2023" in \
        entries["pkpu-8-2019"].kutipan
    assert entries["permenpanrb-52-2014"].diganti_oleh == "permenpanrb-90-2021"
    data = json.loads(resource("keputusan", "peraturan.json").read_text(encoding="utf-8"))
    assert all(e["sumber"] for e in data["peraturan"])


def test_library_citations_are_the_seed_text(seeds_dir):
    seeds = " ".join(" ".join((seeds_dir / n).read_text(encoding="utf-8").replace("*", "")
                              .split()) for n in ("kudus-14-2025.txt", "kapuas-24-2025.txt"))
    for p in library():
        if p.diganti_oleh or "catatan" in p.sumber:
            continue
        head = " ".join(p.kutipan.split()[:12])
        assert head in seeds or p.kode in ("perpres-54-2018",), p.kode


def test_replaced_regulation_is_recognised():
    old = ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 52 "
           "Tahun 2014 tentang Pedoman Pembangunan Zona Integritas …;")
    assert replaced_in(old).kode == "permenpanrb-52-2014"
    assert replaced_in(next(p for p in library() if p.kode == "permenpanrb-90-2021").kutipan) is None


def test_new_plan_from_the_standard_template_has_the_usual_body(tmp_path):
    plan = template_plan("standar", 2026, "KPU Kabupaten Contoh")
    body = plan["keputusan"]
    assert len(body["menimbang"]) == 3 and body["menimbang"][-1].startswith(
        "bahwa berdasarkan pertimbangan")
    assert "Komisi Pemilihan Umum Kabupaten Contoh" in body["menimbang"][-1]
    assert len(body["mengingat"]) == 6 and "Lampiran" in body["diktum"][0]
    assert body_findings(plan) == []
    assert template_plan("kosong", 2026, "KPU Kabupaten Contoh")["keputusan"]["menimbang"] == []
    out = tmp_path / "baru.zidb"
    run = subprocess.run([sys.executable, "-m", "zi_desktop", "new", str(out), "--year", "2026",
                          "--unit", "KPU Kabupaten Contoh"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with Dokumen.open(out, readonly=True) as doc:
        assert doc.to_dict()["keputusan"] == body


def test_next_year_advances_the_body_but_not_the_regulations():
    plan = template_plan("standar", 2025, "KPU Kabupaten Contoh")
    plan["keputusan"]["bab"] = [{"judul": "PENDAHULUAN TAHUN 2025",
                                 "isi": "Rencana aksi Tahun 2025.\na. tim Tahun 2025;"}]
    plan["rencana"].update(nomor="14", tanggal="2025-01-02")
    new = next_year_plan(plan)
    body = new["keputusan"]
    assert "Tahun 2026" in body["menimbang"][-1] and "2025" not in body["menimbang"][-1]
    assert body["mengingat"] == plan["keputusan"]["mengingat"]          # 5/2024 stays 2024
    assert body["bab"] == [{"judul": "PENDAHULUAN TAHUN 2026",
                            "isi": "Rencana aksi Tahun 2026.\na. tim Tahun 2026;"}]
    assert new["rencana"]["nomor"] == "" and new["rencana"]["tanggal"] == ""
    assert "Tahun 2025" in plan["keputusan"]["menimbang"][-1]            # input untouched


def test_periksa_rules_of_the_body():
    plan = small_plan()
    plan["rencana"]["tentang"] = "Rencana Aksi Pembangunan Zona Integritas"
    assert body_findings(plan) == []
    body = plan["keputusan"]
    body["menimbang"] = body["menimbang"][::-1]
    body["diktum"][0] = "Menetapkan Rencana Aksi Pembangunan Zona Integritas Tahun 2025."
    body["mengingat"].append("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
                             "Birokrasi Nomor 52 Tahun 2014 tentang Pedoman …;")
    codes = {f.kode: f for f in body_findings(plan)}
    assert set(codes) == {"menimbang_penutup", "kesatu_lampiran", "peraturan_diganti"}
    assert codes["peraturan_diganti"].jalur == "Mengingat 3"
    assert "90 Tahun 2021" in codes["peraturan_diganti"].pesan or "90/2021" in \
        codes["peraturan_diganti"].pesan
    assert all(f.tingkat == "peringatan" for f in codes.values())


def test_a_title_written_differently_is_found(seeds_dir):
    from zi_desktop.importer import import_text
    plan = import_text((seeds_dir / "madiun-7-2026.txt").read_text(encoding="utf-8")).plan
    # the Madiun decree writes "Bersih Melayani" in Menetapkan and KESATU, "Bersih dan
    # Melayani" in its title
    assert {f.kode for f in body_findings(plan)} == {"judul_berbeda", "menetapkan_berbeda"}
    empty = small_plan()
    empty["keputusan"] = {}
    assert body_findings(empty) == []
