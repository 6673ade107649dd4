"""The import report in the window: after Impor (or a file dropped on the window) every repair
and doubt is a row with its place, and activating a row selects that item in the plan tree."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import decree_corpus as dc  # noqa: E402

from zi_desktop.importer import import_text  # noqa: E402


def _source(tmp_path) -> Path:
    decree = dc.make_decree(1, "markdown", damage=("cut", "twice"))
    plan = import_text(dc.render_text(decree)).plan
    return dc.write_docx(plan, tmp_path / "keputusan.docx"), decree


def test_report_lists_places_and_jumps_to_the_item(window, tmp_path, dialogs, qtbot):
    decree = dc.make_decree(1, "markdown", damage=("cut", "twice"))
    source = tmp_path / "keputusan.md"
    source.write_text(dc.render_text(decree), encoding="utf-8")
    dialogs.open_paths.append(str(source))
    dialogs.save_paths.append(str(tmp_path / "hasil.zidb"))
    window.actions.impor.trigger()
    assert window.doc is not None, dialogs.messages
    report = window.files.report_dialog
    assert report is not None and report.isVisible()
    rows = [report.items.topLevelItem(k) for k in range(report.items.topLevelItemCount())]
    joined = [k for k, r in enumerate(rows) if "tercetak dua kali" in r.text(2)]
    assert joined and all(rows[k].text(1).count(".") == 3 for k in joined)   # I.2.3.1 — an aksi
    jalur = rows[joined[0]].text(1)
    report.activate_row(joined[0])
    node = window.view.current_node()
    assert node is not None and node.level == "aksi"
    plan = window.doc.to_dict(ids=True)
    from zi_desktop.importer.report import item_at
    assert item_at(plan, jalur) == ("aksi", node.id)
    report.close()


def test_a_dropped_word_file_is_imported(window, tmp_path, dialogs):
    source, _ = _source(tmp_path)
    dialogs.save_paths.append(str(tmp_path / "dijatuhkan.zidb"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.show()                       # Qt delivers drags only to a visible window
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    # Qt delivers the drop itself only inside a real drag: hand it to the window's filter
    drop = QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    assert window.file_drop.eventFilter(window, drop)
    assert window.doc is not None, dialogs.messages
    assert Path(window.doc.path).name == "dijatuhkan.zidb"
    assert len(window.view.model.nodes_of_level("area")) == 6
    window.files.report_dialog.close()
