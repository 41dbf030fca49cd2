"""The full-text search engine, chosen by measurement: SQLite FTS5 over words dkg folds and stems
(what `dkg build` writes) against tantivy with its own Dutch stemmer, on the same passages of a
synthetic archive (bench/synthetic.py). Prints, per engine: indexing time, passages per second,
index size, and the median and slowest latency of a set of analyst's queries.

    pip install tantivy   # only for the comparison; dkg does not need it
    python bench/bench_search.py --documents 1000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.synthetic import make_corpus
from extractors.locate import situate
from extractors.parse import parse_document
from extractors.reading import read_file
from graph.fulltext import INDEX, IndexWriter, document_passages, search
from graph.parts import _mentions

QUERIES = ["toezeggingen", "Oekraine", '"Stand van Defensie"', "munitie NOT Oekraïne", "PURL OR EMERS",
           "luchtverdediging AND NAVO", "investeringen", '"19,3 miljard"', "personeel", "Defensienota"]  # fmt: skip


def _passages(files: list[Path]) -> tuple[list, float]:
    started = time.perf_counter()
    out = []
    for f in files:
        doc = parse_document(read_file(f))
        out.append(document_passages(doc, situate(doc, _mentions(doc, None, "")), f"doc:{f.name}"))
    return out, time.perf_counter() - started


def _latencies(run) -> tuple[float, float]:
    times = []
    for _ in range(3):
        for q in QUERIES:
            started = time.perf_counter()
            run(q)
            times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def bench_fts5(docs: list, root: Path) -> dict:
    build = root / "fts5"
    build.mkdir()
    started = time.perf_counter()
    index = IndexWriter(build / INDEX, None)
    for k, d in enumerate(docs):
        index.add(f"key{k}", d.dumps)
    index.finish()
    seconds = time.perf_counter() - started
    import sqlite3

    from graph.fulltext import parse_query

    db = sqlite3.connect(build / INDEX)
    bare = ("SELECT p.text FROM passage_terms JOIN passage p ON p.id = passage_terms.rowid WHERE passage_terms MATCH ?"
            " ORDER BY bm25(passage_terms) LIMIT 20")
    median, worst = _latencies(lambda q: db.execute(bare, (parse_query(q).match,)).fetchall())
    db.close()
    with_hits = _latencies(lambda q: search(build, q, limit=20))[0]
    return {"engine": "SQLite FTS5 + PyStemmer", "index s": seconds, "size MB": (build / INDEX).stat().st_size / 1e6,
            "median ms": median * 1e3, "slowest ms": worst * 1e3, "hits ms": with_hits * 1e3}  # fmt: skip


def bench_tantivy(docs: list, root: Path) -> dict | None:
    try:
        import tantivy
    except ImportError:
        return None
    analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.ascii_fold()).filter(tantivy.Filter.stemmer("dutch")).build())  # fmt: skip
    schema = (tantivy.SchemaBuilder().add_text_field("text", stored=True, tokenizer_name="nl")
              .add_text_field("doc", stored=True).add_integer_field("start", stored=True).build())  # fmt: skip
    path = root / "tantivy"
    path.mkdir()
    index = tantivy.Index(schema, path=str(path))
    index.register_tokenizer("nl", analyzer)
    started = time.perf_counter()
    writer = index.writer()
    for d in docs:
        for p in d.passages:
            writer.add_document(tantivy.Document(text=p.text, doc=d.name, start=p.start))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    index.reload()
    searcher = index.searcher()

    def run(q: str):
        query = index.parse_query(q, ["text"])
        return [searcher.doc(a)["text"] for _, a in searcher.search(query, 20).hits]

    median, worst = _latencies(run)
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6
    return {"engine": "tantivy (Dutch stemmer)", "index s": seconds, "size MB": size, "median ms": median * 1e3,
            "slowest ms": worst * 1e3}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="dkg-bench-search-"))
    try:
        files = make_corpus(args.documents, root / "corpus")
        docs, made = _passages(files)
        n = sum(len(d.passages) for d in docs)
        print(f"{len(files)} documents, {n:,} passages; passages made (stemming included) in {made:.1f} s, one core")
        print("| engine | index (s) | passages/s | size (MB) | median query (ms) | slowest query (ms) |")
        print("|---|---|---|---|---|---|")
        for row in (bench_fts5(docs, root), bench_tantivy(docs, root)):
            if row:
                print(f"| {row['engine']} | {row['index s']:.1f} | {n / row['index s']:,.0f} | {row['size MB']:.0f} | "
                      f"{row['median ms']:.1f} | {row['slowest ms']:.1f} |")  # fmt: skip
                if "hits ms" in row:
                    print(f"(dkg search with snippets, provenance and what each hit holds: median {row['hits ms']:.1f} ms)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
