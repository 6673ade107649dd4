"""The built wheel is the whole program: installed into a fresh virtual environment outside the
checkout, it finds its template, demo plan, fonts and migrations (package data), so ``new``,
``import``, ``pdf`` and the headless ``--demo`` work there."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert proc.returncode == 0, f"{args}: {proc.stdout[-2000:]}{proc.stderr[-2000:]}"
    return proc


def _clean_tree(target: Path) -> Path:
    """The checkout's files (committed or new, nothing ignored): the wheel is built from these,
    and no build/ or egg-info folder lands in the checkout."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    return target


def test_wheel_installed_outside_the_checkout_runs_the_program(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ZI_DEBUG")}
    source = _clean_tree(tmp_path / "src")
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source, cwd=tmp_path, env=env)
    wheel = next(wheels.glob("zi_desktop-*.whl"))

    # A fresh environment; its dependencies (PySide6, ReportLab, …) come from this one's
    # site-packages, added after its own, so the test needs no network and takes seconds.
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=tmp_path, env=env).stdout.strip())
    (site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=tmp_path, env=env)

    work = tmp_path / "work"
    work.mkdir()
    where = _run(python, "-c", "import zi_desktop.paths as p; print(p.app_root())", cwd=work, env=env)
    assert Path(where.stdout.strip()).resolve().is_relative_to(venv.resolve())   # not the checkout

    exe = bin_dir / ("zi-desktop.exe" if os.name == "nt" else "zi-desktop")
    _run(exe, "new", "standar.zidb", "--template", "standar", "--year", "2026", "--unit",
         "KPU Kabupaten Contoh", cwd=work, env=env)
    _run(exe, "export", "standar.zidb", "-o", "standar.xlsx", cwd=work, env=env)
    imported = _run(exe, "import", "standar.xlsx", "impor.zidb", cwd=work, env=env)
    assert "impor.zidb" in imported.stdout
    printed = _run(python, "-m", "zi_desktop", "pdf", "impor.zidb", "-o", "impor.pdf", cwd=work, env=env)
    assert "halaman" in printed.stdout and (work / "impor.pdf").read_bytes().startswith(b"%PDF")
    if os.name != "nt":   # Windows always has a screen: --demo would open the window
        demo = _run(exe, "--demo", cwd=work, env=env)
        pdf = Path(demo.stdout.strip().rsplit(": ", 1)[-1])
        assert pdf.read_bytes().startswith(b"%PDF")
        pdf.unlink()
