"""≥ 40 hostile import inputs (tests/import_hostile.py) through the command line: each ends in one
Indonesian sentence on stderr, exit 2, nothing written, within 10 s (issue 12, import bounds)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from import_hostile import CASES  # noqa: E402


def test_there_are_at_least_40_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_refused_in_one_sentence(name, tmp_path):
    source = CASES[name](tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    target = tmp_path / "hasil.zidb"
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "zi_desktop", "import", str(source), str(target)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    elapsed = time.monotonic() - start
    assert proc.returncode == 2, (proc.stdout[-500:], proc.stderr[-2000:])
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr and "tidak terduga" not in lines[0], lines
    assert proc.stdout == ""
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before   # nothing written
    assert elapsed <= 10, f"{name}: {elapsed:.1f} s"


def _small_lampiran() -> str:
    return ("NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
            "I\tMANAJEMEN PERUBAHAN\t\t\t\t\n"
            "1\tPenyusunan Tim Kerja\tTim dibentuk\tMembentuk tim “inti”\tSK Tim – final\tJanuari 2025\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1252", "utf-8-sig"])
def test_encodings_are_detected(encoding, tmp_path):
    from zi_desktop.importer import import_file
    path = tmp_path / f"lampiran-{encoding}.txt"
    path.write_bytes(_small_lampiran().encode(encoding))
    aksi = import_file(path).plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    assert (aksi["langkah"], aksi["bukti_fisik"]) == ("Membentuk tim “inti”", "SK Tim – final")


def test_a_csv_field_longer_than_pythons_limit_is_read(tmp_path):
    from zi_desktop.importer import import_file
    long = "Dokumen " * 18_000                  # 144,000 characters: over csv's 131,072
    path = tmp_path / "lampiran.csv"
    path.write_text("NO;KOMPONEN;INDIKATOR;LANGKAH AKSI;BUKTI FISIK;TARGET WAKTU\n"
                    "I;MANAJEMEN PERUBAHAN;;;;\n"
                    f'1;Penyusunan Tim Kerja;Tim dibentuk;Membentuk tim;"{long}";Januari 2025\n',
                    encoding="utf-8")
    aksi = import_file(path).plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    assert aksi["bukti_fisik"] == long.strip()
