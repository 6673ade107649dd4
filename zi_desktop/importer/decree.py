"""The decree's identity from the text around the Lampiran table.

Read from the lines outside the table, in this order of the decree:

    KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KUDUS      → satker
    NOMOR 14 TAHUN 2025                                  → nomor "14", decree year 2025
    TENTANG / RENCANA AKSI … TAHUN 2025                  → tentang, plan year 2025
    Ditetapkan di Kudus / pada tanggal 2 Januari 2025    → tempat, tanggal "2025-01-02"
    KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUDUS, / ttd. / AHMAD AMIR FAISOL
                                                         → jabatan_penandatangan, penandatangan
    Salinan sesuai dengan aslinya / office / position / name   → salinan

Convention for ``satker``: the unit as users write it — "Komisi Pemilihan Umum" shortened to
"KPU" (and "Komisi Independen Pemilihan" to "KIP"), the rest in title case:
"KOMISI PEMILIHAN UMUM KABUPATEN KUDUS" → "KPU Kabupaten Kudus". Everything else is kept as
printed (upper case stays upper case), with line breaks joined by spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .body import read_body
from .conventions import lampiran_nomor_style, repeats_ditetapkan

from .signature import TABLE_MARK, _next_nonblank, read_salinan as _read_salinan, \
    read_signature as _read_signature, table_title


@dataclass
class Identity:
    satker: str = ""
    nomor: str = ""
    tahun_nomor: int | None = None       # year in "NOMOR 14 TAHUN 2025"
    tahun_judul: int | None = None       # "… TAHUN 2025" ending the subject
    tentang: str = ""
    tempat: str = ""
    tanggal: str = ""                    # ISO
    tanggal_tertulis: str = ""           # as written, when it could not be read
    jabatan_penandatangan: str = ""
    penandatangan: str = ""
    salinan: dict = field(default_factory=lambda: {"kantor": "", "jabatan": "", "nama": ""})
    keputusan: dict = field(default_factory=dict)   # the body (importer/body.py), plan-dict shape
    menetapkan: str = ""                 # "Menetapkan : KEPUTUSAN … TENTANG …" as written
    judul_tabel: str = ""                # the table's own title, above the Lampiran table
    tanda_tangan: str | None = None      # the signature mark as printed ("" = none); None: no block
    koma_jabatan: bool | None = None     # the signer's position printed with a comma after it
    penutup_lampiran: bool = False       # a closing block under the Lampiran table
    cetak: dict = field(default_factory=dict)   # print conventions read here (.conventions)
    warnings: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.nomor or self.satker or self.tanggal or self.penandatangan)


_KEPUTUSAN = re.compile(r"^KEPUTUSAN\b\s*(.*)$")
_NOMOR = re.compile(r"^NOMOR\s*:?\s*(.+?)(?:\s+TAHUN\s+((?:19|20)\d\d))?\b(.*)$", re.I)
_TENTANG = re.compile(r"^T\s*E\s*N\s*T\s*A\s*N\s*G\b\s*:?\s*(.*)$")
_OFFICER = re.compile(r"^(?:KETUA|SEKRETARIS|KEPALA|PLT\.?|PLH\.?)\s+(?=\S)")
_YEAR_END = re.compile(r"\bTAHUN\s+((?:19|20)\d\d)\W*$", re.I)

_SMALL = {"dan", "di", "ke", "dari", "untuk", "pada", "atas", "yang"}
_KEEP_UPPER = {"KPU", "KIP", "RI", "DKI", "DIY", "BPS", "BPKP", "ATR/BPN", "BPN", "KPK", "PPID",
               "SDM", "TNI", "POLRI", "II", "III", "IV"}


def _lines(outside: list[str]) -> list[str]:
    out = []
    for line in outside:
        if line == TABLE_MARK:
            out.append(TABLE_MARK)
            continue
        t = line.replace("**", "").replace("__", "")
        t = re.sub(r"^#+\s*", "", t)
        t = re.sub(r"\s+", " ", t).strip()
        out.append(t)
    return out


def _is_upper(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def satker_name(unit: str) -> str:
    """"KOMISI PEMILIHAN UMUM KABUPATEN KUDUS" → "KPU Kabupaten Kudus"."""
    unit = re.sub(r"\s+", " ", unit).strip().rstrip(",.")
    if not unit:
        return ""
    if _is_upper(unit):
        words = []
        for i, w in enumerate(unit.split(" ")):
            if w in _KEEP_UPPER or not re.search(r"[AEIOU]", w):
                words.append(w)
            elif i and w.lower() in _SMALL:
                words.append(w.lower())
            else:
                words.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
        unit = " ".join(words)
    unit = re.sub(r"\bKomisi Pemilihan Umum\b", "KPU", unit, flags=re.I)
    unit = re.sub(r"\bKomisi Independen Pemilihan\b", "KIP", unit, flags=re.I)
    return unit


def read_identity(outside: list[str]) -> Identity:
    lines = _lines(outside)
    ident = Identity()
    ident.keputusan, ident.menetapkan = read_body("\n".join(outside))
    _read_heading(lines, ident)
    _read_signature(lines, ident)
    _read_salinan(lines, ident)
    ident.judul_tabel = table_title(lines)
    _read_conventions(lines, ident)
    if not ident.satker and ident.jabatan_penandatangan:
        unit = _OFFICER.sub("", ident.jabatan_penandatangan.upper()) \
            if _is_upper(ident.jabatan_penandatangan) else \
            re.sub(r"^(?:Ketua|Sekretaris|Kepala)\s+", "", ident.jabatan_penandatangan)
        if unit != ident.jabatan_penandatangan:
            ident.satker = satker_name(unit)
    return ident


def _read_conventions(lines: list[str], ident: Identity) -> None:
    """The LAMPIRAN block's NOMOR style and the closing block's conventions → ``ident.cetak``."""
    gaya = lampiran_nomor_style(lines)
    if gaya:
        ident.cetak["gaya_nomor"] = gaya
    if ident.tanda_tangan is not None:
        ident.cetak["tanda_tangan"] = ident.tanda_tangan
    ulang = repeats_ditetapkan(lines, ident.penutup_lampiran)
    if ulang is not None:
        ident.cetak["ulang_ditetapkan"] = ulang
    if ident.koma_jabatan is not None:
        ident.cetak["koma_jabatan"] = ident.koma_jabatan


def _read_heading(lines: list[str], ident: Identity) -> None:
    nomor_at = None
    for i, line in enumerate(lines):
        m = _KEPUTUSAN.match(line.upper()) if line != TABLE_MARK else None
        if not m:
            continue
        rest = line[len(line) - len(m.group(1)):] if m.group(1) else ""
        parts = [rest] if rest else []
        j = i + 1
        while j < len(lines) and len(parts) < 4:
            nxt = lines[j]
            if nxt == TABLE_MARK:
                break
            if nxt:
                if _NOMOR.match(nxt) or _TENTANG.match(nxt.upper()):
                    break
                if _is_upper(line) and not _is_upper(nxt):
                    break
                parts.append(nxt)
            j += 1
        k = _next_nonblank(lines, j)
        has_nomor = k is not None and bool(_NOMOR.match(lines[k]))
        if not _is_upper(line) and not has_nomor:
            continue        # "Keputusan ini mulai berlaku …": a sentence, not the heading
        unit = " ".join(parts)
        unit = re.sub(r"^(?:Ketua|Sekretaris|Kepala|Plt\.?|Plh\.?)\s+(?=\S)", "",
                      _OFFICER.sub("", unit))
        ident.satker = satker_name(unit)
        if has_nomor:
            nomor_at = k
        break
    if nomor_at is None:
        for i, line in enumerate(lines[:400]):
            if line != TABLE_MARK and _NOMOR.match(line) and line[:5].isupper():
                nomor_at = i
                break
    if nomor_at is None:
        return
    m = _NOMOR.match(lines[nomor_at])
    nomor, year, rest = m.group(1).strip(), m.group(2), m.group(3).strip()
    if not year:
        # "NOMOR 123/PP.01-Kpt/3319/KPU-Kab/2025 TENTANG …" — no "TAHUN"
        nomor = re.split(r"\s+TENTANG\b", lines[nomor_at][m.start(1):], flags=re.I)[0].strip()
        rest = lines[nomor_at][m.start(1) + len(nomor):].strip()
        tail = re.search(r"/((?:19|20)\d\d)$", nomor)
        year = tail.group(1) if tail else None
    ident.nomor = nomor.rstrip(",.")
    ident.tahun_nomor = int(year) if year else None
    # TENTANG: inline after the number, on its own line, or starting a line
    tentang: list[str] = []
    start = None
    if rest and _TENTANG.match(rest.upper()):
        first = _TENTANG.match(rest.upper()).group(1)
        tentang = [rest[len(rest) - len(first):]] if first else []
        start = nomor_at + 1
    else:
        k = _next_nonblank(lines, nomor_at + 1)
        if k is not None and _TENTANG.match(lines[k].upper()):
            first = lines[k][len(lines[k]) - len(_TENTANG.match(lines[k].upper()).group(1)):] \
                if _TENTANG.match(lines[k].upper()).group(1) else ""
            if first:
                tentang = [first]
                start = k + 1
            else:
                start = _next_nonblank(lines, k + 1)
    if start is not None:
        j = start
        while j < len(lines) and len(tentang) < 10:
            line = lines[j]
            if not line or line == TABLE_MARK:
                break
            if re.match(r"^(?:KETUA|SEKRETARIS|KEPALA|DENGAN RAHMAT|Menimbang|- Menimbang)",
                        line) and tentang:
                break
            tentang.append(line)
            j += 1
    text = " ".join(tentang).strip().rstrip(",")
    ident.tentang = text
    m = _YEAR_END.search(text)
    if m:
        ident.tahun_judul = int(m.group(1))


