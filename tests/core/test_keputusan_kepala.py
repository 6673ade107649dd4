"""The whole decree prints the LAMPIRAN block once, at the start of the Lampiran (issue 16):
above the chapters when it has them, else above the table — read back from the PDF."""

from __future__ import annotations

import pdfplumber
import pytest

from zi_desktop.keputusan.pdf import build_keputusan
from zi_desktop.lampiran import build_lampiran

from plans import small_plan


def _pages(path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [[line.strip() for line in (p.extract_text() or "").splitlines()]
                for p in pdf.pages]


def _lampiran_pages(pages) -> list[int]:
    return [n for n, lines in enumerate(pages, 1) if "LAMPIRAN" in lines]


@pytest.mark.parametrize("chapters", [True, False])
def test_lampiran_block_once_in_the_whole_decree(tmp_path, chapters):
    plan = small_plan()
    if not chapters:
        plan["keputusan"]["bab"] = []
    assert bool(plan["keputusan"]["bab"]) is chapters
    result = build_keputusan(plan, tmp_path / "k.pdf")
    pages = _pages(tmp_path / "k.pdf")
    found = _lampiran_pages(pages)
    assert len(found) == 1, found
    first = found[0]
    if chapters:
        assert first <= result.halaman_isi and "BAB I" in pages[first - 1]   # the chapters
    else:
        assert first == result.halaman_isi + 1                 # the table's first page
    # the title, once too (the plan has no table title of its own)
    titled = [n for n, lines in enumerate(pages[first - 1:], first)
              if any(x.startswith("RENCANA AKSI PEMBANGUNAN") for x in lines)]
    assert titled == [first]


def test_the_table_keeps_its_own_title_after_chapters(tmp_path):
    """Kudus: the chapters open with the decree's title (with the year), the table has its
    own title (without) — printed above the table, with no second LAMPIRAN block."""
    plan = small_plan()
    plan["rencana"]["judul_tabel"] = "RENCANA AKSI ZONA INTEGRITAS TABEL SENDIRI"
    result = build_keputusan(plan, tmp_path / "k.pdf")
    pages = _pages(tmp_path / "k.pdf")
    assert len(_lampiran_pages(pages)) == 1
    assert "RENCANA AKSI ZONA INTEGRITAS TABEL SENDIRI" in pages[result.halaman_isi]


def test_the_lampiran_alone_keeps_its_block(tmp_path):
    plan = small_plan()
    build_lampiran(plan, tmp_path / "l.pdf")
    pages = _pages(tmp_path / "l.pdf")
    assert _lampiran_pages(pages) == [1]


def test_the_body_is_signed_with_place_and_date_when_the_lampiran_does_not_repeat_them(tmp_path):
    """Kudus: the Lampiran's end has no "Ditetapkan di" (``cetak.ulang_ditetapkan`` off); the
    decree's body still has it; the Salinan block starts level with the signer's position."""
    plan = small_plan()
    plan["rencana"]["cetak"]["ulang_ditetapkan"] = False
    plan["rencana"]["salinan"] = {"kantor": "SEKRETARIAT KPU KABUPATEN CONTOH",
                                  "jabatan": "Kepala Subbagian", "nama": "Nama Salinan"}
    result = build_keputusan(plan, tmp_path / "k.pdf")
    with pdfplumber.open(tmp_path / "k.pdf") as pdf:
        body = " ".join(pdf.pages[n].extract_text() or "" for n in range(result.halaman_isi))
        last = pdf.pages[-1]
        assert "Ditetapkan di" in body
        assert "Ditetapkan di" not in (last.extract_text() or "")
        words = last.extract_words()
        top = {w["text"]: round(w["top"]) for w in words}
        assert top["Salinan"] == top[plan["rencana"]["jabatan_penandatangan"].split()[0]]
