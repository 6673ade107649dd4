"""The "Keputusan" tab: the decree body around the Lampiran — Menimbang, Mengingat,
Memperhatikan, Menetapkan, the diktum and the Lampiran's chapters — as lists to add to, remove
from and reorder, with the selected item's text below (a chapter: its judul and its text in
the chapter editor, ``ui/bab_editor.py``; Menetapkan: one text, "Samakan dengan judul").

Every change is a core edit (``zi_desktop.keputusan.edits``) pushed through the ``Editor``, so
it is undoable and on disk at once; the text field commits when focus leaves it (or Ctrl+Enter),
one undo step per edit. The tab follows ``Editor.changed`` (undo and redo included).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from zi_desktop.keputusan import BAB, BAGIAN, MENETAPKAN
from zi_desktop.keputusan import store
from zi_desktop.keputusan.edits import (AddBodyItem, DeleteBodyItem, MoveBodyItem, ReplaceBody,
                                        SetBodyItem, SetMenetapkan)
from zi_desktop.keputusan.labels import bab, label

from .bab_editor import ChapterTools, IsiBabEdit
from .commands import Editor
from .fields import CommitLineEdit, CommitTextEdit

PARTS = [("menimbang", "Menimbang"), ("mengingat", "Mengingat"),
         ("memperhatikan", "Memperhatikan"), (MENETAPKAN, "Menetapkan"),
         ("diktum", "Diktum (KESATU, KEDUA …)"), (BAB, "Bab Lampiran (sebelum tabel)")]
_BUTTONS = {BAB: ("Tambah bab", "Hapus bab"), None: ("Tambah", "Hapus")}
_NEW_TEXT = {"menimbang": "bahwa …;", "mengingat": "", "memperhatikan": "", "diktum": "",
             BAB: {"judul": "JUDUL BAB", "isi": ""}}


class KeputusanView(QWidget):
    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self.bagian = "menimbang"
        self._ids: list[int] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bagian:")))
        self.part = QComboBox()
        for key, text in PARTS:
            self.part.addItem(self.tr(text), key)
        self.part.currentIndexChanged.connect(self._part_changed)
        top.addWidget(self.part, 1)
        layout.addLayout(top)

        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        self.items.currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.items, 2)
        self._layout = layout

        buttons = QHBoxLayout()
        self.add = QPushButton(self.tr("Tambah"))
        self.remove = QPushButton(self.tr("Hapus"))
        self.up = QPushButton(self.tr("Naikkan"))
        self.down = QPushButton(self.tr("Turunkan"))
        self.library = QPushButton(self.tr("Dari pustaka peraturan…"))
        self.template = QPushButton(self.tr("Isi baku"))
        self.template.setToolTip(self.tr("Ganti bagian ini dengan isi baku keputusan Rencana Aksi ZI"))
        more = QHBoxLayout()            # two rows: the tab stays narrow at 1024 px
        for row, group in ((buttons, (self.add, self.remove, self.up, self.down)),
                           (more, (self.library, self.template))):
            for button in group:
                row.addWidget(button)
            row.addStretch(1)
        self.add.clicked.connect(lambda: self.add_item())
        self.remove.clicked.connect(lambda: self.remove_item())
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.down.clicked.connect(lambda: self.move_item(1))
        self.library.setMenu(self._library_menu())
        self.template.clicked.connect(lambda: self.fill_template())
        self.from_title = QPushButton(self.tr("Samakan dengan judul"))
        self.from_title.setToolTip(self.tr("Tulis Menetapkan dari judul keputusan "
                                           "(KEPUTUSAN … TENTANG …)"))
        self.from_title.clicked.connect(lambda: self.menetapkan_from_title())
        more.insertWidget(more.count() - 1, self.from_title)
        layout.addLayout(buttons)
        layout.addLayout(more)

        self.judul_label = QLabel(self.tr("Judul bab:"))
        self.judul = CommitLineEdit()
        self.judul.committed.connect(lambda text: self._set({"judul": text}))
        self.text_label = QLabel(self.tr("Teks butir terpilih (tersimpan saat kursor pindah, "
                                         "atau Ctrl+Enter):"))
        self.text_label.setWordWrap(True)
        self.text = CommitTextEdit(lines=6)
        self.text.committed.connect(self._set_text)
        self.isi = IsiBabEdit()
        self.isi.setToolTip(self.tr("Enter melanjutkan daftar, Enter pada butir kosong "
                                    "mengakhirinya; Tab / Shift+Tab mengubah tingkat butir."))
        self.isi.committed.connect(lambda text: self._set({"isi": text}))
        self.tools = ChapterTools(self.isi)
        for widget in (self.judul_label, self.judul, self.text_label, self.tools):
            layout.addWidget(widget)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.isi, 5)
        layout.addStretch(0)             # takes the room only where the page has one text

        readonly = self.doc.readonly
        for widget in (self.add, self.remove, self.up, self.down, self.library, self.template,
                       self.from_title):
            widget.setEnabled(not readonly)
        self.judul.setReadOnly(readonly)
        self.text.setReadOnly(readonly)
        self.isi.setReadOnly(readonly)
        self.tools.setReadOnly(readonly)
        editor.changed.connect(self._on_changes)   # Qt drops the connection with this view
        self.reload()

    # --- showing ---------------------------------------------------------------------------

    def _rows(self) -> list[tuple[int, str]]:
        """(id, text shown in the list) of the current part."""
        if self.bagian == MENETAPKAN:
            return []
        if self.bagian == BAB:
            return [(i, f"BAB {label(BAB, n).split()[-1]}  {judul}")
                    for n, (i, judul, _isi) in enumerate(store.chapters(self.doc.conn), 1)]
        return [(i, f"{label(self.bagian, n)}  {teks}")
                for n, (i, teks) in enumerate(store.items(self.doc.conn, self.bagian), 1)]

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_id()
        rows = self._rows()
        self._ids = [i for i, _t in rows]
        self.items.blockSignals(True)
        self.items.clear()
        for _i, text in rows:
            shown = " ".join(text.split())
            item = QListWidgetItem(shown if len(shown) <= 240 else shown[:239] + "…")
            item.setToolTip(text[:2000])
            self.items.addItem(item)
        self.items.blockSignals(False)
        row = self._ids.index(current) if current in self._ids else (0 if self._ids else -1)
        self.items.setCurrentRow(row)
        self._row_changed(row)
        chapter = self.bagian == BAB
        single = self.bagian == MENETAPKAN
        for widget in (self.judul_label, self.judul, self.tools, self.isi):
            widget.setVisible(chapter)
        self.text.setVisible(not chapter)
        for widget in (self.items, self.add, self.remove, self.up, self.down):
            widget.setVisible(not single)
        self.from_title.setVisible(single)
        self.library.setVisible(self.bagian in ("mengingat", "memperhatikan"))
        self.template.setVisible(self.bagian in ("menimbang", "mengingat", "diktum"))
        add, remove = _BUTTONS[BAB if chapter else None]
        self.add.setText(self.tr(add))
        self.remove.setText(self.tr(remove))
        # a chapter's text is the page's main content: the chapters' list shows 3–6 whole rows
        self._layout.setStretchFactor(self.items, 0 if chapter else 2)
        self._layout.setStretch(self._layout.count() - 1, 1 if single else 0)
        if chapter:
            row_h = self.items.sizeHintForRow(0) if self._ids else \
                self.items.fontMetrics().height() + 2
            rows = max(3, min(len(self._ids), 6))
            self.items.setFixedHeight(row_h * rows + 2 * self.items.frameWidth() + 2)
        else:
            self.items.setMinimumHeight(self.items.fontMetrics().lineSpacing() + 8)
            self.items.setMaximumHeight(16777215)
        self.text_label.setText(self.tr(
            "Isi bab (satu baris satu paragraf atau butir daftar; tersimpan saat kursor pindah, "
            "atau Ctrl+Enter):" if chapter else
            "Menetapkan (kosong: dicetak dari judul; tersimpan saat kursor pindah, atau "
            "Ctrl+Enter):" if single else
            "Teks butir terpilih (tersimpan saat kursor pindah, atau Ctrl+Enter):"))

    def current_id(self) -> int | None:
        row = self.items.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _row_changed(self, row: int) -> None:
        item_id = self._ids[row] if 0 <= row < len(self._ids) else None
        has = item_id is not None
        if self.bagian == MENETAPKAN:
            from zi_desktop.keputusan.menetapkan import from_title
            self.text.set_value(store.menetapkan(self.doc.conn))
            self.text.setPlaceholderText(from_title(self.doc.identitas()))
            self.text.setEnabled(True)
            return
        self.text.setPlaceholderText("")
        if self.bagian == BAB:
            chapter = next((c for c in store.chapters(self.doc.conn) if c[0] == item_id), None)
            self.judul_label.setText(self.tr("Judul %s:") % bab(row + 1) if has else
                                     self.tr("Judul bab:"))
            self.judul.set_value(chapter[1] if chapter else "")
            self.isi.set_value(chapter[2] if chapter else "")
            self.isi.setEnabled(has)
            self.tools.setEnabled(has)
        else:
            texts = dict(store.items(self.doc.conn, self.bagian))
            self.text.set_value(texts.get(item_id, ""))
        self.text.setEnabled(has)
        self.judul.setEnabled(has)
        editable = has and not self.doc.readonly
        self.remove.setEnabled(editable)
        self.up.setEnabled(editable and row > 0)
        self.down.setEnabled(editable and row < len(self._ids) - 1)

    def _part_changed(self, _index: int) -> None:
        self._commit()
        self.bagian = self.part.currentData()
        self.reload()

    def show_part(self, bagian: str) -> None:
        self.part.setCurrentIndex([k for k, _t in PARTS].index(bagian))

    def _on_changes(self, changes, _initiator=None) -> None:
        if self.doc.closed:
            return
        if any(c.kind == "keputusan" for c in changes):
            inserted = [c.id for c in changes if c.kind == "keputusan" and c.level == self.bagian
                        and c.fields[:1] in (("insert",), ("move",))]
            self.reload(inserted[-1] if inserted else None)
        elif self.bagian == MENETAPKAN and any(c.kind == "identitas" for c in changes):
            self.reload()                 # the title the placeholder shows may have changed

    # --- editing ---------------------------------------------------------------------------

    def _commit(self) -> None:
        self.judul.commit()
        self.text.commit()
        self.isi.commit()

    def _set(self, value: dict) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.editor.push(SetBodyItem(self.bagian, item_id, value))

    def _set_text(self, text: str) -> None:
        if self.bagian == MENETAPKAN:
            self.editor.push(SetMenetapkan(text))
        else:
            self._set({"teks": text})

    def menetapkan_from_title(self) -> bool:
        """Menetapkan written from the decree's title (one undo step)."""
        from zi_desktop.keputusan.menetapkan import from_title
        self._commit()
        return self.editor.push(SetMenetapkan(from_title(self.doc.identitas())))

    def add_item(self, value=None) -> bool:
        self._commit()
        row = self.items.currentRow()
        position = row + 1 if row >= 0 else None
        ok = self.editor.push(AddBodyItem(self.bagian, position,
                                          _NEW_TEXT[self.bagian] if value is None else value))
        if ok and value is None:
            field = self.judul if self.bagian == BAB else self.text
            field.setFocus(Qt.OtherFocusReason)
            field.selectAll()
        return ok

    def remove_item(self) -> bool:
        item_id = self.current_id()
        if item_id is None:
            return False
        return self.editor.push(DeleteBodyItem(self.bagian, item_id))

    def move_item(self, step: int) -> bool:
        self._commit()
        item_id, row = self.current_id(), self.items.currentRow()
        if item_id is None or not 0 <= row + step < len(self._ids):
            return False
        return self.editor.push(MoveBodyItem(self.bagian, item_id, row + step))

    def _library_menu(self) -> QMenu:
        """Regulations with their full citation: one click adds it to this list."""
        from zi_desktop.keputusan.template import library
        menu = QMenu(self)
        for entry in library():
            action = menu.addAction(entry.singkat)
            action.setEnabled(not entry.diganti_oleh)   # a replaced regulation is not offered
            action.triggered.connect(lambda _=False, text=entry.kutipan: self.add_item(text))
        return menu

    def fill_template(self) -> bool:
        """Replace this part with the standard body's (one undo step)."""
        from zi_desktop.template import keputusan_baku
        rencana = self.doc.identitas()
        body = keputusan_baku(rencana.get("satker", ""), rencana.get("tentang", ""))
        if self._ids and QMessageBox.question(
                self, self.tr("Isi baku"),
                self.tr("Ganti semua butir bagian ini dengan isi baku? (Bisa diurungkan.)"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return False
        return self.editor.push(ReplaceBody({self.bagian: body[self.bagian]}))

    def show_finding(self, finding) -> None:
        """A Periksa finding about the body ("Menimbang c.", "Mengingat 3", "Diktum KESATU"):
        show that part with the item selected and the cursor in its text."""
        words = (finding.jalur or "").split()
        part = {"menimbang": "menimbang", "mengingat": "mengingat",
                "memperhatikan": "memperhatikan", "diktum": "diktum",
                MENETAPKAN: MENETAPKAN}.get(words[0].lower() if words else "", "diktum")
        self.show_part(part)
        if part == MENETAPKAN:
            self.text.setFocus(Qt.OtherFocusReason)
            return
        count = len(self._ids)
        row = count - 1 if part == "menimbang" else 0
        if part == "mengingat" and len(words) > 1 and words[1].isdigit():
            row = int(words[1]) - 1
        if 0 <= row < count:
            self.items.setCurrentRow(row)
        self.text.setFocus(Qt.OtherFocusReason)


def install(view, editor: Editor) -> KeputusanView:
    """Add the Keputusan tab to the plan view; its findings open there."""
    page = KeputusanView(editor)
    index = view.tabs.addTab(page, page.tr("Keputusan"))
    view.tabs.setTabToolTip(index, page.tr("Isi keputusan: Menimbang, Mengingat, diktum, bab Lampiran"))

    def show(finding) -> None:
        view.tabs.setCurrentIndex(index)
        page.show_finding(finding)

    view.keputusan_requested.connect(show)
    return page


__all__ = ["KeputusanView", "PARTS", "BAGIAN", "install"]
