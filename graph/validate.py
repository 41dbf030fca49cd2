"""SHACL validation of a built graph against ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from importlib.resources import files

from rdflib import Graph


def shapes() -> Graph:
    return Graph().parse(str(files("ontology").joinpath("shapes.ttl")), format="turtle")


def validate(data: Graph) -> tuple[bool, str]:
    """(conforms, the report as text)."""
    from pyshacl import validate as shacl

    conforms, _, report = shacl(data, shacl_graph=shapes(), inference="none", allow_warnings=True)
    return bool(conforms), str(report)
