"""Starting the window from the command line, or saying plainly why it cannot start.

Kept in the core so that a machine without a screen gets one clear sentence (and the
demo Lampiran as a PDF) before Qt is ever imported.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .paths import resource


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


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
    import time
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


def demo_copy() -> Path:
    """A fresh temporary copy of the built-in sample plan (the original stays pristine)."""
    import json
    from .document import Dokumen
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    target = folder / "Rencana Aksi ZI - KPU Kabupaten Contoh.zidb"
    plan = json.loads(resource("demo", "contoh.json").read_text(encoding="utf-8"))
    Dokumen.create_from_plan(target, plan, keterangan="rencana contoh").close()
    return target


def open_window(path: str | None, *, demo: bool = False) -> int:
    if not has_display():
        return _no_display(path, demo)
    try:
        from ui.app import run_app
    except ImportError as err:
        print(f"Jendela ZI Desktop tidak dapat dimulai karena pustaka Qt tidak lengkap ({err}); "
              "pasang ulang dengan perintah pertama di README.", file=sys.stderr)
        return 2
    return run_app(path, demo=demo)


def _no_display(path: str | None, demo: bool) -> int:
    from .lampiran import build_lampiran
    from .document import Dokumen
    source = demo_copy() if demo or not path else Path(path)
    with Dokumen.open(source, readonly=True) as doc:
        plan = doc.to_dict()
    out = Path(tempfile.gettempdir()) / (source.stem + " - Lampiran.pdf")
    build_lampiran(plan, out)
    if demo or not path:
        shutil.rmtree(source.parent, ignore_errors=True)
    print("Komputer ini tidak memiliki layar (tidak ada DISPLAY), jadi jendela ZI Desktop tidak "
          f"dapat dibuka; sebagai gantinya Lampiran {'rencana contoh' if demo or not path else 'rencana'} "
          f"telah dicetak ke PDF: {out}")
    return 0
