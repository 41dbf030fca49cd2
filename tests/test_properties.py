"""Property-based tests: reading and question splitting never raise, and spans always slice to
their quotes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.parse import parse_document
from extractors.reading import ReadError, SourceText, decode
from extractors.registry import extract_mentions

# text built from the pieces the real documents are made of, so that the splitter's paths are hit
PIECES = st.sampled_from([
    "\n", "\n\n", "\r\n", "- 1. ", "2. ", "3 ", "Vraag 4\n\n", "Antwoord\n\n", "Zie antwoord op vraag 2.",
    "Wat kost het?", "**", "¹ ", "[1] ", "<sup>1</sup>", "https://x.nl/a", "\t", "€ 19,3 miljard",
    "De leden van de SP-fractie hebben onderstaande vragen gesteld:", "Vragen en antwoorden",
    "Vragen en opmerkingen van de leden van de D66-fractie", "De minister van Defensie,", "Naam Achternaam",
    "Antwoorden op schriftelijke vragen (Kamerstuk 36800-K)", "TER BESLISSING", "# ", "zo vragen de leden",
    "tekst", "Hoe", ".", "?", ":",
    "|---|---|", "| Munitie | 450 |", "Bedragen x € 1 mln", "Antwoord 3 en 4\n", "1)\n", "2) ", "Antwoord van de minister:\n",
    "II Reactie van de staatssecretaris\n", "Reactie op de vragen en opmerkingen van de leden van de VVD-fractie\n",
    "De leden van de VVD-fractie vragen hoeveel", "Tussen de 20 en 30%", "Zie antwoord 7.",
])  # fmt: skip
DOC_TEXT = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=400))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DOC_TEXT)
def test_parsing_never_raises_and_spans_slice(text):
    doc = parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))
    for q in doc.questions:
        assert 0 <= q.span.start <= q.span.end <= len(text)
        if q.answer is not None:
            assert q.span.end <= q.answer.start <= q.answer.end <= len(text)
    for part in doc.parts:
        assert 0 <= part.span.start <= part.span.end <= len(text)
    for m in extract_mentions(doc):
        assert text[m.start : m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_raises_only_read_errors(data):
    try:
        src = decode(data, "x.txt")
    except ReadError as exc:
        assert exc.reason
    else:
        assert src.text.strip()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DOC_TEXT)
def test_the_build_never_emits_a_span_that_does_not_slice_to_its_quote(text):
    from graph.build import build_graph
    from graph.vocab import DKG, OA

    g = build_graph([parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))])
    for selector, exact in g.subject_objects(OA.exact):
        start, end = g.value(selector, OA.start).toPython(), g.value(selector, OA.end).toPython()
        assert text[start:end] == str(exact)
        owner = g.value(predicate=DKG.span, object=selector) or g.value(predicate=DKG.anchor, object=selector)
        assert g.value(owner, DKG.inDocument) is not None


def _plain_sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The definition: after the last . ? ! (with a space) or line break before offset, to just after
    the first one from offset, looking at most 1,500 characters either way."""
    lo, hi = max(0, offset - 1500), min(len(text), offset + 1500)
    marks = (". ", "? ", "! ", "\n")
    start = max(max(text.rfind(mark, lo, offset) for mark in marks), lo - 1)
    ends = [i for i in (text.find(mark, offset, hi) for mark in marks) if i >= 0]
    return start + 1, (min(ends) + 1 if ends else hi)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "b ", ". ", "? ", "!", " ", "\n", "x" * 700, ".\n"]), max_size=40).map("".join), st.data())
def test_sentence_bounds_are_the_plain_definition(text, data):
    from extractors.text import sentence_bounds

    offset = data.draw(st.integers(0, len(text)))
    assert sentence_bounds(text, offset) == _plain_sentence_bounds(text, offset)


def _plain_content_span(line):
    """The definition, with string copies: strip the decoration, measure what is left."""
    from extractors.text import _strip_emphasis_left, _strip_emphasis_right

    text = line.text
    start = len(text) - len(text.lstrip().lstrip(">#").lstrip())
    rest = _strip_emphasis_left(text[start:])
    start += len(text[start:]) - len(rest)
    start += len(rest) - len(rest.lstrip())
    end = len(_strip_emphasis_right(text[: len(text.rstrip())]).rstrip())
    return line.start + start, line.start + max(end, start)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", ">", "#", "*", "**", "_", "__", "a", "b c", "\u00a0"]), max_size=12).map("".join))
def test_content_span_is_the_plain_definition(text):
    from extractors.document import Line
    from extractors.text import content_span

    line = Line(10, 10 + len(text), text, not text.strip())
    assert content_span(line) == _plain_content_span(line)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "-", "–", "**", "*", "#", "Vraag", "vraag", " 12", "3.", "4 ", "Antwoorden op",
                                 "Lijst van", "Vragen en antwoorden", "De leden van", "IV. ", "Reactie", "TER BESLISSING",
                                 "Aan", " de minister", "x", "A"]), max_size=8).map("".join))  # fmt: skip
def test_the_first_letter_tests_never_hide_a_question_or_a_heading(line):
    from extractors import questions as Q
    from extractors.text import strip_decoration

    first = Q._first_char(line)
    if Q._VRAAG.match(line):
        assert first in "Vv*"
    if Q._NUMBERED.match(line):
        assert first in "-–*" or first.isdigit()
    s = strip_decoration(line)
    headings = (Q._CHAPTER, Q._QA_LIST, Q._FRACTIE_HEADING, Q._FRACTIE_INTRO, Q._ANSWER_SECTION)
    if any(p.match(s) for p in headings) or Q._MEMO.match(line) or line.lstrip().startswith("Aan"):
        assert s[:1].upper() in Q._HEADING_INITIALS


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "(", "http://x", "/", "y" * 120]), max_size=12).map("".join), st.data())
def test_token_start_is_the_plain_definition(text, data):
    from extractors.text import token_start

    pos = data.draw(st.integers(0, len(text)))
    lo = max(0, pos - 300)
    plain = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), text.rfind("(", lo, pos)) + 1
    assert token_start(text, pos) == plain


def test_a_lowered_pattern_keeps_its_groups_and_refuses_what_lowering_would_change():
    import re

    import pytest

    from extractors.text import lowered_pattern

    p = lowered_pattern(re.compile(r"^\s*Datum\s+(?P<d>\d{1,2}\s+\w+)", re.I | re.M))
    assert p.search("x\nDATUM 21 Mei".lower())["d"] == "21 mei"
    with pytest.raises(AssertionError):
        lowered_pattern(re.compile(r"\S+", re.I))  # \S would become \s
    with pytest.raises(AssertionError):
        lowered_pattern(re.compile(r"datum"))  # not case-insensitive: nothing to lower


# pieces of a text in which a head noun names a programme in quotes, and near-misses: a head
# inside a longer word, no quote, a name in lower case, a quote never closed, a second head inside
QUOTED_PIECES = st.sampled_from([
    "programma ", "Programma ", "het project ", "Actieplan ", "actieplan", "werkplan ", "de operatie ", "Fondsen ",
    "«", "»", "'", "‘", "’", '"', "“", "”", "Veilig Thuis", "Snelle Inzet", "klein", "Plan ", "\n", " ", "x" * 70,
    "agenda", "Agenda ", "-",
])  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(QUOTED_PIECES, max_size=30).map("".join))
def test_quoted_names_are_the_pattern_tried_everywhere(text):
    """Trying the pattern only where a head noun begins finds what trying it at every character does."""
    from extractors import literals
    from extractors.named_things import _QUOTED

    plain = [(m.start("name"), m.end("name"), m["name"]) for m in _QUOTED.finditer(text)]
    assert [(m.start("name"), m.end("name"), m["name"]) for m in literals.finditer(_QUOTED, text, "quoted_heads")] == plain


OCCURRENCE_PIECES = st.sampled_from(["NAVO", "NAVO-top", "de NAVO", "NAVOs", "xNAVO", "_NAVO", " ", "\n", "-", "é",
                                     "Noord-Atlantische Verdragsorganisatie", "Verdragsorganisatie"])  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(OCCURRENCE_PIECES, max_size=20).map("".join))
def test_whole_word_occurrences_are_the_plain_pattern(text):
    """str.find with the boundary tests finds what the look-around pattern finds."""
    import re

    from extractors.entities import _occurrences

    forms = ("NAVO", "Noord-Atlantische Verdragsorganisatie")
    plain = {(m.start(), m.end()) for f in forms for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text)}
    assert _occurrences(text, forms) == sorted(plain, key=lambda x: (x[0], -x[1]))
