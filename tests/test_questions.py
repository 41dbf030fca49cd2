"""Golden tests on the five corpus documents: questions per series, answered flags and references
between answers. Expected values were read off the documents by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from extractors.document import Document


def by_label(doc: Document) -> dict[str, object]:
    return {q.label: q for q in doc.questions if q.n is not None}


# document -> {series: number of questions}
SERIES = {
    "000": {"SP": 7, "Volt": 6, "Visseren-Hamakers": 4},
    "001": {"X": 45, "K": 22},
    "002": {None: 63},
    "004": {None: 15},
}


@pytest.mark.parametrize("prefix", sorted(SERIES))
def test_numbered_series_run_from_one_without_gaps(docs, prefix):
    doc = docs[prefix]
    counts = Counter(q.series for q in doc.questions)
    assert dict(counts) == SERIES[prefix]
    for series, count in SERIES[prefix].items():
        numbers = [q.n for q in doc.questions if q.series == series]
        assert numbers == list(range(1, count + 1))


# answers that point to other answers ("Zie antwoord op vraag 2.", "Zoals toegelicht onder vraag 1")
REFERS_001 = {
    "X3": [2], "X4": [2], "X17": [15], "X18": [15], "X19": [18], "X34": [36], "X35": [36], "X37": [38],
    "X41": [45], "X42": [45], "X43": [45], "X44": [45], "K3": [1], "K4": [1], "K9": [1],
}  # fmt: skip
REFERS_002 = {
    "7": [3], "8": [6, 7], "9": [6, 7], "10": [6, 7], "15": [11], "17": [16], "19": [18], "21": [22],
    "27": [26, 54], "28": [22], "33": [1], "37": [33], "38": [41], "40": [11], "49": [48], "53": [16],
    "54": [26],
}  # fmt: skip


@pytest.mark.parametrize(("prefix", "expected"), [("001", REFERS_001), ("002", REFERS_002)])
def test_answer_references(docs, prefix, expected):
    got = {label: list(q.answer_refers_to) for label, q in by_label(docs[prefix]).items() if q.answer_refers_to}
    assert got == expected


def test_pointer_only_answers_are_told_from_pointers_followed_by_text(docs):
    q = by_label(docs["001"])
    assert q["X17"].by_reference_only  # "Zie antwoord op vraag 15." after a footnote
    assert not q["X18"].by_reference_only  # "Zie antwoord op vraag 15." and a paragraph more
    assert q["X41"].by_reference_only and q["K3"].by_reference_only
    assert not q["K9"].by_reference_only  # "Zoals toegelicht onder vraag 1" inside a longer answer
    q2 = by_label(docs["002"])
    assert [n for n, x in q2.items() if x.by_reference_only] == ["8", "9", "10", "17", "19", "21", "49"]


def test_every_numbered_question_in_answer_documents_is_answered(docs):
    for prefix in ("000", "001", "002", "004"):
        assert all(q.answered for q in docs[prefix].questions), prefix


def test_consultation_report_without_answers_has_open_paragraph_questions(docs):
    doc = docs["003"]
    per_fractie = Counter(q.asked_by for q in doc.questions)
    # VVD asks nothing; a CDA paragraph and a D66 paragraph ask without a question mark
    assert per_fractie == {"D66": 9, "GroenLinks-PvdA": 7, "PVV": 9, "CDA": 15, "BBB": 8}
    assert all(q.n is None and q.series is None and not q.answered for q in doc.questions)
    texts = [q.span.quote(doc.text) for q in doc.questions]
    assert any(t.endswith("zo vragen de leden van de D66-fractie.") for t in texts)
    # a question cut by a page break is one question
    assert any("hoe het groeipa" in t and "zullen worden ingezet" in t for t in texts)
    # statements without a question are not questions
    assert not any(t.startswith("De leden van de PVV-fractie lezen dat Nederland pleit") for t in texts)


def test_asking_fractie_from_question_text_and_section(docs):
    q = by_label(docs["001"])
    assert q["X2"].asked_by == "GroenLinks-PvdA"  # "De leden van de fractie van GroenLinks-PvdA"
    assert q["X11"].asked_by == "BBB" and q["X33"].asked_by == "Volt" and q["K9"].asked_by == "SP"
    assert q["X1"].asked_by is None  # not named anywhere near the question
    q4 = by_label(docs["004"])
    assert q4["1"].asked_by == "PVV"
    assert q4["11"].asked_by == "BBB"  # from the section heading only
    assert {x.asked_by for x in docs["000"].questions} == {"SP", "Volt", "Visseren-Hamakers"}


def test_question_spans_are_the_question_text(docs):
    doc = docs["001"]
    q = by_label(doc)
    assert q["X1"].span.quote(doc.text).startswith("De regering benoemt dat Europa in 2030")
    assert q["X1"].span.quote(doc.text).endswith("op afrekenen?")  # the trailing ** is not quoted
    # page break inside a question: "... sinds 2025" / "uitvoert. Welk additionele bedrag ..."
    assert q["X33"].span.quote(doc.text).endswith("in de begroting 2026 voor voorzien?")
    # a question that ends in a list after a colon
    assert q["K9"].span.quote(doc.text).endswith("Israëlische defensiebedrijven gaat?")
    # a question without a question mark does not swallow its answer
    assert q["K11"].span.quote(doc.text).endswith("naar beneden gaat")
    assert q["K11"].answer.quote(doc.text).startswith("Defensie bereidt zich voor")


def test_footnote_between_question_and_answer_is_not_part_of_the_answer(docs):
    doc = docs["000"]
    sp4 = next(q for q in doc.questions if q.series == "SP" and q.n == 4)
    # the footnote "¹ Vraag 15: <url>" points to another letter, not to this document's question 15
    assert sp4.answer_refers_to == ()
    assert sp4.answer.quote(doc.text).startswith("De tijdens de NAVO-top in Den Haag")


def test_answers_end_before_the_signature_and_the_memo(docs):
    last = docs["000"].questions[-1]
    assert "Dilan" not in last.answer.quote(docs["000"].text)
    k22 = by_label(docs["001"])["K22"]
    assert "MINDEF" not in k22.answer.quote(docs["001"].text)


def test_spans_slice_to_quotes(docs):
    for doc in docs.values():
        for q in doc.questions:
            assert 0 <= q.span.start < q.span.end <= len(doc.text)
            if q.answer:
                assert q.span.end < q.answer.start < q.answer.end <= len(doc.text)


# A list in a layout and wording the corpus does not use: each number alone on its line above the
# question, "Antwoord" above each answer, and pointers worded in the other ways such lists word them.
INVENTED_LIST = """Tabel 1
12
4.512

Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN

1
Hoeveel geld is volgend jaar beschikbaar voor munitie?

Antwoord
Volgend jaar is € 1,15 miljard beschikbaar.

2
Kunt u aangeven hoeveel munitie al is geleverd?

Antwoord
Voor het antwoord op deze vraag verwijs ik u naar het antwoord op vraag 1.

3
Hoeveel vacatures staan open bij de Koninklijke Marechaussee?

Antwoord
Ik verwijs naar mijn antwoord op vraag 1.

4
Wanneer ontvangt de Kamer de evaluatie?

Antwoord
Zie de antwoorden op de vragen 1 en 3.

5
Wat kost het programma in 2028?

Antwoord
Het programma kost in 2028 naar verwachting € 87 mln. Zie ook het antwoord op vraag 1.

6
Hoeveel toestellen zijn inzetbaar?

Antwoord
Hiervoor verwijzen wij naar de beantwoording van vraag 4.

7
Hoeveel reservisten zijn er?

Antwoord
Zoals aangegeven in het antwoord op vraag 5, is dat nog niet bekend.

8
Deze vraag staat open: welke landen nemen deel?
"""


def _parsed(text: str) -> Document:
    from extractors.parse import parse_document
    from extractors.reading import SourceText

    return parse_document(SourceText("t.txt", "t.txt", text, "utf-8"))


def test_numbers_alone_on_their_line_open_questions_and_pointers_in_other_words_are_read():
    doc = _parsed(INVENTED_LIST)
    q = {x.n: x for x in doc.questions}
    assert sorted(q) == list(range(1, 9))  # "12" under "Tabel 1" is a cell, not a question
    assert q[1].span.quote(doc.text) == "Hoeveel geld is volgend jaar beschikbaar voor munitie?"
    assert q[1].answer.quote(doc.text) == "Volgend jaar is € 1,15 miljard beschikbaar."
    only = {n for n, x in q.items() if x.by_reference_only}
    assert only == {2, 3, 4, 6}
    assert [q[n].answer_refers_to for n in (2, 3, 4, 6)] == [(1,), (1,), (1, 3), (4,)]
    # near-misses: a figure before the pointer, a clause around it: answers of their own
    assert q[5].answer_refers_to == (1,) and q[7].answer_refers_to == (5,)
    assert not q[8].answered
    assert {doc.parts[x.part].kind for x in doc.questions} == {"answers"}  # under the published list's head


_THREE_QUESTIONS = (
    "Vraag 1\nIs er geld?\n\nAntwoord\nJa.\n\n"
    "Vraag 2\nHoeveel?\n\nAntwoord\nVeel.\n\n"
    "Vraag 3\nWanneer?\n\nAntwoord\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Deze vraag is beantwoord bij vraag 2.",
        "Deze vraag wordt samen met vraag 2 beantwoord.",
        "Verwezen wordt naar het antwoord op vraag 2.",
        "Het kabinet verwijst naar het antwoord op vraag 2.",
        "Wij verwijzen u graag naar het antwoord op de vragen 1 en 2.",
        "Voor de beantwoording van deze vraag verwijs ik naar vraag 2.",
        "Zie het antwoord op vraag 1 en het antwoord op vraag 2.",
        "Zie de antwoorden op de vragen 1 tot en met 2.",
        "Zie antwoord 2.",
        "Zie het antwoord op vraag 2 van de leden van de VVD-fractie.",
        "Voor de beantwoording van deze vraag wordt verwezen naar vraag 2.",
        "Het antwoord op deze vraag is opgenomen bij vraag 2.",
        "Dit is toegelicht in het antwoord op vraag 2.",
        "Zie hiervoor het antwoord op vraag 2.",
        "Graag verwijs ik naar het antwoord op vraag 2.",
    ],
)
def test_more_ways_of_pointing_to_another_answer(line):
    doc = _parsed(_THREE_QUESTIONS + line + "\n")
    q3 = doc.questions[-1]
    assert q3.n == 3 and q3.by_reference_only and 2 in q3.answer_refers_to


@pytest.mark.parametrize(
    "line",
    [
        "Zie antwoord op vraag 2 voor de cijfers van 2024 en de raming.",
        "Ik verwijs naar de brief van 3 maart over vraag 2.",
        "Deze vraag is niet te beantwoorden.",
        "Zie de Defensienota 2024.",
        "Zie vraag 2 voor de cijfers van dit jaar.",
        "Zoals in het antwoord op vraag 2 aangegeven, is de kazerne klaar.",
        "Dit is toegelicht in het antwoord op vraag 2, maar de kosten zijn gestegen.",
    ],
)
def test_answers_that_merely_mention_another_question_are_not_pointers(line):
    doc = _parsed(_THREE_QUESTIONS + line + "\n")
    assert not doc.questions[-1].by_reference_only


def test_a_page_number_left_in_converted_text_opens_no_question():
    text = (
        "Vragen en antwoorden\n\n1. Hoeveel geld is er in 2027 beschikbaar?\n\nAntwoord\nDat is veel geld voor de\n\n2\n\n"
        "aanschaf van munitie. Is dat genoeg? Ja.\n\n"
        "2. Wanneer komt de brief?\n\nAntwoord\nIn het najaar.\n"
    )
    doc = _parsed(text)
    assert [(q.n, q.span.quote(doc.text)) for q in doc.questions] == [
        (1, "Hoeveel geld is er in 2027 beschikbaar?"), (2, "Wanneer komt de brief?")]


# --- answers printed in a block of their own, after all the questions --------------------------------

_ASKED = (
    "Vragen van het lid Kramers (CDA) aan de staatssecretaris van Defensie over de werving van "
    "reservisten (ingezonden 2 april 2027).\n\n"
    "Vraag 1\nHoeveel reservisten zijn er dit jaar geworven?\n\n"
    "Vraag 2\nWat kost een wervingscampagne?\n\n"
    "Vraag 3\nWanneer verschijnt de evaluatie van de campagne?\n\n"
)


@pytest.mark.parametrize(
    "answers",
    [
        "Antwoord 1\nTot nu toe 640.\n\nAntwoord 2\nOngeveer € 2 miljoen.\n\nAntwoord 3\nZie het antwoord op vraag 2.\n",
        "Antwoord op vraag 1:\nTot nu toe 640.\n\nAntwoord op vraag 2:\nOngeveer € 2 miljoen.\n\n"
        "Antwoord op vraag 3:\nZie het antwoord op vraag 2.\n",
        "1\nTot nu toe 640.\n\n2\nOngeveer € 2 miljoen.\n\n3\nZie het antwoord op vraag 2.\n",
        "1. Tot nu toe 640.\n\n2. Ongeveer € 2 miljoen.\n\n3. Zie het antwoord op vraag 2.\n",
    ],
)
def test_answers_printed_after_all_the_questions_go_to_the_questions_of_their_numbers(answers):
    heading = "Antwoord van staatssecretaris Tuinman (Defensie) (ontvangen 30 april 2027).\n\n"
    doc = _parsed(_ASKED + heading + answers)
    got = {q.n: (q.answer.quote(doc.text) if q.answer else None) for q in doc.questions}
    assert got == {1: "Tot nu toe 640.", 2: "Ongeveer € 2 miljoen.", 3: "Zie het antwoord op vraag 2."}
    assert [q.n for q in doc.questions if q.by_reference_only] == [3]
    assert doc.questions[2].answer_refers_to == (2,)


@pytest.mark.parametrize(
    "after",
    [
        # no answers at all: the questions as sent
        "",
        # numbers under the heading that do not start at the first open question: a list, not answers
        "Antwoord van staatssecretaris Tuinman (Defensie).\n\n2\nDe stukken staan online.\n\n3\nZie de bijlage.\n",
        # a numbered list without the heading of the answers
        "Bijlagen\n\n1. Overzicht per regio.\n\n2. Tijdpad.\n",
        # under the heading, a label for a question that was never asked
        "Antwoord van staatssecretaris Tuinman (Defensie).\n\nAntwoord 7\nDit hoort bij geen vraag.\n",
    ],
)
def test_a_list_after_the_questions_is_no_block_of_answers(after):
    doc = _parsed(_ASKED + after)
    assert [q.n for q in doc.questions] == [1, 2, 3]
    assert not any(q.answered for q in doc.questions)


def test_answers_after_each_question_are_not_moved_and_an_open_one_stays_open():
    text = (
        "Antwoord van minister Brekelmans (Defensie) (ontvangen 5 mei 2027).\n\n"
        "Vraag 1\nIs de kazerne klaar?\n\nAntwoord 1\nNog niet. Dit zijn de stappen:\n\n2\nDe vloer.\n\n"
        "Vraag 2\nWat kost de vertraging?\n\n"
        "Vraag 3\nWie betaalt?\n\nAntwoord 3\nHet Rijksvastgoedbedrijf.\n\n"
        "2\nDe planning volgt.\n"
    )
    doc = _parsed(text)
    got = {q.n: (q.answer.quote(doc.text) if q.answer else None) for q in doc.questions}
    assert got[1].startswith("Nog niet.") and got[3].startswith("Het Rijksvastgoedbedrijf.")
    assert got[2] is None  # neither the list item in answer 1 nor the trailing "2" answers it


@pytest.mark.parametrize(
    "text",
    [
        "Vraag 1: Hoeveel schepen varen uit?\nAntwoord: Vier schepen.\n\n"
        "Vraag 2: Wat kost dat?\nAntwoord: Zie het antwoord op vraag 1.\n",
        "Vraag 1\nHoeveel schepen varen uit?\nAntwoord: Vier schepen.\n\n"
        "Vraag 2\nWat kost dat?\nAntwoord 2: Zie het antwoord op vraag 1.\n",
        "**Vraag 1.** Hoeveel schepen varen uit?\n\n**Antwoord:** Vier schepen.\n\n**Vraag 2.** Wat kost dat?\n\n"
        "Antwoord op vraag 2: Zie het antwoord op vraag 1.\n",
    ],
)
def test_a_label_and_its_text_on_one_line(text):
    doc = _parsed(text)
    got = [(q.n, q.span.quote(doc.text), q.answer.quote(doc.text) if q.answer else None) for q in doc.questions]
    assert got == [(1, "Hoeveel schepen varen uit?", "Vier schepen."), (2, "Wat kost dat?", "Zie het antwoord op vraag 1.")]
    assert doc.questions[1].by_reference_only and doc.questions[1].answer_refers_to == (1,)


def test_a_question_mentioned_in_prose_opens_no_question():
    doc = _parsed("Vraag 2 van de leden is al beantwoord. Vraag 3 volgt later.\n")
    assert doc.questions == ()


@pytest.mark.parametrize(
    ("line", "refers"),
    [
        ("Zie de antwoorden op vraag 4 t/m 7.", (4, 5, 6, 7)),
        ("Zie het antwoord op de vragen 2, 5 tot en met 7 en 9.", (2, 5, 6, 7, 9)),
        ("Zie de vragen 1 t/m 80.", (1, 80)),  # a range this long is more likely a slip: its ends only
    ],
)
def test_a_range_of_questions_pointed_to_is_every_question_in_it(line, refers):
    asked = "".join(f"Vraag {n}\nVraagt u iets?\n\nAntwoord\nJa.\n\n" for n in range(1, 10))
    text = asked + "Vraag 10\nEn nu?\n\nAntwoord\n" + line + "\n"
    q = _parsed(text).questions[-1]
    assert q.n == 10 and q.answer_refers_to == refers and q.by_reference_only


# --- one answer to several questions ------------------------------------------------------------------

_TWO_ASKED = "Vraag 1\nIs het depot klaar?\n\nAntwoord 1\nJa.\n\nVraag 2\nWat kost het?\n\nVraag 3\nWie betaalt het?\n\n"


@pytest.mark.parametrize(
    "label",
    ["Antwoord 2 en 3", "Antwoord op vraag 2 en 3", "Antwoorden op de vragen 2 en 3:", "**Antwoord 2 t/m 3**",
     "Antwoord op de vragen 2, 3"],
)  # fmt: skip
def test_one_answer_after_the_questions_it_answers_answers_each(label):
    doc = _parsed(_TWO_ASKED + label + "\nRuim € 3 miljoen, te betalen door het Rijk.\n\nVraag 4\nEn verder?\n")
    got = {q.n: (q.span.quote(doc.text), q.answer.quote(doc.text) if q.answer else None) for q in doc.questions}
    assert got == {
        1: ("Is het depot klaar?", "Ja."),
        2: ("Wat kost het?", "Ruim € 3 miljoen, te betalen door het Rijk."),
        3: ("Wie betaalt het?", "Ruim € 3 miljoen, te betalen door het Rijk."),
        4: ("En verder?", None),
    }


def test_one_answer_in_a_block_of_answers_answers_each_question_its_label_names():
    answers = "Antwoord 1\nTot nu toe 640.\n\nAntwoord 2 en 3\nDe campagne kost € 2 miljoen; de evaluatie volgt in mei.\n"
    doc = _parsed(_ASKED + "Antwoord van staatssecretaris Tuinman (Defensie).\n\n" + answers)
    got = {q.n: (q.answer.quote(doc.text) if q.answer else None) for q in doc.questions}
    joint = "De campagne kost € 2 miljoen; de evaluatie volgt in mei."
    assert got == {1: "Tot nu toe 640.", 2: joint, 3: joint}


@pytest.mark.parametrize(
    "line",
    [
        "Antwoorden",  # a heading, not the label of an answer
        "Antwoord 2 en 3 van het lid zijn al gegeven.",  # a sentence, not a label
        "Antwoord 3",  # names the last question only: the one before stays open
    ],
)
def test_what_is_no_joint_answer_leaves_the_earlier_question_open(line):
    doc = _parsed(_TWO_ASKED + line + "\nDat volgt later.\n")
    assert next(q for q in doc.questions if q.n == 2).answer is None


# --- a written consultation whose answers follow the fracties' questions -------------------------------

_CONSULTATION = (
    "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n"
    "Vragen en opmerkingen van de leden van de CDA-fractie\n\n"
    "De leden van de CDA-fractie hebben kennisgenomen van de agenda. Zij hebben enkele vragen.\n\n"
    "Hoeveel munitie is er in 2026 besteld?\n\n"
    "{label}\nEr is voor € 600 miljoen besteld.\n\nDe levering loopt tot 2028.\n\n"
    "Wanneer volgt de volgende bestelling?\n\n"
    "{label}\nZie het antwoord op de vorige vraag.\n\n"
    "Vragen en opmerkingen van de leden van de SP-fractie\n\n"
    "De leden van de SP-fractie vragen hoe de minister de prijsstijgingen opvangt. Kan zij dat toelichten?\n\n"
    "Deze leden vragen ook of er een plafond geldt.\n\n"
)


@pytest.mark.parametrize("label", ["Antwoord", "Antwoord:", "**Antwoord**", "Reactie"])
def test_answers_after_unnumbered_questions_of_a_consultation(label):
    doc = _parsed(_CONSULTATION.format(label=label))
    got = [(q.asked_by, q.span.quote(doc.text)[:20], q.answer.quote(doc.text) if q.answer else None) for q in doc.questions]
    assert got == [
        ("CDA", "Hoeveel munitie is e", "Er is voor € 600 miljoen besteld.\n\nDe levering loopt tot 2028."),
        ("CDA", "Wanneer volgt de vol", "Zie het antwoord op de vorige vraag."),
        ("SP", "De leden van de SP-f", None),  # no label: no answer; the members speaking stay theirs
        ("SP", "Deze leden vragen oo", None),
    ]


def test_a_consultation_without_answers_keeps_its_questions_open():
    text = _CONSULTATION.replace("{label}\nEr is voor € 600 miljoen besteld.\n\nDe levering loopt tot 2028.\n\n", "")
    doc = _parsed(text.replace("{label}\nZie het antwoord op de vorige vraag.\n\n", ""))
    assert [q.answered for q in doc.questions] == [False, False, False, False]


_ASKED_BY_FRACTIES = (
    "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n"
    "Vragen en opmerkingen van de leden van de VVD-fractie\n\n"
    "De leden van de VVD-fractie vragen hoeveel reservisten er in 2027 extra worden opgeleid.\n\n"
    "Voorts vragen deze leden wanneer de werving van technici verbetert?\n\n"
    "Vragen en opmerkingen van de leden van de PVV-fractie\n\n"
    "De leden van de PVV-fractie vragen wanneer de nieuwe kazerne gereed is.\n\n"
    "II Reactie van de staatssecretaris\n\n"
)


def test_a_reply_after_all_the_fracties_answers_each_question_it_tells_again():
    reply = (
        "Reactie op de vragen en opmerkingen van de leden van de VVD-fractie\n\n"
        "De leden van de VVD-fractie vragen wanneer de werving van technici verbetert. Dat is naar verwachting in 2028.\n\n"
        "De leden van de VVD-fractie vragen hoeveel reservisten er in 2027 extra worden opgeleid.\n\n"
        "Dat zijn er 1.500.\n\nIk informeer uw Kamer over de voortgang.\n\n"
        "Reactie op de vragen en opmerkingen van de leden van de PVV-fractie\n\n"
        "De kazerne is eind 2028 gereed.\n"
    )
    doc = _parsed(_ASKED_BY_FRACTIES + reply)
    got = [(q.asked_by, q.answer.quote(doc.text) if q.answer else None) for q in doc.questions]
    assert got == [
        ("VVD", "Dat zijn er 1.500.\n\nIk informeer uw Kamer over de voortgang."),  # matched by its words, not its place
        ("VVD", "Dat is naar verwachting in 2028."),
        ("PVV", "De kazerne is eind 2028 gereed."),  # the fractie's part tells no question again: it answers them all
    ]


def test_a_reply_that_tells_a_question_no_fractie_asked_answers_none():
    reply = (
        "Reactie op de vragen en opmerkingen van de leden van de CDA-fractie\n\n"
        "De leden van de CDA-fractie vragen naar de kosten van de kazerne. Die zijn nog niet bekend.\n"
    )
    doc = _parsed(_ASKED_BY_FRACTIES + reply)
    assert not any(q.answered for q in doc.questions)


@pytest.mark.parametrize(
    "text",
    [
        # a number with a bracket, the question on its line
        "1) Hoeveel militairen zijn ingestroomd?\nEr zijn 6.200 ingestroomd.\n\n"
        "2) Hoeveel zijn uitgestroomd?\nZie het antwoord op vraag 1.\n",
        # the number alone, each answer under a label that names who answers
        "1)\nHoeveel militairen zijn ingestroomd?\n\nAntwoord van de minister:\nEr zijn 6.200 ingestroomd.\n\n"
        "2)\nHoeveel zijn uitgestroomd?\n\nAntwoord van de minister:\nZie het antwoord op vraag 1.\n",
        "Vraag 1\nHoeveel militairen zijn ingestroomd?\n"
        "Antwoord van de staatssecretaris van Defensie: Er zijn 6.200 ingestroomd.\n\n"
        "Vraag 2\nHoeveel zijn uitgestroomd?\nAntwoord van de staatssecretaris van Defensie: Zie het antwoord op vraag 1.\n",
    ],
)  # fmt: skip
def test_numbers_with_a_bracket_and_labels_that_name_who_answers(text):
    doc = _parsed(text)
    got = [(q.n, q.answer.quote(doc.text) if q.answer else None) for q in doc.questions]
    assert got == [(1, "Er zijn 6.200 ingestroomd."), (2, "Zie het antwoord op vraag 1.")]
    assert doc.questions[1].by_reference_only


def test_a_heading_of_answers_printed_once_is_still_a_section_of_answers():
    heading = "Antwoord van de minister van Defensie\n\n"
    answers = "1. Tot nu toe 640.\n\n2. Ongeveer € 2 miljoen.\n\n3. Zie het antwoord op vraag 2.\n"
    doc = _parsed(_ASKED + heading + answers)
    assert [q.answer.quote(doc.text) if q.answer else None for q in doc.questions] == [
        "Tot nu toe 640.", "Ongeveer € 2 miljoen.", "Zie het antwoord op vraag 2."]


# --- a memorie van antwoord: the members' questions told again, each answered below it ---------------

_MEMORIE = (
    "MEMORIE VAN ANTWOORD\n\n"
    "Met belangstelling heb ik kennisgenomen van het voorlopig verslag. Hieronder ga ik in op de vragen.\n\n"
    "De leden van de VVD-fractie vragen hoeveel militairen er in 2026 worden geworven. Zij vragen ook of dat genoeg is?\n\n"
    "In 2026 worden 3.000 militairen geworven.\n\nDat is genoeg voor de eerste fase.\n\n"
    "De leden van de fractie van GroenLinks-PvdA vragen waarom de uitgaven aan munitie stijgen. De voorraden zijn aangevuld.\n\n"
    "De leden van de SP-fractie vragen wanneer de evaluatie verschijnt.\n\n"
    "De minister van Defensie,\n\nR.P. Brekelmans\n"
)


def test_a_memorie_van_antwoord_tells_each_question_again_and_answers_it_below():
    doc = _parsed(_MEMORIE)
    got = [(q.asked_by, q.span.quote(doc.text), q.answer.quote(doc.text) if q.answer else None) for q in doc.questions]
    assert got == [
        ("VVD",
         "De leden van de VVD-fractie vragen hoeveel militairen er in 2026 worden geworven. Zij vragen ook of dat genoeg is?",
         "In 2026 worden 3.000 militairen geworven.\n\nDat is genoeg voor de eerste fase."),
        ("GroenLinks-PvdA", "De leden van de fractie van GroenLinks-PvdA vragen waarom de uitgaven aan munitie stijgen.",
         "De voorraden zijn aangevuld."),  # the answer in the same paragraph
        ("SP", "De leden van de SP-fractie vragen wanneer de evaluatie verschijnt.", None),  # the signature follows
    ]


def test_a_letter_that_mentions_one_request_of_the_members_has_no_questions():
    text = (
        "Geachte voorzitter,\n\nDe leden van de vaste commissie vragen mij om een brief over de kazernes.\n\n"
        "Met deze brief voldoe ik aan dat verzoek. De kazernes worden in 2027 gerenoveerd.\n\n"
        "De minister van Defensie,\n\nR.P. Brekelmans\n"
    )
    assert _parsed(text).questions == ()
