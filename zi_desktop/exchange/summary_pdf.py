"""The province's summary as a PDF: A4 landscape, one row per received plan, with a small
horizontal bar chart of completeness (% langkah aksi with months, % with bukti fisik) in each
row, and the refused files with their reasons at the end.

Fonts: DejaVu Sans from ``resources/fonts`` is embedded (it has every glyph the names and
reasons need), registered by ``lampiran.fonts`` like every PDF of the program. Every text from a received file is escaped before it goes into a Paragraph
(a file is untrusted input: ``<img src=…>`` or an unclosed ``<b>`` must print as text).
"""

from __future__ import annotations

import datetime as _dt
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

from ..dates import format_tanggal
from ..lampiran.fonts import BOLD, REGULAR, register_fonts
from .summary import RekapRow, Summary, area_codes


BIRU = colors.HexColor("#2F5597")      # % berjadwal
HIJAU = colors.HexColor("#548235")     # % bukti fisik
MERAH = colors.HexColor("#C00000")
ABU = colors.HexColor("#7F7F7F")
GARIS = colors.HexColor("#A6A6A6")
KEPALA = colors.HexColor("#D9E1F2")

PAGE = landscape(A4)
MARGIN = 12 * mm
CHUNK = 25  # rows per Table: small tables split cheaply (one big Table gets superlinear)


def fonts() -> tuple[str, str]:
    """(regular, bold) font names: DejaVu Sans, registered (and embedded) by the Lampiran's
    one font registration."""
    register_fonts()
    return REGULAR, BOLD


def _text(value) -> str:
    return escape(str(value)).replace("\n", "<br/>")


class Bars(Flowable):
    """Two thin horizontal bars, 0–100 %: months planned (blue), bukti fisik (green)."""

    def __init__(self, berjadwal: float, berbukti: float, width: float, font: str) -> None:
        super().__init__()
        self.values = (berjadwal, berbukti)
        self.width, self.height = width, 6.6 * mm
        self.font = font

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        c = self.canv
        label_w = 10 * mm
        track = self.width - label_w
        bar_h = 2.3 * mm
        for n, (value, color) in enumerate(zip(self.values, (BIRU, HIJAU))):
            y = self.height - (n + 1) * (bar_h + 0.7 * mm)
            c.setFillColor(colors.HexColor("#EDEDED"))
            c.setStrokeColor(colors.HexColor("#EDEDED"))
            c.rect(0, y, track, bar_h, stroke=0, fill=1)
            c.setFillColor(color)
            c.rect(0, y, track * max(0.0, min(value, 100.0)) / 100.0, bar_h, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont(self.font, 6.5)
            c.drawRightString(self.width, y + 0.4 * mm, f"{value:.0f}%")


class _NumberedCanvas(Canvas):
    """Draws "Halaman X dari Y" once the number of pages is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            regular = fonts()[0]
            self.setFont(regular, 7.5)
            self.setFillColor(ABU)
            self.drawRightString(PAGE[0] - MARGIN, 7 * mm, f"Halaman {self._pageNumber} dari {total}")
            super().showPage()
        super().save()


def _styles():
    regular, bold = fonts()
    base = ParagraphStyle("rekap", fontName=regular, fontSize=7.5, leading=8.8)
    return {
        "cell": base,
        "small": ParagraphStyle("kecil", parent=base, fontSize=6.5, leading=8, textColor=ABU),
        "head": ParagraphStyle("kepala", parent=base, fontName=bold, fontSize=7, leading=8.5,
                               alignment=1),
        "num": ParagraphStyle("angka", parent=base, alignment=1),
        "title": ParagraphStyle("judul", parent=base, fontName=bold, fontSize=12, leading=15),
        "sub": ParagraphStyle("sub", parent=base, fontSize=8, leading=10, textColor=ABU),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=10, leading=13,
                             spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "old": ParagraphStyle("tua", parent=base, textColor=ABU),
        "old_num": ParagraphStyle("tua_angka", parent=base, alignment=1, textColor=ABU),
    }


def _column_widths(n_codes: int) -> list[float]:
    usable = PAGE[0] - 2 * MARGIN
    fixed = {"no": 7 * mm, "thn": 12 * mm, "sk": 27 * mm, "jumlah": 24 * mm,
             "bars": 46 * mm, "temuan": 19 * mm, "hilang": 19 * mm, "pantau": 24 * mm}
    per_area = 8 * mm
    satker = usable - sum(fixed.values()) - per_area * n_codes
    return ([fixed["no"], satker, fixed["thn"], fixed["sk"]] + [per_area] * n_codes
            + [fixed["jumlah"], fixed["bars"], fixed["temuan"], fixed["hilang"], fixed["pantau"]])


def _header(codes: list[str], st) -> list:
    h = st["head"]
    return ([Paragraph("NO", h), Paragraph("SATUAN KERJA / BERKAS", h), Paragraph("TAHUN", h),
             Paragraph("KEPUTUSAN (SK)", h)]
            + [Paragraph(f"{c}<br/>LA", h) for c in codes]
            + [Paragraph("KOMPONEN / INDIKATOR / LANGKAH AKSI", h),
               Paragraph("KELENGKAPAN<br/>"
                         f"<font color='#{BIRU.hexval()[2:]}'>■</font> berjadwal  "
                         f"<font color='#{HIJAU.hexval()[2:]}'>■</font> bukti fisik", h),
               Paragraph("TEMUAN<br/>galat /<br/>peringatan; prediksi LKE", h),
               Paragraph("KOMP. STANDAR HILANG", h),
               Paragraph("REALISASI<br/>% / terlambat /<br/>bukti dukung", h)])


def _row_cells(n: int, row: RekapRow, codes: list[str], st, bars_w: float) -> list:
    regular, bold = fonts()
    older = row.ganda and not row.terbaru
    cell, num = (st["old"], st["old_num"]) if older else (st["cell"], st["num"])
    name = _text(row.satker) if row.satker.strip() else "(satuan kerja belum diisi)"
    lines = [f"<font name='{bold}'>{name}</font>", f"<font size='6.5' color='#7F7F7F'>{_text(row.nama_berkas)}</font>"]
    if row.ganda:
        lines.append("<font size='6.5' color='#C00000'>ganda — lebih lama</font>" if older
                     else "<font size='6.5' color='#2F5597'>ganda — terbaru</font>")
    sk = _text(row.nomor) or "–"
    tanggal = _tanggal(row.tanggal)
    per_area = {a["kode"]: a["aksi"] for a in row.area}
    galat = f"<font color='#C00000'>{row.galat}</font>" if row.galat else "0"
    hilang = "–" if row.komponen_hilang is None else str(len(row.komponen_hilang))
    cells = [Paragraph(str(n), num), Paragraph("<br/>".join(lines), cell),
             Paragraph(str(row.tahun), num),
             Paragraph(f"Nomor {sk}<br/><font size='6.5'>{_text(tanggal) or 'tanggal belum diisi'}</font>", cell)]
    cells += [Paragraph(str(per_area[c]) if c in per_area else "–", num) for c in codes]
    cells += [Paragraph(f"{row.komponen} / {row.indikator} / {row.aksi}", num),
              Bars(row.persen_berjadwal, row.persen_berbukti, bars_w, regular),
              Paragraph(f"{galat} / {row.peringatan}<br/><font size='6.5'>LKE "
                        f"{f'{row.lke_prediksi:.1f}'.replace('.', ',')} {row.lke_predikat}</font>", num),
              Paragraph(hilang, num)]
    late = f"<font color='#C00000'>{row.terlambat}</font>" if row.terlambat else "0"
    cells.append(Paragraph(f"{row.persen_realisasi:.0f}% / {late} / {row.bukti_dukung}", num))
    return cells


def _tanggal(iso: str) -> str:
    try:
        return format_tanggal(iso.strip())
    except ValueError:
        return iso


def _table_style(n_rows: int, *, header: bool, first_index: int = 0) -> TableStyle:
    """Grid and padding; zebra stripes by the row's place in the whole list (``first_index``)."""
    cmds = [("FONTNAME", (0, 0), (-1, -1), fonts()[0]),  # else Table sets Helvetica (unembedded)
            ("GRID", (0, 0), (-1, -1), 0.4, GARIS),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8)]
    skip = 1 if header else 0
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), KEPALA))
    for r in range(n_rows):
        if (first_index + r) % 2 == 1:
            cmds.append(("BACKGROUND", (0, r + skip), (-1, r + skip), colors.HexColor("#F7F9FC")))
    return TableStyle(cmds)


class _Layout:
    """Column widths and the rekap header, shared by the story and the page template."""

    def __init__(self, summary: Summary) -> None:
        self.st = _styles()
        self.codes = area_codes(summary.rows)
        self.widths = _column_widths(len(self.codes))
        self.bars_w = self.widths[4 + len(self.codes) + 1] - 5
        self.header = Table([_header(self.codes, self.st)], colWidths=self.widths, hAlign="LEFT")
        self.header.setStyle(_table_style(0, header=True))
        self.header_h = self.header.wrap(PAGE[0] - 2 * MARGIN, PAGE[1])[1]


def build_story(summary: Summary, layout: _Layout | None = None) -> list:
    """The flowables. Rekap rows come in header-less tables of ``CHUNK`` rows (cheap to split);
    the header of the rekap table is drawn at the top of every rekap page by the page template,
    so it never appears in the middle of a page."""
    lay = layout or _Layout(summary)
    st = lay.st
    story: list = []
    if summary.rows:
        for start in range(0, len(summary.rows), CHUNK):
            chunk = summary.rows[start:start + CHUNK]
            data = [_row_cells(start + i + 1, r, lay.codes, st, lay.bars_w) for i, r in enumerate(chunk)]
            table = Table(data, colWidths=lay.widths, hAlign="LEFT")
            table.setStyle(_table_style(len(chunk), header=False, first_index=start))
            story.append(table)
        legend = ("LA: langkah aksi per area. Kelengkapan: persentase langkah aksi yang sudah "
                  "ditentukan bulannya (biru) dan yang sudah memiliki bukti fisik (hijau). "
                  "Temuan: hasil Periksa Kelengkapan. Komponen standar hilang: komponen templat "
                  "standar yang tidak ditemukan (rinciannya di rekap .xlsx).")
        if any(r.ganda for r in summary.rows):
            legend += (" Ganda: dua berkas atau lebih untuk satuan kerja dan tahun yang sama; "
                       "yang terbaru ditentukan dari tanggal SK, lalu waktu berkas diubah.")
        story += [NextPageTemplate("polos"), Spacer(1, 2 * mm), Paragraph(_text(legend), st["small"])]
    else:
        story.append(Paragraph("Tidak ada berkas yang dapat dibaca.", st["cell"]))
    if summary.rejected:
        story.append(Paragraph(f"Berkas ditolak ({len(summary.rejected)})", st["h2"]))
        usable = PAGE[0] - 2 * MARGIN
        data = [[Paragraph("NO", st["head"]), Paragraph("BERKAS", st["head"]),
                 Paragraph("ALASAN", st["head"])]]
        for n, d in enumerate(summary.rejected, 1):
            data.append([Paragraph(str(n), st["num"]), Paragraph(_text(d.berkas), st["cell"]),
                         Paragraph(_text(d.alasan), st["cell"])])
        t = Table(data, colWidths=[7 * mm, usable * 0.38, usable * 0.62 - 7 * mm],
                  repeatRows=1, hAlign="LEFT")
        t.setStyle(_table_style(len(data) - 1, header=True))
        story.append(t)
    return story


def write_pdf(summary: Summary, out) -> None:
    regular, bold = fonts()
    years = sorted({r.tahun for r in summary.rows})
    if not years:
        tahun = ""
    elif len(years) == 1:
        tahun = f" TAHUN {years[0]}"
    else:
        tahun = f" TAHUN {years[0]}–{years[-1]}"
    title = f"REKAP RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS{tahun}"
    made = format_tanggal(_dt.date.today())
    sub = (f"{len(summary.rows)} berkas dibaca, {len(summary.rejected)} ditolak — dibuat dengan "
           f"ZI Desktop pada {made}")
    lay = _Layout(summary)
    title_h = 14 * mm
    top = PAGE[1] - MARGIN - title_h

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont(bold, 11)
        canvas.drawString(MARGIN, PAGE[1] - MARGIN - 4 * mm, title)
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(ABU)
        canvas.drawString(MARGIN, PAGE[1] - MARGIN - 9 * mm, sub)
        canvas.restoreState()

    def on_rekap_page(canvas, doc):
        on_page(canvas, doc)
        lay.header.drawOn(canvas, MARGIN, top - lay.header_h)

    def write(tmp: str) -> None:
        doc = BaseDocTemplate(tmp, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                              topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                              author="ZI Desktop", subject="Rekap provinsi", creator="ZI Desktop",
                              initialFontName=regular, initialFontSize=8)
        width = PAGE[0] - 2 * MARGIN
        pad = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        rekap = Frame(MARGIN, MARGIN, width, top - lay.header_h - MARGIN, id="rekap", **pad)
        polos = Frame(MARGIN, MARGIN, width, top - MARGIN, id="polos", **pad)
        templates = [PageTemplate(id="rekap", frames=[rekap], onPage=on_rekap_page),
                     PageTemplate(id="polos", frames=[polos], onPage=on_page)]
        if not summary.rows:
            templates.reverse()  # the first template is the first page's
        doc.addPageTemplates(templates)
        doc.build(build_story(summary, lay), canvasmaker=_NumberedCanvas)

    write(str(out))


__all__ = ["write_pdf", "build_story", "fonts", "Bars"]
