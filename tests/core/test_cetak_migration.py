"""0004_cetak: a format-1 plan opens, is migrated, and gets the print conventions' defaults;
the new settings round-trip through the file and the identity edit (with undo)."""

from __future__ import annotations


from plans import format1_file, small_plan

from zi_desktop import migrations
from zi_desktop.document import Dokumen
from zi_desktop.edits import SetIdentitas




def test_format1_file_migrates_with_defaults(tmp_path, monkeypatch):
    path = tmp_path / "lama.zidb"
    format1_file(path, monkeypatch, tahun=2024, cetak_kertas="A4")
    with Dokumen.open(path) as doc:
        r = doc.identitas()
        assert doc.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.current_version()
    assert r["satker"] == "KPU Kabupaten Lama" and r["cetak"]["kertas"] == "A4"
    assert r["judul_tabel"] == ""
    c = r["cetak"]
    assert (c["huruf"], c["tanda_tangan"], c["kepala_bulan"], c["gaya_nomor"]) == \
        ("arial", "ttd.", "nama", "tahun")
    assert c["kata_miring"] == [] and c["lebar_kolom"] == {}
    assert c["nomor_titik"] is False and c["ulang_ditetapkan"] is True and c["koma_jabatan"] is True
    assert list(tmp_path.glob("lama.cadangan-format1*.zidb"))


def test_print_settings_round_trip_and_undo(tmp_path):
    plan = small_plan()
    plan["rencana"]["judul_tabel"] = "RENCANA KERJA ZI TAHUN 2025"
    plan["rencana"]["cetak"].update(huruf="bookman", kata_miring=["e-Office", "Whistle Blowing System"],
                                    lebar_kolom={"langkah": 60, "bukti": 55.25}, gaya_nomor="titik_dua")
    path = tmp_path / "p.zidb"
    with Dokumen.create_from_plan(path, plan) as doc:
        r = doc.identitas()
        assert r["judul_tabel"] == "RENCANA KERJA ZI TAHUN 2025"
        assert r["cetak"]["kata_miring"] == ["e-Office", "Whistle Blowing System"]
        assert r["cetak"]["lebar_kolom"] == {"langkah": 60, "bukti": 55.2}
        assert r["cetak"]["huruf"] == "bookman" and r["cetak"]["gaya_nomor"] == "titik_dua"
        edit = SetIdentitas({"cetak.huruf": "dejavu", "cetak.kata_miring": ["online"],
                             "cetak.lebar_kolom": {}, "judul_tabel": "X"})
        doc.apply(edit)
        r = doc.identitas()
        assert r["cetak"]["huruf"] == "dejavu" and r["cetak"]["kata_miring"] == ["online"]
        assert r["cetak"]["lebar_kolom"] == {} and r["judul_tabel"] == "X"
        doc.revert(edit)
        assert doc.identitas()["cetak"]["huruf"] == "bookman"


def test_bad_print_setting_in_a_plan_dict_falls_back_to_default(tmp_path):
    plan = small_plan()
    plan["rencana"]["cetak"].update(huruf="comic", lebar_kolom="bukan json")
    with Dokumen.create_from_plan(tmp_path / "p.zidb", plan) as doc:
        assert doc.identitas()["cetak"]["huruf"] == "arial"
        assert doc.identitas()["cetak"]["lebar_kolom"] == {}
