"""The chapter editor and the Menetapkan field of the Keputusan tab (issue 16): chapters added,
reordered and removed; their text typed as in Word (lists continue on Enter, end on an empty
item, change level with Tab, list buttons, paste from Word) and kept as plain text; Menetapkan
stored through an undoable edit; the tab not cramped at 1024×768."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from zi_desktop.checks import Temuan
from zi_desktop.keputusan.menetapkan import from_title
from keputusan_tab import body, tab
from qt_input import focused, press, type_text


def _line_end(edit, number: int) -> None:
    block = edit.document().findBlockByNumber(number)
    cursor = edit.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    edit.setTextCursor(cursor)


def test_a_chapter_is_typed_as_in_word(opened, qtbot):
    page = tab(opened)
    page.show_part("bab")
    assert page.add.text() == "Tambah bab" and page.isi.isVisible() and not page.text.isVisible()
    qtbot.mouseClick(page.add, Qt.LeftButton)
    assert page.judul.hasFocus()
    type_text(page.judul, "Pendahuluan")
    press(page.judul, Qt.Key_Return)
    assert page.judul_label.text() == "Judul BAB I:"
    qtbot.mouseClick(page.isi.viewport(), Qt.LeftButton)
    page.isi.setFocus()
    type_text(page.isi, "Rencana aksi ini disusun untuk:\n")
    qtbot.mouseClick(page.tools.buttons["huruf"], Qt.LeftButton)      # a list, like Word's
    assert page.isi.hasFocus()                                         # the text keeps focus
    type_text(page.isi, "membangun zona integritas;\n")               # Enter: the next label
    type_text(page.isi, "meningkatkan pelayanan.\n")
    press(page.isi, Qt.Key_Return)                                     # empty item: list ends
    type_text(page.isi, "Demikian.")
    assert body(opened)["bab"][0]["isi"] == ""                         # nothing saved yet
    press(page.isi, Qt.Key_Return, Qt.ControlModifier)
    assert body(opened)["bab"][0] == {
        "judul": "Pendahuluan",
        "isi": "Rencana aksi ini disusun untuk:\na. membangun zona integritas;\n"
               "b. meningkatkan pelayanan.\nDemikian."}
    opened.undo()                                                      # one step per edit
    assert body(opened)["bab"][0]["isi"] == "" and page.isi.value() == ""


def test_levels_list_buttons_and_paste_from_word(opened, qtbot):
    page = tab(opened)
    page.show_part("bab")
    page.add_item({"judul": "DASAR HUKUM", "isi": ""})
    page.isi.setFocus()
    type_text(page.isi, "Dasar:\na. satu\ndua")                        # "b. " comes by itself
    assert page.isi.value() == "Dasar:\na. satu\nb. dua"
    press(page.isi, Qt.Key_Tab)                                        # "b." one level down
    assert page.isi.value().splitlines()[-1] == "1) dua"
    assert page.isi.hasFocus()
    press(page.isi, Qt.Key_Backtab)                                    # and back up
    assert page.isi.value().splitlines()[-1] == "b. dua"
    _line_end(page.isi, 0)
    press(page.isi, Qt.Key_Tab)                        # on a paragraph Tab moves the focus on
    assert not page.isi.hasFocus()

    page.isi.setFocus()
    cursor = page.isi.textCursor()
    cursor.select(QTextCursor.Document)
    page.isi.setTextCursor(cursor)
    QApplication.clipboard().setText("Dasar hukum:\r\na.\tUndang-Undang;\r\n\u2022\tPeraturan;"
                                     "\r\n\tPenutup\tini.")
    page.isi.paste()
    assert page.isi.value() == "Dasar hukum:\na. Undang-Undang;\n- Peraturan;\nPenutup ini."
    cursor = page.isi.textCursor()                     # the last two lines as a 1) 2) list
    block = page.isi.document().findBlockByNumber(2)
    cursor.setPosition(block.position())
    cursor.movePosition(QTextCursor.End, QTextCursor.KeepAnchor)
    page.isi.setTextCursor(cursor)
    qtbot.mouseClick(page.tools.buttons["kurung"], Qt.LeftButton)
    assert page.isi.value().splitlines()[2:] == ["1) Peraturan;", "2) Penutup ini."]
    qtbot.mouseClick(page.tools.buttons[None], Qt.LeftButton)          # ¶: paragraphs again
    assert page.isi.value().splitlines()[2:] == ["Peraturan;", "Penutup ini."]
    page.items.setFocus()                                              # leaving it saves
    assert body(opened)["bab"][0]["isi"] == "Dasar hukum:\na. Undang-Undang;\nPeraturan;\nPenutup ini."


def test_chapters_are_added_reordered_and_removed_with_undo(opened, qtbot):
    page = tab(opened)
    page.show_part("bab")
    for judul in ("PENDAHULUAN", "KEDUA", "KETIGA"):
        page.items.setCurrentRow(page.items.count() - 1)
        page.add_item({"judul": judul, "isi": ""})
    assert [c["judul"] for c in body(opened)["bab"]] == ["PENDAHULUAN", "KEDUA", "KETIGA"]
    page.items.setCurrentRow(2)
    qtbot.mouseClick(page.up, Qt.LeftButton)
    assert [c["judul"] for c in body(opened)["bab"]] == ["PENDAHULUAN", "KETIGA", "KEDUA"]
    assert page.items.item(1).text().split() == ["BAB", "II", "KETIGA"]
    assert page.items.currentRow() == 1 and page.judul.value() == "KETIGA"
    qtbot.mouseClick(page.remove, Qt.LeftButton)
    assert [c["judul"] for c in body(opened)["bab"]] == ["PENDAHULUAN", "KEDUA"]
    opened.undo()
    opened.undo()
    assert [c["judul"] for c in body(opened)["bab"]] == ["PENDAHULUAN", "KEDUA", "KETIGA"]


def test_menetapkan_is_edited_and_taken_from_the_title(opened, qtbot):
    page = tab(opened)
    page.show_part("menetapkan")
    assert not page.items.isVisible() and not page.add.isVisible()
    assert page.text.isVisible() and page.from_title.isVisible()
    title = from_title(opened.doc.identitas())
    assert page.text.value() == "" and page.text.placeholderText() == title
    page.text.setFocus()
    type_text(page.text, "KEPUTUSAN KETUA TENTANG RENCANA AKSI.")
    press(page.text, Qt.Key_Return, Qt.ControlModifier)
    assert body(opened)["menetapkan"] == "KEPUTUSAN KETUA TENTANG RENCANA AKSI."
    qtbot.mouseClick(page.from_title, Qt.LeftButton)
    assert body(opened)["menetapkan"] == title and page.text.value() == title
    opened.undo()
    assert body(opened)["menetapkan"] == "KEPUTUSAN KETUA TENTANG RENCANA AKSI."
    assert page.text.value() == "KEPUTUSAN KETUA TENTANG RENCANA AKSI."
    opened.undo()
    assert body(opened)["menetapkan"] == ""

    page.show_part("diktum")
    opened.view.tabs.setCurrentIndex(0)
    finding = Temuan("peringatan", "menetapkan_berbeda", "…", "keputusan", None, "Menetapkan")
    opened.view.show_finding(finding)
    assert opened.view.tabs.currentWidget() is page
    assert page.part.currentData() == "menetapkan" and focused() is page.text


def test_the_tab_is_not_cramped_at_1024(opened, qtbot):
    opened.resize(1024, 738)
    page = tab(opened)
    for part in ("menimbang", "menetapkan", "bab"):
        page.show_part(part)
        QApplication.processEvents()
        hint = page.minimumSizeHint()
        assert page.width() >= hint.width() and page.height() >= hint.height(), part
        shown = [w for w in (page.add, page.remove, page.up, page.down, page.template,
                             page.from_title, *page.tools.buttons.values())
                 if w.isVisible()]
        for widget in shown:                                   # no button text cut off
            assert widget.width() >= widget.sizeHint().width(), (part, widget.text())
    assert page.isi.height() >= 8 * page.isi.fontMetrics().lineSpacing()   # room to write
