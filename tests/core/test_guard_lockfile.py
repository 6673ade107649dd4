"""The ``~$name.zidb`` lock: never follows a planted symlink, readable by every account, and
a second user of the same machine opens the plan read-only while the first edits it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop.document import Dokumen
from zi_desktop.lockfile import LockFile

from plans import small_plan

ROOT = Path(__file__).resolve().parents[2]
posix = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions and symlinks")


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    return path


@posix
def test_a_planted_symlink_is_not_followed(plan, tmp_path):
    victim = tmp_path / "penting.txt"
    victim.write_text("jangan dipotong")
    lock = plan.with_name("~$" + plan.name)
    lock.symlink_to(victim)
    doc = Dokumen.open(plan)
    try:
        assert not doc.readonly
        assert victim.read_text() == "jangan dipotong"
        assert not lock.is_symlink() and lock.is_file()
    finally:
        doc.close()
    assert victim.read_text() == "jangan dipotong"


@posix
def test_the_lock_is_readable_by_other_accounts_whatever_the_umask(plan):
    old = os.umask(0o077)
    try:
        doc = Dokumen.open(plan)
    finally:
        os.umask(old)
    try:
        mode = stat.S_IMODE(plan.with_name("~$" + plan.name).stat().st_mode)
        assert mode == 0o644
        assert LockFile(plan).held_elsewhere()
    finally:
        doc.close()
    assert not LockFile(plan).held_elsewhere()


OTHER_USER = """
import os, sys
sys.path.insert(0, {root!r})
from zi_desktop.document import Dokumen
Dokumen.open({plan!r}, readonly=True).close()  # everything imported while still root
import sqlite_utils  # noqa: F401 - loaded by a writable open
import zi_desktop.lockfile  # noqa: F401 - loaded by a writable open
os.setgid(65534); os.setuid(65534)              # then become "nobody"
doc = Dokumen.open({plan!r})
print(doc.readonly_reason or "DAPAT DITULIS")
doc.close()
"""


@posix
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to act as another user")
def test_a_second_user_opens_read_only_while_the_first_edits(tmp_path_factory):
    shared = Path("/tmp") / f"zi-bersama-{os.getpid()}"
    shared.mkdir(mode=0o777, exist_ok=True)
    os.chmod(shared, 0o777)
    plan = shared / "rencana.zidb"
    try:
        Dokumen.create_from_plan(plan, small_plan()).close()
        os.chmod(plan, 0o666)
        doc = Dokumen.open(plan)                    # the first user edits
        try:
            proc = subprocess.run([sys.executable, "-c", OTHER_USER.format(root=str(ROOT), plan=str(plan))],
                                  capture_output=True, text=True, timeout=60)
            if "Permission denied" in proc.stderr and "zi_desktop" not in proc.stderr:
                pytest.skip("the other account cannot run this Python")
            assert "jendela ZI Desktop lain" in proc.stdout, proc.stderr
        finally:
            doc.close()
        proc = subprocess.run([sys.executable, "-c", OTHER_USER.format(root=str(ROOT), plan=str(plan))],
                              capture_output=True, text=True, timeout=60)
        assert "DAPAT DITULIS" in proc.stdout, proc.stderr   # once closed, the other may edit
    finally:
        for p in shared.iterdir():
            p.unlink()
        shared.rmdir()
