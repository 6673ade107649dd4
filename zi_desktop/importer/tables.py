"""Text → a stream of table rows and the lines between them.

Three shapes of table text are read, also mixed in one document:

- tab-separated rows (what Word and Excel put on the clipboard, and what many PDF-to-text tools
  write); Excel quotes a cell that holds a line break (``"a""b\\nc"``), which is understood;
- Markdown pipe tables (``| NO | KOMPONEN | … |`` with a ``|---|`` line under the header);
- HTML-ish tables (``<table><tr><td rowspan=2>…``); ``rowspan``/``colspan`` become the empty
  cells a merged cell leaves in the other shapes.

Cells keep their markup (``<br>``, ``<ul>``, ``<b>`` …); :mod:`.cells` cleans them later, after
cells cut at a page break have been joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Row:
    cells: list[str]        # raw cell text, markup kept
    line: int               # 1-based line in the text (row number in a sheet)
    table: int              # which table (a new Markdown/HTML table, or text between TSV rows)
    header_slot: bool = False   # Markdown: the row above the |---| line
    merged: frozenset = frozenset()  # columns continuing a cell merged from the row above


@dataclass
class Line:
    text: str               # a line of text outside any table (markup kept)
    line: int


@dataclass
class Stream:
    items: list = field(default_factory=list)     # Row | Line, in document order
    formats: set = field(default_factory=set)     # {"TSV", "Markdown", "HTML"}


# possessive quantifiers (Python ≥ 3.11): "|--" + 100k spaces fails in linear time
_MD_SEPARATOR = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")
_MD_SPLIT = re.compile(r"(?<!\\)\|")
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)


_LONG_SPACES = re.compile(r"[ \u00a0]{64,}")


def read(text: str) -> Stream:
    from .bounds import MAX_COLUMNS, MAX_LINE_CHARS, MAX_LINES, MAX_ROWS, too_big
    from . import ImportGagal
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if "  " * 32 in text:
        text = _LONG_SPACES.sub(" ", text)      # runs of spaces carry nothing; regexes stay linear
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        raise ImportGagal(too_big(f"Teks ini ({len(lines)} baris)"))
    for n, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ImportGagal(too_big(f"Baris {n} ({len(line)} karakter)"))
        if line.count("\t") >= MAX_COLUMNS or line.count("|") > MAX_COLUMNS + 1 and line.lstrip().startswith("|"):
            raise ImportGagal(f"Baris {n} memuat terlalu banyak kolom untuk tabel Lampiran "
                              f"(paling banyak {MAX_COLUMNS}); periksa berkasnya.")
    stream = Stream()
    table = 0
    in_tsv = False
    in_md = False
    expected_tabs = 0           # tabs in the last TSV header row
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        # --- HTML table (may start mid-line and span many lines) ---
        m = _TABLE_OPEN.search(line)
        if m:
            before = line[:m.start()]
            if before.strip():
                stream.items.append(Line(before, i + 1))
            j = i
            chunk = [line[m.start():]]
            close = _TABLE_CLOSE.search(chunk[0])
            while not close and j + 1 < n:
                j += 1
                chunk.append(lines[j])
                close = _TABLE_CLOSE.search(lines[j])
            body = "\n".join(chunk)
            end = _TABLE_CLOSE.search(body)
            after = body[end.end():] if end else ""
            body = body[:end.start()] if end else body
            table += 1
            if body.count("<tr") > MAX_ROWS or len(body) > 50 * MAX_LINE_CHARS:
                raise ImportGagal(too_big("Tabel HTML ini"))
            for cells, offset, merged in _html_rows(body):
                stream.items.append(Row(cells, i + 1 + offset, table, merged=merged))
            stream.formats.add("HTML")
            if after.strip():
                stream.items.append(Line(after, j + 1))
            in_tsv = in_md = False
            i = j + 1
            continue
        stripped = line.strip()
        # --- Markdown pipe table ---
        if stripped.startswith("|") or (in_md and "|" in stripped):
            if _MD_SEPARATOR.match(stripped):
                i += 1
                continue
            header = i + 1 < n and bool(_MD_SEPARATOR.match(lines[i + 1].strip())) \
                and "-" in lines[i + 1]
            if header or not in_md:
                table += 1
            stream.items.append(Row(_md_cells(stripped), i + 1, table, header_slot=header))
            stream.formats.add("Markdown")
            in_md, in_tsv = True, False
            i += 1
            continue
        if in_md and not stripped:
            in_md = False
        # --- tab-separated row ---
        if "\t" in line:
            if _TSV_HEADER.search(line):
                expected_tabs = line.rstrip("\n").count("\t")
            stitched = _stitch(lines, i, expected_tabs) if '"' not in line else None
            if stitched is not None:
                cells, i_next = stitched
            else:
                cells, i_next = _tsv_record(lines, i)
            if not in_tsv:
                table += 1
            stream.items.append(Row(cells, i + 1, table))
            stream.formats.add("TSV")
            in_tsv = True
            i = i_next
            continue
        if stripped and in_tsv:
            in_tsv = False      # text between TSV rows: what follows is another table
        stream.items.append(Line(line, i + 1))
        i += 1
    if sum(isinstance(item, Row) for item in stream.items) > MAX_ROWS:
        raise ImportGagal(too_big(f"Tabel ini (lebih dari {MAX_ROWS} baris)"))
    return stream


_TSV_HEADER = re.compile(r"(?:^|\t) *+(?:<[^<>\t]{1,200}> *+)*+(?:KOMPONEN|INDIKATOR) *+(?:<[^<>\t]{1,200}> *+)*+(?:\t|$)")


def _stitch(lines: list[str], i: int, expected: int, max_lines: int = 30):
    """A row that Word split where a cell held several paragraphs: its line has fewer tabs than
    the header, and the lines after it supply exactly the missing ones → one row whose cells
    keep those line breaks. Anything else (too many tabs, no exact total) is left alone."""
    tabs = lines[i].count("\t")
    if not expected or tabs >= expected:
        return None
    for j in range(i + 1, min(len(lines), i + 1 + max_lines)):
        if '"' in lines[j] or lines[j].lstrip().startswith("|") or "<table" in lines[j].lower():
            return None
        tabs += lines[j].count("\t")
        if tabs == expected:
            return "\n".join(lines[i:j + 1]).split("\t"), j + 1
        if tabs > expected:
            return None
    return None


def _md_cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [c.strip().replace("\\|", "|") for c in _MD_SPLIT.split(body)]


def _tsv_record(lines: list[str], i: int) -> tuple[list[str], int]:
    """One tab-separated record starting at line ``i``; Excel's quoting may span lines."""
    line = lines[i]
    if '"' not in line:
        return line.split("\t"), i + 1
    cells: list[str] = []
    pos = 0
    cur_line = i
    text = line
    while True:
        if text.startswith('"', pos):
            quoted = _quoted(lines, cur_line, text, pos)
            if quoted is not None:
                value, cur_line, text, pos = quoted
                cells.append(value)
                if pos >= len(text):
                    return cells, cur_line + 1
                pos += 1    # the tab
                continue
        tab = text.find("\t", pos)
        if tab < 0:
            cells.append(text[pos:])
            return cells, cur_line + 1
        cells.append(text[pos:tab])
        pos = tab + 1


def _quoted(lines, cur_line, text, pos, max_lines=200):
    """Excel-quoted cell at ``text[pos]`` → (value, line index, line text, position after)."""
    out = []
    k = pos + 1
    start_line = cur_line
    while True:
        q = text.find('"', k)
        if q < 0:
            out.append(text[k:])
            if cur_line + 1 >= len(lines) or cur_line - start_line >= max_lines:
                return None
            out.append("\n")
            cur_line += 1
            text = lines[cur_line]
            k = 0
            continue
        if text.startswith('""', q):
            out.append(text[k:q] + '"')
            k = q + 2
            continue
        out.append(text[k:q])
        after = q + 1
        if after == len(text) or text[after] == "\t":
            return "".join(out), cur_line, text, after
        return None     # a quote inside ordinary text: not Excel quoting


_TR = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table|\Z)", re.I | re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>", re.I)
_CELL_END = re.compile(r"</t[dh]\s*>\s*$|</tr\s*>\s*$", re.I)
_SPAN = re.compile(r"(rowspan|colspan)\s*=\s*[\"']?(\d{1,9})", re.I)


def _html_rows(body: str) -> list[tuple[list[str], int, frozenset]]:
    from .bounds import MAX_ROWSPAN, MAX_SPAN
    """``<tr>`` rows → cells, with rowspan/colspan laid out as empty cells; the columns a
    rowspan covers (or a cell marked ``data-merged``, as Word's vMerge is written) are
    returned as merged."""
    rows: list[tuple[list[str], int, frozenset]] = []
    carry: dict[int, int] = {}      # column → rows still covered by a rowspan above
    offset, counted = 0, 0
    for tr in _TR.finditer(body):
        offset += body.count("\n", counted, tr.start())     # counted on, not from the start
        counted = tr.start()
        content = tr.group(1)
        starts = list(_CELL.finditer(content))
        cells: list[str] = []
        merged: set[int] = set()
        col = 0

        def skip_covered():
            nonlocal col
            while carry.get(col, 0) > 0:
                carry[col] -= 1
                cells.append("")
                merged.add(col)
                col += 1

        for k, m in enumerate(starts):
            end = starts[k + 1].start() if k + 1 < len(starts) else len(content)
            inner = content[m.end():end]
            inner = re.sub(r"</tr\s*>\s*$", "", inner.strip(), flags=re.I)
            inner = re.sub(r"</t[dh]\s*>\s*$", "", inner.strip(), flags=re.I).strip()
            spans = {a.lower(): int(b) for a, b in _SPAN.findall(m.group(2))}
            skip_covered()
            width = min(max(1, spans.get("colspan", 1)), MAX_SPAN, max(1, MAX_SPAN - col))
            height = min(max(1, spans.get("rowspan", 1)), MAX_ROWSPAN)
            if "data-merged" in m.group(2):
                merged.add(col)
            for w in range(width):
                cells.append(inner if w == 0 else "")
                if height > 1:
                    carry[col] = height - 1
                col += 1
        skip_covered()
        # columns covered further right than this row's last cell
        for c in sorted(k for k, v in carry.items() if v > 0 and k >= col):
            while col < c:
                cells.append("")
                col += 1
            carry[c] -= 1
            cells.append("")
            merged.add(col)
            col += 1
        if starts or cells:
            rows.append((cells, offset, frozenset(merged)))
    return rows
