"""References: Kamerstukken, moties, TK documents and zaken, toezeggingen, MINDEF numbers, URLs
and footnotes that point to an answer in another letter, with normalised values.

Kamerstuk numbers are normalised as dossier digits, then the toevoeging in upper case, then the
volgnummer, joined by "-": 'Kamerstuk 36 800 X, nr. 3' -> '36800-X-3', '21 501-28, nr. 298' ->
'21501-28-298', '33.763-176' -> '33763-176', '36 800-X34' -> '36800-X-34'.

>>> normalise_kamerstuk("36 800 X", "3")
'36800-X-3'
>>> normalise_kamerstuk("21 501-02-3047", None)
'21501-02-3047'
>>> normalise_kamerstuk("36 800-X34", None)
'36800-X-34'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, unquote, urlsplit

from extractors import literals
from extractors.document import Document, Mention
from extractors.registry import Extractor
from extractors.text import SURNAME_PATTERN, Claimed, anchored_matches

NAME, VERSION = "references", "9"
LABEL = f"{NAME}@{VERSION}"

literals.register("kamerstuk triggers", ("Kamerstuk", "kamerstuk", "motie", "Motie"))
# every `type` a reference mention may have ("answer": a footnote pointing to another letter's question)
REFERENCE_TYPES = frozenset({"kamerstuk", "motie", "tk_document", "tk_zaak", "toezegging", "mindef", "handelingen",
                             "kenmerk", "staatsblad", "staatscourant", "url", "answer"})  # fmt: skip
literals.register("volgnummer anchors", ("nr", "-", "–"))  # "nr. 6", a glued "-X34"
literals.register("moties", ("motie", "Motie"))
literals.register("url starts", ("http://", "https://", "www."))
OFFICIAL = "https://zoek.officielebekendmakingen.nl/"

_DOSSIER = r"\d{2}[\x20.]?\d{3}"
_TAIL = r"(?:\s?[-–]\s?[A-Za-z\d]{1,5}|\x20[A-Z]{1,3}(?:\d{1,4})?(?![\w]))*"
_NR = r"(?:,?\s*(?P<nrs>nrs?)\.?\s*(?P<nr>\d{1,4}(?:\s*(?:,|en)\s*\d{1,4})*))?"
_ONE = rf"{_DOSSIER}{_TAIL}"

# "Kamerstuk 36 800 X, nr. 3", "Kamerstukken 28676-472; 28676-504 en 28676-464",
# "Kamerstukken 27 830 en 31 865, nr. 339", "motie 36 045–191", "Kamerstukken II 2025/26, 36 800 X, nr. 7"
_TRIGGERED = re.compile(
    rf"(?P<trigger>[Kk]amerstuk(?:ken)?(?:\s+II?)?(?:\s+(?:19|20)\d\d[/-]\d{{2,4}},)?|[Mm]otie(?:s)?)"
    rf"\s+(?P<list>{_ONE}(?:\s*(?:;|,|en)\s*{_ONE})*){_NR}"
)
# an Eerste Kamer paper, lettered where a Tweede Kamer paper is numbered: "Kamerstukken I 2025/26,
# 36 800 X, C", "Kamerstuk 36 800 X, A" (36800-X-C, as published: kst-36800-X-C)
_LETTERED = re.compile(
    rf"Kamerstuk(?:ken)?(?:\s+I)?\s+(?:(?:19|20)\d\d[/-]\d{{2,4}},?\s+)?(?P<list>{_ONE}),\s*(?P<letter>[A-Z]{{1,2}})"
    r"(?=\s*(?:[).,;:]|$)|\s+(?:en|p\.|blz\.|pag\.)\s)"  # the end of the citation, not a word such as "U"
)
# without a trigger word only the unambiguous shapes: "36 725 X nr. 6", "(36 800-X34)", "36 124, nr. 57"
_BARE = re.compile(
    rf"(?P<list>\d(?<![\w.-]\d)\d[\x20.]?\d{{3}}(?:\s?[-–]\s?[A-Z]{{1,3}}\d{{0,4}}|\x20[A-Z]{{1,3}}(?![\w])|[-–]\d{{1,3}}(?=,?\s*nrs?\b)|)){_NR}"
)
_KST_ID = re.compile(r"kst-(?P<id>\d{5}(?:-[A-Za-z\d]+)*)")
# literal first, the boundary checked after: a leading look-behind would stop the engine from
# skipping quickly to the next candidate
_TK = re.compile(r"(?P<id>20\d{2}(?P<k>[DZ])\d{5})(?<![\w]20\d{2}[DZ]\d{5})(?![\w])")
_TZ = re.compile(r"TZ\d{6}-\d{3}(?<![\w]TZ\d{6}-\d{3})(?![\w])")
_MINDEF = re.compile(r"MINDEF\d{8,}(?![\w])")
# The Handelingen and their Aanhangsel (answers to Kamervragen), as cited: "Handelingen II 2025/26, nr. 45,
# item 12", "Aanhangsel Handelingen II 2025-2026, nr. 2345", "Handelingen I 2024/25, nr. 3". The value is the
# publication's official id (h-tk-20252026-45-12, ah-tk-20252026-2345, h-ek-20242025-3).
_HANDELINGEN = re.compile(
    r"(?P<ah>Aanhangsel\s+(?:van\s+de\s+)?)?Handelingen\s+(?P<ch>II|I|TK|EK)\s+"
    r"(?P<y1>(?:19|20)\d\d)\s?[/-]\s?(?P<y2>(?:19|20)?\d\d)(?:\s*,)?\s+nr\.?\s*(?P<nr>\d{1,5})"
    r"(?:\s*,\s*item\s+(?P<item>\d{1,3}))?"
)
# The Staatsblad and the Staatscourant as cited: "Stb. 2025, 123", "Staatsblad 2024, nr. 56", "Stcrt. 2026,
# 12345", by the publication's official id (stb-2025-123, stcrt-2026-12345)
_GAZETTE = re.compile(
    r"(?P<g>Stb\.|Staatsblad|Stcrt\.|Staatscourant)\s+(?P<y>(?:18|19|20)\d\d)\s*,?\s+(?:nr\.\s*)?(?P<n>\d{1,6})(?![\w,.]\d)"
)
# A ministry's own reference of a letter: "kenmerk BS2026012345", "ons kenmerk: DOSCO/2026/1234"
_KENMERK = re.compile(r"(?<![\w-])[Kk]enmerk\s*:?\s+(?P<k>(?=[\w/.-]*\d)[A-Z][A-Za-z]*[\w/.-]*\d)(?![\w])")
# the words these patterns start with: each pattern is tried only where one of them stands
literals.register("publication anchors", ("Aanhangsel", "Handelingen", "Stb.", "Staatsblad", "Stcrt.", "Staatscourant"))
literals.register("kenmerk anchors", ("kenmerk", "Kenmerk"))
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'«»‘’“”]+")
_ANSWER_NOTE = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d+\]|<sup>\d+</sup>|\d{1,2})?\s*Vraag\s+(?P<n>\d{1,3})\s*:", re.M)
# "motie-Piri c.s.", "moties Timmermans en Yesilgöz-Zegerius", "de motie van het lid Van der Lee",
# "de motie van de leden Kramers en De Wit-Aydin"
_MOTION_NAMES = re.compile(
    rf"[Mm]oties?(?:\s+van\s+(?:het\s+lid|de\s+leden)\s+|[- \t\u00a0]+)"  # on one line: "Moties" is also a heading
    rf"(?P<names>{SURNAME_PATTERN}(?:\s*,\s*{SURNAME_PATTERN})*(?:\s+en\s+{SURNAME_PATTERN})*)(?:\s+c\.s\.)?"
)


def normalise_kamerstuk(number: str, nr: str | None) -> str:
    """Dossier digits, toevoeging, volgnummer joined by '-'."""
    number = number.replace("–", "-").strip()
    m = re.match(r"(\d{2})[\x20.]?(\d{3})(.*)$", number)
    if not m:
        return number
    parts = [m.group(1) + m.group(2)]
    for token in re.split(r"[\s-]+", m.group(3).strip(" -")):
        if not token:
            continue
        glued = re.fullmatch(r"([A-Za-z]+)(\d+)", token)  # "X34": toevoeging X, number 34
        parts.extend([glued.group(1).upper(), glued.group(2)] if glued else [token.upper()])
    if nr:
        parts.append(str(int(nr)))
    return "-".join(parts)


def official_id(value: str) -> str:
    return f"kst-{value}"


def unwrap_url(url: str) -> str:
    """The target of a redirect wrapper (Google, Outlook safelinks); other URLs unchanged."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    host = parts.netloc.lower()
    if ("google." in host and parts.path == "/url") or "safelinks" in host:
        query = parse_qs(parts.query)
        for key in ("url", "q"):
            if query.get(key):
                return unquote(query[key][0])
    return url


def _ref(doc: Document, s: int, e: int, value: str, type_: str, **fields) -> Mention:
    return Mention(doc.name, "reference", s, e, doc.text[s:e], value, LABEL, {"type": type_, **fields})


def _kamerstuk_fields(value: str, motion: bool, nr: str | None = None, letter: str | None = None) -> dict:
    """The dossier, the volgnummer (or an Eerste Kamer paper's letter) and, for a paper with
    either, its official identifier and address."""
    has_nr = value.count("-") >= 1 and value.rsplit("-", 1)[1].isdigit()
    if nr is None and (compact := re.fullmatch(r"\d+-[A-Z]{1,3}-(\d+)", value)):
        nr = compact.group(1)  # "36800-X-12": the volgnummer after the chapter letter
    fields: dict = {"dossier": value.split("-")[0], "volgnummer": int(nr) if nr else None}
    if letter:
        fields["letter"] = letter
    if (has_nr or letter) and not motion:
        fields["official_id"] = official_id(value)
        fields["url"] = f"{OFFICIAL}{official_id(value)}.html"
    return fields


def _volgnummer_spans(m: re.Match[str]) -> list[tuple[int, int, str | None]]:
    """(start, end, volgnummer) of each paper a match cites: the whole match for one; for "nrs 100
    en 101" the first from the match's start to its number, each later one its own digits, so that
    no two references share one span (a span is one mention, with one value)."""
    if not m["nr"]:
        return [(m.start(), m.end(), None)]
    found = list(re.finditer(r"\d{1,4}", m["nr"]))
    if len(found) == 1:
        return [(m.start(), m.end(), found[0].group(0))]
    base = m.start("nr")
    first = found[0]
    return [(m.start(), base + first.end(), first.group(0))] + [(base + x.start(), base + x.end(), x.group(0)) for x in found[1:]]


def _split_list(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The dossier numbers of a list "28676-472; 28676-504 en 28676-464" with their spans."""
    out = []
    for m in re.finditer(_ONE, text[start:end]):
        out.append((start + m.start(), start + m.end(), m.group(0)))
    return out


def _kamerstukken(doc: Document, taken: Claimed) -> Iterator[Mention]:
    text = doc.text
    triggers = literals.positions(text, "kamerstuk triggers")
    for m in anchored_matches(_LETTERED, text, triggers):
        taken.claim(m.start(), m.end())
        value = f"{normalise_kamerstuk(m['list'], None)}-{m['letter']}"
        yield _ref(doc, m.start(), m.end(), value, "kamerstuk", **_kamerstuk_fields(value, False, letter=m["letter"]))
    for m in anchored_matches(_TRIGGERED, text, triggers):
        if taken.overlaps(m.start(), m.end()):
            continue  # a lettered paper, read above
        motion = m["trigger"].lower().startswith("motie") or (
            text[m.start() - 1 : m.start()] == "(" and _cited_as_motion(text, m.start())
        )  # "de motie-Dassen c.s. (Kamerstuk 21 501-28, nr. 312)": the paper is the motion
        items = _split_list(text, m.start("list"), m.end("list"))
        numbers = re.findall(r"\d{1,4}", m["nr"]) if m["nr"] else [None]
        type_ = "motie" if motion else "kamerstuk"
        if len(items) == 1:
            taken.claim(m.start(), m.end())
            for s, e, nr in _volgnummer_spans(m):
                value = normalise_kamerstuk(items[0][2], nr)
                yield _ref(doc, s, e, value, type_, **_kamerstuk_fields(value, motion, nr))
            continue
        taken.claim(m.start(), m.end())
        for k, (s, e, number) in enumerate(items):
            nr = numbers[0] if (m["nr"] and len(numbers) == 1) else None
            value = normalise_kamerstuk(number, nr)
            start = m.start() if k == 0 else s
            end = m.end() if (k == len(items) - 1 and m["nr"]) else e
            yield _ref(doc, start, end, value, type_, **_kamerstuk_fields(value, motion, nr))
    for m in _bare_candidates(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        # without a trigger word: a volgnummer ("36 725 X nr. 6") or a glued one ("36 800-X34")
        shaped = m["nr"] or re.search(r"[-–]\s?[A-Z]{1,3}\d", m["list"])
        if not shaped:
            continue
        taken.claim(m.start(), m.end())
        motion = _cited_as_motion(text, m.start())
        glued = re.search(r"[A-Z](\d{1,4})$", m["list"])  # "36 800-X34": volgnummer 34
        for s, e, nr in _volgnummer_spans(m):
            value = normalise_kamerstuk(m["list"], nr)
            yield _ref(doc, s, e, value, "motie" if motion else "kamerstuk",
                       **_kamerstuk_fields(value, motion, nr or (glued.group(1) if glued else None)))  # fmt: skip
    yield from _chapter_dossiers(doc, taken)
    for m in _KST_ID.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        taken.claim(m.start(), m.end())
        value = _normalise_kst(m["id"])
        yield _ref(doc, m.start(), m.end(), value, "kamerstuk", **_kamerstuk_fields(value, False))


# A dossier with its chapter letter as bill titles and proceedings print it, without the word
# Kamerstuk: in brackets "(35123-X)", "( 35123-K )", or compact with its volgnummer "35999-X-12"
# ("ID: 35999-X-12", "zie 36410-X-7", ", 36200-K-4,"). A bare "35123-X" in prose is not read.
_CHAPTER_DOSSIER = re.compile(
    r"(?P<open>\(\s*)?(?P<d>\d(?<![\w.-]\d)\d[\x20.]?\d{3})\s?[-–]\s?(?P<t>[A-Z]{1,3})(?:[-–](?P<nr>\d{1,4}))?(?![\w-])"
    r"(?P<close>\s*\))?"
)


def _chapter_dossiers(doc: Document, taken: Claimed) -> Iterator[Mention]:
    text = doc.text
    last = -1
    for p in literals.positions(text, "volgnummer anchors"):
        if p <= last or text[p] == "n":
            continue
        m = _CHAPTER_DOSSIER.search(text, max(0, p - 9), min(len(text), p + 14))
        if not m or not (m.start("t") - 3 <= p < m.start("t")) or taken.overlaps(m.start("d"), m.end("t")):
            continue
        last = m.end()
        bracketed = m["open"] is not None and m["close"] is not None
        if not (bracketed or m["nr"]):
            continue
        s, e = m.start("d"), m.end("nr") if m["nr"] else m.end("t")
        value = normalise_kamerstuk(f"{m['d']}-{m['t']}", m["nr"])
        taken.claim(s, e)
        yield _ref(doc, s, e, value, "kamerstuk", **_kamerstuk_fields(value, False, m["nr"]))


_BARE_ANCHOR = re.compile(r"nrs?\.?\s*\d|[-–]\s?[A-Z]{1,3}\d")


def _bare_candidates(text: str) -> Iterator[re.Match[str]]:
    """Bare Kamerstuk numbers, looked for only around a volgnummer ("nr. 6") or a glued one
    ("-X34"): scanning every digit of the text with the full pattern would cost far more."""
    last_end = -1
    anchors = (_BARE_ANCHOR.match(text, p) for p in literals.positions(text, "volgnummer anchors"))
    for a in (x for x in anchors if x):
        m = _BARE.search(text, max(0, a.start() - 25), min(len(text), a.end() + 30))
        while m and m.end() <= a.start():
            m = _BARE.search(text, m.end(), min(len(text), a.end() + 30))
        if m and m.start() <= a.start() < m.end() and m.start() >= last_end:
            last_end = m.end()
            yield m


def _normalise_kst(raw: str) -> str:
    parts = raw.split("-")
    return "-".join([parts[0]] + [p.upper() if not p.isdigit() else p for p in parts[1:]])


def _urls(doc: Document, taken: Claimed) -> Iterator[Mention]:
    text = doc.text
    for m in anchored_matches(_URL, text, literals.positions(text, "url starts")):
        url = m.group(0).rstrip(".,;:!?*")
        s, e = m.start(), m.start() + len(url)
        taken.claim(s, e)
        target = unwrap_url(url)
        yield _ref(doc, s, e, url, "url", target=target if target != url else None)


def _identifiers(doc: Document) -> Iterator[Mention]:
    """TK document and zaak numbers, toezeggingen, MINDEF numbers (also inside URLs)."""
    text = doc.text
    for m in _TK.finditer(text):
        yield _ref(doc, m.start(), m.end(), m["id"], "tk_document" if m["k"] == "D" else "tk_zaak")
    for m in _TZ.finditer(text):
        yield _ref(doc, m.start(), m.end(), m.group(0), "toezegging")
    for m in _MINDEF.finditer(text):
        yield _ref(doc, m.start(), m.end(), m.group(0), "mindef", own=m.group(0) in doc.identifiers)
    publications = literals.positions(text, "publication anchors")
    for m in anchored_matches(_HANDELINGEN, text, publications):
        yield _ref(doc, m.start(), m.end(), handelingen_id(m), "handelingen")
    for m in anchored_matches(_GAZETTE, text, publications):
        series = "stb" if m["g"].startswith(("Stb", "Staatsb")) else "stcrt"
        yield _ref(doc, m.start(), m.end(), f"{series}-{m['y']}-{m['n']}", "staatsblad" if series == "stb" else "staatscourant")
    for m in anchored_matches(_KENMERK, text, literals.positions(text, "kenmerk anchors")):
        if not m["k"].startswith("MINDEF"):  # a MINDEF number is read above, as its own kind
            yield _ref(doc, m.start("k"), m.end("k"), m["k"], "kenmerk")


def handelingen_id(m: re.Match[str]) -> str:
    """The official id of a cited Handelingen or Aanhangsel: chamber, session years, number (, item)."""
    chamber = "tk" if m["ch"] in ("II", "TK") else "ek"
    y2 = m["y2"] if len(m["y2"]) == 4 else m["y1"][:2] + m["y2"]
    prefix = "ah" if m["ah"] else "h"
    return f"{prefix}-{chamber}-{m['y1']}{y2}-{m['nr']}" + (f"-{m['item']}" if m["item"] else "")


def _answer_notes(doc: Document) -> Iterator[Mention]:
    """A footnote "Vraag 15:" followed by the URL of another letter: a reference to that answer."""
    text = doc.text
    for note in doc.footnotes:
        m = _ANSWER_NOTE.match(text, note.span.start, note.span.end)
        if not m:
            continue
        url = _URL.search(text, m.end(), note.span.end)
        s, e = m.start("n") - len("Vraag "), m.end("n")
        yield _ref(doc, s, e, f"vraag {m['n']}", "answer", question=int(m["n"]),
                   document_url=url.group(0) if url else None,
                   anchor=[note.anchor.start, note.anchor.end] if note.anchor else None)  # fmt: skip


def _own_headers(doc: Document, taken: Claimed) -> Iterator[Mention]:
    """The document's own dossier number printed at its head ("36 800 X", "21 501-28" + "Nr. 300")."""
    text = doc.text
    head = text[:600]
    # printed "36 800 X" or "36800": a dotted "87.120" alone on a line is a table cell, not a dossier
    m = re.search(r"^\s*(?P<d>\d{2}\x20?\d{3}(?:-\d+|\x20[A-Z]{1,3})?)(?=\s|$)", head, re.M)
    if m and not taken.overlaps(m.start("d"), m.end("d")):
        value = normalise_kamerstuk(m["d"], None)
        taken.claim(m.start("d"), m.end("d"))
        yield _ref(doc, m.start("d"), m.end("d"), value, "kamerstuk", own=True, dossier=value.split("-")[0])
        nr = re.search(r"^[ \t]*(?P<all>Nr\.\s*(?P<nr>\d+))[ \t]*$", head, re.M)
        if nr:
            full = f"{value}-{int(nr['nr'])}"
            taken.claim(nr.start("all"), nr.end("all"))
            yield _ref(doc, nr.start("all"), nr.end("all"), full, "kamerstuk", own=True,
                       **_kamerstuk_fields(full, False, nr["nr"]))  # fmt: skip


# capitalised words after "motie" that name no member: "de motie Defensie" is no one's
_NOT_NAMES = {"Defensie", "Kamer", "Tweede", "Eerste", "Regering", "Kabinet", "Nederland", "Europa", "NAVO", "EU", "Motie",
              "Moties", "Amendement"}


def motion_submitters(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Names in "moties Timmermans en Yesilgöz-Zegerius", "motie-Piri c.s." within [start, end)."""
    out = []
    positions = literals.positions(text, "moties", start, end)
    matches = (_MOTION_NAMES.match(text, pos, end) for pos in positions)
    for m in (x for x in matches if x):
        for n in re.finditer(SURNAME_PATTERN, m["names"]):
            name = n.group(0)
            if name in _NOT_NAMES:
                continue
            s = m.start("names") + n.start()
            out.append((s, s + len(name), name))
    return out


_CITED_AS = re.compile(r"\b(?:motie|amendement|kamerstuk)", re.I)


def _cited_as_motion(text: str, start: int) -> bool:
    """Is a bare Kamerstuk number a motion's: the nearest "motie", "amendement" or "Kamerstuk" before
    it (within 160 characters) is "motie" ("de motie-Boswijk (36 600 X, nr. 45) en het
    amendement-Van Dijk (36 600 X, nr. 12)": the second is an amendment's; "de motie (Kamerstuk
    36 600 X, nr. 45). Zie ook Kamerstuk II 2024/25, 36 600 X, nr. 5": the second is no motion)."""
    found = [m.group(0).lower() for m in _CITED_AS.finditer(text, max(0, start - 160), start)]
    return bool(found) and found[-1] == "motie"


def reference_mentions(doc: Document) -> list[Mention]:
    taken = Claimed(len(doc.text))
    out = [*_urls(doc, taken), *_own_headers(doc, taken), *_kamerstukken(doc, taken), *_identifiers(doc)]
    out += list(_answer_notes(doc))
    out.sort(key=lambda x: (x.start, x.end))
    return out


EXTRACTOR = Extractor(NAME, VERSION, ("reference",), reference_mentions)
