"""The text of a Lampiran chapter as a Word user edits it, kept as plain text with one paragraph
or list item per line (``zi_desktop.keputusan.bab`` is the grammar):

- Enter after a list item starts the next one ("b. " after "a. …"); Enter on an empty item ends
  the list; Shift+Enter is a plain new line; Ctrl+Enter saves.
- Tab / Shift+Tab on a list item moves it a level down ("a." → "1)") or back up; elsewhere Tab
  moves the focus on, as in every other field.
- The tool row makes the selected lines a list (a. b. c., 1. 2. 3., 1) 2) 3), –) or paragraphs
  again, numbered on from the item above, and changes their level.
- Text pasted from Word keeps its paragraphs and list labels, without Word's tabs and bullets.

Like the other fields it commits once, when focus leaves it (one undo step in the plan)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStyle, QTextEdit, QToolButton, QWidget

from zi_desktop.keputusan.bab import from_word, next_mark, relabel, shift_level, split_item

from .fields import _CommitOnLeave

# (kind for relabel, button text, tooltip)
LIST_BUTTONS = [("huruf", "a. b.", "Jadikan daftar a., b., c."),
                ("angka", "1. 2.", "Jadikan daftar 1., 2., 3."),
                ("kurung", "1) 2)", "Jadikan daftar 1), 2), 3) (tingkat kedua)"),
                ("strip", "–", "Jadikan butir bertanda -"),
                (None, "¶", "Jadikan paragraf biasa (tanpa nomor)")]


class IsiBabEdit(_CommitOnLeave, QTextEdit):
    """Plain text only (``acceptRichText`` off); a QTextEdit rather than a plain one so that
    paragraphs stand apart on screen as on paper (a block margin the new lines inherit)."""

    MULTILINE = True
    committed = Signal(str)
    escaped = Signal()
    PARAGRAPH_GAP = 5                   # pixels below each paragraph or list item

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._saved = ""
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.setPlaceholderText(self.tr("Satu baris satu paragraf atau butir daftar "
                                        "(a. …, 1) …, - …)."))

    def _text(self) -> str:
        return self.toPlainText()

    def _show(self, value: str) -> None:
        self.setPlainText(value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.Document)
        gap = QTextBlockFormat()
        gap.setBottomMargin(self.PARAGRAPH_GAP)
        cursor.mergeBlockFormat(gap)
        self.document().clearUndoRedoStacks()     # the box's own undo starts at the text

    def set_value(self, value: str) -> None:
        super().set_value(value)
        self._saved = self._text()       # what the box shows is what counts as unchanged

    # --- lines -------------------------------------------------------------------------------

    def _block_range(self) -> tuple[int, int]:
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        last = doc.findBlock(cursor.selectionEnd()).blockNumber()
        return first, last

    def _line(self, number: int) -> str:
        block = self.document().findBlockByNumber(number)
        return block.text() if block.isValid() else ""

    def _replace_lines(self, first: int, last: int, lines: list[str], select: bool) -> None:
        """Lines ``first``…``last`` replaced in one step of the box's own undo; then selected
        (``select``) or the cursor at the end of the last one, ready to type on."""
        doc = self.document()
        cursor = QTextCursor(doc.findBlockByNumber(first))
        cursor.beginEditBlock()
        end = doc.findBlockByNumber(last)
        cursor.setPosition(end.position() + end.length() - 1, QTextCursor.KeepAnchor)
        cursor.insertText("\n".join(lines))
        cursor.endEditBlock()
        stop = doc.findBlockByNumber(first + len(lines) - 1)
        end_pos = stop.position() + stop.length() - 1
        if select:
            cursor.setPosition(doc.findBlockByNumber(first).position())
            cursor.setPosition(end_pos, QTextCursor.KeepAnchor)
        else:
            cursor.setPosition(end_pos)
        self.setTextCursor(cursor)

    def make_list(self, kind: str | None) -> None:
        """The selected lines (or the cursor's line) as items of ``kind``, or paragraphs."""
        if self.isReadOnly():
            return
        first, last = self._block_range()
        lines = [self._line(n) for n in range(first, last + 1)]
        self._replace_lines(first, last, relabel(lines, kind, self._line(first - 1)),
                            select=self.textCursor().hasSelection())

    def shift(self, deeper: bool) -> bool:
        """The selected list items a level down or up; False when no line is a list item."""
        if self.isReadOnly():
            return False
        first, last = self._block_range()
        lines = [self._line(n) for n in range(first, last + 1)]
        if not any(split_item(line)[0] for line in lines):
            return False
        above = [self._line(n) for n in range(first)]
        out = []
        for line in lines:
            out.append(shift_level(line, "\n".join(above + out) if not deeper
                                   else (out[-1] if out else self._line(first - 1)), deeper))
        self._replace_lines(first, last, out, select=self.textCursor().hasSelection())
        return True

    # --- keys and paste ------------------------------------------------------------------------

    def event(self, event) -> bool:
        if (event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab)
                and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier)):
            deeper = event.key() == Qt.Key_Tab and not event.modifiers() & Qt.ShiftModifier
            if self.shift(deeper):
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        plain_enter = (event.key() in (Qt.Key_Return, Qt.Key_Enter)
                       and not event.modifiers() & (Qt.ControlModifier | Qt.ShiftModifier))
        if plain_enter and not self.isReadOnly() and self._continue_list():
            event.accept()
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ShiftModifier:
            self.textCursor().insertText("\n")        # a plain new line, no list label
            event.accept()
            return
        super().keyPressEvent(event)

    def _continue_list(self) -> bool:
        cursor = self.textCursor()
        line = cursor.block().text()
        mark, text, _level = split_item(line)
        if not mark:                      # a label alone ("b. "): an empty item
            alone = split_item(line.strip() + " x")
            mark, text = (alone[0], "") if alone[0] and alone[1] == "x" else ("", text)
        if not mark:
            return False
        if not text:                                  # an empty item ends the list
            number = cursor.blockNumber()
            self._replace_lines(number, number, [""], select=False)
            return True
        cursor.insertText("\n" + next_mark(mark) + " ")
        self.setTextCursor(cursor)
        return True

    def insertFromMimeData(self, source) -> None:
        if source.hasText():
            self.textCursor().insertText(from_word(source.text()))
            self.ensureCursorVisible()
        else:
            super().insertFromMimeData(source)


class ChapterTools(QWidget):
    """The tool row above the chapter's text: list kinds and levels for the selected lines."""

    def __init__(self, editor: IsiBabEdit, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.buttons: dict = {}
        for kind, text, tip in LIST_BUTTONS:
            button = self._button(text, tip)
            button.clicked.connect(lambda _=False, k=kind: self.editor.make_list(k))
            self.buttons[kind] = button
            row.addWidget(button)
        row.addSpacing(8)
        style = self.style()
        self.outdent = self._button("", "Naikkan tingkat butir (Shift+Tab)")
        self.outdent.setIcon(style.standardIcon(QStyle.SP_ArrowLeft))
        self.indent = self._button("", "Turunkan tingkat butir: a. → 1) (Tab)")
        self.indent.setIcon(style.standardIcon(QStyle.SP_ArrowRight))
        self.outdent.clicked.connect(lambda: self.editor.shift(False))
        self.indent.clicked.connect(lambda: self.editor.shift(True))
        row.addWidget(self.outdent)
        row.addWidget(self.indent)
        row.addStretch(1)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(self.tr(tip))
        button.setAccessibleName(self.tr(tip))
        button.setFocusPolicy(Qt.NoFocus)         # the text keeps the focus (and its edit)
        return button

    def setReadOnly(self, readonly: bool) -> None:
        for button in (*self.buttons.values(), self.outdent, self.indent):
            button.setEnabled(not readonly)
