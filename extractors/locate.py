"""Where an offset sits in a document: which question or answer, or else which part; and which
mentions start in a range of offsets."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from extractors.document import GOVERNMENT_FUNCTIONS, GOVERNMENT_KINDS, Document, Mention, Part, Question, per_document


class Locator:
    """Answers "in which question or answer is offset N?" in O(log n) per lookup."""

    def __init__(self, doc: Document):
        self.doc = doc
        spans = []
        for k, q in enumerate(doc.questions):
            spans.append((q.span.start, q.span.end, f"{q.label} question" if q.n is not None else "question", k, False))
            if q.answer is not None:
                label = f"{q.label} answer" if q.n is not None else "answer"
                spans.append((q.answer.start, q.answer.end, label, k, True))
        spans.sort()
        self.starts = [s[0] for s in spans]
        self.spans = spans
        self.part_starts = [p.span.start for p in doc.parts]

    def find(self, offset: int) -> tuple[Question, bool] | None:
        """The question whose text (False) or answer (True) holds offset, or None."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.doc.questions[self.spans[i][3]], self.spans[i][4]
        return None

    def where(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i][2]
        part = self.part(offset)
        if part is not None and part.kind == "turn":
            return f"turn {part.title}"
        return part.kind if part is not None else None

    def part(self, offset: int) -> Part | None:
        k = bisect.bisect_right(self.part_starts, offset) - 1
        return self.doc.parts[k] if k >= 0 else None


class MentionsByStart:
    """Mentions in order of start (as the extractors give them), looked up by a range of offsets
    in O(log n): "the dates in this sentence" without reading every date of the document."""

    def __init__(self, mentions: Sequence[Mention]):
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def within(self, start: int, end: int) -> Sequence[Mention]:
        """The mentions that start in [start, end)."""
        return self.mentions[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]


@per_document
def locator(doc: Document) -> Locator:
    """The Locator of a document, built once however many extractors and graph steps ask."""
    return Locator(doc)


GOVERNMENT = "regering"


def speaker_at(doc: Document, where: Locator, offset: int) -> tuple[str | None, bool, str | None]:
    """(who says it, whether it is asked, the place: "X16 answer", "SP7 question", "letter")."""
    found = where.find(offset)
    if found is None:
        part = where.part(offset)
        place = where.where(offset)
        if part is not None and part.kind == "turn":  # a debate: the government, a fractie, or the chair
            speaker = GOVERNMENT if part.role in GOVERNMENT_FUNCTIONS else part.fractie or part.role
            return speaker, False, place
        return (GOVERNMENT if place in ("letter", "memo") and doc.kind in GOVERNMENT_KINDS else None), False, place
    q, in_answer = found
    label = f"{q.label} {'answer' if in_answer else 'question'}" if q.n is not None else ("answer" if in_answer else "question")
    if in_answer:
        return GOVERNMENT, False, label
    return q.asked_by or "Kamer", True, label


class Situated(NamedTuple):
    """A mention with where it stands, resolved once by the extractors so that the graph never
    calls back into the text helpers: its sentence, who says it, and its question or answer."""

    mention: Mention
    sentence: tuple[int, int]
    context: str  # the sentence's text, stripped
    speaker: str | None
    asked: bool  # stands in a question
    place: str | None  # "X16 answer", "SP7 question", "letter", ...
    question: int | None  # index into doc.questions of the question or answer it stands in
    in_answer: bool


def situate(doc: Document, mentions: Sequence[Mention]) -> list[Situated]:
    """Every mention with its sentence, speaker and place (questions have their own nodes and are
    passed through with their place only)."""
    from extractors.text import sentence_bounds

    where = locator(doc)
    index = {id(q): k for k, q in enumerate(doc.questions)}
    out = []
    for m in mentions:
        s, e = sentence_bounds(doc.text, m.start)
        speaker, asked, place = speaker_at(doc, where, m.start)
        found = where.find(m.start)
        question, in_answer = (index[id(found[0])], found[1]) if found else (None, False)
        out.append(Situated(m, (s, e), doc.text[s:e].strip(), speaker, asked, place, question, in_answer))
    return out
