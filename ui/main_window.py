"""The main window: menus and toolbar, one open plan (``PlanView``) or the welcome page.

Opening a plan creates a fresh ``Editor`` (so the undo stack starts empty); every change
is committed at once and the status bar says so. Files, printing and exchange live in
``file_commands.py``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget,
                               QStyle, QToolBar, QToolButton)

from zi_desktop import __version__
from zi_desktop.document import Dokumen
from zi_desktop.edits import Change
from zi_desktop.errors import ZiError
from zi_desktop.demo import remove_demo_copy
from zi_desktop.model import LEVELS

from . import dialogs_id, os_errors, settings
from .actions import Actions, app_icon
from .commands import Editor
from .file_commands import FileCommands
from .keputusan_view import install as install_keputusan_tab
from .file_drop import FileDrop
from .pemantauan_commands import PemantauanCommands
from .plan_view import PlanView
from .status_bar import StatusBar
from .style import apply_style
from .welcome import WelcomePage


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        apply_style(self)
        self.doc: Dokumen | None = None
        self.editor: Editor | None = None
        self.view: PlanView | None = None
        self.actions = Actions(self)
        self.files = FileCommands(self)
        self.pemantauan = PemantauanCommands(self)
        self.file_drop = FileDrop(self)     # files dropped on the window: open or import
        self.setWindowTitle("ZI Desktop")
        self.setWindowIcon(app_icon(self))
        self.setMinimumSize(720, 480)
        self.setUnifiedTitleAndToolBarOnMac(True)

        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.welcome.new_requested.connect(self.files.new_plan)
        self.welcome.open_requested.connect(self.files.open_dialog)
        self.welcome.import_requested.connect(self.files.import_file)
        self.welcome.paste_requested.connect(self.files.import_clipboard)
        self.welcome.summary_requested.connect(self.files.province_summary)
        self.welcome.demo_requested.connect(self.files.open_demo)
        self.welcome.recent_requested.connect(self.open_path)

        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self._connect()
        self._restore_geometry()
        self._show_welcome()
        self.update_actions()

    # --- building ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        berkas = bar.addMenu(self.tr("&Berkas"))
        berkas.addActions([a.baru, a.buka])
        self.recent_menu = QMenu(self.tr("Buka &Terakhir"), self)
        self.recent_menu.setIcon(self.style().standardIcon(QStyle.SP_DirOpenIcon))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        berkas.addMenu(self.recent_menu)
        berkas.addSeparator()
        berkas.addActions([a.impor, a.impor_papan_klip, a.tahun_berikutnya])
        berkas.addSeparator()
        berkas.addActions([a.simpan_salinan, a.kirim, a.ekspor_excel, a.ekspor_word])
        berkas.addActions([a.laporan_pemantauan, a.keluarkan_bukti])
        berkas.addAction(a.rekap_provinsi)
        berkas.addSeparator()
        berkas.addActions([a.cetak, a.identitas])
        berkas.addSeparator()
        berkas.addAction(a.keluar)

        sunting = bar.addMenu(self.tr("&Sunting"))
        sunting.addActions([a.urungkan, a.ulangi])
        sunting.addSeparator()
        sunting.addActions([a.tambah_sejenis, a.tambah_turunan, a.hapus])
        sunting.addSeparator()
        sunting.addActions([a.naikkan, a.turunkan])
        sunting.addSeparator()
        sunting.addActions([a.sunting_isian, a.cari])

        lihat = bar.addMenu(self.tr("&Lihat"))
        lihat.addActions([a.lihat_pohon, a.lihat_isian, a.lihat_jadwal, a.periksa])
        lihat.addSeparator()
        lihat.addActions([a.perluas, a.ciutkan])
        lihat.addSeparator()
        lihat.addAction(a.bilah_alat)

        bantuan = bar.addMenu(self.tr("B&antuan"))
        bantuan.addActions([a.pintasan, a.tentang])

    def _build_toolbar(self) -> None:
        a = self.actions
        self.toolbar = QToolBar(self.tr("Bilah alat"))
        self.toolbar.setObjectName("bilahAlat")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toolbar.addActions([a.baru, a.buka])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.urungkan, a.ulangi])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.tambah_sejenis, a.tambah_turunan, a.hapus])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.naikkan, a.turunkan])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.identitas, a.cetak, a.kirim])
        for action in (a.baru, a.buka, a.naikkan, a.turunkan, a.urungkan, a.ulangi):
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonIconOnly)
        self.addToolBar(Qt.TopToolBarArea, self.toolbar)
        a.bilah_alat.toggled.connect(self.toolbar.setVisible)

    def _build_status(self) -> None:
        status = StatusBar(self)
        self.setStatusBar(status)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.check_status = QToolButton()
        self.check_status.setObjectName("checkStatus")
        self.check_status.setAutoRaise(True)
        self.check_status.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.check_status.setToolTip(self.tr("Periksa Kelengkapan (F7)"))
        self.check_status.clicked.connect(self.actions.periksa.trigger)
        self.check_status.hide()
        status.addPermanentWidget(self.check_status)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(self.saved_label)

    def _connect(self) -> None:
        a = self.actions
        f = self.files
        a.baru.triggered.connect(f.new_plan)
        a.buka.triggered.connect(f.open_dialog)
        a.impor.triggered.connect(f.import_file)
        a.impor_papan_klip.triggered.connect(f.import_clipboard)
        a.rekap_provinsi.triggered.connect(f.province_summary)
        a.tahun_berikutnya.triggered.connect(f.next_year)
        a.simpan_salinan.triggered.connect(f.save_copy)
        a.kirim.triggered.connect(f.send_to_province)
        a.ekspor_excel.triggered.connect(f.export_excel)
        a.ekspor_word.triggered.connect(f.export_word)
        a.laporan_pemantauan.triggered.connect(self.pemantauan.laporan)
        a.keluarkan_bukti.triggered.connect(self.pemantauan.keluarkan)
        a.cetak.triggered.connect(f.print_lampiran)
        a.identitas.triggered.connect(f.edit_identity)
        a.keluar.triggered.connect(self.close)
        a.urungkan.triggered.connect(self.undo)
        a.ulangi.triggered.connect(self.redo)
        a.tambah_sejenis.triggered.connect(lambda: self._on_view(lambda v: v.add_sibling()))
        a.tambah_turunan.triggered.connect(lambda: self._on_view(lambda v: v.add_child()))
        a.hapus.triggered.connect(self.delete_current)
        a.naikkan.triggered.connect(lambda: self._on_view(lambda v: v.move_current(-1)))
        a.turunkan.triggered.connect(lambda: self._on_view(lambda v: v.move_current(1)))
        a.sunting_isian.triggered.connect(lambda: self._on_view(lambda v: v.focus_form()))
        a.cari.triggered.connect(lambda: self._on_view(lambda v: v.focus_filter()))
        a.lihat_pohon.triggered.connect(lambda: self._on_view(lambda v: v.focus_tree()))
        a.lihat_isian.triggered.connect(lambda: self._on_view(lambda v: v.focus_form()))
        a.lihat_jadwal.triggered.connect(lambda: self._on_view(lambda v: v.show_jadwal()))
        a.periksa.triggered.connect(lambda: self._on_view(lambda v: v.show_check()))
        a.perluas.triggered.connect(lambda: self._on_view(lambda v: v.tree.expandAll()))
        a.ciutkan.triggered.connect(lambda: self._on_view(lambda v: v.collapse_to_komponen()))
        a.pintasan.triggered.connect(self.show_shortcuts)
        a.tentang.triggered.connect(self.show_about)

    def _on_view(self, fn) -> None:
        if self.view is not None:
            fn(self.view)
            self.update_actions()

    # --- documents ----------------------------------------------------------------------------

    def open_path(self, path: str, readonly: bool = False) -> bool:
        """Open a plan; a refused file is reported and left untouched. ``readonly``: to read
        (a plan received from a district) — it is then not added to the recent files either,
        so it is never reopened for editing by accident."""
        self.commit_pending()
        try:
            doc = Dokumen.open(path, readonly=readonly)
        except ZiError as err:
            dialogs_id.error(self, self.tr("Berkas tidak dapat dibuka"), err.message)
            if not os.path.exists(path):
                settings.remove_recent(path)
            return False
        except OSError as err:
            dialogs_id.error(self, self.tr("Berkas tidak dapat dibuka"),
                                 self.tr("Berkas \"%s\" tidak dapat dibaca: %s.") % (path, os_errors.reason(err)))
            return False
        try:
            self.set_document(doc, remember=not readonly)
        except Exception as err:  # noqa: BLE001 - never a half-built window over a plan
            self._abandon(doc)
            QMessageBox.critical(self, self.tr("Berkas tidak dapat dibuka"), self.tr(
                "Berkas \"%s\" tidak dapat ditampilkan (%s); berkas itu tidak diubah.") % (
                    path, type(err).__name__))
            return False
        for notice in doc.notices:  # e.g. a -journal that was not ours, set aside
            QMessageBox.information(self, self.tr("Berkas dibuka"), notice)
        return True

    def _abandon(self, doc: Dokumen) -> None:
        """Drop a document whose window could not be built, whatever state it got to."""
        try:
            if self.doc is doc:
                self.close_document()
        except Exception:  # noqa: BLE001 - already failing; the file itself is closed below
            self.doc = self.view = self.editor = None
            self._show_welcome()
        doc.close()

    def set_document(self, doc: Dokumen, remember: bool = True) -> None:
        self.close_document()
        self.doc = doc
        self.editor = Editor(doc, self)
        self.editor.failed.connect(self._edit_failed)
        self.editor.stack.indexChanged.connect(self._stack_moved)
        self._stack_index = self.editor.stack.index()
        self.view = PlanView(self.editor)
        self.keputusan_view = install_keputusan_tab(self.view, self.editor)
        self.view.current_changed.connect(self.update_actions)
        self.view.checked.connect(self._show_check_status)
        self.view.identity_requested.connect(self.files.edit_identity)
        self.view.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        a = self.actions
        self.view.addActions([a.tambah_sejenis, a.tambah_turunan, a.naikkan, a.turunkan])
        self.view.tree.addAction(a.hapus)
        self.view.restore_splitter(settings.get(settings.SPLITTER))
        header = settings.get(settings.TREE_HEADER)
        if not header.isEmpty() and self.view.tree.header().restoreState(header):
            self.view.tree.set_target_width(self.view.tree.header().sectionSize(1))
        self.view.tabs.setCurrentIndex(0)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.editor.changed.connect(self._doc_changed)
        if remember:
            settings.add_recent(str(doc.path))
        self._update_title()
        self._update_counts()
        self.saved_label.setText(self.tr("Hanya baca") if doc.readonly else self.tr("Semua perubahan tersimpan"))
        self.statusBar().showMessage(self.tr("Dibuka: %s") % doc.path, 5000)
        self.update_actions()
        QTimer.singleShot(0, self.view.focus_tree)

    def close_document(self) -> None:
        if self.doc is None:
            return
        self.commit_pending()
        self._save_view_state()
        view, doc = self.view, self.doc
        self.view = None
        self.doc = None
        self.stack.removeWidget(view)
        view.deleteLater()
        if self.editor is not None:
            self.editor.stack.indexChanged.disconnect(self._stack_moved)
            self.editor.failed.disconnect(self._edit_failed)
            self.editor.deleteLater()
            self.editor = None
        doc.close()
        remove_demo_copy(doc.path)   # a demo copy is thrown away with its session
        self._show_welcome()

    def _show_welcome(self) -> None:
        self.welcome.set_recent(settings.recent_files())
        self.stack.setCurrentWidget(self.welcome)
        self.setWindowTitle("ZI Desktop")
        self.counts_label.setText("")
        self.saved_label.setText("")
        self.check_status.hide()
        self.update_actions()

    def commit_pending(self) -> None:
        if self.view is not None:
            self.view.form.commit()

    # --- editing ------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.editor is not None and not self.doc.readonly:
            self.commit_pending()
            self.editor.undo()

    def redo(self) -> None:
        if self.editor is not None and not self.doc.readonly:
            self.commit_pending()
            self.editor.redo()

    def delete_current(self) -> None:
        if self.view is None:
            return
        node = self.view.current_node()
        if node is None:
            return
        if self.view.delete_current():
            self.statusBar().showMessage(
                self.tr("Dihapus. Tekan Ctrl+Z untuk mengembalikannya."), 8000)
        self.update_actions()

    def _stack_moved(self, index: int) -> None:
        stack = self.editor.stack
        if index > self._stack_index:
            text = self.tr("Tersimpan: %s") % stack.text(index - 1)
        elif index < self._stack_index:
            text = self.tr("Tersimpan (diurungkan): %s") % stack.text(index)
        else:
            text = self.tr("Tersimpan")
        self._stack_index = index
        self.statusBar().showMessage(text, 8000)
        self.saved_label.setText(self.tr("Semua perubahan tersimpan"))
        self.update_actions()

    def _edit_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if self.doc is not None:  # the last change is not on disk; a file that can no
            # longer be written has made the document read-only
            self.saved_label.setText(self.tr("Hanya baca") if self.doc.readonly
                                     else self.tr("Perubahan terakhir tidak tersimpan"))
            if self.doc.readonly:
                self._update_title()
                self.view.form.set_readonly(True)
                self.update_actions()
        dialogs_id.warn(self, self.tr("Perubahan tidak disimpan"), message)

    def _doc_changed(self, changes: list[Change], _initiator=None) -> None:
        if any(c.kind in ("insert", "remove", "move") for c in changes):
            self._update_counts()
        if any(c.kind == "identitas" for c in changes):
            self._update_title()

    def _show_check_status(self, galat: int, peringatan: int) -> None:
        """The status bar's word on completeness; a click (or F7) shows the findings."""
        style = self.style()
        if galat:
            text, icon = self.tr("%d galat") % galat, QStyle.SP_MessageBoxCritical
        elif peringatan:
            text, icon = self.tr("%d peringatan") % peringatan, QStyle.SP_MessageBoxWarning
        else:
            text, icon = self.tr("Lengkap"), QStyle.SP_DialogApplyButton
        self.check_status.setText(text)
        self.check_status.setIcon(style.standardIcon(icon))
        self.check_status.setToolTip(self.tr("Periksa Kelengkapan: %s (F7)")
                                     % (self.view.check.summary.text() if self.view else text))
        self.check_status.show()

    def _update_counts(self) -> None:
        if self.view is None:
            return
        n = self.view.counts()
        self.counts_label.setText(self.tr("%d area · %d komponen · %d indikator · %d langkah aksi")
                                  % (n["area"], n["komponen"], n["indikator"], n["aksi"]))

    def _update_title(self) -> None:
        if self.doc is None:
            return
        ident = self.doc.identitas()
        name = os.path.basename(str(self.doc.path))
        head = " ".join(f"{ident.get('satker', '')} {ident.get('tahun', '')}".split())
        flag = self.tr(" [hanya baca]") if self.doc.readonly else ""
        self.setWindowTitle(f"{head} — {name}{flag} — ZI Desktop" if head else f"{name}{flag} — ZI Desktop")

    def update_actions(self) -> None:
        a = self.actions
        has_doc = self.doc is not None and self.view is not None
        writable = has_doc and not self.doc.readonly
        for action in a.document_actions():
            action.setEnabled(has_doc)
        node = self.view.current_node() if has_doc else None
        a.tambah_sejenis.setEnabled(writable)
        a.tambah_turunan.setEnabled(writable and self.view.can_add_child())
        a.hapus.setEnabled(writable and node is not None)
        a.naikkan.setEnabled(writable and self.view.can_move(-1))
        a.turunkan.setEnabled(writable and self.view.can_move(1))
        stack = self.editor.stack if self.editor is not None else None
        a.urungkan.setEnabled(writable and stack is not None and stack.canUndo())
        a.ulangi.setEnabled(writable and stack is not None and stack.canRedo())
        a.urungkan.setText(self.tr("&Urungkan %s") % stack.undoText().lower()
                           if stack is not None and stack.canUndo() else self.tr("&Urungkan"))
        a.ulangi.setText(self.tr("U&langi %s") % stack.redoText().lower()
                         if stack is not None and stack.canRedo() else self.tr("U&langi"))
        a.tahun_berikutnya.setEnabled(has_doc)
        self._name_add_actions(node, has_doc)

    def _name_add_actions(self, node, has_doc: bool) -> None:
        """The add commands say what they add, following the selection: on an indikator
        "Tambah Indikator" (Ins) and "Tambah Langkah Aksi" (Ctrl+Ins)."""
        a = self.actions
        level = node.level if node is not None else "area"
        child = LEVELS[level].child if node is not None else None
        sibling = self.tr("Tambah %s") % LEVELS[level].label.title()
        a.tambah_sejenis.setText(sibling if has_doc else self.tr("Tambah &Sejenis"))
        a.tambah_sejenis.setIconText(sibling if has_doc else self.tr("Tambah"))
        a.tambah_sejenis.setToolTip(f"{a.tambah_sejenis.iconText()} (Ins)")
        a.tambah_turunan.setVisible(child is not None or not has_doc)
        if child is not None:
            inner = self.tr("Tambah %s") % LEVELS[child].label.title()
            a.tambah_turunan.setText(self.tr("%s di Dalamnya") % inner)
            a.tambah_turunan.setIconText(inner)
            a.tambah_turunan.setToolTip(self.tr("%s ke %s ini (Ctrl+Ins)") % (inner, LEVELS[level].label.lower()))

    # --- recent files -------------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = settings.recent_files()
        for i, path in enumerate(paths, 1):
            action = self.recent_menu.addAction(f"&{i}  {os.path.basename(path)}")
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not paths:
            empty = self.recent_menu.addAction(self.tr("(belum ada)"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Kosongkan Daftar"))
            clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        settings.clear_recent()
        self.welcome.set_recent([])

    # --- help ---------------------------------------------------------------------------------

    def show_about(self) -> None:
        dialogs_id.about(self, self.tr("Tentang ZI Desktop"), self.tr(
            "<h3>ZI Desktop %s</h3><p>Menyusun, mencetak dan memantau Rencana Aksi Pembangunan "
            "Zona Integritas menuju WBK/WBBM (PermenPANRB 90/2021 jo. 5/2024).</p>"
            "<p>Setiap perubahan langsung tersimpan di berkas rencana (.zidb); "
            "Ctrl+Z mengurungkannya.</p>") % __version__)

    def show_shortcuts(self) -> None:
        rows = [
            ("Ins", self.tr("tambah butir sejenis di bawah butir terpilih")),
            ("Ctrl+Ins", self.tr("tambah turunan (area → komponen → indikator → langkah aksi)")),
            ("Del", self.tr("hapus butir terpilih beserta isinya")),
            ("Alt+↑ / Alt+↓", self.tr("naikkan / turunkan butir (juga ke induk sebelumnya/berikutnya)")),
            ("Enter / F2", self.tr("pindah ke isian butir terpilih")),
            ("Tab", self.tr("isian berikutnya")),
            ("Ctrl+Enter", self.tr("simpan isian yang sedang diketik")),
            ("Esc", self.tr("simpan isian lalu kembali ke pohon")),
            (self.tr("← → lalu Spasi"), self.tr("pilih bulan pelaksanaan di baris bulan")),
            ("Ctrl+Z / Ctrl+Y", self.tr("urungkan / ulangi")),
            ("Ctrl+F", self.tr("cari di seluruh rencana")),
            ("Ctrl+1 / 2 / 3", self.tr("pohon / isian / jadwal")),
            ("F7 / Ctrl+4", self.tr("periksa kelengkapan: daftar isian yang belum lengkap")),
            ("Ctrl+P", self.tr("cetak Lampiran")),
        ]
        table = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in rows)
        dialogs_id.inform(self, self.tr("Pintasan Papan Ketik"), f"<table>{table}</table>")

    # --- window state -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = settings.get(settings.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen()
            if screen is not None:
                area = screen.availableGeometry()
                self.resize(min(1280, area.width() - 40), min(820, area.height() - 60))
            else:
                self.resize(1280, 820)
        self._fit_to_screen()
        state = settings.get(settings.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.actions.bilah_alat.setChecked(self.toolbar.isVisibleTo(self) or state.isEmpty())

    def _fit_to_screen(self) -> None:
        """A size saved on a bigger screen is cut to this one (and the window kept on it)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        area = screen.availableGeometry()
        width, height = min(self.width(), area.width()), min(self.height(), area.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), area.left()), area.right() - width + 1)
        y = min(max(self.y(), area.top()), area.bottom() - height + 1)
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    def _save_view_state(self) -> None:
        if self.view is not None:
            settings.put(settings.SPLITTER, self.view.splitter.saveState())
            settings.put(settings.TREE_HEADER, self.view.tree.header().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_pending()
        self.files.close_summary()
        settings.put(settings.GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        self.close_document()
        settings.sync()
        event.accept()
