"""Schema migrations: small named SQL steps in ``db/migrations``, recorded in the file.

The expected schema of a current file is whatever these steps build on an empty
database, so there is no second copy of the schema to keep in step.
"""

from __future__ import annotations

import hashlib
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


# The sha256 of each format's schema, ``schema_digest(expected_schema(v))`` (a test checks
# each against the steps). A file whose schema has its format's digest has exactly that
# schema, so opening it reads the schema's rules and CHECKs from the file itself
# (``known_schema``) instead of building the schema by running every step (~7 ms at every
# start). Any other schema is compared row by row with the built one, as before.
SCHEMA_SHA256 = {
    1: "b5f34f467ea32241d1816f83b721769a20ee3cd4ae7c2e46edeedb77b6feac0f",
    2: "fecbd1891c82b2870b8af8fb092086de8d66fe6b14637bb3dc119b63d5b88856",
    3: "54a14f9852b711591d109e7958897728facd09472af22c60bbcdbf30908e1a7d",
    4: "159148fa5346e92b240315add84fa7d05c8a46e7da623244f39f6520fcbddf2c",
    5: "aa73050254937fa404cff6f07049974c5b13f8a3e5f5a9b1145009a07c925028",
    6: "2afe693546edfe9f0385482f80cc92bab79c9496170cbec26b143a4b906f8164",
}


def schema_digest(schema: frozenset) -> str:
    return hashlib.sha256(repr(sorted(schema)).encode("utf-8")).hexdigest()


_rules: dict[int, dict] = {}
_checks: dict[int, dict] = {}


def known_schema(conn: sqlite3.Connection, version: int, schema: frozenset) -> bool:
    """Whether ``schema`` (``schema_of(conn)``) is that of ``version`` by its recorded digest;
    then that version's rules and CHECKs, if not known yet, are read from ``conn``."""
    if SCHEMA_SHA256.get(version) != schema_digest(schema):
        return False
    if version not in _rules:
        _checks[version] = _checks_in(conn)
        _rules[version] = _rules_in(conn)
    return True


def expected_rules(version: int | None = None) -> dict:
    """table → column → ``columns.Rule`` for the schema of ``version`` (None: current)."""
    key = current_version() if version is None else version
    if key not in _rules:
        with _schema(key) as conn:
            _rules[key] = _rules_in(conn)
    return _rules[key]


def expected_checks(version: int | None = None) -> dict[str, tuple[str, ...]]:
    """table → the expressions of its CHECK constraints, from the schema of ``version``."""
    key = current_version() if version is None else version
    if key not in _checks:
        with _schema(key) as conn:
            _checks[key] = _checks_in(conn)
    return _checks[key]


def _rules_in(conn: sqlite3.Connection) -> dict:
    from .columns import table_rules
    tables = [n for (n,) in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")]
    return {t: table_rules(conn, t) for t in tables}


def _checks_in(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    from .columns import check_constraints
    return {name: check_constraints(sql) for name, sql in conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND sql IS NOT NULL")}


def rule_of(table: str, column: str):
    """The ``columns.Rule`` of a column of the current schema (for the edits' checks)."""
    return expected_rules(current_version())[table][column]


def schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str]]:
    """Every sqlite_master row, SQLite's own included: an extra ``sqlite_…`` object (a
    trigger named so, ``sqlite_stat1`` …) differs from ours like any other."""
    rows = conn.execute("SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master").fetchall()
    return frozenset((t, n, tb, " ".join(s.split())) for t, n, tb, s in rows)
