"""The one bridge from the window to the core: every change is a core edit pushed here.

``EditCommand`` puts a core edit on Qt's undo stack; ``push`` runs it (QUndoStack calls
redo at once), so the edit is committed to disk before the call returns. A refused edit
(``ZiError``) is reported through ``failed`` and never reaches the stack.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from zi_desktop.document import Dokumen
from zi_desktop.edits import Edit
from zi_desktop.errors import ZiError


class EditCommand(QUndoCommand):
    def __init__(self, doc: Dokumen, edit: Edit) -> None:
        super().__init__(edit.label)
        self.doc = doc
        self.edit = edit
        self.error: ZiError | None = None
        self._first = True

    def redo(self) -> None:
        try:
            self.doc.apply(self.edit)
        except ZiError as err:
            self.error = err
            self.setObsolete(True)  # Qt drops an obsolete command instead of stacking it

    def undo(self) -> None:
        self.doc.revert(self.edit)


class Editor(QObject):
    """Owns the undo stack of one open document; the only way the window changes it."""

    failed = Signal(str)     # Indonesian sentence for the status bar / a dialog
    saved = Signal(str)      # label of the committed edit ("Tersimpan: …")

    def __init__(self, doc: Dokumen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.stack = QUndoStack(self)
        # A bound slot, not a lambda: Qt disconnects it when the Editor goes, before the stack's
        # destructor clears it (a lambda would then touch the deleted stack).
        self.stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        self.saved.emit(self.stack.undoText())

    def push(self, edit: Edit) -> bool:
        if self.doc.readonly:
            self.failed.emit(self.doc.readonly_reason)
            return False
        cmd = EditCommand(self.doc, edit)
        self.stack.push(cmd)
        if cmd.error is not None:
            self.failed.emit(cmd.error.message)
            return False
        return True
