"""A secretariat clerk builds a whole area with the keyboard alone, then finds it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qt_input import focused, press, type_text
from zi_desktop.document import Dokumen
from ui.fields import CommitLineEdit, CommitTextEdit
from ui.month_row import MonthRow


def test_build_an_area_by_keyboard_and_reopen(qtbot, window, empty_path):
    assert window.open_path(str(empty_path))
    view = window.view
    qtbot.waitUntil(lambda: view.tree.hasFocus())
    assert window.editor.stack.count() == 0

    # Ins on an empty plan: a new area; focus goes to its first field.
    press(view.tree, Qt.Key_Insert)
    assert view.form.level == "area"
    nama = focused()
    assert isinstance(nama, CommitLineEdit) and nama is view.form.field("area", "nama")
    type_text(nama, "MANAJEMEN PERUBAHAN")
    press(nama, Qt.Key_Tab)
    pj = focused()
    assert pj is view.form.field("area", "penanggung_jawab")
    type_text(pj, "Tim “Perubahan”")
    press(pj, Qt.Key_Escape)                        # commits, back to the tree
    assert view.tree.hasFocus()

    # Ctrl+Ins: one level down each time.
    press(view.tree, Qt.Key_Insert, Qt.ControlModifier)
    assert view.form.level == "komponen"
    type_text(focused(), "Penyusunan Tim Kerja")
    press(focused(), Qt.Key_Escape)
    press(view.tree, Qt.Key_Insert, Qt.ControlModifier)
    assert view.form.level == "indikator"
    type_text(focused(), "Nilai SKM ≥ 85 tercapai")
    press(focused(), Qt.Key_Escape)
    press(view.tree, Qt.Key_Insert, Qt.ControlModifier)
    assert view.form.level == "aksi"
    langkah = focused()
    assert isinstance(langkah, CommitTextEdit)
    type_text(langkah, "Membentuk tim kerja")
    press(langkah, Qt.Key_Tab)
    bukti = focused()
    assert bukti is view.form.field("aksi", "bukti_fisik")
    type_text(bukti, "1. SK Tim\n2. Undangan rapat")
    press(bukti, Qt.Key_Tab)
    month = focused()                               # the month row is one Tab stop
    assert isinstance(month.parent(), MonthRow)
    press(month, Qt.Key_Right)
    press(focused(), Qt.Key_Right)
    press(focused(), Qt.Key_Space)                  # March
    press(focused(), Qt.Key_Right)
    press(focused(), Qt.Key_Space)                  # April
    press(focused(), Qt.Key_Tab)
    assert focused() is view.form.field("aksi", "target_waktu")
    assert view.form.field("aksi", "target_waktu").text() == "Maret - April 2025"
    press(focused(), Qt.Key_Tab)                    # the pin check box
    press(focused(), Qt.Key_Tab)
    assert focused() is view.form.field("aksi", "target_capaian")
    type_text(focused(), "100%")
    press(focused(), Qt.Key_Return)                 # Enter commits a one-line field
    press(focused(), Qt.Key_Escape)

    # Ins on a langkah aksi: a second one just below, in the same indikator.
    press(view.tree, Qt.Key_Insert)
    assert view.form.level == "aksi"
    type_text(focused(), "Rapat koordinasi")
    press(focused(), Qt.Key_Return, Qt.ControlModifier)   # Ctrl+Enter commits, focus stays
    assert isinstance(focused(), CommitTextEdit)
    press(focused(), Qt.Key_Escape)

    # Alt+Up moves it above the first one.
    press(view.tree, Qt.Key_Up, Qt.AltModifier)
    plan = window.doc.to_dict()
    aksi = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    assert [a["langkah"] for a in aksi] == ["Rapat koordinasi", "Membentuk tim kerja"]

    area = plan["area"][0]
    assert area["nama"] == "MANAJEMEN PERUBAHAN"
    assert area["penanggung_jawab"] == "Tim “Perubahan”"
    assert area["komponen"][0]["nama"] == "Penyusunan Tim Kerja"
    assert area["komponen"][0]["indikator"][0]["teks"] == "Nilai SKM ≥ 85 tercapai"
    first = aksi[1]
    assert first["bukti_fisik"] == "1. SK Tim\n2. Undangan rapat"
    assert first["bulan"] == ["2025-03", "2025-04"]
    assert first["target_waktu"] == "Maret - April 2025"
    assert first["target_capaian"] == "100%"

    # Every field edit was one undo step, not one per key.
    labels = [window.editor.stack.text(i) for i in range(window.editor.stack.count())]
    assert len(labels) == 16, labels

    # Reopen the file in a fresh window: everything is there, the undo stack is empty.
    window.close_document()
    with Dokumen.open(empty_path, readonly=True) as doc:
        assert doc.to_dict() == plan
    assert window.open_path(str(empty_path))
    assert window.editor.stack.count() == 0
    model = window.view.model
    assert [n.data["langkah"] for n in model.nodes_of_level("aksi")] == ["Rapat koordinasi", "Membentuk tim kerja"]
    assert model.index_for("aksi", model.nodes_of_level("aksi")[1].id).data() == "Membentuk tim kerja"
    QApplication.processEvents()


def test_enter_and_f2_open_the_form_and_escape_returns(qtbot, opened):
    view = opened.view
    qtbot.waitUntil(lambda: view.tree.hasFocus())
    press(view.tree, Qt.Key_Down)
    press(view.tree, Qt.Key_Return)
    assert view.form.isAncestorOf(focused())
    press(focused(), Qt.Key_Escape)
    assert view.tree.hasFocus()
    press(view.tree, Qt.Key_F2)
    assert view.form.isAncestorOf(focused())


def test_delete_key_removes_in_tree_but_not_in_text(qtbot, opened):
    view = opened.view
    view.select("aksi", 2)
    view.focus_tree()
    qtbot.waitUntil(lambda: view.tree.hasFocus())
    before = len(view.model.nodes_of_level("aksi"))
    view.focus_form()
    field = focused()
    press(field, Qt.Key_Delete)                     # deletes a character, not the item
    assert len(view.model.nodes_of_level("aksi")) == before
    press(field, Qt.Key_Escape)
    press(view.tree, Qt.Key_Delete)
    assert len(view.model.nodes_of_level("aksi")) == before - 1
    press(view.tree, Qt.Key_Z, Qt.ControlModifier)
    assert len(view.model.nodes_of_level("aksi")) == before


def test_ctrl_f_goes_to_the_filter(qtbot, opened):
    view = opened.view
    qtbot.waitUntil(lambda: view.tree.hasFocus())
    press(view.tree, Qt.Key_F, Qt.ControlModifier)
    assert focused() is view.filter
    type_text(view.filter, "notulen")
    assert view.proxy.active
    press(view.filter, Qt.Key_Return)
    assert view.tree.hasFocus()
