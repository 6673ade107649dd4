"""Child for the crash test: makes edits forever, reporting each one after it commits.

Each reported line is a promise: that edit is on disk. The parent SIGKILLs us at a
random moment and checks every promise.
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from zi_desktop.document import Dokumen  # noqa: E402
from zi_desktop.edits import AddItem, DeleteItem, SetField, SetIdentitas, SetMonths  # noqa: E402

path, seed, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
doc = Dokumen.open(path)
# new items go under komponen 1; komponen 2 is the one deleted and restored
indikator = [r[0] for r in doc.conn.execute("SELECT id FROM indikator WHERE induk = 1")]
has_k2 = doc.item("komponen", 2) is not None
n = start
print("READY", flush=True)
while True:
    n += 1
    kind = rng.choice(["add", "add", "field", "months", "delete-undo", "identity"])
    if kind == "add":
        edit = AddItem("aksi", rng.choice(indikator), 0, {"langkah": f"aksi-{n}"}, [f"2025-{1 + n % 12:02d}"])
        doc.apply(edit)
        print(f"ADD {edit.id} aksi-{n}", flush=True)
    elif kind == "field":
        doc.apply(SetField("area", 1, "penanggung_jawab", f"pj-{n}"))
        print(f"PJ {n}", flush=True)
    elif kind == "months":
        doc.apply(SetMonths(1, [f"2025-{1 + n % 12:02d}"]))
        print(f"MONTH {n}", flush=True)
    elif kind == "identity":
        doc.apply(SetIdentitas({"nomor": str(n)}))
        print(f"NOMOR {n}", flush=True)
    elif has_k2:
        edit = DeleteItem("komponen", 2)
        doc.apply(edit)
        doc.revert(edit)
        print(f"RESTORED {n}", flush=True)
