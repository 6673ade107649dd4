"""Monitoring in the file: format 2, realisasi and evidence edits, streaming, refusals."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from zi_desktop import document as document_module
from zi_desktop.document import Dokumen
from zi_desktop.edits import DeleteItem
from zi_desktop.errors import BerkasDitolak, ZiError
from zi_desktop.migrations import current_version
from zi_desktop.pemantauan import store
from zi_desktop.pemantauan.edits import AttachBukti, RemoveBukti, SetRealisasi, attach_many
from zi_desktop.pemantauan.files import keluarkan_semua, temp_copy

from plans import small_plan

FORMAT1 = Path(__file__).resolve().parents[1] / "data" / "format1-v0.1.zidb"


def first_aksi(doc) -> int:
    return store.aksi_for_jalur(doc.conn, "I.1.1.1")


@pytest.fixture
def doc(tmp_path):
    d = Dokumen.create_from_plan(tmp_path / "rencana.zidb", small_plan())
    yield d
    d.close()


def pdf(tmp_path, name="undangan-rapat.pdf", size=48213, seed=1) -> Path:
    path = tmp_path / name
    body = hashlib.sha256(str(seed).encode()).digest() * (size // 32 + 1)
    path.write_bytes((b"%PDF-1.7\n" + body)[:size])
    return path


def aksi_dict(doc, x=0):
    return doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"][x]


# --- format 2 ---------------------------------------------------------------------------

def test_format1_file_from_v01_is_backed_up_beside_itself_and_migrated(tmp_path):
    path = tmp_path / "lama.zidb"
    shutil.copy2(FORMAT1, path)
    original = path.read_bytes()
    with Dokumen.open(path) as doc:
        assert doc.conn.execute("PRAGMA user_version").fetchone()[0] == current_version() >= 2
        aksi = aksi_dict(doc)
        assert aksi["langkah"] == "Membentuk tim kerja"
        assert aksi["realisasi"] == [] and aksi["bukti_dukung"] == []
        doc.apply(SetRealisasi(first_aksi(doc), "2025-01", "selesai"))
        assert doc.history()[-1]["peristiwa"] == "diperbarui"
    backup = tmp_path / "lama.cadangan-format1.zidb"
    assert backup.read_bytes() == original


@pytest.mark.parametrize("how", ["asked", "unwritable"])
def test_format1_file_opens_read_only_without_being_touched(tmp_path, monkeypatch, how):
    path = tmp_path / "lama.zidb"
    shutil.copy2(FORMAT1, path)
    before = path.read_bytes()
    if how == "unwritable":
        monkeypatch.setattr(document_module, "_writable", lambda p: False)
    doc = Dokumen.open(path, readonly=(how == "asked"))
    try:
        assert doc.readonly
        assert aksi_dict(doc)["realisasi"] == []
        assert doc.to_dict()["rencana"]["satker"] == "KPU Kabupaten Contoh"
        with pytest.raises(ZiError):
            doc.apply(SetRealisasi(first_aksi(doc), "2025-01", "selesai"))
    finally:
        doc.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lama.zidb"]


# --- realisasi ----------------------------------------------------------------------------

def test_realisasi_dump_keys_and_undo(doc):
    x = first_aksi(doc)
    edit = SetRealisasi(x, "2025-01", "sebagian", 40, "Rapat ditunda; dijadwalkan ulang")
    doc.apply(edit)
    assert aksi_dict(doc)["realisasi"] == [
        {"bulan": "2025-01", "status": "sebagian", "persen": 40, "catatan": "Rapat ditunda; dijadwalkan ulang"}]
    second = SetRealisasi(x, "2025-01", "selesai")
    doc.apply(second)
    assert aksi_dict(doc)["realisasi"][0] == {"bulan": "2025-01", "status": "selesai", "persen": 100,
                                              "catatan": "Rapat ditunda; dijadwalkan ulang"}
    doc.revert(second)
    assert aksi_dict(doc)["realisasi"][0]["persen"] == 40
    doc.revert(edit)
    assert aksi_dict(doc)["realisasi"] == []
    doc.apply(edit)
    assert aksi_dict(doc)["realisasi"][0]["status"] == "sebagian"


@pytest.mark.parametrize("args, words", [
    (("2024-12", "selesai"), "di luar periode"),
    (("2025-13", "selesai"), "tidak sah"),
    (("2025-02", "beres"), "tidak dikenal"),
    (("2025-02", "selesai", 80), "100 persen"),
    (("2025-02", "sebagian", 100), "1 dan 99"),
])
def test_bad_realisasi_is_one_sentence_and_writes_nothing(doc, args, words):
    with pytest.raises(ZiError, match=words):
        doc.apply(SetRealisasi(first_aksi(doc), *args))
    assert doc.conn.execute("SELECT count(*) FROM realisasi").fetchone()[0] == 0


def test_realisasi_round_trips_through_create_from_plan(doc, tmp_path):
    doc.apply(SetRealisasi(first_aksi(doc), "2025-01", "selesai", catatan="Terlaksana"))
    plan = doc.to_dict()
    with Dokumen.create_from_plan(tmp_path / "salin.zidb", plan) as again:
        assert again.to_dict() == plan


# --- evidence -------------------------------------------------------------------------------

def test_attach_undo_redo_keeps_the_same_bytes(doc, tmp_path):
    src = pdf(tmp_path)
    edit = AttachBukti(first_aksi(doc), src, "2025-01")
    doc.apply(edit)
    listed = aksi_dict(doc)["bukti_dukung"]
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    assert listed == [{"nama": "undangan-rapat.pdf", "ukuran": 48213, "sha256": digest, "bulan": "2025-01"}]
    assert doc.bukti(first_aksi(doc))[0]["jenis"] == "application/pdf"
    src.unlink()  # redo must not need the original file any more
    doc.revert(edit)
    assert doc.conn.execute("SELECT count(*) FROM bukti_isi").fetchone()[0] == 0
    assert aksi_dict(doc)["bukti_dukung"] == []
    doc.apply(edit)
    out = temp_copy(doc, edit.bukti_id)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == digest and out.name == "undangan-rapat.pdf"


def test_remove_and_delete_item_undo_restore_evidence(doc, tmp_path):
    x = first_aksi(doc)
    doc.apply(attach_many(x, [pdf(tmp_path, "a.pdf", 5000, 1), pdf(tmp_path, "b.pdf", 7000, 2)]))
    doc.apply(SetRealisasi(x, "2025-01", "selesai"))
    before = doc.to_dict(ids=True)
    ids = [b["id"] for b in doc.bukti(x)]
    remove = RemoveBukti(ids[0])
    doc.apply(remove)
    assert [b["nama"] for b in doc.bukti(x)] == ["b.pdf"]
    doc.revert(remove)
    assert doc.to_dict(ids=True) == before
    delete = DeleteItem("komponen", 1)
    doc.apply(delete)
    assert doc.conn.execute("SELECT count(*) FROM bukti_isi").fetchone()[0] == 0
    doc.revert(delete)
    assert doc.to_dict(ids=True) == before
    assert hashlib.sha256(temp_copy(doc, ids[1]).read_bytes()).hexdigest() == before[
        "area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_dukung"][1]["sha256"]


@pytest.mark.parametrize("name, content, words", [
    ("laporan.pdf", b"MZ\x90\x00" + b"\x00" * 100, "program Windows"),
    ("foto.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "program Linux"),
    ("catatan.txt", b"#!/bin/sh\nrm -rf ~\n", "skrip"),
    ("notulen.txt", b"@echo off\r\ndel *.*\r\n", "skrip"),
    ("rekap.bat", b"Laporan biasa", ".bat"),
    ("skrip.js", b"var a = 1;", ".js"),
    ("surat.pdf.exe", b"%PDF-1.4", ".exe"),
    ("Setup.ps1", b"Write-Host 1", ".ps1"),
])
def test_programs_are_refused_whatever_their_name(doc, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ZiError, match=words):
        doc.apply(AttachBukti(first_aksi(doc), path))
    assert doc.conn.execute("SELECT count(*) FROM bukti").fetchone()[0] == 0


def test_java_archive_named_as_a_document_is_refused(doc, tmp_path):
    import zipfile
    path = tmp_path / "dokumen.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Main-Class: X\n")
        z.writestr("X.class", b"\xca\xfe\xba\xbe")
    with pytest.raises(ZiError, match="Java"):
        AttachBukti(first_aksi(doc), path)


def test_file_over_the_limit_is_refused_with_the_limit_said(doc, tmp_path):
    path = tmp_path / "video.mp4"
    with open(path, "wb") as fh:
        fh.truncate(26 * 1024 * 1024)  # sparse: no 26 MB written
    with pytest.raises(ZiError, match="paling besar 25 MB"):
        AttachBukti(first_aksi(doc), path)


def test_keluarkan_semua_writes_a_tree_byte_for_byte(doc, tmp_path):
    a, b = pdf(tmp_path, "undangan rapat.pdf", 3000, 1), pdf(tmp_path, "daftar-hadir.pdf", 4000, 2)
    doc.apply(AttachBukti(first_aksi(doc), a, "2025-01"))
    doc.apply(AttachBukti(store.aksi_for_jalur(doc.conn, "II.1.1.1"), b, "2025-03"))
    out = tmp_path / "bukti"
    written = keluarkan_semua(doc, out)
    rel = sorted(str(p.relative_to(out)) for p in written)
    assert rel == [
        "I Manajemen Perubahan/I.1 Penyusunan Tim Kerja/I.1.1 Unit kerja telah membentuk tim/"
        "I.1.1.1 2025-01 undangan rapat.pdf",
        "II Penataan Tata Laksana/II.1 Prosedur Operasional Tetap/II.1.1 SOP mengacu peta proses bisnis/"
        "II.1.1.1 2025-03 daftar-hadir.pdf"]
    assert (out / rel[0]).read_bytes() == a.read_bytes() and (out / rel[1]).read_bytes() == b.read_bytes()
    with pytest.raises(ZiError, match="sudah berisi"):
        keluarkan_semua(doc, out)


def test_altered_evidence_bytes_are_refused_on_open(doc, tmp_path):
    doc.apply(AttachBukti(first_aksi(doc), pdf(tmp_path)))
    path = doc.path
    doc.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE bukti_isi SET isi = x'00'")
    conn.commit()
    conn.close()
    with pytest.raises(BerkasDitolak, match="bukti dukung"):
        Dokumen.open(path).close()
    doc.conn = sqlite3.connect(":memory:")  # the fixture closes something harmless


def test_next_year_does_not_carry_realisasi(doc, tmp_path):
    from zi_desktop.next_year import next_year_plan
    doc.apply(SetRealisasi(first_aksi(doc), "2025-01", "selesai"))
    plan = next_year_plan(doc.to_dict(), 2026)
    with Dokumen.create_from_plan(tmp_path / "2026.zidb", plan) as new:
        assert new.conn.execute("SELECT count(*) FROM realisasi").fetchone()[0] == 0


def test_evidence_is_streamed_in_and_out_not_held_in_memory(doc, tmp_path):
    import tracemalloc
    big = tmp_path / "pindaian.pdf"
    with open(big, "wb") as fh:
        fh.write(b"%PDF-1.7\n")
        for n in range(20):
            fh.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    edit = AttachBukti(first_aksi(doc), big)
    doc.apply(edit)
    out = temp_copy(doc, edit.bukti_id)
    doc.revert(edit)          # the bytes wait in a temp file for the redo
    doc.apply(edit)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 4 * 1024 * 1024          # 20 MB moved three times, a few 1 MB chunks at a time
    assert out.read_bytes() == big.read_bytes()


def test_any_sequence_of_monitoring_edits_undoes_back_to_the_start(tmp_path):
    import random
    rng = random.Random(17)
    files = [pdf(tmp_path, f"b{n}.pdf", 2000 + 300 * n, n) for n in range(4)]
    with Dokumen.create_from_plan(tmp_path / "acak.zidb", small_plan()) as doc:
        states, done = [doc.to_dict(ids=True)], []
        for step in range(40):
            kind = rng.choice(["set", "set", "clear", "attach", "remove", "delete"])
            aksi = [r[0] for r in doc.conn.execute("SELECT id FROM aksi")]
            if not aksi:
                break
            x = rng.choice(aksi)
            if kind == "set":
                edit = SetRealisasi(x, f"2025-{rng.randint(1, 12):02d}",
                                    rng.choice(["belum", "sebagian", "selesai"]), catatan=f"c{step}")
            elif kind == "clear":
                edit = SetRealisasi(x, f"2025-{rng.randint(1, 12):02d}", None)
            elif kind == "attach":
                edit = AttachBukti(x, rng.choice(files), "")
            elif kind == "remove":
                ids = [r[0] for r in doc.conn.execute("SELECT id FROM bukti")]
                if not ids:
                    continue
                edit = RemoveBukti(rng.choice(ids))
            else:
                edit = DeleteItem("indikator", rng.choice(
                    [r[0] for r in doc.conn.execute("SELECT id FROM indikator")]))
            doc.apply(edit)
            done.append(edit)
            states.append(doc.to_dict(ids=True))
            if rng.random() < 0.3:          # undo and redo right away: the same state again
                doc.revert(edit)
                assert doc.to_dict(ids=True) == states[-2]
                doc.apply(edit)
                assert doc.to_dict(ids=True) == states[-1]
        for edit, before in zip(reversed(done), reversed(states[:-1])):
            doc.revert(edit)
            assert doc.to_dict(ids=True) == before
        assert doc.conn.execute("SELECT count(*) FROM bukti_isi").fetchone()[0] == 0
