"""The per-document step of the build (the map): a document file -> its part, cached.

A part is everything the cross-document step needs of one document: its own triples (as
N-Triples, and as a Turtle block for graph.ttl), the shared triples it states, and compact rows
of its claim and commitment mentions. It is a pure function of the document's text, its file name
and the versions of the readers and extractors, and is cached under that key in the build's
folder; the mentions are also cached per extractor, so that a new version of one extractor
re-runs that extractor only.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from types import MappingProxyType

from extractors.corpus import Failed
from extractors.document import Document, Mention
from extractors.locate import situate
from extractors.parse import VERSION as PARSE_VERSION
from extractors.parse import parse_document
from extractors.reading import ReadError, read_file
from extractors.registry import extractors
from graph import turtle as ttl
from graph.claims import ClaimMention, claim_rows
from graph.commitments import CommitmentRows, commitment_rows
from graph.document_graph import document_triples
from graph.fulltext import VERSION as SEARCH_VERSION
from graph.fulltext import document_passages
from graph.iri import document_iri
from graph.motions import MotionRows, motion_rows
from graph.overview import mentioned
from graph.terms import line

# The version of the triples and rows made here: part of every cache key.
VERSION = "10"


def versions() -> str:
    """Every version a part depends on: the structure readers, each extractor, this step."""
    labels = sorted(e.label for e in extractors())
    return "+".join([f"parse@{PARSE_VERSION}", *labels, f"parts@{VERSION}", f"search@{SEARCH_VERSION}"])


@dataclass
class DocumentPart:
    """What the cross-document step needs of one document (a few kilobytes, pickled in the cache;
    the triples themselves stay in the cache files)."""

    key: str
    name: str
    path: str
    document: str  # the document's IRI
    date: str | None
    counts: tuple[int, int, int, int]  # questions, answered, only by reference, open
    triples: int  # own triples
    shared: list[str]  # N-Triples lines of the shared triples
    claims: list[ClaimMention]
    commitments: CommitmentRows
    warnings: tuple[str, ...] = ()
    head: tuple[str, ...] = ()  # N-Triples lines of its own triples about the document itself
    motions: MotionRows | None = None  # a motion's submitters, or the motions named in the document
    persons: tuple[str, ...] = ()  # the names of the persons it mentions (one person across documents)
    mentioned: tuple[tuple[str, str, str], ...] = ()  # (node, type, label) its mentions stand for: the overview
    # bytes of its cached files (N-Triples "nt", Turtle block "ttl", search passages "search"): a torn entry is recomputed
    sizes: dict[str, int] = field(default_factory=dict)
    cached: bool = field(default=False, compare=False)

    @property
    def graph(self) -> str:
        """The document's name in the manifest, under which it lists the parts (files) that state its triples."""
        return f"{self.document}/graph"


class Cache:
    """Per-document results under DIR/cache, content-addressed: a file is written once (beside,
    then renamed) and never changed, so a killed build leaves only whole entries."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    def path(self, key: str, suffix: str) -> Path:
        return self.root / key[:2] / f"{key}.{suffix}"

    def read(self, key: str, suffix: str) -> bytes | None:
        try:
            return self.path(key, suffix).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, key: str, suffix: str, data: bytes) -> None:
        target = self.path(key, suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def part(self, key: str, turtle: bool = True) -> DocumentPart | None:
        """The cached part, when it and its files are whole (a damaged or torn entry, as a power
        cut may leave, is recomputed, never trusted)."""
        data = self.read(key, "part")
        if data is None:
            return None
        try:
            part = pickle.loads(data)
        except Exception:
            return None
        return self.whole(part, turtle)

    def whole(self, part: DocumentPart, turtle: bool = True) -> DocumentPart | None:
        """The part, marked as cached, when its files have the sizes it recorded (a torn entry, as a
        power cut may leave, is recomputed, never trusted); None when they have not."""
        wanted = ("nt", "search", "ttl") if turtle else ("nt", "search")
        for suffix in wanted:
            size = self.size(part.key, suffix)
            if size < 0 or size != part.sizes.get(suffix, -1):
                return None
        part.cached = True
        return part

    def size(self, key: str, suffix: str) -> int:
        try:
            return self.path(key, suffix).stat().st_size
        except FileNotFoundError:
            return -1

    def own_lines(self, key: str) -> list[str]:
        data = self.read(key, "nt")
        return data.decode("utf-8").splitlines() if data else []

    def turtle(self, key: str, of: Iterable[str]) -> bytes:
        """The Turtle block of the cached triples of the parts `of` (one document, which may be
        read from several files), made from them, not from the document again, and cached under key."""
        data = ttl.lines_block(chain.from_iterable(self.own_lines(k) for k in of))
        self.write(key, "ttl", data)
        return data

    def own_ntriples(self, key: str) -> bytes:
        """The document's own triples as the N-Triples bytes that were cached, one line each."""
        return self.read(key, "nt") or b""


def part_key(name: str, text: str, labels: str) -> str:
    digest = hashlib.sha256()
    for piece in (labels, name, text):
        digest.update(piece.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _mentions(doc: Document, cache: Cache | None, text_key: str) -> list[Mention]:
    """Every extractor's mentions, from the cache where that extractor's version has run on this
    text before (a new version of one extractor re-runs that one only)."""
    stored: dict[str, list[tuple]] = {}
    if cache is not None:
        data = cache.read(text_key, "mentions")
        if data:
            try:
                stored = pickle.loads(data)
            except Exception:
                stored = {}
    out: list[Mention] = []
    fresh: dict[str, list[tuple]] = {}
    for ext in extractors():
        rows = stored.get(ext.label)
        if rows is None:
            rows = [(*m[:7], dict(m.fields)) for m in ext.run(doc)]
        fresh[ext.label] = rows
        out.extend(Mention(*r[:7], MappingProxyType(r[7])) for r in rows)
    if cache is not None and fresh.keys() != stored.keys():
        cache.write(text_key, "mentions", pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))
    out.sort(key=lambda m: (m.start, m.end, m.kind))
    return out


def make_part(
    doc: Document, key: str = "", cache: Cache | None = None, mentions: list[Mention] | None = None, turtle: bool = True
):  # fmt: skip
    """(the part, its own triples as N-Triples lines, its Turtle block or None, its search passages)
    of a parsed document."""
    if mentions is None:  # mentions carry the file name: cached per name and text
        # (what the extractors see besides the text: the kind, date and numbers a metadata record may give)
        seen = "\0".join(str(x) for x in (doc.text, doc.kind, doc.date, doc.official_number, doc.chamber, doc.identifiers))
        # the extractors read the structure too (a question's answer is the government's voice):
        # a new version of the structure readers runs them all again
        mentions = _mentions(doc, cache, part_key(doc.name, seen, f"mentions+parse@{PARSE_VERSION}"))
    situated = situate(doc, mentions)
    triples = document_triples(doc, situated)
    own = sorted(triples.own)
    own_lines = [line(*t) for t in own]
    subject = f"<{document_iri(doc)}>"
    counts = (
        len(doc.questions), sum(q.answered for q in doc.questions), sum(q.by_reference_only for q in doc.questions),
        sum(not q.answered for q in doc.questions),
    )  # fmt: skip
    part = DocumentPart(
        key, doc.name, doc.path, str(document_iri(doc)), doc.date, counts, len(own),
        sorted(line(*t) for t in triples.shared), claim_rows(doc, situated), commitment_rows(doc, situated), doc.warnings,
        tuple(ln for t, ln in zip(own, own_lines, strict=True) if t[0] == subject), motion_rows(doc, situated),
        tuple(sorted({str(s.mention.value) for s in situated if s.mention.kind == "person"})), mentioned(situated),
    )  # fmt: skip
    return part, own_lines, ttl.block(own) if turtle else None, document_passages(doc, situated, part.document)


def process_file(path: str, cache_root: str, labels: str, turtle: bool = True) -> DocumentPart | Failed:
    """The map step for one file, run in a worker: read, look up the cache, else parse, extract
    and make the part, and cache it. A bad file is a Failed record, never an exception."""
    try:
        source = read_file(path)
    except ReadError as exc:
        return Failed(str(path), exc.reason)
    except OSError as exc:
        return Failed(str(path), f"cannot read ({exc.strerror or exc})")
    cache = Cache(cache_root)
    key = part_key(source.name, source.text + (f"\0{source.metadata!r}" if source.metadata else ""), labels)
    part = cache.part(key, turtle=False)
    if part is not None and turtle:  # a part cached by a build without the export gets its Turtle
        part = cache.whole(part) or _with_turtle(cache, part)
    if part is not None:
        part.path = source.path
        return part
    try:
        doc = parse_document(source)
        part, own, block, found = make_part(doc, key, cache, turtle=turtle)
    except Exception as exc:  # an extractor's bug on one document must not stop the archive
        return Failed(str(path), f"cannot be processed ({type(exc).__name__}: {exc})")
    nt = "".join(f"{ln}\n" for ln in own).encode("utf-8")
    searched = found.dumps()
    cache.write(key, "nt", nt)
    cache.write(key, "search", searched)
    part.sizes = {"nt": len(nt), "search": len(searched), "ttl": cache.size(key, "ttl")}  # ttl: of an earlier build
    if block is not None:
        data = block.encode("utf-8")
        cache.write(key, "ttl", data)
        part.sizes["ttl"] = len(data)
    cache.write(key, "part", pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    return part


def _with_turtle(cache: Cache, part: DocumentPart) -> DocumentPart | None:
    """A part cached without its Turtle block (by a build without the export), given it and
    cached again so."""
    part.sizes["ttl"] = len(cache.turtle(part.key, [part.key]))
    part.cached = False  # pickled as made; whole() marks what it serves
    cache.write(part.key, "part", pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    return cache.whole(part)
