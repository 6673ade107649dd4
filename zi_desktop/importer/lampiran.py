"""Rows of a Lampiran table (in its printed column shape) → Area → Komponen → Indikator → Aksi.

How the printed table is read:

- A header row names the columns (:mod:`.columns`); the same header repeated on every page, a row
  numbering the columns ("1 2 3 4 5 6") and the row numbering a month grid (1 … 12) are skipped.
- An area is a row holding only "I MANAJEMEN PERUBAHAN" (or "II" | "PENATAAN …" in two cells),
  or a heading line right above a table ("I. MANAJEMEN PERUBAHAN", Madiun).
- A number in the NO column starts a komponen; a komponen, indikator or langkah-aksi cell left
  empty continues the one above (a merged cell prints once).
- The first row after a repeated header (a page break) that has no number, no target waktu and
  no ✓ holds the rest of cells cut at the bottom of the previous page: each of its cells is
  joined to the cell it continues instead of making a new row.
- Odd things are read anyway and reported as warnings: rows before the first area, komponen
  numbers that jump or repeat, ✓ outside the month columns, columns we do not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import columns as C
from .cells import is_mark, join_fragment, strip_markup
from .columns import Columns, is_column_numbers, read_header, read_subheader, standard_columns
from .continuation import decide as decide_continuation, same_row
from .report import KERAGUAN, PERBAIKAN, Note
from .tables import Line, Row
from .tree import Aksi, Area, Indikator, Komponen, roman_value, same_text

TABLE_MARK = "\x00TABEL"     # stands for a table row among the lines outside tables

_AREA_TEXT = re.compile(
    r"^(?:AREA\s+(?:PERUBAHAN\s+)?)?([IVXL]{1,6})\s*[.):\-]?\s+(?=\S)(.{2,160})$", re.I)
_AREA_LETTER = re.compile(r"^([A-J])\s*[.)]\s+(.{2,160})$")
_SIGNATURE = re.compile(r"^(?:Ditetapkan\s+di\b|Salinan\s+sesuai\b|Tembusan\b)", re.I)
# a Target Waktu text that cannot end there: "Januari -", "Maret, Juni,", "Mei s.d."
_OPEN_END = re.compile(r"(?:[-–—,/]|\b(?:dan|s\.?\s*d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga|"
                       r"mulai|minggu|tanggal|tgl|ke))\s*$", re.I)
_NUMBER = re.compile(r"^\(?\s*(\d{1,3})\s*[.)]?\s*\)?$")


@dataclass
class Reading:
    """What was read from the rows, before cleaning."""
    areas: list[Area] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)   # lines outside the table (identity)
    warnings: list[str] = field(default_factory=list)
    headers: int = 0
    repeated_headers: int = 0
    joined_rows: int = 0
    joined_cells: int = 0
    column_number_rows: int = 0
    had_grid: bool = False
    had_waktu_text: bool = False
    had_pj: bool = False
    had_capaian: bool = False
    inherited_waktu: int = 0
    stray_marks: list[int] = field(default_factory=list)
    unknown_columns: dict[str, int] = field(default_factory=dict)
    data_rows: int = 0
    default_columns: bool = False
    plain: bool = False             # cells are plain text (the export's shape): no markup
    grid_start: int | None = None   # a month grid named "Jul" … "Jun": the period starts in July
    month_labels: list[str] = field(default_factory=list)   # the first grid's labels as printed
    notes: list[Note] = field(default_factory=list)     # repairs and doubts, with their place
    twice_rows: int = 0

    def warn(self, text: str) -> None:
        self.warnings.append(text)

    def note(self, jenis: str, pesan: str, node=None, line: int = 0) -> None:
        self.notes.append(Note(jenis, pesan, node, line))


def _clean_line(text: str) -> str:
    t = strip_markup(text)
    t = re.sub(r"^#+\s*", "", t)
    return t.replace("**", "").strip()


def area_heading(text: str) -> tuple[str, str] | None:
    """"I. MANAJEMEN PERUBAHAN" → ("I", "MANAJEMEN PERUBAHAN"); None if it is not one."""
    t = _clean_line(text).rstrip(":").strip()
    m = _AREA_TEXT.match(t)
    if m and roman_value(m.group(1)) and re.search(r"[A-Za-z]{3}", m.group(2)):
        name = m.group(2).strip().rstrip(":").strip()
        if m.group(1).isupper() and not re.match(r"^\d", name):
            return m.group(1).upper(), name
    m = _AREA_LETTER.match(t)
    if m and m.group(2) == m.group(2).upper() and re.search(r"[A-Z]{3}", m.group(2)):
        return m.group(1), m.group(2).strip()
    return None


class LampiranReader:
    def __init__(self) -> None:
        self.r = Reading()
        self.cols: Columns | None = None
        self.last_grid: Columns | None = None
        self.expect_sub = False
        self.after_break = False
        self.table: int | None = None
        self.ended = False
        self.seen_data = False
        self.last: tuple[Aksi | None, Indikator | None, Komponen | None] | None = None
        self.area: Area | None = None
        self.allow_default = True

    # --- driving ---------------------------------------------------------------------------

    def read(self, items: list) -> Reading:
        # a table without any header row is read in the standard column order — but only
        # when no header exists anywhere (tab-indented decree text is not a table)
        self.allow_default = not any(isinstance(item, Row) and read_header(item.cells)
                                     for item in items)
        for idx, item in enumerate(items):
            if isinstance(item, Line):
                self._line(item, items, idx)
            else:
                self._row(item)
        return self.r

    def _line(self, item: Line, items: list, idx: int) -> None:
        text = _clean_line(item.text)
        self.r.outside.append(text)
        if not text:
            return
        heading = area_heading(text)
        if heading is None:
            return
        for nxt in items[idx + 1:idx + 6]:         # right above a table
            if isinstance(nxt, Row):
                self._new_area(heading[1], heading[0], item.line)
                self.ended = False
                return
            if _clean_line(nxt.text):
                return

    # --- rows ------------------------------------------------------------------------------

    def _row(self, row: Row) -> None:
        plain = [strip_markup(c) for c in row.cells]
        new_table = row.table != self.table
        self.table = row.table
        if new_table and self.cols is not None and self.seen_data:
            self.after_break = True
        if not any(plain):
            return
        header = read_header(row.cells)
        if header is not None:
            if self.cols is not None:
                self.r.repeated_headers += 1
                if self.seen_data:
                    self.after_break = True
            else:
                self.r.headers += 1
            self._set_columns(header)
            self._month_labels(plain, header)
            self.expect_sub = True
            self.ended = False
            return
        if self.expect_sub and self.cols is not None:
            self.expect_sub = False
            sub = read_subheader(row.cells, self.cols)
            if sub is not None:
                self._set_columns(self.cols.with_grid(*sub))
                self._month_labels(plain, self.cols)
                return
            if not self.cols.grid and self.last_grid is not None \
                    and self.cols.fields.get(C.WAKTU) == self.last_grid.fields.get(C.WAKTU):
                self.cols = self.cols.with_grid(self.last_grid.grid, self.last_grid.grid_relative)
        if is_column_numbers(row.cells):
            self.r.column_number_rows += 1
            return
        joined = " ".join(v for v in plain if v)
        if self.cols is None or self.ended:
            if self.cols is None and self.allow_default and self._looks_like_data(plain):
                self._set_columns(standard_columns(len(plain)))
                self.r.default_columns = True
                self.r.warn(f"Baris {row.line}: tabel tanpa baris judul kolom; kolom dibaca "
                            "menurut urutan baku NO | KOMPONEN | INDIKATOR | LANGKAH AKSI | "
                            "BUKTI FISIK | TARGET WAKTU.")
            else:
                self.r.outside.append(joined)
                return
        if _SIGNATURE.match(joined):
            self.ended = True
            self.r.outside.append(joined)
            return
        self.r.outside.append(TABLE_MARK)
        heading = self._area_row(plain)
        if heading is not None:
            self._new_area(heading[1], heading[0], row.line)
            self.after_break = False
            return
        self._data(row, plain)
        self.after_break = False
        self.seen_data = True

    def _set_columns(self, cols: Columns) -> None:
        self.cols = cols
        if cols.grid:
            self.last_grid = cols
            self.r.had_grid = True
            self.r.grid_start = self.r.grid_start or cols.grid_start
        for name in cols.unknown.values():
            self.r.unknown_columns.setdefault(name, 0)
        if cols.has(C.PJ):
            self.r.had_pj = True
        if cols.has(C.CAPAIAN):
            self.r.had_capaian = True

    def _month_labels(self, plain: list[str], cols: Columns) -> None:
        if cols.grid and not self.r.month_labels:
            self.r.month_labels = [plain[c] for c in sorted(cols.grid) if c < len(plain)]

    @staticmethod
    def _looks_like_data(plain: list[str]) -> bool:
        if len(plain) < 4:
            return False
        first = plain[0]
        if _NUMBER.match(first):
            return True
        rest_empty = not any(plain[2:])
        return rest_empty and area_heading(" ".join(p for p in plain[:2] if p)) is not None

    def _area_row(self, plain: list[str]) -> tuple[str, str] | None:
        filled = [(i, v) for i, v in enumerate(plain) if v]
        if not filled or len(filled) > 2 or filled[0][0] > 1:
            return None
        if len(filled) == 2 and filled[1][0] - filled[0][0] != 1:
            return None
        if len(filled) == 2 and roman_value(filled[0][1].rstrip(".")) is None \
                and not re.match(r"^[A-J][.)]?$", filled[0][1]):
            return None
        if len(filled) == 2:
            text = filled[0][1].rstrip(".") + " " + filled[1][1]
        else:
            text = filled[0][1]
        heading = area_heading(text)
        if heading is not None:
            return heading
        # a lone upper-case title in the NO column: an area without its numeral
        if len(filled) == 1 and filled[0][0] == 0 and self.cols \
                and self.cols.owner_of(0) in (C.NO, None):
            t = filled[0][1]
            if t == t.upper() and len(t.split()) >= 2 and not re.search(r"\d", t) \
                    and re.search(r"[A-Z]{4}", t):
                return "", t
        return None

    def _new_area(self, name: str, printed: str, line: int) -> None:
        area = Area(nama=name, tertulis=printed, line=line)
        self.r.areas.append(area)
        self.area = area
        self.last = None

    # --- one data row ------------------------------------------------------------------------

    def _fields(self, row: Row) -> tuple[dict[str, str], list]:
        fields, marks, stray = split_cells(row.cells, self.cols, self.r)
        if stray:
            self.r.stray_marks.append(row.line)
        return fields, marks

    def _data(self, row: Row, plain: list[str]) -> None:
        cols = self.cols
        fields, marks = self._fields(row)
        self.r.data_rows += 1
        get = lambda name: fields.get(name, "")          # noqa: E731
        no = strip_markup(get(C.NO))
        waktu = get(C.WAKTU)
        if waktu:
            self.r.had_waktu_text = True

        # the row at the foot of the previous page printed again at the top of this one
        other_indikator = bool(strip_markup(get(C.INDIKATOR))) and self.last is not None \
            and self.last[1] is not None and not same_text(get(C.INDIKATOR), self.last[1].teks) \
            and not _continued(get(C.INDIKATOR), self.last[1].teks)
        if self.after_break and self.last is not None and self.last[0] is not None \
                and not other_indikator and same_row(self.last[0], fields, marks):
            self.r.twice_rows += 1
            self.r.note(PERBAIKAN, f"Baris {row.line}: baris yang tercetak dua kali di pergantian "
                        "halaman disimpan sekali.", self.last[0], row.line)
            return
        # the rest of cells cut at the foot of the previous page — or a new row: decided by
        # evidence (filled cells, the text above ending mid-sentence, the case of first words)
        cut_waktu = bool(strip_markup(waktu)) and self.last is not None \
            and self.last[0] is not None and bool(_OPEN_END.search(strip_markup(self.last[0].waktu)))
        if self.after_break and self.last is not None and not no and not marks \
                and (not strip_markup(waktu) or cut_waktu):
            texts = [f for f in (C.KOMPONEN, C.INDIKATOR, C.LANGKAH, C.BUKTI, C.CAPAIAN, C.PJ)
                     if strip_markup(get(f))]
            if cut_waktu:
                texts.append(C.WAKTU)
            limit = len([f for f in C.TEXT_FIELDS if cols.has(f)]) // 2
            if texts and (cols.has(C.WAKTU) or len(texts) <= limit):
                verdict = decide_continuation(self.last, {n: fields[n] for n in texts})
                if verdict.join and self._join(texts, fields):
                    self.r.joined_rows += 1
                    self.r.joined_cells += len(texts)
                    owner = self.last[0] or self.last[1] or self.last[2]
                    self.r.note(PERBAIKAN if verdict.sure else KERAGUAN,
                                f"Baris {row.line}: sambungan sel yang terpotong pergantian "
                                f"halaman ({verdict.names}) digabung ke baris di atasnya"
                                f" ({verdict.why}) — periksa.", owner, row.line)
                    return
                if texts:
                    self.r.note(KERAGUAN, f"Baris {row.line}: baris di awal halaman dibaca sebagai "
                                f"baris baru, bukan sambungan ({verdict.why}) — periksa.",
                                None, row.line)

        area = self.area
        if area is None:
            area = Area(nama="", tertulis="", line=row.line)
            self.r.areas.append(area)
            self.area = area
            self.r.warn(f"Baris {row.line}: baris ini ada sebelum area pertama; dimasukkan ke "
                        "area tanpa nama — beri nama area itu atau pindahkan isinya.")

        komp_raw, ind_raw = get(C.KOMPONEN), get(C.INDIKATOR)
        last_komp = area.komponen[-1] if area.komponen else None
        if last_komp is not None and _continued(komp_raw, last_komp.nama):
            # "… (lanjutan)" at a page's top: the same komponen, named in full
            last_komp.nama = komp_raw = _whole(komp_raw, last_komp.nama)
            if no == last_komp.nomor:
                no = ""
            last_ind = last_komp.indikator[-1] if last_komp.indikator else None
            if last_ind is not None and _continued(ind_raw, last_ind.teks):
                last_ind.teks = ind_raw = _whole(ind_raw, last_ind.teks)
        komp_text, ind_text = strip_markup(komp_raw), strip_markup(ind_raw)
        new_komp = False
        if komp_text:
            if no or not area.komponen or not same_text(area.komponen[-1].nama, komp_raw):
                new_komp = True
        elif no:
            if not area.komponen:
                new_komp = True
                self.r.warn(f"Baris {row.line}: komponen nomor {no} tanpa nama komponen.")
            else:
                self.r.warn(f"Baris {row.line}: nomor {no} tanpa nama komponen; baris dibaca "
                            f"sebagai lanjutan komponen \"{_short(area.komponen[-1].nama)}\".")
        if new_komp:
            self._check_number(area, no, row.line)
            area.komponen.append(Komponen(nama=komp_raw, nomor=no, line=row.line))
        if not area.komponen:
            area.komponen.append(Komponen(nama="", nomor="", line=row.line))
            self.r.warn(f"Baris {row.line}: indikator/langkah aksi tanpa komponen; dimasukkan "
                        "ke komponen tanpa nama.")
        komponen = area.komponen[-1]

        if ind_text:
            if new_komp or not komponen.indikator \
                    or not same_text(komponen.indikator[-1].teks, ind_raw):
                komponen.indikator.append(Indikator(teks=ind_raw, line=row.line))
        indikator = komponen.indikator[-1] if komponen.indikator and (ind_text or not new_komp) \
            else None

        aksi = None
        if any(strip_markup(get(f)) for f in (C.LANGKAH, C.BUKTI, C.WAKTU, C.CAPAIAN)) or marks:
            if indikator is None:
                indikator = Indikator(teks="", line=row.line)
                komponen.indikator.append(indikator)
                self.r.warn(f"Baris {row.line}: langkah aksi tanpa indikator; dimasukkan ke "
                            "indikator tanpa teks.")
            aksi = Aksi(langkah=get(C.LANGKAH), bukti=get(C.BUKTI), waktu=waktu,
                        capaian=get(C.CAPAIAN), pj=get(C.PJ), marks=marks,
                        grid=bool(cols.grid), relative=cols.grid_relative, line=row.line)
            above = self.last[0] if self.last else None
            merged_waktu = cols.has(C.WAKTU) and cols.fields[C.WAKTU] in row.merged \
                and above is not None and bool(above.waktu)
            if not strip_markup(waktu) and not cols.grid and cols.has(C.WAKTU) \
                    and (merged_waktu or not ind_text and indikator.aksi and indikator.aksi[-1].waktu):
                aksi.waktu = above.waktu if merged_waktu else indikator.aksi[-1].waktu
                # a target cell merged over both rows
                self.r.inherited_waktu += 1
                self.r.note(PERBAIKAN, f"Baris {row.line}: target waktu kosong (sel gabungan); "
                            f"diambil dari baris di atasnya (\"{_short(strip_markup(aksi.waktu))}\")"
                            " — periksa.", aksi, row.line)
            indikator.aksi.append(aksi)
        elif strip_markup(get(C.PJ)):
            last = self.last[0] if self.last else None
            if last is not None:
                last.pj = join_fragment(last.pj, get(C.PJ))
        self.last = (aksi, indikator, komponen)

    def _join(self, names: list[str], fields: dict[str, str]) -> bool:
        aksi, indikator, komponen = self.last
        target = {C.KOMPONEN: komponen, C.INDIKATOR: indikator, C.LANGKAH: aksi, C.BUKTI: aksi,
                  C.CAPAIAN: aksi, C.PJ: aksi, C.WAKTU: aksi}
        if any(target[n] is None for n in names):
            return False
        attribute = {C.KOMPONEN: "nama", C.INDIKATOR: "teks", C.LANGKAH: "langkah", C.BUKTI: "bukti",
                     C.CAPAIAN: "capaian", C.PJ: "pj", C.WAKTU: "waktu"}
        for n in names:
            owner, attr = target[n], attribute[n]
            setattr(owner, attr, join_fragment(getattr(owner, attr), fields[n]))
        return True

    def _check_number(self, area: Area, no: str, line: int) -> None:
        m = _NUMBER.match(no)
        if not m:
            return
        n = int(m.group(1))
        last = next((int(_NUMBER.match(k.nomor).group(1)) for k in reversed(area.komponen)
                     if _NUMBER.match(k.nomor)), None)       # the nearest number: linear overall
        expected = last + 1 if last is not None else 1
        if n == expected:
            return
        where = f"Area {area.tertulis or '?'} {_short(area.nama).upper()}"
        if last is not None and n == last:
            self.r.warn(f"Baris {line}: {where}: nomor komponen {n} berulang.")
        elif last is not None:
            self.r.warn(f"Baris {line}: {where}: nomor komponen melompat dari {last} "
                        f"ke {n}.")
        else:
            self.r.warn(f"Baris {line}: {where}: komponen pertama bernomor {n}, bukan 1.")


_LANJUTAN = re.compile(r"\s*\(\s*lanjutan\s*\)\s*$", re.I)


def _continued(raw: str, previous: str) -> bool:
    """"Nama komponen (lanjutan)" repeating ``previous`` at the top of a page (as ZI Desktop
    prints a komponen or indikator that runs over a page break) — or its whole name when the
    page above showed only its first words."""
    text = strip_markup(raw)
    if not _LANJUTAN.search(text) or not strip_markup(previous).strip():
        return False
    full = " ".join(_LANJUTAN.sub("", text).split()).lower()
    shown = " ".join(strip_markup(previous).split()).lower()
    return full == shown or full.startswith(shown + " ")


def _whole(raw: str, previous: str) -> str:
    """The name of a "(lanjutan)" cell: ``previous`` as read (its markup kept), or the longer
    name the continuation shows."""
    full = _LANJUTAN.sub("", strip_markup(raw)).strip()
    return previous if same_text(full, previous) else full


def _short(text: str, width: int = 50) -> str:
    t = strip_markup(text)
    return t if len(t) <= width else t[:width - 1] + "…"


def read_lampiran(items: list) -> Reading:
    return LampiranReader().read(items)


def split_cells(cells: list[str], cols: Columns, r: Reading) -> tuple[dict[str, str], list, bool]:
    """One table row's cells → (field texts, month marks of the ✓ grid, stray ✓ seen).

    Shared by the printed shape and the export shape; unknown columns are counted in the
    report, a ✓ outside the month grid (a page with an extra column) is dropped and flagged.
    """
    fields: dict[str, str] = {}
    marks: list = []
    stray = False
    for col, raw in enumerate(cells):
        text = strip_markup(raw)
        if not text:
            continue
        if col in cols.grid:
            marks.append(cols.grid[col])
            continue
        owner = cols.owner_of(col)
        if owner is None:
            name = cols.unknown.get(col, f"kolom {col + 1}")
            r.unknown_columns[name] = r.unknown_columns.get(name, 0) + 1
            continue
        if cols.grid and owner != C.NO and is_mark(text):
            stray = True
            continue
        fields[owner] = (fields[owner] + " " + raw.strip()) if fields.get(owner) else raw.strip()
    return fields, marks, stray
