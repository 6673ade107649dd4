"""Screenshots of the window at the office screen sizes, and the measures a regression shows in.

    python docs/make_screenshots.py            # writes docs/screenshot-*.png (offscreen)
    python docs/make_screenshots.py /tmp/x     # the same into another folder
    xvfb-run -s "-screen 0 1366x768x24" python docs/make_screenshots.py   # the same on a real X server

For each size (1366×768 and 1024×768, a 40-px taskbar taken off as on Windows) the demo plan is
opened, a langkah aksi selected, and the Isian, Jadwal and Periksa tabs are grabbed; the 1366 ones
are also the README's ``screenshot-main/jadwal/periksa.png``. ``shoot`` returns, per size and tab,
the tree's width and whether anything scrolls sideways; tests/ui/test_jendela_screens.py runs it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"1366": (1366, 768), "1024": (1024, 768)}
TASKBAR = 40
TABS = ("main", "jadwal", "periksa")


@dataclass
class Shot:
    size: str
    tab: str
    path: Path
    tree_width: int
    right_width: int
    form_hscroll: int       # > 0: the form scrolls sideways
    jadwal_hscroll: int     # > 0: the month grid scrolls sideways
    months_visible: int     # month columns entirely in view in the Jadwal grid


def _demo_plan() -> dict:
    """The demo plan with a few things left to do, so Periksa has something to show."""
    plan = json.loads((ROOT / "resources" / "demo" / "contoh.json").read_text(encoding="utf-8"))
    aksi = [x for a in plan["area"] for k in a["komponen"] for i in k["indikator"] for x in i["aksi"]]
    aksi[5]["bukti_fisik"] = ""
    aksi[9]["bulan"], aksi[9]["target_waktu"] = [], ""
    last = int(plan["rencana"]["tahun"]) - 1
    aksi[1]["bukti_fisik"] = f"1. SK Tim Kerja ZI tahun {last}\n2. Notulen rapat"
    return plan


def shoot(out_dir: Path, sizes=tuple(SIZES), *, readme_names: bool = False) -> list[Shot]:
    """Open the demo plan at each size and grab the three tabs into ``out_dir``."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from ui.app import make_app
    from ui.main_window import MainWindow
    from ui.plan_view import TAB_FORM, TAB_JADWAL, TAB_PERIKSA
    from zi_desktop.document import Dokumen

    app = make_app()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    with tempfile.TemporaryDirectory() as tmp:
        plan_path = Path(tmp) / "Rencana Aksi ZI 2026 - KPU Kabupaten Contoh.zidb"
        Dokumen.create_from_plan(plan_path, _demo_plan()).close()
        for size in sizes:
            width, height = SIZES[size]
            window = MainWindow()
            window.resize(width, height - TASKBAR)
            window.show()
            QApplication.processEvents()
            window.open_path(str(plan_path))
            view = window.view
            aksi = view.model.nodes_of_level("aksi")
            view.tree.expandAll()
            view.select("aksi", aksi[min(3, len(aksi) - 1)].id)
            for tab, index in zip(TABS, (TAB_FORM, TAB_JADWAL, TAB_PERIKSA)):
                view.tabs.setCurrentIndex(index)
                for _ in range(3):
                    QApplication.processEvents()
                name = f"screenshot-{tab}-{size}.png"
                path = out_dir / name
                window.grab().save(str(path))
                if readme_names and size == "1366":
                    window.grab().save(str(out_dir / f"screenshot-{tab}.png"))
                form_scroll = view.form.findChild(QScrollArea)
                grid = view.jadwal.tree if view.jadwal is not None else None
                shots.append(Shot(size, tab, path, view.splitter.sizes()[0], view.splitter.sizes()[1],
                                  form_scroll.horizontalScrollBar().maximum(),
                                  grid.horizontalScrollBar().maximum() if grid is not None else 0,
                                  _months_in_view(view.jadwal) if grid is not None else 0))
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    return shots


def _months_in_view(jadwal) -> int:
    from ui.jadwal_model import FIRST_MONTH_COL
    header = jadwal.tree.header()
    right = jadwal.tree.viewport().width()
    return sum(1 for col in range(FIRST_MONTH_COL, jadwal.model.columnCount())
               if 0 <= header.sectionViewportPosition(col)
               and header.sectionViewportPosition(col) + header.sectionSize(col) <= right)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    from PySide6.QtCore import QSettings, QStandardPaths
    QStandardPaths.setTestModeEnabled(True)         # never the user's own settings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp(prefix="zi-layar-"))
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"     # another folder: to look only
    for shot in shoot(out, readme_names=out == ROOT / "docs"):
        print(f"{shot.path.name}: pohon {shot.tree_width} px, kanan {shot.right_width} px, "
              f"geser isian {shot.form_hscroll}, geser jadwal {shot.jadwal_hscroll}, "
              f"bulan terlihat {shot.months_visible}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
