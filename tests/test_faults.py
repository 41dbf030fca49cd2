"""Faults injected into real builds and reads: a build killed (SIGKILL) at many moments, among
them the moment each output is replaced; a full disk at each write (a real small tmpfs where the
machine allows mounting one, an injected ENOSPC everywhere); a read-only output folder; a corrupt
graph and a corrupt store. After each: an `Error: what (why)` and exit 1, never a traceback, and
the folder still answers with one whole build, the previous one or the new one."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.corpus import sample_paths
from graph import folder
from graph.cli import main

pytestmark = pytest.mark.slow


def _corpus(root: Path, copies: int = 0) -> Path:
    """The bundled documents, and copies each with its own figure (so each adds claims)."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for p in sample_paths():
        shutil.copy(p, corpus / p.name)
    base = sample_paths()[0].read_text(encoding="utf-8")
    for i in range(copies):
        (corpus / f"kopie-{i:02}.txt").write_text(
            base + f"\nHet kabinet trekt € {i + 11},5 miljoen extra uit voor de kazernes.\n", encoding="utf-8"
        )
    return corpus


def _dkg(*args: str, check: bool = False) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, timeout=300)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _answer(out: Path) -> tuple[str, int, int]:
    """(the content of the build the folder answers from (its id less the state of its store:
    patched by a rebuild or compacted), its claims by `dkg claims`, its triples in the store),
    checked to be one build: the manifest, the table, the store and graph.ttl agree."""
    build = folder.current_build(out)
    assert build is not None
    manifest = folder.read_manifest(build)
    done = _dkg("claims", "--graph", str(out), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    claims = len(done.stdout.splitlines())
    assert claims == manifest["summary"]["claims"]
    count = _dkg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", str(out), "--format", "json")
    triples = json.loads(count.stdout)[0]["n"]
    assert triples == manifest["triples"]
    if manifest["export"]:
        assert (out / "graph.ttl").resolve() == (build / "graph.ttl").resolve()
    assert build.name == manifest["build"]
    return manifest["content"], claims, triples


def _no_traceback(done) -> None:
    text = (done.stderr or "") + (getattr(done, "stdout", "") or "")
    assert "Traceback" not in text, text
    assert "Error: " in done.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """An output folder holding the build of the bundled corpus (the previous build of every test),
    and the folder of a fresh build of the larger corpus (what a finished rebuild must equal)."""
    root = tmp_path_factory.mktemp("faults")
    small = _corpus(root / "small")
    large = _corpus(root / "large", copies=12)
    previous = root / "previous"
    _dkg("build", str(small), "--out", str(previous), "--workers", "2", check=True)
    fresh = root / "fresh"
    started = time.perf_counter()
    _dkg("build", str(large), "--out", str(fresh), "--workers", "2", check=True)
    seconds = time.perf_counter() - started
    return {"small": small, "large": large, "previous": previous, "fresh": fresh, "seconds": seconds,
            "old": _answer(previous), "new": _answer(fresh)}  # fmt: skip


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


@pytest.mark.parametrize("fraction", [0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.85, 0.95])
def test_a_build_killed_at_any_moment_leaves_one_whole_build(builds, tmp_path, fraction):
    out = _copy(builds["previous"], tmp_path / "out")
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(builds["large"]), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    time.sleep(builds["seconds"] * fraction)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _answer(out) in (builds["old"], builds["new"])
    _dkg("build", str(builds["large"]), "--out", str(out), check=True)  # the next build completes it
    assert _answer(out) == builds["new"]
    assert not list((out / folder.BUILDS).glob(".tmp-*"))  # and removes what the killed one left


# Each step of switching a build in, killed just before and just after it runs: the build folder
# renamed to its id, the new `current` link made, and that link renamed over the old one.
_SWITCH_STEPS = [("rename", 1), ("symlink", 1), ("replace", 1)]


@pytest.mark.parametrize(("call", "nth"), _SWITCH_STEPS)
@pytest.mark.parametrize("when", ["before", "after"])
def test_killed_at_the_moment_each_output_is_replaced(builds, tmp_path, call, nth, when):
    out = _copy(builds["previous"], tmp_path / "out")
    script = textwrap.dedent(f"""
        import os, signal, sys
        from graph import folder
        real = getattr(os, {call!r})
        calls = [0]
        def step(*args, **kwargs):
            calls[0] += 1
            if calls[0] == {nth} and {when!r} == "before":
                os.kill(os.getpid(), signal.SIGKILL)
            real(*args, **kwargs)
            if calls[0] == {nth} and {when!r} == "after":
                os.kill(os.getpid(), signal.SIGKILL)
        folder.os.{call} = step  # the switch-in's own calls only (the module's view of os)
        from graph.cli import main
        sys.argv = ["dkg", "build", {str(builds["large"])!r}, "--out", {str(out)!r}, "--workers", "1"]
        main()
    """)
    done = subprocess.run([sys.executable, "-c", _isolated_os(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert _answer(out) in (builds["old"], builds["new"])
    _dkg("build", str(builds["large"]), "--out", str(out), check=True)
    assert _answer(out) == builds["new"]


def _isolated_os(script: str) -> str:
    """Give graph.folder its own module object for os, so the patched call is the switch-in's only."""
    prelude = textwrap.dedent("""
        import importlib.util, os as _os, sys
        spec = importlib.util.find_spec("os")
        own = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(own)
        import graph.folder
        graph.folder.os = own
    """)
    return prelude + script


_WRITE_POINTS = {
    "cache": ("graph.parts.Cache.write", 1),
    "store load": ("graph.pipeline.StoreLoader.flush", 1),
    "tables": ("graph.pipeline.write_table", 1),
    "graph.ttl": ("graph.pipeline._export", 1),
    "switch-in": ("graph.folder.switch_in", 1),
}


@pytest.mark.parametrize("point", sorted(_WRITE_POINTS))
def test_a_full_disk_at_each_write_is_an_error_and_loses_nothing(builds, tmp_path, monkeypatch, point):
    out = _copy(builds["previous"], tmp_path / "out")
    target, _ = _WRITE_POINTS[point]

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(target, full)
    result = CliRunner().invoke(main, ["build", str(builds["large"]), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "Traceback" not in result.output
    monkeypatch.undo()
    assert _answer(out) == builds["old"]
    assert not list((out / folder.BUILDS).glob(".tmp-*"))


@pytest.fixture
def small_disk(tmp_path):
    """A real file system of a few megabytes (tmpfs), where this machine lets the tests mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip("cannot mount a tmpfs here; the injected ENOSPC tests cover the same writes")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave: int) -> None:
    """Fill the disk until `leave` bytes are free."""
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with open(disk / "filler", "ab") as fh:
        fh.write(b"\0" * max(0, free - leave))


@pytest.mark.parametrize("leave_kb", [0, 200, 2000, 6000])
def test_a_real_full_disk_during_a_rebuild(builds, small_disk, leave_kb):
    out = _copy(builds["previous"], small_disk / "out")
    _fill(small_disk, leave_kb * 1024)
    done = _dkg("build", str(builds["large"]), "--out", str(out), "--workers", "2")
    if done.returncode == 0:  # there was room after all: then it is the new build, whole
        assert _answer(out) == builds["new"]
        return
    assert done.returncode == 1
    _no_traceback(done)
    assert "No space left on device" in done.stderr
    (small_disk / "filler").unlink()
    assert _answer(out) == builds["old"]
    _dkg("build", str(builds["large"]), "--out", str(out), check=True)
    assert _answer(out) == builds["new"]


def test_a_read_only_output_folder(builds, small_disk):
    out = _copy(builds["previous"], small_disk / "out")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        done = _dkg("build", str(builds["large"]), "--out", str(out))
        assert done.returncode == 1
        _no_traceback(done)
        assert "Read-only file system" in done.stderr
        assert _answer(out) == builds["old"]  # and the reading commands still answer from it
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)


def test_a_corrupt_graph_file_and_a_corrupt_store(builds, tmp_path):
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "graph.ttl").write_text('@prefix x: <http://x/> .\nx:a x:b "unterminated .\n', encoding="utf-8")
    for args in (["claims"], ["trace", "PURL"], ["query", "ASK { ?s ?p ?o }"], ["commitments"], ["validate"]):
        done = _dkg(*args, "--graph", str(legacy))
        assert done.returncode == 1, args
        _no_traceback(done)
        assert "not a readable graph" in done.stderr
    out = _copy(builds["previous"], tmp_path / "out")
    store = out / "current" / "store"
    for f in store.iterdir():
        if f.name.startswith("CURRENT") or f.suffix == ".sst":
            f.write_bytes(b"garbage")
    done = _dkg("query", "ASK { ?s ?p ?o }", "--graph", str(out))
    assert done.returncode == 1
    _no_traceback(done)


def test_a_foreign_folder_and_an_unforeseen_failure(tmp_path, monkeypatch):
    foreign = tmp_path / "foreign"
    (foreign / "builds" / "x").mkdir(parents=True)
    (foreign / "builds" / "x" / "manifest.json").write_text('{"layout": "someone-else/9"}', encoding="utf-8")
    os.symlink("builds/x", foreign / "current")
    done = _dkg("claims", "--graph", str(foreign))
    assert done.returncode == 1
    _no_traceback(done)

    def broken(*args, **kwargs):
        raise RuntimeError("an extractor's bug")

    monkeypatch.setattr("graph.cli._claims_rows", broken, raising=False)
    monkeypatch.setattr("graph.tables.read_table", broken)
    monkeypatch.setattr("graph.tables.claims_file", broken)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0
    result = CliRunner().invoke(main, ["claims", "--graph", str(out)])
    assert result.exit_code == 1
    assert "Error: dkg claims failed (RuntimeError: an extractor's bug" in result.stderr
    debug = CliRunner().invoke(main, ["--debug", "claims", "--graph", str(out)])
    assert isinstance(debug.exception, RuntimeError)  # with --debug the traceback is there to see


def test_every_output_is_fsynced_before_it_is_switched_in_and_its_folder_after(tmp_path, monkeypatch):
    """The order a power cut cannot undo: data, then the rename, then the folder's entry."""
    events: list[tuple[str, str]] = []
    real_fsync, real_rename, real_replace = os.fsync, os.rename, os.replace

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def rename(src, dst, *args, **kwargs):
        events.append(("rename", str(dst)))
        return real_rename(src, dst, *args, **kwargs)

    def replace(src, dst, *args, **kwargs):
        events.append(("replace", str(dst)))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(folder.os, "fsync", fsync)
    monkeypatch.setattr(folder.os, "rename", rename)
    monkeypatch.setattr(folder.os, "replace", replace)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "--workers", "1"]).exit_code == 0
    build = folder.current_build(out)
    switched = events.index(("replace", str(out / folder.CURRENT)))
    moved = events.index(("rename", str(build)))
    synced_before = {path for kind, path in events[:moved] if kind == "fsync"}
    tmp = str(out / folder.BUILDS / f".tmp-{os.getpid()}")
    for name in (folder.GRAPH_FILE, folder.MANIFEST, "shared.nt", "links.nt"):
        assert f"{tmp}/{name}" in synced_before, name
    assert any(p.startswith(f"{tmp}/{folder.STORE}/") for p in synced_before)  # the store's files
    assert tmp in synced_before and f"{tmp}/{folder.STORE}" in synced_before  # and the folders
    assert ("fsync", str(out / folder.BUILDS)) in events[moved:switched]  # the rename made durable
    assert ("fsync", str(out)) in events[switched:]  # and the switch


def test_a_view_written_to_a_full_disk_keeps_the_old_file(builds, tmp_path, monkeypatch):
    target = tmp_path / "view.html"
    target.write_text("the previous view", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = CliRunner().invoke(main, ["html", "--graph", str(builds["previous"]), "-o", str(target)])
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "the previous view"
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]  # no half-written file beside it
