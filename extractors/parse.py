"""From text to Document: the one entry point that runs the structure extractors."""

from __future__ import annotations

from extractors.document import Document, Signatory
from extractors.motions import motion_parts
from extractors.questions import find_boundaries, find_parts, segment_questions
from extractors.reading import SourceText
from extractors.structure import (
    detect_chamber,
    detect_date,
    detect_kind,
    detect_own_numbers,
    detect_title,
    find_footnotes,
    find_signatories,
    find_tables,
    official_number,
)
from extractors.text import split_lines
from extractors.turns import find_turns, turn_parts

# The version of the structure readers: part of the key under which a build caches a document's
# results, so that a change here re-reads every document (the extractors have their own versions).
VERSION = "3"


def parse_document(source: SourceText) -> Document:
    """Read a document's structure: metadata, parts, signatories, footnotes, tables, questions."""
    text = source.text
    lines = split_lines(text)
    kind = detect_kind(text)
    boundaries = find_boundaries(lines)
    turns = find_turns(text, lines) if kind in (None, "debat") else []
    if turns:
        kind = "debat"
        parts = turn_parts(text, lines, turns)
    else:
        parts = (motion_parts(text, lines) if kind == "motie" else []) or find_parts(text, lines, kind, boundaries)
    dossier, identifiers = detect_own_numbers(text)
    return Document(
        name=source.name,
        path=source.path,
        text=text,
        kind=kind,
        chamber=detect_chamber(text),
        date=detect_date(text),
        dossier=dossier,
        official_number=official_number(dossier, text),
        identifiers=identifiers,
        title=detect_title(lines),
        signatories=_signatories(lines),
        parts=tuple(parts),
        footnotes=tuple(find_footnotes(text, lines)),
        tables=tuple(find_tables(lines)),
        questions=tuple(segment_questions(text, lines, parts, boundaries)),
        warnings=source.warnings,
        pages=source.pages,
    )


def _signatories(lines) -> tuple[Signatory, ...]:
    """Everyone who signs, once each, in order of first signature."""
    seen: dict[tuple[str, str | None], Signatory] = {}
    for _, _, sigs in find_signatories(lines):
        for s in sigs:
            if s.name:
                seen.setdefault((s.name, s.role), s)
    return tuple(seen.values())
