"""Checks a .zidb file before anything trusts it; a file that fails is never modified.

Order matters: the raw header is read first (no SQLite involved), then a read-only
connection with ``trusted_schema=OFF`` runs ``quick_check``, compares ``sqlite_master``
with the schema our migrations build, and scans the data for values no edit could make.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from . import errors
from .migrations import APPLICATION_ID, current_version, expected_schema, schema_of
from .keputusan import store as keputusan_store
from .model import LEVELS, MAX_TEKS

SQLITE_MAGIC = b"SQLite format 3\x00"


def read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) from the 100-byte SQLite header."""
    if not path.is_file():
        raise errors.tidak_ditemukan(path)
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head:
        raise errors.berkas_kosong(path)
    if not head.startswith(SQLITE_MAGIC[:15]) or len(head) < 100:
        if head.startswith(SQLITE_MAGIC[:15]):
            raise errors.berkas_rusak(path)
        raise errors.bukan_sqlite(path)
    if head[18] == 2 or head[19] == 2:
        # WAL mode: ours never are; a copy without its -wal may silently lack recent edits
        raise errors.berkas_diubah(path, "disimpan dalam mode WAL, sebagian isinya mungkin tertinggal "
                                         "di berkas -wal")
    user_version = int.from_bytes(head[60:64], "big")
    application_id = int.from_bytes(head[68:72], "big")
    return application_id, user_version


def check_header(path: Path) -> int:
    """The file's format version, or a refusal."""
    application_id, version = read_header(path)
    if application_id != APPLICATION_ID:
        raise errors.bukan_berkas_zi(path)
    if version > current_version():
        raise errors.versi_lebih_baru(path, version, current_version())
    if version < 1:
        raise errors.berkas_rusak(path)
    return version


def connect_readonly(path: Path) -> sqlite3.Connection:
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def validate(path: Path) -> int:
    """Check everything; returns the format version. Raises ``BerkasDitolak``."""
    path = Path(path)
    version = check_header(path)
    try:
        conn = connect_readonly(path)
    except sqlite3.Error:
        raise errors.berkas_rusak(path) from None
    try:
        _validate_open(conn, path, version)
    except sqlite3.DatabaseError:
        raise errors.berkas_rusak(path) from None
    finally:
        conn.close()
    return version


def _validate_open(conn: sqlite3.Connection, path: Path, version: int) -> None:
    result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        # quick_check also reports rows that break NOT NULL / CHECK: an altered file, not a broken one
        if all(r.startswith(("NULL value in", "CHECK constraint failed")) for r in result):
            raise errors.berkas_diubah(path, "ada isian yang tidak sah")
        raise errors.berkas_rusak(path)
    found, wanted = schema_of(conn), expected_schema(version)
    if found != wanted:
        raise errors.berkas_diubah(path, _describe(found - wanted, wanted - found))
    if conn.execute("SELECT count(*) FROM rencana").fetchone()[0] != 1:
        raise errors.berkas_diubah(path, "identitas rencana tidak ada")
    if conn.execute("PRAGMA foreign_key_check").fetchone():
        raise errors.berkas_diubah(path, "ada butir tanpa induk")
    for table, columns in {**_text_columns(), **keputusan_store.text_columns(conn)}.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        columns = [c for c in columns if c in have]  # older formats lack later columns (or tables)
        if not columns:
            continue
        bad = " OR ".join(f"typeof({c}) != 'text' OR length({c}) > {MAX_TEKS}" for c in columns)
        if conn.execute(f"SELECT 1 FROM {table} WHERE {bad} LIMIT 1").fetchone():
            raise errors.berkas_diubah(path, f"isian tabel {table} tidak sah atau terlalu panjang")
    if version >= 2 and conn.execute(  # evidence bytes: checked by type and length only, never read
            "SELECT 1 FROM bukti_isi i LEFT JOIN bukti b ON b.id = i.bukti "
            "WHERE typeof(i.isi) != 'blob' OR b.id IS NULL OR length(i.isi) != b.ukuran LIMIT 1").fetchone():
        raise errors.berkas_diubah(path, "isi bukti dukung tidak cocok dengan daftarnya")


def _text_columns() -> dict[str, tuple[str, ...]]:
    from .model import IDENTITAS_TEKS
    out = {name: level.fields for name, level in LEVELS.items()}
    out["rencana"] = IDENTITAS_TEKS + ("salinan_kantor", "salinan_jabatan", "salinan_nama",
                                       "bulan_mulai", "cetak_kertas", "cetak_kolom_waktu")
    out["jadwal"] = ("bulan",)
    out["realisasi"] = ("bulan", "status", "catatan")
    out["bukti"] = ("nama", "sha256", "jenis", "bulan", "waktu")
    out["aksi"] += ("lke",)
    out.update(lke_jawaban=("kode", "jawaban", "target", "narasi", "bukti", "link"),
               lke_pengaturan=("kunci", "nilai"))
    return out


def _describe(extra: frozenset, missing: frozenset) -> str:
    kinds = {"trigger": "pemicu (trigger)", "view": "tampilan (view)", "table": "tabel",
             "index": "indeks"}
    extra_names = {n for _t, n, _tb, _s in extra}
    missing_names = {n for _t, n, _tb, _s in missing}
    changed = extra_names & missing_names
    parts = []
    if changed:
        parts.append("struktur " + ", ".join(sorted(changed)) + " berbeda")
    for t, n, _tb, _s in sorted(extra):
        if n not in changed:
            parts.append(f"ada {kinds.get(t, t)} tambahan \"{n}\"")
    for t, n, _tb, _s in sorted(missing):
        if n not in changed:
            parts.append(f"{kinds.get(t, t)} \"{n}\" hilang")
    return "; ".join(parts)
