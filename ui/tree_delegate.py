"""Draws the tree's first column with the item's numeral in front: "I  MANAJEMEN PERUBAHAN".

The numeral follows the item's position (``NumeralRole``), so it is drawn here rather than
being part of the display text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyledItemDelegate

from .tree_model import NumeralRole


class NumeralDelegate(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        numeral = index.data(NumeralRole)
        if numeral:
            option.text = f"{numeral}  {option.text}"
