"""One LKE answer: what the user may write for a question, and the value it scores.

Options are written as in the LKE (``Ya``/``Tidak``, ``A`` … ``E``); a numeric question takes a
ratio (``0.85``; 2 changes per agent of change is ``2``), a percentage (``85%``) or ``x/y``
(``17/20``), its value capped to 0–1; a survey index
(IPAK, IPKP) is 0–4. A decimal comma is accepted. "" means not answered yet (scores 0).
"""

from __future__ import annotations

import re

from ..errors import ZiError
from .data import HASIL, Lke, Pertanyaan

_ANGKA = r"-?\d+(?:[.,]\d+)?"
_RASIO = re.compile(rf"^\s*({_ANGKA})\s*/\s*({_ANGKA})\s*$")
_PERSEN = re.compile(rf"^\s*({_ANGKA})\s*%\s*$")
_BILANGAN = re.compile(rf"^\s*({_ANGKA})\s*$")
_KODE = re.compile(r"^\s*([IVXivx]+)\.(R?\d+|[Rr]\d+)\.([A-Za-z])\s*$")


def kode_baku(text: str) -> str:
    """How a user writes a code → the LKE's spelling ("v.2.B" → "V.2.b", "ipak" → "IPAK")."""
    text = (text or "").strip()
    if text.upper() in HASIL:
        return text.upper()
    m = _KODE.match(text)
    if m:
        return f"{m.group(1).upper()}.{m.group(2).upper()}.{m.group(3).lower()}"
    return text


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def normalize(q: Pertanyaan, text) -> str:
    """The answer as stored ("" kept as unanswered), or one Indonesian sentence."""
    if isinstance(text, bool):
        raise ZiError(f"Jawaban untuk {q.kode} harus berupa pilihan atau angka.")
    if isinstance(text, (int, float)):
        text = repr(float(text)) if not float(text).is_integer() else str(int(text))
    text = str(text or "").strip()
    if not text:
        return ""
    if q.pilihan:
        for kode, _nilai in q.pilihan:
            if text.casefold() == kode.casefold():
                return kode
        options = ", ".join(k for k, _ in q.pilihan)
        raise ZiError(f"Jawaban \"{text}\" tidak sah untuk {q.kode}; pilih salah satu: {options}.")
    if q.jenis == "indeks":
        m = _BILANGAN.match(text)
        if not m or not 0 <= _number(m.group(1)) <= 4:
            raise ZiError(f"Nilai {q.kode} \"{text}\" tidak sah; tulis indeks survei 0–4, misalnya 3,6.")
        return m.group(1).replace(",", ".")
    if _RASIO.match(text) or _PERSEN.match(text):
        m = _RASIO.match(text)
        if m and _number(m.group(2)) < 0:
            raise ZiError(f"Jawaban {q.kode} \"{text}\": penyebut tidak boleh negatif.")
        return re.sub(r"\s+", "", text).replace(",", ".")
    m = _BILANGAN.match(text)
    if m:   # the ratio itself; its value is capped to 0–1 like x/y
        return m.group(1).replace(",", ".")
    raise ZiError(f"Jawaban {q.kode} \"{text}\" tidak sah; tulis rasio (0,85), persen (85%) atau "
                  "x/y (misalnya 17/20).")


def value(q: Pertanyaan, stored: str, settings: dict[str, str]) -> float:
    """The score of a stored answer, 0–1 (a survey index: its share of the weight)."""
    if not stored:
        return 0.0
    if q.pilihan:
        for kode, nilai in q.pilihan:
            if kode == stored:
                return nilai
        return 0.0
    if q.jenis == "indeks":
        index = _number(stored)
        if settings.get("skala_survei") == "skala_1_sampai_4":
            return max(0.0, min(1.0, (index - 1) / 3))
        return max(0.0, min(1.0, index / 4))
    m = _RASIO.match(stored)
    if m:
        x, y = _number(m.group(1)), _number(m.group(2))
        if y == 0:
            return float(settings.get("nol_per_nol", "1")) if x == 0 else 1.0
        ratio = x / y
    else:
        p = _PERSEN.match(stored)
        ratio = _number(p.group(1)) / 100 if p else _number(stored)
    return max(0.0, min(1.0, ratio))


def parse_assignment(lke: Lke, text: str) -> tuple[str, str]:
    """``KODE=JAWABAN`` from the command line → (code, stored answer), or one sentence."""
    if "=" not in text:
        raise ZiError(f"\"{text}\" bukan jawaban LKE; tulis KODE=JAWABAN, misalnya I.1.a=Ya atau IPAK=3.8.")
    kode, jawaban = text.split("=", 1)
    q = lke.question(kode_baku(kode))
    stored = normalize(q, jawaban)
    if not stored:
        raise ZiError(f"Jawaban untuk {q.kode} kosong; tulis KODE=JAWABAN, misalnya {q.kode}={q.terbaik}.")
    return q.kode, stored
