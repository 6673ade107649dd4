"""An edit the disk refuses is said, rolled back and kept off the undo stack (issue 12).

Faults are real where SQLite can make them (a page limit = disk full, a second connection
holding the write lock, a header that turns the file read-only) and injected where it cannot.
"""

from __future__ import annotations

import errno
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from zi_desktop.edits import SetField, SetIdentitas

from qt_input import press


def langkah_on_disk(path, aksi_id):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT langkah FROM aksi WHERE id = ?", (aksi_id,)).fetchone()[0]
    finally:
        conn.close()


def first_aksi(window):
    return window.view.model.nodes_of_level("aksi")[0]


def warnings(dialogs):
    return [t for k, title, t in dialogs.messages if k == "warning" and title == "Perubahan tidak disimpan"]


def test_disk_full_is_said_and_the_edit_never_reaches_the_stack(opened, plan_path, dialogs):
    node = first_aksi(opened)
    before = langkah_on_disk(plan_path, node.id)
    pages = opened.doc.conn.execute("PRAGMA page_count").fetchone()[0]
    opened.doc.conn.execute(f"PRAGMA max_page_count = {pages}")   # the disk is full
    assert not opened.editor.push(SetField("aksi", node.id, "langkah", "panjang " * 5000))
    assert warnings(dialogs) and warnings(dialogs)[-1].startswith("Disk penuh — perubahan ini tidak tersimpan")
    assert opened.editor.stack.count() == 0
    assert opened.saved_label.text() != "Semua perubahan tersimpan"
    assert langkah_on_disk(plan_path, node.id) == before
    assert not opened.doc.readonly and not opened.doc.conn.in_transaction
    opened.doc.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: works again
    assert opened.editor.push(SetField("aksi", node.id, "langkah", "panjang " * 5000))
    assert opened.saved_label.text() == "Semua perubahan tersimpan"
    assert opened.editor.stack.count() == 1
    assert langkah_on_disk(plan_path, node.id).startswith("panjang")


def test_locked_by_another_program_then_undo_refused_keeps_the_stack(opened, plan_path, dialogs):
    node = first_aksi(opened)
    assert opened.editor.push(SetField("aksi", node.id, "langkah", "sudah tersimpan"))
    opened.doc.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(plan_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")                               # e.g. a sync tool
    try:
        assert not opened.editor.push(SetField("aksi", node.id, "langkah", "tidak jadi"))
        assert "dikunci program lain — perubahan ini tidak tersimpan" in warnings(dialogs)[-1]
        assert opened.editor.stack.count() == 1 and opened.editor.stack.index() == 1
        opened.undo()                                              # Ctrl+Z while locked
        assert opened.editor.stack.index() == 1                    # the stack did not move
        assert len(warnings(dialogs)) == 2
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert langkah_on_disk(plan_path, node.id) == "sudah tersimpan"
    opened.undo()
    assert opened.editor.stack.index() == 0
    assert langkah_on_disk(plan_path, node.id) != "sudah tersimpan"
    opened.redo()
    assert langkah_on_disk(plan_path, node.id) == "sudah tersimpan"


def test_a_file_that_turns_read_only_switches_the_window(opened, plan_path, dialogs):
    node = first_aksi(opened)
    data = bytearray(plan_path.read_bytes()[:100])
    data[18] = 3                                                   # write version SQLite refuses
    data[24:28] = (int.from_bytes(data[24:28], "big") + 1).to_bytes(4, "big")  # "file changed"
    with open(plan_path, "r+b") as fh:
        fh.write(data)
    assert not opened.editor.push(SetField("aksi", node.id, "langkah", "tidak jadi"))
    text = warnings(dialogs)[-1]
    assert "tidak dapat ditulis lagi — perubahan ini tidak tersimpan" in text
    assert opened.doc.readonly and opened.saved_label.text() == "Hanya baca"
    assert "[hanya baca]" in opened.windowTitle()
    assert not opened.actions.hapus.isEnabled()
    assert opened.editor.stack.count() == 0


@pytest.mark.parametrize("err, sentence", [
    (OSError(errno.ENOSPC, "No space left on device"), "Disk penuh — perubahan ini tidak tersimpan"),
    (OSError(errno.EIO, "Input/output error"), "Gagal menulis ke disk — perubahan ini tidak tersimpan"),
])
def test_os_errors_inside_an_edit_are_said(opened, dialogs, monkeypatch, err, sentence):
    edit = SetIdentitas({"nomor": "99"})

    def broken(conn):
        conn.execute("UPDATE rencana SET nomor = '99'")
        raise err

    monkeypatch.setattr(edit, "do", broken)
    assert not opened.editor.push(edit)
    QApplication.processEvents()
    assert warnings(dialogs)[-1].startswith(sentence)
    assert opened.doc.identitas()["nomor"] != "99"                 # rolled back
    assert opened.editor.stack.count() == 0


def test_text_the_disk_refused_stays_in_the_field_and_is_saved_once_there_is_room(qtbot, opened, plan_path, dialogs):
    node = first_aksi(opened)
    opened.view.select("aksi", node.id)
    field = opened.view.form.field("aksi", "langkah")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    pages = opened.doc.conn.execute("PRAGMA page_count").fetchone()[0]
    opened.doc.conn.execute(f"PRAGMA max_page_count = {pages}")   # the disk is full
    press(field, Qt.Key_End, Qt.ControlModifier)
    typed = " — rapat " * 4000
    field.insertPlainText(typed)                                  # a long paste
    press(field, Qt.Key_Return, Qt.ControlModifier)              # Ctrl+Enter: save
    assert warnings(dialogs)[-1].startswith("Disk penuh")
    assert field.value().endswith(typed)                          # nothing typed is lost …
    assert field.property("unsaved") and "Belum tersimpan" in field.toolTip()
    assert langkah_on_disk(plan_path, node.id) == "Membentuk tim kerja"
    opened.doc.conn.execute("PRAGMA max_page_count = 1073741823")  # room again
    press(field, Qt.Key_Return, Qt.ControlModifier)              # … and saves it then
    assert langkah_on_disk(plan_path, node.id) == "Membentuk tim kerja" + typed
    assert not field.property("unsaved") or field.toolTip() == ""
    assert opened.editor.stack.count() == 1
