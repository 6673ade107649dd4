"""What the window shows when no plan is open: the first steps and the recent files."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QStyle, QVBoxLayout, QWidget)


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    import_requested = Signal()
    paste_requested = Signal()      # the Lampiran table copied from Word or Excel (also Ctrl+V here)
    summary_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)

        title = QLabel(self.tr("ZI Desktop"))
        title.setObjectName("welcomeTitle")
        column.addWidget(title)
        subtitle = QLabel(self.tr("Menyusun, mencetak dan memantau Rencana Aksi Pembangunan "
                                  "Zona Integritas menuju WBK/WBBM."))
        subtitle.setObjectName("welcomeSubtitle")
        subtitle.setWordWrap(True)
        column.addWidget(subtitle)
        column.addSpacing(18)

        style = self.style()
        buttons = QHBoxLayout()
        for text, icon, signal in (
                (self.tr("Rencana Baru…"), QStyle.SP_FileIcon, self.new_requested),
                (self.tr("Buka Rencana…"), QStyle.SP_DialogOpenButton, self.open_requested),
                (self.tr("Impor Lampiran…"), QStyle.SP_ArrowDown, self.import_requested),
                (self.tr("Tempel Lampiran…"), QStyle.SP_FileDialogDetailedView, self.paste_requested),
                (self.tr("Lihat Contoh"), QStyle.SP_FileDialogInfoView, self.demo_requested)):
            button = QPushButton(style.standardIcon(icon), text)
            button.setMinimumHeight(34)
            button.clicked.connect(signal)
            buttons.addWidget(button)
            if signal is self.paste_requested:
                button.setToolTip(self.tr("Salin seluruh tabel Lampiran di Word atau Excel (Ctrl+C), "
                                          "lalu klik di sini atau tekan Ctrl+V"))
                self.paste_button = button
        buttons.addStretch(1)
        column.addLayout(buttons)
        paste = QShortcut(QKeySequence(QKeySequence.Paste), self)
        paste.setContext(Qt.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste_requested)
        province = QHBoxLayout()
        province_label = QLabel(self.tr("Untuk KPU Provinsi:"))
        province_label.setObjectName("fieldHint")
        province.addWidget(province_label)
        self.summary_button = QPushButton(style.standardIcon(QStyle.SP_DirOpenIcon), self.tr("Rekap Provinsi…"))
        self.summary_button.setFlat(True)
        self.summary_button.setToolTip(self.tr("Merekap berkas rencana kiriman satuan kerja dari satu folder"))
        self.summary_button.clicked.connect(self.summary_requested)
        province.addWidget(self.summary_button)
        province.addStretch(1)
        column.addSpacing(4)
        column.addLayout(province)
        column.addSpacing(18)

        self.recent_label = QLabel(self.tr("Berkas terakhir dibuka"))
        self.recent_label.setObjectName("fieldLabel")
        column.addWidget(self.recent_label)
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setFrameShape(QFrame.StyledPanel)
        self.recent.setMaximumHeight(220)
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(Qt.UserRole)))
        column.addWidget(self.recent)
        column.addStretch(2)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        icon = self.style().standardIcon(QStyle.SP_FileIcon)
        for path in paths:
            item = QListWidgetItem(icon, f"{os.path.basename(path)}    —    {os.path.dirname(path)}")
            item.setData(Qt.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))
