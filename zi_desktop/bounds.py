"""The limits every reader and writer may rely on, written down once.

A file the guard accepts never exceeds them (``fileguard`` refuses it), the edits refuse
values beyond them, and the writers (PDF, .xlsx, summary) can count on them instead of
each inventing a cap of its own.
"""

from __future__ import annotations

import re

MAX_TEKS = 100_000            # characters in one text field
MAX_TEKS_BYTES = 4 * MAX_TEKS  # the same in UTF-8 bytes (at most 4 per character)
MAX_KATA = 200                # longest unbroken word printed as is; longer ones are cut
MAX_BULAN = 36                # months in a plan period (Gantt columns, .xlsx columns)
TAHUN_MIN, TAHUN_MAX = 1900, 2999
# a planned month may lie this many years before/after the plan year (targets run into
# the next year; a period of 36 months starting the year before stays inside)
BULAN_TAHUN_SEBELUM, BULAN_TAHUN_SESUDAH = 1, 3
MAX_ID = 2**31 - 1            # row ids: Qt's internal ids are 32-bit signed
# most rows per level (a real plan: 6-7 areas, ~30 komponen, ~150 indikator, ~400 aksi)
MAX_BARIS = {"area": 100, "komponen": 2_000, "indikator": 10_000, "aksi": 30_000,
             "jadwal": 30_000 * MAX_BULAN, "riwayat": 100_000}
MAX_BARIS_LAIN = 1_000_000    # rows in any other table (added by later migrations)
BUSY_MS = 5000                # how long a read or a commit waits for another program's lock
MAX_BERKAS = 2 * 1024**3      # bytes in one .zidb (file size and header page count); the
#                               evidence a plan may carry (pemantauan) stays well below
MAX_BUKTI = 25 * 1024**2      # bytes in one evidence file, and in all of a plan's (why: pemantauan/admission.py)
MAX_BUKTI_RENCANA = 1024**3
SALIN_DI_MEMORI = 64 * 1024**2  # the guard's copy (all but the evidence) in memory up to this size, else on disk

_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_KATA + 1))


def cut_long_words(text: str, limit: int = MAX_KATA) -> str:
    """Words longer than ``limit`` characters cut into pieces of ``limit`` separated by a
    space, in one pass (linear in the length of ``text``); shorter text is returned as is."""
    if len(text) <= limit:
        return text
    pattern = _LONG_WORD if limit == MAX_KATA else re.compile(r"\S{%d,}" % (limit + 1))

    def cut(m: re.Match) -> str:
        word = m.group(0)
        return " ".join(word[i:i + limit] for i in range(0, len(word), limit))

    return pattern.sub(cut, text)
