"""One open plan on screen: the tree (with its filter box) on the left, the item form and
the month grid ("Jadwal") on the right, and the structure commands that act on the
selected item (add, delete, move). Every change is a core edit pushed through ``Editor``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QSplitter, QStyle, QTabWidget, QTreeView, QVBoxLayout, QWidget)

from zi_desktop.edits import AddItem, DeleteItem
from zi_desktop.model import LEVELS, romawi

from .check_panel import FIELD_OF, CheckPanel, todo_text
from .commands import REDO, UNDO, Editor
from .delete_confirm import confirm_delete
from .first_paint import AfterFirstPaint
from .item_form import ItemForm
from .pemantauan_view import PemantauanView
from .tree_delegate import NumeralDelegate
from .tree_filter import PlanFilter
from .year_replace import replace_old_year
from .tree_model import Node, PlanTreeModel

TAB_FORM, TAB_JADWAL, TAB_PERIKSA = 0, 1, 2
TREE_MIN = 280     # px: the tree still reads "I  MANAJEMEN PERUBAHAN" (1024×768 screens)
RIGHT_MIN = 360    # px: the form and its fields


class PlanTree(QTreeView):
    """The tree; Enter or F2 hands focus to the form. The Target waktu column keeps the
    width the user gave it while there is room, and gives way in a narrow tree so the
    names stay readable."""

    open_form = Signal()
    TARGET_SHARE = 0.35     # at most this part of the tree's width

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.target_width = 170     # what the user wants (dragged or restored)
        self._fitting = False

    def set_target_width(self, width: int) -> None:
        self.target_width = width
        self.fit_target_column()

    def _section_resized(self, section: int, _old: int, new: int) -> None:
        if section == 1 and not self._fitting:
            self.target_width = new

    def fit_target_column(self) -> None:
        header = self.header()
        width = min(self.target_width, max(80, int(self.viewport().width() * self.TARGET_SHARE)))
        if header.count() > 1 and header.sectionSize(1) != width:
            self._fitting = True
            try:
                header.resizeSection(1, width)
            finally:
                self._fitting = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_target_column()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & Qt.AltModifier:
            if self.currentIndex().isValid():
                self.open_form.emit()
                event.accept()
                return
        super().keyPressEvent(event)


class PlanView(QWidget):
    current_changed = Signal()      # the selected item changed (the window updates its actions)
    checked = Signal(int, int)      # Periksa Kelengkapan ran: galat, peringatan
    identity_requested = Signal()   # a finding about the plan's identity was opened
    message = Signal(str)           # a hint for the status bar
    keputusan_requested = Signal(object)   # a finding about the decree body (Keputusan tab)

    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self.model = PlanTreeModel(editor, self)
        editor.changed.connect(self._reveal)   # after the model's own slot
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self._syncing = False
        self.jadwal = None
        self._jadwal_tried = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = self._build_banner()
        layout.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.setSpacing(6)
        self.filter = QLineEdit()
        self.filter.setObjectName("filterBox")
        self.filter.setPlaceholderText(self.tr("Cari di seluruh rencana (Ctrl+F)…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.addAction(self.style().standardIcon(QStyle.SP_FileDialogContentsView),
                              QLineEdit.LeadingPosition)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self.focus_tree)
        left_layout.addWidget(self.filter)
        self.filter_info = QLabel()
        self.filter_info.setObjectName("filterInfo")
        self.filter_info.hide()
        left_layout.addWidget(self.filter_info)

        self.tree = PlanTree()
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.proxy)
        self.tree.setItemDelegateForColumn(0, NumeralDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setDragEnabled(not self.doc.readonly)
        self.tree.setAcceptDrops(not self.doc.readonly)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.InternalMove)
        self.tree.setDefaultDropAction(Qt.MoveAction)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.resizeSection(1, 170)
        header.sectionResized.connect(self.tree._section_resized)
        self.tree.open_form.connect(self.focus_form)
        left_layout.addWidget(self.tree, 1)
        left.setMinimumWidth(TREE_MIN)
        self.splitter.addWidget(left)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.form = ItemForm(editor)
        self.form.escaped.connect(self.focus_tree)
        self.form.add_area_requested.connect(self.add_sibling)
        self.form.add_aksi_requested.connect(self.add_child)
        self.tabs.addTab(self.form, self.style().standardIcon(QStyle.SP_FileDialogDetailedView),
                         self.tr("Isian"))
        self._jadwal_holder = QWidget()
        QVBoxLayout(self._jadwal_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._jadwal_holder, self.style().standardIcon(QStyle.SP_FileDialogListView),
                         self.tr("Jadwal"))
        self.check = CheckPanel(self.doc)
        self.check.follow(editor)
        self.check.activated.connect(self.show_finding)
        self.check.counted.connect(self._checked)
        self.check.replace_year_requested.connect(lambda: replace_old_year(self, self.editor))
        self.tabs.addTab(self.check, self.style().standardIcon(QStyle.SP_MessageBoxWarning), self.tr("Periksa"))
        self.tabs.setTabToolTip(TAB_PERIKSA, self.tr("Periksa Kelengkapan (F7)"))
        self.pemantauan = PemantauanView(editor)
        self.pemantauan.activated.connect(self.show_realisasi)
        self.tabs.addTab(self.pemantauan, self.style().standardIcon(QStyle.SP_FileDialogInfoView),
                         self.tr("Pemantauan"))
        from .lke_view import LkeView
        self.lke = LkeView(editor)
        self.tabs.addTab(self.lke, self.style().standardIcon(QStyle.SP_DialogApplyButton),
                         self.tr("Penilaian Mandiri"))
        self.tabs.currentChanged.connect(self._tab_changed)
        # A tab page's minimum width counts even while the page is hidden: one wide page (the
        # month grid) would squeeze the tree on every tab. The pages scroll or shrink instead.
        self.tabs.setMinimumWidth(RIGHT_MIN)
        self.splitter.addWidget(self.tabs)
        # the month grid needs ~700 px for twelve months and readable names: the right pane gets
        # a little more than half the room, the tree the rest (its own minimum: TREE_MIN)
        self.splitter.setStretchFactor(0, 9)
        self.splitter.setStretchFactor(1, 11)
        self.splitter.setSizes([540, 660])

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.moved.connect(self._reselect)
        self.model.rowsInserted.connect(self._rows_inserted)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.rowsMoved,
                       self.model.dataChanged):
            signal.connect(self._refresh_heading)
        self.form.set_readonly(self.doc.readonly)
        self._expand_initial()
        QTimer.singleShot(0, self._select_first)
        AfterFirstPaint(self.tree.viewport(), self._after_shown)

    def _build_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("readonlyBanner")
        banner.setStyleSheet("#readonlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c36b; }"
                             "#readonlyBanner QLabel { color: #5c4400; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 8, 12, 8)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.SP_MessageBoxWarning).pixmap(20, 20))
        row.addWidget(icon)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        row.addWidget(self.banner_text, 1)
        if self.doc.readonly:
            self.banner_text.setText(self.tr("Hanya baca: %s Perubahan tidak dapat disimpan.")
                                     % self.doc.readonly_reason.rstrip())
        else:
            banner.hide()
        return banner

    def restore_splitter(self, state) -> None:
        """A position saved on another screen is taken only as far as it leaves both sides usable."""
        if state is not None and not state.isEmpty():
            self.splitter.restoreState(state)
        self.clamp_splitter()

    def clamp_splitter(self) -> None:
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if len(sizes) != 2 or total <= 0:
            return
        tree = max(TREE_MIN, min(sizes[0], total - RIGHT_MIN))
        if tree != sizes[0]:
            self.splitter.setSizes([tree, total - tree])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.clamp_splitter()

    # --- selection ----------------------------------------------------------------------------

    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        node = self.model.node(self.proxy.mapToSource(index))
        return None if node is self.model.root else node

    def select(self, level: str, item_id: int, *, focus_form: bool = False) -> bool:
        source = self.model.index_for(level, item_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(source)
        self.tree.setCurrentIndex(index)
        self.tree.selectionModel().select(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.tree.scrollTo(index)
        if focus_form:
            self.focus_form()
        return True

    def _select_first(self) -> None:
        if self.doc.closed:   # the window closed the plan; this widget is deleted later
            return
        if not self.tree.currentIndex().isValid() and self.proxy.rowCount() > 0:
            first = self.proxy.index(0, 0)
            self.tree.setCurrentIndex(first)

    def _expand_initial(self) -> None:
        """Areas open to show their komponen; deeper levels stay closed until wanted."""
        self.tree.expandToDepth(0)

    def collapse_to_komponen(self) -> None:
        self.tree.collapseAll()
        self._expand_initial()

    def context_of(self, node: Node) -> str:
        parts = []
        parent = node.parent
        while parent is not None and parent is not self.model.root:
            parts.append(self.model.title(parent) or LEVELS[parent.level].label)
            parent = parent.parent
        return "  ›  ".join(reversed([" ".join(p.split())[:90] for p in parts]))

    def heading_of(self, node: Node) -> str:
        """"Area II", "Komponen 3", "Indikator 2 dari 4", "Langkah aksi 1 dari 2"."""
        label = LEVELS[node.level].label
        if node.level in ("area", "komponen"):
            return f"{label} {self.model.numeral(node).rstrip('.')}"
        siblings = len(node.parent.children)
        return self.tr("%s %d dari %d") % (label, node.row() + 1, siblings) if siblings > 1 else label

    def _refresh_heading(self, *_args) -> None:
        """Positions change when siblings are added, removed or moved."""
        node = self.current_node()
        if node is not None and not self.doc.closed:
            self.form.show_item(node.level, node.id, self.context_of(node), self.heading_of(node))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.doc.closed:   # the tree is being torn down after the plan was closed
            return
        node = self.current_node()
        if node is None:
            self.form.clear()
        else:
            self.form.show_item(node.level, node.id, self.context_of(node), self.heading_of(node))
            if node.level == "aksi" and self.jadwal is not None and not self._syncing:
                self._syncing = True
                try:
                    self.jadwal.select_aksi(node.id)
                finally:
                    self._syncing = False
            self.lke.follow(node.level, node.id)
        self.current_changed.emit()

    def _reselect(self, level: str, item_id: int) -> None:
        self.select(level, item_id)

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """An empty plan got its first area back (undo): refresh the hint beside the tree."""
        if self.form.level is None and not self.tree.currentIndex().isValid():
            self.form.clear()

    def _reveal(self, changes, initiator) -> None:
        """After an undo or redo, select the item it brought back, changed or moved, so the
        user sees what happened. (Connected after the tree model: the tree is up to date.)"""
        if initiator not in (UNDO, REDO):
            return
        for change in reversed(changes):
            if change.kind in ("insert", "update", "move") and change.level is not None:
                if self.select(change.level, change.id):
                    return

    # --- focus --------------------------------------------------------------------------------

    def focus_tree(self) -> None:
        self.tree.setFocus(Qt.ShortcutFocusReason)

    def focus_form(self) -> None:
        self.tabs.setCurrentIndex(TAB_FORM)
        self.form.focus_first_field()

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.ShortcutFocusReason)
        self.filter.selectAll()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.active:
            self.tree.expandAll()
            found = self._count_matches(QModelIndex())
            self.filter_info.setText(self.tr("%n butir cocok", "", found) if found
                                     else self.tr("Tidak ada yang cocok dengan \"%s\".") % text.strip())
            self.filter_info.show()
        else:
            self.filter_info.hide()
            self.tree.collapseAll()
            self._expand_initial()
            node = self.current_node()
            if node is not None:
                self.tree.scrollTo(self.tree.currentIndex())

    def _count_matches(self, parent: QModelIndex) -> int:
        terms = self.proxy._terms
        count = 0
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            node = self.model.node(self.proxy.mapToSource(index))
            if all(t in node.search_text() for t in terms):
                count += 1
            count += self._count_matches(index)
        return count

    # --- structure commands -------------------------------------------------------------------

    def can_add_child(self) -> bool:
        node = self.current_node()
        return node is not None and LEVELS[node.level].child is not None

    def add_sibling(self) -> bool:
        """Ins: a new item of the selected item's level, just below it (an area when empty)."""
        node = self.current_node()
        if node is None:
            edit = AddItem("area", None)
        else:
            parent_id = None if node.parent is self.model.root else node.parent.id
            edit = AddItem(node.level, parent_id, node.row() + 1)
        return self._add(edit)

    def add_child(self) -> bool:
        """Ctrl+Ins: a new item one level down, at the end of the selected item's children."""
        node = self.current_node()
        if node is None:
            return self.add_sibling()
        child = LEVELS[node.level].child
        if child is None:
            return self.add_sibling()
        return self._add(AddItem(child, node.id, None))

    def _add(self, edit: AddItem) -> bool:
        self.form.commit()
        if not self.editor.push(edit):
            return False
        self.filter.clear()
        self.select(edit.level.name, edit.id, focus_form=True)
        return True

    def delete_current(self) -> bool:
        node = self.current_node()
        if node is None:
            return False
        self.form.commit()
        if not confirm_delete(self, self.doc, node.level, node.id, self.heading_of(node), self.model.text(node)):
            return False
        return self.editor.push(DeleteItem(node.level, node.id))

    def move_target(self, node: Node, step: int) -> tuple[Node, int] | None:
        """Alt+↑/↓: one place up or down; past the first or last sibling the item moves to
        the end (start) of the previous (next) parent of its level, e.g. a langkah aksi to the
        indikator above."""
        parent = node.parent
        row = node.row()
        if 0 <= row + step < len(parent.children):
            return parent, row + step
        if parent is self.model.root:
            return None
        cousins = self.model.nodes_of_level(parent.level)
        i = cousins.index(parent) + step
        if not 0 <= i < len(cousins):
            return None
        target = cousins[i]
        return target, (len(target.children) if step < 0 else 0)

    def move_current(self, step: int) -> bool:
        node = self.current_node()
        if node is None:
            return False
        target = self.move_target(node, step)
        if target is None:
            return False
        self.form.commit()
        return self.model.move(node, *target)

    def can_move(self, step: int) -> bool:
        node = self.current_node()
        return node is not None and self.move_target(node, step) is not None

    # --- the month grid -----------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == TAB_PERIKSA:
            self.form.commit()   # what is being typed counts (clicking a tab keeps the focus)
        if index == TAB_JADWAL and not self._jadwal_tried:
            self._jadwal_tried = True
            self._create_jadwal()

    def _create_jadwal(self) -> None:
        from .jadwal_view import JadwalView  # built when first shown: the window starts faster
        self.jadwal = JadwalView(self.editor, self._jadwal_holder, tree=self.model)
        self._jadwal_holder.layout().addWidget(self.jadwal)
        self.jadwal.aksiActivated.connect(self._jadwal_selected)
        node = self.current_node()
        if node is not None and node.level == "aksi":
            self._syncing = True
            try:
                self.jadwal.select_aksi(node.id)
            finally:
                self._syncing = False

    def show_jadwal(self) -> None:
        self.tabs.setCurrentIndex(TAB_JADWAL)

    def _jadwal_selected(self, aksi_id: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.select("aksi", aksi_id)
        finally:
            self._syncing = False

    def show_realisasi(self, aksi_id: int, month: str) -> None:
        """A langkah aksi from the Pemantauan view: its form, at that month's realisasi."""
        if self.select("aksi", aksi_id):
            self.form.realisasi.show_aksi(aksi_id, month)
            self.tabs.setCurrentWidget(self.form)

    # --- Periksa Kelengkapan -----------------------------------------------------------------

    def _after_shown(self) -> None:
        """Once the tree is on screen: the first Periksa run, and the edit machinery loaded
        before the user's first edit."""
        if self.doc.closed:
            return
        if self.check.checks_run == 0:
            self.check.refresh()
        self.doc.prepare_edits()

    def _checked(self, galat: int, peringatan: int) -> None:
        total = galat + peringatan
        self.tabs.setTabText(TAB_PERIKSA, self.tr("Periksa (%d)") % total if total else self.tr("Periksa"))
        self.tabs.setTabIcon(TAB_PERIKSA, self.style().standardIcon(
            QStyle.SP_MessageBoxCritical if galat else QStyle.SP_MessageBoxWarning if peringatan
            else QStyle.SP_DialogApplyButton))
        self.checked.emit(galat, peringatan)

    def show_check(self) -> None:
        """F7: the findings, brought up to date with what is being typed."""
        self.form.commit()
        self.check.flush()
        self.tabs.setCurrentIndex(TAB_PERIKSA)
        self.check.focus_list()

    def show_finding(self, finding) -> None:
        """Select the item a finding is about and put the cursor in the field to fix."""
        if finding.level == "keputusan":        # the decree body: its own tab (keputusan_view)
            self.keputusan_requested.emit(finding)
            return
        if finding.level in (None, "rencana") or finding.id is None:
            if finding.kode == "rencana_kosong":
                self.focus_form()
                if not self.doc.readonly:
                    self.message.emit(self.tr("Tambahkan area perubahan pertama (tombol di isian, atau Ins)."))
            else:
                self.identity_requested.emit()
            return
        if not self.select(finding.level, finding.id):
            return
        self.tabs.setCurrentIndex(TAB_FORM)
        field = FIELD_OF.get(finding.kode)
        if field == "bulan":
            self.form.months.focus_first()
        elif field is not None and finding.level == "aksi":
            widget = self.form.field("aksi", field)
            widget.setFocus(Qt.ShortcutFocusReason)
        else:
            self.form.focus_first_field()
        child = LEVELS[finding.level].child
        if self.doc.readonly:   # nothing to fix here: only where it is
            self.message.emit(self.tr("%s — F7 kembali ke daftar temuan.") % finding.jalur)
        elif child is not None and finding.kode.endswith(f"_tanpa_{child}"):
            self.message.emit(self.tr("Tekan Ctrl+Ins untuk menambah %s; F7 kembali ke daftar temuan.")
                              % LEVELS[child].label.lower())
        else:
            self.message.emit(todo_text(finding))

    # --- helpers for the window ---------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {level: len(self.model.nodes_of_level(level)) for level in LEVELS}

    def title_of(self, node: Node) -> str:
        if node.level == "area":
            return romawi(node.row() + 1)
        return self.model.title(node)
