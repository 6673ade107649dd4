"""The monitoring verbs of the command line (contract in README "Baris perintah"):

  zi-desktop realisasi FILE JALUR BULAN STATUS [--persen N] [--catatan "…"]
  zi-desktop bukti FILE JALUR PATH… [--bulan YYYY-MM]
  zi-desktop bukti FILE --keluarkan DIR
  zi-desktop laporan FILE -o OUT.pdf|OUT.xlsx [--sampai YYYY-MM]

A wrong path, a month outside the period, an unknown status: one sentence, exit 2, nothing
written (every check runs before the one transaction).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ZiError

# store and rules (and the edits they import) load in the verbs, not when the parser is
# built: every verb's start-up builds this parser.


def add_parser(sub, verb: str) -> None:
    """The arguments of ``verb`` (realisasi, bukti or laporan)."""
    if verb == "realisasi":
        s = sub.add_parser(verb, help="catat realisasi satu langkah aksi pada satu bulan")
        s.add_argument("file")
        s.add_argument("jalur")
        s.add_argument("bulan")
        s.add_argument("status")
        s.add_argument("--persen", type=int)
        s.add_argument("--catatan")
    elif verb == "bukti":
        s = sub.add_parser(verb, help="lampirkan bukti dukung, atau keluarkan semuanya")
        s.add_argument("file")
        s.add_argument("rest", nargs="*", metavar="JALUR PATH")
        s.add_argument("--bulan", default="")
        s.add_argument("--keluarkan", metavar="DIR")
    else:
        s = sub.add_parser(verb, help="Laporan Monitoring dan Evaluasi (.pdf atau .xlsx)")
        s.add_argument("file")
        s.add_argument("-o", "--output", required=True)
        s.add_argument("--sampai")


def _open_for_edit(path: str):
    from ..document import Dokumen
    doc = Dokumen.open(path)
    if doc.readonly:
        reason = doc.readonly_reason
        doc.close()
        raise ZiError(reason + " Tidak ada yang diubah.")
    return doc


def realisasi(args) -> int:
    from . import store
    from .edits import SetRealisasi
    from .rules import STATUS
    if args.status not in STATUS:
        raise ZiError(f"Status \"{args.status}\" tidak dikenal; pilih belum, sebagian atau selesai.")
    with _open_for_edit(args.file) as doc:
        aksi_id = store.aksi_for_jalur(doc.conn, args.jalur)
        doc.apply(SetRealisasi(aksi_id, args.bulan, args.status, args.persen, args.catatan))
        entry = next(r for r in doc.realisasi(aksi_id) if r["bulan"] == args.bulan)
    print(f"Realisasi {args.jalur} {args.bulan}: {entry['status']} ({entry['persen']}%).")
    return 0


def bukti(args) -> int:
    if args.keluarkan:
        if args.rest:
            raise ZiError("Dengan --keluarkan tidak perlu jalur atau berkas; tulis: "
                          "zi-desktop bukti FILE --keluarkan DIR")
        from ..document import Dokumen
        from .files import keluarkan_semua
        with Dokumen.open(args.file, readonly=True) as doc:
            written = keluarkan_semua(doc, args.keluarkan)
        print(f"{len(written)} bukti dukung dikeluarkan ke {args.keluarkan}")
        return 0
    if len(args.rest) < 2:
        raise ZiError("Tulis jalur langkah aksi dan sedikitnya satu berkas: zi-desktop bukti FILE "
                      "JALUR PATH… [--bulan YYYY-MM]")
    from . import store
    from .edits import attach_many
    jalur, paths = args.rest[0], args.rest[1:]
    edit_for = None
    with _open_for_edit(args.file) as doc:
        aksi_id = store.aksi_for_jalur(doc.conn, jalur)
        edit_for = attach_many(aksi_id, [Path(p) for p in paths], args.bulan)
        doc.apply(edit_for)
    print(f"{len(paths)} bukti dukung dilampirkan pada {jalur}.")
    return 0


def laporan(args) -> int:
    from ..document import Dokumen
    from .laporan import build_laporan
    with Dokumen.open(args.file, readonly=True, once=True) as doc:
        plan = doc.to_dict(ids=True)
    out = build_laporan(plan, args.output, sampai=args.sampai)
    print(f"Laporan Monitoring dan Evaluasi dibuat: {out}")
    return 0
