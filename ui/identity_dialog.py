"""Identitas Rencana: unit, year, the decree, signer, salinan, period, print preferences.

OK makes one ``SetIdentitas`` edit with the fields that changed (one undo step). Dates are
typed and shown the Indonesian way ("2 Januari 2025").
"""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from zi_desktop.dates import BULAN, format_tanggal, parse_tanggal, plan_period
from zi_desktop.edits import SetIdentitas

from .dialog_parts import add_buttons, add_error_line

TEXT_FIELDS = ("satker", "nomor", "tempat", "jabatan_penandatangan", "penandatangan",
               "salinan.kantor", "salinan.jabatan", "salinan.nama")


class DateEdit(QLineEdit):
    """A date typed as "2 Januari 2025" (or 2/1/2025, 2025-01-02); shown the Indonesian way."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("mis. 2 Januari 2025"))
        self.editingFinished.connect(self._normalise)

    def set_iso(self, iso: str) -> None:
        self.setText(format_tanggal(iso) if iso else "")

    def iso(self) -> str | None:
        """ISO date, "" for empty, None when unreadable."""
        text = self.text().strip()
        if not text:
            return ""
        date = parse_tanggal(text)
        return date.isoformat() if date else None

    def _normalise(self) -> None:
        iso = self.iso()
        if iso:
            self.setText(format_tanggal(iso))
        self.setStyleSheet("" if iso is not None else "QLineEdit { border: 1px solid #c0392b; }")


class IdentityDialog(QDialog):
    def __init__(self, row: dict, readonly: bool = False, parent=None) -> None:
        """``row``: the document's ``identitas_flat()`` (plan-dict keys, "cetak.kertas")."""
        super().__init__(parent)
        self.row = dict(row)
        self.setWindowTitle(self.tr("Identitas Rencana"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        tabs = QTabWidget()
        layout.addWidget(tabs)
        self.edits: dict[str, QLineEdit] = {}

        # Keputusan
        page = QWidget()
        form = QFormLayout(page)
        self._line(form, "satker", self.tr("Satuan kerja"), self.tr("mis. KPU Kabupaten Kudus"))
        self.tahun = QSpinBox()
        self.tahun.setRange(1900, 2999)
        self.tahun.setValue(int(row["tahun"]))
        form.addRow(self.tr("Tahun rencana"), self.tahun)
        self._line(form, "nomor", self.tr("Nomor keputusan"), self.tr("mis. 14"))
        self.tanggal = DateEdit()
        self.tanggal.set_iso(row.get("tanggal", ""))
        form.addRow(self.tr("Tanggal keputusan"), self.tanggal)
        self._line(form, "tempat", self.tr("Ditetapkan di"), self.tr("mis. Kudus"))
        self.tentang = QPlainTextEdit(row.get("tentang", ""))
        self.tentang.setTabChangesFocus(True)
        self.tentang.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("Tentang"), self.tentang)
        self.judul_tabel = QPlainTextEdit(row.get("judul_tabel", "") or "")
        self.judul_tabel.setTabChangesFocus(True)
        self.judul_tabel.setPlaceholderText(self.tr("Kosongkan bila judul tabel sama dengan "
                                                    "\"Tentang\" ditambah tahun"))
        self.judul_tabel.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        form.addRow(self.tr("Judul tabel Lampiran"), self.judul_tabel)
        tabs.addTab(page, self.tr("Keputusan"))

        # Penandatangan
        page = QWidget()
        box = QVBoxLayout(page)
        form = QFormLayout()
        self._line(form, "jabatan_penandatangan", self.tr("Jabatan penanda tangan"),
                   self.tr("mis. KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUDUS"))
        self._line(form, "penandatangan", self.tr("Nama penanda tangan"))
        box.addLayout(form)
        group = QGroupBox(self.tr("Salinan sesuai dengan aslinya (kosongkan bila tidak dipakai)"))
        form = QFormLayout(group)
        self._line(form, "salinan.kantor", self.tr("Kantor"))
        self._line(form, "salinan.jabatan", self.tr("Jabatan"))
        self._line(form, "salinan.nama", self.tr("Nama"))
        box.addWidget(group)
        box.addStretch(1)
        tabs.addTab(page, self.tr("Penanda Tangan"))

        # Periode dan cetak
        page = QWidget()
        form = QFormLayout(page)
        start = QHBoxLayout()
        period = plan_period(row)
        year, month = period[0].split("-")
        self.mulai_bulan = QComboBox()
        self.mulai_bulan.addItems(BULAN)
        self.mulai_bulan.setCurrentIndex(int(month) - 1)
        self.mulai_tahun = QSpinBox()
        self.mulai_tahun.setRange(1900, 2999)
        self.mulai_tahun.setValue(int(year))
        start.addWidget(self.mulai_bulan)
        start.addWidget(self.mulai_tahun)
        start.addStretch(1)
        form.addRow(self.tr("Periode mulai"), start)
        self.jumlah_bulan = QSpinBox()
        self.jumlah_bulan.setRange(1, 36)
        self.jumlah_bulan.setSuffix(self.tr(" bulan"))
        self.jumlah_bulan.setValue(len(period))
        form.addRow(self.tr("Lama periode"), self.jumlah_bulan)
        self.kertas = QComboBox()
        self.kertas.addItem(self.tr("F4 / Folio (215 × 330 mm)"), "F4")
        self.kertas.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.kertas.setCurrentIndex(max(0, self.kertas.findData(row.get("cetak.kertas", "F4"))))
        form.addRow(self.tr("Kertas cetak"), self.kertas)
        self.kolom_waktu = QComboBox()
        self.kolom_waktu.addItem(self.tr("Teks target waktu"), "teks")
        self.kolom_waktu.addItem(self.tr("Tabel bulan (✓)"), "bulan")
        self.kolom_waktu.setCurrentIndex(max(0, self.kolom_waktu.findData(row.get("cetak.kolom_waktu", "teks"))))
        form.addRow(self.tr("Kolom waktu"), self.kolom_waktu)
        self.checks: dict[str, QCheckBox] = {}
        for key, text in (("cetak.penanggung_jawab", self.tr("Cetak kolom penanggung jawab")),
                          ("cetak.target_capaian", self.tr("Cetak kolom target capaian")),
                          ("cetak.nomor_kolom", self.tr("Cetak baris nomor kolom (1 2 3 …)"))):
            check = QCheckBox(text)
            check.setChecked(bool(row.get(key)))
            self.checks[key] = check
            form.addRow("", check)
        tabs.addTab(page, self.tr("Periode dan Cetak"))
        self._tahun = self.tahun.value()
        self.tahun.valueChanged.connect(self._tahun_changed)

        self.error = add_error_line(layout)
        buttons = add_buttons(self, layout, self.tr("Simpan"))
        if readonly:
            for widget in self.findChildren(QWidget):
                if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                    widget.setReadOnly(True)
                elif isinstance(widget, (QSpinBox, QComboBox, QCheckBox)):
                    widget.setEnabled(False)
            buttons.button(QDialogButtonBox.Ok).setEnabled(False)

    def _tahun_changed(self, tahun: int) -> None:
        """The period follows the year unless the user set it apart."""
        if self.mulai_tahun.value() == self._tahun:
            self.mulai_tahun.setValue(tahun)
        self._tahun = tahun

    def _line(self, form: QFormLayout, key: str, label: str, placeholder: str = "") -> None:
        edit = QLineEdit(self.row.get(key, "") or "")
        edit.setPlaceholderText(placeholder)
        edit.setCursorPosition(0)
        self.edits[key] = edit
        form.addRow(label, edit)

    def values(self) -> dict | None:
        """Every identity key as entered; None when a date cannot be read."""
        tanggal = self.tanggal.iso()
        if tanggal is None:
            return None
        out = {key: edit.text().strip() for key, edit in self.edits.items()}
        out.update(tahun=self.tahun.value(), tanggal=tanggal, tentang=self.tentang.toPlainText().strip(),
                   judul_tabel=" ".join(self.judul_tabel.toPlainText().split()),
                   bulan_mulai=f"{self.mulai_tahun.value():04d}-{self.mulai_bulan.currentIndex() + 1:02d}",
                   jumlah_bulan=self.jumlah_bulan.value(),
                   **{"cetak.kertas": self.kertas.currentData(),
                      "cetak.kolom_waktu": self.kolom_waktu.currentData()})
        out.update({key: check.isChecked() for key, check in self.checks.items()})
        return out

    def changes(self) -> dict:
        values = self.values() or {}
        return {k: v for k, v in values.items() if self.row.get(k) != v}

    def edit(self) -> SetIdentitas | None:
        """The one edit to push, or None when nothing changed."""
        changed = self.changes()
        return SetIdentitas(changed) if changed else None

    def accept(self) -> None:
        if self.values() is None:
            self.error.setText(self.tr("Tanggal keputusan tidak dapat dibaca. Tulis seperti "
                                       "\"2 Januari 2025\" atau kosongkan."))
            self.error.show()
            self.tanggal.setFocus()
            return
        super().accept()
