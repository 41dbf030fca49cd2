"""`dkg build` as map, then reduce.

map     every document file -> its part (graph/parts.py), in parallel processes (`--workers`) or
        on a Dask cluster (`--scheduler`), cached per document in DIR/cache;
reduce  the parts' compact rows -> claims and commitments linked across documents; the shared
        triples merged; then the build written into a new folder (graph/folder.py): an on-disk
        Oxigraph store (a rebuild copies the previous store with hard links and replaces only
        the triples of the documents that changed), graph.ttl streamed from the
        cached Turtle blocks, and a manifest; and switched in with one rename.

No whole-corpus rdflib Graph, nothing compared pairwise across documents: the cost grows with the
number of documents, and a rebuild after a few changed documents re-extracts those only.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import io
import json
import os
import pickle
import shutil
import sys
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

from extractors.corpus import Failed, sample_paths
from extractors.reading import Skipped, expand_paths
from graph import folder, turtle
from graph.commitments import commitment_records
from graph.fulltext import INDEX, IndexWriter
from graph.link_triples import cross_document
from graph.overview import write_overview
from graph.parts import Cache, DocumentPart, process_file, versions
from graph.tables import COMMITMENTS, claim_records, long_lived, write_claims, write_table

# Bytes of N-Triples handed to the bulk loader at once. Each batch becomes sorted files that RocksDB
# compacts into the store's levels again and again while the store grows; larger batches make fewer
# of them (measured at 10,000 documents: 32 MB batches 1,348 s of CPU for the build, 128 MB 1,122 s;
# the loader holds about eight times its batch in memory: 3.0 and 3.75 GB peak).
_BATCH = 128 << 20


@dataclass
class BuildSummary:
    documents: int = 0
    questions: int = 0
    answered: int = 0
    by_reference: int = 0
    open: int = 0
    claims: int = 0
    links: int = 0
    commitments: int = 0
    triples: int = 0
    extracted: int = 0  # documents not found in the cache
    build_id: str = ""
    unchanged: bool = False  # the folder held this very build already
    failed: list[Failed] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def add(self, part: DocumentPart) -> None:
        self.documents += 1
        q, answered, by_reference, open_ = part.counts
        self.questions += q
        self.answered += answered
        self.by_reference += by_reference
        self.open += open_
        self.extracted += not part.cached


class Stages:
    """Progress per stage on stderr (documents per second), only when stderr is a terminal."""

    def __init__(self, enabled: bool | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.seconds: dict[str, float] = {}  # wall time per stage, for the benchmarks

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        started = time.perf_counter()
        try:
            yield from self._bar(name, total)
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def _bar(self, name: str, total: int | None) -> Iterator[Callable[[int], None]]:
        if not self.enabled:
            yield lambda n=1: None
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = [TextColumn(f"{name:8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.fields[rate]}")]  # fmt: skip
        with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
            task = bar.add_task(name, total=total, rate="")
            done = [0]

            def tick(n: int = 1) -> None:
                done[0] += n
                elapsed = bar.tasks[0].elapsed or 0
                rate = f"{done[0] / elapsed:,.0f} docs/s" if elapsed > 0.2 and total else ""
                bar.update(task, advance=n, rate=rate)

            yield tick


def map_parts(
    files: list[str], cache: Cache, workers: int, scheduler: str | None, export: bool = True
) -> Iterator[DocumentPart | Failed]:
    """The per-document step over every file: in this process, in worker processes, or on a Dask
    cluster (whose workers read the files and the cache from storage they share with us)."""
    work = partial(process_file, cache_root=str(cache.root.resolve()), labels=versions(), turtle=export)
    if scheduler:
        yield from _on_dask(files, work, scheduler)
    elif workers <= 1 or len(files) <= 1:
        yield from map(partial(_collecting, work), files)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: workers never inherit the store this process writes while they run
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["graph.parts"])
        chunk = max(1, min(16, len(files) // (workers * 8)))
        pool = ProcessPoolExecutor(min(workers, len(files)), mp_context=context)
        try:
            yield from pool.map(work, files, chunksize=chunk)
        finally:  # on a failure of the caller (a full disk), the documents not yet begun are dropped
            pool.shutdown(wait=True, cancel_futures=True)


def _collecting(work: Callable, file: str):
    """work(file) with the cyclic collector on, as in a worker process: the build turns it off
    (_no_cyclic_gc), but what one document leaves in cycles must not pile up over an archive."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        return work(file)
    finally:
        if not was_enabled:
            gc.disable()


def _on_dask(files: list[str], work: Callable, scheduler: str) -> Iterator[DocumentPart | Failed]:
    from distributed import Client, as_completed

    with Client(scheduler, timeout="30s") as client:
        futures = client.map(work, [str(Path(f).resolve()) for f in files], pure=False)
        for future in as_completed(futures):
            yield future.result()


def build(
    paths: Iterable[str], out: Path, workers: int | None = None, scheduler: str | None = None, export: bool = True,
    stages: Stages | None = None, report: Callable[[Failed | Skipped], None] | None = None, compact: bool = False,
) -> BuildSummary:  # fmt: skip
    """Build the documents under paths into the folder out (see graph/folder.py). A rebuild patches
    the previous store; compact compacts it as a new store is (see StoreLoader.finish)."""
    with _no_cyclic_gc():
        return _build(paths, Path(out), workers, scheduler, export, stages, report, compact)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The build makes millions of small objects (rows, triples, parts) and frees them by reference
    count; the cyclic collector would walk all of them again and again as they accumulate (a third
    of the link stage and of a rebuild at 10,000 documents). Off during the build, one collection after."""
    try:
        with long_lived():
            yield
    finally:
        gc.collect()


def _build(paths, out: Path, workers, scheduler, export, stages, report, compact=False) -> BuildSummary:
    out = Path(out)
    stages = stages or Stages(False)
    workers = workers or os.cpu_count() or 1
    summary = BuildSummary()
    files: list[str] = []
    for item in expand_paths(list(paths) or [str(p) for p in sample_paths()]):
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            if report:
                report(item)
        else:
            files.append(str(item))
    if not files:
        return summary
    cache = Cache(out / folder.CACHE)
    out.mkdir(parents=True, exist_ok=True)
    with _only_writer(out):
        return _build_locked(files, out, cache, workers, scheduler, export, stages, summary, report, compact)


class BuildBusy(Exception):
    """Another build is writing into the same folder."""


@contextmanager
def _only_writer(out: Path) -> Iterator[None]:
    """One build at a time writes into a folder: a second would prune the cache entries the first
    still reads and switch in over it. The lock is the kernel's (flock), so a killed build's
    goes with its process."""
    import fcntl

    with open(out / ".build.lock", "a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            raise BuildBusy(f"{out}: another dkg build is writing to this folder"
                            f"{f' (pid {holder})' if holder else ''}; wait for it to finish") from None  # fmt: skip
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield


def _build_locked(files, out, cache, workers, scheduler, export, stages, summary, report, compact) -> BuildSummary:
    previous, manifest_prev = _previous(out)
    tmp = folder.new_build_folder(out)
    index = loader = None
    try:
        known, stats, whole = _unchanged(files, previous, manifest_prev, cache, export)
        parts, shared, loader, index = _map_and_load(files, cache, workers, scheduler, export, stages, summary, report,
                                                     tmp, previous, manifest_prev, known)  # fmt: skip
        loader.compact = compact
        if parts:
            _finish(out, tmp, parts, shared, (loader, index), cache, summary, export, stages, previous, manifest_prev,
                    stats, whole)  # fmt: skip
        else:
            index.abandon()
    except BaseException:
        if index is not None:
            index.abandon()  # its thread writes into tmp no more
        if loader is not None:
            loader.abandon()  # nor does the store's loader
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(tmp, ignore_errors=True)  # gone when switched in; left when nothing was to write
    return summary


def _previous(out: Path) -> tuple[Path | None, dict | None]:
    previous = folder.current_build(out)
    if previous is None:
        return None, None
    try:
        return previous, folder.read_manifest(previous)
    except folder.FolderError:
        return None, None  # a build of another layout: built anew


def _unchanged(files: list[str], previous_build: Path | None, manifest_prev: dict | None, cache: Cache, export: bool):
    """({file: its cached part} for the files whose size and modification time are those the
    previous build recorded, with the same extractor versions: they are not read again, as make
    and git do; {file: [size, mtime_ns]} for the manifest of this build; (the keys of the previous
    build's whole file of parts, PARTS, and those of its parts taken as written there, for
    _write_parts). The parts come from that table where it can be read and its record of a part's
    files is right, else from the cache entry by entry."""
    previous: dict[str, dict] = {}
    if manifest_prev is not None and manifest_prev.get("versions") == versions():
        previous = {f["path"]: f for f in manifest_prev.get("files", ()) if f.get("stat")}
    table, whole, own = _read_parts(previous_build) if previous else ({}, set(), set())
    known: dict[str, DocumentPart] = {}
    stats: dict[str, list[int]] = {}
    as_is: set[str] = set()  # parts of the whole file PARTS taken as they are written there
    for f in files:
        try:
            stats[f] = _stat(f)
        except OSError:
            continue  # the worker reports what is wrong with it
        entry = previous.get(f)
        if entry is not None and entry["stat"] == stats[f]:
            part = table.get(entry["key"])
            if part is not None and cache.whole(part, export):
                if part.key in own:
                    as_is.add(part.key)
            else:  # a part the table records otherwise (a build without the export, then one with it)
                part = cache.part(entry["key"], export)
            if part is not None:
                part.path = f
                known[f] = part
    return known, stats, (whole, as_is)


PARTS = "parts.pickle"  # every part of a build, for the next build: one read instead of one per document
PARTS_SINCE = "parts-since.pickle"  # the parts added since PARTS was written whole, and the keys gone
REWRITE_AT = 0.1  # PARTS is written whole again when this share of the parts differs from it


def _read_parts(build: Path | None) -> tuple[dict[str, DocumentPart], set[str], set[str]]:
    """({key: part} of a build's table of parts, the keys of its whole file PARTS, the keys whose
    part in the table is the one PARTS holds: not replaced or dropped since); empty when it has none
    or it cannot be read (the cache then serves entry by entry)."""
    if build is None:
        return {}, set(), set()
    try:
        with open(build / PARTS, "rb") as fh:
            table = {p.key: p for p in pickle.load(fh)}
        whole = set(table)
        own = set(whole)
        if (build / PARTS_SINCE).exists():
            with open(build / PARTS_SINCE, "rb") as fh:
                added, gone = pickle.load(fh)
            for key in gone:
                table.pop(key, None)
            table.update((p.key, p) for p in added)
            own.difference_update(gone, (p.key for p in added))
    except Exception:  # missing, torn or of another version
        return {}, set(), set()
    return table, whole, own


def _write_parts(build: Path, parts: list[DocumentPart], previous: Path | None, base: tuple[set[str], set[str]]) -> None:
    """This build's table of parts. When it differs little from the previous build's whole file,
    that file is linked (hundreds of megabytes at 10,000 documents, not written again) and only the
    parts since (every part not taken from that file as it is written there), and the keys gone,
    are written beside it."""
    whole, as_is = base
    keys = {p.key for p in parts}
    added = [p for p in parts if p.key not in as_is]
    gone = sorted(whole - keys)
    if previous is not None and whole and len(added) + len(gone) <= REWRITE_AT * len(parts):
        try:
            os.link(previous / PARTS, build / PARTS)
        except OSError:
            pass  # another file system, or no hard links: written whole below
        else:
            with open(build / PARTS_SINCE, "wb") as fh:
                pickle.dump((added, gone), fh, protocol=pickle.HIGHEST_PROTOCOL)
            return
    with open(build / PARTS, "wb") as fh:
        pickle.dump(parts, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _stat(f: str) -> list[int]:
    """Size and modification time of a file, and of the metadata record beside it (a publication's
    facts change when its record does)."""
    st = os.stat(f)
    out = [st.st_size, st.st_mtime_ns]
    if f.lower().endswith((".xml", ".html", ".htm")):
        from extractors.metadata import record_beside

        record = record_beside(Path(f))
        if record is not None:
            rst = record.stat()
            out += [rst.st_size, rst.st_mtime_ns]
    return out


def _map_and_load(files, cache, workers, scheduler, export, stages, summary, report, tmp, previous, manifest_prev, known):
    """The map, with the store loaded while the workers extract: each part's triples go into the
    store as they arrive (the bulk loader runs here, the extraction in the workers). Files known
    unchanged are taken from the cache here, without a worker."""
    mapped = map_parts([f for f in files if f not in known], cache, workers, scheduler, export)
    try:
        return _load_parts(chain(known.values(), mapped), files, cache, stages, summary, report, tmp, previous,
                           manifest_prev)  # fmt: skip
    finally:  # the worker pool is shut down here, at once, also when loading failed: not when collected
        mapped.close()


def _load_parts(results, files, cache, stages, summary, report, tmp, previous, manifest_prev):
    parts: list[DocumentPart] = []
    shared: set[str] = set()
    loader = StoreLoader(tmp / folder.STORE, previous, manifest_prev, cache)
    index = IndexWriter(tmp / INDEX, previous if manifest_prev is not None else None)
    with stages.stage("extract", len(files)) as tick:
        for result in results:
            tick(1)
            if isinstance(result, Failed):
                summary.failed.append(result)
                if report:
                    report(result)
                continue
            summary.add(result)
            result.shared = [sys.intern(ln) for ln in result.shared]  # one string per line, shared by the parts (PARTS)
            shared.update(result.shared)
            parts.append(result)
            loader.part(result)
            index.add(result.key, partial(cache.read, result.key, "search"))  # read only when not indexed
    index.start()  # written in a thread while the build links and compacts (see IndexWriter)
    return parts, shared, loader, index


def _finish(out, tmp, parts, shared, writers, cache, summary, export, stages, previous, manifest_prev, stats,
            whole) -> None:  # fmt: skip
    loader, index = writers
    loader.load_rest()
    parts.sort(key=lambda p: (p.graph, p.name, p.key))
    with stages.stage("link", 1) as tick:
        link_lines, shared_lines, claims, commitments = _reduce(parts, shared, cache, summary)
        write_claims(tmp, claim_records(claims))
        write_overview(tmp, parts, cache)
        write_table(tmp / COMMITMENTS, commitment_records(commitments))
        del claims, commitments
        tick(1)
    groups = _groups(parts)
    graphs = {g: sorted(p.key for p in group) for g, group in groups.items()}
    digest = hashlib.sha256(versions().encode())
    for g in sorted(graphs):
        digest.update(f"{g} {' '.join(graphs[g])}\n".encode())
    runs = _write_runs(tmp, (shared_lines, link_lines))
    for key, _ in chain.from_iterable(runs):
        digest.update(key.encode())
    digest.update(b"export" if export else b"no-export")
    content = digest.hexdigest()
    store = _store_state(loader, content, manifest_prev)
    build_id = hashlib.sha256(f"{content} {store}".encode()).hexdigest()[:16]
    summary.build_id = build_id
    summary.triples = sum(_group_triples(group, cache) for group in groups.values()) + len(shared_lines) + len(link_lines)
    if previous is not None and previous.name == build_id:
        summary.unchanged = True  # this very build is the current one: nothing to write
        loader.close()
        index.abandon()
        _record_stats(previous, manifest_prev, stats)
        folder.clean(out, {build_id})
        return
    # graph.ttl and the table of parts are written while the store is finished: compacting a new
    # store (Oxigraph, without Python's lock, on one core) and writing them share the time
    with ThreadPoolExecutor(2) as pool:  # left only when both are written, also on a failure
        exporting = pool.submit(_export, tmp / folder.GRAPH_FILE, groups, runs, cache) if export else None
        tabling = pool.submit(_write_parts, tmp, parts, previous, whole)
        with stages.stage("load", 4) as tick:
            loader.finish(groups, shared_lines, link_lines, tick, runs)
            index.finish()
            tabling.result()
            tick(1)
        if exporting is not None:
            with stages.stage("export", 1) as tick:  # what is left of it
                exporting.result()
                tick(1)
    manifest = {
        "layout": folder.LAYOUT, "build": build_id, "versions": versions(), "export": export,
        "graphs": graphs, "triples": summary.triples, "content": content,
        "store": "compacted" if loader.fresh else store,  # fresh too when a torn part had it loaded anew
        "files": [{"name": p.name, "path": p.path, "key": p.key, "graph": p.graph, "stat": stats.get(p.path)} for p in parts],
        "summary": {k: getattr(summary, k) for k in ("documents", "questions", "answered", "by_reference", "open",
                                                     "claims", "links", "commitments", "triples")},
    }  # fmt: skip
    (tmp / folder.MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    folder.switch_in(out, tmp, build_id)
    keep = {build_id} | ({previous.name} if previous is not None else set())  # a server may still read it
    folder.clean(out, keep)
    _prune_cache(cache, parts, {key for key, _ in chain.from_iterable(runs)} if export else set())


def _store_state(loader: StoreLoader, content: str, manifest_prev: dict | None) -> str:
    """"compacted" or "patched", a part of the build's id: a patched store answers the same as a
    compacted one, only slower, so a build asked to compact one is not "unchanged", and a build
    that changes nothing keeps the state of the store it copies."""
    if loader.fresh or loader.compact:
        return "compacted"
    if manifest_prev is not None and manifest_prev.get("content") == content:
        return str(manifest_prev.get("store", "patched"))
    return "patched"


def _record_stats(build: Path, manifest: dict, stats: dict[str, list[int]]) -> None:
    """The files' sizes and modification times in the current build's manifest, when they changed
    and the build did not (a file touched, or a manifest without them): metadata only, replaced
    atomically, so that the next build need not read those files again."""
    files = manifest.get("files", [])
    if all(f.get("stat") == stats.get(f["path"]) for f in files):
        return
    recorded = {**manifest, "files": [{**f, "stat": stats.get(f["path"])} for f in files]}
    from graph.store import write_atomically

    write_atomically(build / folder.MANIFEST, json.dumps(recorded, indent=1, sort_keys=True))


def _reduce(parts: list[DocumentPart], shared: set[str], cache: Cache, summary: BuildSummary):
    """Claims and commitments linked across documents, from the parts' rows; the shared triples
    without those a document states of itself already (a cited Kamerstuk that is in the build)."""
    claims, commitments, links = cross_document(parts)
    summary.claims = len(claims)
    summary.links = sum(len(c.related) for c in claims)
    summary.commitments = len(commitments)
    shared -= set(chain.from_iterable(p.head for p in parts))  # a part's head: its lines about its document
    return links, sorted(shared), claims, commitments


def _group_triples(group: list[DocumentPart], cache: Cache) -> int:
    """The triples of one document: a document read from several files states some twice."""
    if len(group) == 1:
        return group[0].triples
    return len(set(chain.from_iterable(cache.own_lines(p.key) for p in group)))


def _groups(parts: list[DocumentPart]) -> dict[str, list[DocumentPart]]:
    """Parts by document (two files with the same official number are one document)."""
    groups: dict[str, list[DocumentPart]] = {}
    for p in parts:
        groups.setdefault(p.graph, []).append(p)
    return groups


class StoreLoader:
    """The build's on-disk store, every triple in its default graph: a copy of the previous build's
    (hard links: instant) from which only the triples of changed documents are taken out (a
    document's own triples are those its cached part lists) and into which their new triples are
    loaded, or a new one. N-Triples go to Oxigraph's bulk loader in batches of a few tens of
    megabytes.

    Why not a named graph per document: Oxigraph keeps six indexes for quads in named graphs and
    three for the default graph; bulk loading the same triples into the default graph takes half
    the time and half the disk (measured: 1.26 M triples, 72 k/s into named graphs, 127 k/s into
    the default graph), and the store is the largest part of a build's cost."""

    def __init__(self, path: Path, previous: Path | None, manifest_prev: dict | None, cache: Cache):
        self.path = path
        self.cache = cache
        self.previous = previous
        self.old: dict[str, list[str]] = {}
        if previous is not None and manifest_prev is not None and manifest_prev.get("versions") == versions():
            try:
                ox.Store.read_only(str(previous / folder.STORE)).backup(str(path))
                self.old = {g: list(keys) for g, keys in manifest_prev["graphs"].items()}
            except (OSError, KeyError, TypeError):
                shutil.rmtree(path, ignore_errors=True)
                self.old = {}
        self.store = ox.Store(str(path))
        self.chunks: list[bytes] = []
        self.size = 0
        self.loaded: dict[str, set[str]] = {}  # document graph -> keys of the parts loaded into it here
        self.cleared: set[str] = set()
        self.removed: set[str] = set()  # lines taken out of the copied store
        self.stale = False  # a previous part's triples could not be read: the store is loaded anew
        self.fresh = not self.old  # a new store, compacted once loaded (see finish)
        self.compact = False  # compact a patched store too (dkg build --compact)
        self._loading: Future | None = None  # the last documents' batch, loaded while the build links

    def part(self, p: DocumentPart) -> None:
        """A part as it arrives: kept when the store holds it already, else loaded (the document's
        previous triples taken out first when the previous build had another version of it)."""
        g = p.graph
        if p.key in self.old.get(g, ()) and g not in self.cleared:
            self.loaded.setdefault(g, set()).add(p.key)
            return
        if g in self.old and g not in self.cleared:
            self._retract(g)
            self._reload_kept(g)
        self.loaded.setdefault(g, set()).add(p.key)
        self._add(self.cache.own_ntriples(p.key))

    def _retract(self, g: str) -> None:
        """Take a document's triples of the previous build out of the copied store."""
        self.cleared.add(g)
        lines: set[str] = set()
        for key in self.old[g]:
            if self.cache.part(key, turtle=False) is None:  # gone or torn: its triples are not known
                self.stale = True
                return
            lines.update(self.cache.own_lines(key))
        self._remove(lines)

    def _remove(self, lines: set[str]) -> None:
        if not lines or self.stale:
            return
        self.flush()  # what waits to be loaded goes in before anything is taken out
        for triple in ox.parse(_text(sorted(lines)).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            self.store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))
        self.removed |= lines

    def _reload_kept(self, g: str) -> None:
        """Parts of a retracted document that were kept before (two files, one document)."""
        for key in self.loaded.get(g, ()):
            self._add(self.cache.own_ntriples(key))

    def load_rest(self) -> None:
        """The last batch of the documents' triples, handed to the bulk loader in a thread while the
        build links (Oxigraph loads without Python's lock). Not compacted early: the shared and link
        triples loaded after a compaction stay in small files that every lookup visits (a trace at
        10,000 documents took 1.46 s instead of 0.63 s), so the compaction comes after them (finish)."""
        if self.store is not None and self._loading is None and self.chunks:
            pool = ThreadPoolExecutor(1)
            self._loading = pool.submit(self.flush)
            pool.shutdown(wait=False)

    def _loaded(self, quiet: bool = False) -> None:
        """Wait for the batch loaded in a thread, if any (its error raised unless quiet)."""
        loading, self._loading = self._loading, None
        if loading is None:
            return
        try:
            loading.result()
        except Exception:
            if not quiet:
                raise

    def finish(self, groups: dict[str, list[DocumentPart]], shared_lines, link_lines, tick, runs=None) -> None:
        """Documents gone taken out, then the shared and link triples brought up to date: only
        the lines of the runs (see _runs) that this build or the previous one has alone are
        compared, when the previous build has its index of runs (RUNS)."""
        self._loaded()
        for g in sorted(self.old.keys() - groups.keys()):  # documents no longer in the build
            self._retract(g)
        tick(1)

        def stated(ln: str) -> bool:  # still a shared or link line (both lists are sorted)
            return _has(shared_lines, ln) or _has(link_lines, ln)

        if self.old:
            gone, added = self._changed_lines((shared_lines, link_lines), runs)
            self._remove({ln for ln in gone if not stated(ln)})
        tick(1)
        if self.stale:
            self._load_anew(groups)
        if self.fresh:  # a new store, or one loaded anew: every line, as sorted already
            self._add_all(shared_lines)
            self._add_all(link_lines)
        else:
            self._add_all(sorted(added))
            self._restore(groups, stated)
        if self.fresh or self.compact:
            # The bulk loader leaves many overlapping files, which every lookup has to visit:
            # compacted, a trace at 10,000 documents reads 14,000 mentions in 3 s instead of 20 s
            # and the store takes 4.8 GB instead of 7.3 GB. It costs 80-140 s there, so only a new
            # store pays it, or a patched one when asked: each rebuild adds a few small files to
            # the copied store, which every lookup visits too (twice the time after a few rebuilds).
            self.flush()
            self.store.optimize()
        tick(1)
        self.close()

    def _changed_lines(self, lines: tuple[list[str], list[str]], runs) -> tuple[set[str], set[str]]:
        """(lines of the previous build's shared and link triples that may be gone, lines that may
        be new). A run whose digest both builds have holds the same lines in both, so only the
        other runs are read (from the previous files, at the offsets its index of runs gives);
        without that index, every line of both."""
        index = _read_runs(self.previous)
        if index is None or runs is None:
            old: set[str] = set()
            for name in _NT_FILES:
                old.update((self.previous / name).read_text(encoding="utf-8").splitlines())
            new = set(chain.from_iterable(lines))
            return old - new, new - old
        known = {key for entries in index.values() for key, _, _ in entries}
        now = {key for key, _ in chain.from_iterable(runs)}
        old = set()
        for name in _NT_FILES:
            with open(self.previous / name, "rb") as fh:
                for key, start, end in index[name]:
                    if key not in now:
                        fh.seek(start)
                        old.update(fh.read(end - start).decode("utf-8").splitlines())
        new = set(chain.from_iterable(run for key, run in chain.from_iterable(runs) if key not in known))
        return old - new, new - old

    def _restore(self, groups: dict[str, list[DocumentPart]], stated: Callable[[str], bool]) -> None:
        """Lines taken out that are still stated: by the shared or link triples, or by a document
        whose IRI the line's subject lies under (the document itself or one that was reloaded)."""
        back = {ln for ln in self.removed if stated(ln)}
        by_graph: dict[str, set[str]] = {}
        for ln in self.removed - back:
            iri = ln[1 : ln.index(">")]
            cut = len(iri)
            while cut > 0:  # the subject, then each of its prefixes that ends before a slash
                g = f"{iri[:cut]}/graph"
                if g in groups:
                    by_graph.setdefault(g, set()).add(ln)
                cut = iri.rfind("/", 0, cut)
        for g in sorted(by_graph):
            own = set(chain.from_iterable(self.cache.own_lines(p.key) for p in groups[g]))
            back |= by_graph[g] & own
        self._add_all(sorted(back))

    def _load_anew(self, groups: dict[str, list[DocumentPart]]) -> None:
        """A new store from the cached triples of every document (a previous part could not be read)."""
        self.chunks, self.size = [], 0
        self.store = None
        shutil.rmtree(self.path, ignore_errors=True)
        self.store = ox.Store(str(self.path))
        self.fresh = True
        for g in sorted(groups):
            for p in groups[g]:
                self._add(self.cache.own_ntriples(p.key))

    def _add_all(self, lines: list[str], step: int = 100_000) -> None:
        """Many lines (the links of every claim): handed on in slices, so that the bulk loader,
        which sorts what it is given in memory, gets batches of _BATCH bytes, never all at once."""
        for i in range(0, len(lines), step):
            self._add(_text(lines[i : i + step]).encode("utf-8"))

    def _add(self, data: bytes) -> None:
        """N-Triples bytes (a cached document's are handed on as they were read, never decoded)."""
        if not data:
            return
        self.chunks.append(data)
        self.size += len(data)
        if self.size >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """The batch to the bulk loader, read chunk by chunk: never joined into a copy of itself,
        each chunk let go once read (the loader holds several times its batch in memory already)."""
        if self.chunks:
            batch = _Chunks(self.chunks)
            self.chunks, self.size = [], 0
            reader = io.BufferedReader(batch, buffer_size=1 << 20)
            self.store.bulk_load(reader, format=ox.RdfFormat.N_TRIPLES, lenient=True)  # our own, valid N-Triples

    def close(self) -> None:
        self._loaded()
        if self.store is not None:
            self.flush()
            self.store.flush()
            self.store = None

    def abandon(self) -> None:
        """A failed build: the batch it loads in a thread, if any, ends before the folder is removed."""
        self._loaded(quiet=True)


class _Chunks(io.RawIOBase):
    """Byte strings read one after another as one stream, each dropped once read."""

    def __init__(self, chunks: list[bytes]):
        self._chunks = deque(chunks)
        self._current = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._current:
            if not self._chunks:
                return 0
            self._current = memoryview(self._chunks.popleft())
        n = min(len(buffer), len(self._current))
        buffer[:n] = self._current[:n]
        self._current = self._current[n:]
        return n


_NT_FILES = ("shared.nt", "links.nt")  # the shared triples and the links of a build, sorted
RUNS = "runs.json"  # their runs: file name -> [[digest, first byte, end byte], ...]


def _write_runs(build: Path, files: tuple[list[str], list[str]]) -> list[list[tuple[str, list[str]]]]:
    """shared.nt and links.nt written run by run (see _runs), and the index of where the runs lie
    (RUNS), from which the next build reads only the runs it does not have (StoreLoader._changed_lines).
    Each run is named by the digest of its bytes, which are made and hashed once: the build's id and
    the export's cache of Turtle read the same names."""
    runs: list[list[tuple[str, list[str]]]] = []
    index: dict[str, list[list]] = {}
    for name, lines in zip(_NT_FILES, files, strict=True):
        named: list[tuple[str, list[str]]] = []
        entries = index[name] = []
        offset = 0
        with open(build / name, "wb") as fh:  # streamed: the links are hundreds of megabytes at 10,000 documents
            for run in _runs(lines):
                data = _text(run).encode("utf-8")
                key = hashlib.sha256(data).hexdigest()
                fh.write(data)
                named.append((key, run))
                entries.append([key, offset, offset + len(data)])
                offset += len(data)
        runs.append(named)
    (build / RUNS).write_text(json.dumps(index), encoding="utf-8")
    return runs


def _read_runs(build: Path | None) -> dict[str, list[list]] | None:
    """The index of runs of a build; None when it has none (a build made before it was written)
    or it cannot be read."""
    if build is None:
        return None
    try:
        index = json.loads((build / RUNS).read_text(encoding="utf-8"))
        return {name: [(str(k), int(a), int(b)) for k, a, b in index[name]] for name in _NT_FILES}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _has(lines: list[str], ln: str) -> bool:
    """Whether a sorted list holds the line."""
    i = bisect.bisect_left(lines, ln)
    return i < len(lines) and lines[i] == ln


def _text(lines: Iterable[str]) -> str:
    return "".join(f"{ln}\n" for ln in lines)


def _export(path: Path, groups, runs: list[list[tuple[str, list[str]]]], cache: Cache) -> None:
    """graph.ttl: the prefixes, then each document's block (cached, in the order of its graph),
    the shared triples and the links (in runs, each run's Turtle cached under its digest);
    deterministic, streamed, copied as bytes."""
    with open(path, "wb") as fh:
        fh.write(turtle.header().encode("utf-8"))
        for g in sorted(groups):
            fh.write(_group_block(groups[g], cache))
        for runs_of_lines in runs:  # the shared triples, then the links
            for key, run in runs_of_lines:
                fh.write(_run_block(key, run, cache))
        fh.flush()
        os.fsync(fh.fileno())


_RUN_SUBJECTS = 256  # subjects per run, on average


def _runs(lines: list[str]) -> Iterator[list[str]]:
    """Sorted N-Triples lines cut into runs of whole subjects, each run starting at a subject
    chosen by its content (its CRC is a multiple of _RUN_SUBJECTS): one changed claim changes its
    run only, so a rebuild takes the Turtle of every other run from the cache instead of writing
    the hundreds of megabytes of links again (turtle.block, 33 s at 10,000 documents)."""
    start, subject = 0, None
    for i, ln in enumerate(lines):
        s = ln[: ln.index(" ")]
        if s != subject:
            if i > start and zlib.crc32(s.encode("utf-8")) % _RUN_SUBJECTS == 0:
                yield lines[start:i]
                start = i
            subject = s
    if start < len(lines):
        yield lines[start:]


def _run_block(key: str, run: list[str], cache: Cache) -> bytes:
    data = cache.read(key, "ttl")
    if not data or not data.endswith(b" .\n\n"):  # new, or torn by a power cut: made again
        data = turtle.lines_block(run)
        cache.write(key, "ttl", data)
    return data


def group_key(group: list[DocumentPart]) -> str:
    """The cache key of a document's Turtle block: its part itself, or, for a document read
    from several files, the digest of their keys."""
    if len(group) == 1:
        return group[0].key
    return hashlib.sha256(" ".join(sorted(p.key for p in group)).encode()).hexdigest()


def _group_block(group: list[DocumentPart], cache: Cache) -> bytes:
    key = group_key(group)
    data = cache.read(key, "ttl")
    return data if data is not None else cache.turtle(key, [p.key for p in group])


def _prune_cache(cache: Cache, parts: list[DocumentPart], runs: set[str]) -> None:
    """Drop cached parts that no document of this build uses (a changed document's old entry)
    and the Turtle of runs of links the export did not use; the per-extractor mentions stay,
    since an extractor's old version may come back."""
    used = {p.key for p in parts} | {group_key(g) for g in _groups(parts).values()} | runs
    if not cache.root.is_dir():
        return
    for sub in cache.root.iterdir():
        if not sub.is_dir():
            continue
        for entry in sub.iterdir():
            key, _, suffix = entry.name.partition(".")
            if suffix in ("part", "nt", "ttl", "search") and key not in used:
                entry.unlink(missing_ok=True)
