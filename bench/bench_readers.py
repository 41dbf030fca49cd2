"""The readers' speed, one core: PDF pages per second (the bundled documents laid out as published
PDFs by reportlab, and the real published sample PDF), and XML megabytes per second (the real
Handelingen and ParlaMint TEI samples). Only the reading into dkg's text is timed; extraction is
bench_extract.py's.

    python -m bench.bench_readers
"""

from __future__ import annotations

import time
from pathlib import Path

from extractors.corpus import sample_paths
from extractors.markup import read_xml
from extractors.pdf import read_pdf

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _best(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    from tests.test_pdf import published_pdf

    pdfs = [published_pdf(p.read_text(encoding="utf-8"))[0] for p in sample_paths()]
    pdfs.append((DATA / "motie-21501-02-3121.pdf").read_bytes())
    pages = sum(len(read_pdf(d).pages) for d in pdfs)
    seconds = _best(lambda: [read_pdf(d) for d in pdfs])
    print(f"PDF: {pages} pages in {seconds:.2f} s: {pages / seconds:.0f} pages/s on one core")
    xmls = [(DATA / name).read_bytes() for name in ("h-tk-20172018-61-10.xml", "ParlaMint-NL_2017-01-26-tweedekamer-4.xml")]
    size = sum(len(d) for d in xmls)
    seconds = _best(lambda: [read_xml(d) for d in xmls], repeat=20)
    print(f"XML: {size / 1e6:.2f} MB in {seconds * 1000:.0f} ms: {size / 1e6 / seconds:.1f} MB/s on one core")


if __name__ == "__main__":
    main()
