"""Where the program's bundled folders (``resources/``, ``db/``) are.

From a source checkout they sit beside the ``zi_desktop`` package; in a PyInstaller
bundle they are unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def db_dir() -> Path:
    return app_root() / "db"
