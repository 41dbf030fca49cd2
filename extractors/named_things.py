"""Named things that no gazetteer lists, recognised from the text's own signals:

- a compound whose head names an instrument, a regulation, a report or a system ("de
  Defensie-innovatiefaciliteit", "de munitieproductieverordening", "de investeringsnota",
  "Fennekvoertuigen", "het Europees Defensiefonds");
- a treaty ("het Verdrag van Lissabon", "het Noord-Atlantisch Verdrag");
- a company ("Voorbeeld Defence BV", "Noordzee Scheepsbouw N.V.");
- a programme named in guillemets or quotes after its head noun ("het programma «Veilig Thuis»",
  "de operatie 'Snelle Inzet'");
- a name of three or more capitalised words ("het Capability Review Report"), an organisation
  when its last word is the head of one ("de Defensie Materieel Organisatie", "het Joint Support
  Command").

Each gets a category (instrument, regulation, report, system, treaty, company, organisation, name); its value is
the name as printed. The curated gazetteer stays the source of canonical names: what is found
here and not there is listed by `dkg entities --unknown`, for a curator to add.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from extractors import literals
from extractors.text import in_name

# head -> category; a lower-case compound counts only after "de" or "het" ("een investeringsprogramma"
# is any programme), and some heads only in a capitalised compound ("de wapensystemen" are any systems)
_HEADS_ANY_CASE = {"verordening": "regulation", "faciliteit": "instrument", "fonds": "instrument", "nota": "report",
                   "richtlijn": "regulation", "mechanisme": "instrument"}  # fmt: skip
_HEADS_CAPITALISED = {"programma": "programme", "systemen": "system", "voertuigen": "system", "toestellen": "system"}
_HEADS = {**_HEADS_ANY_CASE, **_HEADS_CAPITALISED}
# the head ending a word (found first: a search for whole words ending in a head would try every
# word), then the word it ends and an optional article and capitalised adjective before that word
_HEAD_AT_END = re.compile(rf"(?:{'|'.join(_HEADS)})(?![\w-])")
_BEFORE_WORD = re.compile(r"(?:(?<![\w-])(?P<art>[Dd]e|[Hh]et)[ \t]+)?(?:(?<![\w-])(?P<adj>[A-Z][a-z]+(?:e|s))[ \t]+)?$")
# A treaty, found from the word "Verdrag" (a literal the engine skips to): named after it ("het Verdrag
# van Lissabon") or by an adjective of place before it ("het Noord-Atlantisch Verdrag"). Names stay on
# one line: white space here is spaces and tabs.
_VERDRAG = re.compile(r"Verdrag(?![\w-])")
_TREATY_NAMED_AFTER = re.compile(
    r"[ \t]+(?:van|inzake|over|betreffende|tot)[ \t]+(?:de[ \t]+|het[ \t]+)?[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)*"
)
_TREATY_NAMED_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:isch|ees|aans|se)[ \t]+$")
# the last word of an organisation's name
ORGANISATION_HEADS = frozenset({
    "Organisatie", "Dienst", "Commando", "Agentschap", "Inspectie", "Raad", "Autoriteit", "Bureau", "Centrum",
    "Instituut", "Directie", "Staf", "Korps", "Ministerie", "Rekenkamer", "Agency", "Organisation", "Organization",
    "Command", "Office", "Council", "Centre", "Center", "Institute", "Directorate", "Authority",
})  # fmt: skip
_COMPANY = re.compile(r"(?<![\w-])(?:[A-Z][\w&'’-]*[ \t]+){1,4}(?:B\.V\.|N\.V\.|BV|NV)(?![\w])")
_CAPITALISED_RUN = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:[’'][a-z]+)?(?:[ \t]+[A-Z][\w-]*(?:[’'][a-z]+)?){2,7}(?![\w-])")
# a head noun, then the name in guillemets or quotes: het programma «Veilig Thuis», de operatie 'Snelle Inzet'
_QUOTED_HEADS = ("programma", "project", "actieplan", "plan", "initiatief", "operatie", "missie", "regeling", "campagne",
                 "fonds", "instrument", "agenda")  # fmt: skip
_QUOTED = re.compile(
    rf"\b(?:{'|'.join(f'[{h[0].upper()}{h[0]}]{h[1:]}' for h in _QUOTED_HEADS)})"
    r"\s+(?:[«‘'\"“](?P<name>[A-Z][^«»‘’'\"“”\n]{1,60}?)[»’'\"”])"
)
# where a head noun begins: _QUOTED is tried there only (a pattern that begins with twelve
# alternatives is tried at every character of the text otherwise)
literals.register("quoted_heads", literals.cased(_QUOTED_HEADS))
_LETTER_PREFIX = re.compile(r"[A-Z]-[a-z]")  # "A-wapensystemen": a class of systems, not a name
# capitalised at the start of a sentence or as a title, never the start of a name
_LEADING = {"De", "Het", "Een", "In", "Op", "Zie", "Voor", "Met", "Van", "Naar", "Bij", "Dit", "Deze", "Die", "Dat", "Wij",
            "We", "Ik", "Uw", "Ook", "Als", "Om", "Tot", "En", "Of", "Maar", "Nu", "Daarnaast", "Verder", "Hierbij", "Minister",
            "Staatssecretaris", "Kamer", "Tweede", "Eerste", "Geachte", "Voorzitter", "Bijlage", "Tabel", "Vraag", "Antwoord",
            "Welke", "Wat", "Hoe", "Waarom", "Wanneer", "Waar", "Wie", "Hoeveel", "Kunt", "Kan", "Is", "Zijn", "Wordt", "Worden",
            "Heeft", "Hebben", "Zal", "Zullen", "Deelt", "Klopt", "Acht", "Bent", "Erkent", "Herkent"}  # fmt: skip


class Named(NamedTuple):
    start: int
    end: int
    name: str
    category: str

    @property
    def kind(self) -> str:
        return "organisation" if self.category in ("company", "organisation") else "programme"


def names_an_organisation(name: str) -> bool:
    """Does the name end in the head of an organisation's name ("Defensie Materieel Organisatie"),
    or begin with it, as Dutch names of services and commands do ("Commando Landstrijdkrachten",
    "Dienst Vastgoed Defensie", "Koninklijke Marechaussee")?"""
    words = name.split()
    return bool(words) and (words[-1] in ORGANISATION_HEADS or words[0] in ORGANISATION_HEADS or words[0] == "Koninklijke")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


def _compounds(text: str) -> Iterator[Named]:
    last_end = 0
    for h in _HEAD_AT_END.finditer(text):
        end = h.end()
        start = h.start()
        while start > 0 and in_name(text[start - 1]):
            start -= 1  # back to the start of the word the head ends
        if start < last_end:
            continue
        name, head = text[start:end], h.group(0)  # no head ends another: the one found is the word's
        if len(name) < len(head) + 4:
            continue  # the head alone, or nearly: "het programma", "de nota"
        capitalised = name[0].isupper()
        if head in _HEADS_CAPITALISED and (not capitalised or _LETTER_PREFIX.match(name)):
            continue
        before = _BEFORE_WORD.search(text, max(last_end, start - 40), start)  # only for a candidate
        if not capitalised and not before["art"]:
            continue
        if capitalised and not before["adj"] and _sentence_start(text, start):
            continue  # "Wapensystemen worden ...": a capital that only starts the sentence
        first = before.start("adj") if before["adj"] else start
        last_end = end
        yield Named(first, end, text[first:end], _HEADS[head])


def _runs(text: str) -> Iterator[Named]:
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        lead = 0
        while lead < len(words) and words[lead] in _LEADING:
            lead += 1
        if len(words) - lead < 3 or any(w.isupper() and len(w) > 1 for w in words[lead:]):
            continue  # fewer than three name words, or an acronym inside (a heading, a list of units)
        start = m.start() + len(" ".join(words[:lead])) + (1 if lead else 0)
        start = text.index(words[lead], start)
        name = text[start : m.end()]
        yield Named(start, m.end(), name, "organisation" if names_an_organisation(name) else "name")


def _treaties(text: str) -> Iterator[Named]:
    for v in _VERDRAG.finditer(text):
        if v.start() and in_name(text[v.start() - 1]):
            continue  # inside a word
        after = _TREATY_NAMED_AFTER.match(text, v.end())
        if after:
            yield Named(v.start(), after.end(), text[v.start() : after.end()], "treaty")
        before = _TREATY_NAMED_BEFORE.search(text, max(0, v.start() - 40), v.start())
        if before:
            yield Named(before.start(), v.end(), text[before.start() : v.end()], "treaty")


def named_things(text: str) -> list[Named]:
    """Every named thing the text's signals show, leftmost-longest, in text order."""
    found = list(_treaties(text))
    for m in _COMPANY.finditer(text):
        words = m.group(0).split()
        lead = next((i for i, w in enumerate(words) if w not in _LEADING), len(words))
        if lead < len(words) - 1:
            start = text.index(words[lead], m.start())
            found.append(Named(start, m.end(), text[start : m.end()], "company"))
    found += [Named(m.start("name"), m.end("name"), m["name"], "programme")
              for m in literals.finditer(_QUOTED, text, "quoted_heads")]  # fmt: skip
    found += [*_compounds(text), *_runs(text)]
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Named] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out
