"""Plan dicts for tests and benchmarks, built in code — the one plan factory (the seeds are
used by the import tests). ``generated_plan`` is the evenly spread plan of any size;
``synthetic_plan`` is shaped like the published decrees for the printing tests and benchmarks:

    synthetic_plan(300, style="kapuas")   # month grid, penanggung jawab once per area
    synthetic_plan(300, style="madiun")   # 7 areas, target capaian, "- …" lists
    synthetic_plan(300, style="kudus")    # target waktu as text, numbered bukti fisik
"""

from __future__ import annotations

import copy
import random

from zi_desktop.dates import BULAN

from zi_desktop.model import CETAK_BAWAAN


def aksi(langkah: str, bulan=(), **extra) -> dict:
    base = {"langkah": langkah, "bukti_fisik": "1. Undangan rapat\n2. Daftar hadir",
            "target_waktu": "", "target_waktu_manual": False, "target_capaian": "",
            "penanggung_jawab": "", "bulan": list(bulan), "realisasi": [], "bukti_dukung": []}
    base.update(extra)
    return base


def rencana(tahun: int = 2025, **extra) -> dict:
    base = {"satker": "KPU Kabupaten Contoh", "tahun": tahun, "nomor": "14",
            "tanggal": f"{tahun}-01-02", "tempat": "Contoh",
            "tentang": "Rencana Aksi Pembangunan Zona Integritas",
            "jabatan_penandatangan": "KETUA KOMISI PEMILIHAN UMUM KABUPATEN CONTOH",
            "penandatangan": "NAMA KETUA", "salinan": {"kantor": "", "jabatan": "", "nama": ""},
            "bulan_mulai": f"{tahun}-01", "jumlah_bulan": 12,
            "judul_tabel": "",
            "cetak": {"kertas": "F4", "kolom_waktu": "teks", "penanggung_jawab": False,
                      "target_capaian": False, "nomor_kolom": False,
                      **copy.deepcopy(CETAK_BAWAAN)}}
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
    """A small decree body (issue 16): two Menimbang, two Mengingat, two diktum, one chapter,
    Menetapkan not stored."""
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
        "menetapkan": "",                 # "" = printed from the title
    }


AREA_NAMES = ["MANAJEMEN PERUBAHAN", "PENATAAN TATA LAKSANA", "PENATAAN SISTEM MANAJEMEN SDM",
              "PENGUATAN AKUNTABILITAS", "PENGUATAN PENGAWASAN", "PENINGKATAN KUALITAS PELAYANAN PUBLIK"]


def generated_plan(n_aksi: int, tahun: int = 2025, areas: int = 6, *, per_komponen: int = 12,
                   per_indikator: int = 3) -> dict:
    """A plan with ``n_aksi`` langkah aksi spread evenly over ``areas`` (``per_komponen`` in a
    komponen, ``per_indikator`` in an indikator), for benchmarks and stress; every target waktu
    agrees with its months, so ``check`` finds nothing until a test blanks fields."""
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
            if n % per_komponen == 0:
                k = {"nama": f"Komponen {a + 1}.{n // per_komponen + 1} pembangunan zona integritas",
                     "indikator": []}
                area["komponen"].append(k)
            if n % per_indikator == 0:
                i = {"teks": f"Indikator {a + 1}.{n // per_indikator + 1}: unit kerja telah melaksanakan "
                             "kegiatan", "aksi": []}
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


# --- plans shaped like the published decrees (deterministic, seeded; the wording is the
# standard ZI instrument's, so lines wrap like real plans do) ---------------------------------
AREAS = [
    ("MANAJEMEN PERUBAHAN", "Tim Manajemen Perubahan",
     ["Penyusunan Tim Kerja", "Rencana Pembangunan Zona Integritas",
      "Pemantauan dan Evaluasi Pembangunan WBK/WBBM", "Perubahan Pola Pikir dan Budaya Kerja"]),
    ("PENATAAN TATA LAKSANA", "Tim Penataan Tata Laksana",
     ["Standar Operasional Prosedur (SOP) Kegiatan Utama",
      "Sistem Pemerintahan Berbasis Elektronik (SPBE)", "Keterbukaan Informasi Publik"]),
    ("PENATAAN SISTEM MANAJEMEN SDM", "Tim Penataan Sistem Manajemen SDM",
     ["Perencanaan Kebutuhan Pegawai sesuai dengan Kebutuhan Organisasi",
      "Pola Mutasi Internal", "Pengembangan Pegawai Berbasis Kompetensi",
      "Penetapan Kinerja Individu", "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku Pegawai",
      "Sistem Informasi Kepegawaian"]),
    ("PENGUATAN AKUNTABILITAS", "Tim Penguatan Akuntabilitas",
     ["Keterlibatan Pimpinan", "Pengelolaan Akuntabilitas Kinerja"]),
    ("PENGUATAN PENGAWASAN", "Tim Penguatan Pengawasan",
     ["Pengendalian Gratifikasi", "Penerapan Sistem Pengendalian Intern Pemerintah (SPIP)",
      "Pengaduan Masyarakat", "Whistle-Blowing System", "Penanganan Benturan Kepentingan"]),
    ("PENINGKATAN KUALITAS PELAYANAN PUBLIK", "Tim Peningkatan Kualitas Pelayanan Publik",
     ["Standar Pelayanan", "Budaya Pelayanan Prima", "Pengelolaan Pengaduan",
      "Penilaian Kepuasan terhadap Pelayanan", "Pemanfaatan Teknologi Informasi"]),
    ("INOVASI PELAYANAN", "Tim Inovasi Pelayanan",
     ["Inovasi Pelayanan Publik", "Digitalisasi Layanan", "Replikasi dan Pengembangan Inovasi"]),
]

INDIKATOR = [
    "Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas",
    "Penentuan anggota Tim dipilih melalui prosedur/mekanisme yang jelas",
    "Dokumen rencana kerja pembangunan Zona Integritas menuju WBK/WBBM telah disusun",
    "Terdapat mekanisme atau media untuk mensosialisasikan pembangunan WBK/WBBM",
    "Seluruh kegiatan pembangunan sudah dilaksanakan sesuai dengan rencana",
    "Hasil Monitoring dan Evaluasi telah ditindaklanjuti",
    "Pimpinan berperan sebagai role model dalam pelaksanaan Pembangunan WBK/WBBM",
    "SOP mengacu pada peta proses bisnis instansi",
    "Sistem pengukuran kinerja unit sudah menggunakan teknologi informasi",
    "Kebutuhan pegawai yang disusun oleh unit kerja mengacu kepada peta jabatan dan hasil "
    "analisis beban kerja untuk masing-masing jabatan",
    "Telah dilakukan survey kepuasan masyarakat terhadap pelayanan",
    "Informasi tentang pelayanan mudah diakses melalui berbagai media",
]

LANGKAH = [
    "Menerbitkan SK Tim Perubahan Pembangunan Zona Integritas",
    "Menyusun Rencana Aksi Pembangunan Zona Integritas yang dituangkan dalam bentuk Keputusan",
    "Melaksanakan monitoring dan evaluasi melibatkan pimpinan dan dilakukan secara berkala",
    "Menindaklanjuti monitoring dan evaluasi tim internal",
    "Mengelola media/aktivitas interaktif yang efektif untuk menginformasikan pembangunan ZI "
    "kepada internal dan stakeholder secara berkala",
    "Menunjukkan Pimpinan dalam memberi teladan dengan mengisi/mencatat kehadiran setiap hari "
    "seperti pegawai lain, melaksanakan budaya kerja yang telah ditetapkan",
    "Melakukan evaluasi tahunan terhadap SOP yang telah dibuat",
    "Melakukan survei kepuasan masyarakat terhadap pelayanan minimal 4 kali dalam setahun",
    "Menyebarkan seluruh informasi keterbukaan informasi publik melalui website",
]

LANGKAH_LIST = [
    "- Menyusun konsep pembentukan Tim ZI\n- Menetapkan SK Tim ZI oleh Ketua\n"
    "- Menyusun uraian tugas (job description) masing-masing anggota\n"
    "- Melaksanakan rapat koordinasi rutin",
    "- Melakukan identifikasi kondisi awal (baseline assessment)\n"
    "- Menyusun tahapan pembangunan ZI (jangka pendek, menengah, panjang)\n"
    "- Menentukan indikator keberhasilan",
    "- Melakukan monitoring pelaksanaan inovasi\n"
    "- Mengukur dampak inovasi terhadap kualitas layanan\n- Menyusun laporan evaluasi inovasi",
]

BUKTI = [
    "1. Undangan rapat\n2. Daftar Hadir\n3. Dokumentasi Rapat\n4. Lembar monev ZI",
    "SK Tim Zona Integritas Tahun {tahun}",
    "1. Banner Zona Integritas\n2. Poster Zona Integritas\n3. Website tentang Zona Integritas",
    "Laporan Hasil Survei Kepuasan Masyarakat Tahun {tahun}",
    "1. Daftar hadir pimpinan;\n2. Banner budaya Kerja;\n3. Dokumen Tanda Terima LHKPN; dan\n"
    "4. Laporan SPT",
    "Notulen rapat, Rencana kerja",
    "a. Aplikasi presensi berbasis android dan geo-lokasi\nb. Aplikasi SIMPEG",
]

CAPAIAN = ["100% pegawai berkomitmen", "Nilai SKM ≥ 85", "Tim efektif dan aktif bekerja",
           "Minimal 1 inovasi direplikasi", "Laporan tersusun tepat waktu"]


def _months_text(months: list[int], tahun: int) -> str:
    if len(months) == 12:
        return f"Januari - Desember {tahun}"
    if len(months) == 1:
        return f"{BULAN[months[0] - 1]} {tahun}"
    if months == list(range(months[0], months[-1] + 1)):
        return f"{BULAN[months[0] - 1]} - {BULAN[months[-1] - 1]} {tahun}"
    return ", ".join(BULAN[m - 1] for m in months[:-1]) + f" dan {BULAN[months[-1] - 1]} {tahun}"


def synthetic_plan(n_aksi: int, style: str = "kudus", seed: int = 1, tahun: int = 2025) -> dict:
    """A plan with ``n_aksi`` langkah aksi spread over the areas like a real decree."""
    rnd = random.Random(seed)
    n_areas = 7 if style == "madiun" else 6
    areas_src = AREAS[:n_areas]
    places = {"kapuas": ("Kapuas", "Kuala Kapuas", "24"), "madiun": ("Madiun", "Madiun", "7"),
              "kudus": ("Kudus", "Kudus", "14")}
    kab, tempat, nomor = places.get(style, places["kudus"])
    rencana = {
        "satker": f"KPU Kabupaten {kab}",
        "tahun": tahun,
        "nomor": nomor,
        "tanggal": f"{tahun}-01-02",
        "tempat": tempat,
        "tentang": ("Rencana Aksi Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi "
                    "dan Wilayah Birokrasi Bersih dan Melayani di Lingkungan Komisi Pemilihan "
                    f"Umum Kabupaten {kab} Tahun {tahun}"),
        "jabatan_penandatangan": f"KETUA KOMISI PEMILIHAN UMUM KABUPATEN {kab.upper()}",
        "penandatangan": "NAMA PENANDATANGAN",
        "salinan": {"kantor": f"Sekretariat Komisi Pemilihan Umum Kabupaten {kab}",
                    "jabatan": "Kepala Subbagian Teknis Penyelenggaraan Pemilu dan Hukum",
                    "nama": "Nama Pejabat Salinan"} if style != "kudus" else
                   {"kantor": "", "jabatan": "", "nama": ""},
        "bulan_mulai": f"{tahun}-01",
        "jumlah_bulan": 12,
        "cetak": {"kertas": "F4", "kolom_waktu": "bulan" if style == "kapuas" else "teks",
                  "penanggung_jawab": style == "kapuas", "target_capaian": style == "madiun",
                  "nomor_kolom": False},
    }
    # spread the aksi over areas → komponen → indikator → aksi
    per_area = [n_aksi // n_areas + (1 if i < n_aksi % n_areas else 0) for i in range(n_areas)]
    areas = []
    for ai, (nama, pj, komponen_names) in enumerate(areas_src):
        left = per_area[ai]
        komponen = []
        ki = 0
        while left > 0:
            indikator = []
            for _ in range(rnd.randint(1, 4)):
                if left <= 0:
                    break
                aksi = []
                for _ in range(min(left, rnd.choice((1, 1, 1, 2, 3)))):
                    start = rnd.randint(1, 12)
                    kind = rnd.random()
                    if kind < 0.4:
                        months = list(range(1, 13))
                    elif kind < 0.7:
                        months = [start]
                    elif kind < 0.85:
                        months = list(range(start, min(12, start + rnd.randint(1, 4)) + 1))
                    else:
                        months = [3, 6, 9, 12]
                    langkah = (rnd.choice(LANGKAH_LIST) if style == "madiun"
                               else rnd.choice(LANGKAH))
                    aksi.append({
                        "langkah": langkah,
                        "bukti_fisik": rnd.choice(BUKTI).format(tahun=tahun),
                        "target_waktu": _months_text(months, tahun),
                        "target_waktu_manual": False,
                        "target_capaian": rnd.choice(CAPAIAN) if style == "madiun" else "",
                        "penanggung_jawab": "",
                        "bulan": [f"{tahun}-{m:02d}" for m in months],
                    })
                    left -= 1
                indikator.append({"teks": rnd.choice(INDIKATOR), "aksi": aksi})
            komponen.append({"nama": komponen_names[ki % len(komponen_names)],
                             "indikator": indikator})
            ki += 1
        areas.append({"kode": "", "nama": nama,
                      "penanggung_jawab": pj if style == "kapuas" else "",
                      "komponen": komponen})
    return {"rencana": rencana, "area": areas}


def format1_file(path, monkeypatch, *, tahun: int = 2025, version: int = 1, **rencana) -> None:
    """A real format-1 file (only step 0001 applied; ``version`` > 1: the first ``version``
    steps): one identity row and one area."""
    import sqlite3
    from zi_desktop import migrations
    first = migrations.steps()[:version]
    with monkeypatch.context() as m:
        m.setattr(migrations, "steps", lambda: first)
        conn = sqlite3.connect(path, isolation_level=None)
        migrations.migrate(conn, "2025-01-01T00:00:00")
    row = {"id": 1, "satker": "KPU Kabupaten Lama", "tahun": tahun, "bulan_mulai": f"{tahun}-01", **rencana}
    conn.execute(f"INSERT INTO rencana ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                 tuple(row.values()))
    conn.execute("INSERT INTO area (id, urutan, nama) VALUES (1, 0, 'MANAJEMEN PERUBAHAN')")
    conn.close()
    migrations.expected_schema.cache_clear()
