"""Work the user need not wait for, run just after a widget is first on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

# a widget that is never shown (a test, a hidden view) still gets its work done
NOT_SHOWN_MS = 250


class AfterFirstPaint(QObject):
    """Calls ``callback`` once: right after ``widget``'s first paint, or after NOT_SHOWN_MS if
    it has not painted by then. Opening a big plan shows the tree first; Periksa's first run
    and loading the edit machinery (~0.2 s together) come after it."""

    def __init__(self, widget, callback) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(NOT_SHOWN_MS, self, self._run)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Paint and not self._done:
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._callback()
