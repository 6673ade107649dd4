"""Periksa Kelengkapan in the window: the findings of ``check_plan``, errors first, kept up to
date after edits (debounced), and each finding a way to the field that fixes it."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from qt_input import focused, press, type_text
from zi_desktop.checks import GALAT, PERINGATAN, check_plan
from zi_desktop.document import Dokumen
from zi_desktop.edits import AddItem, SetField, SetMonths
from ui.check_panel import DEBOUNCE_MS, ordered, summary_text
from ui.identity_dialog import IdentityDialog
from ui.plan_view import TAB_FORM, TAB_PERIKSA


def rows(panel) -> list[tuple[str, str, str]]:
    """What the list shows: (severity, Letak, Temuan)."""
    out = []
    for i in range(panel.list.topLevelItemCount()):
        item = panel.list.topLevelItem(i)
        out.append((item.data(0, Qt.UserRole + 1).tingkat, item.text(0), item.text(1)))
    return out


def checked_once_more(qtbot, panel, before: int) -> None:
    qtbot.waitUntil(lambda: panel.checks_run > before, timeout=3000)


def find(panel, kode: str):
    return next(f for f in panel.findings if f.kode == kode)


def click_finding(qtbot, panel, finding) -> None:
    index = next(i for i in range(panel.list.topLevelItemCount())
                 if panel.list.topLevelItem(i).data(0, Qt.UserRole + 1) == finding)
    item = panel.list.topLevelItem(index)
    rect = panel.list.visualItemRect(item)
    QTest.mouseClick(panel.list.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def test_f7_lists_the_findings_errors_first_with_a_summary(qtbot, opened):
    view = opened.view
    ind = view.model.nodes_of_level("indikator")[0]
    # a second "Membentuk tim kerja" (a warning) that has bukti but no months (an error)
    assert opened.editor.push(AddItem("aksi", ind.id, None, {"langkah": "membentuk  tim kerja",
                                                            "bukti_fisik": "Notulen"}))
    opened.actions.periksa.trigger()
    panel = view.check
    assert view.tabs.currentIndex() == TAB_PERIKSA
    assert panel.list.hasFocus()

    expected = ordered(check_plan(opened.doc.to_dict(ids=True)))
    assert panel.findings == expected
    shown = rows(panel)
    assert [s for s, _p, _t in shown] == [GALAT] * 5 + [PERINGATAN]
    assert shown[0] == (GALAT, "Identitas", "Identitas rencana belum lengkap: jabatan penandatangan, "
                                            "nama penandatangan.")
    assert ("I.2", "Komponen I.2 belum berisi indikator.") in [(p, t) for _s, p, t in shown]
    assert shown[-1][1] == "I.1.1.3" and "sama dengan I.1.1.1" in shown[-1][2]
    assert panel.summary.text() == "5 galat, 1 peringatan"
    assert view.tabs.tabText(TAB_PERIKSA) == "Periksa (6)"
    assert opened.check_status.isVisible() and opened.check_status.text() == "5 galat"
    assert panel.list.currentItem() is panel.list.topLevelItem(0)


def test_the_menu_entry_and_shortcut(opened):
    lihat = opened.menuBar().actions()[2].menu()
    texts = [a.text().replace("&", "") for a in lihat.actions()]
    assert "Periksa Kelengkapan" in texts
    assert "F7" in [s.toString() for s in opened.actions.periksa.shortcuts()]
    press(opened.view.tree, Qt.Key_F7)
    assert opened.view.tabs.currentIndex() == TAB_PERIKSA


def test_click_on_a_finding_selects_the_item_and_puts_the_cursor_in_its_field(qtbot, opened):
    view = opened.view
    aksi = view.model.nodes_of_level("aksi")[2]
    assert opened.editor.push(SetField("aksi", aksi.id, "bukti_fisik", ""))
    opened.actions.periksa.trigger()
    finding = find(view.check, "tanpa_bukti_fisik")
    assert finding.id == aksi.id and finding.jalur == "I.1.2.1"
    click_finding(qtbot, view.check, finding)
    assert view.current_node() is aksi
    assert view.tabs.currentIndex() == TAB_FORM
    assert view.form.item_id == aksi.id
    assert focused() is view.form.field("aksi", "bukti_fisik")
    assert opened.statusBar().currentMessage() == "I.1.2.1: isi bukti fisiknya — F7 kembali ke daftar temuan."


def test_enter_on_a_finding_about_months_goes_to_the_month_row(qtbot, opened):
    view = opened.view
    opened.actions.periksa.trigger()
    panel = view.check
    finding = find(panel, "bulan_belum_ditentukan")
    index = panel.findings.index(finding)
    panel.list.setCurrentItem(panel.list.topLevelItem(index))
    press(panel.list, Qt.Key_Return)
    assert view.current_node().id == finding.id and view.current_node().level == "aksi"
    assert view.tabs.currentIndex() == TAB_FORM
    assert view.form.months.isAncestorOf(focused())


def test_a_finding_about_a_missing_child_says_how_to_add_one(qtbot, opened):
    view = opened.view
    opened.actions.periksa.trigger()
    finding = find(view.check, "komponen_tanpa_indikator")
    click_finding(qtbot, view.check, finding)
    assert view.current_node().level == "komponen" and view.current_node().id == finding.id
    assert "Ctrl+Ins" in opened.statusBar().currentMessage()
    assert "indikator" in opened.statusBar().currentMessage()


def test_an_identity_finding_opens_the_identity_dialog(qtbot, opened, monkeypatch):
    seen = []
    monkeypatch.setattr(IdentityDialog, "exec", lambda self: seen.append(self) or QDialog.Rejected)
    opened.actions.periksa.trigger()
    click_finding(qtbot, opened.view.check, find(opened.view.check, "identitas_tidak_lengkap"))
    assert len(seen) == 1


def test_edits_refresh_the_list_once_after_a_pause(qtbot, opened):
    view = opened.view
    opened.actions.periksa.trigger()
    panel = view.check
    before = panel.checks_run
    aksi = view.model.nodes_of_level("aksi")
    started = time.monotonic()
    for node in aksi:                                  # a burst of edits …
        assert opened.editor.push(SetField("aksi", node.id, "bukti_fisik", ""))
    assert panel.checks_run == before                  # … nothing checked while they come
    checked_once_more(qtbot, panel, before)
    assert time.monotonic() - started >= DEBOUNCE_MS / 1000 * 0.9
    assert panel.checks_run == before + 1              # … then one check for all of them
    assert sum(f.kode == "tanpa_bukti_fisik" for f in panel.findings) == len(aksi)
    assert panel.summary.text() == "7 galat"
    assert opened.check_status.text() == "7 galat"


def test_fixing_the_selected_finding_moves_to_the_next(qtbot, opened):
    view = opened.view
    opened.actions.periksa.trigger()
    panel = view.check
    months = find(panel, "bulan_belum_ditentukan")
    position = panel.findings.index(months)
    following = panel.findings[position + 1]
    panel.list.setCurrentItem(panel.list.topLevelItem(position))
    before = panel.checks_run
    assert opened.editor.push(SetMonths(months.id, ["2025-03"]))
    checked_once_more(qtbot, panel, before)
    assert months not in panel.findings
    assert panel.current_finding() == following


def test_typing_then_f7_counts_what_was_typed_without_waiting(qtbot, opened):
    view = opened.view
    aksi = view.model.nodes_of_level("aksi")[0]
    assert opened.editor.push(SetField("aksi", aksi.id, "bukti_fisik", ""))
    view.select("aksi", aksi.id)
    field = view.form.field("aksi", "bukti_fisik")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(field, "Notulen rapat")
    press(field, Qt.Key_F7)                            # the field commits, the check runs now
    assert view.tabs.currentIndex() == TAB_PERIKSA
    assert opened.doc.item("aksi", aksi.id)["bukti_fisik"] == "Notulen rapat"
    assert "tanpa_bukti_fisik" not in [f.kode for f in view.check.findings]


def test_undo_brings_the_finding_back(qtbot, opened):
    view = opened.view
    opened.actions.periksa.trigger()
    panel = view.check
    komponen = find(panel, "komponen_tanpa_indikator")
    before = panel.checks_run
    assert opened.editor.push(AddItem("indikator", komponen.id, None, {"teks": "Indikator baru"}))
    checked_once_more(qtbot, panel, before)
    assert "komponen_tanpa_indikator" not in [f.kode for f in panel.findings]
    before = panel.checks_run
    opened.undo()
    checked_once_more(qtbot, panel, before)
    assert "komponen_tanpa_indikator" in [f.kode for f in panel.findings]


def test_a_complete_plan_says_so(qtbot, window, tmp_path):
    import plans
    path = tmp_path / "lengkap.zidb"
    Dokumen.create_from_plan(path, plans.small_plan()).close()
    assert window.open_path(str(path))
    window.actions.periksa.trigger()
    panel = window.view.check
    assert panel.findings == []
    assert panel.summary.text() == "Rencana lengkap: tidak ada temuan"
    assert panel.pages.currentWidget() is panel.done
    assert window.view.tabs.tabText(TAB_PERIKSA) == "Periksa"
    assert window.check_status.text() == "Lengkap"


def test_the_status_bar_count_comes_without_opening_the_tab(qtbot, opened):
    view = opened.view
    qtbot.waitUntil(lambda: view.check.checks_run == 1)
    assert view.tabs.currentIndex() == TAB_FORM
    assert opened.check_status.text() == "4 galat"
    assert view.check.list.topLevelItemCount() == 0    # the list itself waits until it is shown
    opened.check_status.click()
    assert view.tabs.currentIndex() == TAB_PERIKSA
    assert view.check.list.topLevelItemCount() == 4


def test_a_read_only_plan_is_checked_too(qtbot, window, plan_path):
    window.set_document(Dokumen.open(plan_path, readonly=True))
    window.actions.periksa.trigger()
    assert window.view.check.summary.text() == "4 galat"


def test_in_a_read_only_plan_a_finding_shows_where_not_what_to_type(qtbot, window, plan_path):
    window.set_document(Dokumen.open(plan_path, readonly=True))
    window.actions.periksa.trigger()
    panel = window.view.check
    finding = find(panel, "bulan_belum_ditentukan")
    click_finding(qtbot, panel, finding)
    assert window.view.current_node().id == finding.id
    assert window.statusBar().currentMessage() == f"{finding.jalur} — F7 kembali ke daftar temuan."


def test_an_empty_plan_points_to_the_first_area(qtbot, window, empty_path):
    assert window.open_path(str(empty_path))
    window.actions.periksa.trigger()
    panel = window.view.check
    assert [f.kode for f in panel.findings] == ["identitas_tidak_lengkap", "rencana_kosong"]
    assert rows(panel)[1][1] == "Rencana"
    click_finding(qtbot, panel, panel.findings[1])
    assert window.view.tabs.currentIndex() == TAB_FORM
    assert window.view.form.add_area_button.isVisibleTo(window)
    assert "area perubahan pertama" in window.statusBar().currentMessage()
    window.view.form.add_area_button.click()
    window.actions.periksa.trigger()
    assert "rencana_kosong" not in [f.kode for f in panel.findings]
    assert "area_tanpa_komponen" in [f.kode for f in panel.findings]


def test_closing_the_plan_stops_listening(qtbot, opened):
    doc = opened.doc
    panel = opened.view.check
    opened.close_document()
    checks = panel.checks_run
    panel.timer.timeout.emit()        # a check that was still waiting finds the plan closed
    assert doc.closed and panel.checks_run == checks
    assert not panel.timer.isActive()


def test_summary_text():
    assert summary_text(3, 2) == "3 galat, 2 peringatan"
    assert summary_text(0, 1) == "1 peringatan"
    assert summary_text(0, 0) == "Rencana lengkap: tidak ada temuan"


def test_rebuilding_a_long_list_stays_quick(qtbot, window, tmp_path):
    import plans
    plan = plans.generated_plan(3000)
    blanked = 0
    for area in plan["area"]:
        for k in area["komponen"]:
            for i in k["indikator"]:
                for x in i["aksi"]:            # a long list: every bukti fisik missing …
                    x["bukti_fisik"] = ""
                    blanked += 1
                i["aksi"][0]["bulan"] = []      # … and the first of each indikator unscheduled
    path = tmp_path / "besar.zidb"
    Dokumen.create_from_plan(path, plan).close()
    assert window.open_path(str(path))
    window.actions.periksa.trigger()
    panel = window.view.check
    assert sum(f.kode == "tanpa_bukti_fisik" for f in panel.findings) == blanked
    assert len(panel.findings) > 3000                  # with the unscheduled ones
    assert panel.list.topLevelItemCount() == len(panel.findings)
    started = time.perf_counter()
    panel.refresh()
    QApplication.processEvents()
    assert time.perf_counter() - started < 1.0         # ~0.1 s measured
