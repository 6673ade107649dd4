"""Cetak: the preview follows the dialog's options, pages and zooms; printing goes through a
QPrinter with a page range; the choices are remembered in the plan."""

from __future__ import annotations

import pymupdf as fitz
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from zi_desktop.lampiran import build_lampiran
from plans import synthetic_plan

from ui.print_dialog import PrintDialog


@pytest.fixture
def dialog(qtbot):
    plan = synthetic_plan(40, style="kudus")
    d = PrintDialog(plan["rencana"]["cetak"], plan=plan, build=build_lampiran)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.preview.pdf is not None, timeout=20000)
    return d


def test_preview_shows_pages_and_pages_through(dialog, qtbot):
    pane = dialog.preview
    assert pane.pages >= 3 and not pane.view.pixmap().isNull()
    assert pane.of.text() == f"dari {pane.pages}" and not pane.prev.isEnabled()
    pane.next.click()
    assert pane.page.value() == 2 and pane.prev.isEnabled()
    width = pane.view.pixmap().width()
    pane.zoom.setCurrentIndex(pane.zoom.findData(2.0))
    assert pane.view.pixmap().width() > width
    pane.zoom_out.click()
    assert pane.zoom.currentData() == 1.5
    pane.scroll.setFocus()
    qtbot.keyClick(pane.scroll, Qt.Key_PageDown)
    assert pane.page.value() == 3


def test_preview_follows_the_options(dialog, qtbot):
    pane = dialog.preview
    first = pane.pdf
    dialog.huruf.setCurrentIndex(dialog.huruf.findData("bookman"))
    dialog.a4.setChecked(True)
    qtbot.waitUntil(lambda: pane.pdf is not first and not pane.busy(), timeout=20000)
    assert pane.result.huruf == "bookman" and pane.result.kertas == "A4"
    assert b"ZIBonum" in pane.pdf
    # the automatic widths are shown; fixing one keeps it in the next print
    assert dialog.width_spins["langkah"].value() == pane.result.lebar_kolom["langkah"]
    dialog.auto_width.setChecked(False)
    dialog.width_spins["langkah"].setValue(90.0)
    qtbot.waitUntil(lambda: not pane.busy() and pane.result.lebar_kolom["langkah"] == 90.0,
                    timeout=20000)
    changes = dialog.identity_changes()
    assert changes["cetak.huruf"] == "bookman" and changes["cetak.lebar_kolom"]["langkah"] == 90.0


def test_print_to_printer_with_page_range(dialog, tmp_path):
    out = tmp_path / "printer.pdf"
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    printer.setPrintRange(QPrinter.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to_printer(printer=printer, ask=False) == 2
    with fitz.open(out) as pdf:
        assert pdf.page_count == 2
        assert pdf[0].rect.width > pdf[0].rect.height        # landscape as the Lampiran


def test_cetak_saves_the_previewed_pdf_and_remembers(opened, tmp_path, dialogs, monkeypatch, qtbot):
    out = tmp_path / "lampiran.pdf"

    def choose(d):
        d.huruf.setCurrentIndex(d.huruf.findData("dejavu"))
        d.nomor_titik.setCurrentIndex(1)
        d.kata_miring.setPlainText("tim")
        return QDialog.Accepted

    monkeypatch.setattr(PrintDialog, "exec", choose)
    dialogs.save_paths.append(str(out))
    opened.actions.cetak.trigger()
    with fitz.open(out) as pdf:
        names = {f[3] for page in pdf for f in page.get_fonts(full=True)}
        text = "".join(page.get_text() for page in pdf)
    assert any("DejaVuSans" in n for n in names) and any("Oblique" in n for n in names)
    assert "1." in text
    cetak = opened.doc.identitas()["cetak"]
    assert cetak["huruf"] == "dejavu" and cetak["nomor_titik"] is True
    assert cetak["kata_miring"] == ["tim"]
    opened.editor.stack.undo()
    assert opened.doc.identitas()["cetak"]["huruf"] == "arial"


def test_table_title_edited_in_identitas(opened, monkeypatch):
    from ui.identity_dialog import IdentityDialog

    def fill(d):
        d.judul_tabel.setPlainText("RENCANA KERJA ZI\nTAHUN 2025")
        d.accept()
        return QDialog.Accepted

    monkeypatch.setattr(IdentityDialog, "exec", fill)
    opened.actions.identitas.trigger()
    assert opened.doc.identitas()["judul_tabel"] == "RENCANA KERJA ZI TAHUN 2025"
    opened.actions.urungkan.trigger()
    assert opened.doc.identitas()["judul_tabel"] == ""
