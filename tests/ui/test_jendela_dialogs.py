"""Every dialog the window shows speaks Indonesian (issue 14): message boxes, the number
question, Qt's own file dialog, context menus and the key names in the menus."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QFileDialog, QLineEdit,
                               QListView, QMessageBox, QTreeView)

from ui import dialogs_id
from ui.dialogs_id import ENGLISH_BUTTONS


def _texts(widget) -> list[str]:
    return [b.text().replace("&", "") for b in widget.findChildren(QAbstractButton) if b.text()]


def test_every_dialog_of_the_window_has_indonesian_buttons(opened, dialogs, tmp_path, monkeypatch):
    """Walk the commands that show a dialog; the recorder (tests/ui/conftest.py) fails on any
    English standard button, and here we read the buttons too."""
    a = opened.actions
    a.tentang.trigger()                                    # about
    a.pintasan.trigger()                                   # shortcuts
    a.tahun_berikutnya.trigger()                           # the year question, cancelled
    dialogs.questions.append("Perbaiki dulu")
    a.kirim.trigger()                                      # galat: asked first
    pytest.importorskip("zi_desktop.exchange.export_xlsx")
    dialogs.save_paths.append(str(tmp_path / "l.xlsx"))
    a.ekspor_excel.trigger()                               # "Buka sekarang?"
    opened.open_path(str(tmp_path / "tidak-ada.zidb"))      # refused: an error box
    kinds = [k for k, _t, _x in dialogs.messages]
    assert {"about", "information", "getInt", "choose", "question", "critical"} <= set(kinds)
    assert dialogs.english == []
    shown = [_texts(box) for box in dialogs.boxes]
    assert ["Ya", "Tidak"] in [sorted(t, reverse=True) for t in shown]
    assert ["Perbaiki dulu", "Kirim tetap"] in shown


def test_standard_buttons_are_indonesian_wherever_qt_makes_them(qapp):
    box = QMessageBox(QMessageBox.Question, "t", "x", QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
    assert sorted(_texts(box)) == ["Batal", "Tidak", "Ya"]
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Save
                               | QDialogButtonBox.Open | QDialogButtonBox.Close)
    assert sorted(_texts(buttons)) == ["Batal", "Buka", "OK", "Simpan", "Tutup"]
    assert not set(_texts(buttons)) & ENGLISH_BUTTONS


def test_the_number_question_says_ok_and_batal(qapp, monkeypatch):
    seen = []

    def look(dialog):
        dialog.show()
        seen.append(sorted(_texts(dialog)))
        dialog.hide()
        return False

    monkeypatch.setattr(dialogs_id, "exec_input", look)
    assert dialogs_id.get_int(None, "Tahun", "Tahun rencana baru:", 2026, 1900, 2999) is None
    assert seen == [["Batal", "OK"]]


@pytest.mark.parametrize("save", [False, True])
def test_file_dialog_is_indonesian_and_hides_the_lock_file(qtbot, tmp_path, save):
    (tmp_path / "Rencana 2026.zidb").write_bytes(b"")
    (tmp_path / "~$Rencana 2026.zidb").write_bytes(b"")
    dialog = dialogs_id.file_dialog(None, "Buka Rencana", str(tmp_path), "Rencana ZI (*.zidb)", save=save)
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(tmp_path))
    dialog.show()
    view = dialog.findChild(QListView, "listView")

    def names():
        root = view.rootIndex()
        model = view.model()
        return [model.index(r, 0, root).data() for r in range(model.rowCount(root))]

    qtbot.waitUntil(lambda: "Rencana 2026.zidb" in names())
    assert "~$Rencana 2026.zidb" not in names()
    texts = _texts(dialog)
    assert ("Simpan" if save else "Buka") in texts and "Batal" in texts
    assert not set(texts) & ENGLISH_BUTTONS
    assert dialog.labelText(QFileDialog.FileName) == "&Nama berkas:"
    dialog.hide()


def test_file_dialog_details_say_size_type_and_date_in_indonesian(qtbot, tmp_path):
    (tmp_path / "Rencana 2026.zidb").write_bytes(b"")
    (tmp_path / "Lampiran.pdf").write_bytes(b"x" * 2500)
    (tmp_path / "Arsip").mkdir()
    dialog = dialogs_id.file_dialog(None, "Buka Rencana", str(tmp_path), "Semua berkas (*)")
    qtbot.addWidget(dialog)
    dialog.setDirectory(str(tmp_path))
    dialog.setViewMode(QFileDialog.Detail)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")

    def rows():
        root, model = view.rootIndex(), view.model()
        return {model.index(r, 0, root).data(): [model.index(r, c, root).data() for c in (1, 2, 3)]
                for r in range(model.rowCount(root))}

    qtbot.waitUntil(lambda: {"Rencana 2026.zidb", "Lampiran.pdf", "Arsip"} <= set(rows()))
    shown = rows()
    assert shown["Rencana 2026.zidb"][:2] == ["0 bita", "Rencana ZI"]
    assert shown["Lampiran.pdf"][:2] == ["2,4 KB", "Dokumen PDF"]
    assert shown["Arsip"][:2] == ["", "Folder"]
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d\.\d\d", shown["Lampiran.pdf"][2])
    dialog.hide()


def test_menu_shortcuts_and_context_menus_are_indonesian(window):
    assert QKeySequence("Alt+Up").toString(QKeySequence.NativeText) == "Alt+↑"
    assert QKeySequence("Space").toString(QKeySequence.NativeText) == "Spasi"
    assert "Alt+↑" in window.actions.naikkan.toolTip()
    field = QLineEdit()
    menu = field.createStandardContextMenu()
    words = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert words == ["Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua"]


def test_messages_for_a_refused_file_say_what_to_do(window, dialogs, tmp_path):
    bad = tmp_path / "bukan.zidb"
    bad.write_text("ini bukan rencana")
    window.open_path(str(bad))
    message = dialogs.texts("critical")[-1]
    assert "SQLite" not in message and "basis data" not in message.lower()
    assert "pilih berkas .zidb" in message


def test_a_file_the_system_refuses_is_explained_in_indonesian(opened, dialogs, tmp_path, monkeypatch):
    pytest.importorskip("zi_desktop.exchange.export_xlsx")

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("zi_desktop.exchange.export_xlsx.export_xlsx", refuse)
    dialogs.save_paths.append(str(tmp_path / "l.xlsx"))
    opened.actions.ekspor_excel.trigger()
    message = dialogs.texts("warning")[-1]
    assert "Permission denied" not in message and "tidak ada izin" in message
