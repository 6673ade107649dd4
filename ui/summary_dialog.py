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

from PySide6.QtCore import (QAbstractTableModel, QEventLoop, QItemSelectionModel, QModelIndex, QRect,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QSplitter, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from zi_desktop.dates import format_tanggal
from zi_desktop.exchange.summary import RekapRow, Summary, area_codes, status, summarize, write_summary

from . import settings

SortRole = Qt.UserRole + 1
PercentRole = Qt.UserRole + 2
PathRole = Qt.UserRole + 3

BLUE = QColor("#2F5597")      # % berjadwal (as in the PDF)
GREEN = QColor("#548235")     # % bukti fisik
RED = QColor("#b3261e")
AMBER = QColor("#8a5a00")
GREY = QColor(120, 120, 120)


LEFT = frozenset({"satker", "nomor", "tanggal", "status", "berkas", "berjadwal", "berbukti", "realisasi"})
WIDTH = {"tahun": 50, "nomor": 62, "status": 124, "aksi": 64, "berjadwal": 92, "berbukti": 92, "galat": 52,
         "peringatan": 70, "hilang": 60, "realisasi": 92, "terlambat": 64, "bukti_dukung": 60}


def _tanggal(iso: str) -> str:
    try:
        return format_tanggal(iso.strip()) if iso.strip() else ""
    except ValueError:
        return iso


def _when(iso: str) -> str:
    return iso.replace("T", " ")[:16]


class SummaryModel(QAbstractTableModel):
    """One row per received plan. Columns: identity, langkah aksi per area, totals,
    completeness, findings, missing standard komponen, duplicate marks, file."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[RekapRow] = []
        self.codes: list[str] = []
        self.area_names: dict[str, str] = {}
        self.columns: list[tuple[str, str, str]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._build_columns()

    def _build_columns(self) -> None:
        tr = self.tr
        cols = [("satker", tr("Satuan kerja"), tr("Nama satuan kerja dalam berkas")),
                ("tahun", tr("Tahun"), tr("Tahun rencana")),
                ("nomor", tr("Nomor\nSK"), tr("Nomor keputusan")),
                ("tanggal", tr("Tanggal\nSK"), tr("Tanggal penetapan keputusan"))]
        for code in self.codes:
            name = self.area_names.get(code, "")
            cols.append((f"area:{code}", code, tr("Langkah aksi di area %s %s (arahkan tetikus ke angka untuk "
                                                  "jumlah komponen dan indikator)") % (code, name)))
        cols += [("aksi", tr("Langkah\naksi"), tr("Jumlah langkah aksi (arahkan tetikus ke angka untuk jumlah "
                                                  "komponen dan indikator)")),
                 ("berjadwal", tr("Berjadwal"), tr("Langkah aksi yang sudah memiliki bulan pelaksanaan")),
                 ("berbukti", tr("Ada bukti\nfisik"), tr("Langkah aksi yang sudah memiliki bukti fisik")),
                 ("realisasi", tr("Realisasi"), tr("Capaian realisasi sampai bulan ini: persen rata-rata bulan "
                                                   "rencana yang sudah dilaksanakan (pemantauan)")),
                 ("terlambat", tr("Terlam-\nbat"), tr("Bulan rencana yang sudah lewat tanpa realisasi")),
                 ("bukti_dukung", tr("Bukti\ndukung"), tr("Jumlah berkas bukti dukung dalam rencana")),
                 ("galat", tr("Galat"), tr("Temuan Periksa Kelengkapan: isian wajib yang belum ada")),
                 ("peringatan", tr("Peringat-\nan"), tr("Temuan Periksa Kelengkapan yang perlu dilihat lagi")),
                 ("hilang", tr("Komp.\nhilang"),
                  tr("Komponen templat standar (PermenPANRB 90/2021 jo. 5/2024) yang tidak ada dalam rencana")),
                 ("status", tr("Keterangan"), tr("Satuan kerja dan tahun yang sama ada di lebih dari satu berkas")),
                 ("berkas", tr("Berkas"), tr("Nama berkas yang diterima"))]
        self.columns = cols

    def set_summary(self, summary: Summary) -> None:
        self.beginResetModel()
        self.rows = list(summary.rows)
        self.codes = area_codes(self.rows)
        self.area_names = {}
        for row in self.rows:
            for area in row.area:
                self.area_names.setdefault(area["kode"], area["nama"])
        self._build_columns()
        self.endResetModel()

    def key(self, column: int) -> str:
        return self.columns[column][0]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c[0] == key)

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.DisplayRole:
            return self.columns[section][1]
        if role == Qt.ToolTipRole:
            return self.columns[section][2]
        if role == Qt.TextAlignmentRole:
            return int((Qt.AlignLeft if self.columns[section][0] in LEFT else Qt.AlignHCenter) | Qt.AlignVCenter)
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.key(index.column())
        if role == Qt.DisplayRole:
            return self._display(row, key)
        if role == SortRole:
            return self._sort(row, key)
        if role == Qt.ToolTipRole:
            return self._tooltip(row, key)
        if role == PercentRole and key in ("berjadwal", "berbukti", "realisasi"):
            return {"berjadwal": row.persen_berjadwal, "berbukti": row.persen_berbukti,
                    "realisasi": row.persen_realisasi}[key]
        if role == PathRole:
            return row.berkas
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignLeft | Qt.AlignVCenter) if key in LEFT else int(Qt.AlignCenter)
        if role == Qt.ForegroundRole:
            if row.ganda and not row.terbaru:
                return QBrush(GREY)
            if key == "galat" and row.galat:
                return QBrush(RED)
            if key == "peringatan" and row.peringatan:
                return QBrush(AMBER)
            if key == "hilang" and row.komponen_hilang:
                return QBrush(AMBER)
            if key == "terlambat" and row.terlambat:
                return QBrush(RED)
            if key == "status" and row.ganda:
                return QBrush(AMBER)
            if key == "satker" and not row.satker.strip():
                return QBrush(GREY)
            return None
        if role == Qt.FontRole:
            if key == "satker" and not row.satker.strip():
                return self._italic
            if key == "galat" and row.galat and row.terbaru:
                return self._bold
        return None

    def _display(self, row: RekapRow, key: str):
        if key == "satker":
            return row.satker.strip() or self.tr("(tanpa nama satuan kerja)")
        if key == "tahun":
            return str(row.tahun)
        if key == "nomor":
            return row.nomor or "—"
        if key == "tanggal":
            return _tanggal(row.tanggal) or "—"
        if key.startswith("area:"):
            area = next((a for a in row.area if a["kode"] == key[5:]), None)
            return "—" if area is None else str(area["aksi"])
        if key in ("komponen", "indikator", "aksi", "galat", "peringatan", "terlambat", "bukti_dukung"):
            return str(getattr(row, key))
        if key == "realisasi":
            return f"{row.persen_realisasi:.0f}%"
        if key == "berjadwal":
            return f"{row.persen_berjadwal:.0f}%"
        if key == "berbukti":
            return f"{row.persen_berbukti:.0f}%"
        if key == "hilang":
            return "?" if row.komponen_hilang is None else str(len(row.komponen_hilang))
        if key == "status":
            return status(row)
        if key == "berkas":
            return row.nama_berkas
        return ""

    def _sort(self, row: RekapRow, key: str):
        if key == "satker":
            return " ".join(row.satker.casefold().split())
        if key == "tanggal":
            return row.tanggal
        if key == "nomor":
            return (0, int(row.nomor), "") if row.nomor.strip().isdigit() else (1, 0, row.nomor.casefold())
        if key.startswith("area:"):
            area = next((a for a in row.area if a["kode"] == key[5:]), None)
            return -1 if area is None else area["aksi"]
        if key == "berjadwal":
            return row.persen_berjadwal
        if key == "berbukti":
            return row.persen_berbukti
        if key == "realisasi":
            return row.persen_realisasi
        if key == "hilang":
            return -1 if row.komponen_hilang is None else len(row.komponen_hilang)
        if key == "status":
            return (not row.ganda, row.terbaru)
        if key == "berkas":
            return row.nama_berkas.casefold()
        return getattr(row, key)

    def _tooltip(self, row: RekapRow, key: str) -> str:
        tr = self.tr
        if key.startswith("area:"):
            area = next((a for a in row.area if a["kode"] == key[5:]), None)
            if area is None:
                return tr("Rencana ini tidak memiliki area %s.") % key[5:]
            return tr("Area %s %s\n%d komponen, %d indikator, %d langkah aksi") % (
                area["kode"], area["nama"], area["komponen"], area["indikator"], area["aksi"])
        if key == "aksi":
            return tr("%d komponen, %d indikator, %d langkah aksi") % (row.komponen, row.indikator, row.aksi)
        if key == "berjadwal":
            return tr("%d dari %d langkah aksi sudah memiliki bulan pelaksanaan.") % (row.aksi_berjadwal, row.aksi)
        if key == "berbukti":
            return tr("%d dari %d langkah aksi sudah memiliki bukti fisik.") % (row.aksi_berbukti, row.aksi)
        if key == "hilang":
            if row.komponen_hilang is None:
                return tr("Templat standar tidak tersedia untuk tahun ini.")
            if not row.komponen_hilang:
                return tr("Semua komponen templat standar ada.")
            shown = row.komponen_hilang[:20]
            more = len(row.komponen_hilang) - len(shown)
            return tr("Komponen standar yang tidak ditemukan:\n") + "\n".join(shown) + (
                tr("\n… dan %d lainnya") % more if more else "")
        if key == "status" and row.ganda:
            return (tr("Berkas terbaru untuk satuan kerja dan tahun ini (menurut tanggal SK, lalu waktu berkas).")
                    if row.terbaru else tr("Ada berkas yang lebih baru untuk satuan kerja dan tahun ini."))
        if key in ("berkas", "satker"):
            lines = [row.berkas, tr("Diubah: %s") % _when(row.diubah)]
            if row.dikirim:
                lines.append(tr("Disiapkan untuk provinsi: %s") % _when(row.dikirim))
            lines.append(tr("Klik dua kali untuk membuka (hanya baca)."))
            return "\n".join(lines)
        return ""


class SortProxy(QSortFilterProxyModel):
    """Sorts by the model's sort keys (numbers as numbers, dates as ISO; ties in the summary's
    own order) and filters on the unit's name."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseInsensitive)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a == b:   # equal values keep the summary's order (unit, year, newest first, file name)
            return left.row() < right.row()
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class PercentDelegate(QStyledItemDelegate):
    """A percentage as a thin bar with the number beside it (blue: months, green: bukti)."""

    def __init__(self, color: QColor, parent=None) -> None:
        super().__init__(parent)
        self.color = color

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        value = index.data(PercentRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        if value is None:
            return
        rect = option.rect.adjusted(6, 0, -6, 0)
        metrics = option.fontMetrics
        text_w = metrics.horizontalAdvance("100%") + 6
        bar = QRect(rect.left(), rect.center().y() - 3, max(10, rect.width() - text_w), 7)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRoundedRect(bar, 3, 3)
        if value > 0:
            filled = QRect(bar)
            filled.setWidth(max(3, round(bar.width() * min(100.0, value) / 100.0)))
            painter.setBrush(self.color)
            painter.drawRoundedRect(filled, 3, 3)
        selected = bool(option.state & QStyle.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        painter.drawText(QRect(rect.right() - text_w, rect.top(), text_w, rect.height()),
                         int(Qt.AlignRight | Qt.AlignVCenter), text)
        painter.restore()


class SummaryDialog(QDialog):
    """Berkas ▸ Rekap Provinsi."""

    def __init__(self, files, parent=None) -> None:
        super().__init__(parent)
        self.files = files                   # FileCommands: the window, its folder, its failures
        self.sources: list[str] = []
        self.summary: Summary | None = None
        self.elapsed = 0.0
        self._last_events = 0.0
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

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)

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
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Rekap Provinsi — pilih folder berkas kiriman"), self._start_folder())
        if not folder:
            return False
        settings.put(settings.REKAP_FOLDER, folder)
        self.load([folder])
        return True

    def choose_files(self) -> bool:
        paths, _ = QFileDialog.getOpenFileNames(
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
        """Read every plan under ``paths``; the bar shows how far (the window stays painted)."""
        self.sources = [os.fspath(p) for p in paths]
        self.source_label.setText(self._describe_sources())
        self.source_label.setToolTip("\n".join(self.sources))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Mencari berkas…"))
        self.progress.show()
        for widget in (self.folder_button, self.files_button, self.reload_button, self.xlsx_button,
                       self.pdf_button, self.table):
            widget.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        QApplication.processEvents(QEventLoop.ExcludeUserInputEvents)
        started = time.perf_counter()
        try:
            summary = summarize(self.sources, progress=self._progress)
        except Exception as err:  # noqa: BLE001 — summarize refuses files, not folders; still, say it
            self.files.fail(self.tr("Rekap tidak dapat dibuat"), err, parent=self)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.progress.hide()
            for widget in (self.folder_button, self.files_button, self.table):
                widget.setEnabled(True)
            self._update_buttons()
        self.elapsed = time.perf_counter() - started
        self.set_summary(summary)
        return summary

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Membaca berkas %d dari %d…") % (done, total))
        now = time.perf_counter()
        if now - self._last_events > 0.05 or done == total:
            self._last_events = now
            QApplication.processEvents(QEventLoop.ExcludeUserInputEvents)

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
        for key, color in (("berjadwal", BLUE), ("berbukti", GREEN)):
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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan Rekap"), self._suggested(suffix), kind)
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
        answer = QMessageBox.question(self, self.tr("Rekap Provinsi"), self.tr(
            "Rekap disimpan:\n%s\n\nBuka sekarang?") % out, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer == QMessageBox.Yes:
            from .file_commands import open_externally
            open_externally(out)
        return str(out)


__all__ = ["SummaryDialog", "SummaryModel", "PercentDelegate"]
