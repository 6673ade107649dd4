"""A corpus of decrees of the family, generated, so import tests need nothing beside the clone.

``make_decree(n, **variant)`` builds one decree from the standard template's areas, komponen and
indikator and varied langkah aksi / bukti fisik / target waktu texts; ``expected_plan(d)`` is
the plan the import must give; ``render_text(d)`` prints it in one of the layouts of the family
with the chosen damage; ``write_docx(plan, path)`` lays a plan out as Word does (merged cells,
repeated header rows, numbered paragraphs, the table split at pages) and ``write_pdf(plan,
path)`` prints that table with ReportLab (ruled grid, repeated header). ``differences(plan,
expected)`` says, one line per difference, where an import went wrong.

Layouts: ``tsv`` (PDF-to-text: cells on one line), ``markdown`` (pipe tables, one per page,
``<br>`` and ``<ul><li>`` in cells, the area heading above each table), ``html`` (one
``<table>`` per page), ``grid`` (TSV with a 12-month ✓ grid and PENANGGUNG JAWAB).
Damage: ``cut`` (cells cut at a page break), ``top_row`` (a new row at the top of a page whose
target waktu is empty), ``twice`` (the row at a page's foot printed again at the next page's
top), ``missing_area`` (a whole area's pages lost: codes jump), ``missing_heading`` (an area's
first page lost: its heading and first komponen), ``merged_waktu`` (a target waktu printed once
for two langkah aksi).
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = json.loads((ROOT / "resources" / "template" / "standar.json").read_text(encoding="utf-8"))
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]

MARKS = ["ttd", "ttd.", "Ttd.", "TTD", "td.", "dto", ""]
LIST_STYLES = ["1.", "1)", "a.", "-", "•", "1", "lanjut"]
LAYOUTS = ["tsv", "markdown", "html", "grid"]

_VERBS = ["Menyusun", "Melaksanakan", "Mengevaluasi", "Menetapkan", "Mensosialisasikan",
          "Melaporkan", "Memublikasikan", "Membentuk", "Memantau", "Meninjau"]
_OBJECTS = ["rencana kerja {k} untuk seluruh pegawai di lingkungan sekretariat",
            "laporan pelaksanaan {k} secara berkala kepada pimpinan",
            "kegiatan {k} dengan melibatkan seluruh pegawai dan pemangku kepentingan",
            "dokumen {k} yang telah ditetapkan oleh pimpinan satuan kerja",
            "hasil {k} melalui rapat internal dan laman resmi satuan kerja"]
_BUKTI = ["Undangan rapat", "Daftar hadir", "Notulen rapat", "Dokumentasi kegiatan",
          "Laporan kegiatan", "Surat Keputusan Ketua", "Tangkapan layar laman resmi",
          "Berita acara", "Materi sosialisasi", "Lembar monitoring"]
_ITALIC = ["website", "e-office", "role model", "mindset", "culture set"]
_WAKTU = ["Januari - Desember {y}", "Maret, Juni, September, Desember {y}", "Agustus {y}",
          "Februari {y}", "Juni - Desember {y}", "April dan Oktober {y}", "November {y}"]
_CAPAIAN = ["100% pegawai", "Nilai SKM ≥ 85", "Dokumen tersedia", "4 kali setahun"]
_UNITS = ["KUDUS", "MADIUN", "KAPUAS", "SLEMAN", "BANYUMAS", "GRESIK", "PATI", "BLORA"]
_NAMES = ["AHMAD SUBARKAH", "SITI NURHALIZA", "BUDI SANTOSO", "DEWI LESTARI", "RUDI HARTONO",
          "NUR AINI", "JOKO WIBOWO", "RINA MARLINA"]
_SALINAN_STAFF = ["Muhammad Iqbal", "Ayu Wandira", "Sri Rahayu", "Hendra Gunawan"]


# --- the decree as the generator means it ------------------------------------------------

@dataclass
class GAksi:
    langkah: str
    bukti: list[str]                # list items as printed, markers included
    waktu: str = ""
    bulan: list[int] = field(default_factory=list)   # grid layout: months ticked (1..12)
    capaian: str = ""
    italic: list[str] = field(default_factory=list)


@dataclass
class GArea:
    nama: str
    pj: str
    komponen: list[tuple[str, list[tuple[str, list[GAksi]]]]]   # (nama, [(indikator, aksi)])


@dataclass
class Decree:
    name: str
    tahun: int
    unit: str                       # "KABUPATEN KUDUS"
    nomor: str
    tanggal: dt.date
    tempat: str
    penandatangan: str
    mark: str
    salinan_kantor: list[str]
    salinan_jabatan: list[str]
    salinan_nama: str
    areas: list[GArea]
    layout: str = "tsv"
    capaian: bool = False
    pj: bool = False
    column_numbers: bool = False
    damage: set = field(default_factory=set)
    list_style: str = "1."
    page_rows: int = 5
    lampiran_name: str | None = None      # the Lampiran's closing block names someone else
    body_name: bool = True               # the body's closing block carries the name
    # print conventions (issue 15): NO "1." (None: mixed, most without the dot), the month
    # grid headed "angka" 1 … 12 | "nama" Jan … Des | "penuh" Januari …, "Ditetapkan di …"
    # repeated under the table, the comma after the position, "NOMOR : n" in the LAMPIRAN block
    nomor_titik: bool | None = None
    kepala: str = "angka"
    ulang: bool = False
    koma: bool = True
    titik_dua: bool = False

    @property
    def satker(self) -> str:
        return "KPU " + self.unit.title()

    @property
    def jabatan(self) -> str:
        return f"KETUA KOMISI PEMILIHAN UMUM {self.unit}"

    @property
    def tentang(self) -> str:
        return ("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI DAN "
                "WILAYAH BIROKRASI BERSIH DAN MELAYANI DI LINGKUNGAN KOMISI PEMILIHAN UMUM "
                f"{self.unit} TAHUN {self.tahun}")

    @property
    def judul_tabel(self) -> str:
        return f"RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KPU {self.unit} TAHUN {self.tahun}"

    @property
    def grid(self) -> bool:
        return self.layout == "grid"


def _items(rng: random.Random, style: str, count: int, start: int, italic: bool) -> tuple[list[str], list[str]]:
    words = rng.sample(_BUKTI, count)
    used = []
    if italic:
        word = rng.choice(_ITALIC)
        words[-1] = f"{words[-1]} melalui <i>{word}</i>"
        used.append(word)
    out = []
    for k, w in enumerate(words):
        n = start + k
        marker = {"1.": f"{n}.", "lanjut": f"{n}.", "1)": f"{n})", "a.": f"{chr(96 + n)}.",
                  "-": "-", "•": "•", "1": f"{n}"}[style]
        out.append(f"{marker} {w}")
    return out, used


def make_decree(n: int, layout: str | None = None, *, damage=(), mark: str | None = None,
                salinan: int | None = None, list_style: str | None = None, capaian=None,
                pj=None, column_numbers=None, italic: bool = True, areas: int = 6,
                komponen: int = 3, page_rows: int = 5, nomor_titik: bool | None = None,
                kepala: str = "angka", ulang: bool = False, koma: bool = True,
                titik_dua: bool = False) -> Decree:
    """The n-th decree of the corpus (deterministic); keyword arguments pin a variant."""
    rng = random.Random(n)
    layout = layout or LAYOUTS[n % len(LAYOUTS)]
    tahun = 2024 + n % 3
    unit = f"KABUPATEN {_UNITS[n % len(_UNITS)]}"
    style = list_style or LIST_STYLES[n % len(LIST_STYLES)]
    d = Decree(name=f"korpus-{n}-{layout}", tahun=tahun, unit=unit, nomor=str(3 + n),
               tanggal=dt.date(tahun, 1 + n % 3, 2 + n % 20), tempat=_UNITS[n % len(_UNITS)].title(),
               penandatangan=_NAMES[n % len(_NAMES)], mark=MARKS[n % len(MARKS)] if mark is None else mark,
               salinan_kantor=[], salinan_jabatan=[], salinan_nama="", areas=[], layout=layout,
               capaian=(layout == "markdown") if capaian is None else capaian,
               pj=(layout == "grid") if pj is None else pj,
               column_numbers=(n % 2 == 1) if column_numbers is None else column_numbers,
               damage=set(damage), list_style=style, page_rows=page_rows,
               nomor_titik=nomor_titik, kepala=kepala, ulang=ulang, koma=koma,
               titik_dua=titik_dua)
    _salinan(d, n if salinan is None else salinan, rng)
    counter = 1
    for a_index, area in enumerate(TEMPLATE["area"][:areas]):
        team = f"Tim {area['nama'].title()}" if d.pj else ""
        komps = []
        for komp in area["komponen"][:komponen]:
            inds = []
            for ind in komp["indikator"][:1 + rng.randrange(2)]:
                aksi = []
                for _ in range(1 + (rng.random() < 0.35)):
                    obj = rng.choice(_OBJECTS).format(k=komp["nama"].lower())
                    count = 2 + rng.randrange(2)
                    start = counter if style == "lanjut" else 1
                    bukti, used = _items(rng, style, count, start,
                                         italic and layout != "tsv" and rng.random() < 0.3)
                    counter = start + count if style == "lanjut" else 1
                    g = GAksi(langkah=f"{rng.choice(_VERBS)} {obj}", bukti=bukti, italic=used)
                    if d.grid:
                        first = rng.randrange(1, 12)
                        g.bulan = sorted(rng.sample(range(first, 13), min(3, 13 - first)))
                    else:
                        g.waktu = rng.choice(_WAKTU).format(y=tahun)
                    if d.capaian:
                        g.capaian = rng.choice(_CAPAIAN)
                    aksi.append(g)
                inds.append((ind, aksi))
            komps.append((komp["nama"], inds))
        d.areas.append(GArea(nama=area["nama"], pj=team, komponen=komps))
        del a_index
    if "merged_waktu" in d.damage and not d.grid:
        for area in d.areas:
            for _, inds in area.komponen:
                for _, aksi in inds:
                    if len(aksi) == 1:
                        aksi.append(copy.deepcopy(aksi[0]))
                        aksi[1].langkah = "Menindaklanjuti " + aksi[1].langkah.split(" ", 1)[1]
                    aksi[1].waktu = aksi[0].waktu
                    break
                break
    if "top_row" in d.damage:
        _empty_top_rows(d)
    return d


def _empty_top_rows(d: Decree) -> None:
    """The first row of a page that starts a new indikator gets no target waktu."""
    count = 0
    for area in d.areas:
        for _, inds in area.komponen:
            for i_index, (_, aksi) in enumerate(inds):
                for a_index, a in enumerate(aksi):
                    if count and count % d.page_rows == 0 and a_index == 0 and i_index > 0:
                        a.waktu, a.bulan = "", []
                    count += 1


def _salinan(d: Decree, variant: int, rng: random.Random) -> None:
    v = variant % 5
    staff = _SALINAN_STAFF[variant % len(_SALINAN_STAFF)]
    if v == 0:
        d.salinan_kantor = ["SEKRETARIAT KOMISI PEMILIHAN UMUM", d.unit]
        d.salinan_jabatan = ["Kepala Subbagian Umum dan Logistik,"]
        d.salinan_nama = staff
    elif v == 1:
        d.salinan_kantor = ["SEKRETARIAT", "KOMISI PEMILIHAN UMUM", d.unit]
        d.salinan_jabatan = ["Plt. Sekretaris,"]
        d.salinan_nama = staff.upper()
    elif v == 2:
        d.salinan_kantor = ["SEKRETARIAT KOMISI PEMILIHAN UMUM " + d.unit]
        d.salinan_jabatan = ["Kasubbag Teknis Penyelenggaraan Pemilu,", "Partisipasi dan Hubungan Masyarakat,"]
        d.salinan_nama = staff
    elif v == 3:                      # the name is missing
        d.salinan_kantor = ["SEKRETARIAT KOMISI PEMILIHAN UMUM", d.unit]
        d.salinan_jabatan = ["Sekretaris,"]
        d.salinan_nama = ""
    else:
        d.salinan_kantor = ["KOMISI PEMILIHAN UMUM", d.unit]
        d.salinan_jabatan = ["Plt. Kepala Subbagian Keuangan, Umum dan Logistik"]
        d.salinan_nama = staff


# --- what the import must give -------------------------------------------------------------

def _plain(text: str) -> str:
    return re.sub(r"</?i>", "", text)


def expected_plan(d: Decree) -> dict:
    """The plan the import of ``render_text(d)`` (or its .docx / PDF) must give."""
    from zi_desktop.schedule import format_target_waktu
    areas = []
    for index, area in enumerate(d.areas):
        if "missing_area" in d.damage and index == _missing_area(d):
            areas.append({"nama": area.nama, "penanggung_jawab": "", "komponen": []})
            continue
        komps = []
        for k_index, (nama, inds) in enumerate(area.komponen):
            if "missing_heading" in d.damage and index == _missing_heading(d) and k_index == 0:
                continue
            out_inds = []
            for teks, aksi in inds:
                out_aksi = []
                for a in aksi:
                    months = [f"{d.tahun}-{m:02d}" for m in a.bulan]
                    out_aksi.append({"langkah": a.langkah,
                                     "bukti_fisik": "\n".join(_plain(b) for b in a.bukti),
                                     "target_waktu": format_target_waktu(months) if d.grid else a.waktu,
                                     "target_capaian": a.capaian})
                out_inds.append({"teks": teks, "aksi": out_aksi})
            komps.append({"nama": nama, "indikator": out_inds})
        areas.append({"nama": area.nama, "penanggung_jawab": area.pj, "komponen": komps})
    salinan = {"kantor": " ".join(d.salinan_kantor),
               "jabatan": " ".join(d.salinan_jabatan).rstrip(","), "nama": d.salinan_nama}
    italic = sorted({w for area in d.areas for _, inds in area.komponen for _, aksi in inds
                     for a in aksi for w in a.italic})
    cetak = {"tanda_tangan": d.mark, "kata_miring": italic,
             "nomor_titik": bool(d.nomor_titik), "gaya_nomor": "titik_dua" if d.titik_dua else "tahun",
             "ulang_ditetapkan": d.ulang, "koma_jabatan": d.koma}
    if d.grid:
        cetak["kepala_bulan"] = "angka" if d.kepala == "angka" else "nama"
    return {"rencana": {"satker": d.satker, "tahun": d.tahun, "nomor": d.nomor,
                        "tanggal": d.tanggal.isoformat(), "tempat": d.tempat,
                        "jabatan_penandatangan": d.jabatan, "penandatangan": d.penandatangan,
                        "salinan": salinan, "judul_tabel": d.judul_tabel, "cetak": cetak},
            "area": areas}


def expected_reports(d: Decree) -> list[str]:
    """Words the report must hold (with a place) for the damage of ``d``."""
    out = []
    if "cut" in d.damage:
        out.append("digabung ke baris di atasnya")
    if "twice" in d.damage:
        out.append("tercetak dua kali")
    if "missing_area" in d.damage:
        out.append("Area V PENGUATAN PENGAWASAN tidak ada di sumber — halaman hilang?")
    if "missing_heading" in d.damage:
        out.append("Area V PENGUATAN PENGAWASAN: judul area tidak ada di sumber — halaman hilang?")
    if "merged_waktu" in d.damage:
        out.append("target waktu kosong (sel gabungan)")
    if "top_row" in d.damage:
        out.append("dibaca sebagai baris baru, bukan sambungan")
    if not d.body_name:
        out.append("Nama penanda tangan tidak ada pada blok tanda tangan keputusan")
    if d.lampiran_name:
        out.append("berbeda dengan penanda tangan di akhir Lampiran")
    if not d.salinan_nama:
        out.append("Nama pada blok \"Salinan sesuai dengan aslinya\" tidak ada di sumber")
    return out


def _missing_area(d: Decree) -> int:
    return 4            # V PENGUATAN PENGAWASAN: its pages are lost


def _missing_heading(d: Decree) -> int:
    return 4


def differences(plan: dict, want: dict) -> list[str]:
    """What the imported ``plan`` gets wrong against ``want`` (from :func:`expected_plan`)."""
    out = []
    r, w = plan["rencana"], want["rencana"]
    for key in ("satker", "tahun", "nomor", "tanggal", "tempat", "jabatan_penandatangan",
                "penandatangan", "salinan", "judul_tabel"):
        if key in w and r.get(key) != w[key]:
            out.append(f"rencana.{key}: {r.get(key)!r} ≠ {w[key]!r}")
    for key, value in w["cetak"].items():
        got = r.get("cetak", {}).get(key)
        if key == "kata_miring":
            got = sorted(got or [])
        if got != value:
            out.append(f"rencana.cetak.{key}: {got!r} ≠ {value!r}")
    if len(plan["area"]) != len(want["area"]):
        out.append(f"area: {[a['nama'] for a in plan['area']]} ≠ {[a['nama'] for a in want['area']]}")
        return out
    for ai, (pa, wa) in enumerate(zip(plan["area"], want["area"]), start=1):
        if pa["nama"] != wa["nama"]:
            out.append(f"area {ai}: {pa['nama']!r} ≠ {wa['nama']!r}")
        p_rows, w_rows = _rows(pa), _rows(wa)
        if len(p_rows) != len(w_rows):
            out.append(f"area {ai}: {len(p_rows)} baris ≠ {len(w_rows)}: "
                       + "; ".join(f"{p!r}" for p in p_rows if p not in w_rows)[:600])
            continue
        for ri, (p, q) in enumerate(zip(p_rows, w_rows), start=1):
            if p != q:
                out.append(f"area {ai} baris {ri}: {p!r} ≠ {q!r}")
    return out


def _rows(area: dict) -> list[tuple]:
    rows = []
    for ki, k in enumerate(area["komponen"], start=1):
        for ii, i in enumerate(k["indikator"], start=1):
            for a in i["aksi"]:
                pj = a.get("penanggung_jawab") or area.get("penanggung_jawab", "")
                rows.append((k["nama"], i["teks"], a["langkah"], a["bukti_fisik"],
                             a["target_waktu"], a.get("target_capaian", ""), pj))
    return rows


# --- the text as published ------------------------------------------------------------------

def _columns(d: Decree) -> list[str]:
    cols = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK"]
    cols += [f"m{m}" for m in range(1, 13)] if d.grid else ["TARGET WAKTU"]
    if d.capaian:
        cols.append("TARGET CAPAIAN")
    if d.pj:
        cols.append("PENANGGUNG JAWAB")
    return cols


def _table_rows(d: Decree) -> list[tuple[str, object]]:
    """("area", (kode, nama)) | ("row", {column: text}) | ("page", None), damage applied."""
    from zi_desktop.model import romawi
    out: list[tuple[str, object]] = []
    data_since_page = 0
    for index, area in enumerate(d.areas):
        if "missing_area" in d.damage and index == _missing_area(d):
            continue
        lost_heading = "missing_heading" in d.damage and index == _missing_heading(d)
        if not lost_heading:
            out.append(("area", (romawi(index + 1), area.nama)))
        first_pj = True
        for k_index, (komp, inds) in enumerate(area.komponen):
            if lost_heading and k_index == 0:
                continue
            first_k = True
            for teks, aksi in inds:
                first_i = True
                prev_waktu = None
                for a in aksi:
                    dot = k_index % 2 if d.nomor_titik is None else d.nomor_titik
                    cells = {"NO": (f"{k_index + 1}." if dot else str(k_index + 1)) if first_k else "",
                             "KOMPONEN": komp if first_k else "",
                             "INDIKATOR": teks if first_i else "",
                             "LANGKAH AKSI": a.langkah, "BUKTI": a.bukti}
                    waktu = a.waktu
                    if "merged_waktu" in d.damage and prev_waktu == waktu and not first_i:
                        waktu = ""
                    cells["TARGET WAKTU"] = waktu
                    for m in a.bulan:
                        cells[f"m{m}"] = "✓"
                    cells["TARGET CAPAIAN"] = a.capaian
                    cells["PENANGGUNG JAWAB"] = area.pj if first_pj else ""
                    out.append(("row", cells))
                    first_k = first_i = first_pj = False
                    prev_waktu = a.waktu
                    data_since_page += 1
                    if data_since_page >= d.page_rows:
                        out.append(("page", None))
                        data_since_page = 0
    return _damage(d, out)


def _damage(d: Decree, rows: list) -> list:
    out = []
    breaks = 0
    for k, (kind, value) in enumerate(rows):
        if kind != "page":
            out.append((kind, value))
            continue
        breaks += 1
        before = out[-1] if out and out[-1][0] == "row" else None
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if before is None or nxt is None:
            out.append((kind, value))
            continue
        if "cut" in d.damage and breaks % 3 == 1:
            cells = dict(before[1])
            words = cells["LANGKAH AKSI"].split(" ")
            cut = next(i for i in range(len(words) // 2, len(words)) if words[i][:1].islower())
            cells["LANGKAH AKSI"] = " ".join(words[:cut])
            bukti = list(cells["BUKTI"])
            rest = {"LANGKAH AKSI": " ".join(words[cut:])}
            if len(bukti) > 1 and d.list_style not in ("-", "•"):
                cells["BUKTI"], rest["BUKTI"] = bukti[:1], bukti[1:]
            out[-1] = ("row", cells)
            out.append((kind, value))
            out.append(("row", rest))
            continue
        if "twice" in d.damage and breaks % 3 == 2:
            out.append((kind, value))
            out.append(before)
            continue
        out.append((kind, value))
    return out


def _cell(d: Decree, name: str, value, *, flat: bool) -> str:
    if name == "BUKTI":
        items = list(value or [])
        if not items:
            return ""
        return " ".join(items) if flat else "<br>".join(items)
    return value or ""


def render_text(d: Decree) -> str:
    """The whole decree as text of its layout, damage included."""
    lines = _body(d)
    lines += ["", "LAMPIRAN", f"KEPUTUSAN KOMISI PEMILIHAN UMUM {d.unit}",
              f"NOMOR{' :' if d.titik_dua else ''} {d.nomor} TAHUN {d.tahun}", "TENTANG", d.tentang, "", "",
              ("**" + d.judul_tabel + "**") if d.layout == "markdown" else
              (f"<b>{d.judul_tabel}</b>" if d.layout == "html" else d.judul_tabel), ""]
    lines += _table(d)
    lines += [""] + (_ditetapkan(d) if d.ulang else []) \
        + [_position(d), "", d.mark, "", d.lampiran_name or d.penandatangan, ""]
    if not d.body_name and d.salinan_nama:      # the Salinan block printed again at the end
        lines += ["Salinan sesuai dengan aslinya"] + d.salinan_kantor + d.salinan_jabatan \
            + ["", "", d.salinan_nama, ""]
    return "\n".join(lines) + "\n"


def _ditetapkan(d: Decree) -> list[str]:
    return [f"Ditetapkan di {d.tempat}",
            f"pada tanggal {d.tanggal.day} {BULAN[d.tanggal.month - 1]} {d.tahun}", ""]


def _position(d: Decree) -> str:
    return d.jabatan + ("," if d.koma else "")


def _body(d: Decree) -> list[str]:
    out = [f"KEPUTUSAN KOMISI PEMILIHAN UMUM {d.unit}", "", f"NOMOR {d.nomor} TAHUN {d.tahun}", "",
           "TENTANG", "", d.tentang, "", d.jabatan + ",", "",
           "Menimbang : a. bahwa untuk mewujudkan pemerintahan yang bersih perlu menyusun rencana aksi;",
           "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
           "Keputusan tentang Rencana Aksi;", "",
           "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;", "",
           "MEMUTUSKAN:", "", "Menetapkan : KEPUTUSAN TENTANG RENCANA AKSI.", "",
           "KESATU : Menetapkan Rencana Aksi sebagaimana tercantum dalam Lampiran.", "",
           "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.", "",
           *_ditetapkan(d), _position(d), "", d.mark, "", d.penandatangan if d.body_name else "", "", ""]
    out += ["Salinan sesuai dengan aslinya"] + d.salinan_kantor + d.salinan_jabatan + ["", "", ""]
    if d.salinan_nama and d.body_name:           # else printed only at the Lampiran's end
        out += [d.salinan_nama, ""]
    return out


def _header_cells(d: Decree) -> list[str]:
    cols = _columns(d)
    return ["PELAKSANAAN (BULAN)" if c == "m1" else ("" if c.startswith("m") else c) for c in cols]


def _month_head(d: Decree, month: int) -> str:
    from zi_desktop.dates import BULAN_SINGKAT
    return {"angka": str(month), "nama": BULAN_SINGKAT[month - 1],
            "penuh": BULAN[month - 1]}[d.kepala]


def _table(d: Decree) -> list[str]:
    cols = _columns(d)
    flat = d.layout in ("tsv", "grid")
    key = {c: ("BUKTI" if c == "BUKTI FISIK" else c) for c in cols}
    numbers = [str(i + 1) for i in range(len(cols))]
    rows = _table_rows(d)
    out: list[str] = []

    def values(cells: dict) -> list[str]:
        return [_cell(d, key[c], cells.get(key[c]), flat=flat) for c in cols]

    if d.layout in ("tsv", "grid"):
        def header():
            out.append("\t".join(_header_cells(d)))
            if d.grid:
                out.append("\t".join("" if not c.startswith("m") else _month_head(d, int(c[1:]))
                                      for c in cols))
            if d.column_numbers:
                out.append("\t".join(numbers))
        header()
        for kind, value in rows:
            if kind == "page":
                out.append("")
                header()
            elif kind == "area":
                out.append("\t".join([value[0], value[1]] + [""] * (len(cols) - 2)))
            else:
                out.append("\t".join(values(value)))
        return out
    if d.layout == "markdown":
        def header():
            out.append("| " + " | ".join(cols) + " |")
            out.append("|" + "|".join("---" for _ in cols) + "|")
            if d.column_numbers:
                out.append("| " + " | ".join(numbers) + " |")
        pending_header = True
        for kind, value in rows:
            if kind == "page":
                out.append("")
                pending_header = True
            elif kind == "area":
                out += ["", f"{value[0]}. {value[1]}", ""]
                pending_header = True
            else:
                if pending_header:
                    header()
                    pending_header = False
                cells = values(value)
                if value.get("BUKTI") and d.list_style in ("-", "•") :
                    cells[cols.index("BUKTI FISIK")] = ('<ul style="list-style-type: none">'
                                                        + "".join(f"<li>{b}</li>" for b in value["BUKTI"])
                                                        + "</ul>")
                out.append("| " + " | ".join(cells) + " |")
        return out
    # html: one table per page, area rows spanning the columns
    def open_table():
        out.append("<table>")
        out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in cols) + "</tr>")
        if d.column_numbers:
            out.append("<tr>" + "".join(f"<td>{n}</td>" for n in numbers) + "</tr>")
    open_table()
    for kind, value in rows:
        if kind == "page":
            out.append("</table>")
            out.append("")
            open_table()
        elif kind == "area":
            out.append(f"<tr><td><b>{value[0]}</b></td><td colspan=\"{len(cols) - 1}\"><b>"
                       f"{html.escape(value[1])}</b></td></tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{v}</td>" for v in values(value)) + "</tr>")
    out.append("</table>")
    return out


# --- Word and PDF, from a plan ---------------------------------------------------------------

def plan_columns(plan: dict) -> list[str]:
    cetak = plan["rencana"].get("cetak", {})
    cols = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK"]
    grid = cetak.get("kolom_waktu") == "bulan"
    cols += ["PELAKSANAAN (BULAN)"] + [""] * 11 if grid else ["TARGET WAKTU"]
    if cetak.get("target_capaian"):
        cols.append("TARGET CAPAIAN")
    if cetak.get("penanggung_jawab"):
        cols.append("PENANGGUNG JAWAB")
    return cols


def plan_rows(plan: dict) -> list[tuple[str, list]]:
    """("area", [kode, nama]) | ("row", [cells]) with merge groups: each cell is (text, group)
    where rows of one group of a column are one merged cell (group None: not merged)."""
    from zi_desktop.dates import month_range
    r = plan["rencana"]
    cetak = r.get("cetak", {})
    grid = cetak.get("kolom_waktu") == "bulan"
    period = month_range(r["bulan_mulai"], 12)
    out = []
    for area in plan["area"]:
        out.append(("area", [area["kode"], area["nama"]]))
        for kn, k in enumerate(area["komponen"], start=1):
            for ii, i in enumerate(k["indikator"]):
                for ai, a in enumerate(i["aksi"]):
                    kg, ig = (area["kode"], kn), (area["kode"], kn, ii)
                    no = f"{kn}." if cetak.get("nomor_titik") else str(kn)
                    cells = [(no if ii == ai == 0 else "", kg), (k["nama"] if ii == ai == 0 else "", kg),
                             (i["teks"] if ai == 0 else "", ig), (a["langkah"], None),
                             (a["bukti_fisik"], None)]
                    if grid:
                        cells += [("✓" if ym in a["bulan"] else "", None) for ym in period]
                    else:
                        cells.append((a["target_waktu"], None))
                    if cetak.get("target_capaian"):
                        cells.append((a["target_capaian"], None))
                    if cetak.get("penanggung_jawab"):
                        pj = a["penanggung_jawab"] or area["penanggung_jawab"]
                        same = not a["penanggung_jawab"]
                        cells.append((pj if (same and kn == 1 and ii == ai == 0) or not same else "",
                                      (area["kode"], "pj") if same else None))
                    out.append(("row", cells))
    return out


def _identity_paragraphs(plan: dict) -> list[str]:
    from zi_desktop.dates import format_tanggal
    from zi_desktop.template import nama_panjang
    r = plan["rencana"]
    unit = nama_panjang(r["satker"]).upper()
    tahun = r["tahun"]
    cetak = r.get("cetak", {})
    body = [f"KEPUTUSAN {unit}", f"NOMOR {r['nomor']} TAHUN {tahun}", "TENTANG", r["tentang"], "",
            *_keputusan_paragraphs(plan), f"Ditetapkan di {r['tempat']}", f"pada tanggal {format_tanggal(r['tanggal'])}",
            *_closing_paragraphs(plan)]
    s = r["salinan"]
    if any(s.values()):
        body += ["Salinan sesuai dengan aslinya", s["kantor"], s["jabatan"] + ",", "", "", s["nama"]]
    nomor = "NOMOR : " if cetak.get("gaya_nomor") == "titik_dua" else "NOMOR "
    body += ["", "LAMPIRAN", f"KEPUTUSAN {unit}", f"{nomor}{r['nomor']} TAHUN {tahun}",
             f"TENTANG {r['tentang']}"]
    for n, chapter in enumerate((plan.get("keputusan") or {}).get("bab") or [], 1):
        body += ["", f"{n}. {chapter['judul']}", "", *chapter["isi"].split("\n")]
    return body


def _closing_paragraphs(plan: dict) -> list[str]:
    """The signer's block as the plan's conventions print it: the comma after the position,
    the mark (empty: none)."""
    r = plan["rencana"]
    cetak = r.get("cetak", {})
    return [r["jabatan_penandatangan"] + ("," if cetak.get("koma_jabatan", True) else ""),
            cetak.get("tanda_tangan", "ttd."), "", r["penandatangan"], ""]


def _lampiran_closing(plan: dict) -> list[str]:
    """The Lampiran's own closing block under the table ("Ditetapkan di …" when repeated)."""
    from zi_desktop.dates import format_tanggal
    r = plan["rencana"]
    again = [f"Ditetapkan di {r['tempat']}", f"pada tanggal {format_tanggal(r['tanggal'])}"] \
        if r.get("cetak", {}).get("ulang_ditetapkan", True) else []
    return ["", *again, *_closing_paragraphs(plan)]


def _month_heads(plan: dict) -> list[str]:
    """The grid's column labels: "angka" 1 … 12, "nama" Jan … Des, "penuh" (a writer-only
    value: the source names the months in full) Januari …"""
    from zi_desktop.dates import BULAN_SINGKAT
    head = plan["rencana"].get("cetak", {}).get("kepala_bulan")
    if head in ("nama", "penuh"):
        return list(BULAN_SINGKAT if head == "nama" else BULAN)
    return [str(m + 1) for m in range(12)]


def _keputusan_paragraphs(plan: dict) -> list[str]:
    """The decree body (issue 16) as the decree prints it: "Menimbang : a. …", "KESATU : …"."""
    from zi_desktop.keputusan.labels import label
    body = plan.get("keputusan") or {}
    out: list[str] = []
    for bagian, name in (("menimbang", "Menimbang"), ("mengingat", "Mengingat"),
                         ("memperhatikan", "Memperhatikan")):
        for n, text in enumerate(body.get(bagian) or [], 1):
            out.append((f"{name} : " if n == 1 else "") + f"{label(bagian, n)} {text}")
    if body.get("diktum"):
        out += ["MEMUTUSKAN:", "Menetapkan : KEPUTUSAN TENTANG RENCANA AKSI."]
        out += [f"{label('diktum', n)} : {text}" for n, text in enumerate(body["diktum"], 1)]
    return out + ([""] if out else [])


def write_docx(plan: dict, path, *, rows_per_table: int = 0) -> Path:
    """The plan as a .docx in Word's shape: identity paragraphs, the Lampiran table with the
    NO/KOMPONEN/INDIKATOR cells merged down (vMerge), the area name merged across (gridSpan),
    the header row repeated on each page, bukti fisik as one paragraph per item (italic words
    as italic runs); ``rows_per_table`` > 0 splits the table into several, as pasted pages."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    doc = Document()
    for text in _identity_paragraphs(plan):
        doc.add_paragraph(text)
    judul = plan["rencana"].get("judul_tabel", "")
    if judul:
        doc.add_paragraph()
        doc.add_paragraph().add_run(judul).bold = True
    cols = plan_columns(plan)
    rows = plan_rows(plan)
    italic = [w for w in plan["rencana"].get("cetak", {}).get("kata_miring", []) if w]
    chunks = [rows] if not rows_per_table else [rows[i:i + rows_per_table]
                                                for i in range(0, len(rows), rows_per_table)]
    for chunk in chunks:
        table = doc.add_table(rows=0, cols=len(cols))
        table.style = "Table Grid"
        head = table.add_row()
        trPr = head._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        trPr.append(mark)
        for c, name in enumerate(cols):
            head.cells[c].text = name
        if cols[5] == "PELAKSANAAN (BULAN)":
            head.cells[5].merge(head.cells[16])
            head.cells[5].text = "PELAKSANAAN (BULAN)"
            sub = table.add_row()
            for m, label in enumerate(_month_heads(plan)):
                sub.cells[5 + m].text = label
        if plan["rencana"].get("cetak", {}).get("nomor_kolom"):
            numbers = table.add_row()
            for c in range(len(cols)):
                numbers.cells[c].text = str(c + 1)
        started: dict[int, tuple] = {}
        for kind, cells in chunk:
            row = table.add_row()
            if kind == "area":
                row.cells[0].text = cells[0]
                merged = row.cells[1].merge(row.cells[len(cols) - 1])
                merged.text = ""
                merged.paragraphs[0].add_run(cells[1]).bold = True
                started.clear()
                continue
            for c, (text, group) in enumerate(cells):
                cell = row.cells[c]
                if group is not None and started.get(c, (None,))[0] == group:
                    above = started[c][1]
                    started[c] = (group, above.merge(cell))
                    continue
                started[c] = (group, cell)
                _fill(cell, text, italic)
    for text in _lampiran_closing(plan):
        doc.add_paragraph(text)
    doc.save(path)
    return Path(path)


def _fill(cell, text: str, italic: list[str]) -> None:
    lines = text.split("\n") if text else [""]
    para = cell.paragraphs[0]
    for k, line in enumerate(lines):
        if k:
            para = cell.add_paragraph()
        pos = 0
        for m in re.finditer("|".join(re.escape(w) for w in italic), line) if italic else ():
            para.add_run(line[pos:m.start()])
            para.add_run(m.group(0)).italic = True
            pos = m.end()
        para.add_run(line[pos:])


def write_pdf(plan: dict, path, *, merged: bool = False, rules: str = "grid") -> Path:
    """The plan printed as its .docx would be (a ruled table with the header repeated on every
    page), with ReportLab; ``merged``: the NO/KOMPONEN cells drawn as one cell over the
    komponen's rows, text centred (as Word prints vMerge) — for plans whose komponen fit a page;
    ``rules`` "none": the table printed without any ruling line (a Word table set to "No
    Border"), "horizontal": a rule under each row only."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape
    family = _dejavu()                   # DejaVu Sans: ✓ and ≥ print as themselves
    style = ParagraphStyle("c", fontName=family, fontSize=6.5, leading=8)
    body = ParagraphStyle("b", fontName=family, fontSize=9, leading=11)
    italic = [w for w in plan["rencana"].get("cetak", {}).get("kata_miring", []) if w]
    pattern = re.compile("|".join(re.escape(escape(w)) for w in italic)) if italic else None

    def cell(text: str):
        t = escape(text)
        if pattern is not None:
            t = pattern.sub(lambda m: f"<i>{m.group(0)}</i>", t)
        return Paragraph(t.replace("\n", "<br/>"), style)
    story = [Paragraph(escape(t) or "&nbsp;", body) for t in _identity_paragraphs(plan)]
    judul = plan["rencana"].get("judul_tabel", "")
    if judul:
        story += [Spacer(1, 4 * mm), Paragraph("<b>" + escape(judul) + "</b>", body)]
    cols = plan_columns(plan)
    grid = cols[5] == "PELAKSANAAN (BULAN)"
    data = [[Paragraph(escape(c), style) for c in cols]]
    spans = []
    if grid:
        data.append([""] * 5 + [Paragraph(m, style) for m in _month_heads(plan)] + [""] * (len(cols) - 17))
        spans.append(("SPAN", (5, 0), (16, 0)))
    if plan["rencana"].get("cetak", {}).get("nomor_kolom"):
        data.append([Paragraph(str(c + 1), style) for c in range(len(cols))])
    header_rows = len(data)
    group_start: dict[int, tuple] = {}
    for kind, cells in plan_rows(plan):
        y = len(data)
        if kind == "row" and merged:
            for c in (0, 1):
                group = cells[c][1]
                if group_start.get(c, (None,))[0] == group:
                    spans = [sp for sp in spans if sp[:2] != ("SPAN", (c, group_start[c][1]))]
                    spans.append(("SPAN", (c, group_start[c][1]), (c, y)))
                    spans.append(("VALIGN", (c, group_start[c][1]), (c, y), "MIDDLE"))
                else:
                    group_start[c] = (group, y)
        if kind == "area":
            data.append([Paragraph(escape(cells[0]), style), Paragraph("<b>" + escape(cells[1]) + "</b>", style)]
                        + [""] * (len(cols) - 2))
            spans.append(("SPAN", (1, y), (len(cols) - 1, y)))
            continue
        data.append([cell(t) if t else "" for t, _ in cells])
    widths = [7 * mm, 28 * mm, 46 * mm, 46 * mm, 46 * mm]
    widths += [6 * mm] * 12 if grid else [26 * mm]
    extra = len(cols) - len(widths)
    widths += [(277 * mm - sum(widths)) / extra] * extra if extra else []
    table = Table(data, colWidths=widths, repeatRows=header_rows)
    ruling = {"grid": [("GRID", (0, 0), (-1, -1), 0.5, colors.black)],
              "horizontal": [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)],
              "none": []}[rules]
    table.setStyle(TableStyle(ruling + [("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2)] + spans))
    story += [Spacer(1, 4 * mm), table]
    story += [Paragraph(escape(t) or "&nbsp;", body) for t in _lampiran_closing(plan)]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm)
    doc.build(story)
    return Path(path)


def as_pdf_source(plan: dict) -> dict:
    """What the import of ``write_pdf(plan)`` must give: the plan, on the PDF's paper and in
    its face (A4, DejaVu Sans)."""
    out = copy.deepcopy(plan)
    out["rencana"]["cetak"].update({"kertas": "A4", "huruf": "dejavu"})
    return out


def _dejavu() -> str:
    """The bundled DejaVu Sans family registered with ReportLab under a name of the corpus's own
    (independent of how the Lampiran printer names its faces)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from zi_desktop.paths import resource
    name = "KorpusDejaVu"
    if name not in pdfmetrics.getRegisteredFontNames():
        faces = {"": "DejaVuSans.ttf", "-Bold": "DejaVuSans-Bold.ttf",
                 "-Oblique": "DejaVuSans-Oblique.ttf", "-BoldOblique": "DejaVuSans-BoldOblique.ttf"}
        for suffix, file in faces.items():
            pdfmetrics.registerFont(TTFont(name + suffix, str(resource("fonts", file))))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name + "-Bold",
                                      italic=name + "-Oblique", boldItalic=name + "-BoldOblique")
    return name


def corpus(count: int = 28) -> list[Decree]:
    """The standing corpus: every layout × signature mark × Salinan variant × list style, and
    every kind of damage on some of them."""
    kinds = [(), ("cut",), ("twice",), ("top_row",), ("missing_area",), ("missing_heading",),
             ("merged_waktu",), ("cut", "twice")]
    out = [make_decree(n, damage=kinds[n % len(kinds)]) for n in range(count)]
    for d in out[2::9]:                  # the body's closing block has no name: the Lampiran's has
        d.body_name = False
    for d in out[5::9]:                  # the Lampiran's closing block names someone else
        d.lampiran_name = "NAMA LAIN DI LAMPIRAN"
    return out
