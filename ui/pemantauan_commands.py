"""Berkas ▸ Laporan Pemantauan… and Berkas ▸ Keluarkan Semua Bukti Dukung…: the window's side of
``zi-desktop laporan`` and ``zi-desktop bukti --keluarkan`` (the same core functions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from zi_desktop.pemantauan.admission import mb
from zi_desktop.pemantauan.files import keluarkan_semua
from zi_desktop.pemantauan.store import evidence_total


class PemantauanCommands(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def files(self):
        return self.window.files    # busy(), fail(), ask_save() of the file commands

    def laporan(self) -> bool:
        doc = self.window.doc
        if doc is None:
            return False
        self.window.commit_pending()
        src = Path(doc.path)
        target = QFileDialog.getSaveFileName(
            self.window, self.tr("Laporan Pemantauan"), str(src.with_name(f"{src.stem} - Laporan Monev.pdf")),
            self.tr("PDF (*.pdf);;Buku kerja Excel (*.xlsx)"))[0]
        if not target:
            return False
        if not target.lower().endswith((".pdf", ".xlsx")):
            target += ".pdf"
        sampai = getattr(getattr(self.window.view, "pemantauan", None), "sampai", None)
        month = sampai.currentData() if sampai is not None else None
        try:
            with self.files.busy(self.tr("Menyusun Laporan Monitoring dan Evaluasi…")):
                from zi_desktop.pemantauan.laporan import build_laporan  # ReportLab, openpyxl: ~0.5 s
                build_laporan(doc.to_dict(ids=True), target, sampai=month)
        except Exception as err:  # noqa: BLE001 — every failure is told to the user
            self.files.fail(self.tr("Laporan Pemantauan gagal"), err)
            return False
        self.window.statusBar().showMessage(self.tr("Laporan disimpan: %s") % target, 10000)
        return True

    def keluarkan(self) -> bool:
        doc = self.window.doc
        if doc is None:
            return False
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Keluarkan Semua Bukti Dukung ke Folder"))
        if not folder:
            return False
        target = Path(folder)
        if any(target.iterdir()):   # a chosen folder with files: put the tree in a new folder inside
            target = target / f"Bukti dukung {Path(doc.path).stem}"
        try:
            with self.files.busy(self.tr("Menulis bukti dukung…")):
                written = keluarkan_semua(doc, target)
        except Exception as err:  # noqa: BLE001
            self.files.fail(self.tr("Keluarkan bukti dukung gagal"), err)
            return False
        QMessageBox.information(self.window, self.tr("Keluarkan Semua Bukti Dukung"), self.tr(
            "%d bukti dukung ditulis ke folder:\n%s\n\nSetiap berkas diawali nomor langkah aksinya dan bulannya, "
            "dalam folder per area, komponen dan indikator.") % (len(written), target))
        return True

    def ask_leave_out_evidence(self) -> bool | None:
        """Kirim ke Provinsi: a plan with evidence asks whether the bytes go along (True: leave
        them out, as ``pack --tanpa-bukti``; None: cancelled). Without evidence: False, no question."""
        size = evidence_total(self.window.doc.conn)
        if not size:
            return False
        box = QMessageBox(QMessageBox.Question, self.tr("Kirim ke Provinsi"), self.tr(
            "Rencana ini memuat %s bukti dukung.\n\nSertakan: berkas kiriman memuat semua bukti "
            "(untuk diska lepas).\nTanpa bukti: hanya nama, ukuran dan sidik jari bukti (berkas kecil, "
            "untuk surel).") % mb(size), parent=self.window)
        with_files = box.addButton(self.tr("Sertakan bukti"), QMessageBox.AcceptRole)
        without = box.addButton(self.tr("Tanpa bukti"), QMessageBox.ActionRole)
        box.addButton(self.tr("Batal"), QMessageBox.RejectRole)
        box.setDefaultButton(with_files)
        box.exec()
        clicked = box.clickedButton()
        if clicked is with_files or clicked is None:   # stubbed dialogs click nothing: the default
            return False
        return True if clicked is without else None
