"""The command line's verbs (``zi-desktop VERB …``); the entry that chooses between them and the
window is ``zi_desktop.launch``.

A stable contract (README "Baris perintah"). Exit codes: 0 done; 1 done with findings;
2 unusable input — one Indonesian line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .errors import ZiError

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


# argparse's messages (Python 3.9–3.13 wording) in Indonesian; one not listed is kept as is
_ARGPARSE_ID = [
    (r"the following arguments are required: (.+)", "belum ditulis: {0}"),
    (r"argument (\S+): invalid choice: '?(.+?)'? \(choose from (.+)\)",
     "{0} tidak mengenal {1} (pilih {2})"),
    (r"argument (\S+): invalid (int|float) value: '?(.*?)'?", "{0} memerlukan angka, bukan \"{2}\""),
    (r"argument (\S+): expected one argument", "{0} memerlukan satu nilai"),
    (r"argument (\S+): expected at least one argument", "{0} memerlukan sedikitnya satu nilai"),
    (r"argument (\S+): ignored explicit argument '?(.*?)'?", "{0} tidak menerima nilai \"{1}\""),
    (r"argument (\S+): not allowed with argument (\S+)", "{0} tidak dapat dipakai bersama {1}"),
    (r"ambiguous option: (\S+) could match (.+)", "{0} dapat berarti {1}"),
    (r"unrecognized arguments: (.+)", "tidak dikenal: {0}"),
]


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's English usage dump → one Indonesian line
        import re
        for pattern, text in _ARGPARSE_ID:
            found = re.fullmatch(pattern, message)
            if found:
                message = text.format(*found.groups())
                break
        raise ZiError(f"Perintah tidak lengkap atau salah ({message}); lihat: {self.prog} --help")


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _open(path: str):
    """The plan a verb reads and closes (``once``: no private copy of it is made)."""
    from .document import Dokumen
    doc = Dokumen.open(path, readonly=True, once=True)
    for notice in doc.notices:  # e.g. a -journal beside it that is not ours: not used
        print(notice, file=sys.stderr)
    return doc


# --- verbs -------------------------------------------------------------------------------

def cmd_new(args) -> int:
    from .document import Dokumen
    tahun = args.year
    if Path(args.file).exists():  # say so before any work, and never touch it
        raise ZiError(f"Berkas \"{args.file}\" sudah ada; pilih nama lain agar berkas itu tidak tertimpa.")
    if args.source:
        from .next_year import next_year_plan
        with _open(args.source) as old:
            plan = next_year_plan(old.to_dict(), tahun)
        Dokumen.create_from_plan(args.file, plan, peristiwa="dibuat dari rencana tahun lalu",
                                 keterangan=Path(args.source).name).close()
    else:
        from .template import template_plan
        import datetime as dt
        tahun = tahun or dt.date.today().year
        plan = template_plan(args.template, tahun, args.unit or "")
        Dokumen.create_from_plan(args.file, plan, keterangan=f"templat {args.template}").close()
    print(f"Rencana baru dibuat: {args.file}")
    return EXIT_OK


def cmd_import(args) -> int:
    from .document import Dokumen
    from .importer import import_file
    result = import_file(args.source, tahun=args.year)
    Dokumen.create_from_plan(args.file, result.plan, peristiwa="diimpor",
                             keterangan=Path(args.source).name).close()
    catatan = getattr(result, "catatan", [])
    if args.json:
        _print_json({"berkas": args.file, "laporan": result.report, "peringatan": result.warnings,
                     "catatan": [c.to_dict() for c in catatan]})
    else:
        placed = {c.pesan: c for c in catatan}
        for line in result.report:
            c = placed.get(line)
            print(f"Perbaikan: {c.jalur + ' ' if c.jalur else ''}{line}" if c else line)
        for line in result.warnings:
            c = placed.get(line)
            print(f"Peringatan: {c.jalur + ' ' if c and c.jalur else ''}{line}")
        print(f"Rencana disimpan: {args.file}")
    return EXIT_OK


def cmd_info(args) -> int:
    with _open(args.file) as doc:
        info = doc.info()
    if args.json:
        _print_json(info)
        return EXIT_OK
    r = info["rencana"]
    print(f"{r['satker'] or '(satuan kerja belum diisi)'} — tahun {r['tahun']}, "
          f"nomor {r['nomor'] or '-'}")
    for area in info["area"]:
        print(f"  {area['kode']:>4} {area['nama']}: {area['komponen']} komponen, "
              f"{area['indikator']} indikator, {area['aksi']} langkah aksi")
    t = info["total"]
    print(f"  Jumlah: {t['area']} area, {t['komponen']} komponen, {t['indikator']} indikator, "
          f"{t['aksi']} langkah aksi")
    return EXIT_OK


def cmd_dump(args) -> int:
    with _open(args.file) as doc:   # read, then write out: the file is not held while stdout waits
        plan = doc.to_dict(ids=args.ids)
    _print_json(plan)
    return EXIT_OK


def cmd_schedule(args) -> int:
    import datetime as dt
    from .schedule import format_target_waktu, parse_target_waktu
    tahun = args.year or dt.date.today().year
    parsed = parse_target_waktu(args.text, tahun)
    if args.json:
        _print_json({"months": parsed.months, "recognized": parsed.recognized,
                     "text": format_target_waktu(parsed.months)})
    elif parsed.recognized:
        print(format_target_waktu(parsed.months) or "-")
    else:
        print("Bulan belum ditentukan: teks tidak dapat dibaca dengan yakin.")
    return EXIT_OK


def cmd_pdf(args) -> int:
    from .lampiran import build_lampiran
    with _open(args.file) as doc:
        plan = doc.to_dict()
    from .atomic import write_beside
    time_col = {"text": "teks", "months": "bulan", None: None}[args.time_column]
    build = build_lampiran
    if args.whole:   # the whole decree: body, Lampiran chapters, table
        from .keputusan.pdf import build_keputusan as build
    with write_beside(args.output, prefix=".zi-cetak-") as tmp:  # never half a PDF under the name
        result = build(plan, tmp, kertas=args.paper, kolom_waktu=time_col,
                       penanggung_jawab=args.responsible or None,
                       target_capaian=args.achievement or None,
                       nomor_kolom=args.column_numbers or None, huruf=args.font)
    what = "Keputusan lengkap" if args.whole else "Lampiran"
    print(f"{what} dicetak: {args.output} ({result.pages} halaman)")
    return EXIT_OK


def cmd_check(args) -> int:
    from .checks import check_plan, has_errors
    with _open(args.file) as doc:
        plan = doc.to_dict(ids=True)
    findings = check_plan(plan)
    if args.json:
        _print_json({"berkas": args.file, "temuan": [f.as_dict() for f in findings],
                     "galat": sum(f.tingkat == "galat" for f in findings),
                     "peringatan": sum(f.tingkat == "peringatan" for f in findings)})
    else:
        for f in findings:
            print(f"[{f.tingkat}] {f.jalur + ' ' if f.jalur else ''}{f.pesan}")
        if not findings:
            print("Rencana lengkap: tidak ada temuan.")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def cmd_pack(args) -> int:
    from .exchange.pack import pack
    out = pack(args.file, args.output, tanpa_bukti=getattr(args, "tanpa_bukti", False))
    print(f"Salinan untuk provinsi dibuat: {out}")
    return EXIT_OK


def cmd_export(args) -> int:
    from .exchange.export_xlsx import export_xlsx
    with _open(args.file) as doc:
        plan = doc.to_dict()
    if args.output.lower().endswith(".docx"):   # the whole decree as a Word file
        from .keputusan.docx import export_docx
        export_docx(plan, args.output)
        print(f"Keputusan lengkap diekspor ke Word: {args.output}")
        return EXIT_OK
    export_xlsx(plan, args.output)
    print(f"Lampiran diekspor ke Excel: {args.output}")
    return EXIT_OK


def cmd_summary(args) -> int:
    return run_summary(args.paths, args.output, as_json=args.json)


def run_summary(paths, output, as_json: bool = False) -> int:
    """``zi-desktop summary``: exit 0 all files read, 1 some refused, 2 nothing usable."""
    from .exchange.summary import find_files, status, summarize_files
    from .exchange.summary_write import summary_format, write_summary
    paths = list(paths)
    summary_format(output)
    files, missing = find_files(paths)
    if not files:
        if missing and len(missing) == len(paths):
            raise ZiError(missing[0].alasan if len(missing) == 1 else
                          "Tidak ada yang ditemukan: " + ", ".join(f"\"{m.berkas}\"" for m in missing) + ".")
        raise ZiError("Tidak ada berkas rencana (.zidb) di " + ", ".join(f"\"{p}\"" for p in paths) + ".")
    summary = summarize_files(files, missing)
    out = write_summary(summary, output)
    if as_json:
        _print_json(summary.as_dict())
    else:
        for row in summary.rows:
            mark = f" [{status(row)}]" if row.ganda else ""
            print(f"{row.nama_berkas}: {row.satker or '(tanpa satuan kerja)'} {row.tahun} — "
                  f"{row.aksi} langkah aksi, berjadwal {row.persen_berjadwal:.0f}%, bukti fisik "
                  f"{row.persen_berbukti:.0f}%, realisasi {row.persen_realisasi:.0f}%, {row.terlambat} terlambat, "
                  f"{row.bukti_dukung} bukti dukung, {row.galat} galat, {row.peringatan} peringatan, "
                  f"prediksi LKE {row.lke_prediksi:.1f} ({row.lke_predikat}){mark}")
        for d in summary.rejected:
            print(f"DITOLAK {d.berkas}: {d.alasan}")
        print(f"Rekap {len(summary.rows)} berkas ditulis ke {out}"
              + (f"; {len(summary.rejected)} berkas ditolak." if summary.rejected else "."))
    if not summary.rows:
        print(f"Tidak ada berkas yang dapat dibaca; alasan penolakannya tercantum di {out}.",
              file=sys.stderr)
        return EXIT_UNUSABLE
    return EXIT_FINDINGS if summary.rejected else EXIT_OK


def cmd_lke(args) -> int:
    from .lke.command import run
    return run(args)


def cmd_realisasi(args) -> int:
    from .pemantauan.cli import realisasi
    return realisasi(args)


def cmd_bukti(args) -> int:
    from .pemantauan.cli import bukti
    return bukti(args)


def cmd_laporan(args) -> int:
    from .pemantauan.cli import laporan
    return laporan(args)


def _new_args(sub, verb: str) -> None:
    s = sub.add_parser(verb, help="buat rencana baru")
    s.add_argument("file")
    s.add_argument("--template", choices=["standar", "kosong"], default="standar")
    s.add_argument("--year", type=int)
    s.add_argument("--unit")
    s.add_argument("--from", dest="source", help="rencana tahun lalu (.zidb)")


def _import_args(sub, verb: str) -> None:
    s = sub.add_parser(verb, help="impor Lampiran (teks, keputusan lengkap, .xlsx, .docx, .pdf)")
    s.add_argument("source")
    s.add_argument("file")
    s.add_argument("--year", type=int)
    s.add_argument("--json", action="store_true")


def _read_args(sub, verb: str) -> None:   # info, dump, check
    s = sub.add_parser(verb)
    s.add_argument("file")
    if verb != "dump":
        s.add_argument("--json", action="store_true")
    else:
        s.add_argument("--ids", action="store_true", help="sertakan id butir")


def _schedule_args(sub, verb: str) -> None:
    s = sub.add_parser(verb, help="baca teks target waktu")
    s.add_argument("text")
    s.add_argument("--year", type=int)
    s.add_argument("--json", action="store_true")


def _pdf_args(sub, verb: str) -> None:
    s = sub.add_parser(verb, help="cetak Lampiran ke PDF")
    s.add_argument("file")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--paper", choices=["F4", "A4"])
    s.add_argument("--time-column", choices=["text", "months"])
    s.add_argument("--responsible", action="store_true")
    s.add_argument("--achievement", action="store_true")
    s.add_argument("--column-numbers", action="store_true")
    s.add_argument("--whole", action="store_true", help="keputusan lengkap: isi, bab, Lampiran")
    s.add_argument("--font", choices=["arial", "bookman", "dejavu"])


def _copy_args(sub, verb: str) -> None:   # pack, export
    s = sub.add_parser(verb)
    s.add_argument("file")
    s.add_argument("-o", "--output", required=True)
    if verb == "pack":
        s.add_argument("--tanpa-bukti", action="store_true", help="tanpa isi berkas bukti dukung")


def _summary_args(sub, verb: str) -> None:
    s = sub.add_parser(verb, help="rekap provinsi")
    s.add_argument("paths", nargs="+")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--json", action="store_true")


def _monitoring_args(sub, verb: str) -> None:
    from .pemantauan.cli import add_parser
    add_parser(sub, verb)


def _lke_args(sub, verb: str) -> None:
    from .lke.command import add_parser
    add_parser(sub)


# each verb: what runs it, and what adds its arguments to the parser
VERBS = {
    "new": (cmd_new, _new_args), "import": (cmd_import, _import_args),
    "info": (cmd_info, _read_args), "dump": (cmd_dump, _read_args),
    "schedule": (cmd_schedule, _schedule_args), "pdf": (cmd_pdf, _pdf_args),
    "check": (cmd_check, _read_args), "pack": (cmd_pack, _copy_args),
    "export": (cmd_export, _copy_args), "summary": (cmd_summary, _summary_args),
    "lke": (cmd_lke, _lke_args), "realisasi": (cmd_realisasi, _monitoring_args),
    "bukti": (cmd_bukti, _monitoring_args), "laporan": (cmd_laporan, _monitoring_args),
}


def _verb_parser(verb: str) -> _Parser:
    """The parser of ``verb`` alone: building all fourteen verbs' parsers cost ~9 ms at
    every command, as much as validating the plan it reads."""
    p = _Parser(prog="zi-desktop", description="ZI Desktop — Rencana Aksi Zona Integritas")
    sub = p.add_subparsers(dest="verb", required=True)
    VERBS[verb][1](sub, verb)
    return p


def _window_parser() -> _Parser:
    p = _Parser(prog="zi-desktop", description=(
        "ZI Desktop — Rencana Aksi Pembangunan Zona Integritas. Tanpa perintah: membuka jendela. "
        "Perintah: " + ", ".join(VERBS) + " (zi-desktop PERINTAH --help)."))
    p.add_argument("file", nargs="?", help="berkas rencana .zidb")
    p.add_argument("--demo", action="store_true", help="buka salinan rencana contoh")
    p.add_argument("--self-test", action="store_true", help="uji mandiri (untuk paket Windows)")
    p.add_argument("--version", action="version", version=f"ZI Desktop {__version__}")
    return p


def is_verb(argv: list[str]) -> bool:
    return bool(argv) and argv[0] in VERBS


def run_verb(argv: list[str]) -> int:
    args = _verb_parser(argv[0]).parse_args(argv)
    run, _arguments = VERBS[args.verb]
    return run(args)


def window_args(argv: list[str]) -> argparse.Namespace:
    """The window's own options (the window itself is started by ``zi_desktop.launch``)."""
    return _window_parser().parse_args(argv)


def guarded(start, argv: list[str]) -> int:
    """Run ``start(argv)`` under the exit-code contract: one line on stderr, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    try:
        return start(argv)
    except ZiError as err:
        print(err.message, file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # the contract: one line, never a traceback
        if os.environ.get("ZI_DEBUG"):
            raise
        print(f"Terjadi kesalahan yang tidak terduga ({type(err).__name__}: {err}); "
              "jalankan lagi dengan ZI_DEBUG=1 untuk rinciannya.", file=sys.stderr)
        return EXIT_UNUSABLE
