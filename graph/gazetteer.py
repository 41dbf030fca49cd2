"""The curated gazetteer (extractors/data/gazetteer.json) as SKOS, written to ontology/gazetteer.ttl.

    python -m graph.gazetteer            # rewrite ontology/gazetteer.ttl from the JSON

The JSON is what the extractor reads (extractors never load RDF); the Turtle is its linked-data
form for the graph and for curators' tools. A test keeps the two in step.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from rdflib import RDF, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS

from graph.iri import entity_iri
from graph.store import to_turtle, write_atomically
from graph.vocab import DKG, ID

SCHEME = ID["gazetteer"]


def gazetteer_graph() -> Graph:
    data = json.loads(files("extractors.data").joinpath("gazetteer.json").read_text(encoding="utf-8"))
    g = Graph()
    for prefix, ns in (("skos", SKOS), ("dcterms", DCTERMS), ("dkg", DKG._NS), ("id", ID)):
        g.bind(prefix, ns, override=True)
    g.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SCHEME, DCTERMS.source, Literal(data["_source"])))
    for e in data["entries"]:
        c = entity_iri(e["id"])
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, SCHEME))
        g.add((c, SKOS.prefLabel, Literal(e["prefLabel"], lang="nl")))
        for alt in e["altLabels"]:
            if alt != e["prefLabel"]:
                g.add((c, SKOS.altLabel, Literal(alt, lang="nl")))
        if e["acronym"]:
            g.add((c, SKOS.notation, Literal(e["acronym"])))
        if e["broader"]:
            g.add((c, SKOS.broader, entity_iri(e["broader"])))
        if e["scopeNote"]:
            g.add((c, SKOS.scopeNote, Literal(e["scopeNote"], lang="en")))
        g.add((c, DKG.category, Literal(e["category"])))
        g.add((c, DCTERMS.source, Literal(e["source"])))
    return g


def turtle_path() -> Path:
    return Path(str(files("ontology").joinpath("gazetteer.ttl")))


def main() -> None:
    write_atomically(turtle_path(), to_turtle(gazetteer_graph()))
    print(turtle_path())


if __name__ == "__main__":
    main()
