"""Opening a plan in the window loads neither the printing nor the spreadsheet libraries
(nor sqlite-utils) before the tree is on screen: each costs a user 0.1–0.3 s at every start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.plan_view as pv

heavy = ("reportlab", "openpyxl", "sqlite_utils", "docx", "pypdfium2", "pdfplumber")
original = pv.PlanTree.paintEvent

def paint(self, event):
    original(self, event)
    if not hasattr(pv, "_seen"):
        pv._seen = sorted(m for m in heavy if m in sys.modules)
        QTimer.singleShot(0, after)

def after():
    window = next(w for w in QApplication.instance().topLevelWidgets()
                  if getattr(w, "view", None) is not None)
    QApplication.instance().processEvents()
    print("AT-PAINT", ",".join(pv._seen))
    QTimer.singleShot(400, lambda: finish(window))

def finish(window):
    print("LATER", window.view.check.checks_run, "sqlite_utils" in sys.modules)
    window.close()
    QApplication.instance().exit(0)

pv.PlanTree.paintEvent = paint
from zi_desktop.launch import main
sys.exit(main([sys.argv[1]]))
"""


def test_the_tree_shows_before_printing_spreadsheet_and_edit_libraries_load(tmp_path):
    from tests.plans import small_plan
    from zi_desktop.document import Dokumen
    plan = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(plan, small_plan()).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(plan)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    assert "AT-PAINT" in lines, proc.stderr[-2000:]
    assert lines["AT-PAINT"].strip() == ""            # nothing heavy before the tree shows
    checks, edits_ready = lines["LATER"].split()
    assert int(checks) >= 1                           # Periksa still runs, just after
    assert edits_ready == "True"                      # and the first edit will not wait
