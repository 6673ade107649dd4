"""The import report as the user's checklist: every repair and every doubt, with its place.

While rows are read, a note is tied to the tree node it concerns (an :class:`~.tree.Area`,
``Komponen``, ``Indikator`` or ``Aksi``) or only to a source line; when the plan is built
(:mod:`.finish`) each node gets its path ``I.2.3.1`` (area, komponen, indikator, langkah aksi —
the same path ``check`` prints), so the window can jump to the item.

    Catatan(jenis="perbaikan" | "keraguan", pesan="…", jalur="I.2.3.1", level="aksi", baris=397)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass

PERBAIKAN = "perbaikan"     # the importer changed what the source says (joined, filled, dropped)
KERAGUAN = "keraguan"       # the source looks wrong or incomplete; the user should look


@dataclass
class Catatan:
    jenis: str
    pesan: str
    jalur: str = ""         # "I.2.3.1"; "" = the decree as a whole
    level: str = ""         # "area" | "komponen" | "indikator" | "aksi" | ""
    baris: int = 0          # line (or row) in the source; 0 = unknown

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        """One line for the command line and the plain-text report."""
        where = f"{self.jalur}: " if self.jalur else ""
        return f"[{self.jenis}] {where}{self.pesan}"


@dataclass
class Note:
    """A note while reading: tied to a tree node (resolved to its path later) or a line."""
    jenis: str
    pesan: str
    node: object = None
    line: int = 0


_LINE = re.compile(r"^Baris (\d+):\s*")


class Places:
    """Tree nodes → their path, and source lines → the nearest item at or above them."""

    def __init__(self) -> None:
        self.by_node: dict[int, tuple[str, str]] = {}
        self._lines: list[int] = []
        self._at: list[tuple[str, str]] = []

    def add(self, node, jalur: str, level: str) -> None:
        self.by_node[id(node)] = (jalur, level)
        line = getattr(node, "line", 0) or 0
        if line:
            k = bisect.bisect_right(self._lines, line)
            self._lines.insert(k, line)
            self._at.insert(k, (jalur, level))

    def of_line(self, line: int) -> tuple[str, str]:
        k = bisect.bisect_right(self._lines, line) - 1
        return self._at[k] if k >= 0 else ("", "")

    def resolve(self, note: Note) -> Catatan:
        jalur, level = ("", "")
        if note.node is not None and id(note.node) in self.by_node:
            jalur, level = self.by_node[id(note.node)]
        elif note.line:
            jalur, level = self.of_line(note.line)
        line = note.line or getattr(note.node, "line", 0) or 0
        return Catatan(note.jenis, note.pesan, jalur, level, line)

    def from_warning(self, text: str) -> Catatan:
        """An older "Baris N: …" warning → a doubt placed at the item of line N."""
        m = _LINE.match(text)
        if not m:
            return Catatan(KERAGUAN, text)
        line = int(m.group(1))
        jalur, level = self.of_line(line)
        return Catatan(KERAGUAN, text, jalur, level, line)


def item_at(plan: dict, jalur: str) -> tuple[str, int] | None:
    """(level, id) of the item at ``jalur`` ("II.3.1.2") in a plan dumped with ids
    (``Dokumen.to_dict(ids=True)``); None when the path does not lead to an item."""
    from .tree import roman_value
    parts = jalur.split(".") if jalur else []
    if not parts or roman_value(parts[0]) is None:
        return None
    try:
        area = plan["area"][roman_value(parts[0]) - 1]
        node, level = area, "area"
        for key, child_level, text in zip(("komponen", "indikator", "aksi"),
                                          ("komponen", "indikator", "aksi"), parts[1:]):
            index = int(text) - 1
            if index < 0:
                return None
            node, level = node[key][index], child_level
    except (IndexError, KeyError, ValueError):
        return None
    return (level, node["id"]) if "id" in node else None
