"""The decree body from the decree's text: Menimbang, Mengingat, Memperhatikan, Menetapkan and
the diktum, and the Lampiran's chapters before the table.

    parse_keputusan(text) -> {"menimbang": [...], "mengingat": [...], "memperhatikan": [...],
                              "diktum": [...], "bab": [{"judul", "isi"}], "menetapkan": "…"}

``text`` is the text outside the Lampiran table (``decree.read_identity`` passes its lines,
the table standing as one ``TABLE_MARK`` line; text, .docx and .pdf imports all come this way).
Items are found by their labels in sequence (a., b. …; 1., 2. …; KESATU …), so a line that a
page break cut off — with or without a list dash in front — joins the item before it. Chapters
are headings numbered in sequence after the LAMPIRAN block ("1. Pendahuluan", "BAB II", "III.
…"); a list "1." inside a chapter is not the next chapter's number. Paragraphs and list items
stay one per line; lines a page break split are joined.
"""

from __future__ import annotations

import re

from ..keputusan import BAGIAN, MENETAPKAN, empty

TABLE_MARK = "\x00TABEL"

_SECTION = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*:?\s*(.*)$", re.I)
_MEMUTUSKAN = re.compile(r"^M\s*E\s*M\s*U\s*T\s*U\s*S\s*K\s*A\s*N\s*:?$", re.I)
_DIKTUM = re.compile(r"^(KE(?:SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH|"
                     r"SEBELAS)(?:\s+(?:BELAS|PULUH)(?:\s+[A-Z]+)?)?)\s*:\s*(.*)$")
_END = re.compile(r"^(?:Ditetapkan\s+di\b|Salinan\s+sesuai|LAMPIRAN\b|Tembusan\b)", re.I)
_LETTER = re.compile(r"^([a-z])[.)]\s+(.*)$")
_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(.*)$")
_DASH = re.compile(r"^[-–•]\s+")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*]+?)(?<!\s)\*(?![*\w])")
_HEADING_NUMBER = re.compile(r"^(\d{1,2})\.\s+(.+)$")
_HEADING_ROMAN = re.compile(r"^([IVX]{1,5})\.\s+(.+)$")
_HEADING_BAB = re.compile(r"^BAB\s+([IVXLC]+|\d+)\b\.?\s*:?\s*(.*)$", re.I)
_LIST_MARK = re.compile(r"^(?:[a-z]\.|[a-z]\)|\d{1,2}\)|\(\d{1,2}\)|\d{1,2}\.|[-–•])\s+")
_AREA_WORDS = ("MANAJEMEN PERUBAHAN", "TATA LAKSANA", "TATALAKSANA", "SISTEM MANAJEMEN",
               "AKUNTABILITAS", "PENGAWASAN", "PELAYANAN PUBLIK", "INOVASI")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
          "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}


def _tidy(text: str) -> str:
    """One line as plain text: no markdown emphasis, single spaces, PDF hyphen gaps closed
    ("Undang- Undang" → "Undang-Undang")."""
    t = text.replace("**", "").replace("__", "")
    t = re.sub(r"^#+\s*", "", t.strip())
    t = _ITALIC.sub(r"\1", t)
    t = re.sub(r"(?<=\w)- (?=[A-Z])", "-", t)
    return " ".join(t.split())


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    return f"{a} {b}"


def _lines(text: str) -> list[str]:
    """Tidied lines before the Lampiran table (blank lines kept as "")."""
    out = []
    for line in (text or "").splitlines():
        if line.strip() == TABLE_MARK:
            break
        out.append(_tidy(line))
    return out


def _items(lines: list[str], pattern: re.Pattern, first: str) -> list[str]:
    """Items labelled in sequence (a., b. … or 1., 2. …); other lines continue the item before."""
    items: list[str] = []
    expected = first
    for raw in lines:
        line = _DASH.sub("", raw)
        if not line:
            continue
        m = pattern.match(line)
        if m and m.group(1) == expected:
            items.append(m.group(2))
            expected = _next(expected)
        elif items:
            items[-1] = _join(items[-1], line)
        else:
            items.append(line)           # one item without a label
            expected = _next(first)
    return [i.strip() for i in items if i.strip()]


def _next(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _diktum(lines: list[str]) -> list[str]:
    out: list[str] = []
    for raw in lines:
        line = _DASH.sub("", raw)
        if not line:
            continue
        m = _DIKTUM.match(line)
        if m:
            out.append(m.group(2))
        elif out:
            out[-1] = _join(out[-1], line)
    return [d.strip() for d in out if d.strip()]


def _body_sections(lines: list[str]) -> tuple[dict[str, list[str]], int]:
    """Lines of each part of the body, and the index where the body ends."""
    parts: dict[str, list[str]] = {}
    current = None
    end = len(lines)
    for i, raw in enumerate(lines):
        line = _DASH.sub("", raw)
        m = _SECTION.match(line)
        if m:
            current = m.group(1).lower()
            parts[current] = [m.group(2)] if m.group(2) else []
            continue
        if _MEMUTUSKAN.match(line):
            current = "memutuskan"
            parts.setdefault(current, [])
            continue
        if current is not None and _END.match(line):
            end = i
            break
        if current == "menetapkan" and _DIKTUM.match(line):
            current = "diktum"
            parts[current] = []
        if current is not None:
            parts[current].append(raw)
    return parts, end


def _menetapkan(parts: dict[str, list[str]]) -> str:
    """What the decree writes after "Menetapkan :" (its title in capitals), or ""."""
    return " ".join(" ".join(_DASH.sub("", x) for x in parts.get("menetapkan", [])).split())


def parse_keputusan(text: str) -> dict:
    """The plan dict's ``"keputusan"`` read from the decree text (empty lists where absent)."""
    lines = _lines(text)
    parts, end = _body_sections(lines)
    body = empty()
    body["menimbang"] = _items(parts.get("menimbang", []), _LETTER, "a")
    body["mengingat"] = _items(parts.get("mengingat", []), _NUMBER, "1")
    body["memperhatikan"] = _items(parts.get("memperhatikan", []), _NUMBER, "1")
    body["diktum"] = _diktum(parts.get("diktum", []))
    body[MENETAPKAN] = _menetapkan(parts)          # stored as written (Periksa compares it)
    if not any(body[b] for b in BAGIAN):
        end = 0                          # no body: chapters may still follow a LAMPIRAN line
    body["bab"] = _chapters(lines[end:])
    return body


# --- the Lampiran's chapters ------------------------------------------------------------------

def _heading(line: str, style: str | None, expected: int) -> tuple[str, str] | None:
    """(style, title) when ``line`` is chapter heading number ``expected``."""
    m = _HEADING_BAB.match(line)
    if m and style in (None, "bab"):
        n = int(m.group(1)) if m.group(1).isdigit() else _ROMAN.get(m.group(1).upper())
        return ("bab", m.group(2)) if n == expected else None
    for name, pattern in (("angka", _HEADING_NUMBER), ("romawi", _HEADING_ROMAN)):
        m = pattern.match(line)
        if not m or style not in (None, name):
            continue
        n = int(m.group(1)) if name == "angka" else _ROMAN.get(m.group(1))
        title = m.group(2).strip()
        if (n == expected and len(title) <= 90 and title[:1].isupper()
                and not re.search(r"[;,.:]$", title)):
            return name, title
    return None


def _chapters(lines: list[str]) -> list[dict]:
    """Chapters after the LAMPIRAN block, up to the table (its title or area heading)."""
    start = next((i for i, line in enumerate(lines) if re.match(r"^LAMPIRAN\b", line, re.I)), 0)
    chapters: list[dict] = []
    style = None
    paragraphs: list[str] = []
    want_title = False
    for raw in lines[start + 1:]:
        line = raw.strip()
        if not line:
            continue
        found = _heading(_DASH.sub("", line), style, len(chapters) + 1)
        if found:
            if chapters:
                chapters[-1]["isi"] = "\n".join(paragraphs)
            style, title = found
            chapters.append({"judul": title, "isi": ""})
            paragraphs = []
            want_title = not title
            continue
        if not chapters:
            continue
        if want_title:
            chapters[-1]["judul"] = line
            want_title = False
            continue
        if re.match(r"^RENCANA AKSI\b", line) and line == line.upper():
            break                         # the table's own title: the chapters are over
        paragraphs = _add_line(paragraphs, line)
    if chapters:
        chapters[-1]["isi"] = "\n".join(paragraphs)
    # an area heading right above the table ("I. MANAJEMEN PERUBAHAN") is not a chapter
    while chapters and not chapters[-1]["isi"] and any(
            w in chapters[-1]["judul"].upper() for w in _AREA_WORDS):
        chapters.pop()
    return chapters


def _add_line(paragraphs: list[str], line: str) -> list[str]:
    """A paragraph or list item on its own line; a line a page break split joins the one
    before (that one ends without punctuation and this one is no new list item)."""
    dash = _DASH.match(line)
    text = _DASH.sub("", line)
    marked = bool(_LIST_MARK.match(text))
    if paragraphs:
        prev = paragraphs[-1]
        short_heading = bool(_LIST_MARK.match(prev)) and len(prev) < 80
        if not marked and not re.search(r"[.;:!?]$", prev) and not short_heading:
            paragraphs[-1] = _join(prev, text)
            return paragraphs
    paragraphs.append(text if marked or not dash else f"- {text}")
    return paragraphs


def read_body(text: str) -> tuple[dict, str]:
    """(``parse_keputusan(text)``, its Menetapkan) — what the decree import keeps."""
    body = parse_keputusan(text)
    return body, body[MENETAPKAN]


def title_differs(menetapkan_text: str, satker_upper: str, tentang: str) -> bool:
    """True when the decree's "Menetapkan :" is not "KEPUTUSAN <unit> TENTANG <subject>"."""
    def norm(t: str) -> str:
        return " ".join(re.sub(r"[^\w/()]+", " ", t.upper()).split())
    if not menetapkan_text or not tentang:
        return False
    return norm(menetapkan_text) != norm(f"KEPUTUSAN {satker_upper} TENTANG {tentang}")


def body_report(body: dict) -> str:
    """The import report's sentence about the body."""
    counts = [(len(body.get("menimbang", [])), "Menimbang"),
              (len(body.get("mengingat", [])), "Mengingat"),
              (len(body.get("memperhatikan", [])), "Memperhatikan"),
              (len(body.get("diktum", [])), "diktum"), (len(body.get("bab", [])), "bab Lampiran")]
    if not any(n for n, _ in counts):
        return "Isi keputusan (Menimbang, Mengingat, diktum) tidak ada di teks."
    parts = [f"{n} {label}" for n, label in counts if n]
    if body.get(MENETAPKAN):
        parts.append("Menetapkan seperti tertulis")
    return "Isi keputusan: " + ", ".join(parts) + "."
