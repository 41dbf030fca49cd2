"""A document's own metadata and layout: kind, chamber, date, own numbers, signatories,
footnotes (tied to the anchors that cite them) and tab-separated tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors import literals
from extractors.dates import parse_dutch_date
from extractors.document import Cell, Footnote, Line, Signatory, Span, Table
from extractors.text import anchored_matches, find_all, lowered_pattern, strip_decoration

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

literals.register("footnote markers", (*SUPERSCRIPT_DIGITS, "^[", "<sup>"))

_FOOTNOTE_START = re.compile(
    rf"^\s*(?:(?P<sup>[{SUPERSCRIPT_DIGITS}]+)|\[(?P<br>\d{{1,3}})\]|<sup>(?P<html>\d{{1,3}})</sup>)(?=\s|$)"
)
_LONE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
_URL_LINE = re.compile(r"^\s*<?https?://\S+>?\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def is_url_line(line: Line) -> bool:
    # cheap tests first: this runs on every line of every answer
    return ("http" in line.text) and bool(_URL_LINE.match(line.text))


def is_rule(line: Line) -> bool:
    return line.text.lstrip()[:3] in ("---", "***", "___") and bool(_RULE.match(line.text))


def footnote_label(lines: Sequence[Line], i: int) -> str | None:
    """The footnote number when line i starts a footnote body ("¹ ...", "[1] ...", a lone "1"
    followed by a URL line), else None."""
    text = lines[i].text.lstrip()
    if not text or not (text[0] in SUPERSCRIPT_DIGITS or text[0] in "[<" or text[0].isdigit()):
        return None  # the common case, decided without a regex
    m = _FOOTNOTE_START.match(lines[i].text)
    if m:
        raw = m["sup"] or m["br"] or m["html"]
        return raw.translate(_SUPER_TO_DIGIT)
    m = _LONE_NUMBER.match(lines[i].text)
    if m:
        nxt = next((ln for ln in lines[i + 1 : i + 4] if not ln.blank), None)
        if nxt is not None and is_url_line(nxt):
            return m.group(1)
    return None


def footnote_extent(lines: Sequence[Line], i: int) -> int:
    """Index of the last line of the footnote body that starts at line i."""
    j = i
    # the body runs on over following lines (no blank line between) and over a lone URL paragraph
    while j + 1 < len(lines) and not lines[j + 1].blank and footnote_label(lines, j + 1) is None:
        j += 1
    k = j + 1
    while k < len(lines) and lines[k].blank:
        k += 1
    if k < len(lines) and is_url_line(lines[k]) and (_LONE_NUMBER.match(lines[i].text) or lines[j].text.rstrip().endswith(":")):
        j = k
    return j


def find_footnotes(text: str, lines: Sequence[Line]) -> list[Footnote]:
    """Footnote bodies with the anchor that cites each (nearest earlier marker with that number)."""
    notes = []
    anchors: list[tuple[str, Span]] | None = None
    i = 0
    while i < len(lines):
        label = footnote_label(lines, i)
        if label is None:
            i += 1
            continue
        last = footnote_extent(lines, i)
        span = Span(lines[i].start, lines[last].end)
        if anchors is None:
            anchors = _anchors(text)
        notes.append(Footnote(label, span, _find_anchor(anchors, label, span), span.quote(text)))
        i = last + 1
    return notes


# three simple scans (a character class, two literals) are much faster than one alternation
_ANCHORS = (
    re.compile(rf"[{SUPERSCRIPT_DIGITS}]+"),
    re.compile(r"\^\[(\d+)\]"),
    re.compile(r"<sup>(\d+)</sup>"),
)


def _anchors(text: str) -> list[tuple[str, Span]]:
    """Every footnote marker in running text, with its number, in order."""
    out = []
    starts = literals.positions(text, "footnote markers")
    for pattern in _ANCHORS:
        for m in (pattern.match(text, p) for p in starts if not (p and text[p - 1] in SUPERSCRIPT_DIGITS)):
            if m is None:
                continue  # (a run of superscripts is one marker, read from its first digit)
            if m.start() == 0 or text[m.start() - 1].isspace():
                continue  # a marker at the start of a line opens a footnote body; an anchor follows text
            label = m.group(1) if pattern.groups else m.group(0).translate(_SUPER_TO_DIGIT)
            out.append((label, Span(m.start(), m.end())))
    out.sort(key=lambda a: a[1].start)
    return out


def _find_anchor(anchors: list[tuple[str, Span]], label: str, body: Span) -> Span | None:
    """The nearest marker with the footnote's number before its body, else the first after it."""
    before = [span for lab, span in anchors if lab == label and span.end <= body.start]
    if before:
        return before[-1]
    after = [span for lab, span in anchors if lab == label and span.start >= body.end]
    return after[0] if after else None


def find_tables(lines: Sequence[Line]) -> list[Table]:
    """Tables as text gives them, each line a row: tab-separated cells (what the PDF, XML and HTML
    readers write), Markdown's pipe tables ("| Artikel | 2026 |", the line of dashes under the head
    left out), and columns aligned with two spaces or more, when most of their cells are figures
    (prose typed with two spaces after a full stop is no table)."""
    tables = []
    i = 0
    while i < len(lines):
        form = _row_form(lines[i].text)
        if form is None:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _row_form(lines[j + 1].text) == form:
            j += 1
        rows = tuple(_CELLS[form](ln) for ln in lines[i : j + 1] if form != "pipe" or not _PIPE_RULE.match(ln.text))
        if rows and (form != "aligned" or _mostly_figures(rows)):  # rules alone ("|---|---|") are no table
            tables.append(Table(Span(lines[i].start, lines[j].end), rows))
        i = j + 1
    return tables


_GAP = re.compile(r"\t| {2,}")
_PIPE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")  # |---|:---:|
_FIGURE_CELL = re.compile(r"[-–−]?\s?(?:€\s?)?\d[\d.,\x20]*%?|[-–−]")


def _row_form(text: str) -> str | None:
    if "\t" in text:
        return "tab"
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        return "pipe"
    if "  " in stripped and not stripped.startswith(("#", "- ", "* ")) and len(_GAP.split(stripped)) >= 3:
        return "aligned"
    return None


def _mostly_figures(rows: tuple[tuple[Cell, ...], ...]) -> bool:
    """Two rows or more, and most cells after each row's first a figure."""
    values = [c.text for row in rows for c in row[1:]]
    figures = sum(bool(_FIGURE_CELL.fullmatch(v)) for v in values)
    return len(rows) >= 2 and figures * 2 > len(values)


def _split_cells(line: Line, fields: list[tuple[int, int]]) -> tuple[Cell, ...]:
    """The cells at (start, end) offsets within the line, stripped."""
    cells = []
    for a, b in fields:
        field = line.text[a:b]
        lead = len(field) - len(field.lstrip())
        stripped = field.strip()
        cells.append(Cell(Span(line.start + a + lead, line.start + a + lead + len(stripped)), stripped))
    return tuple(cells)


def _tab_cells(line: Line) -> tuple[Cell, ...]:
    fields, pos = [], 0
    for field in line.text.split("\t"):
        fields.append((pos, pos + len(field)))
        pos += len(field) + 1
    return _split_cells(line, fields)


def _pipe_cells(line: Line) -> tuple[Cell, ...]:
    """The cells between the bars ("| a | b |" has two; a last cell without its closing bar too)."""
    text = line.text.rstrip()
    bars = [k for k, ch in enumerate(text) if ch == "|"]
    if not text.endswith("|"):
        bars.append(len(text))
    return _split_cells(line, [(a + 1, b) for a, b in zip(bars, bars[1:], strict=False)])


def _aligned_cells(line: Line) -> tuple[Cell, ...]:
    text = line.text
    start = len(text) - len(text.lstrip())
    fields = []
    for gap in _GAP.finditer(text, start):
        if gap.start() > start:
            fields.append((start, gap.start()))
        start = gap.end()
    if start < len(text.rstrip()):
        fields.append((start, len(text.rstrip())))
    return _split_cells(line, fields)


_CELLS = {"tab": _tab_cells, "pipe": _pipe_cells, "aligned": _aligned_cells}


# --- signatories -------------------------------------------------------------------------------

_ROLE = re.compile(
    r"^(?:de\s+)?(?:fungerend\s+)?(?P<role>(?:minister|staatssecretaris|voorzitter|adjunct-griffier|griffier"
    r"|directeur-generaal|secretaris-generaal)(?:\s+(?:van|voor)\s+[\w\s-]+?)?(?:\s+\w+)?)\s*,?\s*$",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’À-ÿ.-]*|van|de|der|den|ter|ten|het|'t|in|'t)"
    r"(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’À-ÿ.-]*|van|de|der|den|ter|ten|het|in|'t))*$"
)


_ROLE_WORD = re.compile("minister|secretaris|voorzitter|griffier|directeur")  # on the lower-cased line: faster than re.I


def is_role_line(line: Line) -> bool:
    """A signature's role line: "De minister van Defensie," or "DE STAATSSECRETARIS VAN DEFENSIE"
    (a comma or capitals; an address line such as "de Voorzitter van de Eerste Kamer" has neither)."""
    if len(line.text) > 90:
        return False
    if not _ROLE_WORD.search(line.text.lower()):
        return False  # decided by one search, without stripping and matching
    s = strip_decoration(line.text)
    return len(s) < 70 and bool(_ROLE.match(s)) and (s.rstrip().endswith(",") or s.isupper())


# academic and professional titles before a signatory's name: "mr. dr. J.A. van der Meer", "drs. A. de Vries"
_NAME_TITLES = re.compile(r"(?:(?:mr|dr|drs|ir|ing|prof|bc|ds)\.\s*)+", re.I)


def _without_titles(s: str) -> str:
    m = _NAME_TITLES.match(s)
    return s[m.end() :] if m else s


def _name_span(line: Line) -> tuple[int, int]:
    """The signatory's name on its line, after any titles."""
    a, b = _stripped_span(line)
    m = _NAME_TITLES.match(line.text, a - line.start)
    return (line.start + m.end() if m else a), b


def _is_name_line(s: str) -> bool:
    s = _without_titles(s)
    words = s.split()
    return 1 <= len(words) <= 5 and bool(_NAME.match(s)) and not s.isupper()


def find_signatories(lines: Sequence[Line]) -> list[tuple[int, int, list[Signatory]]]:
    """Signature blocks: role lines followed by name lines, paired in order.

    Returns (first line index, last line index, signatories) per block.
    """
    blocks = []
    i = 0
    while i < len(lines):
        if not is_role_line(lines[i]):
            i += 1
            continue
        roles: list[Line] = []
        names: list[Line] = []
        j = i
        last = i
        while j < len(lines) and j - last <= 3:
            ln = lines[j]
            s = strip_decoration(ln.text)
            if ln.blank:
                j += 1
                continue
            if is_role_line(ln) and not names:
                roles.append(ln)
            elif _is_name_line(s) and len(names) < len(roles):
                names.append(ln)
            else:
                break
            last = j
            j += 1
        if names:
            sigs = [
                Signatory(_without_titles(strip_decoration(n.text)), _role_text(r), Span(*_name_span(n)))
                for r, n in zip(roles, names, strict=False)
            ]
            blocks.append((i, last, sigs))
        elif roles:
            blocks.append((i, last, [Signatory("", _role_text(r), Span(*_stripped_span(r))) for r in roles]))
        i = last + 1
    return blocks


def _role_text(line: Line) -> str:
    s = strip_decoration(line.text).rstrip(",").strip()
    s = re.sub(r"^(?:de|DE|De)\s+", "", s)
    if s.isupper():
        # "MINISTER VAN DEFENSIE" -> "minister van Defensie": the name after van/voor keeps its capital
        words = s.lower().split()
        s = " ".join(
            w.capitalize() if k and words[k - 1] in ("van", "voor") and w not in ("de", "het") else w for k, w in enumerate(words)
        )
    return s[0].lower() + s[1:]


def _stripped_span(line: Line) -> tuple[int, int]:
    s = line.text
    lead = len(s) - len(s.lstrip())
    body = s.strip().rstrip(",")
    return line.start + lead, line.start + lead + len(body)


# --- kind, chamber, date, own numbers ------------------------------------------------------------


def _head_search(pattern: re.Pattern[str]):
    """A search of a document's head, given the head and its lower-cased copy: a case-insensitive
    pattern reads the lower-cased copy (see lowered_pattern)."""
    if pattern.flags & re.I:
        lowered = lowered_pattern(pattern)
        return lambda head, low: lowered.search(low)
    return lambda head, low: pattern.search(head)


# Each search with a word (lower case) its matches must hold: it reads the head of the document
# only when the lower-cased head holds the word (a substring test is far cheaper than a search over
# thousands of characters).
# what stands before a published title: "Nr. 118 ", an Eerste Kamer letter "C ", emphasis marks
_VOLG = r"^\s*(?:Nr\.\s*\d+\s+|[A-Z]{1,2}\s+)?\**\s*"
_KINDS = [
    # first: a committee's decision list names every other kind of paper among its agenda items
    # ("Document: Besluitenlijst van de procedurevergadering ...", "BESLUITENLIJST")
    ("besluitenlijst", _head_search(re.compile(r"^\s*(?:Document:\s*)?BESLUITENLIJST\b", re.M | re.I)), "besluitenlijst"),
    ("nota", _head_search(re.compile(r"NOTA\s+NAAR\s+AANLEIDING\s+VAN\s+HET\s+(?:\w+\s+)?VERSLAG", re.I)),
     "nota naar aanleiding van verslag"),
    ("verslag", _head_search(re.compile(r"VERSLAG\s+VAN\s+EEN\s+SCHRIFTELIJK\s+OVERLEG", re.I)),
     "verslag van een schriftelijk overleg"),
    ("memorie", _head_search(re.compile(rf"{_VOLG}MEMORIE\s+VAN\s+TOELICHTING\b", re.M)), "memorie van toelichting"),
    ("memorie", _head_search(re.compile(rf"{_VOLG}MEMORIE\s+VAN\s+ANTWOORD\b", re.M)), "memorie van antwoord"),
    ("motie", _head_search(re.compile(rf"{_VOLG}MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b", re.M)), "motie"),
    ("amendement", _head_search(re.compile(rf"{_VOLG}(?:GEWIJZIGD\s+)?AMENDEMENT\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b", re.M)),
     "amendement"),
    ("vragen", _head_search(re.compile(r"^\s*Vragen en antwoorden\s*$|LIJST\s+VAN\s+VRAGEN\s+EN\s+ANTWOORDEN", re.I | re.M)),
     "lijst van vragen en antwoorden"),
    # written questions and their answers (the Aanhangsel): "Vragen van het lid Kramers (CDA) aan de
    # minister van Defensie over ... (ingezonden 12 januari 2026)"
    ("vragen van", _head_search(re.compile(
        r"^\s*Vragen\s+van\s+(?:het\s+lid|de\s+leden)\b[^\n]*\baan\s+de\s+(?:minister|staatssecretaris)", re.M)),
     "antwoorden op Kamervragen"),
    ("geachte", _head_search(re.compile(r"^\s*Geachte\s+voorzitter", re.I | re.M)), "brief"),
    # the published form of a letter: "Nr. 118 BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE", "Aan de
    # Voorzitter van de Tweede Kamer der Staten-Generaal", no salutation
    ("brief", _head_search(re.compile(
        rf"{_VOLG}BRIEF\s+VAN\s+DE\s+(?:MINISTER|STAATSSECRETARIS|MINISTER-PRESIDENT|MINISTERS|STAATSSECRETARISSEN)\b", re.M)),
     "brief"),
    ("voorzitter", _head_search(re.compile(r"^\s*Aan\s+de\s+Voorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer", re.M)), "brief"),
    ("beslissing", _head_search(re.compile(r"^\s*TER\s+BESLISSING\s*$", re.M)), "beslisnota"),
    # the Eerste Kamer's register of promises: entries numbered T01234 ("Toezegging ... (T03512)")
    ("toezegging", _head_search(re.compile(r"^[ \t]*Toezeggingen?\b(?:[^\n]*\n){0,12}?[^\n]*\(T\d{5}\)", re.M)),
     "toezeggingen Eerste Kamer"),
    # an overview of the Tweede Kamer's registered promises: entries numbered TZ202511-045
    ("toezegging", _head_search(re.compile(r"^[^\n]*\bToezeggingen?\b(?:[^\n]*\n){0,12}?[^\n]*\(TZ\d{6}-\d{3}\)", re.M | re.I)),
     "toezeggingen"),
]  # fmt: skip


def detect_kind(text: str) -> str | None:
    return kind_evidence(text)[0]


def kind_evidence(text: str) -> tuple[str | None, str]:
    """(the document's kind, why): the line of its head that names it, or why none does."""
    head = text[:6000]
    low = head.lower()
    for word, search, kind in _KINDS:
        m = search(head, low) if word in low else None
        if m:
            at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            line_start = head.rfind("\n", 0, at) + 1
            line_end = head.find("\n", at)
            return kind, "head: " + " ".join(head[line_start : line_end if line_end >= 0 else None].split())[:120]
    return None, ("no published head in the first 6,000 characters (no 'BRIEF VAN DE MINISTER', 'Aan de Voorzitter van "
                  "de Tweede Kamer', 'Geachte voorzitter', 'MOTIE VAN', 'AMENDEMENT VAN', 'NOTA NAAR AANLEIDING', "
                  "'MEMORIE VAN', 'Vragen en antwoorden', 'VERSLAG VAN EEN SCHRIFTELIJK OVERLEG', 'BESLUITENLIJST')")


# (words, search, chamber), in order: the first that matches decides; a search reads the head
# only when the lower-cased head holds one of its words
_CHAMBERS = [
    (("voorzitter",), _head_search(re.compile(r"Voorzitter\s+van\s+de\s+Eerste\s+Kamer", re.I)), "Eerste Kamer"),
    (("voorzitter",), _head_search(re.compile(r"Voorzitter\s+van\s+de\s+Tweede\s+Kamer", re.I)), "Tweede Kamer"),
    # Eerste Kamer papers carry a letter (A, B, ... G) where Tweede Kamer papers carry "Nr."
    (("nota", "memorie", "verslag", "brief"),
     _head_search(re.compile(r"^\s*[A-Z]{1,2}\s+\**\s*(?:NOTA|MEMORIE|VERSLAG|BRIEF)\b", re.M)), "Eerste Kamer"),
    (("nr.",), _head_search(re.compile(r"^\s*Nr\.\s*\d+\s*$", re.M | re.I)), "Tweede Kamer"),
    (("commissie",), _head_search(re.compile(r"vaste\s+commissie\s+voor\s+Defensie")), "Tweede Kamer"),
    (("kamer",), _head_search(re.compile(r"Tweede\s+Kamer")), "Tweede Kamer"),
    (("kamer",), _head_search(re.compile(r"Eerste\s+Kamer")), "Eerste Kamer"),
]  # fmt: skip


def detect_chamber(text: str) -> str | None:
    head = text[:4000]
    low = head.lower()
    for words, search, chamber in _CHAMBERS:
        if any(w in low for w in words) and search(head, low):
            return chamber
    return None


_DATE_CUES = [
    ("datum", _head_search(re.compile(r"^\s*Datum\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.M | re.I))),
    ("ontvangen", _head_search(re.compile(r"^\s*Ontvangen\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.M | re.I))),
    # the Aanhangsel: the day the answer came, else the day the questions were sent in
    ("ontvangen", _head_search(re.compile(r"\(ontvangen\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})\)", re.I))),
    ("ingezonden", _head_search(re.compile(r"\(ingezonden\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})\)", re.I))),
    ("vastgesteld", _head_search(re.compile(r"^\s*Vastgesteld\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.M | re.I))),
    # a motion or an amendment: the day it was moved
    ("voorgesteld", _head_search(re.compile(r"^\s*Voorgesteld\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.M | re.I))),
    ("haag", _head_search(re.compile(r"^\s*(?:Den\s+Haag|'s-Gravenhage),?\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.M))),
    ("gravenhage", _head_search(re.compile(r"^\s*(?:Den\s+Haag|'s-Gravenhage),?\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.M))),
    ("beantwoord", _head_search(re.compile(r"beantwoord\s+bij\s+brief\s+van\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.M | re.I))),
    # a debate: "gehouden op 12 maart 2026", or the sitting's day as the Handelingen print it
    ("gehouden", _head_search(re.compile(r"\bgehouden\s+op\s+(?:\w+dag\s+)?(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.I))),
    ("dag", _head_search(re.compile(
        r"^\s*(?:Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag)\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})\s*$", re.M))),
    ("beantwoord", _head_search(re.compile(
        r"Bij\s+brief\s+van\s+(?P<d>\d{1,2}\s+\w+\s+\d{4})\s+zijn\s+de\s+vragen\s+beantwoord", re.M | re.I))),
]  # fmt: skip


def detect_date(text: str) -> str | None:
    head = text[:4000]
    low = head.lower()
    for word, search in _DATE_CUES:
        m = search(head, low) if word in low else None
        if m:
            parsed = parse_dutch_date(m["d"])
            if parsed:
                return parsed
    return None


_DOSSIER_LINE = re.compile(r"^\s*(?P<dossier>\d{2}\s?\d{3}(?:-\d+)?)(?:\s+(?P<sub>[A-Z]{1,3}))?(?:\s|$)", re.M)
_OWN_KAMERSTUK = re.compile(r"^Antwoorden\s+op\s+.*\(Kamerstuk\s+(?P<dossier>\d{2}\s?\.?\d{3})-?\s?(?P<sub>[A-Z]{1,3})\)", re.M)


def _own_kamerstuk_headings(text: str):
    """Headings "Antwoorden op ... (Kamerstuk 36800-K)", found by a fast literal search first."""
    pos = text.find("Antwoorden op")
    while pos >= 0:
        if pos == 0 or text[pos - 1] == "\n":
            m = _OWN_KAMERSTUK.match(text, pos)
            if m:
                yield m
        pos = text.find("Antwoorden op", pos + 1)


# Eerste Kamer papers carry a letter where Tweede Kamer papers carry "Nr.": "G **NOTA NAAR ..."
_VOLGLETTER = re.compile(r"^\s*(?P<letter>[A-Z]{1,2})\s+\**\s*(?:NOTA|MEMORIE|VERSLAG|BRIEF|VOORLOPIG)\b", re.M)
# "Nr. 118" on a line of its own, or before the title on the same line ("Nr. 118 BRIEF VAN DE ...")
_VOLGNUMMER = re.compile(r"^\s*Nr\.\s*(?P<nr>\d+)(?:\s*$|[ \t]+(?=(?-i:[A-Z]{4,})\b))", re.M | re.I)
_MINDEF = re.compile(r"eferentie\s*\n\s*(?P<ref>MINDEF\d{8,})")  # "Onze referentie": a literal start


def _own_references(text: str):
    """ "Onze referentie" followed by a MINDEF number, found from a literal search first."""
    return anchored_matches(_MINDEF, text, find_all(text, ("eferentie",)))


def official_number(dossiers: Sequence[str], text: str) -> str | None:
    """The document's own Kamerstuk number when its head prints one in full: dossier and volgnummer
    ("21 501-28" + "Nr. 300") or volgletter ("36 800 X" + "G")."""
    head = text[:1500]
    if dossiers and (_VOLGNUMMER.search(head) or _VOLGLETTER.search(head)):
        return dossiers[0]
    return None


def detect_own_numbers(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own dossier / Kamerstuk numbers, own reference numbers), normalised."""
    head = text[:1500]
    dossiers: list[str] = []
    m = _DOSSIER_LINE.search(head)
    nr = _VOLGNUMMER.search(head)
    letter = _VOLGLETTER.search(head)
    if m:
        base = re.sub(r"[\s.]", "", m["dossier"]) + (f"-{m['sub']}" if m["sub"] else "")
        dossiers.append(f"{base}-{nr['nr']}" if nr else f"{base}-{letter['letter']}" if letter else base)
    for k in _own_kamerstuk_headings(text):
        base = re.sub(r"[\s.]", "", k["dossier"]) + f"-{k['sub']}"
        if base not in dossiers and not any(d.startswith(base + "-") for d in dossiers):
            dossiers.append(base)
    refs = tuple(dict.fromkeys(m["ref"] for m in _own_references(text)))
    return tuple(dossiers), refs


def detect_title(lines: Sequence[Line]) -> str | None:
    for ln in lines[:60]:
        m = re.match(r"^\s*Betreft\s+(.*)$", ln.text)
        if m:
            return m.group(1).strip()
    for ln in lines[:40]:
        # "Nr. 118 BRIEF VAN ...", "G **NOTA NAAR ...": the title after its number or letter
        s = re.sub(r"^(?:Nr\.\s*\d+\s+|[A-Z]{1,2}\s+(?=\*))?\**\s*|\**$", "", strip_decoration(ln.text)).strip()
        if s.isupper() and len(s) > 10 and len(re.findall(r"[A-Z]{2,}", s)) >= 3 and not s.startswith("ISSN"):
            return s
    return None
