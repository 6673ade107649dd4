"""Every dialog of the window speaks Indonesian, and every dialog goes through here.

Qt ships no Indonesian translation (no ``qtbase_id.qm`` among PySide6's ``.qm`` files), so
the standard buttons (Yes/No/Cancel …), the file dialog's labels, the text fields' context
menus and the key names in menu shortcuts would show English. ``install`` puts our own
table in front as a ``QTranslator`` (and Qt's own file, should a later Qt ship one), so
every dialog — ours and Qt's — is Indonesian without each call site setting texts.

The functions below are the window's only way to show a message, ask a question, ask for a
number or a file. A message box is built, then run by ``exec_box`` (tests replace that one
function to answer it); file dialogs are Qt's own (not the OS's, except on Windows where the
native dialog follows the OS language) with the ``~$`` lock files filtered out.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QSortFilterProxyModel, Qt, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QApplication, QFileDialog, QInputDialog, QMessageBox,
                               QTreeView, QWidget)

LOCK_PREFIX = "~$"   # zi_desktop/lockfile.py names the lock "~$" + the plan's name

# (context, English source) → Indonesian. Accelerators (&) kept where Qt has them.
TEXTS: dict[tuple[str, str], str] = {
    # standard buttons (QMessageBox, QDialogButtonBox, QInputDialog)
    ("QPlatformTheme", "OK"): "OK",
    ("QPlatformTheme", "Save"): "Simpan",
    ("QPlatformTheme", "Save All"): "Simpan Semua",
    ("QPlatformTheme", "Open"): "Buka",
    ("QPlatformTheme", "&Yes"): "&Ya",
    ("QPlatformTheme", "Yes to &All"): "Ya untuk &Semua",
    ("QPlatformTheme", "&No"): "&Tidak",
    ("QPlatformTheme", "N&o to All"): "T&idak untuk Semua",
    ("QPlatformTheme", "Abort"): "Hentikan",
    ("QPlatformTheme", "Retry"): "Coba Lagi",
    ("QPlatformTheme", "Ignore"): "Abaikan",
    ("QPlatformTheme", "Close"): "Tutup",
    ("QPlatformTheme", "Cancel"): "Batal",
    ("QPlatformTheme", "Discard"): "Buang",
    ("QPlatformTheme", "Help"): "Bantuan",
    ("QPlatformTheme", "Apply"): "Terapkan",
    ("QPlatformTheme", "Reset"): "Atur Ulang",
    ("QPlatformTheme", "Restore Defaults"): "Kembalikan Bawaan",
    ("QMessageBox", "Show Details..."): "Tampilkan Rincian…",
    ("QMessageBox", "Hide Details..."): "Sembunyikan Rincian…",
    ("QInputDialog", "Enter a value:"): "Isikan nilai:",
    # the file dialog (Qt's own)
    ("QFileDialog", "&Open"): "&Buka",
    ("QFileDialog", "Open"): "Buka",
    ("QFileDialog", "&Save"): "&Simpan",
    ("QFileDialog", "Save As"): "Simpan Sebagai",
    ("QFileDialog", "&Choose"): "&Pilih",
    ("QFileDialog", "&Look in:"): "&Cari di:",
    ("QFileDialog", "File &name:"): "&Nama berkas:",
    ("QFileDialog", "Files of &type:"): "&Jenis berkas:",
    ("QFileDialog", "Directory:"): "Folder:",
    ("QFileDialog", "Directories"): "Folder",
    ("QFileDialog", "Files"): "Berkas",
    ("QFileDialog", "All Files (*)"): "Semua berkas (*)",
    ("QFileDialog", "Back"): "Kembali",
    ("QFileDialog", "Go back"): "Kembali",
    ("QFileDialog", "Forward"): "Maju",
    ("QFileDialog", "Go forward"): "Maju",
    ("QFileDialog", "Parent Directory"): "Folder induk",
    ("QFileDialog", "Go to the parent directory"): "Ke folder induk",
    ("QFileDialog", "Create New Folder"): "Buat Folder Baru",
    ("QFileDialog", "Create a New Folder"): "Buat folder baru",
    ("QFileDialog", "&New Folder"): "Folder &Baru",
    ("QFileDialog", "New Folder"): "Folder Baru",
    ("QFileDialog", "&Delete"): "&Hapus",
    ("QFileDialog", "&Rename"): "&Ganti Nama",
    ("QFileDialog", "List View"): "Tampilan Daftar",
    ("QFileDialog", "Detail View"): "Tampilan Rinci",
    ("QFileDialog", "Change to list view mode"): "Tampilkan sebagai daftar",
    ("QFileDialog", "Change to detail view mode"): "Tampilkan dengan rincian",
    ("QFileDialog", "Show &hidden files"): "Tampilkan berkas &tersembunyi",
    ("QFileDialog", "Sidebar"): "Panel samping",
    ("QFileDialog", "Show "): "Tampilkan ",          # + a column's name, in the header's menu
    ("QFileDialog", "List of places and bookmarks"): "Daftar tempat dan penanda",
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "Yakin ingin menghapus '%1'?",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"):
        "%1 sudah ada.\nTimpa berkas itu?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "%1\nBerkas tidak ditemukan.\nPeriksa lagi nama berkasnya.",
    ("QFileSystemModel", "Name"): "Nama",
    ("QFileSystemModel", "Size"): "Ukuran",
    ("QFileSystemModel", "Type"): "Jenis",
    ("QFileSystemModel", "Date Modified"): "Diubah",
    ("QFileSystemModel", "Computer"): "Komputer",
    ("QAbstractFileIconProvider", "Drive"): "Diska",
    ("QAbstractFileIconProvider", "Folder"): "Folder",
    ("QAbstractFileIconProvider", "File"): "Berkas",
    # context menus of text fields
    ("QLineEdit", "&Undo"): "&Urungkan",
    ("QLineEdit", "&Redo"): "U&langi",
    ("QLineEdit", "Cu&t"): "Po&tong",
    ("QLineEdit", "&Copy"): "&Salin",
    ("QLineEdit", "&Paste"): "T&empel",
    ("QLineEdit", "Delete"): "Hapus",
    ("QLineEdit", "Select All"): "Pilih Semua",
    ("QWidgetTextControl", "&Undo"): "&Urungkan",
    ("QWidgetTextControl", "&Redo"): "U&langi",
    ("QWidgetTextControl", "Cu&t"): "Po&tong",
    ("QWidgetTextControl", "&Copy"): "&Salin",
    ("QWidgetTextControl", "Copy &Link Location"): "Salin &Alamat Tautan",
    ("QWidgetTextControl", "&Paste"): "T&empel",
    ("QWidgetTextControl", "Delete"): "Hapus",
    ("QWidgetTextControl", "Select All"): "Pilih Semua",
    ("QAbstractSpinBox", "&Select All"): "&Pilih Semua",
    ("QAbstractSpinBox", "&Step up"): "&Naik",
    ("QAbstractSpinBox", "Step &down"): "&Turun",
    # key names in menu shortcuts (Ctrl, Shift, Alt stay as printed on the keyboard)
    ("QShortcut", "Space"): "Spasi",
    ("QShortcut", "Up"): "↑",
    ("QShortcut", "Down"): "↓",
    ("QShortcut", "Left"): "←",
    ("QShortcut", "Right"): "→",
    ("QShortcut", "Print"): "Print Screen",
    ("QShortcut", "Backtab"): "Shift+Tab",
    ("QFileDialog", "Alt+Left"): "Alt+←",
    ("QFileDialog", "Alt+Right"): "Alt+→",
    ("QFileDialog", "Alt+Up"): "Alt+↑",
}

# English texts of standard buttons: a test fails when one of them is seen on a button.
ENGLISH_BUTTONS = frozenset(
    t.replace("&", "") for (ctx, t) in TEXTS if ctx in ("QPlatformTheme", "QFileDialog", "QMessageBox")
) - {"OK", "Folder"}


class IndonesianTranslator(QTranslator):
    """Our table as a translator: Qt asks it for each text it shows."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 — Qt's virtual
        return TEXTS.get((context, source))   # None: not ours, Qt keeps looking / keeps English

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []


def install(app: QApplication) -> None:
    """Indonesian for Qt's own texts (once per application)."""
    if _installed:
        return
    ours = IndonesianTranslator(app)
    app.installTranslator(ours)
    _installed.append(ours)
    # Should Qt ever ship Indonesian, its file wins (installed later = asked first).
    qt = QTranslator(app)
    if qt.load(QLocale(QLocale.Indonesian, QLocale.Indonesia), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)


# --- message boxes ------------------------------------------------------------------------

def exec_box(box: QMessageBox) -> QAbstractButton | None:
    """Show ``box`` and return the button pressed (None: closed with Esc). Tests replace this."""
    box.exec()
    return box.clickedButton()


def _box(parent, icon, title: str, text: str, buttons=QMessageBox.Ok, default=QMessageBox.NoButton) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    if default != QMessageBox.NoButton:
        box.setDefaultButton(default)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    exec_box(_box(parent, QMessageBox.Information, title, text))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    exec_box(_box(parent, QMessageBox.Warning, title, text))


def error(parent: QWidget | None, title: str, text: str) -> None:
    exec_box(_box(parent, QMessageBox.Critical, title, text))


def about(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Information, title, text)
    box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
    exec_box(box)


def ask_yes_no(parent: QWidget | None, title: str, text: str, default_yes: bool = False) -> bool:
    """Ya / Tidak; Esc is Tidak."""
    box = _box(parent, QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No,
               QMessageBox.Yes if default_yes else QMessageBox.No)
    return exec_box(box) is box.button(QMessageBox.Yes)


def choose(parent: QWidget | None, title: str, text: str, options: list[str], *, default: int = 0,
           details: str = "", icon=QMessageBox.Warning) -> int | None:
    """Buttons with our own words ("Perbaiki dulu", "Kirim tetap"); returns the index pressed,
    None for Esc. The first option is the safe one (Esc means it too)."""
    box = _box(parent, icon, title, text, QMessageBox.NoButton)
    if details:
        box.setInformativeText(details)
    buttons = []
    for i, label in enumerate(options):
        role = QMessageBox.RejectRole if i == 0 else QMessageBox.AcceptRole
        buttons.append(box.addButton(label, role))
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[0])
    clicked = exec_box(box)
    return buttons.index(clicked) if clicked in buttons else None


# --- numbers ------------------------------------------------------------------------------

def exec_input(dialog: QInputDialog) -> bool:
    """Show ``dialog``; True when accepted. Tests replace this."""
    return dialog.exec() == QInputDialog.Accepted


def get_int(parent: QWidget | None, title: str, label: str, value: int, lo: int, hi: int) -> int | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.IntInput)
    dialog.setIntRange(lo, hi)
    dialog.setIntValue(value)
    dialog.setOkButtonText(QApplication.translate("QPlatformTheme", "OK"))
    dialog.setCancelButtonText(QApplication.translate("QPlatformTheme", "Cancel"))
    return dialog.intValue() if exec_input(dialog) else None


# --- files --------------------------------------------------------------------------------

# The type column of Qt's own file dialog: the system's MIME names are English ("empty
# document", "PDF document"); the files a secretariat meets get Indonesian names.
FILE_TYPES = {
    ".zidb": "Rencana ZI", ".pdf": "Dokumen PDF", ".docx": "Dokumen Word",
    ".doc": "Dokumen Word 97-2003", ".xlsx": "Buku kerja Excel", ".xls": "Buku kerja Excel 97-2003",
    ".txt": "Dokumen teks", ".csv": "Data CSV", ".jpg": "Gambar JPEG", ".jpeg": "Gambar JPEG",
    ".png": "Gambar PNG", ".zip": "Arsip ZIP", ".bak": "Cadangan",
}
_SIZE_UNITS = ("bita", "KB", "MB", "GB", "TB")


def file_size_text(size: int) -> str:
    """Bytes as Windows Explorer in Indonesian shows them: "0 bita", "48,2 KB", "1,5 MB"."""
    value, unit = float(size), 0
    while value >= 1024 and unit < len(_SIZE_UNITS) - 1:
        value, unit = value / 1024, unit + 1
    if unit == 0:
        return f"{int(value)} bita"
    text = f"{value:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text} {_SIZE_UNITS[unit]}"


def file_type_text(name: str, is_folder: bool) -> str:
    if is_folder:
        return "Folder"
    ext = os.path.splitext(name)[1].lower()
    return FILE_TYPES.get(ext) or (f"Berkas {ext[1:].upper()}" if ext else "Berkas")


class DialogFiles(QSortFilterProxyModel):
    """The files of Qt's own dialog: without the ``~$plan.zidb`` lock beside an open plan (no
    file to open or overwrite), with sizes and types in Indonesian."""

    def filterAcceptsRow(self, row: int, parent) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        return not str(index.data() or "").startswith(LOCK_PREFIX)

    def data(self, index, role=Qt.DisplayRole):
        source = self.sourceModel()
        if role == Qt.DisplayRole and index.column() in (1, 2, 3) and hasattr(source, "fileInfo"):
            info = source.fileInfo(self.mapToSource(index))
            if index.column() == 1:
                return "" if info.isDir() else file_size_text(info.size())
            if index.column() == 2:
                return file_type_text(info.fileName(), info.isDir())
            return info.lastModified().toString("dd/MM/yyyy HH.mm")   # as Windows writes it
        return super().data(index, role)


def use_native() -> bool:
    """Windows: the native dialog (in the OS language; the lock file is hidden there).
    Elsewhere Qt's own, in Indonesian and without lock files."""
    return sys.platform == "win32"


def file_dialog(parent, title: str, folder: str, filter_: str, *, save: bool = False,
                many: bool = False, folders: bool = False) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, filter_)
    if not use_native():
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        dialog.setProxyModel(DialogFiles(dialog))
        details = dialog.findChild(QTreeView, "treeView")
        if details is not None:      # room for "Buku kerja Excel" and the date
            details.header().resizeSection(2, 150)
            details.header().resizeSection(3, 120)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setFileMode(QFileDialog.AnyFile)
        if folder and not os.path.isdir(folder):
            dialog.selectFile(folder)
    elif folders:
        dialog.setFileMode(QFileDialog.Directory)
        dialog.setOption(QFileDialog.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.ExistingFiles if many else QFileDialog.ExistingFile)
    return dialog


def _run_file_dialog(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QFileDialog.Accepted else []


def open_file(parent, title: str, folder: str, filter_: str) -> str:
    """The chosen file's path, or "" when cancelled."""
    chosen = _run_file_dialog(file_dialog(parent, title, folder, filter_))
    return chosen[0] if chosen else ""


def open_files(parent, title: str, folder: str, filter_: str) -> list[str]:
    return _run_file_dialog(file_dialog(parent, title, folder, filter_, many=True))


def save_file(parent, title: str, suggested: str, filter_: str) -> str:
    chosen = _run_file_dialog(file_dialog(parent, title, suggested, filter_, save=True))
    return chosen[0] if chosen else ""


def choose_folder(parent, title: str, folder: str) -> str:
    chosen = _run_file_dialog(file_dialog(parent, title, folder, "", folders=True))
    return chosen[0] if chosen else ""
