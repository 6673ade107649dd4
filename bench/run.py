"""Run every benchmark in bench/ and print one table.

    python bench/run.py            # all, each benchmark 3 times
    python bench/run.py pdf core   # only bench_pdf.py and bench_core.py
    python bench/run.py -n 1 core  # one run each (quicker, noisier)

Each ``bench/bench_*.py`` has ``run() -> list[Row]``; a module may set ``RUNS = 1`` when it
already repeats inside (or one run is all it can afford). Every row shows the median of the
runs. Its target is judged on that median, and a miss that the best run still meets is
within run-to-run noise: marked "~", not a failure. Only a target every run misses is "NO"
(exit 1). Whatever the benchmarks (and the tools they start) print goes to stderr, so stdout
holds the table alone.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the checkout, once, here: benchmarks import ``bench.run`` and the test plans (``tests.plans``)
# as packages of it, and the product from it
sys.path.insert(0, str(HERE.parent))
# Processes a benchmark starts run the product as an installed copy does, from cached
# bytecode: with PYTHONDONTWRITEBYTECODE set (as on some CI machines), every start recompiled
# the product's modules (~0.1 s), a cost no user pays.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

DEFAULT_RUNS = 3


@dataclass
class Row:
    name: str          # what was measured
    value: float       # the measurement
    unit: str          # "s", "ms", "MB", "/s", "pages" …
    target: str = ""   # e.g. "<= 0.3 s"
    ok: bool | None = None  # None: no target


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def _output_to_stderr():
    """fd 1 → fd 2 while a benchmark runs (its subprocesses too: PyInstaller's log)."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def _meets(value: float, target: str) -> bool | None:
    m = re.match(r"\s*(<=|>=)\s*([\d.]+)", target)
    if m is None:
        return None
    limit = float(m.group(2))
    return value <= limit if m.group(1) == "<=" else value >= limit


def combine(runs: list[list[Row]]) -> list[tuple[Row, str]]:
    """One row per name: the median of the runs, with "yes" / "~" (only the best run meets
    the target: noise) / "NO" (no run meets it) / "" (no target)."""
    out = []
    for first in runs[0]:
        values = [r.value for rows in runs for r in rows if r.name == first.name]
        row = Row(first.name, statistics.median(values), first.unit, first.target)
        meets = _meets(row.value, row.target)
        if meets is None:   # a target the runner cannot read: the benchmark's own verdict
            oks = [r.ok for rows in runs for r in rows if r.name == first.name]
            meets = None if first.ok is None else all(oks)
        verdict = "" if meets is None else "yes"
        if meets is False:
            verdict = "~" if any(_meets(v, row.target) for v in values) else "NO"
        row.ok = meets
        out.append((row, verdict))
    return out


def main(argv: list[str]) -> int:
    runs_wanted = DEFAULT_RUNS
    if argv[:1] == ["-n"] and len(argv) > 1:
        runs_wanted, argv = max(1, int(argv[1])), argv[2:]
    wanted = set(argv)
    table: list[tuple[Row, str]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        started = time.perf_counter()
        with _output_to_stderr():
            module = _load(path)
            count = min(runs_wanted, getattr(module, "RUNS", runs_wanted))
            runs = [module.run() for _ in range(count)]
        table.extend(combine(runs))
        print(f"# {path.name}: {count} run(s), {time.perf_counter() - started:.1f} s", file=sys.stderr)
    width = max([len(r.name) for r, _ in table] + [10])
    print(f"{'benchmark'.ljust(width)}  {'median':>10}  unit   target        ok")
    for r, verdict in table:
        print(f"{r.name.ljust(width)}  {r.value:>10.3f}  {r.unit:<5}  {r.target:<12}  {verdict}")
    return 1 if any(verdict == "NO" for _, verdict in table) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
