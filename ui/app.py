"""Starting the window: ``run_app(path, demo)`` (called by ``zi_desktop.launch``, the program's entry)."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from . import settings


def make_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("ZI Desktop")
    from .dialogs_id import install
    install(app)
    from .actions import app_icon
    app.setWindowIcon(app_icon())
    try:
        from zi_desktop import __version__
        app.setApplicationVersion(__version__)
    except ImportError:
        pass
    return app


def run_app(path: str | None, demo: bool = False) -> int:
    """Show the window with ``path`` open (or a copy of the sample plan); returns exec()'s code."""
    app = make_app()
    from .main_window import MainWindow

    from zi_desktop.demo import cleanup_demo_copies
    cleanup_demo_copies()
    window = MainWindow()
    if path:
        window.open_path(path)
    elif demo:
        window.files.open_demo()
    window.show()
    QTimer.singleShot(0, window.raise_)
    if os.environ.get("ZI_UKUR_MULAI"):
        _quit_after_first_paint(app, window)
    return app.exec()


class _FirstPaint(QObject):
    """bench/bench_build.py: print when the plan tree is first painted, then quit."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False


def _quit_after_first_paint(app: QApplication, window) -> None:
    target = window.view.tree.viewport() if window.view is not None else window
    app._first_paint = _FirstPaint(app)  # kept alive by the app
    target.installEventFilter(app._first_paint)
