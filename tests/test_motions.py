"""Motions as documents of their own: number, date, submitters, the Kamer's considerations and its
request (never a commitment); and a later document that names a motion by its submitter linked to
it. The real published motion, and motions and letters written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.commitments import commitment_mentions
from extractors.motions import request_addressee
from extractors.parse import parse_document
from extractors.reading import SourceText, read_file
from graph.cli import main
from graph.sparql import open_store, run_query

runner = CliRunner()
PUBLISHED = Path(__file__).parent / "data" / "motie-21501-02-3121.pdf"

MOTION = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026

36 800 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2026

Nr. {nr} MOTIE VAN DE LEDEN {names}

Voorgesteld {date}

De Kamer,

gehoord de beraadslaging,

constaterende dat de wachtlijst voor de keuring van nieuwe rekruten is opgelopen tot vier maanden;

overwegende dat kandidaten in die tijd afhaken; van mening dat dit de groei van de krijgsmacht remt;

verzoekt de regering de keuring binnen zes weken af te ronden en de Kamer daarover voor de zomer te informeren,

en gaat over tot de orde van de dag.

{signed}
"""

LETTER = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026

36 800 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2026

Nr. {nr} BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, {date}

{body}

De staatssecretaris van Defensie,
A. van Lint
"""


def _doc(text: str, name: str = "m.txt"):
    return parse_document(SourceText(name, name, text, "utf-8"))


def test_the_published_motion_has_its_number_date_submitter_considerations_and_request():
    doc = parse_document(read_file(PUBLISHED))
    assert (doc.kind, doc.official_number, doc.date) == ("motie", "21501-02-3121", "2025-04-10")
    assert doc.title == "MOTIE VAN HET LID CEDER"
    kinds = [p.kind for p in doc.parts]
    assert kinds == ["preamble", "consideration", "consideration", "consideration", "consideration", "request", "signatures"]
    considerations = [p.span.quote(doc.text) for p in doc.parts if p.kind == "consideration"]
    assert considerations[0] == "gehoord de beraadslaging"
    assert considerations[1].startswith("constaterende dat Israël") and considerations[1].endswith("Rafah wil ontruimen")
    assert considerations[3].startswith("overwegende dat een actieve en eensgezinde rol van de EU")
    (request,) = [p.span.quote(doc.text) for p in doc.parts if p.kind == "request"]
    assert request.startswith("verzoekt de regering Israël op te roepen") and request.endswith("orde van de dag.")
    assert request_addressee(request) == "de regering"
    assert commitment_mentions(doc) == []  # the Kamer asks; the government promises nothing here


def test_a_motion_in_other_words_with_two_submitters():
    doc = _doc(MOTION.format(nr=140, names="VAN DEN BERG EN EL-HADDOUCHI", date="12 maart 2026",
                             signed="Van den Berg\nEl-Haddouchi"))  # fmt: skip
    assert (doc.kind, doc.official_number, doc.date) == ("motie", "36800-X-140", "2026-03-12")
    parts = [(p.kind, p.title) for p in doc.parts]
    assert parts == [("preamble", ""), ("consideration", "gehoord"), ("consideration", "constaterende"),
                     ("consideration", "overwegende"), ("consideration", "van"), ("request", "verzoekt"),
                     ("signatures", "")]  # fmt: skip
    # "voor de zomer te informeren" in the Kamer's request is no promise of the government
    assert commitment_mentions(doc) == []


def test_a_comma_inside_a_consideration_starts_no_clause():
    doc = _doc(MOTION.format(nr=141, names="JANSEN EN DE VRIES", date="12 maart 2026", signed="Jansen\nDe Vries")
               .replace("opgelopen tot vier maanden;", "opgelopen, volgende week oplopend tot vier maanden;"))  # fmt: skip
    considerations = [p.span.quote(doc.text) for p in doc.parts if p.kind == "consideration"]
    assert any("opgelopen, volgende week oplopend" in c for c in considerations)


def test_no_dictum_no_motion_structure():
    text = MOTION.format(nr=142, names="JANSEN EN DE VRIES", date="12 maart 2026", signed="Jansen")
    doc = _doc(text.replace("verzoekt de regering", "en de regering zou"))
    assert "request" not in [p.kind for p in doc.parts]


@pytest.fixture(scope="module")
def motions_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("motions")
    docs = root / "docs"
    docs.mkdir()
    files = {
        "motie-kramers.txt": MOTION.format(nr=121, names="KRAMERS EN DE WIT-AYDIN", date="10 februari 2026",
                                           signed="Kramers\nDe Wit-Aydin"),
        "motie-jansen-1.txt": MOTION.format(nr=122, names="JANSEN EN BOS", date="10 februari 2026", signed="Jansen\nBos"),
        "motie-jansen-2.txt": MOTION.format(nr=123, names="JANSEN EN SMIT", date="11 februari 2026", signed="Jansen\nSmit"),
        "brief-april.txt": LETTER.format(nr=130, date="2 april 2026", body=(
            "Met deze brief geef ik uitvoering aan de motie van het lid Kramers c.s. over de keuring van rekruten. "
            "Ook de motie-Jansen vraagt om snellere keuringen.")),
        "brief-januari.txt": LETTER.format(nr=110, date="5 januari 2026", body=(
            "De motie-Kramers over de keuring van rekruten uit 2024 is uitgevoerd.")),
    }  # fmt: skip
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    out = root / "out"
    done = runner.invoke(main, ["build", str(docs), "--out", str(out), "--workers", "1"])
    assert done.exit_code == 0, done.output
    return out


def _rows(out, query):
    return run_query(open_store(out), "PREFIX dkg: <https://w3id.org/dkg/def#>\nPREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
                     "PREFIX schema: <https://schema.org/>\n" + query, {})[1]  # fmt: skip


def test_a_motion_named_by_its_submitter_is_linked_when_only_one_can_be_meant(motions_build):
    links = _rows(motions_build, """SELECT ?file ?motion WHERE { ?m dkg:refersToMotion ?motion ; dkg:inDocument ?d .
                                     ?d dkg:fileName ?file }""")  # fmt: skip
    # the April letter names Kramers's motion; the two Jansen motions leave "motie-Jansen" open; the
    # January letter is older than the motion of 10 February, so it means another one
    assert [(r["file"], r["motion"]) for r in links] == [
        ("brief-april.txt", "https://w3id.org/dkg/id/kamerstuk/36800-X/121")
    ]
    cites = _rows(motions_build, "SELECT ?d WHERE { ?d eli:cites <https://w3id.org/dkg/id/kamerstuk/36800-X/121> }")
    assert len(cites) == 1


def test_a_motions_request_and_submitters_in_the_graph(motions_build):
    motion = "<https://w3id.org/dkg/id/kamerstuk/36800-X/121>"
    rows = _rows(motions_build, f"""SELECT ?of ?text WHERE {{ ?r a dkg:Request ; dkg:requestedOf ?of ;
                                    dkg:span/<http://www.w3.org/ns/oa#exact> ?text ; ^dkg:hasPart {motion} }}""")  # fmt: skip
    assert [r["of"] for r in rows] == ["de regering"] and rows[0]["text"].startswith("verzoekt de regering de keuring")
    names = _rows(motions_build, f"SELECT ?name WHERE {{ {motion} dkg:submittedBy/schema:name ?name }} ORDER BY ?name")
    assert [r["name"] for r in names] == ["De Wit-Aydin", "Kramers"]
    assert runner.invoke(main, ["validate", "--graph", str(motions_build)]).exit_code == 0
    commitments = runner.invoke(main, ["commitments", "--graph", str(motions_build), "--format", "jsonl"]).output
    assert "keuring binnen zes weken" not in commitments  # the Kamer's request


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Met deze brief geef ik uitvoering aan de motie van het lid Kramers c.s. over de keuring.", ["Kramers"]),
        ("Zoals gevraagd in de motie van de leden Van der Lee en De Wit-Aydin (36 800 X, nr. 9).",
         ["Van der Lee", "De Wit-Aydin"]),
        ("De moties Timmermans en Yesilgöz-Zegerius zijn aangenomen.", ["Timmermans", "Yesilgöz-Zegerius"]),
        ("Ook de motie-Piri c.s. vraagt daarom.", ["Piri"]),
        ("De motie over de keuring is aangenomen.", []),  # no name: no submitter
        ("Dit staat in de motie Defensie van het vorige jaar.", []),  # a capitalised word that names no member
    ],
)  # fmt: skip
def test_a_motion_named_by_its_submitters(text, names):
    from extractors.references import motion_submitters

    assert [name for _, _, name in motion_submitters(text, 0, len(text))] == names
