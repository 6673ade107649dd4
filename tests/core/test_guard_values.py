"""One declaration of what each column may hold (zi_desktop/columns.py) serves the guard and
the edits; Excel formula quoting; a bad file among good ones in the summary; bounds."""

from __future__ import annotations

import sqlite3

import pytest

import hostile_files
from zi_desktop import bounds, columns
from zi_desktop.document import Dokumen
from zi_desktop.edits import AddItem, SetField, SetIdentitas, SetMonths, check_text
from zi_desktop.errors import ZiError
from zi_desktop.exchange.export_xlsx import FORMULA_LEAD, export_xlsx
from zi_desktop.exchange.summary import summarize
from zi_desktop.migrations import expected_rules

from plans import small_plan


def test_rules_come_from_the_schema_with_overrides():
    rules = expected_rules()
    assert rules["aksi"]["id"] == columns.ID and rules["aksi"]["induk"] == columns.ID
    assert rules["aksi"]["urutan"] == columns.URUTAN
    assert rules["aksi"]["langkah"] == columns.TEKS
    assert rules["rencana"]["tahun"].lo == bounds.TAHUN_MIN
    assert rules["jadwal"]["bulan"].format == "bulan"
    # a table a later migration adds is covered without a word in columns.py
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE bukti (id INTEGER PRIMARY KEY, aksi INTEGER NOT NULL REFERENCES aksi (id), "
                 "urutan INTEGER NOT NULL, nama TEXT NOT NULL DEFAULT '', isi BLOB, catatan TEXT)")
    got = columns.table_rules(conn, "bukti")
    assert got["aksi"] == columns.ID and got["nama"] == columns.TEKS and got["isi"].kind == "blob"
    assert got["catatan"].nullable and got["isi"].nullable


@pytest.mark.parametrize("value, why", [
    ("a\x00b", "NUL"), ("a\ud800b", "UTF-8"), ("x" * (bounds.MAX_TEKS + 1), "terlalu panjang"), (5, "teks"),
])
def test_edits_refuse_what_the_guard_would_refuse(value, why):
    with pytest.raises(ZiError, match=why):
        check_text(value)
    with pytest.raises(ZiError):
        SetField("aksi", 1, "langkah", value)
    with pytest.raises(ZiError):
        AddItem("area", None, values={"nama": value})


@pytest.mark.parametrize("values", [{"tahun": 1800}, {"jumlah_bulan": 37}, {"jumlah_bulan": 0},
                                    {"bulan_mulai": "2025-13"}, {"cetak.kertas": "Letter"},
                                    {"satker": "a\x00"}])
def test_identity_edits_use_the_same_rules(values, tmp_path):
    with Dokumen.create_from_plan(tmp_path / "r.zidb", small_plan()) as doc:
        with pytest.raises(ZiError, match="tidak sah|Teks"):
            doc.apply(SetIdentitas(values))


@pytest.mark.parametrize("month", ["2025-00", "2025-13", "abc", "2025-1", "0999-01", "２０２５-01"])
def test_months_are_real(month):
    with pytest.raises(ValueError):
        SetMonths(1, [month])
    assert not columns.valid_month(month)


def test_what_the_edits_write_the_guard_accepts(tmp_path):
    path = tmp_path / "r.zidb"
    doc = Dokumen.create_from_plan(path, small_plan())
    try:
        doc.apply(SetField("aksi", 1, "langkah", "é✓≥ “kutip” " + "x" * 300))
        doc.apply(SetIdentitas({"jumlah_bulan": 36, "bulan_mulai": "2024-07", "cetak.kertas": "A4"}))
        doc.apply(SetMonths(1, ["2024-07", "2027-06"]))
    finally:
        doc.close()
    Dokumen.open(path, readonly=True).close()


def test_every_cell_excel_could_take_as_a_formula_is_quoted_and_reads_back_intact(tmp_path):
    from openpyxl import load_workbook
    from zi_desktop.importer import import_file
    texts = ["=SUM(A1)", "+62 812", "-1", "@ketua", "\tTab", "=1+1\n2", "biasa", "#N/A"]
    plan = small_plan()
    aksi = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    base = dict(aksi[0])
    aksi[:] = [dict(base, langkah=t, bukti_fisik=t) for t in texts]
    out = export_xlsx(plan, tmp_path / "ekspor.xlsx")
    ws = load_workbook(out)["Lampiran"]
    head = [c.value for c in ws[1]]
    col = head.index("LANGKAH AKSI") + 1
    for row, text in enumerate(texts, 2):
        cell = ws.cell(row=row, column=col)
        assert cell.value == text and cell.data_type == "s"
        assert cell.quotePrefix == (text[:1] in FORMULA_LEAD or text == "#N/A"), text
    back = import_file(out).plan
    got = [x["langkah"] for x in back["area"][0]["komponen"][0]["indikator"][0]["aksi"]]
    assert got == [t.strip() for t in texts]  # the importer trims cell edges, nothing else


def test_one_bad_file_is_listed_and_the_others_are_summarised(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    for n in range(3):
        Dokumen.create_from_plan(folder / f"baik-{n}.zidb", small_plan()).close()
    base = hostile_files.base_plan(tmp_path)
    picked = [c for c in hostile_files.cases() if c.name in (
        "pemicu sqlite_zz", "identitas kedua", "jumlah bulan 50 juta", "aksi.langkah: UTF-8 rusak",
        "terpotong setengah", "id aksi 2^31")]
    for case in picked:
        hostile_files.build(case, base, folder / f"{hostile_files.slug(case.name)}.zidb")
    summary = summarize([folder])
    assert len(summary.rows) == 3
    assert len(summary.rejected) == len(picked)
    reasons = " ".join(d.alasan for d in summary.rejected)
    assert "telah diubah di luar ZI Desktop" in reasons and "rusak" in reasons
    assert "tidak terduga" not in reasons


def test_cutting_long_words():
    """Correct pieces; its speed (linear) is measured in bench/bench_guard.py."""
    assert bounds.cut_long_words("pendek saja") == "pendek saja"
    word = "x" * (bounds.MAX_KATA * 3 + 5)
    pieces = bounds.cut_long_words("a " + word + " b").split(" ")
    assert pieces[0] == "a" and pieces[-1] == "b"
    assert "".join(pieces[1:-1]) == word and max(map(len, pieces)) == bounds.MAX_KATA


def test_a_big_plan_is_validated_on_a_private_copy_on_disk(tmp_path, monkeypatch):
    import os
    path = tmp_path / "besar.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    monkeypatch.setattr(bounds, "SALIN_DI_MEMORI", 0)
    before = set(os.listdir(tmp_path))
    with Dokumen.open(path, readonly=True) as doc:
        assert doc.to_dict()["rencana"]["satker"] == small_plan()["rencana"]["satker"]
        assert doc.conn.execute("PRAGMA database_list").fetchone()[2] != str(path)
    from zi_desktop.exchange.pack import pack
    sent = pack(path, tmp_path / "kirim.zidb")
    with Dokumen.open(sent, readonly=True) as doc:
        assert doc.to_dict() == Dokumen.open(path, readonly=True).to_dict()
    before.add("kirim.zidb")
    hostile = tmp_path / "diubah.zidb"
    case = next(c for c in hostile_files.cases() if c.name == "pemicu sqlite_zz")
    hostile_files.build(case, path, hostile)
    with pytest.raises(ZiError, match="sqlite_zz"):
        Dokumen.open(hostile, readonly=True)
    assert set(os.listdir(tmp_path)) == before | {"diubah.zidb"}


def test_edits_never_make_a_file_the_guard_would_refuse(tmp_path, monkeypatch):
    from zi_desktop import edits
    from zi_desktop.edits import SetTargetWaktu
    path = tmp_path / "r.zidb"
    doc = Dokumen.create_from_plan(path, small_plan())
    try:
        with pytest.raises(ZiError, match="antara tahun 2024 dan 2028"):
            doc.apply(SetMonths(1, ["2040-01"]))
        with pytest.raises(ZiError, match="antara tahun"):
            doc.apply(AddItem("aksi", 1, None, {"langkah": "x"}, ["1990-01"]))
        with pytest.raises(ZiError, match="periode"):
            doc.apply(SetIdentitas({"tahun": 2040}))                 # months of 2025 would be far away
        before = doc.item("aksi", 1)["bulan"]
        doc.apply(SetTargetWaktu(1, "Januari 2035"))               # kept as text; months unchanged
        assert doc.item("aksi", 1)["bulan"] == before
        monkeypatch.setitem(edits.MAX_BARIS, "area", len(doc.children("area", None)))
        with pytest.raises(ZiError, match="batas yang dapat diolah"):
            doc.apply(AddItem("area", None, values={"nama": "satu lagi"}))
    finally:
        doc.close()
    Dokumen.open(path, readonly=True).close()                      # still passes the guard


def test_a_plan_beyond_the_bounds_is_said_when_written_not_when_reopened(tmp_path):
    plan = small_plan()
    plan["area"] = [dict(plan["area"][0], nama=f"Area {n}") for n in range(bounds.MAX_BARIS["area"] + 1)]
    with pytest.raises(ZiError, match="melampaui batas .*lebih dari 100 baris"):
        Dokumen.create_from_plan(tmp_path / "besar.zidb", plan)
    assert list(tmp_path.iterdir()) == []
