"""The Keputusan tab of a test window, and the decree body its plan holds."""

from __future__ import annotations


def body(window) -> dict:
    return window.doc.to_dict()["keputusan"]


def tab(window):
    """Show the Keputusan tab and return its view."""
    view = window.view
    index = [view.tabs.tabText(i) for i in range(view.tabs.count())].index("Keputusan")
    view.tabs.setCurrentIndex(index)
    return window.keputusan_view
