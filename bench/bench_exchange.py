"""Exchange benchmarks: the province's summary over a whole country, and pack.

    .venv/bin/python bench/run.py exchange

- summary: 552 plans of 150 langkah aksi each (514 districts/cities + 38 provinces), each
  opened read-only, validated, checked and compared with the standard template, written as
  .xlsx — target ≤ 10 s; the same to PDF is measured too.
- pack: a plan of 3,000 langkah aksi copied with VACUUM INTO and verified — target ≤ 1 s.

The plans are generated once into bench/_data/ (git-ignored) and reused.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
from bench.run import Row

DATA = HERE / "_data" / "exchange"
N_PLANS = 552
N_AKSI = 150
PACK_AKSI = 3000
_VERSION = 3  # bump when the generated data changes


def _plan(n_aksi: int, unit: int, tahun: int = 2025) -> dict:
    """A plan like a real one (tests/plans.generated_plan) with its own unit and some gaps to find."""
    from tests.plans import generated_plan
    plan = generated_plan(n_aksi, tahun)
    kind = "Kota" if unit % 5 == 0 else "Kabupaten"
    plan["rencana"].update(satker=f"KPU {kind} Contoh {unit:03d}", nomor=str(unit % 40 + 1),
                           tanggal=f"{tahun}-01-{unit % 28 + 1:02d}", tempat=f"Contoh {unit:03d}",
                           jabatan_penandatangan=f"KETUA KPU {kind.upper()} CONTOH {unit:03d}")
    aksi = [x for a in plan["area"] for k in a["komponen"] for i in k["indikator"] for x in i["aksi"]]
    for made, x in enumerate(aksi):
        if (made + unit) % 17 == 0:
            x.update(bulan=[], target_waktu="")
        if (made + unit) % 11 == 0:
            x["bukti_fisik"] = ""
    return plan


def _generate() -> list[Path]:
    from zi_desktop.document import Dokumen
    stamp = DATA / "manifest.json"
    want = {"version": _VERSION, "plans": N_PLANS, "aksi": N_AKSI, "pack_aksi": PACK_AKSI}
    if stamp.is_file() and json.loads(stamp.read_text()) == want:
        return sorted((DATA / "provinsi").rglob("*.zidb"))
    shutil.rmtree(DATA, ignore_errors=True)
    (DATA / "provinsi").mkdir(parents=True)
    started = time.perf_counter()
    for unit in range(N_PLANS):
        folder = DATA / "provinsi" / f"prov-{unit % 38:02d}"
        folder.mkdir(exist_ok=True)
        Dokumen.create_from_plan(folder / f"unit-{unit:03d}.zidb", _plan(N_AKSI, unit)).close()
    Dokumen.create_from_plan(DATA / "besar.zidb", _plan(PACK_AKSI, 999)).close()
    stamp.write_text(json.dumps(want))
    print(f"# bench_exchange: generated {N_PLANS} plans in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    return sorted((DATA / "provinsi").rglob("*.zidb"))


def run() -> list[Row]:
    from zi_desktop.exchange.pack import pack
    from zi_desktop.exchange.summary import summarize
    from zi_desktop.exchange.summary_write import write_summary

    files = _generate()
    rows: list[Row] = []
    out = Path(tempfile.mkdtemp(prefix="zi-bench-exchange-"))
    try:
        started = time.perf_counter()
        summary = summarize([DATA / "provinsi"])
        read = time.perf_counter() - started
        write_summary(summary, out / "rekap.xlsx")
        total = time.perf_counter() - started
        assert len(summary.rows) == len(files) == N_PLANS and not summary.rejected, \
            (len(summary.rows), len(files), summary.rejected[:3])
        rows.append(Row(f"summary {N_PLANS} plans x {N_AKSI} LA: read+check", read, "s"))
        rows.append(Row(f"summary {N_PLANS} plans x {N_AKSI} LA -> .xlsx", total, "s", "<= 10 s",
                        total <= 10))
        started = time.perf_counter()
        write_summary(summary, out / "rekap.pdf")
        rows.append(Row(f"summary {N_PLANS} rows: write .pdf only", time.perf_counter() - started, "s"))

        times = []
        for n in range(5):
            started = time.perf_counter()
            pack(DATA / "besar.zidb", out / f"kirim-{n}.zidb")
            times.append(time.perf_counter() - started)
        med = statistics.median(times)
        rows.append(Row(f"pack {PACK_AKSI} LA (median of 5)", med, "s", "<= 1 s", med <= 1))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return rows
