"""The overview of a build, made by the build itself: the things an archive talks about most and
the documents that talk about them, ready for `dkg html` without --focus.

Each document's part names the nodes its mentions stand for (entities, references, persons,
fracties); the build counts in how many documents each is mentioned, keeps the most mentioned ones
and the documents that mention the most of them, and writes them with their edges to
`overview.json` beside the store. Drawing the overview then reads that file: its cost follows the
picture's size, not the archive's (reading the whole store for it took 46 s at 1,000 documents and
showed 300 documents without a single edge).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

OVERVIEW = "overview.json"
THINGS = 180  # entities, references, persons and fracties kept
DOCUMENTS = 120  # documents kept: those that mention the most of the kept things
EDGES = 20  # edges a document keeps: to the things most documents mention (a map, not a hairball)


def mentioned(situated: Sequence) -> tuple[tuple[str, str, str], ...]:
    """(node IRI, type, label) of everything a document's mentions stand for, once each."""
    from graph.document_graph import target_of

    found = {}
    for s in situated:
        target = target_of(s.mention)
        if target is not None:
            node, kind, label = target
            found.setdefault(node.strip("<>"), (node.strip("<>"), kind, label))
    return tuple(sorted(found.values()))


def overview(parts: Sequence) -> dict:
    """{"nodes": [...], "edges": [...]}: the most mentioned things and the documents about them."""
    counts: Counter[str] = Counter()
    about: dict[str, tuple[str, str]] = {}
    for p in parts:
        for node, kind, label in p.mentioned:
            counts[node] += 1
            about.setdefault(node, (kind, label))
    documents = {p.document for p in parts}
    ranked = sorted((n for n in counts if n not in documents), key=lambda n: (-counts[n], n))[:THINGS]
    kept = set(ranked)
    scored = sorted(parts, key=lambda p: (-sum(n in kept for n, _, _ in p.mentioned), p.name))[:DOCUMENTS]
    nodes = [{"id": n, "type": about[n][0], "label": about[n][1], "documents": counts[n]} for n in ranked]
    edges = []
    for p in sorted(scored, key=lambda p: p.name):
        nodes.append({"id": p.document, "type": "document", "label": p.name, "date": p.date})
        mine = sorted((n for n, _, _ in p.mentioned if n in kept), key=lambda n: (-counts[n], n))[:EDGES]
        edges.extend({"source": p.document, "target": n, "type": "mentions"} for n in sorted(mine))
    return {"nodes": nodes, "edges": edges, "documents": len(parts)}


def with_evidence(drawn: dict, parts: Sequence, cache) -> dict:
    """Each kept edge with the passage of its document that names the thing (from the passages the
    search index is made of: only the kept documents' are read), and each thing with its first."""
    labels = {n["id"]: n["label"] for n in drawn["nodes"]}
    by_document = {p.document: p for p in parts}
    edges_of: dict[str, list[dict]] = {}
    for edge in drawn["edges"]:
        edges_of.setdefault(edge["source"], []).append(edge)
    for document, edges in edges_of.items():
        wanted = {labels[e["target"]] for e in edges}
        found = _first_passages(cache.read(by_document[document].key, "search"), wanted)
        for edge in edges:
            evidence = found.get(labels[edge["target"]])
            if evidence:
                edge["evidence"] = evidence
    return drawn


def _first_passages(data: bytes | None, wanted: set[str]) -> dict[str, str]:
    """{name: the passage around its first mention} for the names wanted, by the value or the quote
    of what the passages' mentions name: only those are cut out."""
    import pickle

    found: dict[str, str] = {}
    for passage in pickle.loads(data).passages if data else ():
        for _kind, quote, value in passage.inside:
            for name in (value, quote):
                if name in wanted and name not in found:
                    found[name] = _around(passage.text, quote)
        if len(found) == len(wanted):
            break
    return found


def _around(text: str, quote: str, reach: int = 160) -> str:
    """The passage around the quote: what a tooltip can show."""
    at = max(0, text.find(quote))
    lo, hi = max(0, at - reach), min(len(text), at + len(quote) + reach)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def write_overview(folder: Path, parts: Sequence, cache) -> None:
    drawn = with_evidence(overview(parts), parts, cache)
    (Path(folder) / OVERVIEW).write_text(json.dumps(drawn, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def read_overview(build: Path):
    """The overview of a build as a networkx graph, or None when the build has none."""
    import networkx as nx

    path = Path(build) / OVERVIEW
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    g = nx.MultiDiGraph()
    for node in data["nodes"]:
        g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id" and v is not None})
    for edge in data["edges"]:
        g.add_edge(edge["source"], edge["target"], key=edge["type"], type=edge["type"], evidence=edge.get("evidence"))
    return g
