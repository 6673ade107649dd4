"""The frozen program (PyInstaller folder): bundle size, and start-up to the painted main window
with the demo plan. Builds dist/zi-desktop afresh first (~20 s), so it measures this tree."""

from __future__ import annotations

import os
import statistics
import subprocess
import time

from bench.run import Row

RUNS = 1   # builds the bundle (~20 s) and already takes the median of 5 starts


def run() -> list[Row]:
    import build
    exe = build.DIST / ("zi-desktop.exe" if os.name == "nt" else "zi-desktop")
    build.build()
    size = build.bundle_size_mb(build.DIST)
    rows = [Row("frozen bundle size (unpacked)", size, "MB", "<= 140 MB", size <= 140)]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               ZI_UKUR_MULAI="1")
    times = []
    for _ in range(5):
        started = time.time()
        out = subprocess.run([str(exe), "--demo"], env=env, capture_output=True, text=True,
                             timeout=60).stdout
        painted = next(float(line.split()[1]) for line in out.splitlines() if line.startswith("first-paint"))
        times.append(painted - started)
    best = statistics.median(times)
    rows.append(Row("frozen start → painted window, demo plan (median of 5)", best, "s",
                    "<= 1.5 s", best <= 1.5))
    return rows
