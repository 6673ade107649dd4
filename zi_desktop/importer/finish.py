"""The read tree + the decree's identity → the plan dict, the report and the warnings.

Here cells are cleaned (:func:`.cells.clean`), months are set — from the ✓ grid's columns, or
from the Target Waktu text through :mod:`zi_desktop.schedule` — and the penanggung jawab is put
on the area (one team for the whole area) or on each langkah aksi (teams differ within the area;
a team written once holds for the rows under it, as a merged cell does).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..dates import format_tanggal, month_range
from ..model import romawi
from .cells import clean as _clean_markup, clean_plain, strip_markup
from .decree import Identity
from .italics import italic_words
from .lampiran import Reading
from .pages import repair as repair_pages
from .report import PERBAIKAN, Catatan, Places
from .tree import Area, roman_value


@dataclass
class ImportResult:
    plan: dict                  # the plan dict of docs/ARCHITECTURE.md
    report: list[str] = field(default_factory=list)     # what was done (Indonesian)
    warnings: list[str] = field(default_factory=list)   # what looks wrong (Indonesian)
    catatan: list[Catatan] = field(default_factory=list)  # every repair and doubt, placed


def _schedule():
    from ..schedule import format_target_waktu, parse_target_waktu
    return parse_target_waktu, format_target_waktu


def empty_rencana(tahun: int) -> dict:
    return {
        "satker": "", "tahun": tahun, "nomor": "", "tanggal": "", "tempat": "", "tentang": "",
        "jabatan_penandatangan": "", "penandatangan": "",
        "salinan": {"kantor": "", "jabatan": "", "nama": ""},
        "bulan_mulai": f"{tahun:04d}-01", "jumlah_bulan": 12,
        "cetak": {"kertas": "F4", "kolom_waktu": "teks", "penanggung_jawab": False,
                  "target_capaian": False, "nomor_kolom": False},
    }


def _years_in_waktu(areas: list[Area]) -> int | None:
    years = Counter()
    for area in areas:
        for k in area.komponen:
            for i in k.indikator:
                for a in i.aksi:
                    years.update(int(y) for y in re.findall(r"\b(20\d\d)\b", a.waktu))
                    years.update(y for _, y in a.marks if y)
    return years.most_common(1)[0][0] if years else None


def choose_year(ident: Identity | None, tahun: int | None, areas: list[Area],
                report: list[str], warnings: list[str]) -> int:
    decree = None
    source = ""
    if ident is not None and ident.tahun_judul:
        decree, source = ident.tahun_judul, "judul keputusan"
    elif ident is not None and ident.tahun_nomor:
        decree, source = ident.tahun_nomor, "nomor keputusan"
    if decree:
        if tahun and tahun != decree:
            warnings.append(f"Tahun yang diminta ({tahun}) berbeda dengan tahun pada keputusan "
                            f"({decree}); dipakai tahun keputusan.")
        report.append(f"Tahun rencana: {decree} (dari {source}).")
        return decree
    if tahun:
        report.append(f"Tahun rencana: {tahun} (seperti diminta).")
        return tahun
    guessed = _years_in_waktu(areas)
    if guessed:
        report.append(f"Tahun rencana: {guessed} (tahun yang paling sering di kolom target "
                      "waktu).")
        return guessed
    today = _dt.date.today().year
    warnings.append(f"Tahun rencana tidak ditemukan; dipakai tahun ini ({today}) — periksa.")
    return today


def _month(label: tuple[int, int | None], relative: bool, period: list[str],
           tahun: int) -> str:
    n, year = label
    if relative:
        return period[n - 1] if n - 1 < len(period) else f"{tahun:04d}-{n:02d}"
    if year:
        return f"{year:04d}-{n:02d}"
    for ym in period:
        if int(ym[5:]) == n:
            return ym
    return f"{tahun:04d}-{n:02d}"


def build(reading: Reading, ident: Identity | None, tahun: int | None, source: str,
          rencana_override: dict | None = None, bulan_mulai: str | None = None) -> ImportResult:
    parse_target_waktu, format_target_waktu = _schedule()
    clean = clean_plain if reading.plain else _clean_markup
    if not reading.plain:
        repair_pages(reading)
    places = Places()
    report: list[str] = [source]
    warnings: list[str] = list(reading.warnings)
    override = rencana_override or {}
    if override.get("tahun"):
        tahun_plan = int(override["tahun"])
        report.append(f"Tahun rencana: {tahun_plan} (dari lembar Identitas).")
    else:
        tahun_plan = choose_year(ident, tahun, reading.areas, report, warnings)
    rencana = empty_rencana(tahun_plan)
    if bulan_mulai:
        rencana["bulan_mulai"] = bulan_mulai
    elif reading.grid_start:
        rencana["bulan_mulai"] = f"{tahun_plan:04d}-{reading.grid_start:02d}"
    if override.get("bulan_mulai"):
        rencana["bulan_mulai"] = override["bulan_mulai"]
    if override.get("jumlah_bulan"):
        rencana["jumlah_bulan"] = int(override["jumlah_bulan"])
    period = month_range(rencana["bulan_mulai"], max(36, rencana["jumlah_bulan"]))

    # --- identity --------------------------------------------------------------------------
    if ident is not None and ident.found:
        for key in ("satker", "nomor", "tanggal", "tempat", "tentang", "jabatan_penandatangan",
                    "penandatangan"):
            rencana[key] = getattr(ident, key)
        rencana["salinan"] = dict(ident.salinan)
        if ident.judul_tabel:
            rencana["judul_tabel"] = ident.judul_tabel
        warnings.extend(ident.warnings)
        parts = []
        if ident.satker:
            parts.append(ident.satker)
        if ident.nomor:
            year = ident.tahun_nomor and not ident.nomor.endswith(str(ident.tahun_nomor))
            parts.append(f"Nomor {ident.nomor}" + (f" Tahun {ident.tahun_nomor}" if year else ""))
        if ident.tempat or ident.tanggal:
            parts.append("ditetapkan" + (f" di {ident.tempat}" if ident.tempat else "")
                         + (f" pada {format_tanggal(ident.tanggal)}" if ident.tanggal else ""))
        if ident.penandatangan:
            parts.append(f"ditandatangani {ident.penandatangan}")
        sentence = ", ".join(parts)
        report.append("Identitas keputusan: " + sentence + ("" if sentence.endswith(".") else "."))
        if ident.tanggal_tertulis:
            warnings.append(f"Tanggal penetapan \"{ident.tanggal_tertulis}\" tidak terbaca; "
                            "isi tanggalnya sendiri.")
        missing = [label for key, label in (("nomor", "nomor"), ("tanggal", "tanggal"),
                                            ("tempat", "tempat"),
                                            ("penandatangan", "penandatangan"))
                   if not rencana[key]]
        if missing:
            report.append("Identitas yang tidak ditemukan: " + ", ".join(missing) + ".")
    elif not override:
        report.append("Identitas keputusan (nomor, tanggal, penandatangan) tidak ada di teks; "
                      "isi sendiri di bagian Identitas.")
    for key, value in override.items():
        if key in ("tahun", "bulan_mulai", "jumlah_bulan"):
            continue
        if "." in key:
            head, sub = key.split(".", 1)
            if isinstance(rencana.get(head), dict) and (sub in rencana[head] or head == "cetak"):
                rencana[head][sub] = value
        elif (key in rencana or key == "judul_tabel") and not isinstance(rencana.get(key), dict):
            rencana[key] = value

    # --- tree --------------------------------------------------------------------------------
    areas_out = []
    unrecognized = 0
    grid_rows = text_rows = 0
    pj_per_row: list[str] = []
    for index, area in enumerate(reading.areas, start=1):
        kode = romawi(index)
        if area.tertulis and roman_value(area.tertulis) and roman_value(area.tertulis) != index:
            warnings.append(f"Area ke-{index} \"{strip_markup(area.nama)}\" tertulis bernomor "
                            f"{area.tertulis}; kode area diberi menurut urutan: {kode}.")
        nama = re.sub(r"\s+", " ", clean(area.nama)).strip().upper()
        if nama and not any(word in nama for word in _AREA_WORDS):
            warnings.append(f"Area {kode} \"{nama}\" tidak seperti nama area perubahan yang baku "
                            "(Manajemen Perubahan, Penataan Tata Laksana, … Peningkatan Kualitas "
                            "Pelayanan Publik); periksa namanya.")
        aksi_all = []
        komponen_out = []
        places.add(area, kode, "area")
        for kn, komp in enumerate(area.komponen, start=1):
            indikator_out = []
            places.add(komp, f"{kode}.{kn}", "komponen")
            for i_n, ind in enumerate(komp.indikator, start=1):
                aksi_out = []
                places.add(ind, f"{kode}.{kn}.{i_n}", "indikator")
                for a_n, a in enumerate(ind.aksi, start=1):
                    places.add(a, f"{kode}.{kn}.{i_n}.{a_n}", "aksi")
                    item = {
                        "langkah": clean(a.langkah),
                        "bukti_fisik": clean(a.bukti),
                        "target_waktu": "",
                        "target_waktu_manual": False,
                        "target_capaian": clean(a.capaian),
                        "penanggung_jawab": "",
                        "bulan": [],
                    }
                    text = clean(a.waktu)
                    if a.grid:
                        grid_rows += 1
                        months = sorted({_month(lb, a.relative, period, tahun_plan)
                                         for lb in a.marks})
                        written = format_target_waktu(months)
                        item["bulan"] = months
                        item["target_waktu"] = text or written
                        item["target_waktu_manual"] = bool(text) and text != written
                    elif text:
                        text_rows += 1
                        parsed = parse_target_waktu(text, tahun_plan, rencana["bulan_mulai"],
                                                    rencana["jumlah_bulan"])
                        item["bulan"] = list(parsed.months)
                        item["target_waktu"] = text
                        item["target_waktu_manual"] = (not parsed.recognized
                                                       or format_target_waktu(parsed.months)
                                                       != text)
                        if not parsed.recognized:
                            unrecognized += 1
                    aksi_out.append(item)
                    aksi_all.append((item, clean(a.pj), a))
                indikator_out.append({"teks": clean(ind.teks), "aksi": aksi_out})
            komponen_out.append({"nama": clean(komp.nama), "indikator": indikator_out})
        area_pj = clean(area.pj) if area.pj is not None else None
        if area_pj is None:
            area_pj = _decide_pj(aksi_all, reading, area)
            if area_pj is None:
                pj_per_row.append(f"{kode} {nama}")
                area_pj = ""
        else:
            for item, pj, _ in aksi_all:
                item["penanggung_jawab"] = pj
        areas_out.append({"kode": kode, "nama": nama, "penanggung_jawab": area_pj,
                          "komponen": komponen_out})
        k, i, a = area.counts()
        report.append(f"Area {kode} {nama}: {k} komponen, {i} indikator, {a} langkah aksi")

    # --- print settings ------------------------------------------------------------------------
    cetak = rencana["cetak"]
    if not override.get("cetak.kolom_waktu"):
        cetak["kolom_waktu"] = "bulan" if reading.had_grid else "teks"
    if "cetak.penanggung_jawab" not in override:
        cetak["penanggung_jawab"] = reading.had_pj
    if "cetak.target_capaian" not in override:
        cetak["target_capaian"] = reading.had_capaian
    if "cetak.nomor_kolom" not in override:
        cetak["nomor_kolom"] = reading.column_number_rows > 0
    _conventions(cetak, reading, ident, override, report)

    # --- report / warnings ------------------------------------------------------------------
    totals = [a.counts() for a in reading.areas]
    report.append(f"Jumlah: {len(reading.areas)} area, {sum(t[0] for t in totals)} komponen, "
                  f"{sum(t[1] for t in totals)} indikator, {sum(t[2] for t in totals)} "
                  "langkah aksi.")
    if reading.repeated_headers:
        report.append(f"Judul kolom yang berulang di tiap halaman dilewati: "
                      f"{reading.repeated_headers} kali.")
    if reading.column_number_rows:
        report.append(f"Baris nomor kolom (1 2 3 …) dilewati: {reading.column_number_rows} kali.")
    if reading.joined_rows:
        report.append(f"Sel yang terpotong pergantian halaman disambung ke sel di atasnya: "
                      f"{reading.joined_rows} baris ({reading.joined_cells} sel).")
    if grid_rows:
        report.append(f"Bulan pelaksanaan dibaca dari kolom ✓ untuk {grid_rows} langkah aksi.")
    if text_rows:
        report.append(f"Bulan pelaksanaan dibaca dari teks target waktu untuk {text_rows} "
                      "langkah aksi.")
    if reading.had_pj:
        if pj_per_row:
            report.append("Penanggung jawab berbeda-beda dalam area " + ", ".join(pj_per_row)
                          + "; disimpan per langkah aksi (tim yang ditulis sekali berlaku untuk "
                            "baris di bawahnya).")
        else:
            report.append("Penanggung jawab disimpan per area.")
    if unrecognized:
        warnings.append(f"{unrecognized} target waktu tidak dapat dibaca sebagai bulan "
                        "(mis. \"Berkala\", \"Tahunan\"); teksnya disimpan apa adanya dan bulannya "
                        "belum ditentukan.")
    if reading.stray_marks:
        rows = ", ".join(str(n) for n in reading.stray_marks[:12])
        more = " …" if len(reading.stray_marks) > 12 else ""
        warnings.append(f"Tanda ✓ di luar 12 kolom bulan diabaikan pada "
                        f"{len(reading.stray_marks)} baris (baris {rows}{more}).")
    for name, count in reading.unknown_columns.items():
        if count:
            warnings.append(f"Kolom \"{name}\" tidak dikenal; isinya ({count} sel) tidak "
                            "diimpor.")
    if not reading.areas:
        warnings.append("Tidak ada area yang terbaca.")
    if not reading.plain:
        words = italic_words(reading.areas)
        if words:
            cetak["kata_miring"] = words
            report.append("Kata bercetak miring disimpan untuk dicetak miring: "
                          + ", ".join(words) + ".")
    catatan = [places.resolve(n) for n in reading.notes]
    for c in catatan:
        (report if c.jenis == PERBAIKAN else warnings).append(c.pesan)
    catatan += [places.from_warning(w) for w in warnings if w not in {c.pesan for c in catatan}]
    catatan.sort(key=lambda c: (c.baris == 0, c.baris))
    plan = {"rencana": rencana, "area": areas_out}
    _keputusan(plan, ident, report, warnings)
    return ImportResult(plan=plan, report=report, warnings=warnings, catatan=catatan)


def _conventions(cetak: dict, reading: Reading, ident: Identity | None, override: dict,
                 report: list[str]) -> None:
    """The source's print conventions (:mod:`.conventions`) into ``cetak``, and one report line
    saying what was taken; a value the Identitas sheet gives is kept."""
    from .conventions import describe, komponen_dots, month_header
    found: dict = {}
    if not reading.plain:
        dots = komponen_dots([k.nomor for a in reading.areas for k in a.komponen])
        if dots is not None:
            found["nomor_titik"] = dots
    head = month_header(reading.month_labels) if reading.had_grid else None
    if head is not None:
        found["kepala_bulan"] = head[0]
    if ident is not None and ident.found:
        found.update(ident.cetak)
    found = {k: v for k, v in found.items() if "cetak." + k not in override}
    cetak.update(found)
    line = describe(found, bool(head and head[1]))
    if line:
        report.append(line)


def _keputusan(plan: dict, ident: Identity | None, report: list[str], warnings: list[str]) -> None:
    """The decree body read with the identity (importer/body.py) → plan, report, warnings."""
    from ..lampiran.decree import expand_satker
    from .body import body_report, title_differs
    if ident is None or not ident.keputusan:
        return
    plan["keputusan"] = ident.keputusan
    report.append(body_report(ident.keputusan))
    if title_differs(ident.menetapkan, expand_satker(ident.satker), ident.tentang):
        warnings.append(f"\"Menetapkan\" pada keputusan (\"{ident.menetapkan}\") tidak sama dengan "
                        "judulnya (KEPUTUSAN … TENTANG …); cetakan memakai judul — periksa.")


_AREA_WORDS = ("MANAJEMEN PERUBAHAN", "TATA LAKSANA", "TATALAKSANA", "SDM", "SUMBER DAYA",
               "AKUNTABILITAS", "PENGAWASAN", "PELAYANAN", "INOVASI", "HASIL")


def _decide_pj(aksi_all: list[tuple[dict, str, object]], reading: Reading, area) -> str | None:
    """One team for the whole area → that team (str); teams differ → None, set per aksi: a
    team written once (a merged cell) holds for the rows under it — each such run reported."""
    named = [pj for _, pj, _ in aksi_all if pj]
    if not named:
        return ""
    if len(set(named)) == 1:
        if len(named) < len(aksi_all):
            reading.note(PERBAIKAN, f"Penanggung jawab \"{named[0]}\" tertulis sekali (sel "
                         "gabungan); disimpan sebagai penanggung jawab seluruh area.", area)
        return named[0]
    current, run, start = "", 0, None
    runs: list[tuple[object, str, int]] = []
    for item, pj, node in aksi_all:
        if pj:
            if run:
                runs.append((start, current, run))
            current, run, start = pj, 0, node
        elif current:
            run += 1
        item["penanggung_jawab"] = current
    if run:
        runs.append((start, current, run))
    for node, team, count in runs:
        reading.note(PERBAIKAN, f"Penanggung jawab \"{team}\" (sel gabungan) juga dipakai "
                     f"untuk {count} langkah aksi di bawahnya — periksa.", node)
    return None
