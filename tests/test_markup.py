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
    assert "1 Zie Kamerstuk 36 800 X, nr. 12." in text and "Kazernes\t45" in text
    path = tmp_path / "stuk.dat"  # recognised by its bytes, not its name
    path.write_text(KAMERSTUK_XML, encoding="utf-8")
    doc = parse_document(read_file(path))
    assert (doc.kind, doc.date) == ("brief", "2026-05-12")
    values = [(m.kind, m.value) for m in extract_mentions(doc, ["amount", "reference"])]
    assert ("amount", 45_000_000) in values and ("reference", "36800-X-12") in values
    assert [m.fields["type"] for m in commitment_mentions(doc)] == ["budget", "toezegging"]


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
