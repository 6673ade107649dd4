"""pack: the copy sent to the province — made by SQLite, verified, one file, never over another."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop import fileguard
from zi_desktop.document import Dokumen
from zi_desktop.errors import BerkasDitolak, ZiError
from zi_desktop.exchange import pack as pack_mod
from zi_desktop.exchange.pack import PERISTIWA, default_name, pack, slug

from plans import small_plan

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plain(path: Path) -> dict:
    with Dokumen.open(path, readonly=True) as d:
        return d.to_dict(ids=True)


def history(path: Path) -> list[dict]:
    with Dokumen.open(path, readonly=True) as d:
        return d.history()


def assert_single_file(path: Path) -> None:
    for suffix in ("-journal", "-wal", "-shm"):
        assert not Path(str(path) + suffix).exists(), suffix
    with open(path, "rb") as fh:
        head = fh.read(20)
    assert head[18:20] == b"\x01\x01"  # rollback journal, not WAL
    conn = fileguard.connect_readonly(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    return path


def test_copy_validates_equals_source_and_is_one_file(source, tmp_path):
    before = digest(source)
    out = pack(source, tmp_path / "kirim.zidb")
    assert out == tmp_path / "kirim.zidb"
    assert fileguard.validate(out) >= 1
    assert plain(out) == plain(source)
    assert_single_file(out)
    assert digest(source) == before, "pack must not change the source"
    assert not list(tmp_path.glob(".zi-kirim-*")), "no temporary file left behind"


def test_copy_records_when_and_from_which_file(source, tmp_path):
    out = pack(source, tmp_path / "kirim.zidb")
    src_hist, out_hist = history(source), history(out)
    assert out_hist[:-1] == src_hist
    last = out_hist[-1]
    assert last["peristiwa"] == PERISTIWA == "dikirim ke provinsi"
    assert last["keterangan"] == "rencana.zidb"
    assert abs(dt.datetime.fromisoformat(last["waktu"]) - dt.datetime.now()) < dt.timedelta(minutes=1)


def test_works_while_source_is_open_for_editing(source, tmp_path):
    editor = Dokumen.open(source)            # another window, holding its lock
    assert not editor.readonly
    writer = sqlite3.connect(source, isolation_level=None, timeout=5)
    writer.execute("BEGIN IMMEDIATE")        # an edit in flight, not committed
    writer.execute("UPDATE aksi SET langkah = 'belum disimpan' WHERE id = 1")
    try:
        committed = plain(source)
        out = pack(source, tmp_path / "kirim.zidb")
        assert plain(out) == committed       # what was committed, not the edit in flight
        assert_single_file(out)
    finally:
        writer.execute("COMMIT")             # the writer was never blocked for good
        writer.close()
    assert plain(source)["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["langkah"] == "belum disimpan"
    assert Path(str(source.with_name("~$" + source.name))).exists()
    editor.close()


def test_edit_landing_during_the_copy_never_tears_it(source, tmp_path, monkeypatch):
    """pack copies the plan exactly as it was validated (a copy in memory): an edit another
    window commits meanwhile is not half in the copy — it comes with the next pack."""
    real = pack_mod._vacuum_into
    before = plain(source)

    def edit_then_vacuum(conn, tmp):
        other = sqlite3.connect(source, isolation_level=None)
        other.execute("UPDATE aksi SET langkah = 'disunting' WHERE id = 2")
        other.close()
        real(conn, tmp)

    monkeypatch.setattr(pack_mod, "_vacuum_into", edit_then_vacuum)
    out = pack(source, tmp_path / "kirim.zidb")
    assert plain(out) == before
    monkeypatch.setattr(pack_mod, "_vacuum_into", real)
    again = pack(source, tmp_path / "kirim-2.zidb")
    assert plain(again)["area"][0]["komponen"][0]["indikator"][0]["aksi"][1]["langkah"] == "disunting"
    assert not list(tmp_path.glob(".zi-kirim-*"))


def test_refuses_to_overwrite(source, tmp_path):
    out = tmp_path / "ada.zidb"
    out.write_bytes(b"punya orang lain")
    with pytest.raises(ZiError, match="sudah ada"):
        pack(source, out)
    assert out.read_bytes() == b"punya orang lain"
    with pytest.raises(ZiError):
        pack(source, source)
    assert not list(tmp_path.glob(".zi-kirim-*"))


def test_default_name_in_source_folder(source):
    today = dt.date.today().isoformat()
    first = pack(source)
    assert first.parent == source.parent
    assert first.name == f"2025_KPU-Kabupaten-Contoh_{today}.zidb"
    second = pack(source)                    # packed again the same day: a new name, no overwrite
    assert second.name == f"2025_KPU-Kabupaten-Contoh_{today}-2.zidb"
    assert plain(first) == plain(second) == plain(source)


@pytest.mark.parametrize("unit, expected", [
    ("KPU Kabupaten Kudus", "KPU-Kabupaten-Kudus"),
    ("KIP Kab. Aceh Besar / Prov. Aceh", "KIP-Kab-Aceh-Besar-Prov-Aceh"),
    ('a<b>c:"d"|e?*f\\g', "a-b-c-d-e-f-g"),
    ("Kabupaten Pohuwato — Gorontalo ", "Kabupaten-Pohuwato-Gorontalo"),
    ("Ṡeruyan", "Seruyan"),
    ("", "rencana"),
    ("...", "rencana"),
    ("CON", "CON-rencana"),
])
def test_slug_is_safe_on_windows(unit, expected):
    assert slug(unit) == expected


def test_default_name_shape():
    name = default_name({"tahun": 2026, "satker": "KPU Kota Tual"}, dt.date(2026, 1, 5))
    assert name == "2026_KPU-Kota-Tual_2026-01-05.zidb"
    long = default_name({"tahun": 2026, "satker": "Kabupaten " * 30}, dt.date(2026, 1, 5))
    assert len(long) < 100 and long.endswith("_2026-01-05.zidb")


def test_damaged_source_is_refused_and_nothing_written(tmp_path, source):
    data = source.read_bytes()
    bad = tmp_path / "rusak.zidb"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(BerkasDitolak):
        pack(bad, tmp_path / "kirim.zidb")
    assert not (tmp_path / "kirim.zidb").exists()
    assert not list(tmp_path.glob(".zi-kirim-*"))


def test_big_plan_round_trips(tmp_path):
    from plans import generated_plan
    path = tmp_path / "besar.zidb"
    Dokumen.create_from_plan(path, generated_plan(600)).close()
    out = pack(path, tmp_path / "kirim.zidb")
    assert plain(out) == plain(path)
    with Dokumen.open(out, readonly=True) as d:
        assert d.info()["total"]["aksi"] == 600


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "zi_desktop", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd or ROOT, timeout=120)


def test_cli_pack(source, tmp_path):
    out = tmp_path / "kirim.zidb"
    done = cli("pack", source, "-o", out)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert plain(out) == plain(source)
    again = cli("pack", source, "-o", out)
    assert again.returncode == 2
    assert "sudah ada" in again.stderr and "Traceback" not in again.stderr
    missing = cli("pack", tmp_path / "tidak-ada.zidb", "-o", tmp_path / "x.zidb")
    assert missing.returncode == 2 and "tidak ditemukan" in missing.stderr
