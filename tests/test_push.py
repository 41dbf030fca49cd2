"""`dkg push` against real servers on loopback: a team store that demands credentials (HTTP Basic
or a bearer token), over plain HTTP and over HTTPS with the team's own CA; and servers that fail
(HTTP 500, a reset connection, silence). Every failure is `Error: ...` with exit 1, and no secret
is ever printed."""

from __future__ import annotations

import base64
import os
import socket
import ssl
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme

pytestmark = pytest.mark.server

USER, PASSWORD, TOKEN = "analist", "geheim-wachtwoord-7", "token-0123456789abcdef"


class TeamStore(BaseHTTPRequestHandler):
    """A Graph Store Protocol endpoint that keeps what is PUT, behind a login."""

    received: list[tuple[str, bytes]]
    mode = "auth"

    def log_message(self, *args) -> None:
        pass

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.mode == "error":
            self._reply(500, b"the store is broken")
        elif self.mode == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
        elif self.mode == "silent":
            threading.Event().wait(5)
        elif self.headers.get("Authorization") in (_basic(USER, PASSWORD), f"Bearer {TOKEN}"):
            self.server.received.append((self.path, body))
            self._reply(204, b"")
        else:
            self._reply(401, b"log in first", {"WWW-Authenticate": 'Basic realm="team"'})

    def _reply(self, status: int, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def _serve(mode: str = "auth", tls: trustme.CA | None = None):
    handler = type("Handler", (TeamStore,), {"mode": mode})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.received = []
    if tls is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def store():
    server = _serve()
    yield server
    server.shutdown()


def _push(built: Path, url: str, *args: str, env: dict | None = None):
    """dkg push as a user runs it: a process without a terminal on stdin."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DKG_PASSWORD", "DKG_TOKEN")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "graph.cli", "push", "--graph", str(built), "--endpoint", url, *args],
                          capture_output=True, text=True, env=environment, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip


def _no_secret(done) -> None:
    for secret in (PASSWORD, TOKEN):
        assert secret not in done.stdout + done.stderr


def test_push_without_credentials_is_told_how_to_log_in(built, store):
    done = _push(built, f"http://127.0.0.1:{store.server_port}/store")
    assert done.returncode == 1
    assert "Error: " in done.stderr and "HTTP 401" in done.stderr and "--user NAME" in done.stderr
    assert "Traceback" not in done.stderr and not store.received


def test_push_with_user_and_password_from_the_environment(built, store):
    done = _push(built, f"http://127.0.0.1:{store.server_port}/store", "--user", USER, env={"DKG_PASSWORD": PASSWORD})
    assert done.returncode == 0, done.stderr
    ((path, body),) = store.received
    assert path == "/store?default" and body == (built / "graph.ttl").read_bytes()
    _no_secret(done)


def test_a_wrong_password_names_the_user_never_the_password(built, store):
    done = _push(built, f"http://127.0.0.1:{store.server_port}/store", "--user", USER, env={"DKG_PASSWORD": "fout"})
    assert done.returncode == 1 and "HTTP 401" in done.stderr and repr(USER) in done.stderr
    assert "fout" not in done.stderr


def test_a_user_without_a_password_and_no_terminal_is_an_error_not_a_hang(built, store):
    done = _push(built, f"http://127.0.0.1:{store.server_port}/store", "--user", USER)
    assert done.returncode == 1 and "DKG_PASSWORD" in done.stderr and "Traceback" not in done.stderr
    assert not store.received


def test_a_bearer_token_from_the_environment(built, store):
    done = _push(built, f"http://127.0.0.1:{store.server_port}/store", "--graph-iri", "https://example.org/g",
                 env={"DKG_TOKEN": TOKEN})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert store.received[0][0] == "/store?graph=https%3A%2F%2Fexample.org%2Fg"
    _no_secret(done)


def test_credentials_in_the_url_are_refused(built, store):
    done = _push(built, f"http://{USER}:{PASSWORD}@127.0.0.1:{store.server_port}/store")
    assert done.returncode == 1 and "DKG_PASSWORD" in done.stderr and not store.received
    _no_secret(done)


def test_https_is_verified_against_the_teams_ca(built, tmp_path):
    ca = trustme.CA()
    server = _serve(tls=ca)
    url = f"https://127.0.0.1:{server.server_port}/store"
    try:
        untrusted = _push(built, url, "--user", USER, env={"DKG_PASSWORD": PASSWORD})
        assert untrusted.returncode == 1 and "certificate not trusted" in untrusted.stderr and "--ca-bundle" in untrusted.stderr
        assert not server.received
        bundle = tmp_path / "team-ca.pem"
        ca.cert_pem.write_to_path(str(bundle))
        trusted = _push(built, url, "--user", USER, "--ca-bundle", str(bundle), env={"DKG_PASSWORD": PASSWORD})
        assert trusted.returncode == 0, trusted.stderr
        assert len(server.received) == 1
        _no_secret(trusted)
    finally:
        server.shutdown()


FAILURES = [("error", "HTTP 500"), ("reset", "cannot connect"), ("silent", "no answer within 1 s")]


@pytest.mark.parametrize(("mode", "says"), FAILURES)
def test_a_failing_store_is_named_with_the_reason(built, mode, says):
    server = _serve(mode)
    try:
        done = _push(built, f"http://127.0.0.1:{server.server_port}/store", "--timeout", "1")
    finally:
        server.shutdown()
    assert done.returncode == 1, done.stdout
    assert f"Error: http://127.0.0.1:{server.server_port}/store" in done.stderr and says in done.stderr
    assert "Traceback" not in done.stderr
