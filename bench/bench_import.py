"""Importing the three real decrees (whole decree text → plan dict), a large pasted table, and a
300-row decree as .docx and as PDF.

Each seed is imported 5 times; the slowest run is reported (the first includes loading the
importer and the schedule parser). Target: ≤ 0.5 s per decree.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.run import Row

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_FILES = ("kudus-14-2025.txt", "madiun-7-2026.txt", "kapuas-24-2025.txt")


def _large_tsv(rows: int) -> str:
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember"]
    out = ["NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU"]
    n = 0
    per_area = rows // 6
    for area in range(1, 7):
        out.append(f"{'I II III IV V VI'.split()[area - 1]} AREA PERUBAHAN NOMOR {area}\t\t\t\t\t")
        for i in range(per_area):
            komp, ind = divmod(i, 5)
            no = str(komp + 1) if ind == 0 else ""
            name = f"Komponen {komp + 1} area {area}" if ind == 0 else ""
            out.append(f"{no}\t{name}\tIndikator {ind} yang harus dipenuhi unit kerja\t"
                       f"Melaksanakan langkah aksi nomor {n} secara berkala\t"
                       f"1. Undangan rapat; 2. Daftar hadir; 3. Notulen\t"
                       f"{months[n % 12]} - Desember 2025")
            n += 1
            if n % 25 == 0:                      # a page break: blank line, header again
                out.append("")
                out.append(out[0])
    return "\n".join(out)


def run() -> list[Row]:
    from zi_desktop.importer import import_file, import_text

    rows: list[Row] = []
    for name in SEED_FILES:
        path = SEEDS / name
        if not path.is_file():
            rows.append(Row(f"import {name} (missing)", float("nan"), "s", "<= 0.5 s", False))
            continue
        times = []
        for _ in range(5):
            started = time.perf_counter()
            import_file(path)
            times.append(time.perf_counter() - started)
        worst = max(times)
        rows.append(Row(f"import {name}", worst, "s", "<= 0.5 s", worst <= 0.5))
    text = _large_tsv(3000)
    started = time.perf_counter()
    result = import_text(text, tahun=2025)
    elapsed = time.perf_counter() - started
    count = sum(len(i["aksi"]) for a in result.plan["area"] for k in a["komponen"]
                for i in k["indikator"])
    rows.append(Row(f"import pasted table, {count} langkah aksi", elapsed, "s", "<= 5 s",
                    elapsed <= 5))
    return rows


def run_word_pdf(n_aksi: int = 300) -> list[Row]:
    """A 300-row decree as Word builds it and as its PDF (tests/decree_corpus.py writes both):
    import ≤ 2 s each."""
    import tempfile

    from tests import decree_corpus
    from tests.plans import generated_plan
    from zi_desktop.importer import import_file
    from zi_desktop.model import romawi
    plan = generated_plan(n_aksi)
    for k, area in enumerate(plan["area"], start=1):
        area["kode"] = romawi(k)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        docx = decree_corpus.write_docx(plan, Path(folder) / "keputusan.docx")
        pdf = decree_corpus.write_pdf(plan, Path(folder) / "keputusan.pdf")
        for label, path in ((".docx", docx), ("PDF", pdf)):
            import_file(path)                                   # libraries loaded
            started = time.perf_counter()
            result = import_file(path)
            value = time.perf_counter() - started
            count = sum(len(i["aksi"]) for a in result.plan["area"] for k in a["komponen"]
                        for i in k["indikator"])
            rows.append(Row(f"import {label}, {count} langkah aksi", value, "s", "<= 2 s",
                            value <= 2 and count == n_aksi))
    return rows


_run_text = run


def run() -> list[Row]:                    # noqa: F811 — the text rows, then Word and PDF
    return _run_text() + run_word_pdf()
