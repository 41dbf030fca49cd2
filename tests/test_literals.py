"""The shared pass over every literal: it must find what a plain search for each word finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import literals

WORDS = ("nr", "-", "motie", "Motie", "Kamerstuk", "http://", "https://", "www.", "ab", "abc", "bc")


def _plain(text: str, words, start: int, end: int) -> list[int]:
    found = set()
    for w in words:
        pos = text.find(w, start, end)
        while pos >= 0:
            found.add(pos)
            pos = text.find(w, pos + 1, end)
    return sorted(found)


literals.register("test words", WORDS)

TEXT = st.lists(st.sampled_from([*WORDS, " ", "x", "é", "€", "\n"]), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_positions_are_those_of_a_plain_search(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert literals.positions(text, "test words", start, end) == _plain(text, WORDS, start, end)


def test_a_document_is_read_once_and_a_heading_does_not_evict_it():
    doc = "Kamerstuk 36 800 X, nr. 3 " * 400  # long enough to be kept
    first = literals.hits(doc, "test words")
    literals.hits("Kamerstuk in een kop", "test words")
    assert literals.hits(doc, "test words") is first
    # "Kamerstuk" at 26-35 crosses the end of the window: not in it
    assert literals.hits(doc, "test words", 10, 30) == [(20, 22, None)]


def test_cased_forms_point_to_the_word_as_given():
    assert literals.cased(["informeren"]) == {"informeren": "informeren", "Informeren": "informeren", "INFORMEREN": "informeren"}


def test_leftmost_longest_keeps_the_longest_at_each_start_and_skips_overlaps():
    found = [(0, 2, "ab"), (0, 3, "abc"), (1, 3, "bc"), (3, 5, "de")]
    assert literals.leftmost_longest(found) == [(0, 3, "abc"), (3, 5, "de")]
