"""Commitments: extraction on the corpus, a case for each due-date phrase, and following them
across letters (expectations read off the letters by hand)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extractors.commitments import commitment_mentions
from extractors.parse import parse_document
from extractors.reading import SourceText
from graph.cli import main
from graph.commitments import CommitmentCollector, end_of, vehicle_name


def doc_of(text: str, date: str = "2026-05-21"):
    from dataclasses import replace

    body = f"Vragen en antwoorden\n\n1 Wat gaat u doen?\n\n{text}\n"
    return replace(parse_document(SourceText("t.txt", "t.txt", body, "utf-8")), date=date)


def one(text: str, date: str = "2026-05-21"):
    found = commitment_mentions(doc_of(text, date))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "type_", "vehicle", "due_from", "due_until"),
    [
        ("In de Defensienota 2026, die voor de zomer verschijnt, gaat het kabinet in op de doelen.",
         "toezegging", "Defensienota 2026", "2026-05-21", "2026-06"),
        ("In Q2 wordt u via de STRAIIK-D geïnformeerd over de stappen die we in 2026 gaan zetten.",
         "toezegging", "STRAIIK-D", "2026-04", "2026-06"),
        ("Naar verwachting zal dit kader na de zomer worden verankerd in het besluit.", "plan", None, "2026-09", "2026-12"),
        ("De Kamer zal later in het jaar over de resultaten worden geïnformeerd.", "toezegging", None, "2026-05-21", "2026-12"),
        ("Het Jaarverslag 2025, dat binnenkort bij uw Kamer wordt aangeboden, geeft inzicht.", "toezegging", "Jaarverslag 2025",
         "2026-05-21", None),
        ("Defensie streeft ernaar de cijfers gereed te hebben voor de Stand van Defensie in het najaar van 2026.",
         "target", "Stand van Defensie", "2026-09", "2026-11"),
        ("Deze krijgsmacht moet uiterlijk in 2030 zijn gevuld met ongeveer 100.000 mensen.", "target", None, None, "2030"),
        ("Het kabinet heeft zich gecommitteerd aan de afspraak om vanaf 2035 structureel 3,5% uit te geven.",
         "target", None, "2035", "2035"),
        ("Wij gaan namelijk graag het gesprek met u aan, voor het zomerreces.", "toezegging", None, "2026-05-21", "2026-07"),
    ],
)  # fmt: skip
def test_due_phrases(text, type_, vehicle, due_from, due_until):
    m = one(text)
    assert (m.fields["type"], m.fields["vehicle"], m.fields["due_from"], m.fields["due_until"]) == (
        type_, vehicle, due_from, due_until,
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Uw Kamer wordt in de Stand van Defensie tot op heden geïnformeerd over het percentage.",  # current practice
        "Defensie streeft naar kwaliteit op alle functies.",  # an intention without a measure
        "Nederland heeft zich nog niet gecommitteerd aan deelname aan een MDM.",  # a negation
        "Het kabinet rapporteert in begrotingsrapportages periodiek over de eigen NAVO-uitgaven.",  # habitual
    ],
)
def test_not_commitments(text):
    assert commitment_mentions(doc_of(text)) == []


def test_questions_are_never_commitments(docs):
    assert commitment_mentions(docs["003"]) == []  # a report of questions only


def test_vehicle_names():
    assert vehicle_name("SVD", "voorjaar 2026", "2026-05") == ("Stand van Defensie voorjaar 2026", "Stand van Defensie")
    assert vehicle_name("Defensienota", "voor de zomer", "2026-06") == ("Defensienota 2026", "Defensienota")
    assert end_of("2026-06") == "2026-06-30" and end_of("2026") == "2026-12-31"


@pytest.fixture(scope="module")
def followed(docs):
    collector = CommitmentCollector()
    for prefix in ("002", "004", "001", "000", "003"):
        collector.add(docs[prefix])
    return collector.finish()


def test_repeated_commitment_is_one_node(followed):
    nota = [c for c in followed if c.vehicle == "Defensienota 2026" and c.due_until == "2026-06"]
    assert len(nota) == 1 and len(nota[0].mentions) >= 3  # X1, X20, X30 answers of the 21 mei letter


def test_moved_from_voorjaar_to_najaar(followed):
    (spring,) = [c for c in followed if c.vehicle == "Stand van Defensie voorjaar 2026"]
    (autumn,) = [c for c in followed if c.vehicle == "Stand van Defensie najaar 2026"]
    assert spring.moved_to == [autumn.id]
    assert spring.status("2026-11-23") == "moved" and autumn.status("2026-11-23") == "open"


def test_chased_by_a_later_question(followed):
    (law,) = [c for c in followed if "3,5% wettelijk te verankeren" in c.mentions[0].text]
    assert any("wettelijk" in text and "Wet financiële defensieverplichtingen" in text for _, text in law.chased_by)


def test_commitments_command_lists_overdue_with_evidence(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", "--out", str(out)]).exit_code == 0
    result = runner.invoke(main, ["commitments", "--graph", str(out), "--as-of", "2026-11-23", "--status", "overdue",
                                  "--format", "jsonl"])  # fmt: skip
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["status"] == "overdue" for r in rows)
    nota = [r for r in rows if r["vehicle"] == "Defensienota 2026"]
    assert nota and all(r["due_until"] <= "2026-07" for r in nota)
    assert all("before 2026-11-23" in r["evidence"] for r in rows)
    assert not [r for r in rows if r["vehicle"] == "Stand van Defensie najaar 2026"]  # due end of November
    bad = runner.invoke(main, ["commitments", "--graph", str(out), "--as-of", "23-11-2026"])
    assert bad.exit_code == 2 and "expected a date as YYYY-MM-DD" in bad.output


def test_trace_a_commitment_shows_where_it_moved_from(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", "--out", str(out)]).exit_code == 0
    result = runner.invoke(main, ["trace", "Stand van Defensie najaar 2026", "--graph", str(out), "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["doc"][:3], r["relation"]) for r in rows][:3] == [
        ("002", "moved from"),
        ("002", "moved from"),
        ("001", "first mentioned"),
    ]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


# --- sentences are found around the cue words alone: they must be the sentences of a full split ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extractors.commitments import _abbreviation_before, _sentence_at  # noqa: E402


def _all_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The reference: split the whole stretch, as one reads it."""
    import re

    out, pos = [], start
    for m in re.finditer(r"[.?!](?=\s)|\n", text[start:end]):
        stop = start + m.end()
        if text[stop - 1] == "." and _abbreviation_before(text, stop - 1):
            continue
        s = pos
        while s < stop and text[s].isspace():
            s += 1
        if stop - s > 15:
            out.append((s, stop))
        pos = stop
    if end - pos > 15:
        s = pos
        while s < end and text[s].isspace():
            s += 1
        out.append((s, end))
    return out


SENTENCE_TEXT = st.lists(
    st.sampled_from(["Wij ", "zullen ", "u ", "informeren", "ca. ", "o.a. ", "nr. ", "3.5 ", ". ", "? ", "!", "\n", "  ", "x"]),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(SENTENCE_TEXT, st.data())
def test_the_sentence_around_a_letter_is_the_one_a_full_split_gives(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    letters = [i for i in range(start, end) if text[i].isalpha()]
    if not letters:
        return
    offset = data.draw(st.sampled_from(letters))
    expected = next(((s, e) for s, e in _all_sentences(text, start, end) if s <= offset < e), None)
    assert _sentence_at(text, start, end, offset) == expected


_RULE_PIECES = st.sampled_from([
    "Wij ", "zullen ", "we ", "u ", "Uw Kamer ", "uw kamer ", "wordt ", "Informeren ", "geïnformeerd ", "GEÏNFORMEERD ",
    "rapporteert ", "Stand van Defensie ", "NAVO ", "Q2 ", "deelt ", "met uw Kamer ", "streeft ", "naar ", "2026 ",
    "mogelijk maken om ", "gaat Defensie ", "reeds ", "tot op heden ", "Zal ", "x ", "Gepubliceerd ", "worden ",
    "Ontvangt ", "de Kamer ", "stuur ", "ik ", "€ 5 ", "mln ", "Reserveert ", "het kabinet ", "Houden ", "op het huidige ",
    "blijft ", "bijdragen ", "onderzoek ", "of ", "Gaan ", "na ", "Laat ", "onderzoeken ", "Gecontinueerd ",
])  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_RULE_PIECES, max_size=14).map("".join))
def test_the_lowered_patterns_decide_as_the_case_insensitive_ones(sentence):
    import extractors.commitments as C

    originals = [p for _, rules in C._RULE_GROUPS for _, p in rules]
    for original, (_, _, lowered) in zip(originals, C._RULES, strict=True):
        assert bool(original.search(sentence)) == bool(lowered.search(sentence.lower()))


# Classes of commitment, each in phrasings of our own (not the corpus's), with near-misses that
# must not fire: a past event, a hypothetical, someone else's act, a practice without a promise.
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # recurring reporting duties, present tense, often passive
        ("Over de voortgang van het programma wordt halfjaarlijks aan de Kamer gerapporteerd.", "toezegging"),
        ("Uw Kamer ontvangt ieder jaar in mei een overzicht van de uitgaven aan munitie.", "toezegging"),
        ("Twee keer per jaar sturen wij de Kamer een voortgangsbrief over de werving.", "toezegging"),
        ("De vaste commissie krijgt elk kwartaal een rapportage over de inzet van de marechaussee.", "toezegging"),
        # money made available, decided or reserved (present or perfect tense)
        ("Voor de jaren 2027 tot en met 2030 reserveert het kabinet € 450 miljoen voor de modernisering van kazernes.", "budget"),
        ("Het kabinet heeft besloten om structureel EUR 120 mln. extra beschikbaar te stellen voor cyberverdediging.", "budget"),
        ("Daarnaast trekken wij jaarlijks € 35 miljoen uit voor de opleiding van reservisten.", "budget"),
        ("Er wordt in 2027 € 80 miljoen vrijgemaakt voor de aanschaf van munitie.", "budget"),
        ("Defensie investeert de komende vijf jaar 2 miljard euro in nieuwe fregatten.", "budget"),
        # continued policy
        ("We houden de Nederlandse bijdrage aan de missie in Irak op het huidige niveau.", "plan"),
        ("Nederland blijft de komende jaren bijdragen aan de luchtverdediging van de oostflank.", "plan"),
        ("Het kabinet zet de militaire steun aan Oekraïne in 2027 onverminderd voort.", "plan"),
        ("De huidige inzet van de fregatten wordt gecontinueerd tot eind 2027.", "plan"),
        # undertakings to examine
        ("Ik onderzoek of de vergoeding voor reservisten kan worden verhoogd.", "examination"),
        ("Wij gaan na of de regeling ook kan gelden voor veteranen met een uitkering.", "examination"),
        ("Het kabinet verkent de mogelijkheden om de productie van munitie in Nederland te vergroten.", "examination"),
        ("Defensie laat onderzoeken hoe de wachttijden bij de keuring kunnen worden verkort.", "examination"),
        ("Samen met de bondgenoten bekijken we hoe de voorraden sneller kunnen worden aangevuld.", "examination"),
        # a promise in the main clause after a subordinate clause or a fronted phrase
        ("Zodra de evaluatie gereed is, stuur ik deze naar uw Kamer.", "toezegging"),
        ("Na afronding van het onderzoek informeer ik uw Kamer over de uitkomsten.", "toezegging"),
        ("Wanneer de onderhandelingen zijn afgerond, ontvangt u van mij een brief met de resultaten.", "toezegging"),
        ("Begin volgend jaar bied ik uw Kamer de evaluatie van de regeling aan.", "toezegging"),
        # a standing practice of informing the Kamer, and a goal measured in money
        ("Uw Kamer wordt over de uitkomsten zoals gebruikelijk per brief geïnformeerd.", "toezegging"),
        ("Het doel is om jaarlijks te streven naar een besparing van 50 miljoen euro op de inkoop.", "target"),
    ],
)  # fmt: skip
def test_classes_of_commitment(text, type_):
    assert one(text).fields["type"] == type_


@pytest.mark.parametrize(
    "text",
    [
        "De minister rapporteerde vorig jaar aan de Kamer over de voortgang van het programma.",  # past
        "Uw Kamer ontving in 2024 een overzicht van de uitgaven aan munitie.",  # past
        "In 2023 is € 50 miljoen uitgegeven aan het onderhoud van de kazernes.",  # money spent: a past event
        "Als de Kamer dat wenst, zou het kabinet € 100 miljoen kunnen reserveren voor de kazernes.",  # hypothetical
        "De uitgaven aan personeel bedroegen vorig jaar € 1,2 miljard.",  # a figure, no undertaking
        "De bijdrage aan de missie bleef in 2024 op hetzelfde niveau.",  # past
        "Het is onzeker of de bondgenoten hun bijdrage op peil houden.",  # someone else's act
        "Uit onderzoek van de Rekenkamer blijkt dat de kosten zijn gestegen.",  # a finding, not an examination
        "Vorig jaar onderzocht de inspectie of de regels werden nageleefd.",  # past, another actor
        "Zodra de evaluatie gereed was, stuurde de minister deze naar de Kamer.",  # past
        "Indien nodig zou Nederland de inzet van de fregatten kunnen voortzetten.",  # hypothetical
        "Hierbij bied ik u de antwoorden aan op de vragen van de commissie.",  # done by this letter itself
        "Defensie blijft werken aan een betere samenwerking tussen de krijgsmachtdelen.",  # an aim, no undertaking
        "De Kamer ontvangt hierover geen aparte rapportage.",  # negated
    ],
)  # fmt: skip
def test_near_misses_of_the_classes(text):
    assert commitment_mentions(doc_of(text)) == []


def test_a_fractie_asking_about_money_or_a_report_makes_no_commitment():
    body = ("Vragen en antwoorden\n\n1 Reserveert het kabinet € 30 miljoen voor de kazernes, en ontvangt de Kamer "
            "jaarlijks een overzicht?\n\nDat is nog niet bekend.\n")  # fmt: skip
    doc = parse_document(SourceText("t.txt", "t.txt", body, "utf-8"))
    assert doc.questions and commitment_mentions(doc) == []


DEBATE = """Verslag van een commissiedebat van de vaste commissie voor Defensie over materieel

De voorzitter:
Welkom. Ik zal straks eerst de minister het woord geven.

De heer Brinkman (VVD):
Voorzitter. Ik zal daarom een motie indienen. Ik kom hier in de tweede termijn op terug.

Mevrouw Koster (GroenLinks-PvdA):
Dan zal ik die motie meetekenen. Wanneer ontvangt de Kamer de evaluatie?

Minister Dijkhuis:
{minister}

Staatssecretaris De Graaf:
Het reservistenbeleid houden we op het huidige niveau. Wij onderzoeken of de vergoeding omhoog kan.
""".format(
    minister="De evaluatie van het project bied ik uw Kamer in het najaar aan. Ik heb de Kamer vorig jaar al over de "
    "vertraging geïnformeerd. Ik zeg mevrouw Koster toe dat ik op de kosten terugkom in de volgende voortgangsrapportage."
)


def test_a_debate_reads_commitments_in_the_governments_turns_only():
    doc = parse_document(SourceText("d.txt", "d.txt", DEBATE, "utf-8"))
    assert doc.kind == "debat"
    assert [(p.role, p.speaker, p.fractie) for p in doc.parts if p.kind == "turn"] == [
        ("voorzitter", None, None), ("kamerlid", "Brinkman", "VVD"), ("kamerlid", "Koster", "GroenLinks-PvdA"),
        ("minister", "Dijkhuis", None), ("staatssecretaris", "De Graaf", None),
    ]  # fmt: skip
    found = [(m.fields["type"], m.fields["where"], m.text) for m in commitment_mentions(doc)]
    assert found == [  # never the chair's or a member's "ik zal", never the minister's past act
        ("toezegging", "turn Minister Dijkhuis", "De evaluatie van het project bied ik uw Kamer in het najaar aan"),
        ("toezegging", "turn Minister Dijkhuis",
         "Ik zeg mevrouw Koster toe dat ik op de kosten terugkom in de volgende voortgangsrapportage"),
        ("plan", "turn Staatssecretaris De Graaf", "Het reservistenbeleid houden we op het huidige niveau"),
        ("examination", "turn Staatssecretaris De Graaf", "Wij onderzoeken of de vergoeding omhoog kan"),
    ]  # fmt: skip


def test_the_speakers_of_a_debate_are_persons_with_their_function():
    from extractors.entities import entity_mentions

    doc = parse_document(SourceText("d.txt", "d.txt", DEBATE, "utf-8"))
    roles = {(m.value, m.fields["role"]) for m in entity_mentions(doc) if m.kind == "person" and m.fields["basis"] == "turn"}
    assert roles == {("Brinkman", "kamerlid"), ("Koster", "kamerlid"), ("Dijkhuis", "minister"), ("De Graaf", "staatssecretaris")}


def test_the_kamers_own_form_has_the_schemas_field_names_and_status_values(built):
    import xml.etree.ElementTree as ET
    from pathlib import Path

    xsd = ET.parse(Path(__file__).parent / "data" / "tkData-v1-0-toezegging.xsd")
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    fields = {e.get("name") for e in xsd.iterfind(".//xs:complexType[@name='toezeggingType']//xs:element", ns)}
    statuses = {e.get("value") for e in xsd.iterfind(".//xs:simpleType[@name='toezeggingstatus']//xs:enumeration", ns)}
    done = CliRunner().invoke(main, ["commitments", "--graph", str(built), "--format", "toezegging", "--as-of", "2026-11-23"])
    assert done.exit_code == 0, done.output
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows and all(set(r) - {"id"} == fields for r in rows)  # every field of the schema, no other
    assert {r["status"] for r in rows} <= statuses
    # the figures promised for the Stand van Defensie voorjaar 2026, later for najaar 2026
    (later,) = [r for r in rows if r["isWijzigingVan"]]
    assert "najaar van 2026" in later["tekst"] and later["datumNakoming"] == "2026-11-30"
    moved = next(r for r in rows if r["id"] in later["isWijzigingVan"])
    assert "voorjaar 2026" in moved["tekst"]


def test_the_kamers_form_names_who_promised_and_to_whom(tmp_path):
    from tests.test_structure import PUBLISHED_LETTER

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "debat.txt").write_text(DEBATE, encoding="utf-8")
    (corpus / "brief.txt").write_text(PUBLISHED_LETTER, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]).exit_code == 0
    out = str(tmp_path / "out")
    done = runner.invoke(main, ["commitments", "--graph", out, "--format", "toezegging", "--as-of", "2026-11-23"])
    rows = {r["tekst"]: r for r in map(json.loads, done.stdout.splitlines())}
    letter = rows["Het vervolgrapport stuur ik uw Kamer na de zomer toe"]  # signed "De Minister van Defensie, C.D. Bakker"
    assert (letter["naam"], letter["initialen"], letter["achternaam"], letter["functie"], letter["ministerie"]) == (
        "C.D. Bakker", "C.D.", "Bakker", "minister van Defensie", "Ministerie van Defensie")  # fmt: skip
    debate = rows["Ik zeg mevrouw Koster toe dat ik op de kosten terugkom in de volgende voortgangsrapportage"]
    assert (debate["achternaam"], debate["functie"], debate["toegezegdAanPersoon"]) == ("Dijkhuis", "minister", "Koster")
    state = rows["Wij onderzoeken of de vergoeding omhoog kan"]
    assert (state["tussenvoegsel"], state["achternaam"], state["functie"]) == ("De", "Graaf", "staatssecretaris")
    # the same in the graph: who promised, in what function, to whom
    from graph.sparql import open_store, run_query

    found = run_query(open_store(tmp_path / "out"), """PREFIX dkg: <https://w3id.org/dkg/def#>
        PREFIX schema: <https://schema.org/>
        SELECT ?by ?function ?to WHERE { ?c a dkg:Commitment ; dkg:promisedBy/schema:name ?by ; dkg:function ?function .
        OPTIONAL { ?c dkg:promisedTo/schema:name ?to } }""", {})[1]  # fmt: skip
    said = {(r["by"], r["function"], r["to"]) for r in found}
    assert {("Dijkhuis", "minister", "Koster"), ("C.D. Bakker", "minister van Defensie", None)} <= said


# The subject first, in the present tense: a promise when a time still to come is named.
@pytest.mark.parametrize(
    ("text", "due_until"),
    [
        ("Ik stuur uw Kamer de evaluatie van de oefenterreinen voor de zomer van 2026.", "2026-08"),
        ("Het kabinet informeert de Kamer in het najaar over de uitkomsten van de verkenning.", "2026-11"),
        ("De staatssecretaris biedt uw Kamer na afronding van het onderzoek in 2027 het eindrapport aan.", "2027"),
        ("Wij sturen de vaste commissie voor Defensie volgend jaar een overzicht van de voorraden.", "2027"),
        ("Ik zend u vóór het kerstreces van 2026 de kabinetsreactie op het advies.", "2026-12"),
        ("Uw Kamer ontvangt de beleidsdoorlichting vóór het zomerreces van 2027.", "2027-07"),
    ],
)  # fmt: skip
def test_a_present_tense_promise_with_the_subject_first(text, due_until):
    m = one(text)
    assert m.fields["type"] == "toezegging" and m.fields["due_until"] == due_until


@pytest.mark.parametrize(
    "text",
    [
        "Ik stuur u hierbij de evaluatie van de oefenterreinen.",  # done by this letter
        "Ik stuur u de antwoorden op de vragen van de leden van de commissie.",  # a covering letter, no time to come
        "In maart 2025 stuurde ik uw Kamer de evaluatie van de oefenterreinen.",  # past
        "Ik informeerde uw Kamer in januari 2025 over de voortgang.",  # past
        "Mocht het nodig zijn, dan stuur ik uw Kamer in 2027 een aanvulling.",  # hypothetical
    ],
)  # fmt: skip
def test_near_misses_of_the_subject_first_promise(text):
    assert commitment_mentions(doc_of(text)) == []


def test_a_promise_without_a_named_vehicle_moves_to_a_later_moment():
    from extractors.locate import situate
    from graph.commitments import commitment_rows, link_commitments

    early = doc_of("Ik stuur uw Kamer het rapport over de werving van reservisten in Friesland voor de zomer van 2026.",
                   "2026-02-01")  # fmt: skip
    later = doc_of("Door de verkiezingen ontvangt uw Kamer het rapport over de werving van reservisten in Friesland "
                   "pas in het najaar van 2026.", "2026-05-01")  # fmt: skip
    other = doc_of("Ik stuur uw Kamer het rapport over de bouw van kazernes in Zeeland in het najaar van 2026.", "2026-05-02")
    from dataclasses import replace

    docs = [replace(d, name=f"{k}.txt") for k, d in enumerate((early, later, other))]
    rows = [commitment_rows(d, situate(d, commitment_mentions(d))) for d in docs]
    first, *rest = link_commitments(rows)
    moved = {c.id: c for c in rest}
    assert len(first.moved_to) == 1 and "reservisten" in moved[first.moved_to[0]].mentions[0].text


# More ways of promising, worded unlike the corpus and unlike the cases above: other verbs of telling
# and handing over, an intention, a promise in the subordinate clause's shadow, a standing promise to
# keep the Kamer informed, continued policy in the infinitive, an examination after a modal.
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Zodra het advies van de Adviesraad beschikbaar is, zal ik uw Kamer daarover berichten.", "toezegging"),
        ("Ik houd uw Kamer op de hoogte van de voortgang.", "toezegging"),
        ("Uw Kamer wordt periodiek op de hoogte gehouden van de ontwikkelingen rond de aanbesteding.", "toezegging"),
        ("De resultaten van de pilot stel ik u na afronding ter beschikking.", "toezegging"),
        ("Ik zal de Kamer in het eerste kwartaal van 2027 een plan van aanpak doen toekomen.", "toezegging"),
        ("Het kabinet komt voor de begrotingsbehandeling met een uitgewerkt voorstel.", "toezegging"),
        ("Ik verwacht u in het voorjaar van 2027 de eindrapportage te kunnen sturen.", "toezegging"),
        ("Ik streef ernaar de Kamer voor 1 juli 2027 een wetsvoorstel voor te leggen.", "toezegging"),
        ("Ik ben voornemens om voor de Voorjaarsnota een herijking van de planning aan uw Kamer te sturen.", "toezegging"),
        ("De eindevaluatie zal in de zomer van 2027 aan uw Kamer worden aangeboden.", "toezegging"),
        ("Ik kom hier in de volgende voortgangsrapportage op terug.", "toezegging"),
        ("Ik zeg toe dat ik de Kamer voor de zomer een brief stuur over de kazernes.", "toezegging"),
        ("Het definitieve besluit wordt u voor het einde van het jaar voorgelegd.", "toezegging"),
        ("Zoals de Kamer heeft gevraagd, stuur ik u voor de zomer een brief over de kazernes.", "toezegging"),
        ("De uitkomsten van de verkenning deel ik na de zomer met uw Kamer.", "toezegging"),
        ("Ik zal u voor het einde van dit jaar een voortgangsrapportage sturen.", "toezegging"),
        ("Wij zullen de Kamer jaarlijks via het jaarverslag rapporteren over de besteding.", "toezegging"),
        ("Begin 2027 volgt een brief over de uitwerking van de plannen.", "toezegging"),
        ("In de volgende Stand van Defensie ga ik nader in op de personele gereedheid.", "toezegging"),
        ("Ik zal de motie uitvoeren en uw Kamer voor de zomer informeren over de wijze waarop.", "toezegging"),
        ("Het wetsvoorstel zal naar verwachting in het voorjaar van 2027 bij uw Kamer worden ingediend.", "toezegging"),
        ("Ik ga met de sector in gesprek over de mogelijkheden om de levering te versnellen.", "plan"),
        ("Het kabinet zal in de Voorjaarsnota 2027 bezien of aanvullende middelen nodig zijn.", "examination"),
        ("Defensie gaat de komende twee jaar 500 extra reservisten opleiden.", "plan"),
        ("Er komt een nieuwe regeling voor veteranen, die per 1 januari 2027 in werking treedt.", "plan"),
        ("De staatssecretaris informeert de Kamer vóór de begrotingsbehandeling over de werving.", "toezegging"),
        ("Ik laat de mogelijkheden voor een snellere keuring onderzoeken door een extern bureau.", "examination"),
        ("De resultaten worden in het eerste kwartaal van 2027 aan de Kamer toegezonden.", "toezegging"),
        ("Ik streef ernaar om in 2028 ten minste 30 procent vrouwen in de instroom te hebben.", "target"),
        ("Wij blijven de inzet in de Baltische staten op het huidige niveau voortzetten.", "plan"),
        ("Het kabinet heeft besloten de steun aan Oekraïne ook in 2027 op hetzelfde niveau te handhaven.", "plan"),
        ("Ik laat nader uitzoeken welke kosten hiermee gemoeid zijn.", "examination"),
        ("Defensie zal in overleg met de sector verkennen of een gezamenlijke inkoop mogelijk is.", "examination"),
        ("Ik verwacht uw Kamer in het najaar van 2026 te kunnen informeren over de uitkomsten.", "toezegging"),
        ("Wij sturen u de rapportage in het derde kwartaal.", "toezegging"),
        ("Ik zal u voor de zomer informeren, zodat u niet te lang hoeft te wachten.", "toezegging"),
        ("Zoals ik beloofde, zal ik u voor de zomer informeren over de keuze.", "toezegging"),
        ("In het Projectenoverzicht 2026, dat u in september ontvangt, rapporteer ik over de voortgang.", "toezegging"),
        ("De Voortgangsrapportage Materieel volgt in het najaar van 2026.", "toezegging"),
    ],
)  # fmt: skip
def test_more_ways_of_promising(text, type_):
    assert one(text).fields["type"] == type_


@pytest.mark.parametrize(
    "text",
    [
        "Het rapport is op 12 januari 2026 naar uw Kamer gestuurd.",  # a date earlier this year: past
        "Ik heb uw Kamer op 3 maart op de hoogte gesteld van de vertraging.",  # past
        "Wij hebben u de rapportage in maart doen toekomen.",  # past
        "De Kamer heeft gevraagd om voor de zomer een brief te sturen.",  # the Kamer's request, reported
        "De leden van de commissie verzoeken de minister de Kamer voor de zomer te berichten.",  # a request
        "De commissie wordt door de Rekenkamer op de hoogte gehouden.",  # someone else informs
        "De NAVO houdt de lidstaten op de hoogte van de dreiging.",  # someone else, someone else told
        "Het is onzeker of de bondgenoten hun bijdrage op peil houden.",  # someone else's act
        "De fabrikant komt volgend jaar met een nieuw voorstel.",  # someone else's act
        "Het kabinet kwam in 2024 met een voorstel voor de kazernes.",  # past
        "De komende jaren is jaarlijks circa 200 miljoen euro beschikbaar voor innovatie.",  # a budget stated
        "Ik zal hier niet verder op ingaan.",  # a refusal
        "Ik zal de Kamer niet informeren over vertrouwelijke zaken.",  # a refusal
        "Defensie gaat ervan uit dat de levering op tijd is afgerond.",  # an assumption
        "Defensie gaat over de inzet van militairen bij rampen.",  # a competence, not an act
        "Defensie zal geen nieuwe kazernes bouwen in deze kabinetsperiode.",  # nothing undertaken
        "De bondgenoten zullen hun bijdrage verhogen.",  # someone else
        "Er komt geen nieuwe regeling.",  # nothing comes
        "Er komt een debat over de begroting, op verzoek van de Kamer, in 2023.",  # past
        "Ik verwacht uw Kamer volgend jaar niet te kunnen informeren over de uitkomst.",  # cannot
        "Het is niet mogelijk u voor de zomer te informeren over de keuze.",  # cannot
        "Vorig jaar verwachtte ik u in het najaar te kunnen informeren.",  # an expectation of before
        "Wij stuurden u de rapportage in het eerste kwartaal.",  # past, and a quarter gone by
        "In het Projectenoverzicht 2025 rapporteerde ik over de voortgang.",  # past
        "De Voortgangsrapportage Materieel volgde in het najaar van 2025.",  # past
        "Hierbij ontvangt u de antwoorden op de vragen van de commissie.",  # done by this very letter
        "Hierbij treft u de rapportage over het eerste kwartaal aan.",  # done by this very letter
    ],
)  # fmt: skip
def test_near_misses_of_more_ways_of_promising(text):
    assert commitment_mentions(doc_of(text)) == []


# A second debate, worded otherwise: the promise in a clause with its verb last, made to a member whose
# fractie stands only in their own turn's label; members' and the chair's future tense stays theirs.
SECOND_DEBATE = """Commissiedebat Personeelsbeleid

De voorzitter:
Ik open de vergadering en geef het woord aan de heer Van Dijk.

De heer Van Dijk (GroenLinks-PvdA):
Voorzitter. Ik zal hierover een motie indienen. Kan de Kamer voor de zomer een plan ontvangen?

Staatssecretaris Tuinman:
Ik heb de Kamer in februari een brief gestuurd over de werving.
Op de vraag van de heer Van Dijk kan ik zeggen dat ik de Kamer voor het zomerreces een plan van aanpak stuur.
Over de uitkomsten van de keuring bericht ik uw Kamer in het najaar.

De heer Boswijk (CDA):
Ik kom hier in de tweede termijn op terug.
"""


def test_a_promise_in_a_clause_made_to_a_member_named_in_another_turn():
    doc = replace_date(parse_document(SourceText("d.txt", "d.txt", SECOND_DEBATE, "utf-8")), "2026-03-10")
    found = [(m.text[:30], m.fields["to_person"], m.fields["to_fractie"]) for m in commitment_mentions(doc)]
    assert found == [
        ("Op de vraag van de heer Van Di", "Van Dijk", "GroenLinks-PvdA"),
        ("Over de uitkomsten van de keur", None, None),
    ]


def replace_date(doc, date):
    from dataclasses import replace

    return replace(doc, date=date)


# A letter as typed, without the published head ("Brief van de staatssecretaris" in ordinary case):
# signed by a state secretary, it speaks in the government's voice; the questions it repeats do not.
TYPED_LETTER = """Brief van de staatssecretaris van Defensie

Den Haag, 5 juni 2027

U vroeg mij het volgende.

1. Bent u bereid de Kamer in het najaar over de werving te informeren?

Ik zal uw Kamer in het najaar informeren over de werving. De resultaten sturen wij u in het derde kwartaal.

De staatssecretaris van Defensie,
G.P. Tuinman
"""


def test_a_letter_signed_by_a_state_secretary_is_the_governments_voice_but_its_questions_are_not():
    doc = parse_document(SourceText("t.txt", "t.txt", TYPED_LETTER, "utf-8"))
    assert doc.kind == "brief" and doc.parts[0].kind == "letter"
    found = [(m.text, m.fields["due_from"]) for m in commitment_mentions(doc)]
    assert found == [("Ik zal uw Kamer in het najaar informeren over de werving", "2027-09"),
                     ("De resultaten sturen wij u in het derde kwartaal", "2027-07")]  # fmt: skip


@pytest.mark.parametrize(
    "signature",
    ["De voorzitter van de commissie,\nA. Jansen", "De griffier van de commissie,\nB. de Vries", ""],
)
def test_a_paper_signed_by_no_minister_is_no_letter(signature):
    text = TYPED_LETTER.replace("De staatssecretaris van Defensie,\nG.P. Tuinman", signature)
    text = text.replace("1. Bent u bereid de Kamer in het najaar over de werving te informeren?\n\n", "")
    doc = parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))
    assert doc.kind is None and commitment_mentions(doc) == []


# Targets, standing reports, offers and plans worded as answers word them, each with its near-misses.
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("De marine wil in 2029 alle vacatures voor technici gevuld hebben.", None),  # not the government's own "wil"
        ("Defensie wil in 2028 ten minste 95% van de onderhoudsfuncties gevuld hebben.", "target"),
        ("Wij willen uiterlijk in 2030 over twee extra brigades beschikken.", "target"),
        ("Het nieuwe opleidingscentrum moet eind 2027 operationeel zijn.", "target"),
        ("Het streven is om het aantal externe monteurs binnen drie jaar te halveren.", "target"),
        ("Over de voortgang rapporteren wij elk half jaar in de Stand van Defensie.", "toezegging"),
        ("Defensie publiceert maandelijks de vullingscijfers op haar website.", "toezegging"),
        ("Indien uw Kamer dat wenst, ben ik bereid een technische briefing te laten verzorgen.", "toezegging"),
        ("Daartoe zijn wij graag bereid.", "toezegging"),
        ("Ik streef ernaar u uiterlijk half december een brief te sturen.", "toezegging"),
        ("De evaluatie wordt in maart afgerond, waarna ik deze met een beleidsreactie aan uw Kamer zend.", "toezegging"),
        ("De bouw van het eerste fregat start naar verwachting eind 2026.", "plan"),
        ("Met de bouw van de kazerne wordt begin 2027 gestart.", "plan"),
        ("De oplevering van het depot is voorzien in 2031.", "plan"),
        ("Het kabinet neemt hierover na de zomer een besluit.", "plan"),
    ],
)  # fmt: skip
def test_targets_standing_reports_offers_and_plans(text, type_):
    found = commitment_mentions(doc_of(text))
    assert [m.fields["type"] for m in found] == ([type_] if type_ else [])


@pytest.mark.parametrize(
    "text",
    [
        "Defensie wilde in 2020 al 95% van de functies gevuld hebben.",  # a wish of the past
        "Het depot moest in 2024 gereed zijn.",  # a deadline gone by
        "Het opleidingscentrum moet voldoen aan de eisen van de inspectie.",  # an obligation, no goal with a year
        "Het streven is om de kwaliteit te verbeteren.",  # an aim without a measure
        "Ik ben niet bereid de vertrouwelijke stukken openbaar te maken.",  # a refusal
        "Bent u bereid de Kamer te informeren?",  # the question itself, in the answer's words
        "Over de voortgang rapporteerden wij vorig jaar in de Stand van Defensie.",  # past
        "Het rapport van de Algemene Rekenkamer verschijnt in mei.",  # someone else's paper
        "De NAVO zal in juni een nieuw overzicht publiceren.",  # someone else's act
        "Het kabinet onderschrijft het belang van het van start gaan van het project.",  # a noun, no act
        "De bouw van het fregat startte in 2024.",  # past
        "De oplevering was voorzien in 2025.",  # past
        "Het kabinet nam hierover in 2025 een besluit.",  # past
    ],
)  # fmt: skip
def test_near_misses_of_targets_standing_reports_offers_and_plans(text):
    assert commitment_mentions(doc_of(text)) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Nederland zal in de tweede helft van 2027 een nationale industriestrategie presenteren.", "plan"),
        ("De minister zal tijdens de bijeenkomst aandringen op een snellere levering van munitie.", "plan"),
        ("Over de uitkomsten van de bijeenkomst wordt uw Kamer via het verslag geïnformeerd.", "toezegging"),
        ("Uw Kamer wordt in de volgende voortgangsrapportage over de kosten geïnformeerd.", "toezegging"),
        ("Nederland zal niet deelnemen aan de nieuwe missie.", None),  # a refusal
        ("De NAVO zal in juni een besluit nemen over de missie.", None),  # someone else's act
        ("Uw Kamer werd via het verslag van maart geïnformeerd.", None),  # past
        ("Uw Kamer is in de brief van 3 maart geïnformeerd over de kosten.", None),  # done already
    ],
)  # fmt: skip
def test_what_the_government_will_do_at_a_meeting_and_the_kamer_told_through_a_paper(text, type_):
    found = commitment_mentions(doc_of(text))
    assert [m.fields["type"] for m in found] == ([type_] if type_ else [])


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("De aanbesteding wordt naar verwachting in het derde kwartaal van 2027 afgerond.", "plan"),
        ("De eerste F-35 wordt in 2027 in Nederland geleverd.", "plan"),
        ("Het nieuwe beleid treedt op 1 januari 2027 in werking.", "plan"),
        ("Ik ben voornemens de regeling te verlengen.", "plan"),
        ("Nederland levert in 2027 nog eens twintig pantservoertuigen aan Oekraïne.", "plan"),
        ("De F-35 werd in 2024 geleverd.", None),  # past
        ("De eerste F-35 is in 2019 geleverd.", None),  # done
        ("Nederland levert al jaren steun aan Oekraïne.", None),  # no time still to come
        ("Het beleid trad in 2025 in werking.", None),  # past
        ("Ik ben niet voornemens de regeling te verlengen.", None),  # a refusal
        ("De bondgenoten leveren in 2027 meer munitie.", None),  # someone else
        # a verb of the future elsewhere in the sentence is no time for what is delivered
        ("Dit gaat ten koste van de eenheden, omdat ook capaciteit van buiten wordt geleverd.", None),
    ],
)  # fmt: skip
def test_what_is_finished_delivered_or_brought_in_at_a_time_still_to_come(text, type_):
    found = commitment_mentions(doc_of(text))
    assert [m.fields["type"] for m in found] == ([type_] if type_ else [])
