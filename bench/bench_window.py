"""The window with a big plan (3,000 langkah aksi): start-up to the first painted tree, and
how fast the form follows a selection.

Both are measured in a fresh process started the way users start the program
(``python -m zi_desktop PLAN``), on the offscreen platform, with settings in a temp folder.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import Row

ROOT = Path(__file__).resolve().parent.parent
N_AKSI = 3000


def big_plan() -> dict:
    """6 areas × 5 komponen × 10 indikator × 10 langkah aksi, from the one plan factory."""
    from tests.plans import generated_plan
    return generated_plan(N_AKSI, per_komponen=100, per_indikator=10)


CHILD = r"""
import json, statistics, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.plan_view as pv

state = {"painted": None}
original = pv.PlanTree.paintEvent

def paint(self, event):
    original(self, event)
    if state["painted"] is None:
        state["painted"] = time.time()
        QTimer.singleShot(0, measure)

pv.PlanTree.paintEvent = paint

def measure():
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "view") and w.view is not None)
    view = window.view
    view.tree.expandAll()
    app.processEvents()
    nodes = [n for level in ("aksi", "indikator", "komponen", "area")
             for n in view.model.nodes_of_level(level)]
    picks = nodes[::max(1, len(nodes) // 150)][:150]
    sync, full = [], []
    for node in picks:
        index = view.proxy.mapFromSource(view.model.index_of(node))
        t = time.perf_counter()
        view.tree.setCurrentIndex(index)
        t_sync = time.perf_counter()
        app.processEvents()                     # repaint tree and form
        t_full = time.perf_counter()
        assert view.form.item_id == node.id
        sync.append((t_sync - t) * 1000)
        full.append((t_full - t) * 1000)
    window.resize(1366, 728)                    # the office screen, maximised
    app.processEvents()
    switches, first_visit, per_tab = [], {}, {}
    for index in [1, 2, 0] * 7:
        t = time.perf_counter()
        view.tabs.setCurrentIndex(index)
        app.processEvents()                     # the page shown and painted
        ms = (time.perf_counter() - t) * 1000
        if index not in first_visit:
            first_visit[index] = ms
        else:
            switches.append(ms)
            per_tab.setdefault(index, []).append(ms)
    print(json.dumps({"painted": state["painted"], "aksi": len(view.model.nodes_of_level("aksi")),
                      "tab_ms": statistics.median(switches), "tab_max_ms": max(switches),
                      "jadwal_first_ms": first_visit[1],
                      "per_tab_ms": {str(k): sorted(v) for k, v in per_tab.items()},
                      "select_ms": statistics.median(sync), "select_paint_ms": statistics.median(full),
                      "select_p95_ms": sorted(full)[int(len(full) * 0.95) - 1]}), flush=True)
    window.close()
    app.exit(0)

from zi_desktop.launch import main
sys.exit(main([sys.argv[1]]))
"""


def measure(path: Path, config: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.time()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          env=env, cwd=str(ROOT), timeout=300)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"window benchmark failed ({proc.returncode}): {proc.stderr[-2000:]}")
    out = json.loads(lines[-1])
    out["startup_s"] = out["painted"] - started
    return out


def run() -> list[Row]:
    from zi_desktop.document import Dokumen
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "besar.zidb"
        Dokumen.create_from_plan(path, big_plan()).close()
        measure(path, Path(tmp) / "config")            # warm the OS file cache once
        runs = [measure(path, Path(tmp) / "config") for _ in range(3)]
    startup = statistics.median(r["startup_s"] for r in runs)
    select = statistics.median(r["select_ms"] for r in runs)
    select_paint = statistics.median(r["select_paint_ms"] for r in runs)
    p95 = max(r["select_p95_ms"] for r in runs)
    tab = statistics.median(r["tab_ms"] for r in runs)
    tab_max = max(r["tab_max_ms"] for r in runs)
    jadwal_first = statistics.median(r["jadwal_first_ms"] for r in runs)
    n = runs[0]["aksi"]
    return [
        Row(f"window: process start → first painted tree ({n} aksi)", startup, "s", "<= 1.0 s", startup <= 1.0),
        Row("window: select item → form updated (median)", select, "ms", "<= 30 ms", select <= 30),
        Row("window: select item → form and tree repainted (median)", select_paint, "ms", "<= 30 ms",
            select_paint <= 30),
        Row("window: select item → repainted (p95)", p95, "ms"),
        Row("window: switch tab → page painted (median, 1366×728)", tab, "ms", "<= 50 ms", tab <= 50),
        Row("window: switch tab → page painted (slowest)", tab_max, "ms", "<= 50 ms", tab_max <= 50),
        Row(f"window: first visit of Jadwal ({n} aksi, builds the grid)", jadwal_first, "ms"),
    ]

