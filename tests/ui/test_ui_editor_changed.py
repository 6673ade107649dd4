"""The window's one notifier: Editor.changed(changes, initiator) after every do, undo and redo."""

from __future__ import annotations

import gc

from PySide6.QtCore import SIGNAL, QEvent, QObject
from PySide6.QtWidgets import QApplication

from zi_desktop.document import Dokumen
from zi_desktop.edits import SetField, SetIdentitas

from plans import window_plan
from ui.commands import REDO, UNDO, Editor


def test_every_step_is_told_once_with_its_initiator(tmp_path, qtbot):
    doc = Dokumen.create_from_plan(tmp_path / "rencana.zidb", window_plan())
    try:
        editor = Editor(doc)
        heard = []
        editor.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
        area = doc.children("area", None)[0]["id"]
        me = object()
        assert editor.push(SetField("area", area, "nama", "AREA BARU"), me)
        editor.stack.undo()
        editor.stack.redo()
        assert [initiator for _c, initiator in heard] == [me, UNDO, REDO]
        assert all(c[0].kind == "update" and c[0].id == area and c[0].fields == ("nama",)
                   for c, _i in heard)

        heard.clear()
        assert editor.push(SetIdentitas({"cetak.kertas": "A4", "salinan.nama": "Nama"}))
        assert heard[0][0][0].kind == "identitas" and set(heard[0][0][0].fields) == {"cetak.kertas",
                                                                                   "salinan.nama"}
        assert heard[0][1] is None
        assert doc.identitas()["cetak"]["kertas"] == "A4"
        editor.stack.clear()
    finally:
        doc.close()


def test_a_refused_edit_tells_nothing(tmp_path, qtbot):
    doc = Dokumen.create_from_plan(tmp_path / "rencana.zidb", window_plan())
    try:
        editor = Editor(doc)
        heard, failed = [], []
        editor.changed.connect(lambda *args: heard.append(args))
        editor.failed.connect(failed.append)
        assert not editor.push(SetIdentitas({"jumlah_bulan": 99}))
        assert heard == [] and failed and editor.stack.count() == 0
    finally:
        doc.close()


def test_the_form_and_the_grid_read_the_one_plan_period():
    import ui.item_form
    import ui.jadwal_model
    from zi_desktop.dates import plan_period
    assert ui.item_form.plan_period is plan_period and ui.jadwal_model.plan_period is plan_period


def test_a_destroyed_view_is_no_longer_called(tmp_path, qtbot):
    doc = Dokumen.create_from_plan(tmp_path / "rencana.zidb", window_plan())
    try:
        editor = Editor(doc)

        class View(QObject):
            calls = 0

            def on_changed(self, changes, initiator):
                View.calls += 1

        view = View()
        editor.changed.connect(view.on_changed)
        assert editor.receivers(SIGNAL("changed(PyObject,PyObject)")) == 1
        view.deleteLater()
        del view
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        gc.collect()
        assert editor.receivers(SIGNAL("changed(PyObject,PyObject)")) == 0
        area = doc.children("area", None)[0]["id"]
        assert editor.push(SetField("area", area, "nama", "LAGI"))
        assert View.calls == 0
        editor.stack.clear()
    finally:
        doc.close()
