"""`dkg build` on synthetic archives of 100, 1,000 and 10,000 documents (bench/synthetic.py): wall
time per stage, peak RSS of the build and of its workers, triples, documents per second, the
incremental rebuild after one document is changed, added and removed, and the reading commands
on the result: on the store the rebuilds patched, and on that store compacted (`--compact`).

    python bench/bench_scale.py --sizes 100 1000 [--workers 2] [--no-export] [--root /tmp/dkg-scale]

Each size runs in a fresh process, so that peak RSS is that size's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent


class PeakMemory:
    """Samples the resident memory of this process and of all its children (the worker processes)
    five times a second: getrusage does not see forkserver children, which are not ours to wait for."""

    def __init__(self) -> None:
        self.total = self.worker = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.2):
            rss = []
            for proc in [me, *me.children(recursive=True)]:
                try:
                    rss.append(proc.memory_info().rss)
                except psutil.Error:
                    continue
            self.total = max(self.total, sum(rss))
            self.worker = max([self.worker, *rss[1:]])


def _one(size: int, root: Path, workers: int, export: bool) -> dict:
    sys.path.insert(0, str(HERE))
    from synthetic import make_corpus, vary

    from graph.pipeline import Stages, build

    corpus = root / f"corpus-{size}"
    out = root / f"build-{size}"
    paths = make_corpus(size, corpus)
    shutil.rmtree(out, ignore_errors=True)
    text_mb = sum(p.stat().st_size for p in paths) / 1e6
    stages = Stages(False)
    started = time.perf_counter()
    with PeakMemory() as peak:
        summary = build([str(corpus)], out, workers=workers, export=export, stages=stages)
    wall = time.perf_counter() - started
    row = {
        "documents": size, "text_mb": round(text_mb, 1), "wall_s": round(wall, 1),
        "docs_per_s": round(size / wall, 1), "ms_per_doc": round(1000 * wall / size, 2),
        "stages_s": {k: round(v, 1) for k, v in stages.seconds.items()},
        "rss_build_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "rss_worker_mb": peak.worker // 2**20, "rss_all_processes_mb": peak.total // 2**20,
        "triples": summary.triples, "claims": summary.claims, "claim_links": summary.links,
        "commitments": summary.commitments,
        "store_mb": round(sum(f.stat().st_size for f in (out / "current" / "store").iterdir()) / 1e6),
    }  # fmt: skip
    # incremental: one document changed, one added, one removed
    changed = paths[size // 2]
    original = changed.read_text(encoding="utf-8")
    added = corpus / "zz-added.txt"
    timings = {}
    try:
        changed.write_text(original + "\nHet kabinet trekt € 12,5 miljoen extra uit voor de munitievoorraad.\n", "utf-8")
        timings["changed"] = _timed(lambda: build([str(corpus)], out, workers=workers, export=export))
        added.write_text(vary(paths[1].read_text(encoding="utf-8"), 997), encoding="utf-8")
        timings["added"] = _timed(lambda: build([str(corpus)], out, workers=workers, export=export))
    finally:
        changed.write_text(original, encoding="utf-8")
        added.unlink(missing_ok=True)
    timings["removed_and_restored"] = _timed(lambda: build([str(corpus)], out, workers=workers, export=export))
    row["rebuild_s"] = timings
    row["commands_s"] = _commands(out)  # on the store the rebuilds patched, right after them
    # the same on the store compacted again (dkg build --compact), twice: the second run warm
    row["compact_s"] = _timed(lambda: build([str(corpus)], out, workers=workers, export=export, compact=True))
    row["commands_compacted_s"] = [_commands(out) for _ in range(2)]
    return row


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return round(time.perf_counter() - started, 2)


def _commands(out: Path) -> dict:
    """Each reading command as a user runs it (a new process: opening the store is counted)."""
    runs = {
        "trace": ["trace", "19,3 mld"], "claims": ["claims", "--format", "jsonl"],
        "commitments": ["commitments", "--as-of", "2026-11-23", "--format", "jsonl"],
        "html": ["html", "-o", str(out.parent / "overview.html")],
        "search": ["search", "toezeggingen Oekraïne", "--format", "jsonl"],
    }  # fmt: skip
    from graph.queries import query_names
    from graph.sparql import named_query

    params = {
        "value": "19300000000",
        "name": "PURL",
        "number": "36800-X-3",
        "text": "PURL",
        "target": "https://w3id.org/dkg/id/entity/purl",
    }
    for name in query_names():
        nq = named_query(name)
        runs[f"query {name}"] = ["query", "--name", name, *sum((["--param", f"{k}={params[k]}"] for k in nq.params), [])]
    timings = {}
    for label, args in runs.items():
        started = time.perf_counter()
        done = subprocess.run(["dkg", *args, "--graph", str(out)], capture_output=True, text=True)
        timings[label] = round(time.perf_counter() - started, 2) if done.returncode in (0, 1) else f"exit {done.returncode}"
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--no-export", action="store_true", help="build without graph.ttl")
    ap.add_argument("--root", type=Path, default=Path("/tmp/dkg-scale"))
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    import os

    workers = args.workers or os.cpu_count() or 1
    if args.one:
        print(json.dumps(_one(args.one, args.root, workers, not args.no_export)))
        return
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(size), "--workers", str(workers), "--root", str(args.root)]
        done = subprocess.run(cmd + (["--no-export"] if args.no_export else []), capture_output=True, text=True)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            continue
        print(done.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
