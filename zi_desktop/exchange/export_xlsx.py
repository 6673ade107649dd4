"""The Lampiran as an Excel workbook (the shape in docs/ARCHITECTURE.md, read back by import).

Sheet ``Lampiran``: row 1 the headers, then one row per langkah aksi with every column filled
on every row (area, komponen, indikator repeated) so the sheet filters and sorts; one column
per month holding "✓". Sheet ``Identitas``: the plan's identity, one key per row.

What the user typed is stored as text and only as text: control characters that XML cannot
hold are removed, a text that starts with "=", "+", "-", "@", a tab or a line break stays a text
(never a formula, with Excel's quote prefix), and a text
longer than a cell can hold (32,767 characters) is cut with a visible note.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .. import atomic
from ..dates import BULAN_SINGKAT, month_range, plan_period
from ..model import RENCANA_KOLOM, nilai_ke_kolom, romawi

CENTANG = "✓"
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r", "\n")  # a cell starting so could become a formula
MAX_SEL = 32_767  # characters Excel keeps in one cell
_TERPOTONG = " … [terpotong: teks lebih panjang dari batas satu sel Excel]"

# XML 1.0 cannot hold C0 controls other than tab/newline/CR, nor U+FFFE/U+FFFF or lone
# surrogates; Excel also shows a carriage return as a box, so "\r\n" and "\r" become "\n".
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

LABEL_IDENTITAS = {
    "satker": "Satuan kerja", "tahun": "Tahun rencana", "nomor": "Nomor keputusan",
    "tanggal": "Tanggal penetapan (TTTT-BB-HH)", "tempat": "Tempat penetapan",
    "tentang": "Tentang", "jabatan_penandatangan": "Jabatan penandatangan",
    "penandatangan": "Nama penandatangan", "salinan.kantor": "Salinan sesuai aslinya: kantor",
    "salinan.jabatan": "Salinan sesuai aslinya: jabatan", "salinan.nama": "Salinan sesuai aslinya: nama",
    "bulan_mulai": "Bulan pertama periode (TTTT-BB)", "jumlah_bulan": "Jumlah bulan periode",
    "cetak.kertas": "Cetak: kertas (F4/A4)", "cetak.kolom_waktu": "Cetak: kolom waktu (teks/bulan)",
    "cetak.penanggung_jawab": "Cetak: kolom penanggung jawab",
    "cetak.target_capaian": "Cetak: kolom target capaian",
    "cetak.nomor_kolom": "Cetak: baris nomor kolom",
}

HEAD_BEFORE = ["AREA", "PENANGGUNG JAWAB AREA", "NO KOMPONEN", "KOMPONEN", "INDIKATOR",
               "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"]
HEAD_AFTER = ["TARGET CAPAIAN", "PENANGGUNG JAWAB"]
WIDTH = {"AREA": 26, "PENANGGUNG JAWAB AREA": 22, "NO KOMPONEN": 7, "KOMPONEN": 30,
         "INDIKATOR": 42, "LANGKAH AKSI": 46, "BUKTI FISIK": 40, "TARGET WAKTU": 22,
         "TARGET CAPAIAN": 20, "PENANGGUNG JAWAB": 22}
MONTH_WIDTH = 8.5


def clean(value: str) -> str:
    """User text → what a cell can hold (see module docstring)."""
    text = _ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > MAX_SEL:
        text = text[: MAX_SEL - len(_TERPOTONG)] + _TERPOTONG
    return text


def month_header(ym: str) -> str:
    """"2025-01" → "Jan 2025"."""
    year, month = ym.split("-")
    return f"{BULAN_SINGKAT[int(month) - 1]} {year}"


def plan_months(plan: dict) -> list[str]:
    """The month columns: the plan period, widened (contiguously) to any month a langkah aksi
    uses outside it, so no ✓ is ever dropped."""
    period = plan_period(plan.get("rencana", {}))
    used = {m for a in plan.get("area", []) for k in a.get("komponen", [])
            for i in k.get("indikator", []) for x in i.get("aksi", []) for m in x.get("bulan", [])
            if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", str(m))}
    if not used or (used <= set(period)):
        return period
    first, last = min(used | {period[0]}), max(used | {period[-1]})
    y, m = (int(p) for p in first.split("-"))
    ly, lm = (int(p) for p in last.split("-"))
    return month_range(first, (ly - y) * 12 + (lm - m) + 1)


def lampiran_rows(plan: dict, months: list[str]) -> list[list]:
    """One list of cell values per sheet row (headers excluded)."""
    rows: list[list] = []
    blank_months = [""] * len(months)
    col = {m: n for n, m in enumerate(months)}
    for a_pos, area in enumerate(plan.get("area", []), 1):
        area_text = f"{area.get('kode') or romawi(a_pos)} {area.get('nama', '')}".strip()
        head = [area_text, area.get("penanggung_jawab", "")]
        if not area.get("komponen"):
            rows.append(head + ["", "", "", "", "", ""] + blank_months + ["", ""])
            continue
        for k_no, komp in enumerate(area["komponen"], 1):
            k_head = head + [k_no, komp.get("nama", "")]
            if not komp.get("indikator"):
                rows.append(k_head + ["", "", "", ""] + blank_months + ["", ""])
                continue
            for ind in komp["indikator"]:
                i_head = k_head + [ind.get("teks", "")]
                if not ind.get("aksi"):
                    rows.append(i_head + ["", "", ""] + blank_months + ["", ""])
                    continue
                for aksi in ind["aksi"]:
                    marks = list(blank_months)
                    for m in aksi.get("bulan", []):
                        if m in col:
                            marks[col[m]] = CENTANG
                    rows.append(i_head + [aksi.get("langkah", ""), aksi.get("bukti_fisik", ""),
                                          aksi.get("target_waktu", "")] + marks
                                + [aksi.get("target_capaian", ""), aksi.get("penanggung_jawab", "")])
    return rows


def _identitas_items(rencana: dict) -> list[tuple[str, object]]:
    out = []
    for key in RENCANA_KOLOM.values():
        value: object = rencana
        for part in key.split("."):
            value = value.get(part, "") if isinstance(value, dict) else ""
        if isinstance(value, (list, dict)):   # print settings held as text in the file
            value = nilai_ke_kolom("cetak_" + key.split(".")[-1], value)
        out.append((key, value))
    return out


# The cell styles and helpers below are shared with the province summary's sheet (summary_xlsx).
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top")
_HEADER_ALIGN = Alignment(wrap_text=True, horizontal="center", vertical="center")
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def put(ws, row: int, column: int, value, *, align=WRAP):
    """Write one cell: text cleaned and forced to text (never a formula)."""
    if isinstance(value, str):
        value = clean(value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and (cell.data_type != "s" or value[:1] in FORMULA_LEAD):
        # openpyxl reads "=…" as a formula, and Excel takes "+", "-", "@" (and a tab or line
        # break before them) as one when the cell is edited: store the text the user typed,
        # marked with Excel's quote prefix so it stays a text there too.
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.alignment = align
    cell.border = _BORDER
    return cell


def put_header(ws, row: int, column: int, text: str):
    cell = put(ws, row, column, text, align=_HEADER_ALIGN)
    cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    return cell


def build_workbook(plan: dict) -> Workbook:
    months = plan_months(plan)
    wb = Workbook()
    ws = wb.active
    ws.title = "Lampiran"
    headers = HEAD_BEFORE + [month_header(m) for m in months] + HEAD_AFTER
    for c, text in enumerate(headers, 1):
        put_header(ws, 1, c, text)
    first_month = len(HEAD_BEFORE) + 1
    month_cols = range(first_month, first_month + len(months))
    for r, values in enumerate(lampiran_rows(plan, months), 2):
        for c, value in enumerate(values, 1):
            put(ws, r, c, value, align=CENTER if c in month_cols or c == 3 else WRAP)
    for c, text in enumerate(headers, 1):
        ws.column_dimensions[get_column_letter(c)].width = WIDTH.get(text, MONTH_WIDTH)
    last = get_column_letter(len(headers))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 2)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    idt = wb.create_sheet("Identitas")
    for c, text in enumerate(("KUNCI", "NILAI", "KETERANGAN"), 1):
        put_header(idt, 1, c, text)
    for r, (key, value) in enumerate(_identitas_items(plan.get("rencana", {})), 2):
        put(idt, r, 1, key)
        put(idt, r, 2, value if isinstance(value, (bool, int)) else str(value))
        put(idt, r, 3, LABEL_IDENTITAS.get(key, key))
    idt.column_dimensions["A"].width = 24
    idt.column_dimensions["B"].width = 60
    idt.column_dimensions["C"].width = 36
    idt.freeze_panes = "A2"
    return wb


def export_xlsx(plan: dict, out) -> Path:
    """Write the plan's Lampiran to ``out`` (.xlsx); returns the path.

    The workbook is written beside ``out`` under a temporary name and then moved into place,
    so a failed export never leaves half a file (nor destroys the previous export).
    """
    out = Path(out)
    wb = build_workbook(plan)
    with atomic.write_beside(out, prefix=".zi-ekspor-") as tmp:
        wb.save(tmp)
    return out


__all__ = ["export_xlsx", "build_workbook", "lampiran_rows", "plan_months", "month_header", "clean", "put",
           "put_header"]
