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
    for sel, exact in g.subject_objects(OA.exact):
        doc_iri = g.value(sel, DKG.inDocument)
        if doc_iri is None:
            continue
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
