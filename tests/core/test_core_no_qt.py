"""The core never imports Qt or the window: importing every core module loads no PySide6 and no
``ui``, and no core module but the entry (``zi_desktop.launch``) names ``ui`` in an import."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_modules_load_without_qt_or_ui():
    code = (
        "import importlib, pkgutil, sys, zi_desktop\n"
        "for m in pkgutil.walk_packages(zi_desktop.__path__, 'zi_desktop.'):\n"
        "    if m.name != 'zi_desktop.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "from zi_desktop.document import Dokumen\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken')) or n.split('.')[0] == 'ui')\n"
        "print(len([n for n in sys.modules if n.startswith('zi_desktop')]), bad)\n"
        "sys.exit(1 if bad else 0)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert int(proc.stdout.split()[0]) >= 10  # really walked the core


def _imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_entry_imports_the_window_even_lazily():
    core = ROOT / "zi_desktop"
    offenders = [str(p.relative_to(ROOT)) for p in sorted(core.rglob("*.py"))
                 if p != core / "launch.py" and {"ui", "PySide6"} & _imported(ast.parse(p.read_text("utf-8")))]
    assert offenders == []
    assert "ui" in _imported(ast.parse((core / "launch.py").read_text("utf-8")))
