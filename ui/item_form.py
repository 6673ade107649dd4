"""The form on the right: every field of the selected item, for its level.

One page per level is built once and refilled on selection (fast). A field commits
when focus leaves it or on Ctrl+Enter — one core edit, one undo step. The months of a
langkah aksi are toggles (``SetMonths``); the Target Waktu text has its own edit
(``SetTargetWaktu``) and whether that text is manual (``SetTargetWaktuManual``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QStackedWidget, QStyle, QVBoxLayout, QWidget)

from zi_desktop.dates import plan_period
from zi_desktop.edits import Change, SetField, SetMonths, SetTargetWaktuManual, SetTargetWaktu
from zi_desktop.model import LEVELS
from zi_desktop.schedule import parse_target_waktu

from .commands import Editor
from .fields import CommitLineEdit, CommitTextEdit
from .month_row import MonthRow
from .realisasi_panel import RealisasiPanel


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    lines: int = 0           # 0: one line; otherwise a multi-line box this tall
    placeholder: str = ""
    hint: str = ""


class ItemForm(QWidget):
    """Shows and edits one item. ``escaped`` asks the window to put focus back on the tree."""

    escaped = Signal()
    add_area_requested = Signal()
    add_aksi_requested = Signal()    # the indikator page's "Tambah Langkah Aksi" button

    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self.level: str | None = None
        self.item_id: int | None = None
        self._fields: dict[str, dict[str, CommitLineEdit | CommitTextEdit]] = {}
        self._specs = self._field_specs()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("formBody")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)

        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.context = QLabel()
        self.context.setObjectName("formContext")
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.PlainText)
        layout.addWidget(self.heading)
        layout.addWidget(self.context)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)
        layout.addWidget(line)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        layout.addStretch(1)
        self._empty_page = self._build_empty_page()
        self.pages.addWidget(self._empty_page)
        self._pages: dict[str, QWidget] = {}
        for level in LEVELS:
            page = self._build_page(level)
            self._pages[level] = page
            self.pages.addWidget(page)
        editor.changed.connect(self._on_changes)
        self._period = self._period_months()
        self.months.set_period(self._period)
        self.set_readonly(self.doc.readonly)
        self.clear()

    # --- building ---------------------------------------------------------------------------

    def _field_specs(self) -> dict[str, list[FieldSpec]]:
        tr = self.tr
        return {
            "area": [
                FieldSpec("nama", tr("Nama area perubahan"), 0, tr("mis. MANAJEMEN PERUBAHAN")),
                FieldSpec("penanggung_jawab", tr("Penanggung jawab area"), 0,
                          tr("mis. Tim Manajemen Perubahan"),
                          tr("Dicetak sekali untuk seluruh area bila kolom penanggung jawab dipilih.")),
            ],
            "komponen": [
                FieldSpec("nama", tr("Nama komponen"), 2, tr("mis. Penyusunan Tim Kerja"),
                          tr("Nomor komponen (1, 2, 3 …) mengikuti urutannya dalam area.")),
            ],
            "indikator": [
                FieldSpec("teks", tr("Indikator"), 4,
                          tr("mis. Unit kerja telah membentuk tim untuk melakukan pembangunan ZI")),
            ],
            "aksi": [
                FieldSpec("langkah", tr("Langkah aksi"), 3, tr("Kegiatan yang dilakukan")),
                FieldSpec("bukti_fisik", tr("Bukti fisik"), 5,
                          tr("1. Undangan rapat\n2. Daftar hadir\n3. Notulen"),
                          tr("Satu bukti per baris; Enter membuat baris baru.")),
                FieldSpec("target_capaian", tr("Target capaian"), 0, tr("mis. Nilai SKM ≥ 85")),
                FieldSpec("penanggung_jawab", tr("Penanggung jawab"), 0,
                          tr("Kosongkan bila sama dengan penanggung jawab area")),
            ],
        }

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 12, 0, 0)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("formHint")
        layout.addWidget(self.empty_label)
        self.add_area_button = QPushButton(self.style().standardIcon(QStyle.SP_FileDialogNewFolder),
                                           self.tr("Tambah Area Pertama"))
        self.add_area_button.clicked.connect(self.add_area_requested)
        self.add_area_button.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
        layout.addWidget(self.add_area_button)
        layout.addStretch(1)
        return page

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("fieldLabel")
        return label

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("fieldHint")
        label.setWordWrap(True)
        return label

    def _build_page(self, level: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        widgets: dict[str, CommitLineEdit | CommitTextEdit] = {}
        for spec in self._specs[level]:
            if level == "aksi" and spec.name == "target_capaian":
                self._build_schedule(layout, widgets)
            widget = CommitTextEdit(spec.lines) if spec.lines else CommitLineEdit()
            widget.setObjectName(f"{level}_{spec.name}")
            widget.setPlaceholderText(spec.placeholder)
            widget.setAccessibleName(spec.label)
            label = self._label(spec.label)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
            if spec.hint:
                layout.addWidget(self._hint(spec.hint))
            layout.addSpacing(6)
            widget.committed.connect(lambda value, name=spec.name, lv=level: self._commit_field(lv, name, value))
            widget.escaped.connect(self.escaped)
            widgets[spec.name] = widget
        if level == "indikator":
            self.add_aksi_button = QPushButton(self.style().standardIcon(QStyle.SP_FileDialogNewFolder),
                                               self.tr("Tambah Langkah Aksi"))
            self.add_aksi_button.setObjectName("addAksiButton")
            self.add_aksi_button.setToolTip(self.tr("Menambah langkah aksi baru di indikator ini (Ctrl+Ins)"))
            self.add_aksi_button.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
            self.add_aksi_button.clicked.connect(self.add_aksi_requested)
            layout.addWidget(self.add_aksi_button)
        if level == "aksi":
            self.realisasi = RealisasiPanel(self.editor)   # realisasi and evidence (pemantauan)
            layout.addWidget(self.realisasi)
        layout.addStretch(1)  # the stack is as tall as the longest page: short pages keep to the top
        self._fields[level] = widgets
        return page

    def _build_schedule(self, layout: QVBoxLayout, widgets: dict) -> None:
        layout.addWidget(self._label(self.tr("Jadwal pelaksanaan (bulan)")))
        self.months = MonthRow()
        self.months.setAccessibleName(self.tr("Bulan pelaksanaan"))
        self.months.toggled.connect(self._months_toggled)
        layout.addWidget(self.months)
        self.no_months = QWidget()
        warn = QHBoxLayout(self.no_months)
        warn.setContentsMargins(0, 2, 0, 0)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.SP_MessageBoxWarning).pixmap(16, 16))
        warn.addWidget(icon)
        text = QLabel(self.tr("Bulan belum ditentukan: centang bulan pelaksanaannya, atau tulis "
                              "target waktu yang menyebut bulannya (mis. \"Maret - Juni\", \"Triwulan\")."))
        text.setObjectName("warningText")
        text.setWordWrap(True)
        warn.addWidget(text, 1)
        layout.addWidget(self.no_months)
        layout.addSpacing(6)

        label = self._label(self.tr("Target waktu (seperti tertulis di Lampiran)"))
        layout.addWidget(label)
        row = QHBoxLayout()
        self.target_waktu = CommitLineEdit()
        self.target_waktu.setObjectName("aksi_target_waktu")
        self.target_waktu.setPlaceholderText(self.tr("mis. Januari - Desember, Triwulan, Maksimal 31 Oktober"))
        self.target_waktu.setAccessibleName(self.tr("Target waktu"))
        label.setBuddy(self.target_waktu)
        self.target_waktu.committed.connect(lambda value: self._commit_field("aksi", "target_waktu", value))
        self.target_waktu.escaped.connect(self.escaped)
        row.addWidget(self.target_waktu, 1)
        self.manual = QCheckBox(self.tr("Ditulis manual"))
        self.manual.setToolTip(self.tr(
            "Dicentang: tulisan target waktu dipertahankan seperti diketik, centang bulan tidak "
            "mengubahnya.\nTidak dicentang: tulisan dibuat otomatis dari bulan yang dicentang."))
        self.manual.toggled.connect(self._manual_toggled)
        row.addWidget(self.manual)
        layout.addLayout(row)
        self.unknown_text = QLabel(self.tr("Tulisan ini tidak menyebut bulan — centang bulan sendiri; "
                                           "bulan yang sudah dicentang tidak diubah."))
        self.unknown_text.setObjectName("warningText")
        self.unknown_text.setWordWrap(True)
        self.unknown_text.hide()
        layout.addWidget(self.unknown_text)
        self.target_waktu.textChanged.connect(self._target_text_changed)
        layout.addWidget(self._hint(self.tr(
            "Tulisan yang menyebut bulan (mis. \"Maret dan Juni\", \"Triwulan\", \"Setiap bulan\") "
            "ikut mengubah centang bulan.")))
        layout.addSpacing(6)
        widgets["target_waktu"] = self.target_waktu

    # --- showing ----------------------------------------------------------------------------

    def clear(self, message: str | None = None) -> None:
        self.level = self.item_id = None
        self.heading.setText(self.tr("Rencana aksi"))
        self.context.setText("")
        empty = not self.doc.children("area", None)
        if message is None:
            message = (self.tr("Rencana ini masih kosong. Mulailah dengan menambah area perubahan "
                               "(tombol di bawah, atau tekan Ins di pohon).") if empty else
                       self.tr("Pilih satu butir di pohon sebelah kiri untuk melihat dan mengubah isinya."))
        self.empty_label.setText(message)
        self.add_area_button.setVisible(empty and not self.doc.readonly)
        self.pages.setCurrentWidget(self._empty_page)

    def show_item(self, level: str, item_id: int, context: str = "", heading: str = "") -> None:
        """Fill the form with one item; ``heading`` says which one ("Langkah aksi 2 dari 3")."""
        if (level, item_id) == (self.level, self.item_id):
            self.context.setText(context)
            self.heading.setText(heading or LEVELS[level].label)
            return
        row = self.doc.item(level, item_id)
        if row is None:
            self.clear()
            return
        self.level, self.item_id = level, item_id
        self.heading.setText(heading or LEVELS[level].label)
        self.context.setText(context)
        self._fill(row, force=True)
        self.realisasi.show_aksi(item_id if level == "aksi" else None)
        self.pages.setCurrentWidget(self._pages[level])

    def _fill(self, row: dict, *, force: bool) -> None:
        for name, widget in self._fields[self.level].items():
            if not force and widget.hasFocus() and widget.is_modified():
                continue  # the user is typing here: do not take it away
            widget.set_value(row.get(name, "") or "")
        if self.level == "aksi":
            self.months.set_months(row.get("bulan", []))
            self.manual.blockSignals(True)
            self.manual.setChecked(bool(row.get("target_waktu_manual")))
            self.manual.blockSignals(False)
            self.no_months.setVisible(not row.get("bulan"))
            self._target_text_changed(self.target_waktu.text())

    def reload(self) -> None:
        if self.level is None:
            return
        row = self.doc.item(self.level, self.item_id)
        if row is None:
            self.clear()
        else:
            self._fill(row, force=False)

    def first_field(self) -> QWidget | None:
        if self.level is None:
            return None
        return next(iter(self._fields[self.level].values()))

    def focus_first_field(self) -> bool:
        widget = self.first_field()
        if widget is None:
            return False
        widget.setFocus(Qt.ShortcutFocusReason)
        if isinstance(widget, CommitLineEdit):
            widget.selectAll()
        else:
            widget.moveCursor(widget.textCursor().MoveOperation.End)
        return True

    def field(self, level: str, name: str):
        return self._fields[level][name]

    def commit(self) -> None:
        """Commit a field still being typed (before undo, a menu command, closing)."""
        if self.level is None:
            return
        for widget in self._fields[self.level].values():
            if widget.is_modified():
                widget.commit()

    def set_readonly(self, readonly: bool) -> None:
        for widgets in self._fields.values():
            for widget in widgets.values():
                widget.setReadOnly(readonly)
        self.months.set_readonly(readonly)
        self.manual.setEnabled(not readonly)
        self.add_aksi_button.setEnabled(not readonly)

    # --- editing ----------------------------------------------------------------------------

    def _commit_field(self, level: str, name: str, value: str) -> None:
        if level != self.level or self.item_id is None:
            return
        if name == "target_waktu":
            edit = SetTargetWaktu(self.item_id, value)
        else:
            edit = SetField(level, self.item_id, name, value)
        if not self.editor.push(edit):   # said by the editor; what was typed is not thrown away
            row = self.doc.item(level, self.item_id)
            if row is not None:
                self._fields[level][name].keep_unsaved(row.get(name, "") or "")

    def reload_forced(self) -> None:
        if self.level is not None:
            row = self.doc.item(self.level, self.item_id)
            if row is not None:
                self._fill(row, force=True)

    def _target_text_changed(self, text: str) -> None:
        """Said while typing: a text that names no month leaves the ticks as they are."""
        if self.level != "aksi":
            return
        unknown = bool(text.strip()) and not parse_target_waktu(
            text, self._period_year, self._period[0] if self._period else None, len(self._period)).recognized
        self.unknown_text.setVisible(unknown)

    def _months_toggled(self, months: list[str]) -> None:
        if self.level == "aksi" and not self.editor.push(SetMonths(self.item_id, months)):
            self.reload_forced()

    def _manual_toggled(self, manual: bool) -> None:
        if self.level != "aksi":
            return
        self.target_waktu.commit()
        if not self.editor.push(SetTargetWaktuManual(self.item_id, manual)):
            self.reload_forced()

    # --- following the document -------------------------------------------------------------

    def _period_months(self) -> list[str]:
        ident = self.doc.identitas()
        self._period_year = int(ident["tahun"])
        return plan_period(ident)

    def _on_changes(self, changes: list[Change], _initiator=None) -> None:
        self.realisasi.on_changes(changes)
        current = (self.level, self.item_id)
        refresh = False
        for change in changes:
            if change.kind == "identitas":
                period = self._period_months()
                if period != self._period:
                    self._period = period
                    self.months.set_period(period)
                refresh = True
            elif (change.level, change.id) == current and change.kind in ("update", "remove", "insert"):
                refresh = True
        if refresh:
            self.reload()
