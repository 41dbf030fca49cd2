"""SPARQL over a built graph with Oxigraph (pyoxigraph): named queries with declared parameters,
bound as RDF terms (never pasted into the query text), an on-disk store beside graph.ttl, a
read-only server, and upload to any SPARQL 1.1 Graph Store Protocol endpoint."""

from __future__ import annotations

import base64
import http.client
import re
import shutil
import socket
import ssl
import sysconfig
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import pyoxigraph as ox

from graph.folder import STORE, FolderError, current_build, read_manifest
from graph.queries import load_query, query_names
from graph.store import GRAPH_FILE, GraphNotFound
from graph.tables import long_lived


class SparqlError(Exception):
    """A known error: a bad query, an unknown name, a missing parameter, an unreachable endpoint."""


def graph_file(graph_dir: Path) -> Path:
    """The Turtle export of the folder's current build (or the file given)."""
    path = Path(graph_dir)
    path = path / GRAPH_FILE if path.is_dir() else path
    if not path.exists():
        raise GraphNotFound(f"{path}: no graph here; run `dkg build --out {graph_dir}` first")
    return path


def store_path(graph_dir: Path) -> Path | None:
    """The on-disk store of the folder's current build, resolved once (a later build that
    switches in does not change what an open reader sees); None for a plain graph.ttl."""
    path = Path(graph_dir)
    if not path.is_dir():
        return None
    build = current_build(path)
    if build is None:
        return None
    read_manifest(build)  # a build of another layout is an error, not an empty answer
    store = build / STORE
    if not store.is_dir():
        raise GraphNotFound(f"{path}: the current build has no store; run `dkg build --out {graph_dir}` again")
    return store


def open_store(graph_dir: Path) -> ox.Store:
    """The build's on-disk store, opened read-only (nothing is parsed); a bare graph.ttl (a file,
    or a folder of an older layout) is loaded into memory."""
    try:
        store = store_path(graph_dir)
    except FolderError as exc:
        raise GraphNotFound(str(exc)) from None
    if store is not None:
        try:
            return ox.Store.read_only(str(store))
        except OSError as exc:
            raise GraphNotFound(f"{graph_dir}: the store cannot be opened ({exc})") from None
    source = graph_file(graph_dir)
    memory = ox.Store()
    try:
        memory.load(path=str(source), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphNotFound(f"{source}: not a readable graph ({exc})") from None
    return memory


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    description: str
    params: dict[str, str]  # name -> type (iri, string, number)


def named_query(name: str) -> NamedQuery:
    try:
        text = load_query(name)
    except KeyError:
        raise SparqlError(f"unknown named query: {name}; known: {', '.join(query_names())}") from None
    description = " ".join(line[1:].strip() for line in text.splitlines() if line.startswith("#") and "param:" not in line)
    params = dict(re.findall(r"^#\s*param:\s*(\w+)\s*\((\w+)\)", text, re.M))
    return NamedQuery(name, text, description, params)


def parse_params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise SparqlError(f"--param {pair!r}: expected name=value")
        key, value = pair.split("=", 1)
        out[key.strip()] = value
    return out


def _term(value: str, type_: str | None) -> ox.NamedNode | ox.Literal:
    if type_ == "iri" or (type_ is None and re.match(r"^<?https?://", value)):
        return ox.NamedNode(value.strip("<>"))
    if type_ == "number" or (type_ is None and re.fullmatch(r"-?\d+(?:\.\d+)?", value)):
        try:
            float(value)
        except ValueError:
            raise SparqlError(f"parameter value {value!r} is not a number") from None
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    return ox.Literal(value)


def run_query(store: ox.Store, text: str, params: dict[str, str], declared: dict[str, str] | None = None):
    """(columns, rows) of a SELECT query; parameters are substituted as RDF terms."""
    declared = declared or {}
    missing = sorted(set(declared) - set(params))
    if missing:
        raise SparqlError(f"missing parameter(s): {', '.join(missing)} (give --param {missing[0]}=...)")
    terms = {k: _term(v, declared.get(k)) for k, v in params.items()}
    try:  # results are lazy: a failure (an unreachable SERVICE) may come while reading them
        with long_lived():  # rows by the ten thousand
            return _rows(store, text, terms)
    except SyntaxError as exc:
        raise SparqlError(f"the query has a syntax error: {exc}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise SparqlError(f"the query failed ({' '.join(str(exc).split())})") from None


def _rows(store: ox.Store, text: str, terms: dict[str, ox.NamedNode | ox.Literal]):
    """(columns, rows), sorted here when the query ends in an ORDER BY that can be (see split_order)."""
    unordered, order = split_order(text)
    if order:
        ordered = _collect_ordered(_execute(store, unordered, terms), order)
        if ordered is not None:
            return ordered
    return _collect(_execute(store, text, terms))


def _collect(result) -> tuple[list[str], list[dict[str, Any]]]:
    if isinstance(result, ox.QueryBoolean):
        return ["result"], [{"result": bool(result)}]
    if isinstance(result, ox.QueryTriples):
        rows = [{"subject": t.subject.value, "predicate": t.predicate.value, "object": _value(_of_term(t.object))}
                for t in result]  # fmt: skip
        return ["subject", "predicate", "object"], rows
    columns, solutions = _solutions(result)
    return columns, _dicts(columns, solutions)


# A term of a result: (kind, value, datatype or language tag): "uri", "bnode", "literal" (with its
# datatype), "lang" (with its tag), "triple" (an RDF-star triple in N-Triples).
Term = tuple[str, str, str | None]


def _solutions(result) -> tuple[list[str], list[list[Term | None]]]:
    """The columns and rows of a SELECT result, read from Oxigraph's SPARQL JSON results (made in
    one call, parsed by orjson): a Python object for each value of each row costs three times as
    much at 46,000 rows (answered_by_reference at 10,000 documents: 0.6 s of 2 s)."""
    data = orjson.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
    columns = data["head"]["vars"]
    return columns, [[_bound(b[c]) if c in b else None for c in columns] for b in data["results"]["bindings"]]


def _bound(b: dict) -> Term:
    """The Term of one binding of the SPARQL JSON results."""
    kind, value = b["type"], b["value"]
    if kind == "literal":
        lang = b.get("xml:lang")
        return ("lang", value, lang) if lang else ("literal", value, b.get("datatype", _STRING))
    if kind == "triple":  # its value: the subject, predicate and object, each a binding
        return "triple", f"<< {' '.join(_ntriples(_bound(value[p])) for p in ('subject', 'predicate', 'object'))} >>", None
    return kind, value, None


def _of_term(term: Any) -> Term:
    """The Term of a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None
    if isinstance(term, ox.Literal):
        return ("lang", term.value, term.language) if term.language else ("literal", term.value, term.datatype.value)
    return "triple", str(term), None


def _ntriples(term: Term) -> str:
    kind, value, extra = term
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    if kind == "lang":
        return str(ox.Literal(value, language=extra))
    if kind == "literal":
        return str(ox.Literal(value, datatype=ox.NamedNode(extra)))
    return value


# --- ORDER BY after the fact -------------------------------------------------------------------------
# Oxigraph decodes the terms it sorts again at every comparison: ordering 46,000 rows by a file
# name takes it longer than finding them (2.1 s of 4.2 s at 10,000 documents). A query whose last
# clause orders by projected variables only is therefore run without that clause, and its rows
# are sorted here, once per row, by the same SPARQL ordering, when every value of each sort column
# is of one kind whose order is plain (numbers, strings, dates of one datatype, IRIs, booleans,
# unbound). Rows with values of several kinds are handed back to Oxigraph to sort (_oxigraph_order).

_ORDER_BY = re.compile(
    r"(?:\}|\bGROUP\s+BY(?:\s*[?$]\w+)+)\s*(?P<order>ORDER\s+BY(?P<keys>(?:\s*(?:(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)|[?$]\w+))+))\s*\Z",
    re.I,
)  # after the WHERE clause (and a GROUP BY of variables), nothing after it
_ORDER_KEY = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?[?$](\w+)", re.I)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + t for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}  # fmt: skip
_FLOATS = {_XSD + "double", _XSD + "float"}
_STRING = _XSD + "string"
_AS_WRITTEN = {  # datatypes whose order is that of their lexical forms, when written like this
    _XSD + "date": re.compile(r"\d{4}-\d\d-\d\d"),  # no time zone: one clock, years 1000-9999
    _XSD + "gYearMonth": re.compile(r"\d{4}-\d\d"),
    _XSD + "gYear": re.compile(r"\d{4}"),
    _XSD + "boolean": re.compile(r"true|false"),
}


def _fits(number: Decimal, written: str, dt: str) -> bool:
    """Whether Oxigraph holds the number as a number: integers in 64 bits, decimals in its
    fixed point (18 digits after the point, about 1.7e20 before)."""
    if dt == _XSD + "decimal":
        point = written.strip().partition(".")[2]
        return abs(number) < Decimal("1.7e20") and len(point.rstrip("0")) <= 18 and "e" not in written.lower()
    return number == number.to_integral_value() and -(2**63) <= number < 2**63


def split_order(text: str) -> tuple[str, list[tuple[str, bool]]]:
    """(the query without its final ORDER BY clause, [(variable, descending), ...]); the text and
    [] when the query does not end in an ORDER BY of variables only, after its WHERE clause or a
    GROUP BY of variables."""
    m = _ORDER_BY.search(text)
    if m is None:
        return text, []
    keys = [(name, (way or "").upper() == "DESC") for way, name in _ORDER_KEY.findall(m.group("keys"))]
    return text[: m.start("order")].rstrip(), keys


def _sort_key(term: Term | None) -> tuple[str, tuple] | None:
    """(the kind of a sort column's value, its place among values of that kind), read once per
    value; None when its order is not a plain one."""
    if term is None:
        return "unbound", (0,)
    kind, value, dt = term
    if kind == "uri":
        return "iri", (1, value)
    if kind != "literal":
        return None
    if dt in _NUMBERS:
        try:
            number = Decimal(value.strip())  # exact: 0.1 and 0.10000000000000001 stay apart
        except InvalidOperation:  # an ill-typed literal ("abc"^^xsd:integer)
            return None
        if number.is_nan() or (dt not in _FLOATS and not _fits(number, value, dt)):
            return None  # Oxigraph holds it as an ill-typed literal, ordered apart
        return "number", (1, number)
    form = _AS_WRITTEN.get(dt)
    if dt == _STRING or (form is not None and form.fullmatch(value)):
        return dt, (1, value)
    return None


def _column_keys(values: list[Any]) -> list[tuple] | None:
    """The sort keys of a column's values; None when they are not all of one plainly ordered kind."""
    key_of = cache(_sort_key)  # a file name or a number repeats down a column: each converted once
    keys = [key_of(v) for v in values]
    if None in keys or len({kind for kind, _ in keys} - {"unbound"}) > 1:
        return None
    return [key for _, key in keys]


def _collect_ordered(result, order: list[tuple[str, bool]]):
    """_collect of rows sorted by order; None when a column's values cannot be sorted here."""
    if not isinstance(result, ox.QuerySolutions):
        return None
    variables = {v.value for v in result.variables}
    if any(name not in variables for name, _ in order):
        return None
    columns, solutions = _solutions(result)
    at = {c: i for i, c in enumerate(columns)}
    keys = [_column_keys([row[at[name]] for row in solutions]) for name, _ in order]
    if any(k is None for k in keys):
        solutions = _oxigraph_order(columns, solutions, order)
        if solutions is None:
            return None
    else:
        rows = list(range(len(solutions)))
        for (_, descending), column in reversed(list(zip(order, keys, strict=True))):  # stable sorts, last key first
            rows.sort(key=column.__getitem__, reverse=descending)
        solutions = [solutions[r] for r in rows]
    return columns, _dicts(columns, solutions)


def _dicts(columns: list[str], rows: Iterable[list[Term | None]]) -> list[dict[str, Any]]:
    value = cache(_value)  # each distinct term converted once
    return [{c: value(t) for c, t in zip(columns, row, strict=True)} for row in rows]


def _oxigraph_order(columns: list[str], solutions: list[list], order: list[tuple[str, bool]]) -> list[list] | None:
    """Rows already found, in Oxigraph's own order (for values of several kinds, which it compares
    in ways of its own): handed back to it in a VALUES block on an empty store, so that the pattern
    is not evaluated again. None when a value cannot stand in a VALUES block (a blank node)."""
    if not solutions:
        return solutions
    if any(t is not None and t[0] in ("bnode", "triple") for row in solutions for t in row):
        return None
    names = " ".join(f"?{c}" for c in columns)
    rows = " ".join(f"({' '.join('UNDEF' if t is None else _ntriples(t) for t in row)})" for row in solutions)
    keys = " ".join(f"DESC(?{name})" if descending else f"?{name}" for name, descending in order)
    try:
        ordered = ox.Store().query(f"SELECT {names} WHERE {{ VALUES ({names}) {{ {rows} }} }} ORDER BY {keys}")
        return _solutions(ordered)[1]
    except (SyntaxError, ValueError, OSError, RuntimeError):
        return None


def run_query_bounded(graph_dir: Path, text: str, params: dict[str, str], declared: dict[str, str] | None = None,
                      timeout: float | None = None) -> tuple[list[str], list[dict[str, Any]]]:  # fmt: skip
    """run_query on the folder's store in a child process that is killed when it overruns the
    timeout (Oxigraph cannot cancel a running query; killing the process frees its CPU at once).
    Ctrl-C stops it too. Errors come back as the same exceptions as in this process."""
    import multiprocessing

    context = multiprocessing.get_context("fork")  # the child shares the imports, opens its own store
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_query_child, args=(send, graph_dir, text, params, declared), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise SparqlError(f"the query ran longer than {timeout:g} s and was stopped (raise --timeout to allow more)")
        with long_lived():  # the rows, unpickled
            ok, payload = receive.recv()
    except EOFError:
        raise SparqlError(f"the query process ended without an answer (exit code {child.exitcode})") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if ok:
        return payload
    kind, message = payload
    raise (GraphNotFound if kind == "graph" else SparqlError)(message)


def _query_child(send, graph_dir: Path, text: str, params: dict[str, str], declared: dict[str, str] | None) -> None:
    try:
        answer = (True, run_query(open_store(graph_dir), text, params, declared))
    except GraphNotFound as exc:
        answer = (False, ("graph", str(exc)))
    except SparqlError as exc:
        answer = (False, ("query", str(exc)))
    except Exception as exc:  # an unforeseen failure is still an answer, never a silent child
        answer = (False, ("query", f"the query failed ({type(exc).__name__}: {exc})"))
    send.send(answer)
    send.close()


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def _execute(store: ox.Store, text: str, terms: dict[str, ox.NamedNode | ox.Literal]):
    """Run a query with its parameters bound as RDF terms (see bind)."""
    bound = bind(text, terms)
    if bound is None:
        subs = {ox.Variable(k): t for k, t in terms.items()}
        return store.query(text, substitutions=subs or None)
    return store.query(bound)  # every triple is in the default graph (graph/pipeline.py, StoreLoader)


def bind(text: str, terms: dict[str, ox.NamedNode | ox.Literal]) -> str | None:
    """The query with its parameters bound as RDF terms; None when there is nothing to bind or no
    WHERE clause. Inside the WHERE clause each parameter's variable is replaced by its term, so
    that Oxigraph sees a constant (it pushes a FILTER on a constant down to the pattern it reads:
    five times faster for claims_about than a variable joined later); a VALUES block that opens
    the clause still binds the variable for the projection. Its own substitutions would be
    applied only after the whole pattern is evaluated. Each term is written by Oxigraph itself,
    escaped: a parameter is never query text."""
    where = _WHERE.search(text) if terms else None
    if where is None:
        return None
    names = sorted(terms)
    values = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(terms[n]) for n in names)}) }} "
    variable = re.compile(r"[?$](" + "|".join(map(re.escape, names)) + r")\b")
    body = variable.sub(lambda m: str(terms[m.group(1)]), text[where.end() :])
    return text[: where.end()] + values + body


def bound_query(name: str, params: dict[str, str]) -> str:
    """A named query's text with its parameters bound, as it is sent to a SPARQL server."""
    nq = named_query(name)
    return bind(nq.text, {k: _term(v, nq.params.get(k)) for k, v in params.items()}) or nq.text


def _value(term: Term | None) -> Any:
    if term is None:
        return None
    kind, value, dt = term
    if kind == "literal":
        dt = dt.rsplit("#", 1)[-1]
        if dt in ("integer", "decimal", "double", "float", "int", "long"):
            number = float(value)
            return int(number) if number.is_integer() and dt != "double" else number
        if dt == "boolean":
            return value == "true"
    return value


# --- the server -----------------------------------------------------------------------------------


def oxigraph_executable() -> str:
    found = shutil.which("oxigraph") or str(Path(sysconfig.get_path("scripts")) / "oxigraph")
    if not Path(found).exists():
        raise SparqlError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def served_store(graph_dir: Path, port: int | None = None) -> Path:
    """The on-disk store `dkg serve` answers from: the current build's (the server looks again
    when a new build is switched in), after checking that the port is free."""
    if port is not None and not port_free(port):
        raise SparqlError(f"port {port} on 127.0.0.1 is in use; choose another with --port")
    try:
        store = store_path(graph_dir)
    except FolderError as exc:
        raise GraphNotFound(str(exc)) from None
    if store is None:
        raise GraphNotFound(f"{graph_dir}: no build with a store here; run `dkg build --out {graph_dir}` first")
    return store


# --- upload to a team's store -----------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    """How to log in to a team's store: HTTP Basic (user and password) or a bearer token. Never
    shown: repr() and every message name the user at most."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def header(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            pair = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
            return {"Authorization": f"Basic {pair}"}
        return {}

    def hint(self) -> str:
        if self.token:
            return "the token in DKG_TOKEN was not accepted"
        if self.user is not None:
            return f"the password of user {self.user!r} (DKG_PASSWORD) was not accepted"
        return "log in with --user NAME and the password in DKG_PASSWORD, or a token in DKG_TOKEN"


def push(graph_dir: Path, endpoint: str, graph_iri: str | None = None, timeout: float = 60,
         credentials: Credentials | None = None, ca_bundle: Path | None = None) -> int:  # fmt: skip
    """PUT graph.ttl to a SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph /store, Fuseki /data,
    GraphDB, Virtuoso); replaces the named graph (or the default graph). Returns the HTTP status.
    HTTPS certificates are verified (against ca_bundle when given, else the system's CAs)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SparqlError(f"{endpoint}: not an http(s) URL")
    if parts.username or parts.password:
        raise SparqlError("the endpoint URL holds credentials; give --user NAME and the password in DKG_PASSWORD instead")
    credentials = credentials or Credentials()
    data, content_type = _upload_body(graph_dir)
    query = {"graph": graph_iri} if graph_iri else {"default": ""}
    url = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode(query).replace("default=", "default")
    headers = {"Content-Type": content_type, **credentials.header()}
    request = urllib.request.Request(url, data=data, method="PUT", headers=headers)
    try:
        context = ssl.create_default_context(cafile=str(ca_bundle) if ca_bundle else None)
    except (OSError, ssl.SSLError) as exc:
        raise SparqlError(f"{ca_bundle}: not a readable CA bundle ({exc})") from None
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        body = " ".join(exc.read().decode("utf-8", "replace")[:300].split())
        hint = f" ({credentials.hint()})" if exc.code in (401, 403) else ""
        raise SparqlError(f"{endpoint} refused the upload: HTTP {exc.code} {exc.reason}{hint}: {body}") from None
    except TimeoutError:
        raise SparqlError(f"{endpoint}: no answer within {timeout:g} s (the upload may not have arrived)") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", None) or exc
        if isinstance(reason, ssl.SSLCertVerificationError):
            reason = f"certificate not trusted: {reason.verify_message}; give the team's CA with --ca-bundle"
        elif isinstance(reason, TimeoutError):
            raise SparqlError(f"{endpoint}: no answer within {timeout:g} s (the upload may not have arrived)") from None
        raise SparqlError(f"{endpoint}: cannot connect ({reason or type(exc).__name__})") from None


def _upload_body(graph_dir: Path) -> tuple[bytes, str]:
    """graph.ttl when the build exported it, else the store's triples as N-Triples."""
    path = Path(graph_dir)
    if (path / GRAPH_FILE).exists() or not path.is_dir():
        return graph_file(graph_dir).read_bytes(), "text/turtle"
    store = open_store(graph_dir)
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), "application/n-triples"
