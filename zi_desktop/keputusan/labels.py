"""Labels derived from position, as decrees print them: Menimbang a., b. …; Mengingat 1., 2. …;
diktum KESATU, KEDUA …; chapters BAB I, BAB II … (like the Roman numerals of the areas)."""

from __future__ import annotations

from ..model import romawi

_SATUAN = ["", "SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN"]


def huruf(n: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa" (a decree with more items than letters is rare)."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _bilangan(n: int) -> str:
    if n < 10:
        return _SATUAN[n]
    if n == 10:
        return "SEPULUH"
    if n == 11:
        return "SEBELAS"
    if n < 20:
        return f"{_SATUAN[n - 10]} BELAS"
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{_SATUAN[tens]} PULUH" + (f" {_SATUAN[ones]}" if ones else "")
    return str(n)


def diktum(n: int) -> str:
    """1 → "KESATU", 2 → "KEDUA", 11 → "KESEBELAS", 12 → "KEDUA BELAS"."""
    return "KESATU" if n == 1 else "KE" + _bilangan(n)


def bab(n: int) -> str:
    """1 → "BAB I"."""
    return f"BAB {romawi(n)}"


def label(bagian: str, n: int) -> str:
    """The printed label of item ``n`` (1-based) of a list: "a.", "1.", "KESATU"."""
    if bagian == "menimbang":
        return f"{huruf(n)}."
    if bagian in ("mengingat", "memperhatikan"):
        return f"{n}."
    if bagian == "diktum":
        return diktum(n)
    return bab(n)
