"""dkg search: full-text search over a build, Dutch-aware, with provenance; the index made by dkg
build and updated in place when documents change."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from extractors.reading import read_file
from graph.cli import main
from graph.folder import current_build
from graph.fulltext import INDEX, SearchError, fold, parse_query, search, terms
from tests.conftest import CORPUS, corpus_file

runner = CliRunner()


def _texts() -> dict[str, str]:
    return {p.name: read_file(p).text for p in sorted(CORPUS.glob("*.txt"))}


def hits(built, query, **kw):
    return search(current_build(built), query, **kw)


# --- normalising ------------------------------------------------------------------------------------


def test_folding_takes_off_diacritics_and_case():
    assert fold("Oekraïne") == "oekraine"
    assert fold("ÉÉN") == "een"
    assert fold("coördinatie") == "coordinatie"


def test_inflected_forms_share_a_stem():
    assert terms("toezeggingen") == terms("toezegging")
    assert terms("investeringen") == terms("investering")
    assert terms("Rapportages") == terms("rapportage")
    assert terms("brieven") == terms("brief")
    assert terms("defensie") != terms("defect")  # a stem is no loose prefix


@given(st.text(alphabet=st.sampled_from("aeiouëïéèáóüncdtrsAEIOUËÏ -,."), max_size=40))
def test_folding_is_idempotent_and_terms_ignore_diacritics_and_case(text):
    assert fold(fold(text)) == fold(text)
    assert terms(text) == terms(fold(text))
    assert terms(text.upper()) == terms(text)


def test_a_query_without_a_word_to_look_for_is_refused():
    for query in ("", "   ", "NOT defensie", "-defensie", "?!", "OR brief"):
        with pytest.raises(SearchError):
            parse_query(query)


def test_queries_are_stemmed_and_quoted_for_the_index():
    q = parse_query('"Stand van Defensie" toezeggingen -Oekraïne')
    assert q.match == '"stand van defensie" "toezeg" NOT "oekraine"'
    assert q.sequences == (("stand", "van", "defensie"), ("toezeg",))


# --- on the bundled corpus ------------------------------------------------------------------------------


def test_a_plural_finds_the_singular_with_its_place(built):
    found = hits(built, "toezeggingen")
    texts = [h["text"] for h in found]
    assert any("toezegging om deze knelpunten jaarlijks te rapporteren" in t for t in texts)
    first = next(h for h in found if "TZ202307-053" in h["text"])
    assert first["doc"].startswith("002_")
    assert "TZ202307-053" in first["entities"]
    assert "**toezegging**" in first["snippet"]


def test_without_diacritics_finds_them(built):
    found = hits(built, "Oekraine", limit=50)
    assert len(found) >= 10
    assert all("oekraine" in fold(h["text"]) for h in found)
    assert any("Oekraïne" in h["text"] for h in found)


def test_a_phrase_keeps_its_word_order(built):
    (hit,) = hits(built, '"19,3 miljard"')
    assert hit["doc"].startswith("001_") and hit["where"] == "X16 answer"
    assert "€ **19,3 miljard** extra" in hit["snippet"]
    assert "€ 19,3 miljard" in hit["figures"]
    assert not hits(built, '"miljard 19,3"')


def test_boolean_queries(built):
    munitie = hits(built, "munitie", limit=100)
    without = hits(built, "munitie NOT Oekraïne", limit=100)
    assert without and len(without) < len(munitie)
    assert all("oekraine" not in fold(h["text"]) for h in without)
    assert hits(built, "munitie -Oekraïne", limit=100) == without
    either = {(h["doc"], h["start"]) for h in hits(built, "PURL OR EMERS", limit=200)}
    purl = {(h["doc"], h["start"]) for h in hits(built, "PURL", limit=200)}
    emers = {(h["doc"], h["start"]) for h in hits(built, "EMERS", limit=200)}
    assert either == purl | emers and purl and emers
    both = {(h["doc"], h["start"]) for h in hits(built, "PURL AND luchtverdediging", limit=200)}
    assert both and both <= purl


def test_a_prefix(built):
    found = hits(built, "toezeg*", limit=100)
    assert any("toegezegd" in h["text"] for h in found)
    assert any("toezegging" in h["text"] for h in found)


def test_every_hit_quotes_its_document_exactly(built):
    texts = _texts()
    for query in ("defensie", '"Stand van Defensie"', "Oekraine OR PURL", "miljard"):
        for h in hits(built, query, limit=40):
            text = texts[h["doc"]]
            assert text[h["start"] : h["end"]] == h["text"]
            for s, e in h["matches"]:
                assert h["start"] <= s < e <= h["end"]
                assert text[s:e].strip() == text[s:e]


def test_hits_are_ranked_best_first_and_the_document_filter_holds(built):
    found = hits(built, "defensie", limit=30)
    assert [h["score"] for h in found] == sorted((h["score"] for h in found), reverse=True)
    assert {h["doc"][:3] for h in hits(built, "defensie", limit=30, document="004_")} == {"004"}


# --- the command -------------------------------------------------------------------------------------------


def test_the_command_prints_hits_as_json_lines(built):
    result = runner.invoke(main, ["search", '"Stand van Defensie" najaar', "--graph", str(built), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all({"doc", "date", "where", "page", "snippet", "start", "end", "figures"} <= r.keys() for r in rows)
    assert all("najaar" in fold(r["text"]) for r in rows)


def test_the_command_says_what_is_wrong(built, tmp_path):
    result = runner.invoke(main, ["search", "(defensie", "--graph", str(built)])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "Traceback" not in result.output
    result = runner.invoke(main, ["search", "NOT defensie", "--graph", str(built)])
    assert result.exit_code == 1 and "Error: " in result.output
    result = runner.invoke(main, ["search", "defensie", "--graph", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no build to search" in result.output
    old = tmp_path / "old"
    shutil.copytree(built, old, symlinks=True)
    (current_build(old) / INDEX).unlink()
    result = runner.invoke(main, ["search", "defensie", "--graph", str(old)])
    assert result.exit_code == 1 and "no search index" in result.output


# --- incremental -------------------------------------------------------------------------------------------


def _passages(out):
    db = sqlite3.connect(current_build(out) / INDEX)
    try:
        return sorted(db.execute('SELECT d.name, p.start, p."end", p.text FROM passage p JOIN doc d USING (key)'))
    finally:
        db.close()


@pytest.mark.parametrize("copy", ["prompt", "slow", "failing"])
def test_a_rebuild_updates_the_index_as_a_fresh_build_would(tmp_path, monkeypatch, copy):
    """The previous index is copied in a thread: whether the copy is in place at once, comes
    after the build has handed over every document (their passages wait), or fails (a new index
    then takes every document), the index equals a fresh build's."""
    import graph.fulltext

    real = shutil.copyfile

    def copyfile(source, target):
        if copy == "failing":
            raise OSError(28, "No space left on device")
        time.sleep(1.5 if copy == "slow" else 0)
        return real(source, target)

    src = tmp_path / "docs"
    src.mkdir()
    for prefix in ("000", "001", "002"):
        shutil.copy(corpus_file(prefix), src)
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(src), "--out", str(out), "--workers", "1"]).exit_code == 0
    assert not hits(out, "Zeppelinvloot")
    changed = corpus_file("001")
    (src / changed.name).write_text(read_file(changed).text + "\nDe Zeppelinvloot wordt uitgebreid.\n", encoding="utf-8")
    (src / corpus_file("002").name).unlink()
    shutil.copy(corpus_file("004"), src)
    monkeypatch.setattr(graph.fulltext.shutil, "copyfile", copyfile)
    result = runner.invoke(main, ["build", str(src), "--out", str(out), "--workers", "1"])
    monkeypatch.undo()
    assert result.exit_code == 0, result.output
    (hit,) = hits(out, "zeppelinvloot")
    assert hit["doc"] == changed.name and hit["text"] == "De Zeppelinvloot wordt uitgebreid."
    assert not hits(out, "toezeggingen", document="002_")
    assert hits(out, "Oekraïne", document="004_")
    fresh = tmp_path / "fresh"
    assert runner.invoke(main, ["build", str(src), "--out", str(fresh), "--workers", "1"]).exit_code == 0
    assert _passages(out) == _passages(fresh)


def test_an_index_whose_documents_were_all_replaced_gives_the_space_back(tmp_path):
    """A rebuild copies the previous index and applies the changes; when every document changed
    (a new extractor version does that), the space the old passages held is not kept as free pages."""
    from graph.pipeline import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    out = tmp_path / "out"
    build([str(corpus)], out, workers=1)
    fresh_size = (current_build(out) / INDEX).stat().st_size
    for p in corpus.iterdir():
        p.write_text(p.read_text(encoding="utf-8") + "\nEen zin die er later bij kwam.\n", encoding="utf-8")
    build([str(corpus)], out, workers=1)
    db = sqlite3.connect(current_build(out) / INDEX)
    free, pages = (db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
    db.close()
    assert free * 4 <= pages and (current_build(out) / INDEX).stat().st_size < 1.25 * fresh_size
