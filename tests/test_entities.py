"""Persons, fracties, organisations and programmes on the corpus (expectations read by hand)."""

from __future__ import annotations

import pytest

from extractors.document import Document
from extractors.entities import acronym_definitions, entity_mentions, unknown_acronyms


def values(doc, kind):
    return {m.value for m in entity_mentions(doc) if m.kind == kind}


def test_persons_are_merged_under_one_canonical_name(docs):
    persons = [m for m in entity_mentions(docs["001"]) if m.kind == "person"]
    names = {m.value for m in persons}
    assert names == {
        "Dilan Yeşilgöz-Zegerius", "Derk Boswijk", "Donald Trump", "Frans Timmermans", "Jan Paternotte",
        "Thom van Campen", "Kati Piri",
    }  # fmt: skip
    # the motie's "Yesilgöz-Zegerius" is the minister who signs as "Dilan Yeşilgöz-Zegerius"
    motie = next(m for m in persons if m.text == "Yesilgöz-Zegerius")
    assert motie.value == "Dilan Yeşilgöz-Zegerius" and motie.fields["role"] == "indiener motie"
    signed = next(m for m in persons if m.fields["basis"] == "signature" and m.value.startswith("Dilan"))
    assert signed.fields["role"] == "minister van Defensie"


def test_persons_in_the_committee_reports(docs):
    assert values(docs["002"], "person") == {"Jan Paternotte", "Manten"}
    assert values(docs["004"], "person") == {"Jan Paternotte", "Coco Martin", "Mark Rutte"}  # "de heer Rutte"


def test_a_fractie_named_after_its_member_is_not_a_person(docs):
    assert "Ingrid Visseren-Hamakers" not in values(docs["000"], "person")
    assert "Visseren-Hamakers" in values(docs["000"], "party")


def test_fracties(docs):
    assert values(docs["003"], "party") == {"D66", "VVD", "GroenLinks-PvdA", "PVV", "CDA", "BBB"}
    assert values(docs["004"], "party") == {"PVV", "Groep Markuszower", "BBB"}
    assert values(docs["000"], "party") == {"SP", "Volt", "Visseren-Hamakers"}  # "VOLT-fractie", "Voltfractie"


def test_programmes_resolve_to_the_same_node_across_spellings(docs):
    purl = [m for d in docs.values() for m in entity_mentions(d) if m.fields.get("id") == "purl"]
    assert {m.value for m in purl} == {"PURL"}
    assert {m.text for m in purl} >= {"PURL"}
    straiik = {m.text for d in docs.values() for m in entity_mentions(d) if m.fields.get("id") == "straiik-d"}
    assert "STRAIIK-D" in straiik and "Strategische Actie-agenda Industrie en Innovatie – Defensie" in straiik


def test_issue_listed_entities_are_found_in_the_corpus(docs):
    found = set().union(*(values(d, "organisation") | values(d, "programme") for d in docs.values()))
    for name in ["NAVO", "EU", "MIVD", "KMar", "AR", "NSPA", "EDA", "OCCAR", "SIPRI", "PURL", "MDM", "EDIP", "EMERS",
                 "USL", "CEF", "MFK", "EDPCI", "PCA", "NSATU", "MNF-U", "IAMD", "APOS", "SDIR", "D-SII", "STRAIIK-D",
                 "DMF", "DPO", "NPRD", "ODIN", "SecFund", "NIF", "Patriot", "NASAMS", "CV90", "Boxer", "Skyranger30",
                 "Stinger", "MRTT", "Thales Nederland", "VDL", "Teijin", "Avient", "Palantir", "Mistral", "AVULAR"]:  # fmt: skip
        assert name in found, name


def test_footnote_digit_glued_to_a_name():
    doc = Document("t.txt", "t.txt", "zoals bericht in de NRC3, precies")
    assert [(m.text, m.value) for m in entity_mentions(doc)] == [("NRC", "NRC")]


def test_acronyms_defined_in_the_text_extend_the_gazetteer():
    text = "een intergouvernementeel defensiemechanisme (Multilateraal Defensiemechanisme, MDM) en de Snelle Inzet Eenheid (SIE)."
    defs = {(d.abbr, d.expansion) for d in acronym_definitions(text)}
    assert ("MDM", "Multilateraal Defensiemechanisme") in defs and ("SIE", "Snelle Inzet Eenheid") in defs
    sie = [m for m in entity_mentions(Document("t.txt", "t.txt", text)) if m.value == "SIE"]
    assert {m.text for m in sie} == {"SIE", "Snelle Inzet Eenheid"} and sie[0].fields["label"] == "Snelle Inzet Eenheid"


def test_unknown_acronyms_are_listed_for_a_curator(docs):
    unknown = dict(unknown_acronyms(docs["002"]))
    assert "NLDTIB" in unknown  # printed, never defined, in no gazetteer entry
    assert "NAVO" not in unknown and "STRAIIK-D" not in unknown and "DDOG" not in unknown


def test_gazetteer_turtle_is_generated_from_the_json():
    from graph.gazetteer import gazetteer_graph, turtle_path
    from graph.store import to_turtle

    assert turtle_path().read_text(encoding="utf-8") == to_turtle(gazetteer_graph()), (
        "ontology/gazetteer.ttl is stale: run python -m graph.gazetteer"
    )


def test_every_broader_entry_exists():
    from extractors.entities import gazetteer

    entries = gazetteer()
    assert all(e.broader in entries for e in entries.values() if e.broader)


# --- named things no gazetteer lists, from the text's own signals (cases of our own) -------------


def named(text: str) -> list[tuple[str, str, str]]:
    doc = Document("t.txt", "t.txt", text)
    out = [(m.text, m.value, m.fields.get("category")) for m in entity_mentions(doc) if m.kind in ("programme", "organisation")]
    for m in entity_mentions(doc):
        assert text[m.start : m.end] == m.text
    return out


def test_a_defined_acronym_and_its_expansion_are_one_entity_wherever_printed():
    text = ("De Joint Logistic Support Capability (JLSC) wordt uitgebreid. Later levert de JLSC de eerste containers. "
            "Voor de Joint Logistic Support Capability zijn 40 medewerkers nodig.")  # fmt: skip
    found = named(text)
    assert [t for t, _, _ in found] == ["Joint Logistic Support Capability", "JLSC", "JLSC", "Joint Logistic Support Capability"]
    assert {v for _, v, _ in found} == {"JLSC"}
    labels = {m.fields["label"] for m in entity_mentions(Document("t.txt", "t.txt", text)) if m.kind == "programme"}
    assert labels == {"Joint Logistic Support Capability"}


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        ("Nederland draagt bij aan de Defensie-innovatiefaciliteit van de Unie.", "Defensie-innovatiefaciliteit", "instrument"),
        ("De Commissie stelde de munitieproductieverordening voor.", "munitieproductieverordening", "regulation"),
        ("Dit volgt uit het Verdrag van Lissabon.", "Verdrag van Lissabon", "treaty"),
        ("Het Europees Innovatiefonds financiert het onderzoek.", "Europees Innovatiefonds", "instrument"),
        ("De nieuwe Fennekvoertuigen worden in 2027 geleverd.", "Fennekvoertuigen", "system"),
        ("De opdracht ging naar Voorbeeld Defence BV uit Vlissingen.", "Voorbeeld Defence BV", "company"),
        ("De conclusies staan in het Capability Review Report van de NAVO.", "Capability Review Report", "name"),
        ("Wij sluiten aan bij het Defence Start-up Accelerator Network.", "Defence Start-up Accelerator Network", "name"),
        ("De werf Noordzee Scheepsbouw N.V. bouwt de schepen.", "Noordzee Scheepsbouw N.V.", "company"),
        ("Het programma «Veilig Thuis» loopt door tot 2028.", "Veilig Thuis", "programme"),
        ("Met de operatie 'Snelle Inzet' oefent de brigade.", "Snelle Inzet", "programme"),
        ("Het project “Groene Kazerne” is gestart.", "Groene Kazerne", "programme"),
    ],
)  # fmt: skip
def test_named_things_from_their_signals(text, name, category):
    assert (name, name, category) in named(text)


@pytest.mark.parametrize(
    "text",
    [
        "Het programma loopt tot 2030.",  # a head word alone
        "Er komt een investeringsprogramma voor kazernes.",  # a generic compound
        "De wapensystemen worden vervangen.",  # a generic plural
        "De Minister van Defensie antwoordt de Tweede Kamer.",  # titles and the chamber
        "Pieter Jansen en Anna de Vries spraken in Den Haag.",  # persons and a place
        "Zie Bijlage 2 voor de tabel.",  # a capitalised word at the start
        "Het programma loopt zoals 'gepland' door.",  # a quoted word in lower case is no name
        "De minister noemde het 'een goede stap'.",  # a quote without a head noun
    ],
)
def test_near_misses_of_named_things(text):
    assert named(text) == []


def test_a_surname_alone_after_the_full_name_is_the_same_person():
    text = "Het debat werd geopend door de heer Pieter Jansen.\n\nDaarna zei Jansen dat hij later zou antwoorden."
    doc = Document("t.txt", "t.txt", text)
    persons = [(m.text, m.value) for m in entity_mentions(doc) if m.kind == "person"]
    assert ("Jansen", "Pieter Jansen") in persons


def test_a_surname_with_its_particle_is_no_full_name_whose_last_word_is_a_surname():
    text = "De motie-Van Raak is aangenomen.\n\nHet lid Van der Lee vroeg of de kazerne in Raak klaar is."
    doc = Document("t.txt", "t.txt", text)
    persons = [(m.text, m.value) for m in entity_mentions(doc) if m.kind == "person"]
    assert persons == [("Van Raak", "Van Raak"), ("Van der Lee", "Van der Lee")]


def test_named_things_are_listed_for_a_curator():
    doc = Document("t.txt", "t.txt", "Het Europees Innovatiefonds en het Capability Review Report zijn genoemd.")
    listed = dict(unknown_acronyms(doc))
    assert {"Europees Innovatiefonds", "Capability Review Report"} <= set(listed)


@pytest.mark.parametrize(
    ("head", "names"),
    [
        ("Nr. 121 MOTIE VAN DE LEDEN KRAMERS EN DE WIT-AYDIN\n\nVoorgesteld 3 maart 2026\n", ["Kramers", "De Wit-Aydin"]),
        ("Nr. 15 GEWIJZIGD AMENDEMENT VAN HET LID VAN DER LEE C.S.\n", ["Van der Lee"]),
        ("MOTIE VAN DE LEDEN JANSEN, BAKKER EN DE VRIES\n", ["Jansen", "Bakker", "De Vries"]),
        ("MOTIE VAN HET LID\n", []),  # no name printed
    ],
)  # fmt: skip
def test_the_submitters_in_a_motions_title_are_persons(head, names):
    doc = Document("t.txt", "t.txt", head + "\nDe Kamer, gehoord de beraadslaging,\n")
    found = [(m.value, m.fields["role"]) for m in entity_mentions(doc) if m.kind == "person"]
    assert found == [(n, "indiener") for n in names]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Mevrouw De Groot vroeg naar de keuring.", ["De Groot"]),
        ("De heer Jansen stelde een vervolgvraag.", ["Jansen"]),
        ("Het Kamerlid Pieter Jansen (VVD) vroeg naar de werving.", ["Pieter Jansen"]),
        ("Daarmee beantwoord ik de vraag van het lid Van der Lee (GL).", ["Van der Lee"]),
        ("Het lid van de Tweede Kamer stelde vragen.", []),  # names no one
        ("Dit vroeg het lid van de commissie.", []),
        # initials and academic titles: the initials belong to the name, the titles do not
        ("Ik sprak met de heer J. Klaver over de keuring.", ["J. Klaver"]),
        ("Ook de directeur, mevrouw drs. M. de Vries, was aanwezig.", ["M. de Vries"]),
        ("De heer mr. P.H. Omtzigt stelde een vraag.", ["P.H. Omtzigt"]),
        ("Mevrouw prof. dr. A. van den Berg leidde het onderzoek.", ["A. van den Berg"]),
        ("Mevrouw dr. De Groot gaf advies.", ["De Groot"]),
    ],
)  # fmt: skip
def test_members_named_with_a_title_at_any_place_in_the_sentence(text, names):
    from extractors.parse import parse_document
    from extractors.reading import SourceText
    from extractors.registry import extract_mentions

    doc = parse_document(SourceText("t.txt", "t.txt", text + "\n", "utf-8"))
    assert [m.value for m in extract_mentions(doc, ["person"])] == names


@pytest.mark.parametrize(
    ("name", "surname"),
    [("Pieter Jansen", "Jansen"), ("A.B. de Vries", "De Vries"), ("Hanneke van der Lee", "Van der Lee"),
     ("C.D. Bakker", "Bakker"), ("Jansen", None), ("De Vries", None), ("Van der Lee", None), ("De Wit-Aydin", None)],
)  # fmt: skip
def test_the_surname_of_a_full_name(name, surname):
    from extractors.persons import surname_of

    assert surname_of(name) == surname


def test_a_surname_alone_is_the_one_person_the_corpus_names_in_full(tmp_path):
    import json

    from click.testing import CliRunner

    from graph.cli import main
    from graph.sparql import open_store, run_query

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Geachte voorzitter,\n\nHet Kamerlid Pieter Jansen (VVD) vroeg naar de werving. "
                                "Ook Jan Bos en Piet Bos vroegen ernaar.\n", encoding="utf-8")  # fmt: skip
    (docs / "b.txt").write_text("Geachte voorzitter,\n\nZoals de heer Jansen vroeg, volgt de brief. De heer Bos vroeg "
                                "het ook.\n", encoding="utf-8")  # fmt: skip
    runner = CliRunner()
    listed = runner.invoke(main, ["entities", str(docs), "--kind", "person", "--format", "jsonl"]).stdout
    rows = [json.loads(x) for x in listed.splitlines()]
    by_value = {r["value"]: r for r in rows}
    assert by_value["Pieter Jansen"]["documents"] == ["a.txt", "b.txt"] and "Jansen" not in by_value
    assert "Bos" in by_value  # two full names with that surname: which one is meant is left open
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(docs), "--out", str(out), "--workers", "1"]).exit_code == 0
    found = run_query(open_store(out), """SELECT ?a ?b WHERE { ?x <http://www.w3.org/2004/02/skos/core#exactMatch> ?y .
        ?x <https://schema.org/name> ?a . ?y <https://schema.org/name> ?b }""", {})[1]  # fmt: skip
    assert [(r["a"], r["b"]) for r in found] == [("Jansen", "Pieter Jansen")]


# Persons named after their function or rank, in words of our own, and posts that name no one
def test_persons_after_a_function_or_a_rank():
    text = (
        "Staatssecretaris Gijs Tuinman en minister Ruben Brekelmans spraken met generaal Onno Eichelsheim. "
        "Later sprak Tuinman ook met Minister Van der Maat-Koster.\n"
        "De Minister van Defensie en de staatssecretaris van Buitenlandse Zaken zijn gevraagd. Reactie van de Minister\n\n"
        "Vragen en opmerkingen volgen."
    )
    from extractors.entities import person_mentions
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    found = [(m.text, m.value, m.fields["role"]) for m in person_mentions(parse_document(SourceText("t", "t", text, "utf-8")))]
    assert found == [
        ("Gijs Tuinman", "Gijs Tuinman", "staatssecretaris"),
        ("Ruben Brekelmans", "Ruben Brekelmans", "minister"),
        ("Onno Eichelsheim", "Onno Eichelsheim", "generaal"),
        ("Tuinman", "Gijs Tuinman", "staatssecretaris"),  # the surname alone after the full name
        ("Van der Maat-Koster", "Van der Maat-Koster", "minister"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ik sprak met bondskanselier Merz over de brigade.", [("Merz", "bondskanselier")]),
        ("Hoge Vertegenwoordiger Kallas opende de Raad.", [("Kallas", "Hoge Vertegenwoordiger")]),
        ("De Oekraïense minister van Defensie Sjmyhal was aanwezig.", [("Sjmyhal", "minister van Defensie")]),
        ("De minister van Buitenlandse Zaken Veldkamp reisde mee.", [("Veldkamp", "minister van Buitenlandse Zaken")]),
        ("De Amerikaanse minister van Defensie, Pete Hegseth, sprak.", [("Pete Hegseth", "minister van Defensie")]),
        # near-misses: a post, an organisation after "van", a comma that sets off no name
        ("De minister van Defensie, Financiën en Justitie overleggen.", []),
        ("De secretaris-generaal van de Noord-Atlantische Verdragsorganisatie sprak.", []),
        ("De minister van Defensie heeft besloten.", []),
        ("De ambassadeur, Nederland en de EU zijn het eens.", []),
    ],
)  # fmt: skip
def test_persons_after_a_function_with_its_post(text, found):
    from extractors.entities import person_mentions
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    doc = parse_document(SourceText("t", "t", text + "\n", "utf-8"))
    assert [(m.text, m.fields["role"]) for m in person_mentions(doc)] == found


def test_organisations_by_their_head_and_treaties_named_by_an_adjective():
    from extractors.named_things import named_things

    text = (
        "De Defensie Materieel Organisatie (DMO) bestelt tanks. Het Joint Support Command Noord levert. "
        "Het Noord-Atlantisch Verdrag en het Europees Verdrag blijven leidend.\n"
        "Het Capability Review Report verschijnt. Veel Nederlandse Verdragen zijn oud."
    )
    found = [(n.name, n.kind, n.category) for n in named_things(text)]
    assert ("Noord-Atlantisch Verdrag", "programme", "treaty") in found
    assert ("Europees Verdrag", "programme", "treaty") in found
    assert ("Capability Review Report", "programme", "name") in found  # a report, not an organisation
    assert [name for name, _, category in found if category == "treaty"] == [
        "Noord-Atlantisch Verdrag", "Europees Verdrag"]  # "Nederlandse Verdragen", a plural, names no treaty
    doc = Document("t.txt", "t.txt", text)
    kinds = {(m.text, m.kind) for m in entity_mentions(doc) if m.text in ("DMO", "Defensie Materieel Organisatie")}
    assert kinds == {("DMO", "organisation"), ("Defensie Materieel Organisatie", "organisation")}


def test_no_compound_head_ends_another():
    """named_things._compounds takes the head it found as the word's: it must be the only head
    the word ends in ("-nota" and a head ending in "nota" would be read as the shorter one)."""
    from extractors.named_things import _HEADS

    assert not [(a, b) for a in _HEADS for b in _HEADS if a != b and a.endswith(b)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Het Commando Kustwacht Caribisch Gebied (CKCG) neemt de schepen over.", "organisation"),  # the head first
        ("De Dienst Geneeskundige Ondersteuning (DGO) keurt de rekruten.", "organisation"),
        ("De Koninklijke Defensie Hogeschool (KDH) leidt officieren op.", "organisation"),
        ("De Defensie Ondersteuningsorganisatie Centrum (DOC) helpt.", "organisation"),  # the head last
        ("Het Vernieuwingsplan Logistiek Defensie (VLD) loopt door.", "programme"),  # no head of an organisation
        ("Het Fonds Commando Oefeningen (FCO) betaalt de reizen.", "programme"),  # a fund, though a head stands inside
    ],
)
def test_a_name_defined_in_the_text_is_an_organisation_when_its_first_or_last_word_is_a_head(text, kind):
    found = {m.kind for m in entity_mentions(Document("t.txt", "t.txt", text)) if m.fields.get("category") == "defined_in_text"}
    assert found == {kind}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("De heer Boswijk (CDA) vroeg naar de kazernes.", "kamerlid"),  # a member, whatever post he holds later
        ("Het lid Boswijk diende een motie in.", "kamerlid"),
        ("Staatssecretaris Boswijk antwoordde.", "staatssecretaris"),  # the function printed before the name
        ("De heer Boswijk (Defensie) antwoordde.", "staatssecretaris van Defensie"),  # no fractie: the gazetteer's post
    ],
)
def test_a_person_titled_as_a_member_is_a_member_of_the_kamer(text, role):
    (m,) = [m for m in entity_mentions(Document("t.txt", "t.txt", text)) if m.kind == "person"]
    assert (m.value, m.fields["role"]) == ("Derk Boswijk", role)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Bij het CZSK en de Koninklijke Landmacht dienen de meeste militairen.", ["czsk", "clas"]),
        ("De F-16 is vervangen door de JSF.", ["f-16", "f-35"]),
        ("De bijdrage aan de Europese Vredesfaciliteit loopt via de minister van Financiën.", ["epf", "financien"]),
        ("Het Toetsingskader en de artikel 100-brief gaan over de inzet bij UNIFIL.",
         ["toetsingskader", "artikel-100-brief", "unifil"]),
        ("Damen Naval bouwt de ASW-fregatten; Saab Kockums de onderzeeboten.", ["damen", "aswf", "saab"]),
        ("De marine en de landmacht oefenen samen.", []),  # the words, not the names of the commands
    ],
)  # fmt: skip
def test_names_common_in_defence_letters_are_in_the_gazetteer(text, ids):
    found = [m.fields["id"] for m in entity_mentions(Document("t.txt", "t.txt", text)) if m.kind in ("organisation", "programme")]
    assert found == ids
