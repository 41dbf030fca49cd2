"""`dkg serve`: Oxigraph's own SPARQL server, supervised so that no query can hold the machine.

Oxigraph cannot cancel a query once it runs (its `--timeout-s` is not honoured by every query),
so dkg keeps a few `oxigraph serve-read-only` processes (the backends, each on its own loopback
port, each opening the build's store read-only) behind a small front on 127.0.0.1. The front gives
each request to an idle backend, one request at a time, and waits at most until the request's
deadline. A backend that overruns it is killed, which frees its CPU at once, and replaced; the
client gets an HTTP error with a SPARQL-protocol message; the other backends keep answering.

The front refuses every update (403) before any backend sees it, and otherwise forwards the
request as it came, so the SPARQL 1.1 protocol (GET and POST, content negotiation, every result
format) and Oxigraph's query page are Oxigraph's own. A response is buffered (in memory, then on
disk) until it is complete, so a query that overruns while streaming still gets a clean error.
"""

from __future__ import annotations

import contextlib
import ctypes
import http.client
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection",
               "proxy-authenticate", "proxy-authorization", "content-length", "host"}  # fmt: skip
_CHUNK = 1 << 16
_MEMORY = 8 << 20  # a response larger than this is spooled to a temporary file
_MAX_REQUEST = 16 << 20  # a query is text: a larger body is refused, never read into memory


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the backend is killed when the front dies, even by SIGKILL (no orphan keeps a core)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def listening(port: int, seconds: float, alive: Callable[[], bool] = lambda: True) -> bool:
    """Whether something listens on 127.0.0.1:port within the time (False at once when alive() turns
    false: the process that should listen has died)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive():
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
        time.sleep(0.02)
    return False


class BackendError(Exception):
    """A backend that did not start (the store cannot be opened, the executable is missing)."""


class Backend:
    """One `oxigraph serve-read-only` process on a free loopback port."""

    def __init__(self, command: list[str], ready_within: float = 30):
        self.port = free_port()
        self.process = subprocess.Popen([*command, "--bind", f"127.0.0.1:{self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        preexec_fn=_die_with_parent)  # fmt: skip
        if listening(self.port, ready_within, lambda: self.process.poll() is None):
            return
        if self.process.poll() is not None:
            reason = self.process.stderr.read().decode("utf-8", "replace").strip().splitlines()
            raise BackendError(reason[-1] if reason else f"exit code {self.process.returncode}")
        self.kill()
        raise BackendError(f"not listening after {ready_within:g} s")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()


class Pool:
    """The idle backends. A killed one is replaced by a spawner thread that lives as long as the
    pool (a backend dies with the thread that started it), so the request that killed it answers
    at once."""

    def __init__(self, command: list[str], size: int):
        self.command = command
        self.idle: queue.Queue[Backend] = queue.Queue()
        self.all: set[Backend] = set()
        self.lock = threading.Lock()
        self.closed = False
        self.wanted: queue.Queue[bool] = queue.Queue()
        for _ in range(size):
            self._add(Backend(command))
        self.spawner = threading.Thread(target=self._spawn, daemon=True)
        self.spawner.start()

    def _add(self, backend: Backend) -> None:
        with self.lock:
            if self.closed:
                backend.kill()
                return
            self.all.add(backend)
        self.idle.put(backend)

    def acquire(self, timeout: float) -> Backend | None:
        try:
            return self.idle.get(timeout=max(timeout, 0.001))
        except queue.Empty:
            return None

    def release(self, backend: Backend) -> None:
        if self.closed:  # retired while it answered: the pool of a newer build serves now
            self.replace(backend)
        elif backend.process.poll() is None:
            self.idle.put(backend)
        else:  # it died on its own: replace it too
            self.replace(backend)

    def replace(self, backend: Backend) -> None:
        with self.lock:
            self.all.discard(backend)
        backend.kill()
        if not self.closed:
            self.wanted.put(True)

    def _spawn(self) -> None:
        while self.wanted.get():
            for attempt in range(5):
                try:
                    self._add(Backend(self.command))
                    break
                except BackendError:
                    time.sleep(0.5 * (attempt + 1))

    def size(self) -> int:
        with self.lock:
            return len(self.all)

    def close(self) -> None:
        """Stop taking requests: the idle backends go now, the busy ones when they have answered."""
        with self.lock:
            self.closed = True
        self.wanted.put(False)
        while True:
            try:
                backend = self.idle.get_nowait()
            except queue.Empty:
                break
            self.replace(backend)

    def kill_all(self) -> None:
        self.close()
        with self.lock:
            backends = list(self.all)
        for b in backends:
            b.kill()


class Overrun(Exception):
    pass


def is_update(method: str, path: str, content_type: str, body: bytes) -> bool:
    """Whether a request would change the store (refused whatever the backend would say)."""
    route = urllib.parse.urlsplit(path).path.rstrip("/")
    if route.endswith("/update"):
        return True
    if method in ("PUT", "DELETE", "PATCH"):
        return True
    if method != "POST":
        return False
    if route.endswith("/store"):
        return True
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/sparql-update":
        return True
    if kind == "application/x-www-form-urlencoded":
        return "update" in urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Front

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if self.server.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        self._forward()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _forward(self) -> None:
        started = time.monotonic()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= _MAX_REQUEST:
            self.close_connection = True
            self._error(413, f"a request body must have a Content-Length of at most {_MAX_REQUEST >> 20} MB")
            return
        body = self.rfile.read(length) if length else b""
        if is_update(self.command, self.path, self.headers.get("Content-Type", ""), body):
            self._error(403, "this server is read-only: updates are refused")
            return
        deadline = started + self.server.timeout_s
        pool = self.server.current_pool()
        backend = pool.acquire(deadline - time.monotonic())
        if backend is None:
            self._error(503, f"every query worker was busy for {self.server.timeout_s:g} s; try again")
            return
        try:
            status, reason, headers, spool = self._ask(backend, body, deadline)
        except Overrun:
            pool.replace(backend)
            self._error(503, f"the query ran longer than {self.server.timeout_s:g} s and was stopped "
                             f"(dkg serve --timeout sets the limit)")  # fmt: skip
            return
        except (OSError, http.client.HTTPException) as exc:
            pool.replace(backend)
            self._error(502, f"the query worker failed ({exc or type(exc).__name__})")
            return
        pool.release(backend)
        with spool:
            self._send(status, reason, headers, spool)

    def _ask(self, backend: Backend, body: bytes, deadline: float):
        """The backend's whole response, read before the deadline."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise Overrun
        conn = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=remaining)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            conn.request(self.command, self.path, body=body or None, headers=headers)
            response = conn.getresponse()
            spool = tempfile.SpooledTemporaryFile(max_size=_MEMORY)  # noqa: SIM115 - handed to the caller, who closes it
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise Overrun
                conn.sock.settimeout(remaining)
                chunk = response.read1(_CHUNK) if self.command != "HEAD" else b""
                if not chunk:
                    break
                spool.write(chunk)
            spool.seek(0)
            return response.status, response.reason, response.getheaders(), spool
        except TimeoutError:
            raise Overrun from None
        finally:
            conn.close()

    def _send(self, status: int, reason: str, headers, spool) -> None:
        size = spool.seek(0, 2)
        spool.seek(0)
        self.send_response(status, reason)
        for k, v in headers:
            if k.lower() not in _HOP_BY_HOP:
                self.send_header(k, v)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if self.command != "HEAD":
            while chunk := spool.read(_CHUNK):
                self.wfile.write(chunk)

    def _error(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class Front(ThreadingHTTPServer):
    """The front on 127.0.0.1. It answers from the folder's current build: when a new build is
    switched in, the next request starts a pool on the new store and retires the old one (its busy
    backends finish their request first), so the server is never staler than a second."""

    daemon_threads = True
    allow_reuse_address = False  # a port in use is an error, never shared

    def __init__(self, port: int, locate: Callable[[], Path], make_pool: Callable[[Path], Pool], timeout_s: float,
                 verbose: bool = False):  # fmt: skip
        self.locate = locate
        self.make_pool = make_pool
        self.store = locate()
        self.pool = make_pool(self.store)
        self.timeout_s = timeout_s
        self.verbose = verbose
        self.checked = time.monotonic()
        self.swap = threading.Lock()
        try:
            super().__init__(("127.0.0.1", port), Handler)
        except OSError:
            self.pool.kill_all()
            raise

    def current_pool(self) -> Pool:
        if time.monotonic() - self.checked < 0.5:
            return self.pool
        with self.swap:
            if time.monotonic() - self.checked < 0.5:
                return self.pool
            self.checked = time.monotonic()
            try:
                store = self.locate()
                if store != self.store:
                    fresh = self.make_pool(store)
                    self.pool, old, self.store = fresh, self.pool, store
                    old.close()
            except Exception as exc:  # the folder is being changed or is broken: keep the build we have
                if self.verbose:
                    print(f"dkg serve: still answering from {self.store} ({exc})", file=sys.stderr)
            return self.pool


def backend_command(executable: str, store: Path, timeout_s: float) -> list[str]:
    """A read-only Oxigraph server over the store; its own timeout stops the queries that honour it
    a little before the front's deadline (the front kills the rest)."""
    return [executable, "serve-read-only", "--location", str(store), "--union-default-graph",
            "--timeout-s", str(max(1, int(timeout_s)))]  # fmt: skip


def serve(executable: str, locate: Callable[[], Path], port: int, timeout_s: float, workers: int,
          verbose: bool = False) -> None:  # fmt: skip
    """Run the front and its backends until interrupted; locate() names the current build's store."""
    front = Front(port, locate, lambda store: Pool(backend_command(executable, store, timeout_s), workers), timeout_s, verbose)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        front.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        front.server_close()
        front.pool.kill_all()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
