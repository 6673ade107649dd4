"""``zi-desktop lke FILE --ekspor OUT.xlsx|OUT.pdf``: the LKE worksheet of a plan.

Sheet ``LKE``: one row per question in the LKE's own columns (Jawaban, Narasi, Bukti, Link),
with the criteria, the value scored and the langkah aksi tied to it; sheet ``Nilai``: each
area's score against its weight and the WBK/WBBM minimums, the totals and the predicate.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from ..errors import ZiError
from .data import Lke, lke
from .plan import plan_scores
from .report import HEAD, worksheet_rows
from .score import predikat_text

WIDTH = {"KODE": 9, "AREA": 22, "SUB-KOMPONEN": 26, "BOBOT": 7, "PERTANYAAN": 46,
         "PILIHAN JAWABAN": 50, "JAWABAN": 10, "NILAI": 7, "NARASI": 36, "BUKTI": 28, "LINK": 24,
         "LANGKAH AKSI TERKAIT": 36, "PREDIKSI": 10}


def summary_rows(plan: dict, data: Lke) -> list[list]:
    """Rows of the Nilai sheet / the PDF's first table."""
    scores = plan_scores(plan, data)
    now, aim = scores["saat_ini"], scores["prediksi"]
    wbk = _area_minimum(data, "wbk")
    wbbm = _area_minimum(data, "wbbm")
    rows = [["AREA", "BOBOT", "SAAT INI", "%", "PREDIKSI", "MIN. WBK", "MIN. WBBM"]]
    for a, p in zip(now.area, aim.area):
        rows.append([f"{a['kode']} {a['nama']}", a["bobot"], round(a["nilai"], 2), round(a["persen"], 1),
                     round(p["nilai"], 2), round(a["bobot"] * wbk / 100, 2), round(a["bobot"] * wbbm / 100, 2)])
    for label, key in (("PENGUNGKIT", "pengungkit"), ("HASIL", "hasil"), ("TOTAL", "total")):
        rows.append([label, {"pengungkit": 60.0, "hasil": 40.0, "total": 100.0}[key],
                     round(getattr(now, key), 2), "", round(getattr(aim, key), 2), "", ""])
    for label, s in (("PREDIKAT SAAT INI", now), ("PREDIKAT PREDIKSI", aim)):
        rows.append([label, "", predikat_text(s.predikat), "", "", "", ""])
    return rows


def _area_minimum(data: Lke, kode: str) -> float:
    p = next(p for p in data.predikat() if p["kode"] == kode)
    return next(c["batas_persen"] for c in p["syarat"] if c["kode"] == "area")


def export(plan: dict, out) -> Path:
    """Write the worksheet to ``out`` (.xlsx or .pdf), beside it first then moved into place."""
    from ..exchange.summary_write import _save
    suffix = Path(out).suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ZiError(f"Ekspor LKE hanya ke .xlsx atau .pdf, bukan \"{Path(out).name}\".")
    write = _write_xlsx if suffix == ".xlsx" else _write_pdf
    return _save(lambda tmp: write(plan, tmp), out, suffix)


def _write_xlsx(plan: dict, path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from ..exchange.export_xlsx import CENTER, WRAP, put, put_header
    data = lke()
    wb = Workbook()
    ws = wb.active
    ws.title = "LKE"
    for c, text in enumerate(HEAD, 1):
        put_header(ws, 1, c, text)
        ws.column_dimensions[get_column_letter(c)].width = WIDTH[text]
    for r, values in enumerate(worksheet_rows(plan, data), 2):
        for c, value in enumerate(values, 1):
            put(ws, r, c, value, align=CENTER if HEAD[c - 1] in ("BOBOT", "JAWABAN", "NILAI", "PREDIKSI") else WRAP)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEAD))}{ws.max_row}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    nilai = wb.create_sheet("Nilai")
    for r, values in enumerate(summary_rows(plan, data), 1):
        for c, value in enumerate(values, 1):
            if r == 1:
                put_header(nilai, r, c, value)
            else:
                put(nilai, r, c, value)
    nilai.column_dimensions["A"].width = 44
    for col in "BCDEFG":
        nilai.column_dimensions[col].width = 12
    wb.save(path)


def _write_pdf(plan: dict, path: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from ..lampiran.fonts import BOLD, REGULAR, register_fonts
    register_fonts()
    data = lke()
    base = ParagraphStyle("lke", fontName=REGULAR, fontSize=7, leading=8.5)
    head = ParagraphStyle("lke_kepala", parent=base, fontName=BOLD, alignment=1)
    title = ParagraphStyle("lke_judul", parent=base, fontName=BOLD, fontSize=12, leading=15)

    def p(value, style=base):
        return Paragraph(escape(str(value)).replace("\n", "<br/>"), style)

    rencana = plan.get("rencana", {})
    story = [p("LEMBAR KERJA EVALUASI ZONA INTEGRITAS — PENILAIAN MANDIRI", title),
             p(f"{rencana.get('satker', '')} — tahun {rencana.get('tahun', '')}"), Spacer(1, 4 * mm)]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2"))])
    rows = summary_rows(plan, data)
    story.append(Table([[p(v, head if r == 0 else base) for v in row] for r, row in enumerate(rows)],
                       colWidths=[80 * mm] + [22 * mm] * 6, style=grid, hAlign="LEFT"))
    story.append(Spacer(1, 5 * mm))
    cols = ["KODE", "PERTANYAAN", "JAWABAN", "NILAI", "NARASI", "BUKTI", "LINK"]
    idx = [HEAD.index(c) for c in cols]
    widths = [16 * mm, 95 * mm, 18 * mm, 12 * mm, 60 * mm, 35 * mm, 37 * mm]
    body = [[p(c, head) for c in cols]]
    body += [[p(row[i]) for i in idx] for row in worksheet_rows(plan, data)]
    story.append(Table(body, colWidths=widths, repeatRows=1, style=grid, hAlign="LEFT"))
    doc = SimpleDocTemplate(path, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, initialFontName=REGULAR,
                            title="LKE Penilaian Mandiri")
    doc.build(story)
