"""Target Waktu free text ⇄ planned months ("YYYY-MM").

Decrees write the schedule of a langkah aksi as free text: "Januari - Desember 2025",
"Maret, Juni, September, Desember 2025", "Triwulan", "Maksimal 31 Oktober 2025" …
``parse_target_waktu`` turns such text into months; ``format_target_waktu`` writes months back
in the decrees' style, and the two round-trip.

Parsing is conservative: the text is cut into known tokens (month names, years, day numbers,
range and list words, periodic words, harmless filler such as "paling lambat"). One word that is
not known, or a token in a place that does not make sense, makes the whole text unrecognized:
a month flagged "bulan belum ditentukan" is better than a month guessed wrong.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .dates import BULAN, NAMA_KE_BULAN, month_range, parse_tanggal, plan_period


@dataclass(frozen=True)
class ScheduleParse:
    months: list[str]      # sorted "YYYY-MM"
    recognized: bool       # False: text kept, no months set → flagged "bulan belum ditentukan"


# ---------------------------------------------------------------------------------------------
# Months → text
# ---------------------------------------------------------------------------------------------

def format_target_waktu(months: list[str]) -> str:
    """Months → decree text.

    Consecutive months become a run "Januari - Maret"; the items of one year are joined with
    " dan " when there are two, with ", " when more, and the year is written once at the end:
    "Januari - Maret dan Juni 2025", "Maret, Juni, September, Desember 2025". Years are joined
    with ", " and a last " dan "; a run across the new year carries both years:
    "November 2025 - Februari 2026".
    """
    indexes = sorted({_index(m) for m in months})
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])

    groups: list[str] = []
    year, items = None, []

    def flush() -> None:
        if items:
            groups.append(f"{_join(items, ' dan ' if len(items) == 2 else ', ')} {year}")
            items.clear()

    for first, last in runs:
        if first // 12 != last // 12:  # a run across the new year stands alone, with both years
            flush()
            year = None
            groups.append(f"{_name(first)} {first // 12} - {_name(last)} {last // 12}")
            continue
        if first // 12 != year:
            flush()
            year = first // 12
        items.append(_name(first) if first == last else f"{_name(first)} - {_name(last)}")
    flush()
    return _join(groups, " dan ")


def _index(ym: str) -> int:
    year, month = ym.split("-")
    if not 1 <= int(month) <= 12:
        raise ValueError(f"bulan tidak sah: {ym!r}")
    return int(year) * 12 + int(month) - 1


def _ym(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _name(index: int) -> str:
    return BULAN[index % 12]


def _join(parts: list[str], last_sep: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last_sep + parts[-1]


# ---------------------------------------------------------------------------------------------
# Text → months: tokens
# ---------------------------------------------------------------------------------------------

_MONTH_WORDS = "|".join(sorted(NAMA_KE_BULAN, key=len, reverse=True))
_ORDINAL = r"(?:pertama|kedua|ketiga|keempat|kelima|terakhir|ke\s*-?\s*\d{1,2})"
_EVERY = r"(?:setiap|tiap(?:\s*-\s*tiap)?|per)\s*-?\s*"

# Order matters: at each position the first alternative that matches wins.
_TOKENS = [
    ("space", r"\s+"),
    # Numeric dates go to dateutil (parse_tanggal: ISO first, then day-first).
    ("date", r"\d{4}-\d{1,2}-\d{1,2}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b"),
    # "Triwulan I", "TW 2", "Semester II": the last month of that quarter / half year.
    ("quarter_n", r"(?:triwulan|tw)\s*(?:ke\s*-?\s*)?(?:iv|iii|ii|i|[1-4])\b"),
    ("half_n", r"semester\s*(?:ke\s*-?\s*)?(?:ii|i|[12])\b"),
    ("monthly", _EVERY + r"bulan\b|perbulan\b|bulanan\b|sebulan\s+sekali\b|sepanjang\s+tahun\b"
                r"|(?:setiap|tiap)\s+(?:hari|minggu|pekan)\b|harian\b|mingguan\b"),
    ("quarterly", r"(?:" + _EVERY + r")?triwulan(?:an)?\b|(?:" + _EVERY + r")?kuartal(?:an)?\b"
                  r"|" + _EVERY + r"(?:3|tiga)\s+bulan\b|(?:3|tiga)\s+bulan(?:an|\s+sekali)\b"),
    ("half", r"(?:" + _EVERY + r")?semester(?:an)?\b"
             r"|" + _EVERY + r"(?:6|enam)\s+bulan\b|(?:6|enam)\s+bulan(?:an|\s+sekali)\b"),
    # Words that place a date inside its month or say "by then": they do not change the month.
    ("filler", r"(?:minggu|pekan)\s+" + _ORDINAL + r"|evaluasi\s+" + _ORDINAL
               + r"|paling\s+lambat\b|selambat\s*-\s*lambatnya\b|selambatnya\b|maksimal\b|maks\b"
                 r"|sebelum\b|pada\b|di\b|dalam\b|bulan\b|tahun\b|t\.\s*a\b|ta\b|tanggal\b|tgl\b"
                 r"|awal\b|pertengahan\b|akhir\b|rutin\b"),
    ("range", r"s\s*[./]\s*d\b|sd\b|sampai(?:\s+dengan)?\b|hingga\b|[-–—]"),
    ("from", r"mulai(?:\s+dari)?\b|dari\b"),
    ("sep", r"dan\b|serta\b|[,;&+•()\n]"),
    ("month", r"(?:" + _MONTH_WORDS + r")\b"),
    ("year", r"(?:19|20|21)\d\d\b"),
    ("day", r"\d{1,2}\b"),
    ("roman", r"(?:iv|iii|ii|i)\b"),
    ("punct", r"[.:*]"),
    ("unknown", r"\w+|."),
]
_SCANNER = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _TOKENS))
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:br|li|p|div|ul|ol|tr|td)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def _tokens(text: str) -> list[tuple[str, object]] | None:
    """Clean text → [(kind, value)], or None when a word is not understood."""
    text = _BLOCK_TAG.sub("\n", text)  # list items and line breaks separate like a comma
    text = html.unescape(_TAG.sub(" ", text)).lower()
    out: list[tuple[str, object]] = []
    for m in _SCANNER.finditer(text):
        kind, word = m.lastgroup, m.group()
        if kind in ("space", "filler", "punct"):
            continue
        if kind == "unknown":
            return None
        if kind == "month":
            out.append(("month", NAMA_KE_BULAN[word]))
        elif kind in ("year", "day"):
            out.append((kind, int(word)))
        elif kind == "date":
            day = parse_tanggal(word)
            if day is None:
                return None
            out.append(("date", (day.year, day.month)))
        elif kind in ("quarter_n", "half_n"):
            number = re.search(r"(iv|iii|ii|i|\d)$", word).group()
            out.append((kind, _ROMAN.get(number) or int(number)))
        elif kind == "roman":
            out.append(("roman", _ROMAN[word]))
        else:
            out.append((kind, None))
    return out


# ---------------------------------------------------------------------------------------------
# Text → months: meaning
# ---------------------------------------------------------------------------------------------

class _Bad(Exception):
    """The text does not read as a schedule."""


@dataclass
class _Ref:
    """One month as written: its number, the year written right after it, where it stood."""
    month: int
    year: int | None
    pos: int
    rangeable: bool = True   # "Triwulan I" cannot be the end of a range


_PERIODIC = {"monthly": range(1, 13), "quarterly": (3, 6, 9, 12), "half": (6, 12)}


def parse_target_waktu(text: str, tahun: int, bulan_mulai: str | None = None,
                       jumlah_bulan: int = 12) -> ScheduleParse:
    """Free text → months. ``tahun`` fills a missing year; the plan period (``bulan_mulai``,
    ``jumlah_bulan``; default January–December of ``tahun``) gives "every month" its months."""
    period = plan_period({"tahun": tahun, "bulan_mulai": bulan_mulai, "jumlah_bulan": jumlah_bulan})
    tokens = _tokens(text or "")
    if not tokens:
        return ScheduleParse([], False)
    try:
        months = _read(tokens, tahun, period)
    except _Bad:
        months = []
    return ScheduleParse(sorted(set(months)), True) if months else ScheduleParse([], False)


def _read(tokens: list[tuple[str, object]], tahun: int, period: list[str]) -> list[str]:
    """Tokens → months; raises _Bad when a token stands where it makes no sense."""
    terms: list[list[_Ref]] = []        # [ref] for one month, [start, end] for a range
    years: list[tuple[int, int]] = []   # (position, year) of every written year
    periodic: set[str] = set()
    must_be_range: list[int] = []       # "mulai/dari Maret" alone leaves the end open
    tail: _Ref | None = None            # the ref just read: a year or a range word may follow
    open_range = False                  # a range word waits for its end
    chain = None                        # after "Triwulan I", bare numerals name more quarters
    previous = "sep"

    def add(ref: _Ref) -> None:
        nonlocal open_range, tail
        if open_range:
            if not (ref.rangeable and terms[-1][0].rangeable):
                raise _Bad
            terms[-1].append(ref)
            open_range = False
        else:
            terms.append([ref])
        tail = ref

    def numbered(kind: str, number: int, pos: int) -> _Ref:
        # Triwulan n → its last month (3n), Semester n → 6n, as "Triwulan" → Mar/Jun/Sep/Dec.
        size = 3 if kind == "quarter_n" else 6
        if not 1 <= number <= 12 // size:
            raise _Bad
        return _Ref(number * size, None, pos, rangeable=False)

    def kind_at(pos: int) -> str | None:
        return tokens[pos][0] if 0 <= pos < len(tokens) else None

    for pos, (kind, value) in enumerate(tokens):
        if kind == "month":
            add(_Ref(value, None, pos))
        elif kind == "date":
            years.append((pos, value[0]))
            add(_Ref(value[1], value[0], pos))
        elif kind == "year":
            if previous == "year":
                raise _Bad
            years.append((pos, value))
            if tail is not None and tail.year is None:
                tail.year = value       # "Januari 2025": the year of that month
            else:
                tail = None             # "Januari, minggu ke 2 Tahun 2025": a year on its own
        elif kind == "day":
            if not 1 <= value <= 31:
                raise _Bad
            if kind_at(pos + 1) == "month" or (kind_at(pos + 1), kind_at(pos + 2),
                                               kind_at(pos + 3)) == ("range", "day", "month"):
                pass                    # "17 Agustus", "1 - 15 Januari": the day adds nothing
            elif chain and previous == "sep":
                add(numbered(chain, value, pos))    # "Triwulan 1, 2 dan 4"
            else:
                raise _Bad
        elif kind == "range":
            if previous == "day":
                pass                    # the dash of "1 - 15 Januari"
            elif previous == "sep":
                pass                    # a list bullet: "- Januari 2025"
            elif previous == "month" and kind_at(pos + 1) == "year":
                pass                    # "Jan-2026": month and year, not a range
            elif tail is None or open_range or len(terms[-1]) != 1:
                raise _Bad
            else:
                open_range = True
        elif kind in ("quarter_n", "half_n"):
            add(numbered(kind, value, pos))
            chain = kind
        elif kind == "roman":
            if not chain or previous != "sep":
                raise _Bad
            add(numbered(chain, value, pos))        # "Triwulan I, II dan IV"
        elif kind in _PERIODIC:
            periodic.add(kind)
            tail = None
        elif kind == "from":
            must_be_range.append(len(terms))
            tail = None
        elif kind == "sep":
            if open_range:
                raise _Bad
            tail = None
        if kind not in ("quarter_n", "half_n", "roman", "day", "sep", "year"):
            chain = None
        previous = kind
    if open_range or any(i >= len(terms) or len(terms[i]) != 2 for i in must_be_range):
        raise _Bad

    if periodic:
        if len(periodic) > 1:
            raise _Bad
        kind = periodic.pop()
        if not terms:
            if len(years) > 1:
                raise _Bad
            span = month_range(f"{years[0][1]:04d}-01", 12) if years else period
            return [ym for ym in span if int(ym[5:]) in _PERIODIC[kind]]
        # "Setiap bulan Januari - Maret 2025" says no more than its months; "Triwulan, Juni"
        # mixes two schedules.
        if kind != "monthly":
            raise _Bad
    if not terms:
        raise _Bad
    return _resolve(terms, years, tahun, period)


def _resolve(terms: list[list[_Ref]], years: list[tuple[int, int]], tahun: int,
             period: list[str]) -> list[str]:
    """Give every month its year and expand the ranges.

    A month without a year takes the next year written after it ("Januari dan April 2025"),
    else the last one before it, else its first occurrence in the plan period.
    """
    def after(pos: int) -> int | None:
        return next((y for p, y in years if p > pos), None)

    def before(pos: int) -> int | None:
        return next((y for p, y in reversed(years) if p < pos), None)

    def place(month: int) -> int:
        for ym in period:
            if int(ym[5:]) == month:
                return _index(ym)
        return tahun * 12 + month - 1

    months: list[str] = []
    for term in terms:
        if len(term) == 1:
            ref = term[0]
            year = ref.year or after(ref.pos) or before(ref.pos)
            months.append(_ym(year * 12 + ref.month - 1 if year else place(ref.month)))
            continue
        start, end = term
        if start.year:
            first = start.year * 12 + start.month - 1
        elif end.year or after(end.pos):    # "November - Januari 2026" starts in 2025
            end_year = end.year or after(end.pos)
            first = (end_year - (start.month > end.month)) * 12 + start.month - 1
        elif before(start.pos):
            first = before(start.pos) * 12 + start.month - 1
        elif (start.month, end.month) == (1, 12):   # "Januari - Desember": the whole period
            months.extend(period)
            continue
        else:
            first = place(start.month)
        if end.year:
            last = end.year * 12 + end.month - 1
        else:                               # the first such month from the start on
            last = first + (end.month - start.month) % 12
        if not first <= last < first + 120:
            raise _Bad
        months.extend(_ym(i) for i in range(first, last + 1))
    return months
