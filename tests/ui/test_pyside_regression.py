"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every binding call that returns
nothing; after a few thousand calls the interpreter aborts ("Fatal Python error: none_dealloc").
The window makes such calls constantly, so the installed PySide6 must survive many of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import PySide6

CALLS = 100_000

SCRIPT = textwrap.dedent(f"""
    import sys
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    obj = QObject()
    widget = QWidget()
    refs = sys.getrefcount(None)
    for i in range({CALLS} // 2):
        obj.setObjectName("zi")          # returns nothing
        widget.setToolTip("zi")          # returns nothing
    print("selesai", {CALLS}, sys.getrefcount(None) - refs)
""")


def test_many_none_returning_binding_calls_do_not_crash():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith(f"selesai {CALLS}"), proc.stdout + proc.stderr[-2000:]
    assert "none_dealloc" not in proc.stderr


def test_installed_pyside6_is_not_the_crashing_one():
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    crashing = version >= (6, 12) and sys.version_info < (3, 12)
    assert not crashing, (
        f"PySide6 {PySide6.__version__} aborts on Python {sys.version.split()[0]} "
        "(none_dealloc); pin PySide6-Essentials < 6.12 or use Python >= 3.12")
