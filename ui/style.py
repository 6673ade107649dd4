"""The look of the window: a few sizes and colours on top of the platform's own style."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

ACCENT = "#2e6da4"

SHEET = f"""
QLabel#formHeading {{ font-size: 15pt; font-weight: 600; color: {ACCENT}; }}
QLabel#formContext {{ color: palette(dark); }}
QLabel#fieldLabel {{ font-weight: 600; margin-top: 2px; }}
QLabel#fieldHint, QLabel#formHint, QLabel#filterInfo {{ color: palette(dark); }}
QLabel#warningText {{ color: #9a5b00; }}
QLabel#welcomeTitle {{ font-size: 24pt; font-weight: 600; color: {ACCENT}; }}
QLabel#welcomeSubtitle {{ font-size: 11pt; color: palette(dark); }}
QLabel#savedLabel {{ color: #2e7d32; padding: 0 6px; }}
QLabel#countsLabel {{ color: palette(dark); padding: 0 6px; }}
QLabel#checkSummary {{ font-size: 12pt; font-weight: 600; }}
QLabel#checkSummary[tingkat="galat"] {{ color: #b3261e; }}
QLabel#checkSummary[tingkat="peringatan"] {{ color: #8a5a00; }}
QLabel#checkSummary[tingkat="lengkap"] {{ color: #2e7d32; }}
QTreeWidget#findingList::item {{ padding: 3px 2px; }}
QTreeView#planTree {{ show-decoration-selected: 1; }}
QTreeView#planTree::item {{ padding: 3px 2px; }}
QLineEdit#filterBox {{ padding: 4px; }}
QPlainTextEdit, QLineEdit {{ selection-background-color: {ACCENT}; }}
QWidget#formBody {{ background: palette(window); }}
"""


def apply_style(window: QWidget) -> None:
    window.setStyleSheet(SHEET)
