"""bench/run.py: medians of several runs; a target only the best run meets is noise ("~"), not a
failure; a target every run misses is "NO"."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _runner():
    spec = importlib.util.spec_from_file_location("bench_runner", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_medians_and_verdicts():
    run = _runner()
    Row = run.Row

    def runs(*values, target="<= 150 ms", ok=None):
        return [[Row("x", v, "ms", target, ok)] for v in values]

    [(row, verdict)] = run.combine(runs(140, 160, 170))
    assert row.value == 160 and verdict == "~"           # only the best run meets it: noise
    assert run.combine(runs(160, 170, 180))[0][1] == "NO"
    assert run.combine(runs(100, 120, 200))[0][1] == "yes"
    assert run.combine(runs(4000, 6000, 7000, target=">= 5000 /s"))[0][1] == "yes"
    assert run.combine(runs(1, 2, 3, target=""))[0][1] == ""
