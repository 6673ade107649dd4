"""Rekap Provinsi's table: one row per received plan (``SummaryModel``), sorted by value
(``SortProxy``), with the completeness percentages drawn as bars (``PercentDelegate``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from zi_desktop.dates import format_tanggal
from zi_desktop.exchange.summary import RekapRow, Summary, area_codes, status

SortRole = Qt.UserRole + 1
PercentRole = Qt.UserRole + 2
PathRole = Qt.UserRole + 3

BLUE = QColor("#2F5597")      # % berjadwal (as in the PDF)
GREEN = QColor("#548235")     # % bukti fisik
REALISASI = QColor("#2e8b57") # % realised (pemantauan)
RED = QColor("#b3261e")
AMBER = QColor("#8a5a00")
GREY = QColor(120, 120, 120)


LEFT = frozenset({"satker", "nomor", "tanggal", "status", "berkas", "berjadwal", "berbukti", "realisasi"})
WIDTH = {"tahun": 50, "nomor": 62, "status": 124, "aksi": 64, "berjadwal": 92, "berbukti": 92, "galat": 52,
         "peringatan": 70, "hilang": 60, "realisasi": 92, "terlambat": 64, "bukti_dukung": 60, "lke": 110}


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
                 ("lke", tr("Prediksi\nLKE"), tr("Nilai LKE (Penilaian Mandiri) dan predikat bila rencana "
                                                  "terlaksana: jawaban yang dituju langkah aksi terkait")),
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
        if key == "lke":
            return f"{row.lke_prediksi:.1f} {row.lke_predikat}".replace(".", ",")
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
        if key == "lke":
            return row.lke_prediksi
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
