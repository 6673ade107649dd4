"""Starting plans: the standard template, or an empty plan.

The standard tree (areas, komponen, indikator of PermenPANRB 90/2021 as amended by 5/2024) is
data in ``resources/template/standar.json``; where its text comes from is told in
``resources/template/README.md``. This module only turns it into a plan dict
(docs/ARCHITECTURE.md) with a filled-in identity.
"""

from __future__ import annotations

import copy
import functools
import json
import re

from .errors import ZiError
from .model import CETAK_BAWAAN, romawi
from .paths import resource

TEMPLATES = ("standar", "kosong")

TENTANG = ("Rencana Aksi Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi dan "
           "Wilayah Birokrasi Bersih dan Melayani")

# Abbreviations users type in a unit name → the long form printed in the decree.
_SINGKATAN = [
    (re.compile(r"\bKPU\b", re.I), "Komisi Pemilihan Umum"),
    (re.compile(r"\bKIP\b", re.I), "Komisi Independen Pemilihan"),
    (re.compile(r"\bKab\b\.?", re.I), "Kabupaten"),
    (re.compile(r"\bProv\b\.?", re.I), "Provinsi"),
]
_SEKRETARIAT = re.compile(r"^sekretariat\s+", re.I)


@functools.lru_cache(maxsize=1)
def _standar() -> dict:
    path = resource("template", "standar.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        areas = data["area"]
        for area in areas + [data["area_inovasi"]]:
            for komponen in area["komponen"]:
                if not all(isinstance(t, str) and t.strip() for t in komponen["indikator"]):
                    raise ValueError("indikator kosong")
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ZiError(f"Templat standar ({path}) tidak dapat dibaca ({err}); "
                      "pasang ulang ZI Desktop.") from err
    return data


def _template_areas(inovasi: bool) -> list[dict]:
    data = _standar()
    return copy.deepcopy(data["area"] + ([data["area_inovasi"]] if inovasi else []))


def standard_komponen(*, inovasi: bool = False) -> dict[str, list[str]]:
    """Area name → its komponen names, in order, as the standard template has them
    (the six areas; with ``inovasi`` also VII Inovasi Pelayanan)."""
    return {area["nama"]: [k["nama"] for k in area["komponen"]]
            for area in _template_areas(inovasi)}


@functools.lru_cache(maxsize=1)
def standard_ties() -> dict[str, str]:
    """Indikator text of the standard template (lower case, spaces tidied) → the LKE question
    code it is (``lke`` beside ``indikator`` in standar.json): the tie a langkah aksi under
    that indikator is offered."""
    out = {}
    for area in _standar()["area"]:
        for komponen in area["komponen"]:
            for teks, kode in zip(komponen["indikator"], komponen.get("lke", [])):
                out[" ".join(teks.lower().split())] = kode
    return out


def nama_panjang(satker: str) -> str:
    """"KPU Kab. Contoh" → "Komisi Pemilihan Umum Kabupaten Contoh" (spaces tidied)."""
    text = " ".join((satker or "").split())
    for pattern, long in _SINGKATAN:
        text = pattern.sub(long, text)
    return text


def tentang_for(satker: str, tahun: int) -> str:
    """The decree subject: "Rencana Aksi … di Lingkungan <satker long form> Tahun <tahun>"."""
    long = nama_panjang(satker)
    return f"{TENTANG} di Lingkungan {long} Tahun {tahun}" if long else f"{TENTANG} Tahun {tahun}"


def jabatan_for(satker: str) -> str:
    """The signer's position: "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH" ("" without a unit).
    The commission signs even when the unit is written as its secretariat."""
    long = _SEKRETARIAT.sub("", nama_panjang(satker))
    return f"KETUA {long.upper()}" if long else ""


def check_tahun(tahun) -> int:
    """A plan year the user typed → int, or one Indonesian sentence."""
    try:
        value = int(tahun)
    except (TypeError, ValueError):
        raise ZiError(f"Tahun rencana \"{tahun}\" tidak sah; tulis tahun empat angka, misalnya 2026.") from None
    if not 2000 <= value <= 2100:
        raise ZiError(f"Tahun rencana {value} di luar jangkauan (2000–2100); periksa kembali tahunnya.")
    return value


def template_plan(name: str, tahun: int, satker: str, *, inovasi: bool = False) -> dict:
    """A new plan dict: every identity key filled or empty, and the tree of template ``name``
    ("standar": the six areas, their komponen and indikator, no langkah aksi; "kosong": no
    areas). ``inovasi`` adds area VII Inovasi Pelayanan to the standard tree."""
    if name not in TEMPLATES:
        raise ZiError(f"Templat \"{name}\" tidak dikenal; pilih salah satu: {', '.join(TEMPLATES)}.")
    tahun = check_tahun(tahun)
    satker = " ".join((satker or "").split())
    rencana = {
        "satker": satker,
        "tahun": tahun,
        "nomor": "",
        "tanggal": "",
        "tempat": "",
        "tentang": tentang_for(satker, tahun),
        "jabatan_penandatangan": jabatan_for(satker),
        "penandatangan": "",
        "salinan": {"kantor": "", "jabatan": "", "nama": ""},
        "bulan_mulai": f"{tahun}-01",
        "jumlah_bulan": 12,
        "judul_tabel": "",
        "cetak": {"kertas": "F4", "kolom_waktu": "teks", "penanggung_jawab": False,
                  "target_capaian": False, "nomor_kolom": False, **copy.deepcopy(CETAK_BAWAAN)},
    }
    areas = []
    if name == "standar":
        for pos, area in enumerate(_template_areas(inovasi), 1):
            areas.append({
                "kode": romawi(pos),
                "nama": area["nama"],
                "penanggung_jawab": area.get("penanggung_jawab", ""),
                "komponen": [{"nama": k["nama"],
                              "indikator": [{"teks": t, "aksi": []} for t in k["indikator"]]}
                             for k in area["komponen"]],
            })
    elif inovasi:
        raise ZiError("Area Inovasi Pelayanan hanya dapat ditambahkan pada templat standar.")
    return {"rencana": rencana, "area": areas, "keputusan": _keputusan(name, satker, rencana)}


def _keputusan(name: str, satker: str, rencana: dict) -> dict:
    """The standard decree body (Menimbang, Mengingat, diktum, Menetapkan from the title) for
    "standar"; empty otherwise."""
    from .keputusan import MENETAPKAN, empty
    from .keputusan.menetapkan import from_title
    if name != "standar":
        return empty()
    return {**keputusan_baku(satker, rencana["tentang"]), MENETAPKAN: from_title(rencana)}


def keputusan_baku(satker: str, tentang: str) -> dict:
    """The standard decree body for a unit as the user writes it ("KPU Kab. Contoh")."""
    from .keputusan.template import template_body
    return template_body(_SEKRETARIAT.sub("", nama_panjang(satker)), tentang)
