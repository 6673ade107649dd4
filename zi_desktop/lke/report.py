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


def _n(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def advice(data: Lke, s, kurang: dict) -> str:
    """One missing condition as a sentence, with what would lift it: "Area V: 8,1 dari 15
    (54 %) — kurang 0,9 untuk WBK: pertanyaan V.2.b, V.4.a belum dijawab 'A'"."""
    from .score import lift
    untuk = kurang["syarat"].rsplit("(", 1)[-1].rstrip(")")
    short = kurang["batas"] - kurang["nilai"]
    if kurang["area"]:
        a = next(a for a in s.area if a["kode"] == kurang["area"])
        head = f"Area {a['kode']}: {_n(a['nilai'])} dari {a['bobot']:g} ({a['persen']:.0f} %)"
    elif kurang["syarat"].startswith("Telah memenuhi"):
        return f"{untuk} menunggu syarat WBK terpenuhi lebih dahulu."
    else:
        head = f"{kurang['syarat'].split(' paling sedikit')[0]}: {_n(kurang['nilai'], 2)}"
    text = f"{head} — kurang {_n(short, 2)} untuk {untuk}"
    codes = lift(data, s, kurang)
    if codes:
        best = {data.pertanyaan[c].terbaik if data.pertanyaan[c].pilihan else "" for c in codes}
        shown = ", ".join(codes[:6]) + (f" dan {len(codes) - 6} lainnya" if len(codes) > 6 else "")
        if best == {""}:
            text += f": pertanyaan {shown} belum mencapai 100 %"
        elif len(best) == 1:
            text += f": pertanyaan {shown} belum dijawab '{best.pop()}'"
        else:
            text += f": pertanyaan {shown} belum mendapat jawaban terbaik"
    elif kurang["syarat"].startswith(("Nilai IPAK", "Nilai IPKP")):
        bobot = data.hasil_bobot["IPAK"]
        text += f" (indeks survei paling sedikit {kurang['batas'] / bobot * 4:.2f})".replace(".", ",")
    elif kurang["syarat"].startswith("Nilai capaian"):
        need = next(k for k, v in reversed(data.pertanyaan["CAPAIAN"].pilihan)
                    if v * data.hasil_bobot["CAPAIAN"] >= kurang["batas"] - 1e-9)
        text += f" (capaian kinerja paling sedikit '{need}')"
    return text
