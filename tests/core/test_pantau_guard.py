"""The guard with evidence in the file: checked in place (not copied, not read), the bytes
read from the file by a read-only document and checked by sha256 wherever they leave."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from zi_desktop.document import Dokumen
from zi_desktop.errors import BerkasDitolak, ZiError
from zi_desktop.exchange.pack import pack
from zi_desktop.pemantauan import store
from zi_desktop.pemantauan.edits import AttachBukti
from zi_desktop.pemantauan.files import keluarkan_semua, temp_copy

from plans import small_plan


@pytest.fixture
def plan_file(tmp_path):
    """A plan with one 300 KB evidence file (several overflow pages)."""
    path = tmp_path / "rencana.zidb"
    evidence = tmp_path / "notulen.pdf"
    evidence.write_bytes(b"%PDF-1.7\n" + os.urandom(300_000))
    with Dokumen.create_from_plan(path, small_plan()) as doc:
        doc.apply(AttachBukti(store.aksi_for_jalur(doc.conn, "I.1.1.1"), evidence, "2025-01"))
    return path, evidence


def test_a_read_only_document_reads_the_evidence_from_the_file(plan_file, tmp_path):
    path, evidence = plan_file
    with Dokumen.open(path, readonly=True) as doc:
        assert doc.conn.execute("SELECT count(*) FROM bukti_isi").fetchone()[0] == 0   # not copied
        [bukti] = doc.to_dict(ids=True)["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_dukung"]
        assert temp_copy(doc, bukti["id"]).read_bytes() == evidence.read_bytes()
        [out] = keluarkan_semua(doc, tmp_path / "keluar")
        assert out.read_bytes() == evidence.read_bytes()
    sent = pack(path, tmp_path / "kirim.zidb")             # its evidence streamed in from the file
    with Dokumen.open(sent, readonly=True) as doc:
        [out] = keluarkan_semua(doc, tmp_path / "dari-kiriman")
        assert out.read_bytes() == evidence.read_bytes()


def test_a_command_reads_the_file_it_validated_in_place(plan_file, tmp_path):
    """``once`` (what ``pdf``, ``check``, ``dump`` and the Rekap use): the same plan and the
    same evidence as the private copy, read from the file itself in the transaction it was
    validated in; an editing window's save waits for it and goes through once it is closed."""
    path, evidence = plan_file
    with Dokumen.open(path, readonly=True) as doc:
        copied = doc.to_dict(ids=True)
    writer = sqlite3.connect(path, timeout=0, isolation_level=None)
    with Dokumen.open(path, readonly=True, once=True) as doc:
        assert doc.to_dict(ids=True) == copied
        [bukti] = copied["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_dukung"]
        assert temp_copy(doc, bukti["id"]).read_bytes() == evidence.read_bytes()
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE rencana SET satker = 'Diubah'")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            writer.execute("COMMIT")       # what was validated cannot change under the read
    writer.execute("COMMIT")
    writer.close()
    with Dokumen.open(path, readonly=True, once=True) as doc:
        assert doc.identitas()["satker"] == "Diubah"


def test_evidence_whose_sha256_lies_opens_but_never_leaves_the_file(plan_file, tmp_path):
    """A well-formed but wrong sha256 cannot be seen without reading every byte on open
    (which the guard does not do); it is seen wherever the bytes leave, and nothing is left."""
    path, _evidence = plan_file
    conn = sqlite3.connect(path)
    conn.execute("UPDATE bukti SET sha256 = ?", (hashlib.sha256(b"lain").hexdigest(),))
    conn.commit()
    conn.close()
    for readonly in (False, True):
        with Dokumen.open(path, readonly=readonly) as doc:
            folder = tmp_path / f"keluar-{readonly}"
            with pytest.raises(ZiError, match="sidik jari"):
                keluarkan_semua(doc, folder)
            assert not [p for p in folder.rglob("*") if p.is_file()]
    with pytest.raises(ZiError, match="sidik jari"):
        pack(path, tmp_path / "kirim.zidb")
    assert not (tmp_path / "kirim.zidb").exists() and not list(tmp_path.glob(".zi-kirim-*"))
    pack(path, tmp_path / "ringan.zidb", tanpa_bukti=True)   # names and sizes only: fine


def test_a_broken_chain_of_evidence_pages_is_refused_untouched(plan_file):
    """integrity_check still walks the evidence's pages (mapped, not copied): a page pointer
    of the blob sent out of the file is damage."""
    path, evidence = plan_file
    data = path.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    at = data.find(evidence.read_bytes()[100_000:100_064])
    page = at // page_size
    with open(path, "r+b") as fh:          # an overflow page starts with the next page's number
        fh.seek(page * page_size)
        fh.write((2**31 - 5).to_bytes(4, "big"))
    before = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(BerkasDitolak, match="rusak"):
            Dokumen.open(path, readonly=readonly)
    assert path.read_bytes() == before
