"""Checks a .zidb file before anything trusts it; a file that fails is never modified.

Order matters: the raw header is read first (no SQLite involved: magic, WAL flag, page size,
size bounds, application_id, version); then everything runs in place on the file, through
one read-only connection (``mode=ro``; ``immutable`` when a foreign journal is ignored) under
one shared lock: ``integrity_check`` of the whole file — every page, b-tree, index and the
evidence's overflow chains, read through a memory map rather than copied — then the schema
compared with what our migrations build (SQLite's own ``sqlite_…`` objects included), then
every value against ``columns`` (type, range, format, UTF-8, NUL, length, ids, months, one
identity row, unique order among siblings) and the CHECK constraints of our schema, which
SQLite's integrity_check skips on a read-only connection, and the evidence by its list and
record headers (``_check_evidence``). A plan with 1 GB of evidence is checked without
copying or reading the GB (bench/bench_pantau.py: open ≤ 0.5 s).

``load`` also hands back a private copy of what was validated — every table but the
evidence bytes, which a read-only document reads from the file (``Dokumen.evidence_conn``)
and which are checked by their sha256 wherever they leave it.
"""

from __future__ import annotations

import os
import sqlite3
from functools import lru_cache
from pathlib import Path

from . import bounds, columns, errors
from .migrations import (APPLICATION_ID, copy_schema, current_version, expected_checks, expected_rules,
                         expected_schema, known_schema, schema_of)

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
    if head[18] != 1 or head[19] != 1:  # a write version SQLite does not know makes it read-only
        raise errors.berkas_diubah(path, "versi format SQLite di kepala berkas tidak dikenal")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise errors.berkas_rusak(path)
    pages = int.from_bytes(head[28:32], "big")
    if path.stat().st_size > bounds.MAX_BERKAS or pages * page_size > bounds.MAX_BERKAS:
        raise errors.berkas_diubah(path, f"lebih besar dari {bounds.MAX_BERKAS // 2**20} MB")
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


def connect_readonly(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` also ignores any ``-journal`` beside the file
    (used only for a journal that is not ours: never replayed)."""
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute(f"PRAGMA busy_timeout = {bounds.BUSY_MS}")
    return conn


def validate(path: Path, *, ignore_journal: bool = False) -> int:
    """Check everything, in place on the file (read-only); returns the format version.
    Raises ``BerkasDitolak``; the file is untouched."""
    return _inspect(Path(path), ignore_journal, then="close")[0]


def load(path: Path, *, ignore_journal: bool = False) -> tuple[int, sqlite3.Connection]:
    """(version, private copy of what was validated — every table but the evidence bytes).
    Raises ``BerkasDitolak``; the file is untouched."""
    return _inspect(Path(path), ignore_journal, then="copy")


def hold(path: Path, *, ignore_journal: bool = False) -> tuple[int, sqlite3.Connection]:
    """(version, a read-only connection of the file itself, still inside the read
    transaction it was validated in): what is read through it is what was validated, with
    no copy made. Writers wait while it is open (a shared lock), so this is for reading a
    plan once and closing it — a command's read, not a window's. Raises ``BerkasDitolak``."""
    return _inspect(Path(path), ignore_journal, then="hold")


def _inspect(path: Path, ignore_journal: bool, *, then: str) -> tuple[int, sqlite3.Connection | None]:
    """Validate the file in place through one read-only connection, under one shared lock
    (a consistent state even while another window commits); ``then`` "close", "hold" (keep
    that connection and its transaction) or "copy": the validated rows then go into a
    private database — unless the file changed in between (``data_version``), then it is
    validated again."""
    version = check_header(path)
    try:
        src = connect_readonly(path, immutable=ignore_journal)
    except sqlite3.Error as err:
        raise _refusal(path, err) from None
    try:
        for _attempt in range(3):
            _begin(src, path)
            try:
                _validate_open(src, path, version)
                if then == "close":
                    return version, None
                if then == "hold":
                    held, src = src, None
                    return version, held
                size, stamp = _plan_bytes(src), src.execute("PRAGMA main.data_version").fetchone()[0]
                src.execute("COMMIT")
                dst = _copy_of(src, path, version, size, stamp)
            except sqlite3.IntegrityError:  # a constraint of the copy the scan did not see
                raise errors.berkas_diubah(path, "ada isian yang tidak sah") from None
            except sqlite3.DatabaseError:
                raise errors.berkas_rusak(path) from None
            if dst is not None:
                return version, dst
        raise errors.BerkasDitolak(f"Berkas \"{path}\" terus diubah program lain selama diperiksa; "
                                   "coba lagi sebentar lagi.")
    finally:
        if src is not None:
            src.close()


def _begin(src: sqlite3.Connection, path: Path) -> None:
    """Open the read transaction and take the shared lock (within busy_timeout)."""
    try:
        # pages read by mapping: integrity_check walks every page (the evidence's overflow
        # chains too) without copying each one — 1 GB of evidence ~25 ms instead of ~180 ms
        src.execute(f"PRAGMA main.mmap_size = {bounds.MAX_BERKAS}")
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM main.sqlite_master").fetchone()
    except sqlite3.Error as err:
        raise _refusal(path, err) from None


def _plan_bytes(src: sqlite3.Connection) -> int:
    """Bytes of the file that are not evidence (what the private copy will hold)."""
    pages, page_size = (src.execute(f"PRAGMA main.{p}").fetchone()[0] for p in ("page_count", "page_size"))
    evidence = src.execute("SELECT coalesce(sum(length(isi)), 0) FROM main.bukti_isi").fetchone()[0] if \
        src.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'bukti_isi'").fetchone() else 0
    return pages * page_size - evidence


def _copy_of(src: sqlite3.Connection, path: Path, version: int, size: int,
             stamp: int) -> sqlite3.Connection | None:
    """The validated rows, every table but the evidence bytes, in a private database with
    our own schema for ``version`` (built by the migrations, not read from the file): in
    memory, or for a big plan a temporary file nobody else can see (its name goes once it
    is made). None when the file changed since it was validated. Values' types were checked
    against their columns, so no affinity changes what is copied (and the copy's CHECK and
    NOT NULL hold them once more)."""
    if size <= bounds.SALIN_DI_MEMORI:
        import uuid
        name = f"file:/zi-periksa-{uuid.uuid4().hex}?vfs=memdb"
    else:
        import tempfile
        fd, name = tempfile.mkstemp(prefix="zi-periksa-", suffix=".zidb")
        os.close(fd)
    dst = sqlite3.connect(name, uri=name.startswith("file:"), isolation_level=None, check_same_thread=False)
    try:
        copy_schema(version, dst)
        src.execute("ATTACH DATABASE ? AS salinan", (name,))
        try:
            _begin(src, path)
            if src.execute("PRAGMA main.data_version").fetchone()[0] != stamp:
                src.execute("ROLLBACK")
                dst.close()
                return None
            for table in expected_rules(version):
                if table != "bukti_isi":
                    src.execute(f'INSERT INTO salinan."{table}" SELECT * FROM main."{table}"')
            for pragma in ("application_id", "user_version"):
                value = src.execute(f"PRAGMA main.{pragma}").fetchone()[0]
                src.execute(f"PRAGMA salinan.{pragma} = {int(value)}")
            src.execute("COMMIT")
        finally:
            if src.in_transaction:
                src.execute("ROLLBACK")
            src.execute("DETACH DATABASE salinan")
        if name.startswith("file:"):
            # a plain in-memory database of its own: what SQLite writes from it (VACUUM
            # INTO a pack) goes to the disk, not into the memdb VFS the copy was made in
            mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            dst.backup(mem)
            dst.close()
            dst = mem
        dst.execute("PRAGMA trusted_schema = OFF")
        return dst
    except BaseException:
        dst.close()
        raise
    finally:
        if not name.startswith("file:"):
            _forget(name)


def _forget(name: str) -> None:
    try:
        os.unlink(name)  # POSIX: the open connection keeps reading it; gone when it closes
    except OSError:  # pragma: no cover - Windows keeps an open file: remove it at exit
        import atexit
        atexit.register(lambda: os.path.exists(name) and os.unlink(name))


def _refusal(path: Path, err: sqlite3.Error) -> errors.BerkasDitolak:
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    if code in (5, 6):  # BUSY / LOCKED: another program holds the file
        return errors.BerkasDitolak(f"Berkas \"{path}\" sedang dikunci program lain; tutup program "
                                    "itu lalu coba lagi.")
    return errors.berkas_rusak(path)


def _validate_open(conn: sqlite3.Connection, path: Path, version: int) -> None:
    # on a read-only connection integrity_check checks every page, b-tree, overflow chain
    # and index, but not CHECK and NOT NULL: those are in the value scan (_check_table)
    result = [r[0] for r in conn.execute("PRAGMA main.integrity_check").fetchall()]
    if result != ["ok"]:
        if all(r.startswith(_ALTERED) for r in result):
            _check_data(conn, path, version)
            raise errors.berkas_diubah(path, "ada isian yang tidak sah")
        raise errors.berkas_rusak(path)
    found = schema_of(conn)
    if not known_schema(conn, version, found):
        wanted = expected_schema(version)
        if found != wanted:
            raise errors.berkas_diubah(path, _describe(found - wanted, wanted - found))
    _check_data(conn, path, version)


# integrity_check lines that mean "a value no edit could write", not damage
_ALTERED = ("NULL value in", "CHECK constraint failed", "TEXT value in", "NUMERIC value in",
            "BLOB value in", "INTEGER value in", "REAL value in")


def _check_data(conn: sqlite3.Connection, path: Path, version: int) -> None:
    if conn.execute("SELECT count(*) FROM rencana").fetchone()[0] != 1:
        raise errors.berkas_diubah(path, "identitas rencana tidak ada" if not conn.execute(
            "SELECT 1 FROM rencana").fetchone() else "identitas rencana lebih dari satu")
    if conn.execute("PRAGMA main.foreign_key_check").fetchone():
        raise errors.berkas_diubah(path, "ada butir tanpa induk")
    _check_values(conn, path, version)


def _check_values(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Every value against its column's rule; then what spans rows (order, period, counts)."""
    checks = expected_checks(version)
    for table, rules in expected_rules(version).items():
        _check_table(conn, path, table, rules, checks.get(table, ()))
    for table, group in columns.ORDER_GROUPS.items():
        if table not in expected_rules(version):
            continue
        keys = ", ".join(group + ("urutan",))
        if conn.execute(f"SELECT 1 FROM {table} GROUP BY {keys} HAVING count(*) > 1 LIMIT 1").fetchone():
            raise errors.berkas_diubah(path, f"urutan butir tabel {table} ganda")
    why = columns.period_problem(conn)
    if why:
        raise errors.berkas_diubah(path, why)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'bukti_isi'").fetchone():
        _check_evidence(conn, path)


def _check_evidence(conn: sqlite3.Connection, path: Path) -> None:
    """The evidence in place, by its list and the record headers only (``typeof``/``length``
    read the size a record declares, not the bytes: 1 GB is not read). Each file within its
    limit (``bukti.ukuran`` by its column rule), all of them within the plan's, each blob of
    exactly the size its row names. Its sha256 is checked where the bytes leave the file
    (``pemantauan.store.write_file``, ``copy_all_evidence``)."""
    if conn.execute("SELECT coalesce(sum(ukuran), 0) > ? FROM bukti", (bounds.MAX_BUKTI_RENCANA,)).fetchone()[0]:
        raise errors.berkas_diubah(path, f"bukti dukung lebih dari {bounds.MAX_BUKTI_RENCANA // 2**20} MB")
    if conn.execute(
            "SELECT 1 FROM bukti_isi i LEFT JOIN bukti b ON b.id = i.bukti "
            "WHERE typeof(i.isi) != 'blob' OR b.id IS NULL OR length(i.isi) != b.ukuran LIMIT 1").fetchone():
        raise errors.berkas_diubah(path, "isi bukti dukung tidak cocok dengan daftarnya")


@lru_cache(maxsize=None)
def _bad_rows_sql(table: str, rules: tuple, checks: tuple) -> str:
    """The query finding a row that breaks a column rule or CHECK (built once: the province
    validates hundreds of files)."""
    bad = " OR ".join([columns.sql_bad(rule, col) for col, rule in rules]
                      + [f"NOT ({check})" for check in checks])
    return f"SELECT 1 FROM {table} WHERE {bad} LIMIT 1"


def _check_table(conn: sqlite3.Connection, path: Path, table: str, rules: dict, checks=()) -> None:
    """One scan of ``table``: every column's rule and the table's CHECK constraints (ours,
    from the migrations: a CHECK fails when its expression is false, not when NULL)."""
    limit = bounds.MAX_BARIS.get(table, bounds.MAX_BARIS_LAIN)
    if conn.execute(f"SELECT count(*) > ? FROM {table}", (limit,)).fetchone()[0]:
        raise errors.berkas_diubah(path, f"tabel {table} memuat lebih dari {limit:,} baris".replace(",", "."))
    if conn.execute(_bad_rows_sql(table, tuple(rules.items()), tuple(checks))).fetchone():
        for col, rule in rules.items():  # name the column and why (only on the way to a refusal)
            for why, sql in columns.sql_checks(rule, col):
                if conn.execute(f"SELECT 1 FROM {table} WHERE {sql} LIMIT 1").fetchone():
                    raise errors.berkas_diubah(path, f"isian {table}.{col} tidak sah: {why}")
        raise errors.berkas_diubah(path, f"isian tabel {table} tidak sah (di luar batasannya)")
    text = [col for col, rule in rules.items() if columns.free_text(rule)]
    if not text:
        return
    # UTF-8 (lone surrogates included) is decided by Python's strict decoder, reading every
    # text once (in C, faster than SQLite's GLOB picking out the texts with a byte >= 0x80
    # for it); lengths are checked above
    cols = ", ".join(f'"{col}"' for col in text)
    query = f"SELECT {cols} FROM {table}"
    try:
        for _row in conn.execute(query):
            pass
    except sqlite3.OperationalError:  # "Could not decode to UTF-8 column …"
        for col in text:
            try:
                conn.execute(f'SELECT "{col}" FROM {table}').fetchall()
            except sqlite3.OperationalError:
                raise errors.berkas_diubah(
                    path, f"isian {table}.{col} tidak sah: bukan teks UTF-8 yang sah") from None
        raise


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
