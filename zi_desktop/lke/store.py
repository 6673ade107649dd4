"""The LKE parts of a .zidb (step ``0005_lke``) ⇄ the plan dict (the edits are in ``lke.edits``).

The questions (``data``, ``answers``) load in the functions that need them: reading a plan
without answers, as every ``to_dict`` does, never loads them.

Plan dict (docs/ARCHITECTURE.md): each langkah aksi has ``"lke"`` (the question code it serves,
"" none); the top level has ``"lke": {"jawaban": {KODE: {...}}, "pengaturan": {...}}``.
"""

from __future__ import annotations

import sqlite3

from ..errors import ZiError

FIELDS = ("jawaban", "target", "narasi", "bukti", "link")
_ORDERED_AKSI = ("SELECT x.id FROM aksi x JOIN indikator i ON x.induk = i.id "
                 "JOIN komponen k ON i.induk = k.id JOIN area a ON k.induk = a.id "
                 "ORDER BY a.urutan, k.urutan, i.urutan, x.urutan")


def present(conn: sqlite3.Connection) -> bool:
    """Whether the file has the LKE tables (a file of an older format read as it is)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'lke_jawaban'").fetchone() is not None


def _text(value: str) -> str:
    from ..edits import check_text   # only when writing: reading a plan needs no edits
    return check_text(value)


def check_kode(kode: str) -> str:
    """A tie's question code as stored ("" = none), or one sentence."""
    from .answers import kode_baku
    from .data import lke
    kode = kode_baku(_text(kode))
    if kode:
        q = lke().question(kode)
        if q.bagian == "hasil":
            raise ZiError(f"{kode} adalah nilai Hasil (survei/capaian), bukan pertanyaan yang "
                          "dapat dikaitkan dengan langkah aksi.")
    return kode


def _plan_aksi(plan: dict):
    for area in plan.get("area", []):
        for komponen in area.get("komponen", []):
            for indikator in komponen.get("indikator", []):
                yield from indikator.get("aksi", [])


def _row_from_answer(kode: str, answer) -> tuple:
    from .answers import normalize
    from .data import lke
    q = lke().question(kode)
    if not isinstance(answer, dict):
        answer = {"jawaban": answer}
    bukti = answer.get("bukti", [])
    if isinstance(bukti, str):
        bukti = bukti.splitlines()
    return (q.kode, normalize(q, answer.get("jawaban", "")), normalize(q, answer.get("target", "")),
            _text(str(answer.get("narasi", "") or "")),
            _text("\n".join(str(b).strip() for b in bukti if str(b).strip())),
            _text(str(answer.get("link", "") or "")))


def write_lke(conn: sqlite3.Connection, plan: dict) -> None:
    """Store the plan dict's ties and answers in a database just filled by ``write_plan``."""
    from .answers import kode_baku
    from .data import lke
    ties = [(check_kode(str(a.get("lke", "") or "")), aksi_id)
            for a, (aksi_id,) in zip(_plan_aksi(plan), conn.execute(_ORDERED_AKSI).fetchall())]
    conn.executemany("UPDATE aksi SET lke = ? WHERE id = ?", [t for t in ties if t[0]])
    part = plan.get("lke") or {}
    rows = [_row_from_answer(kode_baku(k), v) for k, v in (part.get("jawaban") or {}).items()]
    conn.executemany(f"INSERT OR REPLACE INTO lke_jawaban (kode, {', '.join(FIELDS)}) "
                     "VALUES (?, ?, ?, ?, ?, ?)", rows)
    spec = lke().raw["pengaturan"]
    settings = []
    for kunci, nilai in (part.get("pengaturan") or {}).items():
        if kunci not in spec or str(nilai) not in spec[kunci]["pilihan"]:
            raise ZiError(f"Pengaturan LKE \"{kunci}={nilai}\" tidak dikenal.")
        settings.append((kunci, str(nilai)))
    conn.executemany("INSERT OR REPLACE INTO lke_pengaturan (kunci, nilai) VALUES (?, ?)", settings)


def _json_answer(q, stored: str):
    """Plain numbers as numbers in the plan dict; options, x/y and percentages as text."""
    if stored and not q.pilihan and "/" not in stored and "%" not in stored:
        return float(stored)
    return stored


def _valid(q, stored: str) -> str:
    """A stored answer no edit could have written (a crafted file) reads as unanswered."""
    from .answers import normalize
    try:
        return normalize(q, stored) if stored else ""
    except ZiError:
        return ""


def read_answers(conn: sqlite3.Connection) -> dict:
    """The top-level ``"lke"`` of the plan dict. A plan with no answers reads without loading
    the LKE's questions (every ``to_dict`` comes here: ``pdf``, ``check``, the window)."""
    if not present(conn):
        return {"jawaban": {}, "pengaturan": {}}
    if conn.execute("SELECT 1 FROM lke_jawaban LIMIT 1").fetchone() is None:
        return {"jawaban": {},
                "pengaturan": dict(conn.execute("SELECT kunci, nilai FROM lke_pengaturan ORDER BY kunci"))}
    from .data import lke
    data = lke()
    jawaban = {}
    for kode, j, t, narasi, bukti, link in conn.execute(
            f"SELECT kode, {', '.join(FIELDS)} FROM lke_jawaban"):
        q = data.pertanyaan.get(kode)
        if q is None:
            continue  # a code of another LKE edition: kept in the file, not scored
        jawaban[kode] = {"jawaban": _json_answer(q, _valid(q, j)), "target": _json_answer(q, _valid(q, t)),
                         "narasi": narasi, "bukti": bukti.splitlines() if bukti else [], "link": link}
    order = list(data.pertanyaan)
    jawaban = dict(sorted(jawaban.items(), key=lambda kv: order.index(kv[0])))
    return {"jawaban": jawaban,
            "pengaturan": dict(conn.execute("SELECT kunci, nilai FROM lke_pengaturan ORDER BY kunci"))}


def add_to_plan(conn: sqlite3.Connection, plan: dict) -> None:
    """Put the ties on the plan dict's langkah aksi and the answers at its top level. Both are
    left out when empty (absent = "" / no answers), so plans without an LKE look as before."""
    if not present(conn):
        return
    ties = dict(conn.execute("SELECT id, lke FROM aksi WHERE lke != ''"))
    if ties:
        for node, (aksi_id,) in zip(_plan_aksi(plan), conn.execute(_ORDERED_AKSI).fetchall()):
            if aksi_id in ties:
                node["lke"] = ties[aksi_id]
    part = read_answers(conn)
    if part["jawaban"] or part["pengaturan"]:
        plan["lke"] = part
