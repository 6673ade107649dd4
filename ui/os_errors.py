"""What an operating-system error means for the user, in Indonesian (the OS's own words,
``strerror``, are English on most machines and name no way out)."""

from __future__ import annotations

import errno

_REASONS = {
    errno.EACCES: "tidak ada izin untuk berkas atau folder itu, atau berkasnya sedang dibuka program lain",
    errno.EPERM: "tidak ada izin untuk berkas atau folder itu",
    errno.ENOENT: "berkas atau foldernya tidak ditemukan",
    errno.ENOSPC: "diska penuh; kosongkan sebagian tempat lalu coba lagi",
    errno.EROFS: "diska atau folder itu hanya dapat dibaca; pilih tempat lain",
    errno.EISDIR: "yang dipilih adalah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian alamatnya bukan folder",
    errno.ENAMETOOLONG: "nama atau alamat berkasnya terlalu panjang; pilih nama yang lebih pendek",
    errno.EBUSY: "berkasnya sedang dipakai program lain; tutup dulu lalu coba lagi",
}


def reason(err: OSError) -> str:
    """"tidak ada izin …" — the known causes; otherwise the OS's own message."""
    if isinstance(err, PermissionError):
        return _REASONS[errno.EACCES]
    return _REASONS.get(err.errno, err.strerror or str(err))
