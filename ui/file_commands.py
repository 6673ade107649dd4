"""The Berkas menu: new, open, import, next year's plan, copies, the province, Excel, print.

Each command calls its core module (imported when first used, so the window starts fast).
Every refusal from the core is its own Indonesian sentence.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from zi_desktop.atomic import write_beside
from zi_desktop.checks import GALAT, check_plan
from zi_desktop.demo import is_demo_copy
from zi_desktop.document import Dokumen
from zi_desktop.edits import SetIdentitas
from zi_desktop.errors import ZiError
from zi_desktop.year_texts import old_year_texts

from . import dialogs_id, os_errors, settings
from .background import run_busy
from .external import open_externally
from .identity_dialog import IdentityDialog
from .import_report import ImportReportDialog
from .new_plan_dialog import NewPlanDialog, default_file_name, plans_folder
from .print_dialog import PrintDialog

ReportDialog = ImportReportDialog     # the import report: notes with their places, jump to each


def describe(value) -> str:
    """Import report/warnings of any simple shape → readable lines."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(f"{k}: {describe(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "\n".join(f"• {describe(v)}" for v in value)
    for attr in ("message", "text"):
        if isinstance(getattr(value, attr, None), str):
            return getattr(value, attr)
    return str(value)


def clipboard_texts() -> list[str]:
    """What the clipboard holds, in the order to try it: the plain text (tab-separated from
    Word and Excel), then the HTML they also put there (the only text some programs give)."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return []
    texts = [mime.text()] if mime.hasText() and mime.text().strip() else []
    if mime.hasHtml() and mime.html().strip():
        texts.append(mime.html())
    return texts


class FileCommands(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.summary_dialog = None
        self.report_dialog = None

    # --- helpers ------------------------------------------------------------------------------

    @property
    def doc(self) -> Dokumen | None:
        return self.window.doc

    def folder(self) -> str:
        """Where file dialogs start: the open plan's folder, else the last one used, else the
        user's plans folder — never the temporary folder of the demo copy."""
        if self.doc is not None and not is_demo_copy(self.doc.path):
            return str(Path(self.doc.path).resolve().parent)
        last = settings.get(settings.LAST_FOLDER)
        if last and os.path.isdir(last) and not is_demo_copy(last):
            return last
        return plans_folder()

    def beside(self, name: str) -> str:
        """A file to save next to the plan (in the plans folder for the demo copy)."""
        return os.path.join(self.folder(), name)

    def fail(self, title: str, err: Exception, parent=None) -> None:
        if isinstance(err, ZiError):
            message = err.message
        elif isinstance(err, OSError):
            message = self.tr("Berkas tidak dapat dibaca atau ditulis: %s.") % os_errors.reason(err)
        else:  # a bug, not the user's doing: say so, and leave the details for the log
            traceback.print_exception(err, file=sys.stderr)
            message = self.tr("Terjadi kesalahan tak terduga (%s: %s). Berkas rencana tidak berubah.") % (
                type(err).__name__, err)
        self.window.statusBar().showMessage(message, 10000)
        dialogs_id.warn(parent or self.window, title, message)

    @contextlib.contextmanager
    def busy(self, message: str):
        self.window.statusBar().showMessage(message)
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        QApplication.processEvents()
        try:
            yield
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.window.statusBar().clearMessage()

    def in_background(self, message: str, fn):
        """Work on plain data (not the open plan's connection) off the window's thread; a
        progress window says ``message`` when it takes over a second."""
        self.window.statusBar().showMessage(message)
        try:
            return run_busy(self.window, message, fn)
        finally:
            self.window.statusBar().clearMessage()

    def ask_save(self, title: str, suggested: str, filter_: str, suffix: str) -> str | None:
        path = dialogs_id.save_file(self.window, title, suggested, filter_)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        return path

    def _create_and_open(self, target: str, plan: dict, peristiwa: str, keterangan: str) -> bool:
        try:
            with self.busy(self.tr("Membuat berkas rencana…")):
                doc = Dokumen.create_from_plan(target, plan, peristiwa=peristiwa, keterangan=keterangan)
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("Rencana tidak dapat dibuat"), err)
            return False
        self.window.set_document(doc)
        return True

    # --- new / open ---------------------------------------------------------------------------

    def new_plan(self) -> bool:
        self.window.commit_pending()
        from zi_desktop.template import template_plan
        dialog = NewPlanDialog(self.folder(), parent=self.window)
        if dialog.exec() != QDialog.Accepted:
            return False
        name, inovasi = dialog.template()
        satker, tahun = " ".join(dialog.satker.text().split()), dialog.tahun.value()
        try:
            plan = template_plan(name, tahun, satker, inovasi=inovasi)
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("Rencana tidak dapat dibuat"), err)
            return False
        return self._create_and_open(dialog.target(), plan, "dibuat",
                                     "templat standar" if name == "standar" else "rencana kosong")

    def open_dialog(self) -> bool:
        path = dialogs_id.open_file(self.window, self.tr("Buka Rencana"), self.folder(),
                                              self.tr("Rencana ZI (*.zidb);;Semua berkas (*)"))
        return bool(path) and self.window.open_path(path)

    def open_demo(self) -> bool:
        from zi_desktop.demo import demo_copy
        return self.window.open_path(str(demo_copy()))

    # --- import / next year -------------------------------------------------------------------

    IMPORT_FILTER = "Lampiran (*.docx *.pdf *.txt *.md *.html *.htm *.csv *.tsv *.xlsx);;Semua berkas (*)"
    IMPORT_SUFFIXES = (".docx", ".doc", ".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".csv",
                       ".tsv", ".xlsx", ".xlsm")

    def import_file(self) -> bool:
        source = dialogs_id.open_file(
            self.window, self.tr("Impor Lampiran"), self.folder(), self.tr(self.IMPORT_FILTER))
        if not source:
            return False
        return self.import_path(source)

    def import_path(self, source: str) -> bool:
        """Import one file (from Berkas ▸ Impor, or dropped on the window)."""
        from zi_desktop.importer import import_file
        self.window.commit_pending()
        name = os.path.basename(source)
        return self._import(lambda: import_file(source), self.tr("Membaca %s…") % name,
                            lambda _result: str(Path(source).with_suffix(".zidb")),
                            self.tr("Lampiran \"%s\"") % name, name)

    def drop_paths(self, paths: list[str]) -> bool:
        """Files dropped on the window: a plan opens, a decree or Lampiran is imported."""
        for path in paths[:1]:
            if path.lower().endswith(".zidb"):
                return self.window.open_path(path)
            if path.lower().endswith(self.IMPORT_SUFFIXES):
                return self.import_path(path)
        return False

    def show_item(self, jalur: str, plan_path: str | None = None) -> bool:
        """Select the item of an import note (``I.2.3.1``) in the plan tree — of the imported
        plan only (another plan opened since has other items at those places)."""
        from zi_desktop.importer.report import item_at
        if self.doc is None or self.window.view is None:
            return False
        if plan_path is not None and os.path.abspath(str(self.doc.path)) != os.path.abspath(plan_path):
            self.window.statusBar().showMessage(self.tr(
                "Catatan impor ini untuk rencana \"%s\", yang tidak sedang dibuka.")
                % os.path.basename(plan_path), 8000)
            return False
        found = item_at(self.doc.to_dict(ids=True), jalur)
        if found is None:
            self.window.statusBar().showMessage(self.tr("Butir %s tidak ada lagi di rencana.") % jalur, 8000)
            return False
        self.window.activateWindow()
        return self.window.view.select(*found)

    def import_clipboard(self) -> bool:
        """Berkas ▸ Impor dari Papan Klip: the Lampiran table copied from Word or Excel (their
        plain text is tab-separated; the HTML they also put there is tried when the plain text
        holds no table, or is all there is)."""
        from zi_desktop.importer import import_text
        self.window.commit_pending()
        texts = clipboard_texts()
        if not texts:
            dialogs_id.inform(self.window, self.tr("Impor dari Papan Klip"), self.tr(
                "Papan klip kosong. Di Word atau Excel, pilih seluruh tabel Lampiran lalu tekan Ctrl+C; "
                "setelah itu pilih lagi Berkas ▸ Impor dari Papan Klip."))
            return False

        def suggest(result) -> str:
            rencana = result.plan.get("rencana", {})
            return os.path.join(self.folder(), default_file_name(str(rencana.get("satker", "")),
                                                                 int(rencana.get("tahun") or 0) or
                                                                 _dt.date.today().year))

        def read():
            first = None
            for text in texts:
                try:
                    return import_text(text)
                except ZiError as err:   # no table in the plain text: the HTML may hold it
                    first = first or err
            raise first

        return self._import(read, self.tr("Membaca tabel dari papan klip…"), suggest,
                            self.tr("Lampiran dari papan klip"), "papan klip")

    def _import(self, read, busy: str, suggest, what: str, keterangan: str) -> bool:
        """The one path of every import: read, ask where to save, create and open the plan,
        then show what the importer reported and what it asks to check."""
        try:
            result = self.in_background(busy, read)
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("Lampiran tidak dapat diimpor"), err)
            return False
        target = self.ask_save(self.tr("Simpan hasil impor sebagai rencana"), suggest(result),
                               self.tr("Rencana ZI (*.zidb)"), ".zidb")
        if not target or not self._create_and_open(target, result.plan, "diimpor", keterangan):
            return False
        report = describe(getattr(result, "report", None))
        warnings = describe(getattr(result, "warnings", None))
        text = report + (("\n\n" + self.tr("Perlu diperiksa:") + "\n" + warnings) if warnings else "")
        dialog = ReportDialog(self.tr("Hasil Impor"), self.tr(
            "%s telah diimpor ke \"%s\". Periksa catatan berikut, lalu lengkapi "
            "isian yang belum ada (F7: Periksa Kelengkapan).") % (what, os.path.basename(target)),
            text.strip() or self.tr("Tidak ada catatan."), self.window,
            catatan=getattr(result, "catatan", ()))
        if self.report_dialog is not None:
            self.report_dialog.close()
        dialog.jump.connect(lambda jalur, plan=str(target): self.show_item(jalur, plan))
        self.report_dialog = dialog          # non-modal: it stays beside the window while the user checks
        dialog.show()
        return True

    def next_year(self) -> bool:
        if self.doc is None:
            return False
        self.window.commit_pending()
        from zi_desktop.next_year import next_year_plan
        ident = self.doc.identitas()
        tahun = dialogs_id.get_int(self.window, self.tr("Rencana Tahun Berikutnya"), self.tr(
            "Susunan area, komponen, indikator dan langkah aksi disalin ke rencana baru; "
            "bulan pelaksanaan digeser ke tahun baru.\n\nTahun rencana baru:"),
            int(ident["tahun"]) + 1, 1900, 2999)
        if tahun is None:
            return False
        try:
            plan = next_year_plan(self.doc.to_dict(), tahun)
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("Rencana tidak dapat dibuat"), err)
            return False
        target = self.ask_save(self.tr("Simpan rencana tahun %d") % tahun,
                               os.path.join(self.folder(), default_file_name(ident.get("satker", ""), tahun)),
                               self.tr("Rencana ZI (*.zidb)"), ".zidb")
        if not target:
            return False
        if not self._create_and_open(target, plan, "dibuat", f"dari rencana tahun {ident['tahun']}"):
            return False
        left = len(old_year_texts(plan))
        if left:   # kept as written: the user decides, in Periksa, which ones to change
            self.window.statusBar().showMessage(self.tr(
                "%d teks masih menyebut tahun %d — lihat Periksa (F7) untuk menggantinya.")
                % (left, tahun - 1), 15000)
        return True

    # --- copies and exchange ------------------------------------------------------------------

    def save_copy(self) -> bool:
        if self.doc is None:
            return False
        self.window.commit_pending()
        src = Path(self.doc.path)
        target = self.ask_save(self.tr("Simpan Salinan Sebagai"),
                               self.beside(f"{src.stem} - salinan.zidb"),
                               self.tr("Rencana ZI (*.zidb)"), ".zidb")
        if not target:
            return False
        try:
            plan = self.doc.to_dict()
            self.in_background(self.tr("Menyimpan salinan…"), lambda: Dokumen.create_from_plan(
                target, plan, peristiwa="disalin", keterangan=f"salinan dari {src.name}").close())
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("Salinan tidak dapat disimpan"), err)
            return False
        self.window.statusBar().showMessage(self.tr("Salinan disimpan: %s (Anda tetap bekerja di berkas ini)")
                                            % target, 10000)
        return True

    def send_to_province(self) -> bool:
        if self.doc is None:
            return False
        self.window.commit_pending()
        from zi_desktop.exchange.pack import default_name, pack
        findings = check_plan(self.doc.to_dict(ids=True))
        if not self._send_despite(findings):
            return False
        name = default_name(self.doc.identitas())
        target = self.ask_save(self.tr("Kirim ke Provinsi — simpan berkas kiriman"),
                               os.path.join(self.folder(), name), self.tr("Rencana ZI (*.zidb)"), ".zidb")
        if not target:
            return False
        tanpa_bukti = self.window.pemantauan.ask_leave_out_evidence()
        if tanpa_bukti is None:
            return False
        try:
            source = str(self.doc.path)
            out = self.in_background(self.tr("Menyiapkan berkas untuk provinsi…"), lambda: pack(source, target, tanpa_bukti=tanpa_bukti))
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("Berkas kiriman tidak dapat dibuat"), err)
            return False
        galat = sum(f.tingkat == GALAT for f in findings)
        peringatan = len(findings) - galat
        if galat or peringatan:
            state = self.tr("Rencana ini masih memiliki %d galat dan %d peringatan (lihat Periksa, F7); "
                            "provinsi akan melihatnya juga.") % (galat, peringatan)
        else:
            state = self.tr("Periksa Kelengkapan tidak menemukan kekurangan.")
        dialogs_id.inform(self.window, self.tr("Kirim ke Provinsi"), self.tr(
            "Berkas kiriman sudah siap:\n%s\n\n%s\n\nKirimkan berkas ini ke KPU Provinsi "
            "(lewat surel atau diska lepas).") % (out, state))
        return True

    def _send_despite(self, findings) -> bool:
        """A plan with galat goes out only when the user says so; "Perbaiki dulu" (the default,
        also Esc) shows the list of findings instead."""
        galat = [f for f in findings if f.tingkat == GALAT]
        if not galat:
            return True
        shown = galat[:12]
        lines = [f"• {f.jalur}: {f.pesan}" if f.jalur else f"• {f.pesan}" for f in shown]
        if len(galat) > len(shown):
            lines.append(self.tr("… dan %d galat lainnya.") % (len(galat) - len(shown)))
        answer = dialogs_id.choose(
            self.window, self.tr("Kirim ke Provinsi"),
            self.tr("Rencana ini belum lengkap: ada %d galat. Provinsi akan menerima Lampiran "
                    "yang belum lengkap.") % len(galat),
            [self.tr("Perbaiki dulu"), self.tr("Kirim tetap")], default=0, details="\n".join(lines))
        if answer == 1:
            return True
        view = self.window.view
        if view is not None:
            view.show_check()
        return False

    def export_excel(self) -> bool:
        from zi_desktop.exchange.export_xlsx import export_xlsx
        return self._export(export_xlsx, self.tr("Ekspor ke Excel"), self.tr("Lampiran"), ".xlsx",
                            self.tr("Buku kerja Excel (*.xlsx)"),
                            self.tr("Menyimpan buku kerja Excel…"), self.tr("Excel"),
                            self.tr("Lampiran disimpan sebagai buku kerja Excel"))

    def export_word(self) -> bool:
        """Berkas ▸ Ekspor ke Word: the whole decree as .docx (zi_desktop.keputusan.docx)."""
        from zi_desktop.keputusan.docx import export_docx
        return self._export(export_docx,
                            self.tr("Ekspor ke Word"), self.tr("Keputusan"), ".docx",
                            self.tr("Dokumen Word (*.docx)"), self.tr("Menyimpan dokumen Word…"),
                            self.tr("Word"), self.tr("Keputusan lengkap disimpan sebagai dokumen Word"))

    def _export(self, export, title: str, part: str, suffix: str, filter_: str, busy: str,
                kind: str, done: str) -> bool:
        if self.doc is None:
            return False
        self.window.commit_pending()
        src = Path(self.doc.path)
        target = self.ask_save(title, self.beside(f"{src.stem} - {part}{suffix}"), filter_, suffix)
        if not target:
            return False
        try:
            plan = self.doc.to_dict()
            self.in_background(busy, lambda: export(plan, target))
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("%s gagal") % title, err)
            return False
        self.window.statusBar().showMessage(self.tr("Disimpan sebagai %s: %s") % (kind, target), 10000)
        if dialogs_id.ask_yes_no(self.window, title, self.tr("%s:\n%s\n\nBuka sekarang?") % (done, target)):
            open_externally(target)
        return True

    def province_summary(self):
        """Berkas ▸ Rekap Provinsi: one window, kept while the program runs (its rows stay
        when a plan is opened from it)."""
        if self.summary_dialog is None:
            from .summary_dialog import SummaryDialog
            self.summary_dialog = SummaryDialog(self)
        dialog = self.summary_dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if not dialog.sources:
            dialog.choose_folder()
        return dialog

    def close_summary(self) -> None:
        if self.summary_dialog is not None:
            self.summary_dialog.close()
            self.summary_dialog.deleteLater()
            self.summary_dialog = None

    # --- print and identity -------------------------------------------------------------------

    def print_lampiran(self) -> bool:
        if self.doc is None:
            return False
        self.window.commit_pending()
        from zi_desktop.lampiran import build_lampiran
        plan = self.doc.to_dict()
        dialog = PrintDialog(plan["rencana"].get("cetak", {}), parent=self.window, plan=plan,
                             build=build_lampiran)
        if self.doc.readonly:
            dialog.remember.setChecked(False)
            dialog.remember.setEnabled(False)
        accepted = dialog.exec() == QDialog.Accepted
        remember = dialog.identity_changes() if accepted or dialog.printed else {}
        if remember and not self.doc.readonly:
            self.window.editor.push(SetIdentitas(remember))
        if not accepted:
            return bool(dialog.printed)
        options = dialog.options()
        ready = None
        if dialog.preview is not None and dialog.preview.wait() and dialog.preview.error is None:
            ready = dialog.preview.pdf        # the previewed PDF is the one to save
        if dialog.whole.isChecked():    # the whole decree: body, chapters, then the table
            from zi_desktop.keputusan.pdf import build_keputusan as build_lampiran
            ready = None
        src = Path(self.doc.path)
        target = self.ask_save(self.tr("Simpan PDF Lampiran"), self.beside(f"{src.stem} - Lampiran.pdf"),
                               self.tr("Dokumen PDF (*.pdf)"), ".pdf")
        if not target:
            return False
        try:
            with write_beside(target, prefix=".zi-cetak-") as tmp:
                if ready:  # the previewed PDF is the one saved
                    with open(tmp, "wb") as fh:
                        fh.write(ready)
                    result = dialog.preview.result
                else:
                    result = self.in_background(self.tr("Membuat PDF Lampiran…"),
                                                lambda: build_lampiran(plan, tmp, **options))
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.fail(self.tr("PDF tidak dapat dibuat"), err)
            return False
        pages = getattr(result, "pages", None)
        self.window.statusBar().showMessage(
            self.tr("Lampiran disimpan: %s (%s halaman)") % (target, pages if pages is not None else "?"), 10000)
        if not open_externally(target):
            dialogs_id.inform(self.window, self.tr("Cetak Lampiran"), self.tr(
                "PDF Lampiran disimpan di:\n%s\n\nBuka berkas itu dengan penampil PDF untuk mencetak.") % target)
        return True

    def edit_identity(self) -> bool:
        if self.doc is None:
            return False
        self.window.commit_pending()
        dialog = IdentityDialog(self.doc.identitas_flat(), readonly=self.doc.readonly, parent=self.window)
        if dialog.exec() != QDialog.Accepted:
            return False
        edit = dialog.edit()
        if edit is None:
            return False
        return self.window.editor.push(edit)
