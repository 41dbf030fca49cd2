"""The graph of a few documents in memory, as an rdflib Graph: the library's API for notebooks,
SHACL and tests. It is made of the same per-document triples and cross-document links as
`dkg build` (graph/pipeline.py), which writes them to an on-disk store instead."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from extractors.document import Document
from graph.link_triples import cross_document
from graph.parts import make_part
from graph.terms import PREFIXES


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def document_lines(docs: Iterable[Document]) -> tuple[list[str], list]:
    """(N-Triples lines of the documents and their links, the parts) for documents in memory."""
    parts, lines = [], set()
    for doc in docs:
        part, own, *_ = make_part(doc)
        parts.append(part)
        lines.update(own)
        lines.update(part.shared)
    lines.update(cross_document(parts)[2])
    return sorted(lines), parts


def build_graph(docs: Iterable[Document]) -> Graph:
    """The rdflib Graph of the documents: their triples, claims and commitments."""
    lines, _ = document_lines(docs)
    g = new_graph()
    g.parse(data="\n".join(lines) + "\n", format="nt")
    return g


def build_sample(out_dir=None):
    """Build the bundled sample corpus into out_dir (a new temporary folder when None) and return
    the folder: what notebooks and examples start from."""
    import tempfile
    from pathlib import Path

    from graph.pipeline import build

    out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="dkg-"))
    build([], out, workers=1)
    return out
