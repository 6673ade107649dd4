"""The month grid (issue 4): click and drag months, Space, undo/redo, plan period, sync."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import SIGNAL, QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from zi_desktop.document import Dokumen  # noqa: E402
from zi_desktop.edits import (AddItem, DeleteItem, MoveItem, SetField, SetIdentitas,  # noqa: E402
                              SetMonths, SetTargetWaktu)

from plans import aksi, rencana  # noqa: E402

from ui.commands import Editor  # noqa: E402
from ui.jadwal_model import (FIRST_MONTH_COL, TARGET_COL, TEXT_COL, CurrentMonthRole,  # noqa: E402
                             PlannedRole, YearRole)
from ui.jadwal_view import JadwalView  # noqa: E402


def plan(tahun=2025, **identitas):
    return {"rencana": rencana(tahun, **identitas), "area": [
        {"nama": "MANAJEMEN PERUBAHAN", "penanggung_jawab": "Tim Manajemen Perubahan", "komponen": [
            {"nama": "Penyusunan Tim Kerja", "indikator": [
                {"teks": "Unit kerja telah membentuk tim", "aksi": [
                    aksi("Membentuk tim kerja pembangunan zona integritas", [],
                         target_waktu=""),
                    aksi("Menyusun SK tim", [f"{tahun}-01", f"{tahun}-02"],
                         target_waktu=f"Januari - Februari {tahun}")]},
                {"teks": "Penentuan anggota secara obyektif", "aksi": [
                    aksi("Seleksi anggota tim", [f"{tahun}-02"], target_waktu=f"Februari {tahun}")]}]}]},
        {"nama": "PENATAAN TATA LAKSANA", "penanggung_jawab": "", "komponen": [
            {"nama": "Prosedur Operasional Tetap", "indikator": [
                {"teks": "SOP mengacu peta proses bisnis", "aksi": [
                    aksi("Menyusun SOP", [f"{tahun}-03", f"{tahun}-06", f"{tahun}-09", f"{tahun}-12"],
                         target_waktu=f"Maret, Juni, September, Desember {tahun}")]}]}]},
    ]}


def ids_by_langkah(doc):
    out = {}
    for area in doc.to_dict(ids=True)["area"]:
        for k in area["komponen"]:
            for i in k["indikator"]:
                for a in i["aksi"]:
                    out[a["langkah"]] = a["id"]
    return out


@pytest.fixture
def make_view(tmp_path, qtbot):
    made = []

    def make(p=None, **kwargs):
        doc = Dokumen.create_from_plan(tmp_path / f"rencana{len(made)}.zidb", p or plan())
        editor = Editor(doc)
        editors.append(editor)
        view = JadwalView(editor, **kwargs)
        qtbot.addWidget(view)
        view.resize(1300, 700)
        view.show()
        qtbot.waitExposed(view)
        made.append(doc)
        return view

    editors = []
    yield make
    for editor in editors:
        editor.stack.clear()   # a stack destroyed with commands signals into a dead Editor
    for doc in made:
        doc.close()


def cell_center(view, aksi_id, ym):
    col = view.model.month_column(ym)
    assert col >= FIRST_MONTH_COL, ym
    index = view.model.index_of("aksi", aksi_id, col)
    view.tree.scrollTo(index)
    rect = view.tree.visualRect(index)
    assert rect.isValid() and view.tree.viewport().rect().contains(rect.center())
    return rect.center()


def drag(qtbot, view, aksi_from, ym_from, aksi_to, ym_to, *, during=None):
    viewport = view.tree.viewport()
    start = cell_center(view, aksi_from, ym_from)
    end = cell_center(view, aksi_to, ym_to)
    qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
    steps = 6
    for n in range(1, steps + 1):
        qtbot.mouseMove(viewport, QPoint(start.x() + (end.x() - start.x()) * n // steps,
                                         start.y() + (end.y() - start.y()) * n // steps))
    if during:
        during()
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=end)


def planned_in_grid(view, aksi_id):
    model = view.model
    return [model.month_of(c) for c in range(FIRST_MONTH_COL, model.columnCount())
            if model.index_of("aksi", aksi_id, c).data(PlannedRole)]


def target_in_grid(view, aksi_id):
    return view.model.index_of("aksi", aksi_id, TARGET_COL).data()


def test_drag_sets_a_run_of_months_and_the_text_follows(make_view, qtbot):
    view = make_view()
    doc, stack = view.doc, view.editor.stack
    x = ids_by_langkah(doc)["Membentuk tim kerja pembangunan zona integritas"]

    def while_dragging():
        # the grid previews the run as the pointer moves; nothing is written before release
        assert planned_in_grid(view, x) == ["2025-03", "2025-04", "2025-05", "2025-06"]
        assert doc.months(x) == []
        assert stack.count() == 0

    drag(qtbot, view, x, "2025-03", x, "2025-06", during=while_dragging)

    assert doc.months(x) == ["2025-03", "2025-04", "2025-05", "2025-06"]
    assert doc.item("aksi", x)["target_waktu"] == "Maret - Juni 2025"
    assert planned_in_grid(view, x) == ["2025-03", "2025-04", "2025-05", "2025-06"]
    assert target_in_grid(view, x) == "Maret - Juni 2025"
    assert stack.count() == 1          # the whole drag is one undo step

    stack.undo()
    assert doc.months(x) == []
    assert doc.item("aksi", x)["target_waktu"] == ""
    assert planned_in_grid(view, x) == []
    stack.redo()
    assert doc.months(x) == ["2025-03", "2025-04", "2025-05", "2025-06"]
    assert target_in_grid(view, x) == "Maret - Juni 2025"


def test_drag_starting_on_a_planned_month_clears(make_view, qtbot):
    view = make_view()
    doc = view.doc
    sop = ids_by_langkah(doc)["Menyusun SOP"]
    # the first cell is planned (Juni): the drag clears Juni..September, leaves Maret and Desember
    drag(qtbot, view, sop, "2025-06", sop, "2025-09")
    assert doc.months(sop) == ["2025-03", "2025-12"]
    assert doc.item("aksi", sop)["target_waktu"] == "Maret dan Desember 2025"
    assert view.editor.stack.count() == 1


def test_a_click_toggles_one_month(make_view, qtbot):
    view = make_view()
    doc = view.doc
    sk = ids_by_langkah(doc)["Menyusun SK tim"]
    qtbot.mouseClick(view.tree.viewport(), Qt.LeftButton, pos=cell_center(view, sk, "2025-03"))
    assert doc.months(sk) == ["2025-01", "2025-02", "2025-03"]
    assert doc.item("aksi", sk)["target_waktu"] == "Januari - Maret 2025"
    qtbot.mouseClick(view.tree.viewport(), Qt.LeftButton, pos=cell_center(view, sk, "2025-01"))
    assert doc.months(sk) == ["2025-02", "2025-03"]
    assert view.editor.stack.count() == 2


def test_drag_over_several_rows_is_one_batch_and_one_undo(make_view, qtbot):
    view = make_view()
    doc, stack = view.doc, view.editor.stack
    ids = ids_by_langkah(doc)
    first, last = ids["Membentuk tim kerja pembangunan zona integritas"], ids["Seleksi anggota tim"]
    sk = ids["Menyusun SK tim"]
    before = {i: doc.months(i) for i in (first, sk, last)}

    # from Mei of the first row down past the indikator heading to Juli of "Seleksi anggota tim"
    drag(qtbot, view, first, "2025-05", last, "2025-07")

    run = ["2025-05", "2025-06", "2025-07"]
    assert doc.months(first) == run
    assert doc.months(sk) == ["2025-01", "2025-02"] + run
    assert doc.months(last) == ["2025-02"] + run
    assert doc.item("aksi", sk)["target_waktu"] == "Januari - Februari dan Mei - Juli 2025"
    assert stack.count() == 1
    stack.undo()
    assert {i: doc.months(i) for i in (first, sk, last)} == before
    assert planned_in_grid(view, sk) == ["2025-01", "2025-02"]


def test_space_toggles_the_current_cell_and_arrows_move(make_view, qtbot):
    view = make_view()
    doc, tree = view.doc, view.tree
    x = ids_by_langkah(doc)["Membentuk tim kerja pembangunan zona integritas"]
    tree.setFocus()
    tree.setCurrentIndex(view.model.index_of("aksi", x, view.model.month_column("2025-04")))

    qtbot.keyClick(tree, Qt.Key_Space)
    assert doc.months(x) == ["2025-04"]
    assert doc.item("aksi", x)["target_waktu"] == "April 2025"

    qtbot.keyClick(tree, Qt.Key_Right)
    assert view.model.month_of(tree.currentIndex().column()) == "2025-05"
    qtbot.keyClick(tree, Qt.Key_Space)
    assert doc.months(x) == ["2025-04", "2025-05"]
    assert target_in_grid(view, x) == "April - Mei 2025"

    qtbot.keyClick(tree, Qt.Key_Left)
    qtbot.keyClick(tree, Qt.Key_Space)          # toggles April off again
    assert doc.months(x) == ["2025-05"]

    qtbot.keyClick(tree, Qt.Key_Down)           # the row below, same month
    below = tree.currentIndex()
    assert below.sibling(below.row(), TEXT_COL).data() == "Menyusun SK tim"
    assert view.model.month_of(below.column()) == "2025-04"

    stack = view.editor.stack
    assert stack.count() == 3
    stack.undo()
    assert doc.months(x) == ["2025-04", "2025-05"]
    assert target_in_grid(view, x) == "April - Mei 2025"


def test_manual_text_stays_when_months_change(make_view, qtbot):
    view = make_view()
    doc = view.doc
    x = ids_by_langkah(doc)["Membentuk tim kerja pembangunan zona integritas"]
    view.editor.push(SetTargetWaktu(x, "Sesuai kebutuhan"))
    assert doc.item("aksi", x)["target_waktu_manual"]
    qtbot.mouseClick(view.tree.viewport(), Qt.LeftButton, pos=cell_center(view, x, "2025-02"))
    assert doc.months(x) == ["2025-02"]
    assert target_in_grid(view, x) == "Sesuai kebutuhan"


def test_period_october_to_january_shows_four_months(make_view, qtbot):
    view = make_view(plan(2025, bulan_mulai="2025-10", jumlah_bulan=4))
    model, header = view.model, view.tree.header()
    months = range(FIRST_MONTH_COL, model.columnCount())
    assert model.columnCount() == FIRST_MONTH_COL + 4
    assert [model.headerData(c, Qt.Horizontal) for c in months] == ["Okt", "Nov", "Des", "Jan"]
    assert [model.headerData(c, Qt.Horizontal, YearRole) for c in months] == ["2025", "", "", "2026"]
    assert [model.headerData(c, Qt.Horizontal, Qt.ToolTipRole) for c in months] == [
        "Oktober 2025", "November 2025", "Desember 2025", "Januari 2026"]
    assert all(not header.isSectionHidden(c) and header.sectionSize(c) > 20 for c in months)
    assert model.headerData(TEXT_COL, Qt.Horizontal) == "Langkah Aksi"
    assert model.headerData(TARGET_COL, Qt.Horizontal) == "Target Waktu"

    doc = view.doc
    x = ids_by_langkah(doc)["Membentuk tim kerja pembangunan zona integritas"]
    drag(qtbot, view, x, "2025-11", x, "2026-01")
    assert doc.months(x) == ["2025-11", "2025-12", "2026-01"]
    assert doc.item("aksi", x)["target_waktu"] == "November 2025 - Januari 2026"


def test_period_change_rebuilds_the_columns(make_view, qtbot):
    view = make_view()
    model = view.model
    view.editor.push(SetIdentitas({"bulan_mulai": "2025-07", "jumlah_bulan": 6}))
    assert [model.headerData(c, Qt.Horizontal) for c in range(FIRST_MONTH_COL, model.columnCount())] \
        == ["Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    sop = ids_by_langkah(view.doc)["Menyusun SOP"]
    assert planned_in_grid(view, sop) == ["2025-09", "2025-12"]
    # heading rows still span the row after the rebuild
    area = model.index(0, 0)
    assert view.tree.isFirstColumnSpanned(0, area.parent())
    view.editor.stack.undo()
    assert model.columnCount() == FIRST_MONTH_COL + 12


def test_the_current_month_is_marked(make_view):
    view = make_view(today=dt.date(2025, 3, 14))
    model = view.model
    col = model.month_column("2025-03")
    assert model.current_month_column == col
    assert model.headerData(col, Qt.Horizontal, CurrentMonthRole)
    assert model.headerData(col, Qt.Horizontal, Qt.ToolTipRole) == "Maret 2025 (bulan ini)"
    assert not model.headerData(col + 1, Qt.Horizontal, CurrentMonthRole)
    later = make_view(today=dt.date(2027, 1, 1))
    assert later.model.current_month_column == -1


def test_an_edit_made_elsewhere_repaints_only_that_row(make_view, qtbot):
    view = make_view()
    doc, model = view.doc, view.model
    sk = ids_by_langkah(doc)["Menyusun SK tim"]
    changed = []
    model.dataChanged.connect(lambda tl, br, roles: changed.append(
        (model.node(tl).id, tl.row(), tl.column(), br.row(), br.column())))
    row = model.index_of("aksi", sk).row()

    view.editor.push(SetMonths(sk, ["2025-07", "2025-08"]))

    assert planned_in_grid(view, sk) == ["2025-07", "2025-08"]
    assert target_in_grid(view, sk) == "Juli - Agustus 2025"
    assert changed == [(sk, row, TARGET_COL, row, model.columnCount() - 1)]

    view.editor.push(SetField("aksi", sk, "langkah", "Menyusun dan menetapkan SK tim"))
    assert model.index_of("aksi", sk, TEXT_COL).data() == "Menyusun dan menetapkan SK tim"


def test_structure_edits_follow_and_the_model_stays_valid(make_view, qtbot, qtmodeltester):
    view = make_view()
    doc, model, editor = view.doc, view.model, view.editor
    qtmodeltester.check(model)
    data = doc.to_dict(ids=True)
    indikator = data["area"][0]["komponen"][0]["indikator"][0]["id"]
    komponen = data["area"][0]["komponen"][0]["id"]
    area2 = data["area"][1]["id"]

    editor.push(AddItem("aksi", indikator, 0, {"langkah": "Rapat persiapan", "target_waktu": ""},
                        months=["2025-05"]))
    new = ids_by_langkah(doc)["Rapat persiapan"]
    index = model.index_of("aksi", new, TEXT_COL)
    assert index.row() == 0 and index.data() == "Rapat persiapan"
    assert planned_in_grid(view, new) == ["2025-05"]

    editor.push(DeleteItem("komponen", komponen))
    assert not model.index_of("aksi", new).isValid()
    assert model.rowCount(model.index(0, 0)) == 0
    editor.stack.undo()
    assert model.index_of("aksi", new).isValid()
    k_index = model.index_of("komponen", komponen)
    assert view.tree.isFirstColumnSpanned(k_index.row(), k_index.parent())
    assert view.tree.isExpanded(k_index)

    editor.push(MoveItem("area", area2, None, 0))
    assert model.index(0, 0).data().startswith("I   PENATAAN TATA LAKSANA")
    assert model.index(1, 0).data().startswith("II   MANAJEMEN PERUBAHAN")
    qtmodeltester.check(model)

    editor.push(MoveItem("indikator", indikator, data["area"][1]["komponen"][0]["id"], 0))
    moved = model.index_of("indikator", indikator)
    assert model.node(moved.parent()).id == data["area"][1]["komponen"][0]["id"]
    assert model.index_of("aksi", new).parent() == moved
    editor.stack.undo()
    editor.stack.undo()
    assert model.index(0, 0).data().startswith("I   MANAJEMEN PERUBAHAN")
    qtmodeltester.check(model)
    assert planned_in_grid(view, new) == ["2025-05"]


def test_select_aksi_and_aksi_activated(make_view, qtbot):
    view = make_view()
    doc, tree = view.doc, view.tree
    ids = ids_by_langkah(doc)
    sop = ids["Menyusun SOP"]

    emitted = []
    view.aksiActivated.connect(emitted.append)
    view.select_aksi(sop)
    assert view.selected_aksi() == sop
    assert tree.selectionModel().isRowSelected(tree.currentIndex().row(), tree.currentIndex().parent())
    assert emitted == []              # the tree asked: no echo back

    sk = ids["Menyusun SK tim"]
    index = view.model.index_of("aksi", sk, TEXT_COL)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualRect(index).center())
    assert emitted == [sk]
    assert view.selected_aksi() == sk

    # a click on a month cell of another row selects it too (and toggles the month)
    x = ids["Seleksi anggota tim"]
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=cell_center(view, x, "2025-09"))
    assert emitted == [sk, x]
    assert "2025-09" in doc.months(x)

    # a heading row does not emit
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton,
                     pos=tree.visualRect(view.model.index(1, 0)).center())
    assert emitted == [sk, x]


def test_collapsed_heading_survives_a_rebuild(make_view):
    view = make_view()
    area = view.model.index(1, 0)
    view.tree.collapse(area)
    view.editor.push(SetIdentitas({"jumlah_bulan": 13}))
    assert view.model.columnCount() == FIRST_MONTH_COL + 13
    assert not view.tree.isExpanded(view.model.index(1, 0))
    assert view.tree.isExpanded(view.model.index(0, 0))


def test_headings_open_expanded_and_span_the_row_a_collapsed_komponen_stays(make_view):
    """Every area, komponen and indikator row opens expanded, its text across the whole row;
    a langkah aksi row is neither; a komponen the user collapsed stays so through a rebuild."""
    view = make_view()
    tree, model = view.tree, view.model

    def rows(parent=None):
        from PySide6.QtCore import QModelIndex
        parent = parent or QModelIndex()
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            yield index
            yield from rows(index)
    shown = list(rows())
    headings = [i for i in shown if model.node(i).level != "aksi"]
    assert len(headings) == 2 + 2 + 3 and len(shown) - len(headings) == 4
    for index in shown:
        heading = model.node(index).level != "aksi"
        assert tree.isExpanded(index) == heading
        assert tree.isFirstColumnSpanned(index.row(), index.parent()) == heading
    heading = headings[0]
    last = model.columnCount() - 1        # the heading's cell runs over the month columns
    assert tree.visualRect(heading).right() >= tree.header().sectionViewportPosition(last)
    # the month header holds two lines: the year above the month
    assert tree.header().height() >= 2 * tree.fontMetrics().height()
    komponen = model.index(0, 0, model.index(1, 0))
    tree.collapse(komponen)
    view.editor.push(SetIdentitas({"jumlah_bulan": 13}))
    komponen = model.index(0, 0, model.index(1, 0))
    assert not tree.isExpanded(komponen) and tree.isExpanded(model.index(1, 0))
    assert tree.isFirstColumnSpanned(0, model.index(1, 0))


def test_no_months_is_flagged(make_view):
    view = make_view()
    x = ids_by_langkah(view.doc)["Membentuk tim kerja pembangunan zona integritas"]
    tip = view.model.index_of("aksi", x, TARGET_COL).data(Qt.ToolTipRole)
    assert "Bulan belum ditentukan" in tip
    view.editor.push(SetMonths(x, ["2025-01"]))
    assert "belum ditentukan" not in (view.model.index_of("aksi", x, TARGET_COL).data(Qt.ToolTipRole) or "")


def test_the_no_months_marker_stays_in_its_narrow_cell(make_view):
    """At 1024 px the Target Waktu column is narrow: the marker of a langkah aksi without
    months and without a target text was drawn over the langkah aksi's own text."""
    from ui.jadwal_delegate import BADGE_BG
    view = make_view()
    x = ids_by_langkah(view.doc)["Membentuk tim kerja pembangunan zona integritas"]
    tree = view.tree
    tree.setColumnWidth(TARGET_COL, 70)
    QApplication.processEvents()
    text_rect = tree.visualRect(view.model.index_of("aksi", x, TEXT_COL))
    target_rect = tree.visualRect(view.model.index_of("aksi", x, TARGET_COL))
    image = tree.viewport().grab().toImage()

    def badge_pixels(rect):
        y = rect.center().y()
        return sum(image.pixelColor(px, y) == BADGE_BG for px in range(rect.left(), rect.right()))
    assert badge_pixels(target_rect) > 10          # the marker is there, in its own cell
    assert badge_pixels(text_rect) == 0            # and nowhere over the langkah aksi


def test_readonly_document_refuses_without_crashing(tmp_path, qtbot):
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, plan()).close()
    doc = Dokumen.open(path, readonly=True)
    try:
        editor = Editor(doc)
        failures = []
        editor.failed.connect(failures.append)
        view = JadwalView(editor)
        qtbot.addWidget(view)
        view.resize(1200, 600)
        view.show()
        qtbot.waitExposed(view)
        x = ids_by_langkah(doc)["Membentuk tim kerja pembangunan zona integritas"]
        qtbot.mouseClick(view.tree.viewport(), Qt.LeftButton, pos=cell_center(view, x, "2025-03"))
        assert doc.months(x) == []
        assert failures and "hanya untuk dibaca" in failures[0]
        assert planned_in_grid(view, x) == []
    finally:
        doc.close()


def test_listener_goes_with_the_widget(tmp_path, qtbot):
    doc = Dokumen.create_from_plan(tmp_path / "rencana.zidb", plan())
    try:
        editor = Editor(doc)
        listening = lambda: editor.receivers(SIGNAL("changed(PyObject,PyObject)"))  # noqa: E731
        view = JadwalView(editor)
        assert listening() >= 1
        view.deleteLater()
        del view
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        gc.collect()
        assert listening() == 0
        x = ids_by_langkah(doc)["Menyusun SOP"]
        editor.push(SetMonths(x, ["2025-01"]))     # no dead view is called
        assert doc.months(x) == ["2025-01"]
        editor.stack.clear()
    finally:
        doc.close()


def test_a_grid_let_go_takes_its_nodes_with_it(tmp_path, qtbot):
    """A grid shown alone builds its own node cache; deleting the grid frees those nodes at
    once, not at some later full collection (a pause that grows with the plan)."""
    from ui.tree_model import Node
    doc = Dokumen.create_from_plan(tmp_path / "rencana.zidb", plan())
    editor = Editor(doc)
    gc.collect()
    gc.disable()
    try:
        def nodes():
            return sum(1 for o in gc.get_objects() if isinstance(o, Node))
        before = nodes()
        view = JadwalView(editor)
        assert nodes() >= before + 11        # 2 areas, 2 komponen, 3 indikator, 4 aksi
        view.deleteLater()
        del view
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        assert nodes() <= before + 1         # the root may wait for the widget's own wrapper
    finally:
        gc.enable()
        editor.stack.clear()
        doc.close()


def test_escape_cancels_a_drag(make_view, qtbot):
    view = make_view()
    doc, viewport = view.doc, view.tree.viewport()
    x = ids_by_langkah(doc)["Membentuk tim kerja pembangunan zona integritas"]
    start, end = cell_center(view, x, "2025-02"), cell_center(view, x, "2025-05")
    qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    assert planned_in_grid(view, x) == ["2025-02", "2025-03", "2025-04", "2025-05"]
    qtbot.keyClick(view.tree, Qt.Key_Escape)
    assert planned_in_grid(view, x) == []
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=end)
    assert doc.months(x) == []
    assert view.editor.stack.count() == 0
