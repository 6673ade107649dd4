"""The Keputusan tab (issue 16): lists added to, removed from, reordered and edited through the
undo stack; chapters; the regulation library; Periksa findings open here; Cetak "Keputusan
lengkap" and Berkas ▸ Ekspor ke Word."""

from __future__ import annotations

import docx
import pymupdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.print_dialog import PrintDialog
from zi_desktop.checks import Temuan
from keputusan_tab import body, tab
from qt_input import press, type_text


def test_add_type_reorder_remove_and_undo(opened, qtbot):
    page = tab(opened)
    assert page.part.currentData() == "menimbang" and page.items.count() == 0
    qtbot.mouseClick(page.add, Qt.LeftButton)
    assert body(opened)["menimbang"] == ["bahwa …;"]
    assert page.text.hasFocus()
    type_text(page.text, "bahwa berdasarkan pertimbangan huruf a;")
    press(page.text, Qt.Key_Return, Qt.ControlModifier)          # commit
    assert body(opened)["menimbang"] == ["bahwa berdasarkan pertimbangan huruf a;"]
    page.items.setCurrentRow(-1)
    page.add_item("bahwa pertama;")
    page.items.setCurrentRow(1)
    assert page.items.item(1).text().startswith("b. bahwa pertama")
    qtbot.mouseClick(page.up, Qt.LeftButton)
    assert body(opened)["menimbang"] == ["bahwa pertama;", "bahwa berdasarkan pertimbangan huruf a;"]
    assert page.items.item(0).text().startswith("a. bahwa pertama")
    qtbot.mouseClick(page.remove, Qt.LeftButton)
    assert len(body(opened)["menimbang"]) == 1
    for _ in range(5):
        opened.undo()
    assert body(opened)["menimbang"] == [] and page.items.count() == 0
    opened.redo()
    assert page.items.count() == 1                           # the view follows undo/redo


def test_chapters_and_the_library(opened, qtbot):
    page = tab(opened)
    page.show_part("bab")
    assert page.judul.isVisible()
    page.add_item()
    page.judul.setFocus()
    page.judul.selectAll()
    type_text(page.judul, "PENDAHULUAN")
    press(page.judul, Qt.Key_Return)
    assert body(opened)["bab"] == [{"judul": "PENDAHULUAN", "isi": ""}]
    assert page.items.item(0).text() == "BAB I PENDAHULUAN"

    page.show_part("mengingat")
    assert page.library.isVisible()
    menu = page.library.menu()
    assert not menu.actions()[-1].isEnabled()                 # PermenPANRB 52/2014: replaced
    menu.actions()[4].trigger()
    assert body(opened)["mengingat"][0].startswith("Undang-Undang Nomor 7 Tahun 2017")


def test_standard_body_fills_a_part_as_one_step(opened, qtbot):
    page = tab(opened)
    page.show_part("diktum")
    qtbot.mouseClick(page.template, Qt.LeftButton)
    diktum = body(opened)["diktum"]
    assert len(diktum) == 3 and "Lampiran" in diktum[0]
    assert "Diktum KESATU" in diktum[1]
    opened.undo()
    assert body(opened)["diktum"] == []


def test_a_body_finding_opens_the_keputusan_tab(opened):
    page = tab(opened)
    page.show_part("diktum")
    page.fill_template()
    opened.view.tabs.setCurrentIndex(0)
    finding = Temuan("peringatan", "kesatu_lampiran", "…", "keputusan", None, "Diktum KESATU")
    opened.view.show_finding(finding)
    assert opened.view.tabs.currentWidget() is page
    assert page.part.currentData() == "diktum" and page.items.currentRow() == 0


def test_print_whole_decree_and_export_to_word(opened, tmp_path, dialogs, monkeypatch):
    page = tab(opened)
    page.fill_template()
    out = tmp_path / "keputusan.pdf"

    def choose(dialog):
        dialog.whole.setChecked(True)
        return QDialog.Accepted

    monkeypatch.setattr(PrintDialog, "exec", choose)
    dialogs.save_paths.append(str(out))
    opened.actions.cetak.trigger()
    with pymupdf.open(out) as pdf:
        assert pdf[0].rect.height > pdf[0].rect.width                  # the body, portrait
        assert "Menimbang" in pdf[0].get_text()
        assert pdf[pdf.page_count - 1].rect.width > pdf[pdf.page_count - 1].rect.height
    word = tmp_path / "keputusan.docx"
    dialogs.save_paths.append(str(word))
    opened.actions.ekspor_word.trigger()
    assert "Menimbang" in " ".join(c.text for t in docx.Document(word).tables
                                   for r in t.rows for c in r.cells)
    assert "Word" in opened.statusBar().currentMessage()
