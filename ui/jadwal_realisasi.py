"""Realisasi in the month grid: what each month cell of a langkah aksi reports, how it is
painted over the planned bar, and what a click or Space does in the grid's realisasi mode.

Painted marks: selesai = the cell filled green with a ✓; sebagian = the left half green;
belum = a grey ✗; a planned month that has passed without any realisasi = a red outline.
The statuses are cached per langkah aksi (read when its row is first painted; re-read when an
edit reports ``fields=("realisasi",)``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from zi_desktop.pemantauan.edits import SetRealisasi

DONE = QColor("#2e8b57")
DONE_TICK = QColor("#ffffff")
HALF = QColor("#cfe8d8")
NOT_DONE = QColor("#7b8794")
LATE = QColor("#d93025")
CYCLE = {None: "selesai", "selesai": "sebagian", "sebagian": "belum", "belum": None}
STATUS_LABEL = {"selesai": "selesai", "sebagian": "sebagian", "belum": "belum", None: "belum dilaporkan"}


class RealisasiCache:
    """{aksi id: {"YYYY-MM": status}} of the open plan, read per langkah aksi (through the
    document) when first painted: a screenful of rows costs a screenful of small indexed
    reads, not the whole plan."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self._by_aksi: dict[int, dict[str, str]] = {}
        self._monitored: bool | None = None

    def load(self) -> None:
        self._by_aksi = {}
        self._monitored = None

    def monitored(self) -> bool:
        """Whether the plan records any realisasi: only then is a passed month late (as in
        Periksa), so a plan not monitored in ZI Desktop is not painted red all over."""
        if self._monitored is None:
            self._monitored = self.doc.monitored()
        return self._monitored

    def reload(self, aksi_id: int) -> None:
        self._monitored = None
        self._by_aksi[aksi_id] = self.doc.realisasi_status(aksi_id)

    def status(self, aksi_id: int, ym: str) -> str | None:
        months = self._by_aksi.get(aksi_id)
        if months is None:
            self.reload(aksi_id)
            months = self._by_aksi[aksi_id]
        return months.get(ym)


def touches_realisasi(change) -> bool:
    return change.kind == "update" and change.level == "aksi" and "realisasi" in change.fields


def cycle_edit(cache: RealisasiCache, aksi_id: int, ym: str) -> SetRealisasi:
    """The next status of a cell: none → selesai → sebagian → belum → none."""
    edit = SetRealisasi(aksi_id, ym, CYCLE[cache.status(aksi_id, ym)])
    edit.label = "Ubah realisasi"
    return edit


def tooltip(status: str | None, planned: bool, late: bool) -> str:
    if status is not None:
        return f"realisasi: {STATUS_LABEL[status]}"
    if late:
        return "terlambat: bulan rencana sudah lewat tanpa realisasi"
    return "realisasi: belum dilaporkan" if planned else ""


def paint_realisasi(painter, cell, bar: QRectF, status: str | None, late: bool, *, planned: bool) -> None:
    """Draw the realisasi mark of one month cell (``bar`` is where the planned bar lies)."""
    if status is None and not late:
        return
    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing)
    box = bar.adjusted(3, 0, -3, 0)
    if status in ("selesai", "sebagian"):
        painter.setPen(Qt.NoPen)
        if status == "sebagian":   # a light cell, the left half done: covers the plan's ✓
            painter.setBrush(HALF)
            painter.drawRoundedRect(box, 3, 3)
        fill = QRectF(box) if status == "selesai" else QRectF(box.left(), box.top(), box.width() / 2, box.height())
        painter.setBrush(DONE)
        painter.drawRoundedRect(fill, 3, 3)
        if status == "selesai":
            cx, cy, s = box.center().x(), box.center().y(), min(box.height() * 0.28, 4.5)
            painter.setPen(QPen(DONE_TICK, 1.8, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
            painter.setBrush(Qt.NoBrush)
            painter.drawPolyline([QPointF(cx - s, cy), QPointF(cx - s * 0.3, cy + s * 0.7),
                                  QPointF(cx + s, cy - s * 0.75)])
        else:
            painter.setPen(QPen(DONE, 1.2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(box, 3, 3)
    elif status == "belum":
        cx, cy, s = box.center().x(), box.center().y(), min(box.height() * 0.25, 4.0)
        painter.setPen(QPen(NOT_DONE if not planned else DONE_TICK, 1.6, Qt.SolidLine, Qt.RoundCap))
        painter.drawLine(QPointF(cx - s, cy - s), QPointF(cx + s, cy + s))
        painter.drawLine(QPointF(cx - s, cy + s), QPointF(cx + s, cy - s))
    if late:
        painter.setPen(QPen(LATE, 2))
        painter.setBrush(Qt.NoBrush)
        painter.drawRoundedRect(box.adjusted(-1, -1, 1, 1), 4, 4)
    painter.restore()
