"""Every named query against its golden result on the corpus (tests/golden/queries, written by
hand with the reason in `_why`), and the query command's errors."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph.cli import main
from graph.queries import internal_query_names, query_names
from graph.sparql import SparqlError, named_query, open_store, run_query

GOLDEN = Path(__file__).parent / "golden" / "queries"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0
    return out


@pytest.fixture(scope="module")
def store(built):
    return open_store(built)


def test_every_listed_named_query_has_a_golden_result():
    assert {p.stem for p in GOLDEN.glob("*.json")} == set(query_names())


def test_internal_queries_load_by_name_but_are_not_listed():
    internal = set(internal_query_names())
    assert {"claims", "claim_mentions", "labelled", "commitment_links"} <= internal  # dkg trace and claims use them
    assert not internal & set(query_names())
    for name in internal:
        assert named_query(name).text.strip()


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.json")))
def test_named_query_golden(store, name):
    golden = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    nq = named_query(name)
    columns, rows = run_query(store, nq.text, golden["params"], nq.params)
    got = [[row[c] for c in golden["columns"]] for row in rows]
    assert got == golden["rows"]


def test_parameters_are_bound_as_terms_not_pasted(store):
    nq = named_query("documents_citing")
    # a value that would break out of a pasted string literal is just a string that matches nothing
    columns, rows = run_query(store, nq.text, {"number": '36800-X-3" } UNION { ?d ?p ?o'}, nq.params)
    assert rows == []


def test_missing_parameter_and_syntax_error(store):
    nq = named_query("trace_figure")
    with pytest.raises(SparqlError, match="missing parameter"):
        run_query(store, nq.text, {}, nq.params)
    with pytest.raises(SparqlError, match="syntax error"):
        run_query(store, "SELEC ?x", {})


def test_query_command(built, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["query", "--graph", str(built), "--name", "changed_figures", "--format", "json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)[0]["later"] == "2026-09-30"
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/Question> }", encoding="utf-8")
    counted = runner.invoke(main, ["query", str(rq), "--graph", str(built), "--format", "json"])
    assert counted.exit_code == 0 and json.loads(counted.stdout) == [{"n": 210}]
    for args, message in [
        (["SELEC x"], "syntax error"),
        (["--name", "nope"], "unknown named query: nope"),
        (["--name", "trace_figure"], "missing parameter(s): value"),
        ([str(tmp_path / "missing.rq")], "no such query file"),
    ]:
        result = runner.invoke(main, ["query", *args, "--graph", str(built)])
        assert result.exit_code == 1, args
        assert message in result.stderr and "Traceback" not in result.output
    assert runner.invoke(main, ["query", "--graph", str(built)]).exit_code == 2


def test_store_on_disk(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "--store", "oxigraph"]).exit_code == 0
    assert (out / "current" / "store").is_dir()
    columns, rows = run_query(open_store(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {})
    # every triple of graph.ttl once
    assert rows[0]["n"] == len(Graph().parse(out / "graph.ttl"))


PER_QUESTION = """
PREFIX dkg: <https://w3id.org/dkg/def#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?fractie (COUNT(?q) AS ?asked) (SUM(IF(?answered, 1, 0)) AS ?answered_count)
       (SUM(IF(?by_ref, 1, 0)) AS ?by_reference) (SUM(IF(?answered, 0, 1)) AS ?open) WHERE {
  ?q a schema:Question ; dkg:answered ?answered ; dkg:answeredByReferenceOnly ?by_ref .
  OPTIONAL { ?q dkg:askedBy/skos:prefLabel ?named }
  BIND(COALESCE(?named, "(not named)") AS ?fractie)
}
GROUP BY ?fractie
ORDER BY DESC(?open) ?fractie
"""


def test_question_counts_per_document_add_up_to_the_questions_themselves(store):
    # the named query reads each document's counts per fractie; counted question by question,
    # every fractie's numbers are the same
    nq = named_query("open_questions_per_fractie")
    assert run_query(store, nq.text, {}, nq.params) == run_query(store, PER_QUESTION, {})
    columns, rows = run_query(store, "PREFIX dkg: <https://w3id.org/dkg/def#> SELECT (COUNT(*) AS ?n) "
                                     "WHERE { ?t a dkg:QuestionTally }", {})  # fmt: skip
    assert 0 < rows[0]["n"] < 210  # one per document and fractie, not one per question


LETTER = """Kamerbrief over de steun aan Oekraïne

Den Haag, 12 maart 2027

Geachte voorzitter,

Nederland draagt in 2027 € 250 miljoen bij aan het PURL-initiatief van de NAVO. Los daarvan is voor \
het onderhoud van kazernes € 40 miljoen beschikbaar. Via het EDIP komt circa 15 procent van de aanschaf \
uit Europese middelen.

De minister van Defensie,
J. Jansen
"""


@pytest.fixture(scope="module")
def letter_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("letter")
    (root / "brief.txt").write_text(LETTER, encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(root / "brief.txt"), "--out", str(root / "out")]).exit_code == 0
    return open_store(root / "out")


@pytest.mark.parametrize("name, quotes", [
    ("PURL", ["€ 250 miljoen"]),  # the acronym
    ("purl", ["€ 250 miljoen"]),  # in any case
    ("Requirements List", ["€ 250 miljoen"]),  # part of the programme's full name
    ("NAVO", ["€ 250 miljoen"]),  # an organisation named in the same sentence
    ("EDIP", ["15 procent"]),
    ("kazernes", []),  # a word of the sentence, but no programme or organisation
    ("F-35", []),  # a name the letter does not mention
])  # fmt: skip
def test_claims_about_finds_the_figures_stated_beside_a_name_and_no_others(letter_store, name, quotes):
    nq = named_query("claims_about")
    columns, rows = run_query(letter_store, nq.text, {"name": name}, nq.params)
    assert [r["quote"] for r in rows] == quotes


@pytest.mark.parametrize("name", query_names())
def test_rows_sorted_after_the_fact_come_in_the_order_oxigraph_gives(store, name):
    """dkg sorts the rows of a final ORDER BY itself (graph/sparql.py): the same order as Oxigraph's."""
    from graph.sparql import _collect, _execute, _term, split_order

    nq = named_query(name)
    params = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["params"]
    columns, rows = run_query(store, nq.text, params, nq.params)
    terms = {k: _term(v, nq.params.get(k)) for k, v in params.items()}
    oxigraph_columns, by_oxigraph = _collect(_execute(store, nq.text, terms))
    keys = [k for k, _ in split_order(nq.text)[1]]
    assert rows and keys, "a named query whose rows are sorted here"
    assert columns == oxigraph_columns and sorted(map(repr, rows)) == sorted(map(repr, by_oxigraph))
    assert [[r[k] for k in keys] for r in rows] == [[r[k] for k in keys] for r in by_oxigraph]


def test_only_a_final_order_by_of_variables_is_taken_over():
    from graph.sparql import split_order

    text = "SELECT ?a ?b WHERE { ?a <p> ?b }"
    assert split_order(text + " ORDER BY ?b DESC(?a)\n") == (text, [("b", False), ("a", True)])
    assert split_order(text + " order by asc( ?b )") == (text, [("b", False)])
    grouped = "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a <p> ?b } GROUP BY ?a"
    assert split_order(grouped + " ORDER BY DESC(?n) ?a") == (grouped, [("n", True), ("a", False)])
    for kept in (text + " ORDER BY ?b LIMIT 3", text + " ORDER BY STR(?b)", grouped + " HAVING (?n > 1) ORDER BY ?a",
                 "SELECT ?a WHERE { { SELECT ?a WHERE { ?a <p> ?b } ORDER BY ?a } }", text):  # fmt: skip
        assert split_order(kept) == (kept, [])


_XSD = "http://www.w3.org/2001/XMLSchema#"
_KINDS = [
    st.integers(-10**20, 10**20).map(lambda i: ox.Literal(str(i), datatype=ox.NamedNode(_XSD + "integer"))),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(
        lambda d: ox.Literal(str(d), datatype=ox.NamedNode(_XSD + "decimal"))),
    st.sampled_from(["1.5", "2e3", "-0.0", "0.1", "INF"]).map(lambda d: ox.Literal(d, datatype=ox.NamedNode(_XSD + "double"))),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=6).map(ox.Literal),
    st.dates().filter(lambda d: d.year >= 1000).map(lambda d: ox.Literal(d.isoformat(), datatype=ox.NamedNode(_XSD + "date"))),
    st.sampled_from(["a", "b", "ab", "B", "é"]).map(lambda s: ox.NamedNode(f"https://example.org/{s}")),
    st.sampled_from(["true", "false"]).map(lambda b: ox.Literal(b, datatype=ox.NamedNode(_XSD + "boolean"))),
]  # fmt: skip
_ODD = st.sampled_from([ox.Literal("NaN", datatype=ox.NamedNode(_XSD + "double")), ox.Literal("tekst", language="nl"),
                        ox.Literal("2026-01-01+01:00", datatype=ox.NamedNode(_XSD + "date"))])  # fmt: skip
# a column of one kind (sorted here), or of any values (mixtures and odd values are left to Oxigraph)
_COLUMN = st.one_of(*[st.one_of(st.none(), kind) for kind in _KINDS], st.one_of(st.none(), _ODD, *_KINDS))


@settings(max_examples=200, deadline=None)
@given(st.data(), st.booleans(), st.booleans())
def test_sorting_after_the_fact_agrees_with_oxigraph_on_any_values(data, first_desc, second_desc):
    """Whatever the values (numbers, strings, dates, IRIs, booleans, unbound, and mixtures and odd
    values that are left to Oxigraph), the rows come in Oxigraph's order of the sort keys."""
    from graph.sparql import _collect

    a_values, b_values = (st.lists(_COLUMN, min_size=12, max_size=12) for _ in "ab")
    n = data.draw(st.integers(0, 12))
    rows = list(zip(data.draw(a_values)[:n], data.draw(b_values)[:n], strict=True))
    store = ox.Store()
    for i, (a, b) in enumerate(rows):
        s = ox.NamedNode(f"https://example.org/s{i}")
        store.add(ox.Quad(s, ox.NamedNode("https://example.org/row"), ox.Literal("x")))
        for p, v in (("a", a), ("b", b)):
            if v is not None:
                store.add(ox.Quad(s, ox.NamedNode(f"https://example.org/{p}"), v))
    order = f"{'DESC(?a)' if first_desc else '?a'} {'DESC(?b)' if second_desc else '?b'}"
    text = ("SELECT ?s ?a ?b WHERE { ?s <https://example.org/row> ?x OPTIONAL { ?s <https://example.org/a> ?a } "
            "OPTIONAL { ?s <https://example.org/b> ?b } } ORDER BY " + order)  # fmt: skip
    _, ours = run_query(store, text, {})
    _, theirs = _collect(store.query(text))
    assert [repr((r["a"], r["b"])) for r in ours] == [repr((r["a"], r["b"])) for r in theirs]


def test_a_column_of_one_kind_is_sorted_here_and_a_mixed_one_by_oxigraph():
    from graph.sparql import _collect_ordered, _oxigraph_order

    store = ox.Store()
    for i, v in enumerate([ox.Literal("b"), ox.Literal("a"), ox.Literal("3", datatype=ox.NamedNode(_XSD + "integer"))]):
        store.add(ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), ox.NamedNode("https://example.org/p"), v))
    strings = "SELECT ?v WHERE { ?s <https://example.org/p> ?v FILTER(isLiteral(?v) && DATATYPE(?v) = <%sstring>) }"
    assert _collect_ordered(store.query(strings % _XSD), [("v", False)]) == (["v"], [{"v": "a"}, {"v": "b"}])
    mixed = "SELECT ?v WHERE { ?s <https://example.org/p> ?v }"
    assert _collect_ordered(store.query(mixed), [("v", False)]) == (["v"], [{"v": 3}, {"v": "a"}, {"v": "b"}])
    assert _collect_ordered(store.query(mixed), [("v", True)]) == (["v"], [{"v": "b"}, {"v": "a"}, {"v": 3}])
    blank = [[("bnode", "b1", None)], [("literal", "a", _XSD + "string")]]
    assert _oxigraph_order(["v"], blank, [("v", False)]) is None  # not in a VALUES block: run again


def test_answered_by_reference_names_a_number_whose_question_is_not_in_the_document(tmp_path):
    """'Zie het antwoord op vraag 12' in a list of three questions: the analyst still sees what it
    points to (another list, a lost question), as the question's printed number."""
    listing = ("Vraag 1\nIs er geld voor munitie?\n\nAntwoord\nJa, € 1,2 miljard.\n\n"
               "Vraag 2\nWanneer komt de brief?\n\nAntwoord\nZie antwoord op vraag 1.\n\n"
               "Vraag 3\nHoeveel militairen?\n\nAntwoord\nZie het antwoord op vraag 12.\n")  # fmt: skip
    (tmp_path / "lijst.txt").write_text(listing, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "lijst.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    _, rows = run_query(open_store(tmp_path / "out"), named_query("answered_by_reference").text, {})
    assert [(r["number"], r["points_to"]) for r in rows] == [(2, 1), (3, 12)]
