"""Every change to a plan is one of these small commands, run by ``Dokumen.apply``.

Each has ``do`` and ``undo``; both run inside one transaction opened by the document
and return the ``Change`` list that tells views exactly what moved. Redo after undo
reuses the same row ids, so an undo stack of later edits stays valid.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .errors import ZiError
from .bounds import MAX_BARIS
from .columns import TEKS, check, month_window, period_problem, valid_month
from .migrations import rule_of
from .model import LEVELS, RENCANA_BOOL, RENCANA_INT, RENCANA_KOLOM, Level, nilai_ke_kolom


@dataclass(frozen=True)
class Change:
    """What one edit changed, so each view refreshes only that."""

    kind: str                    # "insert" | "remove" | "update" | "move" | "identitas"
    level: str | None = None
    id: int | None = None
    parent: int | None = None    # insert/remove: the parent; move: the new parent
    row: int | None = None       # insert/remove: the position; move: the new position
    old_parent: int | None = None
    old_row: int | None = None
    fields: tuple[str, ...] = ()


class Edit:
    label = "Ubah"

    def do(self, conn: sqlite3.Connection) -> list[Change]:
        raise NotImplementedError

    def undo(self, conn: sqlite3.Connection) -> list[Change]:
        raise NotImplementedError


# --- small SQL helpers shared by the edits -------------------------------------------

def _parent_clause(level: Level, parent: int | None) -> tuple[str, tuple]:
    if level.parent is None:
        return "1 = 1", ()
    return "induk = ?", (parent,)


def _count(conn, level: Level, parent: int | None) -> int:
    where, args = _parent_clause(level, parent)
    return conn.execute(f"SELECT count(*) FROM {level.name} WHERE {where}", args).fetchone()[0]


def _shift(conn, level: Level, parent: int | None, start: int, delta: int) -> None:
    """Move siblings at positions >= start by delta (open or close a gap)."""
    where, args = _parent_clause(level, parent)
    conn.execute(f"UPDATE {level.name} SET urutan = urutan + ? WHERE {where} AND urutan >= ?",
                 (delta, *args, start))


def _locate(conn, level: Level, item_id: int) -> tuple[int | None, int]:
    cols = "urutan" if level.parent is None else "induk, urutan"
    row = conn.execute(f"SELECT {cols} FROM {level.name} WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise ZiError(f"{level.label} yang dimaksud tidak ada lagi dalam rencana.")
    return (None, row[0]) if level.parent is None else (row[0], row[1])


def check_text(value) -> str:
    """A text field's value as the guard would accept it (``columns.TEKS``)."""
    return check(TEKS, value)


def _level(name: str) -> Level:
    try:
        return LEVELS[name]
    except KeyError:
        raise ValueError(f"unknown level {name!r}") from None


# --- the edits -------------------------------------------------------------------------

class AddItem(Edit):
    """Add one item (empty or with values) under ``parent`` at ``position`` (None: at the end)."""

    def __init__(self, level: str, parent: int | None, position: int | None = None,
                 values: dict | None = None, months: list[str] | None = None) -> None:
        self.level = _level(level)
        self.parent = parent
        self.position = position
        self.values = {k: check_text(v) for k, v in (values or {}).items()}
        unknown = set(self.values) - set(self.level.fields) - {"target_waktu_manual"}
        if unknown:
            raise ValueError(f"unknown fields {unknown}")
        self.months = sorted(set(months or []))
        self.id: int | None = None
        self.label = f"Tambah {self.level.label.lower()}"

    def do(self, conn):
        lv = self.level
        if lv.parent is not None:
            if conn.execute(f"SELECT 1 FROM {lv.parent} WHERE id = ?", (self.parent,)).fetchone() is None:
                raise ZiError(f"{LEVELS[lv.parent].label} induknya tidak ada lagi dalam rencana.")
        limit = MAX_BARIS[lv.name]
        if conn.execute(f"SELECT count(*) >= ? FROM {lv.name}", (limit,)).fetchone()[0]:
            raise ZiError(f"Rencana sudah memuat {limit:,} {lv.label.lower()}, batas yang dapat "
                          "diolah; tidak ditambah.".replace(",", "."))
        _months_in_window(conn, self.months)
        count = _count(conn, lv, self.parent)
        pos = count if self.position is None else max(0, min(self.position, count))
        self.position = pos
        _shift(conn, lv, self.parent, pos, 1)
        cols = dict(self.values, urutan=pos)
        if lv.parent is not None:
            cols["induk"] = self.parent
        if self.id is not None:
            cols["id"] = self.id
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        cur = conn.execute(f"INSERT INTO {lv.name} ({names}) VALUES ({marks})", tuple(cols.values()))
        self.id = cur.lastrowid
        if self.months:
            conn.executemany("INSERT INTO jadwal (aksi, bulan) VALUES (?, ?)",
                             [(self.id, m) for m in self.months])
        return [Change("insert", lv.name, self.id, self.parent, pos)]

    def undo(self, conn):
        conn.execute(f"DELETE FROM {self.level.name} WHERE id = ?", (self.id,))
        _shift(conn, self.level, self.parent, self.position + 1, -1)
        return [Change("remove", self.level.name, self.id, self.parent, self.position)]


class DeleteItem(Edit):
    """Delete an item with everything beneath it; undo restores all of it, ids and order."""

    def __init__(self, level: str, item_id: int) -> None:
        self.level = _level(level)
        self.id = item_id
        self.snapshot: list[tuple[str, list[str], list[tuple]]] = []
        self.label = f"Hapus {self.level.label.lower()}"

    def do(self, conn):
        lv = self.level
        self.parent, self.position = _locate(conn, lv, self.id)
        self.snapshot = _snapshot(conn, lv, self.id)
        conn.execute(f"DELETE FROM {lv.name} WHERE id = ?", (self.id,))
        _shift(conn, lv, self.parent, self.position + 1, -1)
        return [Change("remove", lv.name, self.id, self.parent, self.position)]

    def undo(self, conn):
        _shift(conn, self.level, self.parent, self.position, 1)
        for entry in self.snapshot:
            if not isinstance(entry, tuple):  # evidence bytes kept on disk (pemantauan.store.Stash)
                entry.restore(conn)
                continue
            table, columns, rows = entry
            marks = ", ".join("?" for _ in columns)
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        return [Change("insert", self.level.name, self.id, self.parent, self.position)]


def _snapshot(conn, level: Level, item_id: int) -> list[tuple[str, list[str], list[tuple]]]:
    """Rows of the item and all its descendants (top-down), and their months."""
    out = []
    ids = [item_id]
    lv: Level | None = level
    key = "id"
    while lv is not None and ids:
        rows, columns = _select_in(conn, lv.name, key, ids)
        out.append((lv.name, columns, rows))
        last = lv
        ids = [r[columns.index("id")] for r in rows]
        lv = LEVELS[lv.child] if lv.child else None
        key = "induk"
    if last.name == "aksi" and ids:
        rows, columns = _select_in(conn, "jadwal", "aksi", ids)
        out.append(("jadwal", columns, rows))
        from .pemantauan.store import snapshot_rows
        out.extend(snapshot_rows(conn, ids, _select_in))
    return out


def _select_in(conn, table: str, key: str, ids: list[int]) -> tuple[list[tuple], list[str]]:
    rows: list[tuple] = []
    columns: list[str] = []
    for start in range(0, len(ids), 900):  # stay far below SQLite's variable limit
        chunk = ids[start:start + 900]
        marks = ", ".join("?" for _ in chunk)
        cur = conn.execute(f"SELECT * FROM {table} WHERE {key} IN ({marks})", chunk)
        columns = [d[0] for d in cur.description]
        rows.extend(cur.fetchall())
    return rows, columns


class SetField(Edit):
    """Change one text field of an item (the target waktu text has its own edit)."""

    def __init__(self, level: str, item_id: int, name: str, value: str) -> None:
        self.level = _level(level)
        if name not in self.level.fields or name == "target_waktu":
            raise ValueError(f"{name!r} is not a plain field of {level}")
        self.id, self.name, self.value = item_id, name, check_text(value)
        self.old: str | None = None
        self.label = f"Ubah {self.level.label.lower()}"

    def _set(self, conn, value):
        cur = conn.execute(f"UPDATE {self.level.name} SET {self.name} = ? WHERE id = ?",
                           (value, self.id))
        if cur.rowcount != 1:
            raise ZiError(f"{self.level.label} yang dimaksud tidak ada lagi dalam rencana.")
        return [Change("update", self.level.name, self.id, fields=(self.name,))]

    def do(self, conn):
        self.old = conn.execute(f"SELECT {self.name} FROM {self.level.name} WHERE id = ?",
                                (self.id,)).fetchone()[0]
        return self._set(conn, self.value)

    def undo(self, conn):
        return self._set(conn, self.old)


# plan-dict key of "rencana" ("cetak.kertas") → its column in table rencana
_KOLOM_OF_KEY = {key: column for column, key in RENCANA_KOLOM.items()}


class SetIdentitas(Edit):
    """Change fields of the plan's identity and print settings (one dialog = one step).
    Keys are the plan dict's: ``{"nomor": "14", "cetak.kertas": "A4", "salinan.nama": …}``;
    the ``Change`` names the same keys."""

    label = "Ubah identitas rencana"

    def __init__(self, values: dict) -> None:
        unknown = set(values) - set(_KOLOM_OF_KEY)
        if unknown:
            raise ValueError(f"unknown identity keys {unknown}")
        self.values = {}
        for name, value in values.items():
            key = _KOLOM_OF_KEY[name]
            if key in RENCANA_INT or key in RENCANA_BOOL:
                value = int(value)
            else:
                try:
                    value = nilai_ke_kolom(key, value)
                except ValueError:
                    raise ZiError("Nilai identitas rencana tidak sah (pilihan cetak).") from None
            self.values[key] = value
        self.old: dict | None = None

    def _write(self, conn, values):
        sets = ", ".join(f"{k} = ?" for k in values)
        try:
            conn.execute(f"UPDATE rencana SET {sets} WHERE id = 1", tuple(values.values()))
        except sqlite3.IntegrityError:
            raise ZiError("Nilai identitas rencana tidak sah (tahun, jumlah bulan atau pilihan cetak).") from None
        why = period_problem(conn)
        if why:  # the file would no longer pass the guard
            raise ZiError(f"Tahun atau periode ini tidak dapat dipakai: {why}.")
        return [Change("identitas", fields=tuple(RENCANA_KOLOM[c] for c in values))]

    def do(self, conn):
        for key, value in self.values.items():  # the guard's rules, said when the edit runs
            check(rule_of("rencana", key), value, "Identitas rencana")
        cols = ", ".join(self.values)
        row = conn.execute(f"SELECT {cols} FROM rencana WHERE id = 1").fetchone()
        self.old = dict(zip(self.values, row))
        return self._write(conn, self.values)

    def undo(self, conn):
        return self._write(conn, self.old)


class MoveItem(Edit):
    """Move an item to ``position`` among the children of ``new_parent`` (same level)."""

    def __init__(self, level: str, item_id: int, new_parent: int | None, position: int) -> None:
        self.level = _level(level)
        self.id, self.new_parent, self.new_position = item_id, new_parent, position
        self.label = f"Pindahkan {self.level.label.lower()}"

    def _move(self, conn, parent, position):
        lv = self.level
        old_parent, old_position = _locate(conn, lv, self.id)
        if lv.parent is not None and conn.execute(
                f"SELECT 1 FROM {lv.parent} WHERE id = ?", (parent,)).fetchone() is None:
            raise ZiError(f"{LEVELS[lv.parent].label} tujuan tidak ada dalam rencana.")
        _shift(conn, lv, old_parent, old_position + 1, -1)
        conn.execute(f"UPDATE {lv.name} SET urutan = -1 WHERE id = ?", (self.id,))
        count = _count(conn, lv, parent) - (1 if old_parent == parent else 0)
        position = max(0, min(position, count))
        _shift(conn, lv, parent, position, 1)
        if lv.parent is None:
            conn.execute("UPDATE area SET urutan = ? WHERE id = ?", (position, self.id))
        else:
            conn.execute(f"UPDATE {lv.name} SET urutan = ?, induk = ? WHERE id = ?",
                         (position, parent, self.id))
        return old_parent, old_position, position

    def do(self, conn):
        self.old_parent, self.old_position, self.new_position = self._move(
            conn, self.new_parent, self.new_position)
        return [Change("move", self.level.name, self.id, self.new_parent, self.new_position,
                       self.old_parent, self.old_position)]

    def undo(self, conn):
        self._move(conn, self.old_parent, self.old_position)
        return [Change("move", self.level.name, self.id, self.old_parent, self.old_position,
                       self.new_parent, self.new_position)]


def _months_in_window(conn, months) -> None:
    """Planned months inside the years the plan may use (``columns.month_window``)."""
    if not months:
        return
    lo, hi = month_window(_period(conn)[0])
    if not all(lo <= int(m[:4]) <= hi for m in months):
        raise ZiError(f"Bulan jadwal harus berada di antara tahun {lo} dan {hi}.")


def _period(conn) -> tuple[int, str, int]:
    return conn.execute("SELECT tahun, bulan_mulai, jumlah_bulan FROM rencana WHERE id = 1").fetchone()


def _aksi_schedule(conn, aksi_id: int) -> tuple[list[str], str, int]:
    row = conn.execute("SELECT target_waktu, target_waktu_manual FROM aksi WHERE id = ?",
                       (aksi_id,)).fetchone()
    if row is None:
        raise ZiError("Langkah aksi yang dimaksud tidak ada lagi dalam rencana.")
    months = [m for (m,) in conn.execute(
        "SELECT bulan FROM jadwal WHERE aksi = ? ORDER BY bulan", (aksi_id,))]
    return months, row[0], row[1]


def _write_schedule(conn, aksi_id: int, months: list[str], text: str, manual: int) -> list[Change]:
    conn.execute("DELETE FROM jadwal WHERE aksi = ?", (aksi_id,))
    conn.executemany("INSERT INTO jadwal (aksi, bulan) VALUES (?, ?)", [(aksi_id, m) for m in months])
    conn.execute("UPDATE aksi SET target_waktu = ?, target_waktu_manual = ? WHERE id = ?",
                 (text, manual, aksi_id))
    return [Change("update", "aksi", aksi_id, fields=("bulan", "target_waktu", "target_waktu_manual"))]


class _ScheduleEdit(Edit):
    def __init__(self, aksi_id: int) -> None:
        self.id = aksi_id
        self.old: tuple | None = None

    def do(self, conn):
        self.old = _aksi_schedule(conn, self.id)
        return _write_schedule(conn, self.id, *self.new_schedule(conn, *self.old))

    def undo(self, conn):
        return _write_schedule(conn, self.id, *self.old)

    def new_schedule(self, conn, months, text, manual) -> tuple[list[str], str, int]:
        raise NotImplementedError


class SetMonths(_ScheduleEdit):
    """Set the planned months; the Target Waktu text follows unless it is manual."""

    label = "Ubah jadwal"

    def __init__(self, aksi_id: int, months) -> None:
        super().__init__(aksi_id)
        self.months = sorted(set(months))
        for m in self.months:
            if not valid_month(m):
                raise ValueError(f"bad month {m!r}")

    def new_schedule(self, conn, months, text, manual):
        from .schedule import format_target_waktu
        _months_in_window(conn, self.months)
        return self.months, (text if manual else format_target_waktu(self.months)), manual


class SetTargetWaktu(_ScheduleEdit):
    """The user writes the Target Waktu text: months follow when the text is understood.

    Text that differs from what the months would print becomes manual (kept as written);
    an empty text ends that and prints the months again.
    """

    label = "Ubah target waktu"

    def __init__(self, aksi_id: int, text: str) -> None:
        super().__init__(aksi_id)
        self.text = check_text(text).strip()

    def new_schedule(self, conn, months, text, manual):
        from .schedule import format_target_waktu, parse_target_waktu
        if not self.text:
            return months, format_target_waktu(months), 0
        tahun, mulai, jumlah = _period(conn)
        parsed = parse_target_waktu(self.text, tahun, mulai, jumlah)
        lo, hi = month_window(tahun)
        if parsed.recognized and all(lo <= int(m[:4]) <= hi for m in parsed.months):
            months = parsed.months  # (months far from the plan's years stay as they were)
        return months, self.text, int(self.text != format_target_waktu(months))


class SetTargetWaktuManual(_ScheduleEdit):
    """Keep the Target Waktu text as written (``target_waktu_manual``), or let it follow the
    months again (which prints them at once)."""

    label = "Ubah target waktu"

    def __init__(self, aksi_id: int, manual: bool) -> None:
        super().__init__(aksi_id)
        self.manual = bool(manual)

    def new_schedule(self, conn, months, text, manual):
        from .schedule import format_target_waktu
        return months, (text if self.manual else format_target_waktu(months)), int(self.manual)


@dataclass
class Batch(Edit):
    """Several edits as one undo step (e.g. paste, fill a column)."""

    edits: list[Edit] = field(default_factory=list)
    label: str = "Ubah"

    def do(self, conn):
        return [c for e in self.edits for c in e.do(conn)]

    def undo(self, conn):
        return [c for e in reversed(self.edits) for c in e.undo(conn)]
