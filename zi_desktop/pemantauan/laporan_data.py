"""What the Laporan Monitoring dan Evaluasi says, shared by its PDF and its .xlsx: the title,
the per-area table, and the rows of the langkah aksi table (texts, already worded)."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import BULAN_SINGKAT, format_bulan
from ..errors import ZiError
from ..titles import expand_satker
from .progress import Progress, period, realisasi_by_month, walk

STATUS_MARK = {"selesai": "✓", "sebagian": "½", "belum": "✗"}
COLUMNS = [  # (title, share of the width)
    ("NO", 7), ("LANGKAH AKSI", 24), ("TARGET WAKTU", 12), ("REALISASI", 17), ("%", 5),
    ("KENDALA / TINDAK LANJUT", 19), ("BUKTI DUKUNG", 16)]



@dataclass
class ReportRow:
    cells: list[str]          # one text per column
    band: bool = False        # an area heading over the whole width


def check_sampai(plan: dict, sampai: str | None) -> str | None:
    if sampai is None:
        return None
    months = period(plan["rencana"])
    if sampai not in months:
        raise ZiError(f"Bulan \"{sampai}\" di luar periode rencana ({months[0]} sampai {months[-1]}); "
                      "tulis --sampai seperti 2025-06.")
    return sampai


def report_rows(plan: dict, sampai: str) -> list[ReportRow]:
    """The table of langkah aksi, grouped by area (shared by the PDF and the .xlsx)."""
    rows: list[ReportRow] = []
    current = None
    for jalur, area, _k, _i, aksi in walk(plan):
        if area is not current:
            current = area
            rows.append(ReportRow([f"{area['kode']}  {area['nama']}"], band=True))
        done = realisasi_by_month(aksi)
        planned = [m for m in aksi.get("bulan", []) if m <= sampai]
        shown = sorted(set(planned) | {m for m in done if m <= sampai})
        realisasi = ", ".join(f"{month_short(m)} {STATUS_MARK[done[m]['status']] if m in done else '–'}"
                              for m in shown)
        persen = (round(sum(done[m]["persen"] if m in done else 0 for m in planned) / len(planned))
                  if planned else None)
        catatan = "\n".join(f"{format_bulan(m)}: {done[m]['catatan']}" for m in shown
                            if m in done and done[m]["catatan"].strip())
        bukti = "\n".join(b["nama"] for b in aksi.get("bukti_dukung", []) if not b["bulan"] or b["bulan"] <= sampai)
        rows.append(ReportRow([jalur, aksi["langkah"], aksi["target_waktu"], realisasi,
                               "" if persen is None else f"{persen}", catatan, bukti]))
    return rows


def month_short(ym: str) -> str:
    """"2025-03" → "Mar 2025" (the year only where a plan may cross into the next)."""
    return f"{BULAN_SINGKAT[int(ym[5:]) - 1]} {ym[:4]}"


LEGEND = "Realisasi: ✓ selesai · ½ sebagian · ✗ belum · – belum dilaporkan"


def title_lines(plan: dict, prog: Progress) -> list[str]:
    r = plan["rencana"]
    return ["LAPORAN MONITORING DAN EVALUASI",
            "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
            expand_satker(r.get("satker", "")).upper() + f" TAHUN {r['tahun']}",
            f"Keadaan sampai dengan {format_bulan(prog.sampai)}"]


def area_lines(prog: Progress) -> list[list[str]]:
    """Header and one row per area, then the total (shared by the PDF and the .xlsx)."""
    out = [["AREA", "RENCANA", "SELESAI", "SEBAGIAN", "CAPAIAN (%)"]]
    for kode, nama, t in prog.areas:
        out.append([f"{kode} {nama}", str(t.rencana), str(t.selesai), str(t.sebagian), pct(t.persen)])
    t = prog.total
    out.append(["JUMLAH", str(t.rencana), str(t.selesai), str(t.sebagian), pct(t.persen)])
    return out


def pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")
