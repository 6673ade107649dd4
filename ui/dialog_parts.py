"""The foot every dialog shares: a red line for what is wrong, and OK / Batal buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout


def add_error_line(layout: QLayout) -> QLabel:
    """A hidden red label; ``show()`` it with the sentence that keeps the dialog open."""
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    label.hide()
    layout.addWidget(label)
    return label


def add_buttons(dialog: QDialog, layout: QLayout, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.Cancel).setText(dialog.tr("Batal"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons
