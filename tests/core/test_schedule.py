"""Target Waktu text ⇄ months: the seed decrees, the wider family, round trips."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zi_desktop.dates import month_range
from zi_desktop.schedule import ScheduleParse, format_target_waktu, parse_target_waktu

KUDUS, MADIUN, KAPUAS = "kudus-14-2025.txt", "madiun-7-2026.txt", "kapuas-24-2025.txt"
PLAN_YEAR = {KUDUS: 2025, MADIUN: 2026, KAPUAS: 2025}

ALL_2025 = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
            "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]
ALL_2026 = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
            "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
NOT_READ = None  # recognized False, no months

# Every distinct Target Waktu cell of the seeds, with its months written out by hand.
# Kapuas has no textual time column (only the 12-month ✓ grid "PELAKSANAAN (BULAN)").
SEED_TEXTS = {
    (KUDUS, "Januari - Desember 2025"): ALL_2025,
    (KUDUS, "Januari 2025"): ["2025-01"],
    (KUDUS, "Desember 2025"): ["2025-12"],
    (KUDUS, "November - Desember 2025"): ["2025-11", "2025-12"],
    (KUDUS, "Agustus 2025"): ["2025-08"],
    (KUDUS, "November 2025"): ["2025-11"],
    (KUDUS, "Oktober 2025"): ["2025-10"],
    (KUDUS, "Januari dan April 2025"): ["2025-01", "2025-04"],
    (KUDUS, "April dan Desember 2025"): ["2025-04", "2025-12"],
    (KUDUS, ""): NOT_READ,             # continuation rows after a page break
    (MADIUN, "Jan 2026"): ["2026-01"],
    (MADIUN, "Feb 2026"): ["2026-02"],
    (MADIUN, "Mar 2026"): ["2026-03"],
    (MADIUN, "Apr 2026"): ["2026-04"],
    (MADIUN, "Mei 2026"): ["2026-05"],
    (MADIUN, "Jun 2026"): ["2026-06"],
    (MADIUN, "Jul 2026"): ["2026-07"],
    (MADIUN, "Bulanan"): ALL_2026,
    (MADIUN, "Triwulan"): ["2026-03", "2026-06", "2026-09", "2026-12"],
    (MADIUN, "Semesteran"): ["2026-06", "2026-12"],
    (MADIUN, "Berkala"): NOT_READ,        # periodic, but how often is not said
    (MADIUN, "Berkelanjutan"): NOT_READ,  # "ongoing": no months named
    (MADIUN, "Tahunan"): NOT_READ,        # once a year, which month is not said
    (MADIUN, ""): NOT_READ,
}


def _tsv_time_cells(path: Path):
    """Cells under a header "… WAKTU"; the header row (first cell "NO") repeats on every page."""
    column = None
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 2:
            continue
        if cells[0].strip() == "NO":
            header = [i for i, cell in enumerate(cells) if "WAKTU" in cell.upper()]
            column = header[0] if header else None
        elif column is not None and column < len(cells):
            yield cells[column].strip()


def _pipe_time_cells(path: Path):
    column = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if "TARGET WAKTU" in cells:
            column = cells.index("TARGET WAKTU")
        elif re.fullmatch(r"[-:| ]+", line.strip()):
            continue  # the |---|---| line under the header
        elif column is not None:
            yield cells[column]


def _seed_cells(seeds_dir: Path) -> set[tuple[str, str]]:
    found = {(KUDUS, text) for text in _tsv_time_cells(seeds_dir / KUDUS)}
    found |= {(MADIUN, text) for text in _pipe_time_cells(seeds_dir / MADIUN)}
    found |= {(KAPUAS, text) for text in _tsv_time_cells(seeds_dir / KAPUAS)}
    return found


def test_every_seed_text_is_in_the_table(seeds_dir):
    found = _seed_cells(seeds_dir)
    assert len([f for f in found if f[0] == KUDUS]) >= 5  # the scan did find the column
    assert len([f for f in found if f[0] == MADIUN]) >= 5
    assert found == set(SEED_TEXTS)


def test_kapuas_has_only_the_month_grid(seeds_dir):
    text = (seeds_dir / KAPUAS).read_text(encoding="utf-8")
    assert "PELAKSANAAN (BULAN)" in text
    assert not list(_tsv_time_cells(seeds_dir / KAPUAS))


@pytest.mark.parametrize(("seed", "text"), sorted(SEED_TEXTS))
def test_seed_texts(seed, text):
    expected = SEED_TEXTS[(seed, text)]
    result = parse_target_waktu(text, PLAN_YEAR[seed])
    if expected is NOT_READ:
        assert result == ScheduleParse([], False)
    else:
        assert result == ScheduleParse(expected, True)


# (text, tahun, bulan_mulai, jumlah_bulan, months) — beyond the seeds.
FAMILY = [
    ("Januari, minggu ke 2 Tahun 2025", 2025, None, 12, ["2025-01"]),
    ("Desember 2025 (minggu ke-2)", 2025, None, 12, ["2025-12"]),
    ("Minggu kedua Maret 2025", 2025, None, 12, ["2025-03"]),
    ("Paling lambat Mei-Juni 2025", 2025, None, 12, ["2025-05", "2025-06"]),
    ("November 2025 dan Januari 2026", 2025, None, 12, ["2025-11", "2026-01"]),
    ("November - Januari 2026", 2025, None, 12, ["2025-11", "2025-12", "2026-01"]),
    ("November 2025 - Februari 2026", 2025, None, 12,
     ["2025-11", "2025-12", "2026-01", "2026-02"]),
    ("Oktober 2025 - Januari", 2025, None, 12, ["2025-10", "2025-11", "2025-12", "2026-01"]),
    ("Jan 2026", 2026, None, 12, ["2026-01"]),
    ("JANUARI 2025", 2025, None, 12, ["2025-01"]),
    ("Agt", 2025, None, 12, ["2025-08"]),
    ("Agt. 2025", 2025, None, 12, ["2025-08"]),
    ("Pebruari", 2025, None, 12, ["2025-02"]),
    ("Nopember 2025", 2025, None, 12, ["2025-11"]),
    ("Jan-2026", 2026, None, 12, ["2026-01"]),
    ("Maksimal 31 Oktober 2025", 2025, None, 12, ["2025-10"]),
    ("17 Agustus 2025", 2025, None, 12, ["2025-08"]),
    ("Paling lambat tanggal 10 Maret 2025", 2025, None, 12, ["2025-03"]),
    ("Selambat-lambatnya 30 Juni 2025", 2025, None, 12, ["2025-06"]),
    ("1 - 15 Januari 2025", 2025, None, 12, ["2025-01"]),
    ("31/10/2025", 2025, None, 12, ["2025-10"]),
    ("2025-04-03", 2025, None, 12, ["2025-04"]),  # ISO, not 4 March
    ("Sebelum Oktober 2025", 2025, None, 12, ["2025-10"]),
    ("Evaluasi pertama di bulan Desember 2025", 2025, None, 12, ["2025-12"]),
    ("Bulan Maret Tahun 2025", 2025, None, 12, ["2025-03"]),
    ("Januari s.d. Maret 2025", 2025, None, 12, ["2025-01", "2025-02", "2025-03"]),
    ("Januari s.d Maret 2025", 2025, None, 12, ["2025-01", "2025-02", "2025-03"]),
    ("Januari s/d Maret 2025", 2025, None, 12, ["2025-01", "2025-02", "2025-03"]),
    ("Januari sampai dengan Maret 2025", 2025, None, 12, ["2025-01", "2025-02", "2025-03"]),
    ("Januari sampai Maret 2025", 2025, None, 12, ["2025-01", "2025-02", "2025-03"]),
    ("Januari hingga Maret 2025", 2025, None, 12, ["2025-01", "2025-02", "2025-03"]),
    ("Januari – Maret 2025", 2025, None, 12, ["2025-01", "2025-02", "2025-03"]),
    ("Mulai Maret s.d. Mei 2025", 2025, None, 12, ["2025-03", "2025-04", "2025-05"]),
    ("Maret; Juni; September dan Desember 2025", 2025, None, 12,
     ["2025-03", "2025-06", "2025-09", "2025-12"]),
    ("Januari - Maret dan Juni 2025", 2025, None, 12,
     ["2025-01", "2025-02", "2025-03", "2025-06"]),
    ("Tahun 2025: Januari dan Juli", 2025, None, 12, ["2025-01", "2025-07"]),
    ("Januari dan Juli", 2026, None, 12, ["2026-01", "2026-07"]),
    ("Januari - Desember", 2025, None, 12, ALL_2025),
    ("Per-bulan", 2025, None, 12, ALL_2025),
    ("Per bulan", 2025, None, 12, ALL_2025),
    ("Setiap Bulan", 2025, None, 12, ALL_2025),
    ("Bulanan", 2025, None, 12, ALL_2025),
    ("Setiap bulan Januari - Desember 2025", 2025, None, 12, ALL_2025),
    ("Triwulan", 2025, None, 12, ["2025-03", "2025-06", "2025-09", "2025-12"]),
    ("Triwulanan", 2025, None, 12, ["2025-03", "2025-06", "2025-09", "2025-12"]),
    ("Per triwulan", 2025, None, 12, ["2025-03", "2025-06", "2025-09", "2025-12"]),
    ("Setiap Triwulan", 2025, None, 12, ["2025-03", "2025-06", "2025-09", "2025-12"]),
    ("Triwulanan 2026", 2025, None, 12, ["2026-03", "2026-06", "2026-09", "2026-12"]),
    ("Triwulan I dan III 2025", 2025, None, 12, ["2025-03", "2025-09"]),
    ("Semester", 2025, None, 12, ["2025-06", "2025-12"]),
    ("Semesteran", 2025, None, 12, ["2025-06", "2025-12"]),
    ("Semester II", 2025, None, 12, ["2025-12"]),
    # HTML inside cells
    ("Januari<br>April 2025", 2025, None, 12, ["2025-01", "2025-04"]),
    ("<ul><li>Januari 2025</li><li>Juli 2025</li></ul>", 2025, None, 12,
     ["2025-01", "2025-07"]),
    ("<i>Oktober</i>&nbsp;2025", 2025, None, 12, ["2025-10"]),
    # a plan period October 2025 – January 2026
    ("Januari", 2025, "2025-10", 4, ["2026-01"]),
    ("November", 2025, "2025-10", 4, ["2025-11"]),
    ("Oktober - Januari", 2025, "2025-10", 4, ["2025-10", "2025-11", "2025-12", "2026-01"]),
    ("Januari - Desember", 2025, "2025-10", 4, ["2025-10", "2025-11", "2025-12", "2026-01"]),
    ("Setiap Bulan", 2025, "2025-10", 4, ["2025-10", "2025-11", "2025-12", "2026-01"]),
    ("Triwulan", 2025, "2025-10", 4, ["2025-12"]),
    ("Januari - Desember 2025", 2025, "2025-10", 4, ALL_2025),  # a written year is literal
    # a 16-month period January 2025 – April 2026
    ("Bulanan", 2025, "2025-01", 16, ALL_2025 + ["2026-01", "2026-02", "2026-03", "2026-04"]),
    ("Triwulan", 2025, "2025-01", 16,
     ["2025-03", "2025-06", "2025-09", "2025-12", "2026-03"]),
]


@pytest.mark.parametrize(("text", "tahun", "mulai", "jumlah", "months"), FAMILY)
def test_family(text, tahun, mulai, jumlah, months):
    assert parse_target_waktu(text, tahun, mulai, jumlah) == ScheduleParse(months, True)


UNREADABLE = [
    "", "   ", "Berkala", "Berkelanjutan", "Tahunan", "Insidental", "Sesuai kebutuhan",
    "Sesuai Kebutuhan", "Setiap saat", "2025", "Tahun 2025", "Minggu ke 2", "Minggu",
    "Januari atau Februari 2025",        # either/or
    "Mulai Maret 2025",                  # open-ended
    "Januari - ", "- s.d. Maret",
    "Januari - Desember 2025 (kecuali Juli)",
    "Januari 2025 (revisi)",
    "Triwulan, Juni 2025",               # two schedules mixed
    "per semester/ per triwulan",
    "Triwulan I - III",
    "Semester III",
    "Maret 2026 - Januari 2025",         # backwards
    "4 kali setahun", "32 Januari 2025", "31/02/2025", "Januari 2025 2026",
    "<b>Berkala</b>",
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_texts_set_no_months(text):
    assert parse_target_waktu(text, 2025) == ScheduleParse([], False)


def test_parse_result_is_frozen():
    result = parse_target_waktu("Januari 2025", 2025)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.recognized = False


FORMATS = [
    ([], ""),
    (["2025-10"], "Oktober 2025"),
    (ALL_2025, "Januari - Desember 2025"),
    (["2025-01", "2025-04"], "Januari dan April 2025"),
    (["2025-03", "2025-06", "2025-09", "2025-12"], "Maret, Juni, September, Desember 2025"),
    (["2025-01", "2025-02", "2025-03", "2025-06"], "Januari - Maret dan Juni 2025"),
    (["2025-01", "2025-02", "2025-03", "2025-06", "2025-09"],
     "Januari - Maret, Juni, September 2025"),
    (["2025-11", "2026-01"], "November 2025 dan Januari 2026"),
    (["2025-11", "2025-12", "2026-01", "2026-02"], "November 2025 - Februari 2026"),
    (["2025-01", "2025-04", "2026-01"], "Januari dan April 2025 dan Januari 2026"),
    (["2025-03", "2025-11", "2025-12", "2026-01", "2026-05"],
     "Maret 2025, November 2025 - Januari 2026 dan Mei 2026"),
    (["2025-06", "2025-01", "2025-01"], "Januari dan Juni 2025"),  # unsorted, doubled
]


@pytest.mark.parametrize(("months", "text"), FORMATS)
def test_format(months, text):
    assert format_target_waktu(months) == text


@pytest.mark.parametrize(("months", "text"), FORMATS[1:])
def test_formatted_text_reads_back(months, text):
    assert parse_target_waktu(text, 2025).months == sorted(set(months))


@pytest.mark.parametrize("text", [
    "Januari - Desember 2025", "Januari 2025", "Januari dan April 2025",
    "April dan Desember 2025", "November - Desember 2025", "November 2025 dan Januari 2026",
])
def test_decree_style_text_round_trips(text):
    assert format_target_waktu(parse_target_waktu(text, 2025).months) == text


@settings(max_examples=400, deadline=None)
@given(start=st.sampled_from(month_range("2024-01", 36)), size=st.sampled_from([12, 16]),
       data=st.data())
def test_months_text_months_round_trip(start, size, data):
    period = month_range(start, size)
    months = sorted(data.draw(st.sets(st.sampled_from(period), min_size=1)))
    text = format_target_waktu(months)
    assert parse_target_waktu(text, int(start[:4]), start, size) == ScheduleParse(months, True)
    assert format_target_waktu(parse_target_waktu(text, 2030).months) == text


def test_schedule_does_not_load_qt():
    code = ("import sys, zi_desktop.schedule; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
