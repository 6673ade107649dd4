"""Errors the user reads: one clear Indonesian sentence each, never a traceback."""

from __future__ import annotations


class ZiError(Exception):
    """A refusal the user must understand. ``str(err)`` is the Indonesian sentence."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BerkasDitolak(ZiError):
    """A file that is not a usable .zidb; it was not modified."""


def bukan_sqlite(path) -> BerkasDitolak:
    return BerkasDitolak(f"Berkas \"{path}\" bukan berkas rencana ZI Desktop; pilih berkas .zidb yang dibuat "
                         "ZI Desktop (Lampiran dari Word atau Excel dibuka lewat Berkas ▸ Impor).")


def bukan_berkas_zi(path) -> BerkasDitolak:
    return BerkasDitolak(f"Berkas \"{path}\" dibuat oleh program lain, bukan berkas rencana ZI Desktop; "
                         "pilih berkas rencana (.zidb) yang dibuat ZI Desktop.")


def berkas_kosong(path) -> BerkasDitolak:
    return BerkasDitolak(f"Berkas \"{path}\" kosong (0 byte) dan tidak berisi rencana.")


def berkas_rusak(path) -> BerkasDitolak:
    return BerkasDitolak(f"Berkas \"{path}\" rusak dan tidak dapat dibaca; mintalah salinan baru dari pengirimnya.")


def versi_lebih_baru(path, versi: int, dikenal: int) -> BerkasDitolak:
    return BerkasDitolak(
        f"Berkas \"{path}\" dibuat oleh ZI Desktop versi yang lebih baru (format {versi}, "
        f"program ini mengenal sampai format {dikenal}); perbarui ZI Desktop untuk membukanya.")


def berkas_diubah(path, rincian: str) -> BerkasDitolak:
    err = BerkasDitolak(
        f"Berkas \"{path}\" telah diubah di luar ZI Desktop ({rincian}) sehingga tidak dibuka; "
        "mintalah salinan baru dari pengirimnya.")
    err.rincian = rincian
    return err


def tidak_ditemukan(path) -> BerkasDitolak:
    return BerkasDitolak(f"Berkas \"{path}\" tidak ditemukan.")


class GagalSimpan(ZiError):
    """A change SQLite or the OS refused to write: rolled back, the file holds what it held.

    ``readonly``: the file can no longer be written (it turned read-only, the medium went
    away, it is damaged): the document switches to read-only."""

    def __init__(self, message: str, *, readonly: bool = False) -> None:
        super().__init__(message)
        self.readonly = readonly


_TIDAK_TERSIMPAN = "perubahan ini tidak tersimpan"
# SQLite primary result codes → (sentence, the file can no longer be written)
_SQLITE_GAGAL = {
    13: (f"Disk penuh — {_TIDAK_TERSIMPAN}. Kosongkan sebagian ruang disk, lalu ulangi.", False),
    5: (f"Berkas rencana sedang dikunci program lain — {_TIDAK_TERSIMPAN}. Tutup program itu "
        "(misalnya aplikasi sinkronisasi atau jendela lain), lalu ulangi.", False),
    8: (f"Berkas rencana tidak dapat ditulis lagi — {_TIDAK_TERSIMPAN}; rencana kini hanya dapat "
        "dibaca. Salin berkasnya ke folder yang bisa ditulis, lalu buka salinan itu.", True),
    10: (f"Gagal menulis ke disk — {_TIDAK_TERSIMPAN}; rencana kini hanya dapat dibaca. Periksa "
         "media penyimpanannya (flash disk tercabut?), lalu buka lagi berkasnya.", True),
    11: (f"Berkas rencana rusak — {_TIDAK_TERSIMPAN}; rencana kini hanya dapat dibaca.", True),
}
_SQLITE_GAGAL[6] = _SQLITE_GAGAL[5]                        # LOCKED
_SQLITE_GAGAL[3] = _SQLITE_GAGAL[14] = _SQLITE_GAGAL[8]    # PERM, CANTOPEN
_SQLITE_GAGAL[26] = _SQLITE_GAGAL[11]                      # NOTADB


def gagal_simpan(err: BaseException) -> GagalSimpan:
    """The sentence for a refused write (``sqlite3.Error`` or ``OSError``)."""
    import errno
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        found = _SQLITE_GAGAL.get(code & 0xFF)
    elif isinstance(err, OSError):
        found = _SQLITE_GAGAL[{errno.ENOSPC: 13, errno.EDQUOT: 13, errno.EACCES: 8, errno.EPERM: 8,
                               errno.EROFS: 8}.get(err.errno, 10)]
    else:
        found = None
    if found is None:
        return GagalSimpan(f"Perubahan ini ditolak oleh basis data ({err}) dan tidak tersimpan.")
    return GagalSimpan(found[0], readonly=found[1])


def disk_penuh(path) -> ZiError:
    return ZiError(f"Disk penuh — \"{path}\" tidak dapat ditulis. Kosongkan sebagian ruang disk "
                   "atau pilih tempat lain, lalu ulangi.")
