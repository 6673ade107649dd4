"""One Roman-numeral function for the tree, the Lampiran and the importer (area codes)."""

import pytest

from zi_desktop.model import romawi


@pytest.mark.parametrize("n, text", [(1, "I"), (4, "IV"), (7, "VII"), (9, "IX"), (14, "XIV"),
                                     (40, "XL"), (89, "LXXXIX"), (90, "XC"), (94, "XCIV"),
                                     (99, "XCIX"), (100, "C"), (400, "CD"), (1994, "MCMXCIV")])
def test_romawi(n, text):
    assert romawi(n) == text


def test_every_numeral_in_the_program_is_this_one():
    import zi_desktop.importer.finish as finish
    import zi_desktop.lampiran.table as table
    assert finish.romawi is romawi and table.romawi is romawi
