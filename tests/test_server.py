"""A real Oxigraph server on a free loopback port: push a graph to it, query it over HTTP; and
`dkg serve` answering a query and refusing an update."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.sparql import oxigraph_executable

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


def sparql(port: int, query: str) -> dict:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0
    return out


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
