"""Claims and their links across letters, and `dkg trace` (expectations read off the letters)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.build import build_graph
from graph.claims import claim_id, collect_claims
from graph.cli import main
from graph.sparql import named_query, run_query
from graph.trace import parse_term, trace


@pytest.fixture(scope="module")
def claims(docs):
    return collect_claims(docs.values())


def find(claims, subject=None, value=None, doc=None):
    return [
        c for c in claims
        if (subject is None or c.subject_id == subject) and (value is None or c.value == value)
        and (doc is None or any(m.doc.startswith(doc) for m in c.mentions))
    ]  # fmt: skip


def test_circa_19_miljard_restates_19_3_miljard(claims):
    (exact,) = find(claims, "defensie-uitgaven-extra", 19_300_000_000)
    (rounded,) = find(claims, "defensie-uitgaven-extra", 19_000_000_000)
    assert (exact.id, "restates") in rounded.related
    # one claim, stated in both letters: 21 mei (X27 question) and 19 juni (SP7 question)
    assert {m.doc[:3] for m in rounded.mentions} == {"000", "001"}
    assert exact.period == "2035" and exact.mentions[0].speaker == "regering"


def test_end_of_border_controls_moved_from_8_juni_to_30_september(claims):
    (june,) = find(claims, "binnengrenscontroles-einde", "2026-06-08")
    (september,) = find(claims, "binnengrenscontroles-einde", "2026-09-30")
    assert (june.id, "updates") in september.related
    assert june.mentions[0].doc.startswith("001") and september.mentions[0].doc.startswith("000")


def test_same_number_about_another_subject_is_another_claim(claims):
    growth = {c.subject_id for c in claims if c.kind == "percentage" and c.value == 1.5 and "groei" in c.subject}
    norm = {c.subject_id for c in claims if c.kind == "percentage" and c.value == 1.5 and c.subject_id.startswith("navo")}
    assert growth == {"economische-groei"} and norm == {"navo-norm-breed"}
    (patriot,) = find(claims, "patriot-inzet", 19_000_000)
    assert patriot.related == [] and patriot.subject_id != "defensie-uitgaven-extra"
    readiness = {c.subject_id for c in find(claims, value=50, doc="002") if c.kind == "percentage"}
    procurement = {c.subject_id for c in find(claims, value=50, doc="001") if c.kind == "percentage"}
    assert "materiele-gereedheid" in readiness and "europese-inkoop" in procurement
    contracted = {c.subject_id for c in find(claims, value=3_000_000_000, doc="002")}
    support = [c for c in find(claims, value=3_000_000_000, doc="004")]
    assert contracted == {"contractering-nl-industrie"}
    assert [(c.subject_id, c.unit) for c in support] == [("oekraine-steun", "EUR/jaar")]
    assert not {x for c in support for x, _ in c.related} & {c.id for c in find(claims, value=3_000_000_000, doc="002")}


def test_rounded_percentage_restates_the_precise_one(claims):
    (precise,) = find(claims, "contractering-nl-industrie", 21.42)
    (rounded,) = find(claims, "contractering-nl-industrie", 21)
    assert (precise.id, "restates") in rounded.related


def test_claim_ids_come_from_content():
    a = claim_id("navo-norm-defensie", "percentage", 3.5, "%", "2035")
    assert a == claim_id("navo-norm-defensie", "percentage", 3.5, "%", "2035")
    assert a.startswith("https://w3id.org/dkg/id/claim/navo-norm-defensie/")
    assert a != claim_id("navo-norm-defensie", "percentage", 3.5, "%", None)


def _store(docs):
    import pyoxigraph as ox

    from graph.store import to_turtle

    store = ox.Store()
    store.load(to_turtle(build_graph(docs.values())).encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return store


def test_trace_19_3_mld_shows_both_letters_oldest_first(docs):
    g = _store(docs)
    rows = trace(g, parse_term("19,3 mld", g))
    assert [(r["date"], r["doc"][:3], r["text"], r["relation"]) for r in rows] == [
        ("2026-05-21", "001", "€ 19,3 miljard", "first stated"),
        ("2026-05-21", "001", "€19 miljard", "questioned"),
        ("2026-05-21", "001", "19 miljard", "questioned"),
        ("2026-06-19", "000", "€19 miljard", "questioned"),
    ]
    assert rows[0]["where"] == "X16 answer" and "NAVO-afpraak" in rows[0]["context"]


def test_trace_an_entity_and_a_reference(docs):
    g = _store(docs)
    purl = trace(g, parse_term("PURL", g))
    assert {r["doc"][:3] for r in purl} == {"003", "004"}
    assert "Prioritised Ukraine Requirements List" in {r["text"] for r in purl}
    ref = trace(g, parse_term("36800-X-3", g))
    assert [r["text"] for r in ref] == ["Kamerstuk 36 800 X, nr. 3", "Kamerstuk 36 800 X, nr. 3"]


def test_a_term_finds_the_nodes_labelled_with_it_in_any_case(docs):
    from graph.trace import _targets_for

    g = _store(docs)
    labels = [r["label"].value for r in g.query("""SELECT DISTINCT ?label WHERE {
        ?n <http://www.w3.org/2004/02/skos/core#notation>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?label
        FILTER(isIRI(?n)) }""")]
    assert len(labels) > 20
    for label in labels:  # as printed, in capitals, in small letters: the same nodes as comparing every label
        scanned = {r["node"] for r in run_query(g, named_query("labelled").text, {"text": label}, {"text": "string"})[1]}
        for written in (label, label.upper(), label.lower()):
            assert set(_targets_for(g, "entity", written).targets) == scanned
    assert _targets_for(g, "entity", "pUrL").targets == ("https://w3id.org/dkg/id/entity/purl",)  # another mix: compared
    assert _targets_for(g, "entity", "Nergens Genoemd Programma") is None


def test_claims_and_trace_commands(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", "--out", str(out)]).exit_code == 0
    result = runner.invoke(main, ["claims", "--graph", str(out), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(set(r) == {"id", "subject", "kind", "value", "unit", "period", "mentions", "related"} for r in rows)
    for r in rows:
        for m in r["mentions"]:
            assert set(m) == {"doc", "start", "end", "text"}
    traced = runner.invoke(main, ["trace", "19,3 mld", "--graph", str(out), "--format", "json"])
    assert traced.exit_code == 0
    assert [r["doc"][:3] for r in json.loads(traced.stdout)] == ["001", "001", "001", "000"]
    unknown = runner.invoke(main, ["trace", "Atlantis", "--graph", str(out)])
    assert unknown.exit_code == 1 and "no figure, reference or entity known" in unknown.stderr
    missing = runner.invoke(main, ["claims", "--graph", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "no graph here" in missing.stderr


# --- a subject named before the figure's sentence (cases of our own) -----------------------------


def _subjects_of(text: str, date: str = "2026-05-21") -> list[tuple[str, str | None]]:
    from dataclasses import replace

    from extractors.locate import situate
    from extractors.parse import parse_document
    from extractors.reading import SourceText
    from extractors.registry import extract_mentions
    from graph.claims import claim_rows

    doc = replace(parse_document(SourceText("t.txt", "t.txt", text, "utf-8")), date=date)
    rows = claim_rows(doc, situate(doc, extract_mentions(doc)))
    return [(r.text, None if r.subject_id.startswith("local-") else r.subject_id) for r in rows if r.kind != "date"]


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # an anaphor points to the sentence before
        ("Nederland vergroot de steun aan Oekraïne. Dit bedrag van € 2 miljard komt bovenop eerdere toezeggingen.\n",
         "€ 2 miljard", "oekraine-steun"),
        ("We willen meer materieel samen met Europese partners inkopen. Hiervoor geldt een streefwaarde van 35%.\n",
         "35%", "europese-inkoop"),
        # the answer to a question that names the same number
        ("Vragen en antwoorden\n\n1 Waarvoor is de 250 miljoen euro liquiditeitssteun bedoeld?\n\n"
         "De 250 miljoen euro is bedoeld voor acute tekorten.\n", "250 miljoen euro", "oekraine-lening"),
        # the heading the paragraph stands under
        ("Geachte voorzitter,\n\nSteun aan Oekraïne\n\nIn 2026 gaat het om € 3,5 miljard.\n", "€ 3,5 miljard", "oekraine-steun"),
        ("Geachte voorzitter,\n\n4.2 Europese inkoop van materieel\n\nDe streefwaarde voor 2030 blijft 35%.\n", "35%",
         "europese-inkoop"),
    ],
)  # fmt: skip
def test_a_subject_named_before_the_figure(text, figure, subject):
    assert (figure, subject) in _subjects_of(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # no anaphor: the sentence before says nothing about this figure
        ("Nederland vergroot de steun aan Oekraïne. De renovatie van de kazerne kost € 2 miljard.\n", "€ 2 miljard"),
        # an anaphor, but the subject stands two sentences back: too far to be sure
        ("Nederland vergroot de steun aan Oekraïne. Er volgt een evaluatie. Dit bedrag van € 2 miljard is voorlopig.\n",
         "€ 2 miljard"),
        # an answer whose question names another number
        ("Vragen en antwoorden\n\n1 Waarvoor is de 250 miljoen euro liquiditeitssteun bedoeld?\n\n"
         "Daarnaast gaat 40 miljoen euro naar opleidingen.\n", "40 miljoen euro"),
        # a heading whose subject is of another kind than the figure (an amount's subject, a percentage)
        ("Geachte voorzitter,\n\nSteun aan Oekraïne\n\nHet aantal militairen groeit met 12%.\n", "12%"),
        # another heading between: the paragraph is under that one
        ("Geachte voorzitter,\n\nSteun aan Oekraïne\n\nDe steun loopt door.\n\nHuisvesting\n\n"
         "De renovatie van de kazerne kost € 2 miljard.\n", "€ 2 miljard"),
        # a heading far above, past other paragraphs
        ("Geachte voorzitter,\n\nSteun aan Oekraïne\n\n" + "Er is veel gebeurd in het afgelopen jaar. " * 40
         + "\n\nDe renovatie van de kazerne kost € 2 miljard.\n", "€ 2 miljard"),
    ],
)  # fmt: skip
def test_no_subject_is_guessed_from_farther_away(text, figure):
    assert (figure, None) in _subjects_of(text)
