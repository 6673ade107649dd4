"""The ``-journal`` beside a plan: ours to recover, or someone else's to set aside.

SQLite replays a hot journal on the first connection that can write, into whatever file
bears the name — so a journal that a sync tool or another database left beside a received
plan would rewrite it. The rule for "ours": the journal is hot (starts with SQLite's journal
magic), the plan's lock file ``~$name`` beside it was written by ZI Desktop on this
computer (it names this host) no later than the journal, and the journal's page size is the
plan's. That is what our own crash leaves: the lock file stays behind when the process dies
mid-transaction. Anything else is "foreign": never replayed — set aside under another name
on a writable open, ignored on a read-only one. A journal of a plan that another live
window holds open is that window's business ("live"): SQLite's own locks deal with it.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from .errors import BerkasDitolak

MAGIC = bytes.fromhex("d9d505f920a163d7")
NONE, COLD, OURS, FOREIGN, LIVE = "tidak ada", "dingin", "milik kita", "asing", "dipakai"


def journal_path(plan: Path) -> Path:
    return Path(str(plan) + "-journal")


def state(plan: Path) -> str:
    """NONE, COLD (empty or zeroed: SQLite ignores it), LIVE, OURS or FOREIGN."""
    jpath = journal_path(plan)
    try:
        with open(jpath, "rb") as fh:
            head = fh.read(28)
    except FileNotFoundError:
        return NONE
    except OSError:
        return FOREIGN
    if len(head) < 28 or not head.startswith(MAGIC):
        return COLD
    import socket  # only with a journal present: every open would pay for the network modules

    from .lockfile import LockFile
    lock = LockFile(plan)
    if lock.held_elsewhere():
        return LIVE
    try:
        with open(plan, "rb") as fh:
            db_head = fh.read(18)
        owner = lock.path.read_bytes()[:200].decode("utf-8", "replace")
        lock_mtime, j_mtime = lock.path.stat().st_mtime, jpath.stat().st_mtime
    except OSError:
        return FOREIGN
    db_page = int.from_bytes(db_head[16:18], "big") if len(db_head) == 18 else 0
    db_page = 65536 if db_page == 1 else db_page
    j_page = int.from_bytes(head[24:28], "big")
    ours = (owner.endswith(f" di {socket.gethostname()}") and lock_mtime <= j_mtime + 2
            and db_page == j_page)
    return OURS if ours else FOREIGN


def not_recovered(plan: Path) -> BerkasDitolak:
    return BerkasDitolak(
        f"Berkas \"{plan}\" belum pulih — buka sekali untuk memulihkan: ZI Desktop terhenti "
        "saat menyimpan, dan penyimpanan yang belum selesai dibatalkan ketika berkas dibuka "
        "untuk diedit.")


def set_aside(plan: Path) -> str:
    """Rename a foreign journal so SQLite never replays it; returns what to tell the user."""
    jpath = journal_path(plan)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = jpath.with_name(f"{jpath.name}.bukan-milik-zi-{stamp}")
    n = 2
    while target.exists():
        target = jpath.with_name(f"{jpath.name}.bukan-milik-zi-{stamp}-{n}")
        n += 1
    os.replace(jpath, target)
    return (f"Berkas jurnal \"{jpath.name}\" di samping rencana bukan sisa ZI Desktop di komputer "
            f"ini; tidak dipakai dan disisihkan sebagai \"{target.name}\".")


def ignored_notice(plan: Path) -> str:
    return (f"Berkas jurnal \"{journal_path(plan).name}\" di samping rencana bukan sisa ZI Desktop "
            "di komputer ini dan tidak dipakai.")
