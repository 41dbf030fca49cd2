"""Full-text search over every document of a build, Dutch-aware, with provenance.

The index is SQLite FTS5 (in the standard library, one file beside the store, updated in place).
FTS5 cannot stem Dutch itself, so dkg hands it words already normalised: folded to lower case
without diacritics ("Oekraïne" -> "oekraine") and stemmed with the Snowball Dutch stemmer
(PyStemmer: "toezeggingen" and "toezegging" -> "toezeg"). A query is normalised the same way, so
"toezeggingen" finds "toezegging" and "Oekraine" finds "Oekraïne"; phrases ("...") keep word order,
AND / OR / NOT and -word combine terms, word* looks for a prefix.

The unit of search is a passage: a paragraph (one line of the text dkg reads; the readers render
one paragraph a line), with its document, place (the question or answer it stands in, the
letter, a speaker's turn), page, and the figures, entities and commitments inside it. Passages
are made per document by the build's workers and cached with the document's part; the build
copies the previous index and replaces only the documents that changed.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import sqlite3
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

INDEX = "search.sqlite"
VERSION = "2"  # of the passages and the index schema: a new one rebuilds the index
_WORD = re.compile(r"[^\W_]+")
_LONG = 1500  # characters: a longer paragraph is cut at sentence ends into passages of about this size
# what a hit lists of the mentions inside it (dates and question numbers would only be noise)
INSIDE_KINDS = ("amount", "percentage", "quantity", "reference", "programme", "organisation", "person", "party",
                "commitment")  # fmt: skip


class SearchError(Exception):
    """A query that cannot be run, or a build without an index; the message says why."""


# --- normalising words ----------------------------------------------------------------------------


def fold(word: str) -> str:
    """Lower case without diacritics: "Oekraïne" -> "oekraine", "ÉÉN" -> "een"."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFKD", word.casefold()).translate(_marks())


@lru_cache(maxsize=1)
def _marks() -> dict[int, None]:
    """Every combining character (what unicodedata.combining says is one), to be dropped: a
    paragraph is folded by one str.translate (three times faster than a substitution with a
    character class of them all)."""
    return dict.fromkeys(c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("dutch")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Dutch stem of one folded word (cached: a corpus repeats its words)."""
    return _stemmer().stemWord(word)


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of every word of the text."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def vocabulary(texts) -> dict[str, str]:
    """Each folded word of the texts -> its stem (each word stemmed once): what lets a page search
    the texts as the index does."""
    seen: set[str] = set()
    for text in texts:
        seen.update(_WORD.findall(fold(text)))
    return {w: stem(w) for w in sorted(seen)}


def terms(text: str) -> str:
    """The text as the index holds it: its words folded and stemmed, separated by spaces."""
    return " ".join(map(stem, _WORD.findall(fold(text))))


# --- passages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    page: int | None
    place: str | None  # "X16 answer", "letter", "turn Verhoef", ...
    speaker: str | None
    text: str
    inside: tuple[tuple[str, str, str], ...]  # (kind, quote, value) of the mentions in it
    terms: str


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each non-blank line, without its surrounding white space; a very long line
    is cut after a sentence end, so that a hit points to a readable piece."""
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > _LONG:
            cut = _sentence_cut(text, start, end)
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            yield start, end


def _sentence_cut(text: str, start: int, end: int) -> int:
    window = text[start + _LONG // 2 : start + _LONG]
    found = [m.end() for m in re.finditer(r"[.!?;:](?=\s)", window)]
    return start + _LONG // 2 + found[-1] if found else start + _LONG


def passages(doc, situated: Sequence) -> list[Passage]:
    """The document's passages, each with its place, speaker, page and the mentions inside it
    (situated mentions in order of start, as graph/parts.py has them)."""
    from extractors.locate import MentionsByStart, locator, speaker_at

    where = locator(doc)
    by_start = MentionsByStart([s.mention for s in situated])
    out = []
    for start, end in _paragraphs(doc.text):
        speaker, _, place = speaker_at(doc, where, start)
        inside = tuple(
            (m.kind, m.text, _value(m.value)) for m in by_start.within(start, end) if m.kind in INSIDE_KINDS and m.end <= end
        )
        quote = doc.text[start:end]
        out.append(Passage(start, end, doc.page_of(start), place, speaker, quote, inside, terms(quote)))
    return out


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else repr(value)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class DocumentPassages:
    """What the index holds of one document file (cached with its part)."""

    name: str
    iri: str
    date: str | None
    kind: str | None
    title: str | None
    passages: tuple[Passage, ...]

    def dumps(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)


def document_passages(doc, situated: Sequence, iri: str) -> DocumentPassages:
    return DocumentPassages(doc.name, iri, doc.date, doc.kind, doc.title, tuple(passages(doc, situated)))


# --- the index ----------------------------------------------------------------------------------------

_SCHEMA = f"""
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);
INSERT INTO meta VALUES ('version', '{VERSION}');
CREATE TABLE doc(key TEXT PRIMARY KEY, name TEXT, iri TEXT, date TEXT, kind TEXT, title TEXT);
CREATE TABLE passage(id INTEGER PRIMARY KEY, key TEXT NOT NULL, start INTEGER, "end" INTEGER, page INTEGER,
                     place TEXT, speaker TEXT, text TEXT, inside TEXT);
CREATE INDEX passage_key ON passage(key);
CREATE INDEX doc_iri ON doc(iri);
CREATE VIRTUAL TABLE passage_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
"""


def _json(inside: tuple) -> str | None:
    return json.dumps(inside, ensure_ascii=False) if inside else None


class IndexWriter:
    """The build's index: a copy of the previous build's, in which the documents that left are
    deleted and the new ones added, or a new one. Written into the build's new folder, so that a
    killed build leaves the current index as it was.

    The copy (1.4 GB at 10,000 documents) is made in a thread while the build goes on: which
    documents the previous index holds is read from it directly. A copy that fails leaves a new
    index, into which every document goes.

    The passages are written when the build calls start(), once the extraction is done: in a
    thread, while the build links and compacts its store (Oxigraph's compaction holds one core
    and leaves the other free, where during the extraction every core is busy already; a rebuild
    has a few documents to write, after the copy). finish() waits for that thread."""

    def __init__(self, path: Path, previous: Path | None):
        self.path = Path(path)
        self.keys: set[str] = set()
        self.waiting: list[tuple[str, Callable[[], bytes | None]]] = []  # every document's, until start()
        self.db: sqlite3.Connection | None = None
        self.old = _indexed(previous / INDEX) if previous is not None else set()
        self.copy: _Copy | None = _Copy(previous / INDEX, self.path) if self.old else None
        self.writer: _Thread | None = None

    def _open(self) -> None:
        """The index to write into: the copy, once it is in place, or a new one."""
        if self.copy is not None:
            if not self.copy.whole():
                self.path.unlink(missing_ok=True)
                self.old = set()
            self.copy = None
        self.db = sqlite3.connect(self.path, check_same_thread=False)  # one thread at a time: start() hands it on
        # no journal: the file is the new build's, switched in (and fsynced) only when complete
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        if not self.old:
            self.db.executescript(_SCHEMA)
        self.next_id = (self.db.execute("SELECT MAX(id) FROM passage").fetchone()[0] or 0) + 1
        waiting, self.waiting = self.waiting, []
        for key, read in waiting:
            self._insert(key, read)

    def add(self, key: str, read: Callable[[], bytes | None]) -> None:
        """A document's passages, unless the index has them already: read is called only then (a
        rebuild of 10,000 documents reads one document's passages, not 10,000)."""
        if self.writer is not None:
            raise RuntimeError("passages added after the index began to be written")
        if key not in self.keys:
            self.keys.add(key)
            self.waiting.append((key, read))

    def _insert(self, key: str, read: Callable[[], bytes | None]) -> None:
        if key in self.old:
            return
        data = read()
        if data is None:
            return
        docp: DocumentPassages = pickle.loads(data)
        self.db.execute("INSERT INTO doc VALUES (?, ?, ?, ?, ?, ?)",
                        (key, docp.name, docp.iri, docp.date, docp.kind, docp.title))  # fmt: skip
        first, self.next_id = self.next_id, self.next_id + len(docp.passages)
        rows = [(first + k, key, p.start, p.end, p.page, p.place, p.speaker, p.text, _json(p.inside))
                for k, p in enumerate(docp.passages)]  # fmt: skip
        self.db.executemany("INSERT INTO passage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.db.executemany("INSERT INTO passage_terms (rowid, terms) VALUES (?, ?)",
                            [(first + k, p.terms) for k, p in enumerate(docp.passages)])  # fmt: skip

    def start(self) -> None:
        """Write every passage added, in a thread (nothing is added after)."""
        if self.writer is None:
            self.writer = _Thread(self._write)

    def finish(self) -> None:
        """Wait until the index is written (see start)."""
        self.start()
        self.writer.wait()

    def _write(self) -> None:
        """Open, insert what waits, delete what left the build, then commit and close."""
        self._open()
        for key in sorted(self.old - self.keys):
            self.db.execute("DELETE FROM passage_terms WHERE rowid IN (SELECT id FROM passage WHERE key = ?)", (key,))
            self.db.execute("DELETE FROM passage WHERE key = ?", (key,))
            self.db.execute("DELETE FROM doc WHERE key = ?", (key,))
        self.db.commit()
        free, pages = (self.db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
        if free * 4 > pages:  # many documents replaced (a new extractor version): the file is made compact
            self.db.execute("VACUUM")
        self.db.close()
        self.db = None

    def abandon(self) -> None:
        for thread in (self.writer, self.copy):  # never a thread writing into a build folder that is being removed
            if thread is not None:
                thread.join()
        if self.db is not None:
            self.db.close()


def _indexed(index: Path) -> set[str]:
    """The documents an index holds; none when it is missing, unreadable or of another version."""
    if not index.exists():
        return set()
    try:
        db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
        try:
            if db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone() != (VERSION,):
                return set()
            return {k for (k,) in db.execute("SELECT key FROM doc")}
        finally:
            db.close()
    except sqlite3.Error:
        return set()


class _Thread:
    """A function run in a thread, whose exception the waiting thread gets."""

    def __init__(self, run: Callable[[], object]):
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(run,), daemon=True)
        self.thread.start()

    def _run(self, run: Callable[[], object]) -> None:
        try:
            run()
        except BaseException as exc:  # handed to the thread that waits
            self.error = exc

    def join(self) -> None:
        self.thread.join()

    def wait(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


class _Copy(_Thread):
    """A file copied in a thread (the kernel copies; the thread waits on it, not on Python)."""

    def __init__(self, source: Path, target: Path):
        super().__init__(partial(shutil.copyfile, source, target))

    def whole(self) -> bool:
        """Whether the copy is whole (waits for it)."""
        self.join()
        return self.error is None


# --- queries ------------------------------------------------------------------------------------------

_TOKEN = re.compile(r'"([^"]*)"?|(\()|(\))|(\S+)')
_OPERATORS = {"AND", "OR", "NOT"}


@dataclass(frozen=True)
class Query:
    match: str  # the FTS5 query on the normalised terms
    sequences: tuple[tuple[str, ...], ...]  # the stems of each word and phrase looked for: highlighted in a hit
    prefixes: tuple[str, ...]

    def matches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in text of each word or phrase the query looks for, in order."""
        found = words(text)
        stems = [stem(w) for _, _, w in found]
        spans = set()
        for seq in self.sequences:
            n = len(seq)
            for k in range(len(stems) - n + 1):
                if tuple(stems[k : k + n]) == seq:
                    spans.add((found[k][0], found[k + n - 1][1]))
        for k, (s, e, w) in enumerate(found):
            if self.prefixes and (w.startswith(self.prefixes) or stems[k].startswith(self.prefixes)):
                spans.add((s, e))
        out, end = [], -1
        for s, e in sorted(spans):
            if s >= end:
                out.append((s, e))
                end = e
        return out


def _quoted(stems: list[str]) -> str:
    return '"' + " ".join(stems) + '"'


def parse_query(text: str) -> Query:
    """The user's query as FTS5 syntax over folded, stemmed words. Raises SearchError when it
    holds nothing to look for."""
    out: list[str] = []
    sequences: list[tuple[str, ...]] = []
    prefixes: list[str] = []
    positive = False
    for m in _TOKEN.finditer(text):
        phrase, opening, closing, word = m.groups()
        if opening or closing:
            out.append(opening or closing)
            continue
        negated = False
        if word is not None and word in _OPERATORS:
            out.append(word)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            word, negated = word[1:], True
        if word is not None and word.endswith("*") and _WORD.search(word):
            folded = [w for _, _, w in words(word)]
            # the index holds stems: a prefix is looked for as far as it and its stem agree
            prefix = os.path.commonprefix([folded[-1], stem(folded[-1])])
            term = (_quoted([stem(w) for w in folded[:-1]]) + " + " if len(folded) > 1 else "") + _quoted([prefix]) + " *"
            prefixes.append(prefix)
        else:
            found = [stem(w) for _, _, w in words(phrase if phrase is not None else word)]
            if not found:
                continue  # punctuation alone
            term = _quoted(found)
            if not negated:
                sequences.append(tuple(found))
        if negated:
            out.extend(["NOT", term])
        else:
            out.append(term)
            positive = True
    if not positive:
        raise SearchError(f"{text!r} holds no word to look for")
    if out and out[0] in ("NOT", "AND", "OR"):
        raise SearchError(f"{text!r} cannot begin with {out[0]} (put a word to look for first)")
    return Query(" ".join(out), tuple(dict.fromkeys(sequences)), tuple(prefixes))


def open_index(build: Path) -> sqlite3.Connection:
    path = Path(build) / INDEX
    if not path.exists():
        raise SearchError(f"no search index in {build} (built by a dkg older than search: run dkg build again)")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    return db


def search(build: Path, text: str, limit: int = 20, document: str | None = None) -> list[dict[str, Any]]:
    """Ranked hits (best first; BM25 over the passages) with snippet, provenance and what the
    passage holds."""
    query = parse_query(text)
    db = open_index(build)
    try:
        sql = """SELECT p.*, d.name AS doc, d.date, d.kind AS doc_kind, d.title, d.iri, bm25(passage_terms) AS score
                 FROM passage_terms JOIN passage p ON p.id = passage_terms.rowid JOIN doc d ON d.key = p.key
                 WHERE passage_terms MATCH ?"""
        args: list[Any] = [query.match]
        if document:
            sql += " AND d.name LIKE ?"
            args.append(f"%{document}%")
        sql += ' ORDER BY score, d.name, p.start LIMIT ?'
        args.append(limit)
        try:
            rows = db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise SearchError(f"{text!r} is no query the index understands ({exc})") from None
    finally:
        db.close()
    return [_hit(row, query) for row in rows]


_GROUPS = {"amount": "figures", "percentage": "figures", "quantity": "figures", "commitment": "commitments"}


def _hit(row: sqlite3.Row, query: Query) -> dict[str, Any]:
    text = row["text"]
    matches = query.matches(text)
    inside = json.loads(row["inside"]) if row["inside"] else []
    pick = {kind: [] for kind in ("figures", "entities", "commitments")}
    for kind, quote, value in inside:
        group = _GROUPS.get(kind, "entities")
        pick[group].append(quote if group != "entities" or not value else value)
    return {
        "doc": row["doc"], "date": row["date"], "kind": row["doc_kind"], "where": row["place"], "speaker": row["speaker"],
        "page": row["page"], "start": row["start"], "end": row["end"], "score": round(-row["score"], 4),
        "snippet": snippet(text, matches), "text": text,
        "matches": [[row["start"] + s, row["start"] + e] for s, e in matches],
        **{k: list(dict.fromkeys(v)) for k, v in pick.items()}, "document": row["iri"],
    }  # fmt: skip


def snippet(text: str, matches: list[tuple[int, int]], before: int = 80, after: int = 160) -> str:
    """A window of the passage around its first match, the matched words in **bold**."""
    if not matches:
        return text[: before + after] + ("…" if len(text) > before + after else "")
    lo = max(0, matches[0][0] - before)
    hi = min(len(text), matches[0][1] + after)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    pieces, at = [], lo
    for s, e in matches:
        if s < lo or e > hi:
            continue
        pieces += [text[at:s], "**", text[s:e], "**"]
        at = e
    pieces.append(text[at:hi])
    return ("…" if lo > 0 else "") + "".join(pieces) + ("…" if hi < len(text) else "")
