"""Tells one ZI Desktop window that another has a plan open, the way Word's ``~$`` files do.

The lock is an OS lock on a small file beside the plan, so a crashed program never
leaves a plan locked: the OS releases the lock with the process, and a stale file
is simply taken over. The file is created without following a symlink planted in its
place (``O_EXCL``/``O_NOFOLLOW``), readable by every account of the machine (so a second
user sees the lock and opens read-only: an OS lock works across users, a file they cannot
open does not), and hidden on Windows like Word's.
"""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt

    def _try_lock(fd: int, shared: bool = False) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBRLCK if shared else msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, 0)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

    def _hide(path: Path) -> None:
        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # FILE_ATTRIBUTE_HIDDEN
else:
    import fcntl

    def _try_lock(fd: int, shared: bool = False) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _hide(path: Path) -> None:
        pass  # the leading "~$" is enough where there is no hidden attribute


class LockFile:
    def __init__(self, plan: Path) -> None:
        self.path = plan.with_name("~$" + plan.name)
        self._fd: int | None = None

    def _open(self) -> int | None:
        """Our lock file, created if missing; None when it cannot be opened for writing."""
        if os.path.islink(self.path):
            try:
                os.unlink(self.path)  # removes the planted link, never its target
            except OSError:
                return None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o644)
        except FileExistsError:
            try:
                fd = os.open(self.path, os.O_RDWR | _NOFOLLOW | _BINARY)
            except OSError:
                return None
            return fd
        except OSError:
            return None
        try:
            os.fchmod(fd, 0o644)  # readable by the other accounts whatever the umask
        except (OSError, AttributeError):
            pass
        if os.name == "nt":  # pragma: no cover
            _hide(self.path)
        return fd

    def acquire(self) -> str | None:
        """Take the lock; returns None when taken, else who holds it (for the message)."""
        fd = self._open()
        if fd is None:
            # another account's lock file we may only read: its OS lock still tells
            return self._holder_readonly() if self.path.exists() else None
        if not _try_lock(fd):
            try:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip()
            except OSError:  # Windows refuses to read a locked range
                holder = ""
            finally:
                os.close(fd)
            return holder or "pengguna lain"
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{_user()} di {socket.gethostname()}".encode("utf-8"))
        except OSError:  # disk full: the OS lock alone still coordinates
            pass
        self._fd = fd
        return None

    def _holder_readonly(self) -> str | None:
        """Whether a lock file we cannot write is held; the holder's name when it is."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW | _BINARY)
        except OSError:
            return "pengguna lain"  # cannot even look: assume it is in use
        try:
            if _try_lock(fd, shared=True):
                _unlock(fd)
                return None  # stale: its owner is gone
            try:
                return os.read(fd, 200).decode("utf-8", "replace").strip() or "pengguna lain"
            except OSError:
                return "pengguna lain"
        finally:
            os.close(fd)

    def held_elsewhere(self) -> bool:
        """Another live process (or another open in this one) holds the lock."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW | _BINARY)
        except OSError:
            return False
        try:
            if _try_lock(fd, shared=True):
                _unlock(fd)
                return False
            return True
        finally:
            os.close(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if os.name == "nt":  # Windows cannot delete an open file
            os.close(fd)
        try:
            os.unlink(self.path)
        except OSError:
            pass
        if os.name != "nt":  # unlink before unlocking, so no other window locks a dead file
            os.close(fd)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user database (some services, containers)
        return "pengguna"
