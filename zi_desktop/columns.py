"""What each column of a .zidb may hold — one declaration for the guard, the edits and the tests.

The rules are derived from the schema itself (``PRAGMA table_info``): a TEXT column holds
valid UTF-8 text without NUL of at most ``MAX_TEKS`` characters, an INTEGER column a
64-bit-safe integer, a primary key or a reference to another row an id in 1..2^31-1, an
``urutan`` a position >= 0. ``OVERRIDES`` narrows single columns (year, period, choices,
months). Tables added by later migrations are covered by the defaults without a word here.

``sql_bad(rule, column)`` is the SQL condition true for a value the rule refuses (the guard
scans whole tables with it); ``check(rule, value)`` is the same rule for one Python value
(the edits), raising ``ZiError`` with a sentence the user reads.
"""

from __future__ import annotations

import re
import sqlite3
from typing import NamedTuple

from .bounds import (BULAN_TAHUN_SEBELUM, BULAN_TAHUN_SESUDAH, MAX_BERKAS, MAX_BUKTI, MAX_BULAN, MAX_ID,
                     MAX_TEKS, MAX_TEKS_BYTES, TAHUN_MAX, TAHUN_MIN)
from .errors import ZiError


class Rule(NamedTuple):
    # value records here and in model/lampiran are NamedTuples: a dataclass costs ~1.5 ms to
    # create at every start, a NamedTuple ~0.3 ms
    kind: str                       # "teks" | "bulat" | "real" | "blob" | "apa"
    lo: int | None = None           # "bulat": smallest and largest value
    hi: int | None = None
    pilihan: tuple = ()             # "teks": the only values allowed (empty: any)
    format: str | None = None       # "teks": "bulan" = 'YYYY-MM' with a real month; "sha256" = '' or 64 hex
    nullable: bool = False


TEKS = Rule("teks")
BOOL = Rule("bulat", 0, 1)
ID = Rule("bulat", 1, MAX_ID)
URUTAN = Rule("bulat", 0, MAX_ID)
BULAT = Rule("bulat", -(2**53), 2**53)
BULAN = Rule("teks", format="bulan")

OVERRIDES: dict[tuple[str, str], Rule] = {
    ("rencana", "id"): Rule("bulat", 1, 1),
    ("rencana", "tahun"): Rule("bulat", TAHUN_MIN, TAHUN_MAX),
    ("rencana", "jumlah_bulan"): Rule("bulat", 1, MAX_BULAN),
    ("rencana", "bulan_mulai"): BULAN,
    ("rencana", "cetak_kertas"): Rule("teks", pilihan=("F4", "A4")),
    ("rencana", "cetak_kolom_waktu"): Rule("teks", pilihan=("teks", "bulan")),
    ("rencana", "cetak_penanggung_jawab"): BOOL,
    ("rencana", "cetak_target_capaian"): BOOL,
    ("rencana", "cetak_nomor_kolom"): BOOL,
    ("aksi", "target_waktu_manual"): BOOL,
    ("jadwal", "bulan"): BULAN,
    ("realisasi", "bulan"): BULAN,   # 0002_pemantauan (a table not there yet is simply skipped)
    ("realisasi", "status"): Rule("teks", pilihan=("belum", "sebagian", "selesai")),
    ("bukti", "ukuran"): Rule("bulat", 0, MAX_BUKTI),
    ("bukti", "sha256"): Rule("teks", format="sha256"),
}

# siblings share an ``urutan`` space: table → the columns naming the parent (() = one list)
ORDER_GROUPS: dict[str, tuple[str, ...]] = {
    "area": (), "komponen": ("induk",), "indikator": ("induk",), "aksi": ("induk",),
    "keputusan_butir": ("bagian",), "bab": (),
}

_KIND_BY_TYPE = {"TEXT": "teks", "INTEGER": "bulat", "INT": "bulat", "REAL": "real", "BLOB": "blob"}


def table_rules(conn: sqlite3.Connection, table: str) -> dict[str, Rule]:
    """column → rule for ``table`` as it is in ``conn`` (overrides, else from its type)."""
    refs = {row[3] for row in conn.execute(f"PRAGMA foreign_key_list({_q(table)})")}
    out = {}
    for _cid, name, ctype, notnull, _default, pk in conn.execute(f"PRAGMA table_info({_q(table)})"):
        rule = OVERRIDES.get((table, name))
        if rule is None:
            kind = _KIND_BY_TYPE.get(ctype.upper(), "apa")
            if kind == "bulat" and (pk == 1 or name in refs):
                rule = ID
            elif kind == "bulat" and name == "urutan":
                rule = URUTAN
            elif kind == "bulat":
                rule = BULAT
            else:
                rule = Rule(kind)
        if not notnull and not pk and not rule.nullable:
            rule = Rule(rule.kind, rule.lo, rule.hi, rule.pilihan, rule.format, nullable=True)
        out[name] = rule
    return out


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_checks(rule: Rule, column: str) -> list[tuple[str, str]]:
    """(what is wrong, SQL true for such a value) for the column's value under ``rule``
    (text encoding excepted: the guard decodes every text that is not plain ASCII in
    Python, strictly — ``free_text``). NULL is caught by the first check unless allowed."""
    c = _q(column)
    blob = f"CAST({c} AS BLOB)"
    out = []
    if rule.kind == "teks":
        out.append(("bukan teks", f"typeof({c}) != 'text'"))
        if not (rule.pilihan or rule.format):  # a choice or a month is short ASCII without NUL
            # bytes first (cheap, and at least the characters), then the characters
            out += [("terlalu panjang", f"(length({blob}) > {MAX_TEKS} AND length({c}) > {MAX_TEKS})"),
                    ("memuat karakter NUL", f"instr({blob}, x'00') > 0")]
        if rule.pilihan:
            out.append(("bukan pilihan yang dikenal",
                        f"{c} NOT IN ({', '.join(_lit(p) for p in rule.pilihan)})"))
        if rule.format == "sha256":   # 64 characters matched and 64 bytes: no NUL either
            out.append(("bukan sidik jari sha256", f"NOT ({c} = '' OR (length({blob}) = 64 AND "
                                                    f"{c} GLOB '{'[0-9a-f]' * 64}'))"))
        if rule.format == "bulan":
            out.append(("bukan bulan TTTT-BB yang sah",
                        f"NOT (length({blob}) = 7 AND ({c} GLOB '[0-9][0-9][0-9][0-9]-0[1-9]' "
                        f"OR {c} GLOB '[0-9][0-9][0-9][0-9]-1[0-2]') "
                        f"AND {c} BETWEEN '{TAHUN_MIN}-01' AND '{TAHUN_MAX}-12')"))
    elif rule.kind == "bulat":
        out += [("bukan bilangan bulat", f"typeof({c}) != 'integer'"),
                (f"di luar batas {rule.lo}–{rule.hi}", f"({c} < {rule.lo} OR {c} > {rule.hi})")]
    elif rule.kind == "real":
        out.append(("bukan bilangan", f"typeof({c}) NOT IN ('real', 'integer')"))
    elif rule.kind == "blob":
        out += [("bukan data biner", f"typeof({c}) != 'blob'"),
                ("terlalu besar", f"length({c}) > {MAX_BERKAS}")]
    else:
        out.append(("terlalu panjang", f"length({blob}) > {MAX_TEKS_BYTES}"))
    guard = f"{c} IS NOT NULL AND " if rule.nullable else ""
    checks = [(why, f"({guard}{sql})") for why, sql in out]
    if not rule.nullable:
        checks.insert(0, ("kosong (NULL)", f"({c} IS NULL)"))
    return checks


def free_text(rule: Rule) -> bool:
    """A text column holding what the user wrote (not a choice or a month): its UTF-8 is
    decided by Python's strict decoder."""
    return rule.kind == "teks" and not (rule.pilihan or rule.format)


def sql_bad(rule: Rule, column: str) -> str:
    """SQL true when the column's value breaks ``rule`` (any of ``sql_checks``)."""
    return "(" + " OR ".join(sql for _why, sql in sql_checks(rule, column)) + ")"


# what the CHECK scan stops at: a quote, a comment, "CHECK (" as a word
_CHECK_SCAN = re.compile(r"""['"`\[]|--|/\*|(?<!\w)CHECK\s*\(""", re.IGNORECASE)
_PAREN_SCAN = re.compile(r"""['"`\[()]""")


def check_constraints(sql: str) -> tuple[str, ...]:
    """The expressions of every ``CHECK (…)`` in one of our CREATE TABLE statements, for the
    guard to evaluate itself (SQLite's integrity_check skips them on a read-only file).
    Quoted text and comments are skipped, parentheses matched; the scan jumps from token to
    token (a per-character loop cost ~5 ms at every start)."""
    out, i, n = [], 0, len(sql)
    while (m := _CHECK_SCAN.search(sql, i)) is not None:
        token = m.group()
        if token in ("'", '"', "`", "["):
            i = _past_quote(sql, m.start())
        elif token == "--":
            end = sql.find("\n", m.end())
            i = n if end < 0 else end + 1
        elif token == "/*":
            end = sql.find("*/", m.end())
            i = n if end < 0 else end + 2
        else:
            start = m.end() - 1
            depth, j = 0, start
            while (p := _PAREN_SCAN.search(sql, j)) is not None:
                if p.group() not in "()":
                    j = _past_quote(sql, p.start())
                    continue
                depth += 1 if p.group() == "(" else -1
                j = p.end()
                if depth == 0:
                    break
            else:
                j = n
            out.append(sql[start + 1:j - 1].strip())
            i = j
    return tuple(out)


def _past_quote(sql: str, i: int) -> int:
    """The index just past the quoted name or text starting at ``i`` (doubled quotes inside)."""
    close = "]" if sql[i] == "[" else sql[i]
    j = i + 1
    while True:
        j = sql.find(close, j)
        if j < 0:
            return len(sql)
        if close != "]" and sql.startswith(close * 2, j):
            j += 2
            continue
        return j + 1


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def why_bad(rule: Rule, value) -> str | None:
    """What is wrong with one Python value under ``rule`` (None: nothing)."""
    if value is None:
        return None if rule.nullable else "kosong (NULL)"
    if rule.kind == "teks":
        if not isinstance(value, str):
            return "bukan teks"
        if "\x00" in value:
            return "memuat karakter NUL"
        if len(value) > MAX_TEKS:
            return "terlalu panjang"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "bukan teks UTF-8 yang sah"
        if rule.pilihan and value not in rule.pilihan:
            return "bukan salah satu pilihan " + "/".join(rule.pilihan)
        if rule.format == "bulan" and not valid_month(value):
            return "bukan bulan TTTT-BB"
        if rule.format == "sha256" and value and not (len(value) == 64 and set(value) <= set("0123456789abcdef")):
            return "bukan sidik jari sha256"
    elif rule.kind == "bulat":
        if isinstance(value, bool) or not isinstance(value, int):
            return "bukan bilangan bulat"
        if not rule.lo <= value <= rule.hi:
            return f"di luar batas {rule.lo}–{rule.hi}"
    return None


def month_window(tahun: int) -> tuple[int, int]:
    """The years a plan of ``tahun`` may have months in (its period and planned months)."""
    return tahun - BULAN_TAHUN_SEBELUM, tahun + BULAN_TAHUN_SESUDAH


def period_problem(conn: sqlite3.Connection) -> str | None:
    """What puts the plan's period or planned months outside its bounded window, or None.
    The guard refuses such a file; the edits refuse to make one."""
    tahun, mulai = conn.execute("SELECT tahun, bulan_mulai FROM rencana").fetchone()
    lo, hi = month_window(tahun)
    if not lo <= int(mulai[:4]) <= hi:
        return f"periode rencana di luar tahun {lo}–{hi}"
    if conn.execute("SELECT 1 FROM jadwal WHERE CAST(substr(bulan, 1, 4) AS INTEGER) NOT BETWEEN ? AND ? "
                    "LIMIT 1", (lo, hi)).fetchone():
        return f"ada bulan jadwal di luar tahun {lo}–{hi}"
    return None


def valid_month(value) -> bool:
    """'YYYY-MM' with a month 01–12 and a year inside the bounds."""
    return (isinstance(value, str) and len(value) == 7 and value[4] == "-"
            and value[:4].isdigit() and value[5:].isdigit() and value.isascii()
            and TAHUN_MIN <= int(value[:4]) <= TAHUN_MAX and 1 <= int(value[5:]) <= 12)


def check(rule: Rule, value, label: str = "Isian"):
    """``value`` if the rule allows it, else ``ZiError`` ("Isian … tidak sah: …")."""
    why = why_bad(rule, value)
    if why is None:
        return value
    if why == "terlalu panjang":
        raise ZiError(f"Teks terlalu panjang: paling banyak {MAX_TEKS:,} karakter dalam satu isian."
                      .replace(",", "."))
    if why == "bukan teks":
        raise ZiError("Isian harus berupa teks.")
    raise ZiError(f"{label} tidak sah: {why}.")
