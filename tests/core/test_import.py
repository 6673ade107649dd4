"""Import of Lampiran tables: the three real decrees, pasted tables, HTML, .xlsx both shapes.

The expected numbers below were counted by reading the decrees in ../shared/seeds/ by hand.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop.dates import BULAN_SINGKAT, month_range
from zi_desktop.importer import ImportGagal, ImportResult, import_file, \
    import_text, import_xlsx
from zi_desktop.schedule import format_target_waktu

ROOT = Path(__file__).resolve().parents[2]
ALL_YEAR_2025 = [f"2025-{m:02d}" for m in range(1, 13)]


# --- helpers ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kudus(seeds_dir) -> ImportResult:
    return import_file(seeds_dir / "kudus-14-2025.txt")


@pytest.fixture(scope="module")
def madiun(seeds_dir) -> ImportResult:
    return import_file(seeds_dir / "madiun-7-2026.txt")


@pytest.fixture(scope="module")
def kapuas(seeds_dir) -> ImportResult:
    return import_file(seeds_dir / "kapuas-24-2025.txt")


def shape(plan: dict) -> list[tuple[str, str, int, int]]:
    """[(kode, nama, komponen, aksi)] per area."""
    out = []
    for area in plan["area"]:
        aksi = sum(len(i["aksi"]) for k in area["komponen"] for i in k["indikator"])
        out.append((area["kode"], area["nama"], len(area["komponen"]), aksi))
    return out


def aksi_list(area: dict) -> list[dict]:
    return [a for k in area["komponen"] for i in k["indikator"] for a in i["aksi"]]


def norm(text: str) -> str:
    """Text without markup, spaces and punctuation: what must survive the import."""
    text = re.sub(r"</?[A-Za-z][^<>]*>", " ", text)
    text = text.replace("\\geq", "≥").replace("&amp;", "&")
    return "".join(ch.lower() for ch in text if ch.isalnum() or ch == "≥")


def field_texts(plan: dict) -> dict[str, list[str]]:
    out = {"komponen": [], "indikator": [], "langkah": [], "bukti": [], "waktu": [],
           "capaian": [], "pj": []}
    for area in plan["area"]:
        if area["penanggung_jawab"]:
            out["pj"].append(area["penanggung_jawab"])
        for k in area["komponen"]:
            out["komponen"].append(k["nama"])
            for i in k["indikator"]:
                out["indikator"].append(i["teks"])
                for a in i["aksi"]:
                    out["langkah"].append(a["langkah"])
                    out["bukti"].append(a["bukti_fisik"])
                    out["waktu"].append(a["target_waktu"])
                    out["capaian"].append(a["target_capaian"])
                    if a["penanggung_jawab"]:
                        out["pj"].append(a["penanggung_jawab"])
    return out


_AREA_CELL = re.compile(r"^(?:<b>)?\s*[IVX]+\b")


def seed_cells(path: Path) -> dict[str, list[str]]:
    """The data cells of a seed's table, read naively by column position (for checking)."""
    text = path.read_text(encoding="utf-8")
    out = {"komponen": [], "indikator": [], "langkah": [], "bukti": [], "waktu": [],
           "capaian": [], "pj": []}
    if path.name.startswith("madiun"):
        names = ["no", "komponen", "indikator", "langkah", "bukti", "waktu", "capaian"]
        for line in text.splitlines():
            s = line.strip()
            if not s.startswith("|") or re.match(r"^\|[\s|:-]+\|$", s) or "KOMPONEN" in s:
                continue
            cells = [c.strip() for c in s.strip("|").split("|")]
            for name, cell in zip(names, cells):
                if name != "no" and cell:
                    out[name].append(cell)
        return out
    grid = path.name.startswith("kapuas")
    for line in text.splitlines():
        if "\t" not in line or line.startswith("NO\t") or line.startswith("\t\t\t\t\t1\t2"):
            continue
        cells = line.split("\t")
        filled = [c for c in cells if c.strip()]
        if len(filled) <= 2 and _AREA_CELL.match(filled[0]) and not any(cells[2:]):
            continue                       # area row
        for name, cell in zip(["no", "komponen", "indikator", "langkah", "bukti"], cells):
            if name != "no" and cell.strip():
                out[name].append(cell)
        if grid:
            for cell in cells[17:]:
                if cell.strip() and cell.strip() != "✓":
                    out["pj"].append(cell)
        elif len(cells) > 5 and cells[5].strip():
            out["waktu"].append(cells[5])
    return out


# --- the three decrees: structure --------------------------------------------------------

def test_kudus_areas_komponen_aksi(kudus):
    assert shape(kudus.plan) == [
        ("I", "MANAJEMEN PERUBAHAN", 4, 12),
        ("II", "PENATAAN TATA LAKSANA", 3, 10),
        ("III", "PENATAAN SISTEM MANAJEMEN SDM", 6, 18),
        ("IV", "PENGUATAN AKUNTABILITAS", 2, 11),
        ("V", "PENGUATAN PENGAWASAN", 5, 18),
        ("VI", "PENINGKATAN KUALITAS PELAYANAN PUBLIK", 5, 19),
    ]
    assert "Area I MANAJEMEN PERUBAHAN: 4 komponen, 12 indikator, 12 langkah aksi" in kudus.report


def test_madiun_areas_komponen_aksi(madiun):
    # every numbered row (NO 1, 2, …) is its own komponen, as printed
    assert shape(madiun.plan) == [
        ("I", "MANAJEMEN PERUBAHAN", 6, 6),
        ("II", "PENATAAN TATA LAKSANA", 6, 6),
        ("III", "PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA", 7, 7),
        ("IV", "PENGUATAN AKUNTABILITAS", 7, 7),
        ("V", "PENGUATAN PENGAWASAN", 7, 7),
        ("VI", "PENINGKATAN KUALITAS PELAYANAN PUBLIK", 8, 8),
        ("VII", "INOVASI PELAYANAN", 7, 7),
    ]


def test_kapuas_areas_komponen_aksi(kapuas):
    assert shape(kapuas.plan) == [
        ("I", "PEMBANGUNAN UNIT KERJA UNTUK MEMPEROLEH PREDIKAT WBW/WBBMKPU", 4, 5),
        ("II", "PENATAAN TATA LAKSANA", 3, 8),
        ("III", "PENATAAN SISTEM MANAJEMEN SDM", 6, 15),
        ("IV", "PENGUATAN AKUNTABILITAS", 2, 10),
        ("V", "PENGUATAN PENGAWASAN", 5, 19),
        ("VI", "PENINGKATAN KUALITAS PELAYANAN PUBLIK", 3, 11),
    ]


def test_kudus_indikator_with_two_langkah_aksi(kudus):
    komponen = kudus.plan["area"][1]["komponen"][2]
    assert komponen["nama"] == "Keterbukaan informasi publik"
    first = komponen["indikator"][0]
    assert first["teks"] == "Kebijakan tentang keterbukaan informasi publik telah diterapkan"
    assert [a["langkah"] for a in first["aksi"]] == [
        "Menyebarkan seluruh informasi keterbukaan informasi publik KPU Kabupaten Kudus melalui "
        "website",
        "2. KPU Kabupaten Kudus menyediakan informasi publik secara jelas, akurat dan tepat waktu",
    ]
    # its target cell is merged over both rows: the second row takes it, with a warning
    assert first["aksi"][1]["target_waktu"] == "Januari - Desember 2025"
    assert first["aksi"][1]["bulan"] == ALL_YEAR_2025
    assert any(c.baris == 307 and "target waktu kosong" in c.pesan and c.jenis == "perbaikan"
               and c.jalur == "II.3.1.2" for c in kudus.catatan)


def test_kudus_cells_cut_at_page_break_are_joined(kudus):
    areas = kudus.plan["area"]
    k3 = areas[0]["komponen"][2]
    assert k3["indikator"][0]["aksi"][0]["langkah"].endswith(
        "untuk memastikan kegiatan pembangunan telah dilaksanakan sesuai dengan rencana")
    assert len(k3["indikator"]) == 3
    ind = areas[3]["komponen"][1]["indikator"][2]
    assert ind["teks"] == "Terdapat penetapan Indikator Kinerja Utama (IKU)"
    assert ind["aksi"][0]["bukti_fisik"] == \
        "Surat Keputusan KPU Kabupaten Kudus tentang Indikator Kinerja Utama"
    inovasi = areas[5]["komponen"][1]["indikator"][5]["aksi"][0]
    assert inovasi["langkah"] == ("Memiliki inovasi pelayanan yang berbeda dengan unit kerja lain "
                                  "dan mendekatkan pelayanan dengan masyarakat serta telah "
                                  "direplikasi")
    assert inovasi["bukti_fisik"] == ("1. Publikasi pelayanan di website KPU Kabupaten Kudus\n"
                                      "2. Buku tamu digital\n3. SKM Digital\n4. SIDASI")
    assert any("disambung" in line and "8 baris" in line for line in kudus.report)


def test_madiun_lists_and_continuations(madiun):
    area1 = madiun.plan["area"][0]
    first = area1["komponen"][0]["indikator"][0]["aksi"][0]
    assert first["langkah"].split("\n") == [
        "- Menyusun konsep pembentukan Tim ZI",
        "- Menetapkan SK Tim ZI oleh Ketua KPU Kabupaten Madiun",
        "- Menyusun uraian tugas (job description) masing-masing anggota",
        "- Menyusun rencana kerja tim secara periodik",
        "- Melaksanakan rapat koordinasi rutin",
    ]
    assert first["target_capaian"] == "Tim efektif dan aktif bekerja"
    k4 = area1["komponen"][3]["indikator"][0]
    assert k4["teks"] == ("Perubahan pola pikir (mindset) dan budaya kerja (culture set) menuju "
                          "birokrasi bersih dan melayani")
    assert len(k4["aksi"][0]["langkah"].split("\n")) == 5
    k6 = area1["komponen"][5]["indikator"][0]["aksi"][0]
    assert "- Monitoring dan evaluasi pelaksanaan program ZI" in k6["langkah"].split("\n")
    capaian = madiun.plan["area"][3]["komponen"][5]["indikator"][0]["aksi"][0]
    assert capaian["target_capaian"] == "Capaian ≥ 90% target"
    assert capaian["bukti_fisik"] == "Laporan capaian kinerja"
    assert madiun.plan["area"][6]["komponen"][6]["indikator"][0]["teks"] == \
        "Dampak inovasi terhadap peningkatan kualitas pelayanan"


def test_madiun_target_waktu_text(madiun):
    aksi = aksi_list(madiun.plan["area"][0])
    assert aksi[0]["target_waktu"] == "Jan 2026" and aksi[0]["bulan"] == ["2026-01"]
    assert aksi[0]["target_waktu_manual"] is True          # printed short, kept as written
    berkala = aksi[5]
    assert berkala["target_waktu"] == "Berkala" and berkala["target_waktu_manual"] is True
    triwulan = aksi_list(madiun.plan["area"][3])[2]
    assert triwulan["target_waktu"] == "Triwulan"
    assert triwulan["bulan"] == ["2026-03", "2026-06", "2026-09", "2026-12"]


def test_kapuas_month_grid(kapuas):
    areas = kapuas.plan["area"]
    a1 = aksi_list(areas[0])
    assert a1[0]["bulan"] == ["2025-01", "2025-12"]                 # ✓ in Jan and Dec
    assert a1[1]["bulan"] == ["2025-01"]
    assert a1[2]["bulan"] == ALL_YEAR_2025
    assert a1[4]["bulan"] == ["2025-01"]                            # first row after a page break
    a2 = aksi_list(areas[1])
    assert a2[2]["bulan"] == ALL_YEAR_2025                          # 13 ✓: the 13th is ignored
    a4 = aksi_list(areas[3])
    assert a4[1]["bulan"] == ["2025-01", "2025-02", "2025-03"]      # ✓ under PJ ignored
    assert a4[6]["bulan"] == ["2025-01", "2025-02", "2025-03"]
    assert a4[7]["bulan"] == ["2025-01"]
    assert a4[9]["bulan"] == ["2025-01"]                            # after a page break
    a6 = aksi_list(areas[5])
    assert a6[8]["bulan"] == ["2025-10", "2025-11", "2025-12"]
    assert a6[9]["bulan"] == ["2025-10", "2025-11", "2025-12"]
    assert a6[10]["bulan"] == ALL_YEAR_2025
    for area in areas:
        for aksi in aksi_list(area):
            assert aksi["target_waktu"] == format_target_waktu(aksi["bulan"])
            assert aksi["target_waktu_manual"] is False
    assert any("✓ di luar 12 kolom bulan" in w for w in kapuas.warnings)
    assert kapuas.plan["rencana"]["cetak"]["kolom_waktu"] == "bulan"


def test_kapuas_penanggung_jawab(kapuas):
    areas = kapuas.plan["area"]
    assert [a["penanggung_jawab"] for a in areas] == [
        "Tim Agen Perubahan", "", "Tim Sistem Manajemen Sumber Daya Manusia",
        "Tim Penguatan Akuntabilitas", "Tim Pengawasan", "Tim Agen Perubahan"]
    # area II names three teams: each holds for the rows under it
    assert [a["penanggung_jawab"] for a in aksi_list(areas[1])] == [
        "Tim Penguatan Tata Laksana", "Tim Penguatan Tata Laksana",
        "Tim Manajemen Perubahan", "Tim Manajemen Perubahan", "Tim Manajemen Perubahan",
        "Tim Pelayanan Publik", "Tim Pelayanan Publik", "Tim Pelayanan Publik"]
    assert all(a["penanggung_jawab"] == "" for a in aksi_list(areas[0]))
    assert kapuas.plan["rencana"]["cetak"]["penanggung_jawab"] is True


def test_kapuas_numbering_warnings(kapuas):
    text = "\n".join(kapuas.warnings)
    assert "nomor komponen melompat dari 1 ke 3" in text
    assert "nomor komponen 3 berulang" in text
    assert "WBW/WBBMKPU" in text            # an area name that is not a standard one


@pytest.mark.parametrize("seed", ["kudus-14-2025.txt", "madiun-7-2026.txt",
                                  "kapuas-24-2025.txt"])
def test_every_cell_present_once(seeds_dir, seed):
    """Every cell's text is in the plan, and nothing is doubled by the page-break joining."""
    result = import_file(seeds_dir / seed)
    got = field_texts(result.plan)
    want = seed_cells(seeds_dir / seed)
    for name, cells in want.items():
        haystack = " ".join(norm(t) for t in got[name])
        for cell in cells:
            assert norm(cell) in haystack, (name, cell)
    # same amount of text: nothing lost, nothing duplicated
    for name in ("komponen", "indikator", "langkah", "bukti", "capaian"):
        assert sum(len(norm(t)) for t in got[name]) == sum(len(norm(c)) for c in want[name]), name


def test_all_strings_and_contract_keys(kudus, madiun, kapuas):
    rencana_keys = {"satker", "tahun", "nomor", "tanggal", "tempat", "tentang",
                    "jabatan_penandatangan", "penandatangan", "salinan", "bulan_mulai",
                    "jumlah_bulan", "cetak"}
    for result in (kudus, madiun, kapuas):
        plan = json.loads(json.dumps(result.plan))      # plain JSON-able data
        assert rencana_keys <= set(plan["rencana"]) <= rencana_keys | {"judul_tabel"}
        assert set(plan["rencana"]["salinan"]) == {"kantor", "jabatan", "nama"}
        cetak = {"kertas", "kolom_waktu", "penanggung_jawab", "target_capaian", "nomor_kolom"}
        assert cetak <= set(plan["rencana"]["cetak"]) <= cetak | {"tanda_tangan", "kata_miring",
                                                            "nomor_titik", "kepala_bulan",
                                                            "gaya_nomor", "ulang_ditetapkan",
                                                            "koma_jabatan"}
        for area in plan["area"]:
            assert set(area) == {"kode", "nama", "penanggung_jawab", "komponen"}
            for k in area["komponen"]:
                assert set(k) == {"nama", "indikator"}
                for i in k["indikator"]:
                    assert set(i) == {"teks", "aksi"}
                    for a in i["aksi"]:
                        assert set(a) == {"langkah", "bukti_fisik", "target_waktu",
                                          "target_waktu_manual", "target_capaian",
                                          "penanggung_jawab", "bulan"}
                        for key, value in a.items():
                            if key == "bulan":
                                assert value == sorted(value)
                                assert all(re.fullmatch(r"\d{4}-\d\d", m) for m in value)
                            elif key == "target_waktu_manual":
                                assert isinstance(value, bool)
                            else:
                                assert isinstance(value, str)
                                assert "<" not in value and "**" not in value


# --- the three decrees: identity -----------------------------------------------------------

def test_kudus_identity(kudus):
    r = kudus.plan["rencana"]
    assert r["satker"] == "KPU Kabupaten Kudus"
    assert (r["nomor"], r["tahun"], r["tanggal"], r["tempat"]) == ("14", 2025, "2025-01-02",
                                                                    "Kudus")
    assert r["jabatan_penandatangan"] == "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUDUS"
    assert r["penandatangan"] == "AHMAD AMIR FAISOL"
    assert r["tentang"] == (
        "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI DAN "
        "WILAYAH BIROKRASI BERSIH DAN MELAYANI DI LINGKUNGAN KOMISI PEMILIHAN UMUM KABUPATEN "
        "KUDUS TAHUN 2025")
    assert r["salinan"] == {
        "kantor": "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KUDUS",
        "jabatan": "Kasubbag Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
        "nama": "Ayha Ngabekti"}
    assert r["bulan_mulai"] == "2025-01" and r["jumlah_bulan"] == 12
    assert r["cetak"] == {"kertas": "F4", "kolom_waktu": "teks", "penanggung_jawab": False,
                          "target_capaian": False, "nomor_kolom": False, "tanda_tangan": "ttd.",
                          "nomor_titik": False, "gaya_nomor": "tahun",
                          "ulang_ditetapkan": False, "koma_jabatan": True}
    assert r["judul_tabel"] == (
        "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI DAN WILAYAH "
        "BIROKRASI BERSIH DAN MELAYANI DI LINGKUNGAN KOMISI PEMILIHAN UMUM KABUPATEN KUDUS")


def test_madiun_identity(madiun):
    r = madiun.plan["rencana"]
    assert r["satker"] == "KPU Kabupaten Madiun"
    assert (r["nomor"], r["tahun"], r["tanggal"], r["tempat"]) == ("7", 2026, "2026-04-16",
                                                                    "Madiun")
    assert r["jabatan_penandatangan"] == "Ketua Komisi Pemilihan Umum Kabupaten Madiun"
    assert r["penandatangan"] == "Nur Anwar"
    assert r["tentang"].startswith("RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH")
    assert r["tentang"].endswith("DI LINGKUNGAN KOMISI PEMILIHAN UMUM KABUPATEN MADIUN")
    assert r["salinan"] == {"kantor": "KOMISI PEMILIHAN UMUM KABUPATEN MADIUN",
                            "jabatan": "Plt. Kepala Subbagian Teknis Penyelenggaraan Pemilu "
                                       "dan Hukum",
                            "nama": "Endy Setyawan"}
    assert r["bulan_mulai"] == "2026-01"
    assert r["cetak"]["target_capaian"] is True and r["cetak"]["kolom_waktu"] == "teks"


def test_kapuas_identity(kapuas):
    r = kapuas.plan["rencana"]
    assert r["satker"] == "KPU Kabupaten Kapuas"
    assert (r["nomor"], r["tahun"], r["tanggal"], r["tempat"]) == ("24", 2025, "2025-11-17",
                                                                    "Kuala Kapuas")
    assert r["jabatan_penandatangan"] == "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KAPUAS"
    assert r["penandatangan"] == "CHARLES BRONSON"
    assert r["salinan"] == {"kantor": "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KAPUAS",
                            "jabatan": "Plt. Kasubbag Teknis Penyelenggaraan Pemilu dan Hukum",
                            "nama": "Siti Nur Rahmayanti"}


def test_lampiran_alone_without_decree_body(seeds_dir):
    """From "LAMPIRAN" on (what a user copies from the PDF): the header block still gives
    nomor, tahun and satker; the signature under the table gives the signer."""
    text = (seeds_dir / "kudus-14-2025.txt").read_text(encoding="utf-8")
    start = text.index("LAMPIRAN  \nKEPUTUSAN")
    result = import_text(text[start:])
    r = result.plan["rencana"]
    assert (r["satker"], r["nomor"], r["tahun"]) == ("KPU Kabupaten Kudus", "14", 2025)
    assert r["penandatangan"] == "AHMAD AMIR FAISOL"
    assert r["jabatan_penandatangan"] == "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUDUS"
    assert r["tanggal"] == "" and r["salinan"]["nama"] == "Ayha Ngabekti"
    assert len(result.plan["area"]) == 6


# --- pasted tables -------------------------------------------------------------------------

EXCEL_TSV = (
    "NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\tPENANGGUNG JAWAB\n"
    "I MANAJEMEN PERUBAHAN\t\t\t\t\t\t\n"
    "1\tPenyusunan Tim Kerja\tTim kerja telah dibentuk\tMembentuk tim kerja\t"
    "\"1. SK Tim\n2. Undangan rapat\"\tJanuari 2025\tTim Manajemen Perubahan\n"
    "\t\t\tRapat pembentukan tim\t\"Notulen \"\"rapat\"\"\"\tFebruari 2025\t\n"
    "2\tDokumen Rencana\tRencana kerja telah disusun\tMenyusun rencana aksi\tSK Rencana Aksi\t"
    "Maret, Juni, September, Desember 2025\t\n"
    "II PENATAAN TATA LAKSANA\t\t\t\t\t\t\n"
    "1\tSOP\tSOP telah diterapkan\tMenerapkan SOP\tDokumen SOP\tTriwulan\tTim Tata Laksana\n"
)


def test_plain_tsv_from_excel():
    result = import_text(EXCEL_TSV, tahun=2025)
    plan = result.plan
    assert shape(plan) == [("I", "MANAJEMEN PERUBAHAN", 2, 3), ("II", "PENATAAN TATA LAKSANA",
                                                                 1, 1)]
    first = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    assert first[0]["bukti_fisik"] == "1. SK Tim\n2. Undangan rapat"      # Excel's quoting
    assert first[1]["bukti_fisik"] == 'Notulen "rapat"'
    assert first[1]["bulan"] == ["2025-02"] and first[1]["target_waktu_manual"] is False
    assert plan["area"][0]["penanggung_jawab"] == "Tim Manajemen Perubahan"
    assert plan["area"][1]["penanggung_jawab"] == "Tim Tata Laksana"
    assert plan["rencana"]["tahun"] == 2025 and plan["rencana"]["nomor"] == ""
    assert plan["rencana"]["cetak"]["penanggung_jawab"] is True
    assert result.warnings == []
    assert any("Identitas keputusan" in line for line in result.report)


def test_tsv_without_header_uses_standard_order():
    text = ("I\tMANAJEMEN PERUBAHAN\t\t\t\t\n"
            "1\tTim Kerja\tTim dibentuk\tMembentuk tim\tSK Tim\tJanuari 2025\n")
    result = import_text(text, tahun=2025)
    assert shape(result.plan) == [("I", "MANAJEMEN PERUBAHAN", 1, 1)]
    assert any("tanpa baris judul kolom" in w for w in result.warnings)


def test_warning_for_rows_before_any_area_and_jumps():
    text = ("NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
            "1\tTim Kerja\tTim dibentuk\tMembentuk tim\tSK Tim\tJanuari 2025\n"
            "I MANAJEMEN PERUBAHAN\t\t\t\t\t\n"
            "1\tTim Kerja\tTim dibentuk\tMembentuk tim\tSK Tim\tJanuari 2025\n"
            "3\tMonev\tMonev rutin\tRapat monev\tNotulen\tJuni 2025\n"
            "III PENGUATAN AKUNTABILITAS\t\t\t\t\t\n"
            "2\tKinerja\tPK disusun\tMenyusun PK\tDokumen PK\tJanuari 2025\n")
    result = import_text(text, tahun=2025)
    warnings = "\n".join(result.warnings)
    assert "Baris 2: baris ini ada sebelum area pertama" in warnings
    assert "nomor komponen melompat dari 1 ke 3" in warnings
    assert "komponen pertama bernomor 2" in warnings
    assert "tertulis bernomor III; kode area diberi menurut urutan: III" not in warnings
    assert "Area ke-2 \"MANAJEMEN PERUBAHAN\" tertulis bernomor I" in warnings
    # printed I then III: area II is missing from the source — an empty area with its standard
    # name keeps the codes as printed, and the report says so
    assert [a["kode"] for a in result.plan["area"]] == ["I", "II", "III", "IV"]
    assert result.plan["area"][2] == {"kode": "III", "nama": "PENATAAN TATA LAKSANA",
                                      "penanggung_jawab": "", "komponen": []}
    assert "Area II PENATAAN TATA LAKSANA tidak ada di sumber — halaman hilang?" in warnings
    assert result.plan["area"][0]["nama"] == ""        # nothing dropped: a nameless area


def test_markdown_with_headings_br_and_column_numbers():
    text = """
I. MANAJEMEN PERUBAHAN

| NO | KOMPONEN | INDIKATOR | LANGKAH AKSI | BUKTI FISIK | TARGET WAKTU |
|---|---|---|---|---|---|
| 1 | 2 | 3 | 4 | 5 | 6 |
| 1. | **Tim** Kerja | Tim dibentuk<br>dan aktif | Membentuk tim | 1. SK<br>2. Notulen | Januari, minggu ke 2 Tahun 2025 |
| | | | Rapat rutin | Notulen | November 2025 dan Januari 2026 |

II. PENATAAN TATA LAKSANA

| NO | KOMPONEN | INDIKATOR | LANGKAH AKSI | BUKTI FISIK | TARGET WAKTU |
|---|---|---|---|---|---|
| 1 | SOP | SOP diterapkan | <ul><li>Menyusun SOP</li><li>Menetapkan SOP</li></ul> | SK | Paling lambat Mei-Juni 2025 |
"""
    result = import_text(text, tahun=2025)
    plan = result.plan
    assert shape(plan) == [("I", "MANAJEMEN PERUBAHAN", 1, 2), ("II", "PENATAAN TATA LAKSANA",
                                                                1, 1)]
    k = plan["area"][0]["komponen"][0]
    assert k["nama"] == "Tim Kerja"
    assert k["indikator"][0]["teks"] == "Tim dibentuk\ndan aktif"
    assert k["indikator"][0]["aksi"][0]["bukti_fisik"] == "1. SK\n2. Notulen"
    crossing = k["indikator"][0]["aksi"][1]
    assert crossing["bulan"] == ["2025-11", "2026-01"]
    assert plan["area"][1]["komponen"][0]["indikator"][0]["aksi"][0]["langkah"] == \
        "- Menyusun SOP\n- Menetapkan SOP"
    assert plan["rencana"]["cetak"]["nomor_kolom"] is True


def test_html_table_with_spans_and_markup():
    text = """<table>
<tr><th>NO</th><th>KOMPONEN</th><th>INDIKATOR</th><th>LANGKAH AKSI</th><th>BUKTI FISIK</th>
<th>TARGET WAKTU</th><th>TARGET CAPAIAN</th></tr>
<tr><td colspan="7"><b>I</b> MANAJEMEN PERUBAHAN</td></tr>
<tr><td rowspan="3">1</td><td rowspan="3">Penyusunan <i>Tim</i> Kerja</td>
<td rowspan="2">Tim kerja dibentuk &amp; aktif</td><td>Membentuk tim<br>melalui rapat</td>
<td><ol><li>SK Tim</li><li>Undangan rapat</li></ol></td><td>Januari 2025</td><td>100%</td></tr>
<tr><td>Rapat rutin</td><td><ul><li>Notulen</li><li>Daftar hadir</li></ul></td>
<td>Maret, Juni, September, Desember 2025</td><td>Nilai \\geq 85</td></tr>
<tr><td>Tim dievaluasi</td><td>Evaluasi tim</td><td>Laporan</td><td>Desember 2025</td><td></td></tr>
</table>
<table>
<tr><td>NO</td><td>KOMPONEN</td><td>INDIKATOR</td><td>LANGKAH AKSI</td><td>BUKTI FISIK</td>
<td>TARGET WAKTU</td><td>TARGET CAPAIAN</td></tr>
<tr><td></td><td></td><td></td><td>secara berkala</td><td></td><td></td><td></td></tr>
<tr><td><b>II</b></td><td>PENATAAN TATA LAKSANA</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>1</td><td>SOP</td><td>SOP ada</td><td>Menyusun SOP</td><td>SK SOP</td><td>Mei 2025</td>
<td></td></tr>
</table>"""
    result = import_text(text, tahun=2025)
    plan = result.plan
    assert shape(plan) == [("I", "MANAJEMEN PERUBAHAN", 1, 3), ("II", "PENATAAN TATA LAKSANA",
                                                                1, 1)]
    k = plan["area"][0]["komponen"][0]
    assert k["nama"] == "Penyusunan Tim Kerja"
    first, second = k["indikator"][0]["aksi"]
    assert k["indikator"][0]["teks"] == "Tim kerja dibentuk & aktif"
    assert first["langkah"] == "Membentuk tim\nmelalui rapat"
    assert first["bukti_fisik"] == "1. SK Tim\n2. Undangan rapat"
    assert second["bukti_fisik"] == "- Notulen\n- Daftar hadir"
    assert second["target_capaian"] == "Nilai ≥ 85"
    assert second["bulan"] == ["2025-03", "2025-06", "2025-09", "2025-12"]
    third = k["indikator"][1]["aksi"][0]
    assert k["indikator"][1]["teks"] == "Tim dievaluasi"
    assert third["langkah"] == "Evaluasi tim secara berkala"       # joined across the tables
    assert plan["rencana"]["cetak"]["target_capaian"] is True


def test_no_table_at_all_raises_indonesian_error():
    with pytest.raises(ImportGagal) as err:
        import_text("Ini hanya surat biasa tanpa tabel.\n\nSalam.")
    assert "Tidak ditemukan tabel Lampiran" in str(err.value)
    from zi_desktop.errors import ZiError
    assert isinstance(err.value, ZiError)


def test_import_file_dispatch(tmp_path, seeds_dir):
    with pytest.raises(ImportGagal):
        import_file(tmp_path / "tidak-ada.txt")
    pdf = tmp_path / "sk.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(ImportGagal, match="PDF"):
        import_file(pdf)
    tsv = tmp_path / "tabel.tsv"
    tsv.write_text(EXCEL_TSV, encoding="utf-16")
    assert len(import_file(tsv, tahun=2025).plan["area"]) == 2
    csv_path = tmp_path / "tabel.csv"
    csv_path.write_text(EXCEL_TSV.replace("\t", ";"), encoding="utf-8")
    assert len(import_file(csv_path, tahun=2025).plan["area"]) == 2


# --- .xlsx ---------------------------------------------------------------------------------

def _export_rows(plan: dict) -> tuple[list[str], list[list]]:
    """The .xlsx shape of docs/ARCHITECTURE.md, written here independently of the exporter."""
    r = plan["rencana"]
    months = month_range(r["bulan_mulai"], r["jumlah_bulan"])
    header = ["AREA", "PENANGGUNG JAWAB AREA", "NO KOMPONEN", "KOMPONEN", "INDIKATOR",
              "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"] + \
             [f"{BULAN_SINGKAT[int(m[5:]) - 1]} {m[:4]}" for m in months] + \
             ["TARGET CAPAIAN", "PENANGGUNG JAWAB"]
    rows = []
    for area in plan["area"]:
        head = [f"{area['kode']} {area['nama']}", area["penanggung_jawab"]]
        if not area["komponen"]:
            rows.append(head + [""] * (len(header) - 2))
        for n, k in enumerate(area["komponen"], start=1):
            kh = head + [n, k["nama"]]
            if not k["indikator"]:
                rows.append(kh + [""] * (len(header) - 4))
            for i in k["indikator"]:
                ih = kh + [i["teks"]]
                if not i["aksi"]:
                    rows.append(ih + [""] * (len(header) - 5))
                for a in i["aksi"]:
                    rows.append(ih + [a["langkah"], a["bukti_fisik"], a["target_waktu"]]
                                + ["✓" if m in a["bulan"] else "" for m in months]
                                + [a["target_capaian"], a["penanggung_jawab"]])
    return header, rows


def _aksi(langkah, bulan, teks=None, manual=False, **kw):
    return {"langkah": langkah, "bukti_fisik": kw.get("bukti", ""),
            "target_waktu": teks if teks is not None else format_target_waktu(bulan),
            "target_waktu_manual": manual, "target_capaian": kw.get("capaian", ""),
            "penanggung_jawab": kw.get("pj", ""), "bulan": bulan}


ROUND_TRIP_PLAN = {
    "rencana": {
        "satker": "KPU Kabupaten Contoh", "tahun": 2025, "nomor": "3", "tanggal": "2025-01-06",
        "tempat": "Contoh", "tentang": "Rencana Aksi Pembangunan Zona Integritas",
        "jabatan_penandatangan": "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH",
        "penandatangan": "NAMA KETUA",
        "salinan": {"kantor": "SEKRETARIAT", "jabatan": "Kasubbag Umum", "nama": "Nama Salinan"},
        "bulan_mulai": "2025-01", "jumlah_bulan": 12,
        "cetak": {"kertas": "A4", "kolom_waktu": "bulan", "penanggung_jawab": True,
                  "target_capaian": True, "nomor_kolom": False},
    },
    "area": [
        {"kode": "I", "nama": "MANAJEMEN PERUBAHAN", "penanggung_jawab": "Tim Agen Perubahan",
         "komponen": [
             {"nama": "Penyusunan Tim Kerja", "indikator": [
                 {"teks": "Tim kerja telah dibentuk", "aksi": [
                     _aksi("Membentuk tim", ["2025-01"], bukti="1. SK Tim\n2. Undangan rapat",
                           capaian="100%"),
                     _aksi("Rapat <rutin> & evaluasi - triwulan", ["2025-03", "2025-06",
                                                                    "2025-09", "2025-12"],
                           teks="Triwulan", manual=True, pj="Sekretaris"),
                 ]},
                 {"teks": "Indikator tanpa langkah aksi", "aksi": []},
             ]},
             {"nama": "Komponen tanpa indikator", "indikator": []},
         ]},
        {"kode": "II", "nama": "PENATAAN TATA LAKSANA", "penanggung_jawab": "",
         "komponen": [
             {"nama": "SOP", "indikator": [
                 {"teks": "SOP diterapkan", "aksi": [
                     _aksi("Menerapkan SOP", [], teks="Berkala", manual=True),
                     _aksi("Evaluasi SOP", ["2025-11", "2025-12"]),
                 ]}]}]},
        {"kode": "III", "nama": "PENATAAN SISTEM MANAJEMEN SDM", "penanggung_jawab": "",
         "komponen": []},
    ],
}


def test_xlsx_round_trip_architecture_shape(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lampiran"
    header, rows = _export_rows(ROUND_TRIP_PLAN)
    ws.append(header)
    for row in rows:
        ws.append(row)
    ident = wb.create_sheet("Identitas")
    r = ROUND_TRIP_PLAN["rencana"]
    for key, value in r.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                ident.append([f"{key}.{sub}", v, sub])
        else:
            ident.append([key, value, key])
    path = tmp_path / "rencana.xlsx"
    wb.save(path)

    result = import_xlsx(path)
    assert result.plan == ROUND_TRIP_PLAN
    assert import_file(path).plan == ROUND_TRIP_PLAN
    assert result.warnings == []


def test_xlsx_in_lampiran_column_shape(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS TAHUN 2025"])
    ws.append(["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK",
               "PELAKSANAAN (BULAN)"] + [None] * 11 + ["PENANGGUNG JAWAB"])
    ws.append([None] * 5 + list(range(1, 13)) + [None])
    ws.merge_cells(start_row=2, start_column=6, end_row=2, end_column=17)
    ws.append(["I", "MANAJEMEN PERUBAHAN"])
    ws.append([1, "Tim Kerja", "Tim dibentuk", "Membentuk tim", "SK Tim\nUndangan",
               "✓", None, None, None, None, None, None, None, None, None, None, "✓",
               "Tim Agen Perubahan"])
    ws.append([None, None, "Tim dievaluasi", "Evaluasi tim", "Laporan"]
              + [None] * 9 + ["✓", "✓", "✓"])
    ws.append([None, None, None, "Rapat tindak lanjut", "Notulen"] + ["✓"] * 12)
    ws.append([2, "Dokumen Rencana", "Rencana disusun", "Menyusun rencana", "SK"]
              + ["✓", "✓"] + [None] * 10)
    ws.merge_cells(start_row=5, start_column=2, end_row=7, end_column=2)
    ws.merge_cells(start_row=5, start_column=1, end_row=7, end_column=1)
    ws.append(["II PENATAAN TATA LAKSANA"])
    ws.append([1, "SOP", "SOP ada", "Menyusun SOP", "SK SOP"] + [None] * 5 + ["✓"]
              + [None] * 6 + ["Tim Tata Laksana"])
    path = tmp_path / "lampiran.xlsx"
    wb.save(path)

    result = import_file(path, tahun=2025)
    plan = result.plan
    assert shape(plan) == [("I", "MANAJEMEN PERUBAHAN", 2, 4), ("II", "PENATAAN TATA LAKSANA",
                                                                1, 1)]
    a1 = aksi_list(plan["area"][0])
    assert [a["bulan"] for a in a1] == [
        ["2025-01", "2025-12"], ["2025-10", "2025-11", "2025-12"], ALL_YEAR_2025,
        ["2025-01", "2025-02"]]
    assert a1[0]["bukti_fisik"] == "SK Tim\nUndangan"
    assert [len(k["indikator"]) for k in plan["area"][0]["komponen"]] == [2, 1]
    assert plan["area"][0]["penanggung_jawab"] == "Tim Agen Perubahan"
    assert plan["area"][1]["penanggung_jawab"] == "Tim Tata Laksana"
    assert aksi_list(plan["area"][1])[0]["bulan"] == ["2025-06"]
    assert plan["rencana"]["tahun"] == 2025
    assert plan["rencana"]["cetak"]["kolom_waktu"] == "bulan"


def test_xlsx_without_table_raises(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(["Tidak ada tabel di sini"])
    path = tmp_path / "kosong.xlsx"
    wb.save(path)
    with pytest.raises(ImportGagal, match="Tidak ditemukan tabel Lampiran"):
        import_xlsx(path)


# --- the core stays free of Qt ----------------------------------------------------------------

def test_importer_does_not_load_qt():
    code = ("import sys; import zi_desktop.importer as m; "
            "m.import_text('NO\\tKOMPONEN\\tINDIKATOR\\tLANGKAH AKSI\\n"
            "I MANAJEMEN PERUBAHAN\\t\\t\\t\\n1\\tA\\tB\\tC\\n', 2025); "
            "print([n for n in sys.modules if n.startswith(('PySide', 'shiboken'))])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_xlsx_round_trip_through_the_exporter(tmp_path):
    """If the exporter is there: export → import gives the plan back, even odd texts."""
    import zi_desktop.exchange.export_xlsx as exporter
    plan = json.loads(json.dumps(ROUND_TRIP_PLAN))
    plan["area"].append({"kode": "IV", "nama": "", "penanggung_jawab": "", "komponen": [
        {"nama": "=SUM(A1)", "indikator": [{"teks": "Teks  dengan  spasi ganda", "aksi": [
            _aksi("- Langkah satu - langkah dua", ["2025-12", "2026-01"]),
            _aksi("<b>tidak tebal</b> & 1. satu 2. dua", [], teks="Sepanjang masa",
                  manual=True)]}]}]})
    path = tmp_path / "ekspor.xlsx"
    exporter.export_xlsx(plan, path)
    result = import_file(path)
    assert result.plan == plan


# --- identity variants and robustness ------------------------------------------------------------

_SMALL_TABLE = ("NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
                "I MANAJEMEN PERUBAHAN\t\t\t\t\t\n1\tTim\tInd\tLangkah\tBukti\tJanuari 2025\n")


def test_identity_variants():
    mixed = import_text(
        "Keputusan Komisi Pemilihan Umum Kabupaten Contoh\nNomor: 5 Tahun 2025\ntentang\n"
        "Rencana Aksi Pembangunan Zona Integritas Tahun 2025\n\n"
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.\n\n"
        "Ditetapkan di Contoh, 3 Februari 2025\nKETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH,\n"
        "ttd\nNAMA KETUA\n\n" + _SMALL_TABLE).plan["rencana"]
    assert (mixed["satker"], mixed["nomor"], mixed["tanggal"], mixed["tempat"]) == \
        ("KPU Kabupaten Contoh", "5", "2025-02-03", "Contoh")
    assert mixed["tentang"] == "Rencana Aksi Pembangunan Zona Integritas Tahun 2025"
    assert (mixed["jabatan_penandatangan"], mixed["penandatangan"]) == \
        ("KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH", "NAMA KETUA")
    slashed = import_text(
        "KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KOTA SURABAYA\n"
        "NOMOR: 123/PP.01.2-Kpt/3578/KPU-Kot/I/2024\nTENTANG RENCANA AKSI TAHUN 2024\n\n"
        + _SMALL_TABLE).plan["rencana"]
    assert (slashed["satker"], slashed["nomor"], slashed["tahun"]) == \
        ("KPU Kota Surabaya", "123/PP.01.2-Kpt/3578/KPU-Kot/I/2024", 2024)
    kip = import_text("KEPUTUSAN SEKRETARIS KOMISI INDEPENDEN PEMILIHAN KABUPATEN ACEH BESAR\n"
                      "NOMOR 9 TAHUN 2025\n\n" + _SMALL_TABLE)
    assert kip.plan["rencana"]["satker"] == "KIP Kabupaten Aceh Besar"
    assert any("tidak ditemukan: tanggal" in line for line in kip.report)


def test_year_from_decree_wins_over_argument(seeds_dir):
    result = import_file(seeds_dir / "madiun-7-2026.txt", tahun=2025)
    assert result.plan["rencana"]["tahun"] == 2026
    assert any("berbeda dengan tahun pada keputusan" in w for w in result.warnings)


_TOKENS = ["\t", "\n", "|", "|---|", "<td>", "</td>", "<tr>", "<table>", "</table>", "<ul>",
           "<li>", "<br>", "<b>", "I", "II", "VII", "1", "2.", "✓", "NO", "KOMPONEN",
           "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU", "PENANGGUNG JAWAB",
           "Januari 2025", " - ", '"', " rowspan=3", "NOMOR 1 TAHUN 2025", "Ditetapkan di X",
           "KEPUTUSAN", "TENTANG", "Salinan sesuai dengan aslinya", "ttd", "abc ", " ",
           "1. a 2. b", "- x - y", "\\geq", "&amp;", "**", "Jan 2025", "PELAKSANAAN (BULAN)"]


def test_any_text_gives_a_plan_or_importgagal():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(_TOKENS), max_size=200), st.sampled_from([None, 2025]))
    def check(tokens, tahun):
        try:
            result = import_text("".join(tokens), tahun)
        except ImportGagal as err:
            assert str(err)
            return
        json.dumps(result.plan)
        assert all(isinstance(line, str) for line in result.report + result.warnings)
        for area in result.plan["area"]:
            for aksi in aksi_list(area):
                assert aksi["bulan"] == sorted(set(aksi["bulan"]))

    check()


def test_target_waktu_cut_at_page_break():
    head = "NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
    text = (head + "I MANAJEMEN PERUBAHAN\t\t\t\t\t\n"
            "1\tTim\tTim dibentuk\tMembentuk tim kerja\tSK\tJanuari -\n\n"
            + head + "\t\t\tdan rapat\t\tDesember 2025\n"
            "\t\tTim dievaluasi\tEvaluasi\tLaporan\tJuni 2025\n")
    result = import_text(text, tahun=2025)
    aksi = aksi_list(result.plan["area"][0])
    assert [a["langkah"] for a in aksi] == ["Membentuk tim kerja dan rapat", "Evaluasi"]
    assert aksi[0]["target_waktu"] == "Januari - Desember 2025"
    assert aksi[0]["bulan"] == ALL_YEAR_2025


def test_row_split_by_word_paragraphs_is_stitched():
    """Word's plain text puts a cell's paragraphs on their own lines inside the row."""
    text = ("NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
            "I MANAJEMEN PERUBAHAN\t\t\t\t\t\n"
            "1\tTim Kerja\tTim dibentuk\tMembentuk tim\t1. SK Tim\n"
            "2. Undangan rapat\n"
            "3. Notulen\tJanuari 2025\n"
            "\t\tTim dievaluasi\tEvaluasi\tLaporan\tDesember 2025\n")
    result = import_text(text, tahun=2025)
    aksi = aksi_list(result.plan["area"][0])
    assert aksi[0]["bukti_fisik"] == "1. SK Tim\n2. Undangan rapat\n3. Notulen"
    assert aksi[0]["bulan"] == ["2025-01"] and aksi[1]["bulan"] == ["2025-12"]
    assert len(aksi) == 2


def test_xlsx_month_names_over_the_new_year_and_dates(tmp_path):
    """A grid headed Jul … Jun (no years) runs into the next year; a target cell that Excel
    turned into a date reads as its month."""
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Komponen", "Indikator", "Rencana Aksi", "Output", "Jul", "Agu", "Sep",
               "Okt", "Nov", "Des", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "PIC"])
    ws.append(["I", "Manajemen Perubahan"])
    ws.append([1, "Tim", "Ind", "Aksi", "SK", "x"] + [None] * 5 + ["x"] + [None] * 5 + ["Tim A"])
    ws.append([None, None, "Ind2", "Aksi2", "SK2"] + [None] * 11 + ["x", "Tim B"])
    path = tmp_path / "fiskal.xlsx"
    wb.save(path)
    plan = import_file(path, tahun=2025).plan
    aksi = aksi_list(plan["area"][0])
    assert [a["bulan"] for a in aksi] == [["2025-07", "2026-01"], ["2026-06"]]
    assert [a["penanggung_jawab"] for a in aksi] == ["Tim A", "Tim B"]
    assert plan["rencana"]["bulan_mulai"] == "2025-07"
    assert plan["area"][0]["nama"] == "MANAJEMEN PERUBAHAN"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"])
    ws.append(["I MANAJEMEN PERUBAHAN"])
    ws.append([1, "Tim", "Ind", "Aksi", "SK", dt.datetime(2025, 3, 1)])
    ws.append([None, None, "Ind2", "Aksi2", "SK2", dt.datetime(2025, 3, 17)])
    path = tmp_path / "tanggal.xlsx"
    wb.save(path)
    aksi = aksi_list(import_file(path).plan["area"][0])
    assert [(a["target_waktu"], a["bulan"]) for a in aksi] == [
        ("Maret 2025", ["2025-03"]), ("17 Maret 2025", ["2025-03"])]
