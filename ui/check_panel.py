"""Periksa Kelengkapan: the findings of ``check_plan`` for the open plan, kept up to date.

Errors (galat) first, then warnings (peringatan), each in plan order. The panel follows the
document's changes with a short debounce — an edit arrives per committed field, and a burst
of them (undo of a large delete, a fast typist moving field to field) costs one check. The
check itself is cheap (3,000 langkah aksi: ~35 ms); while the panel is hidden only the counts
are kept current and the list is rebuilt when it is shown.

Activating a finding (click, Enter) emits ``activated`` with it; the plan view selects the
item and puts focus in the field the finding is about.
"""

from __future__ import annotations

import sys
import time
import traceback

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStackedWidget, QStyle,
                               QStyledItemDelegate, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from zi_desktop.checks import GALAT, PERINGATAN, Temuan, check_plan
from zi_desktop.document import Dokumen
from zi_desktop.edits import Change

DEBOUNCE_MS = 350
FindingRole = Qt.UserRole + 1

# Which field of the form a finding is about (the form puts the cursor there).
FIELD_OF = {
    "tanpa_bukti_fisik": "bukti_fisik",
    "bulan_belum_ditentukan": "bulan",
    "target_waktu_berbeda": "target_waktu",
}


# What to do about a finding, for the status bar once its item is shown (short: the finding's
# own sentence is in the list, and the status bar is narrow).
TODO = {
    "tanpa_bukti_fisik": "isi bukti fisiknya",
    "bulan_belum_ditentukan": "centang bulan pelaksanaannya (← → lalu Spasi)",
    "target_waktu_berbeda": "samakan target waktu dengan bulan yang dicentang",
    "teks_kosong": "isi teksnya",
    "teks_ganda": "ubah atau hapus yang ganda",
    "realisasi_terlambat": "isi realisasinya (Isian ▸ Realisasi, atau Spasi di sel bulan Jadwal)",
    "selesai_tanpa_bukti": "lampirkan bukti dukungnya (tarik berkas ke daftar Bukti dukung)",
}


def todo_text(finding: Temuan) -> str:
    what = TODO.get(finding.kode)
    head = f"{finding.jalur}: {what}" if what else finding.jalur
    return f"{head} — F7 kembali ke daftar temuan."


def ordered(findings: list[Temuan]) -> list[Temuan]:
    """Errors first, then warnings; plan order within each (a stable sort)."""
    rank = {GALAT: 0, PERINGATAN: 1}
    return sorted(findings, key=lambda f: rank.get(f.tingkat, 2))


def summary_text(galat: int, peringatan: int) -> str:
    if not galat and not peringatan:
        return "Rencana lengkap: tidak ada temuan"
    parts = []
    if galat:
        parts.append(f"{galat} galat")
    if peringatan:
        parts.append(f"{peringatan} peringatan")
    return ", ".join(parts)


def place_of(finding: Temuan) -> str:
    """The "Letak" column: the item's path, or what a plan-wide finding is about."""
    if finding.jalur:
        return finding.jalur
    return "Rencana" if finding.kode == "rencana_kosong" else "Identitas"


class WrapDelegate(QStyledItemDelegate):
    """The message column wraps to the column's width (a tree view does not tell the
    delegate that width when it asks for a row's height)."""

    PAD = 8

    def __init__(self, view: QTreeWidget, column: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column

    def sizeHint(self, option, index) -> QSize:
        base = super().sizeHint(option, index)
        width = self.view.header().sectionSize(self.column) - self.PAD
        if width <= 40:
            return base
        text = index.data(Qt.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextWordWrap), text)
        return QSize(base.width(), max(base.height(), rect.height() + self.PAD))


class FindingList(QTreeWidget):
    """The list; a mouse click activates a finding like Enter does (once, also on a
    platform that activates on single click)."""

    finding_activated = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._last: tuple[int, float] | None = None
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FindingRole)
        now = time.monotonic()
        key = id(item)
        if self._last is not None and self._last[0] == key and now - self._last[1] < 0.4:
            return  # the same click reported twice (clicked + activated)
        self._last = (key, now)
        if finding is not None:
            self.finding_activated.emit(finding)


class CheckPanel(QWidget):
    activated = Signal(object)      # a Temuan the user wants to fix
    counted = Signal(int, int)      # galat, peringatan — after every check
    replace_year_requested = Signal()   # "Ganti tahun …": texts that still name last year

    def __init__(self, doc: Dokumen, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.findings: list[Temuan] = []
        self.galat = self.peringatan = 0
        self.checks_run = 0             # for tests: how many times the plan was checked
        self._shown: list[Temuan] | None = None   # what the list holds (None: rebuild on show)
        style = self.style()
        self._icons = {GALAT: style.standardIcon(QStyle.SP_MessageBoxCritical),
                       PERINGATAN: style.standardIcon(QStyle.SP_MessageBoxWarning)}
        self._ok_icon = style.standardIcon(QStyle.SP_DialogApplyButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(6)

        head = QHBoxLayout()
        head.setSpacing(8)
        self.summary_icon = QLabel()
        head.addWidget(self.summary_icon)
        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        head.addWidget(self.summary, 1)
        self.year_button = QPushButton()
        self.year_button.setObjectName("yearButton")
        self.year_button.setToolTip(self.tr("Mengganti tahun lalu pada teks yang Anda pilih (dapat diurungkan)"))
        self.year_button.clicked.connect(self.replace_year_requested)
        self.year_button.hide()
        head.addWidget(self.year_button)
        layout.addLayout(head)
        self.hint = QLabel(self.tr(
            "Galat: Lampiran belum lengkap. Peringatan: sebaiknya dilihat lagi. "
            "Klik atau tekan Enter pada sebuah temuan untuk membuka isiannya; F7 kembali ke sini."))
        self.hint.setObjectName("formHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.list = FindingList()
        self.list.setObjectName("findingList")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Letak"), self.tr("Temuan")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.list.setTextElideMode(Qt.ElideRight)
        self.list.setAllColumnsShowFocus(True)
        self.list.setAccessibleName(self.tr("Daftar temuan"))
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.resizeSection(0, 96)
        self.list.setItemDelegateForColumn(1, WrapDelegate(self.list, 1))
        header.sectionResized.connect(self._relayout)
        self.list.finding_activated.connect(self.activated)
        self.pages.addWidget(self.list)

        self.done = QWidget()
        done_layout = QVBoxLayout(self.done)
        done_layout.addStretch(1)
        done_icon = QLabel()
        done_icon.setPixmap(self._ok_icon.pixmap(40, 40))
        done_icon.setAlignment(Qt.AlignCenter)
        done_layout.addWidget(done_icon)
        done_text = QLabel(self.tr("Semua isian yang diperlukan Lampiran sudah terisi."))
        done_text.setObjectName("formHint")
        done_text.setAlignment(Qt.AlignCenter)
        done_text.setWordWrap(True)
        done_layout.addWidget(done_text)
        done_layout.addStretch(2)
        self.pages.addWidget(self.done)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)

    # --- checking -----------------------------------------------------------------------------

    def follow(self, editor) -> None:
        """Check again (debounced) after every change the editor reports."""
        editor.changed.connect(self._on_changes)

    def _on_changes(self, _changes: list[Change], _initiator=None) -> None:
        self.timer.start()   # restarts: a burst of edits is checked once, after it

    def flush(self) -> None:
        """Check now if edits are waiting or nothing was checked yet (before the panel is
        shown, or on F7)."""
        if self.timer.isActive() or self.checks_run == 0:
            self.timer.stop()
            self.refresh()

    def refresh(self) -> None:
        self.timer.stop()
        if self.doc.closed:   # the plan was closed while a check was waiting
            return
        try:
            findings = ordered(check_plan(self.doc.to_dict(ids=True)))
        except Exception:  # a bug in a rule must not take the window down
            traceback.print_exc(file=sys.stderr)
            return
        self.checks_run += 1
        self.findings = findings
        self.galat = sum(f.tingkat == GALAT for f in findings)
        self.peringatan = sum(f.tingkat == PERINGATAN for f in findings)
        self._show_summary()
        if self.isVisible():
            self._fill()
        else:
            self._shown = None
        self.counted.emit(self.galat, self.peringatan)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.flush()
        if self._shown is not self.findings:
            self._fill()

    # --- showing ------------------------------------------------------------------------------

    def _show_summary(self) -> None:
        text = summary_text(self.galat, self.peringatan)
        if self.galat:
            icon = self._icons[GALAT]
        elif self.peringatan:
            icon = self._icons[PERINGATAN]
        else:
            icon = self._ok_icon
        self.summary_icon.setPixmap(icon.pixmap(22, 22))
        self.summary.setText(text)
        self.summary.setProperty("tingkat", "galat" if self.galat else "peringatan" if self.peringatan else "lengkap")
        old_year = [f for f in self.findings if f.kode == "tahun_lalu"]
        self.year_button.setVisible(bool(old_year) and not self.doc.readonly)
        if old_year:
            tahun = int(self.doc.identitas()["tahun"])
            self.year_button.setText(self.tr("Ganti %d → %d (%d teks)…") % (tahun - 1, tahun, len(old_year)))
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def _fill(self) -> None:
        """Rebuild the list, keeping the cursor on the same finding — or, when that one was
        just fixed, on the one that took its place (the next to fix)."""
        current = self.current_finding()
        row = self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else -1
        self.list.setUpdatesEnabled(False)
        try:
            self.list.clear()
            labels = {GALAT: self.tr("Galat"), PERINGATAN: self.tr("Peringatan")}
            items = []
            for finding in self.findings:
                item = QTreeWidgetItem([place_of(finding), finding.pesan])
                item.setIcon(0, self._icons.get(finding.tingkat, self._icons[PERINGATAN]))
                item.setData(0, FindingRole, finding)
                item.setToolTip(0, labels.get(finding.tingkat, finding.tingkat))
                item.setToolTip(1, finding.pesan)
                items.append(item)
            self.list.addTopLevelItems(items)
        finally:
            self.list.setUpdatesEnabled(True)
        self._shown = self.findings
        self.pages.setCurrentWidget(self.list if self.findings else self.done)
        if not self.findings:
            return
        target = None
        if current is not None:
            target = next((i for i, f in enumerate(self.findings) if _same(f, current)), None)
        if target is None and row >= 0:
            target = min(row, len(self.findings) - 1)
        if target is not None:
            self.list.setCurrentItem(self.list.topLevelItem(target))

    def _relayout(self, column: int, _old: int, _new: int) -> None:
        if column == 1:
            self.list.scheduleDelayedItemsLayout()

    def current_finding(self) -> Temuan | None:
        item = self.list.currentItem()
        return item.data(0, FindingRole) if item is not None else None

    def focus_list(self) -> None:
        if self.findings and self.list.currentItem() is None:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        (self.list if self.findings else self).setFocus(Qt.ShortcutFocusReason)


def _same(a: Temuan, b: Temuan) -> bool:
    return (a.kode, a.level, a.id) == (b.kode, b.level, b.id)
