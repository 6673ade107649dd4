"""Importing the decree body (issue 16) from the three seed decrees: every Menimbang item,
every Mengingat entry joined across page breaks, every diktum, every Lampiran chapter."""

from __future__ import annotations

import pytest

from zi_desktop.document import Dokumen
from zi_desktop.importer import import_text
from zi_desktop.importer.body import parse_keputusan

# (menimbang, mengingat, memperhatikan, diktum, bab) as counted by eye in the seed text
COUNTS = {"kudus-14-2025.txt": (3, 10, 0, 2, 6), "kapuas-24-2025.txt": (4, 12, 0, 3, 0),
          "madiun-7-2026.txt": (2, 5, 0, 3, 0)}


@pytest.fixture(scope="module", params=sorted(COUNTS))
def seed(request, seeds_dir):
    text = (seeds_dir / request.param).read_text(encoding="utf-8")
    return request.param, text, import_text(text)


def test_counts_match_the_seed(seed):
    name, _text, result = seed
    body = result.plan["keputusan"]
    assert tuple(len(body[k]) for k in ("menimbang", "mengingat", "memperhatikan", "diktum",
                                        "bab")) == COUNTS[name]
    assert any(line.startswith("Isi keputusan:") for line in result.report)


def test_each_menimbang_starts_bahwa_and_the_last_is_the_conclusion(seed):
    body = seed[2].plan["keputusan"]
    assert all(item.startswith("bahwa ") for item in body["menimbang"])
    assert body["menimbang"][-1].startswith("bahwa berdasarkan pertimbangan")


def test_every_mengingat_entry_is_whole_and_in_the_seed(seed):
    _name, text, result = seed
    flat = " ".join(text.replace("*", "").replace("Undang- Undang", "Undang-Undang")
                    .replace("ORT.07- Kpt", "ORT.07-Kpt").split())
    for entry in result.plan["keputusan"]["mengingat"]:
        assert entry.endswith(";"), entry
        # each sentence of the entry occurs in the seed once page breaks are taken out
        for piece in entry.rstrip(";").split(") "):
            assert " ".join(piece.split()[-6:]) in flat, piece


def test_entries_cut_by_a_page_break_are_joined():
    kudus = {"6": "(Berita Negara Republik Indonesia Tahun 2024 Nomor 444);"}
    body = parse_keputusan(
        "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;\n\n"
        "2. Peraturan Menteri Nomor 90 Tahun 2021 sebagaimana telah diubah (Berita Negara Republik "
        "Indonesia Tahun\n\n2024 Nomor 444);\n\n- Peraturan lanjutan;\nMEMUTUSKAN:\n"
        "Menetapkan : KEPUTUSAN X.\n- KESATU : Menetapkan Rencana Aksi sebagaimana tercantum "
        "dalam Lampiran;\n- KEDUA : Keputusan ini mulai berlaku,\n\ndengan ketentuan.\n"
        "Ditetapkan di Kudus")
    assert body["mengingat"][1].endswith("Tahun 2024 Nomor 444); Peraturan lanjutan;")
    assert kudus["6"] in body["mengingat"][1]
    assert body["diktum"] == ["Menetapkan Rencana Aksi sebagaimana tercantum dalam Lampiran;",
                              "Keputusan ini mulai berlaku, dengan ketentuan."]


def test_kudus_chapters_and_their_text(seeds_dir):
    result = import_text((seeds_dir / "kudus-14-2025.txt").read_text(encoding="utf-8"))
    bab = result.plan["keputusan"]["bab"]
    assert [c["judul"] for c in bab] == [
        "Pendahuluan", "Dasar Hukum", "Proses Pembangunan Zona Integritas Menuju WBK/WBBM",
        "Maksud dan Tujuan", "Pengertian Umum", "Komponen Pengungkit Zona Integritas"]
    dasar = bab[1]["isi"].split("\n")
    assert [line[:2] for line in dasar] == [f"{c}." for c in "abcdefghij"]
    assert dasar[3].endswith("Menjadi Undang-Undang Menjadi Undang-Undang;")   # across a page
    pendahuluan = bab[0]["isi"].split("\n")
    assert "telah diubah dengan Peraturan Menteri Pendayagunaan Aparatur" in pendahuluan[1]
    assert pendahuluan[3:9] == ["a. Manajemen perubahan;", "b. Tata laksana;",
                                "c. Penataan sistem manajemen SDM;", "d. Penguatan akuntabilitas;",
                                "e. Penguatan pengawasan; dan",
                                "f. Peningkatan kualitas pelayanan publik."]
    assert "3. Komponen Hasil" in bab[2]["isi"].split("\n")       # a list number, not chapter 3
    assert bab[5]["isi"].split("\n")[-1] == "3) Penilaian kepuasan terhadap pelayanan."
    assert "(mindset)" in bab[2]["isi"] and "*" not in bab[2]["isi"]


def test_no_area_heading_becomes_a_chapter(seeds_dir):
    result = import_text((seeds_dir / "madiun-7-2026.txt").read_text(encoding="utf-8"))
    assert result.plan["keputusan"]["bab"] == []
    assert any("Menetapkan" in w for w in result.warnings)        # "BERSIH MELAYANI" ≠ title


def test_imported_body_is_kept_in_the_file(seed, tmp_path):
    with Dokumen.create_from_plan(tmp_path / "sk.zidb", seed[2].plan) as doc:
        assert doc.to_dict()["keputusan"] == seed[2].plan["keputusan"]


def test_table_only_text_has_an_empty_body():
    result = import_text("NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
                         "I MANAJEMEN PERUBAHAN\t\t\t\t\t\n"
                         "1\tTim\tTim dibentuk\tMembentuk tim\tSK\tJanuari 2025\n")
    assert not any(result.plan.get("keputusan", {}).get(k) for k in ("menimbang", "diktum"))
