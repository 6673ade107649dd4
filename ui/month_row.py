"""The months of a langkah aksi as a compact row of toggle buttons (one per month).

One row per calendar year of the plan period, months in their calendar column. The
row is one stop for Tab; the arrow keys move between months and Space toggles one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from zi_desktop.dates import BULAN, BULAN_SINGKAT

STYLE = """
QToolButton#bulan {
    border: 1px solid palette(mid); border-radius: 3px; background: palette(base);
    padding: 3px 0px; min-width: 26px; color: palette(text);   /* 12 months fit a 1024-px screen */
}
QToolButton#bulan:hover { border-color: #2e6da4; }
QToolButton#bulan:checked { background: #2e6da4; color: white; border-color: #245a88; font-weight: bold; }
QToolButton#bulan:focus { border: 2px solid #e8a317; }
QToolButton#bulan:disabled { color: palette(mid); }
QToolButton#bulan:checked:disabled { background: #8fa9c2; color: white; }
"""


class MonthRow(QWidget):
    toggled = Signal(list)   # the new sorted list of months ("YYYY-MM")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(3)
        self._grid.setVerticalSpacing(3)
        self._period: list[str] = []
        self._buttons: dict[str, QToolButton] = {}
        self._order: list[str] = []
        self._selected: set[str] = set()
        self._cursor = 0
        self._readonly = False

    # --- building ---------------------------------------------------------------------------

    def set_period(self, months: list[str]) -> None:
        if months == self._period:
            return
        self._period = list(months)
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self._buttons.clear()
        years = sorted({m[:4] for m in months})
        for r, year in enumerate(years):
            label = QLabel(year)
            label.setObjectName("tahun")
            label.setStyleSheet("color: palette(dark); padding-right: 4px;")
            self._grid.addWidget(label, r, 0)
            for m in (m for m in months if m[:4] == year):
                index = int(m[5:]) - 1
                button = QToolButton(self)
                button.setObjectName("bulan")
                button.setText(BULAN_SINGKAT[index])
                button.setCheckable(True)
                button.setToolTip(f"{BULAN[index]} {year}")
                button.setAccessibleName(f"{BULAN[index]} {year}")
                button.setFocusPolicy(Qt.ClickFocus)
                button.clicked.connect(lambda _c=False, month=m: self._clicked(month))
                button.installEventFilter(self)
                self._grid.addWidget(button, r, index + 1)
                self._buttons[m] = button
        self._grid.setColumnStretch(13, 1)
        self._order = list(months)
        # Keep the months where the row sits in the Tab order (Qt refuses a NoFocus anchor).
        self.setFocusPolicy(Qt.TabFocus)
        previous = self
        for m in self._order:
            QWidget.setTabOrder(previous, self._buttons[m])
            previous = self._buttons[m]
        self.setFocusPolicy(Qt.NoFocus)
        self._cursor = 0
        self._refresh()

    def set_months(self, months: list[str]) -> None:
        self._selected = set(months)
        self._refresh()

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        for button in self._buttons.values():
            button.setEnabled(not readonly)

    def months(self) -> list[str]:
        return sorted(self._selected)

    def button(self, month: str) -> QToolButton | None:
        return self._buttons.get(month)

    def _refresh(self) -> None:
        for m, button in self._buttons.items():
            button.blockSignals(True)
            button.setChecked(m in self._selected)
            button.blockSignals(False)
        self._set_cursor(self._cursor, focus=False)

    # --- behaviour --------------------------------------------------------------------------

    def _clicked(self, month: str) -> None:
        if self._readonly:
            return
        if month in self._order:
            self._set_cursor(self._order.index(month), focus=False)
        chosen = set(self._selected)
        chosen.symmetric_difference_update({month})
        self._selected = chosen
        self._refresh()
        self.toggled.emit(sorted(chosen))

    def _set_cursor(self, index: int, *, focus: bool) -> None:
        """Roving tab stop: only the month under the cursor takes Tab focus."""
        if not self._order:
            return
        self._cursor = max(0, min(index, len(self._order) - 1))
        for i, m in enumerate(self._order):
            self._buttons[m].setFocusPolicy(Qt.StrongFocus if i == self._cursor else Qt.ClickFocus)
        if focus:
            self._buttons[self._order[self._cursor]].setFocus(Qt.OtherFocusReason)

    def focus_first(self) -> None:
        self._set_cursor(self._cursor, focus=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.KeyPress:
            step = {Qt.Key_Left: -1, Qt.Key_Right: 1, Qt.Key_Up: -12, Qt.Key_Down: 12}.get(event.key())
            if step is not None and not event.modifiers() & (Qt.AltModifier | Qt.ControlModifier):
                self._set_cursor(self._cursor + step, focus=True)
                return True
            if event.key() == Qt.Key_Home:
                self._set_cursor(0, focus=True)
                return True
            if event.key() == Qt.Key_End:
                self._set_cursor(len(self._order) - 1, focus=True)
                return True
        elif event.type() == QEvent.FocusIn and watched in self._buttons.values():
            month = next(m for m, b in self._buttons.items() if b is watched)
            self._set_cursor(self._order.index(month), focus=False)
        return super().eventFilter(watched, event)
