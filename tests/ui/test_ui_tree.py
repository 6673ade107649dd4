"""The tree model: Qt's model checks, incremental updates, numbering, drag and drop, filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from plans import window_plan
from zi_desktop.document import Dokumen
from zi_desktop.edits import AddItem, Batch, DeleteItem, MoveItem, SetField, SetMonths
from ui.commands import Editor
from ui.tree_filter import PlanFilter
from ui.tree_model import NumeralRole, PlanTreeModel


@pytest.fixture
def editor(plan_path, qapp):
    doc = Dokumen.open(plan_path)
    ed = Editor(doc)
    yield ed
    doc.close()


def titles(model: PlanTreeModel, parent=QModelIndex()) -> list[str]:
    """What the tree shows: numeral (drawn by the view) and text."""
    return [model.title(model.node(model.index(r, 0, parent))) for r in range(model.rowCount(parent))]


def shape(model: PlanTreeModel, parent=QModelIndex()) -> list:
    """The whole tree as nested (title, children) from the model's point of view."""
    out = []
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        out.append((model.title(model.node(index)), shape(model, index)))
    return out


def test_model_passes_qt_checks_and_follows_every_edit(qtmodeltester, editor):
    model = PlanTreeModel(editor)
    qtmodeltester.check(model)
    doc = editor.doc
    area2 = doc.children("area", None)[1]["id"]
    komponen1 = doc.children("komponen", doc.children("area", None)[0]["id"])[0]["id"]
    ind1 = doc.children("indikator", komponen1)[0]["id"]
    assert editor.push(AddItem("area", None, 0, {"nama": "AREA BARU"}))
    assert editor.push(AddItem("aksi", ind1, 1, {"langkah": "Sisipan"}))
    assert editor.push(SetField("area", area2, "nama", "PENATAAN TATA LAKSANA (ubah)"))
    assert editor.push(MoveItem("area", area2, None, 0))
    assert editor.push(MoveItem("indikator", ind1, komponen1, 1))
    assert editor.push(DeleteItem("komponen", komponen1))
    qtmodeltester.check(model)
    fresh = PlanTreeModel(editor)
    assert shape(model) == shape(fresh)
    while editor.stack.canUndo():
        editor.stack.undo()
        assert shape(model) == shape(PlanTreeModel(editor))
    qtmodeltester.check(model)
    while editor.stack.canRedo():
        editor.stack.redo()
    assert shape(model) == shape(PlanTreeModel(editor))
    qtmodeltester.check(model)


def test_filter_proxy_passes_qt_checks(qtmodeltester, editor):
    model = PlanTreeModel(editor)
    proxy = PlanFilter()
    proxy.setSourceModel(model)
    proxy.set_text("notulen")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1                              # area I, which holds the match


def test_inserts_and_removes_are_incremental_not_resets(qtbot, editor):
    model = PlanTreeModel(editor)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    ind = model.nodes_of_level("indikator")[0]
    keep = QPersistentModelIndex(model.index_for("aksi", ind.children[1].id))
    with qtbot.waitSignal(model.rowsInserted) as sig:
        editor.push(AddItem("aksi", ind.id, 0, {"langkah": "Baru"}))
    assert sig.args[1:] == [0, 0]
    assert keep.isValid() and keep.row() == 2                 # persistent indexes follow
    with qtbot.waitSignal(model.rowsRemoved):
        editor.push(DeleteItem("indikator", ind.id))
    with qtbot.waitSignal(model.rowsInserted):
        editor.stack.undo()                                   # the indikator with its 3 aksi
    assert len(model.node_for("indikator", ind.id).children) == 3
    with qtbot.waitSignal(model.rowsMoved):
        editor.push(MoveItem("area", model.nodes_of_level("area")[1].id, None, 0))
    with qtbot.waitSignal(model.dataChanged):
        editor.push(SetMonths(ind.children[1].id, ["2025-05"]))
    assert resets == []


def test_batch_with_new_parent_and_child_is_one_consistent_insert(qtmodeltester, editor):
    model = PlanTreeModel(editor)
    komponen = model.nodes_of_level("komponen")[1]
    add_ind = AddItem("indikator", komponen.id, None, {"teks": "Indikator baru"})

    class AddBoth(Batch):
        def do(self, conn):
            changes = add_ind.do(conn)
            self.child = AddItem("aksi", add_ind.id, None, {"langkah": "Aksi baru"})
            return changes + self.child.do(conn)

        def undo(self, conn):
            return self.child.undo(conn) + add_ind.undo(conn)

    assert editor.push(AddBoth(label="Tambah"))
    assert shape(model) == shape(PlanTreeModel(editor))
    qtmodeltester.check(model)
    editor.stack.undo()
    assert shape(model) == shape(PlanTreeModel(editor))


def test_roman_numerals_and_komponen_numbers_follow_order(editor):
    model = PlanTreeModel(editor)
    assert titles(model) == ["I  MANAJEMEN PERUBAHAN", "II  PENATAAN TATA LAKSANA"]
    first_area = model.index(0, 0)
    assert titles(model, first_area) == ["1.  Penyusunan Tim Kerja", "2.  Rencana Pembangunan Zona Integritas"]
    changed = []
    model.dataChanged.connect(lambda a, b, roles=(): changed.append((a.row(), b.row())))
    editor.push(AddItem("area", None, 0, {"nama": "BARU"}))
    assert titles(model) == ["I  BARU", "II  MANAJEMEN PERUBAHAN", "III  PENATAAN TATA LAKSANA"]
    assert (1, 2) in changed                                  # the views were told
    komponen = model.nodes_of_level("komponen")[1]
    editor.push(MoveItem("komponen", komponen.id, komponen.parent.id, 0))
    assert titles(model, model.index(1, 0)) == ["1.  Rencana Pembangunan Zona Integritas",
                                                "2.  Penyusunan Tim Kerja"]


def test_empty_items_and_missing_months_are_visible(editor):
    model = PlanTreeModel(editor)
    ind = model.nodes_of_level("indikator")[0]
    editor.push(AddItem("aksi", ind.id, None))
    index = model.index_for("aksi", model.nodes_of_level("aksi")[-2].id)
    assert "belum diisi" in index.data()
    no_months = model.index_for("aksi", ind.children[1].id).siblingAtColumn(1)
    assert no_months.data() == "bulan belum ditentukan"
    assert no_months.data(Qt.DecorationRole) is not None
    assert model.index_for("indikator", ind.id).siblingAtColumn(1).data() == "3 langkah aksi"


def test_drag_and_drop_moves_through_core_edits(qtmodeltester, editor):
    model = PlanTreeModel(editor)
    ind1, ind2 = model.nodes_of_level("indikator")[:2]
    aksi = ind1.children[0]
    data = model.mimeData([model.index_of(aksi)])
    # onto another indikator: appended to it
    target = model.index_of(ind2)
    assert model.canDropMimeData(data, Qt.MoveAction, -1, -1, target)
    model.dropMimeData(data, Qt.MoveAction, -1, -1, target)
    assert aksi.parent is ind2 and ind2.children[-1] is aksi
    assert editor.stack.count() == 1
    # between rows of its new parent: to the top
    model.dropMimeData(model.mimeData([model.index_of(aksi)]), Qt.MoveAction, 0, 0, model.index_of(ind2))
    assert ind2.children[0] is aksi
    # onto a langkah aksi of another indikator: takes its place
    other = ind1.children[0]
    model.dropMimeData(model.mimeData([model.index_of(aksi)]), Qt.MoveAction, -1, -1, model.index_of(other))
    assert aksi.parent is ind1 and ind1.children.index(aksi) == 0
    # a langkah aksi cannot become a komponen's child, nor an area a child of anything
    komponen = model.index_of(model.nodes_of_level("komponen")[0])
    assert not model.canDropMimeData(model.mimeData([model.index_of(aksi)]), Qt.MoveAction, -1, -1, komponen)
    area = model.nodes_of_level("area")[0]
    assert not model.canDropMimeData(model.mimeData([model.index_of(area)]), Qt.MoveAction, -1, -1, komponen)
    assert model.canDropMimeData(model.mimeData([model.index_of(area)]), Qt.MoveAction, 2, 0, QModelIndex())
    qtmodeltester.check(model)
    with Dokumen.open(editor.doc.path, readonly=True) as fresh:
        names = [a["langkah"] for a in fresh.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"]]
    assert names[0] == "Membentuk tim kerja"


def test_drag_and_drop_through_the_filter_proxy_of_the_view(opened):
    view = opened.view
    model, proxy = view.model, view.proxy
    view.filter.setText("rencana")                    # the view always works through the proxy
    ind1, ind2 = model.nodes_of_level("indikator")[:2]
    view.filter.clear()
    aksi = ind1.children[0]
    data = proxy.mimeData([proxy.mapFromSource(model.index_of(aksi))])
    target = proxy.mapFromSource(model.index_of(ind2))
    assert proxy.canDropMimeData(data, Qt.MoveAction, -1, -1, target)     # onto the indikator
    assert proxy.canDropMimeData(data, Qt.MoveAction, 1, 0, target)       # between its rows
    proxy.dropMimeData(data, Qt.MoveAction, 1, 0, target)
    assert aksi.parent is ind2 and ind2.children.index(aksi) == 1
    assert view.current_node() is aksi                 # the moved item stays selected
    assert opened.editor.stack.count() == 1


def test_reorder_and_move_between_parents_with_alt_arrows(opened):
    view = opened.view
    model = view.model
    ind1, ind2 = model.nodes_of_level("indikator")[:2]
    last = ind1.children[-1]
    view.select("aksi", last.id)
    opened.actions.turunkan.trigger()                 # past the last: to the next indikator, first
    assert last.parent is ind2 and ind2.children[0] is last
    assert view.current_node() is last                # stays selected
    opened.actions.naikkan.trigger()                  # and back to the end of the first
    assert last.parent is ind1 and ind1.children[-1] is last
    opened.actions.naikkan.trigger()
    assert ind1.children.index(last) == 0
    assert not opened.actions.naikkan.isEnabled()     # nothing above the very first langkah aksi
    area1, area2 = model.nodes_of_level("area")
    view.select("area", area2.id)
    opened.actions.naikkan.trigger()
    assert model.nodes_of_level("area")[0] is area2
    assert model.index_for("area", area2.id).data(NumeralRole) == "I"
    opened.actions.urungkan.trigger()
    assert model.nodes_of_level("area")[0] is area1


def test_filter_finds_text_in_any_field(opened, helpers):
    view = opened.view
    view.filter.setText("undangan")                   # only in a bukti fisik
    proxy = view.proxy
    assert proxy.rowCount() == 1
    komp = proxy.index(0, 0, proxy.index(0, 0))
    ind = proxy.index(0, 0, komp)
    assert proxy.rowCount(ind) == 1 and proxy.index(0, 0, ind).data() == "Membentuk tim kerja"
    view.filter.setText("tim kerja penyusunan")       # every word, any case, any field
    assert proxy.rowCount() == 1
    view.filter.setText("II")                         # the Roman numeral counts too
    assert "cocok" in view.filter_info.text()
    view.filter.setText("tidak ada sama sekali")
    assert proxy.rowCount() == 0 and "Tidak ada" in view.filter_info.text()
    view.filter.clear()
    assert proxy.rowCount() == 2 and not view.filter_info.isVisible()


def test_new_item_is_visible_even_while_filtering(opened):
    view = opened.view
    view.filter.setText("undangan")
    view.select("aksi", view.model.nodes_of_level("aksi")[0].id)
    opened.actions.tambah_sejenis.trigger()
    assert view.filter.text() == ""
    assert view.current_node().data["langkah"] == ""


def test_small_plan_fixture_is_what_the_tree_shows(editor):
    model = PlanTreeModel(editor)
    assert len(model.nodes_of_level("aksi")) == sum(
        len(i["aksi"]) for a in window_plan()["area"] for k in a["komponen"] for i in k["indikator"])


def test_deleting_an_indikator_with_its_aksi_is_one_step(opened):
    view = opened.view
    before = opened.doc.to_dict()
    ind = view.model.nodes_of_level("indikator")[0]
    assert len(ind.children) == 2
    view.select("indikator", ind.id)
    opened.actions.hapus.trigger()
    assert opened.editor.stack.count() == 1
    assert len(view.model.nodes_of_level("aksi")) == 1
    assert "Ctrl+Z" in opened.statusBar().currentMessage()
    opened.actions.urungkan.trigger()
    assert opened.doc.to_dict() == before
    assert [n.data["langkah"] for n in view.model.node_for("indikator", ind.id).children] == [
        "Membentuk tim kerja", "Rapat koordinasi"]
    opened.actions.ulangi.trigger()
    assert len(view.model.nodes_of_level("aksi")) == 1


def test_open_through_the_file_dialog(window, plan_path, dialogs):
    dialogs.open_paths.append(str(plan_path))
    window.actions.buka.trigger()
    assert window.doc is not None and window.doc.path == plan_path
    assert window.stack.currentWidget() is window.view
    window.close_document()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.count() == 1
