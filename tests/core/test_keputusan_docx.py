"""The whole decree as a Word file (issue 16): read back with python-docx; LibreOffice opens it
where installed (optional: the test skips without ``soffice``)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import docx
import pytest
from docx.oxml.ns import qn

from zi_desktop.document import Dokumen
from zi_desktop.importer import import_text
from zi_desktop.keputusan.docx import export_docx

from plans import small_plan


@pytest.fixture(scope="module", params=["kudus-14-2025.txt", "kapuas-24-2025.txt",
                                        "madiun-7-2026.txt"])
def exported(request, seeds_dir, tmp_path_factory):
    plan = import_text((seeds_dir / request.param).read_text(encoding="utf-8")).plan
    out = tmp_path_factory.mktemp("docx") / "keputusan.docx"
    export_docx(plan, out)
    return plan, out, docx.Document(out)


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for tc in table._tbl.iter(qn("w:tc")):
            parts.append(" ".join(t.text or "" for t in tc.iter(qn("w:t"))))
    return " ".join(" ".join(parts).split())


def test_sections_portrait_then_landscape(exported):
    plan, _out, document = exported
    sections = document.sections
    assert sections[0].page_height > sections[0].page_width
    assert sections[-1].page_width > sections[-1].page_height
    assert len(sections) == (3 if plan["keputusan"]["bab"] else 2)
    header = sections[0].header._element.xml
    assert "PAGE" in header and sections[0].different_first_page_header_footer


def test_body_items_and_chapters_are_in_the_document(exported):
    plan, _out, document = exported
    text = _text(document)
    body = plan["keputusan"]
    for bagian in ("menimbang", "mengingat", "diktum"):
        for item in body[bagian]:
            assert " ".join(item.split()) in text, item[:60]
    for chapter in body["bab"]:
        assert chapter["judul"].upper() in text
    for word in ("Menimbang", "Mengingat", "MEMUTUSKAN:", "KESATU", "Ditetapkan di"):
        assert word in text


def test_the_table_is_a_word_table_with_repeated_header_and_merged_komponen(exported):
    plan, _out, document = exported
    table = document.tables[-2]          # the last is the signature
    rows = table._tbl.tr_lst
    assert rows[0].trPr is not None and rows[0].trPr.find(qn("w:tblHeader")) is not None
    first_cells = [row.tc_lst[0] for row in rows[1:]]
    restarts = [tc for tc in first_cells if tc.tcPr is not None and
                tc.tcPr.find(qn("w:vMerge")) is not None and
                tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"]
    n_komponen = sum(len(a["komponen"]) for a in plan["area"])
    assert len(restarts) == n_komponen
    n_aksi = sum(len(i["aksi"]) for a in plan["area"] for k in a["komponen"]
                 for i in k["indikator"])
    text = _text(document)
    for area in plan["area"]:
        assert area["nama"] in text
    first = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]["langkah"]
    assert " ".join(first.split()) in text
    assert len(rows) >= 1 + len(plan["area"]) + n_aksi


def test_cli_export_docx_and_xlsx_stays(tmp_path):
    path = tmp_path / "sk.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    for name, said in (("sk.docx", "Word"), ("sk.xlsx", "Excel")):
        run = subprocess.run([sys.executable, "-m", "zi_desktop", "export", str(path), "-o",
                              str(tmp_path / name)], capture_output=True, text=True)
        assert run.returncode == 0 and said in run.stdout, run.stderr
    assert docx.Document(tmp_path / "sk.docx").tables


def test_hostile_text_exports(tmp_path):
    plan = small_plan()
    plan["keputusan"]["menimbang"] = ["bahwa \x01<w:p> & \ufffe;"]
    plan["area"][0]["nama"] = "<b>AREA</b> \x0b"
    export_docx(plan, tmp_path / "x.docx")
    assert "<w:p> &" in _text(docx.Document(tmp_path / "x.docx"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(exported, tmp_path):
    _plan, out, _document = exported
    profile = (tmp_path / "profil").as_uri()      # its own profile: no clash with a running one
    run = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                         capture_output=True, text=True, timeout=300)
    pdf = tmp_path / (out.stem + ".pdf")
    assert run.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 10_000, run.stderr


def _signature_rows(table) -> list[tuple[str, str]]:
    """(left cell, right cell) of each row of a signature table."""
    out = []
    for tr in table._tbl.iter(qn("w:tr")):
        cells = [" ".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
                 for tc in tr.iter(qn("w:tc"))]
        out.append((cells[0], cells[-2] if len(cells) > 2 else cells[-1]))
    return out


def test_salinan_block_stands_as_the_decree_prints_it(exported):
    """The Salinan block starts level with the signer's position line, leaves room for the
    stamp, and its name shares the signer's name's row — in both signature blocks."""
    plan, _out, document = exported
    r = plan["rencana"]
    signatures = [t for t in document.tables
                  if any(r["penandatangan"] in right for _l, right in _signature_rows(t))]
    assert len(signatures) == 2                                  # body and Lampiran
    for table in signatures:
        rows = _signature_rows(table)
        left = [lt for lt, _rt in rows]
        right = [rt for _lt, rt in rows]
        salinan = left.index("Salinan sesuai dengan aslinya")
        assert right[salinan] and \
            r["jabatan_penandatangan"].upper().startswith(right[salinan].upper())  # position
        name = right.index(r["penandatangan"])
        assert left[name] == r["salinan"]["nama"] and name == len(rows) - 1
        jabatan = max(i for i, t in enumerate(left[:name]) if t)
        assert all(not t for t in left[jabatan + 1:name]) and name - jabatan > 3   # the stamp
