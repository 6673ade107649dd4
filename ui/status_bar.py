"""The status bar: messages on the left never run under the counters on the right.

Qt paints a temporary message across the whole bar and cuts it off where the permanent
widgets (counts, "Semua perubahan tersimpan") begin. Here the window's messages go into a
label of their own that takes the room left over, ends in "…" when the text is longer,
and holds the whole text as its tooltip. Qt's own status tips (hovering a menu) still use
the bar's built-in message; they are short.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar


class ElidedLabel(QLabel):
    """One line; too long a text is elided at the end, the full text in the tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(40)
        self.setTextFormat(Qt.PlainText)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = " ".join(text.split())
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.ElideRight, max(self.width() - 4, 0))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class StatusBar(QStatusBar):
    """``showMessage``/``currentMessage``/``clearMessage`` as Qt's, shown in ``message_label``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.message_label = ElidedLabel(self)
        self.message_label.setObjectName("statusMessage")
        self.addWidget(self.message_label, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 — Qt's name
        self.message_label.set_full_text(text)
        if timeout > 0:
            self._timer.start(timeout)
        else:
            self._timer.stop()

    def currentMessage(self) -> str:  # noqa: N802
        return self.message_label.full_text()

    def clearMessage(self) -> None:  # noqa: N802
        self._timer.stop()
        self.message_label.set_full_text("")
