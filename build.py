"""Build the frozen program for this platform: ``python build.py [--check]``.

Runs PyInstaller on installer.spec into dist/zi-desktop/. With ``--check`` it then runs
the frozen ``--self-test`` offscreen and prints the bundle size (against SIZE_GOAL_MB below) and the
self-test's time, exiting non-zero if either fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist" / "zi-desktop"
# 136 MB before this round. .docx/.pdf import add pdfminer's cryptography (11 MB) and
# python-docx's lxml (6 MB); the print preview and printer add pdfium (7 MB), Qt print support
# with the CUPS stack on Linux (8 MB; Windows prints through its own spooler) and the Arial- and
# Bookman-like faces (2.6 MB).
SIZE_GOAL_MB = 175


def bundle_size_mb(folder: Path) -> float:
    # count each file once: symlinked library aliases are not extra bytes
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def build() -> None:
    # PyInstaller's cache inside this checkout: --clean empties the cache, and a shared one
    # (~/.cache/pyinstaller) breaks a build running at the same time in another checkout
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(ROOT / "build" / "pyinstaller-cache"))
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                    str(ROOT / "installer.spec")], check=True, cwd=ROOT, env=env)


def check() -> int:
    exe = DIST / ("zi-desktop.exe" if os.name == "nt" else "zi-desktop")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.run([str(exe), "--self-test"], env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace")
    seconds = time.perf_counter() - started
    print(proc.stdout.strip())
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    size = bundle_size_mb(DIST)
    print(f"bundle: {size:.1f} MB (goal <= {SIZE_GOAL_MB} MB); self-test: {seconds:.2f} s, exit {proc.returncode}")
    return 0 if proc.returncode == 0 and size <= SIZE_GOAL_MB else 1


if __name__ == "__main__":
    build()
    sys.exit(check() if "--check" in sys.argv else 0)
