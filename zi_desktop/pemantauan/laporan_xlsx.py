"""The Laporan Monitoring dan Evaluasi as .xlsx: sheet "Ringkasan" (per area, with a bar
chart) and sheet "Langkah Aksi" (one row per langkah aksi, every column filled so it sorts)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill

from .laporan_data import COLUMNS, ReportRow, area_lines, title_lines
from .progress import Progress

_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="DDDDDD")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _safe(value: str) -> str:
    """Text that Excel must not read as a formula."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def write_xlsx(plan: dict, prog: Progress, rows: list[ReportRow], out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    for line in title_lines(plan, prog):
        ws.append([line])
        ws.cell(ws.max_row, 1).font = _BOLD
    ws.append([])
    start = ws.max_row + 1
    table = area_lines(prog)
    for r, cells in enumerate(table):
        values = [cells[0]] + ([*cells[1:]] if r == 0 else [int(c) for c in cells[1:4]] + [
            float(cells[4].replace(",", "."))])
        ws.append([_safe(v) for v in values])
        if r == 0 or r == len(table) - 1:
            for c in range(1, 6):
                ws.cell(ws.max_row, c).font = _BOLD
                if r == 0:
                    ws.cell(ws.max_row, c).fill = _HEAD
    ws.column_dimensions["A"].width = 48
    for col in "BCDE":
        ws.column_dimensions[col].width = 15
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Capaian realisasi per area (%)"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
    end = start + len(table) - 2
    chart.add_data(Reference(ws, min_col=5, min_row=start, max_row=end), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=start + 1, max_row=end))
    chart.legend = None
    ws.add_chart(chart, f"A{ws.max_row + 3}")

    ws2 = wb.create_sheet("Langkah Aksi")
    ws2.append(["AREA"] + [t for t, _w in COLUMNS])
    for c in range(1, len(COLUMNS) + 2):
        ws2.cell(1, c).font = _BOLD
        ws2.cell(1, c).fill = _HEAD
    area = ""
    line = 1   # ws.max_row is a scan over all rows: count instead
    for row in rows:
        if row.band:
            area = row.cells[0]
            continue
        cells = list(row.cells)
        cells[4] = int(cells[4]) if cells[4] else None
        ws2.append([_safe(area)] + [_safe(c) for c in cells])
        line += 1
        for c in range(1, len(COLUMNS) + 2):
            ws2.cell(line, c).alignment = _WRAP
    for col, width in zip("ABCDEFGH", (30, 10, 45, 20, 28, 6, 36, 30)):
        ws2.column_dimensions[col].width = width
    ws2.freeze_panes = "A2"
    wb.save(out)
