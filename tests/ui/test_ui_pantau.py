"""Monitoring in the window: the form's realisasi and evidence, the Pemantauan tab."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from zi_desktop.pemantauan.edits import SetRealisasi


def aksi_node(window, index=0):
    return window.view.model.nodes_of_level("aksi")[index]


def realisasi(window, aksi_id):
    return window.doc.realisasi(aksi_id)


def show_first(opened):
    node = aksi_node(opened)
    opened.view.select("aksi", node.id)
    panel = opened.view.form.realisasi
    assert panel.aksi_id == node.id
    panel.month.setCurrentIndex(panel.month.findData("2025-03"))
    return node, panel


def test_status_persen_and_catatan_are_undoable_edits(qtbot, opened):
    node, panel = show_first(opened)
    panel.status.setCurrentIndex(panel.status.findData("sebagian"))
    panel.status.activated.emit(panel.status.currentIndex())
    assert realisasi(opened, node.id) == [{"bulan": "2025-03", "status": "sebagian", "persen": 50, "catatan": ""}]
    assert panel.persen.isEnabled()
    panel.persen.setValue(70)
    panel.persen.editingFinished.emit()
    assert realisasi(opened, node.id)[0]["persen"] == 70
    panel.catatan.set_value("")
    panel.catatan.setPlainText("Rapat diundur; tindak lanjut April")
    panel.catatan.commit()
    assert realisasi(opened, node.id)[0]["catatan"] == "Rapat diundur; tindak lanjut April"
    for _ in range(3):
        opened.actions.urungkan.trigger()
    assert realisasi(opened, node.id) == []
    assert panel.status.currentData() is None     # the form follows undo
    opened.actions.ulangi.trigger()
    assert panel.status.currentData() == "sebagian"


def test_files_dropped_on_the_list_are_attached_and_undo_removes_them(qtbot, opened, tmp_path, dialogs):
    node, panel = show_first(opened)
    pdf = tmp_path / "undangan rapat.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"isi" * 5000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    drop = QDropEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    panel.files.dropEvent(drop)
    assert [b["nama"] for b in opened.doc.bukti(node.id)] == ["undangan rapat.pdf"]
    assert panel.files.count() == 1 and "undangan rapat.pdf" in panel.files.item(0).text()
    panel.files.item(0).setSelected(True)
    assert panel.open_selected()
    opened_copy = dialogs.opened_urls[-1]
    assert hashlib.sha256(open(opened_copy, "rb").read()).digest() == hashlib.sha256(pdf.read_bytes()).digest()
    opened.actions.urungkan.trigger()
    assert opened.doc.bukti(node.id) == [] and panel.files.count() == 0
    opened.actions.ulangi.trigger()
    assert panel.files.count() == 1


def test_a_program_is_refused_with_one_sentence(qtbot, opened, tmp_path):
    node, panel = show_first(opened)
    exe = tmp_path / "foto.jpg"
    exe.write_bytes(b"MZ" + b"\x00" * 100)
    messages = []
    opened.editor.failed.connect(messages.append)
    assert not panel.attach([str(exe)])
    assert opened.doc.bukti(node.id) == [] and "program" in messages[-1]


def test_pemantauan_tab_shows_bars_and_late_items(qtbot, opened):
    view = opened.view
    node = aksi_node(opened)
    months = opened.doc.item("aksi", node.id)["bulan"]
    opened.editor.push(SetRealisasi(node.id, months[0], "selesai"))
    view.tabs.setCurrentWidget(view.pemantauan)
    pv = view.pemantauan
    qtbot.waitUntil(lambda: pv.late.topLevelItemCount() > 0)
    late = [pv.late.topLevelItem(i).text(0) for i in range(pv.late.topLevelItemCount())]
    assert late and node.id not in [pv.late.topLevelItem(i).data(0, Qt.UserRole + 1)
                                    for i in range(pv.late.topLevelItemCount())
                                    if pv.late.topLevelItem(i).data(0, Qt.UserRole + 2) == months[0]]
    pv.late.itemActivated.emit(pv.late.topLevelItem(0), 0)
    QApplication.processEvents()
    assert view.tabs.currentWidget() is view.form
