"""Every named query against its golden result on the corpus (tests/golden/queries, written by
hand with the reason in `_why`), and the query command's errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
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
