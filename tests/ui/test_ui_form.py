"""The item form: commits once per field, months and Target Waktu, identity, read-only files."""

from __future__ import annotations

import os
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from qt_input import press, type_text
from zi_desktop.document import Dokumen
from ui.identity_dialog import IdentityDialog


def aksi_node(window, index=0):
    return window.view.model.nodes_of_level("aksi")[index]


def test_a_field_edit_is_one_undo_step_committed_on_focus_out(qtbot, opened):
    view = opened.view
    node = aksi_node(opened)
    view.select("aksi", node.id)
    field = view.form.field("aksi", "langkah")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    press(field, Qt.Key_End, Qt.ControlModifier)
    type_text(field, " ≥ 85 “kutip”")
    assert opened.editor.stack.count() == 0           # typing alone changes nothing
    view.tree.setFocus()                              # focus leaves: one edit
    qtbot.waitUntil(lambda: opened.editor.stack.count() == 1)
    assert opened.doc.item("aksi", node.id)["langkah"] == "Membentuk tim kerja ≥ 85 “kutip”"
    assert "Tersimpan" in opened.statusBar().currentMessage()
    assert view.model.index_for("aksi", node.id).data() == "Membentuk tim kerja ≥ 85 “kutip”"
    opened.actions.urungkan.trigger()
    assert opened.doc.item("aksi", node.id)["langkah"] == "Membentuk tim kerja"
    assert field.value() == "Membentuk tim kerja"     # the form follows undo
    opened.actions.ulangi.trigger()
    assert field.value() == "Membentuk tim kerja ≥ 85 “kutip”"


def test_ctrl_z_in_an_untouched_field_undoes_the_plan(qtbot, opened):
    view = opened.view
    node = aksi_node(opened)
    view.select("aksi", node.id)
    field = view.form.field("aksi", "target_capaian")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(field, "100%")
    press(field, Qt.Key_Return)
    assert opened.doc.item("aksi", node.id)["target_capaian"] == "100%"
    press(field, Qt.Key_Z, Qt.ControlModifier)
    assert opened.doc.item("aksi", node.id)["target_capaian"] == ""
    assert field.value() == ""


def test_selecting_commits_the_field_being_typed_to_its_own_item(qtbot, opened):
    view = opened.view
    first, second = aksi_node(opened, 0), aksi_node(opened, 1)
    view.select("aksi", first.id)
    field = view.form.field("aksi", "bukti_fisik")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    press(field, Qt.Key_End, Qt.ControlModifier)
    type_text(field, "\n3. Notulen")
    target = view.proxy.mapFromSource(view.model.index_for("aksi", second.id))
    qtbot.mouseClick(view.tree.viewport(), Qt.LeftButton, pos=view.tree.visualRect(target).center())
    qtbot.waitUntil(lambda: view.form.item_id == second.id)
    assert opened.doc.item("aksi", first.id)["bukti_fisik"] == "1. SK Tim\n2. Undangan rapat\n3. Notulen"
    assert opened.doc.item("aksi", second.id)["bukti_fisik"] == "1. Notulen"


def test_months_toggle_and_target_waktu_follow_each_other(qtbot, opened):
    view = opened.view
    node = aksi_node(opened, 1)                       # "Rapat koordinasi": no months yet
    view.select("aksi", node.id)
    form = view.form
    assert form.no_months.isVisibleTo(form)
    qtbot.mouseClick(form.months.button("2025-03"), Qt.LeftButton)
    qtbot.mouseClick(form.months.button("2025-06"), Qt.LeftButton)
    assert opened.doc.item("aksi", node.id)["bulan"] == ["2025-03", "2025-06"]
    assert form.field("aksi", "target_waktu").value() == "Maret dan Juni 2025"
    assert not form.no_months.isVisibleTo(form)
    assert opened.editor.stack.count() == 2           # one step per toggle

    tw = form.field("aksi", "target_waktu")
    tw.set_value("")
    tw.setFocus()
    type_text(tw, "Januari - Maret 2025")
    press(tw, Qt.Key_Return)
    assert opened.doc.item("aksi", node.id)["bulan"] == ["2025-01", "2025-02", "2025-03"]
    assert [m for m in ("2025-01", "2025-02", "2025-03", "2025-06")
            if form.months.button(m).isChecked()] == ["2025-01", "2025-02", "2025-03"]

    tw.set_value("")
    tw.setFocus()
    type_text(tw, "Setiap rapat pleno")             # not a schedule: kept as written, manual
    press(tw, Qt.Key_Return)
    row = opened.doc.item("aksi", node.id)
    assert row["target_waktu"] == "Setiap rapat pleno" and row["target_waktu_manual"] == 1
    assert form.manual.isChecked()
    qtbot.mouseClick(form.months.button("2025-12"), Qt.LeftButton)
    assert opened.doc.item("aksi", node.id)["target_waktu"] == "Setiap rapat pleno"
    form.manual.click()                               # unpin: the text follows the months again
    row = opened.doc.item("aksi", node.id)
    assert row["target_waktu_manual"] == 0 and row["target_waktu"] == "Januari - Maret dan Desember 2025"
    assert tw.value() == row["target_waktu"]


def test_warning_when_no_months_and_tree_marks_it(opened):
    view = opened.view
    node = aksi_node(opened, 0)
    view.select("aksi", node.id)
    assert not view.form.no_months.isVisibleTo(view.form)
    view.form.months.button("2025-01").click()        # untick the only month
    assert view.form.no_months.isVisibleTo(view.form)
    assert view.model.index_for("aksi", node.id).siblingAtColumn(1).data(Qt.DecorationRole) is not None


def test_every_level_shows_every_field(opened):
    view = opened.view
    from zi_desktop.model import LEVELS
    for level, spec in LEVELS.items():
        node = view.model.nodes_of_level(level)[0]
        view.select(level, node.id)
        assert view.form.level == level
        assert set(view.form._fields[level]) == set(spec.fields)
        assert view.form.heading.text().startswith(spec.label)
    assert "MANAJEMEN PERUBAHAN" in view.form.context.text()


def test_identity_dialog_is_one_step_with_indonesian_dates(qtbot, opened, monkeypatch):
    seen = {}

    def fill(dialog):
        seen["tanggal"] = dialog.tanggal.text()
        dialog.edits["nomor"].setText("21")
        dialog.tanggal.setText("17 Agt 2025")
        dialog.tanggal.editingFinished.emit()
        seen["shown"] = dialog.tanggal.text()
        dialog.edits["penandatangan"].setText("Nama Ketua")
        dialog.edits["salinan.nama"].setText("Nama Sekretaris")
        dialog.tahun.setValue(2026)
        dialog.kertas.setCurrentIndex(dialog.kertas.findData("A4"))
        dialog.checks["cetak.nomor_kolom"].setChecked(True)
        dialog.accept()
        return QDialog.Accepted

    monkeypatch.setattr(IdentityDialog, "exec", fill)
    before = opened.editor.stack.count()
    opened.actions.identitas.trigger()
    assert seen == {"tanggal": "2 Januari 2025", "shown": "17 Agustus 2025"}
    assert opened.editor.stack.count() == before + 1
    ident = opened.doc.identitas()
    assert ident["nomor"] == "21" and ident["tanggal"] == "2025-08-17"
    assert ident["tahun"] == 2026 and ident["bulan_mulai"] == "2026-01"   # the period followed
    assert ident["penandatangan"] == "Nama Ketua" and ident["salinan"]["nama"] == "Nama Sekretaris"
    assert ident["cetak"]["kertas"] == "A4" and ident["cetak"]["nomor_kolom"] is True
    assert "2026" in opened.windowTitle()
    # the month row follows the new period
    view = opened.view
    view.select("aksi", aksi_node(opened).id)
    assert view.form.months.button("2026-01") is not None
    opened.actions.urungkan.trigger()
    assert opened.doc.identitas()["tanggal"] == "2025-01-02"


def test_identity_dialog_refuses_an_unreadable_date(opened, monkeypatch):
    def fill(dialog):
        dialog.tanggal.setText("tanggal tiga puluh")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(IdentityDialog, "exec", fill)
    opened.actions.identitas.trigger()
    assert opened.editor.stack.count() == 0
    assert opened.doc.identitas()["tanggal"] == "2025-01-02"


def test_read_only_file_shows_a_banner_and_disables_editing(qtbot, window, plan_path):
    holder = Dokumen.open(plan_path)                  # "another window" holds the plan
    try:
        assert window.open_path(str(plan_path))
        view = window.view
        assert window.doc.readonly
        assert view.banner.isVisibleTo(window)
        assert "Hanya baca" in view.banner_text.text() and "jendela ZI Desktop lain" in view.banner_text.text()
        for action in window.actions.edit_actions() + [window.actions.urungkan]:
            assert not action.isEnabled()
        view.select("aksi", aksi_node(window).id)
        field = view.form.field("aksi", "langkah")
        assert field.isReadOnly()
        view.focus_tree()
        press(view.tree, Qt.Key_Insert)
        press(view.tree, Qt.Key_Delete)
        assert len(view.model.nodes_of_level("aksi")) == 3
        assert not view.form.months.button("2025-01").isEnabled()
        assert "hanya baca" in window.windowTitle()
    finally:
        window.close_document()
        holder.close()


def test_damaged_foreign_and_newer_files_are_refused_untouched(window, tmp_path, dialogs):
    damaged = tmp_path / "rusak.zidb"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 3000)
    foreign = tmp_path / "lain.zidb"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE catatan (x)")
    conn.commit()
    conn.close()
    text = tmp_path / "bukan.zidb"
    text.write_text("ini bukan rencana", encoding="utf-8")
    for path in (damaged, foreign, text):
        before = path.read_bytes()
        mtime = os.stat(path).st_mtime_ns
        assert not window.open_path(str(path))
        kind, title, message = dialogs.messages[-1]
        assert kind == "critical" and str(path) in message
        assert path.read_bytes() == before and os.stat(path).st_mtime_ns == mtime
        assert window.doc is None
    assert "bukan berkas rencana" in dialogs.texts()[-1] or "program lain" in dialogs.texts()[-2]
    newer = tmp_path / "baru.zidb"
    Dokumen.create_from_plan(newer, {"rencana": {"tahun": 2025}, "area": []}).close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = newer.read_bytes()
    assert not window.open_path(str(newer))
    assert "versi yang lebih baru" in dialogs.texts("critical")[-1]
    assert newer.read_bytes() == before
    missing = tmp_path / "tidak-ada.zidb"
    assert not window.open_path(str(missing))
    assert "tidak ditemukan" in dialogs.texts()[-1]


def test_opening_a_plan_starts_with_an_empty_undo_stack(opened, plan_path):
    view = opened.view
    view.select("area", view.model.nodes_of_level("area")[0].id)
    opened.actions.tambah_sejenis.trigger()
    assert opened.editor.stack.count() == 1
    other = plan_path.with_name("lain.zidb")
    Dokumen.create_from_plan(other, {"rencana": {"tahun": 2025}, "area": []}).close()
    assert opened.open_path(str(other))
    assert opened.editor.stack.count() == 0
    assert not opened.actions.urungkan.isEnabled()
    QApplication.processEvents()


def test_undo_selects_what_it_brought_back(opened):
    view = opened.view
    node = aksi_node(opened, 1)
    view.select("aksi", node.id)
    assert view.form.heading.text() == "Langkah aksi 2 dari 2"
    opened.actions.hapus.trigger()
    assert view.model.node_for("aksi", node.id) is None
    view.select("area", view.model.nodes_of_level("area")[1].id)
    assert view.form.heading.text() == "Area II"
    opened.actions.urungkan.trigger()
    assert view.current_node().key == ("aksi", node.id)
    assert view.form.item_id == node.id
    assert "dihapus" not in opened.statusBar().currentMessage().lower()
    assert "diurungkan" in opened.statusBar().currentMessage()


def test_closing_the_window_keeps_what_was_being_typed(qtbot, opened, plan_path):
    view = opened.view
    node = aksi_node(opened)
    view.select("aksi", node.id)
    field = view.form.field("aksi", "penanggung_jawab")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(field, "Tim SDM")
    opened.close()
    with Dokumen.open(plan_path, readonly=True) as doc:
        assert doc.item("aksi", node.id)["penanggung_jawab"] == "Tim SDM"
