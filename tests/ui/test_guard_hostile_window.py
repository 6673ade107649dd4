"""The hostile corpus opened in the window (MainWindow.open_path): one dialog with the
sentence, no document, the window still usable, the file untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

import hostile_files

CASES = {case.name: case for case in hostile_files.cases()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return hostile_files.corpus(tmp_path_factory.mktemp("hostile-ui"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_window_refuses_the_file_untouched(name, corpus, window, dialogs, tmp_path):
    folder = tmp_path / "diterima"
    folder.mkdir()
    plan = folder / "rencana.zidb"
    shutil.copy2(corpus[name], plan)
    st = plan.stat()
    before = hashlib.sha256(plan.read_bytes()).hexdigest(), st.st_mtime_ns
    for readonly in (False, True):
        assert not window.open_path(str(plan), readonly=readonly)
        kind, title, text = dialogs.messages[-1]
        assert kind == "critical" and CASES[name].expect in text, text
        assert "tidak terduga" not in text
        assert window.doc is None and window.editor is None
    assert len(dialogs.messages) == 2
    st = plan.stat()
    assert (hashlib.sha256(plan.read_bytes()).hexdigest(), st.st_mtime_ns) == before
    assert sorted(os.listdir(folder)) == ["rencana.zidb"]


def test_a_window_that_cannot_be_built_is_not_left_half_built(window, plan_path, dialogs, monkeypatch):
    from ui import plan_view

    def broken(*args, **kwargs):
        raise RuntimeError("rusak di tengah")

    monkeypatch.setattr(plan_view.PlanView, "__init__", broken)
    assert not window.open_path(str(plan_path))
    assert window.doc is None and window.editor is None
    assert "tidak dapat ditampilkan" in dialogs.messages[-1][2]
    monkeypatch.undo()
    assert window.open_path(str(plan_path))             # the plan was not locked nor changed
    assert not window.doc.readonly


def test_a_journal_that_is_not_ours_is_set_aside_and_the_user_told(window, plan_path, dialogs):
    import sqlite3
    jpath = Path(str(plan_path) + "-journal")
    page = sqlite3.connect(plan_path).execute("PRAGMA page_size").fetchone()[0]
    from zi_desktop import journal
    header = journal.MAGIC + (1).to_bytes(4, "big") + b"\0" * 12 + (page * 2).to_bytes(4, "big")
    jpath.write_bytes(header + b"\0" * 1000)            # hot, of another page size, no lock file
    assert window.open_path(str(plan_path))
    kind, _title, text = dialogs.messages[-1]
    assert kind == "information" and "disisihkan" in text
    assert not jpath.exists() and not window.doc.readonly
