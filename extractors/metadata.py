"""The metadata of an official publication: what it is, as its publisher records it.

officielebekendmakingen.nl publishes beside each publication `<id>.xml` (or `.html`) a metadata
record, `<id>/metadata.xml`: `metadata_gegevens` with `<metadata name="DC.identifier"
content="kst-36800-X-3"/>` and its kin (`OVERHEIDop.dossiernummer`, `OVERHEIDop.ondernummer`,
`DCTERMS.issued`, `DC.creator`, `DC.type`, `DC.title`, `OVERHEIDop.indiener` ...), or an
`owms-metadata` record with `dcterms:` elements. The publication itself names its record
(`OVERHEIDop.externMetadataRecord`) and an HTML rendering carries the same names in `<meta>`.
These facts are given, not guessed: where they exist they decide the document's identifier,
own Kamerstuk number, date, chamber, title and type over what the text's head suggests.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

RECORD_ROOTS = ("metadata_gegevens", "owms-metadata")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID_IN_URL = re.compile(r"/((?:kst|ah-tk|ah-ek|h-tk|h-ek|kv-tk|blg|stb|stcrt|trb|gmb)-[\w-]+?)(?:/metadata\.xml|\.\w+)?$")


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _add(found: dict[str, list[str]], name: str | None, value: str | None) -> None:
    value = " ".join((value or "").split())
    if name and value:
        found.setdefault(name, []).append(value)


def from_xml(root: ET.Element) -> dict[str, list[str]]:
    """name -> values of a metadata record, or of the `<metadata>` an OP XML publication carries."""
    found: dict[str, list[str]] = {}
    for element in root.iter():
        tag = _tag(element)
        if tag in ("metadata", "meta") and element.get("name"):
            _add(found, element.get("name"), element.get("content"))
        elif element.tag.startswith("{http://purl.org/dc/terms/}"):  # owms-metadata: <dcterms:identifier>
            _add(found, f"DCTERMS.{tag}", "".join(element.itertext()))
    return found


def is_record(data: bytes) -> bool:
    """Is the XML a metadata record (and not a publication)?"""
    head = data[:600].lstrip(b"\xef\xbb\xbf \t\r\n")
    head = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", head)
    return head.startswith(tuple(b"<" + r.encode() for r in RECORD_ROOTS))


class _Metas(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "meta":
            a = dict(attrs)
            _add(self.found, a.get("name"), a.get("content"))


def from_html(data: bytes) -> dict[str, list[str]]:
    parser = _Metas()
    parser.feed(data.decode("utf-8", "replace"))
    return parser.found


def record_beside(path: Path) -> Path | None:
    """The metadata record published beside a publication: `<id>/metadata.xml` (the publisher's
    layout), `<id>.metadata.xml` or `<id>-metadata.xml`."""
    stem = path.with_suffix("")
    for candidate in (stem / "metadata.xml", stem.with_name(f"{stem.name}.metadata.xml"),
                      stem.with_name(f"{stem.name}-metadata.xml")):  # fmt: skip
        if candidate.is_file():
            return candidate
    return None


def read_record(path: Path) -> dict[str, list[str]]:
    """The record's names and values; empty when it cannot be read (the text's head still serves)."""
    try:
        root = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError):
        return {}
    return from_xml(root) if _tag(root) in RECORD_ROOTS else {}


def facts(names: dict[str, list[str]]) -> dict[str, str]:
    """What a document is, from its metadata: identifier, number (its own Kamerstuk number),
    date, chamber, title, type, submitters (joined by "; ")."""
    def first(*keys: str) -> str | None:
        return next((names[k][0] for k in keys if names.get(k)), None)

    out: dict[str, str] = {}
    identifier = first("DC.identifier", "DCTERMS.identifier")
    if identifier is None and (record := first("OVERHEIDop.externMetadataRecord")):
        found = _ID_IN_URL.search(record)
        identifier = found.group(1) if found else None
    if identifier:
        out["identifier"] = identifier
    dossier, number = first("OVERHEIDop.dossiernummer"), first("OVERHEIDop.ondernummer")
    if dossier and number:
        out["number"] = _kamerstuk(dossier, number)
    elif identifier and identifier.startswith("kst-"):
        out["number"] = identifier[4:]
    date = first("OVERHEIDop.datumOndertekening", "DCTERMS.issued", "DCTERMS.available", "DC.date", "DCTERMS.date")
    if date and _DATE.match(date):
        out["date"] = date[:10]
    creator = first("DC.creator", "DCTERMS.creator", "OVERHEID.authority") or ""
    chamber = "Tweede Kamer" if "Tweede Kamer" in creator else "Eerste Kamer" if "Eerste Kamer" in creator else None
    house = re.match(r"(?:ah|h|kv)-(tk|ek)-", identifier or "")
    if chamber is None and house:  # ah-tk-..., h-ek-...: the chamber is in the identifier
        chamber = {"tk": "Tweede Kamer", "ek": "Eerste Kamer"}[house.group(1)]
    if chamber:
        out["chamber"] = chamber
    title = first("OVERHEIDop.documenttitel", "DC.title", "DCTERMS.title")
    if title:
        out["title"] = title
    kind = first("DC.type", "DCTERMS.type", "OVERHEIDop.publicationName")
    if kind is None and identifier:  # the official id says the series: h-tk-... Handelingen, ah-tk-... Aanhangsel
        kind = _SERIES.get(identifier.split("-", 1)[0])
    if kind:
        out["type"] = kind
    if names.get("OVERHEIDop.indiener"):
        out["submitters"] = "; ".join(names["OVERHEIDop.indiener"])
    return out


def _kamerstuk(dossier: str, number: str) -> str:
    """"36800-X" (or "36 800 X") and "3" -> "36800-X-3"."""
    m = re.match(r"\s*(\d{2}\s?\.?\d{3}(?:-\d+)?)(?:[\s-]*([A-Z]{1,3}))?", dossier)
    base = re.sub(r"[\s.]", "", m.group(1)) + (f"-{m.group(2)}" if m.group(2) else "") if m else dossier
    digits = re.sub(r"\D", "", number) or number
    return f"{base}-{digits}"


_SERIES = {"h": "Handelingen", "ah": "Aanhangsel van de Handelingen"}


# what a type or publication name says of the document's kind, where its head says nothing
KINDS = {"kamervragen": "antwoorden op Kamervragen", "aanhangsel": "antwoorden op Kamervragen", "handelingen": "debat",
         "motie": "motie", "amendement": "amendement"}  # fmt: skip


def kind_of_type(kind: str | None) -> str | None:
    low = (kind or "").lower()
    return next((v for k, v in KINDS.items() if k in low), None)
