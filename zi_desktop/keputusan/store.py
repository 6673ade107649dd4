"""The decree body in the .zidb file (tables ``keputusan_butir`` and ``bab``, step
0003_keputusan; the Menetapkan text in ``rencana.keputusan_menetapkan``, step 0006) ⇄ the plan dict's ``"keputusan"``. ``document.py`` calls :func:`read` and
:func:`write` with one line each; the edits live in :mod:`.edits`."""

from __future__ import annotations

import sqlite3

from ..errors import ZiError
from . import BAB, BAGIAN, MENETAPKAN, empty

TABLE_BUTIR = "keputusan_butir"
TABLE_BAB = "bab"
# the stored "Menetapkan :" (step 0006_menetapkan): a column of the one identity row
MENETAPKAN_COLUMN = "keputusan_menetapkan"
# Text columns the file guard checks (typeof text, length) in files that have the tables.
TEXT_COLUMNS = {TABLE_BUTIR: ("bagian", "teks"), TABLE_BAB: ("judul", "isi")}


def has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (TABLE_BUTIR,)).fetchone() is not None


def text_columns(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """``TEXT_COLUMNS`` for a file that has the tables (an older file is checked before its
    migration, without them)."""
    return dict(TEXT_COLUMNS) if has_tables(conn) else {}


def has_menetapkan(conn: sqlite3.Connection) -> bool:
    return any(row[1] == MENETAPKAN_COLUMN for row in conn.execute("PRAGMA table_info(rencana)"))


def menetapkan(conn: sqlite3.Connection) -> str:
    """The stored "Menetapkan :" ("" in a file from before step 0006)."""
    if not has_menetapkan(conn):
        return ""
    row = conn.execute(f"SELECT {MENETAPKAN_COLUMN} FROM rencana WHERE id = 1").fetchone()
    return row[0] if row else ""


def set_menetapkan(conn: sqlite3.Connection, text: str) -> None:
    conn.execute(f"UPDATE rencana SET {MENETAPKAN_COLUMN} = ? WHERE id = 1", (text,))


def read(conn: sqlite3.Connection) -> dict:
    """The ``"keputusan"`` dict of the plan in ``conn`` (empty lists in an older file)."""
    out = empty()
    if not has_tables(conn):
        return out
    out[MENETAPKAN] = menetapkan(conn)
    for bagian, teks in conn.execute(
            f"SELECT bagian, teks FROM {TABLE_BUTIR} ORDER BY bagian, urutan"):
        if bagian in out:
            out[bagian].append(teks)
    out[BAB] = [{"judul": j, "isi": i} for j, i in conn.execute(
        f"SELECT judul, isi FROM {TABLE_BAB} ORDER BY urutan")]
    return out


def normalize(value) -> dict:
    """A plan dict's ``"keputusan"`` (missing keys allowed) checked and completed, or a
    ``ZiError`` saying what is wrong."""
    from ..edits import check_text
    if value is None:
        return empty()
    if not isinstance(value, dict):
        raise ZiError("Bagian \"keputusan\" harus berupa objek (menimbang, mengingat, …).")
    out = empty()
    for bagian in BAGIAN:
        items = value.get(bagian) or []
        if not isinstance(items, list):
            raise ZiError(f"Bagian \"keputusan.{bagian}\" harus berupa daftar teks.")
        out[bagian] = [check_text(t) for t in items]
    chapters = value.get(BAB) or []
    if not isinstance(chapters, list) or not all(isinstance(c, dict) for c in chapters):
        raise ZiError("Bagian \"keputusan.bab\" harus berupa daftar {\"judul\", \"isi\"}.")
    out[BAB] = [{"judul": check_text(c.get("judul", "")), "isi": check_text(c.get("isi", ""))}
                for c in chapters]
    text = value.get(MENETAPKAN) or ""
    if not isinstance(text, str):
        raise ZiError("Bagian \"keputusan.menetapkan\" harus berupa teks.")
    out[MENETAPKAN] = check_text(text)
    return out


def write(conn: sqlite3.Connection, value) -> None:
    """Insert a plan's ``"keputusan"`` into a new, migrated database (caller's transaction)."""
    body = normalize(value)
    conn.executemany(f"INSERT INTO {TABLE_BUTIR} (bagian, urutan, teks) VALUES (?, ?, ?)",
                     [(b, pos, t) for b in BAGIAN for pos, t in enumerate(body[b])])
    conn.executemany(f"INSERT INTO {TABLE_BAB} (urutan, judul, isi) VALUES (?, ?, ?)",
                     [(pos, c["judul"], c["isi"]) for pos, c in enumerate(body[BAB])])
    set_menetapkan(conn, body[MENETAPKAN])


def items(conn: sqlite3.Connection, bagian: str) -> list[tuple[int, str]]:
    """(id, teks) of one list in order — for the window's forms."""
    return conn.execute(f"SELECT id, teks FROM {TABLE_BUTIR} WHERE bagian = ? ORDER BY urutan",
                        (bagian,)).fetchall()


def chapters(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(id, judul, isi) of the chapters in order."""
    return conn.execute(f"SELECT id, judul, isi FROM {TABLE_BAB} ORDER BY urutan").fetchall()
