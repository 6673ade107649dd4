"""The SQL of monitoring: realisasi and evidence rows, and the evidence bytes streamed.

Evidence bytes (``bukti_isi.isi``) are only ever touched here, through ``blobopen`` in
chunks of ``CHUNK`` bytes, so a 25 MB file never sits in memory whole — not when attached,
not when written out, not while an undone attach waits on the undo stack (``Stash`` keeps
the bytes in an anonymous temporary file, not in memory). Listing evidence reads only the
``bukti`` table.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import BinaryIO

from ..dates import plan_period
from ..errors import ZiError

CHUNK = 1024 * 1024

REALISASI_COLS = ("bulan", "status", "persen", "catatan")
BUKTI_COLS = ("id", "aksi", "urutan", "nama", "ukuran", "sha256", "jenis", "bulan", "waktu")


# --- reading into the plan dict ---------------------------------------------------------

class Monitoring:
    """Realisasi and evidence of every langkah aksi, read once for ``plan_from_connection``."""

    def __init__(self, conn: sqlite3.Connection, *, ids: bool = False) -> None:
        self.realisasi: dict[int, list[dict]] = defaultdict(list)
        self.bukti: dict[int, list[dict]] = defaultdict(list)
        for aksi, bulan, status, persen, catatan in conn.execute(
                "SELECT aksi, bulan, status, persen, catatan FROM realisasi ORDER BY aksi, bulan"):
            self.realisasi[aksi].append({"bulan": bulan, "status": status, "persen": persen,
                                         "catatan": catatan})
        for b_id, aksi, nama, ukuran, sha, bulan in conn.execute(
                "SELECT id, aksi, nama, ukuran, sha256, bulan FROM bukti ORDER BY aksi, urutan"):
            entry = {"id": b_id} if ids else {}
            entry.update(nama=nama, ukuran=ukuran, sha256=sha, bulan=bulan)
            self.bukti[aksi].append(entry)

    def fill(self, aksi_id: int, node: dict) -> None:
        node["realisasi"] = self.realisasi.get(aksi_id, [])
        node["bukti_dukung"] = self.bukti.get(aksi_id, [])


def realisasi_of(conn, aksi_id: int) -> list[dict]:
    return [dict(zip(REALISASI_COLS, r)) for r in conn.execute(
        "SELECT bulan, status, persen, catatan FROM realisasi WHERE aksi = ? ORDER BY bulan", (aksi_id,))]


def statuses_of(conn, aksi_id: int) -> dict[str, str]:
    """{"YYYY-MM": status} of one langkah aksi (what the month grid paints)."""
    return dict(conn.execute("SELECT bulan, status FROM realisasi WHERE aksi = ?", (aksi_id,)))


def any_realisasi(conn) -> bool:
    """Whether the plan records any realisasi (only then is a passed month late)."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM realisasi)").fetchone()[0] == 1


def bukti_of(conn, aksi_id: int) -> list[dict]:
    cur = conn.execute(f"SELECT {', '.join(BUKTI_COLS)} FROM bukti WHERE aksi = ? ORDER BY urutan",
                       (aksi_id,))
    return [dict(zip(BUKTI_COLS, r)) for r in cur]


def evidence_total(conn) -> int:
    return conn.execute("SELECT coalesce(sum(ukuran), 0) FROM bukti").fetchone()[0]


def has_content(conn, bukti_id: int) -> bool:
    return conn.execute("SELECT 1 FROM bukti_isi WHERE bukti = ?", (bukti_id,)).fetchone() is not None


# --- writing from a plan dict (create_from_plan) ----------------------------------------

def period_months(conn) -> list[str]:
    start, count = conn.execute("SELECT bulan_mulai, jumlah_bulan FROM rencana WHERE id = 1").fetchone()
    return plan_period({"bulan_mulai": start, "jumlah_bulan": count})


def insert_realisasi(conn, rows: list[tuple]) -> None:
    conn.executemany("INSERT INTO realisasi (aksi, bulan, status, persen, catatan) VALUES (?, ?, ?, ?, ?)",
                     rows)


# --- the undo snapshot of deleted items ---------------------------------------------------

def snapshot_rows(conn, aksi_ids: list[int], select_in) -> list:
    """(table, columns, rows) of the monitoring rows under deleted langkah aksi, then the
    evidence bytes as a ``Stash`` (restored with ``restore``) — bytes go to disk, not memory."""
    out = []
    for table in ("realisasi", "bukti"):
        rows, columns = select_in(conn, table, "aksi", aksi_ids)
        if rows:
            out.append((table, columns, rows))
            if table == "bukti":
                out.append(Stash.of(conn, [r[columns.index("id")] for r in rows]))
    return out


class Stash:
    """Evidence bytes kept outside the database while an edit is undone (for its redo) or
    while a deleted item waits on the undo stack: one anonymous temp file, freed with the edit."""

    def __init__(self) -> None:
        self._file: BinaryIO = tempfile.TemporaryFile(prefix="zi-bukti-")
        self._parts: list[tuple[int, int, int]] = []   # (bukti id, offset, size)

    @classmethod
    def of(cls, conn, bukti_ids: list[int]) -> "Stash":
        stash = cls()
        for b_id in bukti_ids:
            stash.add(conn, b_id)
        return stash

    def add(self, conn, bukti_id: int) -> None:
        row = conn.execute("SELECT rowid FROM bukti_isi WHERE bukti = ?", (bukti_id,)).fetchone()
        if row is None:
            return  # a packed copy without evidence bytes: nothing to keep
        self._file.seek(0, 2)
        offset = self._file.tell()
        size = copy_out(conn, bukti_id, self._file)
        self._parts.append((bukti_id, offset, size))

    def restore(self, conn) -> None:
        for b_id, offset, size in self._parts:
            self._file.seek(offset)
            copy_in(conn, b_id, self._file, size)

    def close(self) -> None:
        self._file.close()

    def __del__(self):
        try:
            self._file.close()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass


# --- streaming bytes ------------------------------------------------------------------------

def copy_in(conn, bukti_id: int, src: BinaryIO, size: int, *, whole: bool = False) -> str:
    """Write ``size`` bytes from ``src`` as the evidence of ``bukti_id``; returns their sha256.
    ``whole``: ``src`` must end there (a file that grew while read is refused)."""
    conn.execute("INSERT INTO bukti_isi (bukti, isi) VALUES (?, zeroblob(?))", (bukti_id, size))
    digest = hashlib.sha256()
    written = 0
    with conn.blobopen("bukti_isi", "isi", bukti_id) as blob:
        while written < size:
            chunk = src.read(min(CHUNK, size - written))
            if not chunk:
                break
            blob.write(chunk)
            digest.update(chunk)
            written += len(chunk)
    if written != size or (whole and src.read(1)):
        raise ZiError("Berkas bukti berubah ukuran selama dibaca; lampirkan lagi.")
    return digest.hexdigest()


def copy_out(conn, bukti_id: int, dst: BinaryIO) -> int:
    """Stream the evidence bytes of ``bukti_id`` into ``dst``; returns the size."""
    row = conn.execute("SELECT rowid FROM bukti_isi WHERE bukti = ?", (bukti_id,)).fetchone()
    if row is None:
        raise ZiError("Isi bukti dukung ini tidak ada dalam berkas (salinan dikirim tanpa bukti).")
    size = 0
    with conn.blobopen("bukti_isi", "isi", bukti_id, readonly=True) as blob:
        while True:
            chunk = blob.read(CHUNK)
            if not chunk:
                break
            dst.write(chunk)
            size += len(chunk)
    return size


def copy_all_evidence(src, dst) -> None:
    """Stream the bytes of every evidence row ``dst`` lists from ``src`` (another database
    holding them) into ``dst``, each checked against its size and sha256 (a file changed
    since it was validated is said, not copied)."""
    rows = dst.execute("SELECT id, nama, ukuran, sha256 FROM bukti ORDER BY id").fetchall()
    for bukti_id, nama, ukuran, sha in rows:
        if src.execute("SELECT 1 FROM bukti_isi WHERE bukti = ?", (bukti_id,)).fetchone() is None:
            continue  # a plan received without evidence bytes: none to send either
        with src.blobopen("bukti_isi", "isi", bukti_id, readonly=True) as blob:
            if len(blob) != ukuran or copy_in(dst, bukti_id, blob, ukuran, whole=True) != sha:
                raise ZiError(f"Isi bukti \"{nama}\" tidak cocok dengan sidik jarinya (sha256); "
                              "berkas rencana berubah atau rusak sejak dibuka.")


def insert_bukti(conn, row: dict) -> None:
    cols = [c for c in BUKTI_COLS if c in row]
    conn.execute(f"INSERT INTO bukti ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                 tuple(row[c] for c in cols))


def next_urutan(conn, aksi_id: int) -> int:
    return conn.execute("SELECT coalesce(max(urutan) + 1, 0) FROM bukti WHERE aksi = ?",
                        (aksi_id,)).fetchone()[0]


def delete_bukti(conn, bukti_id: int) -> None:
    conn.execute("DELETE FROM bukti_isi WHERE bukti = ?", (bukti_id,))
    conn.execute("DELETE FROM bukti WHERE id = ?", (bukti_id,))


def write_file(conn, bukti_id: int, target: Path, sha256: str) -> None:
    """Write evidence to ``target`` (new file), checking the bytes against their sha256."""
    digest = hashlib.sha256()

    class _Tee:
        def __init__(self, fh):
            self.fh = fh

        def write(self, chunk):
            digest.update(chunk)
            self.fh.write(chunk)

    with open(target, "xb") as fh:
        copy_out(conn, bukti_id, _Tee(fh))
    if sha256 and digest.hexdigest() != sha256:
        target.unlink()
        raise ZiError(f"Isi bukti \"{target.name}\" tidak cocok dengan sidik jarinya (sha256); "
                      "berkas rencana mungkin rusak.")


# --- finding a langkah aksi by its path -----------------------------------------------------

def _from_roman(text: str) -> int | None:
    from ..model import romawi
    for n in range(1, 100):
        if romawi(n) == text:
            return n
    return None


def aksi_for_jalur(conn, jalur: str) -> int:
    """The id of the langkah aksi at ``jalur`` ("I.2.3.1", as ``check --json`` gives)."""
    parts = jalur.strip().split(".")
    wrong = ZiError(f"Jalur \"{jalur}\" tidak menunjuk langkah aksi dalam rencana ini; tulis seperti "
                    "I.2.3.1 (area.komponen.indikator.langkah aksi, seperti pada zi-desktop check --json).")
    if len(parts) != 4 or not all(p.isdigit() and int(p) > 0 for p in parts[1:]):
        raise wrong
    area_no = _from_roman(parts[0].upper())
    if area_no is None:
        raise wrong
    k, i, x = (int(p) - 1 for p in parts[1:])
    row = conn.execute(
        "SELECT a.id FROM area ar JOIN komponen k ON k.induk = ar.id AND k.urutan = ? "
        "JOIN indikator i ON i.induk = k.id AND i.urutan = ? JOIN aksi a ON a.induk = i.id AND a.urutan = ? "
        "WHERE ar.urutan = ?", (k, i, x, area_no - 1)).fetchone()
    if row is None:
        raise wrong
    return row[0]
