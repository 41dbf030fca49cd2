"""Official XML (the Officiële Publicaties schema: Kamerstukken, Handelingen) and HTML, made into
the plain text dkg reads, which every offset indexes:

- one block a line: a paragraph (`al`, `p`), a title or heading, a list item, a footnote (`noot`:
  "[1] its text", its number left in the paragraph as a superscript marker, "Defensienota¹");
- a table (`table`): its title, then its rows, one a line without blank lines between them, the
  cells separated by tabs;
- inline elements (`nadruk`, `extref`, `a`, `b`, ...) stay inside their block's line;
- a speaker's turn in the Handelingen (`spreekbeurt`) starts with its speaker as printed
  ("Staatssecretaris Keijzer:", "De heer Wörsdörfer (VVD):", "De voorzitter:"), so that the
  debate's turns are read as in a printed debate (extractors/turns.py);
- white space inside a block is folded to single spaces; blocks are separated by a blank line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import NamedTuple

_XML_BLOCKS = {"al", "titel", "tussenkop", "item-titel", "kop", "li", "row", "noot", "dossiertitel", "ondertitel",
               "vraag", "antwoord", "considerans", "wat", "dictum", "ondertekening", "functie", "naam-ondertekening",
               "tekstregel", "kamervraagomschrijving", "vergaderdatum"}  # fmt: skip
_SKIP = {"metadata", "meta", "script", "style", "head"}


class MarkupError(Exception):
    """XML or HTML that cannot be read: the reason says why."""


def _fold(text: str) -> str:
    return re.sub(r"\s+:", ":", re.sub(r"\s+", " ", text)).strip()


def read_xml(data: bytes, people: dict[str, Speaker] | None = None) -> str:
    """The text of an XML publication; a ParlaMint sitting's speakers resolved through `people`
    (the corpus's person list, read_people) where it is given."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise MarkupError(f"not well-formed XML ({exc})") from None
    blocks: list[str] = []
    if _tag(root) == "TEI":
        _tei(root, blocks, people or {})
    else:
        _walk(root, blocks)
    text = "\n\n".join(b for b in blocks if b)
    if not text.strip():
        raise MarkupError("XML without text")
    return text + "\n"


_TEI = "{http://www.tei-c.org/ns/1.0}"
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")  # fmt: skip
# ParlaMint's utterance types: the chair, a member, a guest (a member of the government)
_TEI_ROLES = {"#chair": "De voorzitter", "#regular": "Kamerlid", "#guest": "Minister"}


class Speaker(NamedTuple):
    """A person of a ParlaMint person list: name, and dated affiliations (role, ref, from, to)."""

    name: str
    affiliations: tuple[tuple[str, str, str, str], ...]

    def party(self, day: str) -> str | None:
        return next((ref.removeprefix("#party.") for role, ref, start, end in self.affiliations
                     if role == "member" and ref.startswith("#party.") and start <= day <= end), None)  # fmt: skip

    def office(self, day: str) -> str | None:
        """Minister or Staatssecretaris on that day, else None."""
        for role, _ref, start, end in self.affiliations:
            if role in ("minister", "secretaryOfState") and start <= day <= end:
                return "Minister" if role == "minister" else "Staatssecretaris"
        return None


def read_people(data: bytes) -> dict[str, Speaker]:
    """A ParlaMint `listPerson`: id -> the person's name ("Lea Bouwmeester") and affiliations."""
    out = {}
    for person in ET.fromstring(data).iter(f"{_TEI}person"):
        names = person.find(f"{_TEI}persName")
        if names is None:
            continue
        forename = " ".join(_fold(f.text or "") for f in names.iter(f"{_TEI}forename"))
        surname = " ".join(_fold(s.text or "") for s in names.iter(f"{_TEI}surname"))
        name = " ".join(x for x in (forename, surname) if x)
        spans = tuple((a.get("role") or "", a.get("ref") or "", a.get("from") or "0000", a.get("to") or "9999")
                      for a in person.iter(f"{_TEI}affiliation"))  # fmt: skip
        pid = person.get("{http://www.w3.org/XML/1998/namespace}id")
        if pid and name:
            out[f"#{pid}"] = Speaker(name, spans)
    return out


def _tei(root: ET.Element, blocks: list[str], people: dict[str, Speaker]) -> None:
    """A ParlaMint TEI sitting: its date ("Datum 26 januari 2017"), then each utterance (`u`) as a
    turn: the speaker's label, as a printed debate gives it, and each segment (`seg`) a line. The
    speaker is resolved through the corpus's person list where there is one (name, office and party
    on the sitting's day: "Kamerlid Lea Bouwmeester (PvdA):", "Minister Edith Schippers:"), else read
    from the `who` id ("#LeaBouwmeester": Lea Bouwmeester)."""
    sitting = next((m.get("n") for m in root.iter(f"{_TEI}meeting") if "#parla.sitting" in (m.get("ana") or "")), None)
    day = sitting if sitting and re.fullmatch(r"\d{4}-\d{2}-\d{2}", sitting) else ""
    if day:
        year, month, d = day.split("-")
        blocks.append(f"Datum {int(d)} {_MONTHS[int(month) - 1]} {year}")
    for u in root.iter(f"{_TEI}u"):
        role = _TEI_ROLES.get(u.get("ana") or "", "Kamerlid")
        who = u.get("who") or ""
        known = people.get(who)
        name = known.name if known else re.sub(r"(?<=[a-zà-ÿ])(?=[A-Z])", " ", who.lstrip("#"))
        if role == "De voorzitter":
            blocks.append("De voorzitter:")
        elif known and (office := known.office(day or "9999")):
            blocks.append(f"{office} {name}:")
        elif known and role == "Kamerlid" and (party := known.party(day or "9999")):
            blocks.append(f"Kamerlid {name} ({party}):")
        else:
            blocks.append(f"{role} {name}:")
        blocks.extend(_fold("".join(seg.itertext())) for seg in u.iter(f"{_TEI}seg"))


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _walk(element: ET.Element, blocks: list[str]) -> None:
    tag = _tag(element)
    if tag in _SKIP:
        return
    if tag == "spreker":
        blocks.append(_fold("".join(element.itertext())))
        return
    if tag in ("table", "tbl"):  # its title, then its rows one a line, cells apart by tabs: one table
        for title in (c for c in element if _tag(c) in ("title", "titel")):
            blocks.append(_fold("".join(title.itertext())))
        rows = [r for r in element.iter() if _tag(r) == "row"]
        blocks.append("\n".join("\t".join(_fold("".join(c.itertext())) for c in r if _tag(c) == "entry") for r in rows))
        return
    if tag == "row":
        cells = [_fold("".join(cell.itertext())) for cell in element if _tag(cell) == "entry"]
        blocks.append("\t".join(cells))
        return
    if tag in ("vraag", "antwoord") and any(_tag(c) == "nr" for c in element):
        # "Vraag 1" / "Antwoord 1" as a line of its own, as the printed Aanhangsel has them, then its paragraphs
        for child in element:
            if _tag(child) == "nr":
                blocks.append(_fold("".join(child.itertext())))
            else:
                _walk(child, blocks)
        return
    if tag == "noot":  # a footnote, whatever it holds, is one line: "[1] Kamerstuk 36 800 X, nr. 3"
        label = _note_label(element)
        body = "".join("".join(c.itertext()) + (c.tail or "") for c in element if _tag(c) != "noot.nr")
        body = _fold((element.text or "") + body)
        blocks.append(f"[{label}] {body}" if label else body)
        return
    inner = [c for c in element.iter() if c is not element and _tag(c) in (*_XML_BLOCKS, "spreker")]
    if tag in _XML_BLOCKS and all(_tag(c) == "noot" or _inside_note(c, element) for c in inner):
        notes = [c for c in element.iter() if c is not element and _tag(c) == "noot"]
        blocks.append(_fold(_text_without_notes(element)))
        for note in notes:  # a footnote inside a paragraph: a block of its own, after it
            _walk(note, blocks)
        return
    for child in element:
        _walk(child, blocks)


def _inside_note(element: ET.Element, root: ET.Element) -> bool:
    return any(element in list(note.iter()) for note in root.iter() if note is not root and _tag(note) == "noot")


def _note_label(note: ET.Element) -> str | None:
    """A footnote's number: its `nr` attribute or its `noot.nr` element."""
    label = note.get("nr") or next((_fold("".join(c.itertext())) for c in note if _tag(c) == "noot.nr"), None)
    return label or None


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _text_without_notes(element: ET.Element) -> str:
    """The block's text; a footnote in it leaves its number as a superscript marker (the anchor)."""
    parts = [element.text or ""]
    for child in element:
        if _tag(child) != "noot":
            parts.append(_text_without_notes(child))
        elif (label := _note_label(child)) and label.isdigit():
            parts.append(label.translate(_SUPERSCRIPT))
        parts.append(child.tail or "")
    return "".join(parts)


class _HtmlText(HTMLParser):
    _BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "div", "title", "br", "dt", "dd", "blockquote", "pre"}
    _CELLS = {"td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def _end_block(self) -> None:
        cells = [_fold(c) for c in "".join(self.current).split("\t")]
        text = "\t".join(c for c in cells if c)
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in self._BLOCKS:
            self._end_block()
        elif tag in self._CELLS:
            self.current.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def read_html(data: bytes) -> str:
    parser = _HtmlText()
    parser.feed(data.decode("utf-8", "replace"))
    parser.close()
    parser._end_block()
    text = "\n\n".join(parser.blocks)
    if not text.strip():
        raise MarkupError("HTML without text")
    return text + "\n"


def kind_of(data: bytes, suffix: str = "") -> str | None:
    """'xml' or 'html' when the bytes are one, else None. The bytes decide ("<?xml", "<!DOCTYPE
    html", "<html"); a bare tag at the start decides only with the matching name (a text file may
    well begin with "<"), and a .html or .htm file is read as HTML, which need not be well-formed."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    suffix = suffix.lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml") and b"<html" in data[:2048].lower()):
        return "html"
    if head.startswith(b"<?xml"):
        return "xml"
    if head.startswith(b"<") and suffix in (".html", ".htm"):
        return "html"
    if re.match(rb"<[a-z][\w-]*[\s>]", head) and suffix == ".xml":
        return "xml"
    return None
