"""``-journal`` files beside a plan: someone else's is never replayed, ours is recovered on a
writable open, and read-only commands say "belum pulih" instead of "rusak"."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from zi_desktop import journal
from zi_desktop.launch import main
from zi_desktop.document import Dokumen

from plans import generated_plan

pytestmark = pytest.mark.skipif(os.name == "nt", reason="fork is POSIX")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def die_mid_transaction(work) -> None:
    """Run ``work`` in a forked child that dies without committing: a hot journal stays."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            work()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def spill(conn: sqlite3.Connection) -> None:
    """Change most pages and push them into the database file before any commit."""
    conn.execute("PRAGMA cache_size = 1")
    conn.execute("BEGIN")
    conn.execute("UPDATE aksi SET langkah = langkah || ' (setengah jadi)'")
    conn.execute("UPDATE aksi SET bukti_fisik = hex(randomblob(200))")


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, generated_plan(300)).close()
    return path


def foreign_journal(tmp_path: Path) -> bytes:
    """A hot journal of another database (as a sync tool might leave one)."""
    other = tmp_path / "lain.db"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 300)
    conn.close()

    def work():
        c = sqlite3.connect(other, isolation_level=None)
        c.execute("PRAGMA cache_size = 1")
        c.execute("BEGIN")
        c.execute("UPDATE t SET x = 'y'")
    die_mid_transaction(work)
    data = Path(str(other) + "-journal").read_bytes()
    assert data.startswith(journal.MAGIC)
    return data


def test_a_foreign_journal_is_never_replayed(plan, tmp_path, capsys):
    before = digest(plan)
    want = Dokumen.open(plan, readonly=True).to_dict()
    jpath = Path(str(plan) + "-journal")
    jpath.write_bytes(foreign_journal(tmp_path))
    assert journal.state(plan) == journal.FOREIGN
    # read-only: the journal is ignored and left where it is, and the user told
    assert main(["info", str(plan)]) == 0
    assert "bukan sisa ZI Desktop" in capsys.readouterr().err
    assert digest(plan) == before and jpath.exists()
    # writable: set aside under another name, never replayed into the plan
    doc = Dokumen.open(plan)
    try:
        assert doc.notices and "disisihkan" in doc.notices[0]
        assert doc.to_dict() == want
    finally:
        doc.close()
    assert not jpath.exists()
    assert len(list(plan.parent.glob("rencana.zidb-journal.bukan-milik-zi-*"))) == 1


def test_our_own_hot_journal_is_recovered_and_read_only_commands_say_so(plan, capsys):
    want = Dokumen.open(plan, readonly=True).to_dict()

    def work():
        doc = Dokumen.open(plan)  # takes the lock, as the window does
        spill(doc.conn)
    die_mid_transaction(work)
    assert Path(str(plan) + "-journal").exists()
    assert journal.state(plan) == journal.OURS
    torn = digest(plan)
    for argv in (["info", str(plan)], ["pack", str(plan), "-o", str(plan.with_name("k.zidb"))],
                 ["summary", str(plan), "-o", str(plan.with_name("r.xlsx"))]):
        assert main(argv) == 2
        said = capsys.readouterr()
        assert "belum pulih — buka sekali untuk memulihkan" in said.err + said.out
        assert "rusak" not in said.err + said.out
    assert digest(plan) == torn                     # nothing read-only touched it
    doc = Dokumen.open(plan)                        # the writable open recovers it
    try:
        assert doc.to_dict() == want and not doc.notices
    finally:
        doc.close()
    assert not Path(str(plan) + "-journal").exists()
    assert main(["info", str(plan)]) == 0


def test_a_cold_journal_is_harmless(plan):
    Path(str(plan) + "-journal").write_bytes(b"\x00" * 512)
    assert journal.state(plan) == journal.COLD
    Dokumen.open(plan).close()
    Dokumen.open(plan, readonly=True).close()
