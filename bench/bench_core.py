"""Core speed on a 3,000-langkah-aksi plan: open + info, one field edit, delete/undo an area."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
from bench.run import Row


def run() -> list[Row]:
    from tests.plans import generated_plan
    from zi_desktop.document import Dokumen
    from zi_desktop.edits import DeleteItem, SetField

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "besar.zidb"
        t = time.perf_counter()
        Dokumen.create_from_plan(path, generated_plan(3000)).close()
        rows.append(Row("create 3,000-aksi plan from a plan dict", time.perf_counter() - t, "s"))

        times = []
        for _ in range(5):
            t = time.perf_counter()
            with Dokumen.open(path, readonly=True) as doc:
                doc.info()
            times.append(time.perf_counter() - t)
        best = statistics.median(times)
        rows.append(Row("open (validate) + info, in process", best, "s", "<= 0.3 s", best <= 0.3))

        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "zi_desktop", "info", str(path), "--json"],
                              capture_output=True, cwd=HERE.parent)
        whole = time.perf_counter() - t
        assert proc.returncode == 0, proc.stderr
        rows.append(Row("`zi-desktop info --json` whole process", whole, "s"))

        doc = Dokumen.open(path)
        try:
            aksi_ids = [r[0] for r in doc.conn.execute("SELECT id FROM aksi LIMIT 200")]
            times = []
            for n, aksi_id in enumerate(aksi_ids):
                t = time.perf_counter()
                doc.apply(SetField("aksi", aksi_id, "bukti_fisik", f"1. Bukti {n}\n2. Laporan"))
                times.append(time.perf_counter() - t)
            med = statistics.median(times) * 1000
            rows.append(Row("one field edit committed (median of 200)", med, "ms", "<= 5 ms", med <= 5))

            area_id = doc.children("area", None)[0]["id"]
            edit = DeleteItem("area", area_id)
            t = time.perf_counter()
            doc.apply(edit)
            d = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            doc.revert(edit)
            u = (time.perf_counter() - t) * 1000
            rows.append(Row("delete a whole area (500 aksi)", d, "ms", "<= 50 ms", d <= 50))
            rows.append(Row("undo that delete", u, "ms", "<= 50 ms", u <= 50))
        finally:
            doc.close()
    return rows
