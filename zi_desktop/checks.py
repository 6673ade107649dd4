"""Periksa Kelengkapan: the rules ``check`` applies to a plan dict (with ids).

A finding has a severity ("galat": the Lampiran is incomplete; "peringatan": worth a
look), a code, an Indonesian message, and the item it points at.

Rules (code → severity):
  identitas_tidak_lengkap (galat)   satker, nomor, tanggal, tempat, jabatan or name of the signer empty
  tanggal_tidak_sah (galat)         the decree date is not a real date
  rencana_kosong (galat)            no area at all
  teks_kosong (galat)               an area, komponen, indikator or langkah aksi without text
  area_tanpa_komponen (galat)       komponen_tanpa_indikator (galat), indikator_tanpa_aksi (galat)
  tanpa_bukti_fisik (galat)         a langkah aksi without bukti fisik
  bulan_belum_ditentukan (galat)    a langkah aksi without planned months
  target_waktu_berbeda (peringatan) the Target Waktu text reads as other months than the ones ticked
  realisasi_terlambat (peringatan)  a planned month has passed with no realisasi (once any is recorded)
  selesai_tanpa_bukti (peringatan)  a langkah aksi marked selesai without any evidence file
  teks_ganda (peringatan)           the same langkah aksi twice in one indikator, or the same
                                    indikator twice in one komponen (case and spaces ignored)
  tahun_lalu (peringatan)           a text still names the year before the plan's year
                                    (zi_desktop/year_texts.py; after Tahun Berikutnya)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True)
class Temuan:
    tingkat: str
    kode: str
    pesan: str
    level: str | None = None      # "rencana", "area", "komponen", "indikator", "aksi"
    id: int | None = None
    jalur: str = ""               # "I.2.3.1": area, komponen, indikator, langkah aksi

    def as_dict(self) -> dict:
        return asdict(self)


IDENTITAS_WAJIB = {"satker": "nama satuan kerja", "nomor": "nomor keputusan",
                   "tanggal": "tanggal penetapan", "tempat": "tempat penetapan",
                   "jabatan_penandatangan": "jabatan penandatangan",
                   "penandatangan": "nama penandatangan"}


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@lru_cache(maxsize=8192)
def _parse_cached(text: str, tahun: int, bulan_mulai: str, jumlah_bulan: int):
    from .schedule import parse_target_waktu
    return parse_target_waktu(text, tahun, bulan_mulai, jumlah_bulan)


def check_plan(plan: dict) -> list[Temuan]:
    from .schedule import format_target_waktu
    out: list[Temuan] = []
    r = plan["rencana"]
    missing = [label for key, label in IDENTITAS_WAJIB.items() if not str(r.get(key, "")).strip()]
    if missing:
        out.append(Temuan(GALAT, "identitas_tidak_lengkap",
                          "Identitas rencana belum lengkap: " + ", ".join(missing) + ".", "rencana", 1))
    tanggal = str(r.get("tanggal", "")).strip()
    if tanggal and _iso_date(tanggal) is None:
        out.append(Temuan(GALAT, "tanggal_tidak_sah",
                          f"Tanggal penetapan “{_short(tanggal)}” bukan tanggal yang sah.", "rencana", 1))
    if not plan["area"]:
        out.append(Temuan(GALAT, "rencana_kosong", "Rencana belum berisi area.", "rencana", 1))
    for a_no, area in enumerate(plan["area"], 1):
        a_path = area["kode"]
        if not area["nama"].strip():
            out.append(Temuan(GALAT, "teks_kosong", f"Area {a_path} belum diberi nama.", "area", area.get("id"), a_path))
        if not area["komponen"]:
            out.append(Temuan(GALAT, "area_tanpa_komponen", f"Area {a_path} belum berisi komponen.",
                              "area", area.get("id"), a_path))
        for k_no, komp in enumerate(area["komponen"], 1):
            k_path = f"{a_path}.{k_no}"
            if not komp["nama"].strip():
                out.append(Temuan(GALAT, "teks_kosong", f"Komponen {k_path} belum diberi nama.",
                                  "komponen", komp.get("id"), k_path))
            if not komp["indikator"]:
                out.append(Temuan(GALAT, "komponen_tanpa_indikator", f"Komponen {k_path} belum berisi indikator.",
                                  "komponen", komp.get("id"), k_path))
            seen_ind: dict[str, str] = {}
            for i_no, ind in enumerate(komp["indikator"], 1):
                i_path = f"{k_path}.{i_no}"
                i_key = " ".join(ind["teks"].lower().split())
                if i_key and i_key in seen_ind:
                    out.append(Temuan(PERINGATAN, "teks_ganda",
                                      f"Indikator {i_path} sama dengan {seen_ind[i_key]} dalam komponen yang sama.",
                                      "indikator", ind.get("id"), i_path))
                seen_ind.setdefault(i_key, i_path)
                if not ind["teks"].strip():
                    out.append(Temuan(GALAT, "teks_kosong", f"Indikator {i_path} belum diisi.",
                                      "indikator", ind.get("id"), i_path))
                if not ind["aksi"]:
                    out.append(Temuan(GALAT, "indikator_tanpa_aksi",
                                      f"Indikator {i_path} belum memiliki langkah aksi.",
                                      "indikator", ind.get("id"), i_path))
                seen: dict[str, str] = {}
                for x_no, aksi in enumerate(ind["aksi"], 1):
                    x_path = f"{i_path}.{x_no}"
                    where = ("aksi", aksi.get("id"), x_path)
                    name = _short(aksi["langkah"]) or x_path
                    if not aksi["langkah"].strip():
                        out.append(Temuan(GALAT, "teks_kosong", f"Langkah aksi {x_path} belum diisi.", *where))
                    if not aksi["bukti_fisik"].strip():
                        out.append(Temuan(GALAT, "tanpa_bukti_fisik",
                                          f"Langkah aksi {x_path} “{name}” belum memiliki bukti fisik.", *where))
                    if not aksi["bulan"]:
                        out.append(Temuan(GALAT, "bulan_belum_ditentukan",
                                          f"Langkah aksi {x_path} “{name}”: bulan belum ditentukan.", *where))
                    elif aksi["target_waktu"].strip():
                        parsed = _parse_cached(aksi["target_waktu"], int(r["tahun"]), r["bulan_mulai"],
                                               int(r["jumlah_bulan"]))
                        if parsed.recognized and parsed.months != aksi["bulan"]:
                            out.append(Temuan(
                                PERINGATAN, "target_waktu_berbeda",
                                f"Langkah aksi {x_path}: target waktu “{_short(aksi['target_waktu'])}” tidak "
                                f"sesuai dengan bulan yang dicentang ({format_target_waktu(aksi['bulan'])}).",
                                *where))
                    key = " ".join(aksi["langkah"].lower().split())
                    if key and key in seen:
                        out.append(Temuan(PERINGATAN, "teks_ganda",
                                          f"Langkah aksi {x_path} sama dengan {seen[key]} dalam indikator yang sama.",
                                          *where))
                    seen.setdefault(key, x_path)
    out.extend(_old_year_findings(plan))
    out.extend(check_pemantauan(plan))
    return out


def check_pemantauan(plan: dict, today=None) -> list[Temuan]:
    """Monitoring rules, once the plan records any realisasi (a plan not monitored in ZI
    Desktop gets no warnings for it): a planned month passed without realisasi, and a
    langkah aksi marked selesai without any evidence file (one finding per langkah aksi)."""
    from .dates import format_bulan
    from .pemantauan.progress import late_without_realisasi, walk
    out: list[Temuan] = []
    if not any(x.get("realisasi") for *_p, x in walk(plan)):
        return out
    for jalur, _a, _k, _i, aksi in walk(plan):
        where = ("aksi", aksi.get("id"), jalur)
        name = _short(aksi["langkah"]) or jalur
        late = late_without_realisasi(aksi, today)
        if late:
            out.append(Temuan(PERINGATAN, "realisasi_terlambat",
                              f"Langkah aksi {jalur} “{name}”: belum ada realisasi untuk "
                              + ", ".join(format_bulan(m) for m in late) + ".", *where))
        if any(r["status"] == "selesai" for r in aksi.get("realisasi", [])) and not aksi.get("bukti_dukung"):
            out.append(Temuan(PERINGATAN, "selesai_tanpa_bukti",
                              f"Langkah aksi {jalur} “{name}” tercatat selesai tetapi belum ada bukti dukung.",
                              *where))
    return out


def _old_year_findings(plan: dict) -> list[Temuan]:
    from .year_texts import describe, old_year_texts
    return [Temuan(PERINGATAN, "tahun_lalu", describe(t), t.level, t.id, t.jalur) for t in old_year_texts(plan)]


def _iso_date(text: str):
    import datetime as _dt
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


def has_errors(findings: list[Temuan]) -> bool:
    return any(f.tingkat == GALAT for f in findings)
