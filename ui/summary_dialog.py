"""Rekap Provinsi: the plans received from the districts, read and compared in one table.

The province picks a folder (or files) of ``.zidb``; ``summarize`` reads every file read-only
and validates it first (552 files in ~2 s), so this window never changes a received file.
One row per plan, sortable by any column; the refused files are listed with their reasons.
A double-click opens that plan read-only in the main window. The summary is saved as .xlsx
or .pdf by the same code as ``zi-desktop summary``.

The window is its own top-level window (not a modal dialog): the province goes back and
forth between it and the plans it opens.
"""

from __future__ import annotations

import os
import time
from collections import Counter

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QSplitter, QStyle, QTableView, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from zi_desktop.exchange.summary import Summary, summarize
from zi_desktop.exchange.summary_write import write_summary

from . import dialogs_id, settings
from .background import Cancelled, Job, run_job
from .external import open_externally
from .summary_model import BLUE, GREEN, REALISASI, WIDTH, PathRole, PercentDelegate, SortProxy, SummaryModel


class SummaryDialog(QDialog):
    """Berkas ▸ Rekap Provinsi."""

    def __init__(self, files, parent=None) -> None:
        super().__init__(parent)
        self.files = files                   # FileCommands: the window, its folder, its failures
        self.sources: list[str] = []
        self.summary: Summary | None = None
        self.elapsed = 0.0
        self.setWindowTitle(self.tr("Rekap Provinsi — ZI Desktop"))
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowContextHelpButtonHint, False)
        self.setSizeGripEnabled(True)
        self.setAcceptDrops(True)
        self.setObjectName("summaryDialog")
        self.setStyleSheet("""
            QLabel#summaryTitle { font-size: 15pt; font-weight: 600; color: #2e6da4; }
            QLabel#summaryHint, QLabel#summarySource { color: palette(dark); }
            QLabel#summaryLine { font-size: 10.5pt; }
            QLabel#rejectedTitle { font-weight: 600; }
            QTableView#summaryTable::item { padding: 2px 4px; }
        """)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)

        title = QLabel(self.tr("Rekap Provinsi"))
        title.setObjectName("summaryTitle")
        layout.addWidget(title)
        hint = QLabel(self.tr(
            "Pilih folder berisi berkas rencana (.zidb) kiriman satuan kerja, atau seret foldernya ke sini. "
            "Setiap berkas diperiksa keasliannya lalu dibaca saja — tidak ada berkas yang diubah."))
        hint.setObjectName("summaryHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        choose = QHBoxLayout()
        style = self.style()
        self.folder_button = QPushButton(style.standardIcon(QStyle.SP_DirOpenIcon), self.tr("Pilih &Folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.files_button = QPushButton(style.standardIcon(QStyle.SP_FileIcon), self.tr("Pilih &Berkas…"))
        self.files_button.clicked.connect(self.choose_files)
        self.reload_button = QPushButton(style.standardIcon(QStyle.SP_BrowserReload), self.tr("&Muat Ulang"))
        self.reload_button.setToolTip(self.tr("Membaca lagi folder yang sama (mis. setelah ada kiriman baru)"))
        self.reload_button.clicked.connect(self.reload)
        self.reload_button.setEnabled(False)
        for button in (self.folder_button, self.files_button, self.reload_button):
            choose.addWidget(button)
        self.source_label = QLabel()
        self.source_label.setObjectName("summarySource")
        self.source_label.setTextFormat(Qt.PlainText)
        choose.addWidget(self.source_label, 1)
        layout.addLayout(choose)

        reading = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        reading.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setToolTip(self.tr("Berhenti membaca; rekap sebelumnya tetap ditampilkan"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        reading.addWidget(self.cancel_button)
        layout.addLayout(reading)
        self.job: Job | None = None       # the reading under way (a worker thread)

        line = QHBoxLayout()
        self.summary_line = QLabel(self.tr("Belum ada berkas yang dibaca."))
        self.summary_line.setObjectName("summaryLine")
        self.summary_line.setWordWrap(True)
        line.addWidget(self.summary_line, 1)
        self.filter = QLineEdit()
        self.filter.setObjectName("summaryFilter")
        self.filter.setPlaceholderText(self.tr("Cari satuan kerja…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(280)
        line.addWidget(self.filter)
        layout.addLayout(line)

        self.model = SummaryModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("summaryTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideMiddle)   # file names differ at their end
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.table.doubleClicked.connect(self.open_index)
        self.table.setAccessibleName(self.tr("Rekap rencana satuan kerja"))
        for key in (Qt.Key_Return, Qt.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.WidgetShortcut)
            shortcut.activated.connect(self.open_current)

        self.rejected_box = QWidget()
        rejected_layout = QVBoxLayout(self.rejected_box)
        rejected_layout.setContentsMargins(0, 6, 0, 0)
        rejected_layout.setSpacing(4)
        head = QHBoxLayout()
        self.rejected_icon = QLabel()
        self.rejected_icon.setPixmap(style.standardIcon(QStyle.SP_MessageBoxWarning).pixmap(18, 18))
        head.addWidget(self.rejected_icon)
        self.rejected_title = QLabel()
        self.rejected_title.setObjectName("rejectedTitle")
        head.addWidget(self.rejected_title, 1)
        rejected_layout.addLayout(head)
        self.rejected = QTreeWidget()
        self.rejected.setObjectName("rejectedList")
        self.rejected.setColumnCount(2)
        self.rejected.setHeaderLabels([self.tr("Berkas"), self.tr("Alasan ditolak")])
        self.rejected.setRootIsDecorated(False)
        self.rejected.setAlternatingRowColors(True)
        self.rejected.setWordWrap(True)
        self.rejected.setUniformRowHeights(False)
        self.rejected.header().resizeSection(0, 280)
        self.rejected.header().setStretchLastSection(True)
        rejected_layout.addWidget(self.rejected, 1)

        split = QSplitter(Qt.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.rejected_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 130])
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        open_hint = QLabel(self.tr("Klik dua kali sebuah baris (atau Enter) untuk membuka rencananya — hanya baca."))
        open_hint.setObjectName("summaryHint")
        bottom.addWidget(open_hint, 1)
        self.xlsx_button = QPushButton(style.standardIcon(QStyle.SP_DialogSaveButton), self.tr("Simpan &Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.save(".xlsx"))
        self.pdf_button = QPushButton(style.standardIcon(QStyle.SP_DialogSaveButton), self.tr("Simpan &PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.close)
        for button in (self.xlsx_button, self.pdf_button, close):
            button.setAutoDefault(False)
            bottom.addWidget(button)
        for button in (self.folder_button, self.files_button, self.reload_button):
            button.setAutoDefault(False)
        layout.addLayout(bottom)

        self._show_rejected([])
        self._update_buttons()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        width, height = 1480, 760
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, area.width() - 40), min(height, area.height() - 60)
        self.resize(width, height)

    # --- choosing -----------------------------------------------------------------------------

    def _start_folder(self) -> str:
        last = settings.get(settings.REKAP_FOLDER)
        return last if last and os.path.isdir(last) else self.files.folder()

    def choose_folder(self) -> bool:
        folder = dialogs_id.choose_folder(
            self, self.tr("Rekap Provinsi — pilih folder berkas kiriman"), self._start_folder())
        if not folder:
            return False
        settings.put(settings.REKAP_FOLDER, folder)
        self.load([folder])
        return True

    def choose_files(self) -> bool:
        paths = dialogs_id.open_files(
            self, self.tr("Rekap Provinsi — pilih berkas kiriman"), self._start_folder(),
            self.tr("Rencana ZI (*.zidb);;Semua berkas (*)"))
        if not paths:
            return False
        settings.put(settings.REKAP_FOLDER, os.path.dirname(paths[0]))
        self.load(paths)
        return True

    def reload(self) -> None:
        if self.sources:
            self.load(self.sources)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load(paths)

    # --- reading ------------------------------------------------------------------------------

    def load(self, paths: list[str]) -> Summary | None:
        """Read every plan under ``paths`` in a worker thread; the bar shows how far, Batal
        stops it, and both windows stay alive meanwhile. None: cancelled or failed."""
        if self.job is not None:
            return None
        self.sources = [os.fspath(p) for p in paths]
        self.source_label.setText(self._describe_sources())
        self.source_label.setToolTip("\n".join(self.sources))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Mencari berkas…"))
        self.progress.show()
        for widget in (self.folder_button, self.files_button, self.reload_button, self.xlsx_button,
                       self.pdf_button, self.table):
            widget.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        started = time.perf_counter()
        sources = list(self.sources)
        self.job = Job(lambda report: summarize(sources, progress=report), self)
        self.job.progressed.connect(self._progress)
        summary = error = None
        try:
            summary = run_job(self.job)
        except Cancelled:
            pass
        except Exception as err:  # noqa: BLE001 — summarize refuses files, not folders; still, say it
            error = err
        self.job = None
        if not shiboken6.isValid(self.progress):   # deleted while reading (the program closed)
            return None
        self.progress.hide()
        self.cancel_button.hide()
        for widget in (self.folder_button, self.files_button, self.table):
            widget.setEnabled(True)
        self._update_buttons()
        if error is not None:
            self.files.fail(self.tr("Rekap tidak dapat dibuat"), error, parent=self)
            return None
        if summary is None:
            self.summary_line.setText(self.tr("Pembacaan dibatalkan; rekap sebelumnya tetap ditampilkan.")
                                      if self.summary is not None else self.tr("Pembacaan dibatalkan."))
            return None
        self.elapsed = time.perf_counter() - started
        self.set_summary(summary)
        return summary

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Membaca berkas %d dari %d…") % (done, total))

    def cancel(self) -> None:
        """Batal: the reading stops after the file it is on."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Membatalkan…"))

    def closeEvent(self, event) -> None:
        if self.job is not None:   # closing stops the reading; the thread ends before the window goes
            self.job.cancel()
            self.job.wait()
        super().closeEvent(event)

    def _describe_sources(self) -> str:
        if len(self.sources) == 1:
            return self.sources[0]
        folders = {os.path.dirname(p) for p in self.sources}
        return (self.tr("%d berkas dari %s") % (len(self.sources), folders.pop()) if len(folders) == 1
                else self.tr("%d berkas") % len(self.sources))

    def set_summary(self, summary: Summary) -> None:
        self.summary = summary
        self.model.set_summary(summary)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self._size_columns()
        self._show_rejected(summary.rejected)
        self.summary_line.setText(self._summary_text(summary))
        self._update_buttons()
        if summary.rows:   # the keyboard starts on the first row; nothing is highlighted yet
            self.table.selectionModel().setCurrentIndex(self.proxy.index(0, 0), QItemSelectionModel.NoUpdate)

    def _summary_text(self, summary: Summary) -> str:
        rows = summary.rows
        if not rows and not summary.rejected:
            return self.tr("Tidak ada berkas rencana (.zidb) di tempat yang dipilih.")
        parts = [self.tr("<b>%d</b> rencana dibaca") % len(rows)]
        if summary.rejected:
            parts.append(self.tr("<b>%d</b> berkas ditolak") % len(summary.rejected))
        units = {(" ".join(r.satker.casefold().split()), r.tahun) for r in rows if r.ganda}
        if units:
            parts.append(self.tr("%d satuan kerja mengirim lebih dari satu berkas (yang lama ditandai)") % len(units))
        newest = [r for r in rows if r.terbaru]
        if newest:
            complete = sum(1 for r in newest if r.galat == 0)
            parts.append(self.tr("%d dari %d rencana lengkap tanpa galat") % (complete, len(newest)))
            years = Counter(r.tahun for r in newest)
            if len(years) > 1:
                parts.append(self.tr("tahun: %s") % ", ".join(f"{y} ({n})" for y, n in sorted(years.items())))
        return " · ".join(parts)

    def _size_columns(self) -> None:
        """Every column in view on a 1366-pixel screen: numbers narrow, names elided (their
        tooltips say everything), the file name takes what is left."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        bounds = {"satker": (150, 200), "tanggal": (90, 136)}
        for col in range(self.model.columnCount()):
            key = self.model.key(col)
            if key in WIDTH:
                header.resizeSection(col, WIDTH[key])
            elif key.startswith("area:"):
                header.resizeSection(col, 35)
            elif key in bounds:
                self.table.resizeColumnToContents(col)
                low, high = bounds[key]
                header.resizeSection(col, max(low, min(high, header.sectionSize(col))))
        last = self.model.column_of("berkas")   # the file name: what is left, at least a little
        used = sum(header.sectionSize(c) for c in range(self.model.columnCount()) if c != last)
        header.resizeSection(last, max(120, self.table.viewport().width() - used))
        for key, color in (("berjadwal", BLUE), ("berbukti", GREEN), ("realisasi", REALISASI)):
            self.table.setItemDelegateForColumn(self.model.column_of(key), PercentDelegate(color, self.table))

    def _show_rejected(self, rejected) -> None:
        self.rejected.clear()
        style = self.style()
        if rejected:
            self.rejected_title.setText(self.tr("Berkas ditolak (%d) — tidak ikut direkap:") % len(rejected))
            self.rejected_icon.setPixmap(style.standardIcon(QStyle.SP_MessageBoxWarning).pixmap(18, 18))
            for d in rejected:
                item = QTreeWidgetItem([os.path.basename(d.berkas) or d.berkas, d.alasan])
                item.setToolTip(0, d.berkas)
                item.setToolTip(1, d.alasan)
                self.rejected.addTopLevelItem(item)
            self.rejected.show()
        else:
            done = self.summary is not None and self.summary.rows
            self.rejected_title.setText(self.tr("Semua berkas dapat dibaca; tidak ada yang ditolak.") if done else "")
            self.rejected_icon.setPixmap(style.standardIcon(QStyle.SP_DialogApplyButton).pixmap(18, 18)
                                         if done else style.standardIcon(QStyle.SP_MessageBoxWarning).pixmap(0, 0))
            self.rejected.hide()

    def _update_buttons(self) -> None:
        has = self.summary is not None and bool(self.summary.rows or self.summary.rejected)
        self.xlsx_button.setEnabled(has)
        self.pdf_button.setEnabled(has)
        self.reload_button.setEnabled(bool(self.sources))

    # --- opening and saving -------------------------------------------------------------------

    def path_at(self, proxy_row: int) -> str:
        return self.proxy.index(proxy_row, 0).data(PathRole)

    def open_index(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        path = index.siblingAtColumn(0).data(PathRole)
        window = self.files.window
        if not window.open_path(path, readonly=True):
            return False
        window.raise_()
        window.activateWindow()
        return True

    def open_current(self) -> bool:
        return self.open_index(self.table.currentIndex())

    def _suggested(self, suffix: str) -> str:
        rows = self.summary.rows if self.summary else []
        years = Counter(r.tahun for r in rows)
        name = self.tr("Rekap Rencana Aksi ZI")
        if years:
            name += f" {years.most_common(1)[0][0]}"
        first = self.sources[0] if self.sources else self.files.folder()
        folder = first if os.path.isdir(first) else os.path.dirname(first)
        return os.path.join(folder, name + suffix)

    def save(self, suffix: str) -> str | None:
        if self.summary is None:
            return None
        kind = self.tr("Buku kerja Excel (*.xlsx)") if suffix == ".xlsx" else self.tr("Dokumen PDF (*.pdf)")
        path = dialogs_id.save_file(self, self.tr("Simpan Rekap"), self._suggested(suffix), kind)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            out = write_summary(self.summary, path)
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            QGuiApplication.restoreOverrideCursor()
            self.files.fail(self.tr("Rekap tidak dapat disimpan"), err, parent=self)
            return None
        QGuiApplication.restoreOverrideCursor()
        if dialogs_id.ask_yes_no(self, self.tr("Rekap Provinsi"), self.tr(
                "Rekap disimpan:\n%s\n\nBuka sekarang?") % out):
            open_externally(out)
        return str(out)


__all__ = ["SummaryDialog", "SummaryModel", "PercentDelegate", "PathRole"]
