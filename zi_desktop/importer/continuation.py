"""A row at the top of a page: the rest of cells cut by the page break, or a new row?

Decided by evidence, cell by cell, against the text it would continue:

- for a join: the langkah aksi cell is empty (a new row has one), the fragment starts with a
  lower-case word ("mendekatkan pelayanan …"), or
  continues the numbering of the list above ("2. Buku tamu" under "1. Publikasi …"), or the
  text above ends mid-sentence ("… unit kerja lain dan", a comma, a hyphen);
- for a new row: the fragment starts with a capital or starts a list afresh ("1. …") while the
  text above ends as a finished phrase; an indikator cell of its own is strong evidence.

A tie (or no evidence at all) joins, as before, but the report marks the join as a doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import columns as C
from .cells import strip_markup

_CONNECTOR = re.compile(
    r"(?:[,\-–/(&]|\b(?:dan|atau|serta|yang|di|ke|dari|untuk|dengan|pada|dalam|oleh|secara|"
    r"bagi|terhadap|sesuai|melalui|tentang|para|antar|antara|sebagai|agar|telah|akan|"
    r"kepada|atas|per|se|dan/atau|maupun|baik|berupa|terkait|mengenai|setiap|seluruh))\s*$",
    re.I)
_ACRONYM = re.compile(r"^[A-Z0-9]{2,}\b(?![a-z])")
_LIST_NUMBER = re.compile(r"^(\d{1,3}|[a-z])[.)]\s")
_LAST_NUMBER = re.compile(r"(?:^|\s|<br\s*/?>|<li>)(\d{1,3}|[a-z])[.)]\s+\S[^\n]*$", re.I | re.S)

_NAMES = {C.KOMPONEN: "komponen", C.INDIKATOR: "indikator", C.LANGKAH: "langkah aksi",
          C.BUKTI: "bukti fisik", C.CAPAIAN: "target capaian", C.PJ: "penanggung jawab",
          C.WAKTU: "target waktu"}
_ATTR = {C.KOMPONEN: (2, "nama"), C.INDIKATOR: (1, "teks"), C.LANGKAH: (0, "langkah"),
         C.BUKTI: (0, "bukti"), C.CAPAIAN: (0, "capaian"), C.PJ: (0, "pj"), C.WAKTU: (0, "waktu")}


@dataclass
class Verdict:
    join: bool
    sure: bool          # the evidence agreed; False: a tie the user should look at
    names: str          # "langkah aksi, bukti fisik"
    why: str            # the evidence, in words


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def decide(last: tuple, fragments: dict[str, str]) -> Verdict:
    """``last`` = (aksi, indikator, komponen) above; ``fragments`` = field → raw cell text."""
    join = new = 0
    reasons: list[str] = []
    if C.LANGKAH not in fragments and last[0] is not None:
        join += 3                   # a new row has its langkah aksi; a cut one may not
        reasons.append("sel langkah aksi kosong")
    for name, raw in fragments.items():
        index, attr = _ATTR[name]
        owner = last[index]
        above = strip_markup(getattr(owner, attr, "") if owner is not None else "")
        text = strip_markup(raw)
        if not text:
            continue
        first = text[0]
        m = _LIST_NUMBER.match(text)
        if m:
            prev = _LAST_NUMBER.search(above)
            if prev and _next_label(prev.group(1).lower()) == m.group(1).lower():
                join += 1
                reasons.append(f"nomor {m.group(1)} melanjutkan daftar di atasnya")
            elif m.group(1) in ("1", "a"):
                new += 1
                reasons.append("daftar baru dimulai")
            continue
        if _CONNECTOR.search(above):
            join += 1
            reasons.append("teks di atasnya terputus di tengah kalimat")
        elif first.islower():
            join += 1
            reasons.append("diawali huruf kecil")
        elif _ACRONYM.match(text):
            continue                # "SDM, dan …": an acronym says nothing
        elif first.isupper():
            new += 2 if name == C.INDIKATOR else 1
            reasons.append("diawali huruf kapital")
    names = ", ".join(_NAMES[n] for n in fragments)
    why = "; ".join(dict.fromkeys(reasons)) or "tanpa petunjuk"
    if join > new:
        return Verdict(True, new == 0, names, why)
    if new > join:
        return Verdict(False, True, names, why)
    return Verdict(True, False, names, why)


def same_row(aksi, fields: dict[str, str], marks: list) -> bool:
    """The row repeats the langkah aksi above cell for cell (printed on both sides of a break)."""
    langkah = strip_markup(fields.get(C.LANGKAH, ""))
    if not langkah or langkah != strip_markup(aksi.langkah):
        return False
    for name, attr in ((C.BUKTI, "bukti"), (C.WAKTU, "waktu"), (C.CAPAIAN, "capaian")):
        if strip_markup(fields.get(name, "")) != strip_markup(getattr(aksi, attr)):
            return False
    return sorted(marks) == sorted(aksi.marks)
