"""summary: the province reads a folder of received plans; bad files are listed, never fatal."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import openpyxl
import pytest

from zi_desktop import migrations
from zi_desktop.document import Dokumen
from zi_desktop.cli import run_summary
from zi_desktop.exchange.summary import Summary, missing_komponen, summarize
from zi_desktop.exchange.summary_write import write_summary

from plans import aksi, generated_plan, rencana, small_plan

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make(path: Path, plan: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Dokumen.create_from_plan(path, plan).close()
    return path


def unit_plan(satker: str, tanggal: str = "2025-01-02", tahun: int = 2025) -> dict:
    plan = small_plan()
    plan["rencana"] = rencana(tahun, satker=satker, tanggal=tanggal)
    return plan


def tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.fixture
def fake_template(monkeypatch):
    """The standard template, small: komponen names in other case and spacing than the plans."""
    def template_plan(name, tahun, satker=""):
        assert name == "standar"
        return {"rencana": rencana(tahun, satker=satker), "area": [
            {"kode": "I", "nama": "Manajemen  Perubahan", "penanggung_jawab": "", "komponen": [
                {"nama": "PENYUSUNAN tim  kerja", "indikator": []},
                {"nama": "Rencana pembangunan zona integritas", "indikator": []},
                {"nama": "Pemantauan dan evaluasi pembangunan WBK/WBBM", "indikator": []}]},
            {"kode": "II", "nama": "PENATAAN TATA LAKSANA", "penanggung_jawab": "", "komponen": [
                {"nama": "Prosedur operasional tetap", "indikator": []},
                {"nama": "Keterbukaan informasi publik", "indikator": []}]},
        ]}
    module = types.ModuleType("zi_desktop.template")
    module.template_plan = template_plan
    monkeypatch.setitem(sys.modules, "zi_desktop.template", module)
    return template_plan


@pytest.fixture
def inbox(tmp_path) -> dict[str, Path]:
    """A province's inbox: good plans, a duplicate, and every kind of bad file."""
    box = tmp_path / "kiriman"
    files = {
        "kudus": make(box / "kudus.zidb", unit_plan("KPU Kabupaten Kudus")),
        "madiun": make(box / "jatim" / "madiun.zidb", unit_plan("KPU Kabupaten Madiun")),
        # the same unit and year again, decreed later, written differently
        "kudus_baru": make(box / "jatim" / "kudus-revisi.ZIDB",
                           unit_plan("kpu kabupaten  KUDUS", tanggal="2025-02-10")),
    }
    damaged = make(box / "rusak.zidb", unit_plan("KPU Kabupaten Rusak"))
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    files["rusak"] = damaged
    altered = make(box / "diubah.zidb", unit_plan("KPU Kabupaten Diubah"))
    tamper(altered, "CREATE TRIGGER hapus AFTER INSERT ON riwayat BEGIN DELETE FROM aksi; END")
    files["diubah"] = altered
    foreign = box / "asing.zidb"
    tamper(foreign, "CREATE TABLE catatan (isi TEXT)")
    files["asing"] = foreign
    newer = make(box / "baru.zidb", unit_plan("KPU Kabupaten Masa Depan"))
    tamper(newer, f"PRAGMA user_version = {migrations.current_version() + 1}")
    files["baru"] = newer
    (box / "~$kudus.zidb").write_text("pengguna di komputer", encoding="utf-8")  # a lock file
    (box / "catatan.txt").write_text("bukan rencana", encoding="utf-8")
    return files


def by_name(summary: Summary) -> dict:
    return {r.nama_berkas: r for r in summary.rows}


def test_good_files_read_bad_files_listed(inbox, fake_template):
    digests = {k: digest(p) for k, p in inbox.items()}
    summary = summarize([inbox["kudus"].parent])
    assert sorted(by_name(summary)) == ["kudus-revisi.ZIDB", "kudus.zidb", "madiun.zidb"]
    reasons = {Path(d.berkas).name: d.alasan for d in summary.rejected}
    assert sorted(reasons) == ["asing.zidb", "baru.zidb", "diubah.zidb", "rusak.zidb"]
    assert "rusak" in reasons["rusak.zidb"]
    assert "pemicu (trigger) tambahan" in reasons["diubah.zidb"]
    assert "program lain" in reasons["asing.zidb"]
    assert "versi yang lebih baru" in reasons["baru.zidb"]
    assert all(r.startswith("Berkas \"") for r in reasons.values())
    # nothing was written to any received file, not even the altered one
    assert {k: digest(p) for k, p in inbox.items()} == digests
    conn = sqlite3.connect(inbox["diubah"])
    assert conn.execute("SELECT count(*) FROM aksi").fetchone()[0] == 5
    conn.close()


def test_row_contents(inbox, fake_template):
    row = by_name(summarize([inbox["madiun"]]))["madiun.zidb"]
    assert (row.satker, row.tahun, row.nomor, row.tanggal) == ("KPU Kabupaten Madiun", 2025, "14", "2025-01-02")
    assert row.area == [
        {"kode": "I", "nama": "MANAJEMEN PERUBAHAN", "komponen": 2, "indikator": 3, "aksi": 4},
        {"kode": "II", "nama": "PENATAAN TATA LAKSANA", "komponen": 1, "indikator": 1, "aksi": 1}]
    assert (row.komponen, row.indikator, row.aksi) == (3, 4, 5)
    assert row.persen_berjadwal == 100.0 and row.persen_berbukti == 100.0
    assert (row.galat, row.peringatan) == (0, 0)
    # "PENYUSUNAN tim  kerja" matches "Penyusunan Tim Kerja": case and spaces do not count
    assert row.komponen_hilang == ["I.3 Pemantauan dan evaluasi pembangunan WBK/WBBM",
                                   "II.2 Keterbukaan informasi publik"]
    assert row.ganda is False and row.terbaru is True
    assert row.berkas == str(inbox["madiun"])


def test_percentages_and_findings(tmp_path, fake_template):
    plan = small_plan()
    xs = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    xs[0]["bulan"] = []                       # 4 of 5 with months
    xs[1]["bukti_fisik"] = " "                # 3 of 5 with bukti fisik
    xs[0]["bukti_fisik"] = ""
    plan["rencana"]["nomor"] = ""             # identity incomplete
    plan["area"][1]["komponen"][0]["indikator"][0]["aksi"].append(aksi("Menyusun SOP"))  # duplicate
    path = make(tmp_path / "a.zidb", plan)
    row = summarize([path]).rows[0]
    assert row.aksi == 6 and row.aksi_berjadwal == 4 and row.aksi_berbukti == 4
    assert row.persen_berjadwal == 66.7 and row.persen_berbukti == 66.7
    # galat: identitas, 1 without months, 2 without bukti fisik, 1 new without months
    assert row.galat == 5 and row.peringatan == 1


def test_duplicate_unit_and_year_newer_marked(inbox, fake_template):
    rows = by_name(summarize([inbox["kudus"].parent]))
    old, new = rows["kudus.zidb"], rows["kudus-revisi.ZIDB"]
    assert old.ganda and new.ganda
    assert new.terbaru and not old.terbaru    # decree of 10 February is newer than 2 January
    assert not rows["madiun.zidb"].ganda and rows["madiun.zidb"].terbaru


def test_duplicate_same_decree_date_newer_by_mtime(tmp_path, fake_template):
    a = make(tmp_path / "a.zidb", unit_plan("KPU Kota Tual"))
    b = make(tmp_path / "b.zidb", unit_plan("KPU Kota Tual"))
    other_year = make(tmp_path / "c.zidb", unit_plan("KPU Kota Tual", tanggal="2026-01-02", tahun=2026))
    os.utime(a, (2_000_000_000, 2_000_000_000))   # a written later than b
    os.utime(b, (1_900_000_000, 1_900_000_000))
    rows = by_name(summarize([tmp_path]))
    assert rows["a.zidb"].terbaru and not rows["b.zidb"].terbaru
    assert rows["a.zidb"].ganda and rows["b.zidb"].ganda
    assert not rows["c.zidb"].ganda and rows["c.zidb"].terbaru
    assert other_year.exists()


def test_same_file_twice_is_read_once(inbox, fake_template):
    summary = summarize([inbox["madiun"], inbox["madiun"].parent, inbox["madiun"]])
    assert sorted(r.nama_berkas for r in summary.rows) == ["kudus-revisi.ZIDB", "madiun.zidb"]
    assert not summary.rejected


def test_missing_path_is_listed(tmp_path, inbox, fake_template):
    summary = summarize([inbox["madiun"], tmp_path / "tidak-ada"])
    assert len(summary.rows) == 1
    assert "tidak ditemukan" in summary.rejected[0].alasan


def test_a_year_the_template_does_not_cover_leaves_komponen_unknown(tmp_path):
    plan = small_plan()
    plan["rencana"]["tahun"] = 2150          # the template covers 2000–2100
    plan["rencana"]["bulan_mulai"] = "2150-01"   # a period and months of that year (the guard's bounds)
    for area in plan["area"]:
        for k in area["komponen"]:
            for i in k["indikator"]:
                for x in i["aksi"]:
                    x["bulan"] = [m.replace("2025-", "2150-") for m in x["bulan"]]
    row = summarize([make(tmp_path / "a.zidb", plan)]).rows[0]
    assert row.komponen_hilang is None and row.aksi == 5


def test_missing_komponen_elsewhere_when_area_renamed():
    template = [("manajemen perubahan", [("I.1 Tim", "tim"), ("I.2 Rencana", "rencana")])]
    plan = {"area": [{"nama": "AREA SATU", "komponen": [{"nama": "TIM"}]}]}
    assert missing_komponen(plan, template) == ["I.2 Rencana"]
    assert missing_komponen(plan, None) is None


def test_xlsx_output(inbox, fake_template, tmp_path):
    out = tmp_path / "rekap.xlsx"
    write_summary(summarize([inbox["kudus"].parent]), out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Rekap", "Berkas Ditolak"]
    rows = list(wb["Rekap"].iter_rows(values_only=True))
    head = rows[0]
    for col in ("BERKAS", "SATUAN KERJA", "TAHUN", "NOMOR SK", "TANGGAL SK", "I KOMPONEN",
                "I INDIKATOR", "I LANGKAH AKSI", "II LANGKAH AKSI", "% BERJADWAL", "% ADA BUKTI FISIK",
                "GALAT", "PERINGATAN", "KOMPONEN STANDAR HILANG", "STATUS"):
        assert col in head, col
    data = [dict(zip(head, r)) for r in rows[1:]]
    assert len(data) == 3
    kudus = {d["BERKAS"]: d for d in data}
    assert kudus["kudus-revisi.ZIDB"]["STATUS"] == "ganda, terbaru"
    assert kudus["kudus.zidb"]["STATUS"] == "ganda, lebih lama"
    assert kudus["kudus.zidb"]["% BERJADWAL"] == 1.0 and kudus["kudus.zidb"]["I LANGKAH AKSI"] == 4
    bad = list(wb["Berkas Ditolak"].iter_rows(min_row=2, values_only=True))
    assert len(bad) == 4 and all(r[2] for r in bad)


def test_pdf_output_embeds_dejavu_and_survives_markup(tmp_path, fake_template):
    hostile = unit_plan("KPU <b>Kab & \"Kota\" <img src='/etc/passwd'/> =1+1")
    make(tmp_path / "in" / "a.zidb", hostile)
    make(tmp_path / "in" / "b.zidb", generated_plan(60))
    (tmp_path / "in" / "c.zidb").write_bytes(b"bukan basis data")
    out = tmp_path / "rekap.pdf"
    write_summary(summarize([tmp_path / "in"]), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVuSans" in data and b"/FontFile2" in data
    assert b"/Helvetica" not in data  # no unembedded base font


def test_many_units_fit_on_few_pages(tmp_path, fake_template):
    for n in range(60):
        make(tmp_path / "in" / f"{n:02d}.zidb", unit_plan(f"KPU Kabupaten Nomor {n:02d}"))
    out = tmp_path / "rekap.pdf"
    write_summary(summarize([tmp_path / "in"]), out)
    pages = int(re.search(rb"/Count (\d+)", out.read_bytes()).group(1))
    assert 2 <= pages <= 6  # ~17 units a page, the header repeated


def cli(*args):
    return subprocess.run([sys.executable, "-m", "zi_desktop", "summary", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_cli_exit_codes(tmp_path, inbox):
    good = tmp_path / "baik"
    make(good / "a.zidb", unit_plan("KPU Kabupaten A"))
    make(good / "b.zidb", unit_plan("KPU Kabupaten B"))
    ok = cli(good, "-o", tmp_path / "rekap.xlsx")
    assert ok.returncode == 0, ok.stderr
    assert "Rekap 2 berkas" in ok.stdout

    some = cli(inbox["kudus"].parent, "-o", tmp_path / "rekap.pdf", "--json")
    assert some.returncode == 1, some.stderr
    data = json.loads(some.stdout)
    assert data["dibaca"] == 3 and data["ditolak_jumlah"] == 4
    assert {r["nama_berkas"] for r in data["rekap"]} == {"kudus.zidb", "madiun.zidb", "kudus-revisi.ZIDB"}
    assert all(set(r) >= {"satker", "tahun", "nomor", "tanggal", "area", "persen_berjadwal",
                          "persen_berbukti", "galat", "peringatan", "komponen_hilang", "terbaru"}
               for r in data["rekap"])
    assert (tmp_path / "rekap.pdf").read_bytes().startswith(b"%PDF")

    only_bad = tmp_path / "buruk"
    only_bad.mkdir()
    (only_bad / "x.zidb").write_bytes(b"\x00" * 10)
    none = cli(only_bad, "-o", tmp_path / "r.xlsx")
    assert none.returncode == 2 and "Traceback" not in none.stderr
    assert (tmp_path / "r.xlsx").exists()  # the reasons are still written down

    empty = tmp_path / "kosong"
    empty.mkdir()
    for args in ([empty], [tmp_path / "tidak-ada"], [good, "-o", tmp_path / "rekap.csv"]):
        args = list(args) + ([] if "-o" in args else ["-o", tmp_path / "r2.xlsx"])
        done = cli(*args)
        assert done.returncode == 2, args
        assert done.stderr.strip() and "\n" not in done.stderr.strip()
        assert "Traceback" not in done.stderr


def test_run_summary_in_process(tmp_path, capsys, fake_template):
    make(tmp_path / "a.zidb", unit_plan("KPU Kabupaten A"))
    assert run_summary([tmp_path], tmp_path / "r.xlsx", as_json=True) == 0
    assert json.loads(capsys.readouterr().out)["dibaca"] == 1


def test_progress_is_reported(tmp_path, fake_template):
    for n in range(3):
        make(tmp_path / f"{n}.zidb", unit_plan(f"KPU {n}"))
    seen = []
    summarize([tmp_path], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
