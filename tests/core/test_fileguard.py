"""Hostile and damaged files: the right Indonesian sentence, exit code 2, bytes untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zi_desktop import migrations
from zi_desktop.document import Dokumen
from zi_desktop.errors import BerkasDitolak

from plans import small_plan

ROOT = Path(__file__).resolve().parents[2]


def make_plan(folder: Path, name: str = "asli.zidb") -> Path:
    path = folder / name
    Dokumen.create_from_plan(path, small_plan()).close()
    return path


def tamper(path: Path, *statements: str, writable_schema: bool = False) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    if writable_schema:
        conn.execute("PRAGMA writable_schema = ON")
    for st in statements:
        conn.execute(st)
    conn.close()
    return path


def _not_sqlite(d):
    p = d / "surat.zidb"
    p.write_bytes(b"PK\x03\x04 this is a Word document" * 40)
    return p


def _empty(d):
    p = d / "kosong.zidb"
    p.write_bytes(b"")
    return p


def _truncated(d):
    p = make_plan(d)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2 + 100])
    return p


def _garbled(d):
    p = make_plan(d)
    data = bytearray(p.read_bytes())
    for i in range(4096 + 8, len(data), 97):  # every page but the header, scrambled
        data[i] ^= 0x5A
    p.write_bytes(bytes(data))
    return p


def _foreign(d):
    p = d / "lain.zidb"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
    conn.commit()
    conn.close()
    return p


def _future(d):
    return tamper(make_plan(d), f"PRAGMA user_version = {migrations.current_version() + 5}")


def _trigger(d):
    return tamper(make_plan(d), "CREATE TRIGGER hapus AFTER INSERT ON riwayat BEGIN DELETE FROM aksi; END")


def _view(d):
    return tamper(make_plan(d), "CREATE VIEW ringkas AS SELECT * FROM aksi")


def _wrong_types(d):
    p = make_plan(d)
    return tamper(p, "UPDATE sqlite_master SET sql = replace(sql, 'langkah TEXT', 'langkah BLOB') "
                     "WHERE name = 'aksi'", writable_schema=True)


def _nulls(d):
    # NOT NULL dropped from the stored schema and a NULL written — then the schema put back
    p = make_plan(d)
    conn = sqlite3.connect(p, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    original = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'aksi'").fetchone()[0]
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'aksi'",
                 (original.replace("langkah TEXT NOT NULL DEFAULT ''", "langkah TEXT"),))
    conn.close()
    conn = sqlite3.connect(p, isolation_level=None)
    conn.execute("UPDATE aksi SET langkah = NULL WHERE id = 1")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'aksi'", (original,))
    conn.close()
    return p


def _wal(d):
    p = make_plan(d)
    conn = sqlite3.connect(p)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return p


def _blob(d):
    return tamper(make_plan(d), "UPDATE aksi SET bukti_fisik = x'00ff00' WHERE id = 1")


def _huge(d):
    return tamper(make_plan(d), "UPDATE aksi SET bukti_fisik = printf('%.5000000c', 'x') WHERE id = 1")


CASES = {
    "bukan SQLite": (_not_sqlite, "bukan berkas rencana ZI Desktop; pilih"),
    "0 byte": (_empty, "kosong (0 byte)"),
    "terpotong": (_truncated, "rusak"),
    "halaman kacau": (_garbled, "rusak"),
    "SQLite program lain": (_foreign, "dibuat oleh program lain"),
    "versi masa depan": (_future, "versi yang lebih baru"),
    "pemicu tambahan": (_trigger, "pemicu (trigger) tambahan"),
    "tampilan tambahan": (_view, "tampilan (view) tambahan"),
    "tipe kolom lain": (_wrong_types, "struktur aksi berbeda"),
    "NULL di teks": (_nulls, "tidak sah"),
    "blob di teks": (_blob, "tidak sah"),
    "mode WAL": (_wal, "mode WAL"),
    "teks 5 MB": (_huge, "terlalu panjang"),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_untouched(case, tmp_path):
    make, expected = CASES[case]
    path = make(tmp_path)
    before = digest(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(BerkasDitolak) as err:
        Dokumen.open(path)
    assert expected in err.value.message
    assert "\n" not in err.value.message
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no journal, no lock left


@pytest.mark.parametrize("case", ["bukan SQLite", "pemicu tambahan", "versi masa depan", "teks 5 MB"])
def test_cli_refuses_with_one_line_and_exit_2(case, tmp_path):
    make, expected = CASES[case]
    path = make(tmp_path)
    before = digest(path)
    for verb in ("info", "dump", "check"):
        proc = subprocess.run([sys.executable, "-m", "zi_desktop", verb, str(path)],
                              capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 2, (verb, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0]
        assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert digest(path) == before


def test_missing_file_is_one_sentence(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "zi_desktop", "info", str(tmp_path / "tidak.zidb")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "tidak ditemukan" in proc.stderr


def test_trigger_never_runs_on_open(tmp_path):
    path = _trigger(tmp_path)
    with pytest.raises(BerkasDitolak):
        Dokumen.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM aksi").fetchone()[0] == 5
    conn.close()


def test_older_file_is_backed_up_then_migrated(tmp_path, monkeypatch):
    path = make_plan(tmp_path)
    old_bytes = path.read_bytes()
    real_steps = migrations.steps()
    extra = ("0099_uji", "CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT NOT NULL DEFAULT '');")
    monkeypatch.setattr(migrations, "steps", lambda: real_steps + [extra])
    migrations.expected_schema.cache_clear()
    try:
        doc = Dokumen.open(path)
        try:
            assert doc.conn.execute("PRAGMA user_version").fetchone()[0] == len(real_steps) + 1
            assert doc.conn.execute("SELECT count(*) FROM catatan").fetchone()[0] == 0
            assert [h["peristiwa"] for h in doc.history()][-1] == "diperbarui"
            assert doc.to_dict()["area"][0]["nama"] == "MANAJEMEN PERUBAHAN"
        finally:
            doc.close()
        backups = list(tmp_path.glob(f"asli.cadangan-format{len(real_steps)}*.zidb"))
        assert len(backups) == 1 and backups[0].read_bytes() == old_bytes
    finally:
        migrations.expected_schema.cache_clear()


def test_migrations_build_the_expected_schema_in_memory():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    ran = migrations.migrate(conn, "2025-01-01T00:00:00")
    assert ran == [name for name, _sql in migrations.steps()]
    assert migrations.schema_of(conn) == migrations.expected_schema()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert migrations.migrate(conn, "later") == []  # idempotent


def test_the_guard_reads_check_constraints_past_quotes_and_comments():
    from zi_desktop.columns import check_constraints
    sql = """CREATE TABLE t (
        a TEXT CHECK (a IN ('x', 'y)')),   -- CHECK (not this)
        "CHECK (b)" INTEGER CHECK(("CHECK (b)" + 1) > 0),
        /* check (nor this) */ c TEXT,
        NOCHECK (d), [CHECK (e)] TEXT, f TEXT check ( f != '' ))"""
    assert check_constraints(sql) == ("a IN ('x', 'y)')", '("CHECK (b)" + 1) > 0', "f != ''")
    # every CHECK of our schema is found: the guard evaluates each on a read-only file
    with sqlite3.connect(":memory:") as conn:
        migrations.migrate(conn, "2025-01-01T00:00:00")
        texts = [sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'")]
    assert sum(len(check_constraints(t)) for t in texts) == sum(t.upper().count("CHECK") for t in texts)


def test_each_formats_recorded_schema_digest_is_what_its_steps_build():
    """An open trusts a schema by its format's recorded digest (and then reads its rules
    from the file): a new or changed step without its digest here would make every open
    build the schema again, and a wrong digest would trust a schema the steps do not build."""
    wanted = {v: migrations.schema_digest(migrations.expected_schema(v))
              for v in range(1, migrations.current_version() + 1)}
    assert migrations.SCHEMA_SHA256 == wanted, f"SCHEMA_SHA256 = {wanted}"


def test_a_file_trusted_by_its_digest_gets_the_rules_the_steps_build(tmp_path):
    path = make_plan(tmp_path)
    version = migrations.current_version()
    conn = sqlite3.connect(path)
    try:
        assert migrations.known_schema(conn, version, migrations.schema_of(conn))
        conn.execute("CREATE TABLE tambahan (x)")
        assert not migrations.known_schema(conn, version, migrations.schema_of(conn))
    finally:
        conn.close()
    with migrations._schema(version) as template:
        assert migrations._rules_in(template) == migrations.expected_rules(version)
        assert migrations._checks_in(template) == migrations.expected_checks(version)
