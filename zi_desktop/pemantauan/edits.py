"""Edits of monitoring, with the same ``Edit``/``Change`` protocol as ``zi_desktop.edits``.

``SetRealisasi`` sets (or clears) one month of a langkah aksi. ``AttachBukti`` streams a
file in; its undo removes the bytes, keeping them in a ``Stash`` (a temp file) so the redo
re-inserts exactly the same bytes under the same id. ``RemoveBukti`` is the reverse.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..edits import Change, Edit
from ..errors import ZiError
from . import store
from .admission import admit, check_plan_limit
from .rules import check_realisasi


def _aksi_exists(conn, aksi_id: int) -> None:
    if conn.execute("SELECT 1 FROM aksi WHERE id = ?", (aksi_id,)).fetchone() is None:
        raise ZiError("Langkah aksi yang dimaksud tidak ada lagi dalam rencana.")


def _changed(aksi_id: int, what: str) -> list[Change]:
    return [Change("update", "aksi", aksi_id, fields=(what,))]


class SetRealisasi(Edit):
    """The realisasi of one langkah aksi in one month; ``status`` None removes it."""

    label = "Ubah realisasi"

    def __init__(self, aksi_id: int, bulan: str, status: str | None, persen: int | None = None,
                 catatan: str | None = None) -> None:
        self.id, self.bulan, self.status = aksi_id, bulan, status
        self.persen, self.catatan = persen, catatan
        self.old: tuple | None = None
        self.new: tuple | None = None

    def _read(self, conn):
        return conn.execute("SELECT status, persen, catatan FROM realisasi WHERE aksi = ? AND bulan = ?",
                            (self.id, self.bulan)).fetchone()

    def _write(self, conn, row):
        conn.execute("DELETE FROM realisasi WHERE aksi = ? AND bulan = ?", (self.id, self.bulan))
        if row is not None:
            store.insert_realisasi(conn, [(self.id, self.bulan, *row)])
        return _changed(self.id, "realisasi")

    def do(self, conn):
        _aksi_exists(conn, self.id)
        self.old = self._read(conn)
        if self.new is None and self.status is not None:
            catatan = self.catatan if self.catatan is not None else (self.old[2] if self.old else "")
            persen = self.persen
            if persen is None and self.old and self.old[0] == self.status:
                persen = self.old[1]  # same status again: keep the percentage written before
            _b, status, persen, catatan = check_realisasi(
                self.bulan, self.status, persen, catatan, store.period_months(conn))
            self.new = (status, persen, catatan)
        elif self.status is None:
            check_realisasi(self.bulan, "belum", 0, "", store.period_months(conn))
        return self._write(conn, self.new)

    def undo(self, conn):
        return self._write(conn, self.old)


class AttachBukti(Edit):
    """Attach one file to a langkah aksi (and a month, or '' for none)."""

    label = "Lampirkan bukti dukung"

    def __init__(self, aksi_id: int, path, bulan: str = "") -> None:
        self.id, self.bulan = aksi_id, bulan or ""
        self.admitted = admit(path)       # refuse programs and oversized files before any write
        self.row: dict | None = None
        self.stash: store.Stash | None = None

    def do(self, conn):
        _aksi_exists(conn, self.id)
        if self.bulan:
            check_realisasi(self.bulan, "belum", 0, "", store.period_months(conn))
        a = self.admitted
        check_plan_limit(store.evidence_total(conn), a.nama, a.ukuran)
        if self.row is None:
            self.row = {"aksi": self.id, "urutan": store.next_urutan(conn, self.id), "nama": a.nama,
                        "ukuran": a.ukuran, "sha256": "", "jenis": a.jenis, "bulan": self.bulan,
                        "waktu": _dt.datetime.now().isoformat(timespec="seconds")}
            cur = conn.execute("INSERT INTO bukti (aksi, urutan, nama, ukuran, sha256, jenis, bulan, waktu) "
                               "VALUES (:aksi, :urutan, :nama, :ukuran, :sha256, :jenis, :bulan, :waktu)",
                               self.row)
            self.row["id"] = cur.lastrowid
            try:
                with open(a.path, "rb") as fh:
                    sha = store.copy_in(conn, self.row["id"], fh, a.ukuran, whole=True)
            except OSError as err:
                raise ZiError(f"Berkas \"{a.nama}\" tidak dapat dibaca ({err.strerror or err}).") from None
            self.row["sha256"] = sha
            conn.execute("UPDATE bukti SET sha256 = ? WHERE id = ?", (sha, self.row["id"]))
        else:  # redo: the same row and the same bytes, from the stash
            store.insert_bukti(conn, self.row)
            self.stash.restore(conn)
            self.stash.close()
            self.stash = None
        return _changed(self.id, "bukti_dukung")

    def undo(self, conn):
        self.stash = store.Stash.of(conn, [self.row["id"]])
        store.delete_bukti(conn, self.row["id"])
        return _changed(self.id, "bukti_dukung")

    @property
    def bukti_id(self) -> int | None:
        return None if self.row is None else self.row["id"]


class RemoveBukti(Edit):
    """Remove one evidence file; undo puts back the same row and bytes."""

    label = "Hapus bukti dukung"

    def __init__(self, bukti_id: int) -> None:
        self.bukti_id = bukti_id
        self.row: dict | None = None
        self.stash: store.Stash | None = None

    def do(self, conn):
        cur = conn.execute(f"SELECT {', '.join(store.BUKTI_COLS)} FROM bukti WHERE id = ?", (self.bukti_id,))
        found = cur.fetchone()
        if found is None:
            raise ZiError("Bukti dukung yang dimaksud tidak ada lagi dalam rencana.")
        self.row = dict(zip(store.BUKTI_COLS, found))
        self.stash = store.Stash.of(conn, [self.bukti_id])
        store.delete_bukti(conn, self.bukti_id)
        return _changed(self.row["aksi"], "bukti_dukung")

    def undo(self, conn):
        store.insert_bukti(conn, self.row)
        self.stash.restore(conn)
        self.stash.close()
        self.stash = None
        return _changed(self.row["aksi"], "bukti_dukung")


def attach_many(aksi_id: int, paths, bulan: str = "") -> Edit:
    """Several files as one undo step (a drop of many files, ``bukti FILE JALUR A B C``)."""
    from ..edits import Batch
    edits = [AttachBukti(aksi_id, Path(p), bulan) for p in paths]
    if len(edits) == 1:
        return edits[0]
    return Batch(edits, label=f"Lampirkan {len(edits)} bukti dukung")
