"""The four levels of a Rencana Aksi tree and what each holds.

Area → Komponen → Indikator → Langkah aksi. Every generic operation (add, delete,
move, change a field) is driven by this table instead of one code path per level.
"""

from __future__ import annotations

from dataclasses import dataclass

from .bounds import MAX_TEKS  # noqa: F401 - characters in one field (declared in bounds)


@dataclass(frozen=True)
class Level:
    name: str                  # table name and key in the plan dict
    label: str                 # what the user reads
    parent: str | None
    child: str | None
    fields: tuple[str, ...]    # text fields the user edits
    title: str                 # the field that names the item in the tree
    plural: str                # key of the children list in the plan dict


AREA = Level("area", "Area", None, "komponen", ("nama", "penanggung_jawab"), "nama", "area")
KOMPONEN = Level("komponen", "Komponen", "area", "indikator", ("nama",), "nama", "komponen")
INDIKATOR = Level("indikator", "Indikator", "komponen", "aksi", ("teks",), "teks", "indikator")
AKSI = Level("aksi", "Langkah aksi", "indikator", None,
             ("langkah", "bukti_fisik", "target_waktu", "target_capaian", "penanggung_jawab"),
             "langkah", "aksi")

LEVELS: dict[str, Level] = {lv.name: lv for lv in (AREA, KOMPONEN, INDIKATOR, AKSI)}
ORDER: tuple[str, ...] = ("area", "komponen", "indikator", "aksi")

# Columns of table `rencana` ↔ keys of the plan dict's "rencana" (nested keys use a dot).
IDENTITAS_TEKS = ("satker", "nomor", "tanggal", "tempat", "tentang",
                  "jabatan_penandatangan", "penandatangan")
RENCANA_KOLOM = {
    "satker": "satker", "tahun": "tahun",
    **{k: k for k in IDENTITAS_TEKS if k != "satker"},
    "salinan_kantor": "salinan.kantor", "salinan_jabatan": "salinan.jabatan",
    "salinan_nama": "salinan.nama",
    "bulan_mulai": "bulan_mulai", "jumlah_bulan": "jumlah_bulan",
    "cetak_kertas": "cetak.kertas", "cetak_kolom_waktu": "cetak.kolom_waktu",
    "cetak_penanggung_jawab": "cetak.penanggung_jawab",
    "cetak_target_capaian": "cetak.target_capaian", "cetak_nomor_kolom": "cetak.nomor_kolom",
}
RENCANA_BOOL = {"cetak_penanggung_jawab", "cetak_target_capaian", "cetak_nomor_kolom"}
RENCANA_INT = {"tahun", "jumlah_bulan"}

ROMAWI = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def romawi(n: int) -> str:
    """1 → "I", 7 → "VII"."""
    out = []
    for value, numeral in ROMAWI:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)
