"""The built-in sample plan ("rencana contoh", ``resources/demo/contoh.json``) and fresh copies of it."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .paths import resource


def demo_plan() -> dict:
    return json.loads(resource("demo", "contoh.json").read_text(encoding="utf-8"))


def demo_copy() -> Path:
    """A fresh temporary copy of the sample plan (the original stays pristine)."""
    from .document import Dokumen
    folder = Path(tempfile.mkdtemp(prefix="zi-contoh-"))
    target = folder / "Rencana Aksi ZI - KPU Kabupaten Contoh.zidb"
    Dokumen.create_from_plan(target, demo_plan(), keterangan="rencana contoh").close()
    return target
