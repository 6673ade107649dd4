"""The printed Lampiran (attachment) of the decree, as a PDF built with ReportLab.

    from zi_desktop.lampiran import build_lampiran
    result = build_lampiran(plan, "lampiran.pdf", kertas="A4", kolom_waktu="bulan")
    result.pages

``plan`` is the plan dict (docs/ARCHITECTURE.md).  Options left ``None`` come from
``plan["rencana"]["cetak"]``.  The build never fails on content: empty plans, empty areas,
komponen or cells taller than a page, hostile text (``<b>``, ``&``, ``<img …>``) all print.
No Qt here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.platypus import NextPageTemplate

from zi_desktop.dates import plan_period

from .decree import doc_title, expand_satker, front_slices, tail_slices
from .layout import PAPER, Layout
from .pages import LampiranDoc
from .rows import LinesBlock, PrintState
from .table import TableBuilder
from .text import clean

__all__ = ["build_lampiran", "LampiranResult", "KERTAS", "KOLOM_WAKTU"]

KERTAS = tuple(PAPER)               # ("F4", "A4")
KOLOM_WAKTU = ("teks", "bulan")
# The signature rides with the last row unless it would fill more than this share of a page.
_TAIL_MAX_SHARE = 0.45


@dataclass
class LampiranResult:
    pages: int
    kertas: str
    kolom_waktu: str


def _flag(value, default) -> bool:
    if value is None:
        value = default
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "ya", "yes", "on")
    return bool(value)


def build_lampiran(plan: dict, out: str | os.PathLike | BinaryIO, *, kertas=None,
                   kolom_waktu=None, penanggung_jawab=None, target_capaian=None,
                   nomor_kolom=None) -> LampiranResult:
    """Print the Lampiran of ``plan`` to ``out`` (a path or a binary file object)."""
    plan = plan if isinstance(plan, dict) else {}
    rencana = plan.get("rencana") if isinstance(plan.get("rencana"), dict) else {}
    cetak = rencana.get("cetak") if isinstance(rencana.get("cetak"), dict) else {}

    kertas = str(kertas if kertas is not None else cetak.get("kertas") or "F4").upper()
    if kertas not in PAPER:
        kertas = "F4"
    kolom_waktu = str(kolom_waktu if kolom_waktu is not None
                      else cetak.get("kolom_waktu") or "teks").lower()
    if kolom_waktu not in KOLOM_WAKTU:
        kolom_waktu = "teks"

    lay = Layout(kertas, kolom_waktu, plan_period(rencana),
                 target_capaian=_flag(target_capaian, cetak.get("target_capaian")),
                 penanggung_jawab=_flag(penanggung_jawab, cetak.get("penanggung_jawab")),
                 nomor_kolom=_flag(nomor_kolom, cetak.get("nomor_kolom")))
    state = PrintState()

    story: list = [LinesBlock(front_slices(rencana, lay.width), state),
                   NextPageTemplate("tabel")]
    rows = TableBuilder(lay, state).build(plan)
    if not rows:                      # an empty plan still prints the table header
        from .rows import TableRow
        rows = [TableRow(lay, state, {})]
    tail = LinesBlock(tail_slices(rencana, lay.width), state)
    if tail.height <= _TAIL_MAX_SHARE * (lay.body_h - lay.header_h):
        rows[-1].tail = tail
        story.extend(rows)
    else:
        story.extend(rows)
        story.append(tail)

    satker = " ".join(clean(rencana.get("satker")).split())
    doc = LampiranDoc(
        os.fspath(out) if isinstance(out, (str, os.PathLike)) else out, lay, state,
        title=doc_title(rencana),
        author=satker or expand_satker(satker),
        subject=" ".join(clean(rencana.get("tentang")).split()),
    )
    doc.build_story(story)
    return LampiranResult(pages=state.pages, kertas=kertas, kolom_waktu=kolom_waktu)
