"""Stable IRIs derived from content: the same document text always gets the same names."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from extractors.document import Document, Question
from graph.vocab import ID


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slug(s: str) -> str:
    """'Dilan Yeşilgöz-Zegerius' -> 'dilan-yesilgoz-zegerius'."""
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


def document_iri(doc: Document) -> URIRef:
    # The text decides the name: the same letter under another file name is the same document.
    return ID[f"doc/{content_hash(doc.text)[:16]}"]


def part_iri(doc: Document, index: int) -> URIRef:
    return URIRef(f"{document_iri(doc)}/part/{index}")


def question_iri(doc: Document, q: Question) -> URIRef:
    if q.n is None:
        return URIRef(f"{document_iri(doc)}/q/at-{q.span.start}")
    return URIRef(f"{document_iri(doc)}/q/{slug(q.series) if q.series else '-'}/{q.n}")


def answer_iri(doc: Document, q: Question) -> URIRef:
    return URIRef(f"{question_iri(doc, q)}/answer")


def fractie_iri(name: str) -> URIRef:
    return ID[f"fractie/{slug(name)}"]


def person_iri(name: str) -> URIRef:
    return ID[f"person/{slug(name)}"]


def span_iri(owner: URIRef) -> URIRef:
    return URIRef(f"{owner}/span")
