"""Benchmark: print the Lampiran PDF of synthetic plans of 300 and 3,000 langkah aksi.

Each build runs in a fresh subprocess so its peak memory (ru_maxrss, whole process
including the ReportLab import) is its own.  Seconds are for ``build_lampiran`` alone;
the plans are shaped like the seed decrees (``tests/plans.synthetic_plan``).

    python bench/run.py pdf

``side_by_side`` runs ``zi-desktop pdf`` and the practical limit (``bench/pdf_limit.py``:
row flowables, header drawn by the page) as whole processes on the same plans, interleaved,
and reports the ratio (target ≤ 1.2× at 300 and 3,000 rows, text and month grid).
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
# Side by side with the practical limit (bench/pdf_limit.py), whole processes in one run.
SIDE_CASES = [(300, "teks"), (300, "bulan"), (3000, "teks"), (3000, "bulan")]
RATIO_TARGET = 1.2
SIDE_MB_TARGET = 100.0
REPEAT = 7
RUNS = 1        # side_by_side repeats inside, interleaved; bench/run.py need not repeat it


def _measure(n: int, style: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lampiran.pdf"
        proc = subprocess.run([sys.executable, "-c", _CHILD, "", str(n), style, str(out)], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        data["bytes"] = out.stat().st_size
    return data


# Runs one command and reports its wall seconds and peak memory. It runs from this small
# process because Linux's ru_maxrss carries the forking process's peak across fork/vfork and
# exec: measured straight from the bench process, every child "peaked" at the bench's own size.
_TIMER = r"""
import json, os, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": code, "seconds": seconds, "mb": peak}))
"""


def _process(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one whole process."""
    proc = subprocess.run([sys.executable, "-c", _TIMER, *args], cwd=ROOT,
                          capture_output=True, text=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {}
    if proc.returncode or data.get("code"):
        raise RuntimeError(proc.stderr)
    return data["seconds"], data["mb"]


def side_by_side() -> list[Row]:
    """``zi-desktop pdf FILE.zidb`` against the practical limit on the same plan."""
    from statistics import median

    from tests.plans import synthetic_plan
    from zi_desktop.document import Dokumen

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, kolom in SIDE_CASES:
            plan = synthetic_plan(n, style="kudus")
            plan["rencana"]["cetak"]["kolom_waktu"] = kolom
            src = Path(tmp) / f"p{n}{kolom}.zidb"
            Dokumen.create_from_plan(src, plan).close()
            with Dokumen.open(src, readonly=True) as doc:
                (Path(tmp) / "plan.json").write_text(json.dumps(doc.to_dict()), encoding="utf-8")
            ours, limit = [], []
            for _ in range(REPEAT):     # interleaved, so machine load hits both alike
                limit.append(_process([sys.executable, str(ROOT / "bench" / "pdf_limit.py"),
                                       str(Path(tmp) / "plan.json"), str(Path(tmp) / "l.pdf"),
                                       kolom]))
                ours.append(_process([sys.executable, "-m", "zi_desktop", "pdf", str(src),
                                      "-o", str(Path(tmp) / "o.pdf")]))
            t_ours, t_limit = median(s for s, _ in ours), median(s for s, _ in limit)
            mb = max(m for _, m in ours)
            label = f"zi-desktop pdf {n} aksi ({kolom})"
            rows.append(Row(f"{label} process", t_ours, "s"))
            rows.append(Row(f"{label} limit process", t_limit, "s"))
            ratio = t_ours / t_limit
            rows.append(Row(f"{label} / limit", ratio, "x", f"<= {RATIO_TARGET:g}",
                            ratio <= RATIO_TARGET))
            if n >= 3000:
                rows.append(Row(f"{label} peak memory", mb, "MB", f"<= {SIDE_MB_TARGET:g} MB",
                                mb <= SIDE_MB_TARGET))
    return rows


def run() -> list[Row]:
    rows: list[Row] = side_by_side()
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

