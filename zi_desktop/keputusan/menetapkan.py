"""The "Menetapkan :" of the decree: what it should say (derived from the title), what is
printed (the stored text, else the derived one) and whether the stored text still matches the
title — the Periksa rule ``menetapkan_berbeda``.

The derivation uses the decree's title functions (``zi_desktop.titles``, plain text: ``check``
loads no ReportLab)."""

from __future__ import annotations

import re

from ..titles import expand_satker, title_text
from . import MENETAPKAN


def from_title(rencana: dict) -> str:
    """ "KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KUDUS TENTANG RENCANA AKSI … TAHUN 2025." """
    satker = expand_satker(rencana.get("satker", ""))
    return " ".join(f"KEPUTUSAN {satker} TENTANG {title_text(rencana)}.".split())


def printed(plan: dict) -> str:
    """What the decree prints after "Menetapkan :"."""
    stored = str((plan.get("keputusan") or {}).get(MENETAPKAN) or "").strip()
    return stored or from_title(plan.get("rencana") or {})


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w/()]+", " ", str(text).upper()).split())


def matches_title(text: str, rencana: dict) -> bool:
    """True when ``text`` is "KEPUTUSAN <unit> TENTANG <subject>" of this plan (the subject
    as the title prints it, with or without "TAHUN <year>"; case and punctuation aside)."""
    satker = expand_satker(rencana.get("satker", ""))
    tentang = expand_satker(rencana.get("tentang", ""))
    return _norm(text) in {_norm(from_title(rencana)),
                           _norm(f"KEPUTUSAN {satker} TENTANG {tentang}")}


def where_it_differs(text: str, expected: str, words: int = 8) -> tuple[str, str]:
    """The two texts from a word before where they part (a finding's sentence stays short
    and still shows the difference): ("… TENTANG PENETAPAN RENCANA …", "… TENTANG RENCANA …")."""
    a, b = text.split(), expected.split()
    same = 0
    while same < min(len(a), len(b)) and _norm(a[same]) == _norm(b[same]):
        same += 1
    start = max(0, same - 1)

    def part(ws: list[str]) -> str:
        piece = " ".join(ws[start:start + words])
        return ("… " if start else "") + piece + (" …" if start + words < len(ws) else "")
    return part(a), part(b)
