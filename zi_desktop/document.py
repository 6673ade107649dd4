"""``Dokumen``: one open .zidb plan — validated on open, changed only through edits.

Every edit is one transaction on a rollback-journal database (never WAL: a copied file
must hold everything), so whatever was committed is on disk; there is nothing to save.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from . import atomic, bounds, errors, fileguard, journal
from .dates import plan_period
from .errors import ZiError
from .keputusan import store as keputusan_store
from .migrations import APPLICATION_ID, current_version, migrate
from .model import (IDENTITAS_TEKS, LEVELS, ORDER, RENCANA_KOLOM, kolom_ke_nilai,
                    nilai_ke_kolom, romawi)
from .pemantauan import store as pemantauan_store

if TYPE_CHECKING:   # edits and the lock file load only for a plan open for editing
    from .edits import Change, Edit
    from .lockfile import LockFile

_HELD = "Berkas sedang dibuka di jendela ZI Desktop lain"
# 16 KB pages: fewer pages to walk when a plan with much evidence is checked on open
# (quick_check of the 1 GB bench plan 0.34 s instead of 0.45 s with SQLite's default 4 KB;
# 500 MB of blobs alone 0.09 s instead of 0.30 s); small edits stay ~1 ms (bench_pantau).
PAGE_SIZE = 16384


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def record_event(conn: sqlite3.Connection, peristiwa: str, keterangan: str = "") -> None:
    """One line in the file's history (table ``riwayat``): the one place that writes it."""
    conn.execute("INSERT INTO riwayat (waktu, peristiwa, keterangan) VALUES (?, ?, ?)",
                 (_now(), peristiwa, keterangan))


def history_of(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(waktu, peristiwa, keterangan) of the file's history, oldest first."""
    return [tuple(r) for r in conn.execute("SELECT waktu, peristiwa, keterangan FROM riwayat ORDER BY id")]


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {bounds.BUSY_MS}")


class Dokumen:
    """An open plan. Use ``Dokumen.open`` / ``Dokumen.create``; close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly_reason: str | None,
                 lock: LockFile | None) -> None:
        self.path = path
        self.conn = conn
        self.readonly_reason = readonly_reason
        self._lock = lock
        self._temp_copy: Path | None = None   # an older file opened read-only: its migrated copy
        self._evidence_from_file: bool | None = None   # a validated copy: evidence is read from
        self._evidence_conn: sqlite3.Connection | None = None   # the file (True: immutable)
        self.closed = False
        self.notices: list[str] = []   # what opening did that the user should know (journal set aside)

    # --- opening and creating -----------------------------------------------------------

    @classmethod
    def open(cls, path, *, readonly: bool = False, once: bool = False) -> "Dokumen":
        """Open a plan for editing, or read-only when asked, on read-only media, or when
        another ZI Desktop window has it open. Refuses (``BerkasDitolak``) anything else,
        leaving the file untouched. ``once`` (with ``readonly``): a command reading the plan
        and closing it at once — read in the transaction it was validated in
        (``fileguard.hold``) instead of through a private copy; writers wait until close."""
        path = Path(path)
        version = fileguard.check_header(path)
        jstate = journal.state(path)  # before the lock: taking it rewrites the lock file
        reason = None
        lock = None
        if readonly:
            reason = "Berkas dibuka hanya untuk dibaca."
        elif not _writable(path):
            reason = "Berkas berada di tempat yang hanya bisa dibaca (misalnya CD atau folder terkunci); perubahan tidak dapat disimpan."
        else:
            from .lockfile import LockFile
            lock = LockFile(path)
            holder = lock.acquire()
            if holder is not None:
                lock = None
                reason = f"{_HELD} ({holder}); dibuka hanya untuk dibaca."
        notices: list[str] = []
        try:
            if jstate == journal.OURS:
                if lock is None:
                    raise journal.not_recovered(path)
                _recover(path)  # our own crash left a hot journal: let SQLite roll it back first
            elif jstate == journal.FOREIGN:
                notices.append(journal.set_aside(path) if lock is not None else journal.ignored_notice(path))
            ignore = jstate == journal.FOREIGN and lock is None
            evidence = None
            if reason is None:
                version = fileguard.validate(path)
                if version < current_version():
                    _backup_and_migrate(path, version)
                conn = sqlite3.connect(str(path), check_same_thread=False)
                _configure(conn)
            elif jstate == journal.LIVE or reason.startswith(_HELD) or version < current_version():
                # another window edits it: its edits show; an older file: read a migrated copy (below)
                version = fileguard.validate(path, ignore_journal=ignore)
                conn = fileguard.connect_readonly(path)
                conn.isolation_level = ""
            else:
                # read-only: read exactly what was validated — in the same transaction, or
                # its private copy; the evidence bytes (not in the copy) are then read from
                # the file, checked by their sha256
                if once:
                    version, conn = fileguard.hold(path, ignore_journal=ignore)
                else:
                    version, conn = fileguard.load(path, ignore_journal=ignore)
                    evidence = ignore
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        temp_copy = None
        if reason is not None and version < current_version():
            conn.close()  # an older file read-only: read a migrated temp copy, the file untouched
            temp_copy = _migrated_copy(path, version)
            conn = fileguard.connect_readonly(temp_copy)
            conn.isolation_level = ""
        doc = cls(path, conn, readonly_reason=reason, lock=lock)
        doc._temp_copy = temp_copy
        doc._evidence_from_file = evidence if temp_copy is None else None
        doc.notices = notices
        return doc

    @classmethod
    def create(cls, path, *, tahun: int, satker: str = "", identitas: dict | None = None) -> "Dokumen":
        """A new empty plan (refuses to overwrite an existing file)."""
        plan = {"rencana": dict(identitas or {}, tahun=tahun, satker=satker), "area": []}
        return cls.create_from_plan(path, plan)

    @classmethod
    def create_from_plan(cls, path, plan: dict, *, peristiwa: str = "dibuat",
                         keterangan: str = "") -> "Dokumen":
        """Write a whole plan dict to a new file: built beside it, then renamed into place,
        so a half-written plan never carries the final name."""
        path = Path(path)
        with atomic.write_beside(path, prefix=".zi-baru-", overwrite=False, create=False) as tmp:
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")   # before the first table
                _configure(conn)
                migrate(conn, _now())
                conn.execute("BEGIN")
                write_plan(conn, plan)
                record_event(conn, peristiwa, keterangan)
                conn.execute("COMMIT")
            finally:
                conn.close()
            _passes_guard(tmp, path)
        return cls.open(path)

    def close(self) -> None:
        self.closed = True
        self.conn.close()
        if self._evidence_conn is not None:
            self._evidence_conn.close()
            self._evidence_conn = None
        if self._temp_copy is not None:
            shutil.rmtree(self._temp_copy.parent, ignore_errors=True)
            self._temp_copy = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @functools.cached_property
    def db(self):
        """sqlite-utils over this connection (transactions). Loaded only for a plan open for
        editing: reading one (``info``, ``pdf``, ``check``, the summary) never pays the ~0.1 s
        of importing it."""
        import sqlite_utils
        return sqlite_utils.Database(self.conn, recursive_triggers=False, execute_plugins=False)

    def prepare_edits(self) -> None:
        """Load what the first edit needs (sqlite-utils, ~0.1 s) ahead of it; the window calls
        this once the plan is on screen, so neither opening nor the first edit waits for it."""
        if not self.readonly and not self.closed:
            self.db  # noqa: B018 — the cached property loads it

    @property
    def readonly(self) -> bool:
        return self.readonly_reason is not None

    # --- changing ----------------------------------------------------------------------

    def apply(self, edit: Edit) -> list[Change]:
        """Run an edit in one transaction; committed means on disk."""
        return self._run(edit.do)

    def revert(self, edit: Edit) -> list[Change]:
        return self._run(edit.undo)

    def _run(self, step) -> list[Change]:
        if self.readonly:
            raise ZiError(self.readonly_reason + " Perubahan tidak disimpan.")
        try:
            with self.db.atomic():
                return step(self.conn)
        except (sqlite3.Error, OSError) as err:
            self._refused(err)

    def _refused(self, err: BaseException):
        """A write SQLite or the OS refused: nothing stays half-done, the user reads why, and
        a file that can no longer be written makes the document read-only."""
        try:
            if self.conn.in_transaction:
                self.conn.rollback()
        except sqlite3.Error:
            pass
        failure = errors.gagal_simpan(err)
        if failure.readonly:
            self.readonly_reason = "Berkas tidak dapat ditulis lagi; dibuka hanya untuk dibaca."
        raise failure from None

    def record(self, peristiwa: str, keterangan: str = "") -> None:
        """Note an event in the file's history (pack, import …)."""
        try:
            with self.db.atomic():
                record_event(self.conn, peristiwa, keterangan)
        except (sqlite3.Error, OSError) as err:
            self._refused(err)

    # --- reading -----------------------------------------------------------------------

    def identitas(self) -> dict:
        """The "rencana" part of the plan dict."""
        cur = self.conn.execute("SELECT * FROM rencana WHERE id = 1")
        row = dict(zip([d[0] for d in cur.description], cur.fetchone()))
        return identitas_from_row(row)

    def identitas_flat(self) -> dict:
        """The "rencana" part with nested keys dotted (``"cetak.kertas"``): what
        ``SetIdentitas`` takes."""
        out: dict = {}

        def flatten(prefix: str, values: dict) -> None:
            for key, value in values.items():
                if isinstance(value, dict) and key in ("salinan", "cetak"):
                    flatten(f"{prefix}{key}.", value)
                else:
                    out[prefix + key] = value
        flatten("", self.identitas())
        return out

    def children(self, level: str, parent: int | None) -> list[dict]:
        """Rows of ``level`` under ``parent`` in order (each a dict with id and fields)."""
        lv = LEVELS[level]
        where, args = ("1 = 1", ()) if lv.parent is None else ("induk = ?", (parent,))
        cur = self.conn.execute(f"SELECT * FROM {level} WHERE {where} ORDER BY urutan", args)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def item(self, level: str, item_id: int) -> dict | None:
        cur = self.conn.execute(f"SELECT * FROM {level} WHERE id = ?", (item_id,))
        row = cur.fetchone()
        if row is None:
            return None
        out = dict(zip([d[0] for d in cur.description], row))
        if level == "aksi":
            out["bulan"] = self.months(item_id)
        return out

    def months(self, aksi_id: int) -> list[str]:
        return [m for (m,) in self.conn.execute(
            "SELECT bulan FROM jadwal WHERE aksi = ? ORDER BY bulan", (aksi_id,))]

    def evidence_conn(self) -> sqlite3.Connection:
        """The connection holding the evidence bytes (``bukti_isi``): ``conn``, except for a
        plan read through its validated copy, which leaves the bytes in the file — then the
        file itself, read-only (whoever writes the bytes out checks them by sha256)."""
        if self._evidence_from_file is None:
            return self.conn
        if self._evidence_conn is None:
            self._evidence_conn = fileguard.connect_readonly(self.path, immutable=self._evidence_from_file)
        return self._evidence_conn

    def realisasi(self, aksi_id: int) -> list[dict]:
        return pemantauan_store.realisasi_of(self.conn, aksi_id)

    def realisasi_status(self, aksi_id: int) -> dict[str, str]:
        """{"YYYY-MM": status} of one langkah aksi ({} once the document is closed: a last
        repaint of a window may ask after its plan is gone)."""
        return {} if self.closed else pemantauan_store.statuses_of(self.conn, aksi_id)

    def monitored(self) -> bool:
        """Whether the plan records any realisasi at all."""
        return not self.closed and pemantauan_store.any_realisasi(self.conn)

    def bukti(self, aksi_id: int) -> list[dict]:
        return pemantauan_store.bukti_of(self.conn, aksi_id)

    def history(self) -> list[dict]:
        return [dict(zip(("waktu", "peristiwa", "keterangan"), r)) for r in history_of(self.conn)]

    def last_event(self, peristiwa: str) -> str:
        """When ``peristiwa`` last happened to this file (ISO time), or ""."""
        return self.conn.execute("SELECT max(waktu) FROM riwayat WHERE peristiwa = ?",
                                 (peristiwa,)).fetchone()[0] or ""

    def to_dict(self, *, ids: bool = False, pemantauan: bool = True) -> dict:
        """The whole plan as the plan dict (docs/ARCHITECTURE.md); ``pemantauan=False`` leaves
        out realisasi and bukti_dukung (the tree and grid need only the plan: faster)."""
        return plan_from_connection(self.conn, ids=ids, pemantauan=pemantauan)

    def outline(self) -> dict[str, "_Items"]:
        """{level: {parent id: [(id, fields)]}}: every item of the plan, in order, with its
        fields as in the plan dict (no children lists), for the window's tree."""
        return outline_from_connection(self.conn)

    def info(self) -> dict:
        """Identity and counts: per area komponen/indikator/aksi, and totals."""
        q = self.conn.execute
        per_area = defaultdict(lambda: {"komponen": 0, "indikator": 0, "aksi": 0})
        for area, n in q("SELECT induk, count(*) FROM komponen GROUP BY induk"):
            per_area[area]["komponen"] = n
        for area, n in q("SELECT k.induk, count(*) FROM indikator i JOIN komponen k ON i.induk = k.id "
                         "GROUP BY k.induk"):
            per_area[area]["indikator"] = n
        for area, n in q("SELECT k.induk, count(*) FROM aksi a JOIN indikator i ON a.induk = i.id "
                         "JOIN komponen k ON i.induk = k.id GROUP BY k.induk"):
            per_area[area]["aksi"] = n
        areas = []
        for pos, (area_id, nama) in enumerate(q("SELECT id, nama FROM area ORDER BY urutan"), 1):
            areas.append({"kode": romawi(pos), "nama": nama, **per_area[area_id]})
        total = {key: sum(a[key] for a in areas) for key in ("komponen", "indikator", "aksi")}
        total["area"] = len(areas)
        total["aksi_berjadwal"] = q("SELECT count(DISTINCT aksi) FROM jadwal").fetchone()[0]
        return {"berkas": str(self.path), "versi_format": current_version(),
                "hanya_baca": self.readonly, "rencana": self.identitas(), "area": areas,
                "total": total}


# --- plan dict ⇄ database -------------------------------------------------------------

def identitas_from_row(row: dict) -> dict:
    out: dict = {}
    for column, key in RENCANA_KOLOM.items():
        value = kolom_ke_nilai(column, row[column])
        target = out
        *parents, last = key.split(".")
        for p in parents:
            target = target.setdefault(p, {})
        target[last] = value
    return out


def row_from_identitas(rencana: dict) -> dict:
    """Plan-dict identity → ``rencana`` columns (missing keys get defaults)."""
    tahun = int(rencana.get("tahun") or _dt.date.today().year)
    row: dict = {"id": 1, "tahun": tahun, "bulan_mulai": f"{tahun}-01", "jumlah_bulan": 12}
    for column, key in RENCANA_KOLOM.items():
        value = rencana
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or value == "" and column in ("bulan_mulai", "tahun", "jumlah_bulan"):
            continue
        try:
            row[column] = nilai_ke_kolom(column, value)
        except (TypeError, ValueError):
            continue          # a print setting of the wrong shape: the default instead
    row.setdefault("cetak_kertas", "F4")
    row.setdefault("cetak_kolom_waktu", "teks")
    return row


def write_plan(conn: sqlite3.Connection, plan: dict) -> None:
    """Insert a plan dict into an empty, migrated database (inside the caller's transaction)."""
    from .edits import check_text
    from .pemantauan.rules import realisasi_rows
    row = row_from_identitas(plan.get("rencana", {}))
    for column in IDENTITAS_TEKS:
        check_text(row.get(column, ""))
    conn.execute(f"INSERT INTO rencana ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                 tuple(row.values()))
    rows: dict[str, list[tuple]] = defaultdict(list)
    months: list[tuple] = []
    realisasi: list[tuple] = []
    period = plan_period(row)
    next_id = defaultdict(lambda: 1)

    def add(level: str, parent: int | None, position: int, node: dict) -> int:
        lv = LEVELS[level]
        item_id = next_id[level]
        next_id[level] += 1
        values = [check_text(str(node.get(f, "") or "")) for f in lv.fields]
        extra = [int(bool(node.get("target_waktu_manual")))] if level == "aksi" else []
        head = [item_id, position] if lv.parent is None else [item_id, parent, position]
        rows[level].append(tuple(head + values + extra))
        return item_id

    for a_pos, area in enumerate(plan.get("area", [])):
        area_id = add("area", None, a_pos, area)
        for k_pos, komponen in enumerate(area.get("komponen", [])):
            k_id = add("komponen", area_id, k_pos, komponen)
            for i_pos, indikator in enumerate(komponen.get("indikator", [])):
                i_id = add("indikator", k_id, i_pos, indikator)
                for x_pos, aksi in enumerate(indikator.get("aksi", [])):
                    x_id = add("aksi", i_id, x_pos, aksi)
                    months.extend((x_id, m) for m in sorted(set(aksi.get("bulan", []))))
                    realisasi.extend(realisasi_rows(x_id, aksi, period))
    for level in ORDER:
        lv = LEVELS[level]
        cols = (["id", "urutan"] if lv.parent is None else ["id", "induk", "urutan"]) + list(lv.fields)
        if level == "aksi":
            cols.append("target_waktu_manual")
        if rows[level]:
            conn.executemany(f"INSERT INTO {level} ({', '.join(cols)}) VALUES "
                             f"({', '.join('?' for _ in cols)})", rows[level])
    conn.executemany("INSERT INTO jadwal (aksi, bulan) VALUES (?, ?)", months)
    pemantauan_store.insert_realisasi(conn, realisasi)
    keputusan_store.write(conn, plan.get("keputusan"))
    from .lke.store import write_lke
    write_lke(conn, plan)


_Items = dict[int | None, list[tuple[int, dict]]]   # {parent id: [(id, fields)]} of one level


def _items(conn: sqlite3.Connection, level: str, *, ids: bool = False,
           monitoring: "pemantauan_store.Monitoring | None" = None) -> _Items:
    """{parent id: [(id, fields)]} of one level, in order under each parent (areas under None).
    A langkah aksi's fields hold ``target_waktu_manual`` and ``bulan`` (its sorted months, read
    in the same statement) too. The window's tree and grid are built from this at start: one
    zip per row."""
    lv = LEVELS[level]
    parent = "NULL" if lv.parent is None else "induk"
    extra = ""
    if level == "aksi":   # its months in jadwal's key order (aksi, bulan): sorted; "YYYY-MM" has no space
        extra = ", target_waktu_manual, (SELECT group_concat(bulan, ' ') FROM jadwal WHERE aksi = aksi.id)"
    cur = conn.execute(f"SELECT {parent}, id, {', '.join(lv.fields)}{extra} FROM {level} "
                       f"ORDER BY {parent}, urutan")
    keys, start = (("id", *lv.fields), 1) if ids else (lv.fields, 2)
    grouped: dict = defaultdict(list)
    if level != "aksi":
        for r in cur:
            grouped[r[0]].append((r[1], dict(zip(keys, r[start:]))))
        return grouped
    for r in cur:
        node = dict(zip(keys, r[start:-2]))
        node["target_waktu_manual"] = bool(r[-2])
        node["bulan"] = r[-1].split() if r[-1] else []
        if monitoring is not None:
            monitoring.fill(r[1], node)
        grouped[r[0]].append((r[1], node))
    return grouped


def outline_from_connection(conn: sqlite3.Connection) -> dict[str, _Items]:
    """The plan's items by level (``_items``) without the plan dict around them: no identity,
    decree, LKE or monitoring, no nested copy — what the window's tree is built from."""
    return {level: _items(conn, level) for level in ORDER}


def plan_from_connection(conn: sqlite3.Connection, *, ids: bool = False, pemantauan: bool = True) -> dict:
    cur = conn.execute("SELECT * FROM rencana WHERE id = 1")
    rencana = identitas_from_row(dict(zip([d[0] for d in cur.description], cur.fetchone())))
    monitoring = pemantauan_store.Monitoring(conn, ids=ids) if pemantauan else None
    tree = {level: _items(conn, level, ids=ids, monitoring=monitoring) for level in ORDER}
    areas = []
    for pos, (area_id, area) in enumerate(tree["area"][None], 1):
        node = {"id": area["id"]} if ids else {}
        node.update(kode=romawi(pos), **{k: v for k, v in area.items() if k != "id"})
        node["komponen"] = []
        for k_id, komponen in tree["komponen"].get(area_id, []):
            komponen["indikator"] = []
            for i_id, indikator in tree["indikator"].get(k_id, []):
                indikator["aksi"] = [aksi for _x, aksi in tree["aksi"].get(i_id, [])]
                komponen["indikator"].append(indikator)
            node["komponen"].append(komponen)
        areas.append(node)
    plan = {"rencana": rencana, "area": areas, "keputusan": keputusan_store.read(conn)}
    from .lke.store import add_to_plan
    add_to_plan(conn, plan)
    return plan


# --- helpers --------------------------------------------------------------------------

def _writable(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _recover(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        pass  # validation reports it
    finally:
        conn.close()


def _passes_guard(tmp: Path, path: Path) -> None:
    """What we are about to name ``path`` passes the same guard every open applies (a plan
    beyond the bounds — an import of 200 areas, months decades away — is said now, not
    refused as "diubah di luar ZI Desktop" the next time it is opened)."""
    try:
        fileguard.validate(tmp)
    except errors.BerkasDitolak as err:
        why = getattr(err, "rincian", "isinya tidak dapat diperiksa")
        raise ZiError(f"Rencana tidak disimpan ke \"{path}\": isinya melampaui batas yang dapat "
                      f"diolah ZI Desktop ({why}).") from None
def _migrated_copy(path: Path, version: int) -> Path:
    """A temp copy of an older file brought to the current format (for read-only opening)."""
    folder = Path(tempfile.mkdtemp(prefix="zi-baca-"))
    copy = folder / path.name
    src = fileguard.connect_readonly(path)
    dst = sqlite3.connect(str(copy), isolation_level=None)
    try:
        src.backup(dst)
        _configure(dst)
        migrate(dst, _now())
    except BaseException:
        dst.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        src.close()
    dst.close()
    return copy


def _backup_and_migrate(path: Path, version: int) -> None:
    """An older file: keep a copy beside it, then migrate it in place."""
    backup = path.with_name(f"{path.stem}.cadangan-format{version}{path.suffix}")
    n = 2
    while backup.exists():
        backup = path.with_name(f"{path.stem}.cadangan-format{version}-{n}{path.suffix}")
        n += 1
    with atomic.write_beside(backup, overwrite=False) as tmp:  # a whole backup, or none
        shutil.copy2(path, tmp)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        _configure(conn)
        migrate(conn, _now())
        record_event(conn, "diperbarui", f"format {version} → {current_version()}; cadangan: {backup.name}")
        if conn.execute("PRAGMA page_size").fetchone()[0] != PAGE_SIZE:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")   # takes effect with the VACUUM
            conn.execute("VACUUM")
    finally:
        conn.close()


__all__ = ["Dokumen", "APPLICATION_ID", "write_plan", "plan_from_connection"]
