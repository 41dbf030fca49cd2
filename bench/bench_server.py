"""Load on the SPARQL server: concurrent clients sending the named queries, against `dkg serve`
(Oxigraph behind the supervising front) and against a bare `oxigraph serve-read-only` on the same
store; queries per second, p50/p99 latency and errors for each. Then a runaway query sent to
`dkg serve` while the clients run: when it is answered, with what, and whether the other clients
kept answering.

    python bench/bench_server.py [--graph DIR] [--clients 32] [--seconds 20]

Without --graph the bundled corpus is built into a temporary folder. Traffic goes to 127.0.0.1
only; every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PARAMS = {"value": "19300000000", "name": "PURL", "number": "36800-X-3"}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def named_queries() -> list[str]:
    from graph.queries import query_names
    from graph.sparql import bound_query, named_query

    return [bound_query(n, {k: PARAMS[k] for k in named_query(n).params}) for n in query_names()]


def ask(port: int, query: str, timeout: float = 120) -> tuple[int, float]:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


def load(port: int, queries: list[str], clients: int, seconds: float) -> dict:
    """`clients` threads, each sending the queries in turn until the time is up."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            status, took = ask(port, queries[i % len(queries)])
            i += 1
            with lock:
                latencies.append(took)
                errors[0] += status != 200

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    latencies.sort()
    return {
        "queries": len(latencies), "per_s": round(len(latencies) / wall, 1),
        "p50_s": round(statistics.median(latencies), 3), "p99_s": round(latencies[int(0.99 * (len(latencies) - 1))], 3),
        "errors": errors[0],
    }  # fmt: skip


def start(command: list[str], port: int) -> subprocess.Popen:
    from graph.server import listening

    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not listening(port, 60, lambda: proc.poll() is None):
        proc.kill()
        raise SystemExit(f"{command[0]} did not start listening on 127.0.0.1:{port}")
    return proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", type=Path, default=None)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--timeout", type=float, default=5, help="dkg serve --timeout for the runaway test")
    args = ap.parse_args()

    from graph.server import free_port
    from graph.sparql import oxigraph_executable, served_store

    graph = args.graph
    if graph is None:
        graph = Path(tempfile.mkdtemp(prefix="dkg-bench-server-"))
        subprocess.run([sys.executable, "-m", "graph.cli", "build", "--out", str(graph)], check=True, capture_output=True)
    queries = named_queries()
    results = {}

    port = free_port()
    bare = start([oxigraph_executable(), "serve-read-only", "--location", str(served_store(graph)), "--bind",
                  f"127.0.0.1:{port}", "--union-default-graph"], port)  # fmt: skip
    try:
        results["oxigraph serve-read-only"] = load(port, queries, args.clients, args.seconds)
    finally:
        bare.terminate()
        bare.wait()

    port = free_port()
    front = start([sys.executable, "-m", "graph.cli", "serve", "--graph", str(graph), "--port", str(port),
                   "--timeout", str(args.timeout)], port)  # fmt: skip
    try:
        results["dkg serve"] = load(port, queries, args.clients, args.seconds)
        runaway: dict = {}

        def send_runaway() -> None:
            status, took = ask(port, RUNAWAY)
            runaway.update(status=status, answered_after_s=round(took, 2))

        sender = threading.Thread(target=send_runaway)
        sender.start()
        time.sleep(0.2)
        results["dkg serve, with a runaway query"] = load(port, queries, args.clients, args.timeout + 2)
        sender.join()
        results["runaway query"] = {**runaway, "timeout_s": args.timeout}
    finally:
        front.terminate()
        front.wait()
    for label, row in results.items():
        print(json.dumps({"server": label, "clients": args.clients, **row}))


if __name__ == "__main__":
    main()
