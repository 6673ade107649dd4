"""Run every benchmark in bench/ and print one table.

    python bench/run.py            # all
    python bench/run.py pdf core   # only bench_pdf.py and bench_core.py

Each ``bench/bench_*.py`` has ``run() -> list[Row]``.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


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


def main(argv: list[str]) -> int:
    wanted = set(argv)
    rows: list[Row] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        started = time.perf_counter()
        rows.extend(_load(path).run())
        print(f"# {path.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    width = max([len(r.name) for r in rows] + [10])
    print(f"{'benchmark'.ljust(width)}  {'value':>10}  unit   target        ok")
    for r in rows:
        ok = "" if r.ok is None else ("yes" if r.ok else "NO")
        print(f"{r.name.ljust(width)}  {r.value:>10.3f}  {r.unit:<5}  {r.target:<12}  {ok}")
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
