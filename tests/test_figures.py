"""Figures: golden values on the corpus, hard cases by where they came from, and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.document import Document
from extractors.figures import figure_mentions
from extractors.numbers import format_dutch, parse_number
from extractors.periods import period_mentions


def doc_of(text: str, date: str | None = "2026-05-21") -> Document:
    return Document(name="t.txt", path="t.txt", text=text, date=date)


def figures(text: str, kind: str | None = None, date: str | None = "2026-05-21"):
    out = [m for m in figure_mentions(doc_of(text, date)) if kind is None or m.kind == kind]
    for m in out:
        assert text[m.start : m.end] == m.text
    return out


def one(text: str, kind: str):
    found = figures(text, kind)
    assert len(found) == 1, found
    return found[0]


# --- golden: the amounts of the three documents without dev gold, read by hand ------------------

AMOUNTS = {
    "000": [
        ("€19 miljard", 19e9, "circa", None), ("€9,5 miljard", 9.5e9, None, None), ("36 euro", 36, "circa", "uur"),
        ("360.000 euro", 360_000, None, None), ("40 miljoen euro", 40e6, None, None),
    ],
    "003": [("17,45 miljard euro", 17.45e9, None, None), ("17,45 miljard euro", 17.45e9, None, None),
            ("17,45 miljard euro", 17.45e9, None, None), ("€750 miljoen", 750e6, None, None),
            ("€19 miljoen", 19e6, "circa", None), ("17,45 miljard euro", 17.45e9, None, None)],
    "004": [
        ("€ 1,15 miljard", 1.15e9, None, None), ("60 miljard euro", 60e9, None, None),
        ("100 miljard euro", 100e9, "maximaal", None), ("14 miljard euro", 14e9, "maximaal", "jaar"),
        ("30 miljard euro", 30e9, None, None), ("EUR 30 mld.", 30e9, None, None),
        ("17,65 miljard euro", 17.65e9, None, None), ("17,65 miljard euro", 17.65e9, None, None),
        ("17,65 miljard euro", 17.65e9, None, None), ("6 miljard euro", 6e9, "circa", None),
        ("EUR 3 mld.", 3e9, None, "jaar"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(AMOUNTS))
def test_corpus_amounts(docs, prefix):
    got = [(m.text, m.value, m.fields["qualifier"], m.fields["per"]) for m in figure_mentions(docs[prefix]) if m.kind == "amount"]
    assert got == [(t, pytest.approx(v), q, p) for t, v, q, p in AMOUNTS[prefix]]


def test_corpus_percentages_with_their_base(docs):
    doc = docs["003"]
    pct = [(m.text, m.value, m.fields["of"]) for m in figure_mentions(doc) if m.kind == "percentage"]
    assert ("1,4%", 1.4, "bbp") in pct  # "17,45 miljard euro oftewel 1,4% van het bbp"
    assert ("2,01%", 2.01, None) in pct
    assert len([p for p in pct if p[0] == "1,5%"]) == 9


def test_corpus_quantities(docs):
    q = {(m.text, m.value, m.fields["unit"], m.fields["qualifier"]) for m in figure_mentions(docs["002"]) if m.kind == "quantity"}
    assert ("714 burgers", 714, "burgers", None) in q
    assert ("8.000 kandidaten", 8000, "kandidaten", "bijna") in q
    assert ("100.000 mensen", 100_000, "personen", "circa") in q
    q1 = {(m.text, m.value, m.fields["qualifier"]) for m in figure_mentions(docs["001"]) if m.kind == "quantity"}
    assert ("82000 personeelsleden", 82000, "ruim") in q1
    assert ("122.000 mensen", 122_000, "ten minste") in q1
    assert not any(t.startswith("16.00") for t, _, _ in q1)  # "vanaf 16.00 uur" is a time of day
    # numbers in words: "met maximaal zes maanden wordt verlengd" (the TU in Polen, three times in 003)
    q3 = [(m.text, m.value, m.fields.get("unit"), m.fields["qualifier"]) for m in figure_mentions(docs["003"])]
    assert q3.count(("zes maanden", 6, "maanden", "maximaal")) == 3


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("er komen twee brigades bij", [("twee brigades", 2)]),
        ("inzet van drieduizend man", [("drieduizend man", 3000)]),
        ("binnen tien dagen", [("tien dagen", 10)]),
        ("over een dag", []),  # the article, not a count
        ("er zijn geen dagen meer", []),
        ("de leden van de fractie", []),
    ],
)
def test_quantities_in_words(text, found):
    assert [(m.text, m.value) for m in figures(text, "quantity")] == found


def test_corpus_periods(docs):
    d = {(m.text, m.value, m.fields["until"]) for m in period_mentions(docs["000"])}
    assert ("9 dec 2024 – 8 dec 2025", "2024-12-09", "2025-12-08") in d
    assert ("het najaar van 2026", "2026-09", "2026-11") in d
    assert ("vorig jaar", "2025", None) in d  # the nota is of June 2026
    flagged = [m for m in period_mentions(docs["002"]) if m.fields.get("flag")]
    assert [(m.text, m.value, m.fields["until"]) for m in flagged] == [("2025 t/m 3031", "2025", "3031")]


# --- hard cases, grouped by where they came from -----------------------------------------------

CORPUS_CASES = [
    ("Het budget is begroot op € 50.000.", "€ 50.000", 50_000, "EUR"),
    ("De EUR 30 mld. betreft liquiditeitssteun", "EUR 30 mld.", 30e9, "EUR"),
    ("hebben 574 miljard dollar uitgegeven", "574 miljard dollar", 574e9, "USD"),
    ("Als van de 19 miljard extra structureel", "19 miljard", 19e9, "EUR"),
    ("een bedrag van euro 60 per persoon", "euro 60", 60, "EUR"),
    ("tussen 2025 en 2030 € 1,15 miljard beschikbaar", "€ 1,15 miljard", 1.15e9, "EUR"),
]
HELD_OUT_CASES = [
    ("een tekort van € 10.447,1 miljoen", "€ 10.447,1 miljoen", 10_447.1e6, "EUR"),
    ("in totaal € 7 912,6 miljoen", "€ 7 912,6 miljoen", 7_912.6e6, "EUR"),
    ("ongeveer 2,5 mln. euro", "2,5 mln. euro", 2.5e6, "EUR"),
    ("circa 3 mrd voor munitie", "3 mrd", 3e9, "EUR"),
    ("een half miljard euro extra", "een half miljard euro", 0.5e9, "EUR"),
    ("tweeënzestig komma negen miljoen euro", "tweeënzestig komma negen miljoen euro", 62.9e6, "EUR"),
    ("het kost US$ 400 miljoen", "US$ 400 miljoen", 400e6, "USD"),
    ("het kost 12 duizend euro", "12 duizend euro", 12_000, "EUR"),
]
# phrasings of other years' budget letters, written for these tests (not in the corpus)
OTHER_YEARS_CASES = [
    ("is een bedrag van €4,6mld gereserveerd", "€4,6mld", 4.6e9, "EUR"),
    ("ook werd €250mln toegezegd", "€250mln", 250e6, "EUR"),
    ("Er is 2 miljard Euro extra.", "2 miljard Euro", 2e9, "EUR"),
    ("Het gaat om Euro 60 per persoon.", "Euro 60", 60, "EUR"),
    ("Er is EUR 7,5 bn beschikbaar.", "EUR 7,5 bn", 7.5e9, "EUR"),
    ("Het bedrag van € 2 000 000 wordt uitgekeerd.", "€ 2 000 000", 2e6, "EUR"),
    ("De kosten per militair bedragen € 3.500,- per jaar.", "€ 3.500", 3500, "EUR"),
]
BUGS_CAUGHT = [
    # a trailing € once made "2030 €" an amount of 2030 euro
    ("Defensie maakt tussen 2025 en 2030 € 1,15 miljard beschikbaar", "€ 1,15 miljard", 1.15e9, "EUR"),
]


@pytest.mark.parametrize(("text", "quote", "value", "currency"), CORPUS_CASES + HELD_OUT_CASES + OTHER_YEARS_CASES + BUGS_CAUGHT)
def test_amount_cases(text, quote, value, currency):
    m = one(text, "amount")
    assert (m.text, m.fields["currency"]) == (quote, currency)
    assert m.value == pytest.approx(value)


def test_implied_currency_is_marked():
    assert one("Defensie besteedt 1,15 miljard aan innovatie", "amount").fields["implied_currency"] is True
    assert one("Defensie besteedt € 1,15 miljard aan innovatie", "amount").fields["implied_currency"] is False


def test_counted_millions_are_quantities_not_amounts():
    assert figures("Er wonen 1,5 miljoen mensen in de regio", "amount") == []
    assert figures("Er komen 1,5 miljoen extra mensen bij", "amount") == []
    # measured goods are no money either
    text = "Er is 1,5 miljoen liter brandstof en 3 miljoen patronen gekocht voor 1,2 miljoen."
    assert [(m.text, m.value) for m in figures(text, "amount")] == [("1,2 miljoen", 1.2e6)]
    assert [(m.text, m.fields["unit"]) for m in figures(text, "quantity")] == [
        ("1,5 miljoen liter", "liter"),
        ("3 miljoen patronen", "patronen"),
    ]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [("er zijn 9.000 vacatures", "9.000 vacatures", 9000, "vacatures"),
     ("het streven is 20.000 extra medewerkers in 2030", "20.000 extra medewerkers", 20000, "medewerkers")],
)  # fmt: skip
def test_quantities_of_other_years(text, quote, value, unit):
    m = one(text, "quantity")
    assert (m.text, m.value, m.fields["unit"]) == (quote, value, unit)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("circa €19 miljard", "circa"), ("ca. €19 miljard", "circa"), ("zo'n 36 euro", "circa"),
        ("ongeveer ca. 400 miljoen euro", "circa"), ("ruim € 5 miljoen", "ruim"), ("bijna € 5 miljoen", "bijna"),
        ("ten minste € 5 miljoen", "ten minste"), ("minimaal € 5 miljoen", "ten minste"),
        ("maximaal € 5 miljoen", "maximaal"), ("meer dan €2,5 miljoen", "meer dan"),
        ("een kleine 5 miljoen euro", "een kleine"), ("tot € 5 miljoen", "tot"),
    ],
)  # fmt: skip
def test_qualifiers(text, qualifier):
    m = one(text, "amount")
    assert m.fields["qualifier"] == qualifier
    assert not m.text.startswith(m.fields["qualifier_text"])  # the qualifier is a field, not quoted


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("5 à 6 miljard euro", 5e9, 6e9), ("tussen 45 en 50 miljoen", 45e6, 50e6), ("€ 5-6 miljard", 5e9, 6e9),
        ("is € 3 tot € 5 miljoen extra nodig", 3e6, 5e6), ("kost € 50 à € 100 per persoon", 50, 100),
        ("de kosten liggen tussen de € 30 en € 45 miljoen", 30e6, 45e6), ("tussen de 2 en 3 miljard euro", 2e9, 3e9),
        ("Tussen de € 40 en € 60 miljoen gaat naar onderhoud.", 40e6, 60e6),
    ],
)  # fmt: skip
def test_ranges(text, low, high):
    m = one(text, "amount")
    assert m.value is None
    assert (m.fields["min"], m.fields["max"]) == (pytest.approx(low), pytest.approx(high))


def test_a_rising_amount_is_two_amounts_not_a_range():
    found = figures("€ 100 miljoen in 2025, oplopend tot € 250 miljoen in 2028", "amount")
    assert [(m.text, m.value) for m in found] == [("€ 100 miljoen", 100e6), ("€ 250 miljoen", 250e6)]


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [("een daling van -0,5% in 2024", "-0,5%", -0.5), ("groei (−1,2%) dit jaar", "−1,2%", -1.2), ("groei van 1,2%", "1,2%", 1.2)],
)
def test_negative_percentages(text, quote, value):
    m = one(text, "percentage")
    assert (m.text, m.value) == (quote, value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("5 à 6 procent groei", 5, 6), ("tussen 10 en 15 procent", 10, 15), ("Tussen de 20 en 30% is vervuld.", 20, 30)],
)
def test_percentage_ranges(text, low, high):
    m = one(text, "percentage")
    assert m.value is None
    assert (m.fields["min"], m.fields["max"]) == (low, high)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mutatie\n-/- € 30 mln", -30e6),
        ("Saldo\t– € 52,3 miljoen", -52.3e6),
        ("het kost – volgens ons – € 5 miljoen", 5e6),
        ("het budget daalt met –€ 20 miljoen", -20e6),  # a dash glued to the amount is a minus sign
    ],
)
def test_decreases(text, value):
    assert one(text, "amount").value == pytest.approx(value)


def test_table_scale_header_applies_to_cells():
    text = "Tabel (bedragen x € 1.000)\nPost\t2025\t2026\nPersoneel\t1.250\t-/- 300\n"
    doc = Document("t.txt", "t.txt", text, tables=None)  # tables filled below
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    doc = parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))
    amounts = [(m.text, m.value) for m in figure_mentions(doc) if m.kind == "amount"]
    assert ("1.250", 1_250_000) in amounts and ("-/- 300", -300_000) in amounts


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("Tabel 1 Budgettaire gevolgen (bedragen in miljoenen euro's)\n\nArtikel\t2025\t2026\nPersoneel\t120,5\t-/- 30\n",
         [("120,5", 120.5e6), ("-/- 30", -30e6)]),
        ("Tabel 2 (x € mln)\nPost\t2025\nMaterieel\t1.250\n", [("1.250", 1.25e9)]),
        ("Uitgaven (in € 1.000)\nPost\t2025\nX\t500\n", [("500", 500_000)]),
        ("Tabel 3 Aantallen in miljoenen\nPost\t2025\nInwoners\t17,9\n", []),  # people, not money
        ("Bedragen in 2025\nPost\t2025\nX\t500\n", []),  # a year is not a scale
    ],
)  # fmt: skip
def test_table_scale_titles_of_other_years(text, cells):
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    doc = parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))
    in_table = [(m.text, m.value) for m in figure_mentions(doc) if m.kind == "amount" and "table_scale" in m.fields]
    assert in_table == [(quote, pytest.approx(value)) for quote, value in cells]


@pytest.mark.parametrize(
    ("text", "value", "of"),
    [
        ("3,5% van het bbp", 3.5, "bbp"), ("1,5% bbp", 1.5, "bbp"), ("1,5% van het BNI", 1.5, "BNI"),
        ("de 1,5%-norm voor", 1.5, "bbp"), ("65 procent van de componenten", 65, None), ("twee procent groei", 2, None),
        ("3,5% respectievelijk 5% van het bbp", 3.5, "bbp"),
    ],
)  # fmt: skip
def test_percentages(text, value, of):
    m = figures(text, "percentage")[0]
    assert (m.value, m.fields["of"]) == (pytest.approx(value), of)


def test_percentages_separated_by_a_slash():
    # 004: "In het coalitieakkoord zijn streefpercentages opgenomen (40%/50%)."
    assert [m.value for m in figures("streefpercentages opgenomen (40%/50%).", "percentage")] == [40, 50]
    assert figures("zie www.x.nl/2024/12 en 1/2", "percentage") == []


@pytest.mark.parametrize(("text", "value"), [("een stijging van 0,3 procentpunt", 0.3), ("is 0,2%-punt gestegen", 0.2)])
def test_percentage_points(text, value):
    m = one(text, "percentage")
    assert m.value == pytest.approx(value) and m.fields["points"] is True


@pytest.mark.parametrize(
    ("text", "per"),
    [("is jaarlijks € 1 miljard beschikbaar", "jaar"), ("jaarlijks circa € 80 miljoen", "jaar"),
     ("€ 80 miljoen per jaar", "jaar"), ("€ 45 per uur", "uur"), ("in totaal € 4 miljard", None)],
)  # fmt: skip
def test_rates(text, per):
    assert one(text, "amount").fields["per"] == per


@pytest.mark.parametrize(
    "text",
    [
        "In 2026 groeit de begroting.",  # a year
        "- 15. Kan de regering aangeven hoeveel?",  # a question number
        "Zie antwoord op vraag 15 en 16.",
        "Kamerstuk 36 800 X, nr. 3 en Kamerstuk 21 501-28, nr. 298",
        "Postbus 20701 2500 ES Den Haag",
        "Bel 070-3188188 voor vragen",
        "artikel 25 van de Schengengrenscodex en hoofdstuk 10",
        "zoals bericht in de NRC3, precies",
        "zie blz. 19 en p. 4",
        "vanaf 16.00 uur",
        "documenten 2026D20156 en 2026Z12163, TZ202307-053 en MINDEF20260034303",
        "https://www.sipri.org/sites/default/files/2026-04/2604_milex_2025.pdf",
    ],
)
def test_never_a_figure(text):
    assert figures(text) == []


def test_footnote_digit_glued_to_a_percentage():
    assert [(m.text, m.value) for m in figures("een score van (89%)2 in 2025", "percentage")] == [("89%", 89)]


@pytest.mark.xfail(strict=True, reason="known miss: an amount written as a fraction of a figure elsewhere")
def test_known_miss_verbal_fraction():
    # "de helft van 19 miljard" is 9,5 miljard; dkg quotes 19 miljard and does not compute the half
    assert one("de helft van de 19 miljard euro", "amount").value == pytest.approx(9.5e9)


# --- dates and periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "until"),
    [
        ("Datum 21 mei 2026", "2026-05-21", None), ("9 dec 2024 – 8 dec 2025", "2024-12-09", "2025-12-08"),
        ("medio 2026", "2026-06", "2026-07"), ("In Q2 wordt u geïnformeerd", "2026-04", "2026-06"),
        ("voor de zomer", "2026-05-21", "2026-06"), ("het najaar van 2026", "2026-09", "2026-11"),
        ("2025 t/m 2030", "2025", "2030"), ("vanaf 2035", "2035", None), ("vorig jaar", "2025", None),
        ("op 8 mei jl. besloten", "2026-05-08", None), ("de 11–12 maart 2026", "2026-03-11", "2026-03-12"),
        ("de eerste helft van 2025", "2025-01", "2025-06"), ("uiterlijk in 2030", None, "2030"),
        ("de begroting voor 2027-2031 groeit", "2027", "2031"), ("in de jaren 1998-2002", "1998", "2002"),
        ("in het derde kwartaal volgt de brief", "2026-07", "2026-09"), ("het Eerste kwartaal", "2026-01", "2026-03"),
    ],
)  # fmt: skip
def test_periods(text, value, until):
    (m,) = [m for m in period_mentions(doc_of(text)) if m.kind == "date"]
    assert (m.value, m.fields["until"]) == (value, until)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    ["besloten op 2026-04-15", "zie rapport-2025-2026.pdf", "onder nummer 2026-0345", "kenmerk 2025-20260",
     "de reeks 2026-04 volgt", "code ah-tk-2025-2026", "het kwartaalbericht", "het derde kwartaalrapport",
     "elk kwartaal", "het afgelopen kwartaal"],
)  # fmt: skip
def test_no_period_in_near_misses(text):
    """An ISO date, a month path, a file name or a number with a year in it is no year range; a
    quarter needs its ordinal word and is no part of a longer word."""
    assert [m.text for m in period_mentions(doc_of(text)) if m.kind == "date"] == []


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("Eerder in 2025 waren het er 200, maar in juli steeg het aantal.", "in juli", "2025-07"),
        ("Het Projectenoverzicht 2027, dat u in september ontvangt, is klaar.", "in september", "2027-09"),
        ("Eind oktober 2024 en begin november volgde de rest.", "begin november", "2024-11"),
        # no year in its sentence: the month is found, its year left open (the past or what is to come?)
        ("De Monitor verscheen pas in oktober.", "in oktober", None),
        ("Vóór december ontvangt u het plan.", "Vóór december", None),
    ],
)  # fmt: skip
def test_a_month_without_its_year_takes_the_year_its_sentence_names(text, quote, value):
    found = [m for m in period_mentions(doc_of(text)) if m.fields.get("period_kind") == "month_alone"]
    assert [(m.text, m.value) for m in found] == [(quote, value)]


@pytest.mark.parametrize(
    "text", ["Op 3 mei was er overleg.", "In mei 2028 start de bouw.", "De meiviering is voorbij.", "Mei de Vries sprak."]
)
def test_a_month_with_its_day_or_year_or_inside_a_word_is_no_month_alone(text):
    assert not [m for m in period_mentions(doc_of(text)) if m.fields.get("period_kind") == "month_alone"]


def test_relative_dates_need_a_document_date():
    (m,) = list(period_mentions(doc_of("vorig jaar", date=None)))
    assert m.value is None and m.fields["relative"] is True


def test_impossible_period_is_kept_and_flagged():
    (m,) = list(period_mentions(doc_of("in de periode 2025 t/m 3031")))
    assert (m.value, m.fields["until"]) == ("2025", "3031") and "implausible" in m.fields["flag"]


# --- round trips ---------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=0, max_value=999_999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([("", 1), (" miljoen", 10**6), (" mln", 10**6), (" miljard", 10**9), (" mld.", 10**9)]),
    st.sampled_from(["€ {}", "€{}", "EUR {}", "{} euro"]),
    st.sampled_from([".", " "]),
)
def test_writing_an_amount_the_dutch_way_and_reading_it_back(value, scale, layout, thousands):
    number = format_dutch(float(value), thousands=thousands)
    words, factor = scale
    if layout == "{} euro":
        text = "Het kost " + layout.format(number + words) + " in totaal."
    else:
        text = "Het kost " + layout.format(number) + words + " in totaal."
    m = one(text, "amount")
    assert m.value == pytest.approx(float(value) * factor)


@settings(max_examples=500, deadline=None)
@given(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: round(v, 3)))
def test_format_then_parse_number(v):
    assert parse_number(format_dutch(v)) == pytest.approx(v)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_figures_never_raise_and_slice(text):
    for m in figure_mentions(doc_of(text)) + list(period_mentions(doc_of(text))):
        assert text[m.start : m.end] == m.text


# --- the cheap tests that spare a regex must never change what the regex decides ---------------

_BEFORE_PIECES = st.sampled_from([
    "ongeveer ", "ca. ", "circa ", "(tot ", "tot ", "ten minste ", "meer dan ", "een kleine ", "zo’n ", "ruim ",
    "vraag ", "vragen 3 en ", "blz. ", "Postbus ", "artikel ", "nr. ", "nrs. ", "Bijlage ", "(", " ", "\n", "x ", "-/- ",
    "– ", "\t", "beleid ", "de ",
])  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_BEFORE_PIECES, max_size=8).map("".join))
def test_the_prefilters_agree_with_the_patterns_they_guard(before):
    import re

    from extractors import figures as F

    text = before + "12"
    start = len(before)
    m = F._qualifier_re().search(text, max(0, start - 30), start)
    expected_qualifier = (F._data()["qualifiers"].get(m["q"].lower(), m["q"].lower()), m["q"]) if m else (None, None)
    assert F._qualifier(text, start) == expected_qualifier
    window = text[max(0, start - 6) : start]
    glued = bool(re.search(r"(?:^|[\s(])[-–]$", text[:start]))
    expected_negative = bool(re.search(r"-/-\s?$|−\s?$", window) or re.search(r"(?:^|[\t\n(])\s*[-–]\s?$", window)) or glued
    assert F._negative(text, start) == expected_negative
    assert F.is_identifier(text, start) == bool(F._IDENTIFIER_BEFORE.search(text, max(0, start - 40), start))


_DATE_PIECES = st.sampled_from([
    "1", "12", "2026", "1999", "20261", " ", "-", "–", "en", " mei", " dec", " t/m ", " jl.", "x", "\n", "Q2", "e", ",", "²",
])  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=16).map("".join))
def test_days_and_years_found_from_the_digit_runs_are_those_a_full_search_finds(text):
    from extractors import periods as P
    from extractors.text import anchored_matches, digit_run_starts

    starts = digit_run_starts(text)
    days = anchored_matches(P._DAY_FORMS, text, [p for p in starts if P._may_start_day(text, p)])
    assert [m.span() for m in days] == [m.span() for m in P._DAY_FORMS.finditer(text)]
    years = anchored_matches(P._YEAR, text, [p for p in starts if text.startswith(("19", "20"), p)])
    assert [m.span() for m in years] == [m.span() for m in P._YEAR.finditer(text)]


_FIGURE_PIECES = st.sampled_from([
    "1", "19,3", "10.447", " ", "€", "EUR ", " miljard", " mln.", "%", " procent", " à ", "-", "x", "(", ")", "NRC", "/", ".",
    ",", " personen",
])  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_FIGURE_PIECES, max_size=16).map("".join))
def test_figures_found_from_the_digit_runs_are_those_a_full_search_finds(text):
    from extractors import figures as F
    from extractors.text import anchored_matches, digit_run_starts

    anchored = anchored_matches(F._figure_re(), text, digit_run_starts(text))
    assert [m.span() for m in anchored] == [m.span() for m in F._figure_re().finditer(text)]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "twee",
                "tweeën",
                "zestig",
                "duizend",
                " komma ",
                "een",
                " half",
                "ander",
                "geen",
                "de",
                "x",
                " ",
                "\n",
                "Drie",
                "ÉÉN",
                "DRIE",
                "Zes",
                "honderd",
                "tien",
                "elf",
                "kwart",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_the_number_word_test_never_hides_a_number_in_words(before):
    from extractors import figures as F
    from extractors.numbers import parse_words

    text = before + " "
    m = F._WORD_BEFORE.search(text, max(0, len(text) - 45), len(text))
    if m and parse_words(m["w"]) is not None:
        assert F._number_word_before(text, len(text))


# --- layouts and phrasings of other documents (each class with cases of our own) ------------------


def _parsed(text: str):
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    return parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("Tabel 4 Uitgaven defensie (bedragen x € 1.000)\n\nUitgaven\n\n4.512.300\n\n87.120\n\nOntvangsten\n\n12.050\n",
         [("4.512.300", 4_512_300_000), ("87.120", 87_120_000), ("12.050", 12_050_000)]),
        ("(bedragen x € 1 mln.)\n\nMaterieel\n\n1.250,5\n\nPersoneel\n\n830\n",
         [("1.250,5", 1_250.5e6), ("830", 830e6)]),
        ("Budgettaire gevolgen in € mln\n\n2027\n\n2028\n\n145\n\n160\n", [("145", 145e6), ("160", 160e6)]),
    ],
)  # fmt: skip
def test_cells_one_per_line_under_a_scale_title(text, cells):
    doc = _parsed(text)
    amounts = [(m.text, m.value) for m in figure_mentions(doc) if m.kind == "amount"]
    assert amounts == [(quote, pytest.approx(value)) for quote, value in cells]  # never the title's scale
    from extractors.references import reference_mentions

    assert reference_mentions(doc) == []  # a dotted five-digit cell is no Kamerstuk


@pytest.mark.parametrize(
    "text",
    [
        "De tabel hieronder (bedragen x € 1 mln.) geeft de verdeling.",
        "Alle bedragen zijn x € 1.000, tenzij anders vermeld.",
        "In de bijlage staan de bedragen in € mln en de aantallen in vte.",
        "(bedragen x EUR 1.000)",
    ],
)
def test_a_scale_header_is_never_an_amount(text):
    assert figures(text, "amount") == []


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("De regio telt 4,2 miljoen inwoners.", "4,2 miljoen inwoners", "personen"),
        ("Ruim 1,3 miljoen huishoudens ontvangen de brief.", "1,3 miljoen huishoudens", "huishoudens"),
        ("Het netwerk bereikt 2,5 miljoen gebruikers per maand.", "2,5 miljoen gebruikers", "gebruikers"),
        ("Er zijn 8 miljoen voertuigen geregistreerd.", "8 miljoen voertuigen", "voertuigen"),
        ("Het register telt 1,1 miljoen leveranciers.", "1,1 miljoen leveranciers", "leveranciers"),
    ],
)
def test_a_count_in_millions_is_a_quantity_not_money(text, quote, unit):
    assert figures(text, "amount") == []
    m = one(text, "quantity")
    assert (m.text, m.fields["unit"]) == (quote, unit)


def test_money_in_millions_stays_money_beside_counted_nouns():
    # near-misses of the rule above: a currency or a euro context keeps it money
    assert [m.value for m in figures("Voor 4,2 miljoen inwoners is € 3 miljoen beschikbaar.", "amount")] == [3e6]
    assert [m.text for m in figures("De kosten bedragen 1,3 miljoen euro voor de huishoudens.", "amount")] == ["1,3 miljoen euro"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("De werkloosheid daalt van 0,9 naar 0,6 procent.", [0.9, 0.6]),
        ("Het aandeel stijgt van 19 tot 21% in 2027.", [19, 21]),
        ("Een groei van 2 naar 2,5 procent van het bbp.", [2, 2.5]),
    ],
)
def test_two_percentages_that_share_one_unit(text, values):
    assert [m.value for m in figures(text, "percentage")] == values


def test_from_to_without_a_shared_unit_is_not_a_percentage():
    # near-miss: the first number is a year, or a count, not a share
    assert [m.value for m in figures("Van 2025 tot 2030 groeit het budget met 3 procent.", "percentage")] == [3]
    assert [m.value for m in figures("Het aantal stijgt van 12 naar 15 eenheden, een groei van 25%.", "percentage")] == [25]


@pytest.mark.parametrize(
    ("text", "value", "until"),
    [
        ("De evaluatie komt vóór het zomerreces van 2026.", "2026-01-12", "2026-07"),
        ("Dit volgt na het zomerreces 2027.", "2027-09", "2027-12"),
        ("De brief komt voor het kerstreces van 2026.", "2026-01-12", "2026-12"),
        ("De reactie volgt na het kerstreces van 2026.", "2027-01", "2027-03"),
        ("Het besluit valt vóór het zomerreces.", "2026-01-12", "2026-07"),
        ("Het kabinet informeert de Kamer in het najaar over de uitkomst.", "2026-09", "2026-11"),
        ("In het voorjaar volgt het plan.", "2026-03", "2026-05"),
    ],
)  # fmt: skip
def test_the_kamers_recesses_are_periods(text, value, until):
    from extractors.document import Document
    from extractors.periods import periods_of

    (m,) = periods_of(Document("x", "x", text, date="2026-01-12"))
    assert (m.value, m.fields["until"]) == (value, until)


def test_a_recess_named_without_its_phrase_is_no_period():
    from extractors.document import Document
    from extractors.periods import periods_of

    assert periods_of(Document("x", "x", "Het zomerreces van 2026 duurt zes weken.", date="2026-01-12")) == []


def test_the_coming_spring_after_spring_is_next_years():
    from extractors.document import Document
    from extractors.periods import periods_of

    (m,) = periods_of(Document("x", "x", "In het voorjaar volgt het plan.", date="2026-07-01"))
    assert (m.value, m.fields["until"]) == ("2027-03", "2027-05")
    assert periods_of(Document("x", "x", "Het najaar van dit jaar.", date="2026-07-01"))[0].text != "najaar"


# Counts in compound nouns, and bare numbers in the clause that says what is counted ("het aantal X")
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("De vliegers maakten gemiddeld 180 vlieguren per persoon.", [("180 vlieguren", 180, "vlieguren")]),
        ("Er zijn 24 pantservoertuigen en 6 oefendagen gepland.",
         [("24 pantservoertuigen", 24, "pantservoertuigen"), ("6 oefendagen", 6, "oefendagen")]),
        ("Het aantal militairen steeg van 41.200 naar 43.900 in 2025.",
         [("41.200", 41200, "militairen"), ("43.900", 43900, "militairen")]),
        ("Het aantal openstaande vacatures lag op 3.120, tegen 2.800 een jaar eerder.",
         [("3.120", 3120, "vacatures"), ("2.800", 2800, "vacatures")]),
        ("Dit aantal gewonde militairen is met 12 gestegen.", [("12", 12, "militairen")]),
    ],
)  # fmt: skip
def test_counts_in_compounds_and_after_het_aantal(text, found):
    assert [(m.text, m.value, m.fields["unit"]) for m in figures(text, "quantity")] == found


@pytest.mark.parametrize(
    "text",
    [
        "Het aantal van ruim 82000 is gehaald op 1 maart 2026.",  # "van" is no counted noun; a date
        "Het aantal eerder in 2025 lag tussen de 210 en 340 per maand.",  # no noun: no count
        "Het aantal vacatures staat in tabel 3 (zie bijlage 2).",  # a table's and an annex's number
        "Het aantal aanvragen is in 2024 gedaald.",  # a year
        "Een groot aantal landen doet mee sinds 2019.",  # no count printed
        "Ongeveer 1 op de 3 reservisten stopt binnen een jaar.",  # a proportion, not three reservists
        "Een op de vijf militairen werkt parttime.",  # the same, in words
        "Twee op elke tien rekruten haken af.",
    ],
)
def test_near_misses_of_counts_after_het_aantal(text):
    assert figures(text, "quantity") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [("tegen tweeënhalf procent vorig jaar", "percentage", 2.5), ("drieënhalf miljoen euro extra", "amount", 3.5e6),
     ("vijfenhalf miljard", "amount", 5.5e9)],
)
def test_a_number_and_a_half_in_words(text, kind, value):
    assert one(text, kind).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "quote", "value", "until"),
    [
        ("De levering volgt uiterlijk 1 juli.", "1 juli", "2026-07-01", None),  # the sentence's full stop is not quoted
        ("Zie de brief van 3 sept. 2025 hierover.", "3 sept. 2025", "2025-09-03", None),  # an abbreviation keeps its dot
        ("De levering volgt in de loop van 2027.", "in de loop van 2027", "2027", None),
    ],
)
def test_dates_end_where_their_words_end(text, quote, value, until):
    (m,) = [m for m in period_mentions(doc_of(text)) if m.kind == "date"]
    assert (m.text, m.value, m.fields["until"]) == (quote, value, until)


@pytest.mark.parametrize(
    ("text", "value", "until"),
    [("Dit gebeurt medio volgend jaar.", "2027-06", "2027-07"), ("Dit gebeurt begin volgend jaar.", "2027-01", "2027-03"),
     ("Dat was eind vorig jaar, en dit jaar ook.", "2025-10", "2025-12")],
)
def test_part_of_a_year_told_relative_to_the_letter(text, value, until):
    m = [m for m in period_mentions(doc_of(text)) if m.kind == "date"][0]
    assert (m.value, m.fields["until"]) == (value, until)


def test_two_relative_phrases_close_together():
    found = [m.text for m in period_mentions(doc_of("Begin volgend jaar en eind volgend jaar.")) if m.kind == "date"]
    assert found == ["Begin volgend jaar", "eind volgend jaar"]


@pytest.mark.parametrize(
    ("text", "quote", "of"),
    [
        ("Het budget groeit met 4,2% naar 2,9 procent van het bbp.", "4,2%", None),  # a rate of change
        ("Het budget groeit met 4,2% naar 2,9 procent van het bbp.", "2,9 procent", "bbp"),
        ("Bij een economische groei van 1,5% stijgt de norm van 3,5% bbp mee.", "1,5%", None),
        ("Bij een economische groei van 1,5% stijgt de norm van 3,5% bbp mee.", "3,5%", "bbp"),
        ("Nederland besteedt 2,1% aan defensie; dat is de NAVO-norm voor het bbp.", "2,1%", "bbp"),  # implied
    ],
)
def test_a_rate_of_change_is_no_share_of_the_bbp(text, quote, of):
    (m,) = [m for m in figures(text, "percentage") if m.text == quote]
    assert m.fields["of"] == of
