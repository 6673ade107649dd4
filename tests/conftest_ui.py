"""Fixtures for the window's tests: ``from conftest_ui import *`` at the top of a test module.

``_ui_isolation`` (autouse) sends QSettings and standard paths to a temporary folder and
replaces every modal dialog with a recorder, so no test ever blocks or touches the user's
settings. Tests queue the answers a dialog should give in ``dialogs``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from zi_desktop.document import Dokumen


class Dialogs:
    """What the stubbed dialogs were asked, and what they answer next."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []   # (kind, title, text)
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []
        self.folders: list[str] = []                    # answers for getExistingDirectory
        self.open_lists: list[list[str]] = []           # answers for getOpenFileNames
        self.ints: list[int] = []
        self.questions: list = []          # answers for QMessageBox.question
        self.opened_urls: list[str] = []
        self.file_dialogs: list[tuple[str, str]] = []   # (title, suggested path)

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.messages if kind is None or k == kind]


@pytest.fixture(autouse=True)
def _ui_isolation(tmp_path_factory, monkeypatch, qapp):
    from ui import settings
    settings.forget()
    folder = tmp_path_factory.mktemp("qsettings")
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.IniFormat)
    for scope in (QSettings.UserScope, QSettings.SystemScope):
        QSettings.setPath(QSettings.IniFormat, scope, str(folder))
    qapp.setOrganizationName("ZI Desktop")
    qapp.setApplicationName("ZI Desktop")
    dialogs = Dialogs()

    def message(kind, default):
        def show(parent, title, text, *args, **kwargs):
            dialogs.messages.append((kind, title, text))
            return default
        return show

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(message("critical", QMessageBox.Ok)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(message("warning", QMessageBox.Ok)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(message("information", QMessageBox.Ok)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(message("about", None)))

    def question(parent, title, text, *args, **kwargs):
        dialogs.messages.append(("question", title, text))
        return dialogs.questions.pop(0) if dialogs.questions else QMessageBox.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.Ok)

    def get_open(parent=None, caption="", directory="", filter="", *args, **kwargs):
        dialogs.file_dialogs.append((caption, directory))
        return (dialogs.open_paths.pop(0), "") if dialogs.open_paths else ("", "")

    def get_save(parent=None, caption="", directory="", filter="", *args, **kwargs):
        dialogs.file_dialogs.append((caption, directory))
        return (dialogs.save_paths.pop(0), "") if dialogs.save_paths else ("", "")

    def get_folder(parent=None, caption="", directory="", *args, **kwargs):
        dialogs.file_dialogs.append((caption, directory))
        return dialogs.folders.pop(0) if dialogs.folders else ""

    def get_opens(parent=None, caption="", directory="", filter="", *args, **kwargs):
        dialogs.file_dialogs.append((caption, directory))
        return (dialogs.open_lists.pop(0), "") if dialogs.open_lists else ([], "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(get_folder))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_opens))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QFileDialog, "exec", lambda self: QDialog.Rejected)

    def get_int(parent, title, label, value=0, *args, **kwargs):
        dialogs.messages.append(("getInt", title, label))
        return (dialogs.ints.pop(0), True) if dialogs.ints else (value, False)

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(get_int))
    # Our own dialogs: rejected unless a test patches their exec to fill and accept them.
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.Rejected)

    def open_url(url):
        dialogs.opened_urls.append(url.toLocalFile() or url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    yield dialogs
    settings.forget()
    QSettings.setDefaultFormat(QSettings.NativeFormat)


@pytest.fixture
def dialogs(_ui_isolation) -> Dialogs:
    return _ui_isolation


# --- plans ----------------------------------------------------------------------------------

def small_plan(tahun: int = 2025) -> dict:
    return {
        "rencana": {"satker": "KPU Kabupaten Contoh", "tahun": tahun, "nomor": "14",
                    "tanggal": f"{tahun}-01-02", "tempat": "Contoh"},
        "area": [
            {"nama": "MANAJEMEN PERUBAHAN", "penanggung_jawab": "Tim Manajemen Perubahan", "komponen": [
                {"nama": "Penyusunan Tim Kerja", "indikator": [
                    {"teks": "Unit kerja telah membentuk tim", "aksi": [
                        {"langkah": "Membentuk tim kerja", "bukti_fisik": "1. SK Tim\n2. Undangan rapat",
                         "target_waktu": f"Januari {tahun}", "bulan": [f"{tahun}-01"]},
                        {"langkah": "Rapat koordinasi", "bukti_fisik": "1. Notulen",
                         "target_waktu": "", "bulan": []},
                    ]},
                    {"teks": "Tim kerja menyusun rencana kerja", "aksi": [
                        {"langkah": "Menyusun rencana kerja", "bukti_fisik": "Dokumen rencana",
                         "target_waktu": f"Februari {tahun}", "bulan": [f"{tahun}-02"]},
                    ]},
                ]},
                {"nama": "Rencana Pembangunan Zona Integritas", "indikator": []},
            ]},
            {"nama": "PENATAAN TATA LAKSANA", "penanggung_jawab": "", "komponen": [
                {"nama": "Prosedur Operasional Tetap", "indikator": [
                    {"teks": "SOP telah disusun", "aksi": []}]}]},
        ],
    }


@pytest.fixture
def plan_path(tmp_path) -> Path:
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    return path


@pytest.fixture
def empty_path(tmp_path) -> Path:
    path = tmp_path / "kosong.zidb"
    Dokumen.create(path, tahun=2025, satker="KPU Kabupaten Contoh").close()
    return path


@pytest.fixture
def window(qtbot):
    from ui.main_window import MainWindow
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.raise_()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    if win.doc is not None:
        win.close_document()


@pytest.fixture
def opened(window, plan_path):
    assert window.open_path(str(plan_path))
    QApplication.processEvents()
    return window


# --- typing -----------------------------------------------------------------------------------

def type_text(widget, text: str) -> None:
    """Type like a user; non-ASCII characters as single key events (qtbot.keyClicks aborts)."""
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key_Return)
        elif ord(ch) < 128:
            QTest.keyClick(widget, ch)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def press(widget, key, modifiers=Qt.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def focused():
    return QApplication.focusWidget()


def node_titles(model, level: str) -> list[str]:
    from zi_desktop.model import LEVELS
    return [n.data[LEVELS[level].title] for n in model.nodes_of_level(level)]


@pytest.fixture
def helpers():
    class H:
        pass
    h = H()
    h.type_text = type_text
    h.press = press
    h.focused = focused
    h.node_titles = node_titles
    h.small_plan = small_plan
    return h


__all__ = ["Dialogs", "small_plan", "type_text", "press", "focused", "node_titles",
           "_ui_isolation", "dialogs", "plan_path", "empty_path", "window", "opened", "helpers"]
