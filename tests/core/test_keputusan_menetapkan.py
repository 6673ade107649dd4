"""The stored Menetapkan (issue 16, step 0006_menetapkan): read from the decree on import,
from the title in a new plan, advanced by next year; an undoable edit; printed as stored; the
Periksa rule compares it with the title; earlier files open with it empty."""

from __future__ import annotations

import json
import subprocess
import sys

import pdfplumber

from zi_desktop import migrations
from zi_desktop.checks import check_plan
from zi_desktop.document import Dokumen
from zi_desktop.importer import import_text
from zi_desktop.keputusan.edits import SetMenetapkan
from zi_desktop.keputusan.menetapkan import from_title, printed
from zi_desktop.keputusan.pdf import build_keputusan
from zi_desktop.next_year import next_year_plan
from zi_desktop.template import template_plan

from plans import format1_file, small_plan

KUDUS = ("KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KUDUS TENTANG RENCANA AKSI PEMBANGUNAN "
         "ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI DAN WILAYAH BIROKRASI BERSIH DAN "
         "MELAYANI DI LINGKUNGAN KOMISI PEMILIHAN UMUM KABUPATEN KUDUS TAHUN 2025.")


def _codes(plan) -> set[str]:
    return {f.kode for f in check_plan(plan) if f.level == "keputusan"}


def test_import_keeps_the_menetapkan_the_decree_writes(seeds_dir):
    result = import_text((seeds_dir / "kudus-14-2025.txt").read_text(encoding="utf-8"))
    kudus = result.plan
    assert kudus["keputusan"]["menetapkan"] == KUDUS
    assert any(line.startswith("Isi keputusan:") and "Menetapkan" in line
               for line in result.report)
    assert "menetapkan_berbeda" not in _codes(kudus)
    kapuas = import_text((seeds_dir / "kapuas-24-2025.txt").read_text(encoding="utf-8")).plan
    # the Kapuas decree's Menetapkan says "TENTANG PENETAPAN RENCANA AKSI …": not its title
    assert "TENTANG PENETAPAN RENCANA AKSI" in kapuas["keputusan"]["menetapkan"]
    assert "menetapkan_berbeda" in _codes(kapuas)


def test_the_rule_fires_when_the_title_changes_and_the_dump_carries_the_key(tmp_path):
    plan = small_plan()
    plan["keputusan"]["menetapkan"] = from_title(plan["rencana"])
    path = tmp_path / "sk.zidb"
    with Dokumen.create_from_plan(path, plan) as doc:
        assert "menetapkan_berbeda" not in _codes(doc.to_dict())
    dump = subprocess.run([sys.executable, "-m", "zi_desktop", "dump", str(path)],
                          capture_output=True, text=True, check=True)
    body = json.loads(dump.stdout)["keputusan"]
    assert body["menetapkan"] == plan["keputusan"]["menetapkan"]
    assert {"menimbang", "mengingat", "memperhatikan", "diktum", "bab"} <= set(body)
    plan["rencana"]["tentang"] = "Rencana Aksi Zona Integritas yang Lain"
    findings = [f for f in check_plan(plan) if f.kode == "menetapkan_berbeda"]
    assert len(findings) == 1 and findings[0].jalur == "Menetapkan"
    assert "YANG LAIN" in findings[0].pesan                  # says what it should be


def test_checking_a_stored_menetapkan_does_not_load_the_print(tmp_path):
    """Periksa runs after every edit in the window: it must not load ReportLab (~0.2 s)."""
    plan = small_plan()
    plan["keputusan"]["menetapkan"] = from_title(plan["rencana"]) + " LAIN"
    path = tmp_path / "sk.zidb"
    Dokumen.create_from_plan(path, plan).close()
    probe = ("import sys; from zi_desktop.document import Dokumen; "
             "from zi_desktop.checks import check_plan; "
             f"d = Dokumen.open({str(path)!r}, readonly=True); "
             "codes = {f.kode for f in check_plan(d.to_dict(ids=True))}; "
             "print('menetapkan_berbeda' in codes, 'reportlab' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_edit_is_undoable_on_disk_and_printed(tmp_path):
    path = tmp_path / "sk.zidb"
    with Dokumen.create_from_plan(path, small_plan()) as doc:
        assert doc.to_dict()["keputusan"]["menetapkan"] == ""
        edit = SetMenetapkan("KEPUTUSAN   KETUA TENTANG  RENCANA AKSI ZI.")
        doc.apply(edit)
    with Dokumen.open(path) as doc:
        plan = doc.to_dict()
        assert plan["keputusan"]["menetapkan"] == "KEPUTUSAN KETUA TENTANG RENCANA AKSI ZI."
        assert "menetapkan_berbeda" in _codes(plan)
        build_keputusan(plan, tmp_path / "k.pdf")
        with pdfplumber.open(tmp_path / "k.pdf") as pdf:
            text = " ".join((p.extract_text() or "") for p in pdf.pages)
        assert "KEPUTUSAN KETUA TENTANG RENCANA AKSI ZI." in " ".join(text.split())
        doc.revert(edit)
        assert doc.to_dict()["keputusan"]["menetapkan"] == ""
    assert printed(small_plan()) == from_title(small_plan()["rencana"])   # "" → from the title


def test_new_plan_takes_it_from_the_title_and_next_year_advances_it():
    plan = template_plan("standar", 2025, "KPU Kabupaten Contoh")
    assert plan["keputusan"]["menetapkan"] == from_title(plan["rencana"])
    assert plan["keputusan"]["menetapkan"].endswith("TAHUN 2025.")
    nxt = next_year_plan(plan, 2026)
    assert nxt["keputusan"]["menetapkan"].endswith("TAHUN 2026.")
    assert "menetapkan_berbeda" not in _codes(nxt)


def test_a_format5_file_opens_with_menetapkan_empty(tmp_path, monkeypatch):
    path = tmp_path / "lama.zidb"
    format1_file(path, monkeypatch, version=5)
    with Dokumen.open(path) as doc:
        assert doc.conn.execute("PRAGMA user_version").fetchone()[0] == \
            migrations.current_version() == 6
        assert doc.to_dict()["keputusan"]["menetapkan"] == ""
        doc.apply(SetMenetapkan("KEPUTUSAN TENTANG X."))
        assert doc.to_dict()["keputusan"]["menetapkan"] == "KEPUTUSAN TENTANG X."
    assert list(tmp_path.glob("lama.cadangan-format5*.zidb"))
