-- The first .zidb schema: the plan's identity, its tree, planned months, provenance.
-- Text columns are never NULL: an empty field is ''. Order among siblings is `urutan` (0, 1, …).

CREATE TABLE rencana (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    satker TEXT NOT NULL DEFAULT '',
    tahun INTEGER NOT NULL CHECK (tahun BETWEEN 1900 AND 2999),
    nomor TEXT NOT NULL DEFAULT '',
    tanggal TEXT NOT NULL DEFAULT '',
    tempat TEXT NOT NULL DEFAULT '',
    tentang TEXT NOT NULL DEFAULT '',
    jabatan_penandatangan TEXT NOT NULL DEFAULT '',
    penandatangan TEXT NOT NULL DEFAULT '',
    salinan_kantor TEXT NOT NULL DEFAULT '',
    salinan_jabatan TEXT NOT NULL DEFAULT '',
    salinan_nama TEXT NOT NULL DEFAULT '',
    bulan_mulai TEXT NOT NULL,
    jumlah_bulan INTEGER NOT NULL DEFAULT 12 CHECK (jumlah_bulan BETWEEN 1 AND 36),
    cetak_kertas TEXT NOT NULL DEFAULT 'F4' CHECK (cetak_kertas IN ('F4', 'A4')),
    cetak_kolom_waktu TEXT NOT NULL DEFAULT 'teks' CHECK (cetak_kolom_waktu IN ('teks', 'bulan')),
    cetak_penanggung_jawab INTEGER NOT NULL DEFAULT 0 CHECK (cetak_penanggung_jawab IN (0, 1)),
    cetak_target_capaian INTEGER NOT NULL DEFAULT 0 CHECK (cetak_target_capaian IN (0, 1)),
    cetak_nomor_kolom INTEGER NOT NULL DEFAULT 0 CHECK (cetak_nomor_kolom IN (0, 1))
);

CREATE TABLE area (
    id INTEGER PRIMARY KEY,
    urutan INTEGER NOT NULL,
    nama TEXT NOT NULL DEFAULT '',
    penanggung_jawab TEXT NOT NULL DEFAULT ''
);

CREATE TABLE komponen (
    id INTEGER PRIMARY KEY,
    induk INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    nama TEXT NOT NULL DEFAULT ''
);
CREATE INDEX komponen_induk ON komponen (induk, urutan);

CREATE TABLE indikator (
    id INTEGER PRIMARY KEY,
    induk INTEGER NOT NULL REFERENCES komponen (id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    teks TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indikator_induk ON indikator (induk, urutan);

CREATE TABLE aksi (
    id INTEGER PRIMARY KEY,
    induk INTEGER NOT NULL REFERENCES indikator (id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    langkah TEXT NOT NULL DEFAULT '',
    bukti_fisik TEXT NOT NULL DEFAULT '',
    target_waktu TEXT NOT NULL DEFAULT '',
    target_waktu_manual INTEGER NOT NULL DEFAULT 0 CHECK (target_waktu_manual IN (0, 1)),
    target_capaian TEXT NOT NULL DEFAULT '',
    penanggung_jawab TEXT NOT NULL DEFAULT ''
);
CREATE INDEX aksi_induk ON aksi (induk, urutan);

-- Planned months of a langkah aksi, 'YYYY-MM' (a plan may run into the next year).
CREATE TABLE jadwal (
    aksi INTEGER NOT NULL REFERENCES aksi (id) ON DELETE CASCADE,
    bulan TEXT NOT NULL CHECK (bulan GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    PRIMARY KEY (aksi, bulan)
) WITHOUT ROWID;

-- Where this file came from: created, imported, packed for the province, migrated.
CREATE TABLE riwayat (
    id INTEGER PRIMARY KEY,
    waktu TEXT NOT NULL,
    peristiwa TEXT NOT NULL,
    keterangan TEXT NOT NULL DEFAULT ''
);
