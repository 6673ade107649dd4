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


def demo_copy() -> Path:
    """A fresh temporary copy of the built-in sample plan (the original stays pristine)."""
    import json
    from .document import Dokumen
    folder = Path(tempfile.mkdtemp(prefix="zi-contoh-"))
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
