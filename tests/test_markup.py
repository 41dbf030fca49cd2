"""Official XML and HTML: the plain text dkg makes of them (one block a line), recognised by their
bytes; a real Handelingen XML read as a debate, with the government's promises and no member's."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.commitments import commitment_mentions
from extractors.markup import read_html, read_xml
from extractors.parse import parse_document
from extractors.reading import ReadError, read_file
from extractors.registry import extract_mentions

DATA = Path(__file__).parent / "data"


def test_the_real_handelingen_are_a_debate_with_the_state_secretarys_promises():
    doc = parse_document(read_file(DATA / "h-tk-20172018-61-10.xml"))
    assert doc.kind == "debat"
    speakers = {(p.role, p.speaker, p.fractie) for p in doc.parts if p.kind == "turn"}
    assert ("staatssecretaris", "Keijzer", None) in speakers and ("kamerlid", "Wörsdörfer", "VVD") in speakers
    found = [(m.fields["where"], m.text) for m in commitment_mentions(doc)]
    assert all(where == "turn Staatssecretaris Keijzer" for where, _ in found)
    texts = " | ".join(t for _, t in found)
    assert "Ik wil de heer Wörsdörfer toezeggen dat ik op de inzichten uit dit onderzoek uitgebreider terugkom" in texts
    assert "De Kamer zal hier nader over geïnformeerd worden in de Kamerbrief over het mkb-actieplan" in texts
    # the members' intentions are no promise of the government
    assert "motie indienen" not in texts and "meetekenen" not in texts
    for m in extract_mentions(doc):
        assert doc.text[m.start : m.end] == m.text


KAMERSTUK_XML = """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie>
  <metadata><meta name="DC.title" content="niet in de tekst"/></metadata>
  <kamerstuk>
    <kop><titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel></kop>
    <al>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</al>
    <al>Den Haag, 12 mei 2026</al>
    <al>Het kabinet trekt <nadruk type="vet">€ 45 miljoen</nadruk> extra uit voor
        de kazernes.<noot nr="1"><al>Zie Kamerstuk 36 800 X, nr. 12.</al></noot></al>
    <tbl><row><entry>Post</entry><entry>2027</entry></row><row><entry>Kazernes</entry><entry>45</entry></row></tbl>
    <al>Over de voortgang wordt uw Kamer in het najaar van 2026 geïnformeerd.</al>
  </kamerstuk>
</officiele-publicatie>
"""


def test_an_official_xml_kamerstuk_becomes_one_block_a_line(tmp_path):
    text = read_xml(KAMERSTUK_XML.encode("utf-8"))
    assert "niet in de tekst" not in text  # metadata is no text
    assert "Het kabinet trekt € 45 miljoen extra uit voor de kazernes." in text  # inline stays inline, white space folded
    assert "[1] Zie Kamerstuk 36 800 X, nr. 12." in text and "Post\t2027\nKazernes\t45" in text
    path = tmp_path / "stuk.dat"  # recognised by its bytes, not its name
    path.write_text(KAMERSTUK_XML, encoding="utf-8")
    doc = parse_document(read_file(path))
    assert (doc.kind, doc.date) == ("brief", "2026-05-12")
    values = [(m.kind, m.value) for m in extract_mentions(doc, ["amount", "reference"])]
    assert ("amount", 45_000_000) in values and ("reference", "36800-X-12") in values
    assert [m.fields["type"] for m in commitment_mentions(doc)] == ["budget", "toezegging"]
    (note,) = doc.footnotes
    assert note.label == "1" and note.text == "[1] Zie Kamerstuk 36 800 X, nr. 12." and note.anchor is not None
    (table,) = doc.tables
    assert [[c.text for c in row] for row in table.rows] == [["Post", "2027"], ["Kazernes", "45"]]


def test_html_becomes_one_block_a_line():
    html = """<!DOCTYPE html><html><head><title>Brief</title><style>p{}</style></head><body>
      <h1>Voortgang</h1><p>Defensie reserveert <b>&euro; 12 miljoen</b>
      voor munitie.</p><table><tr><td>Post</td><td>2027</td></tr><tr><td>Munitie</td><td>12</td></tr></table>
      <script>var x = "€ 99 miljoen";</script></body></html>"""
    text = read_html(html.encode("utf-8"))
    assert "Defensie reserveert € 12 miljoen voor munitie." in text and "Munitie\t12" in text
    assert "99" not in text and "p{}" not in text


@pytest.mark.parametrize("data", [b"<?xml version='1.0'?><a><b></a>", b"<?xml version='1.0'?><leeg/>"])
def test_broken_or_empty_xml_is_reported_by_name(tmp_path, data):
    path = tmp_path / "kapot.xml"
    path.write_bytes(data)
    with pytest.raises(ReadError) as failed:
        read_file(path)
    assert failed.value.path == path and ("XML" in failed.value.reason)


def test_a_parlamint_tei_sitting_is_a_debate_with_its_date_and_speakers():
    doc = parse_document(read_file(DATA / "ParlaMint-NL_2017-01-26-tweedekamer-4.xml"))
    assert (doc.kind, doc.date) == ("debat", "2017-01-26")
    turns = [(p.role, p.speaker) for p in doc.parts if p.kind == "turn"]
    assert turns[:2] == [("voorzitter", None), ("kamerlid", "Lea Bouwmeester")]
    # a member's "zal ik ingaan op" in her own turn is no promise of the government
    assert commitment_mentions(doc) == []


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt", b"<b>Brief</b> over de begroting\n", "text"),  # a text that begins with a tag stays text
        ("a.dat", b"<?xml version='1.0'?><stuk><al>Tekst.</al></stuk>", "xml"),  # the bytes decide
        ("a.xml", b"<stuk><al>Tekst.</al></stuk>", "xml"),
        ("a.html", b"<div><p>Tekst zonder doctype<br></div>", "html"),  # HTML need not be well-formed
        ("a.txt", b"<!DOCTYPE html><html><body><p>Tekst.</p></body></html>", "html"),
    ],
)
def test_the_format_is_recognised_by_bytes_and_name(tmp_path, name, data, kind):
    path = tmp_path / name
    path.write_bytes(data)
    source = read_file(path)
    assert (source.encoding if source.encoding in ("xml", "html") else "text") == kind
    assert "Tekst" in source.text or "Brief" in source.text


# --- the publisher's metadata and the Aanhangsel's numbered questions (tests/data/ah-tk-20252026-1234.xml
# is written for these tests in the form of the Officiële Publicaties schema of written questions:
# `kamervragen`, `kamervraagomschrijving`, `vraag`/`antwoord` with their `nr`) ------------------------

AANHANGSEL = DATA / "ah-tk-20252026-1234.xml"
RECORD = """<?xml version="1.0" encoding="utf-8"?>
<metadata_gegevens>
  <metadata name="DC.identifier" scheme="OVERHEIDop.AhID" content="{identifier}" />
  <metadata name="DC.title" scheme="" content="{title}" />
  <metadata name="DC.type" scheme="OVERHEIDop.Informatietype" content="{type}" />
  <metadata name="DC.creator" scheme="OVERHEID.StatenGeneraal" content="Tweede Kamer der Staten-Generaal" />
  <metadata name="DCTERMS.issued" scheme="DCTERMS.W3CDTF" content="{date}" />
  {more}
</metadata_gegevens>
"""


def test_written_questions_take_their_numbers_and_answers_from_the_elements():
    doc = parse_document(read_file(AANHANGSEL))
    assert doc.kind == "antwoorden op Kamervragen"
    assert (doc.date, doc.chamber, doc.identifiers) == ("2026-02-09", "Tweede Kamer", ("ah-tk-20252026-1234",))
    found = [(q.n, q.asked_by, q.answered, q.answer_refers_to) for q in doc.questions]
    assert found == [(1, "CDA", True, ()), (2, "CDA", True, (1,)), (3, "CDA", False, ())]
    assert doc.questions[0].answer.quote(doc.text).startswith("De keuring duurt gemiddeld zeven weken.")
    (promise,) = commitment_mentions(doc)
    assert promise.text.startswith("Ik stuur uw Kamer voor de zomer van 2026") and promise.fields["where"] == "1 answer"


def test_the_metadata_record_beside_a_publication_decides_its_facts(tmp_path):
    import shutil

    from extractors.reading import expand_paths

    xml = tmp_path / AANHANGSEL.name
    shutil.copy(AANHANGSEL, xml)
    (tmp_path / xml.stem).mkdir()
    (tmp_path / xml.stem / "metadata.xml").write_text(RECORD.format(
        identifier="ah-tk-20252026-1234", title="Vragen over de keuring van rekruten", type="Aanhangsel van de Handelingen",
        date="2026-02-10", more=""), encoding="utf-8")  # fmt: skip
    doc = parse_document(read_file(xml))
    assert (doc.date, doc.title, doc.chamber) == ("2026-02-10", "Vragen over de keuring van rekruten", "Tweede Kamer")
    walked = list(expand_paths([tmp_path]))
    assert walked[0] == xml and walked[1].reason.startswith("a metadata record, not a document")
    with pytest.raises(ReadError, match="metadata record"):
        read_file(tmp_path / xml.stem / "metadata.xml")


def test_a_kamerstuk_numbered_by_its_record(tmp_path):
    xml = tmp_path / "kst-36800-X-140.xml"
    xml.write_text("""<?xml version="1.0" encoding="utf-8"?><officiele-publicatie><kamerstuk>
      <dossier><titel>Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X)</titel></dossier>
      <stuk><titel>BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE</titel><algemeen><vrije-tekst><tekst>
      <al>Het kabinet informeert de Kamer in het najaar over de voortgang van de werving.</al>
      </tekst></vrije-tekst></algemeen></stuk>
      </kamerstuk></officiele-publicatie>""", encoding="utf-8")  # fmt: skip
    (tmp_path / "kst-36800-X-140.metadata.xml").write_text(RECORD.format(
        identifier="kst-36800-X-140", title="Brief over de werving", type="Kamerstuk", date="2026-03-03",
        more='<metadata name="OVERHEIDop.dossiernummer" scheme="" content="36800-X" />'
             '<metadata name="OVERHEIDop.ondernummer" scheme="" content="140" />'), encoding="utf-8")  # fmt: skip
    doc = parse_document(read_file(xml))
    assert (doc.official_number, doc.date, doc.kind) == ("36800-X-140", "2026-03-03", "brief")
    assert [(m.fields["due"], m.fields["due_until"]) for m in commitment_mentions(doc)] == [("in het najaar", "2026-11")]


def test_the_metadata_of_an_html_rendering():
    from extractors.metadata import facts, from_html

    page = b"""<html><head><meta name="DC.identifier" content="kst-36800-X-3"/><meta name="DCTERMS.issued"
    content="2025-09-16"/><meta name="DC.creator" content="Tweede Kamer der Staten-Generaal"/></head>
    <body><p>x</p></body></html>"""
    assert facts(from_html(page)) == {"identifier": "kst-36800-X-3", "number": "36800-X-3", "date": "2025-09-16",
                                      "chamber": "Tweede Kamer"}  # fmt: skip


def test_a_changed_record_is_a_changed_document_for_the_build(tmp_path):
    import shutil
    import time

    from click.testing import CliRunner

    from graph.cli import main

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(AANHANGSEL, docs / AANHANGSEL.name)
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(docs), "--out", str(out), "--workers", "1"]).exit_code == 0
    (docs / AANHANGSEL.stem).mkdir()
    time.sleep(0.01)
    (docs / AANHANGSEL.stem / "metadata.xml").write_text(RECORD.format(
        identifier="ah-tk-20252026-1234", title="Vragen over de keuring", type="Aanhangsel", date="2026-02-11", more=""),
        encoding="utf-8")  # fmt: skip
    done = runner.invoke(main, ["build", str(docs), "--out", str(out), "--workers", "1"])
    assert done.exit_code == 0 and "1 of 1 documents extracted" in done.output, done.output
    rows = runner.invoke(main, ["query", "SELECT ?d WHERE { ?x <http://purl.org/dc/terms/date> ?d }", "--graph", str(out),
                                "--format", "csv"]).output  # fmt: skip
    assert "2026-02-11" in rows


def test_a_sittings_speakers_resolved_through_the_corpus_person_list(tmp_path):
    import shutil

    from extractors.reading import expand_paths

    doc = parse_document(read_file(DATA / "ParlaMint-NL_2017-01-26-tweedekamer-4.xml"))
    turns = [(p.role, p.speaker, p.fractie) for p in doc.parts if p.kind == "turn"]
    assert ("kamerlid", "Lea Bouwmeester", "PvdA") in turns  # the party from the person list
    # a minister speaking (ana #guest) is named with the office she held on the sitting's day
    sitting = tmp_path / "2017" / "ParlaMint-NL_2017-02-02-tweedekamer-9.xml"
    sitting.parent.mkdir()
    shutil.copy(DATA / "ParlaMint-NL-listPerson.xml", tmp_path)  # the list, a folder above the sitting
    sitting.write_text("""<?xml version="1.0" encoding="UTF-8"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>
      <meeting ana="#parla.sitting" n="2017-02-02"/></teiHeader><text><body><div>
      <u who="#LeaBouwmeester" ana="#regular"><seg>Komt de minister nog met een brief over de wachtlijsten?</seg></u>
      <u who="#EdithSchippers" ana="#guest"><seg>Ik stuur de Kamer voor de zomer een brief over de wachtlijsten.</seg></u>
      </div></body></text></TEI>""", encoding="utf-8")  # fmt: skip
    doc = parse_document(read_file(sitting))
    turns = [(p.role, p.speaker, p.fractie) for p in doc.parts if p.kind == "turn"]
    assert turns == [("kamerlid", "Lea Bouwmeester", "PvdA"), ("minister", "Edith Schippers", None)]
    (promise,) = commitment_mentions(doc)
    assert promise.fields["speaker"] == "Edith Schippers" and promise.fields["function"] == "minister"
    walked = list(expand_paths([tmp_path]))
    assert walked[0].reason.startswith("a ParlaMint person or organisation list") and walked[1] == sitting
