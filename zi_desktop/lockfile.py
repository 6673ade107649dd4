"""Tells one ZI Desktop window that another has a plan open, the way Word's ``~$`` files do.

The lock is an OS lock on a small file beside the plan, so a crashed program never
leaves a plan locked: the OS releases the lock with the process, and a stale file
is simply taken over.
"""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class LockFile:
    def __init__(self, plan: Path) -> None:
        self.path = plan.with_name("~$" + plan.name)
        self._fd: int | None = None

    def acquire(self) -> str | None:
        """Take the lock; returns None when taken, else who holds it (for the message)."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return None  # cannot even create the lock file: nothing to coordinate with
        if not _try_lock(fd):
            try:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip()
            except OSError:  # Windows refuses to read a locked range
                holder = ""
            finally:
                os.close(fd)
            return holder or "pengguna lain"
        os.ftruncate(fd, 0)
        os.write(fd, f"{_user()} di {socket.gethostname()}".encode("utf-8"))
        self._fd = fd
        return None

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
