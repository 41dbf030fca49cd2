"""RDF terms written as N-Triples text: the build's per-document step makes hundreds of thousands
of triples a second this way, where rdflib terms (and a Graph's indexes) would cost most of the
build. rdflib and Oxigraph read the result; `graph/turtle.py` turns it into Turtle."""

from __future__ import annotations

import re
from typing import Any

from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from graph.vocab import DKG as _DKG
from graph.vocab import ID as _ID
from graph.vocab import OA as _OA
from graph.vocab import SCHEMA as _SCHEMA

XSD = "http://www.w3.org/2001/XMLSchema#"
TIME_NS = "http://www.w3.org/2006/time#"
ELI_NS = "http://data.europa.eu/eli/ontology#"

# Characters N-Triples forbids in an IRI: percent-encoded (a URL printed in a letter may hold them).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri(value: str) -> str:
    if _BAD_IRI.search(value):
        value = _BAD_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value)
    return f"<{value}>"


def _escape(text: str) -> str:
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    if "\n" in text:
        text = text.replace("\n", "\\n")
    if "\r" in text:
        text = text.replace("\r", "\\r")
    return text


def string(text: str) -> str:
    return f'"{_escape(text)}"'


def typed(lexical: str, datatype: str) -> str:
    return f'"{_escape(lexical)}"^^<{datatype}>'


def integer(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


def boolean(b: bool) -> str:
    return f'"{"true" if b else "false"}"^^<{XSD}boolean>'


def value(v: Any) -> str:
    """A mention's or claim's value: numbers as xsd:decimal, booleans, everything else a string."""
    if isinstance(v, bool):
        return boolean(v)
    if isinstance(v, int):
        return f'"{v}"^^<{XSD}decimal>'
    if isinstance(v, float):
        return f'"{v!r}"^^<{XSD}decimal>'
    return string(str(v))


class Terms:
    """Encoded IRIs of one namespace by attribute: Terms(ns).value == '<ns value>'. With `closed`,
    a name the vocabulary does not define is an AttributeError, not a new IRI."""

    def __init__(self, namespace: str, closed: Any = None):
        self._ns = str(namespace)
        self._closed = closed

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        uri = str(getattr(self._closed, name)) if self._closed is not None else self._ns + name
        encoded = f"<{uri}>"
        setattr(self, name, encoded)
        return encoded

    def __getitem__(self, local: str) -> str:
        return iri(self._ns + local)


DKG = Terms(str(_DKG._NS), _DKG)
ID = Terms(str(_ID))
OA = Terms(str(_OA))
SCHEMA = Terms(str(_SCHEMA))
RDF_ = Terms(str(RDF))
RDFS_ = Terms(str(RDFS))
SKOS_ = Terms(str(SKOS))
PROV_ = Terms(str(PROV))
DCT = Terms(str(DCTERMS))
TIME = Terms(TIME_NS)
ELI = Terms(ELI_NS)
A = RDF_.type

# The prefixes of graph.ttl, and the namespaces rdflib binds for a graph built in memory.
PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS), "dkg": str(_DKG._NS), "eli": ELI_NS, "id": str(_ID), "oa": str(_OA),
    "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS), "schema": str(_SCHEMA), "skos": str(SKOS),
    "time": TIME_NS, "xsd": XSD,
}  # fmt: skip


def line(s: str, p: str, o: str) -> str:
    return f"{s} {p} {o} ."
