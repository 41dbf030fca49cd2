"""Named entities resolved to stable identifiers: persons (with roles), fracties, organisations
and programmes from curated gazetteers (extractors/data), extended by the acronyms a document
defines itself ("Multilateraal Defensiemechanisme, MDM", "Prioritised Ukraine Requirements List
(PURL)").

The gazetteers' names are found in the document's one pass over every literal
(extractors.literals), whatever their number; the leftmost-longest match at word boundaries is kept.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from extractors import literals
from extractors.document import Document, Mention, per_document
from extractors.fracties import aliases, canonical_fractie, find_fracties
from extractors.literals import leftmost_longest
from extractors.named_things import named_things, names_an_organisation
from extractors.persons import surname_of
from extractors.references import motion_submitters
from extractors.registry import Extractor
from extractors.text import NAME_PARTICLES, Claimed, in_name

NAME, VERSION = "entities", "11"
LABEL = f"{NAME}@{VERSION}"


def fold(s: str) -> str:
    """Case and diacritics folded: 'Yeşilgöz' and 'Yesilgoz' compare equal."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _load(name: str) -> dict:
    return json.loads(files("extractors.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Entry:
    id: str
    label: str  # prefLabel
    acronym: str | None
    category: str
    broader: str | None
    scope: str | None

    @property
    def kind(self) -> str:
        return "organisation" if self.category == "organisation" else "programme"

    @property
    def value(self) -> str:
        return self.acronym or self.label


@cache
def gazetteer() -> dict[str, Entry]:
    return {
        e["id"]: Entry(e["id"], e["prefLabel"], e["acronym"], e["category"], e["broader"], e["scopeNote"])
        for e in _load("gazetteer.json")["entries"]
    }


def _surface_forms() -> Iterator[tuple[str, str]]:
    for e in _load("gazetteer.json")["entries"]:
        forms = {e["prefLabel"], *e["altLabels"]}
        if e["acronym"]:
            forms.add(e["acronym"])
        for form in forms:
            yield form, e["id"]
            if form[:1].islower():
                yield form[:1].upper() + form[1:], e["id"]  # at the start of a sentence


def _names() -> dict[str, tuple[str, str]]:
    """Organisations, programmes and persons: printed form -> (source, key). A form that is both
    keeps the person."""
    names = {form: ("entity", key) for form, key in _surface_forms()}
    names.update((form, ("person", p["name"])) for p in persons().values() for form in {p["name"], *p["variants"]})
    return names


@per_document
def _name_hits(doc: Document) -> list[tuple[int, int, tuple[str, str]]]:
    """Organisations, programmes and persons named in the document, leftmost-longest at word
    boundaries (found once, for the persons and the organisations)."""
    return at_word_boundaries(doc.text, leftmost_longest(literals.hits(doc.text, "names")))


@cache
def persons() -> dict[str, dict]:
    return {p["name"]: p for p in _load("persons.json")["persons"]}


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _footnote_digit_at(text: str, i: int) -> bool:
    """A footnote number glued to the name ("in de NRC3, ..."): one or two digits, then no word."""
    j = i
    while j < len(text) and j - i < 2 and text[j].isdigit():
        j += 1
    return j > i and (j == len(text) or not _word_char(text[j]))


def at_word_boundaries(text: str, found: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """The matches that are whole words (a footnote number may follow: "NRC3")."""
    out = []
    for start, end, key in found:
        if start > 0 and _word_char(text[start - 1]):
            continue
        if end < len(text) and _word_char(text[end]) and not _footnote_digit_at(text, end):
            continue
        out.append((start, end, key))
    return out


# --- acronyms the document defines ----------------------------------------------------------------

_ACRONYM = r"[A-Z][A-Za-z0-9]*[A-Z0-9](?:-[A-Z0-9]+)?"
_PAREN = re.compile(r"\((?P<inner>[^()\n]{2,120})\)")  # starts with a literal: a fast scan
_ONLY_ACRONYM = re.compile(rf"(?P<abbr>{_ACRONYM})")
_EXP_THEN_ACRONYM = re.compile(rf"(?P<exp>[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){{1,9}}),\s*(?P<abbr>{_ACRONYM})")
_ACRONYM_BEFORE = re.compile(rf"(?P<abbr>{_ACRONYM})\s*$")


def _initials_fit(abbr: str, expansion: str) -> str | None:
    """The shortest tail of expansion whose word initials spell the acronym's capitals in order."""
    letters = [c for c in abbr if c.isupper() or c.isdigit()]
    if not letters:
        return None
    words = expansion.split()[-(len(letters) + 3) :]  # an expansion has about one word per letter
    if not any(w[:1].upper() == letters[0] for w in words):
        return None  # no word starts with the acronym's first letter: not its expansion
    lower = [c.lower() for c in letters]
    for k in range(len(words) - 1, -1, -1):
        tail = words[k:]
        joined = "".join(w[0].upper() for w in tail if w[0].isalnum())
        if not joined.startswith(letters[0]) or (len(tail) < 2 and len(letters) > 2):
            continue  # the cheap conditions first: most tails fail them
        inner = "".join(c for w in tail for c in w if c.isupper())
        # compounds hide initials ("Defensiemechanisme" gives the M of MDM): fall back to the letters
        if _subsequence(letters, joined) or _subsequence(letters, inner) or _subsequence(lower, "".join(tail).lower()):
            return " ".join(tail)
    return None


def _subsequence(needle: list[str], hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


@dataclass(frozen=True)
class Definition:
    abbr: str
    expansion: str
    abbr_span: tuple[int, int]
    expansion_span: tuple[int, int]


def acronym_definitions(text: str) -> list[Definition]:
    """ "Expansion (ABBR)", "(Expansion, ABBR)" and "ABBR (Expansion)", found from the brackets."""
    out = []
    for p in _PAREN.finditer(text):
        inner, i0 = p["inner"], p.start("inner")
        only = _ONLY_ACRONYM.fullmatch(inner)
        if only:  # Expansion (ABBR)
            before = text[max(0, p.start() - 120) : p.start()]
            cut = max(before.rfind("\n"), before.rfind(". "), before.rfind(", "), before.rfind("("))
            words = before[cut + 1 :].rstrip()
            if words.strip():
                start = p.start() - len(before) + cut + 1
                lead = len(words) - len(words.lstrip())
                _define(out, inner, words.strip(), (i0, p.end("inner")), start + lead)
            continue
        pair = _EXP_THEN_ACRONYM.fullmatch(inner)
        if pair:  # (Expansion, ABBR)
            _define(out, pair["abbr"], pair["exp"], (i0 + pair.start("abbr"), i0 + pair.end("abbr")), i0)
            continue
        before = _ACRONYM_BEFORE.search(text, max(0, p.start() - 15), p.start())
        if before and inner[:1].isupper():  # ABBR (Expansion)
            _define(out, before["abbr"], inner, (before.start("abbr"), before.end("abbr")), i0)
    return out


def _define(out: list[Definition], abbr: str, expansion: str, abbr_span: tuple[int, int], exp_start: int) -> None:
    fitted = _initials_fit(abbr, expansion)
    if fitted:
        end = exp_start + len(expansion)
        out.append(Definition(abbr, fitted, abbr_span, (end - len(fitted), end)))


# --- mentions ------------------------------------------------------------------------------------


def _mention(doc: Document, kind: str, s: int, e: int, value: str, **fields) -> Mention:
    return Mention(doc.name, kind, s, e, doc.text[s:e], value, LABEL, fields)


@cache
def _known_folded() -> frozenset[str]:
    return frozenset(fold(x) for e in gazetteer().values() for x in (e.label, e.acronym) if x)


@cache
def _person_forms() -> dict[str, str]:
    """Folded spelling -> canonical name."""
    return {fold(v): p["name"] for p in persons().values() for v in (p["name"], *p["variants"])}


@cache
def _entry_fields(key: str) -> Mapping[str, Any]:
    """The fields of every mention of a gazetteer entry: made once and shared, so read-only."""
    e = gazetteer()[key]
    return MappingProxyType({"label": e.label, "acronym": e.acronym, "category": e.category, "id": e.id, "broader": e.broader})


def organisation_mentions(doc: Document) -> list[Mention]:
    text = doc.text
    entries = gazetteer()
    out: list[Mention] = []
    taken = Claimed(len(text))
    for s, e, (source, key) in _name_hits(doc):
        if source != "entity":
            continue
        entry = entries[key]
        out.append(Mention(doc.name, entry.kind, s, e, text[s:e], entry.value, LABEL, _entry_fields(key)))
        taken.claim(s, e)
    for m in person_mentions(doc):  # found once per document (the memo), for both uses
        taken.claim(m.start, m.end)  # a person's name is never a programme's
    known = _known_folded()
    for d in acronym_definitions(text):
        if fold(d.abbr) in known or taken.overlaps(*d.abbr_span):
            continue  # the gazetteer has it already
        # the acronym and its expansion are one entity wherever either is printed in the document
        fields = {"label": d.expansion, "acronym": d.abbr, "category": "defined_in_text", "id": None, "broader": None}
        kind = "organisation" if names_an_organisation(d.expansion) else "programme"
        for s, e in _occurrences(text, (d.abbr, d.expansion)):
            if not taken.overlaps(s, e):
                taken.claim(s, e)
                out.append(_mention(doc, kind, s, e, d.abbr, **fields))
    for n in named_things(text):
        if taken.overlaps(n.start, n.end) or fold(n.name) in known:
            continue
        taken.claim(n.start, n.end)
        out.append(_mention(doc, n.kind, n.start, n.end, n.name, label=n.name, acronym=None, category=n.category,
                            id=None, broader=None))  # fmt: skip
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _occurrences(text: str, forms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Every whole-word occurrence of the forms, longest first where two overlap."""
    spans = []
    for form in forms:  # str.find, not a pattern with look-arounds: a scan of the text per form
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not in_name(text[at - 1])) and (end == len(text) or not in_name(text[end])):
                spans.append((at, end))
                at = text.find(form, end)
            else:
                at = text.find(form, at + 1)
    return sorted(set(spans), key=lambda x: (x[0], -x[1]))


_TITLED = re.compile(
    r"(?:[Dd]e\s+heer|[Mm]evrouw|mw\.|dhr\.|president|premier|minister-president|commissaris|[Hh]et\s+(?:Kamer)?lid"
    r"|Kamerlid)\s+"
    r"(?:(?:mr|dr|drs|ir|ing|prof|bc)\.\s*)*"  # academic titles ("mevrouw drs. M. de Vries"): not the name
    r"(?P<name>(?:(?:[A-Z]\.)+\s*|[A-Z][\w'’-]+\s+)?(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er)\s+)*[A-Z][\w'’-]+)"
)  # a given name or initials ("de heer J. Klaver") belong to it


literals.register("titles", ("de heer", "De heer", "mevrouw", "Mevrouw", "mw.", "dhr.", "president", "premier",
                            "minister-president", "commissaris", "het lid", "Het lid", "het Kamerlid", "Het Kamerlid",
                            "Kamerlid"))  # fmt: skip


# "MOTIE VAN DE LEDEN KRAMERS EN DE WIT-AYDIN", "GEWIJZIGD AMENDEMENT VAN HET LID VAN DER LEE C.S."
_SUBMITTERS = re.compile(
    r"(?:MOTIE|AMENDEMENT)\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\s+(?P<names>[A-ZÀ-Þ'’ .,-]+?)(?:\s+C\.S\.)?[ \t]*(?:\n|$)"
)


def _capitalised(word: str) -> str:
    return "-".join(p.capitalize() for p in word.split("-"))


def _submitters(text: str) -> Iterator[tuple[int, int, str]]:
    """The names in a motion's or amendment's title, in capitals, with the spelling they have in
    running text ("DE WIT-AYDIN" is "De Wit-Aydin", "VAN DER LEE" is "Van der Lee")."""
    m = _SUBMITTERS.search(text, 0, 3000)
    if m is None:
        return
    names = m["names"]
    for piece in re.finditer(r"[^,]+?(?=\s+EN\s+|,|$)", names):
        raw = piece.group(0).strip()
        if not raw or raw == "EN":
            continue
        raw = raw[3:].strip() if raw.startswith("EN ") else raw
        words = raw.split()
        spelled = " ".join(w.lower() if k and w.lower() in NAME_PARTICLES else _capitalised(w) for k, w in enumerate(words))
        start = m.start("names") + names.index(raw, piece.start())
        yield start, start + len(raw), spelled


_NOT_A_NAME = {"Tweede", "Eerste", "Kamer", "Commissie", "Staten-Generaal", "Heeft", "Is", "Was", "Wordt", "Zal"}

# A function or a military rank before a name: "minister Ruben Brekelmans", "Staatssecretaris Van der
# Maat", "generaal Onno Eichelsheim", "bondskanselier Merz"; with its post between: "minister van
# Defensie Sjmyhal", "de Amerikaanse minister van Defensie, Pete Hegseth, sprak". The name starts with
# a capital ("minister van Defensie" names a post, not a person) and holds no word of a post's or a
# body's name.
_FUNCTIONS = ("minister", "staatssecretaris", "generaal", "luitenant-generaal", "generaal-majoor", "brigadegeneraal",
              "admiraal", "luitenant-admiraal", "vice-admiraal", "schout-bij-nacht", "kolonel", "commandeur",
              "minister-president", "premier", "bondskanselier", "kanselier", "secretaris-generaal", "eurocommissaris",
              "EU-commissaris", "Hoge Vertegenwoordiger", "ambassadeur", "koning", "koningin")  # fmt: skip
_FUNCTION_OF_FORM = {f: w for w in _FUNCTIONS for f in (w, w[:1].upper() + w[1:])}  # at a sentence's start too
_FUNCTION_FORMS = sorted(_FUNCTION_OF_FORM, key=len, reverse=True)
_POST_WORDS = {"Defensie", "Financiën", "Buitenlandse", "Binnenlandse", "Justitie", "Economische", "Algemene", "Sociale",
               "Zaken", "Volksgezondheid", "Infrastructuur", "Onderwijs", "Landbouw", "Klimaat", "Asiel", "Koninkrijksrelaties",
               "President", "Minister", "Staatssecretaris", "Kamer", "Tweede", "Eerste", "Defensiestaf",
               "Nederland", "Oekraïne", "Europa", "Rusland", "Koninklijke", "Landmacht", "Luchtmacht", "Marine",
               "Marechaussee", "Strijdkrachten", "Krijgsmacht", "Generaal", "Veiligheid", "Migratie", "Waterstaat",
               "Werkgelegenheid", "Handel", "Ontwikkelingshulp", "Ontwikkelingssamenwerking", "Groene", "Groei",
               "Volkshuisvesting", "Cultuur", "Wetenschap", "Welzijn", "Sport", "Natuur", "Visserij"}  # fmt: skip
_POST = "|".join(sorted(_POST_WORDS, key=len, reverse=True))
_FUNCTION_TITLED = re.compile(
    rf"(?P<function>{'|'.join(_FUNCTION_FORMS)})"
    rf"(?P<post>[ \u00a0]+van[ \u00a0]+(?:(?:{_POST}|en)[ \u00a0]+)*(?:{_POST}))?(?P<comma>,)?[ \u00a0]+"
    # a given name or initials before the particles, or a capitalised particle first: right after the
    # function a "van" in lower case is "of" ("secretaris-generaal van de Noord-Atlantische ...")
    r"(?P<name>(?:(?:[A-Z][a-zà-ÿ'’]+|(?:[A-Z]\.)+)[ \u00a0]+(?:(?:Van|De|Der|Den|Ter|van|de|der|den|ter)[ \u00a0]+)*"
    r"|(?:Van|De|Der|Den|Ter)[ \u00a0]+(?:(?:van|de|der|den|ter)[ \u00a0]+)*)?"
    r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?)(?![\w-])"
)
literals.register("function titles", {f: f for f in _FUNCTION_FORMS})


def _function_titled(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, function) of every name after a function or a rank."""
    for pos in literals.positions(text, "function titles"):
        if pos and in_name(text[pos - 1]):
            continue
        m = _FUNCTION_TITLED.match(text, pos)
        if m is None or not _POST_WORDS.isdisjoint(m["name"].split()):
            continue
        if text[m.end() : m.end() + 1] == ":":
            continue  # a debate turn's label, read as the turn's speaker
        if m["comma"] and not (m["post"] and text[m.end() : m.end() + 1] == ","):
            continue  # after a comma only a name set off by commas after the post: "minister van Defensie, Pete Hegseth,"
        function = _FUNCTION_OF_FORM[m["function"]] + (" " + " ".join(m["post"].split()) if m["post"] else "")
        yield m.start("name"), m.end("name"), m["name"], function


def _names_a_member(m: re.Match[str]) -> bool:
    """After "het lid" or "Kamerlid" a name begins with a capital ("het lid Van der Lee"), and "het lid
    van de Tweede Kamer" names no one."""
    if "lid" not in m.group(0)[: m.start("name") - m.start()].lower():
        return True
    words = m["name"].split()
    return m["name"][:1].isupper() and not _NOT_A_NAME & set(words)


_FRACTIE_AFTER = re.compile(r"\s*\((?P<f>[^()\n]{2,30})\)")


def _member_role(text: str, m: re.Match[str]) -> str | None:
    """ "het lid Kramers", "De heer Kramers (CDA)": a member of the Kamer, speaking or named as one,
    whatever post the gazetteer gives the person at another time; None when the title says nothing."""
    title = m.group(0)[: m.start("name") - m.start()].lower()
    after = _FRACTIE_AFTER.match(text, m.end("name"))
    if "lid" in title or (after and canonical_fractie(after["f"]) is not None):
        return "kamerlid"
    return None


def _title_positions(text: str) -> list[int]:
    return [p for p in literals.positions(text, "titles") if p == 0 or not text[p - 1].isalnum()]


@per_document
def person_mentions(doc: Document) -> list[Mention]:
    text = doc.text
    known = persons()
    folded = _person_forms()
    found: list[Mention] = []
    taken = Claimed(len(text))

    def add(s: int, e: int, printed: str, role: str | None, basis: str) -> None:
        if taken.overlaps(s, e):
            return  # named already, by a stronger source (a signature before a title before the gazetteer)
        name = folded.get(fold(printed), printed)
        role = role or (known[name]["role"] if name in known else None)
        taken.claim(s, e)
        found.append(_mention(doc, "person", s, e, name, role=role, basis=basis))

    for sig in doc.signatories:
        add(sig.span.start, sig.span.end, sig.name, sig.role, "signature")
    for part in doc.parts:  # a debate's speakers: "Minister Verhoef:", "De heer Kramers (CDA):"
        if part.kind == "turn" and part.speaker:
            s = text.find(part.speaker, part.span.start, part.span.start + len(part.title) + 8)
            if s >= 0:
                add(s, s + len(part.speaker), part.speaker, part.role, "turn")
    for s, e, name in motion_submitters(text, 0, len(text)):
        add(s, e, name, "indiener motie", "motie")
    for s, e, name in _submitters(text):
        add(s, e, name, "indiener", "titel")
    for pos in _title_positions(text):
        m = _TITLED.match(text, pos)
        if m and _names_a_member(m):
            add(m.start("name"), m.end("name"), m["name"], _member_role(text, m), "title")
    for s, e, name, function in _function_titled(text):
        add(s, e, name, function, "title")
    for s, e, (source, _name) in _name_hits(doc):
        if source != "person":
            continue
        if text[max(0, s - 8) : s].rstrip().endswith("fractie"):
            continue  # "fractie Visseren-Hamakers" names a fractie
        add(s, e, text[s:e], None, "gazetteer")
    # the surname alone after the full name ("Jansen" after "Pieter Jansen") is the same person
    full = {m.value: m for m in found if surname_of(m.value)}  # "Van Raak" is a surname already: no "Raak"
    for name, first in sorted(full.items()):
        surname = surname_of(name)
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text[first.end :]):
            s, e = first.end + m.start(), first.end + m.end()
            if not taken.overlaps(s, e) and not text[max(0, s - 8) : s].rstrip().endswith("fractie"):
                taken.claim(s, e)
                found.append(_mention(doc, "person", s, e, name, role=first.fields.get("role"), basis="surname"))
    return sorted(found, key=lambda m: m.start)


def party_mentions(doc: Document) -> list[Mention]:
    return [_mention(doc, "party", h.start, h.end, h.canonical) for h in find_fracties(doc.text)]


def entity_mentions(doc: Document) -> list[Mention]:
    out = person_mentions(doc) + party_mentions(doc) + organisation_mentions(doc)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def unknown_acronyms(doc: Document) -> list[tuple[str, int]]:
    """Capitalised abbreviations no gazetteer entry or in-text definition explains, and the names
    the text's own signals show (extractors/named_things.py) that the gazetteer lacks, with counts."""
    entries = gazetteer()
    known = {x for e in entries.values() for x in (e.acronym, e.label) if x}
    known |= {form for form, _ in _surface_forms()}
    known |= {d.abbr for d in acronym_definitions(doc.text)}
    skip = {"EUR", "USD", "II", "III", "IV", "VS", "NL", "VK", "BBP", "BNI", "KPI", "AI", "IT", "HR", "MKB", "VTE", "FTE"}
    counts: dict[str, int] = {}
    fracties = {h.canonical for h in find_fracties(doc.text)}
    covered = Claimed(len(doc.text))
    entity_hits = [h for h in literals.hits(doc.text, "names") if h[2][0] == "entity"]
    for s, e, _ in at_word_boundaries(doc.text, leftmost_longest(entity_hits)):
        covered.claim(s, e)
    for m in re.finditer(r"(?<![\w-])[A-Z][A-Z0-9&]{1,9}(?:-[A-Z][A-Z0-9]*)?(?![\w])", doc.text):
        token = m.group(0)
        line_start = doc.text.rfind("\n", 0, m.start()) + 1
        line = doc.text[line_start : doc.text.find("\n", m.end()) if doc.text.find("\n", m.end()) >= 0 else None]
        if covered.overlaps(m.start(), m.end()) or token.rstrip("0123456789") in known:
            continue  # part of a known name ("MRAD SHORAD"), or a known name with a footnote digit
        if token in known or token in skip or token in fracties or token in aliases() or line.isupper():
            continue  # headings in capitals are words, not acronyms
        if re.fullmatch(r"[A-Z]{1,2}\d*|\d+", token) or re.fullmatch(r"\d{4}\s?[A-Z]{2}", token):
            continue
        counts[token] = counts.get(token, 0) + 1
    for m in organisation_mentions(doc):  # named by the text's signals, absent from the gazetteer
        if m.fields.get("id") is None and m.fields.get("category") != "defined_in_text":
            counts[m.value] = counts.get(m.value, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


literals.register("names", _names())

EXTRACTOR = Extractor(NAME, VERSION, ("person", "party", "organisation", "programme"), entity_mentions)
