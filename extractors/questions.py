"""Questions and answers: where each question starts and ends, its number and series, who asked
it, where its answer is, and which other answers that answer points to.

Layouts handled: "- 1. text**", "1. text", "41.text", "1 Text" (number and a capital), a number
alone on its line above the question, "Vraag 1" / "Antwoord" pairs, and consultation reports whose questions are unnumbered
paragraphs per fractie. Numbering must run on (n = previous + 1); it may restart at 1 only after a
section boundary, so a list item or footnote digit inside an answer never starts a question.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from extractors.document import GOVERNMENT_KINDS, Line, Part, Question, Span
from extractors.fracties import asking_fractie, find_fracties
from extractors.structure import footnote_extent, footnote_label, is_role_line, is_rule, is_url_line
from extractors.text import anchored_matches, content_span, ends_sentence, find_all, strip_decoration

_NUMBERED = re.compile(r"^\s*(?:[-–]\s+)?(?:\*\*)?(?P<n>\d{1,3})(?:[.)](?!\d)\s*|\s+(?=[A-Z\"“‘'À-Ý]))(?=\S)")
# a question number alone on its line, the question below it (as published lists are often laid out)
_BARE = re.compile(r"^\s*(?:\*\*)?(?P<n>\d{1,3})[.)]?\s*(?:\*\*)?\s*$")
_VRAAG = re.compile(r"^\s*(?:\*\*)?Vraag\s+(?P<n>\d{1,3})\s*[:.]?\s*(?:\*\*)?\s*$", re.I)
# "Antwoord", "Antwoord 1" (the Aanhangsel's form), "Antwoord op vraag 1", "Reactie:", alone on its
# line; one answer to several questions: "Antwoord 3 en 4", "Antwoorden op de vragen 5 t/m 7"
_ANSWER_NUMBERS = (
    r"(?:\s+(?:op\s+)?(?:de\s+)?(?:vraag|vragen)\b)?\s+(?P<first>\d{1,3})(?!\d)"
    r"(?P<more>(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*(?:vraag\s+)?\d{1,3}(?!\d))*)"
)
_PLURAL = r"Antwoorden(?=\s+(?:op\s+)?(?:de\s+)?(?:vragen\s+)?\d)"  # only before numbers: else a heading
# who answers, in a label of each answer: "Antwoord van de minister:", "Antwoord van de staatssecretaris van Defensie"
_BY = (
    r"(?:\s+van\s+(?:de\s+)?(?:minister|staatssecretaris|regering|bewindspersoon|het\s+kabinet)"
    r"(?:\s+van\s+[A-Z][\w-]+(?:\s+(?:en\s+)?[A-Z][\w-]+)*)?)"
)
_ANTWOORD = re.compile(
    rf"^\s*(?:\*\*)?(?:Antwoord|Reactie|{_PLURAL}){_BY}?(?:{_ANSWER_NUMBERS})?\s*[:.]?\s*(?:\*\*)?\s*$", re.I
)
# the label and the text on one line: "Vraag 3: Wanneer komt ...?", "Antwoord: Ja." ("Antwoord 3: Ja.")
_VRAAG_INLINE = re.compile(r"^\s*(?:\*\*)?Vraag\s+(?P<n>\d{1,3})\s*[:.]\s*(?:\*\*)?\s*(?=\S)", re.I)
_ANSWER_INLINE = re.compile(
    rf"^\s*(?:\*\*)?(?:Antwoord|Reactie|{_PLURAL}){_BY}?(?:{_ANSWER_NUMBERS})?\s*:\s*(?:\*\*)?\s*(?=\S)", re.I
)
_CHAPTER = re.compile(r"^Antwoorden\s+op\s+(?:de\s+)?(?:\w+\s+)?(?:schriftelijke\s+)?vragen\b", re.I)
_QA_LIST = re.compile(r"^(?:Nr\.\s*\d+\s+)?(?:Lijst\s+van\s+)?Vragen\s+en\s+antwoorden$", re.I)  # "Nr. 12 LIJST VAN ..."
_FRACTIE_HEADING = re.compile(r"^Vragen\s+en\s+opmerkingen\s+van\s+(?:de\s+)?leden\s+van\s+", re.I)
_FRACTIE_INTRO = re.compile(
    r"^De\s+leden\s+van\s+.{2,60}?\s+hebben\s+(?:de\s+)?(?:onderstaande|volgende|de\s+volgende)\s+vragen",
    re.I,
)
_ANSWER_SECTION = re.compile(
    r"^(?:[IVX]+\.?\s+)?(?:Antwoord|Reactie)\b.*\b(?:minister|staatssecretaris|regering|kabinet)", re.I
)
# the heading of published answers ends with the date they came in: "… (ontvangen 30 april 2027)."
_RECEIVED = re.compile(r"\(ontvangen\s+\d{1,2}\s+[a-z]+\s+\d{4}\)\.?$", re.I)
_MEMO = re.compile(r"^\s*TER\s+BESLISSING\s*$")
_SERIES_FROM_KAMERSTUK = re.compile(r"Kamerstuk\s+[\d .]+-\s?(?P<s>[A-Z]{1,3})\)")
_SERIES_FROM_LETTER = re.compile(r"\((?P<s>[A-Z]{1,2})\)")
_REFERS = re.compile(  # "vraag 3", "de vragen 1 en 2", "antwoord 7" (the answer by its question's number)
    r"\b(?:vra(?:ag|gen)|antwoord(?:en)?)\s+(?P<first>\d{1,3})(?!\d)(?P<more>(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*(?:vraag\s+)?\d{1,3}(?!\d))*)",
    re.I,
)
# An answer that only sends the reader elsewhere, in the forms such lists use: "Zie (het) antwoord op
# vraag 3", "Zie de antwoorden op de vragen 1 en 2", "Voor het antwoord op deze vraag verwijs ik u
# naar ...", "Ik verwijs naar mijn antwoord op vraag 4", "Hiervoor verwijzen wij naar de beantwoording
# van vraag 4", "Verwezen wordt naar ...", "Deze vraag is beantwoord bij vraag 2", "Deze vraag wordt
# samen met vraag 3 beantwoord". The whole line must be the pointer: a figure or a clause around it
# ("Zoals aangegeven in het antwoord op vraag 5, is dat nog niet bekend") is an answer of its own.
_WHO = r"(?:ik|wij|we|het\s+kabinet|de\s+regering|de\s+minister)"
_NUMBERS = r"\d{1,3}(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*(?:vraag\s+)?\d{1,3})*"
_POINTER_TARGET = (  # "(het) antwoord op vraag 3", "de antwoorden op de vragen 1 en 2", "vraag 3" itself, "antwoord 3"
    r"(?:ook\s+)?(?:(?:(?:het|de|mijn|ons|onze)\s+)?(?:antwoord(?:en)?|reactie|beantwoording)\s+"
    r"(?:(?:op|bij|van|onder)\s+)?)?(?:(?:de\s+)?vra(?:ag|gen)|antwoord(?:en)?)\s+" + _NUMBERS
    # whose questions, or where they stand: "van de leden van de VVD-fractie", "in de eerste ronde"
    + r"(?:\s+(?:van|in)\s+(?:de|het)\s+[^.;]{1,60}?)?"
)
_POINTER_TARGETS = _POINTER_TARGET + r"(?:\s*(?:,|en)\s+" + _POINTER_TARGET + r")*"  # "… op vraag 4 en het antwoord op vraag 1"
_FOR_THIS = r"(?:(?:voor\s+(?:het\s+antwoord\s+op|de\s+beantwoording\s+van)\s+(?:deze|die)\s+vraag|hiervoor|daarvoor|graag)\s+)?"
_POINTER_LEAD = (
    r"(?:zie(?:\s+(?:hiervoor|daarvoor|hierover|daarover))?"
    r"|" + _FOR_THIS + r"(?:verwijs|verwijst|verwijzen)\s+" + _WHO + r"\s+(?:u\s+)?(?:graag\s+)?naar"
    r"|" + _WHO + r"\s+(?:verwijs|verwijst|verwijzen)\s+(?:u\s+)?(?:graag\s+)?(?:hiervoor\s+)?naar"
    r"|" + _FOR_THIS + r"(?:wordt\s+)?verwezen\s+(?:wordt\s+)?naar)"
)
_POINTER_ONLY = re.compile(
    r"^\s*(?:" + _POINTER_LEAD + r"\s+" + _POINTER_TARGETS
    + r"|(?:het\s+antwoord\s+op\s+)?deze\s+vraag\s+(?:is|wordt)\s+(?:al\s+|reeds\s+)?(?:(?:beantwoord|opgenomen|meegenomen)"
    r"\s+(?:in|bij|onder)\s+(?:het\s+antwoord\s+op\s+)?vra(?:ag|gen)\s+" + _NUMBERS
    + r"|(?:samen|tezamen|in\s+samenhang)\s+met\s+vra(?:ag|gen)\s+" + _NUMBERS + r"\s+beantwoord)"
    # "Dit is (al) toegelicht in het antwoord op vraag 7"
    + r"|(?:dit|dat)\s+is\s+(?:al\s+|reeds\s+)?(?:toegelicht|beantwoord|aangegeven|uiteengezet)\s+(?:in|bij)\s+"
    + _POINTER_TARGETS + r")"
    r"\s*[.;]?\s*$",
    re.I,
)


@dataclass
class _Boundary:
    line: int
    kind: str  # chapter, qa_list, fractie, answer_section, signature, memo, heading
    title: str
    series: str | None = None
    fractie: str | None = None


@dataclass
class _Start:
    line: int
    n: int
    form: str  # "number" (number and text), "bare" (number alone on its line) or "vraag"
    part: int
    fractie: str | None
    chapter: str | None


def find_boundaries(lines: Sequence[Line]) -> list[_Boundary]:
    """Lines that end one stretch of questions and answers and may begin a new one."""
    out: list[_Boundary] = []
    labels: Counter[str] | None = None  # counted when a line first looks like a heading of answers
    for i, ln in enumerate(lines):
        if ln.blank or len(ln.text) > 250:  # boundaries are headings and short lines, not paragraphs
            continue
        first = ln.text.lstrip()[:1]
        if first.islower() or first.isdigit():
            continue  # a continued sentence or a numbered item: never a boundary
        s = strip_decoration(ln.text)
        if s[:1].upper() not in _HEADING_INITIALS:
            if is_role_line(ln):
                out.append(_Boundary(i, "signature", s))
            elif ln.text.lstrip().startswith("#"):
                out.append(_Boundary(i, "heading", s))
            continue  # no chapter, list, fractie, answer or memo heading starts so
        if _CHAPTER.match(s):
            m = _SERIES_FROM_KAMERSTUK.search(s) or _SERIES_FROM_LETTER.search(s)
            out.append(_Boundary(i, "chapter", s, series=m["s"] if m else None))
        elif _QA_LIST.match(s):
            out.append(_Boundary(i, "qa_list", s))
        elif _FRACTIE_HEADING.match(s) or _FRACTIE_INTRO.match(s):
            if _is_contents_entry(lines, i):
                continue
            hits = find_fracties(s)
            out.append(_Boundary(i, "fractie", s, fractie=hits[0].canonical if hits else None))
        elif _ANSWER_SECTION.match(s) and (len(s) < 80 or _RECEIVED.search(s)):
            if labels is None:
                labels = _answer_labels(lines)
            label = _label_of(ln.text)
            if label is None or labels[label] < 2:  # a label before each answer is no section's heading
                out.append(_Boundary(i, "answer_section", s))
        elif _MEMO.match(ln.text) or _is_memo_address(lines, i):
            if not out or out[-1].kind != "memo":
                out.append(_Boundary(i, "memo", s))
        elif is_role_line(ln):
            out.append(_Boundary(i, "signature", s))
        elif ln.text.lstrip().startswith("#"):
            out.append(_Boundary(i, "heading", s))
    return out


def _label_of(text: str) -> str | None:
    """The answer label a line opens with ("antwoord van de minister"), alone or before the text."""
    m = _ANTWOORD.match(text) or _ANSWER_INLINE.match(text)
    return strip_decoration(m.group(0)).rstrip(":. ").lower() if m else None


def _answer_labels(lines: Sequence[Line]) -> Counter[str]:
    """How often each answer label opens a line ("Antwoord van de minister:" before every answer,
    where a section of answers has its heading once)."""
    return Counter(label for ln in lines if _first_char(ln.text) in "AaRr*" and (label := _label_of(ln.text)))


# The first letters of the headings above: Antwoorden, Lijst, Vragen, De leden, roman numerals,
# Reactie, TER BESLISSING, Aan (a memo's address), Nr. (a published list's head)
_HEADING_INITIALS = frozenset("ALVDIXRTN")


def _first_char(text: str) -> str:
    """The first character that is not white space, or ""."""
    c = text[:1]
    return text.lstrip()[:1] if c == " " or c == "\t" else c


def _is_contents_entry(lines: Sequence[Line], i: int) -> bool:
    """A fractie heading in a table of contents: a neighbouring line (no blank between) is one too."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and not lines[j].blank:
            s = strip_decoration(lines[j].text)
            if _FRACTIE_HEADING.match(s):
                return True
    return False


def _is_memo_address(lines: Sequence[Line], i: int) -> bool:
    """The head of an internal memo: "Aan MINDEF en STASDEF" directly followed by "Van DGB"."""
    return (
        bool(re.match(r"^\s*Aan\s+\S", lines[i].text))
        and i + 1 < len(lines)
        and bool(re.match(r"^\s*Van\s+\S", lines[i + 1].text))
    )


def _skip_footnotes(lines: Sequence[Line], i: int) -> int:
    """Index of the first line at or after i that is neither blank nor part of a footnote."""
    while i < len(lines):
        if lines[i].blank or is_rule(lines[i]):
            i += 1
        elif footnote_label(lines, i) is not None:
            i = footnote_extent(lines, i) + 1
        else:
            return i
    return i


# "zo vragen de leden", "vragen de minister", "verzoeken het kabinet": asking without a question mark
# (but not the noun in "de leden hebben de volgende vragen")
_ASKS = re.compile(
    r"\b(?:vragen|vraagt|verzoeken|verzoekt)\s+(?:de\s+leden|deze\s+leden|de\s+minister|het\s+kabinet"
    r"|de\s+regering|zij\b|(?:[\w-]+\s+){0,4}?(?:of|hoe|hoeveel|hoelang|wat|welke?|wie|waar|waarom|waarop|wanneer"
    r"|in\s+hoeverre|om|naar)\b)",
    re.I,
)


def _asks(text: str) -> bool:
    return "?" in text or bool(_ASKS.search(text))


def _looks_like_question(text: str) -> bool:
    return _asks(text) or bool(re.search(r"\bvra(?:ag|gen)\b", text, re.I)) or text.rstrip().endswith("**")


def segment_questions(
    text: str, lines: Sequence[Line], parts: Sequence[Part], boundaries: list[_Boundary] | None = None
) -> list[Question]:
    """Every question of the document with its answer, in document order."""
    boundaries = find_boundaries(lines) if boundaries is None else boundaries
    starts = _numbered_starts(text, lines, boundaries, parts)
    stops = sorted({b.line for b in boundaries} | {s.line for s in starts})
    made = [_numbered_question(text, lines, s, stops) for s in starts]
    questions = _joint_answers([q for q, _ in made], [labelled for _, labelled in made])
    questions = _answers_in_a_block(text, lines, boundaries, questions, stops)
    questions = _assign_series(questions, starts)
    numbered_parts = {s.part for s in starts}
    for p_index, part in enumerate(parts):
        if part.kind == "fractie_section" and p_index not in numbered_parts:
            questions.extend(_unnumbered_questions(text, lines, part, p_index, boundaries))
    questions.sort(key=lambda q: q.span.start)
    questions = _reactions(text, lines, parts, questions)
    return questions or _told_questions(text, lines, parts)


def _part_at(parts: Sequence[Part], offset: int) -> int:
    index = 0
    for i, part in enumerate(parts):
        if part.span.start <= offset:
            index = i
    return index


def _numbered_starts(text: str, lines: Sequence[Line], boundaries: list[_Boundary], parts: Sequence[Part]) -> list[_Start]:
    by_line = {b.line: b for b in boundaries}
    starts: list[_Start] = []
    last_n = 0
    restart_ok = True
    fractie: str | None = None
    chapter: str | None = None
    in_memo = False
    i = 0
    while i < len(lines):
        b = by_line.get(i)
        if b is not None:
            if b.kind in ("chapter", "qa_list", "fractie", "answer_section", "memo"):
                restart_ok = True
                in_memo = b.kind == "memo"
            if b.kind == "chapter":
                chapter, fractie = b.series, None
            elif b.kind == "fractie":
                fractie = b.fractie
            i += 1
            continue
        if in_memo:
            i += 1
            continue
        ln = lines[i]
        first = _first_char(ln.text)
        m = _VRAAG.match(ln.text) if first in "Vv*" else None
        form = "vraag"
        if not m and first in "Vv*":
            m, form = _VRAAG_INLINE.match(ln.text), "vraag_inline"
        if not m and (first in "-–*" or first.isdigit()):
            m = _NUMBERED.match(ln.text)
            form = "number"
            if not m:
                m, form = _BARE.match(ln.text), "bare"
        if m:
            n = int(m["n"])
            follows = n == last_n + 1 or (n == 1 and restart_ok)
            near = last_n < n <= last_n + 3
            probe = ln.text if form in ("number", "vraag_inline") else _next_text(lines, i)
            if (follows or (near and "?" in probe)) and _opens_question(form, probe):
                part = _part_at(parts, ln.start)
                starts.append(_Start(i, n, form, part, fractie, chapter))
                last_n, restart_ok = n, False
        i += 1
    return starts


def _opens_question(form: str, probe: str) -> bool:
    """"Vraag 3" always opens a question; a number only before text that asks (a bare number before
    a line that asks nothing is a table cell or a footnote mark; before a line in lower case, a page
    number in the middle of a sentence)."""
    if form in ("vraag", "vraag_inline"):
        return True
    if form == "bare":  # a page number left in converted text is followed by the rest of a sentence
        return _first_char(probe).isupper() and _asks(probe)
    return _looks_like_question(probe)


def _next_text(lines: Sequence[Line], i: int) -> str:
    j = _skip_footnotes(lines, i + 1)
    return lines[j].text if j < len(lines) else ""


def _numbered_question(
    text: str, lines: Sequence[Line], start: _Start, stops: list[int]
) -> tuple[Question, tuple[int, ...]]:
    """The question that starts at start, with its answer when one follows it; and the numbers its
    answer's label gives ("Antwoord 3 en 4": 3 and 4; none without a label or a number)."""
    next_stop = _next_stop(stops, start.line, len(lines))
    first = lines[start.line]
    begin = 0  # where the answer's text begins, when a label stands before it
    labelled: tuple[int, ...] = ()
    if start.form == "vraag":
        q_first = _skip_footnotes(lines, start.line + 1)
        q_last = q_first
        j, opening = q_first, None
        while j < next_stop and (opening := _answer_opening(lines[j])) is None:
            if not lines[j].blank and footnote_label(lines, j) is None:
                q_last = j
            j += 1
        q_start = content_span(lines[q_first])[0] if q_first < next_stop else first.end
        q_end = content_span(lines[q_last])[1] if q_first < next_stop else first.end
        answer_from = next_stop
        if opening is not None:
            labelled, begin = opening
            answer_from = _answer_line(lines, j, begin)
    else:
        if start.form == "bare":
            q_last = _skip_footnotes(lines, start.line + 1)
            q_start = content_span(lines[q_last])[0]
        else:
            m = (_VRAAG_INLINE if start.form == "vraag_inline" else _NUMBERED).match(first.text)
            assert m is not None
            q_start, q_last = first.start + m.end(), start.line
        extra = 0
        while not ends_sentence(text[q_start : lines[q_last].end]) and extra < 3:
            j = _skip_footnotes(lines, q_last + 1)
            if j >= next_stop or _answer_opening(lines[j]) is not None:
                break
            if not _continues(lines[q_last].text, lines[j].text):
                break
            q_last, extra = j, extra + 1
        q_end = content_span(lines[q_last])[1]
        if q_last == start.line:
            q_end = max(q_end, q_start)
        answer_from = q_last + 1
        label_line = _skip_footnotes(lines, answer_from)
        opening = _answer_opening(lines[label_line]) if label_line < next_stop else None
        if opening is not None:
            labelled, begin = opening
            answer_from = _answer_line(lines, label_line, begin)
    answer, content_lines = _answer_extent(lines, answer_from, next_stop)
    if answer is not None and begin:
        answer = Span(max(answer.start, begin), answer.end)
    refers, pointer = _answer_references(text, lines, content_lines, start.n, begin)
    q_span = Span(q_start, q_end)
    asked_by = asking_fractie(text, q_span.start, q_span.end) or start.fractie
    question = Question(
        series=None,
        n=start.n,
        asked_by=asked_by,
        span=q_span,
        answer=answer,
        answer_refers_to=refers,
        answer_is_pointer=pointer,
        part=start.part,
    )
    return question, labelled


def _joint_answers(questions: list[Question], labelled: list[tuple[int, ...]]) -> list[Question]:
    """One answer to several questions, printed after the last of them ("Vraag 3", "Vraag 4",
    "Antwoord 3 en 4"): the questions before it that its label names and that have no answer of
    their own get it too."""
    out = list(questions)
    for k, numbers in enumerate(labelled):
        joint = out[k]
        if len(numbers) < 2 or joint.answer is None:
            continue
        j = k - 1
        while j >= 0 and out[j].answer is None and out[j].n in numbers and out[j].part == joint.part:
            out[j] = _answered_by(out[j], joint)
            j -= 1
    return out


def _answered_by(q: Question, joint: Question) -> Question:
    """The question given the answer it shares with another (the references to itself left out)."""
    refers = tuple(n for n in joint.answer_refers_to if n != q.n)
    return replace(q, answer=joint.answer, answer_refers_to=refers, answer_is_pointer=joint.answer_is_pointer)


def _next_stop(stops: list[int], line: int, default: int) -> int:
    """The first stop (a boundary or a question's start) after the line, else default."""
    k = bisect.bisect_right(stops, line)
    return stops[k] if k < len(stops) else default


def _answer_opening(line: Line) -> tuple[tuple[int, ...], int] | None:
    """(the question numbers its label gives, none when it gives none; where the answer's text
    begins) when the line opens an answer: its label alone ("Antwoord", "Antwoord 3", "Antwoord 3 en
    4": the text begins after the line) or before its text ("Antwoord: Ja.", "Antwoord op vraag 2:
    ..."); None for any other line."""
    if _first_char(line.text) not in ("A", "a", "R", "r", "*"):
        return None  # most lines: no label
    m = _ANTWOORD.match(line.text)
    begin = line.end
    if m is None:
        m = _ANSWER_INLINE.match(line.text)
        if m is None:
            return None
        begin = line.start + m.end()
    return (tuple(_referred_numbers(m)) if m["first"] else ()), begin


def _answer_line(lines: Sequence[Line], i: int, begin: int) -> int:
    """The first line of an answer whose label is on line i: that line when the text follows the
    label there, else the next."""
    return i if begin < lines[i].end else i + 1


def _answers_in_a_block(
    text: str, lines: Sequence[Line], boundaries: list[_Boundary], questions: list[Question], stops: list[int]
) -> list[Question]:
    """Answers printed after all the questions instead of after each: "Vraag 1", "Vraag 2", then
    "Antwoord 1", "Antwoord 2" (or, under a heading such as "Antwoord van minister X", the numbers
    alone or before the text). Each goes to the unanswered question of its number before it (one
    labelled with several numbers, "Antwoord 3 en 4", to each of them)."""
    waiting: dict[int | None, list[int]] = {}
    for k, q in enumerate(questions):
        if q.answer is None:
            waiting.setdefault(q.n, []).append(k)
    if not any(n is not None for n in waiting):
        return questions  # all answered, or unnumbered (a consultation report's): no numbered answers
    labels = _block_labels(lines, boundaries, questions, waiting.keys() - {None})
    out = list(questions)
    for k, (i, numbers, begin) in enumerate(labels):
        stop = min(labels[k + 1][0] if k + 1 < len(labels) else len(lines), _next_stop(stops, i, len(lines)))
        answer, content = _answer_extent(lines, _answer_line(lines, i, begin), stop)
        if answer is None:
            continue
        answer = Span(max(answer.start, begin), answer.end)
        for n in numbers:
            before = [j for j in waiting.get(n, ()) if out[j].answer is None and out[j].span.end <= lines[i].start]
            if before:
                q = out[before[-1]]
                refers, pointer = _answer_references(text, lines, content, n, begin)
                out[before[-1]] = Question(q.series, q.n, q.asked_by, q.span, answer, refers, pointer, q.part)
    return out


def _block_labels(
    lines: Sequence[Line], boundaries: list[_Boundary], questions: list[Question], numbers: set[int]
) -> list[tuple[int, tuple[int, ...], int]]:
    """(line, question numbers, where the answer's text begins) of each answer printed apart from
    its question, in order: a label "Antwoord N" that no question or answer holds, for an unanswered N;
    under an answer heading after all the questions, also a number alone or before the text, when it
    runs on from the answer before it (the first: the lowest number unanswered), so that a list
    item or a page number in an answer is never taken for one."""
    held = [(q.span.start, (q.answer or q.span).end) for q in questions]  # in document order, apart
    held_starts = [a for a, _ in held]
    first = min(q.span.end for q in questions if q.answer is None)
    last = max(q.span.end for q in questions)  # the heading of a block of answers follows every question
    heading = next((b.line for b in boundaries if b.kind == "answer_section" and lines[b.line].start >= last), None)
    out: list[tuple[int, tuple[int, ...], int]] = []
    expected = min(numbers)
    for i in range(bisect.bisect_left([ln.start for ln in lines], first), len(lines)):
        ln = lines[i]
        k = bisect.bisect_right(held_starts, ln.start) - 1
        if ln.blank or (k >= 0 and ln.start < held[k][1]):
            continue
        found = _block_label(ln, numbers, expected if heading is not None and heading < i else None)
        if found is not None:
            out.append((i, *found))
            expected = max(found[0]) + 1
    return out


def _block_label(line: Line, numbers: set[int], expected: int | None) -> tuple[tuple[int, ...], int] | None:
    """(question numbers, where the text begins) when the line opens an answer of a block: a label
    naming an unanswered question ("Antwoord 3", "Antwoord 3 en 4"), or (under the answers' heading:
    expected given) the expected number alone or before the text."""
    opening = _answer_opening(line)
    if opening is not None:
        labelled, begin = opening
        return (labelled, begin) if numbers.intersection(labelled) else None
    if expected is None or not _first_char(line.text).isdigit():
        return None
    bare = _BARE.match(line.text)
    m = bare or _NUMBERED.match(line.text)
    if m is None or int(m["n"]) != expected:
        return None
    return (expected,), (line.end if bare else line.start + m.end())


def _continues(current: str, following: str) -> bool:
    """Does the next line carry on an unfinished question (a page break, a list after a colon)?"""
    tail = current.rstrip().rstrip("*_").rstrip()
    head = strip_decoration(following)[:1]
    if tail.endswith((":", ";", ",")):
        return True
    return head.islower() or head.isdigit()


def _answer_extent(lines: Sequence[Line], first: int, stop: int) -> tuple[Span | None, list[int]]:
    """The answer's span (from its first to its last line of content) and its content lines."""
    content, _ = _content_lines(lines, first, stop)
    if not content:
        return None, []
    return Span(content_span(lines[content[0]])[0], content_span(lines[content[-1]])[1]), content


def _content_lines(
    lines: Sequence[Line], first: int, stop: int, ends: Callable[[int, int], bool] | None = None
) -> tuple[list[int], int]:
    """The lines of content from `first` to `stop` (no blank line, rule, footnote or address alone on
    its line), and where they end: at stop, or at the first paragraph (lines i to j) after some
    content for which ends(i, j) holds."""
    content: list[int] = []
    i = first
    while i < stop:
        if lines[i].blank or is_rule(lines[i]):
            i += 1
            continue
        if footnote_label(lines, i) is not None:
            i = footnote_extent(lines, i) + 1
            continue
        j = _paragraph_end(lines, i, stop) if ends is not None else i
        if content and ends is not None and ends(i, j):
            break
        content.extend(k for k in range(i, j + 1) if not lines[k].blank and not is_url_line(lines[k]))
        i = j + 1
    return content, i


def _answer_references(
    text: str, lines: Sequence[Line], content: list[int], own: int | None, begin: int = 0
) -> tuple[tuple[int, ...], bool]:
    """(the other questions the answer points to, whether it says nothing but that); begin: where
    the answer's text begins, when its first line opens with its question's number ("3. Zie …")."""
    refs: list[int] = []
    pointer = bool(content)
    for i in content:
        line = lines[i].text[max(0, begin - lines[i].start) :]
        low = line.lower()
        if "vra" not in low and "antwoord" not in low:
            pointer = False  # no "vraag", "vragen" or "antwoord" on this line: no reference, and no pointer
            continue
        for m in _refers_in(line, low):
            refs.extend(n for n in _referred_numbers(m) if n != own)
        pointer = pointer and bool(_POINTER_ONLY.match(strip_decoration(line)))
    return tuple(sorted(set(refs))), pointer


_NEXT_NUMBER = re.compile(r"\s*(?P<sep>,|en|t/m|tot\s+en\s+met)\s*(?:vraag\s+)?(?P<n>\d{1,3})", re.I)


def _referred_numbers(m: re.Match[str]) -> list[int]:
    """The question numbers a reference names: "vragen 1, 4 en 7"; a range whole: "vraag 1 t/m 3",
    "de vragen 1 tot en met 3" are 1, 2 and 3 (a range of more than 50 as its ends only)."""
    numbers = [int(m["first"])]
    for x in _NEXT_NUMBER.finditer(m["more"] or ""):
        n, ranged = int(x["n"]), x["sep"].lower() not in (",", "en")
        numbers.extend(range(numbers[-1] + 1, n + 1) if ranged and 0 < n - numbers[-1] <= 50 else [n])
    return numbers


def _refers_in(line: str, low: str):
    """The references to other questions in a line, the pattern tried only where "vra" or "antwoord" stands."""
    if len(low) != len(line):  # a character whose lower case is longer: positions would shift
        return _REFERS.finditer(line)
    return anchored_matches(_REFERS, line, find_all(low, ("vra", "antwoord")))


def _assign_series(questions: list[Question], starts: list[_Start]) -> list[Question]:
    """Name the numbering series when numbering restarts: by chapter letter, else by fractie."""
    segments: list[list[int]] = []
    for k, s in enumerate(starts):
        if s.n == 1 or not segments:
            segments.append([])
        segments[-1].append(k)
    if len(segments) <= 1:
        return questions
    chapters = [starts[seg[0]].chapter for seg in segments]
    fracties = [starts[seg[0]].fractie for seg in segments]
    if all(chapters) and len(set(chapters)) == len(chapters):
        names = chapters
    elif all(fracties) and len(set(fracties)) == len(fracties):
        names = fracties
    else:
        names = [str(i + 1) for i in range(len(segments))]
    out = list(questions)
    for name, seg in zip(names, segments, strict=True):
        for k in seg:
            q = out[k]
            out[k] = Question(name, q.n, q.asked_by, q.span, q.answer, q.answer_refers_to, q.answer_is_pointer, q.part)
    return out


def _unnumbered_questions(
    text: str, lines: Sequence[Line], part: Part, p_index: int, boundaries: list[_Boundary]
) -> list[Question]:
    """In a fractie's section without numbers, each paragraph that asks something is one question;
    an answer printed after it under a label ("Antwoord", "Reactie:") is its answer, up to the next
    paragraph that asks or speaks for the members again."""
    first = next(i for i, ln in enumerate(lines) if ln.start >= part.span.start)
    stop = next((i for i, ln in enumerate(lines) if ln.start >= part.span.end), len(lines))
    out: list[Question] = []
    i = first + 1
    while i < stop:
        i = _skip_footnotes(lines, i)
        if i >= stop:
            break
        j = _paragraph_end(lines, i, stop)
        opening = _answer_opening(lines[i])
        if opening is not None:
            i = _unnumbered_answer(text, lines, i, opening[1], stop, out)
            continue
        span = Span(content_span(lines[i])[0], content_span(lines[j])[1])
        if _asks(span.quote(text)):
            asked_by = asking_fractie(text, span.start, span.end) or part.fractie
            out.append(Question(None, None, asked_by, span, None, (), False, p_index))
        i = j + 1
    return out


def _paragraph_end(lines: Sequence[Line], i: int, stop: int) -> int:
    """The last line of the paragraph that starts at line i; a paragraph cut by a page break goes on
    in a paragraph that starts in lower case."""
    j = i
    while j + 1 < stop and not lines[j + 1].blank:
        j += 1
    k = _skip_footnotes(lines, j + 1)
    while k < stop and lines[k].text.lstrip()[:1].islower():
        j = k
        while j + 1 < stop and not lines[j + 1].blank:
            j += 1
        k = _skip_footnotes(lines, j + 1)
    return j


_MEMBERS_SPEAK = re.compile(r"^\s*(?:De|Deze)\s+leden\b")


def _unnumbered_answer(text: str, lines: Sequence[Line], label: int, begin: int, stop: int, out: list[Question]) -> int:
    """Give the answer whose label is on line `label` to the last question before it (when it has
    none yet); return the line after the answer. The answer runs over the paragraphs after the label
    until one asks, speaks for the members ("De leden van ...", "Deze leden ...") or is another label."""
    def ends(i: int, j: int) -> bool:
        paragraph = text[lines[i].start : lines[j].end]
        return _answer_opening(lines[i]) is not None or _asks(paragraph) or bool(_MEMBERS_SPEAK.match(paragraph))

    content, i = _content_lines(lines, _answer_line(lines, label, begin), stop, ends)
    if content and out and out[-1].answer is None:
        answer = Span(max(content_span(lines[content[0]])[0], begin), content_span(lines[content[-1]])[1])
        refers, pointer = _answer_references(text, lines, content, None, begin)
        out[-1] = replace(out[-1], answer=answer, answer_refers_to=refers, answer_is_pointer=pointer)
    return i


# A reply to the fracties after all their sections: "II Reactie van de staatssecretaris", under it a
# heading per fractie ("Reactie op de vragen en opmerkingen van de leden van de VVD-fractie"), and the
# members' question told again before each answer ("De leden van de VVD-fractie vragen ... . <answer>").
_REACTION_HEADING = re.compile(r"^\s*(?:\*\*)?(?:Reactie|Antwoord|Beantwoording)\b[^.?!]{0,120}\bleden\b[^.?!]*$", re.I)
_WORD = re.compile(r"\w{4,}")


def _reactions(text: str, lines: Sequence[Line], parts: Sequence[Part], questions: list[Question]) -> list[Question]:
    """The fracties' unnumbered questions answered in a reply section after all their sections: each
    question told again there gets the answer that follows it (matched by fractie and by the words
    they share); in a fractie's part of the reply that tells no question again, the part answers all
    its questions."""
    open_ = [k for k, q in enumerate(questions) if q.answer is None and q.n is None]
    sections = [p for p in parts if p.kind == "fractie_section"]
    if not open_ or not sections:
        return questions
    reply = next((p for p in parts if p.kind == "answers" and p.span.start > sections[-1].span.start), None)
    if reply is None:
        return questions
    out = list(questions)
    blocks = _reply_blocks(text, lines, reply.span)
    telling = {f for f, told, _ in blocks if told is not None}  # fracties whose questions the reply tells again
    for fractie, told, answer in blocks:
        if answer is None:
            continue
        waiting = [k for k in open_ if out[k].answer is None and out[k].asked_by == fractie]
        if told is None:  # the fractie's part of the reply tells none of its questions again: it answers them all
            if fractie not in telling:
                for k in waiting:
                    out[k] = replace(out[k], answer=answer)
            continue
        said = told.quote(text)
        best = max(waiting, key=lambda k: (_shared_words(out[k].span.quote(text), said), -k), default=None)
        if best is not None and _shared_words(out[best].span.quote(text), said) >= 0.3:
            out[best] = replace(out[best], answer=answer)
    return out


def _shared_words(a: str, b: str) -> float:
    """The share of words of four letters or more the two texts have in common (of the smaller set)."""
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _reply_blocks(
    text: str, lines: Sequence[Line], span: Span, heading: bool = True
) -> list[tuple[str | None, Span | None, Span | None]]:
    """(fractie, the question told again or None, the answer's span or None) of each answer in the
    reply (the text of span, after its first line when that is its heading), up to a signature."""
    first = bisect.bisect_left([ln.start for ln in lines], span.start) + heading
    stop = bisect.bisect_left([ln.start for ln in lines], span.end)
    blocks: list[tuple[str | None, Span | None, Span | None]] = []
    fractie: str | None = None
    current: list = []  # [fractie, told span, start of the answer (None until one follows), end]

    def close() -> None:
        if current and current[2] is not None:
            blocks.append((current[0], current[1], Span(current[2], current[3])))
        elif current and current[1] is not None:
            blocks.append((current[0], current[1], None))  # a question told, no answer after it
        current.clear()

    i = first
    while i < stop:
        ln = lines[i]
        if ln.blank or footnote_label(lines, i) is not None:
            i += 1
            continue
        if is_role_line(ln):
            break  # the signature: the reply has ended
        if _REACTION_HEADING.match(ln.text):
            close()
            hits = find_fracties(ln.text)
            fractie = hits[0].canonical if hits else fractie
            i += 1
            continue
        j = _paragraph_end(lines, i, stop)
        start, end = content_span(lines[i])[0], content_span(lines[j])[1]
        if _MEMBERS_SPEAK.match(ln.text):
            close()
            told_end = _told_end(text, start, end)
            answer_start = told_end
            while answer_start < end and text[answer_start].isspace():
                answer_start += 1
            current[:] = [asking_fractie(text, start, end) or fractie, Span(start, told_end),
                          answer_start if answer_start < end else None, end]  # the answer in the same paragraph, or after it
        elif current:
            current[2] = start if current[2] is None else current[2]
            current[3] = end
        else:
            current[:] = [fractie, None, start, end]
        i = j + 1
    close()
    return blocks


def _told_questions(text: str, lines: Sequence[Line], parts: Sequence[Part]) -> list[Question]:
    """A memorie van antwoord or a nota without numbers tells each question of the members again ("De
    leden van de VVD-fractie vragen ...") and answers it below: each told question that asks is a
    question, answered by what follows it. Two at least: a letter that mentions one request of the
    members is no such reply."""
    blocks = [(f, told, answer) for f, told, answer in _reply_blocks(text, lines, Span(0, len(text)), heading=False)
              if told is not None and _asks(told.quote(text))]  # fmt: skip
    if len(blocks) < 2:
        return []
    starts = [ln.start for ln in lines]
    out = []
    for fractie, told, answer in blocks:
        refers, pointer = (), False
        if answer is not None:
            content = [k for k in range(bisect.bisect_left(starts, answer.start), bisect.bisect_left(starts, answer.end))
                       if not lines[k].blank]  # fmt: skip
            refers, pointer = _answer_references(text, lines, content, None, answer.start)
        out.append(Question(None, None, fractie, told, answer, refers, pointer, _part_at(parts, told.start)))
    return out


_MEMBERS_VERB = re.compile(r"\b(?:vragen|vraagt|verzoeken|verzoekt|willen|wensen|merken|wijzen|zij|deze\s+leden)\b", re.I)


def _told_end(text: str, start: int, end: int) -> int:
    """Where the members' question told in the paragraph text[start:end] ends: its first sentence,
    and each next one that still speaks for them ("Zij vragen ook ...", one that asks "?")."""
    told = start
    for m in re.finditer(r"[^.?!]+(?:[.?!]+|$)", text[start:end]):
        sentence = m.group(0)
        if told > start and not (_MEMBERS_VERB.search(sentence) or sentence.rstrip().endswith("?")):
            break
        told = start + m.end()
    return told


def find_parts(text: str, lines: Sequence[Line], doc_kind: str | None, boundaries: list[_Boundary] | None = None) -> list[Part]:
    """The parts of a file, in order: the letter or preamble, chapters of answers, fractie
    sections, an internal memo."""
    boundaries = [
        b
        for b in (find_boundaries(lines) if boundaries is None else boundaries)
        if b.kind in ("chapter", "qa_list", "fractie", "memo", "answer_section")
    ]
    first_text = next((ln.start for ln in lines if not ln.blank), 0)
    lead_kind = "letter" if doc_kind in GOVERNMENT_KINDS else "preamble"
    heads: list[tuple[int, str, str, str | None, str | None]] = [(first_text, lead_kind, "", None, None)]
    chapter: str | None = None
    for b in boundaries:
        kind = {"chapter": "answers", "qa_list": "answers", "fractie": "fractie_section", "memo": "memo",
                "answer_section": "answers"}[b.kind]  # fmt: skip
        if b.kind == "chapter":
            chapter = b.series
        heads.append((lines[b.line].start, kind, b.title, chapter if kind != "memo" else None, b.fractie))
    # a table of contents names the answer section before any question: not a part of its own
    first_section = next((h[0] for h in heads if h[1] == "fractie_section"), None)
    if first_section is not None:
        heads = [h for h in heads if not (h[1] == "answers" and h[0] < first_section and not h[3])]
    end_text = max((ln.end for ln in lines if not ln.blank), default=len(text))
    parts = []
    for k, (start, kind, title, series, fractie) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else end_text
        if end > start or k == len(heads) - 1:
            parts.append(Part(kind, title, Span(start, max(start, end)), series, fractie))
    return parts
