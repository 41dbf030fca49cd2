"""Turtle from N-Triples terms, one block of sorted statements at a time, so that graph.ttl is
written as a stream of per-document blocks (cached with the document) and never needs the whole
graph in memory."""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.terms import PREFIXES, XSD

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
# longest namespace first, so that a namespace inside another never wins
_NAMESPACES = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_INTEGER = re.compile(r'"(-?\d+)"\^\^<' + re.escape(XSD) + r"integer>\Z")
_BOOLEAN = re.compile(r'"(true|false)"\^\^<' + re.escape(XSD) + r"boolean>\Z")


def header() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"


_NODES = "<" + PREFIXES["id"]


def _compact(term: str) -> str:
    """A term in its shortest safe Turtle form: prefixed names, bare integers and booleans."""
    if term[0] == "<":
        if term.startswith(_NODES) and "/" in term[len(_NODES) :]:
            return term  # a node named under a document or a kind: no prefixed name can hold the slash
        uri = term[1:-1]
        for ns, prefix in _NAMESPACES:
            if uri.startswith(ns) and _LOCAL.match(uri, len(ns)):
                return f"{prefix}:{uri[len(ns) :]}"
        return term
    if term[-1] == '"':
        return term  # a plain string
    if term[-1] == ">" and "^^<" in term:
        m = _INTEGER.match(term) or _BOOLEAN.match(term)
        if m:
            return m.group(1)
        lexical, _, datatype = term.rpartition("^^")
        return f"{lexical}^^{_compact(datatype)}"
    return term


def block(triples: Iterable[tuple[str, str, str]]) -> str:
    """Sorted Turtle statements of the triples: subjects in order, rdf:type first as `a`."""
    triples = triples if isinstance(triples, (list, tuple, set)) else list(triples)
    # each distinct term compacted once (a document repeats its predicates and nodes thousands of
    # times); "\0" stands for rdf:type, which sorts before every other predicate and prints as `a`
    short = {term: _compact(term) for term in {term for triple in triples for term in triple}}
    rows = sorted({(short[s], "\0" if p == _TYPE else short[p], short[o]) for s, p, o in triples})
    out: list[str] = []
    subject = predicate = None
    for s, p, o in rows:
        if s != subject:
            if subject is not None:
                out.append(" .\n\n")
            out.append(f"{s}\n    {'a' if p == chr(0) else p} {o}")
            subject, predicate = s, p
        elif p != predicate:
            out.append(f" ;\n    {'a' if p == chr(0) else p} {o}")
            predicate = p
        else:
            out.append(f", {o}")
    if subject is not None:
        out.append(" .\n\n")
    return "".join(out)


def lines_block(lines: Iterable[str]) -> bytes:
    """The Turtle block (UTF-8) of N-Triples lines of dkg's making, in any order (block sorts them
    and drops repeats)."""
    return block(_split(ln) for ln in lines).encode("utf-8")


def _split(ln: str) -> tuple[str, str, str]:
    s, p, rest = ln.split(" ", 2)
    return s, p, rest[:-2]
