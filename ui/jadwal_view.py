"""Jadwal: the whole plan as a Gantt-style month grid (issue 4).

One row per langkah aksi, under area / komponen / indikator heading rows; a text column, the
Target Waktu column, then one narrow column per month of the plan period. Clicking a month cell
sets or clears it; dragging across cells sets or clears the whole rectangle (the first cell
decides which). Space toggles the current cell; the arrow keys move. Every change is one core
edit through ``Editor.push`` (one undo step, committed to the file at once); the core rewrites
the Target Waktu text unless it is manual (``target_waktu_manual``).

The grid shows the plan tree's node cache (``PlanTreeModel``, shared with the window's tree)
and repaints only what changed (``Editor.changed``).

    view = JadwalView(editor)
    view.aksiActivated.connect(tree.select_aksi)   # the user picked a row here
    view.select_aksi(aksi_id)                      # the tree picked an aksi
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QStyle,
                               QStyleOptionHeader, QTreeView, QVBoxLayout, QWidget)

from zi_desktop.edits import Batch, SetMonths
from zi_desktop.model import ORDER

from .commands import Editor
from .tree_model import PlanTreeModel
from .jadwal_delegate import HEADING_BG, TODAY_LINE, JadwalDelegate
from .jadwal_model import (FIRST_MONTH_COL, HORIZONTAL, TARGET_COL, TEXT_COL, CurrentMonthRole,
                           JadwalModel, MonthRole, Node, YearRole)
from .jadwal_realisasi import cycle_edit


_DISPLAY = int(Qt.DisplayRole)       # Qt's names looked up once (each lookup ~4 µs in PySide6):
_CE_HEADER = QStyle.CE_Header        # the header paints 14 sections at every repaint
_CENTERED = Qt.AlignCenter
HEADING_DEPTH = ORDER.index("aksi") - 1   # tree depth of the last heading level (indikator)
MONTH_MIN = 22      # px: a month column still shows "Agu"
TEXT_MIN = 140      # px: the langkah aksi column (elided, its tooltip the whole text)
TARGET_MIN = 90     # px: the Target Waktu column


@dataclass
class _Drag:
    anchor: Node          # the aksi row where the press happened
    anchor_col: int
    setting: bool         # True: the drag sets months; False: it clears them
    node: Node            # the row under the pointer now (may be a heading)
    col: int


class _MonthHeader(QHeaderView):
    """Two-line month headers: the year (first column and each January) above "Jan", "Feb" …;
    the current month in bold with an amber underline."""

    def sizeHint(self) -> QSize:
        # two lines of text high. Not QHeaderView's own hint: the tree reads only the height,
        # and that one asks every section's header data for every role (~30 calls into the
        # model, again after each resize-mode change)
        return QSize(self.length(), QFontMetrics(self.font()).height() * 2 + 10)

    def paintSection(self, painter, rect: QRect, logical: int) -> None:
        model = self.model()
        ym = model.headerData(logical, HORIZONTAL, MonthRole) if model else None
        if ym is None:
            super().paintSection(painter, rect, logical)
            return
        painter.save()
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        self.initStyleOptionForIndex(opt, logical)
        opt.rect = rect
        opt.text = ""
        self.style().drawControl(_CE_HEADER, opt, painter, self)
        current = bool(model.headerData(logical, HORIZONTAL, CurrentMonthRole))
        year = model.headerData(logical, HORIZONTAL, YearRole) or ""
        month = model.headerData(logical, HORIZONTAL, _DISPLAY) or ""
        half = rect.height() // 2
        top = QRect(rect.left(), rect.top() + 2, rect.width(), half - 1)
        bottom = QRect(rect.left(), rect.top() + half - 1, rect.width(), rect.height() - half - 2)
        if year:
            small = QFont(self.font())
            small.setPointSizeF(self.font().pointSizeF() * 0.85)
            painter.setFont(small)
            painter.setPen(QColor("#5b6878"))
            painter.drawText(top, _CENTERED, year)
        font = QFont(self.font())
        if current:
            font.setBold(True)
            painter.fillRect(QRect(rect.left() + 1, rect.bottom() - 2, rect.width() - 2, 3), TODAY_LINE)
        painter.setFont(font)
        painter.setPen(QColor("#1d2733"))
        painter.drawText(bottom, _CENTERED, month)
        painter.restore()


class _GridTree(QTreeView):
    """The tree with the grid's mouse and keyboard handling."""

    def __init__(self, owner: "JadwalView") -> None:
        super().__init__(owner)
        self._owner = owner

    def dragging(self) -> bool:
        return self._owner._drag is not None

    def drawRow(self, painter, option, index: QModelIndex) -> None:
        node = self._owner.model.node(index)
        if node is not None and node.level != "aksi":
            painter.fillRect(option.rect, HEADING_BG[node.level])   # also under the branch arrows
        super().drawRow(painter, option, index)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self._owner._press(event.position().toPoint()):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        # a quick second click on a month cell is another click, not a "double click"
        if event.button() == Qt.LeftButton and self._owner._press(event.position().toPoint()):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._owner._drag is not None:
            self._owner._drag_to(event.position().toPoint())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._owner._drag is not None and event.button() == Qt.LeftButton:
            self._owner._drag_to(event.position().toPoint())
            self._owner._finish_drag()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key_Escape and self._owner._drag is not None:
            self._owner._cancel_drag()
            return
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            if self._owner._toggle_current():
                event.accept()
                return
        super().keyPressEvent(event)

    def moveCursor(self, action, modifiers) -> QModelIndex:
        current = self.currentIndex()
        if current.isValid() and action in (QAbstractItemView.MoveLeft, QAbstractItemView.MoveRight):
            node = self._owner.model.node(current)
            left = action == QAbstractItemView.MoveLeft
            if current.column() == TEXT_COL and node.level != "aksi":
                first = current.sibling(current.row(), 0)
                if left == self.isExpanded(first):      # collapse / expand a heading
                    return super().moveCursor(action, modifiers)
            if node.level == "aksi":
                col = current.column() + (-1 if left else 1)
                col = max(0, min(col, self.model().columnCount() - 1))
                return current.sibling(current.row(), col)
            return current
        return super().moveCursor(action, modifiers)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.viewport().update()


class JadwalView(QWidget):
    """The month grid of the whole plan."""

    aksiActivated = Signal(int)      # user selected a langkah aksi row in the grid (aksi id)

    def __init__(self, editor: Editor, parent: QWidget | None = None, *, today=None,
                 tree: PlanTreeModel | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self._drag: _Drag | None = None
        self._last_pos = QPoint()
        self._quiet = 0
        self._collapsed: set[tuple[str, int]] = set()
        self._restoring = False

        # the plan tree's node cache (the window's; a grid shown alone makes its own)
        self.tree_model = tree if tree is not None else PlanTreeModel(editor, self)
        self.model = JadwalModel(self.tree_model, self, today=today)
        self.tree = _GridTree(self)
        self.tree.setObjectName("jadwalGrid")
        self.tree.setHeader(_MonthHeader(Qt.Horizontal, self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.tree.setMouseTracking(True)
        self.tree.setIndentation(14)
        self.tree.setAnimated(False)
        self.tree.setAllColumnsShowFocus(False)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.setAccessibleName(self.tr("Jadwal rencana aksi per bulan"))
        palette = self.tree.palette()
        palette.setColor(QPalette.Highlight, QColor("#dcebfb"))
        palette.setColor(QPalette.HighlightedText, QColor("#1d2733"))
        self.tree.setPalette(palette)
        self.delegate = JadwalDelegate(self.tree, self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.setModel(self.model)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        header.setHighlightSections(False)

        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(40)
        self._scroll_timer.timeout.connect(self._auto_scroll)

        hint = QLabel(self.tr("Klik atau seret pada sel bulan untuk menjadwalkan atau menghapus; "
                              "Spasi mengubah sel terpilih."))
        hint.setObjectName("jadwalHint")
        hint.setStyleSheet("color: #5b6878;")
        hint.setWordWrap(True)   # wraps in a narrow pane instead of widening it (issue 14)
        legend = QLabel(self.tr(
            '<span style="color:#2f6db5;">&#9632;</span>&nbsp;dijadwalkan &nbsp; '
            '<span style="background:#fff0cc;">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;bulan&nbsp;ini &nbsp; '
            '<span style="color:#8a5a00;background:#fdf0d5;">&nbsp;bulan&nbsp;belum&nbsp;ditentukan&nbsp;</span>'))
        legend.setTextFormat(Qt.RichText)
        legend.setWordWrap(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(hint, 3)      # both wrap in a narrow pane (items of the legend stay whole)
        bar.addWidget(legend, 2)
        self.realisasi_mode = QCheckBox(self.tr("Isi realisasi"))   # click / Space: the status
        self.realisasi_mode.setToolTip(self.tr(
            "Dicentang: klik atau Spasi pada sel bulan mengganti realisasinya: selesai → sebagian → "
            "belum → kosong.\nHijau ✓ selesai, setengah hijau sebagian, garis merah: bulan rencana "
            "sudah lewat tanpa realisasi."))
        bar.addWidget(self.realisasi_mode)
        plan_hint = hint.text()
        self.realisasi_mode.toggled.connect(lambda on: hint.setText(self.tr(
            "Isi realisasi: klik atau Spasi pada sel bulan mengganti status — selesai (hijau ✓), "
            "sebagian (setengah), belum (✗), kosong. Garis merah: bulan rencana lewat tanpa realisasi.")
            if on else plan_hint))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.tree)

        self.tree.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.tree.expanded.connect(self._expanded)
        self.tree.collapsed.connect(self._collapsed_one)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.modelReset.connect(self._after_reset)    # new period, or the tree rebuilt
        self._after_reset()

        editor.changed.connect(self._on_changes)

    # --- the interface for the main window ------------------------------------------------

    def select_aksi(self, aksi_id: int) -> None:
        """Select the langkah aksi's row and scroll to it (does not emit aksiActivated)."""
        current = self.tree.currentIndex()
        column = current.column() if current.isValid() else TEXT_COL
        index = self.model.index_of("aksi", aksi_id, column)
        if not index.isValid():
            return
        self._quiet += 1
        try:
            parent = index.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        finally:
            self._quiet -= 1

    def selected_aksi(self) -> int | None:
        node = self.model.node(self.tree.currentIndex())
        return node.id if node is not None and node.level == "aksi" else None

    # --- columns, spans, expansion -----------------------------------------------------------

    def _expanded(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.discard(self._key(index))

    def _collapsed_one(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.add(self._key(index))

    def _key(self, index: QModelIndex):
        node = self.model.node(index)
        return (node.level, node.id) if node is not None else None

    def _after_reset(self) -> None:
        header = self.tree.header()
        header.setMinimumSectionSize(MONTH_MIN)
        header.setSectionResizeMode(QHeaderView.Fixed)
        header.setSectionResizeMode(TEXT_COL, QHeaderView.Interactive)
        header.setSectionResizeMode(TARGET_COL, QHeaderView.Interactive)
        self._fitted = None
        keep = set(self._collapsed)
        self._restoring = True
        # Every heading expanded but the ones the user collapsed: expandToDepth lays the rows
        # out in one pass, in C++ (not an expand() per heading, nor expandAll, which also walks
        # into 3,000 langkah aksi asking each for children); then the spans, after the layout
        # (before it, the layout would ask each row whether it spans), each looking its row up
        # near the previous one: in order. Expanding reports each row (signals into Python
        # nobody needs here: blocked).
        blocked = self.tree.blockSignals(True)
        try:
            self.tree.expandToDepth(HEADING_DEPTH)
            for key in keep:
                index = self.model.index_of(*key)
                if index.isValid():
                    self.tree.collapse(index)
            for pidx, row in self.model.heading_rows():
                self.tree.setFirstColumnSpanned(row, pidx, True)
        finally:
            self.tree.blockSignals(blocked)
            self._restoring = False
        self._collapsed = {k for k in keep if self.model.index_of(*k).isValid()}
        self._fit_text_column()

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            index = self.model.index(row, 0, parent)
            node = self.model.node(index)
            if node is None or node.level == "aksi":
                continue
            stack = [index]
            while stack:
                idx = stack.pop()
                self.tree.setFirstColumnSpanned(idx.row(), idx.parent(), True)
                self.tree.expand(idx)
                for r in range(self.model.rowCount(idx)):
                    kid = self.model.index(r, 0, idx)
                    if self.model.node(kid).level != "aksi":
                        stack.append(kid)

    def _fit_text_column(self) -> None:
        """Twelve months in view without scrolling sideways (issue 14): narrow month columns,
        the Target Waktu column sharing what is left with the langkah aksi text (both elided;
        their tooltips hold the whole text). A period of more than 12 months, or a pane too
        narrow even for that, scrolls."""
        header = self.tree.header()
        months = self.model.columnCount() - FIRST_MONTH_COL
        width = self.tree.viewport().width()
        if (width, months) == self._fitted:
            return
        self._fitted = (width, months)
        fm = QFontMetrics(self.tree.font())
        month_w = max(MONTH_MIN, fm.horizontalAdvance("Agu") + 5)
        shown = min(months, 12)
        if shown and width - shown * month_w < TEXT_MIN + TARGET_MIN:    # narrow pane: months give first
            month_w = max(MONTH_MIN, (width - TEXT_MIN - TARGET_MIN) // shown)
        rest = width - months * month_w
        target_max = fm.horizontalAdvance("Maret, Juni, September, Desember 2025") + 20
        target_w = max(TARGET_MIN, min(target_max, int(rest * 0.38)))
        for col in range(FIRST_MONTH_COL, self.model.columnCount()):
            if header.sectionSize(col) != month_w:
                header.resizeSection(col, month_w)
        header.resizeSection(TARGET_COL, target_w)
        header.resizeSection(TEXT_COL, max(TEXT_MIN, rest - target_w))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_text_column()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_text_column()

    # --- following the document ---------------------------------------------------------------

    def _on_changes(self, changes, _initiator=None) -> None:
        current = self.tree.currentIndex()
        keep = (self._key(current), current.column()) if current.isValid() else None
        scroll = self.tree.verticalScrollBar().value()
        self._quiet += 1
        try:
            if self.model.apply_changes(changes) == "period":
                if self._drag is not None:
                    self._cancel_drag()
                if keep is not None and keep[0] is not None:
                    index = self.model.index_of(*keep[0], min(keep[1], self.model.columnCount() - 1))
                    if index.isValid():
                        self.tree.setCurrentIndex(index)
                self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self._quiet -= 1

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._quiet:
            return
        node = self.model.node(current)
        if node is not None and node.level == "aksi":
            self.aksiActivated.emit(node.id)

    # --- clicking and dragging -----------------------------------------------------------------

    def _month_cell(self, index: QModelIndex) -> bool:
        node = self.model.node(index)
        return node is not None and node.level == "aksi" and index.column() >= FIRST_MONTH_COL

    def _press(self, pos: QPoint) -> bool:
        """A left press in the viewport: start a drag on a month cell (True) or leave it to Qt."""
        index = self.tree.indexAt(pos)
        if not self._month_cell(index):
            return False
        self.tree.setFocus(Qt.MouseFocusReason)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        if self.realisasi_mode.isChecked():
            return self._cycle_realisasi(index)
        node = self.model.node(index)
        ym = self.model.month_of(index.column())
        self._drag = _Drag(node, index.column(), ym not in node.months, node, index.column())
        self._last_pos = pos
        self._show_preview()
        return True

    def _cell_at(self, pos: QPoint) -> tuple[Node, int] | None:
        header = self.tree.header()
        last_col = self.model.columnCount() - 1
        col = header.logicalIndexAt(pos.x())
        if col < 0:
            col = FIRST_MONTH_COL if pos.x() < header.sectionViewportPosition(FIRST_MONTH_COL) else last_col
        col = max(FIRST_MONTH_COL, min(col, last_col))
        viewport = self.tree.viewport()
        y = max(0, min(pos.y(), viewport.height() - 1))
        x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
        index = self.tree.indexAt(QPoint(x, y))
        if not index.isValid():
            return None
        return self.model.node(index), col

    def _drag_to(self, pos: QPoint) -> None:
        self._last_pos = pos
        viewport = self.tree.viewport().rect()
        outside = pos.y() < 0 or pos.y() >= viewport.height() or pos.x() < 0 or pos.x() >= viewport.width()
        if outside and not self._scroll_timer.isActive():
            self._scroll_timer.start()
        elif not outside:
            self._scroll_timer.stop()
        cell = self._cell_at(pos)
        if cell is None or self._drag is None:
            return
        node, col = cell
        if node is not self._drag.node or col != self._drag.col:
            self._drag.node, self._drag.col = node, col
            self._show_preview()

    def _auto_scroll(self) -> None:
        if self._drag is None:
            self._scroll_timer.stop()
            return
        pos, rect = self._last_pos, self.tree.viewport().rect()
        vbar, hbar = self.tree.verticalScrollBar(), self.tree.horizontalScrollBar()
        step = max(8, self.tree.sizeHintForRow(0) if self.model.rowCount() else 20)
        if pos.y() < 0:
            vbar.setValue(vbar.value() - step)
        elif pos.y() >= rect.height():
            vbar.setValue(vbar.value() + step)
        if pos.x() < 0:
            hbar.setValue(hbar.value() - step)
        elif pos.x() >= rect.width():
            hbar.setValue(hbar.value() + step)
        self._drag_to(pos)

    def _rows_between(self, a: Node, b: Node) -> list[Node]:
        """The visible aksi rows from a to b (either order), top to bottom."""
        ia = self.model.index_of(a.level, a.id)
        ib = self.model.index_of(b.level, b.id)
        if not ia.isValid() or not ib.isValid():
            return []
        if self.tree.visualRect(ia).top() > self.tree.visualRect(ib).top():
            ia, ib = ib, ia
        end = self.model.node(ib)
        out: list[Node] = []
        index = ia
        while index.isValid():
            node = self.model.node(index)
            if node.level == "aksi":
                out.append(node)
            if node is end:
                break
            index = self.tree.indexBelow(index)
        return out

    def _drag_result(self) -> dict[int, frozenset[str]]:
        """{aksi id: months after the drag} for every row the drag changes."""
        d = self._drag
        if d is None:
            return {}
        c0, c1 = sorted((d.anchor_col, d.col))
        span = {self.model.month_of(c) for c in range(c0, c1 + 1)}
        out = {}
        for node in self._rows_between(d.anchor, d.node):
            new = node.months | span if d.setting else node.months - span
            if new != node.months:
                out[node.id] = frozenset(new)
        return out

    def _show_preview(self) -> None:
        self.model.set_preview(self._drag_result())

    def _cancel_drag(self) -> None:
        self._drag = None
        self._scroll_timer.stop()
        self.model.clear_preview()

    def _finish_drag(self) -> None:
        result = self._drag_result()
        self._cancel_drag()
        self._commit(result)

    def _commit(self, result: dict[int, frozenset[str]]) -> bool:
        if not result:
            return False
        edits = [SetMonths(aksi_id, sorted(months)) for aksi_id, months in result.items()]
        if len(edits) == 1:
            return self.editor.push(edits[0])
        label = self.tr("Ubah jadwal {n} langkah aksi").format(n=len(edits))
        return self.editor.push(Batch(edits, label=label))

    def _toggle_current(self) -> bool:
        index = self.tree.currentIndex()
        if not self._month_cell(index):
            return False
        if self.realisasi_mode.isChecked():
            return self._cycle_realisasi(index)
        node = self.model.node(index)
        ym = self.model.month_of(index.column())
        new = node.months - {ym} if ym in node.months else node.months | {ym}
        self._commit({node.id: frozenset(new)})
        return True

    def _cycle_realisasi(self, index: QModelIndex) -> bool:
        """Realisasi mode: the cell's status goes none → selesai → sebagian → belum → none."""
        node = self.model.node(index)
        self.editor.push(cycle_edit(self.model.realisasi, node.id, self.model.month_of(index.column())))
        return True
