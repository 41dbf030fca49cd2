"""The graph built from the corpus: it parses, it is deterministic, and its links are right."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from graph.build import build_graph
from graph.store import to_turtle
from graph.vocab import DKG, OA, SCHEMA


def test_turtle_is_deterministic_and_round_trips(docs):
    g1 = build_graph(docs.values())
    g2 = build_graph(reversed(list(docs.values())))
    t1, t2 = to_turtle(g1), to_turtle(g2)
    assert t1 == t2
    parsed = Graph().parse(data=t1, format="turtle")
    assert isomorphic(parsed, g1)


def test_every_span_slices_to_its_quote(docs):
    g = build_graph(docs.values())
    texts = {}
    for d in docs.values():
        from graph.iri import document_iri

        texts[document_iri(d)] = d.text
    n = 0
    for owner, sel in g.subject_objects(DKG.span):
        doc_iri, exact = g.value(owner, DKG.inDocument), g.value(sel, OA.exact)
        start, end = g.value(sel, OA.start).toPython(), g.value(sel, OA.end).toPython()
        assert texts[doc_iri][start:end] == str(exact)
        n += 1
    assert n > 400


def test_answer_links_follow_pointers(docs):
    g = build_graph([docs["002"]])
    q8 = next(q for q in g.subjects(DKG.number, Literal(8)))
    answer = g.value(q8, SCHEMA.acceptedAnswer)
    targets = sorted(int(g.value(t, DKG.number)) for t in g.objects(answer, DKG.refersToQuestion))
    assert targets == [6, 7]
    assert g.value(q8, DKG.answeredByReferenceOnly).toPython() is True
    # the question's own link, on questions answered by reference only and on no other
    assert sorted(int(g.value(t, DKG.number)) for t in g.objects(q8, DKG.answeredByReferenceTo)) == [6, 7]
    linked = set(g.subjects(DKG.answeredByReferenceTo, None))
    assert linked == {q for q in g.subjects(DKG.answeredByReferenceOnly, Literal(True)) if (q, SCHEMA.acceptedAnswer, None) in g
                      and any(g.objects(g.value(q, SCHEMA.acceptedAnswer), DKG.refersToQuestion))}
    assert all(g.value(q, DKG.answeredByReferenceOnly).toPython() for q in linked)


def test_open_questions_have_no_answer_node(docs):
    g = build_graph([docs["003"]])
    questions = list(g.subjects(predicate=DKG.answered))
    assert len(questions) == 48
    assert not list(g.subject_objects(SCHEMA.acceptedAnswer))


def test_every_vocabulary_term_is_declared_in_the_ontology():
    from importlib.resources import files

    from rdflib import RDF

    onto = Graph().parse(str(files("ontology").joinpath("dkg.ttl")), format="turtle")
    declared = set(onto.subjects(RDF.type, None))
    missing = [t for t in DKG.__annotations__ if DKG._NS[t] not in declared]
    assert missing == []


def test_vocabulary_file_is_generated_from_the_namespace():
    from graph.ontology import turtle_path, vocabulary_turtle

    assert turtle_path().read_text(encoding="utf-8") == vocabulary_turtle(), "run python -m graph.ontology"


def test_documents_with_an_official_number_are_named_by_it(docs):
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from graph.iri import document_iri

    assert str(document_iri(docs["004"])) == "https://w3id.org/dkg/id/kamerstuk/21501-28/300"
    assert str(document_iri(docs["000"])) == "https://w3id.org/dkg/id/kamerstuk/36800-X/G"
    assert "/doc/" in str(document_iri(docs["001"]))
    g = build_graph([docs["004"]])
    assert (document_iri(docs["004"]), SKOS.exactMatch,
            URIRef("https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html")) in g  # fmt: skip


def test_provenance_and_periods(docs):
    from rdflib import Namespace
    from rdflib.namespace import PROV, RDF

    time = Namespace("http://www.w3.org/2006/time#")
    g = build_graph([docs["000"]])
    runs = set(g.subjects(RDF.type, PROV.Activity))
    from extractors.figures import VERSION

    assert len(runs) == 1 and f"figures-{VERSION}" in str(next(iter(runs)))
    agents = {str(o) for o in g.objects(predicate=PROV.wasAttributedTo)}
    assert any(a.endswith(f"/extractor/figures-{VERSION}") for a in agents)
    intervals = [s for s in g.subjects(RDF.type, time.Interval) if g.value(s, OA.exact) is None]
    assert intervals
    period = next(s for s in intervals if "9 dec 2024" in str(g.value(g.value(s, DKG.span), OA.exact)))
    begin = g.value(g.value(period, time.hasBeginning), time.inXSDDate)
    end = g.value(g.value(period, time.hasEnd), time.inXSDDate)
    assert (str(begin), str(end)) == ("2024-12-09", "2025-12-08")


def test_every_term_has_dutch_and_english_labels():
    from importlib.resources import files

    from rdflib import RDFS

    onto = Graph().parse(str(files("ontology").joinpath("dkg.ttl")), format="turtle")
    for term in DKG.__annotations__:
        langs = {label.language for label in onto.objects(DKG._NS[term], RDFS.label)}
        assert langs == {"en", "nl"}, term
