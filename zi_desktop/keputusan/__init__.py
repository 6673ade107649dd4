"""The decree body around the Lampiran table: Menimbang, Mengingat, Memperhatikan, the diktum
(KESATU …) and the Lampiran's chapters (BAB I …) — stored (:mod:`.store`), edited
(:mod:`.edits`), labelled (:mod:`.labels`), started from a template (:mod:`.template`),
printed whole (:mod:`.pdf`) and exported to Word (:mod:`.docx`). No Qt here.

Plan-dict key (the ``dump`` JSON; stable)::

    "keputusan": {"menimbang": ["bahwa …;"], "mengingat": ["Undang-Undang …;"],
                  "memperhatikan": [], "diktum": ["Menetapkan …", "Keputusan ini …"],
                  "bab": [{"judul": "PENDAHULUAN", "isi": "paragraf\\nparagraf"}],
                  "menetapkan": "KEPUTUSAN … TENTANG …"}

``menetapkan`` is the decree's "Menetapkan :" as written ("" = printed from the title).
"""

BAGIAN = ("menimbang", "mengingat", "memperhatikan", "diktum")
BAB = "bab"
MENETAPKAN = "menetapkan"


def empty() -> dict:
    """An empty decree body (what a plan without one holds)."""
    return {**{b: [] for b in BAGIAN}, BAB: [], MENETAPKAN: ""}
