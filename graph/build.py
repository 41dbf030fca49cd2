"""Documents -> RDF: documents, parts, questions, answers, fracties, signatories, footnotes and
tables, each tied to the exact span of text it comes from (W3C Web Annotation selectors)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from extractors.document import Document, Span
from graph import iri
from graph.vocab import DKG, ID, OA, SCHEMA


@dataclass
class BuildSummary:
    documents: int = 0
    questions: int = 0
    answered: int = 0
    by_reference: int = 0
    open: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        self.documents += 1
        for q in doc.questions:
            self.questions += 1
            self.answered += q.answered
            self.by_reference += q.by_reference_only
            self.open += not q.answered


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in (
        ("dkg", DKG._NS), ("id", ID), ("oa", OA), ("schema", SCHEMA), ("dcterms", DCTERMS),
        ("prov", PROV), ("skos", SKOS), ("xsd", XSD), ("rdfs", RDFS),
    ):  # fmt: skip
        g.bind(prefix, ns, override=True)
    return g


def add_span(g: Graph, owner: URIRef, doc_iri: URIRef, span: Span, text: str) -> None:
    """owner dkg:span [ a oa:TextPositionSelector, oa:TextQuoteSelector; oa:start; oa:end; oa:exact ]."""
    node = iri.span_iri(owner)
    g.add((owner, DKG.span, node))
    g.add((node, RDF.type, OA.TextPositionSelector))
    g.add((node, RDF.type, OA.TextQuoteSelector))
    g.add((node, OA.start, Literal(span.start)))
    g.add((node, OA.end, Literal(span.end)))
    g.add((node, OA.exact, Literal(span.quote(text))))
    g.add((node, DKG.inDocument, doc_iri))


def add_document(g: Graph, doc: Document) -> URIRef:
    d = iri.document_iri(doc)
    g.add((d, RDF.type, DKG.Document))
    g.add((d, DKG.fileName, Literal(doc.name)))
    g.add((d, DKG.contentHash, Literal(iri.content_hash(doc.text))))
    g.add((d, DKG.textLength, Literal(len(doc.text))))
    if doc.kind:
        g.add((d, DKG.documentKind, Literal(doc.kind)))
    if doc.chamber:
        g.add((d, DKG.chamber, Literal(doc.chamber)))
    if doc.date:
        g.add((d, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
    if doc.title:
        g.add((d, DCTERMS.title, Literal(doc.title)))
    for number in doc.dossier:
        g.add((d, DKG.dossier, Literal(number)))
    for ref in doc.identifiers:
        g.add((d, DKG.ownReference, Literal(ref)))
    _add_parts(g, doc, d)
    _add_signatures(g, doc, d)
    _add_questions(g, doc, d)
    _add_footnotes(g, doc, d)
    _add_tables(g, doc, d)
    return d


def _add_parts(g: Graph, doc: Document, d: URIRef) -> None:
    for k, part in enumerate(doc.parts):
        p = iri.part_iri(doc, k)
        g.add((p, RDF.type, DKG.Part))
        g.add((d, DKG.hasPart, p))
        g.add((p, DKG.partKind, Literal(part.kind)))
        if part.title:
            g.add((p, DCTERMS.title, Literal(part.title)))
        if part.series:
            g.add((p, DKG.series, Literal(part.series)))
        if part.fractie:
            g.add((p, DKG.askedBy, _fractie(g, part.fractie)))
        add_span(g, p, d, part.span, doc.text)


def _fractie(g: Graph, name: str) -> URIRef:
    f = iri.fractie_iri(name)
    g.add((f, RDF.type, DKG.Fractie))
    g.add((f, SKOS.prefLabel, Literal(name)))
    return f


def _add_signatures(g: Graph, doc: Document, d: URIRef) -> None:
    for s in doc.signatories:
        person = iri.person_iri(s.name)
        g.add((person, RDF.type, SCHEMA.Person))
        g.add((person, SCHEMA.name, Literal(s.name)))
        sig = URIRef(f"{d}/signature/{iri.slug(s.name)}")
        g.add((sig, RDF.type, DKG.Signature))
        g.add((d, DKG.signature, sig))
        g.add((sig, DKG.signatory, person))
        if s.role:
            g.add((sig, DKG.role, Literal(s.role)))
        add_span(g, sig, d, s.span, doc.text)


def _add_questions(g: Graph, doc: Document, d: URIRef) -> None:
    numbered = {(q.series, q.n): q for q in doc.questions if q.n is not None}
    for q in doc.questions:
        node = iri.question_iri(doc, q)
        g.add((node, RDF.type, SCHEMA.Question))
        g.add((node, DKG.inDocument, d))
        g.add((node, DKG.inPart, iri.part_iri(doc, q.part)))
        if q.series:
            g.add((node, DKG.series, Literal(q.series)))
        if q.n is not None:
            g.add((node, DKG.number, Literal(q.n)))
        if q.asked_by:
            g.add((node, DKG.askedBy, _fractie(g, q.asked_by)))
        g.add((node, DKG.answered, Literal(q.answered)))
        g.add((node, DKG.answeredByReferenceOnly, Literal(q.by_reference_only)))
        add_span(g, node, d, q.span, doc.text)
        if q.answer is None:
            continue
        a = iri.answer_iri(doc, q)
        g.add((a, RDF.type, SCHEMA.Answer))
        g.add((node, SCHEMA.acceptedAnswer, a))
        g.add((a, SCHEMA.parentItem, node))
        g.add((a, DKG.inDocument, d))
        add_span(g, a, d, q.answer, doc.text)
        for n in q.answer_refers_to:
            target = numbered.get((q.series, n))
            if target is None:
                continue  # a question of another document or series: kept on the mention only
            g.add((a, DKG.refersToQuestion, iri.question_iri(doc, target)))
            if target.answer is not None:
                g.add((a, DKG.refersToAnswer, iri.answer_iri(doc, target)))


def _add_footnotes(g: Graph, doc: Document, d: URIRef) -> None:
    for f in doc.footnotes:
        node = URIRef(f"{d}/footnote/{f.span.start}")
        g.add((node, RDF.type, DKG.Footnote))
        g.add((node, DKG.inDocument, d))
        g.add((node, DKG.footnoteLabel, Literal(f.label)))
        add_span(g, node, d, f.span, doc.text)
        if f.anchor is not None:
            anchor = URIRef(f"{node}/anchor")
            g.add((node, DKG.anchor, anchor))
            g.add((anchor, OA.start, Literal(f.anchor.start)))
            g.add((anchor, OA.end, Literal(f.anchor.end)))
            g.add((anchor, OA.exact, Literal(f.anchor.quote(doc.text))))


def _add_tables(g: Graph, doc: Document, d: URIRef) -> None:
    for t in doc.tables:
        table = URIRef(f"{d}/table/{t.span.start}")
        g.add((table, RDF.type, DKG.Table))
        g.add((table, DKG.inDocument, d))
        add_span(g, table, d, t.span, doc.text)
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                if not cell.text:
                    continue
                node = URIRef(f"{table}/cell/{r}/{c}")
                g.add((table, DKG.cell, node))
                g.add((node, RDF.type, DKG.TableCell))
                g.add((node, DKG.row, Literal(r)))
                g.add((node, DKG.column, Literal(c)))
                add_span(g, node, d, cell.span, doc.text)


def build_graph(docs: Iterable[Document], summary: BuildSummary | None = None) -> Graph:
    g = new_graph()
    for doc in docs:
        add_document(g, doc)
        if summary is not None:
            summary.add(doc)
    return g
