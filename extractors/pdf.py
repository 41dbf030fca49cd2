"""PDF documents: the text layer, read with pdfium (pypdfium2), made into the text dkg reads.

pdfium was chosen by measurement on published Tweede Kamer PDFs (a motie, two
besluitenlijsten): the same words in the same order as pdfplumber/pdfminer.six, twenty times
faster (47 ms against 971 ms for ten pages).

The text dkg makes of a PDF, and so every offset into it:
- pages follow each other, separated by a blank line; `pages` holds the offset where each begins;
- a running header or footer (a line at the top or the foot of a page that recurs on other pages
  with only its digits changed, or a line that holds only a page number) is taken out of the flow
  and kept as the page's `running` lines;
- the lines of one paragraph are joined with a space; a paragraph ends where a line ends a
  sentence before a line that starts like a new one, or where a line stops well short of the
  page's usual width;
- a word broken at the end of a line ("defen-" + "sie") is joined: without its hyphen when both
  halves are lower case, with it otherwise ("NAVO-" + "landen" is "NAVO-landen");
- a footnote marker printed small and raised after a word is a superscript digit ("begroting¹"),
  and the footnotes at the foot of a page (a block of lines in a smaller type, the first opening
  with its number) follow the page's text, one a line, as "[1] Kamerstuk 36 800 X, nr. 3", where
  the document's footnotes are read from (extractors/structure.py);
- a table's rows (two or more lines in a row whose words stand in short columns, apart by more
  than one and a half times the type's size) stay lines of their own, their cells separated by
  tabs; a label and its text beside it in a form ("Besluit:" ...) are prose.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

_PAGE_NUMBER = re.compile(r"(?:[Pp]agina\s+)?\d{1,4}(?:\s*(?:/|van)\s*\d{1,4})?")
_EDGE = 2  # lines at the top and at the foot of a page that may be running
_SENTENCE_END = (".", ":", ";", "?", "!")


class PdfError(Exception):
    """A PDF that gives no text: the reason says why (no text layer, encrypted, damaged)."""


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: tuple[int, ...]  # offset where each page begins
    running: tuple[tuple[str, ...], ...]  # each page's running headers and footers


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_NOTE_LABEL = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))\s+(?=\S)")
_COLUMN_GAP = 1.5  # times the type's size: words further apart stand in columns
_CELL = 40  # characters: a longer piece in a column is prose beside a label, not a table's cell


@dataclass(frozen=True)
class _Line:
    text: str  # as read: superscript markers as superscript digits, columns apart by tabs
    size: float  # the type's size (the median height of its characters' boxes)


def _page_lines(page) -> list[_Line]:
    """The page's lines with their type size, superscripts and columns, from pdfium's characters
    and their boxes (the loose box: as high as the type, whatever the letter)."""
    textpage = page.get_textpage()
    count = textpage.count_chars()
    raw = textpage.get_text_range(0, count) if count else ""
    if len(raw) != count:  # characters and text out of step: the text alone, as pdfium gives it
        return [_Line(t, 0.0) for t in _lines(raw)]
    boxes = [textpage.get_charbox(i, loose=True) for i in range(count)]
    groups, current = [], []
    for i, c in enumerate(raw):
        if c == "\n":
            groups.append(current)
            current = []
        elif c != "\r":
            current.append((c, boxes[i]))
    groups.append(current)
    return [_line(g) for g in _same_lines(groups)]


def _same_lines(groups: list[list]) -> list[list]:
    """pdfium breaks a line at a raised marker ("beschrijft¹" | ". De ..."): a piece that goes on
    to the right on the same baseline is the same line."""
    out: list[list] = []
    for g in groups:
        prev = out[-1] if out else None
        ink, prev_ink = [b for c, b in g if not c.isspace()], [b for c, b in prev or () if not c.isspace()]
        if ink and prev_ink:
            size = statistics.median(b[3] - b[1] for b in prev_ink)
            same_base = abs(statistics.median(b[1] for b in ink) - statistics.median(b[1] for b in prev_ink)) < 0.3 * size
            if same_base and ink[0][0] >= prev_ink[-1][2] - 1:
                prev.extend(g)
                continue
        out.append(g)
    return out


def _line(chars: list) -> _Line:
    ink = [(c, b) for c, b in chars if not c.isspace()]
    if not ink:
        return _Line(_lines("".join(c for c, _ in chars))[0] if chars else "", 0.0)
    size = statistics.median(b[3] - b[1] for _, b in ink)
    base = statistics.median(b[1] for _, b in ink)
    pieces: list[str] = []
    previous = None
    for c, b in chars:
        if c.isspace():
            continue
        if previous is not None:
            gap = b[0] - previous[2]
            if gap > _COLUMN_GAP * size:
                pieces.append("\t")
            elif gap > 0.15 * size or pieces[-1:] == [" "]:
                pieces.append(" ")
        raised = c.isdigit() and (b[3] - b[1]) < 0.8 * size and b[1] > base + 0.2 * size
        pieces.append(c.translate(_SUPERSCRIPT) if raised else _lines(c)[0])
        previous = b
    return _Line(re.sub(r" +", " ", "".join(pieces)).strip(), size)


def read_pdf(data: bytes) -> PdfText:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise PdfError("encrypted PDF (a password is needed to read it)") from None
        raise PdfError(f"not a readable PDF ({reason})") from None
    try:
        measured = [_page_lines(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    pages = [[ln.text for ln in page] for page in measured]
    if not any(line.strip() for page in pages for line in page):
        raise PdfError("no text layer: scanned? run OCR first")
    running = _running_lines(pages)
    text_parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for k, lines in enumerate(measured):
        body = [ln for i, ln in enumerate(lines) if i not in running[k]]
        body, notes = _foot_notes(body)
        page_text = "\n".join(x for x in (_reflow(_rows(body)), *notes) if x)
        if text_parts:
            text_parts.append("\n\n")
            offset += 2
        starts.append(offset)
        text_parts.append(page_text)
        offset += len(page_text)
    runs = tuple(tuple(pages[k][i] for i in sorted(running[k])) for k in range(len(pages)))
    return PdfText("".join(text_parts) + "\n", tuple(starts), runs)


def _foot_notes(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """(the page's other lines, its footnotes as "[1] text"): the block of lines at the foot of
    the page in a smaller type than the page's text, whose first line opens with a number."""
    sizes = [ln.size for ln in lines if ln.size and len(ln.text) > 20]
    if not sizes:
        return lines, []
    body = statistics.median(sizes)
    k = len(lines)
    while k > 0 and (not lines[k - 1].text or (lines[k - 1].size and lines[k - 1].size <= 0.85 * body)):
        k -= 1
    # (a page number under the notes, as a one-page document prints it, is none of them)
    block = [ln for ln in lines[k:] if ln.text and not _PAGE_NUMBER.fullmatch(ln.text)]
    while block and not _NOTE_LABEL.match(block[0].text):
        block.pop(0)  # small print above the first note is not one
    if not block:
        return lines, []
    start = lines.index(block[0])
    notes: list[str] = []
    for ln in block:
        m = _NOTE_LABEL.match(ln.text)
        if m:
            label = (m[1] or m[2] or m[3].translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")))
            notes.append(f"[{label}] {ln.text[m.end():].strip()}")
        else:
            notes[-1] = _join(notes[-1], ln.text.strip())
    return lines[:start], notes


def _join(current: str, line: str) -> str:
    """Two lines of one paragraph: a word broken at the end of the first is joined again."""
    if current.endswith("-") and len(current) > 1 and current[-2].isalpha() and line[:1].islower():
        before = current[:-1].split(" ")[-1]
        return current[:-1] + line if before.islower() else current + line
    return f"{current} {line}"


def _rows(lines: list[_Line]) -> list[str]:
    """The lines as text; a line in columns of short cells stays a table row (tabs) only beside
    another such line (a form's "Besluit:" and its long text in a second column is prose)."""
    texts = [ln.text for ln in lines]
    tabbed = ["\t" in t and all(len(cell) <= _CELL for cell in t.split("\t")) for t in texts]
    out = []
    for k, t in enumerate(texts):
        if not (tabbed[k] and ((k > 0 and tabbed[k - 1]) or (k + 1 < len(texts) and tabbed[k + 1]))):
            t = t.replace("\t", " ")
        if k and lines[k].size and lines[k - 1].size and abs(lines[k].size - lines[k - 1].size) > 0.2 * lines[k - 1].size:
            out.append("")  # another type size: another paragraph (a heading, a header line)
        out.append(t)
    return out


def _lines(raw: str) -> list[str]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-").replace("\ufffe", "-")
    return [ln.rstrip() for ln in raw.split("\n")]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def _running_lines(pages: list[list[str]]) -> list[set[int]]:
    """Per page, the indexes of its running lines: at the top or the foot of a page, a page number,
    a line printed alike on most pages (the Kamerstuk's header), or one that differs only by its
    page number ("Pagina 3 van 10"). A body line that merely looks alike (other figures) is none."""
    edges = [[i for i in (*range(min(_EDGE, len(p))), *range(max(0, len(p) - _EDGE), len(p))) if p[i].strip()] for p in pages]
    exact = Counter(pages[k][i].strip() for k in range(len(pages)) for i in set(edges[k]))
    numbered = Counter(_shape(pages[k][i]) for k in range(len(pages)) for i in set(edges[k]) if _has_page_number(pages[k][i], k))
    needed = min(len(pages), max(3, (len(pages) + 1) // 2))
    out = []
    for k, page in enumerate(pages):
        found = set()
        for i in set(edges[k]):
            line = page[i].strip()
            number = bool(_PAGE_NUMBER.fullmatch(line)) and len(pages) > 1
            alike = exact[line] >= needed or (_has_page_number(line, k) and numbered[_shape(line)] >= needed)
            if number or (alike and len(pages) >= 2):  # two pages: printed alike on both
                found.add(i)
        out.append(found)
    return out


def _has_page_number(line: str, k: int) -> bool:
    return str(k + 1) in re.findall(r"\d+", line)


def _reflow(lines: list[str]) -> str:
    """The page's lines as paragraphs, one a line (see the module's description)."""
    lines = [ln.strip() for ln in lines]
    widths = [len(ln) for ln in lines if len(ln) > 20]
    usual = statistics.median(widths) if widths else 0
    out: list[str] = []
    current = ""
    for k, line in enumerate(lines):
        if not line:
            if current:
                out.append(current)
                current = ""
            continue
        if "\t" in line:  # a table's row: a line of its own
            if current:
                out.append(current)
                current = ""
            out.append(line)
            continue
        current = _join(current, line) if current else line
        nxt = next((ln for ln in lines[k + 1 :] if ln), "")
        ends_sentence = line.endswith(_SENTENCE_END) and (not nxt or nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "•-–(")
        short = usual and len(line) < 0.7 * usual and not line.endswith("-")  # a broken word goes on
        if ends_sentence or short:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n".join(out)
