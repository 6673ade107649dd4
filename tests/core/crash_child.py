"""Children for the crash tests: each works forever, reporting each step after it is on disk.

Each reported line is a promise: that edit (or that file) is on disk. The parent SIGKILLs the
child at a random moment and checks every promise. The test forks these functions (the
imports are done once, so a kill costs milliseconds); run as a script, ``edits`` runs in a
fresh process: ``python crash_child.py PLAN SEED START``.
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from zi_desktop.document import Dokumen  # noqa: E402
from zi_desktop.edits import AddItem, DeleteItem, SetField, SetIdentitas, SetMonths  # noqa: E402


def edits(path, seed: int, start: int, out) -> None:
    rng = random.Random(seed)
    doc = Dokumen.open(path)
    # new items go under komponen 1; komponen 2 is the one deleted and restored
    indikator = [r[0] for r in doc.conn.execute("SELECT id FROM indikator WHERE induk = 1")]
    has_k2 = doc.item("komponen", 2) is not None
    n = start
    print("READY", file=out, flush=True)
    while True:
        n += 1
        kind = rng.choice(["add", "add", "field", "months", "delete-undo", "identity"])
        if kind == "add":
            edit = AddItem("aksi", rng.choice(indikator), 0, {"langkah": f"aksi-{n}"}, [f"2025-{1 + n % 12:02d}"])
            doc.apply(edit)
            print(f"ADD {edit.id} aksi-{n}", file=out, flush=True)
        elif kind == "field":
            doc.apply(SetField("area", 1, "penanggung_jawab", f"pj-{n}"))
            print(f"PJ {n}", file=out, flush=True)
        elif kind == "months":
            doc.apply(SetMonths(1, [f"2025-{1 + n % 12:02d}"]))
            print(f"MONTH {n}", file=out, flush=True)
        elif kind == "identity":
            doc.apply(SetIdentitas({"nomor": str(n)}))
            print(f"NOMOR {n}", file=out, flush=True)
        elif has_k2:
            edit = DeleteItem("komponen", 2)
            doc.apply(edit)
            doc.revert(edit)
            print(f"RESTORED {n}", file=out, flush=True)


def packs(path, folder, start: int, out) -> None:
    """``pack`` again and again, each copy to a new name."""
    from zi_desktop.exchange.pack import pack
    print("READY", file=out, flush=True)
    n = start
    while True:
        n += 1
        target = Path(folder) / f"kirim-{n}.zidb"
        pack(path, target)
        print(f"PACKED {target}", file=out, flush=True)


def next_years(path, folder, start: int, out) -> None:
    """Next year's plan (``new --from``) again and again, each to a new name."""
    from zi_desktop.next_year import next_year_plan
    with Dokumen.open(path, readonly=True) as old:
        plan = next_year_plan(old.to_dict())
    print("READY", file=out, flush=True)
    n = start
    while True:
        n += 1
        target = Path(folder) / f"baru-{n}.zidb"
        Dokumen.create_from_plan(target, plan, peristiwa="dibuat dari rencana tahun lalu").close()
        print(f"NEW {target}", file=out, flush=True)


if __name__ == "__main__":
    edits(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.stdout)
