"""The plan as a Qt tree: Area → Komponen → Indikator → Langkah aksi.

Nodes are cached, keyed by (level, id), and kept up to date from the ``Change`` list the
editor reports after every edit (``Editor.changed``). The same cache is the Jadwal grid's
(``JadwalModel`` repeats this model's row announcements with month columns added): inserts and removes go through one path wrapping
``beginInsertRows``/``beginRemoveRows``, moves through ``beginMoveRows``. The model is
never reloaded for an ordinary edit. Drag and drop turns into a core ``MoveItem``.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from zi_desktop.edits import Change, MoveItem
from zi_desktop.model import LEVELS, ORDER, romawi

from .commands import Editor

MIME = "application/x-zi-desktop-item"
LEVEL_CODE = {name: i for i, name in enumerate(ORDER)}

KeyRole = Qt.UserRole + 1       # (level, id)
LevelRole = Qt.UserRole + 2
IdRole = Qt.UserRole + 3
SearchRole = Qt.UserRole + 4    # every field's text, lower-case, for the filter
NoMonthsRole = Qt.UserRole + 5  # langkah aksi without planned months
NumeralRole = Qt.UserRole + 6   # "I", "II" … of an area, "1.", "2." … of a komponen (by position)

COL_TITLE, COL_TIME = 0, 1

# Plain ints and ready-made flags: data() and flags() run for every painted cell.
_DISPLAY, _DECORATION, _TOOLTIP = int(Qt.DisplayRole), int(Qt.DecorationRole), int(Qt.ToolTipRole)
_FONT, _FOREGROUND = int(Qt.FontRole), int(Qt.ForegroundRole)
_ROLES = frozenset({_DISPLAY, _DECORATION, _TOOLTIP, _FONT, _FOREGROUND, int(KeyRole), int(LevelRole),
                    int(IdRole), int(SearchRole), int(NoMonthsRole), int(NumeralRole)})
_FLAGS_READ = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_FLAGS_EDIT = _FLAGS_READ | Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled
_FLAGS_ROOT = Qt.ItemIsDropEnabled
_FLAGS_NONE = Qt.NoItemFlags


def _iid(level: str, item_id: int) -> int:
    """The id a model index carries for an item, and its key in the cache: row id and level."""
    return item_id * 4 + LEVEL_CODE[level]


_NO_CHILDREN: tuple = ()   # a langkah aksi's children: one shared empty tuple, not 3,000 lists


class Node:
    __slots__ = ("level", "id", "iid", "parent", "children", "data", "_search", "_months", "_months_of")

    def __init__(self, level: str | None, item_id: int, parent: "Node | None", data: dict) -> None:
        self.level = level
        self.id = item_id
        self.iid = _iid(level, item_id) if level else -1
        self.parent = parent
        self.children: list[Node] = [] if level != "aksi" else _NO_CHILDREN
        self.data = data
        self._search: str | None = None
        self._months_of: dict | None = None   # the data dict ``_months`` was read from

    @property
    def key(self) -> tuple[str, int]:
        return (self.level, self.id)

    def row(self) -> int:
        return self.parent.children.index(self)

    # the fields the month grid paints
    @property
    def text(self) -> str:
        return self.data.get(LEVELS[self.level].title, "")

    @property
    def months(self) -> frozenset[str]:
        # asked for by every painted month cell: made once per version of ``data`` (an
        # update replaces the dict, never changes it in place)
        if self._months_of is not self.data:
            self._months = frozenset(self.data.get("bulan", ()))
            self._months_of = self.data
        return self._months

    @property
    def target(self) -> str:
        return self.data.get("target_waktu", "")

    @property
    def manual(self) -> bool:
        return self.data.get("target_waktu_manual", False)

    def search_text(self) -> str:
        if self._search is None:
            parts = [v for k, v in self.data.items() if isinstance(v, str)]
            if self.level == "area" and self.parent is not None:
                parts.append(romawi(self.row() + 1))
            self._search = "\n".join(parts).casefold()
        return self._search


def _release(nodes: dict[int, Node], root: Node) -> None:
    """Unlink a cache no model shows any more: then its nodes are freed at once."""
    for node in nodes.values():
        node.children = _NO_CHILDREN
    nodes.clear()
    root.children = []


def _fields(level: str, row: dict) -> dict:
    """The cached part of an item: its text fields (and schedule for a langkah aksi)."""
    get = row.get
    data = {f: get(f) or "" for f in LEVELS[level].fields}
    if level == "aksi":
        data["bulan"] = list(row.get("bulan", []))
        data["target_waktu_manual"] = bool(row.get("target_waktu_manual"))
    return data


class PlanTreeModel(QAbstractItemModel):
    moved = Signal(str, int)   # an item was moved (level, id): the view keeps it selected

    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self.root = Node(None, 0, None, {})
        self._nodes: dict[int, Node] = {}   # by Node.iid
        self._counts: dict[tuple[str, int], int] = {}
        self._no_months_text = self.tr("bulan belum ditentukan")
        self._build()
        # the nodes go with the model: each holds its parent and its children, a cycle the
        # collector would otherwise have to find (~11,000 objects per plan of 3,000 aksi)
        self.destroyed.connect(partial(_release, self._nodes, self.root))
        editor.changed.connect(self._on_changes)
        style = QApplication.style()
        self._warn_icon = style.standardIcon(QStyle.SP_MessageBoxWarning)
        self._bold = QFont()
        self._bold.setBold(True)
        self._placeholder = QBrush(QColor(128, 128, 128))

    # --- building from the document ------------------------------------------------------

    def _build(self) -> None:
        self._nodes.clear()
        self._counts.clear()
        self.root.children = []
        # the items straight from the file, their field dicts kept as the nodes' data (no
        # plan dict, no copy): 4,000+ items at every start and every grid shown alone. A loop,
        # not a recursive closure: that would be a reference cycle keeping the whole outline
        # alive until the next full garbage collection.
        outline = self.doc.outline()
        nodes = self._nodes
        todo = [(self.root, "area", None)]
        while todo:
            parent, level, parent_id = todo.pop()
            child = LEVELS[level].child
            kids = parent.children
            for item_id, data in outline[level].get(parent_id, ()):
                node = Node(level, item_id, parent, data)
                kids.append(node)
                nodes[node.iid] = node
                if child:
                    todo.append((node, child, item_id))

    def _load_subtree(self, level: str, item_id: int, parent: Node) -> Node | None:
        row = self.doc.item(level, item_id)
        if row is None:
            return None
        node = Node(level, item_id, parent, _fields(level, row))
        child = LEVELS[level].child
        if child:
            for sub in self.doc.children(child, item_id):
                kid = self._load_subtree(child, sub["id"], node)
                if kid is not None:
                    node.children.append(kid)
        return node

    def _forget(self, node: Node) -> None:
        self._nodes.pop(node.iid, None)
        for kid in node.children:
            self._forget(kid)

    def reload(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    # --- lookups --------------------------------------------------------------------------

    def node(self, index: QModelIndex) -> Node:
        if not index.isValid():
            return self.root
        iid = index.internalId()
        return self._nodes.get(iid, self.root)

    @property
    def nodes_by_iid(self) -> dict[int, Node]:
        """The cache itself, keyed by ``Node.iid`` (an index's internalId); the grid reads it."""
        return self._nodes

    def node_for(self, level: str, item_id: int) -> Node | None:
        return self._nodes.get(_iid(level, item_id))

    def index_of(self, node: Node | None, column: int = 0) -> QModelIndex:
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.row(), column, id=node.iid)

    def index_for(self, level: str, item_id: int) -> QModelIndex:
        return self.index_of(self._nodes.get(_iid(level, item_id)))

    def parent_node(self, level: str, parent_id: int | None) -> Node | None:
        parent_level = LEVELS[level].parent
        if parent_level is None:
            return self.root
        return self._nodes.get(_iid(parent_level, parent_id))

    def nodes_of_level(self, level: str) -> list[Node]:
        """All nodes of one level in document order."""
        out: list[Node] = []
        depth = LEVEL_CODE[level]

        def walk(node: Node, d: int) -> None:
            for kid in node.children:
                if d == depth:
                    out.append(kid)
                else:
                    walk(kid, d + 1)

        walk(self.root, 0)
        return out

    def count_aksi(self, node: Node) -> int:
        """Langkah aksi beneath a node (cached until the tree's shape changes)."""
        if node.level == "aksi":
            return 1
        count = self._counts.get(node.key)
        if count is None:
            count = self._counts[node.key] = sum(self.count_aksi(k) for k in node.children)
        return count

    def text(self, node: Node) -> str:
        """The item's name on one line."""
        return " ".join(node.data.get(LEVELS[node.level].title, "").split())

    def numeral(self, node: Node) -> str:
        if node.level == "area":
            return romawi(node.row() + 1)
        if node.level == "komponen":
            return f"{node.row() + 1}."
        return ""

    def title(self, node: Node) -> str:
        """Numeral and name, as printed: "I  MANAJEMEN PERUBAHAN", "1.  Penyusunan Tim Kerja"."""
        numeral, text = self.numeral(node), self.text(node)
        return f"{numeral}  {text}" if numeral else text

    # --- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= 2 or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        pnode = self.node(parent)
        if row >= len(pnode.children):
            return QModelIndex()
        node = pnode.children[row]
        return self.createIndex(row, column, id=node.iid)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: A003
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        if node is self.root or node.parent is self.root or node.parent is None:
            return QModelIndex()
        return self.index_of(node.parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 2

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Rencana aksi"), self.tr("Target waktu"))[section] if 0 <= section < 2 else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        # Called hundreds of times per repaint: plain ints, one dict lookup, early exits.
        if role not in _ROLES:
            return None
        iid = index.internalId()
        node = self._nodes.get(iid)
        if node is None or not index.isValid():
            return None
        col = index.column()
        level = node.level
        if role == _DISPLAY:
            if col == COL_TITLE:
                # The numeral is drawn by the view (NumeralRole): it follows the position,
                # and a row's display text must not change when a sibling is inserted.
                return self.text(node) or self._empty_title(node)
            if level == "aksi":
                if node.data["target_waktu"]:
                    return " ".join(node.data["target_waktu"].split())
                return self._no_months_text if not node.data["bulan"] else ""
            n = self.count_aksi(node)
            return self.tr("%n langkah aksi", "", n) if n else ""
        if role == NumeralRole:
            return self.numeral(node) if col == COL_TITLE else ""
        if role == _FONT:
            return self._bold if level == "area" else None
        if role == _FOREGROUND:
            if col == COL_TITLE:
                return None if node.data[LEVELS[level].title].strip() else self._placeholder
            return self._placeholder if level != "aksi" else None
        if role == _DECORATION:
            if col == COL_TIME and level == "aksi" and not node.data["bulan"]:
                return self._warn_icon
            return None
        if role == _TOOLTIP:
            if col == COL_TITLE:
                full = node.data.get(LEVELS[level].title, "")
                numeral = self.numeral(node)
                label = f"{LEVELS[level].label} {numeral}".rstrip(". ")
                return f"{label}\n{full}" if full else label
            if level == "aksi" and not node.data["bulan"]:
                return self.tr("Bulan pelaksanaan belum ditentukan: centang bulannya di formulir.")
            return None
        if role == KeyRole:
            return (level, node.id)
        if role == LevelRole:
            return level
        if role == IdRole:
            return node.id
        if role == SearchRole:
            return node.search_text()
        if role == NoMonthsRole:
            return level == "aksi" and not node.data["bulan"]
        return None

    def _empty_title(self, node: Node) -> str:
        return self.tr("(%s belum diisi)") % LEVELS[node.level].label.lower()

    def flags(self, index: QModelIndex):
        writable = not self.doc.readonly
        if not index.isValid():
            return _FLAGS_ROOT if writable else _FLAGS_NONE
        return _FLAGS_EDIT if writable else _FLAGS_READ

    # --- drag and drop --------------------------------------------------------------------

    def supportedDropActions(self):
        return Qt.MoveAction

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        for index in indexes:
            node = self.node(index)
            if node is not self.root:
                data.setData(MIME, f"{node.level}:{node.id}".encode("ascii"))
                break
        return data

    def _decode(self, data: QMimeData) -> Node | None:
        if data is None or not data.hasFormat(MIME):
            return None
        try:
            level, item_id = bytes(data.data(MIME)).decode("ascii").split(":")
            return self._nodes.get(_iid(level, int(item_id)))
        except ValueError:
            return None

    def drop_target(self, node: Node, row: int, parent: Node) -> tuple[Node, int] | None:
        """Where a dragged node lands: (new parent, final position), or None if it cannot."""
        wanted = LEVELS[node.level].parent
        if parent.level == wanted:
            target, position = parent, (len(parent.children) if row < 0 else row)
            if target is node.parent and position > node.row():
                position -= 1
        elif parent.level == node.level and row < 0:
            target, position = parent.parent, parent.row()
        else:
            return None
        if target is node.parent and position == node.row():
            return None
        return target, position

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        node = self._decode(data)
        if node is None or self.doc.readonly or action not in (Qt.MoveAction,):
            return False
        return self.drop_target(node, row, self.node(parent)) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        node = self._decode(data)
        if node is None or self.doc.readonly:
            return False
        target = self.drop_target(node, row, self.node(parent))
        if target is None:
            return False
        self.move(node, *target)
        return False  # the move is done; the view must not remove anything itself

    def move(self, node: Node, new_parent: Node, position: int) -> bool:
        parent_id = None if new_parent is self.root else new_parent.id
        if self.editor.push(MoveItem(node.level, node.id, parent_id, position)):
            self.moved.emit(node.level, node.id)
            return True
        return False

    # --- following the document -----------------------------------------------------------

    def _on_changes(self, changes: list[Change], _initiator=None) -> None:
        try:
            for change in changes:
                handler = getattr(self, f"_change_{change.kind}", None)
                if handler is not None:
                    handler(change)
        except (KeyError, ValueError, IndexError):
            self.reload()  # the cache disagrees with the file: rebuild rather than show a lie

    def _change_insert(self, change: Change) -> None:
        if _iid(change.level, change.id) in self._nodes:
            return  # already loaded with its parent's subtree (one batch)
        parent = self.parent_node(change.level, change.parent)
        if parent is None:
            return
        node = self._load_subtree(change.level, change.id, parent)
        if node is None:
            return
        row = max(0, min(change.row if change.row is not None else len(parent.children),
                         len(parent.children)))
        self._insert(parent, row, node)
        self._renumber(parent, row + 1)
        self._touch_ancestors(parent)

    def _change_remove(self, change: Change) -> None:
        node = self._nodes.get(_iid(change.level, change.id))
        if node is None:
            return
        parent = node.parent
        row = node.row()
        self._remove(node)
        self._renumber(parent, row)
        self._touch_ancestors(parent)

    def _insert(self, parent: Node, row: int, node: Node) -> None:
        """The one insert path."""
        self._counts.clear()
        self.beginInsertRows(self.index_of(parent), row, row)
        parent.children.insert(row, node)
        self._register(node)
        self.endInsertRows()

    def _register(self, node: Node) -> None:
        self._nodes[node.iid] = node
        for kid in node.children:
            self._register(kid)

    def _remove(self, node: Node) -> None:
        """The one remove path."""
        self._counts.clear()
        parent = node.parent
        row = node.row()
        self.beginRemoveRows(self.index_of(parent), row, row)
        del parent.children[row]
        self._forget(node)
        self.endRemoveRows()

    def _change_update(self, change: Change) -> None:
        node = self._nodes.get(_iid(change.level, change.id))
        if node is None:
            return
        row = self.doc.item(change.level, change.id)
        if row is None:
            return
        node.data = _fields(change.level, row)
        node._search = None
        self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, 1))

    def _change_move(self, change: Change) -> None:
        node = self._nodes.get(_iid(change.level, change.id))
        if node is None:
            return
        new_parent = self.parent_node(change.level, change.parent)
        if new_parent is None:
            return
        old_parent, old_row = node.parent, node.row()
        new_row = max(0, min(change.row, len(new_parent.children) - (1 if new_parent is old_parent else 0)))
        if new_parent is old_parent and new_row == old_row:
            return
        dest = new_row + 1 if new_parent is old_parent and new_row > old_row else new_row
        self._counts.clear()
        if not self.beginMoveRows(self.index_of(old_parent), old_row, old_row,
                                  self.index_of(new_parent), dest):
            raise ValueError("move refused")
        del old_parent.children[old_row]
        new_parent.children.insert(new_row, node)
        node.parent = new_parent
        self.endMoveRows()
        self._renumber(old_parent, 0)
        if new_parent is not old_parent:
            self._renumber(new_parent, 0)
            self._touch_ancestors(old_parent)
            self._touch_ancestors(new_parent)

    def _renumber(self, parent: Node, start: int) -> None:
        """Roman numerals of areas and numbers of komponen follow their position."""
        if not parent.children or parent.children[0].level not in ("area", "komponen"):
            return
        for kid in parent.children[start:]:
            kid._search = None
        if start < len(parent.children):
            first = self.index_of(parent.children[start])
            last = self.index_of(parent.children[-1])
            self.dataChanged.emit(first, last, [NumeralRole, SearchRole])

    def _touch_ancestors(self, node: Node) -> None:
        """The langkah aksi count shown on every ancestor changed."""
        self._counts.clear()
        while node is not None and node is not self.root:
            index = self.index_of(node, COL_TIME)
            self.dataChanged.emit(index, index, [Qt.DisplayRole])
            node = node.parent

    def persistent(self, node: Node) -> QPersistentModelIndex:
        return QPersistentModelIndex(self.index_of(node))
