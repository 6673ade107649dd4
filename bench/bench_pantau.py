"""Monitoring benchmarks: a plan of 3,000 langkah aksi with 12 months of realisasi each and
1 GB of evidence (400 files of 2.5 MB random bytes) in the file.

    .venv/bin/python bench/run.py pantau

Targets: open ≤ 0.5 s; Jadwal paint ≤ 150 ms; one status change committed and repainted
≤ 20 ms; ``pack --tanpa-bukti`` ≤ 1 s; report ≤ 3 s. The file is made in a temp folder
and removed afterwards (it is 1 GB; set ZI_BENCH_BUKTI_MB to make a smaller one).
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.run import Row

N_AKSI = 3000
FILE_MB = 2.5
EVIDENCE_MB = int(os.environ.get("ZI_BENCH_BUKTI_MB", "1000"))
REPEAT = 5
RUNS = 1          # bench/run.py: one run (each builds 1 GB); the timings inside are medians


def _median(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class _Random:
    """A file-like source of ``size`` random bytes, read in chunks (never whole in memory)."""

    def __init__(self, size: int) -> None:
        self.left = size

    def read(self, n: int) -> bytes:
        n = min(n, self.left)
        self.left -= n
        return os.urandom(n)


def make_plan(folder: Path) -> Path:
    """The benchmark plan, written straight through the store (bench data, not user input)."""
    from tests.plans import generated_plan
    from zi_desktop.document import Dokumen
    from zi_desktop.pemantauan import store
    plan = generated_plan(N_AKSI)
    statuses = ("selesai", "sebagian", "belum")
    n = 0
    for area in plan["area"]:
        for k in area["komponen"]:
            for i in k["indikator"]:
                for aksi in i["aksi"]:
                    n += 1
                    aksi["realisasi"] = [
                        {"bulan": f"2025-{m:02d}", "status": statuses[(n + m) % 3],
                         "persen": (100, 50, 0)[(n + m) % 3], "catatan": f"Catatan bulan {m}" if m % 4 == 0 else ""}
                        for m in range(1, 13)]
    path = folder / "pantau.zidb"
    doc = Dokumen.create_from_plan(path, plan)
    size = int(FILE_MB * 1024 * 1024)
    files = int(EVIDENCE_MB / FILE_MB)
    aksi_ids = [r[0] for r in doc.conn.execute("SELECT id FROM aksi ORDER BY id")]
    with doc.db.atomic():
        for f in range(files):
            aksi = aksi_ids[(f * 7) % len(aksi_ids)]
            cur = doc.conn.execute(
                "INSERT INTO bukti (aksi, urutan, nama, ukuran, sha256, jenis, bulan) VALUES (?, ?, ?, ?, '', "
                "'application/pdf', '2025-03')", (aksi, store.next_urutan(doc.conn, aksi), f"bukti-{f}.pdf", size))
            sha = store.copy_in(doc.conn, cur.lastrowid, _Random(size), size)
            doc.conn.execute("UPDATE bukti SET sha256 = ? WHERE id = ?", (sha, cur.lastrowid))
    doc.close()
    return path


def run() -> list[Row]:
    from zi_desktop.document import Dokumen
    from zi_desktop.exchange.pack import pack
    from zi_desktop.pemantauan import store
    from zi_desktop.pemantauan.edits import SetRealisasi
    from zi_desktop.pemantauan.laporan import build_laporan
    folder = Path(tempfile.mkdtemp(prefix="zi-bench-pantau-"))
    rows: list[Row] = []
    try:
        started = time.perf_counter()
        path = make_plan(folder)
        os.sync()   # the 1 GB just written is flushed now, not by the first commit's fsync
        build = time.perf_counter() - started
        rows.append(Row("pantau: build the plan (3,000 aksi, 36,000 realisasi, 1 GB bukti)", build, "s"))
        rows.append(Row("pantau: file size", path.stat().st_size / 1024 / 1024, "MB"))

        t_open = _median(lambda: Dokumen.open(path).close())
        rows.append(Row("pantau: open (validate) 3,000 aksi + 1 GB bukti", t_open, "s", "<= 0.5 s", t_open <= 0.5))

        doc = Dokumen.open(path)
        aksi = store.aksi_for_jalur(doc.conn, "I.1.1.1")
        cycle = iter(["selesai", "sebagian", "belum"] * 20)
        t_edit = _median(lambda: doc.apply(SetRealisasi(aksi, "2025-01", next(cycle))), 9)
        rows.append(Row("pantau: one status change committed (core only)", t_edit * 1000, "ms"))
        plan = doc.to_dict(ids=True)
        doc.close()

        n = iter(range(100))
        t_pack = _median(lambda: pack(path, folder / f"ringan-{next(n)}.zidb", tanpa_bukti=True), 3)
        rows.append(Row("pantau: pack --tanpa-bukti", t_pack, "s", "<= 1 s", t_pack <= 1.0))

        t_report = _median(lambda: build_laporan(plan, folder / "laporan.pdf", sampai="2025-12"), 3)
        rows.append(Row("pantau: laporan PDF 3,000 aksi", t_report, "s", "<= 3 s", t_report <= 3.0))
        t_xlsx = _median(lambda: build_laporan(plan, folder / "laporan.xlsx", sampai="2025-12"), 1)
        rows.append(Row("pantau: laporan .xlsx 3,000 aksi", t_xlsx, "s"))
        rows.extend(_window_rows(path))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def _window_rows(path: Path) -> list[Row]:
    """The month grid over the monitored plan: build + first paint, one status change (a
    click in the grid's realisasi mode: committed to disk and the cell repainted)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])

    def gone() -> None:
        """Delete the views let go: processEvents alone does not, and a grid left alive
        repaints at every status change too (as bench_jadwal does)."""
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        app.processEvents()
    from zi_desktop.document import Dokumen
    from ui.commands import Editor
    from ui.jadwal_model import FIRST_MONTH_COL
    from ui.jadwal_view import JadwalView
    doc = Dokumen.open(path)
    editor = Editor(doc)
    try:
        warm = JadwalView(editor)
        warm.resize(1280, 800)
        warm.grab()
        warm.deleteLater()
        gone()
        builds = []
        for attempt in range(REPEAT):
            started = time.perf_counter()
            view = JadwalView(editor)
            view.resize(1280, 800)
            view.show()
            view.grab()
            builds.append(time.perf_counter() - started)
            app.processEvents()
            if attempt < REPEAT - 1:
                view.deleteLater()
                gone()
        view.realisasi_mode.setChecked(True)
        tree = view.tree
        index = tree.indexAt(tree.viewport().rect().topLeft())
        while index.isValid() and view.model.node(index).level != "aksi":
            index = tree.indexBelow(index)
        times = []
        for n in range(21):
            cell = index.sibling(index.row(), FIRST_MONTH_COL + n % 12)
            tree.setCurrentIndex(cell)
            app.processEvents()
            t0 = time.perf_counter()
            view._toggle_current()            # what Space does in realisasi mode
            app.processEvents()               # the cell repainted
            times.append(time.perf_counter() - t0)
        view.deleteLater()
        gone()
    finally:
        editor.stack.clear()
        doc.close()
    paint = statistics.median(builds) * 1000
    change = statistics.median(times) * 1000
    return [Row("pantau: Jadwal build + first paint (realisasi shown)", paint, "ms", "<= 150 ms", paint <= 150),
            Row("pantau: one status change committed + repainted", change, "ms", "<= 20 ms", change <= 20)]
