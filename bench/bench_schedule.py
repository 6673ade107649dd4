"""Target Waktu parsing speed on the seed decrees' cells (every cell, duplicates included)."""

from __future__ import annotations

import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "seeds"


def _seed_texts() -> list[tuple[str, int]]:
    """(cell text, plan year) for every Target Waktu cell of Kudus (TSV) and Madiun (pipes)."""
    texts = []
    for line in (SEEDS / "kudus-14-2025.txt").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 6 and cells[0] != "NO":
            texts.append((cells[5].strip(), 2025))
    column = None
    for line in (SEEDS / "madiun-7-2026.txt").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or set(line.strip()) <= set("|-: "):
            continue
        if "TARGET WAKTU" in cells:
            column = cells.index("TARGET WAKTU")
        elif column is not None:
            texts.append((cells[column], 2026))
    return texts


def _rate(work, items: int, seconds: float = 1.0) -> float:
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        work()
        done += items
    return done / elapsed


def run():
    from bench.run import Row
    from zi_desktop.schedule import format_target_waktu, parse_target_waktu

    texts = _seed_texts()
    results = [parse_target_waktu(t, y).months for t, y in texts]

    def parse_all():
        for text, year in texts:
            parse_target_waktu(text, year)

    def format_all():
        for months in results:
            format_target_waktu(months)

    parse_rate = _rate(parse_all, len(texts))
    format_rate = _rate(format_all, len(results))
    return [
        Row(f"schedule: parse seed target waktu ({len(texts)} cells)", parse_rate, "/s",
            ">= 5000 /s", parse_rate >= 5000),
        Row("schedule: format months", format_rate, "/s"),
    ]
