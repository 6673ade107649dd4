"""The closing blocks of a decree: who signed, the signature mark, the Salinan block, and the
table's own title above the Lampiran table.

- A closing block: the position ("KETUA …,"), the signature mark (``ttd``, ``ttd.``, ``Ttd.``,
  ``TTD``, ``td.``, ``dto`` … or none), then the name — the line after the mark, never the mark.
  The decree body ("Ditetapkan di …") and the Lampiran's end may both carry one; the one with a
  name is taken, and a warning says when the two names differ.
- The Salinan block ("Salinan sesuai dengan aslinya"): the office over one to three lines, the
  position (may start with ``Plt.``, may end with a comma, may run over two lines), blank lines
  for the signature, then the name — which may be missing (then it stays empty: a position is
  never put in the name), or printed only in another Salinan block.
"""

from __future__ import annotations

import re

from ..dates import parse_tanggal

TABLE_MARK = "\x00TABEL"

_SALINAN = re.compile(r"salinan\s+sesuai\s+dengan\s+aslinya", re.I)
_TTD = re.compile(r"^[(\[]?\s*(?:ttd|t\.\s?t\.\s?d|td|t\.\s?d|dto|cap\s*/\s*ttd|ttd\s*/\s*cap|"
                  r"ttd\s*(?:&|dan)\s*cap)\.?\s*[)\]]?\.?$", re.I)
_JABATAN_START = re.compile(r"^(?:KETUA|SEKRETARIS\b|KEPALA|KASUBBAG|KASUBAG|KABAG|KASI\b|"
                            r"KASUBBAGIAN|PLT\b|PLT\.|PLH\b|PLH\.|PJ\b|PJ\.|ANGGOTA|DIREKTUR)",
                            re.I)
_STOP = re.compile(r"^(?:LAMPIRAN\b|Tembusan\b|Ditetapkan\b|KEPUTUSAN\b|NOMOR\b)", re.I)
_DITETAPKAN = re.compile(r"^Ditetapkan\s+di\s*:?\s*(.*)$", re.I)
_TANGGAL = re.compile(r"^(?:pada\s+)?tanggal\s*:?\s*(.+)$", re.I)
_NIP = re.compile(r"^NIP\b", re.I)
_STAMP = re.compile(r"^(?:materai|meterai|cap|stempel|\(?cap dinas\)?)\b", re.I)
_TITLE_START = re.compile(r"^(?:RENCANA|MATRIKS|MATRIK|TABEL|PROGRAM|ROADMAP|PETA)\b")
_OFFICE = re.compile(r"^(?:SEKRETARIAT|KOMISI|KPU|KIP|KANTOR|BADAN|DINAS|KABUPATEN|KOTA|PROVINSI)\b",
                     re.I)


def _is_upper(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def _next_nonblank(lines: list[str], i: int, limit: int = 4) -> int | None:
    seen = 0
    for j in range(i, len(lines)):
        if lines[j] == TABLE_MARK:
            return None
        if lines[j]:
            return j
        seen += 1
        if seen > limit:
            return None
    return None


def _block_end(line: str) -> bool:
    return line == TABLE_MARK or bool(line and (_SALINAN.search(line) or _STOP.match(line)))


def signature_block(lines: list[str], start: int) -> tuple[str, str, str, int, bool]:
    """Lines from ``start``: (position, name, signature mark as printed, index of the position,
    whether the position ends with a comma)."""
    i = _next_nonblank(lines, start)
    if i is None:
        return "", "", "", -1, False
    first = i
    group: list[str] = []
    while i < len(lines) and lines[i] and lines[i] != TABLE_MARK:
        if _SALINAN.search(lines[i]) or _STOP.match(lines[i]):
            break
        group.append(lines[i])
        i += 1
    name = mark = ""
    jabatan_lines = group
    for k, line in enumerate(group):          # "KETUA …," / "ttd" / "NAME" without blank lines
        if _TTD.match(line):
            jabatan_lines, mark = group[:k], line
            rest = [g for g in group[k + 1:] if not _TTD.match(g)]
            name = rest[0] if rest else ""
            break
    else:
        for k, line in enumerate(group[:-1]):
            if line.endswith(","):
                jabatan_lines, name = group[:k + 1], group[k + 1]
                break
    if not name:
        j = i
        while j < len(lines) and j - i <= 12:
            line = lines[j]
            if _block_end(line):
                break
            if line and _TTD.match(line):
                mark = mark or line
            elif line and not _STAMP.match(line):
                name = line
                break
            j += 1
    jabatan = " ".join(jabatan_lines).strip()
    comma = jabatan.endswith(",")
    jabatan = jabatan.rstrip(",").strip()
    name = re.sub(r"^NIP\.?.*$", "", name).strip().rstrip(",")
    if _JABATAN_START.match(name) and name.upper() == name and name.endswith(","):
        name = ""                              # a position, not a name
    return jabatan, name, mark, first, comma


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


def read_signature(lines: list[str], ident) -> None:
    """Place, date, signer and mark into ``ident``; the Lampiran's own closing block (under
    the table) gives the conventions it prints with: its mark and its position's comma."""
    blocks: list[tuple] = []     # (where, jabatan, name, mark, at, comma)
    for i, line in enumerate(lines):
        m = _DITETAPKAN.match(line) if line != TABLE_MARK else None
        if not m:
            continue
        tempat = m.group(1).strip().rstrip(",").strip()
        date_text = ""
        after = i + 1
        if "," in tempat:
            head, tail = tempat.split(",", 1)
            if parse_tanggal(tail.strip()):
                tempat, date_text = head.strip(), tail.strip()
        if not date_text:
            k = _next_nonblank(lines, i + 1, limit=2)
            if k is not None and _TANGGAL.match(lines[k]):
                date_text = _TANGGAL.match(lines[k]).group(1).strip()
                after = k + 1
        if not blocks:
            ident.tempat = tempat
            if date_text:
                day = parse_tanggal(date_text.rstrip(",."))
                if day:
                    ident.tanggal = day.isoformat()
                else:
                    ident.tanggal_tertulis = date_text
        blocks.append(("keputusan", *signature_block(lines, after)))
        break
    # the Lampiran's own closing block, under the table ("KETUA …," / ttd / NAME)
    last_table = max((i for i, line in enumerate(lines) if line == TABLE_MARK), default=-1)
    used = {b[4] for b in blocks}
    for i in range(last_table + 1, len(lines)):
        line = lines[i]
        if line and _JABATAN_START.match(line) and not _SALINAN.search(line):
            block = signature_block(lines, i)
            if block[3] not in used:
                blocks.append(("lampiran", *block))
            break
    if not blocks:
        return
    named = [b for b in blocks if b[2]]
    chosen = named[0] if named else blocks[0]
    ident.jabatan_penandatangan = chosen[1] or next((b[1] for b in blocks if b[1]), "")
    ident.penandatangan = chosen[2]
    ident.tanda_tangan = chosen[3] or next((b[3] for b in blocks if b[3]), "")
    own = next((b for b in blocks if b[0] == "lampiran"), None)
    if own is None and last_table >= 0 and blocks[0][4] > last_table:
        own = blocks[0]                  # "Ditetapkan di …" under the table: the Lampiran's
    ident.penutup_lampiran = own is not None
    if own is not None and (own[2] or own[3]):
        ident.tanda_tangan = own[3]      # the Lampiran prints its own mark (or none)
    with_position = own if own is not None and own[1] else chosen
    if with_position[1]:
        ident.koma_jabatan = with_position[5]
    if named and named[0] is not blocks[0] and blocks[0][0] == "keputusan":
        ident.warnings.append(f"Nama penanda tangan tidak ada pada blok tanda tangan keputusan; "
                              f"diambil dari akhir Lampiran (\"{chosen[2]}\").")
    if len(named) > 1 and not _same(named[0][2], named[1][2]):
        ident.warnings.append(f"Penanda tangan keputusan (\"{named[0][2]}\") berbeda dengan "
                              f"penanda tangan di akhir Lampiran (\"{named[1][2]}\"); dipakai "
                              f"\"{named[0][2]}\" — periksa.")


# --- Salinan sesuai dengan aslinya -------------------------------------------------------------

def _salinan_block(lines: list[str], i: int) -> dict:
    m = _SALINAN.search(lines[i])
    block: list[str] = []
    rest = lines[i][m.end():].strip(" :,.")
    if rest:
        block.append(rest)
    j = i + 1
    while j < len(lines) and len(block) < 24:
        line = lines[j]
        if _block_end(line):
            break
        block.append(line)
        j += 1
    entries: list[tuple[str, bool]] = []           # (line, blank line(s) before it)
    gap = False
    for line in block:
        if not line:
            gap = bool(entries)
            continue
        if _TTD.match(line) or _STAMP.match(line):
            gap = True
            continue
        entries.append((line, gap))
        gap = False
    office: list[str] = []
    position: list[str] = []
    name = ""
    k = 0
    while k < len(entries) and len(office) < 3:
        line, gap_before = entries[k]
        if (gap_before and office) or _JABATAN_START.match(line) or _NIP.match(line):
            break
        if not (_is_upper(line) or _OFFICE.match(line)):
            break
        office.append(line)
        k += 1
    while k < len(entries):
        line, gap_before = entries[k]
        if position and gap_before:
            break
        if _NIP.match(line):
            break
        position.append(line)
        k += 1
    # no blank line before the name: "Sekretaris," / "NAMA" in one group
    if k >= len(entries) and len(position) >= 2 and position[-2].endswith(",") \
            and not position[-1].endswith(",") and not _JABATAN_START.match(position[-1]):
        name = position.pop()
    elif k < len(entries):
        line = entries[k][0]
        if not _NIP.match(line) and not _JABATAN_START.match(line) and not line.endswith(",") \
                and not _TITLE_START.match(line) and len(line) <= 80 and len(line.split()) <= 9:
            name = line
    if not position and office:               # only one group: its last line is the position
        position = [office.pop()]
    return {"kantor": " ".join(office).strip().rstrip(","),
            "jabatan": " ".join(position).strip().rstrip(","),
            "nama": name.strip().rstrip(",")}


def read_salinan(lines: list[str], ident) -> None:
    found = [_salinan_block(lines, i) for i, line in enumerate(lines)
             if line != TABLE_MARK and _SALINAN.search(line)]
    if not found:
        return
    named = [b for b in found if b["nama"]]
    best = dict(named[0] if named else found[0])
    for other in found:
        for key in ("kantor", "jabatan"):
            if not best[key] and other[key]:
                best[key] = other[key]
    if not best["nama"]:
        ident.warnings.append("Nama pada blok \"Salinan sesuai dengan aslinya\" tidak ada di "
                              "sumber; isi sendiri di bagian Identitas.")
    ident.salinan = best


# --- the table's own title ------------------------------------------------------------------

def table_title(lines: list[str]) -> str:
    """The block of capital lines right above the first table row, when it is not the
    decree's own heading (the subject after TENTANG, the number)."""
    from .lampiran import area_heading
    try:
        first = lines.index(TABLE_MARK)
    except ValueError:
        return ""
    k = first - 1
    while k >= 0 and (not lines[k] or area_heading(lines[k]) is not None):
        k -= 1
    block: list[str] = []
    while k >= 0 and lines[k] and lines[k] != TABLE_MARK and len(block) < 6:
        block.insert(0, lines[k])
        k -= 1
    starts = [n for n, b in enumerate(block) if _TITLE_START.match(b)]
    if starts:
        block = block[starts[-1]:]
    if not block or not all(_is_upper(b) for b in block):
        return ""
    if re.match(r"^(?:NOMOR|TENTANG|KEPUTUSAN|LAMPIRAN|SALINAN)\b", block[0]):
        return ""
    before = k
    while before >= 0 and not lines[before]:
        before -= 1
    if before >= 0 and re.match(r"^(?:TENTANG|T E N T A N G)\s*:?$", lines[before].upper()):
        return ""
    text = " ".join(block)
    return re.sub(r"\s+", " ", text).strip() if len(text) <= 400 else ""
