"""An imported decree prints with its own small conventions (issue 15): NO as "1" or "1.", the
month header 1 … 12 or Jan … Des, the signature mark, "Ditetapkan di …" repeated under the
table or not, the comma after the position, "NOMOR : n" — read from the text, the .docx and the
PDF of the decree into the plan's print settings, and said in the import report."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import decree_corpus as dc  # noqa: E402

from zi_desktop.importer import import_docx, import_file, import_pdf, import_text  # noqa: E402

KEYS = ("nomor_titik", "kepala_bulan", "gaya_nomor", "tanda_tangan", "ulang_ditetapkan",
        "koma_jabatan")

# (variant of make_decree, the print settings the import must give)
VARIANTS = [
    ({"nomor_titik": True}, {"nomor_titik": True}),
    ({"nomor_titik": False}, {"nomor_titik": False}),
    ({"layout": "grid", "kepala": "angka"}, {"kepala_bulan": "angka"}),
    ({"layout": "grid", "kepala": "nama"}, {"kepala_bulan": "nama"}),
    ({"layout": "grid", "kepala": "penuh"}, {"kepala_bulan": "nama"}),
    ({"mark": "ttd."}, {"tanda_tangan": "ttd."}),
    ({"mark": "TTD"}, {"tanda_tangan": "TTD"}),
    ({"mark": ""}, {"tanda_tangan": ""}),
    ({"ulang": True}, {"ulang_ditetapkan": True}),
    ({"ulang": False}, {"ulang_ditetapkan": False}),
    ({"koma": False}, {"koma_jabatan": False}),
    ({"koma": True}, {"koma_jabatan": True}),
    ({"titik_dua": True}, {"gaya_nomor": "titik_dua"}),
    ({"titik_dua": False, "layout": "markdown"}, {"gaya_nomor": "tahun"}),
    # Kapuas's set at once, and Madiun's
    ({"layout": "grid", "nomor_titik": True, "mark": "Ttd", "ulang": True, "koma": False},
     {"nomor_titik": True, "kepala_bulan": "angka", "tanda_tangan": "Ttd",
      "ulang_ditetapkan": True, "koma_jabatan": False, "gaya_nomor": "tahun"}),
    ({"layout": "markdown", "nomor_titik": False, "mark": "Ttd", "ulang": True, "koma": False,
      "titik_dua": True},
     {"nomor_titik": False, "tanda_tangan": "Ttd", "ulang_ditetapkan": True,
      "koma_jabatan": False, "gaya_nomor": "titik_dua"}),
]


def _ids():
    return ["+".join(f"{k}={v}" for k, v in variant.items()) for variant, _ in VARIANTS]


def _decree(variant: dict):
    variant = dict(variant)
    layout = variant.pop("layout", "tsv")
    return dc.make_decree(4, layout, areas=2, komponen=3, **variant)


def _cetak(plan: dict) -> dict:
    return {k: v for k, v in plan["rencana"]["cetak"].items() if k in KEYS}


@pytest.mark.parametrize("variant,want", VARIANTS, ids=_ids())
def test_text_import_takes_each_convention_from_the_source(variant, want):
    d = _decree(variant)
    result = import_text(dc.render_text(d))
    cetak = _cetak(result.plan)
    assert {k: cetak.get(k) for k in want} == want
    assert dc.differences(result.plan, dc.expected_plan(d)) == []
    line = next(r for r in result.report if r.startswith("Cara cetak diambil dari sumber:"))
    if "kepala_bulan" in want:
        assert ("1 … 12" if want["kepala_bulan"] == "angka" else "Jan … Des") in line
    if variant.get("kepala") == "penuh":
        assert "ditulis penuh" in line
    if "ulang_ditetapkan" in want:
        assert ("diulang di akhir" if want["ulang_ditetapkan"] else "tidak diulang") in line
    if "koma_jabatan" in want:
        assert ("tanpa koma" in line) is not want["koma_jabatan"]


@pytest.mark.parametrize("variant,want", VARIANTS, ids=_ids())
def test_word_and_pdf_import_take_each_convention(variant, want, tmp_path):
    """The plan of another decree, printed to .docx and PDF with this variant's conventions,
    reads back with them."""
    base = import_text(dc.render_text(_decree({"layout": variant.get("layout", "tsv")}))).plan
    base["rencana"]["cetak"].update(want)
    if variant.get("kepala") == "penuh":
        base["rencana"]["cetak"]["kepala_bulan"] = "penuh"      # the writer prints "Januari" …
    docx = import_docx(dc.write_docx(base, tmp_path / "sk.docx")).plan
    assert {k: _cetak(docx).get(k) for k in want} == want
    pdf = import_pdf(dc.write_pdf(base, tmp_path / "sk.pdf")).plan
    assert {k: _cetak(pdf).get(k) for k in want} == want


def test_a_convention_the_source_does_not_show_keeps_the_default():
    """A bare table: no closing block, no LAMPIRAN block, no month grid — nothing is guessed."""
    text = ("NO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
            "I\tMANAJEMEN PERUBAHAN\t\t\t\t\n"
            "1.\tTim Kerja\tTim kerja dibentuk\tMenyusun SK\tSK Tim\tJanuari 2025\n")
    plan = import_text(text).plan
    cetak = plan["rencana"]["cetak"]
    assert cetak["nomor_titik"] is True
    for key in ("kepala_bulan", "gaya_nomor", "tanda_tangan", "ulang_ditetapkan", "koma_jabatan"):
        assert key not in cetak


def test_workbook_identitas_sheet_brings_every_print_setting_back(tmp_path):
    """The export's Identitas sheet holds the print settings; importing the workbook gives
    them back as they were (they win over what the table's look would suggest)."""
    from zi_desktop.exchange.export_xlsx import export_xlsx
    plan = import_text(dc.render_text(_decree({"nomor_titik": True, "mark": "TTD",
                                               "koma": False}))).plan
    cetak = plan["rencana"]["cetak"]
    cetak.update({"huruf": "bookman", "kepala_bulan": "angka", "gaya_nomor": "titik_dua",
                  "ulang_ditetapkan": True, "kata_miring": ["website", "role model"],
                  "lebar_kolom": {"komponen": 30.0}})
    path = tmp_path / "rencana.xlsx"
    export_xlsx(plan, path)
    again = import_file(path)
    back = again.plan["rencana"]
    for key, value in cetak.items():
        assert back["cetak"].get(key) == value, key
    assert back["judul_tabel"] == plan["rencana"]["judul_tabel"]
    assert not any(r.startswith("Cara cetak diambil dari sumber:") and "nomor" in r
                   for r in again.report)


def test_imported_decree_prints_with_its_conventions(tmp_path):
    """Kapuas's conventions through import into the printed Lampiran: "1.", months 1 … 12,
    "Ttd", Ditetapkan repeated, no comma after the position; "NOMOR : n" for Madiun's."""
    pdfplumber = pytest.importorskip("pdfplumber")
    from zi_desktop.lampiran import build_lampiran
    d = _decree({"layout": "grid", "nomor_titik": True, "mark": "Ttd", "ulang": True,
                 "koma": False, "titik_dua": True})
    plan = import_text(dc.render_text(d)).plan
    out = io.BytesIO()
    build_lampiran(plan, out)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert f"NOMOR : {d.nomor} TAHUN {d.tahun}" in text
    assert "\n1. " in text or "\n1.\n" in text or " 1. " in text
    assert "1 2 3 4 5 6 7 8 9 10 11 12" in text
    assert f"Ditetapkan di {d.tempat}" in text.split(d.areas[-1].nama.upper())[-1] or \
        text.count(f"Ditetapkan di {d.tempat}") >= 1
    assert "Ttd" in text
    assert d.jabatan.split(" KABUPATEN")[0] in text
    assert "KABUPATEN " + d.unit.split(" ", 1)[1] + "," not in text


SEEDS = {
    "kudus-14-2025.txt": {"nomor_titik": False, "gaya_nomor": "tahun", "tanda_tangan": "ttd.",
                          "ulang_ditetapkan": False, "koma_jabatan": True},
    "madiun-7-2026.txt": {"nomor_titik": False, "gaya_nomor": "titik_dua", "tanda_tangan": "Ttd",
                          "ulang_ditetapkan": True, "koma_jabatan": False},
    "kapuas-24-2025.txt": {"nomor_titik": True, "kepala_bulan": "angka", "gaya_nomor": "tahun",
                           "tanda_tangan": "Ttd", "ulang_ditetapkan": True,
                           "koma_jabatan": False},
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_conventions(seed, seeds_dir):
    result = import_file(seeds_dir / seed)
    assert _cetak(result.plan) == SEEDS[seed]
    assert any(r.startswith("Cara cetak diambil dari sumber:") for r in result.report)


# --- a PDF table without ruling lines ----------------------------------------------------------

UNRULED = [dc.make_decree(n, layout, damage=damage)
           for n, layout, damage in ((0, "tsv", ()), (3, "grid", ("top_row",)),
                                     (1, "markdown", ("cut",)), (10, "html", ("twice",)))]


@pytest.mark.parametrize("rules", ["none", "horizontal"])
@pytest.mark.parametrize("decree", UNRULED, ids=[d.name for d in UNRULED])
def test_pdf_table_without_ruling_lines_gives_the_text_plan(decree, rules, tmp_path):
    """A Word table set to "No Border" (or with a rule under each row only), printed to PDF:
    the columns are found from the white space between them, the rows from the spacing
    between them — the same plan as the text."""
    plan = import_text(dc.render_text(decree)).plan
    path = dc.write_pdf(plan, tmp_path / "tanpa-garis.pdf", rules=rules)
    assert import_pdf(path).plan == dc.as_pdf_source(plan)


# --- a Lampiran ZI Desktop printed, imported again -----------------------------------------------

@pytest.mark.parametrize("variant", [
    {"layout": "grid", "nomor_titik": True, "mark": "Ttd", "ulang": True, "koma": False,
     "titik_dua": True},
    {"layout": "tsv", "mark": "ttd.", "ulang": True, "koma": True}])
def test_printed_lampiran_imports_back_with_its_conventions(variant, tmp_path):
    """Last year's Lampiran as ZI Desktop printed it (another unit's PDF): the paper, the face,
    the conventions and the signer come back; the Salinan block printed beside the signer's
    is read as its own block, not line by line across both."""
    from zi_desktop.lampiran import build_lampiran
    plan = import_text(dc.render_text(_decree(variant))).plan
    plan["rencana"]["cetak"].update({"huruf": "bookman", "kertas": "A4"})
    build_lampiran(plan, tmp_path / "lampiran.pdf")
    result = import_pdf(tmp_path / "lampiran.pdf")
    got, want = result.plan["rencana"], plan["rencana"]
    for key in KEYS + ("huruf", "kertas", "kolom_waktu", "penanggung_jawab"):
        assert got["cetak"].get(key) == want["cetak"].get(key), key
    for key in ("tempat", "tanggal", "jabatan_penandatangan", "penandatangan", "salinan",
                "nomor", "satker"):
        assert got[key] == want[key], key
    assert _tree(result.plan) == _tree(plan)
    assert "Dari berkas sumber: kertas A4; huruf Bookman." in result.report


def test_word_paper_and_face_reach_the_print_settings(tmp_path):
    from docx.shared import Mm
    plan = import_text(dc.render_text(_decree({}))).plan
    path = dc.write_docx(plan, tmp_path / "sk.docx")
    import docx
    doc = docx.Document(str(path))
    doc.sections[-1].page_width, doc.sections[-1].page_height = Mm(330), Mm(215)
    doc.styles["Normal"].font.name = "Bookman Old Style"
    doc.save(str(path))
    result = import_docx(path)
    assert (result.plan["rencana"]["cetak"]["kertas"], result.plan["rencana"]["cetak"]["huruf"]) \
        == ("F4", "bookman")
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.save(str(path))
    result = import_docx(path)
    assert "huruf" not in result.plan["rencana"]["cetak"]
    assert "Dari berkas sumber: kertas F4; huruf sumber \"Times New Roman\" tidak tersedia; " \
        "dicetak dengan huruf bawaan." in result.report


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_printed_seed_imports_back_with_its_conventions(seed, seeds_dir, tmp_path):
    from zi_desktop.lampiran import build_lampiran
    plan = import_file(seeds_dir / seed).plan
    build_lampiran(plan, tmp_path / "lampiran.pdf")
    got = import_pdf(tmp_path / "lampiran.pdf").plan["rencana"]
    assert _cetak({"rencana": got}) == SEEDS[seed]
    for key in ("jabatan_penandatangan", "penandatangan", "salinan", "nomor", "satker"):
        assert got[key] == plan["rencana"][key], key
    assert _tree(import_pdf(tmp_path / "lampiran.pdf").plan) == _tree(plan)


def _tree(plan: dict) -> list:
    """Areas, komponen, indikator and langkah aksi by their texts (a komponen "(lanjutan)" at
    a page's top is the same komponen; a row never dropped as printed twice)."""
    return [(a["nama"], [(k["nama"], [(i["teks"], [x["langkah"] for x in i["aksi"]])
                                      for i in k["indikator"]]) for k in a["komponen"]])
            for a in plan["area"]]
