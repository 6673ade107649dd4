"""Impor dari Papan Klip: the Lampiran table copied from Word or Excel becomes a new plan, through
the same path as Impor… (ask where to save, create, open, show the report)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from qt_input import press
from zi_desktop.document import Dokumen
from ui import file_commands


TSV = "\n".join([
    "NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU",
    "I\tMANAJEMEN PERUBAHAN\t\t\t\t",
    "1\tPenyusunan Tim Kerja\tUnit kerja telah membentuk tim\tMembentuk tim kerja\tSK Tim\tJanuari 2026",
    "\t\t\tRapat koordinasi tim\tNotulen\tMaret, Juni 2026",
    "II\tPENATAAN TATA LAKSANA\t\t\t\t",
    "1\tProsedur Operasional Tetap\tSOP telah disusun\tMenyusun SOP\tDokumen SOP\tFebruari 2026",
])


def word_html() -> str:
    """What Word puts on the clipboard as HTML for a copied table (styles, spans, paragraphs)."""
    def td(text):
        return (f"<td width=120 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>"
                f"<p class=MsoNormal><span lang=IN style='font-size:10.0pt'>{text}</span></p></td>")
    rows = [["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"],
            ["<b>I</b>", "<b>MANAJEMEN PERUBAHAN</b>", "", "", "", ""],
            ["1", "Penyusunan Tim Kerja", "Unit kerja telah membentuk tim", "Membentuk tim kerja",
             "1. SK Tim</span></p><p class=MsoNormal><span>2. Undangan rapat", "Januari 2025"],
            ["", "", "", "Rapat koordinasi tim", "Notulen", "Maret, Juni 2025"]]
    body = "".join("<tr style='height:12pt'>" + "".join(td(c) for c in r) + "</tr>" for r in rows)
    return ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8>"
            "<style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=EN-US><!--StartFragment-->"
            f"<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>{body}</table>"
            "<!--EndFragment--></body></html>")


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp):
    # mime data left on the offscreen clipboard is freed after the application at exit: a
    # segfault after every test has passed (exit code 139)
    yield
    QGuiApplication.clipboard().clear()


def put_on_clipboard(text: str = "", html: str = "") -> None:
    mime = QMimeData()
    if text:
        mime.setText(text)
    if html:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


def _recording_init(shown):
    """ReportDialog.__init__ that also notes (intro, text)."""
    real = file_commands.ReportDialog.__init__

    def init(self, title, intro, text, parent=None, **notes):
        real(self, title, intro, text, parent, **notes)
        shown.append((intro, text))
    return init


@pytest.fixture
def no_report(monkeypatch):
    monkeypatch.setattr(file_commands.ReportDialog, "exec", lambda self: QDialog.Accepted)


def test_paste_a_tab_separated_lampiran(window, tmp_path, dialogs, monkeypatch):
    shown = []
    monkeypatch.setattr(file_commands.ReportDialog, "__init__", _recording_init(shown))
    monkeypatch.setattr(file_commands.ReportDialog, "exec", lambda self: QDialog.Accepted)
    put_on_clipboard(TSV)
    target = tmp_path / "tempel.zidb"
    dialogs.save_paths.append(str(target))
    berkas = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    assert "Impor dari Papan Klip…" in berkas
    window.actions.impor_papan_klip.trigger()
    assert window.doc is not None and window.doc.path == target
    plan = window.doc.to_dict()
    assert [a["nama"] for a in plan["area"]] == ["MANAJEMEN PERUBAHAN", "PENATAAN TATA LAKSANA"]
    aksi = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    assert [a["langkah"] for a in aksi] == ["Membentuk tim kerja", "Rapat koordinasi tim"]
    assert aksi[1]["bulan"] == ["2026-03", "2026-06"]
    assert plan["rencana"]["tahun"] == 2026
    # the suggested name comes from the unit and year (no unit in a bare table: a placeholder)
    assert dialogs.file_dialogs[-1][1].endswith("Rencana Aksi ZI 2026 - Satuan Kerja.zidb")
    # the same report as Impor…
    intro, text = shown[-1]
    assert "Lampiran dari papan klip telah diimpor ke \"tempel.zidb\"" in intro
    assert "3 langkah aksi" in text
    assert window.editor.stack.count() == 0
    assert window.doc.history()[-1]["keterangan"] == "papan klip"


def test_paste_a_whole_decree_names_the_file_after_its_unit(window, tmp_path, dialogs, seeds_dir, no_report):
    put_on_clipboard((seeds_dir / "kudus-14-2025.txt").read_text(encoding="utf-8"))
    window.actions.impor_papan_klip.trigger()         # cancelled at the save dialog: nothing made
    suggested = dialogs.file_dialogs[-1][1]
    assert suggested.endswith("Rencana Aksi ZI 2025 - KPU Kabupaten Kudus.zidb")
    assert window.doc is None
    dialogs.save_paths.append(str(tmp_path / "kudus.zidb"))
    window.actions.impor_papan_klip.trigger()
    assert window.doc.identitas()["nomor"] == "14"
    assert len(window.view.model.nodes_of_level("area")) == 6


def test_word_html_is_used_when_there_is_no_plain_text(window, tmp_path, dialogs, no_report):
    put_on_clipboard(html=word_html())
    dialogs.save_paths.append(str(tmp_path / "word.zidb"))
    window.actions.impor_papan_klip.trigger()
    assert window.doc is not None, dialogs.messages
    aksi = window.doc.to_dict()["area"][0]["komponen"][0]["indikator"][0]["aksi"]
    assert aksi[0]["bukti_fisik"] == "1. SK Tim\n2. Undangan rapat"   # two paragraphs in one cell
    assert aksi[1]["langkah"] == "Rapat koordinasi tim"


def test_word_html_is_tried_when_the_plain_text_has_no_table(window, tmp_path, dialogs, no_report):
    put_on_clipboard(text="NO KOMPONEN INDIKATOR", html=word_html())
    dialogs.save_paths.append(str(tmp_path / "word.zidb"))
    window.actions.impor_papan_klip.trigger()
    assert window.doc is not None, dialogs.messages
    assert len(window.view.model.nodes_of_level("aksi")) == 2


def test_an_empty_clipboard_says_what_to_copy(window, dialogs):
    QGuiApplication.clipboard().clear()
    window.actions.impor_papan_klip.trigger()
    assert window.doc is None
    assert "Papan klip kosong" in dialogs.texts("information")[-1]
    assert dialogs.file_dialogs == []


def test_text_without_a_table_is_refused_with_the_importers_reason(window, dialogs):
    put_on_clipboard("Yth. Ketua, bersama ini kami sampaikan laporan bulanan.")
    window.actions.impor_papan_klip.trigger()
    assert window.doc is None
    assert "Tidak ditemukan tabel Lampiran" in dialogs.texts("warning")[-1]
    assert dialogs.file_dialogs == []


def test_an_existing_file_is_not_overwritten(window, plan_path, dialogs, no_report):
    before = plan_path.read_bytes()
    put_on_clipboard(TSV)
    dialogs.save_paths.append(str(plan_path))
    window.actions.impor_papan_klip.trigger()
    assert window.doc is None
    assert plan_path.read_bytes() == before
    assert "sudah ada" in dialogs.texts("warning")[-1]


def test_ctrl_v_and_the_button_on_the_welcome_page(qtbot, window, tmp_path, dialogs, no_report):
    put_on_clipboard(TSV)
    dialogs.save_paths.append(str(tmp_path / "satu.zidb"))
    window.welcome.paste_button.click()
    assert window.doc is not None and window.doc.path.name == "satu.zidb"
    window.close_document()
    assert window.stack.currentWidget() is window.welcome
    window.welcome.recent.setFocus()
    qtbot.waitUntil(window.welcome.recent.hasFocus)
    dialogs.save_paths.append(str(tmp_path / "dua.zidb"))
    press(window.welcome.recent, Qt.Key_V, Qt.ControlModifier)
    assert window.doc is not None and window.doc.path.name == "dua.zidb"
    with Dokumen.open(tmp_path / "satu.zidb", readonly=True) as first:
        assert first.to_dict() == window.doc.to_dict()


def test_file_import_and_paste_share_one_path(window, tmp_path, dialogs, no_report, monkeypatch):
    calls = []
    real = file_commands.FileCommands._import

    def spy(self, read, busy, suggest, what, keterangan):
        calls.append(keterangan)
        return real(self, read, busy, suggest, what, keterangan)

    monkeypatch.setattr(file_commands.FileCommands, "_import", spy)
    source = tmp_path / "lampiran.txt"
    source.write_text(TSV, encoding="utf-8")
    dialogs.open_paths.append(str(source))
    dialogs.save_paths.append(str(tmp_path / "dari-berkas.zidb"))
    window.actions.impor.trigger()
    put_on_clipboard(TSV)
    dialogs.save_paths.append(str(tmp_path / "dari-papan-klip.zidb"))
    window.actions.impor_papan_klip.trigger()
    assert calls == ["lampiran.txt", "papan klip"]
    assert window.doc.path.name == "dari-papan-klip.zidb"


def test_what_is_being_typed_is_saved_before_the_paste_replaces_the_plan(qtbot, opened, tmp_path, dialogs,
                                                                         no_report):
    from qt_input import type_text
    view = opened.view
    aksi = view.model.nodes_of_level("aksi")[0]
    view.select("aksi", aksi.id)
    field = view.form.field("aksi", "bukti_fisik")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    type_text(field, "Notulen")
    old = opened.doc.path
    put_on_clipboard(TSV)
    dialogs.save_paths.append(str(tmp_path / "baru.zidb"))
    opened.actions.impor_papan_klip.trigger()
    assert opened.doc.path.name == "baru.zidb"
    with Dokumen.open(old, readonly=True) as doc:
        assert doc.item("aksi", aksi.id)["bukti_fisik"] == "Notulen"
