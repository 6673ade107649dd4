"""export: the Lampiran as a real .xlsx in the shape of docs/ARCHITECTURE.md."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

from zi_desktop.document import Dokumen
from zi_desktop.exchange.export_xlsx import MAX_SEL, export_xlsx
from zi_desktop.model import RENCANA_KOLOM

from plans import aksi, small_plan

ROOT = Path(__file__).resolve().parents[2]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
HEADERS = (["AREA", "PENANGGUNG JAWAB AREA", "NO KOMPONEN", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI",
            "BUKTI FISIK", "TARGET WAKTU"] + [f"{m} 2025" for m in MONTHS]
           + ["TARGET CAPAIAN", "PENANGGUNG JAWAB"])


def plan_from_file(tmp_path, plan) -> dict:
    """Through a real .zidb, as the CLI does."""
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, plan).close()
    with Dokumen.open(path, readonly=True) as d:
        return d.to_dict()


def export(tmp_path, plan) -> tuple[openpyxl.Workbook, Path]:
    out = tmp_path / "lampiran.xlsx"
    assert export_xlsx(plan, out) == out
    return openpyxl.load_workbook(out), out


def table(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_headers_and_every_row_filled(tmp_path):
    wb, _ = export(tmp_path, plan_from_file(tmp_path, small_plan()))
    assert wb.sheetnames == ["Lampiran", "Identitas"]
    ws = wb["Lampiran"]
    assert [c.value for c in ws[1]] == HEADERS
    rows = table(ws)
    assert len(rows) == 5  # one per langkah aksi
    for r in rows:
        assert r["AREA"] and r["NO KOMPONEN"] and r["KOMPONEN"] and r["INDIKATOR"] and r["LANGKAH AKSI"]
    assert rows[0]["AREA"] == "I MANAJEMEN PERUBAHAN"
    assert rows[0]["PENANGGUNG JAWAB AREA"] == rows[3]["PENANGGUNG JAWAB AREA"] == "Tim Manajemen Perubahan"
    assert [r["NO KOMPONEN"] for r in rows] == [1, 1, 1, 2, 1]
    assert rows[1]["INDIKATOR"] == rows[0]["INDIKATOR"] == "Unit kerja telah membentuk tim"
    assert rows[4]["AREA"] == "II PENATAAN TATA LAKSANA"
    assert rows[0]["BUKTI FISIK"] == "1. Undangan rapat\n2. Daftar hadir"


def test_checks_in_the_right_month_columns(tmp_path):
    wb, _ = export(tmp_path, plan_from_file(tmp_path, small_plan()))
    rows = table(wb["Lampiran"])
    ticked = [[m for m in MONTHS if r[f"{m} 2025"] == "✓"] for r in rows]
    assert ticked == [["Jan"], ["Jan", "Feb"], ["Feb"], ["Jan"], ["Mar", "Jun", "Sep", "Des"]]
    for r in rows:
        assert {r[f"{m} 2025"] for m in MONTHS} <= {"✓", None}


def test_formula_text_stays_text_and_control_characters_go(tmp_path):
    plan = small_plan()
    first = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    first["langkah"] = "=SUM(1)"
    first["bukti_fisik"] = "=HYPERLINK(\"http://contoh\")\nbaris\x01 dua\x1b\x07"
    first["target_capaian"] = "#N/A"
    plan["rencana"]["satker"] = "=1+1"
    wb, out = export(tmp_path, plan_from_file(tmp_path, plan))
    ws = wb["Lampiran"]
    cell = ws["F2"]
    assert cell.value == "=SUM(1)" and cell.data_type == "s"
    assert ws["G2"].value == "=HYPERLINK(\"http://contoh\")\nbaris dua"
    assert ws.cell(row=2, column=HEADERS.index("TARGET CAPAIAN") + 1).value == "#N/A"
    assert ws.cell(row=2, column=HEADERS.index("TARGET CAPAIAN") + 1).data_type == "s"
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    idt = {r[0]: r[1] for r in wb["Identitas"].iter_rows(min_row=2, values_only=True)}
    assert idt["satker"] == "=1+1" and wb["Identitas"]["B2"].data_type == "s"


def test_identitas_sheet(tmp_path):
    plan = small_plan()
    plan["rencana"]["salinan"] = {"kantor": "Sekretariat", "jabatan": "Sekretaris", "nama": "NAMA"}
    wb, _ = export(tmp_path, plan_from_file(tmp_path, plan))
    ws = wb["Identitas"]
    assert [c.value for c in ws[1]] == ["KUNCI", "NILAI", "KETERANGAN"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == list(RENCANA_KOLOM.values())
    values = {r[0]: r[1] for r in rows}
    assert values["satker"] == "KPU Kabupaten Contoh"
    assert values["tahun"] == 2025 and values["jumlah_bulan"] == 12
    assert values["nomor"] == "14" and values["tanggal"] == "2025-01-02"
    assert values["salinan.jabatan"] == "Sekretaris"
    assert values["cetak.kertas"] == "F4" and values["cetak.penanggung_jawab"] is False
    assert all(r[2] for r in rows)  # every key has a label


def test_sheet_is_filterable_and_readable(tmp_path):
    wb, _ = export(tmp_path, plan_from_file(tmp_path, small_plan()))
    ws = wb["Lampiran"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(HEADERS))}6"
    assert all(c.font.bold for c in ws[1])
    assert ws["E2"].alignment.wrap_text and ws["F3"].alignment.wrap_text
    assert ws.column_dimensions["F"].width >= 30          # LANGKAH AKSI
    assert ws.column_dimensions["I"].width <= 10          # a month
    assert ws.print_title_rows == "$1:$1"  # the header repeats on every printed page


def test_empty_levels_still_get_a_row(tmp_path):
    plan = small_plan()
    plan["area"][1]["komponen"].append({"nama": "Komponen tanpa indikator", "indikator": []})
    plan["area"][1]["komponen"][0]["indikator"].append({"teks": "Indikator tanpa aksi", "aksi": []})
    plan["area"].append({"nama": "AREA TANPA KOMPONEN", "penanggung_jawab": "Tim", "komponen": []})
    wb, _ = export(tmp_path, plan_from_file(tmp_path, plan))
    rows = table(wb["Lampiran"])
    assert len(rows) == 8
    assert rows[5]["INDIKATOR"] == "Indikator tanpa aksi" and rows[5]["LANGKAH AKSI"] is None
    assert rows[5]["KOMPONEN"] == "Prosedur Operasional Tetap"
    assert rows[6]["KOMPONEN"] == "Komponen tanpa indikator" and rows[6]["NO KOMPONEN"] == 2
    assert rows[6]["INDIKATOR"] is None
    assert rows[7]["AREA"] == "III AREA TANPA KOMPONEN" and rows[7]["PENANGGUNG JAWAB AREA"] == "Tim"
    assert rows[7]["KOMPONEN"] is None


def test_month_beyond_the_period_gets_a_column(tmp_path):
    plan = small_plan()
    plan["area"][1]["komponen"][0]["indikator"][0]["aksi"].append(
        aksi("Evaluasi akhir", ["2025-12", "2026-01"], target_waktu="Desember 2025 - Januari 2026"))
    wb, _ = export(tmp_path, plan_from_file(tmp_path, plan))
    head = [c.value for c in wb["Lampiran"][1]]
    assert head[8:21] == [f"{m} 2025" for m in MONTHS] + ["Jan 2026"]
    last = table(wb["Lampiran"])[-1]
    assert last["Des 2025"] == last["Jan 2026"] == "✓"


def test_over_long_text_is_cut_visibly(tmp_path):
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_fisik"] = "x" * 50_000
    wb, _ = export(tmp_path, plan_from_file(tmp_path, plan))
    value = wb["Lampiran"]["G2"].value
    assert len(value) <= MAX_SEL and value.endswith("]") and "terpotong" in value


def test_export_replaces_previous_export_atomically(tmp_path):
    out = tmp_path / "lampiran.xlsx"
    out.write_bytes(b"ekspor lama")
    export_xlsx(small_plan(), out)
    assert zipfile.is_zipfile(out)
    assert not list(tmp_path.glob(".zi-ekspor-*"))


def test_cli_export(tmp_path):
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    out = tmp_path / "lampiran.xlsx"
    done = subprocess.run([sys.executable, "-m", "zi_desktop", "export", str(path), "-o", str(out)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [c.value for c in openpyxl.load_workbook(out)["Lampiran"][1]] == HEADERS
    bad = subprocess.run([sys.executable, "-m", "zi_desktop", "export", str(path), "-o",
                          str(tmp_path / "tidak" / "ada.xlsx")],
                         capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "tidak ada" in bad.stderr and "Traceback" not in bad.stderr
