"""The core never imports Qt: importing every core module loads no PySide6."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_modules_load_without_qt():
    code = (
        "import importlib, pkgutil, sys, zi_desktop\n"
        "for m in pkgutil.walk_packages(zi_desktop.__path__, 'zi_desktop.'):\n"
        "    if m.name != 'zi_desktop.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "from zi_desktop.document import Dokumen\n"
        "qt = sorted(name for name in sys.modules if name.startswith(('PySide6', 'shiboken')))\n"
        "print(len([n for n in sys.modules if n.startswith('zi_desktop')]), qt)\n"
        "sys.exit(1 if qt else 0)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert int(proc.stdout.split()[0]) >= 10  # really walked the core
