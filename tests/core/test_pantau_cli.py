"""The monitoring verbs: realisasi, bukti, laporan, pack --tanpa-bukti — exit codes and effects."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from zi_desktop.checks import check_pemantauan

from plans import small_plan
from test_cli import plan_file, zi  # noqa: F401  (the same helper and fixture)


def dump(path) -> dict:
    return json.loads(zi("dump", path, check=0).stdout)


def first(plan) -> dict:
    return plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]


def test_realisasi_verb_writes_the_dump_keys(plan_file):
    out = zi("realisasi", plan_file, "I.1.1.1", "2025-01", "sebagian", "--persen", "40",
             "--catatan", "Menunggu SK; tindak lanjut Februari", check=0)
    assert "sebagian (40%)" in out.stdout
    assert first(dump(plan_file))["realisasi"] == [
        {"bulan": "2025-01", "status": "sebagian", "persen": 40, "catatan": "Menunggu SK; tindak lanjut Februari"}]


@pytest.mark.parametrize("args, words", [
    (("I.9.1.1", "2025-01", "selesai"), "Jalur"),
    (("I.1.1", "2025-01", "selesai"), "Jalur"),
    (("I.1.1.1", "2026-01", "selesai"), "di luar periode"),
    (("I.1.1.1", "2025-01", "beres"), "tidak dikenal"),
    (("I.1.1.1", "2025-01", "selesai", "--persen", "50"), "100 persen"),
])
def test_realisasi_bad_input_is_one_sentence_exit_2_nothing_written(plan_file, args, words):
    before = plan_file.read_bytes()
    proc = zi("realisasi", plan_file, *args, check=2)
    assert words in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert plan_file.read_bytes() == before


def test_bukti_attach_and_keluarkan_byte_for_byte(plan_file, tmp_path):
    a = tmp_path / "undangan.pdf"
    a.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 100)
    b = tmp_path / "foto kegiatan.jpg"
    b.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 50)
    zi("bukti", plan_file, "I.1.1.1", a, b, "--bulan", "2025-01", check=0)
    listed = first(dump(plan_file))["bukti_dukung"]
    assert [(x["nama"], x["ukuran"], x["bulan"]) for x in listed] == [
        ("undangan.pdf", a.stat().st_size, "2025-01"), ("foto kegiatan.jpg", b.stat().st_size, "2025-01")]
    assert listed[0]["sha256"] == hashlib.sha256(a.read_bytes()).hexdigest()
    out = tmp_path / "keluar"
    zi("bukti", plan_file, "--keluarkan", out, check=0)
    files = sorted(f for f in out.rglob("*") if f.is_file())
    assert sorted(f.read_bytes() for f in files) == sorted([a.read_bytes(), b.read_bytes()])
    assert all(f.name.startswith("I.1.1.1 2025-01 ") for f in files)


def test_bukti_refuses_a_program_and_writes_nothing(plan_file, tmp_path):
    exe = tmp_path / "laporan.pdf"
    exe.write_bytes(b"MZ" + b"\x00" * 64)
    before = plan_file.read_bytes()
    proc = zi("bukti", plan_file, "I.1.1.1", exe, check=2)
    assert "program" in proc.stderr
    assert plan_file.read_bytes() == before


def test_pack_keeps_evidence_by_default_and_leaves_bytes_out_tanpa_bukti(plan_file, tmp_path):
    a = tmp_path / "undangan.pdf"
    a.write_bytes(b"%PDF-1.4\n" + b"x" * 200_000)
    zi("bukti", plan_file, "I.1.1.1", a, check=0)
    full, light = tmp_path / "lengkap.zidb", tmp_path / "ringan.zidb"
    zi("pack", plan_file, "-o", full, check=0)
    zi("pack", plan_file, "-o", light, "--tanpa-bukti", check=0)
    assert light.stat().st_size < 100_000 < full.stat().st_size
    for path, blobs in ((full, 1), (light, 0)):
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT count(*) FROM bukti_isi").fetchone()[0] == blobs
        conn.close()
        assert first(dump(path))["bukti_dukung"][0]["nama"] == "undangan.pdf"
    proc = zi("bukti", light, "--keluarkan", tmp_path / "x", check=2)
    assert "tanpa bukti" in proc.stderr


def test_laporan_pdf_and_xlsx(plan_file, tmp_path):
    import pymupdf as fitz
    import openpyxl
    zi("realisasi", plan_file, "II.1.1.1", "2025-03", "selesai", "--catatan", "SOP disahkan", check=0)
    pdf, xlsx = tmp_path / "laporan.pdf", tmp_path / "laporan.xlsx"
    zi("laporan", plan_file, "-o", pdf, "--sampai", "2025-06", check=0)
    text = "".join(page.get_text() for page in fitz.open(pdf))
    assert "LAPORAN MONITORING DAN EVALUASI" in text and "Juni 2025" in text
    assert "SOP disahkan" in text and "NAMA KETUA" in text and "II.1.1.1" in text
    zi("laporan", plan_file, "-o", xlsx, check=0)
    wb = openpyxl.load_workbook(xlsx)
    rows = list(wb["Langkah Aksi"].iter_rows(values_only=True))
    assert rows[0][:3] == ("AREA", "NO", "LANGKAH AKSI")
    sop = next(r for r in rows if r[1] == "II.1.1.1")
    assert sop[5] == 25 and "SOP disahkan" in sop[6]   # 1 of 4 planned months done (to December)
    assert zi("laporan", plan_file, "-o", tmp_path / "l.pdf", "--sampai", "2024-01", check=2).stderr


def test_periksa_warns_late_months_and_selesai_without_evidence():
    import datetime as dt
    plan = small_plan()
    first(plan)["realisasi"] = [{"bulan": "2025-01", "status": "selesai", "persen": 100, "catatan": ""}]
    findings = check_pemantauan(plan, today=dt.date(2025, 3, 15))
    codes = sorted((f.kode, f.jalur) for f in findings)
    assert ("selesai_tanpa_bukti", "I.1.1.1") in codes
    assert ("realisasi_terlambat", "I.1.1.2") in codes           # Jan, Feb passed
    assert ("realisasi_terlambat", "II.1.1.1") not in codes      # March not yet passed
    assert check_pemantauan(small_plan(), today=dt.date(2025, 12, 1)) == []   # not monitored here


def test_summary_gives_realised_late_and_evidence_per_unit(plan_file, tmp_path):
    a = tmp_path / "undangan.pdf"
    a.write_bytes(b"%PDF-1.4\n" + b"x" * 1000)
    zi("realisasi", plan_file, "I.1.1.1", "2025-01", "selesai", check=0)
    zi("bukti", plan_file, "I.1.1.1", a, check=0)
    data = json.loads(zi("summary", plan_file, "-o", tmp_path / "rekap.xlsx", "--json", check=0).stdout)
    row = data["rekap"][0]
    # small_plan: 9 planned months in 2025, all passed today; one of them realised
    assert row["persen_realisasi"] == 11.1 and row["terlambat"] == 8 and row["bukti_dukung"] == 1


def test_read_only_verbs_read_a_format1_file_without_touching_it(tmp_path):
    import shutil
    from pathlib import Path
    old = tmp_path / "lama.zidb"
    shutil.copy2(Path(__file__).resolve().parents[1] / "data" / "format1-v0.1.zidb", old)
    before = old.read_bytes()
    assert first(dump(old))["realisasi"] == []
    zi("laporan", old, "-o", tmp_path / "l.xlsx", check=0)
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.xlsx", "lama.zidb"]


def test_summary_xlsx_and_pdf_carry_the_monitoring_columns(plan_file, tmp_path):
    import openpyxl
    import pymupdf
    zi("realisasi", plan_file, "I.1.1.1", "2025-01", "selesai", check=0)
    zi("summary", plan_file, "-o", tmp_path / "rekap.xlsx", check=0)
    ws = openpyxl.load_workbook(tmp_path / "rekap.xlsx").active
    head = [c.value for c in ws[1]]
    values = dict(zip(head, [c.value for c in ws[2]]))
    assert values["TERLAMBAT"] == 8 and values["BUKTI DUKUNG"] == 0
    assert abs(values["% REALISASI"] - 0.111) < 0.001
    zi("summary", plan_file, "-o", tmp_path / "rekap.pdf", check=0)
    text = "".join(page.get_text() for page in pymupdf.open(tmp_path / "rekap.pdf"))
    assert "REALISASI" in text and "11% / 8 / 0" in text
