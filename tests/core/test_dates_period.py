"""The plan period, read in one place (dates.plan_period) by the grid, the form, the Lampiran,
the export and the schedule parser."""

import pytest

from zi_desktop.dates import plan_period


def test_default_is_january_to_december_of_the_year():
    assert plan_period({"tahun": 2025}) == [f"2025-{m:02d}" for m in range(1, 13)]


def test_a_period_that_crosses_the_year():
    assert plan_period({"tahun": 2025, "bulan_mulai": "2025-10", "jumlah_bulan": 4}) == [
        "2025-10", "2025-11", "2025-12", "2026-01"]


@pytest.mark.parametrize("start", ["", "2025-13", "abc", None, "0-01"])
def test_an_unreadable_start_falls_back_to_january(start):
    assert plan_period({"tahun": 2026, "bulan_mulai": start, "jumlah_bulan": 2}) == ["2026-01", "2026-02"]


@pytest.mark.parametrize("count, months", [(0, 12), (-3, 1), (100, 36), ("x", 12), (None, 12)])
def test_the_count_stays_within_one_to_36(count, months):
    assert len(plan_period({"tahun": 2025, "jumlah_bulan": count})) == months


def test_every_core_reader_uses_it():   # (the window's form and grid: tests/ui)
    import zi_desktop.exchange.export_xlsx
    import zi_desktop.lampiran
    import zi_desktop.schedule
    for module in (zi_desktop.exchange.export_xlsx, zi_desktop.lampiran, zi_desktop.schedule):
        assert module.plan_period is plan_period
