"""One document -> its triples: the document, its parts, questions, answers, signatories, footnotes,
tables and mentions, each tied to the exact span of text it comes from (W3C Web Annotation
selectors). A pure function of the document and its situated mentions, so that documents are
turned into triples in parallel and cached.

The triples fall in two sets: the document's own (every subject is the document or a node named
under it: taken out of the store and put in again whole when the document changes) and the shared ones (the
entities, persons, fracties and references it names, and the extraction run), which many documents
state alike and the build merges into one graph."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache

from extractors.document import Document, Span
from extractors.locate import Situated
from graph import iri as names
from graph.figures import FIGURE_KINDS
from graph.terms import (
    DCT,
    DKG,
    ELI,
    OA,
    PROV_,
    RDFS_,
    SCHEMA,
    SKOS_,
    TIME,
    XSD,
    A,
    boolean,
    integer,
    iri,
    string,
    typed,
    value,
)  # fmt: skip


def _run_iri() -> str:
    """The extraction run, named by the extractors and versions it used (no timestamp: the same
    input gives the same graph)."""
    from extractors.registry import extractors

    return iri(str(names.ID[f"run/{names.slug('+'.join(sorted(e.label for e in extractors())))}"]))


class DocumentTriples:
    """The triples of one document, split into its own and the shared ones by their subject."""

    def __init__(self, document: str, pages: tuple[int, ...] = ()):
        self.document = document  # encoded: <...>
        self.pages = pages  # where each page begins, for a document read from a PDF
        self._under = document[:-1] + "/"
        self.own: set[tuple[str, str, str]] = set()
        self.shared: set[tuple[str, str, str]] = set()

    def add(self, s: str, p: str, o: str) -> None:
        if s == self.document or s.startswith(self._under):
            self.own.add((s, p, o))
        else:
            self.shared.add((s, p, o))

    def add_own(self, s: str, p: str, o: str) -> None:
        """add, for a subject known to be the document's own (every mention's node)."""
        self.own.add((s, p, o))

    def span(self, owner: str, span: Span, text: str) -> None:
        """owner dkg:inDocument the document; owner dkg:span [ oa:start; oa:end; oa:exact ].

        The span is a W3C Web Annotation TextPositionSelector and TextQuoteSelector by the range
        of dkg:span (ontology/dkg.ttl), not by two rdf:type triples of its own, and its document
        is its owner's: per mention, three triples fewer of the nineteen the store has to load
        (a sixth of a build's triples, and of its loading time)."""
        node = owner[:-1] + "/span>"
        add = self.add_own if owner.startswith(self._under) else self.add
        add(owner, DKG.inDocument, self.document)
        add(owner, DKG.span, node)
        add(node, OA.start, integer(span.start))
        add(node, OA.end, integer(span.end))
        add(node, OA.exact, string(span.quote(text)))
        if self.pages:
            add(node, DKG.page, integer(bisect.bisect_right(self.pages, span.start)))


def document_triples(doc: Document, situated: Sequence[Situated]) -> DocumentTriples:
    d = iri(str(names.document_iri(doc)))
    t = DocumentTriples(d, doc.pages)
    run = _run_iri()
    t.add(run, A, PROV_.Activity)
    t.add(run, PROV_.used, d)
    t.add(d, A, DKG.Document)
    t.add(d, DKG.fileName, string(doc.name))
    t.add(d, DKG.contentHash, string(names.content_hash(doc.text)))
    t.add(d, DKG.textLength, integer(len(doc.text)))
    if doc.kind:
        t.add(d, DKG.documentKind, string(doc.kind))
    if doc.chamber:
        t.add(d, DKG.chamber, string(doc.chamber))
    if doc.date:
        t.add(d, DCT.date, typed(doc.date, XSD + "date"))
    if doc.title:
        t.add(d, DCT.title, string(doc.title))
    for number in doc.dossier:
        t.add(d, DKG.dossier, string(number))
    for ref in doc.identifiers:
        t.add(d, DKG.ownReference, string(ref))
    if doc.official_number:
        t.add(d, DCT.identifier, string(f"kst-{doc.official_number}"))
        t.add(d, SKOS_.exactMatch, iri(f"https://zoek.officielebekendmakingen.nl/kst-{doc.official_number}.html"))
    _parts(t, doc, d)
    _signatures(t, doc, d)
    _questions(t, doc, d)
    _question_tallies(t, doc, d)
    _footnotes(t, doc, d)
    _tables(t, doc, d)
    _mentions(t, doc, d, run, situated)
    if doc.kind == "motie":
        _motion(t, doc, d, situated)
    return t


def _motion(t: DocumentTriples, doc: Document, d: str, situated: Sequence[Situated]) -> None:
    """A motion's submitters (from its head), and its request: what the Kamer asks, of whom."""
    from extractors.motions import request_addressee
    from graph.motions import submitters

    for m in submitters(doc, situated):
        t.add(d, DKG.submittedBy, _person(t, str(m.value)))
    for k, part in enumerate(doc.parts):
        if part.kind == "request":
            p = iri(str(names.part_iri(doc, k)))
            t.add(p, A, DKG.Request)
            addressee = request_addressee(part.span.quote(doc.text))
            if addressee:
                t.add(p, DKG.requestedOf, string(addressee))


_FIELD_PREDICATES = {
    "currency": DKG.currency, "qualifier": DKG.qualifier, "per": DKG.per, "unit": DKG.unit, "of": DKG.base,
    "until": DKG.until, "type": DKG.referenceType, "role": DKG.role, "category": DKG.category, "flag": DKG.flag,
}  # fmt: skip


def _mentions(t: DocumentTriples, doc: Document, d: str, run: str, situated: Sequence[Situated]) -> None:
    """Every extracted mention (but questions, which have their own nodes) with its span, its
    normalised value, the extractor that found it, where it sits and what it refers to."""
    add = t.add
    own = t.add_own  # a mention's node is the document's
    agents: dict[str, str] = {}
    question_nodes = [iri(str(names.question_iri(doc, q))) for q in doc.questions]
    named = _named_per_sentence(situated)
    for s in situated:
        m = s.mention
        if m.kind == "question":
            continue
        node = iri(names.mention_iri(doc, m.kind, m.start, m.end))
        own(node, A, DKG.Mention)
        own(node, DKG.mentionKind, string(m.kind))
        own(node, DKG.inDocument, d)
        agent = agents.get(m.extractor)
        if agent is None:  # the extractor's own triples: once, not once per mention
            agent = agents[m.extractor] = iri(str(names.extractor_iri(m.extractor)))
            add(agent, A, DKG.Extractor)
            add(agent, A, PROV_.SoftwareAgent)
            add(agent, RDFS_.label, string(m.extractor))
            add(run, PROV_.wasAssociatedWith, agent)
        # the extractor (name and version) that found it; the run that used the document and
        # was associated with that extractor is stated once per document, not per mention
        own(node, PROV_.wasAttributedTo, agent)
        fields = m.fields
        if m.kind == "date":
            _interval(t, node, m.value, fields.get("until"))
        if m.value is not None:
            own(node, DKG.value, value(m.value))
        for key, pred in _FIELD_PREDICATES.items():
            if fields.get(key) is not None:
                own(node, pred, string(str(fields[key])))
        if fields.get("min") is not None:
            own(node, DKG.minValue, value(fields["min"]))
            own(node, DKG.maxValue, value(fields["max"]))
        if fields.get("implied_currency"):
            own(node, DKG.impliedCurrency, boolean(True))
        t.span(node, Span(m.start, m.end), doc.text)
        if s.question is not None:
            q = question_nodes[s.question]
            own(node, *((DKG.inAnswer, q[:-1] + "/answer>") if s.in_answer else (DKG.inQuestion, q)))
        own(node, DKG.context, string(s.context))
        if m.kind in FIGURE_KINDS:
            for entity in named.get(s.sentence, ()):
                own(node, DKG.sentenceNames, entity)
        if s.speaker:
            own(node, DKG.speaker, string(s.speaker))
        if s.place:
            own(node, DKG.where, string(s.place))
        target = _target(t, m)
        if target is not None:
            own(node, DKG.refersTo, target)
            if m.kind == "reference" and not fields.get("own"):
                add(d, ELI.cites, target)


def _named_per_sentence(situated: Sequence[Situated]) -> dict[tuple[int, int], set[str]]:
    """The programmes and organisations each sentence names: a figure's mention points at them
    (dkg:sentenceNames), so that finding the claims stated beside a name reads the name's few
    mentions instead of comparing the text of every claim's sentence (claims_about)."""
    named: dict[tuple[int, int], set[str]] = {}
    for s in situated:
        if s.mention.kind in ("organisation", "programme"):
            named.setdefault(s.sentence, set()).add(target_of(s.mention)[0])
    return named


_XSD_OF = {4: XSD + "gYear", 7: XSD + "gYearMonth", 10: XSD + "date"}
_TIME_PROP = {4: TIME.inXSDgYear, 7: TIME.inXSDgYearMonth, 10: TIME.inXSDDate}


def _interval(t: DocumentTriples, node: str, start: str | None, until: str | None) -> None:
    """A date or period as an OWL-Time interval with its beginning and end instants."""
    t.add(node, A, TIME.Interval)
    for end, when, pred in (("begin", start, TIME.hasBeginning), ("end", until, TIME.hasEnd)):
        if not when or len(when) not in _XSD_OF:
            continue
        instant = f"{node[:-1]}/{end}>"
        t.add(node, pred, instant)
        t.add(instant, A, TIME.Instant)
        t.add(instant, _TIME_PROP[len(when)], typed(when, _XSD_OF[len(when)]))


@lru_cache(maxsize=1 << 16)
def _node(name: Callable[..., object], *key) -> str:
    """The encoded IRI name(*key) gives: an archive names the same few thousand things again and
    again (a third of a document's mentions name an organisation or a programme)."""
    return iri(str(name(*key)))


def target_of(m) -> tuple[str, str, str] | None:
    """(the node's IRI, its type in the views, its label) of the thing a mention stands for: one
    node across documents for an entity, a reference, a person or a fractie; None for the others."""
    if m.kind == "reference":
        type_ = m.fields["type"]
        if type_ == "answer":
            return None
        return _node(names.reference_iri, type_, m.value, m.fields.get("volgnummer")), "reference", str(m.value)
    if m.kind == "person":
        return _node(names.person_iri, m.value), "person", str(m.value)
    if m.kind == "party":
        return _node(names.fractie_iri, m.value), "fractie", str(m.value)
    if m.kind in ("organisation", "programme"):  # the extractor's kind says which (a company, a defined acronym too)
        label = m.fields.get("acronym") or m.fields.get("label") or m.value
        return _node(names.entity_iri, m.fields.get("id") or m.value), m.kind, str(label)
    return None


def _target(t: DocumentTriples, m) -> str | None:
    """The node a mention of an entity or a reference stands for (one node across documents)."""
    add = t.add
    found = target_of(m)
    if found is None:
        return None
    target = found[0]
    if m.kind == "reference":
        type_ = m.fields["type"]
        add(target, A, DKG.Entity)
        add(target, DKG.category, string(type_))
        add(target, RDFS_.label, string(m.value))
        if m.fields.get("url"):
            add(target, SKOS_.exactMatch, iri(m.fields["url"]))
        if m.fields.get("target"):
            add(target, SKOS_.related, iri(m.fields["target"]))
        return target
    if m.kind == "person":
        return _person(t, m.value)
    if m.kind == "party":
        return _fractie(t, m.value)
    if m.kind in ("organisation", "programme"):
        add(target, A, DKG.Entity)
        add(target, SKOS_.prefLabel, string(m.fields.get("label") or m.value))
        if m.fields.get("acronym"):
            add(target, SKOS_.notation, string(m.fields["acronym"]))
        add(target, DKG.category, string(m.fields.get("category") or m.kind))
        return target
    return None


def _person(t: DocumentTriples, name: str) -> str:
    person = _node(names.person_iri, name)
    t.add(person, A, SCHEMA.Person)
    t.add(person, SCHEMA.name, string(name))
    return person


def _fractie(t: DocumentTriples, name: str) -> str:
    f = _node(names.fractie_iri, name)
    t.add(f, A, DKG.Fractie)
    t.add(f, SKOS_.prefLabel, string(name))
    return f


def _parts(t: DocumentTriples, doc: Document, d: str) -> None:
    for k, part in enumerate(doc.parts):
        p = iri(str(names.part_iri(doc, k)))
        t.add(p, A, DKG.Part)
        t.add(d, DKG.hasPart, p)
        t.add(p, DKG.partKind, string(part.kind))
        if part.title:
            t.add(p, DCT.title, string(part.title))
        if part.series:
            t.add(p, DKG.series, string(part.series))
        if part.fractie:
            t.add(p, DKG.askedBy, _fractie(t, part.fractie))
        if part.speaker:  # a turn in a debate: who speaks, in what function
            t.add(p, DKG.speaker, string(part.speaker))
        if part.role:
            t.add(p, DKG.role, string(part.role))
        t.span(p, part.span, doc.text)


def _signatures(t: DocumentTriples, doc: Document, d: str) -> None:
    for s in doc.signatories:
        person = _person(t, s.name)
        sig = f"{d[:-1]}/signature/{names.slug(s.name)}>"
        t.add(sig, A, DKG.Signature)
        t.add(d, DKG.signature, sig)
        t.add(sig, DKG.signatory, person)
        if s.role:
            t.add(sig, DKG.role, string(s.role))
        t.span(sig, s.span, doc.text)


def _questions(t: DocumentTriples, doc: Document, d: str) -> None:
    numbered = {(q.series, q.n): q for q in doc.questions if q.n is not None}
    for q in doc.questions:
        node = iri(str(names.question_iri(doc, q)))
        t.add(node, A, SCHEMA.Question)
        t.add(node, DKG.inDocument, d)
        t.add(node, DKG.inPart, iri(str(names.part_iri(doc, q.part))))
        if q.series:
            t.add(node, DKG.series, string(q.series))
        if q.n is not None:
            t.add(node, DKG.number, integer(q.n))
        if q.asked_by:
            t.add(node, DKG.askedBy, _fractie(t, q.asked_by))
        t.add(node, DKG.answered, boolean(q.answered))
        t.add(node, DKG.answeredByReferenceOnly, boolean(q.by_reference_only))
        t.span(node, q.span, doc.text)
        if q.answer is None:
            continue
        a = node[:-1] + "/answer>"
        t.add(a, A, SCHEMA.Answer)
        t.add(node, SCHEMA.acceptedAnswer, a)
        t.add(a, SCHEMA.parentItem, node)
        t.add(a, DKG.inDocument, d)
        t.span(a, q.answer, doc.text)
        for n in q.answer_refers_to:
            if q.by_reference_only:  # the number as printed, whether or not its question is in the document
                t.add(node, DKG.answeredByReferenceToNumber, integer(n))
            target = numbered.get((q.series, n))
            if target is None:
                continue  # a question of another document or series: kept on the mention only
            target_node = iri(str(names.question_iri(doc, target)))
            t.add(a, DKG.refersToQuestion, target_node)
            if q.by_reference_only:  # the question's own link: one step instead of three for its readers
                t.add(node, DKG.answeredByReferenceTo, target_node)
            if target.answer is not None:
                t.add(a, DKG.refersToAnswer, target_node[:-1] + "/answer>")


def _question_tallies(t: DocumentTriples, doc: Document, d: str) -> None:
    """Per asking fractie, the document's questions counted: asked, answered, answered by reference
    only. Counting over an archive then reads one node per document and fractie instead of joining
    every question's three facts (at 10,000 documents, 420,000 questions: 49 s; see README, Scale)."""
    counts: dict[str | None, list[int]] = {}
    for q in doc.questions:  # keyed by the fractie's node: two spellings of one fractie are one count
        c = counts.setdefault(_fractie(t, q.asked_by) if q.asked_by else None, [0, 0, 0])
        c[0] += 1
        c[1] += bool(q.answered)
        c[2] += bool(q.by_reference_only)
    for fractie, (asked, answered, by_reference) in counts.items():
        node = f"{d[:-1]}/questions/{'by/' + fractie[1:-1].rsplit('/', 1)[-1] if fractie else 'unattributed'}>"
        t.add(node, A, DKG.QuestionTally)
        t.add(node, DKG.inDocument, d)
        if fractie:
            t.add(node, DKG.askedBy, fractie)
        t.add(node, DKG.questionsAsked, integer(asked))
        t.add(node, DKG.questionsAnswered, integer(answered))
        t.add(node, DKG.questionsAnsweredByReference, integer(by_reference))


def _footnotes(t: DocumentTriples, doc: Document, d: str) -> None:
    for f in doc.footnotes:
        node = f"{d[:-1]}/footnote/{f.span.start}>"
        t.add(node, A, DKG.Footnote)
        t.add(node, DKG.inDocument, d)
        t.add(node, DKG.footnoteLabel, string(f.label))
        t.span(node, f.span, doc.text)
        if f.anchor is not None:
            anchor = node[:-1] + "/anchor>"
            t.add(node, DKG.anchor, anchor)
            t.add(anchor, OA.start, integer(f.anchor.start))
            t.add(anchor, OA.end, integer(f.anchor.end))
            t.add(anchor, OA.exact, string(f.anchor.quote(doc.text)))


def _tables(t: DocumentTriples, doc: Document, d: str) -> None:
    for tab in doc.tables:
        table = f"{d[:-1]}/table/{tab.span.start}>"
        t.add(table, A, DKG.Table)
        t.add(table, DKG.inDocument, d)
        t.span(table, tab.span, doc.text)
        for r, row in enumerate(tab.rows):
            for c, cell in enumerate(row):
                if not cell.text:
                    continue
                node = f"{table[:-1]}/cell/{r}/{c}>"
                t.add(table, DKG.cell, node)
                t.add(node, A, DKG.TableCell)
                t.add(node, DKG.row, integer(r))
                t.add(node, DKG.column, integer(c))
                t.span(node, cell.span, doc.text)
