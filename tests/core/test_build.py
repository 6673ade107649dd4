"""The frozen build: installer.spec builds, the bundle starts and passes its self-test offscreen,
and stays within the size goal. (PyInstaller builds for the platform it runs on; CI checks the
Linux folder, Windows is built the same way — docs/WINDOWS.md.)"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_frozen_bundle_builds_and_passes_its_self_test():
    pytest.importorskip("PyInstaller", reason="install the test extra: pip install -e '.[test]'")
    proc = subprocess.run([sys.executable, "build.py", "--check"], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)
    report = proc.stdout.strip().splitlines()
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert any(line.startswith("Uji mandiri berhasil") for line in report)
    size = float(re.search(r"bundle: ([\d.]+) MB", proc.stdout).group(1))
    # one goal, stated (and explained) in build.py
    goal = float(re.search(r"^SIZE_GOAL_MB = ([\d.]+)", (ROOT / "build.py").read_text(
        encoding="utf-8"), re.M).group(1))
    assert size <= goal
    print(report[-1])


def test_spec_reads_name_and_version_from_pyproject():
    spec = (ROOT / "installer.spec").read_text(encoding="utf-8")
    assert "pyproject.toml" in spec and 'project["version"]' in spec and 'project["name"]' in spec
    assert '"resources"' in spec and '"db"' in spec
