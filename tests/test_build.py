"""The build as map, then reduce: byte-identical output for any number of workers and any order of
the input paths, the per-document cache (a rebuild re-extracts only what changed; a new extractor
version re-runs that extractor only), the store kept equal to a fresh build, claims chained in
time order, and the per-document step on a Dask cluster."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from extractors import registry
from extractors.corpus import sample_paths
from graph.claims import Claim, ClaimMention, link_claims
from graph.pipeline import build
from graph.sparql import open_store, run_query


def _corpus(tmp_path: Path, name: str = "corpus") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for p in sample_paths():
        shutil.copy(p, folder / p.name)
    return folder


def _store_triples(out: Path) -> set[tuple[str, str, str]]:
    store = open_store(out)
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in store.quads_for_pattern(None, None, None, None)}


def _graph_file(out: Path) -> bytes:
    return (out / "graph.ttl").read_bytes()


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reference") / "out"
    build([], out, workers=1)
    return out


def test_same_bytes_for_any_workers_and_any_order(tmp_path, reference):
    paths = [str(p) for p in sample_paths()]
    two = tmp_path / "two"
    build(list(reversed(paths)), two, workers=2)
    assert _graph_file(two) == _graph_file(reference)
    shuffled = tmp_path / "shuffled"
    build([paths[2], paths[0], paths[4], paths[1], paths[3]], shuffled, workers=3)
    assert _graph_file(shuffled) == _graph_file(reference)


def test_store_holds_exactly_the_exported_graph(reference):
    exported = Graph().parse(reference / "graph.ttl")
    stored = _store_triples(reference)
    assert len(stored) == len(exported) > 25000
    # all in the default graph: three indexes to write, not six
    assert not list(open_store(reference).named_graphs())


def test_rebuild_extracts_only_what_changed_and_equals_a_fresh_build(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    first = build([str(corpus)], out, workers=1)
    assert first.extracted == 5
    again = build([str(corpus)], out, workers=1)
    assert again.extracted == 0 and again.unchanged and again.build_id == first.build_id

    letter = next(corpus.glob("002_*.txt"))
    letter.write_text(letter.read_text(encoding="utf-8").replace("1,15 miljard", "1,25 miljard"), encoding="utf-8")
    changed = build([str(corpus)], out, workers=1)
    assert changed.extracted == 1 and changed.build_id != first.build_id
    fresh = tmp_path / "fresh"
    build([str(corpus)], fresh, workers=1)
    assert _graph_file(out) == _graph_file(fresh)
    assert _store_triples(out) == _store_triples(fresh)  # the patched store equals a loaded one

    removed = next(corpus.glob("003_*.txt"))
    removed.unlink()
    fewer = build([str(corpus)], out, workers=1)
    assert fewer.extracted == 0 and fewer.documents == 4
    assert not any("003_" in t[2] for t in _store_triples(out) if t[1].endswith("#fileName>"))
    fresh4 = tmp_path / "fresh4"
    build([str(corpus)], fresh4, workers=1)
    assert _store_triples(out) == _store_triples(fresh4) and _graph_file(out) == _graph_file(fresh4)


def test_unchanged_files_are_not_read_again_and_a_changed_one_always_is(tmp_path, reference, monkeypatch):
    import os

    import graph.parts

    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1)
    read: list[str] = []
    real = graph.parts.read_file
    monkeypatch.setattr(graph.parts, "read_file", lambda path: read.append(os.path.basename(path)) or real(path))
    again = build([str(corpus)], out, workers=1)
    assert again.unchanged and read == []  # size and modification time as recorded: taken from the cache
    letter = next(corpus.glob("002_*.txt"))
    text = letter.read_text(encoding="utf-8")
    stat = letter.stat()
    letter.write_text(text.replace("1,15 miljard", "1,25 miljard"), encoding="utf-8")  # same size
    os.utime(letter, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    changed = build([str(corpus)], out, workers=1)
    assert read == [letter.name] and changed.extracted == 1 and not changed.unchanged
    letter.write_text(text, encoding="utf-8")
    restored = build([str(corpus)], out, workers=1)
    assert _graph_file(out) == _graph_file(reference)
    assert restored.extracted == 1  # read again (a new time), and made again: the old part was pruned


def test_a_torn_cache_entry_is_recomputed_never_trusted(tmp_path, reference):
    """A power cut may leave a cached file shorter than it was written: the next build sees it."""
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1)
    for suffix in ("nt", "ttl", "run"):  # a document's triples, its Turtle, the Turtle of a run of links
        entries = sorted((out / "cache").glob(f"*/*.{'ttl' if suffix == 'run' else suffix}"))
        of_a_document = [e for e in entries if e.with_suffix(".part").exists()]
        entry = (of_a_document if suffix != "run" else sorted(set(entries) - set(of_a_document)))[0]
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
        shutil.rmtree(out / "builds")  # so that the build is made again, from the cache
        (out / "current").unlink()
        again = build([str(corpus)], out, workers=1)
        # a torn run or Turtle block is made again from the cached triples, not from the document
        assert again.extracted == (1 if suffix == "nt" else 0), suffix
        assert _graph_file(out) == _graph_file(reference) and _store_triples(out) == _store_triples(reference)


def test_a_rebuild_whose_previous_part_is_gone_loads_the_store_anew(tmp_path):
    """The store is patched by taking out a changed document's previous triples, known from its
    cached part; when that part is gone, the store is loaded anew and is still exact."""
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1)
    letter = next(corpus.glob("002_*.txt"))
    for entry in (out / "cache").glob("*/*.part"):
        if letter.name.encode() in entry.read_bytes():
            entry.unlink()
    letter.write_text(letter.read_text(encoding="utf-8").replace("1,15 miljard", "1,25 miljard"), encoding="utf-8")
    build([str(corpus)], out, workers=1)
    fresh = tmp_path / "fresh"
    build([str(corpus)], fresh, workers=1)
    assert _store_triples(out) == _store_triples(fresh)


def _line(s: str, p: str, o: str) -> str:
    return f'<https://w3id.org/dkg/id/{s}> <https://w3id.org/dkg/def#{p}> "{o}" .'


def test_a_triple_still_stated_elsewhere_survives_its_documents_change(tmp_path):
    """Taking a document's previous triples out of the store must not take out one that the shared
    triples, or a document named under its IRI, still state."""
    from graph.parts import Cache, DocumentPart, versions
    from graph.pipeline import StoreLoader

    cache = Cache(tmp_path / "cache")
    outer, inner = "https://w3id.org/dkg/id/kamerstuk/36800-X", "https://w3id.org/dkg/id/kamerstuk/36800-X/3"
    both = _line("kamerstuk/36800-X/3", "title", "Brief")  # stated by the inner document and, once, by the outer
    shared = _line("entity/purl", "label", "PURL")  # stated as shared and, once, by the outer document

    def part(key: str, document: str, lines: list[str]) -> DocumentPart:
        nt = "".join(f"{ln}\n" for ln in lines).encode()
        cache.write(key, "nt", nt)
        cache.write(key, "search", b"")
        made = DocumentPart(key, key, key, document, None, (0, 0, 0, 0), len(lines), [], [], None,
                            sizes={"nt": len(nt), "search": 0})  # fmt: skip
        cache.write(key, "part", __import__("pickle").dumps(made))
        return made

    old_outer = part("a1", outer, [_line("kamerstuk/36800-X", "title", "Oud"), both, shared])
    kept_inner = part("b1", inner, [both])
    previous = tmp_path / "previous"
    previous.mkdir()
    first = StoreLoader(previous / "store", None, None, cache)
    for p in (old_outer, kept_inner):
        first.part(p)
    first.finish({p.graph: [p] for p in (old_outer, kept_inner)}, [shared], [], lambda n=1: None)
    (previous / "shared.nt").write_text(shared + "\n", encoding="utf-8")
    (previous / "links.nt").write_text("", encoding="utf-8")
    manifest = {"versions": versions(), "graphs": {old_outer.graph: ["a1"], kept_inner.graph: ["b1"]}}

    new_outer = part("a2", outer, [_line("kamerstuk/36800-X", "title", "Nieuw")])
    second = StoreLoader(tmp_path / "store", previous, manifest, cache)
    for p in (new_outer, kept_inner):
        second.part(p)
    second.finish({p.graph: [p] for p in (new_outer, kept_inner)}, [shared], [], lambda n=1: None)
    stored = {f"{q.subject} {q.predicate} {q.object} ." for q in ox.Store.read_only(str(tmp_path / "store"))}
    assert stored == {_line("kamerstuk/36800-X", "title", "Nieuw"), both, shared}


def test_a_new_extractor_version_reruns_that_extractor_only(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([], out, workers=1)
    runs: dict[str, int] = {}

    def counted(ext: registry.Extractor, version: str) -> registry.Extractor:
        label = f"{ext.name}@{version}"

        def run(doc):
            runs[ext.name] = runs.get(ext.name, 0) + 1
            return [m._replace(extractor=label) for m in ext.run(doc)]  # as a new version labels them

        return dataclasses.replace(ext, version=version, run=run)

    original = registry.extractors()
    bumped = tuple(counted(e, e.version + ".1" if e.name == "figures" else e.version) for e in original)
    monkeypatch.setattr(registry, "extractors", lambda: bumped)
    for module in ("graph.parts", "graph.document_graph"):
        monkeypatch.setattr(f"{module}.extractors", lambda: bumped, raising=False)
    summary = build([], out, workers=1)
    assert summary.extracted == 5  # every part is keyed by the versions ...
    assert runs == {"figures": 5}  # ... but only the figures extractor ran again
    store = open_store(out)
    _, rows = run_query(store, "SELECT ?l WHERE { ?a a <https://w3id.org/dkg/def#Extractor> ; "
                               "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", {})  # fmt: skip
    labels = {r["l"] for r in rows}
    assert any(label.startswith("figures@") and label.endswith(".1") for label in labels)
    assert not any(label.startswith("figures@") and not label.endswith(".1") for label in labels)


def test_a_new_version_of_the_structure_readers_reruns_every_extractor(tmp_path, monkeypatch):
    """The extractors read the document's structure (answers are the government's voice): mentions
    cached under the previous structure are not served again."""
    out = tmp_path / "out"
    build([], out, workers=1)
    runs: dict[str, int] = {}

    def counted(ext: registry.Extractor) -> registry.Extractor:
        def run(doc):
            runs[ext.name] = runs.get(ext.name, 0) + 1
            return ext.run(doc)

        return dataclasses.replace(ext, run=run)

    wrapped = tuple(counted(e) for e in registry.extractors())
    for module in ("extractors.registry", "graph.parts", "graph.document_graph"):
        monkeypatch.setattr(f"{module}.extractors", lambda: wrapped, raising=False)
    build([], out, workers=1)
    assert runs == {}  # nothing changed: every extractor's mentions come from the cache
    monkeypatch.setattr("graph.parts.PARSE_VERSION", "test")
    summary = build([], out, workers=1)
    assert summary.extracted == 5
    assert runs == {e.name: 5 for e in wrapped}


def test_a_failed_build_leaves_the_previous_one_answering(tmp_path, reference, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(reference, out, symlinks=True)
    before = _graph_file(out)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("graph.pipeline._export", broken)
    corpus = _corpus(tmp_path)
    next(corpus.glob("004_*.txt")).unlink()
    with pytest.raises(OSError):
        build([str(corpus)], out, workers=1)
    assert _graph_file(out) == before
    assert [p.name for p in (out / "builds").iterdir() if p.name.startswith(".tmp")] == []
    assert len(_store_triples(out)) == len(Graph().parse(out / "graph.ttl"))


def _claim(n: int, value: float, date: str, doc: str, speaker: str = "regering") -> Claim:
    m = ClaimMention(doc, date, n, n + 5, str(value), "amount", value, "EUR", None, speaker, "letter", False, f"m{n}")
    return Claim(f"c{n:05d}", "defensiebudget", "defensiebudget", "amount", value, "EUR", None, [m])


def test_claims_about_one_subject_form_one_chain_not_all_pairs():
    # a figure restated, rounded, and updated by the government, letter after letter
    claims = [_claim(k, 1e9 * (1 + k // 3), f"20{10 + k // 12:02d}-{1 + k % 12:02d}-01", f"doc{k}") for k in range(300)]
    link_claims(claims)
    links = sum(len(c.related) for c in claims)
    assert links < 2 * len(claims)  # linear, where all pairs would be tens of thousands
    by_id = {c.id: c for c in claims}
    # every claim but the first reaches the first along the chain
    for c in claims[1:]:
        seen, todo = {c.id}, [c.id]
        while todo:
            for other, _ in by_id[todo.pop()].related:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        assert claims[0].id in seen


def test_chain_relations_on_hand_made_claims():
    first = _claim(1, 19.3e9, "2026-01-10", "a")
    rounded = _claim(2, 19e9, "2026-02-10", "b")  # within 5%: restates
    raised = _claim(3, 21e9, "2026-03-10", "c")  # the government, later, another value: updates
    asked = _claim(4, 25e9, "2026-03-10", "d", speaker="SP")  # a fractie, the same day: conflicts
    link_claims([first, rounded, raised, asked])
    assert rounded.related == [(first.id, "restates")]
    assert raised.related[0] == (rounded.id, "updates")
    assert (raised.id, "conflicts") in asked.related or (rounded.id, "conflicts") in asked.related


def test_property_path_finds_every_earlier_and_later_value(reference):
    store = open_store(reference)
    text = """PREFIX dkg: <https://w3id.org/dkg/def#>
    SELECT (COUNT(DISTINCT ?other) AS ?n) WHERE {
      ?c dkg:subjectId "krijgsmacht-omvang" ; dkg:value ?v . FILTER(?v = 122000)
      ?c (dkg:restates|^dkg:restates|dkg:updates|^dkg:updates|dkg:conflictsWith|^dkg:conflictsWith)* ?other }"""
    assert run_query(store, text, {})[1][0]["n"] >= 1


@pytest.mark.slow
def test_the_per_document_step_on_a_dask_cluster(tmp_path, reference):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "out"
        summary = build([], out, scheduler=cluster.scheduler_address)
    assert summary.documents == 5 and summary.extracted == 5
    assert _graph_file(out) == _graph_file(reference)
    assert isinstance(open_store(out), ox.Store)


def test_the_builds_tables_say_what_the_graph_says(reference):
    from graph.commitments import commitments_from_store, judge
    from graph.tables import CLAIMS, COMMITMENTS, read_table
    from graph.trace import claims_from_graph

    store = open_store(reference)
    queried = claims_from_graph(store)
    for c in queried:
        for m in c["mentions"]:
            del m["context"]
    assert read_table(reference, CLAIMS) == queried
    tabled = judge(read_table(reference, COMMITMENTS), "2026-11-23")
    from_graph = commitments_from_store(store, "2026-11-23")

    def unordered(rows):  # the graph does not order two mentions of one date and document
        def said(m):  # who promised it to whom is in the table (from the extractor), not yet in the graph
            return {k: v for k, v in m.items() if k != "who"}

        return [{**c, "mentions": sorted(map(said, c["mentions"]), key=lambda m: sorted(m.items())), "evidence": None}
                for c in rows]  # fmt: skip

    # 43 promises, targets and plans, and seven undertakings of the classes read since: the examination
    # of European alternatives (001), "zoals gebruikelijk geïnformeerd" (001), "jaarlijks te streven
    # naar ... 2 miljard euro" (002), "€40 miljoen vrijgemaakt" (002), "EUR 3 mld. per jaar beschikbaar
    # te stellen" (004), "zetten we onze steun ... voort" (004), "Het kabinet zal bezien of het mogelijk is
    # om toekomstige middelen naar voren te halen" (004)
    assert unordered(tabled) == unordered(from_graph) and len(tabled) == 50


@pytest.mark.parametrize("rewrite_at", [0.1, 1.0])  # the table written whole each time; or linked, with the parts since
def test_a_rebuild_takes_the_unchanged_parts_from_the_previous_builds_table(tmp_path, reference, monkeypatch,
                                                                             rewrite_at):  # fmt: skip
    """The previous build's table of parts serves the unchanged files in one read; when it is torn,
    the cache serves them entry by entry, and either way the rebuild equals a fresh build."""
    import json

    import graph.parts
    import graph.pipeline
    from graph.pipeline import PARTS, PARTS_SINCE

    monkeypatch.setattr(graph.pipeline, "REWRITE_AT", rewrite_at)
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1)
    letter = next(corpus.glob("002_*.txt"))
    text = letter.read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    for k, torn in enumerate((False, True)):
        if torn:
            table = out / "current" / (PARTS_SINCE if rewrite_at == 1.0 else PARTS)
            table.write_bytes(table.read_bytes()[:100])
        manifest = json.loads((out / "current" / "manifest.json").read_text(encoding="utf-8"))
        unchanged = {f["key"] for f in manifest["files"] if f["name"] != letter.name}
        entries: list[str] = []
        real = graph.parts.Cache.part

        def counted(self, key, *args, entries=entries, real=real, **kwargs):
            entries.append(key)
            return real(self, key, *args, **kwargs)

        monkeypatch.setattr(graph.parts.Cache, "part", counted)
        before = (out / "current" / PARTS).stat().st_ino
        letter.write_text(text.replace("1,15 miljard", f"1,{35 + k} miljard"), encoding="utf-8")
        again = build([str(corpus)], out, workers=1)
        monkeypatch.setattr(graph.parts.Cache, "part", real)
        if rewrite_at == 1.0 and not torn:  # the whole table is the previous build's file, linked
            assert (out / "current" / PARTS).stat().st_ino == before and (out / "current" / PARTS_SINCE).exists()
        assert again.extracted == 1
        # the four unchanged documents, entry by entry, only when the table is torn
        assert len(unchanged) == 4 and unchanged & set(entries) == (unchanged if torn else set())
        shutil.rmtree(fresh, ignore_errors=True)
        build([str(corpus)], fresh, workers=1)
        assert _graph_file(out) == _graph_file(fresh) and _store_triples(out) == _store_triples(fresh)
    letter.write_text(text, encoding="utf-8")
    build([str(corpus)], out, workers=1)
    assert _graph_file(out) == _graph_file(reference)


@pytest.mark.parametrize("rewrite_at", [0.1, 1.0])
def test_a_build_with_the_export_after_one_without_leaves_a_table_that_serves_every_part(tmp_path, reference,
                                                                                       monkeypatch, rewrite_at):  # fmt: skip
    """A build without graph.ttl records no Turtle in its parts; the next build with the export
    takes them from the cache, and its table records them as they are now, so that the build after
    it takes every unchanged part from the table in one read, not from the cache entry by entry."""
    import json

    import graph.parts
    import graph.pipeline

    monkeypatch.setattr(graph.pipeline, "REWRITE_AT", rewrite_at)
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1, export=False)
    build([str(corpus)], out, workers=1)
    entries: list[str] = []
    real = graph.parts.Cache.part

    def counted(self, key, *args, **kwargs):
        entries.append(key)
        return real(self, key, *args, **kwargs)

    monkeypatch.setattr(graph.parts.Cache, "part", counted)
    letter = next(corpus.glob("002_*.txt"))
    manifest = json.loads((out / "current" / "manifest.json").read_text(encoding="utf-8"))
    unchanged = {f["key"] for f in manifest["files"] if f["name"] != letter.name}
    letter.write_text(letter.read_text(encoding="utf-8").replace("1,15 miljard", "1,45 miljard"), encoding="utf-8")
    again = build([str(corpus)], out, workers=1)
    assert again.extracted == 1 and len(unchanged) == 4 and not unchanged & set(entries)  # all four from the table
    fresh = tmp_path / "fresh"
    build([str(corpus)], fresh, workers=1)
    assert _graph_file(out) == _graph_file(fresh) and _store_triples(out) == _store_triples(fresh)


def test_a_second_build_into_the_same_folder_is_refused_while_the_first_writes(tmp_path, reference):
    """Two builds into one folder would prune each other's cache entries: the second is an error
    naming the first, and the folder keeps the build it had."""
    import fcntl

    from click.testing import CliRunner

    from graph.cli import main

    out = tmp_path / "out"
    build([], out, workers=1)
    with open(out / ".build.lock", "a+", encoding="utf-8") as held:  # what a running build holds
        fcntl.flock(held, fcntl.LOCK_EX)
        held.truncate(0)
        held.write("4242")
        held.flush()
        second = CliRunner().invoke(main, ["build", "--out", str(out), "--workers", "1"])
        assert second.exit_code == 1 and "Traceback" not in second.output
        assert "another dkg build is writing to this folder (pid 4242)" in second.stderr
    assert _graph_file(out) == _graph_file(reference)
    assert CliRunner().invoke(main, ["build", "--out", str(out), "--workers", "1"]).exit_code == 0  # released


@pytest.mark.parametrize("index", ["kept", "unreadable"])
def test_a_rebuild_reads_the_previous_links_by_their_index_of_runs_or_whole(tmp_path, index):
    """The previous build's shared and link triples are read only in the runs this build changed,
    at the offsets of its runs.json; without a readable index, whole. Either way the patched store
    equals a freshly loaded one."""
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1)
    runs = out / "current" / "runs.json"
    assert runs.is_file()
    if index == "unreadable":
        runs.write_text("{not json", encoding="utf-8")
    letter = next(corpus.glob("001_*.txt"))
    text = letter.read_text(encoding="utf-8")
    assert "19,3 miljard" in text
    letter.write_text(text.replace("19,3 miljard", "19,8 miljard"), encoding="utf-8")
    changed = build([str(corpus)], out, workers=1)
    assert changed.extracted == 1
    fresh = tmp_path / "fresh"
    build([str(corpus)], fresh, workers=1)
    assert _store_triples(out) == _store_triples(fresh)
    assert (out / "current" / "links.nt").read_bytes() == (fresh / "current" / "links.nt").read_bytes()


def test_a_patched_store_is_compacted_when_asked_and_answers_the_same(tmp_path):
    """A rebuild patches the copied store (manifest: "patched"); `dkg build --compact` compacts it
    even when no document changed, into a build of its own that holds the same triples; asked
    again, nothing is left to do."""
    import json

    from click.testing import CliRunner

    from graph.cli import main

    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    fresh = build([str(corpus)], out, workers=1)
    assert json.loads((out / "current" / "manifest.json").read_text())["store"] == "compacted"
    letter = next(corpus.glob("002_*.txt"))
    letter.write_text(letter.read_text(encoding="utf-8").replace("1,15 miljard", "1,25 miljard"), encoding="utf-8")
    patched = build([str(corpus)], out, workers=1)
    assert json.loads((out / "current" / "manifest.json").read_text())["store"] == "patched"
    triples = _store_triples(out)
    assert build([str(corpus)], out, workers=1).unchanged  # nothing changed, nothing asked

    done = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--compact", "--workers", "1"])
    assert done.exit_code == 0, done.output
    manifest = json.loads((out / "current" / "manifest.json").read_text())
    assert manifest["store"] == "compacted" and manifest["build"] not in (patched.build_id, fresh.build_id)
    assert _store_triples(out) == triples
    assert build([str(corpus)], out, workers=1, compact=True).unchanged
    assert build([str(corpus)], out, workers=1).unchanged
