"""Text fields that commit once per edit: when focus leaves them, or on Ctrl+Enter.

Typing changes nothing in the plan; only ``committed`` does, so one field edit is one
undo step. Escape hands focus back (``escaped``), which also commits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


def _pass_undo(widget, event: QEvent) -> bool:
    """Ctrl+Z / Ctrl+Y in a field with nothing typed go to the plan's undo, not the field's."""
    return (event.type() == QEvent.ShortcutOverride and not widget.is_modified()
            and (event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)))


def _is_commit_key(event: QKeyEvent, multiline: bool) -> bool:
    if event.key() not in (Qt.Key_Return, Qt.Key_Enter):
        return False
    return not multiline or bool(event.modifiers() & Qt.ControlModifier)


class _CommitOnLeave:
    """What both fields share: remember the saved text, commit it once, hand Undo to the plan.

    A plain mixin (before the Qt base class); subclasses give ``_text``/``_show`` and whether
    Enter ends the edit (one line) or needs Ctrl (several lines).
    """

    MULTILINE = False

    def _text(self) -> str:
        raise NotImplementedError

    def _show(self, value: str) -> None:
        raise NotImplementedError

    def set_value(self, value: str) -> None:
        self._saved = value
        self._mark_unsaved(False)
        self.blockSignals(True)
        self._show(value)
        self.blockSignals(False)

    def keep_unsaved(self, saved: str) -> None:
        """The plan refused what was typed (disk full, too long …): the text stays in the
        field, outlined, and is offered again at the next commit instead of being lost."""
        self._saved = saved
        self._mark_unsaved(True)

    def _mark_unsaved(self, unsaved: bool) -> None:
        if bool(self.property("unsaved")) != unsaved:
            self.setProperty("unsaved", unsaved)
            self.setStyleSheet("border: 2px solid #c42b1c;" if unsaved else "")
            self.setToolTip(self.tr("Belum tersimpan — perbaiki lalu tekan Enter atau pindah kolom")
                            if unsaved else "")

    def value(self) -> str:
        return self._text()

    def is_modified(self) -> bool:
        return self._text() != self._saved

    def commit(self) -> None:
        if self.is_modified() and not self.isReadOnly():
            self._saved = self._text()
            self.committed.emit(self._saved)

    def event(self, event: QEvent) -> bool:
        if _pass_undo(self, event):
            event.ignore()
            return False
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.PopupFocusReason:
            self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_commit_key(event, multiline=self.MULTILINE):
            self.commit()
            event.accept()
            return
        if event.key() == Qt.Key_Escape:
            self.commit()
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CommitLineEdit(_CommitOnLeave, QLineEdit):
    committed = Signal(str)
    escaped = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._saved = ""

    def _text(self) -> str:
        return self.text()

    def _show(self, value: str) -> None:
        self.setText(value)
        self.setCursorPosition(0)


class CommitTextEdit(_CommitOnLeave, QPlainTextEdit):
    """Multi-line text (lists such as bukti fisik "1. … 2. …"); Enter is a new line."""

    MULTILINE = True
    committed = Signal(str)
    escaped = Signal()

    def __init__(self, lines: int = 3, parent=None) -> None:
        super().__init__(parent)
        self._saved = ""
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self._lines = lines
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit_height())
        self._fit_height()

    def _text(self) -> str:
        return self.toPlainText()

    def _show(self, value: str) -> None:
        self.setPlainText(value)

    def _fit_height(self) -> None:
        """As tall as the text (between ``lines`` and twice that), so the form reads like a page."""
        layout = self.document().documentLayout()
        shown = int(layout.documentSize().height()) if layout is not None else 0
        lines = max(self._lines, min(shown, self._lines * 2 + 2))
        frame = int(self.document().documentMargin() * 2) + self.frameWidth() * 2 + 2
        height = self.fontMetrics().lineSpacing() * lines + frame
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()
