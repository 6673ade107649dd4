"""The window on office screens (issue 14): 1366×768 and 1024×768, every tab, a restart, and a
position saved on a bigger screen. The screenshots come from docs/make_screenshots.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QScrollArea

from ui.plan_view import RIGHT_MIN, TAB_FORM, TAB_JADWAL, TAB_PERIKSA, TREE_MIN

ROOT = Path(__file__).resolve().parents[2]


def _screenshots():
    spec = importlib.util.spec_from_file_location("make_screenshots", ROOT / "docs" / "make_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module        # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shots(tmp_path_factory, qapp):
    return {(s.size, s.tab): s for s in _screenshots().shoot(tmp_path_factory.mktemp("layar"))}


def test_screenshots_are_taken_at_both_sizes(shots):
    for size in ("1366", "1024"):
        for tab in ("main", "jadwal", "periksa"):
            shot = shots[(size, tab)]
            assert shot.path.stat().st_size > 10_000, shot.path


def test_at_1366_the_tree_keeps_its_width_on_every_tab(shots):
    widths = {shots[("1366", tab)].tree_width for tab in ("main", "jadwal", "periksa")}
    assert len(widths) == 1 and widths.pop() >= 500


def test_at_1366_jadwal_shows_all_twelve_months_without_scrolling_sideways(shots):
    jadwal = shots[("1366", "jadwal")]
    assert jadwal.months_visible == 12
    assert jadwal.jadwal_hscroll == 0


def test_at_1024_the_tree_and_the_form_stay_usable(shots):
    for tab in ("main", "jadwal", "periksa"):
        shot = shots[("1024", tab)]
        assert shot.tree_width >= TREE_MIN
        assert shot.form_hscroll == 0


def _visit_every_tab(view) -> list[int]:
    widths = []
    for index in (TAB_FORM, TAB_JADWAL, TAB_PERIKSA, TAB_FORM):
        view.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        widths.append(view.splitter.sizes()[0])
    return widths


def _window_at(qtbot, plan_path, width: int, height: int):
    """A new window (as after a restart: it reads the saved settings) of this size, plan open."""
    from ui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)   # the offscreen test screen is small: sizes are given here
    window.show()
    window.open_path(str(plan_path))
    QApplication.processEvents()
    return window


def test_tree_width_survives_every_tab_and_a_restart(qtbot, plan_path):
    window = _window_at(qtbot, plan_path, 1366, 728)
    window.view.splitter.setSizes([600, 766])
    QApplication.processEvents()
    widths = _visit_every_tab(window.view)
    assert len(set(widths)) == 1, widths
    window.close()
    QApplication.processEvents()
    again = _window_at(qtbot, plan_path, 1366, 728)
    assert abs(again.view.splitter.sizes()[0] - widths[0]) <= 2
    again.close()


def test_a_position_saved_on_a_bigger_screen_leaves_the_tree_usable(qtbot, plan_path):
    """A 1920-px screen's window with the tree squeezed to 90 px, then a 1024-px screen."""
    from ui import settings
    big = _window_at(qtbot, plan_path, 1900, 1000)
    big.view.tree.header().resizeSection(1, 400)
    big.view.tabs.setMinimumWidth(0)                  # as an older version let it be
    big.view.splitter.widget(0).setMinimumWidth(0)
    big.view.splitter.setSizes([90, 1810])
    QApplication.processEvents()
    big.close()
    assert not settings.get(settings.SPLITTER).isEmpty()

    small = _window_at(qtbot, plan_path, 1024, 728)
    tree, right = small.view.splitter.sizes()
    assert tree >= TREE_MIN and right >= RIGHT_MIN
    header = small.view.tree.header()
    assert header.sectionSize(0) >= 0.6 * small.view.tree.viewport().width() - 2   # names readable
    assert small.view.form.findChild(QScrollArea).horizontalScrollBar().maximum() == 0
    small.close()


def test_a_window_size_from_a_bigger_screen_is_cut_to_this_one(qtbot):
    from ui import settings
    from ui.main_window import MainWindow
    first = MainWindow()
    qtbot.addWidget(first)
    screen = QApplication.primaryScreen().availableGeometry()
    first.resize(screen.width() + 900, screen.height() + 500)
    settings.put(settings.GEOMETRY, first.saveGeometry())
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.width() <= screen.width() and again.height() <= screen.height()
    assert isinstance(settings.get(settings.GEOMETRY), QByteArray)
