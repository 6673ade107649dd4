"""The copy sent to the province: one clean, self-contained ``.zidb`` made by SQLite itself.

``pack`` never copies the bytes of the live file (an open plan may have a transaction in
flight, and a byte copy of a database being written can be torn). It asks SQLite for a
consistent snapshot with ``VACUUM INTO`` — which also leaves out free pages, so text the user
deleted is not sent along — writes the copy beside its destination under a temporary name,
notes in the copy's own history when and from which file it was made, verifies it, and only
then gives it its final name (never over an existing file).

Verification before "done": the copy passes ``fileguard.validate`` (header, application_id,
``quick_check``, schema, data), is in rollback-journal mode with no ``-journal``/``-wal``
beside it, and holds exactly the plan the source held at the moment of the snapshot (same
``to_dict(ids=True)``, same counts, same history plus the one new line).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sqlite3
import unicodedata
from pathlib import Path

from .. import atomic, fileguard
from ..document import Dokumen, history_of, plan_from_connection, record_event
from ..errors import BerkasDitolak, ZiError
from ..pemantauan.store import copy_all_evidence

PERISTIWA = "dikirim ke provinsi"
_ATTEMPTS = 5          # snapshots retried when the source changed while being read


# --- names --------------------------------------------------------------------------------

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def slug(text: str, *, limit: int = 60, empty: str = "rencana") -> str:
    """A piece of a file name safe on Windows, macOS and Linux and on FAT flash disks.

    "KPU Kabupaten Kota Baru / Kalsel" → "KPU-Kabupaten-Kota-Baru-Kalsel". Accents are folded
    to ASCII, anything that is not a letter or digit becomes one hyphen, and the result is cut
    at ``limit`` characters on a hyphen where possible.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-")
    if len(out) > limit:
        cut = out[:limit]
        out = (cut.rsplit("-", 1)[0] if "-" in cut[limit // 2:] else cut).strip("-")
    if not out:
        out = empty
    elif out.upper() in _WINDOWS_RESERVED:
        out = f"{out}-{empty}"
    return out


def default_name(rencana: dict, today: _dt.date | None = None) -> str:
    """``<tahun>_<satker>_<YYYY-MM-DD>.zidb``, e.g. ``2025_KPU-Kabupaten-Kudus_2025-06-30.zidb``."""
    today = today or _dt.date.today()
    return f"{int(rencana.get('tahun') or 0)}_{slug(str(rencana.get('satker') or ''))}_{today.isoformat()}.zidb"


def _free_default(folder: Path, rencana: dict) -> Path:
    """The default name, or ``…-2.zidb``, ``…-3.zidb`` when packed again the same day."""
    first = folder / default_name(rencana)
    candidate, n = first, 2
    while candidate.exists() or _sidecars_exist(candidate):
        candidate = first.with_name(f"{first.stem}-{n}{first.suffix}")
        n += 1
    return candidate


def _sidecars_exist(path: Path) -> bool:
    return any(Path(str(path) + s).exists() for s in ("-journal", "-wal", "-shm"))


# --- pack ---------------------------------------------------------------------------------

def pack(path, out=None, *, tanpa_bukti: bool = False) -> Path:
    """Make the copy to send to the province; returns its path once it is verified.

    ``out`` None: ``<tahun>_<satker>_<hari ini>.zidb`` in the source's folder (with ``-2``,
    ``-3`` … when that name is taken). An ``out`` that exists is refused (``ZiError``).
    Works while the plan is open for editing in another window: the copy holds what was
    committed at the moment of the snapshot. ``tanpa_bukti``: the evidence bytes are left
    out (their names, sizes and sha256 stay), for sending by mail.
    """
    source = Path(path)
    src = Dokumen.open(source, readonly=True)  # validates; refuses damaged/foreign/newer files
    try:
        if out is None:
            target = _free_default(source.parent if str(source.parent) else Path("."),
                                   src.identitas())
        else:
            target = Path(out)
            if target.exists():
                raise ZiError(f"Berkas \"{target}\" sudah ada; pilih nama lain agar berkas itu "
                              "tidak tertimpa.")
            if _sidecars_exist(target):
                raise ZiError(f"Di samping \"{target}\" masih ada berkas jurnal SQLite; pilih nama lain.")
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise ZiError(f"Folder \"{folder}\" tidak ada.")
        if _same_file(source, target):
            raise ZiError("Salinan tidak boleh menimpa berkas rencana itu sendiri.")
        with atomic.write_beside(target, prefix=".zi-kirim-", overwrite=False, create=False) as tmp:
            expected = _snapshot(src, source, tmp, tanpa_bukti)
            _record(tmp, source.name)
            _verify(tmp, source, expected, recorded=True)
            verified = _identity(tmp)
    finally:
        src.close()
    # the final name is checked once more: what was verified is what is there (the same
    # file, untouched since: the rename moves it, it does not rewrite it)
    if _identity(target) != verified or fileguard.check_header(target) != expected["header"][1]:
        raise ZiError(f"Salinan \"{target}\" berubah setelah diperiksa; kirim ulang.")
    if _sidecars_exist(target):  # pragma: no cover - would mean SQLite left a journal behind
        raise ZiError(f"Salinan \"{target}\" tidak lengkap (berkas jurnal tertinggal).")
    return target


def _identity(path: Path) -> tuple:
    st = os.stat(path)
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _snapshot(src: Dokumen, source: Path, tmp: Path, tanpa_bukti: bool = False) -> dict:
    """``VACUUM INTO tmp`` plus what the source held at that moment.

    The plan is read in one read transaction and the copy made right after; ``PRAGMA
    data_version`` (changes when another connection commits) tells whether an edit landed in
    between, in which case the snapshot is taken again. Holding one read transaction across
    the VACUUM is not possible (VACUUM refuses to run inside a transaction), and holding it
    from a second connection would block a writer in the other window.
    """
    conn = src.conn
    for _attempt in range(_ATTEMPTS):
        before = conn.execute("PRAGMA data_version").fetchone()[0]
        conn.execute("BEGIN")
        try:
            expected = _contents(conn)
        finally:
            conn.execute("COMMIT")
        try:
            _copy(src, source, tmp, tanpa_bukti)
        except sqlite3.OperationalError as err:
            atomic.remove(tmp)
            if "locked" in str(err) or "busy" in str(err):
                continue
            raise  # atomic.write_beside says it in a sentence (disk full …)
        if conn.execute("PRAGMA data_version").fetchone()[0] == before:
            return expected
        atomic.remove(tmp)  # the plan was edited meanwhile: take the snapshot again
    raise ZiError(f"Berkas \"{source}\" terus berubah selama disalin; coba lagi sebentar lagi.")


def _copy(src: Dokumen, source: Path, tmp: Path, tanpa_bukti: bool) -> None:
    """A read-only document reads the validated copy, which holds every table but the
    evidence bytes: that copy is what is sent, the bytes (unless ``tanpa_bukti``) streamed
    in from the file and checked by their sha256. Otherwise the file is copied by SQLite,
    leaving ``bukti_isi`` out for ``tanpa_bukti`` without reading it."""
    conn, live = src.conn, src.evidence_conn()
    if live is not conn:
        _vacuum_into(conn, tmp)   # the copy's small pages: a light file to mail
        if not tanpa_bukti:
            out = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                out.execute("PRAGMA trusted_schema = OFF")
                # with its evidence, the file's own page size (fewer pages to check on open)
                out.execute(f"PRAGMA page_size = {int(live.execute('PRAGMA page_size').fetchone()[0])}")
                out.execute("VACUUM")
                out.execute("BEGIN")
                copy_all_evidence(live, out)
                out.execute("COMMIT")
            finally:
                out.close()
    elif tanpa_bukti:
        _copy_without_evidence(source, tmp)
    else:
        _vacuum_into(conn, tmp)


def _vacuum_into(conn: sqlite3.Connection, tmp: Path) -> None:
    conn.execute("VACUUM INTO ?", (str(tmp),))


def _copy_without_evidence(source: Path, tmp: Path) -> None:
    """What ``VACUUM INTO`` makes, minus the evidence bytes (``bukti_isi``): the same schema
    statements, then every other table copied in one transaction (one consistent read)."""
    out = sqlite3.connect(Path(os.path.abspath(tmp)).as_uri(), uri=True, isolation_level=None)
    try:
        out.execute("PRAGMA trusted_schema = OFF")
        out.execute("PRAGMA journal_mode = DELETE")
        out.execute("ATTACH DATABASE ? AS src", (Path(os.path.abspath(source)).as_uri() + "?mode=ro",))
        out.execute("BEGIN")
        schema = out.execute("SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL "
                             "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
        for _type, _name, sql in schema:
            out.execute(sql)
        for kind, name, _sql in schema:
            if kind == "table" and name != "bukti_isi":
                out.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
        for pragma in ("application_id", "user_version"):
            value = out.execute(f"PRAGMA src.{pragma}").fetchone()[0]
            out.execute(f"PRAGMA main.{pragma} = {int(value)}")
        out.execute("COMMIT")
        out.execute("DETACH DATABASE src")
    finally:
        out.close()


def _contents(conn: sqlite3.Connection) -> dict:
    plan = plan_from_connection(conn, ids=True, pemantauan=False)
    # monitoring rows compared as rows (36,000 realisasi as tuples, not dicts: 5× faster)
    plan["pemantauan"] = [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                          for t in ("realisasi", "bukti")]
    history = history_of(conn)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("area", "komponen", "indikator", "aksi", "jadwal", "riwayat", "_migrasi",
                        "realisasi", "bukti")}
    header = tuple(conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version"))
    return {"plan": plan, "history": history, "counts": counts, "header": header}


def _record(tmp: Path, source_name: str) -> None:
    """Note in the copy's history that it was made for the province, and from which file."""
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode.lower() != "delete":  # pragma: no cover - SQLite refused the mode
            raise ZiError("Salinan tidak dapat dibuat dalam satu berkas (mode jurnal).")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("BEGIN IMMEDIATE")
        record_event(conn, PERISTIWA, source_name)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _verify(copy: Path, source: Path, expected: dict, *, recorded: bool) -> None:
    """The copy is a valid, single-file plan holding exactly ``expected`` (+ the pack record)."""
    def fail(why: str) -> ZiError:
        return ZiError(f"Salinan dari \"{source}\" tidak lolos pemeriksaan ({why}); "
                       "tidak ada berkas yang dikirim. Coba lagi.")
    if _sidecars_exist(copy):
        raise fail("berkas jurnal tertinggal di sampingnya")
    with open(copy, "rb") as fh:
        head = fh.read(20)
    if head[18:20] != b"\x01\x01":  # file format bytes: 1/1 = rollback journal, 2/2 = WAL
        raise fail("bukan mode jurnal biasa")
    try:
        fileguard.validate(copy)  # the whole guard, as every open
    except BerkasDitolak as err:
        raise fail(err.message) from None
    # read where it was validated: our own temporary, which nothing else writes
    doc = Dokumen(copy, fileguard.connect_readonly(copy), readonly_reason="Salinan diperiksa.", lock=None)
    try:
        got = _contents(doc.conn)
        info = doc.info()
    finally:
        doc.close()
    if got["header"] != expected["header"]:
        raise fail("versi format berbeda")
    if got["plan"] != expected["plan"]:
        raise fail("isi rencana berbeda")
    want_counts = dict(expected["counts"])
    if recorded:
        want_counts["riwayat"] += 1
    if got["counts"] != want_counts:
        raise fail("jumlah baris berbeda")
    total = info["total"]
    plan_total = {k: sum(len(x) for x in _level(expected["plan"], k)) for k in ("komponen", "indikator", "aksi")}
    if any(total[k] != plan_total[k] for k in plan_total) or total["area"] != len(expected["plan"]["area"]):
        raise fail("jumlah butir berbeda")
    extra = got["history"][len(expected["history"]):]
    if got["history"][:len(expected["history"])] != expected["history"] or (
            recorded and (len(extra) != 1 or extra[0][1] != PERISTIWA or extra[0][2] != source.name)):
        raise fail("riwayat berbeda")


def _level(plan: dict, level: str):
    """Children lists per level, to count them: ``komponen`` → one list per area, …"""
    if level == "komponen":
        return [a["komponen"] for a in plan["area"]]
    if level == "indikator":
        return [k["indikator"] for a in plan["area"] for k in a["komponen"]]
    return [i["aksi"] for a in plan["area"] for k in a["komponen"] for i in k["indikator"]]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


__all__ = ["pack", "default_name", "slug", "PERISTIWA"]
