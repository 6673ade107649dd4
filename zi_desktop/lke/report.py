"""The LKE as the command line and the exports show it: one ``lke`` JSON per plan
(the contract of ``zi-desktop lke --json``) and the worksheet rows."""

from __future__ import annotations

from .data import Lke, lke
from .plan import answer_sets, plan_scores, ties
from .store import _json_answer


def lke_json(plan: dict, data: Lke | None = None) -> dict:
    """pengungkit, hasil, total, area, predikat (of *Saat ini*), pertanyaan; and ``prediksi``."""
    data = data or lke()
    scores = plan_scores(plan, data)
    out = scores["saat_ini"].as_json()
    entered = answer_sets(plan, data)["jawaban"]
    out["pertanyaan"] = [
        {"kode": kode, "area": q.area, "teks": q.teks, "jenis": q.jenis,
         "pilihan": [{"kode": k, "nilai": v} for k, v in q.pilihan],
         "jawaban": _json_answer(q, entered.get(kode, ""))}
        for kode, q in data.pertanyaan.items()]
    out["prediksi"] = scores["prediksi"].as_json()
    return out


HEAD = ["KODE", "AREA", "SUB-KOMPONEN", "BOBOT", "PERTANYAAN", "PILIHAN JAWABAN", "JAWABAN",
        "NILAI", "NARASI", "BUKTI", "LINK", "LANGKAH AKSI TERKAIT", "PREDIKSI"]


def worksheet_rows(plan: dict, data: Lke | None = None) -> list[list]:
    """One row per question (Pengungkit, then Hasil), in the LKE's own columns."""
    data = data or lke()
    part = (plan.get("lke") or {}).get("jawaban") or {}
    sets = answer_sets(plan, data)
    scores = plan_scores(plan, data)
    tied = ties(plan)
    rows = []
    for kode, q in data.pertanyaan.items():
        answer = part.get(kode) if isinstance(part.get(kode), dict) else {}
        if q.bagian == "hasil":
            area, sub, bobot = "HASIL", q.teks, data.hasil_bobot[kode]
        else:
            a = next(x for x in data.area if x.kode == q.area)
            s = data.sub[q.sub]
            area, sub, bobot = f"{a.kode} {a.nama}", f"{s.kode} {s.nama} ({s.bagian.capitalize()})", s.bobot
        if q.pilihan:
            pilihan = "\n".join(f"{k} ({v:g}): {q.kriteria.get(k, '')}".rstrip(": ") for k, v in q.pilihan)
        elif q.jenis == "indeks":
            pilihan = "Indeks survei 0–4"
        else:
            pilihan = f"x/y = {q.rumus.get('pembilang', '')} / {q.rumus.get('penyebut', '')}" \
                if "pembilang" in q.rumus else _rumus_setting(data, plan, q)
        rows.append([kode, area, sub, bobot, q.teks, pilihan, sets["jawaban"].get(kode, ""),
                     round(scores["saat_ini"].nilai[kode], 2), answer.get("narasi", ""),
                     "\n".join(answer.get("bukti", [])), answer.get("link", ""),
                     "\n".join(a.get("langkah", "") for a in tied.get(kode, [])),
                     sets["prediksi"].get(kode, "")])
    return rows


def _rumus_setting(data: Lke, plan: dict, q) -> str:
    kunci = q.rumus.get("pengaturan", "")
    if not kunci:
        return "Rasio 0–1, persen atau x/y"
    chosen = data.settings((plan.get("lke") or {}).get("pengaturan"))[kunci]
    return data.raw["pengaturan"][kunci]["pilihan"][chosen]
