"""SIGKILL at random moments: the file always opens, passes quick_check, and holds every
edit the child reported as committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zi_desktop.document import Dokumen

from plans import small_plan

KILLS = 100
CHILD = Path(__file__).with_name("crash_child.py")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killed_editor_never_loses_a_committed_edit(tmp_path):
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    rng = random.Random(2025)
    promised_adds: dict[int, str] = {}
    counter = 0
    total_reported = 0
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, str(CHILD), str(path), str(kill), str(counter)],
                                 stdout=subprocess.PIPE, text=True, bufsize=1)
        assert child.stdout.readline().strip() == "READY"
        first = child.stdout.readline()   # it is editing (however slow a loaded machine is)
        time.sleep(rng.uniform(0.0, 0.03))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        out = first + out
        lines = [line.split() for line in out.splitlines() if line.strip()]
        total_reported += len(lines)
        last = {}
        for words in lines:
            counter = max(counter, int(words[-1].split("-")[-1]))
            if words[0] == "ADD":
                promised_adds[int(words[1])] = words[2]
            else:
                last[words[0]] = int(words[1])
        counter += 1000  # later values never collide with unreported ones of this run

        doc = Dokumen.open(path)  # rolls back a hot journal, then validates
        try:
            assert doc.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            rows = dict(doc.conn.execute("SELECT id, langkah FROM aksi"))
            for aksi_id, text in promised_adds.items():
                assert rows.get(aksi_id) == text, f"kill {kill}: lost {text}"
            if "PJ" in last:
                pj = doc.conn.execute("SELECT penanggung_jawab FROM area WHERE id = 1").fetchone()[0]
                assert int(pj.split("-")[1]) >= last["PJ"]
            if "NOMOR" in last:
                assert int(doc.identitas()["nomor"]) >= last["NOMOR"]
            # a delete is committed before its undo: killed between them, komponen 2 may be gone
            assert doc.conn.execute("SELECT count(*) FROM komponen").fetchone()[0] in (2, 3)
        finally:
            doc.close()
        assert not Path(str(path) + "-wal").exists()
    assert total_reported > KILLS  # the child really was editing when killed
