"""Motions followed across documents: a later "motie-Kramers" or "de motie van het lid Kramers c.s."
names a motion by its submitter, and is linked to the motion document of the build that it can only
mean. (A motion cited with its number, "(36 800 X, nr. 121)", is linked already: the reference and
the motion document share their IRI.)

The per-document step gives compact rows: a motion document's submitters and date, and another
document's mentions of a motion by name. The cross-document step joins them through an index on
the submitters' names, so that its cost follows the number of documents, never their pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from extractors.document import Document
from extractors.locate import Situated
from graph.terms import DKG, ELI, iri

MOTION_ROLE = "indiener motie"  # a motion named by its submitter: "motie-Kramers", "motie van het lid Kramers"
SUBMITTER_ROLES = ("indiener", MOTION_ROLE)  # in a motion's own head: "MOTIE VAN DE LEDEN KRAMERS EN ..."


def submitters(doc: Document, situated: Sequence[Situated]) -> list:
    """The person mentions of a motion's head that name its submitters."""
    head_end = next((p.span.end for p in doc.parts if p.kind == "preamble"), len(doc.text))
    return [s.mention for s in situated if s.mention.kind == "person" and s.mention.start < head_end
            and s.mention.fields.get("role") in SUBMITTER_ROLES]  # fmt: skip


class MotionRows(NamedTuple):
    document: str  # the document's IRI
    date: str | None
    submitters: tuple[str, ...]  # a motion's submitters, folded; empty for any other document
    cited: tuple[tuple[str, str], ...]  # (mention IRI, submitter's name folded) of motions named in it


def _name(text: str) -> str:
    return " ".join(text.split()).casefold()


def motion_rows(doc: Document, situated: Sequence[Situated]) -> MotionRows:
    from graph.iri import document_iri, mention_iri

    if doc.kind == "motie":
        names = tuple(dict.fromkeys(_name(str(m.value)) for m in submitters(doc, situated)))
        return MotionRows(str(document_iri(doc)), doc.date, names, ())
    named = [s.mention for s in situated if s.mention.kind == "person" and s.mention.fields.get("role") == MOTION_ROLE]
    cited = tuple((mention_iri(doc, m.kind, m.start, m.end), _name(str(m.value))) for m in named)
    return MotionRows(str(document_iri(doc)), doc.date, (), cited)


def motion_triples(rows: Iterable[MotionRows]) -> set[tuple[str, str, str]]:
    """A motion named by its submitter in a later document, linked when the build holds exactly one
    motion of that submitter made on or before that document's date (or either is undated)."""
    rows = list(rows)
    by_submitter: dict[str, list[MotionRows]] = defaultdict(list)
    for r in rows:
        for name in r.submitters:
            by_submitter[name].append(r)
    out: set[tuple[str, str, str]] = set()
    for r in rows:
        for mention, name in r.cited:
            candidates = {m.document for m in by_submitter.get(name, ())
                          if m.document != r.document and (not m.date or not r.date or m.date <= r.date)}  # fmt: skip
            if len(candidates) == 1:
                (motion,) = candidates
                out.add((iri(mention), DKG.refersToMotion, iri(motion)))
                out.add((iri(r.document), ELI.cites, iri(motion)))
    return out
