"""Penilaian Mandiri, page *Kaitan Rencana*: each langkah aksi and the LKE question it serves,
the tie suggested by wording, a chosen tie or all suggestions accepted as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTreeWidgetItem, QVBoxLayout, QWidget

from zi_desktop.edits import Batch
from zi_desktop.lke.data import Lke
from zi_desktop.lke.plan import suggest
from zi_desktop.lke.edits import SetKaitan

from .commands import Editor
from .lke_parts import CodeRole, table


class TiesPage(QWidget):
    edited = Signal()   # ties changed (the view recomputes the score)

    def __init__(self, editor: Editor, data: Lke, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.data = data
        self.plan: dict = {}
        self._readonly = False
        self._build()

    def _build(self) -> None:
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 8, 0, 0)
        hint = QLabel(self.tr("Kaitkan setiap langkah aksi dengan pertanyaan LKE yang didukungnya; "
                              "saran diambil dari kemiripan teks indikator dan langkah aksi."))
        hint.setWordWrap(True)
        hint.setObjectName("formHint")
        v.addWidget(hint)
        self.table = table("lkeTies", [self.tr("Letak"), self.tr("Langkah aksi"), self.tr("Kaitan"),
                                      self.tr("Saran")], (70, 0, 70, 70))
        self.table.setRootIsDecorated(False)
        self.table.currentItemChanged.connect(lambda *_a: self._tie_selected())
        v.addWidget(self.table, 1)
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
        self.accept_all.clicked.connect(lambda: self.accept_suggestions(self.plan))
        row.addWidget(self.accept_all)
        v.addLayout(row)

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self.accept_all.setEnabled(not readonly)
        self.tie_code.setEnabled(not readonly)

    def show_plan(self, plan: dict) -> None:
        self.plan = plan
        self._show_ties()

    def _show_ties(self) -> None:
        current = self.table.currentItem()
        keep = current.data(0, CodeRole) if current is not None else None
        self.table.clear()
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
                        self.table.addTopLevelItem(item)
                        if aksi["id"] == keep:
                            chosen = item
        if chosen is not None:
            self.table.setCurrentItem(chosen)

    def select_aksi(self, aksi_id: int) -> None:
        """Show the tie of a langkah aksi (the plan tree's selection)."""
        for n in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(n)
            if item.data(0, CodeRole) == aksi_id:
                self.table.setCurrentItem(item)
                self.table.scrollToItem(item)
                return

    def _tie_selected(self) -> None:
        item = self.table.currentItem()
        if item is None:
            return
        code = item.text(2) or item.text(3)
        self.tie_code.setCurrentIndex(max(0, self.tie_code.findData(code)))

    def _set_tie(self, kode: str) -> None:
        item = self.table.currentItem()
        if item is None or self._readonly or item.text(2) == kode:
            return
        if self.editor.push(SetKaitan(item.data(0, CodeRole), kode)):
            self.edited.emit()

    def accept_suggestions(self, plan: dict) -> int:
        """Tie every untied langkah aksi of ``plan`` to its suggested question, as one undo step."""
        edits = []
        for area in plan.get("area", []):
            for komponen in area["komponen"]:
                for ind in komponen["indikator"]:
                    for aksi in ind["aksi"]:
                        if not aksi.get("lke"):
                            kode = suggest(ind["teks"], aksi["langkah"], komponen["nama"], area["nama"])
                            if kode:
                                edits.append(SetKaitan(aksi["id"], kode))
        if edits and self.editor.push(Batch(edits, label=self.tr("Terima saran kaitan LKE"))):
            self.edited.emit()
        return len(edits)
