"""Import of the generated decree corpus (tests/decree_corpus.py): every layout, damage,
signature mark and Salinan variant gives the plan that was generated."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import decree_corpus as dc  # noqa: E402

from zi_desktop.importer import import_text  # noqa: E402

CORPUS = dc.corpus()


@pytest.mark.parametrize("decree", CORPUS, ids=[d.name + "-" + "+".join(sorted(d.damage)) for d in CORPUS])
def test_corpus_text_imports_as_generated(decree):
    result = import_text(dc.render_text(decree))
    assert dc.differences(result.plan, dc.expected_plan(decree)) == []
