-- The decree body around the Lampiran table (issue 16): the items of Menimbang, Mengingat,
-- Memperhatikan and the diktum (KESATU, KEDUA …), and the Lampiran's chapters (BAB I …).
-- Letters, numbers and diktum labels are derived from `urutan` (0, 1, …), never stored.
-- No indexes: a decree has tens of items, and each index would cost a 16 KB page in every file.

CREATE TABLE keputusan_butir (
    id INTEGER PRIMARY KEY,
    bagian TEXT NOT NULL CHECK (bagian IN ('menimbang', 'mengingat', 'memperhatikan', 'diktum')),
    urutan INTEGER NOT NULL,
    teks TEXT NOT NULL DEFAULT ''
);

CREATE TABLE bab (
    id INTEGER PRIMARY KEY,
    urutan INTEGER NOT NULL,
    judul TEXT NOT NULL DEFAULT '',
    isi TEXT NOT NULL DEFAULT ''
);
