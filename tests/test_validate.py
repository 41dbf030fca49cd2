"""SHACL: the example graphs and the corpus graph, through the library and the CLI."""

from __future__ import annotations

from importlib.resources import files

from click.testing import CliRunner
from rdflib import Graph

from graph import folder
from graph.build import build_graph
from graph.cli import main
from graph.validate import validate

EXAMPLES = files("ontology").joinpath("examples")


def test_valid_example_conforms():
    conforms, report = validate(Graph().parse(str(EXAMPLES.joinpath("valid.ttl"))))
    assert conforms, report


def test_invalid_example_fails_for_the_stated_reasons():
    conforms, report = validate(Graph().parse(str(EXAMPLES.joinpath("invalid.ttl"))))
    assert not conforms
    for reason in ("contentHash", "chamber", "answered", "exact", "lessThanOrEquals"):
        assert reason in report, reason


def test_corpus_graph_conforms(docs):
    conforms, report = validate(build_graph(docs.values()))
    assert conforms, report[:2000]


def test_validate_command(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", "--out", str(out)]).exit_code == 0
    ok = runner.invoke(main, ["validate", "--graph", str(out)])
    assert ok.exit_code == 0 and "conforms to the shapes" in ok.stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "graph.ttl").write_text(EXAMPLES.joinpath("invalid.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    failed = runner.invoke(main, ["validate", "--graph", str(bad)])
    assert failed.exit_code == 1 and "does not conform to the shapes" in failed.stderr
    missing = runner.invoke(main, ["validate", "--graph", str(tmp_path / "nothing")])
    assert missing.exit_code == 1 and "no graph here" in missing.stderr


def test_validate_a_build_without_graph_ttl_reads_its_store(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", "--no-export", "--out", str(out)]).exit_code == 0
    assert not (out / "graph.ttl").exists()
    ok = runner.invoke(main, ["validate", "--graph", str(out)])
    triples = folder.read_manifest(folder.current_build(out))["triples"]
    assert ok.exit_code == 0 and f"conforms to the shapes ({triples} triples)" in ok.stdout


def test_a_debate_and_a_published_letter_conform(tmp_path):
    """Turns of a debate and the published form of a letter: parts and commitments the shapes know."""
    from tests.test_commitments import DEBATE
    from tests.test_structure import PUBLISHED_LETTER

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "debat.txt").write_text(DEBATE, encoding="utf-8")
    (corpus / "brief.txt").write_text(PUBLISHED_LETTER, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--out", str(out)]).exit_code == 0
    checked = runner.invoke(main, ["validate", "--graph", str(out)])
    assert checked.exit_code == 0, checked.output
