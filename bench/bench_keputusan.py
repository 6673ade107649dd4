"""Benchmark: the whole decree (body, Lampiran chapters, table) against the Lampiran alone for a
3,000-row plan. Target (issue 16): whole ≤ 1.3 × the Lampiran alone. In-process, fonts and
ReportLab warmed by a first build; median of three.

    python bench/run.py keputusan
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.run import Row

ROWS = 3000
RATIO_TARGET = 1.3


def _plan():
    from zi_desktop.keputusan.template import template_body
    from tests.plans import synthetic_plan
    plan = synthetic_plan(ROWS, style="kudus")
    body = template_body("Komisi Pemilihan Umum Kabupaten Contoh", plan["rencana"].get("tentang", ""))
    body["bab"] = [{"judul": f"BAB CONTOH {n}", "isi": "\n".join(
        ["Paragraf pembuka bab ini menjelaskan pembangunan zona integritas. " * 6]
        + [f"{c}. butir daftar yang menjelaskan langkah ke-{c};" for c in "abcdef"])}
        for n in range(1, 7)]
    plan["keputusan"] = body
    return plan


def _time(build, plan, out) -> float:
    t = time.perf_counter()
    build(plan, out)
    return time.perf_counter() - t


def run() -> list[Row]:
    from zi_desktop.keputusan.pdf import build_keputusan
    from zi_desktop.lampiran import build_lampiran
    plan = _plan()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.pdf"
        build_keputusan(plan, out)                      # warm up
        alone = statistics.median(_time(build_lampiran, plan, out) for _ in range(3))
        whole = statistics.median(_time(build_keputusan, plan, out) for _ in range(3))
    ratio = whole / alone
    return [Row(f"pdf Lampiran {ROWS} baris", alone, "s"),
            Row(f"pdf keputusan lengkap {ROWS} baris", whole, "s"),
            Row("keputusan lengkap / Lampiran", ratio, "×", f"<= {RATIO_TARGET}",
                ratio <= RATIO_TARGET)]
