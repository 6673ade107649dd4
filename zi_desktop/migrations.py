"""Schema migrations: small named SQL steps in ``db/migrations``, recorded in the file.

The expected schema of a current file is whatever these steps build on an empty
database, so there is no second copy of the schema to keep in step.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from .errors import ZiError
from .paths import db_dir

APPLICATION_ID = 0x5A494431  # "ZID1": marks a SQLite file as a ZI Desktop plan
MIGRATION_TABLE = "_migrasi"


def steps() -> list[tuple[str, str]]:
    """(name, sql) in order; the version of a file is the number of steps applied."""
    return list(_steps_in(db_dir() / "migrations"))


@lru_cache(maxsize=None)
def _steps_in(folder: Path) -> tuple[tuple[str, str], ...]:
    """The steps in ``folder``, read once per process (every open asks for them, the province
    opens hundreds of files)."""
    found = tuple((p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.sql")))
    if not found:  # a broken install would otherwise make every file look "newer than us"
        raise ZiError(f"Pemasangan ZI Desktop tidak lengkap: langkah skema berkas tidak ditemukan di "
                      f"{folder}; pasang ulang program.")
    return found


def current_version() -> int:
    return len(steps())


def migrate(conn: sqlite3.Connection, now: str) -> list[str]:
    """Bring ``conn`` to the current version; returns the names of the steps run.

    Each step runs in its own transaction together with its record, so a crash
    leaves the file at the previous or the next version, never in between.
    """
    conn.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATION_TABLE} "
                 "(nama TEXT PRIMARY KEY, waktu TEXT NOT NULL)")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    ran = []
    for number, (name, sql) in enumerate(steps(), start=1):
        if number <= version:
            continue
        conn.execute("BEGIN")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"INSERT INTO {MIGRATION_TABLE} (nama, waktu) VALUES (?, ?)", (name, now))
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (sqlite3 runs one per execute)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not buf.strip().startswith("--"):
        out.append(buf.strip())
    return out


def built_schema(version: int | None) -> sqlite3.Connection:
    """An in-memory database with the schema a file of ``version`` (None: current) has."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATION_TABLE} "
                 "(nama TEXT PRIMARY KEY, waktu TEXT NOT NULL)")
    for number, (_name, sql) in enumerate(steps(), start=1):
        if version is not None and number > version:
            break
        for statement in _statements(sql):
            conn.execute(statement)
    return conn


_templates: dict = {}
_templates_lock = threading.Lock()


@contextmanager
def _schema(version: int | None):
    """The schema of ``version`` in an in-memory database built once per process: building it
    runs every step (~6 ms), and each open asks for the schema, its rules and its CHECKs and
    copies it. Held under a lock (Rekap Provinsi reads in a worker thread)."""
    key = current_version() if version is None else version
    with _templates_lock:
        template = _templates.get(key)
        if template is None:
            template = _templates[key] = built_schema(key)
        yield template


def copy_schema(version: int, dst: sqlite3.Connection) -> None:
    """Give the empty database ``dst`` the schema of ``version`` (``backup``, ~0.03 ms)."""
    with _schema(version) as template:
        template.backup(dst)


@lru_cache(maxsize=None)
def expected_schema(version: int | None = None) -> frozenset[tuple[str, str, str, str]]:
    """sqlite_master rows (type, name, tbl_name, normalised sql) a file of ``version`` has."""
    with _schema(version) as conn:
        return schema_of(conn)


@lru_cache(maxsize=None)
def expected_rules(version: int | None = None) -> dict:
    """table → column → ``columns.Rule`` for the schema of ``version`` (None: current)."""
    from .columns import table_rules
    with _schema(version) as conn:
        tables = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")]
        return {t: table_rules(conn, t) for t in tables}


@lru_cache(maxsize=None)
def expected_checks(version: int | None = None) -> dict[str, tuple[str, ...]]:
    """table → the expressions of its CHECK constraints, from the schema of ``version``."""
    from .columns import check_constraints
    with _schema(version) as conn:
        return {name: check_constraints(sql) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")}


def rule_of(table: str, column: str):
    """The ``columns.Rule`` of a column of the current schema (for the edits' checks)."""
    return expected_rules(current_version())[table][column]


def schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str]]:
    """Every sqlite_master row, SQLite's own included: an extra ``sqlite_…`` object (a
    trigger named so, ``sqlite_stat1`` …) differs from ours like any other."""
    rows = conn.execute("SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master").fetchall()
    return frozenset((t, n, tb, " ".join(s.split())) for t, n, tb, s in rows)
