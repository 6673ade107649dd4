"""Cetak Lampiran: paper, time column and optional columns, before the PDF is made."""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QGroupBox,
                               QHBoxLayout, QLabel, QRadioButton, QVBoxLayout)

from .dialog_parts import add_buttons


class PrintDialog(QDialog):
    def __init__(self, cetak: dict, pages_hint: str = "", parent=None) -> None:
        """``cetak``: the plan's print preferences (``rencana["cetak"]``)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cetak Lampiran"))
        self.setMinimumWidth(420)
        self.initial = dict(cetak)
        layout = QVBoxLayout(self)

        intro = QLabel(self.tr("Lampiran dibuat sebagai berkas PDF lalu dibuka di penampil PDF "
                               "komputer ini untuk dicetak."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        paper = QGroupBox(self.tr("Kertas (mendatar)"))
        row = QHBoxLayout(paper)
        self.kertas = QButtonGroup(self)
        self.f4 = QRadioButton(self.tr("F4 / Folio (215 × 330 mm)"))
        self.a4 = QRadioButton(self.tr("A4 (210 × 297 mm)"))
        for button in (self.f4, self.a4):
            self.kertas.addButton(button)
            row.addWidget(button)
        (self.a4 if cetak.get("kertas") == "A4" else self.f4).setChecked(True)
        layout.addWidget(paper)

        time = QGroupBox(self.tr("Kolom target waktu"))
        col = QVBoxLayout(time)
        self.teks = QRadioButton(self.tr("Teks (mis. \"Januari - Desember 2025\")"))
        self.bulan = QRadioButton(self.tr("Tabel bulan dengan tanda ✓"))
        group = QButtonGroup(self)
        for button in (self.teks, self.bulan):
            group.addButton(button)
            col.addWidget(button)
        (self.bulan if cetak.get("kolom_waktu") == "bulan" else self.teks).setChecked(True)
        layout.addWidget(time)

        extra = QGroupBox(self.tr("Kolom tambahan"))
        col = QVBoxLayout(extra)
        self.penanggung_jawab = QCheckBox(self.tr("Penanggung jawab"))
        self.target_capaian = QCheckBox(self.tr("Target capaian"))
        self.nomor_kolom = QCheckBox(self.tr("Baris nomor kolom (1 2 3 …) di bawah judul kolom"))
        for key, check in (("penanggung_jawab", self.penanggung_jawab),
                           ("target_capaian", self.target_capaian), ("nomor_kolom", self.nomor_kolom)):
            check.setChecked(bool(cetak.get(key)))
            col.addWidget(check)
        layout.addWidget(extra)

        self.remember = QCheckBox(self.tr("Simpan pilihan ini di rencana"))
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        if pages_hint:
            layout.addWidget(QLabel(pages_hint))

        add_buttons(self, layout, self.tr("Buat PDF…"))

    def options(self) -> dict:
        """Keyword arguments for ``build_lampiran``."""
        return {
            "kertas": "A4" if self.a4.isChecked() else "F4",
            "kolom_waktu": "bulan" if self.bulan.isChecked() else "teks",
            "penanggung_jawab": self.penanggung_jawab.isChecked(),
            "target_capaian": self.target_capaian.isChecked(),
            "nomor_kolom": self.nomor_kolom.isChecked(),
        }

    def identity_changes(self) -> dict:
        """The ``SetIdentitas`` values that would remember these choices (only what changed)."""
        if not self.remember.isChecked():
            return {}
        out = {}
        for key, value in self.options().items():
            if self.initial.get(key) != value:
                out[f"cetak.{key}"] = value
        return out
