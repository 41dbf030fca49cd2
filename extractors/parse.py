"""From text to Document: the one entry point that runs the structure extractors."""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.document import GOVERNMENT_FUNCTIONS, Document, Signatory
from extractors.fracties import canonical_fractie
from extractors.metadata import kind_of_type
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
VERSION = "19"


def parse_document(source: SourceText) -> Document:
    """Read a document's structure: metadata, parts, signatories, footnotes, tables, questions."""
    text = source.text
    lines = split_lines(text)
    given = dict(source.metadata)  # the publisher's metadata decides over the head's text
    signatories = _signatories(lines)
    asker = _asker(text)  # the fractie of written questions, from their head
    kind = detect_kind(text)
    boundaries = find_boundaries(lines)
    turns = find_turns(text, lines) if kind in (None, "debat") else []
    if turns:
        kind = "debat"
        parts = turn_parts(text, lines, turns)
    else:
        if kind is None and not given.get("type"):
            kind = _letter_by_signature(asker, signatories)
        parts = (motion_parts(text, lines) if kind == "motie" else []) or find_parts(text, lines, kind, boundaries)
    dossier, identifiers = detect_own_numbers(text)
    if given.get("identifier"):
        identifiers = tuple(dict.fromkeys((*identifiers, given["identifier"])))
    number = given.get("number") or official_number(dossier, text)
    if number and number not in dossier:
        dossier = (number, *dossier)
    questions = segment_questions(text, lines, parts, boundaries)
    return Document(
        name=source.name,
        path=source.path,
        text=text,
        kind=kind or kind_of_type(given.get("type")) or ("antwoorden op Kamervragen" if asker else None),
        chamber=given.get("chamber") or detect_chamber(text),
        date=given.get("date") or detect_date(text),
        dossier=dossier,
        official_number=number,
        identifiers=identifiers,
        title=given.get("title") or detect_title(lines),
        signatories=signatories,
        parts=tuple(parts),
        footnotes=tuple(find_footnotes(text, lines)),
        tables=tuple(find_tables(lines)),
        questions=_asked_by_head(questions, asker),
        warnings=source.warnings,
        pages=source.pages,
    )


_ASKER = re.compile(r"^\s*Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+[^\n]*?\((?P<f>[^()\n]{2,30})\)", re.M)


def _asker(text: str) -> str | None:
    """The fractie of written questions' head: "Vragen van het lid Kramers (CDA) aan de minister"."""
    m = _ASKER.search(text, 0, 3000)
    return canonical_fractie(m["f"]) if m else None


def _asked_by_head(questions, fractie: str | None) -> tuple:
    """Written questions (Kamervragen) are asked by the fractie their head names."""
    if fractie is None:
        return tuple(questions)
    return tuple(q if q.asked_by else replace(q, asked_by=fractie) for q in questions)


def _letter_by_signature(asker: str | None, signatories: tuple[Signatory, ...]) -> str | None:
    """A letter whose head names no kind ("Brief van de minister" in ordinary case, a letter as
    typed) is still the government's when a minister or state secretary signs it; written questions
    (whose head names who asks) are never a letter, whoever answers them."""
    if asker is not None:
        return None
    signed = any(s.role and s.role.lower().startswith(GOVERNMENT_FUNCTIONS) for s in signatories)
    return "brief" if signed else None


def _signatories(lines) -> tuple[Signatory, ...]:
    """Everyone who signs, once each, in order of first signature."""
    seen: dict[tuple[str, str | None], Signatory] = {}
    for _, _, sigs in find_signatories(lines):
        for s in sigs:
            if s.name:
                seen.setdefault((s.name, s.role), s)
    return tuple(seen.values())
