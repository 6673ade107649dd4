"""Write beside, then rename: the one way every writer puts a file where the user asked.

``write_beside(target)`` yields a temporary path in the target's folder; the writer fills
it; on success the file is flushed to disk (fsync) and renamed onto the target in one step,
so the target is either the old file or the complete new one — never half of one (a full
disk, a killed process, an exception). On failure the temporary goes. A process killed
in between leaves a ``.zi-…`` temporary: ``clean_leftovers`` removes those of dead runs
the next time anything is written in that folder (only ones no live process holds — each
writer holds an OS lock on its temporary — and older than ``STALE_SECONDS``).

Errors become one sentence: disk full says "Disk penuh", a file another program holds says
so, a folder that cannot be written says so.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import ZiError, disk_penuh

# the temporaries of every writer; ``clean_leftovers`` knows them by these names
PREFIXES = (".zi-tulis-", ".zi-baru-", ".zi-kirim-", ".zi-ekspor-", ".zi-rekap-", ".zi-cetak-")
STALE_SECONDS = 120

if os.name == "nt":  # pragma: no cover - Windows: no advisory locks; age alone decides
    def _hold(path: Path):
        return None

    def _held(path: Path) -> bool:
        return False
else:
    import fcntl

    def _hold(path: Path):
        """An OS lock on the temporary while we write it: a cleaner leaves it alone."""
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            pass
        return fd

    def _held(path: Path) -> bool:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
        except OSError:
            return True
        finally:
            os.close(fd)


def already_exists(path) -> ZiError:
    return ZiError(f"Berkas \"{path}\" sudah ada; pilih nama lain agar berkas itu tidak tertimpa.")


@contextmanager
def write_beside(target, *, prefix: str = ".zi-tulis-", overwrite: bool = True,
                 create: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` when the block ends.

    ``overwrite`` False: never replace an existing file (also one that appears meanwhile).
    ``create`` False: the temporary does not exist yet when yielded (``VACUUM INTO`` and
    SQLite's own file creation want that).
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ZiError(f"Folder \"{folder}\" tidak ada.")
    if not overwrite and target.exists():
        raise already_exists(target)
    clean_leftovers(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=target.suffix, dir=folder)
    except OSError as err:
        raise _sentence(err, target, folder) from None
    os.close(fd)
    tmp = Path(name)
    hold = _hold(tmp)
    if not create:
        os.unlink(tmp)  # our lock stays on the name's old inode; age protects the rest
    try:
        yield tmp
        if not tmp.exists():
            raise ZiError(f"Berkas \"{target}\" tidak terbentuk.")
        _fsync(tmp)
        _place(tmp, target, overwrite)
        _fsync(folder, directory=True)
    except BaseException as err:
        remove(tmp)
        if isinstance(err, (OSError, sqlite3.Error)) and not isinstance(err, ZiError):
            raise _sentence(err, target, folder) from None
        raise
    finally:
        if hold is not None:
            os.close(hold)


def _place(tmp: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        try:
            os.replace(tmp, target)
        except PermissionError:
            raise ZiError(f"Berkas \"{target}\" tidak dapat ditulis; mungkin sedang dibuka di program "
                          "lain. Tutup berkas itu lalu coba lagi.") from None
        return
    try:
        os.link(tmp, target)          # atomic, and refuses an existing name
    except FileExistsError:
        raise already_exists(target) from None
    except OSError:                   # no hard links (FAT flash disk …)
        if target.exists():
            raise already_exists(target) from None
        os.rename(tmp, target)        # on Windows rename refuses an existing name too
        return
    os.unlink(tmp)


def _sentence(err: BaseException, target: Path, folder: Path) -> ZiError:
    """OSError / sqlite3.Error of a writer → the sentence the user reads."""
    code = getattr(err, "sqlite_errorcode", None)
    if (code is not None and code & 0xFF == 13) or getattr(err, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        return disk_penuh(target)
    if isinstance(err, PermissionError) or getattr(err, "errno", None) in (errno.EACCES, errno.EROFS):
        return ZiError(f"Folder \"{folder}\" tidak dapat ditulis; pilih folder lain.")
    detail = getattr(err, "strerror", None) or str(err)
    return ZiError(f"Berkas \"{target}\" tidak dapat ditulis ({detail}).")


def _fsync(path: Path, *, directory: bool = False) -> None:
    if directory and os.name == "nt":  # pragma: no cover - Windows cannot open a folder
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)


def remove(path: Path) -> None:
    """The temporary and SQLite's sidecars of it, quietly."""
    for p in (Path(path), Path(str(path) + "-journal"), Path(str(path) + "-wal")):
        try:
            p.unlink()
        except OSError:
            pass


def clean_leftovers(folder, *, now: float | None = None) -> list[Path]:
    """Remove temporaries of killed runs in ``folder``: ours by name, not held by a live
    writer, and older than ``STALE_SECONDS``. Returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(PREFIXES):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or now - entry.stat().st_mtime < STALE_SECONDS:
                continue
        except OSError:
            continue
        path = Path(entry.path)
        if _held(path):
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed
