"""The monitoring part of a langkah aksi's form: the realisasi of one month (status, persen,
catatan) and the evidence files (drop files on the list, Tambah…, Buka, Hapus).

Every change is a core edit pushed through the ``Editor`` (undoable). "Buka" writes a temporary
copy and hands it to the system viewer — nothing attached is ever run by ZI Desktop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from zi_desktop.dates import format_bulan
from zi_desktop.errors import ZiError
from zi_desktop.pemantauan.edits import RemoveBukti, SetRealisasi, attach_many
from zi_desktop.pemantauan.files import temp_copy
from zi_desktop.pemantauan.progress import default_sampai, period

from .fields import CommitTextEdit

STATUS_CHOICES = [(None, "Belum dilaporkan"), ("belum", "Belum"), ("sebagian", "Sebagian"),
                  ("selesai", "Selesai")]
BuktiRole = Qt.UserRole + 1


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f}".replace(".", ",") + " MB"
    return f"{max(1, round(n / 1024))} KB"


class _DropList(QListWidget):
    """The evidence list; files dropped on it are attached (``panel.attach``)."""

    def __init__(self, panel: "RealisasiPanel") -> None:
        super().__init__()
        self.panel = panel
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DropOnly)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)

    def _files(self, event) -> list[str]:
        mime = event.mimeData()
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event) -> None:
        if self._files(event) and not self.panel.doc.readonly:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.panel.attach(files)


class RealisasiPanel(QWidget):
    def __init__(self, editor, parent=None, *, today=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self.aksi_id: int | None = None
        self._today = today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        box = QGroupBox(self.tr("Realisasi"))
        grid = QGridLayout(box)
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Bulan realisasi"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status realisasi"))
        for value, label in STATUS_CHOICES:
            self.status.addItem(self.tr(label), value)
        self.persen = QSpinBox()
        self.persen.setRange(0, 100)
        self.persen.setSuffix(" %")
        self.persen.setAccessibleName(self.tr("Persen realisasi"))
        self.catatan = CommitTextEdit(3)
        self.catatan.setObjectName("aksi_catatan")
        self.catatan.setPlaceholderText(self.tr("Kendala dan tindak lanjut bulan ini"))
        self.catatan.setAccessibleName(self.tr("Catatan realisasi"))
        grid.addWidget(QLabel(self.tr("Bulan")), 0, 0)
        grid.addWidget(self.month, 0, 1)
        grid.addWidget(QLabel(self.tr("Status")), 0, 2)
        grid.addWidget(self.status, 0, 3)
        grid.addWidget(QLabel(self.tr("Persen")), 0, 4)
        grid.addWidget(self.persen, 0, 5)
        grid.addWidget(QLabel(self.tr("Kendala / tindak lanjut")), 1, 0, 1, 6)
        grid.addWidget(self.catatan, 2, 0, 1, 6)
        layout.addWidget(box)

        ebox = QGroupBox(self.tr("Bukti dukung (tarik berkas ke daftar ini)"))
        inner = QVBoxLayout(ebox)
        self.files = _DropList(self)
        self.files.setAccessibleName(self.tr("Daftar bukti dukung"))
        self.files.setMinimumHeight(70)
        self.files.itemActivated.connect(lambda _item: self.open_selected())
        inner.addWidget(self.files)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah berkas…"))
        self.open_button = QPushButton(self.tr("Buka"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        layout.addWidget(ebox)

        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.month.currentIndexChanged.connect(lambda _i: self._show_month())
        self.status.activated.connect(lambda _i: self._status_chosen())
        self.persen.editingFinished.connect(self._persen_done)
        self.catatan.committed.connect(self._catatan_done)
        self._fill_months()
        self.set_readonly(self.doc.readonly)

    # --- showing ------------------------------------------------------------------------

    def _fill_months(self) -> None:
        rencana = self.doc.identitas()
        self.month.blockSignals(True)
        current = self.month.currentData()
        self.month.clear()
        for m in period(rencana):
            self.month.addItem(format_bulan(m), m)
        i = self.month.findData(current or default_sampai(rencana, self._today))
        self.month.setCurrentIndex(max(0, i))
        self.month.blockSignals(False)

    def set_readonly(self, readonly: bool) -> None:
        for w in (self.status, self.persen, self.add_button, self.remove_button):
            w.setEnabled(not readonly)
        self.catatan.setReadOnly(readonly)

    def show_aksi(self, aksi_id: int | None, month: str | None = None) -> None:
        self.aksi_id = aksi_id
        if month is not None and self.month.findData(month) >= 0:
            self.month.blockSignals(True)
            self.month.setCurrentIndex(self.month.findData(month))
            self.month.blockSignals(False)
        self.reload()

    def current_month(self) -> str:
        return self.month.currentData()

    def _entry(self) -> dict | None:
        if self.aksi_id is None:
            return None
        return next((r for r in self.doc.realisasi(self.aksi_id) if r["bulan"] == self.current_month()), None)

    def reload(self) -> None:
        self._show_month()
        self.files.clear()
        if self.aksi_id is None:
            return
        for b in self.doc.bukti(self.aksi_id):
            when = format_bulan(b["bulan"]) if b["bulan"] else self.tr("tanpa bulan")
            item = QListWidgetItem(f"{b['nama']}  —  {size_text(b['ukuran'])}, {when}")
            item.setData(BuktiRole, b["id"])
            item.setToolTip(f"{b['nama']}\n{b['jenis']}\nsha256 {b['sha256']}")
            self.files.addItem(item)

    def _show_month(self) -> None:
        entry = self._entry()
        status = entry["status"] if entry else None
        self.status.setCurrentIndex(self.status.findData(status))
        self.persen.blockSignals(True)
        self.persen.setValue(entry["persen"] if entry else 0)
        self.persen.blockSignals(False)
        self.persen.setEnabled(not self.doc.readonly and status == "sebagian")
        self.catatan.set_value(entry["catatan"] if entry else "")

    # --- editing ------------------------------------------------------------------------

    def _push(self, edit) -> bool:
        ok = self.editor.push(edit)
        if not ok:
            self.reload()
        return ok

    def _status_chosen(self) -> None:
        if self.aksi_id is None:
            return
        status = self.status.currentData()
        entry = self._entry()
        if (entry["status"] if entry else None) == status:
            return
        self._push(SetRealisasi(self.aksi_id, self.current_month(), status,
                                catatan=self.catatan.value() if status else None))

    def _persen_done(self) -> None:
        entry = self._entry()
        if self.aksi_id is None or entry is None or entry["persen"] == self.persen.value():
            return
        value = self.persen.value()
        status = "selesai" if value == 100 else "belum" if value == 0 else "sebagian"
        self._push(SetRealisasi(self.aksi_id, self.current_month(), status, value))

    def _catatan_done(self, text: str) -> None:
        if self.aksi_id is None:
            return
        entry = self._entry()
        status = entry["status"] if entry else "belum"
        self._push(SetRealisasi(self.aksi_id, self.current_month(), status,
                                entry["persen"] if entry else None, text))

    def attach(self, paths: list[str]) -> bool:
        if self.aksi_id is None or not paths:
            return False
        try:
            edit = attach_many(self.aksi_id, [Path(p) for p in paths], self.current_month())
        except ZiError as err:    # refused before anything is written (a program, too large …)
            self.editor.failed.emit(err.message)
            return False
        return self._push(edit)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Lampirkan Bukti Dukung"), "",
                                                self.tr("Dokumen dan gambar (*.pdf *.jpg *.jpeg *.png *.doc *.docx "
                                                        "*.xls *.xlsx *.odt *.txt);;Semua berkas (*)"))
        self.attach(paths)

    def selected_ids(self) -> list[int]:
        return [item.data(BuktiRole) for item in self.files.selectedItems()]

    def open_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        try:
            path = temp_copy(self.doc, ids[0])
        except ZiError as err:
            self.editor.failed.emit(err.message)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        if len(ids) == 1:
            return self._push(RemoveBukti(ids[0]))
        from zi_desktop.edits import Batch
        return self._push(Batch([RemoveBukti(i) for i in ids], label=self.tr("Hapus bukti dukung")))

    def on_changes(self, changes) -> None:
        """Called by the form with the document's changes."""
        if any(c.kind == "identitas" for c in changes):
            self._fill_months()
        if any(c.level == "aksi" and c.id == self.aksi_id for c in changes):
            self.reload()
