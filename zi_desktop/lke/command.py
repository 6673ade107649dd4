"""``zi-desktop lke FILE [--json] [--jawab KODE=JAWABAN …]`` and ``… --ekspor OUT.xlsx|OUT.pdf``.

Answers given with ``--jawab`` are all checked first (a bad code or answer: one sentence,
exit 2, nothing written), then written as one undoable edit; the score is printed after.
"""

from __future__ import annotations

def add_parser(sub) -> None:
    s = sub.add_parser("lke", help="Penilaian Mandiri (LKE): nilai, predikat, jawaban")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.add_argument("--jawab", action="extend", nargs="+", default=[], metavar="KODE=JAWABAN")
    s.add_argument("--ekspor", metavar="OUT.xlsx|OUT.pdf")


def run(args) -> int:
    # loaded here, not at import: every verb's start-up builds this module's parser
    from ..document import Dokumen
    from .answers import parse_assignment
    from .data import lke
    from .report import lke_json
    data = lke()
    answers = [parse_assignment(data, text) for text in args.jawab]
    if answers:
        with Dokumen.open(args.file) as doc:
            if doc.readonly:
                from ..errors import ZiError
                raise ZiError(doc.readonly_reason + " Jawaban tidak disimpan.")
            from ..edits import Batch   # edits load only when answers are written
            from .edits import SetJawaban
            edits = [SetJawaban(kode, jawaban=jawaban) for kode, jawaban in answers]
            doc.apply(Batch(edits, label="Jawab pertanyaan LKE"))
            plan = doc.to_dict()
    else:
        with Dokumen.open(args.file, readonly=True, once=True) as doc:
            plan = doc.to_dict()
    if args.ekspor:
        from .worksheet import export
        out = export(plan, args.ekspor)
        print(f"Lembar kerja LKE diekspor: {out}")
        return 0
    result = lke_json(plan, data)
    if args.json:
        import json
        import sys
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for line in text_lines(result):
        print(line)
    return 0


def text_lines(result: dict) -> list[str]:
    from .score import predikat_text
    lines = []
    for a in result["area"]:
        lines.append(f"{a['kode']:>4} {a['nama']}: {_n(a['nilai'])} dari {_n(a['bobot'])} ({_n(a['persen'])} %)")
    lines.append(f"Pengungkit {_n(result['pengungkit'])} dari 60; Hasil {_n(result['hasil'])} dari 40; "
                 f"Total {_n(result['total'])}")
    lines.append(f"Predikat saat ini: {predikat_text(result['predikat'])}; prediksi bila rencana "
                 f"terlaksana: {predikat_text(result['prediksi']['predikat'])} "
                 f"(total {_n(result['prediksi']['total'])})")
    for k in result["predikat"]["kurang"]:
        lines.append(f"  Kurang: {k['syarat']} — nilai {_n(k['nilai'])}, batas {_n(k['batas'])}")
    return lines


def _n(x) -> str:
    return f"{x:.2f}".replace(".", ",")
