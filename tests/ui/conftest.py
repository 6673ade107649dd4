"""Fixtures for the window's tests (pytest loads them for every module in tests/ui/).

``_ui_isolation`` (autouse) sends QSettings and standard paths to a temporary folder and
replaces every modal dialog with a recorder, so no test ever blocks or touches the user's
settings. Tests queue the answers a dialog should give in ``dialogs``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from zi_desktop.document import Dokumen

from plans import window_plan
from qt_input import focused, node_titles, press, type_text


_KINDS = {QMessageBox.Information: "information", QMessageBox.Warning: "warning",
          QMessageBox.Critical: "critical", QMessageBox.Question: "question"}


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
        self.boxes: list[QMessageBox] = []              # the message boxes shown, to inspect
        self.english: list[str] = []                    # English standard buttons seen (must stay empty)

    def check_buttons(self, dialog) -> None:
        """Every dialog the program shows: no English standard button (Yes, Cancel, Open …)."""
        from ui.dialogs_id import ENGLISH_BUTTONS
        english = [b.text() for b in dialog.findChildren(QAbstractButton)
                   if b.text().replace("&", "") in ENGLISH_BUTTONS]
        self.english.extend(english)
        assert not english, f"tombol berbahasa Inggris di \"{dialog.windowTitle()}\": {english}"

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
    # The user's Documents (where new plans are proposed) is a temporary folder in tests.
    documents = str(tmp_path_factory.mktemp("Documents"))
    real_location = QStandardPaths.writableLocation
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(
        lambda kind: documents if kind == QStandardPaths.DocumentsLocation else real_location(kind)))

    from ui import dialogs_id
    dialogs_id.install(qapp)

    def message(kind, default):
        def show(parent, title, text, *args, **kwargs):
            buttons = args[0] if args else kwargs.get("buttons", QMessageBox.Ok)
            dialogs.check_buttons(QMessageBox(QMessageBox.NoIcon, title, text, buttons))
            dialogs.messages.append((kind, title, text))
            return default
        return show

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(message("critical", QMessageBox.Ok)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(message("warning", QMessageBox.Ok)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(message("information", QMessageBox.Ok)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(message("about", None)))

    def question(parent, title, text, *args, **kwargs):
        buttons = args[0] if args else kwargs.get("buttons", QMessageBox.Yes | QMessageBox.No)
        dialogs.check_buttons(QMessageBox(QMessageBox.Question, title, text, buttons))
        dialogs.messages.append(("question", title, text))
        return dialogs.questions.pop(0) if dialogs.questions else QMessageBox.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.Ok)

    def exec_box(box):
        """ui/dialogs_id's message boxes: recorded, buttons checked, answered from the queue
        (a StandardButton for Ya/Tidak questions, a button's text for our own words)."""
        dialogs.check_buttons(box)
        custom = [b for b in box.buttons() if box.standardButton(b) == QMessageBox.NoButton]
        kind = "choose" if custom else _KINDS.get(box.icon(), "about")
        dialogs.messages.append((kind, box.windowTitle(), box.text()))
        dialogs.boxes.append(box)
        if custom:
            answer = dialogs.questions.pop(0) if dialogs.questions else None
            match = [b for b in custom if b.text().replace("&", "") == answer]
            return match[0] if match else box.escapeButton()
        if kind == "question":
            return box.button(dialogs.questions.pop(0) if dialogs.questions else QMessageBox.No)
        return box.button(QMessageBox.Ok)

    monkeypatch.setattr(dialogs_id, "exec_box", exec_box)

    def exec_input(dialog):
        dialogs.check_buttons(dialog)
        dialogs.messages.append(("getInt", dialog.windowTitle(), dialog.labelText()))
        if not dialogs.ints:
            return False
        dialog.setIntValue(dialogs.ints.pop(0))
        return True

    monkeypatch.setattr(dialogs_id, "exec_input", exec_input)

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
    monkeypatch.setattr(dialogs_id, "open_file", lambda *a, **k: get_open(*a, **k)[0])
    monkeypatch.setattr(dialogs_id, "save_file", lambda *a, **k: get_save(*a, **k)[0])
    monkeypatch.setattr(dialogs_id, "open_files", lambda *a, **k: get_opens(*a, **k)[0])
    monkeypatch.setattr(dialogs_id, "choose_folder", get_folder)
    monkeypatch.setattr(QFileDialog, "exec", lambda self: QDialog.Rejected)

    def get_int(parent, title, label, value=0, *args, **kwargs):
        dialogs.messages.append(("getInt", title, label))
        return (dialogs.ints.pop(0), True) if dialogs.ints else (value, False)

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(get_int))
    # Our own dialogs: rejected unless a test patches their exec to fill and accept them.
    def reject_dialog(self):
        dialogs.check_buttons(self)
        return QDialog.Rejected

    monkeypatch.setattr(QDialog, "exec", reject_dialog)

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


@pytest.fixture
def plan_path(tmp_path) -> Path:
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, window_plan()).close()
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


@pytest.fixture
def helpers():
    class H:
        pass
    h = H()
    h.type_text = type_text
    h.press = press
    h.focused = focused
    h.node_titles = node_titles
    h.window_plan = window_plan
    return h
