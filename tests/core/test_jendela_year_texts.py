"""Texts that still name last year after Tahun Berikutnya (issue 14): the check rule and the
one-step replacement."""

from __future__ import annotations

from plans import window_plan

from zi_desktop.checks import check_plan
from zi_desktop.document import Dokumen
from zi_desktop.next_year import next_year_plan
from zi_desktop.year_texts import old_year_texts, replace_edit, replace_year


def _plan_2026():
    old = window_plan(2025)
    old["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_fisik"] = "SK Tim Kerja ZI tahun 2025"
    old["area"][0]["komponen"][0]["nama"] = "Penyusunan Tim Kerja 2025/2026"
    return next_year_plan(old, 2026)


def test_replace_year_touches_whole_numbers_only():
    assert replace_year("SK 2025, nomor 120251, 2025-2026", 2025, 2026) == "SK 2026, nomor 120251, 2026-2026"


def test_check_lists_texts_naming_last_year(tmp_path):
    path = tmp_path / "p.zidb"
    Dokumen.create_from_plan(path, _plan_2026()).close()
    with Dokumen.open(path) as doc:
        found = [f for f in check_plan(doc.to_dict(ids=True)) if f.kode == "tahun_lalu"]
    assert [(f.tingkat, f.level, f.jalur) for f in found] == [
        ("peringatan", "komponen", "I.1"), ("peringatan", "aksi", "I.1.1.1")]
    assert "bukti fisik masih menyebut tahun 2025" in found[1].pesan


def test_a_plan_without_last_year_in_its_texts_has_no_such_finding(tmp_path):
    path = tmp_path / "p.zidb"
    Dokumen.create_from_plan(path, window_plan(2025)).close()
    with Dokumen.open(path) as doc:
        assert not [f for f in check_plan(doc.to_dict(ids=True)) if f.kode == "tahun_lalu"]


def test_replacement_is_one_undoable_edit(tmp_path):
    path = tmp_path / "p.zidb"
    Dokumen.create_from_plan(path, _plan_2026()).close()
    with Dokumen.open(path) as doc:
        before = doc.to_dict()
        edit = replace_edit(old_year_texts(doc.to_dict(ids=True)))
        doc.apply(edit)
        after = doc.to_dict()
        assert after["area"][0]["komponen"][0]["nama"] == "Penyusunan Tim Kerja 2026/2026"
        assert not old_year_texts(doc.to_dict(ids=True))
        doc.revert(edit)
        assert doc.to_dict() == before
