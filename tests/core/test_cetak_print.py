"""Print fidelity (issue 15), read back from the PDFs: faces embedded, the table's own title,
the header block, the signature never alone with one row, widths within bounds, target waktu
and penanggung jawab printed once where shared, italics, and the small conventions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pymupdf as fitz
import pytest

from plans import aksi, rencana

from zi_desktop.lampiran import build_lampiran
from plans import synthetic_plan

ROOT = Path(__file__).resolve().parents[2]
MM = 72 / 25.4


def page_texts(path) -> list[str]:
    with fitz.open(path) as pdf:
        return [page.get_text() for page in pdf]


def font_names(path) -> set[str]:
    with fitz.open(path) as pdf:
        out = set()
        for page in pdf:
            for _x, ext, _t, base, *_ in page.get_fonts(full=True):
                assert ext not in ("n/a", ""), f"{base} not embedded"
                out.add(base.split("+")[-1])
        return out


def spans(path):
    with fitz.open(path) as pdf:
        for page in pdf:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    yield from line["spans"]


def numbered_plan(n_rows: int, per_indikator: int = 1, **cetak) -> dict:
    """``n_rows`` langkah aksi "Langkah L001" … in one area, grouped per indikator."""
    r = rencana()
    r["salinan"] = {"kantor": "SEKRETARIAT KPU KABUPATEN CONTOH", "jabatan": "Kasubbag",
                    "nama": "NAMA SALINAN"}
    r["cetak"].update(cetak)
    inds, i = [], 0
    while i < n_rows:
        rows = [aksi(f"Langkah L{j + 1:03d} menyusun dokumen kegiatan", ["2025-01"],
                     target_waktu="Januari 2025") for j in range(i, min(n_rows, i + per_indikator))]
        inds.append({"teks": f"Indikator {len(inds) + 1}", "aksi": rows})
        i += per_indikator
    return {"rencana": r, "area": [{"kode": "I", "nama": "MANAJEMEN PERUBAHAN",
                                    "penanggung_jawab": "",
                                    "komponen": [{"nama": "Komponen satu", "indikator": inds}]}]}


# ----------------------------------------------------------------------------- faces
@pytest.mark.parametrize("huruf,face", [("arial", "LiberationSans"), ("bookman", "ZIBonum"),
                                        ("dejavu", "DejaVuSans")])
def test_each_face_is_embedded_with_bold_and_italic_and_the_tick_is_text(tmp_path, huruf, face):
    """The ✓ is text in ZI Tanda (DejaVu's tick cut out); other missing glyphs fall back to
    DejaVu Sans glyph by glyph (the last test)."""
    plan = synthetic_plan(40, style="kapuas")
    plan["rencana"]["cetak"]["kata_miring"] = ["Tim"]
    out = tmp_path / "l.pdf"
    build_lampiran(plan, out, huruf=huruf, kolom_waktu="bulan")
    names = font_names(out)
    main = {n for n in names if n.startswith(face)}
    assert len(main) >= 3, names                    # regular, bold, italic at least
    assert any("Bold" in n for n in main) and any(("Italic" in n or "Oblique" in n) for n in main)
    assert names - main <= {"ZITanda"}              # only the ticks' face beside the family
    text = "".join(page_texts(out))
    assert "\u2713" in text                         # copyable text, not a drawing
    ticks = [s for s in spans(out) if "\u2713" in s["text"]]
    assert ticks and all(s["font"].split("+")[-1] == "ZITanda" for s in ticks)


def test_cli_font_option(tmp_path):
    from zi_desktop.document import Dokumen
    path = tmp_path / "p.zidb"
    Dokumen.create_from_plan(path, synthetic_plan(20, style="kudus")).close()
    out = tmp_path / "o.pdf"
    proc = subprocess.run([sys.executable, "-m", "zi_desktop", "pdf", str(path), "-o", str(out),
                           "--font", "bookman"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert any(n.startswith("ZIBonum") for n in font_names(out))
    proc = subprocess.run([sys.executable, "-m", "zi_desktop", "pdf", str(path), "-o", str(out),
                           "--font", "comic"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


# ------------------------------------------------------------------- title and header
def test_table_title_and_header_block(tmp_path):
    plan = numbered_plan(3)
    plan["rencana"]["judul_tabel"] = "RENCANA KERJA PEMBANGUNAN ZI KPU KABUPATEN CONTOH 2025"
    out = tmp_path / "l.pdf"
    build_lampiran(plan, out)
    first = page_texts(out)[0]
    assert "RENCANA KERJA PEMBANGUNAN ZI KPU KABUPATEN CONTOH 2025" in " ".join(first.split())
    lines = first.splitlines()
    i = lines.index("LAMPIRAN")
    assert lines[i + 1:i + 4] == ["KEPUTUSAN KOMISI PEMILIHAN UMUM", "KABUPATEN CONTOH",
                                  "NOMOR 14 TAHUN 2025"]
    assert lines[i + 4].startswith("TENTANG RENCANA AKSI")
    # the block is the right third of the page
    with fitz.open(out) as pdf:
        page = pdf[0]
        x0 = min(s["bbox"][0] for s in spans(out) if s["text"].startswith("KEPUTUSAN"))
        assert x0 > page.rect.width * 0.6
    build_lampiran(plan, out, gaya_nomor="titik_dua")
    assert "NOMOR : 14 TAHUN 2025" in page_texts(out)[0]


# ------------------------------------------------------------------------- signature
def _rows_on(text: str) -> list[str]:
    return re.findall(r"L\d{3}", text)


@pytest.mark.parametrize("per_indikator", [1, 3])
def test_signature_never_with_a_lone_row_nor_alone(tmp_path, per_indikator):
    seen_break = False
    for n in range(18, 60, 1):
        out = tmp_path / f"l{n}.pdf"
        result = build_lampiran(numbered_plan(n, per_indikator), out)
        pages = page_texts(out)
        last = pages[-1]
        assert "NAMA KETUA" in last and "Ditetapkan di" in last
        rows = _rows_on(last)
        assert rows, f"{n} rows: the signature alone on the last page"
        if result.pages > 1:
            seen_break = True
            want = min(n, max(2, per_indikator if n % per_indikator == 0 else n % per_indikator))
            assert len(rows) >= min(2, want), f"{n} rows: {rows} with the signature"
            if per_indikator == 3:
                # the whole last indikator rides with the signature
                last_ind = n - ((n - 1) % per_indikator) - 1
                assert f"L{last_ind + 1:03d}" in rows, (n, rows)
        assert sum(len(_rows_on(p)) for p in pages) >= n
    assert seen_break


def test_a_komponen_name_is_not_cut_at_a_page_foot_that_has_room(tmp_path):
    """The last row a page holds of a komponen prints the rest of its name when the page
    has room for it (as Word grows the row), whatever the row's own cells need."""
    name = " ".join(f"NAMA{j:02d}" for j in range(24))        # ~8 lines in its column
    words = {f"NAMA{j:02d}" for j in range(24)}
    tall = "\n".join(f"{j}. Rincian langkah yang panjang nomor {j}" for j in range(1, 16))
    checked = 0
    for filler in range(20, 44):
        plan = numbered_plan(filler)
        plan["area"][0]["komponen"].append({"nama": name, "indikator": [
            {"teks": "Indikator pendek", "aksi": [aksi("Langkah pendek", ["2025-01"]),
                                                  aksi(tall, ["2025-02"])]}]})
        # a komponen after it: the last one rides with the signature, whole
        plan["area"][0]["komponen"].append({"nama": "Penutup", "indikator": [
            {"teks": "Indikator akhir", "aksi": [aksi("Langkah akhir", ["2025-03"])]}]})
        out = tmp_path / f"k{filler}.pdf"
        build_lampiran(plan, out)
        with fitz.open(out) as pdf:
            for page in pdf:
                found = page.get_text("words")
                names = {w[4] for w in found} & words
                if not names:
                    continue
                # the first page showing the komponen: all of its name, unless the page
                # ends within a few lines of where the name begins
                if len(names) < 24:
                    first_y = min(w[1] for w in found if w[4] in words)
                    foot = page.rect.height - 18 * MM
                    assert foot - first_y < 8 * 10.5, (filler, sorted(names))
                else:
                    checked += 1
                break
    assert checked >= 10


# ----------------------------------------------------------------------------- widths
def test_widths_within_bounds(tmp_path):
    plan = synthetic_plan(120, style="madiun")
    out = tmp_path / "l.pdf"
    result = build_lampiran(plan, out, target_capaian=True)
    w = result.lebar_kolom
    assert set(w) >= {"no", "komponen", "indikator", "langkah", "bukti", "waktu", "capaian"}
    assert all(v >= 14 for k, v in w.items() if k != "no"), w
    assert abs(sum(w.values()) - (330 - 40)) < 1.0                  # fills the page width
    # no column wraps one word per line: every header word and body word fits its column
    from zi_desktop.lampiran import fonts
    from reportlab.pdfbase.pdfmetrics import stringWidth
    face = fonts.face_for("arial")
    fields = {"langkah": "langkah", "bukti": "bukti_fisik", "waktu": "target_waktu",
              "capaian": "target_capaian"}
    for key, field in fields.items():
        longest = max(stringWidth(word, face.regular, 8.5)
                      for a in all_aksi(plan) for word in a[field].split())
        assert w[key] * MM >= min(longest, 42 * MM) + 6, key
    # no half-empty column: the short target waktu column is not wider than its longest text
    widest = max(stringWidth(a["target_waktu"], face.regular, 8.5) for a in all_aksi(plan))
    assert w["waktu"] * MM <= widest / 0.92 + 6 + 1


def test_user_width_is_kept_and_others_fill(tmp_path):
    plan = synthetic_plan(60, style="kudus")
    result = build_lampiran(plan, tmp_path / "l.pdf", lebar_kolom={"langkah": 100})
    assert result.lebar_kolom["langkah"] == 100
    assert abs(sum(result.lebar_kolom.values()) - 290) < 1.0


def test_widths_make_the_table_shorter_than_fixed_shares(tmp_path):
    plan = synthetic_plan(300, style="kudus")
    auto = build_lampiran(plan, tmp_path / "a.pdf").pages
    shares = {"komponen": 37, "indikator": 54, "langkah": 63, "bukti": 57, "waktu": 31}
    fixed = build_lampiran(plan, tmp_path / "f.pdf", lebar_kolom=shares).pages
    assert auto <= fixed


def all_aksi(plan):
    for area in plan["area"]:
        for k in area["komponen"]:
            for i in k["indikator"]:
                yield from i["aksi"]


# ----------------------------------------------------------------------------- merges
def test_shared_target_and_pj_printed_once(tmp_path):
    r = rencana()
    r["cetak"].update(penanggung_jawab=True)
    same = [aksi(f"Langkah A{j}", target_waktu="Maret, Juni, September 2025",
                 penanggung_jawab="Tim Kerja Khusus") for j in range(3)]
    mixed = [aksi("Langkah B1", target_waktu="Triwulan I 2025"),
             aksi("Langkah B2", target_waktu="Triwulan I 2025"),
             aksi("Langkah B3", target_waktu="Desember 2025")]
    plan = {"rencana": r, "area": [{"kode": "I", "nama": "AREA", "penanggung_jawab": "Tim Area",
            "komponen": [
                {"nama": "Komponen A", "indikator": [{"teks": "Ind A1", "aksi": same[:2]},
                                                     {"teks": "Ind A2", "aksi": same[2:]}]},
                {"nama": "Komponen B", "indikator": [{"teks": "Ind B", "aksi": mixed}]}]}]}
    out = tmp_path / "l.pdf"
    build_lampiran(plan, out)
    text = " ".join("".join(page_texts(out)).split())
    assert text.count("Maret, Juni, September 2025") == 1       # over the whole komponen A
    assert text.count("Tim Kerja Khusus") == 1
    assert text.count("Triwulan I 2025") == 1                   # a run of two rows
    assert text.count("Desember 2025") == 1
    assert text.count("Tim Area") == 1                          # komponen B: the area's team
    # no inner rule in the merged column: the horizontal lines in the TARGET WAKTU column
    with fitz.open(out) as pdf:
        page = pdf[0]
        cols = [s for s in spans(out) if s["text"].startswith("Maret, Juni")]
        x = cols[0]["bbox"][0] + 2
        ys = sorted({round(item[1].y, 1) for d in page.get_drawings() for item in d["items"]
                     if item[0] == "l" and abs(item[1].y - item[2].y) < 0.1
                     and min(item[1].x, item[2].x) < x < max(item[1].x, item[2].x)})
        a_rows = [s["bbox"][1] for s in spans(out) if s["text"].startswith("Langkah A")]
        inner = [y for y in ys if min(a_rows) + 2 < y < max(a_rows) - 2]
        assert not inner, inner


# ----------------------------------------------------------------- italics, conventions
def test_italic_words_are_italic_runs_and_markup_stays_text(tmp_path):
    plan = numbered_plan(2)
    a = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    a["bukti_fisik"] = "Laporan <b>e-Office</b> & Whistle\nBlowing System daring"
    plan["rencana"]["cetak"]["kata_miring"] = ["e-Office", "Whistle Blowing System"]
    out = tmp_path / "l.pdf"
    build_lampiran(plan, out)
    italic = " ".join(s["text"] for s in spans(out) if "Italic" in s["font"])
    assert "e-Office" in italic and "Whistle" in italic and "Blowing System" in italic
    assert "Laporan" not in italic and "daring" not in italic
    assert "<b>" in " ".join(page_texts(out))


def test_conventions(tmp_path):
    plan = numbered_plan(3, per_indikator=3, nomor_titik=True, kepala_bulan="angka",
                         ulang_ditetapkan=False, koma_jabatan=False, tanda_tangan="Ttd")
    out = tmp_path / "l.pdf"
    build_lampiran(plan, out, kolom_waktu="bulan")
    text = "".join(page_texts(out))
    lines = text.splitlines()
    assert "1." in lines and "I." in lines
    assert "Ditetapkan di" not in text
    assert "KETUA KOMISI PEMILIHAN UMUM" in lines and "KABUPATEN CONTOH" in lines
    assert "Ttd" in lines and "ttd." not in lines
    assert all(str(m) in lines for m in range(1, 13)) and "Jan" not in lines
    build_lampiran(plan, out, kolom_waktu="bulan", nomor_titik=False, kepala_bulan="nama",
                   ulang_ditetapkan=True, koma_jabatan=True)
    lines = "".join(page_texts(out)).splitlines()
    assert "KABUPATEN CONTOH," in lines and "Jan" in lines and "1" in lines


def test_hostile_print_settings_print_with_defaults(tmp_path):
    plan = numbered_plan(4)
    plan["rencana"]["cetak"].update(
        huruf="<comic>", kata_miring=["(", "[a-z]+", "x" * 5000, 7, None, ".*"],
        lebar_kolom={"langkah": "lebar", "bukti": -5, "zzz": 40, "komponen": 1e9},
        tanda_tangan="t" * 10_000, kepala_bulan=3, gaya_nomor=None, nomor_titik="ya")
    plan["rencana"]["judul_tabel"] = "<b>JUDUL</b> & " + "PANJANG " * 400
    a = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    a["langkah"] = "Nilai SKM ≥ 85 [a-z]+ (naik) " + "k" * 20_000
    out = tmp_path / "l.pdf"
    result = build_lampiran(plan, out)
    assert result.huruf == "arial" and result.pages >= 1
    text = " ".join("".join(page_texts(out)).split())
    assert "<b>JUDUL</b> &" in text and "≥ 85" in text and "[a-z]+" in text
    assert "1." in text.split()                      # nomor_titik "ya" read as true


def test_missing_glyphs_fall_back_to_dejavu(tmp_path):
    plan = numbered_plan(2)
    a = plan["area"][0]["komponen"][0]["indikator"][0]["aksi"][0]
    a["bukti_fisik"] = "Arah → tujuan ★ bintang"       # not in Liberation Sans
    out = tmp_path / "l.pdf"
    build_lampiran(plan, out)
    fallback = [s for s in spans(out) if s["font"].split("+")[-1] == "DejaVuSans"]
    assert any("★" in s["text"] for s in fallback)
    assert "Arah" in " ".join(page_texts(out)) and "bintang" in " ".join(page_texts(out))


def test_a_tall_signature_block_still_follows_its_rows(tmp_path):
    for n in (18, 24, 30):
        plan = numbered_plan(n)
        plan["rencana"]["jabatan_penandatangan"] = " ".join(["KETUA KOMISI PEMILIHAN UMUM"] * 30)
        out = tmp_path / f"t{n}.pdf"
        build_lampiran(plan, out)
        pages = page_texts(out)
        start = next(i for i, p in enumerate(pages) if "Ditetapkan di" in p)
        assert len(_rows_on(pages[start])) >= 2, (n, start)   # not alone on its page
