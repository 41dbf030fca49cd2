"""Golden tests of document metadata, parts, signatories, footnotes and tables (read by hand)."""

from __future__ import annotations

import pytest

EXPECTED = {
    # prefix: (kind, chamber, date, own dossier numbers)
    "000": ("nota naar aanleiding van verslag", "Eerste Kamer", "2026-06-19", ("36800-X-G",)),
    "001": ("brief", "Eerste Kamer", "2026-05-21", ("36800-X", "36800-K")),
    "002": ("lijst van vragen en antwoorden", "Tweede Kamer", "2026-01-27", ()),
    "003": ("verslag van een schriftelijk overleg", "Tweede Kamer", None, ()),
    "004": ("verslag van een schriftelijk overleg", "Tweede Kamer", "2026-03-09", ("21501-28-300",)),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_metadata(docs, prefix):
    doc = docs[prefix]
    assert (doc.kind, doc.chamber, doc.date, doc.dossier) == EXPECTED[prefix]


def test_own_reference_numbers(docs):
    assert docs["001"].identifiers == ("MINDEF20260034303", "MINDEF20260034272")


@pytest.mark.parametrize(
    ("prefix", "signatories"),
    [
        (
            "000",
            [
                ("Dilan Yeşilgöz-Zegerius", "minister van Defensie"),
                ("Derk Boswijk", "staatssecretaris van Defensie"),
            ],
        ),
        (
            "001",
            [
                ("Dilan Yeşilgöz-Zegerius", "minister van Defensie"),
                ("Derk Boswijk", "staatssecretaris van Defensie"),
            ],
        ),
        (
            "002",
            [
                ("Paternotte", "fungerend voorzitter van de commissie"),
                ("Manten", "adjunct-griffier van de commissie"),
            ],
        ),
        (
            "003",
            [("Paternotte", "voorzitter van de commissie"), ("Manten", "adjunct-griffier van de commissie")],
        ),
        (
            "004",
            [
                ("Paternotte", "fungerend voorzitter van de commissie"),
                ("Coco Martin", "adjunct-griffier van de commissie"),
            ],
        ),
    ],
)
def test_signatories(docs, prefix, signatories):
    doc = docs[prefix]
    assert [(s.name, s.role) for s in doc.signatories] == signatories
    for s in doc.signatories:
        assert s.span.quote(doc.text) == s.name


def test_parts_of_the_letter_with_two_chapters_and_a_memo(docs):
    parts = docs["001"].parts
    assert [(p.kind, p.series) for p in parts] == [
        ("letter", None),
        ("answers", "X"),
        ("answers", "K"),
        ("memo", None),
    ]
    assert parts[3].span.quote(docs["001"].text).startswith("Aan MINDEF en STASDEF")


def test_fractie_sections(docs):
    assert [p.fractie for p in docs["004"].parts if p.kind == "fractie_section"] == [
        "PVV",
        "Groep Markuszower",
        "BBB",
    ]
    # the table of contents of 003 names the sections too; they are not parts
    assert [p.fractie for p in docs["003"].parts if p.kind == "fractie_section"] == [
        "D66", "VVD", "GroenLinks-PvdA", "PVV", "CDA", "BBB",
    ]  # fmt: skip


def test_footnotes_are_tied_to_their_anchors(docs):
    doc = docs["001"]
    notes = {(f.label, f.text.split()[-1][:40]) for f in doc.footnotes}
    assert len(doc.footnotes) == 4
    sipri = next(f for f in doc.footnotes if "sipri" in f.text)
    assert sipri.label == "1"
    # the anchor is the superscript after "... steeds verder afneemt."
    assert doc.text[sipri.anchor.start - 8 : sipri.anchor.end] == "afneemt.¹"
    bracket = next(f for f in doc.footnotes if f.text.startswith("[1]"))
    assert bracket.anchor.quote(doc.text) == "^[1]"
    assert notes  # every footnote has a body
    sup = docs["003"].footnotes[0]
    assert sup.anchor.quote(docs["003"].text) == "<sup>1</sup>"
    assert "women-peace-and-security" in sup.text


def test_tables_rows_and_cells(docs):
    doc = docs["000"]
    (table,) = doc.tables
    assert len(table.rows) == 18
    header = [c.text for c in table.rows[1]]
    assert header == ["Categorie", "9 dec 2024 – 8 dec 2025", "9 dec 2025 – 8 mrt 2026"]
    row = [c.text for c in table.rows[2]]
    assert row == ["Totale duur uitgevoerde grenscontroles", "Ten minste 11.210 uur", "Ten minste 1.290 uur"]
    for r in table.rows:
        for c in r:
            assert c.span.quote(doc.text) == c.text


def test_official_numbers(docs):
    # the nota is 36 800 X, G (an Eerste Kamer letter); the verslag is 21 501-28, nr. 300
    assert (docs["000"].official_number, docs["004"].official_number) == ("36800-X-G", "21501-28-300")
    assert docs["001"].official_number is None and docs["002"].official_number is None


# --- the published forms of Kamerstukken (heads written for the tests) ---------------------------


def _parsed(text: str):
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    return parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))


PUBLISHED_LETTER = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026

35 911 Materieelprojecten

Nr. 42 BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 14 april 2026

Met deze brief informeer ik uw Kamer over de stand van het project.

Het vervolgrapport stuur ik uw Kamer na de zomer toe. Voorts verkent het kabinet de mogelijkheden om de levering te versnellen.

De Minister van Defensie,
C.D. Bakker
"""


def test_a_letter_in_its_published_form_is_a_letter_and_its_promises_are_read():
    from extractors.commitments import commitment_mentions

    doc = _parsed(PUBLISHED_LETTER)
    assert (doc.kind, doc.date, doc.chamber, doc.official_number) == ("brief", "2026-04-14", "Tweede Kamer", "35911-42")
    assert doc.parts[0].kind == "letter"
    found = [(m.fields["type"], m.text) for m in commitment_mentions(doc)]
    assert found == [  # not "Met deze brief informeer ik": that is what this letter does itself
        ("toezegging", "Het vervolgrapport stuur ik uw Kamer na de zomer toe"),
        ("examination", "Voorts verkent het kabinet de mogelijkheden om de levering te versnellen"),
    ]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("36 900 X Vaststelling van de begrotingsstaten\n\nNr. 2 MEMORIE VAN TOELICHTING\n", "memorie van toelichting"),
        ("36 421 Wijziging van de Wet\n\nC MEMORIE VAN ANTWOORD\n", "memorie van antwoord"),
        ("36 800 X Vaststelling\n\nNr. 121 MOTIE VAN DE LEDEN KRAMERS EN DE WIT-AYDIN\n\nVoorgesteld 3 maart 2026\n", "motie"),
        ("36 800 X Vaststelling\n\nNr. 15 AMENDEMENT VAN HET LID JANSEN\n", "amendement"),
        ("Besluitenlijst procedurevergadering vaste commissie voor Defensie\n", "besluitenlijst"),
        ("Nr. 7 BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE\n\nDen Haag, 2 februari 2026\n\nTekst.\n", "brief"),
    ],
)  # fmt: skip
def test_document_kinds_from_their_published_heads(head, kind):
    assert _parsed(head + "\nDe tekst van het stuk.\n").kind == kind


def test_a_motion_or_an_amendment_is_never_the_governments_voice():
    from extractors.commitments import commitment_mentions

    motion = _parsed("Nr. 121 MOTIE VAN DE LEDEN KRAMERS EN DE WIT-AYDIN\n\nverzoekt de regering de Kamer voor de zomer "
                     "te informeren over het wervingsplan, en gaat over tot de orde van de dag.\n")  # fmt: skip
    assert motion.kind == "motie" and commitment_mentions(motion) == []


EERSTE_KAMER_REGISTER = """Toezeggingen Eerste Kamer

Toezegging Evaluatie van de wet op de reservisten (36.412) (T03644)
De minister van Defensie zegt de Kamer, na vragen van het lid Bakker-Smit (CDA), toe de evaluatie voor 1 oktober 2027 te sturen.
Status: openstaand

Toezegging Overzicht van de kazernes (36.500) (T03701)
De staatssecretaris van Defensie zegt toe de Kamer jaarlijks een overzicht van de staat van de kazernes te geven.
"""


def test_the_eerste_kamers_register_of_promises():
    from extractors.commitments import commitment_mentions
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    doc = parse_document(SourceText("ek.txt", "ek.txt", EERSTE_KAMER_REGISTER, "utf-8"))
    assert (doc.kind, doc.chamber) == ("toezeggingen Eerste Kamer", "Eerste Kamer")
    found = [(m.fields["toezegging"], m.fields["function"], m.fields["to_person"], m.fields["to_fractie"], m.fields["due_until"])
             for m in commitment_mentions(doc)]  # fmt: skip
    assert found == [("T03644", "minister van Defensie", "Bakker-Smit", "CDA", "2027-10-01"),
                     ("T03701", "staatssecretaris van Defensie", None, None, None)]  # fmt: skip


def test_every_document_says_its_kind_and_why(tmp_path):
    import json

    from click.testing import CliRunner

    from graph.cli import main

    (tmp_path / "ek.txt").write_text(EERSTE_KAMER_REGISTER, encoding="utf-8")
    (tmp_path / "memo.txt").write_text("Een notitie over de planning van oefeningen.\n", encoding="utf-8")
    (tmp_path / "brief.txt").write_text(PUBLISHED_LETTER, encoding="utf-8")
    done = CliRunner().invoke(main, ["documents", str(tmp_path), "--format", "jsonl"])
    assert done.exit_code == 0, done.output
    rows = {r["doc"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert rows["ek.txt"]["kind"] == "toezeggingen Eerste Kamer" and rows["ek.txt"]["why"] == "head: Toezeggingen Eerste Kamer"
    assert rows["memo.txt"]["kind"] == "unknown" and rows["memo.txt"]["why"].startswith("no published head")
    assert rows["brief.txt"]["kind"] == "brief" and rows["brief.txt"]["why"].startswith("head: ")


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("Verslag van een commissiedebat, gehouden op donderdag 12 maart 2026, over de personeelszorg", "2026-03-12"),
        ("Handelingen\n\nWoensdag 4 februari 2026\n\nAanvang 10.15 uur", "2026-02-04"),
        ("Het debat wordt op woensdag 4 februari 2026 voortgezet.", None),  # a date in a sentence is no sitting
    ],
)  # fmt: skip
def test_the_date_of_a_debate(head, date):
    from extractors.structure import detect_date

    assert detect_date(head) == date


def test_a_decision_list_is_one_whatever_its_agenda_names():
    from extractors.structure import kind_evidence

    text = (
        "Den Haag, 3 april 2009\nVoortouwcommissie: vaste commissie voor Defensie\n"
        "Document: Besluitenlijst van de procedurevergadering van donderdag 2 april 2009\n"
        "1. Agendapunt: Brievenlijst\n"
        "Nota naar aanleiding van het verslag - 30569-7\nBesluit: voor kennisgeving aangenomen.\n"
    )
    kind, why = kind_evidence(text)
    assert kind == "besluitenlijst" and why.startswith("head: Document: Besluitenlijst")


def test_the_official_id_names_the_series_when_the_publication_has_no_type():
    from extractors.metadata import facts, kind_of_type

    found = facts({"OVERHEIDop.externMetadataRecord": ["https://zoek.officielebekendmakingen.nl/h-tk-20172018-50-1/metadata.xml"]})
    assert found["identifier"] == "h-tk-20172018-50-1" and kind_of_type(found["type"]) == "debat"
    assert found["chamber"] == "Tweede Kamer"
    answers = facts({"DC.identifier": ["ah-tk-20252026-1234"]})
    assert kind_of_type(answers["type"]) == "antwoorden op Kamervragen"
    assert "type" not in facts({"DC.identifier": ["kst-36800-X-3"]})  # a Kamerstuk's kind is in its head


# --- tables as text gives them ---------------------------------------------------------------------

_PIPE_TABLE = (
    "Tabel 4 Uitgaven (bedragen x € 1.000)\n\n"
    "| Post | 2027 | 2028 |\n|:---|---:|---:|\n| Munitie | 450 | 500 |\n| Vastgoed | 1.200 | -/- 50 |\n"
)
_ALIGNED_TABLE = (
    "Tabel 5 Uitgaven (bedragen x € 1 mln)\n\n"
    "Post           2027     2028\n"
    "Munitie         450      500\n"
    "Vastgoed      1.200    1.250\n\n"
    "De cijfers zijn voorlopig.\n"
)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (_PIPE_TABLE, [["Post", "2027", "2028"], ["Munitie", "450", "500"], ["Vastgoed", "1.200", "-/- 50"]]),
        (_ALIGNED_TABLE, [["Post", "2027", "2028"], ["Munitie", "450", "500"], ["Vastgoed", "1.200", "1.250"]]),
        ("Kop\tA\tB\nRij\t1\t2\n", [["Kop", "A", "B"], ["Rij", "1", "2"]]),
    ],
)
def test_tables_in_markdown_and_in_aligned_columns_are_read_cell_by_cell(text, rows):
    from extractors.structure import find_tables
    from extractors.text import split_lines

    (table,) = find_tables(split_lines(text))
    assert [[c.text for c in row] for row in table.rows] == rows
    assert all(text[c.span.start : c.span.end] == c.text for row in table.rows for c in row)


@pytest.mark.parametrize(
    "text",
    [
        "Dit is een zin.  Hier volgt er nog een.  En een derde.\nOok deze regel.  Heeft twee.  Spaties.\n",  # prose
        "Munitie         450      500\n",  # one line
        "Post      Toelichting      Stand\nMunitie   loopt op schema  groen\nVastgoed  vertraagd        rood\n",  # words
        "- punt een  met  spaties\n- punt twee  met  spaties\n",  # a list
        "Bedragen x € 1 mln\n|---|---|---|\n\nDe tabel ontbreekt.\n",  # the rule of a table whose rows were lost
    ],
)
def test_text_with_wide_spaces_that_is_no_table_of_figures_is_no_table(text):
    from extractors.structure import find_tables
    from extractors.text import split_lines

    assert find_tables(split_lines(text)) == []


@pytest.mark.parametrize("text", [_PIPE_TABLE, _ALIGNED_TABLE])
def test_the_cells_under_a_scale_title_are_amounts_in_either_layout(text):
    from extractors.figures import figure_mentions
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    doc = parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))
    amounts = {m.text: m.value for m in figure_mentions(doc) if m.kind == "amount"}
    scale = 1_000 if "1.000" in text else 1_000_000
    assert amounts["450"] == 450 * scale and amounts["1.200"] == 1_200 * scale
    assert "2027" not in amounts  # a year in the head row is no amount


def test_a_signatory_with_academic_titles_is_named_without_them():
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    text = ("Den Haag, 5 juni 2027\n\nMet vriendelijke groet,\n\nDe minister van Defensie,\n\nmr. dr. J.A. van der Meer\n\n"
            "De staatssecretaris van Defensie,\n\ndrs. A. de Vries-Bakker\n")  # fmt: skip
    doc = parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))
    got = [(s.name, s.role, s.span.quote(text)) for s in doc.signatories]
    assert got == [("J.A. van der Meer", "minister van Defensie", "J.A. van der Meer"),
                   ("A. de Vries-Bakker", "staatssecretaris van Defensie", "A. de Vries-Bakker")]  # fmt: skip


TWEEDE_KAMER_OVERVIEW = """Bijlage: overzicht openstaande toezeggingen en moties

Toezeggingen

- De minister zal de Kamer voor de zomer van 2027 informeren over de onderzeeboten (TZ202511-045).
- De staatssecretaris zegt toe de Kamer jaarlijks te informeren over de reservisten (TZ202510-012).

Moties

- Motie van het lid Boswijk c.s. over de vergoeding van reservisten (Kamerstuk 36 600 X, nr. 27).
"""


def test_an_overview_of_the_tweede_kamers_registered_promises():
    from extractors.commitments import commitment_mentions
    from extractors.entities import person_mentions
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    doc = parse_document(SourceText("tk.txt", "tk.txt", TWEEDE_KAMER_OVERVIEW, "utf-8"))
    assert doc.kind == "toezeggingen"
    found = [(m.text[:20], m.fields["toezegging"]) for m in commitment_mentions(doc)]
    assert found == [("De minister zal de K", "TZ202511-045"), ("De staatssecretaris ", "TZ202510-012")]  # after the list mark
    assert [m.value for m in person_mentions(doc)] == ["Derk Boswijk"]  # the heading "Moties" names no one
