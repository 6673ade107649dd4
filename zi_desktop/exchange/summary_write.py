"""The province's summary written as .xlsx or .pdf (chosen by the file name), never half a file:
written beside the target under a temporary name, then moved into place."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .. import atomic
from ..errors import ZiError
from .summary import Summary

FORMATS = (".xlsx", ".pdf")


def summary_format(out) -> str:
    """The suffix of ``out`` if the summary can be written as it, else the refusal."""
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise ZiError(f"Rekap hanya dapat ditulis sebagai .xlsx atau .pdf, bukan \"{Path(out).name}\".")
    return suffix


def write_summary(summary: Summary, out) -> Path:
    if summary_format(out) == ".xlsx":
        from .summary_xlsx import write_xlsx as write
    else:
        from .summary_pdf import write_pdf as write
    return _save(lambda tmp: write(summary, tmp), out, Path(out).suffix)


def _save(write: Callable[[str], None], out, suffix: str) -> Path:
    """Write through a temporary file beside ``out`` (``atomic.write_beside``)."""
    out = Path(out)
    with atomic.write_beside(out, prefix=".zi-rekap-") as tmp:
        write(str(tmp))
    return out
