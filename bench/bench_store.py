"""rdflib versus Oxigraph (in memory and on disk) on copies of the corpus graph: load time, a
trace query, and memory. Prints the numbers the README quotes.

    python bench/bench_store.py [--copies 10]
"""

from __future__ import annotations

import argparse
import gc
import resource
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from extractors.corpus import load_documents, sample_paths
from graph.build import build_graph
from graph.queries import load_query
from graph.store import to_turtle

QUERY = load_query("trace_figure").replace("FILTER(?v = ?value)", "FILTER(?v = 19300000000)")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    base = to_turtle(build_graph(load_documents(sample_paths())))
    work = Path(tempfile.mkdtemp())
    ttl = work / "graph.ttl"
    with ttl.open("w", encoding="utf-8") as fh:
        for k in range(args.copies):  # each copy under its own names: a corpus k times as large
            fh.write(base.replace("https://w3id.org/dkg/id/", f"https://w3id.org/dkg/id/copy{k}/") + "\n")
    print(f"{args.copies} copies of the corpus graph, {ttl.stat().st_size / 1e6:.0f} MB of Turtle")

    gc.collect()
    before = rss_mb()
    store, load = timed(lambda: _ox_memory(ttl))
    rows, query = timed(lambda: list(store.query(QUERY)))
    print(f"oxigraph in memory  load {load:6.2f} s  trace query {query * 1e3:7.1f} ms  rows {len(rows)}  "
          f"+{rss_mb() - before:.0f} MB peak")  # fmt: skip
    store = None  # free it before the next measurement
    disk = work / "store"
    _, load = timed(lambda: _ox_disk(ttl, disk))
    on_disk, opened = timed(lambda: ox.Store.read_only(str(disk)))
    rows, query = timed(lambda: list(on_disk.query(QUERY)))
    size = sum(p.stat().st_size for p in disk.rglob("*") if p.is_file()) / 1e6
    print(f"oxigraph on disk    load {load:6.2f} s  open {opened * 1e3:.0f} ms  trace query {query * 1e3:7.1f} ms  "
          f"{size:.0f} MB on disk")  # fmt: skip
    on_disk = None
    gc.collect()
    before = rss_mb()
    g, load = timed(lambda: Graph().parse(str(ttl), format="turtle"))
    rows, query = timed(lambda: list(g.query(QUERY)))
    print(f"rdflib              load {load:6.2f} s  trace query {query * 1e3:7.1f} ms  rows {len(rows)}  "
          f"{len(g)} triples  +{rss_mb() - before:.0f} MB peak")  # fmt: skip


def _ox_memory(ttl: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    return store


def _ox_disk(ttl: Path, path: Path) -> None:
    store = ox.Store(str(path))
    store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    store.flush()


if __name__ == "__main__":
    main()
