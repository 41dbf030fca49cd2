"""A real Oxigraph server on a free loopback port: push a graph to it, query it over HTTP; and
`dkg serve` answering a query and refusing an update."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.server import free_port, listening
from graph.sparql import oxigraph_executable

pytestmark = pytest.mark.server


def wait_for(port: int, seconds: float = 20) -> None:
    if not listening(port, seconds):
        raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


def sparql(port: int, query: str) -> dict:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.loads(r.read())


@pytest.fixture
def team_server(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [oxigraph_executable(), "serve", "--location", str(tmp_path / "team"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(port)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_push_then_query_over_http(built, team_server):
    port = team_server
    runner = CliRunner()
    pushed = runner.invoke(main, ["push", "--graph", str(built), "--endpoint", f"http://127.0.0.1:{port}/store",
                                  "--graph-iri", "https://w3id.org/dkg/id/graph/corpus"])  # fmt: skip
    assert pushed.exit_code == 0, pushed.output
    result = sparql(port, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/dkg/id/graph/corpus> "
                          "{ ?q a <https://schema.org/Question> } }")  # fmt: skip
    assert result["results"]["bindings"][0]["n"]["value"] == "210"


def test_push_errors(built, team_server):
    runner = CliRunner()
    refused = runner.invoke(main, ["push", "--graph", str(built), "--endpoint", f"http://127.0.0.1:{team_server}/nowhere"])
    assert refused.exit_code == 1 and "refused the upload" in refused.stderr
    closed = runner.invoke(main, ["push", "--graph", str(built), "--endpoint", f"http://127.0.0.1:{free_port()}/store"])
    assert closed.exit_code == 1 and "cannot connect" in closed.stderr


def test_serve_answers_queries_and_refuses_updates(built):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--graph", str(built), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        wait_for(port, 60)
        result = sparql(port, "ASK { ?q a <https://schema.org/Question> }")
        assert result["boolean"] is True
        update = urllib.request.Request(
            f"http://127.0.0.1:{port}/update", data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            headers={"Content-Type": "application/sparql-update"}, method="POST",
        )  # fmt: skip
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=20)
        assert refused.value.code in (403, 404, 405)
        assert sparql(port, "ASK { <urn:a> <urn:b> <urn:c> }")["boolean"] is False
        # a second server on the same port is refused with a clear message
        busy = CliRunner().invoke(main, ["serve", "--graph", str(built), "--port", str(port)])
        assert busy.exit_code == 1 and f"port {port} on 127.0.0.1 is in use" in busy.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def served(built):
    """`dkg serve` with a 3-second limit and two query workers, as a user starts it."""
    import psutil

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--graph", str(built), "--port", str(port),
                             "--timeout", "3", "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        wait_for(port, 60)
        yield port, psutil.Process(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _backends(front) -> list:
    return [p for p in front.children() if "serve-read-only" in " ".join(p.cmdline())]


def _status(port: int, query: str, timeout: float = 60) -> tuple[int, str, float]:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), time.monotonic() - started


def test_a_runaway_query_is_stopped_its_cpu_freed_and_the_others_keep_answering(served):
    from concurrent.futures import ThreadPoolExecutor

    port, front = served
    with ThreadPoolExecutor(4) as pool:
        runaway = pool.submit(_status, port, RUNAWAY)
        time.sleep(0.3)  # it holds one worker now; the other answers the small queries
        small = [_status(port, "ASK { ?q a <https://schema.org/Question> }") for _ in range(10)]
        status, message, seconds = runaway.result()
    assert all(s == 200 and '"boolean":true' in body.replace(" ", "") for s, body, _ in small)
    assert status == 503 and "ran longer than 3 s and was stopped" in message
    assert seconds < 3 + 3  # within the deadline and a few seconds
    time.sleep(1.5)  # the killed worker is replaced
    backends = _backends(front)
    assert len(backends) == 2
    before = sum(p.cpu_times().user + p.cpu_times().system for p in backends)
    time.sleep(1)
    after = sum(p.cpu_times().user + p.cpu_times().system for p in backends)
    assert after - before < 0.3  # nobody computes the runaway any longer
    assert _status(port, "ASK { ?s ?p ?o }")[0] == 200


def test_the_server_keeps_the_protocol_and_refuses_every_form_of_update(served):
    port, _ = served
    base = f"http://127.0.0.1:{port}"
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    post = urllib.request.Request(f"{base}/query", data=form, headers=headers)
    with urllib.request.urlopen(post, timeout=20) as r:
        assert json.loads(r.read())["boolean"] is True
    with urllib.request.urlopen(f"{base}/", timeout=20) as r:  # Oxigraph's own query page
        assert r.status == 200 and "text/html" in r.headers["Content-Type"]
    updates = [
        ("POST", "/update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        ("POST", "/query", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        ("POST", "/update", urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded"),
        ("PUT", "/store?default", b"<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
        ("POST", "/store?default", b"<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
        ("DELETE", "/store?default", b"", "text/plain"),
    ]
    for method, path, body, kind in updates:
        request = urllib.request.Request(base + path, data=body or None, method=method, headers={"Content-Type": kind})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=20)
        assert refused.value.code == 403, (method, path)
    assert sparql(port, "ASK { <urn:a> <urn:b> <urn:c> }")["boolean"] is False
    assert sparql(port, "ASK { ?q a <https://schema.org/Question> }")["boolean"] is True
    import http.client

    huge = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    huge.putrequest("POST", "/query")
    huge.putheader("Content-Type", "application/sparql-query")
    huge.putheader("Content-Length", str(1 << 30))  # announced, never sent: refused before it is read
    huge.endheaders()
    assert huge.getresponse().status == 413
    huge.close()


def test_the_server_listens_on_loopback_only(served):
    import psutil

    port, front = served
    listening = [c for c in psutil.net_connections("inet") if c.status == psutil.CONN_LISTEN and c.laddr.port == port]
    assert listening and all(c.laddr.ip == "127.0.0.1" for c in listening)


def test_query_timeout_stops_a_runaway_query(built):
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "graph.cli", "query", RUNAWAY, "--graph", str(built), "--timeout", "2"],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1 and "Error: the query ran longer than 2 s and was stopped" in done.stderr
    assert time.monotonic() - started < 10
    service = CliRunner().invoke(main, ["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                                        "--graph", str(built)])  # fmt: skip
    assert service.exit_code == 1 and service.stderr.startswith("Error: the query failed (")


def test_the_server_follows_the_build_switched_in_and_is_never_stale(tmp_path):
    from extractors.corpus import sample_paths
    from graph import folder

    one = tmp_path / "one"
    one.mkdir()
    (one / sample_paths()[0].name).write_bytes(sample_paths()[0].read_bytes())
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(one), "--out", str(out)]).exit_code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--graph", str(out), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for(port, 60)
        first = int(sparql(port, count)["results"]["bindings"][0]["n"]["value"])
        assert first == folder.read_manifest(folder.current_build(out))["triples"]
        assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0  # the five documents
        expected = folder.read_manifest(folder.current_build(out))["triples"]
        time.sleep(0.6)
        assert int(sparql(port, count)["results"]["bindings"][0]["n"]["value"]) == expected > first
    finally:
        proc.terminate()
        proc.wait(timeout=10)
