"""Penilaian Mandiri: the plan's LKE score, what is still missing, the answers and the ties.

Three pages. *Ringkasan*: per area its score (Saat ini, and Prediksi behind it) against its
weight with the WBK and WBBM minimums marked, the predicate reached, and one sentence per
missing condition saying what would lift it. *Pertanyaan*: every LKE question with its answer;
the selected one is answered here (jawaban, target, narasi, bukti, link). *Kaitan*: each langkah
aksi and the LKE question it serves, with the suggested tie. Every change is a core edit pushed
through the ``Editor`` (undoable, on disk at once). The view follows the document's changes
with a short debounce and recomputes only while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QActionGroup, QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QMenu, QPlainTextEdit, QPushButton,
                               QSplitter, QTabWidget, QToolButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from zi_desktop.edits import Batch
from zi_desktop.errors import ZiError
from zi_desktop.lke.data import lke
from zi_desktop.lke.plan import answer_sets, plan_scores, suggest
from zi_desktop.lke.report import advice
from zi_desktop.lke.store import SetJawaban, SetKaitan, SetPengaturan
from zi_desktop.lke.score import predikat_text

from .commands import Editor
from .style import ACCENT

DEBOUNCE_MS = 300
CodeRole = Qt.UserRole + 1


def _n(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def _table(name: str, headers: list[str], widths: tuple[int, ...]) -> QTreeWidget:
    """A single-selection list whose column of width 0 stretches; the others keep ``widths``."""
    table = QTreeWidget()
    table.setObjectName(name)
    table.setHeaderLabels(headers)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setUniformRowHeights(True)
    table.setAlternatingRowColors(True)
    header = table.header()
    header.setStretchLastSection(False)
    for col, width in enumerate(widths):
        header.setSectionResizeMode(col, QHeaderView.Stretch if not width else QHeaderView.Interactive)
        if width:
            header.resizeSection(col, width)
    return table


class AreaBars(QWidget):
    """One bar per area: Saat ini filled, Prediksi lighter behind it, the WBK/WBBM minimums as
    ticks. Painted (no child widgets) so it stays cheap and narrow."""

    ROW = 30

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, float, float, float]] = []   # label, bobot, saat ini, prediksi
        self.minimums = (60.0, 75.0)
        self.setMinimumWidth(200)

    def set_rows(self, rows, minimums) -> None:
        self.rows, self.minimums = rows, minimums
        self.setMinimumHeight(self.ROW * len(rows) + 4)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.ROW * len(self.rows) + 4)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = self.fontMetrics()
        label_w = min(int(self.width() * 0.42), 260)
        value_w = fm.horizontalAdvance("00,00 → 00,00 / 15") + 8
        bar_x = label_w + 6
        bar_w = max(40, self.width() - bar_x - value_w)
        for n, (label, bobot, now, aim) in enumerate(self.rows):
            y = n * self.ROW + 4
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w, self.ROW - 8), Qt.AlignVCenter | Qt.AlignLeft,
                       fm.elidedText(label, Qt.ElideRight, label_w))
            box = QRectF(bar_x, y + 4, bar_w, self.ROW - 14)
            p.setPen(Qt.NoPen)
            p.setBrush(QColor("#e6e9ef"))
            p.drawRect(box)
            share = (lambda v: max(0.0, min(1.0, v / bobot)) if bobot else 0.0)
            p.setBrush(QColor("#b9d3ea"))
            p.drawRect(QRectF(box.left(), box.top(), box.width() * share(aim), box.height()))
            pct = share(now) * 100
            p.setBrush(QColor("#2e7d32") if pct >= self.minimums[0] else QColor("#b3261e"))
            p.drawRect(QRectF(box.left(), box.top() + 3, box.width() * share(now), box.height() - 6))
            for minimum, colour in zip(self.minimums, ("#8a5a00", ACCENT)):
                x = box.left() + box.width() * minimum / 100
                p.setPen(QPen(QColor(colour), 2))
                p.drawLine(int(x), int(box.top() - 3), int(x), int(box.bottom() + 3))
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(bar_x + bar_w + 6, y, value_w, self.ROW - 8), Qt.AlignVCenter,
                       f"{_n(now)} → {_n(aim)} / {bobot:g}")
        p.end()


class LkeView(QWidget):
    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self.data = lke()
        self.plan: dict = {}
        self.scores: dict = {}
        self.sets: dict = {}
        self.refreshes = 0          # for tests: how many times the score was recomputed
        self._dirty = True
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(6)
        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        layout.addWidget(self.pages, 1)
        self.pages.addTab(self._build_ringkasan(), self.tr("Ringkasan"))
        self.pages.addTab(self._build_pertanyaan(), self.tr("Pertanyaan"))
        self.pages.addTab(self._build_kaitan(), self.tr("Kaitan Rencana"))
        self.pages.currentChanged.connect(lambda _i: self._refresh_page())

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        editor.changed.connect(self._changed)
        self.set_readonly(self.doc.readonly)

    # --- building -----------------------------------------------------------------------

    def _build_ringkasan(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Kekurangan menurut:")))
        self.basis = QComboBox()
        self.basis.addItem(self.tr("Prediksi (bila rencana terlaksana)"), "prediksi")
        self.basis.addItem(self.tr("Saat ini (terlaksana dan ada bukti)"), "saat_ini")
        self.basis.setMinimumContentsLength(10)
        self.basis.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.basis.currentIndexChanged.connect(lambda _i: self._show_summary())
        row.addWidget(self.basis, 1)
        self.settings_button = QToolButton()
        self.settings_button.setObjectName("lkeSettings")
        self.settings_button.setText(self.tr("Pengaturan"))
        self.settings_button.setToolTip(self.tr("Cara menghitung yang berbeda antarsumber; dipilih per rencana"))
        self.settings_button.setPopupMode(QToolButton.InstantPopup)
        self.settings_menu = QMenu(self.settings_button)
        self.settings_actions: dict[tuple[str, str], object] = {}
        for kunci, spec in self.data.raw["pengaturan"].items():
            sub = self.settings_menu.addMenu(spec["nama"])
            group = QActionGroup(sub)
            for nilai, penjelasan in spec["pilihan"].items():
                action = sub.addAction(penjelasan)
                action.setCheckable(True)
                group.addAction(action)
                action.triggered.connect(lambda _c=False, k=kunci, n=nilai: self.set_setting(k, n))
                self.settings_actions[(kunci, nilai)] = action
        self.settings_button.setMenu(self.settings_menu)
        row.addWidget(self.settings_button)
        v.addLayout(row)
        self.bars = AreaBars()
        v.addWidget(self.bars)
        self.legend = QLabel()
        self.legend.setObjectName("formHint")
        self.legend.setWordWrap(True)
        v.addWidget(self.legend)
        self.kurang = QListWidget()
        self.kurang.setObjectName("lkeKurang")
        self.kurang.setWordWrap(True)
        self.kurang.setAccessibleName(self.tr("Syarat predikat yang belum terpenuhi"))
        v.addWidget(self.kurang, 1)
        return page

    def _build_pertanyaan(self) -> QWidget:
        split = QSplitter(Qt.Vertical)
        split.setChildrenCollapsible(False)
        self.questions = _table("lkeQuestions", [self.tr("Kode"), self.tr("Pertanyaan"), self.tr("Jawaban"),
                                                 self.tr("Prediksi"), self.tr("Aksi")], (96, 0, 64, 64, 44))
        self.questions.setIndentation(12)
        self._question_items: dict[str, QTreeWidgetItem] = {}
        for a in self.data.area:
            area_item = QTreeWidgetItem([a.kode, a.nama])
            self.questions.addTopLevelItem(area_item)
            for s_kode in a.sub:
                sub = self.data.sub[s_kode]
                sub_item = QTreeWidgetItem([sub.kode, f"{sub.nama} ({sub.bagian}, bobot {sub.bobot:g})"])
                area_item.addChild(sub_item)
                for kode in sub.pertanyaan:
                    self._add_question(sub_item, kode)
        hasil = QTreeWidgetItem(["", self.tr("HASIL (survei dan capaian kinerja)")])
        self.questions.addTopLevelItem(hasil)
        for kode in self.data.hasil_bobot:
            self._add_question(hasil, kode)
        self.questions.expandAll()
        self.questions.currentItemChanged.connect(lambda *_a: self._load_answer())
        split.addWidget(self.questions)

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
        split.addWidget(form_widget)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self._set_form_enabled(False)
        return split

    def _add_question(self, parent: QTreeWidgetItem, kode: str) -> None:
        q = self.data.pertanyaan[kode]
        item = QTreeWidgetItem([kode, q.teks.replace("\n", " "), "", "", ""])
        item.setData(0, CodeRole, kode)
        item.setToolTip(1, q.teks)
        parent.addChild(item)
        self._question_items[kode] = item

    def _build_kaitan(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 8, 0, 0)
        hint = QLabel(self.tr("Kaitkan setiap langkah aksi dengan pertanyaan LKE yang didukungnya; "
                              "saran diambil dari kemiripan teks indikator dan langkah aksi."))
        hint.setWordWrap(True)
        hint.setObjectName("formHint")
        v.addWidget(hint)
        self.ties = _table("lkeTies", [self.tr("Letak"), self.tr("Langkah aksi"), self.tr("Kaitan"),
                                       self.tr("Saran")], (70, 0, 70, 70))
        self.ties.setRootIsDecorated(False)
        self.ties.currentItemChanged.connect(lambda *_a: self._tie_selected())
        v.addWidget(self.ties, 1)
        row = QHBoxLayout()
        self.tie_code = QComboBox()
        self.tie_code.setObjectName("lkeTieCode")
        self.tie_code.addItem(self.tr("(tidak dikaitkan)"), "")
        for kode, q in self.data.pertanyaan.items():
            if q.bagian != "hasil":
                self.tie_code.addItem(f"{kode} — {q.teks.splitlines()[0][:70]}", kode)
        self.tie_code.setMinimumContentsLength(12)
        self.tie_code.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.tie_code.activated.connect(lambda _i: self._set_tie(self.tie_code.currentData()))
        row.addWidget(self.tie_code, 1)
        self.accept_all = QPushButton(self.tr("Terima Semua Saran"))
        self.accept_all.setObjectName("lkeAcceptAll")
        self.accept_all.clicked.connect(self.accept_suggestions)
        row.addWidget(self.accept_all)
        v.addLayout(row)
        return page

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self.accept_all.setEnabled(not readonly)
        self.settings_button.setEnabled(not readonly)
        self.tie_code.setEnabled(not readonly)
        self._set_form_enabled(self._current_code() is not None)

    def _set_form_enabled(self, enabled: bool) -> None:
        editable = enabled and not getattr(self, "_readonly", False)
        for w in (self.jawaban, self.jawaban_angka, self.target, self.narasi, self.bukti, self.link,
                  self.take_evidence):
            w.setEnabled(editable)

    # --- following the document ---------------------------------------------------------

    def _changed(self, _changes, _initiator=None) -> None:
        self._dirty = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def hideEvent(self, event) -> None:
        # clicking another tab keeps the focus in a hidden text field: save what it holds
        if self._current_code() is not None and not self._readonly:
            self.commit()
        super().hideEvent(event)

    def flush(self) -> None:
        """Recompute now (tests, and before reading the score)."""
        self.timer.stop()
        self.refresh()

    def refresh(self) -> None:
        self.refreshes += 1
        self._dirty = False
        self.plan = self.doc.to_dict(ids=True)
        self.sets = answer_sets(self.plan, self.data)
        self.scores = plan_scores(self.plan, self.data)
        self._show_summary()
        self._show_settings()
        self._show_answers()
        self._refresh_page()

    def _refresh_page(self) -> None:
        if self.pages.currentIndex() == 2 and self.plan:
            self._show_ties()

    # --- Ringkasan ----------------------------------------------------------------------

    def _show_summary(self) -> None:
        if not self.scores:
            return
        now, aim = self.scores["saat_ini"], self.scores["prediksi"]
        self.summary.setText(self.tr("Prediksi: %1 — %2   ·   Saat ini: %3 — %4")
                             .replace("%1", _n(aim.total)).replace("%2", predikat_text(aim.predikat))
                             .replace("%3", _n(now.total)).replace("%4", predikat_text(now.predikat)))
        minimums = tuple(next(c["batas_persen"] for c in p["syarat"] if c["kode"] == "area")
                         for p in self.data.predikat())
        self.bars.set_rows([(f"{a['kode']} {a['nama']}", a["bobot"], a["nilai"], b["nilai"])
                            for a, b in zip(now.area, aim.area)], minimums)
        self.legend.setText(self.tr("Nilai saat ini → prediksi / bobot. Batang tua: saat ini (merah: di "
                                    "bawah minimum WBK); muda: prediksi; garis: minimum WBK %1 % dan "
                                    "WBBM %2 %.").replace("%1", f"{minimums[0]:g}")
                            .replace("%2", f"{minimums[1]:g}"))
        basis = self.scores[self.basis.currentData()]
        self.kurang.clear()
        lines = [advice(self.data, basis, k) for k in basis.predikat["kurang"]]
        if not lines:
            lines = [self.tr("Semua syarat predikat WBBM terpenuhi.")]
        self.kurang.addItems(lines)

    def set_setting(self, kunci: str, nilai: str) -> None:
        if not self._readonly and self.editor.push(SetPengaturan(kunci, nilai)):
            self.flush()

    def _show_settings(self) -> None:
        chosen = self.data.settings((self.plan.get("lke") or {}).get("pengaturan"))
        for (kunci, nilai), action in self.settings_actions.items():
            action.setChecked(chosen[kunci] == nilai)

    # --- Pertanyaan ---------------------------------------------------------------------

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
        item = self.questions.currentItem()
        return item.data(0, CodeRole) if item is not None else None

    def select_question(self, kode: str) -> None:
        item = self._question_items[kode]
        self.pages.setCurrentIndex(1)
        self.questions.setCurrentItem(item)
        self.questions.scrollToItem(item)

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
            self.flush()

    # --- Kaitan -------------------------------------------------------------------------

    def _show_ties(self) -> None:
        current = self.ties.currentItem()
        keep = current.data(0, CodeRole) if current is not None else None
        self.ties.clear()
        chosen = None
        for a_pos, area in enumerate(self.plan.get("area", []), 1):
            for k_pos, komponen in enumerate(area["komponen"], 1):
                for i_pos, ind in enumerate(komponen["indikator"], 1):
                    for x_pos, aksi in enumerate(ind["aksi"], 1):
                        saran = "" if aksi.get("lke") else suggest(ind["teks"], aksi["langkah"],
                                                                    komponen["nama"], area["nama"])
                        item = QTreeWidgetItem([f"{area['kode']}.{k_pos}.{i_pos}.{x_pos}",
                                                aksi["langkah"], aksi.get("lke", ""), saran])
                        item.setData(0, CodeRole, aksi["id"])
                        item.setToolTip(1, f"{ind['teks']}\n→ {aksi['langkah']}")
                        self.ties.addTopLevelItem(item)
                        if aksi["id"] == keep:
                            chosen = item
        if chosen is not None:
            self.ties.setCurrentItem(chosen)

    def select_aksi(self, aksi_id: int) -> None:
        """Show the tie of a langkah aksi (the plan tree's selection)."""
        self.pages.setCurrentIndex(2)
        if self._dirty or not self.plan:
            self.refresh()
        for n in range(self.ties.topLevelItemCount()):
            item = self.ties.topLevelItem(n)
            if item.data(0, CodeRole) == aksi_id:
                self.ties.setCurrentItem(item)
                self.ties.scrollToItem(item)
                return

    def follow(self, level: str, item_id: int) -> None:
        """The plan tree selected an item: on the Kaitan page, show that langkah aksi's tie."""
        if level == "aksi" and self.isVisible() and self.pages.currentIndex() == 2:
            self.select_aksi(item_id)

    def _tie_selected(self) -> None:
        item = self.ties.currentItem()
        if item is None:
            return
        code = item.text(2) or item.text(3)
        self.tie_code.setCurrentIndex(max(0, self.tie_code.findData(code)))

    def _set_tie(self, kode: str) -> None:
        item = self.ties.currentItem()
        if item is None or self._readonly or item.text(2) == kode:
            return
        if self.editor.push(SetKaitan(item.data(0, CodeRole), kode)):
            self.flush()

    def accept_suggestions(self) -> int:
        """Tie every untied langkah aksi to its suggested question, as one undo step."""
        if self._dirty or not self.plan:
            self.refresh()
        edits = []
        for area in self.plan.get("area", []):
            for komponen in area["komponen"]:
                for ind in komponen["indikator"]:
                    for aksi in ind["aksi"]:
                        if not aksi.get("lke"):
                            kode = suggest(ind["teks"], aksi["langkah"], komponen["nama"], area["nama"])
                            if kode:
                                edits.append(SetKaitan(aksi["id"], kode))
        if edits and self.editor.push(Batch(edits, label=self.tr("Terima saran kaitan LKE"))):
            self.flush()
        return len(edits)
