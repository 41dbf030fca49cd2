"""A networkx projection of the RDF graph, and analyses on it.

The projection is built from a handful of SPARQL queries (not by converting every triple): nodes
are documents, questions (with their answers), claims, commitments, entities (organisations,
programmes, cited Kamerstukken), persons and fracties; edges carry a type and the evidence (a
quote) that supports them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph.sparql import run_query

PREFIXES = """
PREFIX dkg: <https://w3id.org/dkg/def#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
"""

_NODES = {
    "document": """SELECT ?id ?label ?date WHERE { ?id a dkg:Document ; dkg:fileName ?label .
                   OPTIONAL { ?id dcterms:date ?date } }""",
    "question": """SELECT ?id ?label ?doc ?date ?quote ?page WHERE { ?id a schema:Question ; dkg:inDocument ?d ;
                   dkg:span/oa:exact ?quote . ?d dkg:fileName ?doc . OPTIONAL { ?d dcterms:date ?date }
                   OPTIONAL { ?id dkg:span/dkg:page ?page }
                   OPTIONAL { ?id dkg:series ?s } OPTIONAL { ?id dkg:number ?n }
                   BIND(CONCAT("vraag ", COALESCE(CONCAT(STR(?s), STR(?n)), STR(?n), SUBSTR(STR(?doc), 1, 3))) AS ?label) }""",
    "claim": """SELECT ?id ?label ?value ?kind WHERE { ?id a dkg:Claim ; rdfs:label ?subject ; dkg:value ?value ;
                dkg:claimKind ?kind . FILTER(!STRSTARTS(STR(?id), "https://w3id.org/dkg/id/claim/local-"))
                BIND(CONCAT(STR(?value), " — ", STR(?subject)) AS ?label) }""",
    "commitment": """SELECT ?id ?label ?status WHERE { ?id a dkg:Commitment ; rdfs:label ?label .
                     OPTIONAL { ?id dkg:status ?status } }""",
    "entity": """SELECT ?id ?label ?category WHERE { ?id a dkg:Entity ; dkg:category ?category .
                 OPTIONAL { ?id skos:notation ?n } OPTIONAL { ?id skos:prefLabel ?p } OPTIONAL { ?id rdfs:label ?l }
                 BIND(COALESCE(?n, ?p, ?l) AS ?label) FILTER(BOUND(?label)) }""",
    "person": """SELECT ?id ?label WHERE { ?id a schema:Person ; schema:name ?label }""",
    "fractie": """SELECT ?id ?label WHERE { ?id a dkg:Fractie ; skos:prefLabel ?label }""",
}

_EDGES = {
    "in": """SELECT ?source ?target WHERE { ?source a schema:Question ; dkg:inDocument ?target }""",
    "asked by": """SELECT ?source ?target WHERE { ?target a schema:Question ; dkg:askedBy ?source }""",
    "refers to answer": """SELECT ?source ?target WHERE { ?q schema:acceptedAnswer ?a . ?a dkg:refersToQuestion ?target .
                           BIND(?q AS ?source) }""",
    "cites": """SELECT ?source ?target WHERE { ?source eli:cites ?target }""",
    "signed by": """SELECT ?source ?target WHERE { ?source dkg:signature/dkg:signatory ?target }""",
    "mentions": """SELECT ?source ?target ?quote WHERE {
        ?m dkg:refersTo ?target ; dkg:context ?quote ; dkg:inDocument ?d .
        OPTIONAL { ?m dkg:inQuestion ?q1 } OPTIONAL { ?m dkg:inAnswer/schema:parentItem ?q2 }
        BIND(COALESCE(?q1, ?q2, ?d) AS ?source) }""",
    "stated in": """SELECT ?source ?target ?quote WHERE {
        ?source a dkg:Claim ; dkg:supportedBy ?m . ?m dkg:span/oa:exact ?exact ; dkg:inDocument ?d .
        OPTIONAL { ?m dkg:span/dkg:page ?page } BIND(IF(BOUND(?page), CONCAT(?exact, " (p. ", STR(?page), ")"), ?exact) AS ?quote)
        FILTER(!STRSTARTS(STR(?source), "https://w3id.org/dkg/id/claim/local-"))
        OPTIONAL { ?m dkg:inQuestion ?q1 } OPTIONAL { ?m dkg:inAnswer/schema:parentItem ?q2 }
        BIND(COALESCE(?q1, ?q2, ?d) AS ?target) }""",
    "promised in": """SELECT ?source ?target ?quote WHERE {
        ?source a dkg:Commitment ; dkg:supportedBy ?m . ?m dkg:span/oa:exact ?exact ; dkg:inDocument ?d .
        OPTIONAL { ?m dkg:span/dkg:page ?page } BIND(IF(BOUND(?page), CONCAT(?exact, " (p. ", STR(?page), ")"), ?exact) AS ?quote)
        OPTIONAL { ?m dkg:inAnswer/schema:parentItem ?q2 } BIND(COALESCE(?q2, ?d) AS ?target) }""",
    "restates": """SELECT ?source ?target WHERE { ?source dkg:restates ?target }""",
    "updates": """SELECT ?source ?target WHERE { ?source dkg:updates ?target }""",
    "conflicts": """SELECT ?source ?target WHERE { ?source dkg:conflictsWith ?target }""",
    "moved to": """SELECT ?source ?target WHERE { ?source dkg:movedTo ?target }""",
    "chased by": """SELECT ?source ?target WHERE { ?source dkg:chasedBy ?target }""",
}


# The overview's projection: questions folded into their documents in the queries themselves, one
# edge per (source, target, type) with one quote as evidence, so that its cost follows the number
# of documents and entities, not of mentions or questions.
_FOLDED_EDGES = {
    "asked by": """SELECT DISTINCT ?source ?target WHERE { ?q dkg:askedBy ?source ; dkg:inDocument ?target .
                   ?q a schema:Question }""",
    "cites": _EDGES["cites"],
    "signed by": _EDGES["signed by"],
    "mentions": """SELECT ?source ?target (SAMPLE(?c) AS ?quote) WHERE {
        ?m dkg:refersTo ?target ; dkg:inDocument ?source ; dkg:context ?c } GROUP BY ?source ?target""",
    "stated in": """SELECT ?source ?target (SAMPLE(?q) AS ?quote) WHERE {
        ?source dkg:supportedBy ?m . ?m dkg:inDocument ?target ; dkg:span ?span . ?span oa:exact ?q .
        ?source a dkg:Claim . FILTER(!STRSTARTS(STR(?source), "https://w3id.org/dkg/id/claim/local-")) }
        GROUP BY ?source ?target""",
    "promised in": """SELECT ?source ?target (SAMPLE(?q) AS ?quote) WHERE {
        ?source dkg:supportedBy ?m . ?m dkg:inDocument ?target ; dkg:span ?span . ?span oa:exact ?q .
        ?source a dkg:Commitment } GROUP BY ?source ?target""",
    "restates": _EDGES["restates"],
    "updates": _EDGES["updates"],
    "conflicts": _EDGES["conflicts"],
    "moved to": _EDGES["moved to"],
    "chased by": """SELECT DISTINCT ?source ?target WHERE { ?source dkg:chasedBy ?q . ?q dkg:inDocument ?target }""",
}


def _entity_type(category: str | None) -> str:
    """A node's type in the views from its category: a reference's is its type (see
    extractors/references.py), a named thing's what it names."""
    from extractors.references import REFERENCE_TYPES

    if category in REFERENCE_TYPES:
        return "reference"
    return "organisation" if category == "organisation" else "programme"


def to_networkx(store: ox.Store, fold_questions: bool = False) -> nx.MultiDiGraph:
    """The projection: one node per thing an analyst looks for, typed edges with their evidence.
    With fold_questions, no question nodes: what a question or answer says is said by its document
    (the overview of a large archive)."""
    g = nx.MultiDiGraph()
    nodes = {k: q for k, q in _NODES.items() if not (fold_questions and k == "question")}
    edges = _FOLDED_EDGES if fold_questions else _EDGES
    for kind, query in nodes.items():
        for row in run_query(store, PREFIXES + query, {})[1]:
            node_type = _entity_type(row.get("category")) if kind == "entity" else kind
            attrs = {k: v for k, v in row.items() if k != "id" and v is not None}
            attrs["type"] = node_type
            attrs["label"] = str(row.get("label") or row["id"].rsplit("/", 1)[-1])
            if row["id"] not in g:  # a document that is also a cited Kamerstuk stays a document
                g.add_node(row["id"], **attrs)
    for kind, query in edges.items():
        for row in run_query(store, PREFIXES + query, {})[1]:
            source, target = row["source"], row["target"]
            if source not in g or target not in g:
                continue
            key = kind if kind != "mentions" and kind != "stated in" and kind != "promised in" else f"{kind}:{row.get('quote')}"
            if g.has_edge(source, target, key=key):
                continue
            g.add_edge(source, target, key=key, type=kind, evidence=row.get("quote"))
    _date_questions(g)
    return g


def _date_questions(g: nx.MultiDiGraph) -> None:
    """Questions carry the date of their document (for tooltips and timelines)."""
    for node, data in g.nodes(data=True):
        if data["type"] == "question" and "date" not in data:
            for _, doc, kind in g.out_edges(node, keys=True):
                if kind == "in" and "date" in g.nodes[doc]:
                    data["date"] = g.nodes[doc]["date"]


# --- analyses ----------------------------------------------------------------------------------------


def find_nodes(g: nx.MultiDiGraph, term: str) -> list[str]:
    """Nodes whose label is the term (any case), or whose claim value is the figure."""
    wanted = term.strip().casefold()
    exact = [n for n, d in g.nodes(data=True) if str(d.get("label", "")).casefold() == wanted]
    if exact:
        return sorted(exact)
    from extractors.document import Document
    from extractors.figures import figure_mentions

    figures = [m for m in figure_mentions(Document("term", "term", term)) if m.value is not None]
    if figures:
        value = figures[0].value
        return sorted(n for n, d in g.nodes(data=True) if d["type"] == "claim" and _same(d.get("value"), value))
    return []


def focus_nodes(g: nx.MultiDiGraph, store: ox.Store, term: str) -> list[str]:
    """The nodes to centre a view of `term` on: every node find_nodes names, and whatever
    `dkg trace` finds of it. A figure that no subject joins to others (a claim of its own
    document only, left out of the projection) is added to g as a claim node stated in its
    document; a mention without a claim centres on its document."""
    from graph.trace import parse_term, trace

    found = set(find_nodes(g, term))
    parsed = parse_term(term, store)
    rows = trace(store, parsed) if parsed is not None else []
    documents = {str(d["label"]): n for n, d in g.nodes(data=True) if d["type"] == "document"}
    targets = {t for t in (parsed.targets if parsed is not None else ()) if t in g}  # an entity, a commitment
    found |= targets
    for r in rows:
        claim, document = r.get("claim"), documents.get(r["doc"])
        if claim and claim not in g:
            g.add_node(claim, type="claim", label=f"{r['text']} — {r.get('subject') or 'zonder onderwerp'}",
                       value=r.get("value"), doc=r["doc"], date=r.get("date"), page=r.get("page"),
                       quote=r.get("context") or r["text"])  # fmt: skip
            if document is not None:
                g.add_edge(claim, document, key=f"stated in:{r['text']}", type="stated in", evidence=r["text"])
        if claim:
            found.add(claim)
        elif document is not None and not targets:
            found.add(document)
    return sorted(found)


def _same(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def ego(g: nx.MultiDiGraph, nodes: Iterable[str], depth: int = 2) -> nx.MultiDiGraph:
    """Everything within depth steps of the nodes, whatever the edges' direction."""
    undirected = g.to_undirected(as_view=True)
    keep: set[str] = set()
    for node in nodes:
        keep |= set(nx.single_source_shortest_path_length(undirected, node, cutoff=depth))
    return g.subgraph(keep).copy()


def paths(g: nx.MultiDiGraph, source: str, target: str, limit: int = 5) -> list[list[dict[str, Any]]]:
    """Shortest paths between two nodes, each step with its edge type and evidence."""
    undirected = nx.Graph(g.to_undirected(as_view=True))
    out = []
    try:
        for path in nx.all_shortest_paths(undirected, source, target):
            steps = []
            for a, b in zip(path, path[1:], strict=False):
                data = g.get_edge_data(a, b) or g.get_edge_data(b, a) or {}
                edge = next(iter(data.values()), {})
                steps.append({"from": g.nodes[a]["label"], "to": g.nodes[b]["label"], "type": edge.get("type"),
                              "evidence": edge.get("evidence")})  # fmt: skip
            out.append(steps)
            if len(out) >= limit:
                break
    except nx.NetworkXNoPath:
        return []
    return out


def most_connected(g: nx.MultiDiGraph, types: Iterable[str] = ("programme", "organisation"), n: int = 10):
    """(label, type, degree) of the best connected nodes of the given types."""
    types = set(types)
    ranked = sorted(((d["label"], d["type"], g.degree(node)) for node, d in g.nodes(data=True) if d["type"] in types),
                    key=lambda x: (-x[2], x[0]))  # fmt: skip
    return ranked[:n]


def questions_per_fractie(store: ox.Store) -> list[dict[str, Any]]:
    from graph.sparql import named_query

    nq = named_query("open_questions_per_fractie")
    return run_query(store, nq.text, {}, nq.params)[1]


# --- exports -----------------------------------------------------------------------------------------


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values GraphML and GEXF can write (strings and numbers)."""
    h = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        # strings throughout: an attribute that is an integer on one node and a decimal on another
        # has no single GEXF type
        h.add_node(node, **{k: str(v) for k, v in data.items()})
    for a, b, key, data in g.edges(keys=True, data=True):
        h.add_edge(a, b, key=str(key), **{k: str(v) for k, v in data.items() if v is not None})
    return h


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(_flat(g), path)


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    nx.write_gexf(_flat(g), path)


def to_jsonld(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The projection as JSON-LD: nodes with their type and label, edges as properties."""
    context = {
        "dkg": "https://w3id.org/dkg/def#", "label": "http://www.w3.org/2000/01/rdf-schema#label",
        "type": "@type", "id": "@id",
    }  # fmt: skip
    nodes = []
    for node, data in sorted(g.nodes(data=True)):
        item: dict[str, Any] = {"id": node, "type": f"dkg:{data['type']}", "label": data["label"]}
        for _, target, kind in sorted(g.out_edges(node, keys=True)):
            prop = "dkg:" + str(kind).split(":")[0].replace(" ", "_")
            item.setdefault(prop, [])
            if {"@id": target} not in item[prop]:
                item[prop].append({"@id": target})
        nodes.append(item)
    return {"@context": context, "@graph": nodes}


def write_jsonld(g: nx.MultiDiGraph, path: Path) -> None:
    Path(path).write_text(json.dumps(to_jsonld(g), ensure_ascii=False, indent=1), encoding="utf-8")
