"""Plan dicts for tests, built in code (the seeds are used by the import tests)."""

from __future__ import annotations

import copy


def aksi(langkah: str, bulan=(), **extra) -> dict:
    base = {"langkah": langkah, "bukti_fisik": "1. Undangan rapat\n2. Daftar hadir",
            "target_waktu": "", "target_waktu_manual": False, "target_capaian": "",
            "penanggung_jawab": "", "bulan": list(bulan)}
    base.update(extra)
    return base


def rencana(tahun: int = 2025, **extra) -> dict:
    base = {"satker": "KPU Kabupaten Contoh", "tahun": tahun, "nomor": "14",
            "tanggal": f"{tahun}-01-02", "tempat": "Contoh",
            "tentang": "Rencana Aksi Pembangunan Zona Integritas",
            "jabatan_penandatangan": "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH",
            "penandatangan": "NAMA KETUA", "salinan": {"kantor": "", "jabatan": "", "nama": ""},
            "bulan_mulai": f"{tahun}-01", "jumlah_bulan": 12,
            "cetak": {"kertas": "F4", "kolom_waktu": "teks", "penanggung_jawab": False,
                      "target_capaian": False, "nomor_kolom": False}}
    base.update(extra)
    return base


def small_plan() -> dict:
    return {"rencana": rencana(), "area": [
        {"kode": "I", "nama": "MANAJEMEN PERUBAHAN", "penanggung_jawab": "Tim Manajemen Perubahan",
         "komponen": [
             {"nama": "Penyusunan Tim Kerja", "indikator": [
                 {"teks": "Unit kerja telah membentuk tim", "aksi": [
                     aksi("Membentuk tim kerja", ["2025-01"], target_waktu="Januari 2025"),
                     aksi("Menyusun SK tim", ["2025-01", "2025-02"], target_waktu="Januari - Februari 2025")]},
                 {"teks": "Penentuan anggota secara obyektif", "aksi": [
                     aksi("Seleksi anggota tim", ["2025-02"], target_waktu="Februari 2025")]}]},
             {"nama": "Rencana Pembangunan Zona Integritas", "indikator": [
                 {"teks": "Dokumen rencana kerja", "aksi": [
                     aksi("Menyusun rencana aksi", ["2025-01"], target_waktu="Januari 2025")]}]}]},
        {"kode": "II", "nama": "PENATAAN TATA LAKSANA", "penanggung_jawab": "",
         "komponen": [{"nama": "Prosedur Operasional Tetap", "indikator": [
             {"teks": "SOP mengacu peta proses bisnis", "aksi": [
                 aksi("Menyusun SOP", ["2025-03", "2025-06", "2025-09", "2025-12"],
                      target_waktu="Maret, Juni, September, Desember 2025")]}]}]},
    ], "keputusan": keputusan()}


def keputusan(tahun: int = 2025) -> dict:
    """A small decree body (issue 16): two Menimbang, two Mengingat, two diktum, one chapter."""
    return {
        "menimbang": ["bahwa untuk mewujudkan pemerintahan yang bersih perlu menyusun rencana aksi;",
                      "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
                      "menetapkan Keputusan Komisi Pemilihan Umum Kabupaten Contoh tentang Rencana "
                      f"Aksi Pembangunan Zona Integritas Tahun {tahun};"],
        "mengingat": ["Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara "
                      "Republik Indonesia Tahun 2017 Nomor 182);",
                      "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja;"],
        "memperhatikan": [],
        "diktum": ["Menetapkan Rencana Aksi Pembangunan Zona Integritas sebagaimana tercantum dalam "
                   "Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                   "Keputusan ini mulai berlaku pada tanggal ditetapkan."],
        "bab": [{"judul": "PENDAHULUAN", "isi": f"Rencana aksi Tahun {tahun} disusun untuk:\n"
                 "a. membangun zona integritas; dan\nb. meningkatkan pelayanan publik."}],
    }


AREA_NAMES = ["MANAJEMEN PERUBAHAN", "PENATAAN TATA LAKSANA", "PENATAAN SISTEM MANAJEMEN SDM",
              "PENGUATAN AKUNTABILITAS", "PENGUATAN PENGAWASAN", "PENINGKATAN KUALITAS PELAYANAN PUBLIK"]


def generated_plan(n_aksi: int, tahun: int = 2025, areas: int = 6) -> dict:
    """A plan with ``n_aksi`` langkah aksi spread evenly (for benchmarks and stress); every
    target waktu agrees with its months, so ``check`` finds nothing until a test blanks fields."""
    from zi_desktop.schedule import format_target_waktu
    plan = {"rencana": rencana(tahun), "area": []}
    per_area = max(1, n_aksi // areas)
    made = 0
    for a in range(areas):
        nama = AREA_NAMES[a] if a < len(AREA_NAMES) else f"AREA PERUBAHAN {a + 1}"
        area = {"nama": nama, "penanggung_jawab": f"Tim {nama.title()}", "komponen": []}
        plan["area"].append(area)
        count = per_area if a < areas - 1 else n_aksi - made
        k = i = None
        for n in range(count):
            if n % 12 == 0:
                k = {"nama": f"Komponen {a + 1}.{n // 12 + 1} pembangunan zona integritas", "indikator": []}
                area["komponen"].append(k)
            if n % 3 == 0:
                i = {"teks": f"Indikator {a + 1}.{n // 3 + 1}: unit kerja telah melaksanakan kegiatan", "aksi": []}
                k["indikator"].append(i)
            months = [f"{tahun}-{m:02d}" for m in range(1 + n % 6, 13, 3)]
            i["aksi"].append(aksi(f"Langkah aksi nomor {made + 1} untuk pembangunan zona integritas",
                                  months, target_waktu=format_target_waktu(months)))
            made += 1
    return copy.deepcopy(plan)


# The plan the window tests open: two areas, an empty komponen, an indikator without langkah aksi.
def window_plan(tahun: int = 2025) -> dict:
    return {
        "rencana": {"satker": "KPU Kabupaten Contoh", "tahun": tahun, "nomor": "14",
                    "tanggal": f"{tahun}-01-02", "tempat": "Contoh"},
        "area": [
            {"nama": "MANAJEMEN PERUBAHAN", "penanggung_jawab": "Tim Manajemen Perubahan", "komponen": [
                {"nama": "Penyusunan Tim Kerja", "indikator": [
                    {"teks": "Unit kerja telah membentuk tim", "aksi": [
                        {"langkah": "Membentuk tim kerja", "bukti_fisik": "1. SK Tim\n2. Undangan rapat",
                         "target_waktu": f"Januari {tahun}", "bulan": [f"{tahun}-01"]},
                        {"langkah": "Rapat koordinasi", "bukti_fisik": "1. Notulen",
                         "target_waktu": "", "bulan": []},
                    ]},
                    {"teks": "Tim kerja menyusun rencana kerja", "aksi": [
                        {"langkah": "Menyusun rencana kerja", "bukti_fisik": "Dokumen rencana",
                         "target_waktu": f"Februari {tahun}", "bulan": [f"{tahun}-02"]},
                    ]},
                ]},
                {"nama": "Rencana Pembangunan Zona Integritas", "indikator": []},
            ]},
            {"nama": "PENATAAN TATA LAKSANA", "penanggung_jawab": "", "komponen": [
                {"nama": "Prosedur Operasional Tetap", "indikator": [
                    {"teks": "SOP telah disusun", "aksi": []}]}]},
        ],
    }
