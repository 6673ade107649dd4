"""The guard's cost: validating a 3,000-langkah-aksi plan, refusing the hostile corpus, and
printing fields of 100,000-character words (linear since words are cut at bounds.MAX_KATA)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.run import Row


def _median(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run() -> list[Row]:
    from tests import hostile_files
    from tests.plans import generated_plan, small_plan
    from zi_desktop import bounds, fileguard
    from zi_desktop.errors import ZiError
    from zi_desktop.document import Dokumen
    from zi_desktop.lampiran import build_lampiran

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "besar.zidb"
        Dokumen.create_from_plan(path, generated_plan(3000)).close()
        t = _median(lambda: fileguard.validate(path))
        rows.append(Row("validate a 3,000-aksi plan (integrity, schema, every value)", t, "s",
                        "<= 0.15 s", t <= 0.15))

        files = hostile_files.corpus(folder / "hostile")
        times = []
        for p in files.values():
            start = time.perf_counter()
            try:
                Dokumen.open(p, readonly=True).close()
            except ZiError:
                pass
            times.append(time.perf_counter() - start)
        rows.append(Row(f"refuse one hostile file (median of {len(files)})", statistics.median(times) * 1000, "ms"))
        rows.append(Row("refuse one hostile file (slowest)", max(times), "s", "<= 1 s", max(times) <= 1))

        plan = small_plan()
        aksi = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
        for field in ("langkah", "bukti_fisik", "target_waktu", "target_capaian", "penanggung_jawab"):
            aksi[field] = "w" * bounds.MAX_TEKS
        t = _median(lambda: build_lampiran(plan, str(folder / "kata.pdf")), 1)
        rows.append(Row("PDF with 5 fields of one 100,000-character word", t, "s", "<= 10 s", t <= 10))
        t = _median(lambda: bounds.cut_long_words("k" * 1_000_000), 3)
        rows.append(Row("cut a 1,000,000-character word", t * 1000, "ms"))
    return rows
