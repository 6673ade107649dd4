"""Random sequences of edits and undos keep the tree consistent; undoing everything
returns the exact starting dump (ids included)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from zi_desktop.document import Dokumen
from zi_desktop.edits import AddItem, DeleteItem, MoveItem, SetField, SetMonths
from zi_desktop.errors import ZiError
from zi_desktop.model import LEVELS, ORDER

from plans import small_plan

step = st.tuples(st.sampled_from(["add", "delete", "move", "field", "months", "undo"]),
                 st.sampled_from(ORDER), st.integers(0, 50), st.integers(0, 50),
                 st.sampled_from(["", "teks ≥ 85", "“kutip” & <b>", "baris\nbaru"]))


def consistent(doc: Dokumen) -> None:
    """Siblings numbered 0..n-1 and every child has its parent."""
    for level in ORDER:
        lv = LEVELS[level]
        group = "0" if lv.parent is None else "induk"
        for (orders,) in doc.conn.execute(
                f"SELECT group_concat(urutan) FROM (SELECT {group} g, urutan FROM {level} ORDER BY urutan) GROUP BY g"):
            assert sorted(int(o) for o in orders.split(",")) == list(range(len(orders.split(","))))
    assert doc.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert doc.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def pick(doc, level, n):
    ids = [r[0] for r in doc.conn.execute(f"SELECT id FROM {level} ORDER BY id")]
    return ids[n % len(ids)] if ids else None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(step, max_size=30))
def test_random_edits_and_undo_all(steps):
    with tempfile.TemporaryDirectory() as folder:
        doc = Dokumen.create_from_plan(Path(folder) / "r.zidb", small_plan())
        try:
            start = doc.to_dict(ids=True)
            done = []
            for kind, level, a, b, text in steps:
                lv = LEVELS[level]
                edit = None
                if kind == "undo":
                    if done:
                        doc.revert(done.pop())
                    continue
                if kind == "add":
                    parent = None if lv.parent is None else pick(doc, lv.parent, a)
                    if lv.parent is None or parent is not None:
                        edit = AddItem(level, parent, b % 5, {lv.title: text})
                elif kind == "delete" and (item := pick(doc, level, a)) is not None:
                    edit = DeleteItem(level, item)
                elif kind == "move" and (item := pick(doc, level, a)) is not None:
                    parent = None if lv.parent is None else pick(doc, lv.parent, b)
                    edit = MoveItem(level, item, parent, b % 4)
                elif kind == "field" and (item := pick(doc, level, a)) is not None:
                    edit = SetField(level, item, lv.title, text)
                elif kind == "months" and (item := pick(doc, "aksi", a)) is not None:
                    edit = SetMonths(item, [f"2025-{m:02d}" for m in range(1 + b % 12, 13, 1 + a % 4)])
                if edit is None:
                    continue
                try:
                    doc.apply(edit)
                except ZiError:
                    continue
                done.append(edit)
                consistent(doc)
            while done:
                doc.revert(done.pop())
            consistent(doc)
            assert doc.to_dict(ids=True) == start
        finally:
            doc.close()
