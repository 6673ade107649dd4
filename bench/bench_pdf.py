"""Benchmark: print the Lampiran PDF of synthetic plans of 300 and 3,000 langkah aksi.

Each build runs in a fresh subprocess so its peak memory (ru_maxrss, whole process
including the ReportLab import) is its own.  Seconds are for ``build_lampiran`` alone;
the plans are shaped like the seed decrees (``tests/plans.synthetic_plan``).

    python bench/run.py pdf
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.run import Row

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, resource, sys, time


def peak_mb():
    # VmHWM belongs to this exec'd image; ru_maxrss on Linux carries the parent's peak over
    # fork, so a bench run after a big one would report the big one's memory.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


started = time.perf_counter()
from zi_desktop.lampiran import build_lampiran
from tests.plans import synthetic_plan
imported = time.perf_counter()
plan = synthetic_plan(int(sys.argv[2]), style=sys.argv[3])
t = time.perf_counter()
result = build_lampiran(plan, sys.argv[4])
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "pages": result.pages,
                  "import": imported - started,
                  "maxrss_mb": peak_mb()}))
"""

CASES = [
    # (langkah aksi, style, seconds target)
    (300, "kudus", 1.0),
    (3000, "kudus", 12.0),
    (3000, "kapuas", 12.0),    # month grid + penanggung jawab
]
MB_TARGET = 150.0


def _measure(n: int, style: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lampiran.pdf"
        proc = subprocess.run([sys.executable, "-c", _CHILD, "", str(n), style, str(out)], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        data["bytes"] = out.stat().st_size
    return data


def run() -> list[Row]:
    rows: list[Row] = []
    for n, style, target in CASES:
        m = _measure(n, style)
        label = f"pdf {n} aksi ({'bulan' if style == 'kapuas' else 'teks'})"
        rows.append(Row(f"{label} build", m["seconds"], "s", f"<= {target:g} s",
                        m["seconds"] <= target))
        rows.append(Row(f"{label} pages", m["pages"], "pages"))
        rows.append(Row(f"{label} peak memory", m["maxrss_mb"], "MB", f"<= {MB_TARGET:g} MB",
                        m["maxrss_mb"] <= MB_TARGET))
        rows.append(Row(f"{label} file size", m["bytes"] / 1e6, "MB"))
    return rows

