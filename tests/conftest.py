"""Shared fixtures: real decrees, temp folders for settings, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_FILES = ("kudus-14-2025.txt", "madiun-7-2026.txt", "kapuas-24-2025.txt")


def seeds_required() -> bool:
    """CI must test the real decrees; a newcomer's clone (nothing beside it) runs on the
    generated corpus (tests/decree_corpus.py) alone."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    missing = [name for name in SEED_FILES if not (SEEDS / name).is_file()]
    if missing:
        if seeds_required():
            pytest.fail(f"seed decrees missing from {SEEDS}: {missing} — CI must have ../shared/seeds/")
        pytest.skip(f"real seed decrees not beside this clone ({SEEDS}); the generated corpus covers import")
    return SEEDS
