"""The province's summary written as .xlsx or .pdf (chosen by the file name), never half a file:
written beside the target under a temporary name, then moved into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

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
    """Write to a temporary file beside ``out``, then move it into place."""
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ZiError(f"Folder \"{folder}\" tidak ada.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".zi-rekap-", suffix=suffix, dir=folder)
    except OSError:
        raise ZiError(f"Folder \"{folder}\" tidak dapat ditulis; pilih folder lain.") from None
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, out)
    except PermissionError:
        _unlink(tmp)
        raise ZiError(f"Berkas \"{out}\" tidak dapat ditulis; mungkin sedang dibuka di program lain. "
                      "Tutup berkas itu lalu coba lagi.") from None
    except BaseException:
        _unlink(tmp)
        raise
    return out


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
