"""Word (.docx) and PDF import: the same plan as the text import, for the generated corpus and
the real seeds; Word's own shapes (merged cells, automatic numbering, split tables, italic runs);
and the refusals (.doc, a scan, an encrypted PDF) as one sentence and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import decree_corpus as dc  # noqa: E402

from zi_desktop.importer import ImportGagal, import_docx, import_file, import_pdf, import_text  # noqa: E402

CORPUS = dc.corpus()
SEEDS = ("kudus-14-2025.txt", "madiun-7-2026.txt", "kapuas-24-2025.txt")


def _ids(decrees):
    return [d.name + "-" + "+".join(sorted(d.damage)) for d in decrees]


@pytest.mark.parametrize("decree", CORPUS, ids=_ids(CORPUS))
def test_corpus_as_docx_gives_the_text_plan(decree, tmp_path):
    plan = import_text(dc.render_text(decree)).plan
    path = dc.write_docx(plan, tmp_path / f"{decree.name}.docx")
    assert import_file(path).plan == plan


PDF_CORPUS = CORPUS[:8]          # every layout and every damage once (PDF reading is slower)


@pytest.mark.parametrize("decree", PDF_CORPUS, ids=_ids(PDF_CORPUS))
def test_corpus_as_pdf_gives_the_text_plan(decree, tmp_path):
    plan = import_text(dc.render_text(decree)).plan
    path = dc.write_pdf(plan, tmp_path / f"{decree.name}.pdf")
    assert import_file(path).plan == dc.as_pdf_source(plan)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_as_docx_and_pdf_gives_the_text_plan(seed, seeds_dir, tmp_path):
    plan = import_file(seeds_dir / seed).plan
    assert import_docx(dc.write_docx(plan, tmp_path / "seed.docx")).plan == plan
    assert import_pdf(dc.write_pdf(plan, tmp_path / "seed.pdf")).plan == dc.as_pdf_source(plan)


def test_table_split_into_several_word_tables(tmp_path):
    decree = dc.make_decree(3, "grid")
    plan = import_text(dc.render_text(decree)).plan
    path = dc.write_docx(plan, tmp_path / "split.docx", rows_per_table=7)
    assert import_docx(path).plan == plan


def _word_table(tmp_path, fill) -> Path:
    from docx import Document
    doc = Document()
    doc.add_paragraph("KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN CONTOH")
    doc.add_paragraph("NOMOR 5 TAHUN 2025")
    table = doc.add_table(rows=0, cols=6)
    head = table.add_row()
    for c, name in enumerate(["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK",
                              "TARGET WAKTU"]):
        head.cells[c].text = name
    area = table.add_row()
    area.cells[0].text = "I"
    area.cells[1].merge(area.cells[5]).text = "MANAJEMEN PERUBAHAN"
    fill(doc, table)
    path = tmp_path / "word.docx"
    doc.save(path)
    return path


def test_word_merged_target_waktu_and_automatic_numbering(tmp_path):
    def fill(doc, table):
        rows = [table.add_row() for _ in range(2)]
        rows[0].cells[0].text = "1"
        rows[0].cells[0].merge(rows[1].cells[0])
        rows[0].cells[1].merge(rows[1].cells[1]).text = "Penyusunan Tim Kerja"
        rows[0].cells[2].text = "Unit kerja telah membentuk tim"
        rows[1].cells[2].text = "Penentuan anggota tim melalui prosedur"
        rows[0].cells[3].text = "Membentuk tim kerja"
        rows[1].cells[3].text = "Menetapkan prosedur pemilihan anggota"
        for row in rows:
            cell = row.cells[4]
            cell.paragraphs[0].text = "Undangan rapat"
            cell.paragraphs[0].style = doc.styles["List Number"]
            p = cell.add_paragraph("Daftar hadir", style="List Number")
            p.runs[0].italic = False
        merged = rows[0].cells[5].merge(rows[1].cells[5])
        merged.text = "Januari - Maret 2025"
        rows[1].cells[3].paragraphs[0].runs[0].text = "Menetapkan prosedur pemilihan anggota "
        rows[1].cells[3].paragraphs[0].add_run("online").italic = True

    result = import_docx(_word_table(tmp_path, fill))
    komponen = result.plan["area"][0]["komponen"]
    assert [k["nama"] for k in komponen] == ["Penyusunan Tim Kerja"]
    aksi = [i["aksi"][0] for i in komponen[0]["indikator"]]
    assert [a["target_waktu"] for a in aksi] == ["Januari - Maret 2025"] * 2
    assert aksi[1]["bulan"] == ["2025-01", "2025-02", "2025-03"]
    # Word numbers the list itself; the number is what Word shows (counting on through the list)
    assert aksi[0]["bukti_fisik"] == "1. Undangan rapat\n2. Daftar hadir"
    assert aksi[1]["bukti_fisik"] == "3. Undangan rapat\n4. Daftar hadir"
    assert aksi[1]["langkah"] == "Menetapkan prosedur pemilihan anggota online"
    assert result.plan["rencana"]["cetak"]["kata_miring"] == ["online"]
    merged = [c for c in result.catatan if "target waktu kosong" in c.pesan]
    assert merged and merged[0].jalur == "I.1.2.1" and merged[0].jenis == "perbaikan"


def test_doc_scan_and_encrypted_pdf_are_refused_in_one_sentence(tmp_path):
    doc = tmp_path / "lama.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ImportGagal, match=r"Save As ▸ Word Document \(\*\.docx\)"):
        import_file(doc)

    from reportlab.pdfgen import canvas
    scan = tmp_path / "pindaian.pdf"
    c = canvas.Canvas(str(scan))
    c.rect(50, 50, 400, 600, fill=1)          # an image of a page: no text layer
    c.showPage()
    c.save()
    with pytest.raises(ImportGagal, match="^PDF ini hasil pindaian tanpa teks; "):
        import_file(scan)

    locked = tmp_path / "terkunci.pdf"
    c = canvas.Canvas(str(locked), encrypt="rahasia")
    c.drawString(100, 700, "NO KOMPONEN INDIKATOR")
    c.showPage()
    c.save()
    with pytest.raises(ImportGagal, match="dilindungi kata sandi"):
        import_file(locked)


def test_cli_import_docx_reports_places_as_json(tmp_path):
    decree = dc.make_decree(2, "html", damage=("twice",))
    plan = import_text(dc.render_text(decree)).plan
    src = dc.write_docx(plan, tmp_path / "keputusan.docx")
    out = tmp_path / "rencana.zidb"
    proc = subprocess.run([sys.executable, "-m", "zi_desktop", "import", str(src), str(out),
                           "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["berkas"] == str(out) and out.is_file()
    assert all(set(c) == {"jenis", "pesan", "jalur", "level", "baris"} for c in data["catatan"])


def test_cli_text_import_prints_each_repair_with_its_place(tmp_path):
    decree = dc.make_decree(1, "markdown", damage=("cut", "twice"))
    src = tmp_path / "keputusan.md"
    src.write_text(dc.render_text(decree), encoding="utf-8")
    out = tmp_path / "rencana.zidb"
    proc = subprocess.run([sys.executable, "-m", "zi_desktop", "import", str(src), str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    joins = [line for line in lines if "digabung ke baris di atasnya" in line]
    twice = [line for line in lines if "tercetak dua kali" in line]
    assert joins and twice
    assert all(line.startswith(("Perbaikan: I", "Perbaikan: V", "Peringatan: ")) for line in joins + twice)
    assert lines[-1] == f"Rencana disimpan: {out}"


def test_pdf_with_cells_merged_down_and_centred(tmp_path):
    decree = dc.make_decree(8, "tsv", page_rows=40)
    plan = import_text(dc.render_text(decree)).plan
    path = dc.write_pdf(plan, tmp_path / "gabung.pdf", merged=True)
    assert import_pdf(path).plan == dc.as_pdf_source(plan)


def test_title_signature_mark_and_italics_reach_the_saved_plan(tmp_path):
    decree = dc.make_decree(9, "markdown", mark="Ttd.")
    src = tmp_path / "keputusan.md"
    src.write_text(dc.render_text(decree), encoding="utf-8")
    out = tmp_path / "rencana.zidb"
    subprocess.run([sys.executable, "-m", "zi_desktop", "import", str(src), str(out)],
                   capture_output=True, text=True, timeout=120, check=True)
    dump = subprocess.run([sys.executable, "-m", "zi_desktop", "dump", str(out)],
                          capture_output=True, text=True, timeout=120, check=True)
    rencana = json.loads(dump.stdout)["rencana"]
    want = dc.expected_plan(decree)["rencana"]
    assert rencana["judul_tabel"] == want["judul_tabel"]
    assert rencana["cetak"]["tanda_tangan"] == "Ttd."
    assert sorted(rencana["cetak"]["kata_miring"]) == want["cetak"]["kata_miring"]
