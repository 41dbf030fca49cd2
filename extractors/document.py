"""The document model: a document's text and the parts, questions, answers, footnotes and tables
found in it. Every element carries character offsets into the text as read."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")
K = TypeVar("K")


class Span(NamedTuple):
    """Half-open character range [start, end) into a document's text. (A named tuple, like Line:
    immutable, ordered by start then end, and cheap to make by the thousand.)"""

    start: int
    end: int

    def quote(self, text: str) -> str:
        return text[self.start : self.end]


class Line(NamedTuple):
    """One line of the text, without its line ending. (A named tuple: documents have thousands
    of lines, and a tuple is several times cheaper to make than a frozen dataclass.)"""

    start: int
    end: int
    text: str
    blank: bool  # nothing but white space


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str | None
    span: Span


# documents the government writes: their text before any chapter of answers is its own voice
# (the Eerste Kamer's register of toezeggingen records the government's promises in its words)
GOVERNMENT_KINDS = ("brief", "nota naar aanleiding van verslag", "memorie van toelichting", "memorie van antwoord",
                    "toezeggingen Eerste Kamer", "toezeggingen")  # fmt: skip
# the functions whose turns in a debate are the government's voice
GOVERNMENT_FUNCTIONS = ("minister", "staatssecretaris", "minister-president")


@dataclass(frozen=True)
class Part:
    """A part of a file: the letter, a chapter of answers, a fractie's questions, a memo."""

    kind: str  # letter, answers, fractie_section, memo, report, turn (a speaker's turn in a debate)
    title: str
    span: Span
    series: str | None = None  # chapter letter (X, K) when the part names one
    fractie: str | None = None
    speaker: str | None = None  # a turn's speaker, as printed: "Verhoef"
    role: str | None = None  # a turn's speaker's function: minister, staatssecretaris, kamerlid, voorzitter


@dataclass(frozen=True)
class Footnote:
    """A footnote body and the anchor in the running text that cites it (None when not found)."""

    label: str
    span: Span
    anchor: Span | None
    text: str


@dataclass(frozen=True)
class Cell:
    span: Span
    text: str


@dataclass(frozen=True)
class Table:
    span: Span
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Question:
    """A question as printed, and where its answer is (None when it has none)."""

    series: str | None
    n: int | None
    asked_by: str | None
    span: Span
    answer: Span | None
    answer_refers_to: tuple[int, ...] = ()
    answer_is_pointer: bool = False  # the answer says nothing but "Zie antwoord op vraag N"
    part: int = 0  # index into Document.parts

    @property
    def answered(self) -> bool:
        return self.answer is not None

    @property
    def by_reference_only(self) -> bool:
        """Answered with nothing but a pointer to other answers ("Zie antwoord op vraag 15.")."""
        return bool(self.answer_refers_to) and self.answer is not None and self.answer_is_pointer

    @property
    def label(self) -> str:
        number = "?" if self.n is None else str(self.n)
        return f"{self.series}{number}" if self.series else number


class Mention(NamedTuple):
    """One extracted mention: a span of a document, its kind and its normalised value. (A named
    tuple: a corpus has thousands, and a tuple is several times cheaper to make than a frozen
    dataclass.)"""

    doc: str
    kind: str
    start: int
    end: int
    text: str
    value: Any
    extractor: str
    fields: Mapping[str, Any] = MappingProxyType({})  # read-only: a shared default must not change

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "doc": self.doc,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
        }
        row.update(self.fields)
        row["extractor"] = self.extractor
        return row


@dataclass(frozen=True)
class Document:
    name: str
    path: str
    text: str
    kind: str | None = None
    chamber: str | None = None
    date: str | None = None
    dossier: tuple[str, ...] = ()  # own Kamerstuk / dossier numbers, normalised
    official_number: str | None = None  # the full own Kamerstuk number, when printed (21501-28-300)
    identifiers: tuple[str, ...] = ()  # own reference numbers (MINDEF..., volgnummer, ...)
    title: str | None = None
    signatories: tuple[Signatory, ...] = ()
    parts: tuple[Part, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    tables: tuple[Table, ...] = ()
    questions: tuple[Question, ...] = ()
    warnings: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()  # where each page begins (a PDF); empty for plain text

    def page_of(self, offset: int) -> int | None:
        """The 1-based page an offset is on, or None when the document has no pages."""
        return bisect.bisect_right(self.pages, offset) if self.pages else None


def per_document(compute: Callable[[K], T]) -> Callable[[K], T]:
    """Memoise a derived view of the document being processed: the extractors and the graph
    builder that need the same view (its dates, its question locator, the literals and digit runs
    of its text) share one computation. The key is the document, or its text where the view is
    needed before the Document exists. One slot, kept by identity: documents stream through one
    at a time. `forget()` empties the slot (when what the view depends on has changed)."""
    last: list = [None, None]

    def cached(key: K) -> T:
        if last[0] is not key:
            last[0], last[1] = key, compute(key)
        return last[1]

    def forget() -> None:
        last[0] = last[1] = None

    cached.__doc__ = compute.__doc__
    cached.__name__ = compute.__name__
    cached.forget = forget  # type: ignore[attr-defined]
    return cached
