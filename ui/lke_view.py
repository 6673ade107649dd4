"""Penilaian Mandiri: the plan's LKE score, what is still missing, the answers and the ties.

Three pages. *Ringkasan* (here): per area its score (Saat ini, and Prediksi behind it) against
its weight with the WBK and WBBM minimums marked, the predicate reached, one sentence per
missing condition saying what would lift it, and the LKE settings. *Pertanyaan*
(``lke_questions``): every question with its answer, answered there. *Kaitan Rencana*
(``lke_ties``): each langkah aksi and the question it serves. Every change is a core edit pushed
through the ``Editor`` (undoable, on disk at once). The view follows ``Editor.changed`` with a
short debounce and recomputes only while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QMenu, QTabWidget,
                               QToolButton, QVBoxLayout, QWidget)

from zi_desktop.lke.data import lke
from zi_desktop.lke.plan import answer_sets, plan_scores
from zi_desktop.lke.report import advice
from zi_desktop.lke.score import predikat_text
from zi_desktop.lke.edits import SetPengaturan

from .commands import Editor
from .lke_parts import AreaBars, angka
from .lke_questions import QuestionsPage
from .lke_ties import TiesPage

DEBOUNCE_MS = 300
PAGE_RINGKASAN, PAGE_PERTANYAAN, PAGE_KAITAN = range(3)


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
        self._readonly = self.doc.readonly

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
        self.questions = QuestionsPage(editor, self.data)
        self.ties = TiesPage(editor, self.data)
        self.pages.addTab(self._build_ringkasan(), self.tr("Ringkasan"))
        self.pages.addTab(self.questions, self.tr("Pertanyaan"))
        self.pages.addTab(self.ties, self.tr("Kaitan Rencana"))
        self.pages.currentChanged.connect(lambda _i: self._refresh_page())
        for page in (self.questions, self.ties):
            page.edited.connect(self.flush)
            page.set_readonly(self._readonly)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        editor.changed.connect(self._changed)
        self.settings_button.setEnabled(not self._readonly)

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
        self.questions.commit()
        super().hideEvent(event)

    def flush(self) -> None:
        """Recompute now (after an edit made here, and for tests)."""
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
        self.questions.show_plan(self.plan, self.sets)
        self._refresh_page()

    def _refresh_page(self) -> None:
        if self.pages.currentIndex() == PAGE_KAITAN and self.plan:
            self.ties.show_plan(self.plan)

    def _current(self) -> None:
        if self._dirty or not self.plan:
            self.refresh()

    # --- what the window asks ----------------------------------------------------------

    def select_question(self, kode: str) -> None:
        self.pages.setCurrentIndex(PAGE_PERTANYAAN)
        self._current()
        self.questions.select(kode)

    def select_aksi(self, aksi_id: int) -> None:
        """Show the tie of a langkah aksi (the plan tree's selection)."""
        self.pages.setCurrentIndex(PAGE_KAITAN)
        self._current()
        self.ties.select_aksi(aksi_id)

    def follow(self, level: str, item_id: int) -> None:
        """The plan tree selected an item: on the Kaitan page, show that langkah aksi's tie."""
        if level == "aksi" and self.isVisible() and self.pages.currentIndex() == PAGE_KAITAN:
            self.select_aksi(item_id)

    def accept_suggestions(self) -> int:
        self._current()
        return self.ties.accept_suggestions(self.plan)

    # --- Ringkasan ----------------------------------------------------------------------

    def _show_summary(self) -> None:
        if not self.scores:
            return
        now, aim = self.scores["saat_ini"], self.scores["prediksi"]
        self.summary.setText(self.tr("Prediksi: %1 — %2   ·   Saat ini: %3 — %4")
                             .replace("%1", angka(aim.total)).replace("%2", predikat_text(aim.predikat))
                             .replace("%3", angka(now.total)).replace("%4", predikat_text(now.predikat)))
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
