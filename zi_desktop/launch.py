"""The program's one entry (``zi-desktop`` and ``python -m zi_desktop``): a command-line verb, or
the window — or, on a machine without a screen, one clear sentence and the Lampiran as a PDF.

It sits above both layers: the only module of ``zi_desktop`` that imports ``ui``, and only
lazily, once it knows a window is wanted (so the command line never loads Qt).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import cli


def main(argv: list[str] | None = None) -> int:
    return cli.guarded(_start, sys.argv[1:] if argv is None else argv)


def _start(argv: list[str]) -> int:
    if cli.is_verb(argv):
        return cli.run_verb(argv)
    args = cli.window_args(argv)
    if args.self_test:
        from ui.selftest import self_test
        return self_test()
    if not has_display():
        return _no_display(args.file, args.demo)
    try:
        from ui.app import run_app
    except ImportError as err:
        print(f"Jendela ZI Desktop tidak dapat dimulai karena pustaka Qt tidak lengkap ({err}); "
              "pasang ulang dengan perintah pertama di README.", file=sys.stderr)
        return cli.EXIT_UNUSABLE
    return run_app(args.file, demo=args.demo)


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _no_display(path: str | None, demo: bool) -> int:
    from .demo import demo_copy
    from .document import Dokumen
    from .lampiran import build_lampiran
    sample = demo or not path
    source = demo_copy() if sample else Path(path)
    with Dokumen.open(source, readonly=True, once=True) as doc:
        plan = doc.to_dict()
    out = Path(tempfile.gettempdir()) / (source.stem + " - Lampiran.pdf")
    build_lampiran(plan, out)
    if sample:
        shutil.rmtree(source.parent, ignore_errors=True)
    print("Komputer ini tidak memiliki layar (tidak ada DISPLAY), jadi jendela ZI Desktop tidak "
          f"dapat dibuka; sebagai gantinya Lampiran {'rencana contoh' if sample else 'rencana'} "
          f"telah dicetak ke PDF: {out}")
    return cli.EXIT_OK
