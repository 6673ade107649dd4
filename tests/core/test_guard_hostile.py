"""Every crafted file of the hostile corpus (tests/hostile_files.py) through every verb that
reads a plan: the right Indonesian sentence, exit code 2, nothing written, bytes and mtime
untouched, within 10 s. Verbs run in-process (``zi_desktop.cli.main``) — the same code the
command line runs — so the ~140 files × 8 verbs stay quick."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

import hostile_files
from zi_desktop.launch import main

CASES = {case.name: case for case in hostile_files.cases()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return hostile_files.corpus(tmp_path_factory.mktemp("hostile"))


def state(path: Path) -> tuple:
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_size


def verbs(plan: Path, out: Path) -> dict[str, list[str]]:
    return {
        "info": ["info", str(plan)],
        "info --json": ["info", str(plan), "--json"],
        "dump": ["dump", str(plan)],
        "check": ["check", str(plan), "--json"],
        "pack": ["pack", str(plan), "-o", str(out / "kirim.zidb")],
        "export": ["export", str(plan), "-o", str(out / "ekspor.xlsx")],
        "pdf": ["pdf", str(plan), "-o", str(out / "lampiran.pdf")],
        "summary": ["summary", str(plan), "-o", str(out / "rekap.xlsx")],
        "new --from": ["new", str(out / "baru.zidb"), "--from", str(plan)],
    }


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 100
    assert len({hostile_files.slug(n) for n in CASES}) == len(CASES)  # one file per case


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_verb_refuses_the_file_untouched(name, corpus, tmp_path, capsys):
    expect = CASES[name].expect
    folder = tmp_path / "diterima"
    folder.mkdir()
    plan = folder / "rencana.zidb"
    shutil.copy2(corpus[name], plan)
    out = tmp_path / "keluaran"
    out.mkdir()
    before = state(plan)
    started = time.perf_counter()
    for verb, argv in verbs(plan, out).items():
        code = main(argv)
        captured = capsys.readouterr()
        said = captured.err if verb != "summary" else captured.out + captured.err
        assert code == 2, (verb, said)
        assert expect in said, (verb, said)
        assert "tidak terduga" not in said and "Traceback" not in said, (verb, said)
        if verb != "summary":
            assert len(captured.err.strip().splitlines()) == 1, (verb, captured.err)
    elapsed = time.perf_counter() - started
    assert elapsed <= 10, f"{name}: {elapsed:.1f} s"
    assert state(plan) == before
    assert sorted(os.listdir(folder)) == ["rencana.zidb"]          # no journal, lock, backup
    assert sorted(os.listdir(out)) == ["rekap.xlsx"]               # only the rekap of refusals


def extreme_plan() -> dict:
    """Everything at the bounds, still valid: 36 months all planned, fields of 100,000
    characters that are one unbroken word, text of every script."""
    from plans import small_plan
    from zi_desktop import bounds
    from zi_desktop.dates import month_range
    plan = small_plan()
    plan["rencana"]["jumlah_bulan"] = bounds.MAX_BULAN
    months = month_range(plan["rencana"]["bulan_mulai"], bounds.MAX_BULAN)
    aksi = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    for field, ch in (("langkah", "a"), ("bukti_fisik", "b"), ("target_capaian", "≥"),
                      ("penanggung_jawab", "é")):
        aksi[field] = ch * bounds.MAX_TEKS
    aksi["bulan"] = months
    plan["area"][0]["nama"] = "文字 😀 " * 1000 + "=SUM(A1)"
    return plan


def test_a_plan_at_every_bound_goes_through_every_verb_in_time(tmp_path, capsys):
    from zi_desktop.document import Dokumen
    plan_path = tmp_path / "batas.zidb"
    Dokumen.create_from_plan(plan_path, extreme_plan()).close()
    out = tmp_path / "keluaran"
    out.mkdir()
    before = state(plan_path)
    for verb, argv in verbs(plan_path, out).items():
        started = time.perf_counter()
        code = main(argv)
        elapsed = time.perf_counter() - started
        said = capsys.readouterr()
        assert code in (0, 1), (verb, said.err)
        assert not said.err.strip() or verb == "check", (verb, said.err)
        assert elapsed <= 10, f"{verb}: {elapsed:.1f} s"
    assert state(plan_path) == before
