"""Small pieces of the Penilaian Mandiri view: the area bars, the lists' builder, numbers."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QWidget

from .style import ACCENT

CodeRole = Qt.UserRole + 1   # a question's code / a langkah aksi's id on a list row


def angka(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def table(name: str, headers: list[str], widths: tuple[int, ...]) -> QTreeWidget:
    """A single-selection list whose column of width 0 stretches; the others keep ``widths``."""
    table = QTreeWidget()
    table.setObjectName(name)
    table.setHeaderLabels(headers)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setUniformRowHeights(True)
    table.setAlternatingRowColors(True)
    header = table.header()
    header.setStretchLastSection(False)
    for col, width in enumerate(widths):
        header.setSectionResizeMode(col, QHeaderView.Stretch if not width else QHeaderView.Interactive)
        if width:
            header.resizeSection(col, width)
    return table


class AreaBars(QWidget):
    """One bar per area: Saat ini filled, Prediksi lighter behind it, the WBK/WBBM minimums as
    ticks. Painted (no child widgets) so it stays cheap and narrow."""

    ROW = 30

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, float, float, float]] = []   # label, bobot, saat ini, prediksi
        self.minimums = (60.0, 75.0)
        self.setMinimumWidth(200)

    def set_rows(self, rows, minimums) -> None:
        self.rows, self.minimums = rows, minimums
        self.setMinimumHeight(self.ROW * len(rows) + 4)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.ROW * len(self.rows) + 4)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = self.fontMetrics()
        label_w = min(int(self.width() * 0.42), 260)
        value_w = fm.horizontalAdvance("00,00 → 00,00 / 15") + 8
        bar_x = label_w + 6
        bar_w = max(40, self.width() - bar_x - value_w)
        for n, (label, bobot, now, aim) in enumerate(self.rows):
            y = n * self.ROW + 4
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w, self.ROW - 8), Qt.AlignVCenter | Qt.AlignLeft,
                       fm.elidedText(label, Qt.ElideRight, label_w))
            box = QRectF(bar_x, y + 4, bar_w, self.ROW - 14)
            p.setPen(Qt.NoPen)
            p.setBrush(QColor("#e6e9ef"))
            p.drawRect(box)
            share = (lambda v: max(0.0, min(1.0, v / bobot)) if bobot else 0.0)
            p.setBrush(QColor("#b9d3ea"))
            p.drawRect(QRectF(box.left(), box.top(), box.width() * share(aim), box.height()))
            pct = share(now) * 100
            p.setBrush(QColor("#2e7d32") if pct >= self.minimums[0] else QColor("#b3261e"))
            p.drawRect(QRectF(box.left(), box.top() + 3, box.width() * share(now), box.height() - 6))
            for minimum, colour in zip(self.minimums, ("#8a5a00", ACCENT)):
                x = box.left() + box.width() * minimum / 100
                p.setPen(QPen(QColor(colour), 2))
                p.drawLine(int(x), int(box.top() - 3), int(x), int(box.bottom() + 3))
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(bar_x + bar_w + 6, y, value_w, self.ROW - 8), Qt.AlignVCenter,
                       f"{angka(now)} → {angka(aim)} / {bobot:g}")
        p.end()
