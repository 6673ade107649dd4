"""Cetak Lampiran: the print options beside a live preview; print to a printer or save a PDF.

The options on the left are the plan's print settings (``rencana["cetak"]``); the preview
on the right follows them as they change (rebuilt after a short pause).  "Simpan PDF…"
accepts the dialog (the caller saves the file), "Cetak ke printer…" prints from here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QRadioButton,
                               QScrollArea, QSplitter, QVBoxLayout, QWidget)

WIDTH_LABELS = (("no", "No"), ("komponen", "Komponen"), ("indikator", "Indikator"),
                ("langkah", "Langkah aksi"), ("bukti", "Bukti fisik"),
                ("waktu", "Target waktu"), ("capaian", "Target capaian"),
                ("pj", "Penanggung jawab"))
FONTS = (("arial", "Arial (Liberation Sans)"), ("bookman", "Bookman (ZI Bonum)"),
         ("dejavu", "DejaVu Sans"))


class PrintDialog(QDialog):
    def __init__(self, cetak: dict, pages_hint: str = "", parent=None, plan: dict | None = None,
                 build=None) -> None:
        """``cetak``: the plan's print preferences (``rencana["cetak"]``); ``plan`` and
        ``build`` (``build_lampiran``): given, the dialog shows the preview and can print."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cetak Lampiran"))
        self.initial = dict(cetak)
        self.plan = plan
        self.preview = None
        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Horizontal)
        outer.addWidget(split, 1)

        form_host = QWidget()
        layout = QVBoxLayout(form_host)
        layout.setContentsMargins(0, 0, 6, 0)
        self._options_ui(layout, cetak)
        if pages_hint:
            layout.addWidget(QLabel(pages_hint))
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(form_host)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(390)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        split.addWidget(scroll)

        if plan is not None and build is not None:
            from .print_preview import PreviewPane
            self.preview = PreviewPane(build)
            self.preview.changed.connect(self._preview_built)
            split.addWidget(self.preview)
            split.setStretchFactor(1, 1)
            screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
            self.resize(min(1200, int(screen.width() * 0.95)), min(720, int(screen.height() * 0.9)))
        else:
            self.setMinimumWidth(420)

        self.remember = QCheckBox(self.tr("Simpan pilihan ini di rencana"))
        self.remember.setChecked(True)
        outer.addWidget(self.remember)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Simpan PDF…"), QDialogButtonBox.AcceptRole)
        self.print_button = None
        if self.preview is not None:
            self.print_button = buttons.addButton(self.tr("Cetak ke printer…"),
                                                  QDialogButtonBox.ActionRole)
            self.print_button.clicked.connect(self.print_to_printer)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.RejectRole)
        close.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.printed = 0
        self._connect_changes()
        self.refresh(now=True)

    # -- the options ----------------------------------------------------------------------
    def _options_ui(self, layout: QVBoxLayout, cetak: dict) -> None:
        paper = QGroupBox(self.tr("Kertas (mendatar)"))
        row = QHBoxLayout(paper)
        self.kertas = QButtonGroup(self)
        self.f4 = QRadioButton(self.tr("F4 / Folio"))
        self.a4 = QRadioButton(self.tr("A4"))
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
        self.kepala_bulan = QComboBox()
        self.kepala_bulan.addItem(self.tr("Jan, Feb, … Des"), "nama")
        self.kepala_bulan.addItem(self.tr("1, 2, … 12"), "angka")
        self._select(self.kepala_bulan, cetak.get("kepala_bulan", "nama"))
        line = QHBoxLayout()
        line.addWidget(QLabel(self.tr("Judul kolom bulan:")))
        line.addWidget(self.kepala_bulan, 1)
        col.addLayout(line)
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

        look = QGroupBox(self.tr("Tampilan seperti keputusan"))
        form = QFormLayout(look)
        self.huruf = QComboBox()
        for key, label in FONTS:
            self.huruf.addItem(label, key)
        self._select(self.huruf, cetak.get("huruf", "arial"))
        form.addRow(self.tr("Huruf"), self.huruf)
        self.gaya_nomor = QComboBox()
        self.gaya_nomor.addItem(self.tr("NOMOR 7 TAHUN 2026"), "tahun")
        self.gaya_nomor.addItem(self.tr("NOMOR : 7 TAHUN 2026"), "titik_dua")
        self._select(self.gaya_nomor, cetak.get("gaya_nomor", "tahun"))
        form.addRow(self.tr("Baris nomor"), self.gaya_nomor)
        self.nomor_titik = QComboBox()
        self.nomor_titik.addItem(self.tr("1, 2, 3"), False)
        self.nomor_titik.addItem(self.tr("1., 2., 3."), True)
        self._select(self.nomor_titik, bool(cetak.get("nomor_titik", False)))
        form.addRow(self.tr("Kolom NO"), self.nomor_titik)
        self.tanda_tangan = QLineEdit(cetak.get("tanda_tangan", "ttd."))
        self.tanda_tangan.setPlaceholderText(self.tr("mis. ttd."))
        form.addRow(self.tr("Tanda tangan (salinan)"), self.tanda_tangan)
        self.ulang_ditetapkan = QCheckBox(self.tr("Ulangi \"Ditetapkan di … pada tanggal …\""))
        self.ulang_ditetapkan.setChecked(bool(cetak.get("ulang_ditetapkan", True)))
        form.addRow("", self.ulang_ditetapkan)
        self.koma_jabatan = QCheckBox(self.tr("Koma sesudah jabatan (\"KETUA …,\")"))
        self.koma_jabatan.setChecked(bool(cetak.get("koma_jabatan", True)))
        form.addRow("", self.koma_jabatan)
        self.kata_miring = QPlainTextEdit("\n".join(cetak.get("kata_miring") or []))
        self.kata_miring.setPlaceholderText(self.tr("satu kata atau frasa per baris, "
                                                    "mis. e-Office"))
        self.kata_miring.setTabChangesFocus(True)
        self.kata_miring.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("Huruf miring"), self.kata_miring)
        layout.addWidget(look)

        widths = QGroupBox(self.tr("Lebar kolom (mm)"))
        form = QFormLayout(widths)
        saved = cetak.get("lebar_kolom") or {}
        self.auto_width = QCheckBox(self.tr("Otomatis menurut isi (tabel terpendek)"))
        note = QLabel(self.tr("Matikan, lalu ubah kolom yang ingin ditetapkan; kolom "
                              "lainnya menyesuaikan sisa lebar kertas."))
        note.setWordWrap(True)
        self.auto_width.setChecked(not saved)
        form.addRow(self.auto_width)
        form.addRow(note)
        self.width_spins: dict[str, QDoubleSpinBox] = {}
        # the columns whose width the user set; the others stay automatic around them
        self.fixed_widths: set[str] = set(saved)
        for key, label in WIDTH_LABELS:
            spin = QDoubleSpinBox()
            spin.setRange(5.0, 250.0)
            spin.setDecimals(1)
            spin.setSingleStep(2.0)
            spin.setSuffix(" mm")
            spin.setValue(float(saved.get(key, 30.0)))
            self.width_spins[key] = spin
            form.addRow(self.tr(label), spin)
        layout.addWidget(widths)
        self._width_rows_enabled()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        i = combo.findData(value)
        combo.setCurrentIndex(max(0, i))

    def _connect_changes(self) -> None:
        for w in (self.f4, self.a4, self.teks, self.bulan, self.penanggung_jawab,
                  self.target_capaian, self.nomor_kolom, self.ulang_ditetapkan,
                  self.koma_jabatan):
            w.toggled.connect(lambda _c: self.refresh())
        self.auto_width.toggled.connect(self._auto_toggled)
        for c in (self.kepala_bulan, self.huruf, self.gaya_nomor, self.nomor_titik):
            c.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tanda_tangan.textChanged.connect(lambda _t: self.refresh())
        self.kata_miring.textChanged.connect(self.refresh)
        for key, spin in self.width_spins.items():
            spin.valueChanged.connect(lambda _v, k=key: self._width_set(k))

    def _auto_toggled(self, auto: bool) -> None:
        if auto:
            self.fixed_widths.clear()
        self._width_rows_enabled()
        self.refresh()

    def _width_set(self, key: str) -> None:
        self.fixed_widths.add(key)
        self.refresh()

    def _width_rows_enabled(self) -> None:
        grid = self.bulan.isChecked()
        for key, spin in self.width_spins.items():
            shown = not ((key == "waktu" and grid)
                         or (key == "capaian" and not self.target_capaian.isChecked())
                         or (key == "pj" and not self.penanggung_jawab.isChecked()))
            spin.setEnabled(shown and not self.auto_width.isChecked())

    def options(self) -> dict:
        """Keyword arguments for ``build_lampiran``."""
        grid = self.bulan.isChecked()
        widths = {}
        if not self.auto_width.isChecked():
            for key, spin in self.width_spins.items():
                if key not in self.fixed_widths:
                    continue
                if (key == "waktu" and grid) or (key == "capaian" and not self.target_capaian.isChecked()) \
                        or (key == "pj" and not self.penanggung_jawab.isChecked()):
                    continue
                widths[key] = round(spin.value(), 1)
        return {
            "kertas": "A4" if self.a4.isChecked() else "F4",
            "kolom_waktu": "bulan" if grid else "teks",
            "penanggung_jawab": self.penanggung_jawab.isChecked(),
            "target_capaian": self.target_capaian.isChecked(),
            "nomor_kolom": self.nomor_kolom.isChecked(),
            "huruf": self.huruf.currentData(),
            "kepala_bulan": self.kepala_bulan.currentData(),
            "gaya_nomor": self.gaya_nomor.currentData(),
            "nomor_titik": bool(self.nomor_titik.currentData()),
            "tanda_tangan": " ".join(self.tanda_tangan.text().split()),
            "ulang_ditetapkan": self.ulang_ditetapkan.isChecked(),
            "koma_jabatan": self.koma_jabatan.isChecked(),
            "kata_miring": [w.strip() for w in self.kata_miring.toPlainText().split("\n")
                            if w.strip()],
            "lebar_kolom": widths,
        }

    def identity_changes(self) -> dict:
        """The ``SetIdentitas`` values that would remember these choices (only what changed)."""
        if not self.remember.isChecked():
            return {}
        out = {}
        for key, value in self.options().items():
            old = self.initial.get(key)
            if key == "kata_miring":
                old = list(old or [])
            elif key == "lebar_kolom":
                old = {k: round(float(v), 1) for k, v in (old or {}).items()}
            if old != value:
                out[f"cetak.{key}"] = value
        return out

    # -- preview and printer ---------------------------------------------------------------
    def refresh(self, now: bool = False) -> None:
        if self.preview is not None:
            self._width_rows_enabled()
            self.preview.request(self.plan, self.options(), now=now)

    def _preview_built(self) -> None:
        result = self.preview.result
        if result is None:
            return
        for key, value in (getattr(result, "lebar_kolom", None) or {}).items():
            spin = self.width_spins.get(key)
            if spin is not None and key not in self.fixed_widths:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)

    def print_to_printer(self, printer=None, ask: bool = True) -> int:
        """Print the previewed PDF (the newest options); returns the pages sent."""
        from .print_preview import print_pdf
        if self.preview is None:
            return 0
        self.preview.wait()
        if self.preview.pdf is None:
            QMessageBox.warning(self, self.tr("Cetak Lampiran"),
                                self.tr("Lampiran tidak dapat dibuat: %s") % self.preview.error)
            return 0
        try:
            self.printed = print_pdf(self.preview.pdf, self, printer=printer, ask=ask)
        except Exception as err:  # noqa: BLE001 — said to the user
            QMessageBox.warning(self, self.tr("Cetak Lampiran"),
                                self.tr("Lampiran tidak dapat dikirim ke printer (%s).") % err)
            return 0
        return self.printed
