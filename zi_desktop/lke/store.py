"""The LKE parts of a .zidb (step ``0005_lke``) ⇄ the plan dict, and the edits that change them.

Plan dict (docs/ARCHITECTURE.md): each langkah aksi has ``"lke"`` (the question code it serves,
"" none); the top level has ``"lke": {"jawaban": {KODE: {...}}, "pengaturan": {...}}``.
"""

from __future__ import annotations

import sqlite3

from ..edits import Change, Edit, check_text
from ..errors import ZiError
from .answers import kode_baku, normalize
from .data import lke

FIELDS = ("jawaban", "target", "narasi", "bukti", "link")
_ORDERED_AKSI = ("SELECT x.id FROM aksi x JOIN indikator i ON x.induk = i.id "
                 "JOIN komponen k ON i.induk = k.id JOIN area a ON k.induk = a.id "
                 "ORDER BY a.urutan, k.urutan, i.urutan, x.urutan")


def present(conn: sqlite3.Connection) -> bool:
    """Whether the file has the LKE tables (a file of an older format read as it is)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'lke_jawaban'").fetchone() is not None


def check_kode(kode: str) -> str:
    """A tie's question code as stored ("" = none), or one sentence."""
    kode = kode_baku(check_text(kode))
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
    q = lke().question(kode)
    if not isinstance(answer, dict):
        answer = {"jawaban": answer}
    bukti = answer.get("bukti", [])
    if isinstance(bukti, str):
        bukti = bukti.splitlines()
    return (q.kode, normalize(q, answer.get("jawaban", "")), normalize(q, answer.get("target", "")),
            check_text(str(answer.get("narasi", "") or "")),
            check_text("\n".join(str(b).strip() for b in bukti if str(b).strip())),
            check_text(str(answer.get("link", "") or "")))


def write_lke(conn: sqlite3.Connection, plan: dict) -> None:
    """Store the plan dict's ties and answers in a database just filled by ``write_plan``."""
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
    try:
        return normalize(q, stored) if stored else ""
    except ZiError:
        return ""


def read_answers(conn: sqlite3.Connection) -> dict:
    """The top-level ``"lke"`` of the plan dict."""
    if not present(conn):
        return {"jawaban": {}, "pengaturan": {}}
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


# --- edits ----------------------------------------------------------------------------

class SetKaitan(Edit):
    """Tie a langkah aksi to the LKE question it serves ("" unties it)."""

    label = "Kaitkan dengan LKE"

    def __init__(self, aksi_id: int, kode: str) -> None:
        self.id, self.kode = aksi_id, check_kode(kode)
        self.old: str | None = None

    def _set(self, conn, kode):
        row = conn.execute("SELECT lke FROM aksi WHERE id = ?", (self.id,)).fetchone()
        if row is None:
            raise ZiError("Langkah aksi yang dimaksud tidak ada lagi dalam rencana.")
        conn.execute("UPDATE aksi SET lke = ? WHERE id = ?", (kode, self.id))
        return row[0], [Change("update", "aksi", self.id, fields=("lke",))]

    def do(self, conn):
        self.old, changes = self._set(conn, self.kode)
        return changes

    def undo(self, conn):
        return self._set(conn, self.old)[1]


class SetJawaban(Edit):
    """Change an answer's fields (jawaban, target, narasi, bukti as a list, link)."""

    label = "Ubah jawaban LKE"

    def __init__(self, kode: str, **values) -> None:
        q = lke().question(kode_baku(kode))
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown answer fields {unknown}")
        self.kode = q.kode
        self.values = {}
        for name, value in values.items():
            if name in ("jawaban", "target"):
                value = normalize(q, value)
            elif name == "bukti":
                items = value.splitlines() if isinstance(value, str) else list(value)
                value = check_text("\n".join(str(b).strip() for b in items if str(b).strip()))
            else:
                value = check_text(str(value))
            self.values[name] = value
        self.old: dict | None = None

    def _write(self, conn, row: dict | None):
        conn.execute("DELETE FROM lke_jawaban WHERE kode = ?", (self.kode,))
        if row is not None:
            conn.execute(f"INSERT INTO lke_jawaban (kode, {', '.join(FIELDS)}) VALUES (?, ?, ?, ?, ?, ?)",
                         (self.kode, *(row.get(f, "") for f in FIELDS)))
        return [Change("lke", fields=(self.kode,))]

    def do(self, conn):
        if not present(conn):
            raise ZiError("Berkas ini memakai format lama tanpa Penilaian Mandiri; buka dengan "
                          "ZI Desktop agar diperbarui.")
        cur = conn.execute(f"SELECT {', '.join(FIELDS)} FROM lke_jawaban WHERE kode = ?", (self.kode,))
        row = cur.fetchone()
        self.old = dict(zip(FIELDS, row)) if row else None
        return self._write(conn, dict(self.old or {}, **self.values))

    def undo(self, conn):
        return self._write(conn, self.old)


class SetPengaturan(Edit):
    """Choose one of the data file's settings for this plan (e.g. the survey scaling)."""

    label = "Ubah pengaturan LKE"

    def __init__(self, kunci: str, nilai: str) -> None:
        spec = lke().raw["pengaturan"]
        if kunci not in spec or str(nilai) not in spec[kunci]["pilihan"]:
            raise ZiError(f"Pengaturan LKE \"{kunci}={nilai}\" tidak dikenal.")
        self.kunci, self.nilai = kunci, str(nilai)
        self.old: str | None = None

    def _write(self, conn, nilai):
        conn.execute("DELETE FROM lke_pengaturan WHERE kunci = ?", (self.kunci,))
        if nilai is not None:
            conn.execute("INSERT INTO lke_pengaturan (kunci, nilai) VALUES (?, ?)", (self.kunci, nilai))
        return [Change("lke", fields=(self.kunci,))]

    def do(self, conn):
        row = conn.execute("SELECT nilai FROM lke_pengaturan WHERE kunci = ?", (self.kunci,)).fetchone()
        self.old = row[0] if row else None
        return self._write(conn, self.nilai)

    def undo(self, conn):
        return self._write(conn, self.old)
