"""The LKE (Lembar Kerja Evaluasi) as data: ``resources/lke/lke-2024.json``, read once.

The file holds the regulation's facts (areas, sub-komponen, weights, questions, answer
values, predicate thresholds, the settings where sources disagree) and where they come
from; this module only indexes it for fast scoring. Fix a text or weight there, not here.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

from ..errors import ZiError
from ..paths import resource

HASIL = ("IPAK", "IPKP", "CAPAIAN")   # the Hasil inputs, answered like questions


@dataclass(frozen=True)
class Pertanyaan:
    kode: str                    # "I.1.a", "I.R1.a", or a Hasil code ("IPAK")
    teks: str
    jenis: str                   # "ya_tidak" | "abc" | "abcd" | "abcde" | "angka" | "indeks"
    area: str                    # Roman code of its area ("" for Hasil)
    sub: str                     # its sub-komponen code ("I.1"; "" for Hasil)
    bagian: str                  # "pemenuhan" | "reform" | "hasil"
    pilihan: tuple[tuple[str, float], ...]   # (kode, nilai), best first; () for numbers
    kriteria: dict = field(default_factory=dict, compare=False)  # option → its criterion text
    rumus: dict = field(default_factory=dict, compare=False)     # angka: pembilang/penyebut

    @property
    def terbaik(self) -> str:
        """The best answer: the first option, or 1 for a number (index 4 for a survey)."""
        if self.pilihan:
            return self.pilihan[0][0]
        return "4" if self.jenis == "indeks" else "1"


@dataclass(frozen=True)
class SubKomponen:
    kode: str
    nama: str
    bagian: str
    bobot: float
    area: str
    pertanyaan: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    kode: str
    nama: str
    bobot: float
    sub: tuple[str, ...]


@dataclass(frozen=True)
class Lke:
    raw: dict
    area: tuple[Area, ...]
    sub: dict[str, SubKomponen]
    pertanyaan: dict[str, Pertanyaan]      # every answerable code, in LKE order (Hasil last)
    hasil_bobot: dict[str, float]          # IPAK/IPKP/CAPAIAN → weight

    def question(self, kode: str) -> Pertanyaan:
        q = self.pertanyaan.get(kode)
        if q is None:
            raise ZiError(f"Kode pertanyaan LKE \"{kode}\" tidak dikenal; contoh kode: I.1.a, "
                          "I.R1.a, IPAK, IPKP, CAPAIAN.")
        return q

    def setting_default(self, kunci: str) -> str:
        return self.raw["pengaturan"][kunci]["bawaan"]

    def settings(self, overrides: dict | None = None) -> dict[str, str]:
        """Every setting's value: the data file's default unless the plan chose another."""
        out = {}
        for kunci, spec in self.raw["pengaturan"].items():
            value = str((overrides or {}).get(kunci, spec["bawaan"]))
            out[kunci] = value if value in spec["pilihan"] else spec["bawaan"]
        return out

    def predikat(self) -> list[dict]:
        return self.raw["predikat"]


def _options(raw: dict, jenis: str) -> tuple[tuple[str, float], ...]:
    return tuple((p["kode"], float(p["nilai"])) for p in raw["jenis_jawaban"][jenis]["pilihan"])


def build(raw: dict) -> Lke:
    areas, subs, questions = [], {}, {}
    for a in raw["area"]:
        sub_codes = []
        for s in a["sub_komponen"]:
            codes = []
            for q in s["pertanyaan"]:
                questions[q["kode"]] = Pertanyaan(
                    q["kode"], q["teks"], q["jenis"], a["kode"], s["kode"], s["bagian"],
                    _options(raw, q["jenis"]), q.get("kriteria", {}),
                    {k: q[k] for k in ("pembilang", "penyebut", "pengaturan") if k in q})
                codes.append(q["kode"])
            subs[s["kode"]] = SubKomponen(s["kode"], s["nama"], s["bagian"], float(s["bobot"]),
                                          a["kode"], tuple(codes))
            sub_codes.append(s["kode"])
        areas.append(Area(a["kode"], a["nama"], float(a["bobot"]), tuple(sub_codes)))
    hasil_bobot = {}
    for h in raw["hasil"]["komponen"]:
        questions[h["kode"]] = Pertanyaan(h["kode"], h["teks"], h["jenis"], "", "", "hasil",
                                          _options(raw, h["jenis"]), h.get("kriteria", {}))
        hasil_bobot[h["kode"]] = float(h["bobot"])
    return Lke(raw, tuple(areas), subs, questions, hasil_bobot)


@functools.lru_cache(maxsize=1)
def lke() -> Lke:
    """The bundled LKE, read and checked once."""
    path = resource("lke", "lke-2024.json")
    try:
        data = build(json.loads(path.read_text(encoding="utf-8")))
        total = sum(a.bobot for a in data.area)
        if abs(total - float(data.raw["pengungkit"]["bobot"])) > 1e-6:
            raise ValueError(f"bobot area berjumlah {total}")
        for a in data.area:
            if abs(sum(data.sub[s].bobot for s in a.sub) - a.bobot) > 1e-6:
                raise ValueError(f"bobot sub-komponen area {a.kode} tidak sama dengan bobot area")
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ZiError(f"Data LKE ({path}) tidak dapat dibaca ({err}); pasang ulang ZI Desktop.") from err
    return data
