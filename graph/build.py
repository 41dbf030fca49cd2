"""Documents -> RDF: documents, parts, questions, answers, fracties, signatories, footnotes and
tables, each tied to the exact span of text it comes from (W3C Web Annotation selectors)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from extractors.document import Document, Span
from extractors.locate import Locator, locator
from extractors.registry import extract_mentions
from extractors.text import sentence_bounds
from graph import iri
from graph.claims import speaker_at
from graph.vocab import DKG, ID, OA, SCHEMA


@dataclass
class BuildSummary:
    documents: int = 0
    questions: int = 0
    answered: int = 0
    by_reference: int = 0
    open: int = 0
    claims: int = 0
    links: int = 0
    commitments: int = 0
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
        ("time", Namespace("http://www.w3.org/2006/time#")), ("eli", Namespace("http://data.europa.eu/eli/ontology#")),
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


def _run_iri() -> URIRef:
    """The extraction run, named by the extractors and versions it used (no timestamp: the same
    input gives the same graph)."""
    from extractors.registry import extractors

    return ID[f"run/{iri.slug('+'.join(sorted(e.label for e in extractors())))}"]


RUN = _run_iri()


def add_document(g: Graph, doc: Document, mentions=None) -> URIRef:
    d = iri.document_iri(doc)
    g.add((RUN, RDF.type, PROV.Activity))
    g.add((RUN, PROV.used, d))
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
    if doc.official_number:
        g.add((d, DCTERMS.identifier, Literal(f"kst-{doc.official_number}")))
        g.add((d, SKOS.exactMatch, URIRef(f"https://zoek.officielebekendmakingen.nl/kst-{doc.official_number}.html")))
    _add_parts(g, doc, d)
    _add_signatures(g, doc, d)
    _add_questions(g, doc, d)
    _add_footnotes(g, doc, d)
    _add_tables(g, doc, d)
    _add_mentions(g, doc, d, extract_mentions(doc) if mentions is None else mentions)
    return d


ELI_CITES = URIRef("http://data.europa.eu/eli/ontology#cites")
_FIELD_PREDICATES = {
    "currency": DKG.currency, "qualifier": DKG.qualifier, "per": DKG.per, "unit": DKG.unit, "of": DKG.base,
    "until": DKG.until, "type": DKG.referenceType, "role": DKG.role, "category": DKG.category, "flag": DKG.flag,
}  # fmt: skip


def _add_literals(g: Graph, node: URIRef, pairs) -> None:
    """node pred value for each (pred, value) whose value is given."""
    for pred, value in pairs:
        if value is not None and value != "":
            g.add((node, pred, Literal(value)))


def _literal(value) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.decimal)
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD.decimal)
    return Literal(str(value))


def _add_mentions(g: Graph, doc: Document, d: URIRef, mentions) -> None:
    """Every extracted mention (but questions, which have their own nodes) with its span, its
    normalised value, the extractor that found it, where it sits and what it refers to."""
    where = locator(doc)
    agents: dict[str, URIRef] = {}
    for m in mentions:
        if m.kind == "question":
            continue
        node = iri.mention_iri(doc, m.kind, m.start, m.end)
        g.add((node, RDF.type, DKG.Mention))
        g.add((node, DKG.mentionKind, Literal(m.kind)))
        g.add((node, DKG.inDocument, d))
        agent = agents.get(m.extractor)
        if agent is None:  # the extractor's own triples: once, not once per mention
            agent = agents[m.extractor] = iri.extractor_iri(m.extractor)
            g.add((agent, RDF.type, DKG.Extractor))
            g.add((agent, RDF.type, PROV.SoftwareAgent))
            g.add((agent, RDFS.label, Literal(m.extractor)))
            g.add((RUN, PROV.wasAssociatedWith, agent))
        g.add((node, PROV.wasGeneratedBy, RUN))
        g.add((node, PROV.wasAttributedTo, agent))
        if m.kind == "date":
            _add_interval(g, node, m.value, m.fields.get("until"))
        if m.value is not None:
            g.add((node, DKG.value, _literal(m.value)))
        for key, pred in _FIELD_PREDICATES.items():
            if m.fields.get(key) is not None:
                g.add((node, pred, Literal(str(m.fields[key]))))
        if m.fields.get("min") is not None:
            g.add((node, DKG.minValue, _literal(m.fields["min"])))
            g.add((node, DKG.maxValue, _literal(m.fields["max"])))
        if m.fields.get("implied_currency"):
            g.add((node, DKG.impliedCurrency, Literal(True)))
        add_span(g, node, d, Span(m.start, m.end), doc.text)
        _locate(g, doc, node, where, m.start)
        s, e = sentence_bounds(doc.text, m.start)
        g.add((node, DKG.context, Literal(doc.text[s:e].strip())))
        speaker, _, place = speaker_at(doc, where, m.start)
        if speaker:
            g.add((node, DKG.speaker, Literal(speaker)))
        if place:
            g.add((node, DKG.where, Literal(place)))
        target = _target(g, m)
        if target is not None:
            g.add((node, DKG.refersTo, target))
            if m.kind == "reference" and not m.fields.get("own"):
                g.add((d, ELI_CITES, target))


TIME = Namespace("http://www.w3.org/2006/time#")
_XSD_OF = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
_TIME_PROP = {4: TIME.inXSDgYear, 7: TIME.inXSDgYearMonth, 10: TIME.inXSDDate}


def _add_interval(g: Graph, node: URIRef, start: str | None, until: str | None) -> None:
    """A date or period as an OWL-Time interval with its beginning and end instants."""
    g.add((node, RDF.type, TIME.Interval))
    for end, value, pred in (("begin", start, TIME.hasBeginning), ("end", until, TIME.hasEnd)):
        if not value or len(value) not in _XSD_OF:
            continue
        instant = URIRef(f"{node}/{end}")
        g.add((node, pred, instant))
        g.add((instant, RDF.type, TIME.Instant))
        g.add((instant, _TIME_PROP[len(value)], Literal(value, datatype=_XSD_OF[len(value)])))


def _locate(g: Graph, doc: Document, node: URIRef, where: Locator, offset: int) -> None:
    found = where.find(offset)
    if found is None:
        return
    q, in_answer = found
    if in_answer:
        g.add((node, DKG.inAnswer, iri.answer_iri(doc, q)))
    else:
        g.add((node, DKG.inQuestion, iri.question_iri(doc, q)))


def _target(g: Graph, m) -> URIRef | None:
    """The node a mention of an entity or a reference stands for (one node across documents)."""
    if m.kind == "reference":
        type_ = m.fields["type"]
        if type_ == "answer":
            return None
        target = iri.reference_iri(type_, m.value, m.fields.get("volgnummer"))
        g.add((target, RDF.type, DKG.Entity))
        g.add((target, DKG.category, Literal(type_)))
        g.add((target, RDFS.label, Literal(m.value)))
        if m.fields.get("url"):
            g.add((target, SKOS.exactMatch, URIRef(m.fields["url"])))
        if m.fields.get("target"):
            g.add((target, SKOS.related, URIRef(m.fields["target"])))
        return target
    if m.kind == "person":
        target = iri.person_iri(m.value)
        g.add((target, RDF.type, SCHEMA.Person))
        g.add((target, SCHEMA.name, Literal(m.value)))
        return target
    if m.kind == "party":
        return _fractie(g, m.value)
    if m.kind in ("organisation", "programme"):
        target = iri.entity_iri(m.fields.get("id") or m.value)
        g.add((target, RDF.type, DKG.Entity))
        g.add((target, SKOS.prefLabel, Literal(m.fields.get("label") or m.value)))
        if m.fields.get("acronym"):
            g.add((target, SKOS.notation, Literal(m.fields["acronym"])))
        g.add((target, DKG.category, Literal(m.fields.get("category") or m.kind)))
        return target
    return None


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


_RELATION = {"restates": DKG.restates, "updates": DKG.updates, "conflicts": DKG.conflictsWith}


def add_claims(g: Graph, claims) -> None:
    """Claims with their subject, value, unit and time scope, the mentions that state them (with
    speaker, place and sentence) and their links to other claims."""
    for c in claims:
        node = URIRef(c.id)
        g.add((node, RDF.type, DKG.Claim))
        g.add((node, RDF.type, SCHEMA.Claim))
        g.add((node, DKG.subjectId, Literal(c.subject_id)))
        g.add((node, RDFS.label, Literal(c.subject)))
        g.add((node, DKG.claimKind, Literal(c.kind)))
        g.add((node, DKG.value, _literal(c.value)))
        _add_literals(g, node, ((DKG.unit, c.unit), (DKG.period, c.period)))
        for m in c.mentions:  # their speaker, place and sentence are on the mention node already
            g.add((node, DKG.supportedBy, URIRef(m.iri)))
        for other, relation in c.related:
            g.add((node, _RELATION[relation], URIRef(other)))


def add_commitments(g: Graph, commitments, as_of: str | None) -> None:
    """Commitments with type, vehicle, due interval, the mentions that make them, what became of them
    (moved to, chased by, fulfilled by) and their status as of the newest document of the build."""
    for c in commitments:
        node = URIRef(c.id)
        g.add((node, RDF.type, DKG.Commitment))
        g.add((node, DKG.commitmentType, Literal(c.type)))
        g.add((node, RDFS.label, Literal(c.vehicle or c.mentions[0].text[:120])))
        _add_literals(g, node, (
            (DKG.vehicle, c.vehicle), (DKG.dueText, c.due), (DKG.dueFrom, c.due_from), (DKG.dueUntil, c.due_until),
            (DKG.registeredAs, c.toezegging),
        ))  # fmt: skip
        for m in c.mentions:
            g.add((node, DKG.supportedBy, URIRef(m.iri)))
        for other in c.moved_to:
            g.add((node, DKG.movedTo, URIRef(other)))
        for question, _ in c.chased_by:
            g.add((node, DKG.chasedBy, URIRef(question)))
        for document in c.fulfilled_by:
            g.add((node, DKG.fulfilledBy, URIRef(document)))
        if as_of:
            g.add((node, DKG.status, Literal(c.status(as_of))))
            g.add((node, DKG.statusAsOf, Literal(as_of, datatype=XSD.date)))


def build_graph(docs: Iterable[Document], summary: BuildSummary | None = None) -> Graph:
    from graph.claims import ClaimCollector
    from graph.commitments import CommitmentCollector

    g = new_graph()
    collector = ClaimCollector()
    promises = CommitmentCollector()
    newest: str | None = None
    for doc in docs:
        mentions = extract_mentions(doc)  # once, shared by the graph, the claims and the commitments
        add_document(g, doc, mentions)
        collector.add(doc, mentions)
        promises.add(doc, mentions)
        if doc.date and (newest is None or doc.date > newest):
            newest = doc.date
        if summary is not None:
            summary.add(doc)
    claims = collector.finish()
    add_claims(g, claims)
    commitments = promises.finish()
    add_commitments(g, commitments, newest)
    if summary is not None:
        summary.commitments = len(commitments)
    if summary is not None:
        summary.claims = len(claims)
        summary.links = sum(len(c.related) for c in claims)
    return g


def build_sample(out_dir=None):
    """Build the bundled sample corpus into out_dir (a new temporary folder when None) and return
    the folder: what notebooks and examples start from."""
    import tempfile
    from pathlib import Path

    from extractors.corpus import load_documents, sample_paths
    from graph.store import save_graph

    out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="dkg-"))
    save_graph(build_graph(d for d in load_documents(sample_paths()) if isinstance(d, Document)), out)
    return out
