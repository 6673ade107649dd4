"""The filter box behind the tree: finds words anywhere in the plan (every field).

Every word typed must occur in the item (any field, any case); the items found are
shown with their parents so the user sees where they sit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel

from .tree_model import PlanTreeModel, SearchRole


class PlanFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self._terms: list[str] = []

    def set_text(self, text: str) -> None:
        terms = text.casefold().split()
        if terms == self._terms:
            return
        if hasattr(self, "endFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._terms = terms
            self.invalidateRowsFilter()

    @property
    def active(self) -> bool:
        return bool(self._terms)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self._terms:
            return True
        model = self.sourceModel()
        if isinstance(model, PlanTreeModel):
            node = model.node(source_parent)
            if source_row >= len(node.children):
                return False
            text = node.children[source_row].search_text()
        else:
            text = str(model.index(source_row, 0, source_parent).data(SearchRole) or "")
        return all(term in text for term in self._terms)
