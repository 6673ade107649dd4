"""The whole decree as one PDF (issue 16): body on portrait pages numbered "- 2 -", the Lampiran
chapters portrait, the table landscape, fonts embedded; for each seed decree."""

from __future__ import annotations

import re
import subprocess
import sys

import pymupdf as fitz
import pytest

from zi_desktop.document import Dokumen
from zi_desktop.importer import import_text
from zi_desktop.keputusan.pdf import build_keputusan
from zi_desktop.lampiran import build_lampiran

from plans import small_plan


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=["kudus-14-2025.txt", "kapuas-24-2025.txt",
                                        "madiun-7-2026.txt"])
def printed(request, seeds_dir, tmp_path_factory):
    plan = import_text((seeds_dir / request.param).read_text(encoding="utf-8")).plan
    out = tmp_path_factory.mktemp("sk") / "keputusan.pdf"
    result = build_keputusan(plan, out)
    with fitz.open(out) as pdf:
        pages = [(page.rect.width, page.rect.height, page.get_text()) for page in pdf]
        fonts = {f[3]: f[1] for page in pdf for f in page.get_fonts(full=True)}
    return plan, result, pages, fonts


def test_one_file_body_portrait_then_the_table_landscape(printed):
    plan, result, pages, _fonts = printed
    assert len(pages) == result.pages == result.halaman_isi + result.halaman_lampiran
    body, table = pages[:result.halaman_isi], pages[result.halaman_isi:]
    assert all(h > w for w, h, _t in body) and all(w > h for w, h, _t in table)
    assert "NO" in table[0][2] and "KOMPONEN" in table[0][2]


def test_body_pages_are_numbered_the_kpu_way(printed):
    plan, result, pages, _fonts = printed
    assert "- 1 -" not in pages[0][2]
    chapters = plan["keputusan"]["bab"]
    lampiran_start = next((i for i, p in enumerate(pages[:result.halaman_isi])
                           if "BAB I" in p[2]), result.halaman_isi)
    for n, (_w, _h, text) in enumerate(pages[1:lampiran_start], 2):
        assert f"- {n} -" in text
    if chapters:
        assert "- 2 -" not in pages[lampiran_start][2]      # the Lampiran counts anew


def test_every_item_of_the_body_is_printed(printed):
    plan, result, pages, _fonts = printed
    body_text = _flat(" ".join(re.sub(r"^- \d+ -$", "", t, flags=re.M)      # page numbers out
                               for _w, _h, t in pages[:result.halaman_isi]))
    body = plan["keputusan"]
    for word in ("Menimbang", "Mengingat", "MEMUTUSKAN:", "Menetapkan", "KESATU", "KEDUA"):
        assert word in body_text
    for bagian in ("menimbang", "mengingat", "diktum"):
        for item in body[bagian]:
            words = item.split()
            assert " ".join(words[-4:]) in body_text, item
    for chapter in body["bab"]:
        assert chapter["judul"].upper() in body_text
    assert plan["rencana"]["penandatangan"] in body_text


def test_fonts_are_embedded(printed):
    fonts = printed[3]
    assert fonts and all(ext == "ttf" for ext in fonts.values()), fonts


def test_cli_whole_decree(tmp_path):
    path = tmp_path / "sk.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    out = tmp_path / "sk.pdf"
    run = subprocess.run([sys.executable, "-m", "zi_desktop", "pdf", str(path), "-o", str(out),
                          "--whole", "--paper", "A4"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Keputusan lengkap dicetak" in run.stdout
    with fitz.open(out) as pdf:
        assert round(pdf[0].rect.width / 72 * 25.4) == 210          # A4 portrait
        assert "BAB I" in "".join(p.get_text() for p in pdf)


def test_hostile_and_empty_bodies_print(tmp_path):
    plan = small_plan()
    plan["keputusan"]["menimbang"] = ["bahwa <b>&amp; <img src='x'> " + "panjang " * 3000]
    plan["keputusan"]["bab"] = [{"judul": "<i>", "isi": "a. \n\n1) \n- "}]
    assert build_keputusan(plan, tmp_path / "a.pdf").pages > 2
    empty = {"rencana": {"tahun": 2025}, "area": []}
    assert build_keputusan(empty, tmp_path / "b.pdf").pages >= 2


def test_the_lampiran_alone_is_unchanged(tmp_path):
    plan = small_plan()
    alone = build_lampiran(plan, tmp_path / "l.pdf").pages
    assert build_keputusan(plan, tmp_path / "k.pdf").halaman_lampiran == alone
