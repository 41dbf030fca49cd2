"""The networkx projection, its analyses (golden on the corpus), exports, and the HTML file."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.html import overview, write_html
from graph.network import (
    ego,
    find_nodes,
    most_connected,
    paths,
    questions_per_fractie,
    to_jsonld,
    to_networkx,
    write_gexf,
    write_graphml,
    write_jsonld,
)  # fmt: skip
from graph.sparql import open_store


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("graph")
    assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0
    return out


@pytest.fixture(scope="module")
def g(built):
    return to_networkx(open_store(built))


def test_projection_has_every_kind_of_node(g):
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"document", "question", "claim", "commitment", "programme", "organisation", "reference", "person", "fractie"}
    assert sum(1 for _, d in g.nodes(data=True) if d["type"] == "document") == 5
    assert sum(1 for _, d in g.nodes(data=True) if d["type"] == "question") == 210


def test_ego_graph_around_purl(g):
    (purl,) = find_nodes(g, "PURL")
    around = ego(g, [purl], 1)
    labels = {d["label"] for _, d in around.nodes(data=True)}
    # PURL is named in 004 question 4 and in three paragraphs of 003 (GroenLinks-PvdA, CDA, BBB)
    assert {"PURL", "vraag 4"} <= labels
    assert sum(1 for _, d in around.nodes(data=True) if d["type"] == "question") == 4


def test_figure_focus_finds_its_claim(g):
    (claim,) = find_nodes(g, "19,3 mld")
    assert g.nodes[claim]["label"].startswith("19300000000")
    restating = [a for a, _, k in g.in_edges(claim, keys=True) if k == "restates"]
    assert len(restating) == 1 and g.nodes[restating[0]]["label"].startswith("19000000000")


def test_paths_carry_their_evidence(g):
    (purl,) = find_nodes(g, "PURL")
    (nsatu,) = find_nodes(g, "NSATU")
    found = paths(g, purl, nsatu)
    assert found and all(step["type"] for step in found[0])
    assert any(step["evidence"] and "PURL" in step["evidence"] for step in found[0])


def test_most_connected_programmes(g):
    top = most_connected(g, ("programme",), 3)
    assert top[0][0] == "SVD"  # the Stand van Defensie: named in nearly every answer of 002


def test_questions_per_fractie(built):
    rows = {r["fractie"]: r for r in questions_per_fractie(open_store(built))}
    assert rows["CDA"]["open"] == 15 and rows["Groep Markuszower"]["answered_count"] == 8


def test_exports(g, tmp_path):
    write_graphml(g, tmp_path / "g.graphml")
    write_gexf(g, tmp_path / "g.gexf")
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == g.number_of_nodes()
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == g.number_of_nodes()
    doc = to_jsonld(g)
    assert doc["@context"]["label"].endswith("#label") and len(doc["@graph"]) == g.number_of_nodes()
    write_jsonld(g, tmp_path / "g.jsonld")
    assert json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8")) == doc


def test_overview_is_a_map_not_a_hairball(g):
    view = overview(g)
    assert view.number_of_nodes() <= 300
    assert not any(d["type"] == "question" for _, d in view.nodes(data=True))  # folded into documents
    assert sum(1 for _, d in view.nodes(data=True) if d["type"] == "document") == 5


def test_html_is_self_contained_and_escapes_document_text(tmp_path):
    hostile = nx.MultiDiGraph()
    hostile.add_node("a", type="programme", label="PURL", quote="<script>alert(1)</script> & <img src=x onerror=alert(2)>")
    hostile.add_node("b", type="document", label="</script><script>alert(3)</script>")
    hostile.add_edge("a", "b", key="mentions", type="mentions", evidence="<b>x</b>")
    html = write_html(hostile, tmp_path / "x.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert not re.search(r"""(?:src|href)=["']?https?://""", html)
    assert "default-src 'none'" in html  # the page may not fetch anything


def test_html_command(built, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["html", "--graph", str(built), "--focus", "PURL", "-o", str(tmp_path / "purl.html")])
    assert result.exit_code == 0 and (tmp_path / "purl.html").stat().st_size > 100_000
    unknown = runner.invoke(main, ["html", "--graph", str(built), "--focus", "Atlantis", "-o", str(tmp_path / "x.html")])
    assert unknown.exit_code == 1 and "nothing in" in unknown.stderr
    kinds = runner.invoke(main, ["html", "--graph", str(built), "--kinds", "spaceship", "-o", str(tmp_path / "y.html")])
    assert kinds.exit_code == 2


def test_projection_in_json_is_deterministic(built):
    a = json.dumps(to_jsonld(to_networkx(open_store(built))), sort_keys=True)
    b = json.dumps(to_jsonld(to_networkx(open_store(built))), sort_keys=True)
    assert a == b


def test_html_focus_finds_every_term_trace_finds(built):
    """A figure without a known subject (a claim of its own document only), a promised report and
    an entity: what `dkg trace` finds, the view can centre on."""
    from graph.network import focus_nodes
    from graph.trace import parse_term, trace

    store = open_store(built)
    claims = [json.loads(line) for line in (built / "current" / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    local = [c for c in claims if "/claim/local-" in c["id"]]
    assert local  # the corpus has figures that no subject joins
    terms = [c["mentions"][0]["text"] for c in local[:15]] + ["€9,5 miljard", "Stand van Defensie voorjaar 2026", "PURL"]
    for term in terms:
        parsed = parse_term(term, store)
        if parsed is None or not trace(store, parsed):
            continue
        g = to_networkx(store)
        centre = focus_nodes(g, store, term)
        assert centre, term
        view = ego(g, centre, 1)
        kinds = {d["type"] for _, d in view.nodes(data=True)}
        assert kinds & {"claim", "commitment", "programme", "organisation", "reference"}, term
    g = to_networkx(store)
    (claim,) = [n for n in focus_nodes(g, store, "€9,5 miljard") if "/claim/local-" in n]
    assert g.nodes[claim]["value"] == 9_500_000_000 and g.nodes[claim]["doc"].startswith("00")
    assert any(d["type"] == "document" for _, d in ego(g, [claim], 1).nodes(data=True))
    args = ["html", "--graph", str(built), "--focus", "€9,5 miljard", "-o", str(built.parent / "f.html")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_the_overview_is_made_by_the_build(built, tmp_path):
    """The most mentioned things and the documents that mention them, with their edges and a
    passage as evidence, written by dkg build and drawn without reading the store."""
    from graph.folder import current_build
    from graph.overview import DOCUMENTS, THINGS, read_overview

    g = read_overview(current_build(built))
    kinds = {d["type"] for _, d in g.nodes(data=True)}
    assert {"document", "programme", "organisation", "fractie"} <= kinds
    assert g.number_of_nodes() <= THINGS + DOCUMENTS and g.number_of_edges() > 50
    purl = "https://w3id.org/dkg/id/entity/purl"
    assert g.nodes[purl]["label"] == "PURL" and g.nodes[purl]["documents"] == 2  # the two reports that name it
    assert {g.nodes[d]["label"][:3] for d, _ in g.in_edges(purl)} == {"003", "004"}
    assert all("PURL" in e["evidence"] for *_, e in g.in_edges(purl, data=True))
    out = tmp_path / "o.html"
    done = CliRunner().invoke(main, ["html", "--graph", str(built), "-o", str(out), "--kinds", "document,programme"])
    assert done.exit_code == 0 and " 0 edges" not in done.output, done.output
