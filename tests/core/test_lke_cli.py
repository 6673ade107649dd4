"""``zi-desktop lke``: the score, answers through undoable edits, the worksheet, old files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from zi_desktop.document import Dokumen
from zi_desktop.edits import DeleteItem
from zi_desktop.lke.data import lke
from zi_desktop.lke.edits import SetJawaban, SetKaitan, SetPengaturan
from zi_desktop.migrations import APPLICATION_ID, _statements, steps

from plans import small_plan

from test_cli import plan_file, zi  # noqa: F401  (plan_file: a pytest fixture)


def test_json_has_the_contract_keys_and_answers_are_scored(plan_file):
    proc = zi("lke", plan_file, "--json", "--jawab", "I.1.a=Ya", "IPAK=3.8", "IPKP=3.5", "CAPAIAN=B",
              "V.2.b=C", "I.R1.a=3/4")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"pengungkit", "hasil", "total", "area", "predikat", "pertanyaan"} <= set(out)
    assert out["pengungkit"] == 1.19 and out["hasil"] == 35.69 and out["total"] == 36.88
    assert out["area"][0] == {"kode": "I", "nama": "MANAJEMEN PERUBAHAN", "bobot": 8.0, "nilai": 1.0,
                              "persen": 12.5}
    assert set(out["predikat"]) == {"wbk", "wbbm", "kurang"} and out["predikat"]["wbk"] is False
    assert set(out["predikat"]["kurang"][0]) == {"syarat", "nilai", "batas", "area"}
    q = {p["kode"]: p for p in out["pertanyaan"]}
    assert set(q["V.2.b"]) == {"kode", "area", "teks", "jenis", "pilihan", "jawaban"}
    assert q["V.2.b"]["area"] == "V" and q["V.2.b"]["jawaban"] == "C" and q["V.2.b"]["jenis"] == "abcde"
    assert q["V.2.b"]["pilihan"][0] == {"kode": "A", "nilai": 1.0}
    assert q["I.R1.a"]["pilihan"] == [] and q["I.R1.a"]["jawaban"] == "3/4"
    assert q["IPAK"]["jawaban"] == 3.8 and q["I.1.b"]["jawaban"] == ""
    assert len([p for p in out["pertanyaan"] if p["area"]]) == 110
    # the answers stayed in the file, and one undo step takes them all back
    with Dokumen.open(plan_file) as doc:
        assert doc.to_dict()["lke"]["jawaban"]["CAPAIAN"]["jawaban"] == "B"


def test_all_best_answers_reach_wbbm_from_the_command_line(plan_file):
    codes = [f"{k}={q.terbaik}" for k, q in lke().pertanyaan.items()]
    out = json.loads(zi("lke", plan_file, "--json", "--jawab", *codes).stdout)
    assert (out["pengungkit"], out["hasil"], out["total"]) == (60.0, 40.0, 100.0)
    assert out["predikat"] == {"wbk": True, "wbbm": True, "kurang": []}
    text = zi("lke", plan_file).stdout
    assert "Predikat saat ini: WBBM" in text and "Total 100,00" in text


@pytest.mark.parametrize("bad, words", [("X.9.z=Ya", "tidak dikenal"), ("I.1.a=B", "tidak sah"),
                                        ("IPAK=4.5", "0–4"), ("I.1.a", "KODE=JAWABAN")])
def test_a_bad_answer_is_one_sentence_and_nothing_is_written(plan_file, bad, words):
    before = plan_file.read_bytes()
    proc = zi("lke", plan_file, "--jawab", "I.1.b=A", bad)
    assert proc.returncode == 2 and words in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stdout == ""
    assert plan_file.read_bytes() == before


def test_worksheet_export_has_the_lke_columns(plan_file, tmp_path):
    zi("lke", plan_file, "--jawab", "I.1.a=Ya")
    with Dokumen.open(plan_file) as doc:
        doc.apply(SetJawaban("I.1.a", narasi="=SK tim ditetapkan", bukti=["sk-tim.pdf", "undangan.pdf"],
                             link="https://contoh.go.id/sk"))
    out = tmp_path / "lke.xlsx"
    assert zi("lke", plan_file, "--ekspor", out).returncode == 0
    from openpyxl import load_workbook
    ws = load_workbook(out)["LKE"]
    head = [c.value for c in ws[1]]
    for column in ("JAWABAN", "NARASI", "BUKTI", "LINK"):
        assert column in head
    row = {h: c.value for h, c in zip(head, ws[2])}
    assert row["KODE"] == "I.1.a" and row["JAWABAN"] == "Ya" and row["NARASI"] == "=SK tim ditetapkan"
    assert row["BUKTI"] == "sk-tim.pdf\nundangan.pdf" and row["LINK"] == "https://contoh.go.id/sk"
    assert ws.max_row == 1 + 113
    pdf = tmp_path / "lke.pdf"
    assert zi("lke", plan_file, "--ekspor", pdf).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    proc = zi("lke", plan_file, "--ekspor", tmp_path / "lke.docx")
    assert proc.returncode == 2 and ".xlsx atau .pdf" in proc.stderr


def test_answer_tie_and_setting_edits_undo(plan_file):
    with Dokumen.open(plan_file) as doc:
        aksi_id = doc.conn.execute("SELECT min(id) FROM aksi").fetchone()[0]
        edits = [SetJawaban("V.2.b", jawaban="B", narasi="Sudah"), SetJawaban("V.2.b", jawaban="A"),
                 SetKaitan(aksi_id, "i.1.A"), SetPengaturan("skala_survei", "skala_1_sampai_4")]
        for e in edits:
            doc.apply(e)
        plan = doc.to_dict()
        assert plan["lke"]["jawaban"]["V.2.b"]["jawaban"] == "A"
        assert plan["lke"]["jawaban"]["V.2.b"]["narasi"] == "Sudah"
        assert plan["lke"]["pengaturan"] == {"skala_survei": "skala_1_sampai_4"}
        assert plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["lke"] == "I.1.a"
        # deleting the langkah aksi and undoing brings its tie back
        delete = DeleteItem("aksi", aksi_id)
        doc.apply(delete)
        doc.revert(delete)
        assert doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["lke"] == "I.1.a"
        for e in reversed(edits):
            doc.revert(e)
        assert "lke" not in doc.to_dict()
        assert "lke" not in doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]


def test_the_plan_dict_round_trips_ties_and_answers(tmp_path):
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][1]["lke"] = "I.1.a"
    plan["lke"] = {"jawaban": {"IPAK": {"jawaban": 3.8, "target": "", "narasi": "survei 2025",
                                        "bukti": ["laporan-ipak.pdf"], "link": ""},
                               "I.R1.a": {"jawaban": "3/4", "target": "1", "narasi": "", "bukti": [], "link": ""}},
                   "pengaturan": {"rumus_disiplin": "sanksi"}}
    with Dokumen.create_from_plan(tmp_path / "a.zidb", plan) as doc:
        again = doc.to_dict()
    assert again["lke"] == {"jawaban": {"I.R1.a": plan["lke"]["jawaban"]["I.R1.a"] | {"target": 1.0},
                                        "IPAK": plan["lke"]["jawaban"]["IPAK"]},
                            "pengaturan": {"rumus_disiplin": "sanksi"}}
    assert again["area"][0]["komponen"][0]["indikator"][0]["aksi"][1]["lke"] == "I.1.a"
    assert "lke" not in again["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    bad = small_plan()
    bad["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["lke"] = "IX.1.a"
    from zi_desktop.errors import ZiError
    with pytest.raises(ZiError):
        Dokumen.create_from_plan(tmp_path / "b.zidb", bad)
    assert not (tmp_path / "b.zidb").exists()


def _format1_file(path: Path) -> None:
    """A plan file as version 0.1 wrote it: only the first schema step."""
    name, sql = steps()[0]
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE _migrasi (nama TEXT PRIMARY KEY, waktu TEXT NOT NULL)")
    for statement in _statements(sql):
        conn.execute(statement)
    conn.execute("INSERT INTO _migrasi VALUES (?, '2025-01-02T08:00:00')", (name,))
    conn.execute("INSERT INTO rencana (id, satker, tahun, bulan_mulai) VALUES (1, 'KPU Kabupaten Lama', 2025, '2025-01')")
    conn.execute("INSERT INTO area (id, urutan, nama) VALUES (1, 0, 'MANAJEMEN PERUBAHAN')")
    conn.execute("INSERT INTO komponen (id, induk, urutan, nama) VALUES (1, 1, 0, 'Penyusunan Tim Kerja')")
    conn.execute("INSERT INTO indikator (id, induk, urutan, teks) VALUES (1, 1, 0, 'Unit kerja telah membentuk tim')")
    conn.execute("INSERT INTO aksi (id, induk, urutan, langkah) VALUES (1, 1, 0, 'Membentuk tim')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_a_format1_file_is_backed_up_and_migrated_then_answers(tmp_path):
    path = tmp_path / "lama.zidb"
    _format1_file(path)
    old = path.read_bytes()
    proc = zi("lke", path, "--json", "--jawab", "I.1.a=Ya")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] == 0.25
    (backup,) = tmp_path.glob("lama.cadangan-format1*.zidb")
    assert backup.read_bytes() == old
    with Dokumen.open(path) as doc:
        assert doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["langkah"] == "Membentuk tim"


def test_the_province_summary_shows_each_units_predicted_total_and_predicate(tmp_path):
    plan = small_plan()
    for area in plan["area"]:
        for k in area["komponen"]:
            for i in k["indikator"]:
                for a in i["aksi"]:
                    a["lke"] = "I.1.a"
    plan["lke"] = {"jawaban": {"IPAK": {"jawaban": 3.6}}}
    Dokumen.create_from_plan(tmp_path / "a.zidb", plan).close()
    Dokumen.create_from_plan(tmp_path / "b.zidb", small_plan()).close()
    out = tmp_path / "rekap.xlsx"
    proc = zi("summary", tmp_path, "-o", out, "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["nama_berkas"]: r for r in json.loads(proc.stdout)["rekap"]}
    assert rows["a.zidb"]["lke_prediksi"] == 16.0 and rows["a.zidb"]["lke_predikat"] == "Belum WBK"
    assert rows["b.zidb"]["lke_prediksi"] == 0.0
    from openpyxl import load_workbook
    ws = load_workbook(out)["Rekap"]
    head = [c.value for c in ws[1]]
    values = {ws.cell(r, 2).value: ws.cell(r, head.index("PREDIKSI LKE") + 1).value for r in (2, 3)}
    assert values == {"a.zidb": 16.0, "b.zidb": 0.0}
    assert zi("summary", tmp_path, "-o", tmp_path / "rekap.pdf").returncode == 0


def test_a_crafted_answer_reads_as_unanswered(plan_file):
    import sqlite3 as sq
    conn = sq.connect(plan_file)
    conn.execute("INSERT INTO lke_jawaban (kode, jawaban) VALUES ('I.R1.a', 'bukan angka'), "
                 "('V.2.b', 'Z'), ('XX.9', 'A')")
    conn.execute("UPDATE aksi SET lke = 'tidak-ada'")
    conn.commit()
    conn.close()
    proc = zi("lke", plan_file, "--json")
    assert proc.returncode == 0, proc.stderr
    q = {p["kode"]: p["jawaban"] for p in json.loads(proc.stdout)["pertanyaan"]}
    assert q["I.R1.a"] == "" and q["V.2.b"] == ""
