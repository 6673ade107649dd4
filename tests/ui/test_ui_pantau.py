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


# --- the month grid ------------------------------------------------------------------------

def grid(tmp_path, qtbot, today=None):
    import datetime as dt
    from zi_desktop.document import Dokumen
    from plans import small_plan
    from ui.commands import Editor
    from ui.jadwal_view import JadwalView
    doc = Dokumen.create_from_plan(tmp_path / "grid.zidb", small_plan())
    editor = Editor(doc)
    view = JadwalView(editor, today=today or dt.date(2025, 7, 15))
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def close_grid(view):
    view.editor.stack.clear()
    view.hide()
    view.deleteLater()
    QApplication.processEvents()
    view.doc.close()


def _cell_colours(view, image, aksi_id, ym):
    rect = view.tree.visualRect(view.model.index_of("aksi", aksi_id, view.model.month_column(ym)))
    return {image.pixelColor(x, y).name() for x in range(rect.left() + 1, rect.right())
            for y in range(rect.top() + 1, rect.bottom())}


def test_grid_realisasi_mode_cycles_status_with_click_and_space(tmp_path, qtbot):
    from zi_desktop.pemantauan import store
    view = grid(tmp_path, qtbot)
    try:
        doc, tree = view.doc, view.tree
        sop = store.aksi_for_jalur(doc.conn, "II.1.1.1")
        # a plan that records no realisasi yet is not painted late all over
        assert view.model.realisasi_mark(view.model.tree.node_for("aksi", sop), "2025-06") == (None, False)
        view.realisasi_mode.setChecked(True)
        index = view.model.index_of("aksi", sop, view.model.month_column("2025-03"))
        tree.scrollTo(index)
        qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualRect(index).center())
        assert [r["status"] for r in doc.realisasi(sop)] == ["selesai"]
        assert doc.months(sop) == ["2025-03", "2025-06", "2025-09", "2025-12"]   # the plan unchanged
        tree.setFocus()
        tree.setCurrentIndex(index)
        qtbot.keyClick(tree, Qt.Key_Space)
        assert doc.realisasi(sop)[0]["status"] == "sebagian"
        qtbot.keyClick(tree, Qt.Key_Space)
        qtbot.keyClick(tree, Qt.Key_Space)
        assert doc.realisasi(sop) == []
        view.editor.stack.undo()
        assert doc.realisasi(sop)[0]["status"] == "belum"
        assert view.model.realisasi_mark(view.model.tree.node_for("aksi", sop), "2025-03") == ("belum", False)
        # June has passed (today is July) without realisasi: late; September is not yet
        node = view.model.tree.node_for("aksi", sop)
        assert view.model.realisasi_mark(node, "2025-06") == (None, True)
        assert view.model.realisasi_mark(node, "2025-09") == (None, False)
        assert "terlambat" in view.model.index_of("aksi", sop, view.model.month_column("2025-06")).data(
            Qt.ToolTipRole)
    finally:
        close_grid(view)


def test_berkas_menu_writes_the_report_and_all_evidence(qtbot, opened, tmp_path, dialogs):
    node, panel = show_first(opened)
    pdf = tmp_path / "notulen.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"n" * 3000)
    assert panel.attach([str(pdf)])
    out = tmp_path / "laporan.pdf"
    dialogs.save_paths.append(str(out))
    opened.actions.laporan_pemantauan.trigger()
    assert out.read_bytes().startswith(b"%PDF")
    folder = tmp_path / "keluar"
    folder.mkdir()
    dialogs.folders.append(str(folder))
    opened.actions.keluarkan_bukti.trigger()
    files = [f for f in folder.rglob("*") if f.is_file()]
    assert [f.read_bytes() for f in files] == [pdf.read_bytes()]
    assert files[0].name == "I.1.1.1 2025-03 notulen.pdf"


def test_rekap_provinsi_shows_realised_late_and_evidence(qtbot, window, tmp_path, dialogs):
    from plans import small_plan
    from zi_desktop.document import Dokumen
    from zi_desktop.pemantauan import store
    folder = tmp_path / "kiriman"
    folder.mkdir()
    with Dokumen.create_from_plan(folder / "2025_KPU-Kabupaten-Contoh.zidb", small_plan()) as doc:
        doc.apply(SetRealisasi(store.aksi_for_jalur(doc.conn, "I.1.1.1"), "2025-01", "selesai"))
    dialogs.folders.append(str(folder))
    window.actions.rekap_provinsi.trigger()
    dialog = window.files.summary_dialog
    try:
        model = dialog.model
        values = {key: dialog.proxy.index(0, model.column_of(key)).data()
                  for key in ("realisasi", "terlambat", "bukti_dukung")}
        assert values == {"realisasi": "11%", "terlambat": "8", "bukti_dukung": "0"}
    finally:
        window.files.close_summary()


def test_kirim_ke_provinsi_keeps_evidence_unless_told_otherwise(qtbot, opened, tmp_path, dialogs, monkeypatch):
    import sqlite3
    from ui.pemantauan_commands import PemantauanCommands
    node, panel = show_first(opened)
    pdf = tmp_path / "notulen.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"n" * 3000)
    assert panel.attach([str(pdf)])

    def blobs(path):
        conn = sqlite3.connect(path)
        try:
            return conn.execute("SELECT count(*) FROM bukti_isi").fetchone()[0]
        finally:
            conn.close()
    full = tmp_path / "lengkap.zidb"
    dialogs.save_paths.append(str(full))
    dialogs.questions.append("Kirim tetap")              # the plan has galat: sent anyway
    opened.actions.kirim.trigger()                       # the question's default: with evidence
    qtbot.waitUntil(full.exists, timeout=10000)          # packed in the background
    assert blobs(full) == 1
    monkeypatch.setattr(PemantauanCommands, "ask_leave_out_evidence", lambda self: True)
    light = tmp_path / "ringan.zidb"
    dialogs.save_paths.append(str(light))
    dialogs.questions.append("Kirim tetap")
    opened.actions.kirim.trigger()
    qtbot.waitUntil(light.exists, timeout=10000)
    assert blobs(light) == 0


def test_grid_paints_each_realisasi_mark_in_its_own_cell(tmp_path, qtbot):
    """Selesai filled green, sebagian half green on light green, belum a grey ✗ off plan, a
    planned month passed without realisasi a red outline; every other cell keeps its look."""
    from zi_desktop.pemantauan import store
    view = grid(tmp_path, qtbot)
    try:
        sop = store.aksi_for_jalur(view.doc.conn, "II.1.1.1")     # planned Mar, Jun, Sep, Dec
        before = view.tree.viewport().grab().toImage()
        for ym, status in (("2025-03", "selesai"), ("2025-09", "sebagian"), ("2025-05", "belum")):
            view.editor.push(SetRealisasi(sop, ym, status))
        QApplication.processEvents()
        image = view.tree.viewport().grab().toImage()
        assert "#2e8b57" in _cell_colours(view, image, sop, "2025-03")          # selesai
        assert {"#2e8b57", "#cfe8d8"} <= _cell_colours(view, image, sop, "2025-09")   # sebagian
        assert "#7b8794" in _cell_colours(view, image, sop, "2025-05")          # belum, not planned
        assert "#d93025" in _cell_colours(view, image, sop, "2025-06")          # late: red outline
        assert "#d93025" not in _cell_colours(view, image, sop, "2025-09")      # reported: not late
        for ym in ("2025-01", "2025-12"):                                        # untouched cells
            assert _cell_colours(view, image, sop, ym) == _cell_colours(view, before, sop, ym)
    finally:
        close_grid(view)


def test_a_status_change_repaints_that_cell_only_in_its_row(tmp_path, qtbot):
    from PySide6.QtCore import QEvent, QObject
    from zi_desktop.pemantauan import store
    view = grid(tmp_path, qtbot)
    try:
        sop = store.aksi_for_jalur(view.doc.conn, "II.1.1.1")
        other = next(n.id for n in view.model.tree.nodes_of_level("aksi") if n.id != sop)
        view.realisasi_mode.setChecked(True)
        index = view.model.index_of("aksi", sop, view.model.month_column("2025-06"))
        view.tree.scrollTo(index)
        QApplication.processEvents()
        painted = []

        class Paints(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Paint:
                    painted.append(event.region().boundingRect())
                return False
        paints = Paints()
        view.tree.viewport().installEventFilter(paints)
        view.tree.setFocus()
        view.tree.setCurrentIndex(index)
        QApplication.processEvents()
        before = view.tree.viewport().grab().toImage()
        painted.clear()
        qtbot.keyClick(view.tree, Qt.Key_Space)                                   # → selesai
        QApplication.processEvents()
        view.tree.viewport().removeEventFilter(paints)
        assert view.doc.realisasi(sop)[0]["status"] == "selesai"
        row = view.tree.visualRect(index)
        assert painted and all(r.top() >= row.top() and r.bottom() <= row.bottom() for r in painted)
        assert any(r.contains(row.center()) for r in painted)
        image = view.tree.viewport().grab().toImage()
        assert "#2e8b57" in _cell_colours(view, image, sop, "2025-06")
        assert "#d93025" not in _cell_colours(view, image, sop, "2025-06")       # no longer late
        assert _cell_colours(view, image, other, "2025-06") == _cell_colours(view, before, other, "2025-06")
    finally:
        close_grid(view)
