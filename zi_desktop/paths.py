"""Where the program's bundled folders (``resources/``, ``db/``) are — one lookup for all installs.

The repository keeps them at the top level, beside the ``zi_desktop`` package. A built wheel
carries them inside the package (``zi_desktop/resources``, ``zi_desktop/db``: pyproject's
package-dir mapping), and the PyInstaller bundle puts them at the same place under
``sys._MEIPASS`` (installer.spec), so the lookup is: inside the package if there, else beside it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def app_root() -> Path:
    package = Path(__file__).resolve().parent
    return package if (package / "resources").is_dir() else package.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def db_dir() -> Path:
    return app_root() / "db"
