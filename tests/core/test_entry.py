"""One entry: the console script, ``python -m zi_desktop`` and the frozen build start the same
function, ``zi_desktop.launch.main``."""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _calls_launch_main(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, ast.ImportFrom) and n.module in ("zi_desktop.launch", "launch")
               and any(a.name == "main" for a in n.names) for n in ast.walk(tree))


def test_every_way_in_is_launch_main():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"zi-desktop": "zi_desktop.launch:main"}
    assert _calls_launch_main(ROOT / "zi_desktop" / "__main__.py")
    assert _calls_launch_main(ROOT / "installer" / "entry.py")


def test_the_command_line_alone_never_loads_the_window():
    import subprocess
    import sys
    code = ("import sys\nfrom zi_desktop.launch import main\nmain(['schedule', 'Maret 2025', '--json'])\n"
            "sys.stderr.write(str(sorted(m for m in sys.modules if m.split('.')[0] in ('ui', 'PySide6'))))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and '"2025-03"' in proc.stdout
    assert proc.stderr.strip() == "[]"
