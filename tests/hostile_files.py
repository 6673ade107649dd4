"""The hostile corpus: crafted and damaged plan files every verb and the window must refuse.

``cases()`` lists each file as ``Case(name, make, expect)``: ``make(path)`` turns a copy of a
good plan at ``path`` into the hostile file (or writes one from nothing), ``expect`` is a piece
of the Indonesian sentence the refusal must hold. Run as a script to write the corpus into a
folder: ``python tests/hostile_files.py OUT``.

Values the schema forbids are written the way an attacker would: the table's declaration in
``sqlite_master`` is loosened (types, CHECK, NOT NULL gone), the value written, and the
declaration put back — so the file's schema is exactly ours and only its data lie.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

DIUBAH = "telah diubah di luar ZI Desktop"
RUSAK = "rusak"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], None]
    expect: str


# --- tools -------------------------------------------------------------------------------

def _sql(path: Path, *statements: str, writable_schema: bool = False) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if writable_schema:
            conn.execute("PRAGMA writable_schema = ON")
        for st in statements:
            conn.execute(st)
    finally:
        conn.close()


def _loose_sql(conn: sqlite3.Connection, table: str) -> str:
    cols = conn.execute(f"PRAGMA table_info({table})").fetchall()
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    pk = [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]]
    without_rowid = "WITHOUT ROWID" in sql.upper()
    parts = []
    for _cid, name, ctype, _nn, _d, p in cols:
        if p and not without_rowid and len(pk) == 1:
            # the rowid alias stays one; a text key keeps its automatic index
            parts.append(f"{name} INTEGER PRIMARY KEY" if ctype.upper() == "INTEGER" else f"{name} PRIMARY KEY")
        else:
            parts.append(name)
    if without_rowid:
        return f"CREATE TABLE {table} ({', '.join(parts)}, PRIMARY KEY ({', '.join(pk)})) WITHOUT ROWID"
    return f"CREATE TABLE {table} ({', '.join(parts)})"


def raw(path: Path, table: str, *statements: str) -> None:
    """Run ``statements`` with ``table``'s constraints and types out of the way."""
    conn = sqlite3.connect(path, isolation_level=None)
    original = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    loose = _loose_sql(conn, table)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (loose, table))
    conn.close()
    _sql(path, *statements)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (original, table))
    conn.close()


def patch(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


def _cut(fraction: float, extra: int = 0) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        data = p.read_bytes()
        p.write_bytes(data[: int(len(data) * fraction) + extra])
    return make


def _garble(step: int) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        data = bytearray(p.read_bytes())
        for i in range(4096 + 8, len(data), step):
            data[i] ^= 0x5A
        p.write_bytes(bytes(data))
    return make


def _schema(*statements: str) -> Callable[[Path], None]:
    return lambda p: _sql(p, *statements, writable_schema=True)


def _raw(table: str, *statements: str) -> Callable[[Path], None]:
    return lambda p: raw(p, table, *statements)


def _header(offset: int, data: bytes) -> Callable[[Path], None]:
    return lambda p: patch(p, offset, data)


def _stale_index(p: Path) -> None:
    """An index that disagrees with its table (quick_check passes, integrity_check does not)."""
    conn = sqlite3.connect(p, isolation_level=None)
    original = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'aksi_induk'").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'aksi_induk'", (original + " WHERE 0",))
    conn.close()
    _sql(p, "UPDATE aksi SET urutan = urutan + 50 WHERE id = 1")
    _sql(p, "UPDATE sqlite_master SET sql = '%s' WHERE name = 'aksi_induk'" % original.replace("'", "''"),
         writable_schema=True)


def _hidden_table(name: str) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        _sql(p, "CREATE TABLE tersembunyi (x)", "INSERT INTO tersembunyi VALUES ('rahasia')")
        _sql(p, f"UPDATE sqlite_master SET name = '{name}', tbl_name = '{name}', "
                f"sql = 'CREATE TABLE {name} (x)' WHERE name = 'tersembunyi'", writable_schema=True)
    return make


def _sqlite_object(kind: str, name: str, table: str, sql: str) -> Callable[[Path], None]:
    return _schema(f"INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES "
                   f"('{kind}', '{name}', '{table}', 0, '{sql}')")


def _foreign_db(p: Path) -> None:
    p.unlink()
    _sql(p, "CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)",
         "INSERT INTO pelanggan VALUES (1, 'x')")


def _many_areas(p: Path) -> None:
    _sql(p, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 101) "
         "INSERT INTO area (urutan, nama) SELECT i + 100, 'Area ' || i FROM n")


_BUKTI = "INSERT INTO bukti (id, aksi, urutan, nama, ukuran, sha256, jenis, bulan, waktu) VALUES "
_SHA = "'" + "ab" * 32 + "'"


def _evidence_cases() -> list[Case]:
    """The evidence is checked in place by its list and record headers (not copied, not
    read): each way its list and its bytes can lie."""
    good = f"{_BUKTI}(1, 1, 0, 'undangan.pdf', 10, {_SHA}, 'application/pdf', '2025-01', '')"
    mb = 1024 * 1024
    return [
        Case("isi bukti lebih pendek dari daftarnya",
             _raw("bukti", good.replace(", 10,", ", 100,"), "INSERT INTO bukti_isi VALUES (1, zeroblob(10))"),
             "isi bukti dukung tidak cocok"),
        Case("isi bukti tanpa daftarnya", _raw("bukti_isi", "INSERT INTO bukti_isi VALUES (7, zeroblob(10))"),
             "tanpa induk"),
        Case("isi bukti berupa teks", _raw("bukti_isi", good, "INSERT INTO bukti_isi VALUES (1, 'teks biasa')"),
             "bukti_isi.isi"),
        Case("isi bukti NULL", _raw("bukti_isi", good, "INSERT INTO bukti_isi VALUES (1, NULL)"),
             "bukti_isi.isi"),
        Case("bukti raksasa (26 MB)", _raw("bukti", good.replace(", 10,", f", {26 * mb},"),
                                           f"INSERT INTO bukti_isi VALUES (1, zeroblob({26 * mb}))"),
             "bukti.ukuran"),
        Case("daftar bukti lebih dari 1 GB", _raw("bukti", *(
            f"{_BUKTI}({n}, 1, {n}, 'b{n}.pdf', {25 * mb}, {_SHA}, 'application/pdf', '', '')" for n in range(1, 43))),
             "bukti dukung lebih dari 1024 MB"),
        Case("ukuran bukti negatif", _raw("bukti", good.replace(", 10,", ", -5,")), "bukti.ukuran"),
        Case("sha256 bukan heksadesimal", _raw("bukti", good.replace(_SHA, "'" + "zz" * 32 + "'")), "bukti.sha256"),
        Case("sha256 dengan NUL",
             _raw("bukti", good.replace(_SHA, "CAST(x'" + "61" * 40 + "00" + "61" * 23 + "' AS TEXT)")),
             "bukti.sha256"),
        Case("nama bukti blob", _raw("bukti", good.replace("'undangan.pdf'", "x'00ff'")), "bukti.nama"),
        Case("bukti untuk aksi tak ada", _raw("bukti", good.replace("(1, 1, 0,", "(1, 999, 0,")), "tanpa induk"),
        Case("blob di tabel tak dikenal", _schema("CREATE TABLE lampiran_lain (isi BLOB)",
                                                  "INSERT INTO lampiran_lain VALUES (zeroblob(4096))"), "tabel tambahan"),
        Case("realisasi persen 500", _raw("realisasi", "INSERT INTO realisasi VALUES (1, '2025-01', 'selesai', 500, '')"),
             "isian tabel realisasi tidak sah"),
        Case("realisasi status lain", _raw("realisasi", "INSERT INTO realisasi VALUES (1, '2025-01', 'hampir', 50, '')"),
             "realisasi.status"),
        Case("realisasi bulan 2025-13", _raw("realisasi", "INSERT INTO realisasi VALUES (1, '2025-13', 'selesai', 100, '')"),
             "realisasi.bulan"),
        Case("realisasi catatan UTF-8 rusak", _raw("realisasi", "INSERT INTO realisasi VALUES "
                                                   "(1, '2025-01', 'selesai', 100, CAST(x'41c328ff42' AS TEXT))"), "UTF-8"),
    ]


def _text_cases(table: str, column: str, where: str) -> list[Case]:
    t, c = table, column
    return [
        Case(f"{t}.{c}: NUL di tengah", _raw(t, f"UPDATE {t} SET {c} = CAST(x'61006200' AS TEXT) WHERE {where}"), "NUL"),
        Case(f"{t}.{c}: UTF-8 rusak", _raw(t, f"UPDATE {t} SET {c} = CAST(x'41c328ff42' AS TEXT) WHERE {where}"), "UTF-8"),
        Case(f"{t}.{c}: surrogate tunggal", _raw(t, f"UPDATE {t} SET {c} = CAST(x'41eda08042' AS TEXT) WHERE {where}"), "UTF-8"),
        Case(f"{t}.{c}: blob", _raw(t, f"UPDATE {t} SET {c} = x'00ff00' WHERE {where}"), "tidak sah"),
        Case(f"{t}.{c}: bilangan", _raw(t, f"UPDATE {t} SET {c} = 12345 WHERE {where}"), "bukan teks"),
        Case(f"{t}.{c}: NULL", _raw(t, f"UPDATE {t} SET {c} = NULL WHERE {where}"), DIUBAH),
    ]


def cases() -> list[Case]:
    out = [
        # --- bytes and header -------------------------------------------------------------
        Case("bukan SQLite (dokumen Word)", _write(b"PK\x03\x04 dokumen Word" * 40), "bukan berkas rencana ZI Desktop"),
        Case("teks biasa", _write("Rencana aksi\n".encode() * 100), "bukan berkas rencana ZI Desktop"),
        Case("0 byte", _write(b""), "kosong (0 byte)"),
        Case("50 byte kepala", _write(b"SQLite format 3\x00" + b"\x00" * 34), RUSAK),
        Case("hanya kepala 100 byte", _cut(0, 100), RUSAK),
        Case("terpotong setengah", _cut(0.5, 100), RUSAK),
        Case("terpotong 90%", _cut(0.9), RUSAK),
        Case("terpotong satu halaman", _cut(0, 4096), RUSAK),
        Case("halaman kacau (tiap 97 byte)", _garble(97), RUSAK),
        Case("halaman kacau (tiap 1009 byte)", _garble(1009), RUSAK),
        Case("mode WAL di kepala", _header(18, b"\x02\x02"), "mode WAL"),
        Case("versi tulis 3", _header(18, b"\x03\x01"), DIUBAH),
        Case("versi baca 3", _header(18, b"\x01\x03"), DIUBAH),
        Case("ukuran halaman 1000", _header(16, (1000).to_bytes(2, "big")), RUSAK),
        Case("jumlah halaman raksasa", _header(28, (2**31).to_bytes(4, "big")), DIUBAH),
        Case("application_id lain", _header(68, (0x12345678).to_bytes(4, "big")), "dibuat oleh program lain"),
        Case("SQLite program lain", _foreign_db, "dibuat oleh program lain"),
        Case("user_version 0", _header(60, (0).to_bytes(4, "big")), RUSAK),
        Case("versi masa depan", _header(60, (99).to_bytes(4, "big")), "versi yang lebih baru"),
        Case("versi negatif", _header(60, (2**32 - 1).to_bytes(4, "big")), "versi yang lebih baru"),
        # --- schema -----------------------------------------------------------------------
        Case("pemicu tambahan", _schema("CREATE TRIGGER hapus AFTER UPDATE ON aksi BEGIN DELETE FROM area; END"),
             "pemicu (trigger) tambahan"),
        Case("pemicu sqlite_zz", _sqlite_object("trigger", "sqlite_zz", "aksi",
             "CREATE TRIGGER sqlite_zz AFTER UPDATE ON aksi BEGIN DELETE FROM area; END"), "sqlite_zz"),
        Case("pemicu pada rencana", _schema("CREATE TRIGGER r BEFORE UPDATE ON rencana BEGIN SELECT 1; END"),
             "pemicu (trigger) tambahan"),
        Case("tampilan tambahan", _schema("CREATE VIEW v AS SELECT * FROM aksi"), "tampilan (view) tambahan"),
        Case("tampilan sqlite_v", _sqlite_object("view", "sqlite_v", "sqlite_v",
             "CREATE VIEW sqlite_v AS SELECT * FROM aksi"), "sqlite_v"),
        Case("tabel tambahan", _schema("CREATE TABLE catatan (x TEXT)"), "tabel tambahan"),
        Case("tabel tersembunyi sqlite_hidden", _hidden_table("sqlite_hidden"), "sqlite_hidden"),
        Case("sqlite_stat1 (ANALYZE)", _schema("ANALYZE"), "sqlite_stat1"),
        Case("sqlite_sequence palsu", _hidden_table("sqlite_sequence"), "sqlite_sequence"),
        Case("indeks tambahan", _schema("CREATE INDEX area_nama ON area (nama)"), "indeks tambahan"),
        Case("indeks hilang", _schema("DROP INDEX aksi_induk"), "hilang"),
        Case("tabel hilang", _schema("DROP TABLE riwayat"), "hilang"),
        Case("kolom tambahan", _schema("ALTER TABLE area ADD COLUMN catatan TEXT"), "struktur area berbeda"),
        Case("kolom hilang", _schema("ALTER TABLE aksi DROP COLUMN target_capaian"), "struktur aksi berbeda"),
        Case("tipe kolom lain", _schema("UPDATE sqlite_master SET sql = replace(sql, 'langkah TEXT', "
                                        "'langkah BLOB') WHERE name = 'aksi'"), "struktur aksi berbeda"),
        Case("CHECK dibuang", _schema("UPDATE sqlite_master SET sql = replace(sql, "
                                      "'CHECK (jumlah_bulan BETWEEN 1 AND 36)', '') WHERE name = 'rencana'"),
             "struktur rencana berbeda"),
        Case("tabel virtual FTS", _schema("CREATE VIRTUAL TABLE cari USING fts5(x)"), DIUBAH),
        Case("catatan migrasi hilang", _schema("DROP TABLE _migrasi"), "hilang"),
        Case("indeks tidak cocok dengan tabel", _stale_index, RUSAK),
        # --- identity ---------------------------------------------------------------------
        Case("identitas kedua", _raw("rencana", "INSERT INTO rencana (id, tahun, bulan_mulai) VALUES (2, 2025, '2025-01')"),
             "identitas rencana lebih dari satu"),
        Case("identitas hilang", _raw("rencana", "DELETE FROM rencana"), "identitas rencana tidak ada"),
        Case("identitas id 2", _raw("rencana", "UPDATE rencana SET id = 2"), "rencana.id"),
        Case("tahun berupa teks", _raw("rencana", "UPDATE rencana SET tahun = '2025'"), "rencana.tahun"),
        Case("tahun pecahan", _raw("rencana", "UPDATE rencana SET tahun = 2025.5"), "rencana.tahun"),
        Case("tahun 1800", _raw("rencana", "UPDATE rencana SET tahun = 1800"), "rencana.tahun"),
        Case("tahun 30000", _raw("rencana", "UPDATE rencana SET tahun = 30000"), "rencana.tahun"),
        Case("jumlah bulan 0", _raw("rencana", "UPDATE rencana SET jumlah_bulan = 0"), "rencana.jumlah_bulan"),
        Case("jumlah bulan 37", _raw("rencana", "UPDATE rencana SET jumlah_bulan = 37"), "rencana.jumlah_bulan"),
        Case("jumlah bulan 50 juta", _raw("rencana", "UPDATE rencana SET jumlah_bulan = 50000000"), "rencana.jumlah_bulan"),
        Case("jumlah bulan negatif", _raw("rencana", "UPDATE rencana SET jumlah_bulan = -5"), "rencana.jumlah_bulan"),
        Case("jumlah bulan teks", _raw("rencana", "UPDATE rencana SET jumlah_bulan = 'dua belas'"), "rencana.jumlah_bulan"),
        Case("bulan mulai abc", _raw("rencana", "UPDATE rencana SET bulan_mulai = 'abc'"), "rencana.bulan_mulai"),
        Case("bulan mulai 2025-00", _raw("rencana", "UPDATE rencana SET bulan_mulai = '2025-00'"), "rencana.bulan_mulai"),
        Case("bulan mulai 2025-13", _raw("rencana", "UPDATE rencana SET bulan_mulai = '2025-13'"), "rencana.bulan_mulai"),
        Case("bulan mulai 2025-19", _raw("rencana", "UPDATE rencana SET bulan_mulai = '2025-19'"), "rencana.bulan_mulai"),
        Case("bulan mulai 2025-1", _raw("rencana", "UPDATE rencana SET bulan_mulai = '2025-1'"), "rencana.bulan_mulai"),
        Case("bulan mulai berspasi", _raw("rencana", "UPDATE rencana SET bulan_mulai = ' 2025-01'"), "rencana.bulan_mulai"),
        Case("bulan mulai kosong", _raw("rencana", "UPDATE rencana SET bulan_mulai = ''"), "rencana.bulan_mulai"),
        Case("bulan mulai tahun jauh", _raw("rencana", "UPDATE rencana SET bulan_mulai = '2040-01'"), "periode rencana"),
        Case("kertas Letter", _raw("rencana", "UPDATE rencana SET cetak_kertas = 'Letter'"), "rencana.cetak_kertas"),
        Case("kolom waktu lain", _raw("rencana", "UPDATE rencana SET cetak_kolom_waktu = 'gantt'"), "rencana.cetak_kolom_waktu"),
        Case("pilihan cetak 2", _raw("rencana", "UPDATE rencana SET cetak_nomor_kolom = 2"), "rencana.cetak_nomor_kolom"),
        Case("pilihan cetak teks", _raw("rencana", "UPDATE rencana SET cetak_target_capaian = 'ya'"), "rencana.cetak_target_capaian"),
        Case("satker 5 MB", _raw("rencana", "UPDATE rencana SET satker = printf('%.5000000c', 'x')"), "terlalu panjang"),
        # --- the tree ---------------------------------------------------------------------
        Case("id area negatif", _raw("area", "UPDATE komponen SET induk = -1 WHERE induk = 1",
                                     "UPDATE area SET id = -1 WHERE id = 1"), "area.id"),
        Case("id aksi 0", _raw("aksi", "UPDATE jadwal SET aksi = 0 WHERE aksi = 1", "UPDATE aksi SET id = 0 WHERE id = 1"),
             "aksi.id"),
        Case("id aksi 2^31", _raw("aksi", f"UPDATE jadwal SET aksi = {2**31} WHERE aksi = 1",
                                  f"UPDATE aksi SET id = {2**31} WHERE id = 1"), "aksi.id"),
        Case("id indikator 2^40", _raw("indikator", f"UPDATE aksi SET induk = {2**40} WHERE induk = 1",
                                       f"UPDATE indikator SET id = {2**40} WHERE id = 1"), "indikator.id"),
        Case("induk tidak ada", _raw("komponen", "UPDATE komponen SET induk = 999 WHERE id = 1"), "tanpa induk"),
        Case("induk negatif", _raw("aksi", "UPDATE aksi SET induk = -7 WHERE id = 1"), DIUBAH),
        Case("induk teks", _raw("aksi", "UPDATE aksi SET induk = 'satu' WHERE id = 1"), DIUBAH),
        Case("urutan ganda", _raw("aksi", "UPDATE aksi SET urutan = 0"), "urutan butir tabel aksi ganda"),
        Case("urutan area ganda", _raw("area", "UPDATE area SET urutan = 0"), "urutan butir tabel area ganda"),
        Case("urutan negatif", _raw("komponen", "UPDATE komponen SET urutan = -3 WHERE id = 1"), "komponen.urutan"),
        Case("urutan teks", _raw("indikator", "UPDATE indikator SET urutan = 'awal' WHERE id = 1"), "indikator.urutan"),
        Case("urutan pecahan", _raw("indikator", "UPDATE indikator SET urutan = 0.5 WHERE id = 1"), "indikator.urutan"),
        Case("target waktu manual 5", _raw("aksi", "UPDATE aksi SET target_waktu_manual = 5"), "aksi.target_waktu_manual"),
        Case("area lebih dari 100", _many_areas, "tabel area memuat lebih dari 100 baris"),
        Case("teks aksi 5 MB", _raw("aksi", "UPDATE aksi SET bukti_fisik = printf('%.5000000c', 'x') WHERE id = 1"),
             "terlalu panjang"),
        Case("100.001 huruf ASCII", _raw("aksi", "UPDATE aksi SET langkah = printf('%.100001c', 'x') WHERE id = 1"),
             "terlalu panjang"),
        Case("100.001 huruf é", _raw("aksi", "UPDATE aksi SET langkah = replace(printf('%.100001c', 'x'), 'x', 'é') "
                                            "WHERE id = 1"), "terlalu panjang"),
        Case("2 MB di balik NUL", _raw("aksi", "UPDATE aksi SET langkah = CAST(x'00' AS TEXT) || "
                                              "printf('%.2000000c', 'x') WHERE id = 1"), DIUBAH),
        # --- months -----------------------------------------------------------------------
        Case("bulan jadwal abc", _raw("jadwal", "INSERT INTO jadwal VALUES (1, 'abc')"), "jadwal.bulan"),
        Case("bulan jadwal 2025-00", _raw("jadwal", "INSERT INTO jadwal VALUES (1, '2025-00')"), "jadwal.bulan"),
        Case("bulan jadwal 2025-19", _raw("jadwal", "INSERT INTO jadwal VALUES (1, '2025-19')"), "jadwal.bulan"),
        Case("bulan jadwal 2025-7", _raw("jadwal", "INSERT INTO jadwal VALUES (1, '2025-7')"), "jadwal.bulan"),
        Case("bulan jadwal 9999-01", _raw("jadwal", "INSERT INTO jadwal VALUES (1, '9999-01')"), "jadwal.bulan"),
        Case("bulan jadwal 2040-01", _raw("jadwal", "INSERT INTO jadwal VALUES (1, '2040-01')"), "ada bulan jadwal di luar tahun"),
        Case("bulan jadwal blob", _raw("jadwal", "INSERT INTO jadwal VALUES (1, x'323032352d3031')"), "jadwal.bulan"),
        Case("bulan jadwal bilangan", _raw("jadwal", "INSERT INTO jadwal VALUES (1, 202501)"), "jadwal.bulan"),
        Case("jadwal untuk aksi tak ada", _raw("jadwal", "INSERT INTO jadwal VALUES (999, '2025-03')"), "tanpa induk"),
        Case("riwayat waktu blob", _raw("riwayat", "UPDATE riwayat SET waktu = x'ff'"), "riwayat.waktu"),
        Case("migrasi nama NUL", _raw("_migrasi", "UPDATE _migrasi SET nama = CAST(x'300030' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM _migrasi)"), "NUL"),
    ]
    for table, column, where in (("rencana", "satker", "id = 1"), ("rencana", "tentang", "id = 1"),
                                 ("area", "nama", "id = 1"), ("komponen", "nama", "id = 1"),
                                 ("indikator", "teks", "id = 1"), ("aksi", "langkah", "id = 1"),
                                 ("aksi", "bukti_fisik", "id = 1"), ("riwayat", "keterangan", "id = 1")):
        out.extend(_text_cases(table, column, where))
    out.extend(_evidence_cases())
    return out


def base_plan(folder: Path) -> Path:
    """The good plan every case starts from."""
    from plans import small_plan
    from zi_desktop.document import Dokumen
    path = folder / "dasar.zidb"
    if not path.exists():
        Dokumen.create_from_plan(path, small_plan()).close()
    return path


def build(case: Case, base: Path, target: Path) -> Path:
    shutil.copyfile(base, target)
    case.make(target)
    for sidecar in (Path(str(target) + "-journal"), target.with_name("~$" + target.name)):
        if sidecar.exists():
            sidecar.unlink()
    return target


def corpus(folder: Path) -> dict[str, Path]:
    """Every case written into ``folder``: case name → file."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base_plan(folder)
    return {case.name: build(case, base, folder / f"{slug(case.name)}.zidb") for case in cases()}


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    print(f"{len(corpus(out))} berkas di {out}")
