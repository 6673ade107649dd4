"""Pemantauan: how far the plan is carried out — a bar per area and for the plan, the late
items and this month's items — up to a chosen month, kept current after every edit.

Computed by ``zi_desktop.pemantauan.progress`` from the plan dict (the same numbers as the
Laporan). Refreshed with a short debounce after changes, and only while the tab is shown;
activating an item emits ``activated(aksi_id, bulan)`` so the plan view can show it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QProgressBar, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from zi_desktop.dates import format_bulan
from zi_desktop.pemantauan.progress import default_sampai, period, progress, realisasi_by_month, this_month

DEBOUNCE_MS = 300
AksiRole = Qt.UserRole + 1
MonthRole = Qt.UserRole + 2
STATUS_TEXT = {"selesai": "selesai", "sebagian": "sebagian", "belum": "belum", None: "belum dilaporkan"}


def _pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


class PemantauanView(QWidget):
    activated = Signal(int, str)   # aksi id, month "YYYY-MM"

    def __init__(self, editor, parent=None, *, today=None) -> None:
        super().__init__(parent)
        self.doc = editor.doc
        self._today = today
        self._dirty = True
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Keadaan sampai dengan")))
        self.sampai = QComboBox()
        self.sampai.setAccessibleName(self.tr("Keadaan sampai dengan bulan"))
        top.addWidget(self.sampai)
        top.addStretch(1)
        self.summary = QLabel()
        top.addWidget(self.summary)
        layout.addLayout(top)

        self.bars_box = QGroupBox(self.tr("Capaian per area"))
        self.bars = QGridLayout(self.bars_box)
        layout.addWidget(self.bars_box)

        lists = QHBoxLayout()
        self.late = self._list(lists, self.tr("Terlambat"),
                               [self.tr("Letak"), self.tr("Langkah aksi"), self.tr("Bulan")])
        self.now = self._list(lists, self.tr("Bulan ini"),
                              [self.tr("Letak"), self.tr("Langkah aksi"), self.tr("Realisasi")])
        layout.addLayout(lists, 1)
        self._fill_months()
        self.sampai.currentIndexChanged.connect(lambda _i: self.refresh())
        editor.changed.connect(self._on_changes)

    def _list(self, row: QHBoxLayout, title: str, headers: list[str]) -> QTreeWidget:
        box = QGroupBox(title)
        row.addWidget(box)
        inner = QVBoxLayout(box)
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SingleSelection)
        tree.setAccessibleName(title)
        tree.itemActivated.connect(self._activated)
        inner.addWidget(tree)
        return tree

    def _fill_months(self) -> None:
        rencana = self.doc.identitas()
        months = period(rencana)
        self.sampai.blockSignals(True)
        self.sampai.clear()
        for m in months:
            self.sampai.addItem(format_bulan(m), m)
        self.sampai.setCurrentIndex(months.index(default_sampai(rencana, self._today)))
        self.sampai.blockSignals(False)

    def _on_changes(self, changes, _initiator=None) -> None:
        if any(c.kind == "identitas" for c in changes):
            self._fill_months()
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        if self.doc.closed:
            return
        self._dirty = False
        plan = self.doc.to_dict(ids=True)
        sampai = self.sampai.currentData()
        prog = progress(plan, sampai, self._today)
        while self.bars.count():
            item = self.bars.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        rows = [(f"{k}  {nama}", t) for k, nama, t in prog.areas] + [(self.tr("Seluruh rencana"), prog.total)]
        for r, (label, tally) in enumerate(rows):
            name = QLabel(label)
            name.setWordWrap(True)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setMinimumWidth(220)
            bar.setValue(int(tally.persen * 10))
            bar.setFormat(f"{_pct(tally.persen)}%")
            bar.setAccessibleName(label)
            detail = QLabel(self.tr("{s} selesai, {p} sebagian dari {n} bulan rencana").format(
                s=tally.selesai, p=tally.sebagian, n=tally.rencana))
            if r == len(rows) - 1:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            self.bars.addWidget(name, r, 0)
            self.bars.addWidget(bar, r, 1)
            self.bars.addWidget(detail, r, 2)
        self.bars.setColumnStretch(1, 1)
        self.summary.setText(self.tr("{late} terlambat · {n} bukti dukung").format(
            late=len(prog.terlambat), n=prog.bukti))
        self.late.clear()
        for item in prog.terlambat:
            row = QTreeWidgetItem([item.jalur, item.langkah, format_bulan(item.bulan)])
            row.setData(0, AksiRole, item.aksi_id)
            row.setData(0, MonthRole, item.bulan)
            self.late.addTopLevelItem(row)
        self.now.clear()
        month = this_month(self._today)
        for jalur, aksi in prog.bulan_ini:
            entry = realisasi_by_month(aksi).get(month)
            row = QTreeWidgetItem([jalur, aksi["langkah"], STATUS_TEXT[entry["status"] if entry else None]])
            row.setData(0, AksiRole, aksi.get("id"))
            row.setData(0, MonthRole, month)
            self.now.addTopLevelItem(row)
        for tree in (self.late, self.now):
            tree.resizeColumnToContents(0)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        aksi_id = item.data(0, AksiRole)
        if aksi_id is not None:
            self.activated.emit(int(aksi_id), item.data(0, MonthRole))
