"""The LKE seen from a plan: ties of langkah aksi to questions, the two answer sets
(Prediksi and Saat ini) and suggested ties by text.

- *Prediksi* — what the unit aims for: per question its ``target`` if set, else the best
  answer when a langkah aksi is tied to it, else the answer as entered.
- *Saat ini* — what is backed so far: when every langkah aksi tied to a question is done
  (a ``realisasi`` entry ``selesai`` and at least one ``bukti_dukung`` file, issue 17's keys),
  the targeted answer; otherwise the answer as entered.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from .data import Lke, lke
from .answers import normalize
from .score import Skor, score


def aksi_nodes(plan: dict):
    """(indikator text, langkah aksi dict) in plan order."""
    for area in plan.get("area", []):
        for komponen in area.get("komponen", []):
            for indikator in komponen.get("indikator", []):
                for aksi in indikator.get("aksi", []):
                    yield indikator.get("teks", ""), aksi


def ties(plan: dict) -> dict[str, list[dict]]:
    """Question code → the langkah aksi tied to it."""
    out: dict[str, list[dict]] = defaultdict(list)
    for _teks, aksi in aksi_nodes(plan):
        if aksi.get("lke"):
            out[aksi["lke"]].append(aksi)
    return out


def done(aksi: dict) -> bool:
    """Carried out and shown: a realisasi marked selesai (or 100 %) and evidence attached."""
    realisasi = aksi.get("realisasi") or []
    finished = any(r.get("status") == "selesai" or (r.get("persen") or 0) >= 100 for r in realisasi)
    return finished and bool(aksi.get("bukti_dukung"))


def _stored(data: Lke, kode: str, value) -> str:
    try:
        return normalize(data.pertanyaan[kode], value)
    except Exception:  # a value no edit could write: read as unanswered
        return ""


def answer_sets(plan: dict, data: Lke | None = None) -> dict[str, dict[str, str]]:
    """{"jawaban": as entered, "prediksi": …, "saat_ini": …}, each code → stored answer."""
    data = data or lke()
    part = (plan.get("lke") or {}).get("jawaban") or {}
    entered, targets = {}, {}
    for kode, answer in part.items():
        if kode not in data.pertanyaan:
            continue
        answer = answer if isinstance(answer, dict) else {"jawaban": answer}
        entered[kode] = _stored(data, kode, answer.get("jawaban", ""))
        targets[kode] = _stored(data, kode, answer.get("target", ""))
    tied = ties(plan)
    prediksi, saat_ini = dict(entered), dict(entered)
    for kode in data.pertanyaan:
        aimed = targets.get(kode) or (data.pertanyaan[kode].terbaik if tied.get(kode) else "")
        if aimed:
            prediksi[kode] = aimed
        if tied.get(kode) and all(done(a) for a in tied[kode]):
            saat_ini[kode] = aimed
    return {"jawaban": entered, "prediksi": prediksi, "saat_ini": saat_ini}


def for_next_year(plan: dict) -> None:
    """Next year's plan keeps the ties and the chosen settings; last year's answers (what was
    reached then, its narasi and evidence) start again empty."""
    part = plan.pop("lke", None) or {}
    if part.get("pengaturan"):
        plan["lke"] = {"jawaban": {}, "pengaturan": dict(part["pengaturan"])}


def plan_scores(plan: dict, data: Lke | None = None) -> dict[str, Skor]:
    """{"prediksi": Skor, "saat_ini": Skor} of a plan dict."""
    data = data or lke()
    sets = answer_sets(plan, data)
    settings = (plan.get("lke") or {}).get("pengaturan") or {}
    return {name: score(data, sets[name], settings) for name in ("prediksi", "saat_ini")}


# --- suggested ties ---------------------------------------------------------------------

_STOP = set("dan yang di ke dari untuk dengan dalam pada atau telah sudah oleh atas secara ini itu "
            "terhadap adanya serta para bagi tentang sebagai jika tidak belum juga akan unit kerja "
            "seluruh setiap".split())
_PREFIX = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "di",
           "ter", "ber", "ke")
_SUFFIX = ("nya", "kan", "an", "i")


def _stem(word: str) -> str:
    """A crude Indonesian stem: enough that "menetapkan", "ditetapkan" and "penetapan" meet."""
    for suffix in _SUFFIX:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix in _PREFIX:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix):]
    return word


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in re.findall(r"[a-z0-9]+", text.lower())
                     if w not in _STOP and len(w) > 2)


def _same(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and (a.endswith(b) or b.endswith(a)))


def _score(common: int, n: int, m: int) -> float:
    """Share of the shorter word set found in the other, damped by their sizes' difference."""
    return common / min(n, m) * (2 * common / (n + m)) ** 0.5 if common else 0.0


def _similarity(words: frozenset[str], other: frozenset[str]) -> float:
    if not words or not other:
        return 0.0
    return _score(sum(1 for w in words if any(_same(w, o) for o in other)), len(words), len(other))


class _Index:
    """The LKE wording indexed by word, so one text is compared with every question at once:
    entries are (code, area, sub-komponen, words) for each question text and criterion."""

    def __init__(self) -> None:
        data = lke()
        self.entries: list[tuple[str, str, str, frozenset[str]]] = []
        for kode, q in data.pertanyaan.items():
            if q.bagian == "hasil":
                continue
            for text in [q.teks] + [t for t in q.kriteria.values() if t]:
                words = _words(text)
                if words:
                    self.entries.append((kode, q.area, q.sub, words))
        self.by_word: dict[str, set[int]] = defaultdict(set)
        for n, (_k, _a, _s, words) in enumerate(self.entries):
            for w in words:
                self.by_word[w].add(n)
        # Words of one stem family end alike (one is a suffix of the other, ≥ 4 letters), so
        # only words sharing their last four letters need comparing.
        self.by_tail: dict[str, list[str]] = defaultdict(list)
        for w in self.by_word:
            if len(w) >= 4:
                self.by_tail[w[-4:]].append(w)
        self.subs = {k: _words(sub.nama) for k, sub in data.sub.items()}

    @functools.lru_cache(maxsize=16384)
    def entries_matching(self, word: str) -> frozenset[int]:
        """Entries holding ``word`` or a word of the same stem family (see ``_same``)."""
        out: set[int] = set(self.by_word.get(word, ()))
        if len(word) >= 4:
            for vocab in self.by_tail.get(word[-4:], ()):
                if _same(word, vocab):
                    out |= self.by_word[vocab]
        return frozenset(out)

    @functools.lru_cache(maxsize=1024)
    def sub_similarity(self, komponen: str) -> dict[str, float]:
        words = _words(komponen)
        return {k: _similarity(words, sub) for k, sub in self.subs.items()} if words else {}


@functools.lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


@functools.lru_cache(maxsize=64)
def _area_code(nama: str) -> str:
    """A plan's area name → the LKE area it is ("" when none is close)."""
    words = _words(nama)
    scored = [(_similarity(words, _words(a.nama)), a.kode) for a in lke().area]
    sim, kode = max(scored, default=(0.0, ""))
    return kode if sim >= 0.6 else ""


@functools.lru_cache(maxsize=8192)
def best_match(text: str, komponen: str = "", area: str = "") -> tuple[str, float]:
    """The LKE question closest to ``text`` (its wording or one of its criteria), within the
    LKE area named ``area`` when there is one, a similar komponen name counting a little:
    (code, similarity)."""
    words = _words(text)
    if not words:
        return "", 0.0
    index = _index()
    hits: dict[int, int] = defaultdict(int)
    for w in words:
        for n in index.entries_matching(w):
            hits[n] += 1
    only = _area_code(area) if area else ""
    subs = index.sub_similarity(komponen) if komponen else {}
    best = ("", 0.0)
    for n in sorted(hits):   # in LKE order: the first of equally close questions wins
        kode, q_area, sub, qwords = index.entries[n]
        if only and q_area != only:
            continue
        sim = _score(hits[n], len(words), len(qwords)) + 0.25 * subs.get(sub, 0.0)
        if sim > best[1]:
            best = (kode, sim)
    return best


SUGGEST_AT = 0.5   # below this similarity no tie is suggested


def suggest(indikator: str, langkah: str = "", komponen: str = "", area: str = "") -> str:
    """The question a langkah aksi probably serves ("" when unsure): the standard template's
    tie of its indikator, else the closest wording of its indikator or langkah."""
    from ..template import standard_ties
    exact = standard_ties().get(" ".join(indikator.lower().split()))
    if exact:
        return exact
    candidates = [best_match(t, komponen, area) for t in (indikator, langkah) if t.strip()]
    kode, sim = max(candidates, key=lambda c: c[1], default=("", 0.0))
    return kode if sim >= SUGGEST_AT else ""


def suggestions(plan: dict) -> list[tuple[dict, str]]:
    """(langkah aksi, suggested code) for every langkah aksi not yet tied, in plan order."""
    out = []
    for area in plan.get("area", []):
        for komponen in area.get("komponen", []):
            for indikator in komponen.get("indikator", []):
                for aksi in indikator.get("aksi", []):
                    if not aksi.get("lke"):
                        out.append((aksi, suggest(indikator.get("teks", ""), aksi.get("langkah", ""),
                                                  komponen.get("nama", ""), area.get("nama", ""))))
    return out
