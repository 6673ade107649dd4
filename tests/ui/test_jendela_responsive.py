"""The window never freezes (issue 14): Rekap Provinsi reads in a worker thread with a progress
bar and Batal; other long work runs in the background with a progress window after 1 s."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from test_ui_summary import make_plan


@pytest.fixture
def many(tmp_path):
    folder = tmp_path / "nasional"
    folder.mkdir()
    first = make_plan(folder, "000.zidb", "KPU Kabupaten Contoh", 60)
    for n in range(1, 80):
        shutil.copy(first, folder / f"{n:03d}.zidb")
    return folder


def test_rekap_reads_in_a_worker_thread_and_the_window_keeps_running(window, many, dialogs, monkeypatch):
    from zi_desktop.exchange import summary as core
    threads, ticks = set(), []
    real = core.read_one

    def read_one(path):
        threads.add(threading.get_ident())
        time.sleep(0.005)
        return real(path)

    monkeypatch.setattr(core, "read_one", read_one)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    dialogs.folders.append(str(many))
    window.actions.rekap_provinsi.trigger()
    timer.stop()
    dialog = window.files.summary_dialog
    assert dialog.model.rowCount() == 80
    assert threads and threading.get_ident() not in threads        # not read on the window's thread
    assert len(ticks) >= 5                                         # the window's timers kept firing
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5      # never a long freeze
    window.files.close_summary()


def test_batal_stops_the_reading_and_keeps_the_previous_rekap(window, many, tmp_path, dialogs):
    small = tmp_path / "kecil"
    small.mkdir()
    make_plan(small, "a.zidb", "KPU Kabupaten A", 5)
    dialogs.folders.append(str(small))
    window.actions.rekap_provinsi.trigger()
    dialog = window.files.summary_dialog
    assert dialog.model.rowCount() == 1

    def press_batal(value):
        if value >= 3 and dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled():
            dialog.cancel_button.click()

    dialog.progress.valueChanged.connect(press_batal)
    assert dialog.load([str(many)]) is None
    assert "dibatalkan" in dialog.summary_line.text()
    assert dialog.model.rowCount() == 1                            # what was there stays
    assert not dialog.cancel_button.isVisible() and dialog.folder_button.isEnabled()
    window.files.close_summary()


def test_long_work_shows_a_progress_window_after_one_second(window, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from ui import background
    monkeypatch.setattr(background, "SHOW_AFTER_MS", 100)
    seen = []
    timer = QTimer()
    timer.timeout.connect(lambda: seen.extend(d.labelText() for d in window.findChildren(QProgressDialog)
                                              if d.isVisible()))
    timer.start(30)
    result = background.run_busy(window, "Membuat PDF Lampiran…", lambda: time.sleep(0.5) or 42)
    timer.stop()
    assert result == 42
    assert "Membuat PDF Lampiran…" in seen
    QApplication.processEvents()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_errors_of_background_work_reach_the_caller(window):
    from zi_desktop.errors import ZiError

    from ui import background

    def fail():
        raise ZiError("Berkas tidak dapat ditulis.")

    with pytest.raises(ZiError):
        background.run_busy(window, "…", fail)
