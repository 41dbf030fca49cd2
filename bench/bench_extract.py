"""Extraction throughput on the bundled corpus, on one core: prints MB/s per stage.

    python bench/bench_extract.py [--repeat N]

Reports the best of N runs (the least disturbed by other work on the machine) and the median.
The figure and date stages include the shared indexes they read (one pass over every literal the
extractors anchor on, and the digit runs); the whole extraction pays for them once per document.
"""

from __future__ import annotations

import argparse
import statistics
import time

from extractors import literals
from extractors.corpus import sample_paths
from extractors.figures import figure_mentions
from extractors.parse import parse_document
from extractors.periods import period_mentions
from extractors.reading import read_file
from extractors.registry import extract_mentions, extractors
from extractors.text import digit_run_starts


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm up: compile the patterns once
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return min(runs), statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    extractors()  # every extractor imported: every literal registered
    sources = [read_file(p) for p in sample_paths()]
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    docs = [parse_document(s) for s in sources]
    stages = {
        # (one document is kept at a time: going round five, each is read again)
        "shared indexes (literals, digit runs)": lambda: [
            (literals.hits(d.text, "names"), digit_run_starts(d.text)) for d in docs
        ],
        "read+structure (parse_document)": lambda: [parse_document(s) for s in sources],
        "figures (amount, percentage, quantity)": lambda: [figure_mentions(d) for d in docs],
        "dates and periods": lambda: [list(period_mentions(d)) for d in docs],
        "structure, questions, figures, dates": lambda: [
            extract_mentions(parse_document(s), ("question", "amount", "percentage", "quantity", "date")) for s in sources
        ],
        "whole extraction (parse + every kind)": lambda: [extract_mentions(parse_document(s)) for s in sources],
    }
    print(f"corpus: {len(sources)} documents, {size / 1e3:.0f} kB; best and median of {args.repeat} runs")
    for name, fn in stages.items():
        best, median = timed(fn, args.repeat)
        print(f"{name:<40} {size / best / 1e6:6.2f} MB/s best  {size / median / 1e6:6.2f} MB/s median  ({best * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()
