"""Dates the Indonesian way: "2 Januari 2025", parsed with python-dateutil."""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
         "Agustus", "September", "Oktober", "November", "Desember"]
BULAN_SINGKAT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]

# Every spelling met in decrees, lower-case, → month number.
_EJAAN = {
    1: ["jan", "januari"], 2: ["feb", "peb", "februari", "pebruari"], 3: ["mar", "maret"],
    4: ["apr", "april"], 5: ["mei"], 6: ["jun", "juni"], 7: ["jul", "juli"],
    8: ["agu", "agt", "agus", "agustus"], 9: ["sep", "sept", "september"],
    10: ["okt", "oktober"], 11: ["nov", "nop", "nopember", "november"], 12: ["des", "desember"],
}
NAMA_KE_BULAN = {nama: nomor for nomor, namas in _EJAAN.items() for nama in namas}


@lru_cache(maxsize=1)
def _dateutil():
    """dateutil's parser with Indonesian month and day names, imported on first use (the
    import costs ~25 ms that printing and most verbs never need)."""
    from dateutil import parser

    class IndonesianParserInfo(parser.parserinfo):
        MONTHS = [tuple(_EJAAN[n]) for n in range(1, 13)]
        WEEKDAYS = [("sen", "senin"), ("sel", "selasa"), ("rab", "rabu"), ("kam", "kamis"),
                    ("jum", "jumat", "jum'at"), ("sab", "sabtu"), ("min", "minggu")]
        JUMP = [" ", ".", ",", ";", "-", "/", "'", "tanggal", "tgl", "pada"]

        def __init__(self) -> None:
            super().__init__(dayfirst=True, yearfirst=False)

    return parser, IndonesianParserInfo()


def format_tanggal(value: _dt.date | str | None) -> str:
    """2025-01-02 → "2 Januari 2025" ("" for nothing)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value)
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def format_bulan(ym: str) -> str:
    """"2025-03" → "Maret 2025"."""
    year, month = ym.split("-")
    return f"{BULAN[int(month) - 1]} {year}"


def parse_tanggal(text: str) -> _dt.date | None:
    """"2 Januari 2025", "17 Agt 2025", "2025-01-02", "02/01/2025" → date; None if unreadable."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return _dt.date.fromisoformat(text)  # ISO first: dayfirst would swap month and day
    except ValueError:
        pass
    try:
        parser, info = _dateutil()
        return parser.parse(text, parserinfo=info, default=_dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


MAX_BULAN = 36   # the longest plan period shown, printed or exported (the identity dialog's limit)


def plan_period(rencana: dict) -> list[str]:
    """The plan period's months: ``bulan_mulai`` and ``jumlah_bulan`` of the plan dict's
    "rencana" (default January–December of ``tahun``). The one place that reads them: a start
    that is not a month falls back to January of ``tahun``, the count is kept within 1–36."""
    try:
        count = min(max(int(rencana.get("jumlah_bulan") or 12), 1), MAX_BULAN)
    except (TypeError, ValueError):
        count = 12
    start = str(rencana.get("bulan_mulai") or "").strip()
    try:
        year, month = (int(p) for p in start.split("-")[:2])
        if not 1 <= month <= 12 or not 1 <= year <= 9999:
            raise ValueError(start)
    except ValueError:
        tahun = str(rencana.get("tahun") or "").strip()
        year = int(tahun) if tahun.isdigit() and 1 <= int(tahun) <= 9999 else _dt.date.today().year
        month = 1
    if year == 9999:
        count = min(count, 13 - month)
    return month_range(f"{year:04d}-{month:02d}", count)


def month_range(start: str, count: int) -> list[str]:
    """"2025-10", 4 → ["2025-10", "2025-11", "2025-12", "2026-01"]."""
    year, month = (int(p) for p in start.split("-"))
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out
