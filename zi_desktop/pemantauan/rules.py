"""What a realisasi entry may hold: month in the plan period, a known status, a percentage
that agrees with it (selesai = 100, belum = 0, sebagian 1–99), catatan as text. Used by the
edit (``SetRealisasi``) and by ``write_plan`` for the realisasi of a plan dict."""

from __future__ import annotations

import re

from ..edits import check_text
from ..errors import ZiError

STATUS = ("belum", "sebagian", "selesai")
_MONTH = re.compile(r"^[12]\d{3}-(0[1-9]|1[0-2])$")


def check_realisasi(bulan, status, persen, catatan, period: list[str]) -> tuple[str, str, int, str]:
    """One realisasi entry made valid, or a sentence saying what is wrong with it."""
    if not isinstance(bulan, str) or not _MONTH.match(bulan):
        raise ZiError(f"Bulan \"{bulan}\" tidak sah; tulis seperti 2025-03.")
    if bulan not in period:
        raise ZiError(f"Bulan {bulan} di luar periode rencana ({period[0]} sampai {period[-1]}).")
    if status not in STATUS:
        raise ZiError(f"Status \"{status}\" tidak dikenal; pilih belum, sebagian atau selesai.")
    if persen is None or persen == "":
        persen = {"belum": 0, "sebagian": 50, "selesai": 100}[status]
    try:
        persen = int(persen)
    except (TypeError, ValueError):
        raise ZiError(f"Persen \"{persen}\" bukan bilangan bulat 0–100.") from None
    if not 0 <= persen <= 100:
        raise ZiError(f"Persen {persen} di luar 0–100.")
    if status == "selesai" and persen != 100:
        raise ZiError("Status selesai berarti 100 persen; untuk kegiatan yang belum tuntas pilih sebagian.")
    if status == "belum" and persen != 0:
        raise ZiError("Status belum berarti 0 persen; untuk kegiatan yang sudah berjalan pilih sebagian.")
    if status == "sebagian" and not 0 < persen < 100:
        raise ZiError("Status sebagian berarti antara 1 dan 99 persen.")
    return bulan, status, persen, check_text("" if catatan is None else catatan)


def realisasi_rows(aksi_id: int, aksi: dict, period: list[str]) -> list[tuple]:
    """Rows of ``realisasi`` for a langkah aksi of a plan dict (its evidence has no bytes here)."""
    out = {}
    for entry in aksi.get("realisasi") or []:
        if not isinstance(entry, dict):
            raise ZiError("Isian realisasi tidak sah.")
        row = check_realisasi(entry.get("bulan"), entry.get("status"), entry.get("persen"),
                              entry.get("catatan", ""), period)
        out[row[0]] = (aksi_id, *row)
    return list(out.values())


