"""Next year's plan from this year's: same tree, dates moved to the new year, decree identity cleared.

``next_year_plan`` works on plan dicts (docs/ARCHITECTURE.md) and never changes its input.
What moves: ``tahun``, ``bulan_mulai``, every planned month (same month of the year), the year in
``tentang``, and the Target Waktu texts — regenerated from the months, or, when the text is manual (written by the user)
the text, kept as written with its year numbers advanced ("Maksimal 31 Oktober 2025" →
"Maksimal 31 Oktober 2026"). What is cleared: the decree number, date and the signer's name (a
new decree is signed anew); position, place, unit, copy block and print settings stay.
Langkah aksi, bukti fisik and the other texts are kept as written.
"""

from __future__ import annotations

import calendar
import copy
import re

from .errors import ZiError
from .schedule import format_target_waktu
from .template import check_tahun

_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_LEAP_DAY = re.compile(r"\b29(\s+)(februari|pebruari|feb\.?)(\s+)(\d{4})\b", re.I)


def _shift_month(ym: str, years: int) -> str:
    year, month = ym.split("-")
    return f"{int(year) + years:04d}-{int(month):02d}"


def _shift_years(text: str, years: int, lo: int, hi: int) -> str:
    """Advance the year numbers in ``text`` that fall in [lo, hi] (the plan period's years, one
    either side): "LKjIP 2025, maksimal Maret 2026" moves whole; a year far from the period
    (a Renstra "2020-2024" in a 2026 plan) stays."""
    if not years or not text:
        return text

    def bump(m: re.Match) -> str:
        year = int(m.group())
        return str(year + years) if lo <= year <= hi else m.group()

    out = _YEAR.sub(bump, text)

    def leap(m: re.Match) -> str:   # "29 Februari 2024" has no 2025 counterpart: 28 Februari
        return m.group() if calendar.isleap(int(m.group(4))) else f"28{m.group(1)}{m.group(2)}{m.group(3)}{m.group(4)}"

    return _LEAP_DAY.sub(leap, out)


def _shift_tentang(text: str, old: int, new: int) -> str:
    """"… Tahun 2025" → "… Tahun 2026": only the plan year written after "Tahun", or standing
    last in the text; other years in the subject stay."""
    if old == new or not text:
        return text
    after_tahun = re.compile(rf"(\btahun\s+){old}(?!\d)", re.I)
    if after_tahun.search(text):
        return after_tahun.sub(lambda m: f"{m.group(1)}{new}", text)
    return re.sub(rf"(?<!\d){old}(\W*)$", lambda m: f"{new}{m.group(1)}", text)


def _plan_year(rencana: dict) -> int:
    try:
        return int(rencana.get("tahun"))
    except (TypeError, ValueError):
        raise ZiError("Rencana asal tidak memiliki tahun yang sah, sehingga rencana tahun "
                      "berikutnya tidak dapat dibuat.") from None


def _new_year(old: int, tahun) -> int:
    return old + 1 if tahun is None else check_tahun(tahun)


def next_year_plan(plan: dict, tahun: int | None = None) -> dict:
    """The plan for ``tahun`` (default: the plan's year + 1) built from ``plan`` (not modified)."""
    new = copy.deepcopy(plan)
    rencana = new.setdefault("rencana", {})
    old = _plan_year(rencana)
    target = _new_year(old, tahun)
    years = target - old

    start = rencana.get("bulan_mulai") or f"{old:04d}-01"
    try:
        jumlah = int(rencana.get("jumlah_bulan") or 12)
        start_year = int(start.split("-")[0])
        rencana["bulan_mulai"] = _shift_month(start, years)
    except (ValueError, AttributeError, IndexError):
        raise ZiError(f"Bulan mulai rencana asal (\"{start}\") tidak sah.") from None
    end_year = start_year + (int(start.split("-")[1]) - 1 + max(jumlah, 1) - 1) // 12
    lo, hi = min(start_year, old) - 1, max(end_year, old) + 1

    rencana["tahun"] = target
    rencana["nomor"] = ""
    rencana["tanggal"] = ""
    rencana["penandatangan"] = ""
    rencana["tentang"] = _shift_tentang(rencana.get("tentang", ""), old, target)

    _shift_keputusan(new, old, target)
    for area in new.get("area", []):
        for komponen in area.get("komponen", []):
            for indikator in komponen.get("indikator", []):
                for aksi in indikator.get("aksi", []):
                    _shift_aksi(aksi, years, lo, hi)
    from .lke.plan import for_next_year
    for_next_year(new)
    return new


def _shift_keputusan(plan: dict, old: int, new: int) -> None:
    """The decree body carries over: "Tahun 2025" → "Tahun 2026" in Menimbang, Memperhatikan,
    Menetapkan, the diktum and the chapters; Mengingat cites regulations by their own years
    and stays."""
    body = plan.get("keputusan")
    if not isinstance(body, dict):
        return
    for bagian in ("menimbang", "memperhatikan", "diktum"):
        body[bagian] = [_shift_tentang(t, old, new) for t in body.get(bagian) or []]
    body["menetapkan"] = _shift_tentang(body.get("menetapkan") or "", old, new)
    body["bab"] = [{"judul": _shift_tentang(c.get("judul", ""), old, new),
                    "isi": _shift_tentang(c.get("isi", ""), old, new)}
                   for c in body.get("bab") or []]


def _shift_aksi(aksi: dict, years: int, lo: int, hi: int) -> None:
    aksi["realisasi"] = []           # last year's monitoring stays with last year's plan
    aksi["bukti_dukung"] = []
    try:
        aksi["bulan"] = sorted({_shift_month(m, years) for m in aksi.get("bulan", [])})
    except (ValueError, AttributeError):
        raise ZiError("Jadwal sebuah langkah aksi pada rencana asal tidak sah "
                      f"({aksi.get('bulan')!r}).") from None
    text = aksi.get("target_waktu", "") or ""
    if aksi.get("target_waktu_manual") or (text.strip() and not aksi["bulan"]):
        # manual (or text without months: nothing to regenerate it from) → keep, advance years
        aksi["target_waktu"] = _shift_years(text, years, lo, hi)
    else:
        aksi["target_waktu"] = format_target_waktu(aksi["bulan"])
