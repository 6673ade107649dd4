"""The decree's titles and names as text: the centred title, the unit written out, the NOMOR
line, the PDF title, dates. Plain text (no ReportLab), so the checks and the monitoring
report use them without loading the print."""

from __future__ import annotations

import re

from .dates import format_tanggal
from .printable import one_line as _one_line

STANDARD_SUBJECT = ("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI "
                    "KORUPSI DAN WILAYAH BIROKRASI BERSIH DAN MELAYANI")
_NBSP = "\u00a0"


def expand_satker(satker: str) -> str:
    """"KPU Kabupaten Kudus" → "KOMISI PEMILIHAN UMUM KABUPATEN KUDUS"."""
    text = _one_line(satker)
    text = re.sub(r"\bKPU\b", "Komisi Pemilihan Umum", text)
    text = re.sub(r"\bKIP\b", "Komisi Independen Pemilihan", text)
    return text.upper()


def title_text(rencana: dict) -> str:
    """The centred title: the decree subject upper-cased (KPU written out) when it names
    the Rencana Aksi, else the standard wording with the unit; "TAHUN <tahun>" added when
    missing."""
    tahun = _one_line(rencana.get("tahun"))
    satker = expand_satker(rencana.get("satker", ""))
    tentang = expand_satker(rencana.get("tentang", ""))
    if tentang.startswith("RENCANA AKSI"):
        title = tentang.rstrip(" .;")
    else:
        title = STANDARD_SUBJECT
        if satker:
            title += " DI LINGKUNGAN " + satker
    if tahun and not re.search(r"\bTAHUN\s+" + re.escape(tahun) + r"\b", title):
        title += " TAHUN " + tahun
    return title


def doc_title(rencana: dict) -> str:
    """PDF title: "Lampiran Keputusan Nomor 14 Tahun 2025 – Rencana Aksi … KPU Kabupaten Kudus"."""
    nomor = _one_line(rencana.get("nomor"))
    tahun = _one_line(rencana.get("tahun"))
    satker = _one_line(rencana.get("satker"))
    head = "Lampiran Keputusan"
    if nomor:
        head += f" Nomor {nomor}"
    if tahun:
        head += f" Tahun {tahun}"
    return f"{head} – Rencana Aksi Pembangunan Zona Integritas {satker}".strip()


def nomor_line(rencana: dict, gaya: str = "tahun") -> str:
    """"NOMOR 14 TAHUN 2025", or with ``gaya`` "titik_dua" "NOMOR : 7 TAHUN 2026" (as the
    Madiun decree sets it)."""
    nomor = _one_line(rencana.get("nomor"))
    tahun = _one_line(rencana.get("tahun"))
    if not nomor:
        nomor = _NBSP * 14          # left blank, filled in by hand after signing
    label = "NOMOR : " if gaya == "titik_dua" else "NOMOR "
    return f"{label}{nomor} TAHUN {tahun}".rstrip()


def tanggal_text(value) -> str:
    text = _one_line(value)
    if not text:
        return ""
    try:
        return format_tanggal(text)
    except (ValueError, TypeError):
        return text                 # not ISO: print what the user wrote


def table_title(rencana: dict) -> str:
    """The centred title above the table: the plan's own ``judul_tabel`` where set."""
    own = _one_line(rencana.get("judul_tabel"))
    return own or title_text(rencana)
