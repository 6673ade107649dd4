"""The edits of the Penilaian Mandiri: tie a langkah aksi, answer a question, choose a setting.
Each runs in one transaction through ``Dokumen.apply`` and undoes exactly what it did."""

from __future__ import annotations

from ..edits import Change, Edit, check_text
from ..errors import ZiError
from .answers import kode_baku, normalize
from .data import lke
from .store import FIELDS, check_kode, present


class SetKaitan(Edit):
    """Tie a langkah aksi to the LKE question it serves ("" unties it)."""

    label = "Kaitkan dengan LKE"

    def __init__(self, aksi_id: int, kode: str) -> None:
        self.id, self.kode = aksi_id, check_kode(kode)
        self.old: str | None = None

    def _set(self, conn, kode):
        row = conn.execute("SELECT lke FROM aksi WHERE id = ?", (self.id,)).fetchone()
        if row is None:
            raise ZiError("Langkah aksi yang dimaksud tidak ada lagi dalam rencana.")
        conn.execute("UPDATE aksi SET lke = ? WHERE id = ?", (kode, self.id))
        return row[0], [Change("update", "aksi", self.id, fields=("lke",))]

    def do(self, conn):
        self.old, changes = self._set(conn, self.kode)
        return changes

    def undo(self, conn):
        return self._set(conn, self.old)[1]


class SetJawaban(Edit):
    """Change an answer's fields (jawaban, target, narasi, bukti as a list, link)."""

    label = "Ubah jawaban LKE"

    def __init__(self, kode: str, **values) -> None:
        q = lke().question(kode_baku(kode))
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown answer fields {unknown}")
        self.kode = q.kode
        self.values = {}
        for name, value in values.items():
            if name in ("jawaban", "target"):
                value = normalize(q, value)
            elif name == "bukti":
                items = value.splitlines() if isinstance(value, str) else list(value)
                value = check_text("\n".join(str(b).strip() for b in items if str(b).strip()))
            else:
                value = check_text(str(value))
            self.values[name] = value
        self.old: dict | None = None

    def _write(self, conn, row: dict | None):
        conn.execute("DELETE FROM lke_jawaban WHERE kode = ?", (self.kode,))
        if row is not None:
            conn.execute(f"INSERT INTO lke_jawaban (kode, {', '.join(FIELDS)}) VALUES (?, ?, ?, ?, ?, ?)",
                         (self.kode, *(row.get(f, "") for f in FIELDS)))
        return [Change("lke", fields=(self.kode,))]

    def do(self, conn):
        if not present(conn):
            raise ZiError("Berkas ini memakai format lama tanpa Penilaian Mandiri; buka dengan "
                          "ZI Desktop agar diperbarui.")
        cur = conn.execute(f"SELECT {', '.join(FIELDS)} FROM lke_jawaban WHERE kode = ?", (self.kode,))
        row = cur.fetchone()
        self.old = dict(zip(FIELDS, row)) if row else None
        return self._write(conn, dict(self.old or {}, **self.values))

    def undo(self, conn):
        return self._write(conn, self.old)


class SetPengaturan(Edit):
    """Choose one of the data file's settings for this plan (e.g. the survey scaling)."""

    label = "Ubah pengaturan LKE"

    def __init__(self, kunci: str, nilai: str) -> None:
        spec = lke().raw["pengaturan"]
        if kunci not in spec or str(nilai) not in spec[kunci]["pilihan"]:
            raise ZiError(f"Pengaturan LKE \"{kunci}={nilai}\" tidak dikenal.")
        self.kunci, self.nilai = kunci, str(nilai)
        self.old: str | None = None

    def _write(self, conn, nilai):
        conn.execute("DELETE FROM lke_pengaturan WHERE kunci = ?", (self.kunci,))
        if nilai is not None:
            conn.execute("INSERT INTO lke_pengaturan (kunci, nilai) VALUES (?, ?)", (self.kunci, nilai))
        return [Change("lke", fields=(self.kunci,))]

    def do(self, conn):
        row = conn.execute("SELECT nilai FROM lke_pengaturan WHERE kunci = ?", (self.kunci,)).fetchone()
        self.old = row[0] if row else None
        return self._write(conn, self.nilai)

    def undo(self, conn):
        return self._write(conn, self.old)
