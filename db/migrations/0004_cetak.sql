-- Print fidelity (issue 15): the table's own title and the decree's printing conventions.
-- Lists and dicts are stored as text: cetak_kata_miring one word or phrase per line,
-- cetak_lebar_kolom a JSON object column → mm ('' = automatic widths).

ALTER TABLE rencana ADD COLUMN judul_tabel TEXT NOT NULL DEFAULT '';
ALTER TABLE rencana ADD COLUMN cetak_huruf TEXT NOT NULL DEFAULT 'arial'
    CHECK (cetak_huruf IN ('arial', 'bookman', 'dejavu'));
ALTER TABLE rencana ADD COLUMN cetak_kata_miring TEXT NOT NULL DEFAULT '';
ALTER TABLE rencana ADD COLUMN cetak_tanda_tangan TEXT NOT NULL DEFAULT 'ttd.';
ALTER TABLE rencana ADD COLUMN cetak_nomor_titik INTEGER NOT NULL DEFAULT 0
    CHECK (cetak_nomor_titik IN (0, 1));
ALTER TABLE rencana ADD COLUMN cetak_kepala_bulan TEXT NOT NULL DEFAULT 'nama'
    CHECK (cetak_kepala_bulan IN ('nama', 'angka'));
ALTER TABLE rencana ADD COLUMN cetak_ulang_ditetapkan INTEGER NOT NULL DEFAULT 1
    CHECK (cetak_ulang_ditetapkan IN (0, 1));
ALTER TABLE rencana ADD COLUMN cetak_koma_jabatan INTEGER NOT NULL DEFAULT 1
    CHECK (cetak_koma_jabatan IN (0, 1));
ALTER TABLE rencana ADD COLUMN cetak_gaya_nomor TEXT NOT NULL DEFAULT 'tahun'
    CHECK (cetak_gaya_nomor IN ('tahun', 'titik_dua'));
ALTER TABLE rencana ADD COLUMN cetak_lebar_kolom TEXT NOT NULL DEFAULT '';
