"""The standard decree body of a new plan and the library of regulations for Mengingat.

Data in ``resources/keputusan/`` (``templat.json``, ``peraturan.json``), each text written from
the published seed decrees, its source named beside it. The library flags an entry that cites a
regulation since replaced (PermenPANRB 52/2014 jo. 10/2019 → 90/2021).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from ..errors import ZiError
from ..paths import resource
from . import empty


@dataclass(frozen=True)
class Peraturan:
    kode: str
    singkat: str           # what the picker lists
    kutipan: str           # the full citation as Mengingat prints it
    sumber: str
    baku: bool             # in the standard template
    diganti_oleh: str      # kode of the regulation that replaced it ("" = in force)
    cocok: tuple[str, ...]  # lower-case pieces that all occur in a text citing it


def _load(name: str) -> dict:
    path = resource("keputusan", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ZiError(f"Data keputusan ({path}) tidak dapat dibaca ({err}); pasang ulang "
                      "ZI Desktop.") from err


@functools.lru_cache(maxsize=1)
def library() -> tuple[Peraturan, ...]:
    """Every regulation of ``peraturan.json`` in its order."""
    try:
        return tuple(Peraturan(e["kode"], e["singkat"], e["kutipan"], e.get("sumber", ""),
                               bool(e.get("baku")), e.get("diganti_oleh") or "",
                               tuple(e.get("cocok", ())))
                     for e in _load("peraturan.json")["peraturan"])
    except (KeyError, TypeError) as err:
        raise ZiError(f"Pustaka peraturan tidak lengkap ({err}); pasang ulang ZI Desktop.") from err


def peraturan(kode: str) -> Peraturan:
    for entry in library():
        if entry.kode == kode:
            return entry
    raise ZiError(f"Peraturan \"{kode}\" tidak ada dalam pustaka.")


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def replaced_in(text: str) -> Peraturan | None:
    """The replaced regulation a Mengingat entry still cites, or None."""
    plain = _plain(text)
    for entry in library():
        if entry.diganti_oleh and entry.cocok and all(p in plain for p in entry.cocok):
            return entry
    return None


def template_body(satuan_kerja: str, tentang: str) -> dict:
    """The standard ``"keputusan"`` of a new plan. ``satuan_kerja``: the unit's long name
    ("Komisi Pemilihan Umum Kabupaten Contoh"); ``tentang``: the decree subject."""
    data = _load("templat.json")
    fill = {"satuan_kerja": satuan_kerja or "Komisi Pemilihan Umum Kabupaten/Kota",
            "tentang": re.sub(r"[.;\s]+$", "", tentang or "Rencana Aksi Pembangunan Zona "
                              "Integritas")}

    def put(text: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: fill.get(m.group(1), m.group()), text)

    body = empty()
    body["menimbang"] = [put(t) for t in data["menimbang"]]
    body["mengingat"] = [peraturan(k).kutipan for k in data["mengingat"]]
    body["diktum"] = [put(t) for t in data["diktum"]]
    return body
