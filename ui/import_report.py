"""Hasil Impor: what the importer did and what to check, as a list the user works through.

Each repair ("perbaikan") and doubt ("keraguan") is one row with its place (I.2.3.1);
activating a row (double-click, Enter) selects that item in the plan tree, and the dialog stays
open beside the window so the next one is one click away. The full text stays below the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

_KIND = {"perbaikan": "Diperbaiki", "keraguan": "Periksa"}


class ImportReportDialog(QDialog):
    """``ImportReportDialog(title, intro, text, parent, catatan=[...])``; ``jump(jalur)`` is
    emitted when the user activates a row that has a place."""

    jump = Signal(str)

    def __init__(self, title: str, intro: str, text: str, parent=None, catatan=()) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.items = QTreeWidget()
        self.items.setHeaderLabels([self.tr("Jenis"), self.tr("Letak"), self.tr("Catatan")])
        self.items.setRootIsDecorated(False)
        self.items.setWordWrap(True)
        self.items.setUniformRowHeights(False)
        self.items.setAlternatingRowColors(True)
        for c in catatan:
            row = QTreeWidgetItem([self.tr(_KIND.get(c.jenis, c.jenis)), c.jalur or "—", c.pesan])
            row.setData(0, Qt.UserRole, c.jalur)
            row.setToolTip(2, c.pesan)
            self.items.addTopLevelItem(row)
        self.items.setColumnWidth(0, 90)
        self.items.setColumnWidth(1, 80)
        self.items.header().setStretchLastSection(False)
        self.items.header().setSectionResizeMode(2, QHeaderView.Stretch)   # long notes wrap
        self.detail = QLabel()                       # the whole of the selected note, wrapped
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.items.currentItemChanged.connect(
            lambda item, _old: self.detail.setText(item.text(2) if item is not None else ""))
        self.items.itemActivated.connect(self._activate)
        self.items.itemDoubleClicked.connect(self._activate)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.items)
        split.addWidget(self.text)
        if not catatan:
            self.items.hide()
            self.detail.hide()
        else:
            self.items.setCurrentItem(self.items.topLevelItem(0))
        layout.addWidget(split, 1)
        layout.addWidget(self.detail)
        hint = QLabel(self.tr("Klik dua kali sebuah catatan untuk menuju butirnya di rencana."))
        hint.setVisible(bool(catatan))
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        jalur = item.data(0, Qt.UserRole)
        if jalur:
            self.jump.emit(jalur)

    def activate_row(self, row: int) -> None:
        """Activate the row-th note (as a double-click does)."""
        self._activate(self.items.topLevelItem(row))
