"""Every literal word the extractors look for, found in one Aho-Corasick pass over a text.

Extractors anchor on literals: names from the gazetteers, fractie names, the cue words of
commitments, "Kamerstuk", "http://", "miljard", footnote markers. Searching for each of them
separately costs a scan of the whole text per word; one automaton holding all of them reads the
text once, whatever their number.

A module registers its words under a namespace when it is imported (`register`); `hits(text,
namespace)` gives where they occur in a text. The automaton is built on first use and built again
when a module registers more words later (extractors are imported lazily). The hits of the text
being processed are kept, so the extractors that read one document share one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

import ahocorasick_rs

from extractors.document import per_document

# word -> {namespace: payload}; a word registered twice in one namespace keeps the last payload
_WORDS: dict[str, dict[str, Any]] = {}
_KEPT = 5000  # a text this long is a document, read whole and kept; a shorter one (a heading) is not


def register(namespace: str, words: Iterable[str] | Mapping[str, Any]) -> None:
    """Look for these words (with a payload each, when a mapping) under namespace from now on."""
    pairs = words.items() if isinstance(words, Mapping) else ((w, None) for w in words)
    for word, payload in pairs:
        if word:
            _WORDS.setdefault(word, {})[namespace] = payload
    _automaton.cache_clear()  # built again, with the new words, on the next search
    _all_hits.forget()


def cased(words: Iterable[str]) -> dict[str, str]:
    """The words as written, with a capital (at the start of a sentence) and in capitals (in a
    heading), each mapped to the word as given."""
    out: dict[str, str] = {}
    for w in words:
        for form in (w, w[:1].upper() + w[1:], w.upper()):
            out.setdefault(form, w)
    return out


class _Automaton(NamedTuple):
    search: ahocorasick_rs.AhoCorasick  # all registered words
    namespaces: list[str]
    entries: list[tuple[tuple[int, Any], ...]]  # per word: its (namespace number, payload) pairs


@cache
def _automaton() -> _Automaton:
    namespaces = sorted({ns for entries in _WORDS.values() for ns in entries})
    number = {ns: i for i, ns in enumerate(namespaces)}
    entries = [tuple((number[ns], payload) for ns, payload in per_word.items()) for per_word in _WORDS.values()]
    # a DFA: the fastest search, for an automaton built once per process
    search = ahocorasick_rs.AhoCorasick(list(_WORDS), implementation=ahocorasick_rs.Implementation.DFA)
    return _Automaton(search, namespaces, entries)


def _found(automaton: _Automaton, text: str, wanted: int | None = None) -> list[list[tuple[int, int, Any]]]:
    """Per namespace number (only `wanted`, when given), the hits in text, by start then end."""
    found: list[list[tuple[int, int, Any]]] = [[] for _ in automaton.namespaces]
    entries = automaton.entries
    for word, start, end in automaton.search.find_matches_as_indexes(text, overlapping=True):
        for number, payload in entries[word]:
            if wanted is None or number == wanted:
                found[number].append((start, end, payload))
    for spans in found:
        spans.sort()  # one word per span, so payloads are never compared
    return found


@per_document
def _all_hits(text: str) -> dict[str, list[tuple[int, int, Any]]]:
    """Every namespace's hits in a document's text: one pass, kept while the document is read."""
    if not _WORDS:
        return {}
    automaton = _automaton()
    return dict(zip(automaton.namespaces, _found(automaton, text), strict=True))


def hits(text: str, namespace: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Any]]:
    """Every occurrence of the namespace's words wholly inside text[start:end], as (start, end,
    payload), in order of start (overlapping occurrences included).

    A whole document is read once and kept for the next call; a part of a text, or a short text (a
    heading), is read on its own and not kept, so that it does not cost the document's pass."""
    end = len(text) if end is None else end
    if start > 0 or end < len(text) or len(text) < _KEPT:
        return _window_hits(text, namespace, start, end)
    return _all_hits(text).get(namespace, [])


def _window_hits(text: str, namespace: str, start: int, end: int) -> list[tuple[int, int, Any]]:
    if not _WORDS or end <= start:
        return []
    automaton = _automaton()
    if namespace not in automaton.namespaces:
        return []
    wanted = automaton.namespaces.index(namespace)
    return [(start + s, start + e, payload) for s, e, payload in _found(automaton, text[start:end], wanted)[wanted]]


def positions(text: str, namespace: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where the namespace's words start in text[start:end], in order (a place where two of its
    words start counts once)."""
    return sorted({h[0] for h in hits(text, namespace, start, end)})


def finditer(pattern: re.Pattern, text: str, namespace: str) -> Iterator[re.Match]:
    """pattern.finditer(text), for a pattern that can match only where one of the namespace's
    words begins: tried there only (a pattern that opens with alternatives is otherwise tried at
    every character of the text)."""
    end = 0
    for pos in positions(text, namespace):
        if pos < end:
            continue  # inside the previous match, as finditer goes on after it
        m = pattern.match(text, pos)
        if m:
            end = m.end()
            yield m


def leftmost_longest(found: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping occurrences, from the left, each the longest starting there."""
    out: list[tuple[int, int, Any]] = []
    end = -1
    for h in sorted(found, key=lambda h: (h[0], -h[1])):
        if h[0] >= end:
            out.append(h)
            end = h[1]
    return out
