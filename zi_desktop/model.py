"""The four levels of a Rencana Aksi tree and what each holds.

Area → Komponen → Indikator → Langkah aksi. Every generic operation (add, delete,
move, change a field) is driven by this table instead of one code path per level.
"""

from __future__ import annotations

from typing import NamedTuple

from .bounds import MAX_TEKS  # noqa: F401 - characters in one field (declared in bounds)


class Level(NamedTuple):
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
    "judul_tabel": "judul_tabel",
    **{f"cetak_{k}": f"cetak.{k}" for k in (
        "huruf", "kata_miring", "tanda_tangan", "nomor_titik", "kepala_bulan",
        "ulang_ditetapkan", "koma_jabatan", "gaya_nomor", "lebar_kolom")},
}
RENCANA_BOOL = {"cetak_penanggung_jawab", "cetak_target_capaian", "cetak_nomor_kolom",
                "cetak_nomor_titik", "cetak_ulang_ditetapkan", "cetak_koma_jabatan"}
# Print settings held as text in the file: a list (one entry per line) and a dict (JSON).
RENCANA_DAFTAR = {"cetak_kata_miring"}
RENCANA_JSON = {"cetak_lebar_kolom"}
# The print conventions of 0004_cetak as a plan dict holds them by default (the migration
# gives a format-1 file the same).
CETAK_BAWAAN = {"huruf": "arial", "kata_miring": [], "tanda_tangan": "ttd.", "nomor_titik": False,
                "kepala_bulan": "nama", "ulang_ditetapkan": True, "koma_jabatan": True,
                "gaya_nomor": "tahun", "lebar_kolom": {}}

CETAK_PILIHAN = {"cetak_huruf": ("arial", "bookman", "dejavu"),
                 "cetak_kepala_bulan": ("nama", "angka"),
                 "cetak_gaya_nomor": ("tahun", "titik_dua"),
                 "cetak_kertas": ("F4", "A4"), "cetak_kolom_waktu": ("teks", "bulan")}


def kolom_ke_nilai(column: str, raw):
    """A ``rencana`` column's stored value → its plan-dict value (list, dict, bool …)."""
    if column in RENCANA_BOOL:
        return bool(raw)
    if column in RENCANA_DAFTAR:
        return [w.strip() for w in str(raw or "").split("\n") if w.strip()]
    if column in RENCANA_JSON:
        import json
        try:
            value = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}
    return raw


def nilai_ke_kolom(column: str, value):
    """A plan-dict value → what the ``rencana`` column stores (the inverse of the above)."""
    if column in RENCANA_BOOL or column in RENCANA_INT:
        return int(value)
    if column in RENCANA_DAFTAR:
        items = value if isinstance(value, (list, tuple)) else str(value or "").split("\n")
        return "\n".join(" ".join(str(w).split()) for w in items if str(w).strip())
    if column in RENCANA_JSON:
        import json
        if isinstance(value, str):
            value = json.loads(value) if value.strip() else {}
        if not isinstance(value, dict):
            raise ValueError("lebar kolom harus berupa kamus kolom → mm")
        clean = {str(k): round(float(v), 1) for k, v in value.items()}
        return json.dumps(clean, sort_keys=True) if clean else ""
    value = str(value)
    if column in CETAK_PILIHAN and value not in CETAK_PILIHAN[column]:
        raise ValueError(f"{column}: {value!r}")
    return value
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
