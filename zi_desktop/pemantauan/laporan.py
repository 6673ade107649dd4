"""The *Laporan Monitoring dan Evaluasi* up to a month: ``build_laporan(plan, OUT.pdf|OUT.xlsx,
sampai=…)``. The words are in ``laporan_data``, the layouts in ``laporan_pdf`` (same fonts and
print settings as the Lampiran) and ``laporan_xlsx``."""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from ..errors import ZiError
from .laporan_data import check_sampai, report_rows
from .laporan_pdf import write_pdf
from .laporan_xlsx import write_xlsx
from .progress import progress


def build_laporan(plan: dict, out, *, sampai: str | None = None, today: _dt.date | None = None) -> Path:
    """Write the report to ``out`` (.pdf or .xlsx, by its suffix)."""
    out = Path(out)
    sampai = check_sampai(plan, sampai)
    prog = progress(plan, sampai, today)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ZiError(f"Laporan hanya dapat dibuat sebagai .pdf atau .xlsx, bukan \"{out.name}\".")
    if not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise ZiError(f"Folder \"{out.parent}\" tidak ada.")
    rows = report_rows(plan, prog.sampai)
    tmp = out.with_name(f".{out.name}.sementara")
    try:
        if suffix == ".xlsx":
            write_xlsx(plan, prog, rows, tmp)
        else:
            write_pdf(plan, prog, rows, tmp, today)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out
