"""Stable IRIs derived from content: the same document text always gets the same names."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from extractors.document import Document, Question, per_document
from graph.vocab import ID


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slug(s: str) -> str:
    """'Dilan Yeşilgöz-Zegerius' -> 'dilan-yesilgoz-zegerius'."""
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


@per_document
def document_iri(doc: Document) -> URIRef:
    """(Kept per document: every node of the document is named under it.) A document with its own
    full Kamerstuk number is named by it (kamerstuk/21501-28/300);
    others by their text, so that the same letter under another file name is the same document."""
    if doc.official_number:
        dossier, _, number = doc.official_number.rpartition("-")
        return ID[f"kamerstuk/{dossier}/{number}"]
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


def mention_iri(doc: Document, kind: str, start: int, end: int) -> str:
    """A plain string, not an rdflib term: the graph, the claim rows and the commitment rows each
    name every mention of an archive (an rdflib term validates its IRI each time it is made)."""
    return f"{document_iri(doc)}/m/{kind}/{start}-{end}"


def entity_iri(key: str) -> URIRef:
    return ID[f"entity/{slug(key)}"]


def reference_iri(type_: str, value: str, volgnummer: str | int | None = None) -> URIRef:
    """Kamerstukken by their official numbers (kamerstuk/36800-X/3, the same name as the document
    itself when it is in the graph); other identifiers by type and value."""
    if type_ in ("kamerstuk", "motie"):
        if volgnummer is not None and value.endswith(f"-{volgnummer}"):
            return ID[f"{type_}/{value[: -len(str(volgnummer)) - 1]}/{volgnummer}"]
        return ID[f"{type_}/{value}"]
    if type_ == "url":
        return URIRef(value if "://" in value else f"https://{value}")
    return ID[f"{type_}/{slug(value)}"]


def extractor_iri(label: str) -> URIRef:
    return ID[f"extractor/{slug(label)}"]
