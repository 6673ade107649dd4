"""Every command of the window as a QAction: Indonesian text, shortcut, icon, status tip.

The window connects them; menus and the toolbar only arrange them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap
TI = QIcon.ThemeIcon


def _icon(theme, standard) -> QIcon:
    fallback = QApplication.style().standardIcon(standard)
    return QIcon.fromTheme(theme, fallback) if theme is not None else fallback


def app_icon(widget=None) -> QIcon:
    """The program's icon (resources/icons), or a standard one when it is missing."""
    from zi_desktop.paths import resource
    path = resource("icons", "zi-desktop.png")
    if path.is_file():
        return QIcon(str(path))
    return QApplication.style().standardIcon(SP.SP_FileDialogDetailedView)


class Actions(QObject):
    """Attributes hold the actions (``actions.baru``, ``actions.urungkan`` …)."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        tr = self.tr
        make = self._make
        # Berkas
        self.baru = make(tr("&Baru…"), QKeySequence.New, (TI.DocumentNew, SP.SP_FileIcon),
                         tr("Membuat rencana aksi baru (dari templat standar atau kosong)"))
        self.buka = make(tr("&Buka…"), QKeySequence.Open, (TI.DocumentOpen, SP.SP_DialogOpenButton),
                         tr("Membuka berkas rencana (.zidb)"))
        self.impor = make(tr("&Impor…"), None, (None, SP.SP_ArrowDown),
                          tr("Membuat rencana dari Lampiran yang sudah ada (.txt atau .xlsx)"))
        self.impor_papan_klip = make(tr("Impor dari &Papan Klip…"), None, (TI.EditPaste, SP.SP_ArrowDown),
                                     tr("Membuat rencana dari tabel Lampiran yang disalin dari Word atau Excel"))
        self.tahun_berikutnya = make(tr("Buat Rencana &Tahun Berikutnya…"), None,
                                     (None, SP.SP_BrowserReload),
                                     tr("Menyalin rencana ini menjadi rencana tahun berikutnya"))
        self.simpan_salinan = make(tr("Simpan &Salinan Sebagai…"), QKeySequence.SaveAs,
                                   (TI.DocumentSaveAs, SP.SP_DialogSaveButton),
                                   tr("Menyimpan salinan rencana ini ke berkas lain"))
        self.kirim = make(tr("&Kirim ke Provinsi…"), None, (TI.DocumentSend, SP.SP_DriveNetIcon),
                          tr("Membuat satu berkas bersih untuk dikirim ke KPU Provinsi"))
        self.rekap_provinsi = make(tr("&Rekap Provinsi…"), None, (None, SP.SP_DirOpenIcon),
                                   tr("Merekap berkas rencana kiriman satuan kerja (.zidb) dari satu folder"))
        self.ekspor_excel = make(tr("&Ekspor ke Excel…"), None, (None, SP.SP_FileDialogDetailedView),
                                 tr("Menyimpan Lampiran sebagai buku kerja Excel (.xlsx)"))
        self.laporan_pemantauan = make(tr("&Laporan Pemantauan…"), None, (None, SP.SP_FileDialogInfoView),
                                       tr("Laporan Monitoring dan Evaluasi sampai bulan yang dipilih (.pdf atau .xlsx)"))
        self.keluarkan_bukti = make(tr("Keluarkan Semua &Bukti Dukung…"), None, (None, SP.SP_DirIcon),
                                    tr("Menulis semua bukti dukung ke satu folder, per area, komponen dan indikator"))
        self.cetak = make(tr("&Cetak Lampiran…"), QKeySequence.Print,
                          (TI.DocumentPrint, SP.SP_FileDialogContentsView),
                          tr("Membuat PDF Lampiran keputusan untuk dicetak"))
        self.identitas = make(tr("I&dentitas Rencana…"), QKeySequence("Ctrl+I"),
                              (TI.DocumentProperties, SP.SP_FileDialogInfoView),
                              tr("Satuan kerja, tahun, nomor dan tanggal keputusan, penanda tangan, pilihan cetak"))
        self.keluar = make(tr("&Keluar"), QKeySequence.Quit, (TI.ApplicationExit, SP.SP_DialogCloseButton),
                           tr("Menutup ZI Desktop (semua perubahan sudah tersimpan)"))
        self.keluar.setShortcut(QKeySequence("Ctrl+Q"))
        self.keluar.setMenuRole(QAction.QuitRole)
        # Sunting
        self.urungkan = make(tr("&Urungkan"), QKeySequence.Undo, (TI.EditUndo, SP.SP_ArrowBack),
                             tr("Membatalkan perubahan terakhir"))
        self.ulangi = make(tr("U&langi"), None, (TI.EditRedo, SP.SP_ArrowForward),
                           tr("Mengulangi perubahan yang dibatalkan"))
        self.ulangi.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.tambah_sejenis = make(tr("Tambah &Sejenis"), QKeySequence(Qt.Key_Insert),
                                   (TI.ListAdd, SP.SP_FileDialogNewFolder),
                                   tr("Menambah butir setingkat di bawah butir terpilih (Ins)"))
        self.tambah_turunan = make(tr("Tambah &Turunan"), QKeySequence("Ctrl+Ins"),
                                   (TI.FormatIndentMore, SP.SP_FileDialogToParent),
                                   tr("Menambah butir satu tingkat di bawah butir terpilih (Ctrl+Ins)"))
        self.tambah_turunan.setShortcuts([QKeySequence("Ctrl+Ins"), QKeySequence("Ctrl+Shift+N")])
        self.hapus = make(tr("&Hapus"), QKeySequence(Qt.Key_Delete), (TI.EditDelete, SP.SP_TrashIcon),
                          tr("Menghapus butir terpilih beserta isinya (dapat diurungkan)"))
        self.naikkan = make(tr("&Naikkan"), QKeySequence("Alt+Up"), (TI.GoUp, SP.SP_ArrowUp),
                            tr("Memindahkan butir satu tempat ke atas"))
        self.turunkan = make(tr("T&urunkan"), QKeySequence("Alt+Down"), (TI.GoDown, SP.SP_ArrowDown),
                             tr("Memindahkan butir satu tempat ke bawah"))
        self.sunting_isian = make(tr("Sunting &Isian"), QKeySequence(Qt.Key_F2), (None, SP.SP_FileDialogDetailedView),
                                  tr("Pindah ke isian pertama butir terpilih (F2)"))
        self.cari = make(tr("&Cari"), QKeySequence.Find, (TI.EditFind, SP.SP_FileDialogContentsView),
                         tr("Mencari teks di seluruh rencana"))
        # Lihat
        self.lihat_pohon = make(tr("&Pohon Rencana"), QKeySequence("Ctrl+1"), None,
                                tr("Pindah ke pohon rencana"))
        self.lihat_isian = make(tr("&Isian"), QKeySequence("Ctrl+2"), None, tr("Menampilkan isian butir terpilih"))
        self.lihat_jadwal = make(tr("&Jadwal"), QKeySequence("Ctrl+3"), None,
                                 tr("Menampilkan jadwal bulanan (Gantt)"))
        self.periksa = make(tr("&Periksa Kelengkapan"), QKeySequence(Qt.Key_F7),
                            (None, SP.SP_MessageBoxWarning),
                            tr("Menampilkan isian yang belum lengkap atau perlu dilihat lagi (F7)"))
        self.periksa.setShortcuts([QKeySequence(Qt.Key_F7), QKeySequence("Ctrl+4")])
        self.perluas = make(tr("&Buka Semua Cabang"), QKeySequence("Ctrl+Shift+Right"), None,
                            tr("Menampilkan semua butir di pohon"))
        self.ciutkan = make(tr("&Tutup Semua Cabang"), QKeySequence("Ctrl+Shift+Left"), None,
                            tr("Hanya menampilkan area dan komponen"))
        self.bilah_alat = make(tr("Bilah &Alat"), None, None, tr("Menampilkan atau menyembunyikan bilah alat"))
        self.bilah_alat.setCheckable(True)
        self.bilah_alat.setChecked(True)
        # Bantuan
        self.pintasan = make(tr("&Pintasan Papan Ketik"), QKeySequence.HelpContents,
                             (TI.InputKeyboard, SP.SP_DialogHelpButton),
                             tr("Daftar tombol untuk bekerja tanpa tetikus"))
        self.tentang = make(tr("&Tentang ZI Desktop"), None, (TI.HelpAbout, SP.SP_MessageBoxInformation),
                            tr("Versi dan keterangan program"))
        self.tentang.setMenuRole(QAction.AboutRole)

        # Structure commands act on the tree and the form only (Del must stay Delete in text).
        for action in (self.tambah_sejenis, self.tambah_turunan, self.naikkan, self.turunkan):
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.hapus.setShortcutContext(Qt.WidgetShortcut)
        # Short words on the toolbar; the menus say more (and change with the selection).
        for action, short in ((self.tambah_sejenis, tr("Tambah Sejenis")), (self.tambah_turunan, tr("Tambah Turunan")),
                              (self.identitas, tr("Identitas")), (self.cetak, tr("Cetak")),
                              (self.kirim, tr("Kirim ke Provinsi"))):
            action.setIconText(short)

    def _make(self, text: str, shortcut, icon, tip: str) -> QAction:
        action = QAction(text, self.parent())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(_icon(*icon))
        action.setStatusTip(tip)
        tip_text = text.replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.NativeText)
        action.setToolTip(f"{tip_text} ({keys})" if keys else tip_text)
        return action

    def document_actions(self) -> list[QAction]:
        """Enabled only while a plan is open."""
        return [self.tahun_berikutnya, self.simpan_salinan, self.kirim, self.ekspor_excel, self.cetak,
                self.laporan_pemantauan, self.keluarkan_bukti,
                self.identitas, self.cari, self.lihat_pohon, self.lihat_isian, self.lihat_jadwal, self.periksa,
                self.perluas, self.ciutkan, self.sunting_isian]

    def edit_actions(self) -> list[QAction]:
        """Enabled only while the open plan can be changed."""
        return [self.tambah_sejenis, self.tambah_turunan, self.hapus, self.naikkan, self.turunkan]
