"""The Berkas menu end to end, settings, recent files, starting the app, the month grid."""

from __future__ import annotations

import datetime as _dt
import re

from PySide6.QtWidgets import QDialog

from plans import window_plan
from zi_desktop.document import Dokumen
from ui import settings
from ui.new_plan_dialog import NewPlanDialog
from ui.print_dialog import PrintDialog


def test_new_plan_wizard_from_the_standard_template(window, tmp_path, monkeypatch):
    target = tmp_path / "baru.zidb"

    def fill(dialog):
        dialog.satker.setText("KPU Kabupaten Kudus")
        dialog.tahun.setValue(2026)
        assert "Rencana Aksi ZI 2026 - KPU Kabupaten Kudus.zidb" in dialog.path.text()
        dialog.path.setText(str(target))
        dialog.standar.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    window.actions.baru.trigger()
    assert window.doc is not None and window.doc.path == target
    ident = window.doc.identitas()
    assert ident["satker"] == "KPU Kabupaten Kudus" and ident["tahun"] == 2026
    assert len(window.view.model.nodes_of_level("area")) >= 6
    assert window.editor.stack.count() == 0
    assert str(target) in settings.recent_files()[0]


def test_new_empty_plan_then_first_area_button(window, tmp_path, monkeypatch):
    target = tmp_path / "kosong.zidb"

    def fill(dialog):
        dialog.satker.setText("KPU Kota Contoh")
        dialog.path.setText(str(target))
        dialog.kosong.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    window.actions.baru.trigger()
    form = window.view.form
    assert form.add_area_button.isVisibleTo(window)
    form.add_area_button.click()
    assert window.view.form.level == "area"


def test_new_plan_wizard_refuses_an_existing_file(window, plan_path, monkeypatch):
    def fill(dialog):
        dialog.satker.setText("KPU")
        dialog.path.setText(str(plan_path))
        dialog.accept()
        assert dialog.error.isVisibleTo(dialog)
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", fill)
    window.actions.baru.trigger()
    assert window.doc is None


def test_print_lampiran_saves_pdf_and_opens_it(opened, tmp_path, dialogs, monkeypatch):
    out = tmp_path / "lampiran.pdf"

    def choose(dialog):
        dialog.a4.setChecked(True)
        dialog.bulan.setChecked(True)
        dialog.target_capaian.setChecked(True)
        return QDialog.Accepted

    monkeypatch.setattr(PrintDialog, "exec", choose)
    dialogs.save_paths.append(str(out))
    opened.actions.cetak.trigger()
    assert out.read_bytes().startswith(b"%PDF")
    assert dialogs.opened_urls == [str(out)]
    assert "halaman" in opened.statusBar().currentMessage()
    cetak = opened.doc.identitas()["cetak"]          # the choice is remembered in the plan
    assert cetak["kertas"] == "A4" and cetak["kolom_waktu"] == "bulan" and cetak["target_capaian"]
    assert opened.editor.stack.count() == 1
    assert not list(tmp_path.glob(".zi-cetak-*"))


def test_send_to_province_uses_the_default_name(opened, plan_path, dialogs):
    dialogs.questions += ["Kirim tetap", "Kirim tetap"]   # the plan has galat: sent anyway
    opened.actions.kirim.trigger()                   # cancelled: nothing written
    title, suggested = dialogs.file_dialogs[-1]
    name = suggested.rsplit("/", 1)[-1]
    assert name == f"2025_KPU-Kabupaten-Contoh_{_dt.date.today().isoformat()}.zidb"
    dialogs.save_paths.append(suggested)
    opened.actions.kirim.trigger()
    with Dokumen.open(suggested, readonly=True) as sent:
        assert sent.to_dict() == opened.doc.to_dict()
    assert "siap" in dialogs.texts("information")[-1]


def test_export_to_excel(opened, tmp_path, dialogs):
    out = tmp_path / "lampiran.xlsx"
    dialogs.save_paths.append(str(out))
    opened.actions.ekspor_excel.trigger()
    import openpyxl
    wb = openpyxl.load_workbook(out)
    assert "Lampiran" in wb.sheetnames
    assert dialogs.opened_urls == []                 # asked, answered "No"


def test_import_shows_the_report_and_opens_the_new_plan(window, tmp_path, dialogs, monkeypatch):
    from types import SimpleNamespace

    from ui import file_commands
    source = tmp_path / "lampiran.xlsx"
    source.write_bytes(b"PK")
    calls = []

    def fake_import(path):
        calls.append(path)
        return SimpleNamespace(plan=window_plan(), report=["3 langkah aksi dibaca"],
                               warnings=["Baris 7: nomor komponen melompat"])

    monkeypatch.setattr("zi_desktop.importer.import_file", fake_import)
    target = tmp_path / "impor.zidb"
    dialogs.open_paths.append(str(source))
    dialogs.save_paths.append(str(target))
    shown = []
    monkeypatch.setattr(file_commands.ReportDialog, "show",
                        lambda self: shown.append(self.text.toPlainText()))
    window.actions.impor.trigger()
    assert calls == [str(source)]
    assert dialogs.file_dialogs[-1][1] == str(tmp_path / "lampiran.zidb")   # suggested beside it
    assert window.doc is not None and window.doc.path == target
    assert window.doc.to_dict()["area"][0]["nama"] == "MANAJEMEN PERUBAHAN"
    assert "3 langkah aksi dibaca" in shown[0] and "melompat" in shown[0]
    assert window.editor.stack.count() == 0


def test_import_a_real_decree(window, tmp_path, dialogs, monkeypatch, seeds_dir):
    from ui import file_commands
    target = tmp_path / "kudus.zidb"
    dialogs.open_paths.append(str(seeds_dir / "kudus-14-2025.txt"))
    dialogs.save_paths.append(str(target))
    monkeypatch.setattr(file_commands.ReportDialog, "exec", lambda self: QDialog.Accepted)
    window.actions.impor.trigger()
    assert window.doc is not None, dialogs.messages
    assert len(window.view.model.nodes_of_level("area")) == 6
    assert len(window.view.model.nodes_of_level("aksi")) > 20


def test_import_refusal_is_reported(window, tmp_path, dialogs):
    source = tmp_path / "surat.txt"
    source.write_text("Ini hanya surat biasa tanpa tabel.", encoding="utf-8")
    dialogs.open_paths.append(str(source))
    window.actions.impor.trigger()
    assert window.doc is None
    assert "Tidak ditemukan tabel Lampiran" in dialogs.texts("warning")[-1]


def test_a_backend_bug_is_told_not_swallowed(opened, dialogs, monkeypatch, capsys):
    def broken(plan, out):
        raise AttributeError("'Columns' object has no attribute 'x'")

    monkeypatch.setattr("zi_desktop.exchange.export_xlsx.export_xlsx", broken)
    dialogs.save_paths.append(str(opened.doc.path.with_name("x.xlsx")))
    opened.actions.ekspor_excel.trigger()
    assert "kesalahan tak terduga" in dialogs.texts("warning")[-1]
    assert "AttributeError" in capsys.readouterr().err


def test_next_year_plan(opened, tmp_path, dialogs):
    target = tmp_path / "2026.zidb"
    dialogs.ints.append(2026)
    dialogs.save_paths.append(str(target))
    opened.actions.tahun_berikutnya.trigger()
    assert opened.doc.path == target
    assert opened.doc.identitas()["tahun"] == 2026
    assert len(opened.view.model.nodes_of_level("aksi")) == 3


def test_save_copy_keeps_working_on_the_original(opened, plan_path, tmp_path, dialogs):
    out = tmp_path / "salinan.zidb"
    dialogs.save_paths.append(str(out))
    opened.actions.simpan_salinan.trigger()
    assert opened.doc.path == plan_path
    with Dokumen.open(out, readonly=True) as copy:
        assert copy.to_dict() == opened.doc.to_dict()


def test_settings_recent_files_geometry_and_splitter(qtbot, plan_path, tmp_path):
    from ui.main_window import MainWindow
    other = tmp_path / "kedua.zidb"
    Dokumen.create_from_plan(other, window_plan(2026)).close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(str(plan_path)) and win.open_path(str(other))
    assert settings.recent_files()[:2] == [str(other), str(plan_path)]
    win.resize(780, 560)
    win.view.splitter.setSizes([300, 700])
    sizes = win.view.splitter.sizes()
    win.close()
    assert not settings.get(settings.GEOMETRY).isEmpty()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.size().width() == 780
    again.recent_menu.aboutToShow.emit()
    names = [a.text() for a in again.recent_menu.actions()]
    assert names[0].endswith("kedua.zidb") and names[1].endswith("rencana.zidb")
    again.recent_menu.actions()[1].trigger()
    assert again.doc.path == plan_path
    assert again.view.splitter.sizes() == sizes
    again.close()


def test_each_setting_is_declared_once():
    keys = [s.key for s in settings.ALL]
    assert len(keys) == len(set(keys))
    for s in settings.ALL:
        assert settings.get(s) == s.default or s.type.__name__ == "QByteArray"


RUN_APP = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.app import run_app

def look():
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "view") and w.isVisible())
    print(json.dumps({"path": str(window.doc.path) if window.doc else None,
                      "aksi": len(window.view.model.nodes_of_level("aksi")) if window.view else 0,
                      "org": app.organizationName(), "title": window.windowTitle()}))
    window.close()
    app.exit(7)

import ui.app
make_app = ui.app.make_app

def make_app_and_look():             # a timer needs the QApplication that run_app creates
    app = make_app()
    QTimer.singleShot(300, look)
    return app

ui.app.make_app = make_app_and_look
sys.exit(run_app(sys.argv[1] or None, demo=sys.argv[2] == "demo"))
"""


def _run_app(tmp_path, path: str, mode: str) -> tuple[int, dict]:
    """run_app in its own process: it owns the QApplication's event loop, as in real use."""
    import json
    import os
    import subprocess
    import sys
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-c", RUN_APP, path, mode], capture_output=True, text=True,
                          env=env, timeout=60)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, proc.stderr[-2000:]
    return proc.returncode, json.loads(lines[-1])


def test_run_app_opens_the_file_given_and_returns_exec_code(plan_path, tmp_path):
    code, seen = _run_app(tmp_path, str(plan_path), "")
    assert code == 7                                  # whatever exec() returned
    assert seen["path"] == str(plan_path) and seen["aksi"] == 3
    assert seen["org"] == "ZI Desktop" and "KPU Kabupaten Contoh 2025" in seen["title"]


def test_run_app_demo_opens_a_copy_of_the_sample(tmp_path):
    from zi_desktop.paths import resource
    code, seen = _run_app(tmp_path, "", "demo")
    assert code == 7
    assert seen["aksi"] > 0 and "contoh" in seen["path"].lower()
    assert seen["path"] != str(resource("demo", "contoh.json"))


def test_month_grid_and_tree_select_each_other(qtbot, opened):
    view = opened.view
    opened.actions.lihat_jadwal.trigger()
    grid = view.jadwal
    assert grid is not None
    first, second = view.model.nodes_of_level("aksi")[:2]
    view.tabs.setCurrentIndex(0)
    view.select("aksi", second.id)                  # tree → grid
    assert grid.selected_aksi() == second.id
    grid.aksiActivated.emit(first.id)               # grid → tree
    assert view.current_node() is first
    assert view.form.item_id == first.id


def test_window_texts_are_indonesian(window):
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Berkas", "Sunting", "Lihat", "Bantuan"]
    berkas = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    for wanted in ("Baru…", "Buka…", "Buka Terakhir", "Impor…", "Buat Rencana Tahun Berikutnya…",
                   "Simpan Salinan Sebagai…", "Kirim ke Provinsi…", "Ekspor ke Excel…", "Cetak Lampiran…",
                   "Identitas Rencana…", "Keluar"):
        assert wanted in berkas
    a = window.actions
    shortcuts = {a.baru: "Ctrl+N", a.buka: "Ctrl+O", a.urungkan: "Ctrl+Z", a.ulangi: "Ctrl+Y",
                 a.cetak: "Ctrl+P", a.cari: "Ctrl+F", a.tambah_sejenis: "Ins", a.hapus: "Del",
                 a.naikkan: "Alt+Up", a.turunkan: "Alt+Down", a.sunting_isian: "F2"}
    for action, keys in shortcuts.items():
        assert keys in [s.toString() for s in action.shortcuts()], action.text()
    assert re.search("Ctrl\\+Ins", " ".join(s.toString() for s in a.tambah_turunan.shortcuts()))
