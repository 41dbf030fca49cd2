"""Questions as mentions of kind `question` (one per question, spanning its text)."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.document import Document, Mention
from extractors.registry import Extractor

NAME, VERSION = "questions", "11"


def question_mentions(doc: Document) -> Iterator[Mention]:
    for q in doc.questions:
        yield Mention(
            doc=doc.name,
            kind="question",
            start=q.span.start,
            end=q.span.end,
            text=q.span.quote(doc.text),
            value=q.label if q.n is not None else None,
            extractor=f"{NAME}@{VERSION}",
            fields={
                "series": q.series,
                "n": q.n,
                "asked_by": q.asked_by,
                "answered": q.answered,
                "answer_refers_to": list(q.answer_refers_to),
                "answered_by_reference_only": q.by_reference_only,
                "answer_start": q.answer.start if q.answer else None,
                "answer_end": q.answer.end if q.answer else None,
                "part": doc.parts[q.part].kind if doc.parts else None,
            },
        )


EXTRACTOR = Extractor(NAME, VERSION, ("question",), question_mentions)
