"""Penilaian Mandiri in the window: the score and what is missing, answering questions and
tying langkah aksi through undoable edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from zi_desktop.document import Dokumen
from zi_desktop.lke.data import lke
from zi_desktop.lke.edits import SetJawaban
from ui.commands import Editor
from ui.lke_view import LkeView

from plans import small_plan


def _view(qtbot, tmp_path, plan=None):
    doc = Dokumen.create_from_plan(tmp_path / "rencana.zidb", plan or small_plan())
    editor = Editor(doc)
    view = LkeView(editor)
    qtbot.addWidget(view)
    view.resize(700, 640)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return doc, editor, view


def test_summary_shows_score_predicate_and_what_would_lift_an_area(qtbot, tmp_path):
    doc, editor, view = _view(qtbot, tmp_path)
    data = lke()
    best = [SetJawaban(k, jawaban=q.terbaik) for k, q in data.pertanyaan.items() if q.area != "V"]
    from zi_desktop.edits import Batch
    assert editor.push(Batch(best))
    view.flush()
    assert "Belum WBK" in view.summary.text() and "85,00" in view.summary.text()
    lines = [view.kurang.item(i).text() for i in range(view.kurang.count())]
    assert len(lines) == 1 and lines[0].startswith("Area V: 0,0 dari 15 (0 %) — kurang 9,00 untuk WBK: pertanyaan V.R2.a")
    assert [r[0] for r in view.bars.rows][4] == "V PENGUATAN PENGAWASAN"
    editor.stack.undo()
    view.flush()
    assert view.summary.text().startswith("Prediksi: 0,00")
    doc.close()


def test_answering_a_question_is_saved_and_undone(qtbot, tmp_path):
    doc, editor, view = _view(qtbot, tmp_path)
    view.select_question("V.2.b")
    assert view.questions.jawaban.isVisible() and not view.questions.jawaban_angka.isVisible()
    view.questions.jawaban.setCurrentIndex(view.questions.jawaban.findData("C"))
    view.questions.jawaban.activated.emit(view.questions.jawaban.currentIndex())
    view.questions.narasi.setFocus()
    qtbot.waitUntil(view.questions.narasi.hasFocus)
    view.questions.narasi.setPlainText("Penilaian risiko dilakukan sebagian besar unit")
    view.questions.link.setFocus()                       # leaving the narasi saves it
    assert doc.to_dict()["lke"]["jawaban"]["V.2.b"]["jawaban"] == "C"
    qtbot.waitUntil(lambda: doc.to_dict()["lke"]["jawaban"]["V.2.b"]["narasi"].startswith("Penilaian"))
    assert view.questions._question_items["V.2.b"].text(2) == "C"
    assert "0,19" in view.summary.text()       # 0.5 / 4 × 1.5
    editor.stack.undo()
    editor.stack.undo()
    assert "lke" not in doc.to_dict()
    view.select_question("I.R1.a")             # a numeric question takes x/y
    assert view.questions.jawaban_angka.isVisible()
    view.questions.jawaban_angka.setText("3/4")
    view.questions.jawaban_angka.editingFinished.emit()
    assert doc.to_dict()["lke"]["jawaban"]["I.R1.a"]["jawaban"] == "3/4"
    messages = []
    editor.failed.connect(messages.append)
    view.questions.jawaban_angka.setText("tiga")
    view.questions.jawaban_angka.editingFinished.emit()
    assert messages and "tidak sah" in messages[0]
    assert doc.to_dict()["lke"]["jawaban"]["I.R1.a"]["jawaban"] == "3/4"
    assert view.questions.jawaban_angka.text() == "3/4"          # the refused text gives way to the saved one
    view.questions.narasi.setPlainText("Dua agen perubahan")
    view.hide()                                        # e.g. another tab chosen: typed text is kept
    assert doc.to_dict()["lke"]["jawaban"]["I.R1.a"]["narasi"] == "Dua agen perubahan"
    doc.close()


def test_ties_are_suggested_accepted_in_one_step_and_change_prediksi(qtbot, tmp_path):
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][0]["teks"] = (
        "Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas")
    doc, editor, view = _view(qtbot, tmp_path, plan)
    assert view.accept_suggestions() >= 2        # from the Ringkasan page: the plan is read first
    editor.stack.undo()
    view.pages.setCurrentIndex(2)
    view.flush()
    first = view.ties.table.topLevelItem(0)
    assert (first.text(0), first.text(2), first.text(3)) == ("I.1.1.1", "", "I.1.a")
    view.ties.accept_all.click()
    ties = [a.get("lke", "") for ar in doc.to_dict()["area"] for k in ar["komponen"]
            for i in k["indikator"] for a in i["aksi"]]
    assert ties[:2] == ["I.1.a", "I.1.a"]
    from zi_desktop.lke.plan import plan_scores
    expected = plan_scores(doc.to_dict())["prediksi"]
    assert expected.sub["I.1"] == 0.5                     # both I.1 questions tied → best answers
    assert f"Prediksi: {expected.total:.2f}".replace(".", ",") in view.summary.text()
    # change one tie by hand
    view.ties.table.setCurrentItem(view.ties.table.topLevelItem(0))
    view.ties.tie_code.setCurrentIndex(view.ties.tie_code.findData("I.2.a"))
    view.ties.tie_code.activated.emit(view.ties.tie_code.currentIndex())
    assert doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["lke"] == "I.2.a"
    editor.stack.undo()
    editor.stack.undo()
    assert not any(a.get("lke") for ar in doc.to_dict()["area"] for k in ar["komponen"]
                   for i in k["indikator"] for a in i["aksi"])
    doc.close()


def test_the_plan_window_has_the_penilaian_mandiri_tab(qtbot, window, tmp_path):
    path = tmp_path / "w.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    assert window.open_path(str(path))
    tabs = window.view.tabs
    names = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Penilaian Mandiri" in names
    tabs.setCurrentWidget(window.view.lke)
    qtbot.waitUntil(lambda: window.view.lke.refreshes > 0)
    assert window.view.lke.summary.text().startswith("Prediksi: 0,00")


def test_a_setting_is_chosen_from_the_menu_and_changes_the_score(qtbot, tmp_path):
    doc, editor, view = _view(qtbot, tmp_path)
    editor.push(SetJawaban("IPAK", jawaban="3.6"))
    view.flush()
    assert "15,75" in view.summary.text()
    action = view.settings_actions[("skala_survei", "skala_1_sampai_4")]
    assert not action.isChecked() and view.settings_actions[("skala_survei", "indeks_bagi_4")].isChecked()
    action.trigger()
    assert doc.to_dict()["lke"]["pengaturan"] == {"skala_survei": "skala_1_sampai_4"}
    assert "15,17" in view.summary.text() and action.isChecked()   # (3.6 − 1) / 3 × 17.5
    editor.stack.undo()
    view.flush()
    assert "15,75" in view.summary.text()
    doc.close()


def test_selecting_a_langkah_aksi_in_the_tree_shows_its_tie(qtbot, window, tmp_path):
    path = tmp_path / "w.zidb"
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][1]["lke"] = "I.1.b"
    Dokumen.create_from_plan(path, plan).close()
    assert window.open_path(str(path))
    view = window.view
    view.tabs.setCurrentWidget(view.lke)
    view.lke.pages.setCurrentIndex(2)
    aksi_id = view.doc.to_dict(ids=True)["area"][0]["komponen"][0]["indikator"][0]["aksi"][1]["id"]
    assert view.select("aksi", aksi_id)
    item = view.lke.ties.table.currentItem()
    assert item.text(0) == "I.1.1.2" and item.text(2) == "I.1.b"
    assert view.lke.ties.tie_code.currentData() == "I.1.b"


def test_evidence_of_the_tied_langkah_aksi_fills_the_answers_bukti(qtbot, tmp_path, monkeypatch):
    plan = small_plan()
    plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["lke"] = "I.1.a"
    doc, editor, view = _view(qtbot, tmp_path, plan)
    view.flush()
    view.select_question("I.1.a")
    messages = []
    editor.failed.connect(messages.append)
    view.questions.take_evidence.click()
    assert messages == ["Langkah aksi terkait belum memiliki bukti dukung."]
    # the monitoring issue's key, as its plan dict will carry it
    real = doc.to_dict

    def with_evidence(**kw):
        out = real(**kw)
        out["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["bukti_dukung"] = [
            {"nama": "sk-tim.pdf", "ukuran": 1, "sha256": "", "bulan": "2025-01"}]
        return out

    monkeypatch.setattr(doc, "to_dict", with_evidence)
    view.flush()
    view.questions.take_evidence.click()
    assert real()["lke"]["jawaban"]["I.1.a"]["bukti"] == ["sk-tim.pdf"]
    assert view.questions.bukti.toPlainText() == "sk-tim.pdf"
    doc.close()
