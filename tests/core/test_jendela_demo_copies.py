"""Demo copies live in their own temporary folder: recognised, removed on close, leftovers of a
crashed session cleaned at the next start (issue 14)."""

from __future__ import annotations

import os
import tempfile
import time

from zi_desktop.demo import cleanup_demo_copies, demo_copy, is_demo_copy, remove_demo_copy


def test_a_demo_copy_is_recognised_and_removed_with_its_folder(tmp_path):
    path = demo_copy()
    assert is_demo_copy(path) and is_demo_copy(path.parent)
    assert not is_demo_copy(tmp_path / "rencana.zidb")
    assert not is_demo_copy(tempfile.gettempdir())
    remove_demo_copy(path)
    assert not path.parent.exists()


def test_only_stale_leftovers_are_cleaned_at_start():
    fresh, stale = demo_copy(), demo_copy()
    old = time.time() - 3 * 24 * 3600
    os.utime(stale.parent, (old, old))
    try:
        assert cleanup_demo_copies() >= 1
        assert fresh.exists() and not stale.parent.exists()
    finally:
        remove_demo_copy(fresh)
