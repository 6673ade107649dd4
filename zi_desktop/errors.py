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
    return BerkasDitolak(
        f"Berkas \"{path}\" telah diubah di luar ZI Desktop ({rincian}) sehingga tidak dibuka; "
        "mintalah salinan baru dari pengirimnya.")


def tidak_ditemukan(path) -> BerkasDitolak:
    return BerkasDitolak(f"Berkas \"{path}\" tidak ditemukan.")
