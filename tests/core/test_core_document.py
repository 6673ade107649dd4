"""The .zidb document: create, edit through commands, undo, read back."""

from __future__ import annotations

import sqlite3

import pytest

from zi_desktop.document import Dokumen
from zi_desktop.edits import (AddItem, Batch, DeleteItem, MoveItem, SetField, SetIdentitas,
                              SetMonths, SetTargetWaktuManual, SetTargetWaktu)
from zi_desktop.errors import ZiError
from zi_desktop.migrations import APPLICATION_ID

from plans import small_plan


def strip_kode(plan):
    for area in plan["area"]:
        area.pop("kode", None)
    return plan


@pytest.fixture
def doc(tmp_path):
    d = Dokumen.create_from_plan(tmp_path / "rencana.zidb", small_plan())
    yield d
    d.close()


def test_plan_round_trips_through_the_file(doc):
    assert strip_kode(doc.to_dict()) == strip_kode(small_plan())
    assert [a["kode"] for a in doc.to_dict()["area"]] == ["I", "II"]


def test_outline_holds_every_item_in_order_as_the_plan_dict_does(doc):
    """The window's tree is built from ``outline``: the same items, order, fields and sorted
    months as the plan dict, without the nesting (and a month added later still sorts)."""
    aksi_id = doc.to_dict(ids=True)["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["id"]
    doc.apply(SetMonths(aksi_id, ["2025-11", "2025-02", "2026-01"]))
    plan, outline = doc.to_dict(ids=True, pemantauan=False), doc.outline()

    def nested(level, parent_id):
        child = {"area": "komponen", "komponen": "indikator", "indikator": "aksi"}.get(level)
        out = []
        for item_id, fields in outline[level].get(parent_id, []):
            item = {"id": item_id, **fields}
            if child:
                item[child] = nested(child, item_id)
            out.append(item)
        return out
    assert nested("area", None) == [{k: v for k, v in a.items() if k != "kode"} for a in plan["area"]]
    first = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    assert first["bulan"] == ["2025-02", "2025-11", "2026-01"] == doc.months(aksi_id)


def test_file_is_marked_ours_and_uses_a_rollback_journal(doc):
    raw = doc.path.read_bytes()[:100]
    assert int.from_bytes(raw[68:72], "big") == APPLICATION_ID
    assert doc.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not doc.path.with_name(doc.path.name + "-wal").exists()


def test_an_edit_is_on_disk_when_apply_returns(doc):
    area_id = doc.children("area", None)[0]["id"]
    doc.apply(SetField("area", area_id, "nama", "MANAJEMEN PERUBAHAN ≥ “baru”"))
    other = sqlite3.connect(doc.path)
    assert other.execute("SELECT nama FROM area WHERE id = ?", (area_id,)).fetchone()[0] == \
        "MANAJEMEN PERUBAHAN ≥ “baru”"
    other.close()


def test_delete_subtree_and_undo_restores_ids_and_order(doc):
    before = doc.to_dict(ids=True)
    area_id = doc.children("area", None)[0]["id"]
    edit = DeleteItem("area", area_id)
    doc.apply(edit)
    after = doc.to_dict(ids=True)
    assert [a["nama"] for a in after["area"]] == ["PENATAAN TATA LAKSANA"]
    assert doc.conn.execute("SELECT count(*) FROM jadwal").fetchone()[0] == 4  # only area II's
    doc.revert(edit)
    assert doc.to_dict(ids=True) == before


def test_add_inserts_at_position_and_redo_reuses_the_id(doc):
    komponen = doc.children("komponen", doc.children("area", None)[0]["id"])
    edit = AddItem("komponen", komponen[0]["induk"], 1, {"nama": "Baru"})
    doc.apply(edit)
    names = [k["nama"] for k in doc.children("komponen", komponen[0]["induk"])]
    assert names == ["Penyusunan Tim Kerja", "Baru", "Rencana Pembangunan Zona Integritas"]
    first_id = edit.id
    doc.revert(edit)
    doc.apply(edit)
    assert edit.id == first_id


def test_move_between_parents_and_back(doc):
    indikator = doc.to_dict(ids=True)["area"][0]["komponen"][0]["indikator"]
    aksi_id = indikator[0]["aksi"][1]["id"]
    edit = MoveItem("aksi", aksi_id, indikator[1]["id"], 0)
    before = doc.to_dict(ids=True)
    doc.apply(edit)
    moved = doc.to_dict()["area"][0]["komponen"][0]["indikator"]
    assert [a["langkah"] for a in moved[0]["aksi"]] == ["Membentuk tim kerja"]
    assert [a["langkah"] for a in moved[1]["aksi"]] == ["Menyusun SK tim", "Seleksi anggota tim"]
    doc.revert(edit)
    assert doc.to_dict(ids=True) == before


def test_months_rewrite_the_text_unless_manual(doc):
    aksi_id = doc.to_dict(ids=True)["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["id"]
    doc.apply(SetMonths(aksi_id, ["2025-03", "2025-04", "2025-05"]))
    assert doc.item("aksi", aksi_id)["target_waktu"] == "Maret - Mei 2025"
    doc.apply(SetTargetWaktu(aksi_id, "Paling lambat Juni 2025"))
    item = doc.item("aksi", aksi_id)
    assert item["bulan"] == ["2025-06"] and item["target_waktu"] == "Paling lambat Juni 2025"
    assert item["target_waktu_manual"] == 1
    doc.apply(SetMonths(aksi_id, ["2025-07"]))
    assert doc.item("aksi", aksi_id)["target_waktu"] == "Paling lambat Juni 2025"
    doc.apply(SetTargetWaktuManual(aksi_id, False))
    assert doc.item("aksi", aksi_id)["target_waktu"] == "Juli 2025"


def test_unreadable_text_keeps_the_months(doc):
    aksi_id = doc.to_dict(ids=True)["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["id"]
    doc.apply(SetTargetWaktu(aksi_id, "Berkala"))
    item = doc.item("aksi", aksi_id)
    assert item["target_waktu"] == "Berkala" and item["bulan"] == ["2025-01"]


def test_identity_edit_is_one_step(doc):
    edit = SetIdentitas({"nomor": "99", "tempat": "Kudus", "cetak.kertas": "A4"})
    doc.apply(edit)
    r = doc.identitas()
    assert (r["nomor"], r["tempat"], r["cetak"]["kertas"]) == ("99", "Kudus", "A4")
    doc.revert(edit)
    assert doc.identitas()["nomor"] == "14"


def test_invalid_identity_value_is_refused_and_nothing_changes(doc):
    with pytest.raises(ZiError):
        doc.apply(SetIdentitas({"nomor": "1", "cetak.kertas": "Letter"}))
    assert doc.identitas()["nomor"] == "14"


def test_batch_is_atomic(doc):
    area_id = doc.children("area", None)[0]["id"]
    bad = Batch([SetField("area", area_id, "nama", "X"), DeleteItem("komponen", 999999)])
    with pytest.raises(ZiError):
        doc.apply(bad)
    assert doc.children("area", None)[0]["nama"] == "MANAJEMEN PERUBAHAN"


def test_too_long_text_is_refused(doc):
    area_id = doc.children("area", None)[0]["id"]
    with pytest.raises(ZiError, match="terlalu panjang"):
        SetField("area", area_id, "nama", "x" * 100_001)


def test_apply_says_what_changed(doc):
    area_id = doc.children("area", None)[0]["id"]
    heard = doc.apply(SetField("area", area_id, "penanggung_jawab", "Tim Baru"))
    assert heard[0].kind == "update" and heard[0].id == area_id
    assert heard[0].fields == ("penanggung_jawab",)


def test_create_refuses_to_overwrite(tmp_path):
    target = tmp_path / "ada.zidb"
    target.write_bytes(b"penting")
    with pytest.raises(ZiError, match="sudah ada"):
        Dokumen.create(target, tahun=2025)
    assert target.read_bytes() == b"penting"


def test_second_window_opens_read_only_and_first_keeps_saving(doc):
    second = Dokumen.open(doc.path)
    try:
        assert second.readonly and "jendela ZI Desktop lain" in second.readonly_reason
        with pytest.raises(ZiError):
            second.apply(SetIdentitas({"nomor": "1"}))
        second.to_dict()  # a reader between writes
        doc.apply(SetIdentitas({"nomor": "15"}))  # never blocked by the reader
        assert second.identitas()["nomor"] == "15"
    finally:
        second.close()


def test_lock_is_released_on_close(tmp_path):
    d = Dokumen.create_from_plan(tmp_path / "a.zidb", small_plan())
    d.close()
    again = Dokumen.open(tmp_path / "a.zidb")
    assert not again.readonly
    again.close()
    assert not (tmp_path / "~$a.zidb").exists()


def test_read_only_media_opens_read_only(tmp_path, monkeypatch):
    d = Dokumen.create_from_plan(tmp_path / "ro.zidb", small_plan())
    d.close()
    # Tests run as root in CI, where permission bits do not stop writing: ask the
    # document's own probe to answer as a CD or locked folder would.
    monkeypatch.setattr("zi_desktop.document._writable", lambda path: False)
    ro = Dokumen.open(tmp_path / "ro.zidb")
    try:
        assert ro.readonly and "hanya bisa dibaca" in ro.readonly_reason
        assert ro.to_dict()["area"]
        with pytest.raises(ZiError):
            ro.apply(SetIdentitas({"nomor": "1"}))
    finally:
        ro.close()
