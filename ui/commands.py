"""The one bridge from the window to the core: every change is a core edit pushed here.

``EditCommand`` puts a core edit on Qt's undo stack; ``push`` runs it (QUndoStack calls
redo at once), so the edit is committed to disk before the call returns. A refused edit
(``ZiError``, including a commit SQLite or the OS refused: disk full, locked, read-only)
is reported through ``failed`` and never reaches the stack. ``undo``/``redo`` commit first
and move the stack only after the commit, so a refused undo leaves the stack where it was.

``Editor.changed(changes, initiator)`` is the window's one notifier: emitted after every do,
undo and redo with the core's ``Change`` list; ``initiator`` is what ``push`` was given (the
widget that made the edit, or None), or ``UNDO`` / ``REDO``. Views connect to it; Qt drops
the connection when a view is destroyed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from zi_desktop.document import Dokumen
from zi_desktop.edits import Edit
from zi_desktop.errors import ZiError


UNDO, REDO = "undo", "redo"


class EditCommand(QUndoCommand):
    def __init__(self, editor: "Editor", edit: Edit, initiator) -> None:
        super().__init__(edit.label)
        self.editor = editor
        self.edit = edit
        self.initiator = initiator
        self.error: ZiError | None = None
        self.done: list | None = None  # the changes of a step Editor.undo/redo already committed

    def redo(self) -> None:
        if self.done is not None:
            changes, self.done = self.done, None
            self.editor.changed.emit(changes, REDO)
            return
        try:
            changes = self.editor.doc.apply(self.edit)
        except ZiError as err:
            self.error = err
            self.setObsolete(True)  # Qt drops an obsolete command instead of stacking it
            return
        initiator, self.initiator = self.initiator, REDO   # the first redo is the push itself
        self.editor.changed.emit(changes, initiator)

    def undo(self) -> None:
        if self.done is not None:
            changes, self.done = self.done, None
        else:
            try:
                changes = self.editor.doc.revert(self.edit)
            except ZiError as err:  # only reached when the stack is moved around the Editor
                self.error = err
                return
        self.editor.changed.emit(changes, UNDO)


class Editor(QObject):
    """Owns the undo stack of one open document; the only way the window changes it."""

    failed = Signal(str)     # Indonesian sentence for the status bar / a dialog
    saved = Signal(str)      # label of the committed edit ("Tersimpan: …")
    changed = Signal(object, object)   # (list[Change], initiator) after every do, undo, redo

    def __init__(self, doc: Dokumen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.stack = QUndoStack(self)
        # A bound slot, not a lambda: Qt disconnects it when the Editor goes, before the stack's
        # destructor clears it (a lambda would then touch the deleted stack).
        self.stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        self.saved.emit(self.stack.undoText())

    def undo(self) -> bool:
        return self._step(-1)

    def redo(self) -> bool:
        return self._step(+1)

    def _step(self, direction: int) -> bool:
        """Commit the undo (or redo) first; move the stack only once it is on disk."""
        stack = self.stack
        if self.doc.readonly:
            self.failed.emit(self.doc.readonly_reason)
            return False
        if not (stack.canUndo() if direction < 0 else stack.canRedo()):
            return False
        cmd = stack.command(stack.index() - 1 if direction < 0 else stack.index())
        try:
            cmd.done = (self.doc.revert if direction < 0 else self.doc.apply)(cmd.edit)
        except ZiError as err:
            self.failed.emit(err.message)
            return False
        stack.undo() if direction < 0 else stack.redo()
        return True

    def push(self, edit: Edit, initiator=None) -> bool:
        if self.doc.readonly:
            self.failed.emit(self.doc.readonly_reason)
            return False
        cmd = EditCommand(self, edit, initiator)
        self.stack.push(cmd)
        if cmd.error is not None:
            self.failed.emit(cmd.error.message)
            return False
        return True
