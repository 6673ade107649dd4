-- Format 2: the year's monitoring. Realisasi per langkah aksi and month, and the evidence
-- (bukti dukung) attached to a langkah aksi. The evidence bytes live in their own table so
-- that listing evidence, dumping the plan or checking the data never reads a BLOB.

CREATE TABLE realisasi (
    aksi INTEGER NOT NULL REFERENCES aksi (id) ON DELETE CASCADE,
    bulan TEXT NOT NULL CHECK (bulan GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    status TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'sebagian', 'selesai')),
    persen INTEGER NOT NULL DEFAULT 0 CHECK (persen BETWEEN 0 AND 100),
    catatan TEXT NOT NULL DEFAULT '',   -- kendala and tindak lanjut
    PRIMARY KEY (aksi, bulan)
) WITHOUT ROWID;

-- One evidence file: what the user sees and checks (name, size, sha256, type read from content).
CREATE TABLE bukti (
    id INTEGER PRIMARY KEY,
    aksi INTEGER NOT NULL REFERENCES aksi (id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    nama TEXT NOT NULL DEFAULT '',
    ukuran INTEGER NOT NULL CHECK (ukuran >= 0),
    sha256 TEXT NOT NULL DEFAULT '',
    jenis TEXT NOT NULL DEFAULT '',     -- MIME type sniffed from the first bytes
    bulan TEXT NOT NULL DEFAULT '',     -- 'YYYY-MM' or '' (not tied to a month)
    waktu TEXT NOT NULL DEFAULT ''      -- when attached
);
CREATE INDEX bukti_aksi ON bukti (aksi, urutan);

-- The bytes. A packed copy "tanpa bukti" keeps the rows above and leaves these out.
CREATE TABLE bukti_isi (
    bukti INTEGER PRIMARY KEY REFERENCES bukti (id) ON DELETE CASCADE,
    isi BLOB NOT NULL
);
