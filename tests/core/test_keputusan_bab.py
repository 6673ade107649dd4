"""A chapter's text grammar (zi_desktop/keputusan/bab.py): labels, levels, the next label,
relabelling, pasted Word text — what print, Word export and the chapter editor share."""

from zi_desktop.keputusan.bab import from_word, next_mark, relabel, shift_level, split_item


def test_labels_and_levels():
    assert split_item("a. Manajemen perubahan") == ("a.", "Manajemen perubahan", 1)
    assert split_item("  1) Penyusunan tim kerja;") == ("1)", "Penyusunan tim kerja;", 2)
    assert split_item("(2) Eksternal") == ("(2)", "Eksternal", 2)
    assert split_item("- butir") == ("-", "butir", 1)
    assert split_item("Paragraf biasa.") == ("", "Paragraf biasa.", 0)
    assert [next_mark(m) for m in ("a.", "b)", "9.", "1)", "(3)", "-")] == \
        ["b.", "c)", "10.", "2)", "(4)", "-"]


def test_relabel_and_shift():
    assert relabel(["x", "1) y"], "huruf", before="b. sebelumnya") == ["c. x", "d. y"]
    assert relabel(["a. x", "b. y"], None) == ["x", "y"]
    assert shift_level("b. dua", "1) satu", deeper=True) == "2) dua"
    assert shift_level("b. dua", "a. satu", deeper=True) == "1) dua"
    assert shift_level("2) dua", "a. satu\n1) x", deeper=False) == "b. dua"
    assert shift_level("Paragraf.", "", deeper=True) == "Paragraf."


def test_text_from_word():
    assert from_word("Dasar:\r\na.\tSatu\r\n\uf0b7\tDua\x0b lanjut\r\n1)\tTiga\tempat") == \
        "Dasar:\na. Satu\n- Dua\nlanjut\n1) Tiga empat"
