"""Import of the generated decree corpus (tests/decree_corpus.py): every layout, damage,
signature mark and Salinan variant gives the plan that was generated."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import decree_corpus as dc  # noqa: E402

from zi_desktop.importer import import_text  # noqa: E402

CORPUS = dc.corpus()


@pytest.mark.parametrize("decree", CORPUS, ids=[d.name + "-" + "+".join(sorted(d.damage)) for d in CORPUS])
def test_corpus_text_imports_as_generated(decree):
    result = import_text(dc.render_text(decree))
    assert dc.differences(result.plan, dc.expected_plan(decree)) == []


@pytest.mark.parametrize("decree", CORPUS, ids=[d.name + "-" + "+".join(sorted(d.damage)) for d in CORPUS])
def test_corpus_report_says_every_repair_with_its_place(decree):
    result = import_text(dc.render_text(decree))
    for words in dc.expected_reports(decree):
        found = [c for c in result.catatan if words in c.pesan]
        assert found, f"{words!r} not in {[c.pesan for c in result.catatan]}"
        table_note = not any(w in words for w in ("penanda tangan", "Salinan"))
        assert all(c.jalur for c in found) or not table_note, found
    assert all(c.jenis in ("perbaikan", "keraguan") for c in result.catatan)


def test_missing_area_gets_its_standard_name_and_one_report_line():
    decree = dc.make_decree(4, "tsv", damage=("missing_area",))
    result = import_text(dc.render_text(decree))
    assert [a["kode"] + " " + a["nama"] for a in result.plan["area"]][3:6] == [
        "IV PENGUATAN AKUNTABILITAS", "V PENGUATAN PENGAWASAN", "VI PENINGKATAN KUALITAS PELAYANAN PUBLIK"]
    gap = [w for w in result.warnings if "tidak ada di sumber" in w]
    assert len(gap) == 1 and gap[0].startswith("Area V PENGUATAN PENGAWASAN tidak ada di sumber — halaman hilang?")
    # the orphan rows of a lost heading page go to their own area, never to the area above
    decree = dc.make_decree(5, "markdown", damage=("missing_heading",))
    result = import_text(dc.render_text(decree))
    area_iv = result.plan["area"][3]
    assert [k["nama"] for k in area_iv["komponen"]] == ["Keterlibatan Pimpinan",
                                                        "Pengelolaan Akuntabilitas Kinerja"]
    assert result.plan["area"][4]["nama"] == "PENGUATAN PENGAWASAN"


def test_item_at_finds_the_item_of_a_note_in_the_saved_plan(tmp_path):
    from zi_desktop.document import Dokumen
    from zi_desktop.importer.report import item_at
    decree = dc.make_decree(2, "html", damage=("twice",))
    result = import_text(dc.render_text(decree))
    doc = Dokumen.create_from_plan(tmp_path / "r.zidb", result.plan)
    try:
        plan = doc.to_dict(ids=True)
        placed = [c for c in result.catatan if c.jalur]
        assert placed
        for c in placed:
            level, item_id = item_at(plan, c.jalur)
            assert level == c.level and isinstance(item_id, int)
        assert item_at(plan, "IX.1") is None and item_at(plan, "") is None
        assert item_at(plan, "I.99.1.1") is None
    finally:
        doc.close()
