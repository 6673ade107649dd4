"""Edit commands for the decree body, the same protocol as :mod:`zi_desktop.edits`: ``do`` and
``undo`` run inside the one transaction ``Dokumen.apply`` opens and return ``Change`` lists.

A body change is ``Change("keputusan", level=<bagian or "bab">, id=<row id>, row=<position>,
old_row=<old position>, fields=(<action>,))`` with action "insert" | "remove" | "move" |
"update" | "replace"; the tree and the Jadwal ignore this kind, the Keputusan tab follows it.
The stored Menetapkan (``SetMenetapkan``) changes as ``Change("keputusan", "menetapkan",
fields=("update",))``.
Redo after undo reuses the row ids, so later edits on the stack stay valid.
"""

from __future__ import annotations

from ..edits import Change, Edit, check_text
from ..errors import ZiError
from . import BAB, BAGIAN, MENETAPKAN
from .store import TABLE_BAB, TABLE_BUTIR, menetapkan, set_menetapkan

LABEL = {"menimbang": "Menimbang", "mengingat": "Mengingat", "memperhatikan": "Memperhatikan",
         "diktum": "diktum", BAB: "bab"}


class _Target:
    """One list of the body: its table, the rows that belong to it, its text fields."""

    def __init__(self, bagian: str) -> None:
        if bagian == BAB:
            self.table, self.where, self.args, self.fields = TABLE_BAB, "1 = 1", (), ("judul", "isi")
        elif bagian in BAGIAN:
            self.table, self.where, self.args, self.fields = (TABLE_BUTIR, "bagian = ?",
                                                              (bagian,), ("teks",))
        else:
            raise ValueError(f"unknown part of the decree body {bagian!r}")
        self.bagian = bagian

    def values(self, value) -> dict:
        """A text (lists) or a dict of fields → checked column values."""
        if isinstance(value, str):
            value = {self.fields[0]: value}
        unknown = set(value) - set(self.fields)
        if unknown:
            raise ValueError(f"unknown fields {unknown}")
        return {k: check_text(v) for k, v in value.items()}

    def count(self, conn) -> int:
        return conn.execute(f"SELECT count(*) FROM {self.table} WHERE {self.where}",
                            self.args).fetchone()[0]

    def shift(self, conn, start: int, delta: int) -> None:
        conn.execute(f"UPDATE {self.table} SET urutan = urutan + ? WHERE {self.where} "
                     "AND urutan >= ?", (delta, *self.args, start))

    def locate(self, conn, item_id: int) -> int:
        row = conn.execute(f"SELECT urutan FROM {self.table} WHERE id = ? AND {self.where}",
                           (item_id, *self.args)).fetchone()
        if row is None:
            raise ZiError(f"Butir {LABEL[self.bagian]} yang dimaksud tidak ada lagi dalam "
                          "keputusan.")
        return row[0]

    def insert(self, conn, item_id: int | None, position: int, values: dict) -> int:
        cols = dict(values, urutan=position)
        if self.table == TABLE_BUTIR:
            cols["bagian"] = self.bagian
        if item_id is not None:
            cols["id"] = item_id
        cur = conn.execute(f"INSERT INTO {self.table} ({', '.join(cols)}) VALUES "
                           f"({', '.join('?' for _ in cols)})", tuple(cols.values()))
        return cur.lastrowid

    def rows(self, conn) -> list[tuple]:
        """(id, urutan, field…) of the whole list, for a snapshot."""
        return conn.execute(f"SELECT id, urutan, {', '.join(self.fields)} FROM {self.table} "
                            f"WHERE {self.where} ORDER BY urutan", self.args).fetchall()

    def change(self, action: str, item_id=None, row=None, old_row=None) -> Change:
        return Change("keputusan", self.bagian, item_id, row=row, old_row=old_row,
                      fields=(action,))


class AddBodyItem(Edit):
    """Add an item to a list (``bagian``) — a text, or {"judul", "isi"} for a chapter — at
    ``position`` (None: at the end)."""

    def __init__(self, bagian: str, position: int | None = None, value="") -> None:
        self.target = _Target(bagian)
        self.values = self.target.values(value)
        self.position = position
        self.id: int | None = None
        self.label = f"Tambah butir {LABEL[bagian]}"

    def do(self, conn):
        t = self.target
        count = t.count(conn)
        pos = count if self.position is None else max(0, min(self.position, count))
        self.position = pos
        t.shift(conn, pos, 1)
        self.id = t.insert(conn, self.id, pos, self.values)
        return [t.change("insert", self.id, pos)]

    def undo(self, conn):
        t = self.target
        conn.execute(f"DELETE FROM {t.table} WHERE id = ?", (self.id,))
        t.shift(conn, self.position + 1, -1)
        return [t.change("remove", self.id, self.position)]


class DeleteBodyItem(Edit):
    """Remove one item; undo puts it back with its id, text and place."""

    def __init__(self, bagian: str, item_id: int) -> None:
        self.target = _Target(bagian)
        self.id = item_id
        self.label = f"Hapus butir {LABEL[bagian]}"

    def do(self, conn):
        t = self.target
        self.position = t.locate(conn, self.id)
        row = conn.execute(f"SELECT {', '.join(t.fields)} FROM {t.table} WHERE id = ?",
                           (self.id,)).fetchone()
        self.values = dict(zip(t.fields, row))
        conn.execute(f"DELETE FROM {t.table} WHERE id = ?", (self.id,))
        t.shift(conn, self.position + 1, -1)
        return [t.change("remove", self.id, self.position)]

    def undo(self, conn):
        t = self.target
        t.shift(conn, self.position, 1)
        t.insert(conn, self.id, self.position, self.values)
        return [t.change("insert", self.id, self.position)]


class MoveBodyItem(Edit):
    """Move one item to ``position`` within its list."""

    def __init__(self, bagian: str, item_id: int, position: int) -> None:
        self.target = _Target(bagian)
        self.id, self.new_position = item_id, position
        self.label = f"Pindahkan butir {LABEL[bagian]}"

    def _move(self, conn, position: int) -> tuple[int, int]:
        t = self.target
        old = t.locate(conn, self.id)
        t.shift(conn, old + 1, -1)
        conn.execute(f"UPDATE {t.table} SET urutan = -1 WHERE id = ?", (self.id,))
        position = max(0, min(position, t.count(conn) - 1))
        t.shift(conn, position, 1)
        conn.execute(f"UPDATE {t.table} SET urutan = ? WHERE id = ?", (position, self.id))
        return old, position

    def do(self, conn):
        self.old_position, self.new_position = self._move(conn, self.new_position)
        return [self.target.change("move", self.id, self.new_position, self.old_position)]

    def undo(self, conn):
        self._move(conn, self.old_position)
        return [self.target.change("move", self.id, self.old_position, self.new_position)]


class SetBodyItem(Edit):
    """Change the text of an item (or a chapter's judul and/or isi)."""

    def __init__(self, bagian: str, item_id: int, value) -> None:
        self.target = _Target(bagian)
        self.id = item_id
        self.values = self.target.values(value)
        self.old: dict | None = None
        self.label = f"Ubah butir {LABEL[bagian]}"

    def _write(self, conn, values: dict):
        t = self.target
        t.locate(conn, self.id)
        conn.execute(f"UPDATE {t.table} SET {', '.join(f'{k} = ?' for k in values)} "
                     "WHERE id = ?", (*values.values(), self.id))
        return [t.change("update", self.id, t.locate(conn, self.id))]

    def do(self, conn):
        t = self.target
        t.locate(conn, self.id)
        row = conn.execute(f"SELECT {', '.join(self.values)} FROM {t.table} WHERE id = ?",
                           (self.id,)).fetchone()
        self.old = dict(zip(self.values, row))
        return self._write(conn, self.values)

    def undo(self, conn):
        return self._write(conn, self.old)


class ReplaceBody(Edit):
    """Replace whole lists at once (fill from the template, take over an imported body):
    ``body`` maps bagian → list of texts (chapters: list of {"judul", "isi"}). One undo step."""

    label = "Ganti isi keputusan"

    def __init__(self, body: dict) -> None:
        self.targets = [_Target(b) for b in body]
        self.new = {t.bagian: [t.values(v) for v in body[t.bagian]] for t in self.targets}
        self.snapshot: dict[str, list[tuple]] = {}
        self.ids: dict[str, list[int]] = {}

    def _clear(self, conn, t: _Target) -> None:
        conn.execute(f"DELETE FROM {t.table} WHERE {t.where}", t.args)

    def do(self, conn):
        changes = []
        for t in self.targets:
            self.snapshot[t.bagian] = t.rows(conn)
            self._clear(conn, t)
            old_ids = self.ids.get(t.bagian, [])
            ids = []
            for pos, values in enumerate(self.new[t.bagian]):
                ids.append(t.insert(conn, old_ids[pos] if pos < len(old_ids) else None, pos,
                                    values))
            self.ids[t.bagian] = ids
            changes.append(t.change("replace"))
        return changes

    def undo(self, conn):
        changes = []
        for t in self.targets:
            self._clear(conn, t)
            for item_id, pos, *fields in self.snapshot[t.bagian]:
                t.insert(conn, item_id, pos, dict(zip(t.fields, fields)))
            changes.append(t.change("replace"))
        return changes


class SetMenetapkan(Edit):
    """Change the decree's "Menetapkan :" text ("" = printed from the title)."""

    label = "Ubah Menetapkan"

    def __init__(self, text: str) -> None:
        self.text = check_text(" ".join(str(text).split()))
        self.old: str | None = None

    def _write(self, conn, text: str):
        set_menetapkan(conn, text)
        return [Change("keputusan", MENETAPKAN, None, fields=("update",))]

    def do(self, conn):
        self.old = menetapkan(conn)
        return self._write(conn, self.text)

    def undo(self, conn):
        return self._write(conn, self.old)
