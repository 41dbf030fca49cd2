"""The output folder of `dkg build`: one complete build at a time, switched in with one rename.

    DIR/graph.ttl -> current/graph.ttl     (a fixed link, made once)
    DIR/current   -> builds/<build id>     (the one rename that switches a build in)
    DIR/builds/<build id>/                 graph.ttl, store/ (Oxigraph), shared.nt, links.nt,
                                           runs.json (where their runs lie), manifest.json, the
                                           tables: everything of one build, together
    DIR/cache/                             per-document results, content-addressed (graph/parts.py)

A build is written into a new folder beside the current one, fsynced, renamed to its id and then
switched in by replacing the `current` link: a reader resolves `current` once and sees one whole
build; a build killed at any moment leaves the previous one answering, and the next build removes
what the killed one left behind.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

LAYOUT = "dkg-build/2"  # 2: the store holds every triple in its default graph
CURRENT = "current"
BUILDS = "builds"
CACHE = "cache"
STORE = "store"
MANIFEST = "manifest.json"
GRAPH_FILE = "graph.ttl"
_TMP = ".tmp-"


class FolderError(Exception):
    """A folder that holds no usable build (missing, half-written, of another layout)."""


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in the folder durable (the folder's entry, not only the data)."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(root: Path) -> None:
    for folder, _, files in os.walk(root):
        for name in files:
            fsync_file(Path(folder) / name)
        fsync_dir(Path(folder))


def current_build(out: Path) -> Path | None:
    """The folder of the build that `out` answers from (resolved once), or None."""
    link = Path(out) / CURRENT
    if not link.is_symlink() and not link.is_dir():
        return None
    target = Path(os.path.realpath(link))
    return target if (target / MANIFEST).is_file() else None


def read_manifest(build: Path) -> dict:
    try:
        manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FolderError(f"{build}: the build's manifest cannot be read ({exc})") from None
    if manifest.get("layout") != LAYOUT:
        raise FolderError(f"{build}: written by another version of dkg (layout {manifest.get('layout')!r}); build it again")
    return manifest


def new_build_folder(out: Path) -> Path:
    """An empty folder for the build being written, beside the others (removed if it fails)."""
    builds = Path(out) / BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    tmp = builds / f"{_TMP}{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    return tmp


def switch_in(out: Path, tmp: Path, build_id: str) -> Path:
    """Rename the written build to its id and point `current` at it with one atomic rename."""
    out = Path(out)
    fsync_tree(tmp)
    final = out / BUILDS / build_id
    if final.exists():  # the same build, left by a build killed before it switched: replace it
        shutil.rmtree(final)
    os.rename(tmp, final)
    fsync_dir(out / BUILDS)
    link = out / f".{CURRENT}.{os.getpid()}"
    link.unlink(missing_ok=True)
    os.symlink(f"{BUILDS}/{build_id}", link)
    os.replace(link, out / CURRENT)
    _link_graph_file(out)
    fsync_dir(out)
    return final


def _link_graph_file(out: Path) -> None:
    """DIR/graph.ttl always names the current build's export (replacing a plain file of an older
    layout in one rename)."""
    target = out / GRAPH_FILE
    if target.is_symlink() and os.readlink(target) == f"{CURRENT}/{GRAPH_FILE}":
        return
    link = out / f".{GRAPH_FILE}.{os.getpid()}"
    link.unlink(missing_ok=True)
    os.symlink(f"{CURRENT}/{GRAPH_FILE}", link)
    os.replace(link, target)


def clean(out: Path, keep: set[str]) -> None:
    """Remove what killed builds left behind, builds older than the ones kept, and the store of
    an older layout (which no reading command would use any longer)."""
    out = Path(out)
    builds = out / BUILDS
    for entry in builds.iterdir() if builds.is_dir() else ():
        if entry.name not in keep and not entry.name.startswith(f"{_TMP}{os.getpid()}"):
            if entry.name.startswith(_TMP) and _alive(entry.name[len(_TMP) :]):
                continue  # another build is writing right now
            shutil.rmtree(entry, ignore_errors=True)
    for leftover in out.glob(".oxigraph.*"):
        shutil.rmtree(leftover, ignore_errors=True)
    old_store = out / "oxigraph"
    if old_store.is_dir() and not old_store.is_symlink():
        shutil.rmtree(old_store, ignore_errors=True)


def _alive(pid: str) -> bool:
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
