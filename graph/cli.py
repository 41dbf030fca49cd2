"""The `dkg` command: a thin click layer over the extractors and graph libraries.

Results go to stdout, diagnostics to stderr. Exit codes: 0 success, 1 a known error (the message
names the file and the reason), 2 a usage error.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph.output import FORMATS, emit

if TYPE_CHECKING:  # the readers are imported by the commands that read documents, not by those that query a build
    from extractors.corpus import Failed
    from extractors.document import Document
    from extractors.reading import Skipped


class Problems:
    """Collects what went wrong with single files, so that the run goes on and exits 1 at the end."""

    def __init__(self) -> None:
        self.failed: list[Failed] = []

    def report(self, item: Failed | Skipped) -> None:
        from extractors.corpus import Failed

        if isinstance(item, Failed):
            self.failed.append(item)
            click.echo(f"Error: {item}", err=True)
        else:
            click.echo(f"Warning: skipped {item.path}: {item.reason}", err=True)

    def exit_code(self) -> int:
        return 1 if self.failed else 0


@contextmanager
def _progress(total: int) -> Iterator:
    """A progress bar on stderr for long runs; silent when stderr is not a terminal."""
    if total < 20 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("reading", total=total)
        yield lambda: bar.advance(task)


def iter_documents(paths: Iterable[str], problems: Problems) -> Iterator[Document]:
    from extractors.corpus import Failed, load_documents, sample_paths
    from extractors.reading import Skipped

    paths = list(paths) or [str(p) for p in sample_paths()]
    with _progress(len(paths)) as tick:
        for item in load_documents(paths):
            tick()
            if isinstance(item, Failed | Skipped):
                problems.report(item)
                continue
            for warning in item.warnings:
                click.echo(f"Warning: {warning}", err=True)
            yield item


def format_option(default: str = "table", choices: Iterable[str] = FORMATS):
    """--format, and -o FILE for the formats that write a file (xlsx): kept in the context, where
    graph.output finds it, so that no command needs a parameter of its own for it."""
    choices = list(choices)
    if "xlsx" not in choices:
        choices.append("xlsx")

    def remember(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
        from graph.output import OUTPUT_KEY

        if value is not None:
            ctx.meta[OUTPUT_KEY] = value

    def decorate(f):
        f = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         expose_value=False, callback=remember, help="The file --format xlsx writes.")(f)  # fmt: skip
        return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                            help="Output format (xlsx: a spreadsheet, written to -o FILE).")(f)  # fmt: skip

    return decorate


def timeout_option(default: float, help: str, least: float = 0.1):  # noqa: A002 - click's name
    return click.option("--timeout", "timeout_s", type=click.FloatRange(min=least), default=default, show_default=True,
                        help=help)  # fmt: skip


def describe_failure(exc: BaseException) -> str:
    """The why of an unforeseen failure in one line: the file and the system's reason for an OS
    error (a full disk, a permission), else the kind of error and its message."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Command(click.Group):
    """The dkg group: a failure no command foresaw still ends in `Error: what (why)` and exit 1;
    the traceback only with --debug or DKG_DEBUG=1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader of stdout went away (`| head`): not an error of ours
            sys.stderr.close()
            raise SystemExit(1) from None
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            name = ctx.invoked_subcommand or "dkg"
            raise click.ClickException(f"dkg {name} failed ({describe_failure(exc)}; --debug shows where)") from None


@click.group(cls=Command, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dkg")
@click.option("--debug", is_flag=True, envvar="DKG_DEBUG", help="Show the traceback of an unforeseen failure.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """dkg: trace figures, questions and commitments across Dutch parliamentary defence letters."""
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--kinds", default=None, help="Comma-separated kinds to extract (default: all).")
@format_option(default="jsonl")
def extract(paths: tuple[str, ...], kinds: str | None, fmt: str) -> None:
    """Extract mentions from documents (files or folders), one row per mention, in document order."""
    from extractors.registry import extract_mentions, known_kinds

    wanted = None
    if kinds:
        wanted = [k.strip() for k in kinds.split(",") if k.strip()]
        unknown = sorted(set(wanted) - set(known_kinds()))
        if unknown:
            raise click.UsageError(f"unknown kind(s): {', '.join(unknown)}; known: {', '.join(known_kinds())}")
    problems = Problems()
    rows = (_with_page(m.to_json(), doc) for doc in iter_documents(paths, problems) for m in extract_mentions(doc, wanted))
    emit(rows, fmt, columns=["doc", "kind", "start", "end", "text", "value"])
    sys.exit(problems.exit_code())


def _with_page(row: dict, doc: Document) -> dict:
    """A mention's row with the page it starts on, for a document that has pages (a PDF)."""
    if doc.pages:
        row["page"] = doc.page_of(row["start"])
    return row


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the build into (graph.ttl, the store, the cache).")  # fmt: skip
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes for the per-document step (default: the machine's cores).")  # fmt: skip
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the per-document step on a Dask cluster (tcp://HOST:8786); its workers read the files "
                   "and DIR/cache from storage they share with this machine.")  # fmt: skip
@click.option("--export/--no-export", default=True, show_default=True,
              help="Write graph.ttl (switch it off for very large corpora: every command reads the store).")  # fmt: skip
@click.option("--compact", is_flag=True,
              help="Compact the store a rebuild patched (slower build, faster queries; a new store always is).")  # fmt: skip
@click.option("--store", type=click.Choice(["turtle", "oxigraph"]), default=None, hidden=True,
              help="Accepted for older scripts: every build writes its on-disk Oxigraph store.")  # fmt: skip
def build(paths: tuple[str, ...], out_dir: Path, workers: int | None, scheduler: str | None, export: bool,
          compact: bool, store: str | None) -> None:  # fmt: skip
    """Build the graph of documents (the bundled sample corpus when no PATH is given).

    Documents are processed in parallel and cached in DIR/cache: a rebuild re-extracts only what
    changed. The build is written beside the previous one and switched in with one rename."""
    from graph.pipeline import BuildBusy, Stages
    from graph.pipeline import build as run_build

    problems = Problems()
    try:
        summary = run_build(paths, out_dir, workers=workers, scheduler=scheduler, export=export,
                            stages=Stages(), report=problems.report, compact=compact)  # fmt: skip
    except BuildBusy as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{out_dir}: cannot write the build ({exc.strerror or exc})") from None
    if summary.documents == 0:
        raise click.ClickException("no document could be read; nothing written")
    target = out_dir / "graph.ttl" if export else out_dir / "current" / "store"
    click.echo(
        f"{summary.documents} documents, {summary.questions} questions: {summary.answered} answered "
        f"({summary.by_reference} only by reference to another answer), {summary.open} open; "
        f"{summary.claims} claims, {summary.links} links between them; {summary.commitments} commitments; "
        f"{summary.triples} triples -> {target}"
    )
    click.echo(
        f"{summary.extracted} of {summary.documents} documents extracted, {summary.documents - summary.extracted} "
        f"from the cache; build {summary.build_id}{' (unchanged)' if summary.unchanged else ''}",
        err=True,
    )
    sys.exit(problems.exit_code())


@main.command()
@click.argument("paths", nargs=-1)
@format_option()
def documents(paths: tuple[str, ...], fmt: str) -> None:
    """List documents (the bundled corpus when no PATH is given) with their kind and why: the line
    of the head that names it, or why none does; chamber, date, own Kamerstuk number, title, parts,
    questions, speakers and signatories."""
    from collections import Counter

    from extractors.structure import kind_evidence

    problems = Problems()
    rows = []
    for doc in iter_documents(paths, problems):
        kind, why = kind_evidence(doc.text)
        if doc.kind and kind is None:  # not from the head: from the turns, the publisher, or the asker
            if any(p.kind == "turn" for p in doc.parts):
                why = "speaker turns (\"Minister X:\", \"De heer X (F):\", \"De voorzitter:\")"
            elif doc.kind == "antwoorden op Kamervragen" and not doc.identifiers:
                why = "questions of a member (\"Vragen van het lid ... (fractie)\")"
            else:
                why = "the publication's metadata (" + ", ".join(doc.identifiers or ("its type",)) + ")"
        parts = Counter(p.kind for p in doc.parts)
        rows.append({
            "doc": doc.name, "kind": doc.kind or "unknown", "why": why, "chamber": doc.chamber, "date": doc.date,
            "number": doc.official_number, "title": doc.title, "pages": len(doc.pages) or None,
            "parts": ", ".join(f"{k} {n}" for k, n in parts.items()), "questions": len(doc.questions),
            "speakers": sorted({p.speaker for p in doc.parts if p.speaker}),
            "signatories": [f"{s.name} ({s.role})" if s.role else s.name for s in doc.signatories],
        })  # fmt: skip
    emit(rows, fmt, columns=["doc", "kind", "date", "number", "chamber", "questions", "parts", "why"])
    sys.exit(problems.exit_code())


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--open", "only_open", is_flag=True, help="Only questions without an answer.")
@click.option("--by-reference", is_flag=True, help="Only questions answered only by pointing to another answer.")
@click.option("--fractie", default=None, help="Only questions asked by this fractie (any spelling).")
@format_option()
def questions(paths: tuple[str, ...], only_open: bool, by_reference: bool, fractie: str | None, fmt: str) -> None:
    """List the questions of documents (the bundled corpus when no PATH is given)."""
    from extractors.fracties import canonical_fractie

    wanted_fractie = None
    if fractie:
        wanted_fractie = canonical_fractie(fractie)
        if wanted_fractie is None:
            raise click.UsageError(f"unknown fractie: {fractie}")
    problems = Problems()
    rows = []
    for doc in iter_documents(paths, problems):
        for q in doc.questions:
            if only_open and q.answered:
                continue
            if by_reference and not q.by_reference_only:
                continue
            if wanted_fractie and q.asked_by != wanted_fractie:
                continue
            rows.append({
                "doc": doc.name, "series": q.series, "n": q.n, "asked_by": q.asked_by,
                "answered": q.answered, "by_reference_only": q.by_reference_only,
                "answer_refers_to": list(q.answer_refers_to), "start": q.span.start, "end": q.span.end,
                "question": q.span.quote(doc.text),
            })  # fmt: skip
    emit(rows, fmt, columns=["doc", "series", "n", "asked_by", "answered", "answer_refers_to", "question"])
    sys.exit(problems.exit_code())


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["amount", "percentage", "quantity", "date"]),
              help="Only figures of this kind (repeatable; default: all).")  # fmt: skip
@format_option()
def figures(paths: tuple[str, ...], kinds: tuple[str, ...], fmt: str) -> None:
    """List the figures (amounts, percentages, quantities, dates) of documents, one row each."""
    from graph.figures import COLUMNS, FIGURE_KINDS, figure_rows

    problems = Problems()
    rows = figure_rows(iter_documents(paths, problems), kinds or FIGURE_KINDS)
    emit(rows, fmt, columns=COLUMNS)
    sys.exit(problems.exit_code())


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["person", "party", "organisation", "programme"]),
              help="Only entities of this kind (repeatable; default: all).")  # fmt: skip
@click.option("--unknown", is_flag=True, help="List acronyms that no gazetteer entry or in-text definition explains.")
@format_option()
def entities(paths: tuple[str, ...], kinds: tuple[str, ...], unknown: bool, fmt: str) -> None:
    """List the persons, fracties, organisations and programmes of documents, once per entity."""
    from extractors.entities import entity_mentions, unknown_acronyms

    problems = Problems()
    if unknown:
        counts: dict[str, dict] = {}
        for doc in iter_documents(paths, problems):
            for token, n in unknown_acronyms(doc):
                row = counts.setdefault(token, {"acronym": token, "count": 0, "documents": []})
                row["count"] += n
                row["documents"].append(doc.name)
        rows = sorted(counts.values(), key=lambda r: (-r["count"], r["acronym"]))
        emit(rows, fmt, columns=["acronym", "count", "documents"])
        sys.exit(problems.exit_code())
    merged: dict[tuple[str, str], dict] = {}
    for doc in iter_documents(paths, problems):
        for m in entity_mentions(doc):
            if kinds and m.kind not in kinds:
                continue
            row = merged.setdefault((m.kind, m.value), {
                "kind": m.kind, "value": m.value, "label": m.fields.get("label") or m.fields.get("role"),
                "mentions": 0, "documents": [], "spellings": [],
            })  # fmt: skip
            row["mentions"] += 1
            if doc.name not in row["documents"]:
                row["documents"].append(doc.name)
            if m.text not in row["spellings"]:
                row["spellings"].append(m.text)
    _one_person_across_documents(merged)
    rows = sorted(merged.values(), key=lambda r: (r["kind"], -r["mentions"], r["value"]))
    emit(rows, fmt, columns=["kind", "value", "label", "mentions", "documents", "spellings"])
    sys.exit(problems.exit_code())


def _one_person_across_documents(merged: dict[tuple[str, str], dict]) -> None:
    """A person named by surname alone in some documents and in full in others is one row, under the
    full name (when the documents name one person of that surname in full)."""
    from extractors.persons import full_names

    known = full_names(value for kind, value in merged if kind == "person")
    for key in [k for k in merged if k[0] == "person" and k[1].casefold() in known]:
        full = ("person", known[key[1].casefold()])
        if full == key or full not in merged:
            continue
        row, into = merged.pop(key), merged[full]
        into["mentions"] += row["mentions"]
        into["documents"] += [d for d in row["documents"] if d not in into["documents"]]
        into["spellings"] += [s for s in row["spellings"] if s not in into["spellings"]]


@main.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), required=True,
              help="Folder written by dkg build (or a graph.ttl file).")  # fmt: skip
def validate(graph_dir: Path) -> None:
    """Check a built graph against the SHACL shapes in ontology/shapes.ttl."""
    from graph.store import GraphNotFound, load_graph
    from graph.validate import validate as run

    try:
        g = load_graph(graph_dir)
    except GraphNotFound as exc:
        raise click.ClickException(str(exc)) from None
    conforms, report = run(g)
    if conforms:
        click.echo(f"{graph_dir}: conforms to the shapes ({len(g)} triples)")
        return
    click.echo(report)
    raise click.ClickException(f"{graph_dir}: does not conform to the shapes (report above)")


def _load(graph_dir: Path):
    """The built graph as an Oxigraph store (the on-disk one when it exists): reading and querying
    is an order of magnitude faster than with rdflib (bench/bench_store.py)."""
    from graph.sparql import open_store
    from graph.store import GraphNotFound

    try:
        return open_store(graph_dir)
    except GraphNotFound as exc:
        raise click.ClickException(str(exc)) from None


def graph_option():
    return click.option("--graph", "graph_dir", type=click.Path(path_type=Path), required=True,
                        help="Folder written by dkg build (or a graph.ttl file).")  # fmt: skip


@main.command()
@graph_option()
@format_option(default="jsonl", choices=("jsonl", "json", "table", "csv"))
def claims(graph_dir: Path, fmt: str) -> None:
    """List the claims of a built graph: subject, value, unit, period, mentions and links."""
    from graph.tables import CLAIMS, claims_file, read_table
    from graph.trace import claims_from_graph

    if fmt == "jsonl" and (lines := claims_file(graph_dir)) is not None:
        sys.stdout.flush()
        with open(lines, "rb") as fh:  # the build wrote the lines this prints: copied, not parsed
            shutil.copyfileobj(fh, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    rows = read_table(graph_dir, CLAIMS)
    if rows is None:
        rows = claims_from_graph(_load(graph_dir))
    if fmt in ("jsonl", "json"):
        for row in rows:
            for m in row["mentions"]:
                for key in ("date", "speaker", "where", "context"):
                    m.pop(key, None)  # the contract's mention fields: doc, start, end, text
        emit(rows, fmt)
        return
    flat = [
        {"subject": r["subject"], "kind": r["kind"], "value": r["value"], "unit": r["unit"], "period": r["period"],
         "mentions": len(r["mentions"]), "documents": sorted({m["doc"] for m in r["mentions"]}),
         "related": [f"{x['relation']} {x['claim'].rsplit('/', 2)[-2]}" for x in r["related"]]}
        for r in rows
    ]  # fmt: skip
    emit(flat, fmt)


@main.command()
@click.argument("term")
@graph_option()
@format_option(default="table", choices=("table", "json", "jsonl", "csv"))
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the history as a chart to this HTML file (self-contained, offline) instead of rows.")  # fmt: skip
def trace(term: str, graph_dir: Path, fmt: str, html_file: Path | None) -> None:
    """Trace a figure ("19,3 mld", "3,5%"), an entity ("PURL"), a reference ("36800-X-3") or a
    promised report ("Stand van Defensie voorjaar 2026") across letters: every mention and related
    claim, oldest first; with --html, as a timeline chart whose points open their quotes."""
    from graph.trace import parse_term
    from graph.trace import trace as run_trace

    g = _load(graph_dir)
    parsed = parse_term(term, g)
    if parsed is None:
        raise click.ClickException(f"{term!r} is no figure, reference or entity known in {graph_dir}")
    rows = run_trace(g, parsed)
    if not rows:
        raise click.ClickException(f"{term!r}: nothing in {graph_dir} states or mentions it")
    if html_file is not None:
        from graph.tables import COMMITMENTS, read_table
        from graph.timeline import write_timeline

        try:
            write_timeline(rows, html_file, f"dkg: {term}", read_table(graph_dir, COMMITMENTS) or ())
        except OSError as exc:
            raise click.ClickException(f"{html_file}: cannot write ({exc.strerror or exc})") from None
        click.echo(f"{len(rows)} points -> {html_file}")
        return
    columns = ["date", "doc", "where", "speaker", "relation", "text", "context"]
    if fmt not in ("json", "jsonl"):  # a page of a PDF is shown with the place: "X16 answer, p. 3"
        rows = [{**r, "where": ", ".join(x for x in (r.get("where"), r.get("page") and f"p. {r['page']}") if x)} for r in rows]
    emit(rows if fmt in ("json", "jsonl") else [{c: r.get(c) for c in columns} for r in rows], fmt, columns=columns, width=90)


@main.command()
@click.argument("text", metavar="QUERY")
@graph_option()
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="The number of hits shown.")
@click.option("--document", default=None, help="Only documents whose file name contains this.")
@format_option(default="table", choices=("table", "jsonl", "json", "csv"))
def search(text: str, graph_dir: Path, limit: int, document: str | None, fmt: str) -> None:
    """Full-text search over every document of a build, best first: a snippet, the document, date,
    question or answer, page, and the figures, entities and commitments in each hit.

    Dutch-aware ("toezeggingen" finds "toezegging", "Oekraine" finds "Oekraïne"); "a phrase",
    AND, OR, NOT, -word and prefix* combine terms."""
    from graph.folder import current_build
    from graph.fulltext import SearchError
    from graph.fulltext import search as run_search

    build = current_build(graph_dir) if graph_dir.is_dir() else None
    if build is None:
        raise click.ClickException(f"{graph_dir}: no build to search (write one with dkg build --out {graph_dir})")
    try:
        hits = run_search(build, text, limit, document)
    except SearchError as exc:
        raise click.ClickException(str(exc)) from None
    if not hits:
        click.echo(f"{text!r}: no hit in {graph_dir}", err=True)
    if fmt in ("jsonl", "json"):
        emit(hits, fmt)
        return
    columns = ["doc", "date", "where", "page", "snippet", "figures", "entities", "commitments"]
    emit([{**h, "commitments": len(h["commitments"]) or None} for h in hits], fmt, columns=columns, width=160)


@main.command()
@click.argument("query", required=False)
@graph_option()
@click.option("--name", default=None, help="A named query from graph/queries (see --list).")
@click.option("--param", "params", multiple=True, help="A parameter as name=value (repeatable); bound as an RDF term.")
@click.option("--list", "list_names", is_flag=True, help="List the named queries and their parameters.")
@timeout_option(60, "Seconds the query may run before it is stopped (0: no limit).", least=0)
@format_option(default="table", choices=("table", "csv", "json", "jsonl"))
def query(query: str | None, graph_dir: Path, name: str | None, params: tuple[str, ...], list_names: bool,
          timeout_s: float, fmt: str) -> None:  # fmt: skip
    """Run a SPARQL query (text, a .rq file, or --name NAME) over a built graph."""
    from graph.queries import query_names
    from graph.sparql import SparqlError, named_query, parse_params, run_query_bounded
    from graph.store import GraphNotFound

    try:
        if list_names:
            rows = [{"name": n, "parameters": " ".join(f"{k} ({t})" for k, t in named_query(n).params.items()),
                     "description": named_query(n).description} for n in query_names()]  # fmt: skip
            emit(rows, fmt, columns=["name", "parameters", "description"], width=100)
            return
        if bool(query) == bool(name):
            raise click.UsageError("give a QUERY (text or .rq file) or --name NAME, not both")
        declared: dict[str, str] = {}
        if name:
            nq = named_query(name)
            text, declared = nq.text, nq.params
        elif query.endswith(".rq") or Path(query).is_file():
            path = Path(query)
            if not path.is_file():
                raise click.ClickException(f"{path}: no such query file")
            text = path.read_text(encoding="utf-8")
        else:
            text = query
        columns, rows = run_query_bounded(graph_dir, text, parse_params(list(params)), declared, timeout_s or None)
    except (SparqlError, GraphNotFound) as exc:
        raise click.ClickException(str(exc)) from None
    emit(rows, fmt, columns=columns)


@main.command()
@graph_option()
@click.option("--focus", default=None, help='An entity, figure or reference to centre on (PURL, "19,3 mld", 36800-X-3).')
@click.option("--depth", type=int, default=2, show_default=True, help="Steps around the focus.")
@click.option("--kinds", default=None, help="Comma-separated node types to show (document, question, claim, ...).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")  # fmt: skip
def html(graph_dir: Path, focus: str | None, depth: int, kinds: str | None, output: Path) -> None:
    """Write one self-contained, offline HTML view of the graph (or of the neighbourhood of --focus)."""
    from graph.folder import current_build
    from graph.html import STYLE, overview
    from graph.network import ego, focus_nodes, to_networkx
    from graph.overview import read_overview

    wanted = {k.strip() for k in kinds.split(",")} if kinds else None
    if wanted and not wanted <= set(STYLE):
        raise click.UsageError(f"unknown kind(s): {', '.join(sorted(wanted - set(STYLE)))}; known: {', '.join(STYLE)}")
    build = current_build(graph_dir) if graph_dir.is_dir() else None
    if not focus and build is not None and (drawn := read_overview(build)) is not None:
        view = drawn.subgraph([n for n, d in drawn.nodes(data=True) if not wanted or d["type"] in wanted]).copy()
        return _write_view(view, output, "dkg: overzicht", build)
    store = _load(graph_dir)
    g = to_networkx(store, fold_questions=not focus)
    if focus:
        centre = focus_nodes(g, store, focus)
        if not centre:
            raise click.ClickException(f"{focus!r}: nothing in {graph_dir} by that name or value")
        view = ego(g, centre, depth)
        if wanted:
            view = view.subgraph([n for n, d in view.nodes(data=True) if d["type"] in wanted or n in centre]).copy()
        heading = f"dkg: {focus}"
    else:
        view = overview(g, wanted)
        heading = "dkg: overzicht"
    _write_view(view, output, heading, build)


def _write_view(view, output: Path, heading: str, build: Path | None) -> None:
    from graph.html import write_html

    try:
        path = write_html(view, output, heading, build)
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"{view.number_of_nodes()} nodes, {view.number_of_edges()} edges -> {path}")


@main.command()
@graph_option()
@click.option("--status", type=click.Choice(["open", "moved", "fulfilled", "overdue"]), default=None,
              help="Only commitments with this status.")  # fmt: skip
@click.option("--as-of", "as_of", default=None, help="The date the status is judged on (YYYY-MM-DD; default: today).")
@format_option(default="table", choices=("table", "csv", "jsonl", "json", "toezegging"))
def commitments(graph_dir: Path, status: str | None, as_of: str | None, fmt: str) -> None:
    """List what the government promised, when it is due, and what became of it (open, moved,
    fulfilled, overdue), with the evidence. --format toezegging writes JSON lines with the field
    names of the Kamer's Toezegging register."""
    import datetime

    from graph.tables import long_lived

    if as_of is None:
        as_of = datetime.date.today().isoformat()
    elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        raise click.UsageError(f"--as-of {as_of!r}: expected a date as YYYY-MM-DD")
    with long_lived():  # tens of thousands of rows read, judged, sorted and laid out
        _print_commitments(graph_dir, status, as_of, fmt)


def _print_commitments(graph_dir: Path, status: str | None, as_of: str, fmt: str) -> None:
    from graph.commitments import commitments_from_store, judge
    from graph.tables import COMMITMENTS, read_table

    table = read_table(graph_dir, COMMITMENTS)
    judged = judge(table, as_of) if table is not None else commitments_from_store(_load(graph_dir), as_of)
    rows = [c for c in judged if status is None or c["status"] == status]
    if fmt == "toezegging":
        from graph.commitments import toezegging_records

        emit(toezegging_records(rows), "jsonl")
        return
    if fmt in ("jsonl", "json"):
        emit(rows, fmt)
        return
    flat = [{"status": c["status"], "due": c["due"], "due_until": c["due_until"], "type": c["type"],
             "vehicle": c["vehicle"], "quote": c["mentions"][0]["text"], "evidence": c["evidence"]} for c in rows]  # fmt: skip
    emit(flat, fmt, columns=["status", "due", "due_until", "type", "vehicle", "quote", "evidence"], width=80)


@main.command()
@graph_option()
@click.option("--port", type=int, default=7878, show_default=True, help="Port on 127.0.0.1.")
@timeout_option(30, "Seconds a request may take; a query that overruns is stopped and answered with an error.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Queries answered at once (default: the machine's cores, at least 2).",
)
@click.option("--verbose", is_flag=True, help="Log every request on stderr.")  # fmt: skip
def serve(graph_dir: Path, port: int, timeout_s: float, workers: int | None, verbose: bool) -> None:
    """Serve a built graph read-only with Oxigraph's SPARQL server (and its query page) on 127.0.0.1;
    a query that runs longer than --timeout is stopped, and its CPU freed."""
    import os

    from graph.server import BackendError
    from graph.server import serve as run_server
    from graph.sparql import SparqlError, oxigraph_executable, served_store
    from graph.store import GraphNotFound

    try:
        served_store(graph_dir, port)
        executable = oxigraph_executable()
    except (SparqlError, GraphNotFound) as exc:
        raise click.ClickException(str(exc)) from None
    workers = workers or max(2, os.cpu_count() or 1)
    click.echo(f"serving {graph_dir} read-only at http://127.0.0.1:{port}/ (SPARQL at /query; {workers} workers, "
               f"{timeout_s:g} s per query); Ctrl-C stops", err=True)  # fmt: skip
    try:
        run_server(executable, lambda: served_store(graph_dir), port, timeout_s, workers, verbose)
    except BackendError as exc:
        raise click.ClickException(f"{graph_dir}: the query workers cannot start ({exc})") from None
    except OSError as exc:
        raise click.ClickException(f"127.0.0.1:{port}: cannot listen ({exc.strerror or exc})") from None


@main.command()
@graph_option()
@click.option("--endpoint", required=True, help="A SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://host:7878/store.")
@click.option("--graph-iri", default=None, help="The named graph to replace (default: the default graph).")
@click.option("--user", default=None, help="Log in as NAME (HTTP Basic); the password comes from DKG_PASSWORD, or a prompt.")
@click.option(
    "--ca-bundle",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="PEM file of the CA that signed the endpoint's certificate (a team's own CA).",
)
@timeout_option(60, "Seconds to wait for the endpoint.")
def push(graph_dir: Path, endpoint: str, graph_iri: str | None, user: str | None, ca_bundle: Path | None,
         timeout_s: float) -> None:  # fmt: skip
    """Upload a built graph to a team's triple store (Oxigraph, Fuseki, GraphDB, Virtuoso). A bearer
    token is read from DKG_TOKEN, a password from DKG_PASSWORD: never from the command line."""
    import os

    from graph.sparql import Credentials, SparqlError
    from graph.sparql import push as run_push
    from graph.store import GraphNotFound

    token = os.environ.get("DKG_TOKEN") or None
    password = os.environ.get("DKG_PASSWORD")
    if user is not None and password is None and not token:
        if not sys.stdin.isatty():
            raise click.ClickException(f"no password for user {user!r} (set DKG_PASSWORD; stdin is no terminal to ask on)")
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    try:
        status = run_push(graph_dir, endpoint, graph_iri, timeout_s, Credentials(user, password, token), ca_bundle)
    except (SparqlError, GraphNotFound) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"uploaded {graph_dir} to {endpoint} ({graph_iri or 'default graph'}): HTTP {status}")


@main.command()
@click.argument("old_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("new_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--as-of", "as_of", default=None, help="The date commitments are judged on (YYYY-MM-DD; default: today).")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["figure", "commitment", "question", "document", "citation"]),
    help="Only changes of this kind (repeatable).",
)
@click.option("--subject", default=None, help="Only changes whose subject holds this text.")
@click.option("--dossier", default=None, help="Only changes that name this dossier or Kamerstuk (36800-X).")
@click.option("--fractie", default=None, help="Only questions of this fractie.")
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when something changed (for scripts).")
@format_option(default="table", choices=("table", "jsonl", "json", "csv", "markdown", "atom"))  # fmt: skip
def diff(old_dir: Path, new_dir: Path, as_of: str | None, kinds: tuple[str, ...], subject: str | None,
         dossier: str | None, fractie: str | None, fail_on_change: bool, fmt: str) -> None:  # fmt: skip
    """What changed between two builds, as facts: figures, commitments, questions, documents and
    citations, each with the quote, document, date and page of both sides."""
    import datetime

    from graph import diff as changes
    from graph.store import GraphNotFound

    as_of = as_of or datetime.date.today().isoformat()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        raise click.UsageError(f"--as-of {as_of!r}: expected a date as YYYY-MM-DD")
    try:
        facts = changes.diff(old_dir, new_dir, as_of)
    except (changes.DiffError, GraphNotFound) as exc:
        raise click.ClickException(str(exc)) from None
    facts = changes.keep(facts, kinds, subject, dossier, fractie)
    if fmt == "markdown":
        click.echo(changes.markdown(facts, old_dir, new_dir), nl=False)
    elif fmt == "atom":
        click.echo(changes.atom(facts, new_dir, as_of), nl=False)
    elif fmt in ("jsonl", "json"):
        emit(facts, fmt)
    else:
        emit([changes.flat(f) for f in facts], fmt, columns=["kind", "change", "subject", "old", "new", "percent", "doc",
                                                            "date", "quote"], width=60)  # fmt: skip
    if fail_on_change and facts:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
