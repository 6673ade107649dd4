"""Nothing lost by a slip, and words a staffer knows (issue 14), through the real window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QToolButton

from zi_desktop.document import Dokumen
from zi_desktop.next_year import next_year_plan

from qt_input import press, type_text


def _area(window, n=0):
    return window.view.model.nodes_of_level("area")[n]


def test_del_on_an_area_names_what_goes_and_batal_keeps_it(opened, dialogs):
    view = opened.view
    view.select("area", _area(opened).id)
    view.tree.setFocus()
    press(view.tree, Qt.Key_Delete)                  # answered Esc: the safe button
    assert dialogs.messages[-1][0] == "choose"
    assert dialogs.texts()[-1] == ("Hapus area I “MANAJEMEN PERUBAHAN” beserta 2 komponen, "
                                   "2 indikator, 3 langkah aksi?")
    assert len(view.model.nodes_of_level("area")) == 2
    assert opened.editor.stack.count() == 0


def test_del_confirmed_deletes_and_ctrl_z_brings_it_all_back(opened, dialogs):
    view = opened.view
    before = opened.doc.to_dict()
    view.select("area", _area(opened).id)
    view.tree.setFocus()
    dialogs.questions.append("Hapus")
    press(view.tree, Qt.Key_Delete)
    assert len(view.model.nodes_of_level("area")) == 1
    assert len(view.model.nodes_of_level("aksi")) == 0
    press(view.tree, Qt.Key_Z, Qt.ControlModifier)
    assert opened.doc.to_dict() == before
    assert len(view.model.nodes_of_level("aksi")) == 3


def test_del_on_a_langkah_aksi_or_an_empty_komponen_does_not_ask(opened, dialogs):
    view = opened.view
    empty = view.model.nodes_of_level("komponen")[1]       # "Rencana Pembangunan …": no indikator
    view.select("komponen", empty.id)
    view.tree.setFocus()
    press(view.tree, Qt.Key_Delete)
    assert dialogs.messages == []
    assert len(view.model.nodes_of_level("komponen")) == 2


def test_kirim_with_galat_lists_them_and_perbaiki_dulu_shows_periksa(opened, dialogs, tmp_path):
    dialogs.questions.append("Perbaiki dulu")
    opened.actions.kirim.trigger()
    box = dialogs.boxes[-1]
    assert "galat" in box.text()
    assert "Langkah aksi I.1.1.2" in box.informativeText()       # the findings are listed
    assert dialogs.file_dialogs == []                           # nothing asked, nothing written
    assert opened.view.tabs.currentWidget() is opened.view.check


def test_kirim_tetap_sends_and_does_not_claim_the_plan_was_checked(opened, dialogs, tmp_path):
    import pytest
    pytest.importorskip("zi_desktop.exchange.pack")
    dialogs.questions.append("Kirim tetap")
    dialogs.save_paths.append(str(tmp_path / "kirim.zidb"))
    opened.actions.kirim.trigger()
    assert (tmp_path / "kirim.zidb").exists()
    done = dialogs.texts("information")[-1]
    assert "telah diperiksa" not in done and "galat" in done


def test_demo_copy_is_never_remembered_nor_a_place_to_save(window, dialogs):
    from ui import settings
    from zi_desktop.demo import is_demo_copy
    assert window.files.open_demo()
    path = str(window.doc.path)
    assert is_demo_copy(path)
    assert settings.recent_files() == []
    window.actions.baru.trigger()                   # the new-plan dialog (rejected by the stub)
    assert not is_demo_copy(window.files.folder())
    assert window.files.folder().endswith(os.path.join("", "Rencana Aksi ZI"))
    window.close_document()
    assert not os.path.exists(path) and not os.path.exists(os.path.dirname(path))


def test_new_plan_is_proposed_in_documents_rencana_aksi_zi(window, monkeypatch, tmp_path):
    from ui.new_plan_dialog import NewPlanDialog
    made = []

    def fill(dialog):
        if isinstance(dialog, NewPlanDialog):
            made.append(dialog.path.text())
            dialog.satker.setText("KPU Kabupaten Baru")
            dialog.accept()
            return QDialog.Accepted if dialog.result() == QDialog.Accepted else QDialog.Rejected
        return QDialog.Rejected

    monkeypatch.setattr(QDialog, "exec", fill)
    assert window.files.new_plan()
    folder = Path(made[0]).parent
    assert folder.name == "Rencana Aksi ZI"
    assert Path(window.doc.path).parent == folder and folder.is_dir()


def test_unknown_target_waktu_says_so_at_once_and_months_stay(opened, qtbot):
    view = opened.view
    aksi = view.model.nodes_of_level("aksi")[0]
    view.select("aksi", aksi.id)
    form = view.form
    field = form.target_waktu
    field.setFocus()
    field.selectAll()
    type_text(field, "Setelah rapat pleno")
    assert form.unknown_text.isVisible()                        # said while typing
    assert "tidak menyebut bulan" in form.unknown_text.text()
    press(field, Qt.Key_Return)
    assert opened.doc.months(aksi.id) == ["2025-01"]            # the ticks stay
    assert opened.doc.item("aksi", aksi.id)["target_waktu"] == "Setelah rapat pleno"
    field.selectAll()
    type_text(field, "Maret 2025")
    assert not form.unknown_text.isVisible()


def test_texts_naming_last_year_are_listed_and_replaced_in_one_undo(qtbot, window, tmp_path, monkeypatch):
    from plans import window_plan
    from ui.year_replace import YearReplaceDialog
    old = window_plan(2025)
    old["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_fisik"] = "1. SK Tim Kerja ZI tahun 2025"
    old["area"][0]["komponen"][0]["indikator"][0]["aksi"][1]["langkah"] = "Evaluasi LKjIP 2025"
    path = tmp_path / "2026.zidb"
    Dokumen.create_from_plan(path, next_year_plan(old, 2026)).close()
    assert window.open_path(str(path))
    view = window.view
    window.actions.periksa.trigger()
    qtbot.waitUntil(lambda: view.check.year_button.isVisible())
    assert view.check.year_button.text() == "Ganti 2025 → 2026 (2 teks)…"
    listed = [f.pesan for f in view.check.findings if f.kode == "tahun_lalu"]
    assert any("SK Tim Kerja ZI tahun 2025" in p for p in listed)

    def agree_but_one(dialog):
        if isinstance(dialog, YearReplaceDialog):
            dialog.list.item(1).setCheckState(Qt.Unchecked)   # LKjIP 2025 is last year's on purpose
            return QDialog.Accepted
        return QDialog.Rejected

    monkeypatch.setattr(QDialog, "exec", agree_but_one)
    view.check.year_button.click()
    aksi = window.doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    assert aksi[0]["bukti_fisik"] == "1. SK Tim Kerja ZI tahun 2026"
    assert aksi[1]["langkah"] == "Evaluasi LKjIP 2025"
    assert window.editor.stack.count() == 1
    window.actions.urungkan.trigger()
    assert window.doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_fisik"] == \
        "1. SK Tim Kerja ZI tahun 2025"


def test_toolbar_says_what_it_adds_and_the_indikator_form_adds_a_langkah_aksi(opened):
    view = opened.view
    a = opened.actions
    ind = view.model.nodes_of_level("indikator")[0]
    view.select("indikator", ind.id)
    QApplication.processEvents()
    button = opened.toolbar.widgetForAction(a.tambah_sejenis)
    assert isinstance(button, QToolButton) and button.text() == "Tambah Indikator"
    assert opened.toolbar.widgetForAction(a.tambah_turunan).text() == "Tambah Langkah Aksi"
    aksi = view.model.nodes_of_level("aksi")[0]
    view.select("aksi", aksi.id)
    assert button.text() == "Tambah Langkah Aksi"
    assert not a.tambah_turunan.isVisible()
    view.select("indikator", ind.id)
    before = len(ind.children)
    view.form.add_aksi_button.click()
    assert len(view.model.node_for("indikator", ind.id).children) == before + 1
    assert view.current_node().level == "aksi"


def test_a_long_status_message_never_runs_into_the_counters(opened):
    opened.resize(1024, 700)
    QApplication.processEvents()
    long = "Salinan disimpan: " + "/sangat/panjang" * 30 + "/rencana.zidb (Anda tetap bekerja di berkas ini)"
    opened.statusBar().showMessage(long, 5000)
    QApplication.processEvents()
    label = opened.statusBar().message_label
    assert label.geometry().right() < opened.counts_label.geometry().left()
    assert label.text().endswith("…") and label.toolTip() == " ".join(long.split())
    assert opened.statusBar().currentMessage() == " ".join(long.split())


def test_tahun_berikutnya_says_which_texts_still_name_last_year(window, tmp_path, dialogs):
    from plans import window_plan
    old = window_plan(2025)
    old["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_fisik"] = "SK Tim Kerja ZI tahun 2025"
    path = tmp_path / "2025.zidb"
    Dokumen.create_from_plan(path, old).close()
    assert window.open_path(str(path))
    dialogs.ints.append(2026)
    dialogs.save_paths.append(str(tmp_path / "2026.zidb"))
    window.actions.tahun_berikutnya.trigger()
    assert window.doc.identitas()["tahun"] == 2026
    assert "1 teks masih menyebut tahun 2025" in window.statusBar().currentMessage()
