"""Rekap Provinsi in the window: a folder of received plans read into one sortable table, the
refused files with their reasons, a double-click opening a plan read-only, .xlsx/.pdf saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import plans

from qt_input import press
from zi_desktop.document import Dokumen
from zi_desktop.exchange.summary import summarize
from ui import settings
from ui.plan_view import TAB_PERIKSA
from ui.summary_dialog import PathRole


def make_plan(folder: Path, name: str, satker: str, n_aksi: int, *, nomor="14", tanggal="2025-01-02",
              tahun=2025, no_bukti: int = 0) -> Path:
    plan = plans.generated_plan(n_aksi, tahun=tahun)
    plan["rencana"].update(satker=satker, nomor=nomor, tanggal=tanggal)
    aksi = [x for a in plan["area"] for k in a["komponen"] for i in k["indikator"] for x in i["aksi"]]
    for x in aksi[:no_bukti]:
        x["bukti_fisik"] = ""
    path = folder / name
    Dokumen.create_from_plan(path, plan).close()
    return path


@pytest.fixture
def received(tmp_path) -> Path:
    """What a province receives: four plans (one unit twice), and a file that is no plan."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    make_plan(folder, "2025_KPU-Kabupaten-Kudus.zidb", "KPU Kabupaten Kudus", 30)
    make_plan(folder, "2025_KPU-Kabupaten-Pati.zidb", "KPU Kabupaten Pati", 9, nomor="7", no_bukti=3)
    make_plan(folder, "2025_KPU-Kabupaten-Pati-lama.zidb", "KPU Kabupaten Pati", 12, nomor="2",
              tanggal="2024-12-20")
    make_plan(folder, "2025_KPU-Kota-Semarang.zidb", "KPU Kota Semarang", 10, nomor="", tanggal="")
    (folder / "2025_KPU-Kabupaten-Blora.zidb").write_text("Ini bukan berkas rencana.", encoding="utf-8")
    return folder


@pytest.fixture
def rekap(window, received, dialogs):
    dialogs.folders.append(str(received))
    window.actions.rekap_provinsi.trigger()
    dialog = window.files.summary_dialog
    assert dialog is not None and dialog.summary is not None
    yield dialog
    window.files.close_summary()


def column(dialog, key: str) -> int:
    return dialog.model.column_of(key)


def shown(dialog, key: str) -> list[str]:
    """One column as the table shows it, top to bottom (after sorting and filtering)."""
    col = column(dialog, key)
    return [dialog.proxy.index(r, col).data() for r in range(dialog.proxy.rowCount())]


def click_header(dialog, key: str) -> None:
    header = dialog.table.horizontalHeader()
    col = column(dialog, key)
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(x, header.height() // 2))


def row_of(dialog, satker_text: str, nomor: str) -> int:
    for r in range(dialog.proxy.rowCount()):
        if (dialog.proxy.index(r, column(dialog, "satker")).data() == satker_text
                and dialog.proxy.index(r, column(dialog, "nomor")).data() == nomor):
            return r
    raise AssertionError(f"no row {satker_text} {nomor}")


def test_rekap_from_the_menu_reads_the_chosen_folder(rekap, received, dialogs):
    berkas = [a.text().replace("&", "") for a in rekap.files.window.menuBar().actions()[0].menu().actions()]
    assert "Rekap Provinsi…" in berkas
    assert rekap.isVisible()
    assert "pilih folder" in dialogs.file_dialogs[0][0]
    assert rekap.model.rowCount() == 4
    assert shown(rekap, "satker") == ["KPU Kabupaten Kudus", "KPU Kabupaten Pati", "KPU Kabupaten Pati",
                                      "KPU Kota Semarang"]
    kudus = row_of(rekap, "KPU Kabupaten Kudus", "14")
    cell = lambda key, r=kudus: rekap.proxy.index(r, column(rekap, key)).data()  # noqa: E731
    assert cell("tahun") == "2025" and cell("tanggal") == "2 Januari 2025"
    assert [rekap.model.headerData(c, Qt.Horizontal) for c in range(4, 10)] == ["I", "II", "III", "IV", "V", "VI"]
    assert cell("area:I") == "5" and cell("aksi") == "30"
    assert "komponen" in rekap.proxy.index(kudus, column(rekap, "area:I")).data(Qt.ToolTipRole)
    assert cell("berjadwal") == "100%" and cell("berbukti") == "100%"
    assert int(cell("hilang")) > 0                     # generated komponen are not the standard ones
    semarang = row_of(rekap, "KPU Kota Semarang", "—")
    assert rekap.proxy.index(semarang, column(rekap, "tanggal")).data() == "—"
    assert int(rekap.proxy.index(semarang, column(rekap, "galat")).data()) >= 1   # no decree number
    pati = row_of(rekap, "KPU Kabupaten Pati", "7")
    assert rekap.proxy.index(pati, column(rekap, "berbukti")).data() == "67%"
    # the same numbers as the command line's summary
    expected = {r.berkas: r for r in summarize([received]).rows}
    for r in range(rekap.proxy.rowCount()):
        row = expected[rekap.proxy.index(r, 0).data(PathRole)]
        assert rekap.proxy.index(r, column(rekap, "galat")).data() == str(row.galat)
        assert rekap.proxy.index(r, column(rekap, "peringatan")).data() == str(row.peringatan)


def test_refused_files_are_listed_with_their_reason(rekap):
    assert rekap.rejected.isVisibleTo(rekap)
    assert rekap.rejected.topLevelItemCount() == 1
    item = rekap.rejected.topLevelItem(0)
    assert item.text(0) == "2025_KPU-Kabupaten-Blora.zidb"
    assert "bukan berkas rencana" in item.text(1)
    assert "Berkas ditolak (1)" in rekap.rejected_title.text()
    assert "<b>4</b> rencana dibaca" in rekap.summary_line.text()
    assert "<b>1</b> berkas ditolak" in rekap.summary_line.text()


def test_a_second_file_of_a_unit_is_marked_older(rekap):
    newer = row_of(rekap, "KPU Kabupaten Pati", "7")
    older = row_of(rekap, "KPU Kabupaten Pati", "2")
    status = column(rekap, "status")
    assert rekap.proxy.index(newer, status).data() == "ganda, terbaru"
    assert rekap.proxy.index(older, status).data() == "ganda, lebih lama"
    assert rekap.proxy.index(older, 0).data(Qt.ForegroundRole).color().name() == "#787878"
    assert "lebih dari satu berkas" in rekap.summary_line.text()


def test_columns_sort_by_value_when_their_header_is_clicked(rekap):
    click_header(rekap, "aksi")
    assert shown(rekap, "aksi") == ["9", "10", "12", "30"]           # numbers, not text ("10" < "9")
    click_header(rekap, "aksi")
    assert shown(rekap, "aksi") == ["30", "12", "10", "9"]
    click_header(rekap, "tanggal")                                    # by date, not by month name
    assert shown(rekap, "tanggal") == ["—", "20 Desember 2024", "2 Januari 2025", "2 Januari 2025"]
    click_header(rekap, "berbukti")
    assert shown(rekap, "berbukti")[0] == "67%"


def test_double_click_opens_the_plan_read_only(qtbot, rekap, received, window):
    row = row_of(rekap, "KPU Kabupaten Pati", "7")
    path = rekap.proxy.index(row, 0).data(PathRole)
    before = Path(path).read_bytes()
    rect = rekap.table.visualRect(rekap.proxy.index(row, column(rekap, "satker")))
    QTest.mouseClick(rekap.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())   # as a hand does:
    QTest.mouseDClick(rekap.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())  # press, then double
    assert window.doc is not None and str(window.doc.path) == path
    assert window.doc.readonly
    assert window.view.banner.isVisibleTo(window)
    assert "[hanya baca]" in window.windowTitle()
    assert path not in settings.recent_files()        # a received plan is never reopened for editing
    assert not window.actions.tambah_sejenis.isEnabled()
    window.actions.periksa.trigger()                  # the province can see what is missing
    assert window.view.tabs.currentIndex() == TAB_PERIKSA
    assert window.view.check.summary.text().startswith("3 galat")   # the three without bukti fisik
    assert rekap.isVisible()                          # the rekap stays for the next plan
    window.close_document()
    assert Path(path).read_bytes() == before
    assert not list(received.glob("*.lock")) and not list(received.glob("~$*"))


def test_enter_opens_the_current_row(qtbot, rekap, window):
    rekap.table.setFocus()
    row = row_of(rekap, "KPU Kota Semarang", "—")
    rekap.table.setCurrentIndex(rekap.proxy.index(row, 0))
    press(rekap.table, Qt.Key_Return)
    assert window.doc is not None and window.doc.readonly
    assert window.doc.identitas()["satker"] == "KPU Kota Semarang"


def test_save_as_excel_and_pdf(rekap, received, tmp_path, dialogs):
    import openpyxl
    xlsx = tmp_path / "rekap.xlsx"
    dialogs.save_paths.append(str(xlsx))
    rekap.xlsx_button.click()
    assert dialogs.file_dialogs[-1][1] == str(received / "Rekap Rencana Aksi ZI 2025.xlsx")
    book = openpyxl.load_workbook(xlsx)
    assert book["Rekap"].max_row == 5 and book["Berkas Ditolak"].max_row == 2
    pdf = tmp_path / "rekap"                          # the suffix is added
    dialogs.save_paths.append(str(pdf))
    rekap.pdf_button.click()
    assert (tmp_path / "rekap.pdf").read_bytes().startswith(b"%PDF")
    assert [kind for kind, *_ in dialogs.messages] == ["question", "question"]   # "Buka sekarang?" — no
    assert dialogs.opened_urls == []


def test_choose_files_and_reload(rekap, received, dialogs):
    files = sorted(str(p) for p in received.glob("*Pati*.zidb"))
    dialogs.open_lists.append(files)
    rekap.files_button.click()
    assert rekap.model.rowCount() == 2 and rekap.rejected.topLevelItemCount() == 0
    assert "tidak ada yang ditolak" in rekap.rejected_title.text()
    make_plan(received, "2025_KPU-Kabupaten-Demak.zidb", "KPU Kabupaten Demak", 6)
    rekap.reload_button.click()                       # the same two files, read again
    assert rekap.model.rowCount() == 2
    dialogs.folders.append(str(received))
    rekap.folder_button.click()
    assert rekap.model.rowCount() == 5
    assert settings.get(settings.REKAP_FOLDER) == str(received)


def test_progress_is_shown_while_reading(rekap, received):
    values = []
    rekap.progress.valueChanged.connect(values.append)
    rekap.load([str(received)])
    assert values[-1] == 5 and rekap.progress.maximum() == 5
    assert not rekap.progress.isVisibleTo(rekap)
    assert rekap.folder_button.isEnabled() and rekap.xlsx_button.isEnabled()


def test_search_box_filters_by_unit(rekap):
    rekap.filter.setText("pati")
    assert shown(rekap, "satker") == ["KPU Kabupaten Pati", "KPU Kabupaten Pati"]
    rekap.filter.clear()
    assert rekap.proxy.rowCount() == 4


def test_an_empty_folder_says_so(window, tmp_path, dialogs):
    empty = tmp_path / "kosong"
    empty.mkdir()
    dialogs.folders.append(str(empty))
    window.actions.rekap_provinsi.trigger()
    dialog = window.files.summary_dialog
    assert dialog.model.rowCount() == 0
    assert "Tidak ada berkas rencana" in dialog.summary_line.text()
    assert not dialog.xlsx_button.isEnabled()
    window.files.close_summary()


def test_cancelled_folder_choice_leaves_an_empty_rekap(window, dialogs):
    window.actions.rekap_provinsi.trigger()          # no folder chosen
    dialog = window.files.summary_dialog
    assert dialog.isVisible() and dialog.summary is None
    assert not dialog.reload_button.isEnabled() and not dialog.pdf_button.isEnabled()
    window.files.close_summary()


def test_the_welcome_page_offers_it_and_closing_the_window_closes_it(qtbot, received, dialogs):
    from ui.main_window import MainWindow
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    dialogs.folders.append(str(received))
    win.welcome.summary_button.click()
    dialog = win.files.summary_dialog
    assert dialog.isVisible() and dialog.model.rowCount() == 4
    win.close()
    QApplication.processEvents()
    assert win.files.summary_dialog is None
    from ui.summary_dialog import SummaryDialog
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SummaryDialog) and w.isVisible()]


def test_many_files_read_quickly(window, tmp_path, dialogs):
    import shutil
    import time
    folder = tmp_path / "nasional"
    folder.mkdir()
    first = make_plan(folder, "000.zidb", "KPU Kabupaten Contoh", 116)
    for n in range(1, 120):
        shutil.copy(first, folder / f"{n:03d}.zidb")
    dialogs.folders.append(str(folder))
    started = time.perf_counter()
    window.actions.rekap_provinsi.trigger()
    elapsed = time.perf_counter() - started
    dialog = window.files.summary_dialog
    assert dialog.model.rowCount() == 120
    assert elapsed < 10, elapsed                      # ~0.5 s measured for 120 files
    # 120 copies of one unit's plan: all marked, the newest (last by name when dates tie) on top
    assert os.path.basename(dialog.proxy.index(0, 0).data(PathRole)) == "119.zidb"
    assert shown(dialog, "status")[:2] == ["ganda, terbaru", "ganda, lebih lama"]
    window.files.close_summary()


def test_a_folder_dropped_on_the_rekap_is_read(rekap, received, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    other = tmp_path / "dari-diska"
    other.mkdir()
    make_plan(other, "2025_KPU-Kabupaten-Demak.zidb", "KPU Kabupaten Demak", 6)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    rekap.dragEnterEvent(enter)
    assert enter.isAccepted()
    rekap.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert rekap.sources == [str(other)]
    assert shown(rekap, "satker") == ["KPU Kabupaten Demak"]
