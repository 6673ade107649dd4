"""Every remembered preference of the window, each declared once: key, type, default.

Values live in QSettings, as an .ini file in the user's settings folder. Tests send them
to a temporary folder (tests/conftest_ui.py).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "ZI Desktop"
APPLICATION = "ZI Desktop"
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


GEOMETRY = Setting("jendela/geometri", QByteArray, QByteArray())
WINDOW_STATE = Setting("jendela/keadaan", QByteArray, QByteArray())
SPLITTER = Setting("jendela/pembagi", QByteArray, QByteArray())
TREE_HEADER = Setting("jendela/kolom_pohon", QByteArray, QByteArray())
RECENT = Setting("berkas/terakhir", str, "[]")          # JSON list of paths, newest first
LAST_FOLDER = Setting("berkas/folder_terakhir", str, "")
RIGHT_TAB = Setting("jendela/tab_kanan", int, 0)
REKAP_FOLDER = Setting("rekap/folder_terakhir", str, "")   # where the province keeps received plans

ALL = (GEOMETRY, WINDOW_STATE, SPLITTER, TREE_HEADER, RECENT, LAST_FOLDER, RIGHT_TAB, REKAP_FOLDER)


_STORE: QSettings | None = None


def _store() -> QSettings:
    """One QSettings for the session (Qt writes it to disk in the background and on exit).
    An .ini file everywhere, also on Windows: easy to inspect, reset and test."""
    global _STORE
    if _STORE is None:
        _STORE = QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)
    return _STORE


def forget() -> None:
    """Write and drop the cached store (tests point QSettings elsewhere between tests)."""
    global _STORE
    if _STORE is not None:
        _STORE.sync()
    _STORE = None


def sync() -> None:
    _store().sync()


def get(setting: Setting) -> Any:
    value = _store().value(setting.key, setting.default)
    if value is None:
        return setting.default
    if setting.type is QByteArray:
        return value if isinstance(value, QByteArray) else setting.default
    try:
        return setting.type(value)
    except (TypeError, ValueError):
        return setting.default


def put(setting: Setting, value: Any) -> None:
    _store().setValue(setting.key, value)


# --- recent files ------------------------------------------------------------------------

def recent_files() -> list[str]:
    try:
        paths = json.loads(get(RECENT))
    except ValueError:
        return []
    from zi_desktop.demo import is_demo_copy
    return [p for p in paths if isinstance(p, str) and not is_demo_copy(p)][:MAX_RECENT]


def add_recent(path: str) -> None:
    from zi_desktop.demo import is_demo_copy
    path = os.path.abspath(path)
    if is_demo_copy(path):   # a temporary copy, gone after this session
        return
    paths = [p for p in recent_files() if os.path.normcase(p) != os.path.normcase(path)]
    put(RECENT, json.dumps([path, *paths][:MAX_RECENT], ensure_ascii=False))
    put(LAST_FOLDER, os.path.dirname(path))


def remove_recent(path: str) -> None:
    paths = [p for p in recent_files() if os.path.normcase(p) != os.path.normcase(os.path.abspath(path))]
    put(RECENT, json.dumps(paths, ensure_ascii=False))


def clear_recent() -> None:
    put(RECENT, "[]")
