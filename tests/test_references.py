"""References: one golden case per printed variant, and the corpus."""

from __future__ import annotations

import pytest

from extractors.document import Document
from extractors.references import normalise_kamerstuk, reference_mentions, unwrap_url


def refs(text: str):
    out = reference_mentions(Document("t.txt", "t.txt", text))
    for m in out:
        assert text[m.start : m.end] == m.text
    return [(m.value, m.fields["type"]) for m in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Kamerstuk 36 800 X, nr. 3)", [("36800-X-3", "kamerstuk")]),
        ("(Kamerstuk 21 501-28, nr. 298)", [("21501-28-298", "kamerstuk")]),
        (
            "Zie Kamerstukken 28676-472; 28676-504 en 28676-464",
            [("28676-472", "kamerstuk"), ("28676-504", "kamerstuk"), ("28676-464", "kamerstuk")],
        ),
        ("(Kamerstuk 33.763-176)", [("33763-176", "kamerstuk")]),
        ("(Kamerstuk 36800-X, nr 78)", [("36800-X-78", "kamerstuk")]),
        ("brieven van 17 juni 2025 (36 725 X nr. 6)", [("36725-X-6", "kamerstuk")]),
        ("de motie-Piri c.s. (36 800-X34)", [("36800-X-34", "motie")]),
        ("Kamerstuk 36 800 X, nrs. 13 en 14", [("36800-X-13", "kamerstuk"), ("36800-X-14", "kamerstuk")]),
        ("Kamerstukken 27 830 en 31 865, nr. 339", [("27830-339", "kamerstuk"), ("31865-339", "kamerstuk")]),
        ("zie kst-35000-X-18 voor", [("35000-X-18", "kamerstuk")]),
        ("(motie 36 045–191, 18 februari 2025)", [("36045-191", "motie")]),
        ("(motie 21 501-02-3047, 18 februari 2025)", [("21501-02-3047", "motie")]),
        ("staat (2026D20156), en", [("2026D20156", "tk_document")]),
        ("zaak 2026Z12163.", [("2026Z12163", "tk_zaak")]),
        ("rapporteren? (TZ202307-053)", [("TZ202307-053", "toezegging")]),
        ("Onze referentie\nMINDEF20260034303", [("MINDEF20260034303", "mindef")]),
        ("op [Rijksfinancien.nl](https://rijksfinancien.nl).", [("https://rijksfinancien.nl", "url")]),
        ("www.werkenbijdefensie.nl’ ligt", [("www.werkenbijdefensie.nl", "url")]),
        # an Eerste Kamer paper by its letter, and near-misses: a word after the comma, a numbered
        # paper, the formal "U" that begins a sentence
        ("(Kamerstukken I 2026/27, 36 900 X, B)", [("36900-X-B", "kamerstuk")]),
        ("zie Kamerstuk 36 412, A, en de memorie", [("36412-A", "kamerstuk")]),
        ("Kamerstukken I 2025-2026, 36 800 X, D p. 3", [("36800-X-D", "kamerstuk")]),
        ("Kamerstuk 36 800 X, Bijlage 2", [("36800-X", "kamerstuk")]),
        ("Kamerstuk 36 800 X, nr. 4", [("36800-X-4", "kamerstuk")]),
        ("volgens Kamerstuk 36 800 X, U vroeg daarom", [("36800-X", "kamerstuk")]),
        # the session year after the word, the word in lower case; a motion earlier in the text is not this paper's kind
        ("(Kamerstukken II 2025/26, 36 800 X, nr. 7)", [("36800-X-7", "kamerstuk")]),
        ("zie ook kamerstuk 27 830, nr. 421", [("27830-421", "kamerstuk")]),
        ("de motie (Kamerstuk 36 410 X, nr. 45). Zie ook 36 600 X, nr. 5",
         [("36410-X-45", "motie"), ("36600-X-5", "kamerstuk")]),
        ("de motie-Boswijk (36 600 X, nr. 45)", [("36600-X-45", "motie")]),
        ("de motie-Dassen c.s. (Kamerstukken II 2025/26, 21 501-28, nr. 312)", [("21501-28-312", "motie")]),
        ("de brief van 3 maart (Kamerstuk 29 521, nr. 450)", [("29521-450", "kamerstuk")]),
    ],
)  # fmt: skip
def test_reference_variants(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "official_id"),
    [
        ("(Kamerstuk 36 800 X, nr. 3)", "kst-36800-X-3"),
        ("(Kamerstukken I 2026/27, 36 900 X, B)", "kst-36900-X-B"),
        ("zie Kamerstuk 36 412, A, en de memorie", "kst-36412-A"),
        ("Kamerstukken I 2025-2026, 36 800 X, D p. 3", "kst-36800-X-D"),
    ],
)  # fmt: skip
def test_kamerstuk_with_a_volgnummer_or_a_letter_gets_its_official_identifier(text, official_id):
    (m,) = reference_mentions(Document("t.txt", "t.txt", text))
    assert m.fields["official_id"] == official_id
    assert m.fields["url"] == f"https://zoek.officielebekendmakingen.nl/{official_id}.html"


def test_identifiers_inside_a_url_are_references_too():
    text = "³ https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z19577&did=2025D45926"
    assert refs(text) == [
        ("https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z19577&did=2025D45926", "url"),
        ("2025Z19577", "tk_zaak"),
        ("2025D45926", "tk_document"),
    ]


def test_redirect_wrapper_keeps_its_target():
    url = "https://www.google.com/url?sa=t&url=https://www.sipri.org/sites/default/files/2026-04/2604_milex_2025.pdf&ved=2a"
    assert unwrap_url(url) == "https://www.sipri.org/sites/default/files/2026-04/2604_milex_2025.pdf"
    (m,) = reference_mentions(Document("t.txt", "t.txt", url))
    assert m.value == url and m.fields["target"] == unwrap_url(url)


def test_not_references():
    assert refs("ten minste 12.570 EU-burgers en 2500 EA Den Haag, Postbus 20701") == []


def test_answer_footnote_points_to_another_letter(docs):
    answer = [m for m in reference_mentions(docs["000"]) if m.fields["type"] == "answer"]
    assert [(m.text, m.fields["question"]) for m in answer] == [("Vraag 15", 15)]
    assert answer[0].fields["document_url"].startswith("https://www.eerstekamer.nl/brief_in/20260521/")


def test_own_numbers_at_the_head(docs):
    own = [(m.text, m.value) for m in reference_mentions(docs["004"]) if m.fields.get("own")]
    assert own == [("21 501-28", "21501-28"), ("Nr. 300", "21501-28-300")]


def test_normalise_is_stable():
    assert normalise_kamerstuk("36800-X", None) == "36800-X"
    assert normalise_kamerstuk("33.279-40", None) == "33279-40"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wijziging van de begrotingsstaten van het Ministerie van Defensie (35123-X) voor het jaar 2019",
         [("35123-X", "kamerstuk")]),
        ("Vaststelling van de begrotingsstaat van het Defensiefonds ( 35123-K ) voor 2019", [("35123-K", "kamerstuk")]),
        ("ID: 35999-X-12", [("35999-X-12", "kamerstuk")]),
        ("zie 36410-X-7 voor de toelichting", [("36410-X-7", "kamerstuk")]),
        ("de eerdere brief, 36200-K-4, gaat hierop in", [("36200-K-4", "kamerstuk")]),
    ],
)  # fmt: skip
def test_dossiers_with_a_chapter_letter_without_the_word_kamerstuk(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "een bedrag van 35123 euro",  # an amount
        "postcode 2511 CV Den Haag",  # a postcode
        "het kenteken 12-XK-34",  # a number plate
        "artikel 35123-X van niets",  # no dossier in brackets or after a cue
    ],
)
def test_near_misses_of_bare_dossiers(text):
    assert refs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Aanhangsel Handelingen II 2025/26, nr. 2345)", [("ah-tk-20252026-2345", "handelingen")]),
        ("zie Handelingen II 2025-2026, nr. 45, item 12", [("h-tk-20252026-45-12", "handelingen")]),
        ("in Handelingen I 2024/25, nr. 3 staat", [("h-ek-20242025-3", "handelingen")]),
        ("Aanhangsel van de Handelingen TK 2023-24 nr. 987", [("ah-tk-20232024-987", "handelingen")]),
        ("mijn brief van 12 juni (kenmerk BS2026012345)", [("BS2026012345", "kenmerk")]),
        ("Ons kenmerk: DOSCO/2026/1234.", [("DOSCO/2026/1234", "kenmerk")]),
        ("Het besluit staat in Stb. 2025, 123.", [("stb-2025-123", "staatsblad")]),
        ("zie Staatsblad 2024, nr. 56", [("stb-2024-56", "staatsblad")]),
        ("de regeling (Stcrt. 2026, 12345)", [("stcrt-2026-12345", "staatscourant")]),
        # the nearest word decides whose number it is: a motion's, then an amendment's
        ("De motie-Boswijk c.s. (36 600 X, nr. 45) en het amendement-Van Dijk (36 600 X, nr. 12) zijn aangenomen.",
         [("36600-X-45", "motie"), ("36600-X-12", "kamerstuk")]),
    ],
)
def test_handelingen_gazettes_kenmerk_and_an_amendments_number(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het kenmerk van de zaak is onbekend.",  # no identifier follows
        "De Handelingen van vorig jaar zijn openbaar.",  # no chamber, year or number
        "Kenmerk: zie bovenaan.",
    ],
)
def test_near_misses_of_handelingen_and_kenmerk(text):
    assert refs(text) == []



def test_papers_cited_by_one_dossier_and_several_numbers_have_a_span_each():
    text = "Voortgang uitvoering moties 30420, nrs 100 en 101 over de commissies; zie ook 36 725 X nrs. 6 en 7."
    found = reference_mentions(Document("t.txt", "t.txt", text))
    got = [(m.text, m.value) for m in found]
    assert got == [("moties 30420, nrs 100", "30420-100"), ("101", "30420-101"),
                   ("36 725 X nrs. 6", "36725-X-6"), ("7", "36725-X-7")]  # fmt: skip
    assert len({(m.start, m.end) for m in found}) == len(found)  # a span is one mention, with one value
