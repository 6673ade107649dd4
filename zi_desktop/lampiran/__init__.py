"""The printed Lampiran (attachment) of the decree, as a PDF built with ReportLab.

    from zi_desktop.lampiran import build_lampiran
    result = build_lampiran(plan, "lampiran.pdf", kertas="A4", kolom_waktu="bulan",
                            huruf="bookman")
    result.pages, result.lebar_kolom

    story, layout, state, meta = lampiran_story(plan, **options)   # the lower-level API

``plan`` is the plan dict (docs/ARCHITECTURE.md).  Options left ``None`` come from
``plan["rencana"]["cetak"]``.  The build never fails on content: empty plans, empty areas,
komponen or cells taller than a page, hostile text (``<b>``, ``&``, ``<img …>``) all print.
No Qt here.
"""

from __future__ import annotations

import os
from typing import BinaryIO, NamedTuple

from reportlab.platypus import KeepTogether, NextPageTemplate

from zi_desktop.dates import plan_period

from .decree import (doc_title, expand_satker, front_slices, table_title_after_chapters,
                     tail_slices)
from .layout import Layout
from .options import KERTAS, KOLOM_WAKTU, resolve
from .pages import LampiranDoc
from .rows import TAIL_GAP, LinesBlock, PrintState
from .table import TableBuilder
from .text import clean

__all__ = ["build_lampiran", "lampiran_story", "print_story", "LampiranResult", "KERTAS", "KOLOM_WAKTU"]

# The signature rides with the last row unless it would fill more than this share of a page.
_TAIL_MAX_SHARE = 0.45


class LampiranResult(NamedTuple):
    pages: int
    kertas: str
    kolom_waktu: str
    huruf: str = "arial"
    lebar_kolom: dict = {}    # column → mm as printed


def _keep_with_tail(rows: list, lay: Layout) -> int:
    """How many of the last rows ride with the signature: the whole last indikator, at
    least two rows, unless that would take more than half a page (then two)."""
    n = len(rows)
    k = 1
    while k < n:
        entry = rows[n - k].groups.get("indikator")
        if entry is None or entry[1]:          # this row starts the last indikator
            break
        k += 1
    k = min(max(k, 2), n)
    if sum(r.estimate() for r in rows[n - k:]) > 0.5 * lay.table_frame_h:
        k = min(2, n)
    return k


def build_lampiran(plan: dict, out: str | os.PathLike | BinaryIO, *, kepala: bool = True,
                   **options) -> LampiranResult:
    """Print the Lampiran of ``plan`` to ``out`` (a path or a binary file object).

    ``options`` (each ``None`` = the plan's ``rencana["cetak"]`` setting): kertas,
    kolom_waktu, penanggung_jawab, target_capaian, nomor_kolom, huruf, kata_miring,
    tanda_tangan, nomor_titik, kepala_bulan, ulang_ditetapkan, koma_jabatan, gaya_nomor,
    lebar_kolom (see ``options.Options``). ``kepala``: see ``lampiran_story``."""
    return print_story(lampiran_story(plan, kepala=kepala, **options), out)


def print_story(parts: tuple, out: str | os.PathLike | BinaryIO) -> LampiranResult:
    """Build ``lampiran_story``'s ``parts`` to ``out`` (a whole-decree print reuses the
    story's layout for its own pages before building the table)."""
    story, lay, state, meta = parts
    doc = LampiranDoc(os.fspath(out) if isinstance(out, (str, os.PathLike)) else out, lay,
                      state, **meta)
    doc.build_story(story)
    return LampiranResult(pages=state.pages, kertas=lay.kertas, kolom_waktu=lay.opts.kolom_waktu,
                          huruf=lay.opts.huruf, lebar_kolom=lay.widths_mm())


def lampiran_story(plan: dict, *, kepala: bool = True, **options):
    """The lower-level API: ``(story, layout, state, meta)`` — the flowables of the
    Lampiran (LAMPIRAN block and title, one flowable per table row, the signature kept
    with the last rows), its ``Layout`` (paper, columns, faces, ``draw_header``), the
    ``PrintState`` the rows and page templates share, and the PDF properties.  Build it
    with ``pages.LampiranDoc(out, layout, state, **meta).build_story(story)``, whose page
    templates are ``"awal"`` (first page: the story draws the table header inline) and
    ``"tabel"`` (later pages: the header drawn by the page).  A whole-decree document can
    place this story after its own pages, switching to the template "awal" first.
    ``kepala`` False: the table follows the Lampiran's chapters, which opened with the
    LAMPIRAN block and the title — no block here, only the table's own title when it differs
    (``decree.table_title_after_chapters``)."""
    plan = plan if isinstance(plan, dict) else {}
    rencana = plan.get("rencana") if isinstance(plan.get("rencana"), dict) else {}
    opts = resolve(rencana.get("cetak"), options)
    lay = Layout(opts, plan_period(rencana), plan)
    state = PrintState()

    front = (front_slices(rencana, lay) if kepala else
             front_slices(rencana, lay, block=False, title=table_title_after_chapters(rencana)))
    story: list = [LinesBlock(front, state)] if front else []
    story.append(NextPageTemplate("tabel"))
    rows = TableBuilder(lay, state).build(plan)
    if not rows:                      # an empty plan still prints the table header
        from .rows import TableRow
        rows = [TableRow(lay, state, {})]
    tail = LinesBlock(tail_slices(rencana, lay), state)
    k = _keep_with_tail(rows, lay)
    # the rows kept with the signature move as one: the row above them sees their height
    rows[-k].kept_below = sum(r.estimate() for r in rows[-k + 1:]) + TAIL_GAP + tail.height
    story.extend(rows[:-k])
    if tail.height <= _TAIL_MAX_SHARE * (lay.body_h - lay.header_h):
        rows[-1].tail = tail
        story.append(KeepTogether(rows[-k:]))
    else:
        # a signature block too tall to ride inside the last row still follows its rows
        story.append(KeepTogether(rows[-k:] + [tail]))

    satker = " ".join(clean(rencana.get("satker")).split())
    meta = {"title": doc_title(rencana), "author": satker or expand_satker(satker),
            "subject": " ".join(clean(rencana.get("tentang")).split())}
    return story, lay, state, meta
