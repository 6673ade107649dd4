"""Periksa ▸ "Ganti tahun …": the texts that still name last year, each ticked by the user,
replaced in one undoable step (``zi_desktop.year_texts``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from zi_desktop.year_texts import YearText, describe, old_year_texts, replace_edit

from .commands import Editor
from .dialog_parts import add_buttons


class YearReplaceDialog(QDialog):
    """One line per text, ticked: the user unticks the ones that mean last year on purpose."""

    def __init__(self, items: list[YearText], parent=None) -> None:
        super().__init__(parent)
        self.items = items
        old, new = items[0].old, items[0].new
        self.setWindowTitle(self.tr("Ganti Tahun %d menjadi %d") % (old, new))
        self.resize(680, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Teks berikut masih menyebut tahun %d. Hilangkan centang pada teks yang memang "
            "dimaksudkan untuk tahun %d (mis. laporan tahun lalu); yang dicentang diganti menjadi %d. "
            "Ctrl+Z mengurungkannya.") % (old, old, new))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("yearList")
        self.list.setWordWrap(True)
        for item in items:
            row = QListWidgetItem(describe(item))
            row.setFlags(row.flags() | Qt.ItemIsUserCheckable)
            row.setCheckState(Qt.Checked)
            row.setToolTip(f"{item.text}\n→\n{item.replaced}")
            self.list.addItem(row)
        layout.addWidget(self.list, 1)
        add_buttons(self, layout, self.tr("Ganti Tahun"))

    def chosen(self) -> list[YearText]:
        return [item for i, item in enumerate(self.items)
                if self.list.item(i).checkState() == Qt.Checked]


def replace_old_year(parent, editor: Editor) -> bool:
    """Ask which texts to change, then change them as one edit. False: nothing changed."""
    items = old_year_texts(editor.doc.to_dict(ids=True))
    if not items:
        return False
    dialog = YearReplaceDialog(items, parent)
    if dialog.exec() != QDialog.Accepted:
        return False
    chosen = dialog.chosen()
    return bool(chosen) and editor.push(replace_edit(chosen))
