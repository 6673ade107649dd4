"""The province's summary as an Excel workbook: sheet ``Rekap`` (one row per plan) and sheet
``Berkas Ditolak``, in the export's cell styles (text stays text, never a formula)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .export_xlsx import CENTER, WRAP, put, put_header
from .summary import Summary, area_codes, status


def write_xlsx(summary: Summary, out) -> None:
    """Sheet ``Rekap`` (one row per plan) and sheet ``Berkas Ditolak``."""
    codes = area_codes(summary.rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    head = ["NO", "BERKAS", "SATUAN KERJA", "TAHUN", "NOMOR SK", "TANGGAL SK", "STATUS"]
    for c in codes:
        head += [f"{c} KOMPONEN", f"{c} INDIKATOR", f"{c} LANGKAH AKSI"]
    head += ["JUMLAH KOMPONEN", "JUMLAH INDIKATOR", "JUMLAH LANGKAH AKSI", "% BERJADWAL",
             "% ADA BUKTI FISIK", "% REALISASI", "TERLAMBAT", "BUKTI DUKUNG", "GALAT", "PERINGATAN",
             "PREDIKSI LKE", "PREDIKAT PREDIKSI",
             "KOMPONEN STANDAR HILANG",
             "DAFTAR KOMPONEN STANDAR HILANG", "DIUBAH", "DIKIRIM"]
    widths = {"NO": 5, "BERKAS": 30, "SATUAN KERJA": 30, "TAHUN": 7, "NOMOR SK": 12,
              "TANGGAL SK": 12, "STATUS": 16, "DAFTAR KOMPONEN STANDAR HILANG": 50,
              "DIUBAH": 19, "DIKIRIM": 19}
    for c, text in enumerate(head, 1):
        put_header(ws, 1, c, text)
        ws.column_dimensions[get_column_letter(c)].width = widths.get(text, 11)
    for n, row in enumerate(summary.rows, 1):
        per_area = {a["kode"]: a for a in row.area}
        values: list = [n, row.nama_berkas, row.satker, row.tahun, row.nomor, row.tanggal,
                        status(row)]
        for c in codes:
            a = per_area.get(c, {})
            values += [a.get("komponen", 0), a.get("indikator", 0), a.get("aksi", 0)]
        hilang = row.komponen_hilang
        values += [row.komponen, row.indikator, row.aksi, row.persen_berjadwal / 100,
                   row.persen_berbukti / 100, row.persen_realisasi / 100, row.terlambat, row.bukti_dukung,
                   row.galat, row.peringatan, row.lke_prediksi, row.lke_predikat,
                   "" if hilang is None else len(hilang),
                   "(templat standar tidak tersedia)" if hilang is None else "\n".join(hilang),
                   row.diubah.replace("T", " "), row.dikirim.replace("T", " ")]
        for c, value in enumerate(values, 1):
            is_text = isinstance(value, str) and head[c - 1] not in ("TANGGAL SK", "STATUS",
                                                                     "PREDIKAT PREDIKSI")
            cell = put(ws, n + 1, c, value, align=WRAP if is_text else CENTER)
            if head[c - 1].startswith("%"):
                cell.number_format = "0.0%"
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(head))}{max(2, len(summary.rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"

    bad = wb.create_sheet("Berkas Ditolak")
    for c, (text, width) in enumerate((("NO", 5), ("BERKAS", 60), ("ALASAN", 90)), 1):
        put_header(bad, 1, c, text)
        bad.column_dimensions[get_column_letter(c)].width = width
    for n, d in enumerate(summary.rejected, 1):
        put(bad, n + 1, 1, n, align=CENTER)
        put(bad, n + 1, 2, d.berkas)
        put(bad, n + 1, 3, d.alasan)
    bad.freeze_panes = "A2"
    wb.save(out)
