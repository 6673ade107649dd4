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
