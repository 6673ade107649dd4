"""Penilaian Mandiri, page *Pertanyaan*: every LKE question with its answer, and the form that
answers the selected one (jawaban, target, narasi, bukti, link) through undoable edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSplitter, QTreeWidgetItem, QWidget)

from zi_desktop.errors import ZiError
from zi_desktop.lke.data import Lke
from zi_desktop.lke.edits import SetJawaban

from .commands import Editor
from .lke_parts import CodeRole, table


class QuestionsPage(QSplitter):
    edited = Signal()   # an answer was saved (the view recomputes the score)

    def __init__(self, editor: Editor, data: Lke, parent=None) -> None:
        super().__init__(Qt.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.editor = editor
        self.data = data
        self.plan: dict = {}
        self.sets: dict = {"jawaban": {}, "prediksi": {}}
        self._loading = False
        self._readonly = False
        self._build()

    def _build(self) -> None:
        self.tree = table("lkeQuestions", [self.tr("Kode"), self.tr("Pertanyaan"), self.tr("Jawaban"),
                                           self.tr("Prediksi"), self.tr("Aksi")], (96, 0, 64, 64, 44))
        self.tree.setIndentation(12)
        self._question_items: dict[str, QTreeWidgetItem] = {}
        for a in self.data.area:
            area_item = QTreeWidgetItem([a.kode, a.nama])
            self.tree.addTopLevelItem(area_item)
            for s_kode in a.sub:
                sub = self.data.sub[s_kode]
                sub_item = QTreeWidgetItem([sub.kode, f"{sub.nama} ({sub.bagian}, bobot {sub.bobot:g})"])
                area_item.addChild(sub_item)
                for kode in sub.pertanyaan:
                    self._add_question(sub_item, kode)
        hasil = QTreeWidgetItem(["", self.tr("HASIL (survei dan capaian kinerja)")])
        self.tree.addTopLevelItem(hasil)
        for kode in self.data.hasil_bobot:
            self._add_question(hasil, kode)
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(lambda *_a: self._load_answer())
        self.addWidget(self.tree)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 6, 0, 0)
        self.q_title = QLabel(self.tr("Pilih sebuah pertanyaan di atas untuk menjawabnya."))
        self.q_title.setWordWrap(True)
        self.q_title.setObjectName("fieldLabel")
        form.addRow(self.q_title)
        self.jawaban = QComboBox()
        self.jawaban.setObjectName("lkeJawaban")
        self.jawaban_angka = QLineEdit()
        self.jawaban_angka.setObjectName("lkeJawabanAngka")
        self.jawaban_angka.setPlaceholderText(self.tr("0,85 atau 85% atau 17/20"))
        self.target = QComboBox()
        self.target.setObjectName("lkeTarget")
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.jawaban, 1)
        answer_row.addWidget(self.jawaban_angka, 1)
        form.addRow(self.tr("Jawaban"), answer_row)
        form.addRow(self.tr("Target"), self.target)
        self.narasi = QPlainTextEdit()
        self.narasi.setObjectName("lkeNarasi")
        self.narasi.setFixedHeight(54)
        form.addRow(self.tr("Narasi"), self.narasi)
        self.bukti = QPlainTextEdit()
        self.bukti.setObjectName("lkeBukti")
        self.bukti.setPlaceholderText(self.tr("Nama berkas bukti, satu per baris"))
        self.bukti.setFixedHeight(44)
        bukti_row = QHBoxLayout()
        bukti_row.addWidget(self.bukti, 1)
        self.take_evidence = QPushButton(self.tr("Ambil dari\nBukti Dukung"))
        self.take_evidence.setObjectName("lkeTakeEvidence")
        self.take_evidence.setToolTip(self.tr("Nama berkas bukti dukung yang dilampirkan pada langkah aksi "
                                              "terkait (Pemantauan)"))
        self.take_evidence.clicked.connect(self.take_tied_evidence)
        bukti_row.addWidget(self.take_evidence)
        form.addRow(self.tr("Bukti"), bukti_row)
        self.link = QLineEdit()
        self.link.setObjectName("lkeLink")
        form.addRow(self.tr("Link"), self.link)
        self.tied_label = QLabel()
        self.tied_label.setWordWrap(True)
        self.tied_label.setObjectName("formHint")
        form.addRow(self.tr("Langkah aksi"), self.tied_label)
        self.jawaban.activated.connect(lambda _i: self._save("jawaban", self.jawaban.currentData()))
        self.target.activated.connect(lambda _i: self._save("target", self.target.currentData()))
        self.jawaban_angka.editingFinished.connect(lambda: self._save("jawaban", self.jawaban_angka.text()))
        self.link.editingFinished.connect(lambda: self._save("link", self.link.text()))
        for widget, name in ((self.narasi, "narasi"), (self.bukti, "bukti")):
            widget.installEventFilter(self)
            widget.setProperty("lkeField", name)
        self.addWidget(form_widget)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self._set_form_enabled(False)

    def _add_question(self, parent: QTreeWidgetItem, kode: str) -> None:
        q = self.data.pertanyaan[kode]
        item = QTreeWidgetItem([kode, q.teks.replace("\n", " "), "", "", ""])
        item.setData(0, CodeRole, kode)
        item.setToolTip(1, q.teks)
        parent.addChild(item)
        self._question_items[kode] = item

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self._set_form_enabled(self._current_code() is not None)

    def _set_form_enabled(self, enabled: bool) -> None:
        editable = enabled and not self._readonly
        for w in (self.jawaban, self.jawaban_angka, self.target, self.narasi, self.bukti, self.link,
                  self.take_evidence):
            w.setEnabled(editable)

    def show_plan(self, plan: dict, sets: dict) -> None:
        self.plan, self.sets = plan, sets
        self._show_answers()

    def _answer(self, kode: str) -> dict:
        part = (self.plan.get("lke") or {}).get("jawaban") or {}
        value = part.get(kode)
        return value if isinstance(value, dict) else {}

    def _tied(self, kode: str) -> list[dict]:
        return [a for area in self.plan.get("area", []) for k in area["komponen"]
                for i in k["indikator"] for a in i["aksi"] if a.get("lke") == kode]

    def _show_answers(self) -> None:
        counts: dict[str, int] = {}
        for area in self.plan.get("area", []):
            for k in area["komponen"]:
                for i in k["indikator"]:
                    for a in i["aksi"]:
                        if a.get("lke"):
                            counts[a["lke"]] = counts.get(a["lke"], 0) + 1
        for kode, item in self._question_items.items():
            item.setText(2, self.sets["jawaban"].get(kode, ""))
            item.setText(3, self.sets["prediksi"].get(kode, ""))
            item.setText(4, str(counts.get(kode, "")))
        self._load_answer()

    def _current_code(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, CodeRole) if item is not None else None

    def select(self, kode: str) -> None:
        item = self._question_items[kode]
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def _load_answer(self) -> None:
        kode = self._current_code()
        self._set_form_enabled(kode is not None)
        if kode is None:
            return
        self._loading = True
        try:
            q = self.data.pertanyaan[kode]
            answer = self._answer(kode)
            self.q_title.setText(f"{kode} — {q.teks}")
            numeric = not q.pilihan
            self.jawaban.setVisible(not numeric)
            self.jawaban_angka.setVisible(numeric)
            for combo, key, empty in ((self.jawaban, "jawaban", self.tr("(belum dijawab)")),
                                      (self.target, "target", self.tr("(jawaban terbaik)"))):
                combo.clear()
                combo.addItem(empty, "")
                choices = q.pilihan or [(q.terbaik, 1.0)]
                for opt, nilai in choices:
                    crit = q.kriteria.get(opt, "")
                    combo.addItem(f"{opt} ({nilai:g}){' — ' + crit[:90] if crit else ''}", opt)
                    combo.setItemData(combo.count() - 1, crit, Qt.ToolTipRole)
                value = str(answer.get(key, "") or "")
                if numeric and key == "target" and value and combo.findData(value) < 0:
                    combo.addItem(value, value)
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.jawaban_angka.setText(str(answer.get("jawaban", "") or "") if numeric else "")
            self.narasi.setPlainText(answer.get("narasi", ""))
            self.bukti.setPlainText("\n".join(answer.get("bukti", [])))
            self.link.setText(answer.get("link", ""))
            tied = self._tied(kode)
            self.tied_label.setText("\n".join(f"• {a['langkah']}" for a in tied[:5])
                                    + (f"\n… dan {len(tied) - 5} lainnya" if len(tied) > 5 else "")
                                    if tied else self.tr("Belum ada langkah aksi yang dikaitkan."))
        finally:
            self._loading = False

    def take_tied_evidence(self) -> None:
        """Add the evidence files attached to the tied langkah aksi to the answer's bukti."""
        kode = self._current_code()
        if kode is None:
            return
        names = list(self._answer(kode).get("bukti", []))
        for aksi in self._tied(kode):
            for bukti in aksi.get("bukti_dukung") or []:
                name = str(bukti.get("nama", "")) if isinstance(bukti, dict) else str(bukti)
                if name and name not in names:
                    names.append(name)
        if not names:
            self.editor.failed.emit(self.tr("Langkah aksi terkait belum memiliki bukti dukung."))
            return
        self._save("bukti", "\n".join(names))

    def eventFilter(self, obj, event) -> bool:
        if event.type() == event.Type.FocusOut and obj.property("lkeField"):
            self._save(obj.property("lkeField"), obj.toPlainText())
        return super().eventFilter(obj, event)

    def commit(self) -> None:
        """Save what is being typed in the answer's text fields."""
        if self._current_code() is None or self._readonly:
            return
        for widget, name in ((self.narasi, "narasi"), (self.bukti, "bukti")):
            self._save(name, widget.toPlainText())
        if not self.data.pertanyaan[self._current_code()].pilihan:
            self._save("jawaban", self.jawaban_angka.text())
        self._save("link", self.link.text())

    def _save(self, name: str, value) -> None:
        kode = self._current_code()
        if self._loading or kode is None or self._readonly:
            return
        old = self._answer(kode)
        if name == "bukti":
            current = "\n".join(old.get("bukti", []))
            value = "\n".join(line.strip() for line in str(value).splitlines() if line.strip())
        else:
            current = old.get(name, "")
            current = "" if current is None else str(current)
            value = str(value or "") if name == "narasi" else str(value or "").strip()
        if current == value:
            return
        try:
            edit = SetJawaban(kode, **{name: value})
        except ZiError as err:
            self.editor.failed.emit(err.message)
            self._load_answer()   # the field shows what is saved again
            return
        if self.editor.push(edit):
            self.edited.emit()
