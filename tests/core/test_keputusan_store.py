"""The decree body (issue 16) in the file: round trip, edits with undo, labels, format-1 files."""

from __future__ import annotations

import sqlite3

import pytest

from zi_desktop import migrations
from zi_desktop.document import Dokumen
from zi_desktop.errors import ZiError
from zi_desktop.keputusan import store
from zi_desktop.keputusan.edits import (AddBodyItem, DeleteBodyItem, MoveBodyItem, ReplaceBody,
                                        SetBodyItem)
from zi_desktop.keputusan.labels import bab, diktum, huruf, label

from plans import format1_file, keputusan, small_plan


@pytest.fixture
def doc(tmp_path):
    d = Dokumen.create_from_plan(tmp_path / "sk.zidb", small_plan())
    yield d
    d.close()


def body(doc):
    return doc.to_dict()["keputusan"]


def ids(doc, bagian):
    return [i for i, *_ in (store.chapters(doc.conn) if bagian == "bab"
                            else store.items(doc.conn, bagian))]


def test_body_round_trips_through_the_file(doc):
    assert body(doc) == {**keputusan(), "menetapkan": ""}


def test_labels_come_from_position():
    assert [huruf(n) for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert [diktum(n) for n in (1, 2, 3, 4, 10, 11, 12, 20, 21)] == [
        "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KESEPULUH", "KESEBELAS", "KEDUA BELAS",
        "KEDUA PULUH", "KEDUA PULUH SATU"]
    assert [label("menimbang", 3), label("mengingat", 3), bab(4)] == ["c.", "3.", "BAB IV"]


def test_add_move_set_delete_each_undo_to_the_same_body(doc):
    start = body(doc)
    steps = [AddBodyItem("menimbang", 1, "bahwa sisipan;"),
             AddBodyItem("bab", None, {"judul": "DASAR HUKUM", "isi": "a. UU 7/2017;"}),
             MoveBodyItem("mengingat", ids(doc, "mengingat")[1], 0),
             SetBodyItem("diktum", ids(doc, "diktum")[1], "Keputusan ini berlaku sejak ditetapkan."),
             SetBodyItem("bab", ids(doc, "bab")[0], {"judul": "PENDAHULUAN BARU"}),
             DeleteBodyItem("menimbang", ids(doc, "menimbang")[0])]
    for edit in steps:
        doc.apply(edit)
    after = body(doc)
    assert after["menimbang"] == ["bahwa sisipan;", start["menimbang"][1]]
    assert after["mengingat"] == start["mengingat"][::-1]
    assert after["diktum"][1] == "Keputusan ini berlaku sejak ditetapkan."
    assert [c["judul"] for c in after["bab"]] == ["PENDAHULUAN BARU", "DASAR HUKUM"]
    assert after["bab"][0]["isi"] == start["bab"][0]["isi"]
    for edit in reversed(steps):
        doc.revert(edit)
    assert body(doc) == start
    for edit in steps:                       # redo reuses the ids: later edits stay valid
        doc.apply(edit)
    assert body(doc) == after


def test_replace_a_whole_list_is_one_undo_step(doc):
    start = body(doc)
    edit = ReplaceBody({"mengingat": ["satu;", "dua;", "tiga;"], "bab": []})
    changes = doc.apply(edit)
    assert {c.kind for c in changes} == {"keputusan"}
    assert body(doc)["mengingat"] == ["satu;", "dua;", "tiga;"] and body(doc)["bab"] == []
    doc.revert(edit)
    assert body(doc) == start


def test_an_edit_is_on_disk_at_once(doc):
    doc.apply(AddBodyItem("memperhatikan", None, "Berita Acara Rapat Pleno;"))
    other = sqlite3.connect(doc.path)
    assert other.execute("SELECT teks FROM keputusan_butir WHERE bagian = 'memperhatikan'"
                         ).fetchall() == [("Berita Acara Rapat Pleno;",)]
    other.close()


def test_bad_body_in_a_plan_is_one_sentence(tmp_path):
    plan = small_plan()
    plan["keputusan"] = {"menimbang": "bukan daftar"}
    with pytest.raises(ZiError, match="menimbang"):
        Dokumen.create_from_plan(tmp_path / "x.zidb", plan)
    assert not (tmp_path / "x.zidb").exists()


def test_missing_body_is_empty(tmp_path):
    plan = small_plan()
    del plan["keputusan"]
    with Dokumen.create_from_plan(tmp_path / "x.zidb", plan) as d:
        assert body(d) == {"menimbang": [], "mengingat": [], "memperhatikan": [], "diktum": [],
                           "bab": [], "menetapkan": ""}




def test_format1_file_migrates_with_an_empty_body(tmp_path, monkeypatch):
    path = tmp_path / "lama.zidb"
    format1_file(path, monkeypatch)
    with Dokumen.open(path) as d:
        assert d.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.current_version()
        assert body(d) == {"menimbang": [], "mengingat": [], "memperhatikan": [], "diktum": [],
                           "bab": [], "menetapkan": ""}
        assert d.to_dict()["area"][0]["nama"] == "MANAJEMEN PERUBAHAN"
        d.apply(AddBodyItem("menimbang", None, "bahwa baru;"))
        assert body(d)["menimbang"] == ["bahwa baru;"]
    assert list(tmp_path.glob("lama.cadangan-format1*.zidb"))


def test_text_in_the_body_tables_is_validated(tmp_path):
    path = tmp_path / "ubah.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE bab SET isi = x'00ff' WHERE urutan = 0")
    conn.close()
    with pytest.raises(ZiError, match="bab"):
        Dokumen.open(path)
