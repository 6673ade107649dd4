"""Rencana Baru: a small wizard on one page — unit, year, what to start from, where to save."""

from __future__ import annotations

import datetime as _dt
import os

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (QButtonGroup, QDialog, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox,
                               QVBoxLayout, QWidget)

from . import dialogs_id
from .dialog_parts import add_buttons, add_error_line


PLANS_FOLDER = "Rencana Aksi ZI"   # inside the user's Documents ("Dokumen" on Indonesian Windows)


def plans_folder() -> str:
    """Documents/Rencana Aksi ZI: where a new plan goes unless the user keeps plans elsewhere
    (created when the first plan is saved there)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or os.path.expanduser("~")
    return os.path.join(documents, PLANS_FOLDER)


def default_file_name(satker: str, tahun: int) -> str:
    unit = " ".join(satker.split()) or "Satuan Kerja"
    for bad in '<>:"/\\|?*':
        unit = unit.replace(bad, "-")
    return f"Rencana Aksi ZI {tahun} - {unit}.zidb"


class NewPlanDialog(QDialog):
    def __init__(self, folder: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rencana Baru"))
        self.setMinimumWidth(560)
        self.folder = folder
        self._path_edited = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Buat berkas rencana aksi baru. Isian lain (nomor keputusan, "
                               "penanda tangan …) dapat dilengkapi nanti di Berkas ▸ Identitas Rencana."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.satker = QLineEdit()
        self.satker.setPlaceholderText(self.tr("mis. KPU Kabupaten Kudus"))
        form.addRow(self.tr("Satuan &kerja"), self.satker)
        self.tahun = QSpinBox()
        self.tahun.setRange(2000, 2999)
        self.tahun.setValue(_dt.date.today().year)
        form.addRow(self.tr("&Tahun rencana"), self.tahun)

        self.standar = QRadioButton(self.tr("Templat standar: 6 area, komponen dan indikator "
                                            "PermenPANRB 90/2021 jo. 5/2024"))
        self.inovasi = QRadioButton(self.tr("Templat standar ditambah area VII Inovasi Pelayanan"))
        self.kosong = QRadioButton(self.tr("Kosong: saya susun sendiri"))
        group = QButtonGroup(self)
        start = QVBoxLayout()
        for button in (self.standar, self.inovasi, self.kosong):
            group.addButton(button)
            start.addWidget(button)
        self.standar.setChecked(True)
        form.addRow(self.tr("Isi awal"), start)

        where_box = QWidget()
        where = QHBoxLayout(where_box)
        where.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit()
        self.path.textEdited.connect(self._path_typed)
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self._browse)
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form.addRow(self.tr("Simpan &di"), where_box)
        form.labelForField(where_box).setBuddy(self.path)
        layout.addLayout(form)

        self.error = add_error_line(layout)
        add_buttons(self, layout, self.tr("Buat Rencana"))
        self.satker.textChanged.connect(self._suggest)
        self.tahun.valueChanged.connect(self._suggest)
        self._suggest()

    def _path_typed(self, _text: str) -> None:
        self._path_edited = True

    def _suggest(self, *_args) -> None:
        if not self._path_edited:
            self.path.setText(os.path.join(self.folder, default_file_name(self.satker.text(), self.tahun.value())))

    def _browse(self) -> None:
        path = dialogs_id.save_file(self, self.tr("Simpan rencana baru"), self.path.text(),
                                              self.tr("Rencana ZI (*.zidb)"))
        if path:
            if not path.lower().endswith(".zidb"):
                path += ".zidb"
            self.path.setText(path)
            self._path_edited = True

    @staticmethod
    def _make_folder(folder: str) -> bool:
        """The proposed plans folder is made on first use; any other folder must exist."""
        if os.path.isdir(folder):
            return True
        if os.path.normcase(folder) != os.path.normcase(os.path.abspath(plans_folder())):
            return False
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError:
            return False
        return True

    def template(self) -> tuple[str, bool]:
        """(template name, with area VII inovasi)."""
        if self.kosong.isChecked():
            return "kosong", False
        return "standar", self.inovasi.isChecked()

    def target(self) -> str:
        path = self.path.text().strip()
        if path and not path.lower().endswith(".zidb"):
            path += ".zidb"
        return path

    def accept(self) -> None:
        problem = None
        if not self.satker.text().strip():
            problem = self.tr("Tulis nama satuan kerja, mis. \"KPU Kabupaten Kudus\".")
        elif not self.target():
            problem = self.tr("Pilih tempat menyimpan berkas rencana.")
        elif os.path.exists(self.target()):
            problem = self.tr("Berkas itu sudah ada; pilih nama lain agar tidak tertimpa.")
        elif not self._make_folder(os.path.dirname(os.path.abspath(self.target()))):
            problem = self.tr("Folder tujuan tidak ada; pilih folder lain dengan tombol Pilih….")
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()
