"""Opening a file we wrote (PDF, workbook) in the program the system uses for it."""

from __future__ import annotations

import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_externally(path: str | os.PathLike) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(path)))
