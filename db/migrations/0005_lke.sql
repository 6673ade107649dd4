-- The Penilaian Mandiri (LKE, PermenPANRB 90/2021 jo. 5/2024; questions in resources/lke/).
-- Each langkah aksi may serve one LKE question: its code ('' = none), e.g. 'V.2.b'.
ALTER TABLE aksi ADD COLUMN lke TEXT NOT NULL DEFAULT '';

-- The unit's answers, one row per question code (also IPAK, IPKP, CAPAIAN for Hasil).
-- jawaban: as entered ('Ya', 'A' … 'E', '0.85', '85%', '17/20', an index '3.6'; '' = not yet);
-- target: the answer aimed for ('' = the best answer); bukti: names of evidence files, one a
-- line (text, not a reference: the evidence table may be absent or renamed); link: a URL.
CREATE TABLE lke_jawaban (
    kode TEXT PRIMARY KEY,
    jawaban TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    narasi TEXT NOT NULL DEFAULT '',
    bukti TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Settings where the sources disagree (keys and choices in resources/lke/lke-2024.json,
-- "pengaturan"); a missing key means the data file's default.
CREATE TABLE lke_pengaturan (
    kunci TEXT PRIMARY KEY,
    nilai TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
