"""Typing and key presses as a user makes them, for the window's tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


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
