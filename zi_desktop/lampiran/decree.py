"""The text around the table: the LAMPIRAN block, the title and the signature block.

Wording follows the published decrees (see ``../shared/seeds``):

    LAMPIRAN
    KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KUDUS
    NOMOR 14 TAHUN 2025
    TENTANG
    RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS …

                RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS … TAHUN 2025   (centred, bold)

    … table …
                                                    Ditetapkan di Kudus
                                                    pada tanggal 2 Januari 2025
                                                    KETUA KOMISI PEMILIHAN UMUM
                                                        KABUPATEN KUDUS,
                                                            ttd.
                                                    AHMAD AMIR FAISOL

Signature rule: a print with a filled-in "Salinan sesuai dengan aslinya" block is the
certified copy, so the signer's place shows "ttd."; otherwise the space is left blank for
the wet signature.
"""

from __future__ import annotations

import re

from reportlab.lib.units import mm

from zi_desktop.printable import one_line as _one_line
from zi_desktop.titles import (STANDARD_SUBJECT, doc_title, expand_satker, nomor_line,  # noqa: F401
                               table_title, tanggal_text, title_text)

from .text import balanced, clean

TITLE_SIZE = 10.5
TITLE_LEADING = 14.0
BLOCK_SIZE = 11.0
BLOCK_LEADING = 13.5
SIGN_SIZE = 9.0
SIGN_LEADING = 12.0
SIGN_SPACE_LINES = 4        # blank lines left for the wet signature and stamp

def front_slices(rencana: dict, lay, *, block: bool = True, title: str | None = None) -> list:
    """The LAMPIRAN block at the top right and the centred title, as LinesBlock slices.

    The block is a narrow column at the right (a third of the table's width), its lines
    broken as the decrees break them: "LAMPIRAN" / "KEPUTUSAN KOMISI PEMILIHAN UMUM" /
    "KABUPATEN …" / "NOMOR … TAHUN …" / "TENTANG …" flowing over the block's width.
    ``block`` False leaves the block out; ``title`` None is ``table_title``, "" none."""
    width = lay.width
    slices = _block_slices(rencana, lay) if block else []
    title = table_title(rencana) if title is None else title
    if title:
        bold = lay.setter("bold", TITLE_SIZE)
        title_w = width * 0.8
        tx = (width - title_w) / 2.0
        for dx, piece, _m, _font in balanced(bold, title, title_w):
            slices.append((TITLE_LEADING, [(tx + dx, piece, bold)]))
        slices.append((10.0, []))
    return slices


def table_title_after_chapters(rencana: dict) -> str:
    """The title above a table that the Lampiran's chapters precede (they open with the
    LAMPIRAN block and the decree's title): the table's own title when it differs (Kudus
    prints one without the year), else none."""
    own = _one_line(rencana.get("judul_tabel"))
    return own if own and own.upper() != title_text(rencana).upper() else ""


def _block_slices(rencana: dict, lay) -> list:
    width = lay.width
    block = lay.setter("regular", BLOCK_SIZE)
    block_w = width / 3.0
    x0 = width - block_w
    satker = expand_satker(rencana.get("satker", ""))
    tentang = _one_line(rencana.get("tentang")).upper()
    texts = ["LAMPIRAN", *office_lines(("KEPUTUSAN " + satker).strip()),
             nomor_line(rencana, lay.opts.gaya_nomor),
             ("TENTANG " + tentang) if tentang else "TENTANG"]
    slices = []
    for text in texts:
        for dx, piece, _m, _font in block.wrap(text, block_w, lists=False):
            slices.append((BLOCK_LEADING, [(x0 + dx, piece, block)]))
    slices.append((12.0, []))
    return slices


def office_lines(text: str) -> list[str]:
    """"KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUDUS," → two lines, broken before the region
    as the decrees print it ("… UMUM" / "KABUPATEN KUDUS,")."""
    m = re.search(r"\s(?=(?:KABUPATEN|KOTA|PROVINSI)\s)", text, re.IGNORECASE)
    if m and len(text[:m.start()].split()) >= 2:
        return [text[:m.start()], text[m.end():]]
    return [text]


def _salinan_filled(rencana: dict) -> bool:
    salinan = rencana.get("salinan") or {}
    if not isinstance(salinan, dict):
        return False
    return any(_one_line(salinan.get(k)) for k in ("kantor", "jabatan", "nama"))


def tail_texts(rencana: dict, opts) -> tuple[list, list, str, str]:
    """The closing blocks as logical lines, before their names: (left, right, left_name,
    right_name). ``right`` is the signature block (each line ``(text, centred)``, None a blank
    line), ``left`` the "Salinan sesuai dengan aslinya" block ([] when not filled in), which
    starts level with the signer's position line and leaves room for a stamp above its name.
    The PDF wraps these lines (``tail_slices``), the Word export sets one table row per line."""
    salinan = _salinan_filled(rencana)
    right: list = []
    if opts.ulang_ditetapkan:
        tempat = _one_line(rencana.get("tempat"))
        tanggal = tanggal_text(rencana.get("tanggal"))
        right += [("Ditetapkan di " + tempat if tempat else "Ditetapkan di", False),
                  ("pada tanggal " + tanggal if tanggal else "pada tanggal", False), None]
    # the position as the plan writes it (Madiun: "Ketua Komisi …"), its comma by choice
    jabatan = _one_line(rencana.get("jabatan_penandatangan")).rstrip(" ,")
    if jabatan and opts.koma_jabatan:
        jabatan += ","
    right += [(part, True) for part in office_lines(jabatan)]
    if salinan and opts.tanda_tangan:
        right += [None, (opts.tanda_tangan, True), None]
    else:
        right += [None] * SIGN_SPACE_LINES
    left: list = []
    left_name = ""
    if salinan:
        s = rencana.get("salinan") or {}
        jab = _one_line(s.get("jabatan")).rstrip(" ,")
        if jab and opts.koma_jabatan:
            jab += ","
        # level with the signer's position: below "Ditetapkan di / pada tanggal" when printed
        left = [None] * (3 if opts.ulang_ditetapkan else 0)
        left += [("Salinan sesuai dengan aslinya", False)]
        left += [(part, False) for part in office_lines(_one_line(s.get("kantor")).upper())]
        left += [(jab, False)] + [None] * SIGN_SPACE_LINES
        left_name = _one_line(s.get("nama"))
    return left, right, left_name, _one_line(rencana.get("penandatangan"))


def level_names(left: list, right: list, salinan: bool) -> None:
    """Pad the shorter block with blank lines before its name, so both names share a line."""
    while len(right) < len(left):
        right.insert(len(right) - 1, None)
    while salinan and len(left) < len(right):
        left.insert(len(left) - 1, None)


def tail_slices(rencana: dict, lay) -> list:
    """Signature block at the right, "Salinan sesuai dengan aslinya" block at the left."""
    width = lay.width
    reg = lay.setter("regular", SIGN_SIZE)
    bold = lay.setter("bold", SIGN_SIZE)
    block_w = min(90 * mm, width * 0.4)
    right_x = width - block_w - 8 * mm
    salinan = _salinan_filled(rencana)

    def wrapped(setter, line) -> list:
        if line is None:
            return [None]
        text, centred = line
        pieces = balanced(setter, text, block_w) if centred else \
            setter.wrap(text, block_w, lists=False)
        return [(dx, p, setter) for dx, p, _m, _f in pieces]

    left_texts, right_texts, left_name, right_name = tail_texts(rencana, lay.opts)
    right = [w for line in right_texts for w in wrapped(reg, line)]
    left = [w for line in left_texts for w in wrapped(reg, line)]
    level_names(left, right, salinan)
    right += wrapped(bold, (right_name, True))
    left += wrapped(bold, (left_name, False)) if salinan else []

    slices = []
    for i in range(max(len(right), len(left))):
        items = []
        for lines, x in ((right, right_x), (left, 0.0)):
            if i < len(lines) and lines[i] is not None:
                dx, piece, setter = lines[i]
                items.append((x + dx, piece, setter))
        slices.append((SIGN_LEADING, items))
    return slices
