"""Words printed in italics inside cells (``<i>``, ``<em>``; Word's italic runs arrive as
``<i>`` too) → ``rencana.cetak.kata_miring``: the plain words, so the Lampiran prints them in
italics wherever they occur while the cell text itself never holds markup."""

from __future__ import annotations

import re

from .cells import strip_markup

_ITALIC = re.compile(r"<(i|em)\b[^<>]{0,200}>(.{1,200}?)</\1\s*>", re.I | re.S)
_FIELDS = (("nama",), ("teks",), ("langkah", "bukti", "waktu", "capaian", "pj"))


def words_in(raw: str) -> list[str]:
    if "<" not in raw:
        return []
    out = []
    for m in _ITALIC.finditer(raw):
        word = strip_markup(m.group(2)).strip(" ,.;:")
        if word and len(word) <= 80:
            out.append(word)
    return out


def italic_words(areas) -> list[str]:
    seen: dict[str, None] = {}
    for area in areas:
        for komp in area.komponen:
            for w in words_in(komp.nama):
                seen.setdefault(w)
            for ind in komp.indikator:
                for w in words_in(ind.teks):
                    seen.setdefault(w)
                for a in ind.aksi:
                    for attr in _FIELDS[2]:
                        for w in words_in(getattr(a, attr)):
                            seen.setdefault(w)
    return sorted(seen, key=str.lower)
