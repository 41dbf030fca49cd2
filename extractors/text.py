"""Lines of a text with their offsets, and the small clean-ups the PDF conversion calls for."""

from __future__ import annotations

import re

from extractors.document import Line, per_document

_LINE = re.compile(r"[^\r\n]*")


def split_lines(text: str) -> list[Line]:
    """Every line of text with its offsets; the line ending (\\n, \\r\\n or \\r) is not part of it."""
    if "\r" not in text:  # the common case: one fast split
        lines, pos = [], 0
        for part in text.split("\n"):
            lines.append(Line(pos, pos + len(part), part, not part.strip()))
            pos += len(part) + 1
        return lines
    lines = []
    pos, n = 0, len(text)
    while pos <= n:
        m = _LINE.match(text, pos)
        assert m is not None
        lines.append(Line(m.start(), m.end(), m.group(), not m.group().strip()))
        pos = m.end()
        if pos >= n:
            break
        pos += 2 if text.startswith("\r\n", pos) else 1
    return lines


_EMPHASIS = ("**", "__", "*")


def _strip_emphasis_left(s: str) -> str:
    for mark in _EMPHASIS:
        if s.startswith(mark):
            return s[len(mark) :]
    return s


def _strip_emphasis_right(s: str) -> str:
    for mark in _EMPHASIS:
        if s.endswith(mark):
            return s[: -len(mark)]
    return s


def strip_decoration(s: str) -> str:
    """The words of a line without markdown headings, emphasis and list markers around them.

    (String methods rather than one regex: a regex anchored at the end of a long line is tried
    at every position of it.)
    """
    s = s.strip().lstrip(">#").lstrip()
    if len(s) > 1 and s[0] in "-*·•" and s[1] in " \t":
        s = s[2:].lstrip()
    s = _strip_emphasis_left(s).strip()
    return _strip_emphasis_right(s).strip()


_LEAD = re.compile(r"\s*[>#]*\s*(?:\*\*|__|\*)?\s*")  # quote and heading marks, emphasis, spaces


def content_span(line: Line) -> tuple[int, int]:
    """Offsets of the line's text without the decoration around it (quote and heading marks and
    emphasis in front, emphasis behind, white space). Counted, not copied: lines can be long."""
    text = line.text
    start = _LEAD.match(text).end()  # type: ignore[union-attr]
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    for mark in _EMPHASIS:
        if text.endswith(mark, 0, end):
            end -= len(mark)
            break
    while end and text[end - 1].isspace():
        end -= 1
    return line.start + start, line.start + max(end, start)


_TERMINAL = re.compile(r"""[?.!)"”’'»]$""")


def ends_sentence(s: str) -> bool:
    """True when s (decoration removed) ends like a finished sentence or question."""
    s = s.rstrip().rstrip("*_").rstrip()
    return bool(_TERMINAL.search(s))


def find_all(text: str, words) -> list[int]:
    """Every position where one of the words occurs, sorted. str.find runs in C: far faster than a
    regex whose alternatives may start at any letter of the text."""
    found = []
    for w in words:
        pos = text.find(w)
        while pos >= 0:
            found.append(pos)
            pos = text.find(w, pos + 1)
    return sorted(found)


_SENTENCE_MARKS = (". ", "? ", "! ")  # and a line break
_MAX_SENTENCE = 1500  # look no further: a sentence is shorter, and an unbounded find is a scan to the end


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence around offset: from after the previous . ? ! or line break to the next.
    (The line is found first and the other marks are looked for in it alone: lines are short.)"""
    lo, hi = max(0, offset - _MAX_SENTENCE), min(len(text), offset + _MAX_SENTENCE)
    before = text.rfind("\n", lo, offset)
    start = max(before, lo - 1, *(text.rfind(mark, max(lo, before), offset) for mark in _SENTENCE_MARKS))
    after = text.find("\n", offset, hi)
    stop = hi if after < 0 else after
    ends = [i for i in (text.find(mark, offset, stop) for mark in _SENTENCE_MARKS) if i >= 0]
    if after >= 0:
        ends.append(after)
    return start + 1, (min(ends) + 1 if ends else hi)


def lowered_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern as a case-sensitive one, for lower-cased text: the same decision,
    some three times faster (under re.I the regex engine cannot skip ahead to a literal)."""
    assert pattern.flags & re.I and not re.search(r"\\[A-Z]", pattern.pattern), pattern.pattern
    assert all(name == name.lower() for name in pattern.groupindex), pattern.pattern
    source = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(source, pattern.flags & ~re.I)


class Claimed:
    """Character ranges of a text already given to a mention, so that a later, weaker reading of
    the same characters is passed over (one byte per character: overlap tests in C)."""

    def __init__(self, length: int):
        self._mask = bytearray(length)

    def claim(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\1" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return b"\1" in self._mask[start:end]


def in_name(c: str) -> bool:
    """Is c a character a word or a hyphenated name goes on with: the patterns' [\\w-]. A name found
    at a position holds only when the characters beside it are not (it is not part of a longer word)."""
    return c.isalnum() or c in "_-"


def token_start(text: str, pos: int, limit: int = 300) -> int:
    """Where the token holding pos begins: after the last space, line break or "(" before it,
    looking back at most limit characters (a longer token is not looked at)."""
    lo = max(0, pos - limit)
    space = text.rfind(" ", lo, pos)
    lo = max(lo, space + 1)  # spaces are frequent: the other two are looked for after the last one
    return max(space, text.rfind("\n", lo, pos), text.rfind("(", lo, pos)) + 1


_DIGITS = "0123456789"


@per_document
def digit_run_starts(text: str) -> list[int]:
    """Where each run of (ASCII) digits begins, in order (found once per document text, for the
    figures and the dates). Every figure, date and number starts at one, so the patterns that read
    them are anchored there instead of being searched across the whole text: ten str.find loops
    in C take a third of the time a regex needs to step over every character."""
    found = set()
    for d in _DIGITS:
        pos = text.find(d)
        while pos >= 0:
            found.add(pos)
            pos = text.find(d, pos + 1)
    return sorted(p for p in found if p - 1 not in found)


def anchored_matches(pattern: re.Pattern[str], text: str, starts: list[int]):
    """The matches pattern.finditer(text) would give, when a match can only begin at one of the
    starts: each start is tried once, and a start inside an earlier match is skipped."""
    end = 0
    for p in starts:
        if p < end:
            continue
        m = pattern.match(text, p)
        if m is not None:
            end = m.end()
            yield m


# The particles of Dutch surnames ("van der Lee", "De Wit-Aydin", "in 't Veld"): lower case inside a
# full name, capitalised at its start; and a printed surname with its particles, for patterns.
NAME_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "het", "in", "'t", "von", "la", "le"})
SURNAME_PATTERN = r"(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Ii]n\s+'t)\s+)*[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*"
