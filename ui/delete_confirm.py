"""Del on an area or komponen that holds items asks first, naming what goes with it.

A slip of the Del key on an area would take dozens of langkah aksi along; Ctrl+Z brings
them back, but only if the user notices. The question names the numbers, so they do.
"""

from __future__ import annotations

from zi_desktop.document import Dokumen
from zi_desktop.model import LEVELS, ORDER

from . import dialogs_id

ASKS_FOR = ("area", "komponen")   # levels whose deletion takes other items along


def descendants(doc: Dokumen, level: str, item_id: int) -> dict[str, int]:
    """How many items of each lower level go with the item (levels in order)."""
    counts: dict[str, int] = {}
    parents = [item_id]
    child = LEVELS[level].child
    while child is not None and parents:
        ids = [row["id"] for p in parents for row in doc.children(child, p)]
        counts[child] = len(ids)
        parents, child = ids, LEVELS[child].child
    return {lv: counts[lv] for lv in ORDER if counts.get(lv)}


def what_goes(counts: dict[str, int]) -> str:
    """"3 komponen, 7 indikator, 13 langkah aksi"."""
    return ", ".join(f"{n} {LEVELS[lv].label.lower()}" for lv, n in counts.items())


def confirm_delete(parent, doc: Dokumen, level: str, item_id: int, heading: str, title: str) -> bool:
    """True when the item may go: it holds nothing, or the user said "Hapus".
    ``heading`` names it as the form does ("Area II"); ``title`` is its text."""
    if level not in ASKS_FOR:
        return True
    counts = descendants(doc, level, item_id)
    if not counts:
        return True
    name = " ".join(title.split())
    name = f" “{name[:60]}{'…' if len(name) > 60 else ''}”" if name else ""
    text = parent.tr("Hapus %s%s beserta %s?") % (heading[:1].lower() + heading[1:], name, what_goes(counts))
    answer = dialogs_id.choose(parent, parent.tr("Hapus"), text, [parent.tr("Batal"), parent.tr("Hapus")],
                               default=0, details=parent.tr("Ctrl+Z (Urungkan) mengembalikan semuanya."))
    return answer == 1
