"""Shared fixtures: real decrees, temp folders for settings, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_FILES = ("kudus-14-2025.txt", "madiun-7-2026.txt", "kapuas-24-2025.txt")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    missing = [name for name in SEED_FILES if not (SEEDS / name).is_file()]
    if missing:
        pytest.fail(f"seed decrees missing from {SEEDS}: {missing} — CI must have ../shared/seeds/")
    return SEEDS
