"""The month grid's model: a view with month columns over the plan tree's node cache.

Rows are the plan tree's own nodes (``PlanTreeModel``, one cache for the tree and the grid):
area → komponen → indikator (heading rows) → langkah aksi (the rows with months). Columns: 0 the
text (heading label or langkah aksi), 1 the Target Waktu text, then one column per month of the
plan period (``dates.plan_period``).

The grid never reads the file for its rows and never writes: changes go through core edits
(``Editor.push``). The tree model updates the cache and announces inserts, removes, moves and
resets, which this model repeats for its own views; ``apply_changes`` (called by the view for
``Editor.changed``, after the tree) repaints the cells an update touched — one aksi →
``dataChanged`` on that row's Target Waktu and month cells — and redraws the columns when the
plan period changed.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt

from zi_desktop.dates import BULAN, BULAN_SINGKAT, plan_period
from zi_desktop.edits import Change
from zi_desktop.model import LEVELS, romawi

from .jadwal_realisasi import RealisasiCache, touches_realisasi
from .jadwal_realisasi import tooltip as realisasi_tooltip
from .tree_model import Node, NumeralRole, PlanTreeModel

TEXT_COL = 0
TARGET_COL = 1
FIRST_MONTH_COL = 2

LevelRole = Qt.UserRole + 1      # "area" | "komponen" | "indikator" | "aksi"
IdRole = Qt.UserRole + 2         # row id of the item
PlannedRole = Qt.UserRole + 3    # month cell: bool, the month is planned (drag preview included)
MonthRole = Qt.UserRole + 4      # month column (header or cell): "YYYY-MM"
YearRole = Qt.UserRole + 5       # month header: the year, on the first column and at each January
CurrentMonthRole = Qt.UserRole + 6   # month header or cell: True for the current month

_SCHEDULE_FIELDS = {"bulan", "target_waktu", "target_waktu_manual"}

# Qt's names looked up once: each ``Qt.DisplayRole`` is a ~4 µs lookup in PySide6, and
# headerData answers ~300 times for a first paint (the header's sections, every role)
_DISPLAY, _TOOLTIP, _ALIGNMENT = int(Qt.DisplayRole), int(Qt.ToolTipRole), int(Qt.TextAlignmentRole)
HORIZONTAL = Qt.Horizontal
_CENTERED = Qt.AlignCenter

__all__ = ["JadwalModel", "Node", "HORIZONTAL", "TEXT_COL", "TARGET_COL", "FIRST_MONTH_COL", "LevelRole",
           "IdRole", "PlannedRole", "MonthRole", "YearRole", "CurrentMonthRole"]


_INVALID = QModelIndex()


def _one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\t" in text or "  " in text) else text


class JadwalModel(QAbstractItemModel):
    """The plan tree's nodes with a month column per month of the plan period."""

    def __init__(self, tree: PlanTreeModel, parent: QObject | None = None, *,
                 today: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self._nodes = tree.nodes_by_iid   # the tree's cache itself (updated in place)
        self.doc = tree.doc
        self._today = today
        self.months: list[str] = []             # "YYYY-MM" per month column
        self._column_count = FIRST_MONTH_COL
        self._month_col: dict[str, int] = {}
        self._current_col = -1
        self._preview: dict[int, frozenset[str]] = {}
        self.realisasi = RealisasiCache(self.doc)   # statuses of the month cells (pemantauan)
        self._load_period()
        # the tree changes the shared cache; these repeat its announcements for the grid's views
        tree.rowsAboutToBeInserted.connect(self._about_to_insert)
        tree.rowsInserted.connect(self._inserted)
        tree.rowsAboutToBeRemoved.connect(self._about_to_remove)
        tree.rowsRemoved.connect(self._removed)
        tree.rowsAboutToBeMoved.connect(self._about_to_move)
        tree.rowsMoved.connect(self._moved)
        tree.modelAboutToBeReset.connect(self._about_to_reset)
        tree.modelReset.connect(self.endResetModel)
        tree.dataChanged.connect(self._tree_data_changed)

    # --- the period ---------------------------------------------------------------------

    def today(self) -> _dt.date:
        return self._today or _dt.date.today()

    def _load_period(self) -> None:
        self.months = plan_period(self.doc.identitas())
        self._column_count = FIRST_MONTH_COL + len(self.months)
        self._month_col = {m: FIRST_MONTH_COL + i for i, m in enumerate(self.months)}
        now = self.today()
        self._current_col = self._month_col.get(f"{now.year:04d}-{now.month:02d}", -1)
        self._now_ym = f"{now.year:04d}-{now.month:02d}"

    def rebuild(self) -> None:
        self.beginResetModel()
        self._preview = {}
        self._load_period()
        self.endResetModel()

    # --- lookups used by the view -------------------------------------------------------

    def node(self, index: QModelIndex) -> Node | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def _index(self, node: Node, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row(), column, node.iid)

    def index_of(self, level: str, item_id: int, column: int = 0) -> QModelIndex:
        node = self.tree.node_for(level, item_id)
        return QModelIndex() if node is None else self._index(node, column)

    def month_column(self, ym: str) -> int:
        """Column of a month "YYYY-MM" (-1 outside the plan period)."""
        return self._month_col.get(ym, -1)

    def month_of(self, column: int) -> str | None:
        i = column - FIRST_MONTH_COL
        return self.months[i] if 0 <= i < len(self.months) else None

    @property
    def current_month_column(self) -> int:
        return self._current_col

    def heading_rows(self) -> list[tuple[QModelIndex, int]]:
        """(parent index, row) of every heading row (area, komponen, indikator), in the order
        shown; an index is made only for a heading with heading rows under it."""
        out: list[tuple[QModelIndex, int]] = []
        # a loop, not a recursive closure (a reference cycle, alive until a full collection);
        # the stack holds heading rows only, each parent's in reverse so they come out in order
        todo = [(_INVALID, row, kid) for row, kid in reversed(list(enumerate(self.tree.root.children)))]
        while todo:
            pidx, row, node = todo.pop()
            out.append((pidx, row))
            kids = node.children
            if kids and kids[0].level != "aksi":        # siblings are of one level
                index = self.createIndex(row, 0, node.iid)
                todo.extend((index, r, kid) for r, kid in reversed(list(enumerate(kids))))
        return out

    def planned(self, node: Node) -> frozenset[str]:
        """The months the grid shows for an aksi (the drag preview wins while dragging)."""
        preview = self._preview.get(node.id)
        return node.months if preview is None else preview

    def label(self, node: Node) -> str:
        """The text shown in column 0: headings carry their number as in the Lampiran."""
        text = _one_line(node.text)
        if node.level == "area":
            return f"{romawi(node.row() + 1)}   {text.upper()}"
        if node.level == "komponen":
            return f"{node.row() + 1}.  {text}"
        return text

    # --- drag preview -------------------------------------------------------------------

    def set_preview(self, preview: dict[int, frozenset[str]]) -> None:
        """Show ``{aksi id: months}`` instead of the saved months (nothing is written)."""
        touched = set(self._preview) | set(preview)
        self._preview = dict(preview)
        for aksi_id in touched:
            self._emit_months(self.tree.node_for("aksi", aksi_id))

    def clear_preview(self) -> None:
        self.set_preview({})

    def _emit_months(self, node: Node | None, first: int = FIRST_MONTH_COL) -> None:
        if node is None or not self.months:
            return
        last = FIRST_MONTH_COL + len(self.months) - 1
        self.dataChanged.emit(self._index(node, first), self._index(node, last),
                              [Qt.DisplayRole, PlannedRole])

    # --- Qt model interface -------------------------------------------------------------

    # index, parent, rowCount and hasChildren run ~10,000 times while the view lays out the
    # expanded plan (3,000 aksi): each does the least it can, with no call to another. An
    # invalid index's internalId() is 0, never a node's (ids are ≥ 1, the file guard checks
    # them, so ``Node.iid`` ≥ 4): one lookup tells a node from the root, no isValid() call.
    def index(self, row: int, column: int, parent: QModelIndex = _INVALID) -> QModelIndex:
        pid = parent.internalId()
        pnode = self._nodes.get(pid)
        if pnode is None:
            if pid:
                return _INVALID        # a node no longer in the plan
            pnode = self.tree.root
        kids = pnode.children
        if 0 <= row < len(kids) and 0 <= column < self._column_count and parent.column() <= 0:
            return self.createIndex(row, column, kids[row].iid)
        return _INVALID

    def parent(self, index: QModelIndex = None):  # noqa: D401 — Qt overload (QObject.parent)
        if index is None:
            return QObject.parent(self)
        node = self._nodes.get(index.internalId())
        if node is None or node.parent is None or node.parent is self.tree.root:
            return QModelIndex()
        return self._index(node.parent)

    def rowCount(self, parent: QModelIndex = _INVALID) -> int:
        pid = parent.internalId()
        node = self._nodes.get(pid)
        if node is None:
            return 0 if pid else len(self.tree.root.children)
        return len(node.children) if parent.column() <= 0 else 0

    def hasChildren(self, parent: QModelIndex = _INVALID) -> bool:
        pid = parent.internalId()
        node = self._nodes.get(pid)
        if node is None:
            return not pid and bool(self.tree.root.children)
        return bool(node.children) and parent.column() <= 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return self._column_count

    # flags(): the base class's "enabled, selectable" is what every cell is; not overriding it
    # keeps the tree's layout pass (called per row) in C++ — measured 30 % faster at 3,000 rows.

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        node = self._nodes.get(index.internalId()) if index.isValid() else None
        if node is None:
            return None
        col = index.column()
        if role == Qt.DisplayRole:
            if col == TEXT_COL:
                return self.label(node)
            if col == TARGET_COL and node.level == "aksi":
                return _one_line(node.target)
            return None
        if role == PlannedRole:
            ym = self.month_of(col)
            return node.level == "aksi" and ym is not None and ym in self.planned(node)
        if role == LevelRole:
            return node.level
        if role == IdRole:
            return node.id
        if role == MonthRole:
            return self.month_of(col)
        if role == CurrentMonthRole:
            return col == self._current_col
        if role in (Qt.ToolTipRole, Qt.AccessibleTextRole):
            return self._tooltip(node, col, role == Qt.AccessibleTextRole)
        return None

    def _tooltip(self, node: Node, col: int, accessible: bool) -> str | None:
        if col == TEXT_COL:
            if accessible and not node.text:
                return self.tr("({jenis} tanpa teks)").format(jenis=LEVELS[node.level].label.lower())
            return node.text or None
        if node.level != "aksi":
            return None
        if col == TARGET_COL:
            lines = [node.target] if node.target else []
            if not node.months:
                lines.append(self.tr("Bulan belum ditentukan: klik sel bulan untuk menjadwalkan."))
            if node.manual:
                lines.append(self.tr("Teks ditulis manual; mengubah bulan tidak mengubah teks ini."))
            return "\n".join(lines) or None
        ym = self.month_of(col)
        if ym is None:
            return None
        name = f"{BULAN[int(ym[5:]) - 1]} {ym[:4]}"
        if ym in self.planned(node):
            text = self.tr("{bulan}: dijadwalkan") if accessible else \
                self.tr("{bulan}: dijadwalkan (klik untuk menghapus)")
        else:
            text = self.tr("{bulan}: tidak dijadwalkan") if accessible else \
                self.tr("{bulan}: klik untuk menjadwalkan")
        status, late = self.realisasi_mark(node, ym)
        return "; ".join(filter(None, [text.format(bulan=name),
                                       realisasi_tooltip(status, ym in self.planned(node), late)]))

    def realisasi_mark(self, node: Node, ym: str) -> tuple[str | None, bool]:
        """(status or None, late): late = a planned month passed without any realisasi, in a
        plan that records realisasi."""
        status = self.realisasi.status(node.id, ym)
        late = status is None and ym in node.months and ym < self._now_ym and self.realisasi.monitored()
        return status, late

    def headerData(self, section: int, orientation, role: int = _DISPLAY):
        if orientation != HORIZONTAL:
            return None
        ym = self.month_of(section)
        if role == _DISPLAY:
            if section == TEXT_COL:
                return self.tr("Langkah Aksi")
            if section == TARGET_COL:
                return self.tr("Target Waktu")
            return BULAN_SINGKAT[int(ym[5:]) - 1] if ym else None
        if ym is None:
            return None
        if role == YearRole:
            return ym[:4] if section == FIRST_MONTH_COL or ym.endswith("-01") else ""
        if role == MonthRole:
            return ym
        if role == CurrentMonthRole:
            return section == self._current_col
        if role == _TOOLTIP:
            name = f"{BULAN[int(ym[5:]) - 1]} {ym[:4]}"
            return self.tr("{bulan} (bulan ini)").format(bulan=name) if section == self._current_col else name
        if role == _ALIGNMENT:
            return _CENTERED
        return None

    # --- following the tree (structure) and the editor (updates) ----------------------------

    def _map(self, tree_index: QModelIndex) -> QModelIndex:
        """A parent index of the tree model → the same node's index here."""
        if not tree_index.isValid():
            return QModelIndex()
        return self.createIndex(tree_index.row(), 0, tree_index.internalId())

    def _about_to_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        self.beginInsertRows(self._map(parent), first, last)

    def _inserted(self, *_args) -> None:
        self.endInsertRows()

    def _about_to_remove(self, parent: QModelIndex, first: int, last: int) -> None:
        self.beginRemoveRows(self._map(parent), first, last)

    def _removed(self, *_args) -> None:
        self.endRemoveRows()

    def _about_to_move(self, source: QModelIndex, first: int, last: int, dest: QModelIndex,
                       row: int) -> None:
        self.beginMoveRows(self._map(source), first, last, self._map(dest), row)

    def _moved(self, *_args) -> None:
        self.endMoveRows()

    def _about_to_reset(self) -> None:
        self.beginResetModel()
        self._preview = {}

    def _tree_data_changed(self, first: QModelIndex, last: QModelIndex, roles) -> None:
        # numbers follow the order: the siblings' labels changed (other roles: apply_changes)
        if NumeralRole in roles:
            self.dataChanged.emit(self._map(first), self._map(last), [Qt.DisplayRole])

    def apply_changes(self, changes: list[Change]) -> str:
        """Repaint what ``changes`` updated (the tree already holds the new values). Returns
        "period" when the month columns changed (a reset of this model), else "rows"."""
        if any(c.kind == "identitas" for c in changes) and plan_period(self.doc.identitas()) != self.months:
            self.rebuild()
            return "period"
        if any(c.kind == "insert" for c in changes):
            self.realisasi.load()       # restored items bring their realisasi back: read again
        for c in changes:
            if touches_realisasi(c):
                self.realisasi.reload(c.id)
                self._emit_months(self.tree.node_for("aksi", c.id))
            if c.kind == "update":
                self._refresh(c.level, c.id, set(c.fields))
        return "rows"

    def _refresh(self, level: str | None, item_id: int | None, fields: set[str]) -> None:
        node = self.tree.node_for(level, item_id) if level else None
        if node is None:
            return
        if level != "aksi" or not fields or LEVELS[level].title in fields:
            self.dataChanged.emit(self._index(node, 0), self._index(node, 0), [Qt.DisplayRole])
        if level == "aksi" and (not fields or fields & _SCHEDULE_FIELDS):
            self._emit_months(node, TARGET_COL)
