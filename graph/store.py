"""Writing and reading the graph: sorted, deterministic Turtle, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:  # rdflib is imported where a graph is made in memory: not by every command that opens a store
    from rdflib import Graph
    from rdflib.term import Node

GRAPH_FILE = "graph.ttl"


def to_turtle(g: Graph) -> str:
    """Turtle with subjects, predicates and objects in sorted order: same graph, same bytes.

    Written directly rather than through rdflib's serializer, which is both slower on large graphs
    and not guaranteed to order objects.
    """
    from rdflib import RDF

    nm = g.namespace_manager
    used = set()
    n3_cache: dict[Node, str] = {}

    def n3(term: Node) -> str:
        text = n3_cache.get(term)
        if text is None:
            text = term.n3(nm)
            n3_cache[term] = text
            if ":" in text and not text.startswith(("<", '"')):
                used.add(text.split(":", 1)[0])
            elif text.startswith('"') and "^^" in text:
                dt = text.rsplit("^^", 1)[1]
                if not dt.startswith("<"):
                    used.add(dt.split(":", 1)[0])
        return text

    by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in g:
        by_subject[n3(s)]["a" if p == RDF.type else n3(p)].append(n3(o))
    body: list[str] = []
    for s in sorted(by_subject):
        preds = by_subject[s]
        ordered = sorted(preds, key=lambda p: (p != "a", p))
        chunks = [f"    {p} {', '.join(sorted(set(preds[p])))}" for p in ordered]
        body.append(f"{s}\n" + " ;\n".join(chunks) + " .\n")
    prefixes = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(nm.namespaces()) if p in used]
    return "\n".join(prefixes) + "\n\n" + "\n".join(body)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside path, fsync it, rename it over path and fsync the folder:
    readers never see half a file, and a power cut leaves the old file or the new one."""
    from graph.folder import fsync_dir

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; a graph is for sharing
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_graph(g: Graph, out_dir: Path) -> Path:
    target = Path(out_dir) / GRAPH_FILE
    write_atomically(target, to_turtle(g))
    return target


class GraphNotFound(Exception):
    pass


def load_graph(graph_dir: Path) -> Graph:
    """The graph that `dkg build --out DIR` wrote, as an rdflib Graph: from graph.ttl, or from the
    build's store when the build was made without graph.ttl (--no-export)."""
    path = Path(graph_dir)
    if path.is_dir():
        path = path / GRAPH_FILE
    from rdflib import Graph

    g = Graph()
    if not path.exists():
        from graph.sparql import open_store, store_path

        if not Path(graph_dir).is_dir() or store_path(graph_dir) is None:
            raise GraphNotFound(f"{path}: no graph here; run `dkg build --out {graph_dir}` first")
        store = open_store(graph_dir)
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        g.parse(data=triples.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
        return g
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several kinds for a damaged file
        raise GraphNotFound(f"{path}: not a readable graph ({type(exc).__name__}: {' '.join(str(exc).split())})") from None
    return g
