"""The built-in sample plan ("rencana contoh", ``resources/demo/contoh.json``) and fresh copies of it."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from .paths import resource


DEMO_PREFIX = "zi-contoh-"      # the temporary folder of each demo copy
DEMO_STALE_S = 24 * 3600         # older demo folders are leftovers of a session that ended badly


def is_demo_copy(path) -> bool:
    """A plan in a demo copy's temporary folder: never remembered, never a place to save."""
    p = Path(os.path.abspath(path))
    temp = Path(os.path.abspath(tempfile.gettempdir()))
    return any(part.name.startswith(DEMO_PREFIX) and part.parent == temp for part in (p, *p.parents))


def remove_demo_copy(path) -> None:
    """Delete a demo copy's folder (the plan is closed)."""
    p = Path(os.path.abspath(path))
    if is_demo_copy(p):
        shutil.rmtree(p.parent if p.suffix else p, ignore_errors=True)


def cleanup_demo_copies(now: float | None = None) -> int:
    """Remove demo folders left by sessions that did not close them; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(DEMO_PREFIX + "*"):
        try:
            stale = now - folder.stat().st_mtime > DEMO_STALE_S
        except OSError:
            continue
        if stale and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def demo_plan() -> dict:
    return json.loads(resource("demo", "contoh.json").read_text(encoding="utf-8"))


def demo_copy() -> Path:
    """A fresh temporary copy of the sample plan (the original stays pristine)."""
    from .document import Dokumen
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    target = folder / "Rencana Aksi ZI - KPU Kabupaten Contoh.zidb"
    Dokumen.create_from_plan(target, demo_plan(), keterangan="rencana contoh").close()
    return target
