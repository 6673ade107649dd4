"""The print options of one Lampiran: the plan's ``rencana["cetak"]`` with the caller's
overrides, every value checked and given its default (a hostile or old plan dict prints
with defaults rather than failing)."""

from __future__ import annotations

import re
from typing import NamedTuple

from .fonts import HURUF, HURUF_BAWAAN

KERTAS = ("F4", "A4")
KOLOM_WAKTU = ("teks", "bulan")
KEPALA_BULAN = ("nama", "angka")
GAYA_NOMOR = ("tahun", "titik_dua")
# lebar_kolom keys the user may set (mm); the month columns share what is left
KOLOM_LEBAR = ("no", "komponen", "indikator", "langkah", "bukti", "waktu", "capaian", "pj")
MAX_MIRING = 200          # words/phrases in italics; more is a hostile plan


class Options(NamedTuple):
    kertas: str = "F4"
    kolom_waktu: str = "teks"
    penanggung_jawab: bool = False
    target_capaian: bool = False
    nomor_kolom: bool = False
    huruf: str = HURUF_BAWAAN
    kata_miring: tuple = ()
    tanda_tangan: str = "ttd."
    nomor_titik: bool = False
    kepala_bulan: str = "nama"
    ulang_ditetapkan: bool = True
    koma_jabatan: bool = True
    gaya_nomor: str = "tahun"
    lebar_kolom: dict = {}       # never changed in place: resolve() gives each print its own

    def miring_pattern(self):
        """One regex matching any of the italic words/phrases (whole words, any case)."""
        words = sorted({" ".join(w.split()) for w in self.kata_miring if w.strip()},
                       key=len, reverse=True)
        if not words:
            return None
        alts = "|".join(r"\s+".join(re.escape(p) for p in w.split(" ")) for w in words)
        return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


NAMES = Options._fields


def _flag(value, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "ya", "yes", "on")
    return bool(value)


def _choice(value, choices, default: str, upper: bool = False) -> str:
    text = str(value if value is not None else default).strip()
    text = text.upper() if upper else text.lower()
    return text if text in choices else default


def _words(value) -> tuple:
    if isinstance(value, str):
        value = value.split("\n")
    if not isinstance(value, (list, tuple)):
        return ()
    out = [" ".join(str(w).split()) for w in value[:MAX_MIRING] if isinstance(w, str)]
    return tuple(w for w in out if 0 < len(w) <= 200)


def _widths(value) -> dict:
    if not isinstance(value, dict):
        return {}
    out = {}
    for key, mm_ in value.items():
        try:
            mm_ = float(mm_)
        except (TypeError, ValueError):
            continue
        if key in KOLOM_LEBAR and 3.0 <= mm_ <= 300.0:
            out[key] = mm_
    return out


def resolve(cetak, overrides: dict) -> Options:
    """``cetak`` (the plan's print settings) with ``overrides`` (keyword arguments of
    ``build_lampiran``; ``None`` = take the plan's) → checked ``Options``."""
    cetak = cetak if isinstance(cetak, dict) else {}
    unknown = set(overrides) - set(NAMES)
    if unknown:
        raise TypeError(f"unknown print options {sorted(unknown)}")
    raw = {k: overrides.get(k) if overrides.get(k) is not None else cetak.get(k) for k in NAMES}
    d = Options()
    sign = raw["tanda_tangan"]
    return Options(
        kertas=_choice(raw["kertas"], KERTAS, d.kertas, upper=True),
        kolom_waktu=_choice(raw["kolom_waktu"], KOLOM_WAKTU, d.kolom_waktu),
        penanggung_jawab=_flag(raw["penanggung_jawab"], d.penanggung_jawab),
        target_capaian=_flag(raw["target_capaian"], d.target_capaian),
        nomor_kolom=_flag(raw["nomor_kolom"], d.nomor_kolom),
        huruf=_choice(raw["huruf"], HURUF, d.huruf),
        kata_miring=_words(raw["kata_miring"]),
        tanda_tangan=" ".join(sign.split())[:40] if isinstance(sign, str) else d.tanda_tangan,
        nomor_titik=_flag(raw["nomor_titik"], d.nomor_titik),
        kepala_bulan=_choice(raw["kepala_bulan"], KEPALA_BULAN, d.kepala_bulan),
        ulang_ditetapkan=_flag(raw["ulang_ditetapkan"], d.ulang_ditetapkan),
        koma_jabatan=_flag(raw["koma_jabatan"], d.koma_jabatan),
        gaya_nomor=_choice(raw["gaya_nomor"], GAYA_NOMOR, d.gaya_nomor),
        lebar_kolom=_widths(raw["lebar_kolom"]),
    )
