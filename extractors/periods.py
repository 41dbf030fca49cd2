"""Dates and periods: '21 mei 2026', '9 dec 2024 – 8 dec 2025', 'medio 2026', 'Q2', 'voor de zomer',
'het najaar van 2026', '2025 t/m 2030', 'vanaf 2035', 'vorig jaar'.

`value` is the start of the period as ISO 8601 at the precision printed ('2026-05-21', '2026-06',
'2026'), `until` its end (None when open or a single day). Phrases relative to the document
('vorig jaar', 'Q2', '8 mei jl.') are resolved against the document's date and marked relative;
without a document date their value is None. A period whose end cannot be meant ('2025 t/m 3031')
is kept as printed and flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors import literals
from extractors.dates import FULL_MONTHS, MONTHS, iso_date
from extractors.document import Document, Mention, per_document
from extractors.registry import Extractor
from extractors.text import Claimed, anchored_matches, digit_run_starts, sentence_bounds, token_start

NAME, VERSION = "periods", "6"
LABEL = f"{NAME}@{VERSION}"

Y = r"(?:19|20)\d{2}"
_SEASONS = {
    "voorjaar": (3, 5),
    "lente": (3, 5),
    "zomer": (6, 8),
    "najaar": (9, 11),
    "herfst": (9, 11),
    "winter": (12, 2),
}
_HALVES = {"eerste": (1, 6), "tweede": (7, 12)}
_QUARTERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}

# part of a year, after a year ("medio 2027") or a year told relative to the letter ("medio volgend jaar")
_PART_OF_YEAR = {"begin": ("01", "03"), "medio": ("06", "07"), "halverwege": ("06", "07"), "eind": ("10", "12")}

# Phrases relative to the document's date ("vorig jaar", "voor de zomer", "binnenkort").
_RELATIVE = re.compile(
    r"(?P<rel>(?:(?:begin|medio|eind|halverwege)\s+)?(?:vorig|afgelopen|dit|volgend|komend|volgende)\s+jaar"
    r"|v[oó][oó]r\s+het\s+(?:zomer|kerst)reces|na\s+het\s+(?:zomer|kerst)reces|v[oó][oó]r\s+(?:de\s+)?zomer|na\s+de\s+zomer"
    r"|afgelopen\s+zomer|in\s+het\s+(?:najaar|voorjaar)"
    r"|voor\s+het\s+einde\s+van\s+(?:het|dit)\s+jaar|later\s+dit\s+jaar|later\s+in\s+het\s+jaar"
    r"|binnenkort|op\s+korte\s+termijn)(?![\w])",
    re.I,
)


_WHITE = re.compile(r"\s+")


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _doc_year(doc: Document) -> int | None:
    return int(doc.date[:4]) if doc.date else None


class _Groups(dict):
    """Named groups; a group the pattern does not have reads as None."""

    def __missing__(self, key: str) -> None:
        return None


def _resolve(kind: str, m: re.Match[str], doc: Document) -> tuple[str | None, str | None, dict]:
    """(start, end, extra fields) of a matched phrase."""
    year = _doc_year(doc)
    extra: dict = {"relative": False}
    m = _Groups(m.groupdict() if hasattr(m, "groupdict") else m)  # type: ignore[assignment]
    if kind == "day":
        mo, d = _month(m["m"]), int(m["d"])
        if m["y"]:
            return iso_date(int(m["y"]), mo, d), None, extra
        extra["relative"] = True
        if year is None or doc.date is None:
            return None, None, extra
        y = year
        if m["jl"] and (mo, d) > (int(doc.date[5:7]), int(doc.date[8:10]) if len(doc.date) >= 10 else 31):
            y -= 1  # "jl." is in the past: a later month is last year's
        return iso_date(y, mo, d), None, extra
    if kind == "month":
        y, mo = int(m["y"]), _month(m["m"])
        extra["modifier"] = m["mod"].lower() if m["mod"] else None
        return iso_date(y, mo), None, extra
    if kind == "season":
        y = int(m["y"])
        a, b = _SEASONS[m["s"].lower()]
        return iso_date(y, a), iso_date(y + (b < a), b), extra
    if kind == "recess":  # the Kamer's recesses: summer from early July, Christmas from late December
        y = int(m["y"])
        starts = {"zomer": 7, "kerst": 12, "herfst": 10, "voorjaars": 2, "krokus": 2, "mei": 4}[m["r"].lower()]
        if m["pre"].lower() == "na" and starts < 11:
            return iso_date(y, starts + 2), iso_date(y, 12), extra
        if m["pre"].lower() == "na":
            return iso_date(y + 1, 1), iso_date(y + 1, 3), extra
        begin = doc.date if doc.date and doc.date[:4] == str(y) else iso_date(y, 1)
        return begin, iso_date(y, starts), extra
    if kind == "half":
        y = int(m["y"])
        a, b = _HALVES[m["h"].lower()]
        return iso_date(y, a), iso_date(y, b), extra
    if kind == "month_alone":  # its year, when its sentence names one, set by _resolve_found
        cue = _WHITE.sub(" ", m["cue"].lower())
        extra.update(relative=True, cue=cue, modifier=cue if cue in ("begin", "eind", "medio", "halverwege") else None)
        return (iso_date(int(m["y"]), _month(m["m"])) if m["y"] else None), None, extra
    if kind == "quarter":
        q = int(m["q"]) if m["q"] else _QUARTERS[m["qw"].lower()]
        if m["y"]:
            y = int(m["y"])
        else:
            extra["relative"] = True
            if year is None:
                return None, None, extra
            y = year
        return iso_date(y, 3 * q - 2), iso_date(y, 3 * q), extra
    if kind == "cued_year":
        cue = _WHITE.sub(" ", m["cue"].lower())
        y = str(int(m["y"]))
        extra["cue"] = cue
        if cue in ("vanaf", "sinds", "na"):
            extra["open_end"] = True
            return y, None, extra
        if cue in ("tot", "uiterlijk", "uiterlijk in"):
            extra["open_start"] = True
            return None, y, extra
        if cue in _PART_OF_YEAR:  # "medio 2027"
            first, last = _PART_OF_YEAR[cue]
            return f"{y}-{first}", f"{y}-{last}", extra
        return y, None, extra
    return _relative(m["rel"].lower(), doc, extra)


def _relative(phrase: str, doc: Document, extra: dict) -> tuple[str | None, str | None, dict]:
    extra["relative"] = True
    year = _doc_year(doc)
    if year is None or doc.date is None:
        return None, None, extra
    phrase = _WHITE.sub(" ", phrase).replace("vóór", "voor").replace("vóor", "voor").replace("voór", "voor")
    part, _, rest = phrase.partition(" ")
    if part in _PART_OF_YEAR:  # "medio volgend jaar", "eind dit jaar"
        whole, _, _ = _relative(rest, doc, {})
        first, last = _PART_OF_YEAR[part]
        return (f"{whole}-{first}", f"{whole}-{last}", extra) if whole else (None, None, extra)
    month = int(doc.date[5:7]) if len(doc.date) >= 7 else 1
    table = {
        "vorig jaar": (str(year - 1), None), "afgelopen jaar": (str(year - 1), None), "dit jaar": (str(year), None),
        "volgend jaar": (str(year + 1), None), "komend jaar": (str(year + 1), None), "volgende jaar": (str(year + 1), None),
        "voor de zomer": (doc.date, f"{year}-06"), "voor zomer": (doc.date, f"{year}-06"),
        "voor het zomerreces": (doc.date, f"{year}-07"), "voor het kerstreces": (doc.date, f"{year}-12"),
        "na het kerstreces": (f"{year + (month > 2)}-01", f"{year + (month > 2)}-03"),
        "na de zomer": (f"{year}-09", f"{year}-12"), "na het zomerreces": (f"{year}-09", f"{year}-12"),
        "afgelopen zomer": (f"{year - (month < 9)}-06", f"{year - (month < 9)}-08"),
        "later dit jaar": (doc.date, f"{year}-12"), "later in het jaar": (doc.date, f"{year}-12"),
        "voor het einde van het jaar": (doc.date, f"{year}-12"),
        "voor het einde van dit jaar": (doc.date, f"{year}-12"),
        "binnenkort": (doc.date, None), "op korte termijn": (doc.date, None),
        # the coming autumn or spring: this year's, unless it is past
        "in het najaar": (f"{year + (month > 11)}-09", f"{year + (month > 11)}-11"),
        "in het voorjaar": (f"{year + (month > 5)}-03", f"{year + (month > 5)}-05"),
    }  # fmt: skip
    start, end = table.get(phrase, (None, None))
    return start, end, extra


# --- scanning: anchored on days, years, "Q" and a few literal words, so that the text is read
# --- by fast scans and the detailed patterns only run on small windows ---------------------------

# a month's name, or its abbreviation with or without its dot ("1 juli." ends a sentence: the dot is not the month's)
_ABBREVIATED = "|".join(sorted((m for m in MONTHS if m not in FULL_MONTHS), key=len, reverse=True))
_MI = rf"(?i:(?:{'|'.join(sorted(FULL_MONTHS, key=len, reverse=True))})(?![\w])|(?:{_ABBREVIATED})\.?)"
_DAY_FORMS = re.compile(
    rf"(?P<d>\d{{1,2}})(?<![\w]\d\d)(?<![\w]\d(?=\d))"  # a day number not glued to a word
    rf"(?:\s*(?:–|-|en)\s*(?P<dd>\d{{1,2}}))?\s+(?P<m1>{_MI})(?![\w-])(?:\s+(?P<y1>{Y}))?"
    rf"(?:\s*(?:–|-|t/m|tot\s+en\s+met)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{_MI})\s+(?P<y2>{Y})|(?P<jl>\s+jl\.))?"
)
# A year stands alone: not inside a word or an identifier ("ah-tk-2025", "2026-04-15", "files/2026-04/"),
# except before a hyphen and a second year, as a range is often typed ("de periode 2025-2028").
_YEAR = re.compile(r"(?:19|20)\d\d(?<![\w-]\d{4})(?!\w|-(?!(?:19|20)\d\d(?![\w-])))")
_BEFORE_YEAR = [
    ("month", re.compile(rf"(?:(?P<mod>(?i:begin|eind|medio|half|halverwege))\s+)?(?P<m>{_MI})\s+$")),
    ("season", re.compile(r"(?:(?i:het|de)\s+)?(?P<s>(?i:voorjaar|lente|zomer|najaar|herfst|winter))\s+(?:van\s+)?$")),
    ("half", re.compile(r"(?:de\s+)?(?P<h>(?i:eerste|tweede))\s+helft\s+van\s+$")),
    # "vóór het zomerreces van 2026", "na het kerstreces 2026"
    ("recess", re.compile(
        r"(?P<pre>(?i:v[oó][oó]r|na))\s+(?i:het)\s+(?P<r>(?i:zomer|kerst|herfst|voorjaars|krokus|mei))reces\s+(?:van\s+)?$")),
    ("quarter", re.compile(r"(?:\bQ(?P<q>[1-4])|(?P<qw>(?i:eerste|tweede|derde|vierde))\s+kwartaal)\s+(?:van\s+)?$")),
    ("cued_year", re.compile(
        r"(?<![\w])(?P<cue>(?i:vanaf|sinds|uiterlijk\s+in|uiterlijk|in\s+de\s+loop\s+van|in|per|tot|voor|na|eind|begin|medio"
        r"|halverwege|rond))\s+$"
    )),
]  # fmt: skip
_BEFORE_YEAR_BY_KIND = dict(_BEFORE_YEAR)
_CUES = {"vanaf", "sinds", "uiterlijk", "in", "per", "tot", "voor", "na", "eind", "begin", "medio", "halverwege", "rond"}
_SEASON_WORDS = {"voorjaar", "lente", "zomer", "najaar", "herfst", "winter"}


def _kind_before_year(text: str, s: int) -> str | None:
    """Which phrase may end in the year at s, judged from the word before it."""
    head = text[max(0, s - 30) : s].split()
    if not head:
        return None
    word = head[-1].lower().rstrip(".")
    if word in MONTHS:
        return "month"
    if word in _SEASON_WORDS:
        return "season"
    if word.endswith("reces") or (word == "van" and len(head) >= 2 and head[-2].lower().endswith("reces")):
        return "recess"
    if word == "van" and len(head) >= 2:
        prev = head[-2].lower()
        if prev == "loop":  # "in de loop van 2027": the year
            return "cued_year"
        return "season" if prev in _SEASON_WORDS else "half" if prev == "helft" else "quarter" if prev == "kwartaal" else None
    if word == "kwartaal" or (len(word) == 2 and word[0] == "q" and word[1] in "1234"):
        return "quarter"
    if word in _CUES:
        return "cued_year"
    return None


_TUSSEN = re.compile(r"(?i:tussen)\s+$")
_YEAR_RANGE_AFTER = re.compile(r"\s*(?P<sep>t/m|tot\s+en\s+met|–|-|tot|en)\s*(?P<y2>\d{4})(?![\w-])")
# a quarter without its year is the document's year's: "Q2", "in het derde kwartaal" (the word
# before "kwartaal" is read only where that word stands)
_Q = re.compile(r"Q(?P<q>[1-4])(?![\w])")
_QUARTER_WORD = re.compile(r"\b(?P<qw>(?i:eerste|tweede|derde|vierde))\s+$")
literals.register("quarter anchors", ("kwartaal",))
# a month without its year after a cue: "in september", "eind oktober", "vóór december" (a day
# before it, or a year after it, makes another phrase, read before this one); its year is the one
# its sentence names (_context_year), if any. The cue is looked for just before where a month stands.
_MONTH_CUES = r"(?i:uiterlijk\s+in|in|eind|begin|medio|halverwege|v[oó][oó]r|na|uiterlijk|vanaf|sinds)"
_CUE_BEFORE_MONTH = re.compile(rf"(?<![\w]){_MONTH_CUES}\s+$")
_MONTH_ALONE = re.compile(rf"(?P<cue>{_MONTH_CUES})\s+(?P<m>{_MI})")
literals.register("month anchors", literals.cased(FULL_MONTHS))
literals.register("relative date anchors", ("jaar", "zomer", "binnenkort", "korte termijn"))
# the word before "jaar" or "zomer" in the relative phrases
_BEFORE_RELATIVE = {"vorig", "afgelopen", "dit", "volgend", "komend", "volgende", "het", "de", "voor"}


def _in_url(text: str, start: int) -> bool:
    """Is start inside a URL or an identifier token (dates in links are not dates of the text)?"""
    begin = token_start(text, start)
    token = text[begin : start + 1]
    return "://" in token or token.startswith("www.") or "/" in token[: start - begin]


def _may_start_day(text: str, p: int) -> bool:
    """Can a day number start at p: one or two digits, then white space or a dash ("21 mei",
    "9-10 juni")? Most digit runs fail this test and are never given to the pattern."""
    q = p + 1
    if q < len(text) and text[q].isdigit():
        q += 1
    return q < len(text) and (text[q].isspace() or text[q] in "-–e")


class _Found(Claimed):
    """The phrases found so far, each claiming its characters (a phrase inside a link is claimed
    but not kept)."""

    def __init__(self, text: str):
        super().__init__(len(text))
        self.text = text
        self.items: list[tuple[str, int, int, re.Match[str] | None]] = []

    def free(self, s: int, e: int) -> bool:
        return not self.overlaps(s, e)

    def add(self, kind: str, s: int, e: int, m: re.Match[str] | None) -> None:
        self.claim(s, e)
        if not _in_url(self.text, s):
            self.items.append((kind, s, e, m))


def _scan(doc: Document) -> list[tuple[str, int, int, re.Match[str] | None]]:
    text = doc.text
    found = _Found(text)
    starts = digit_run_starts(text)
    for m in anchored_matches(_DAY_FORMS, text, [p for p in starts if _may_start_day(text, p)]):
        if found.free(m.start(), m.end()):
            kind = "day_range" if m["d2"] else "days_in_month" if m["dd"] else "day"
            found.add(kind, m.start(), m.end(), m)
    for y in anchored_matches(_YEAR, text, [p for p in starts if text.startswith(("19", "20"), p)]):
        s, e = y.start(), y.end()
        if not found.free(s, e):
            continue
        rng = _YEAR_RANGE_AFTER.match(text, e)
        tussen = _TUSSEN.search(text, max(0, s - 8), s)
        if rng and (rng["sep"] != "en" or tussen):
            found.add("year_range", tussen.start() if tussen else s, rng.end(), rng)
            continue
        kind = _kind_before_year(text, s)
        if kind is None:
            continue  # a year on its own is not a date mention
        b = _BEFORE_YEAR_BY_KIND[kind].search(text, max(0, s - 40), s)
        if b and found.free(b.start(), e):
            found.add(kind, b.start(), e, b)
    for q in _Q.finditer(text):
        if found.free(q.start(), q.end()) and (q.start() == 0 or not text[q.start() - 1].isalnum()):
            found.add("quarter", q.start(), q.end(), q)
    for start, end, _ in literals.hits(text, "month anchors"):
        cue = _CUE_BEFORE_MONTH.search(text, max(0, start - 14), start)
        after = text[end : end + 6]
        if cue is None or after[:1].isalpha() or after.strip()[:1].isdigit() or not found.free(cue.start(), end):
            continue
        m = _MONTH_ALONE.match(text, cue.start(), end)
        if m is not None:
            found.add("month_alone", cue.start(), end, m)
    for pos in literals.positions(text, "quarter anchors"):
        end = pos + len("kwartaal")
        w = _QUARTER_WORD.search(text, max(0, pos - 12), pos)
        if w and not text[end : end + 1].isalpha() and found.free(w.start(), end):
            found.add("quarter", w.start(), end, w)
    for pos in literals.positions(text, "relative date anchors"):
        before = text[max(0, pos - 14) : pos].split()
        inside_word = pos > 0 and text[pos - 1].isalpha()  # "najaar", "voorjaar"
        loose = not before or before[-1].lower() not in _BEFORE_RELATIVE
        if text.startswith(("jaar", "zomer"), pos) and not inside_word and loose:
            continue  # "het jaar 2026", "deze zomer": not one of the relative phrases
        # the phrase that holds the anchor (an earlier phrase may stand in the same window)
        r = next((x for x in _RELATIVE.finditer(text, max(0, pos - 30), min(len(text), pos + 20)) if x.end() > pos), None)
        if r and r.start() <= pos < r.end() and found.free(r.start(), r.end()):
            found.add("relative", r.start(), r.end(), r)
    return sorted(found.items, key=lambda x: x[1])


def _resolve_found(kind: str, s: int, e: int, m: re.Match[str] | None, doc: Document) -> tuple[str | None, str | None, dict]:
    text = doc.text
    if kind in ("day_range", "days_in_month", "day"):
        assert m is not None
        return _resolve_day(kind, m, doc)
    if kind == "year_range":
        y1 = int(_YEAR.search(text, s, e).group(0))  # type: ignore[union-attr]
        y2 = int(m["y2"])  # type: ignore[index]
        extra: dict = {"relative": False}
        if not (y1 <= y2 <= y1 + 100):
            extra["flag"] = f"implausible period: {y1} to {y2}"
        return str(y1), str(y2), extra
    if kind == "relative":
        return _relative(_WHITE.sub(" ", text[s:e].lower()), doc, {})
    assert m is not None
    groups = m.groupdict()
    if kind == "month_alone":
        groups["y"] = _context_year(text, s)
        return _resolve(kind, groups, doc)  # type: ignore[arg-type]
    if text[e - 4 : e].isdigit():  # all but a quarter without its year ("Q2") end in their year
        groups["y"] = text[e - 4 : e]
    return _resolve(kind, groups, doc)  # type: ignore[arg-type]


def _context_year(text: str, s: int) -> str | None:
    """The year its sentence names last before s ("eerder in 2025 ..., steeg dit in juli": 2025), or
    None. Not the document's year: a month without its year is as often in the past ("verscheen
    pas in oktober", in a letter of January) as still to come, and only the text says which; nor a
    year of an earlier sentence, which may speak of another time."""
    years = [y.group(0) for y in _YEAR.finditer(text, sentence_bounds(text, s)[0], s)]
    return years[-1] if years else None


def _resolve_day(kind: str, m: re.Match[str], doc: Document) -> tuple[str | None, str | None, dict]:
    if kind == "day_range":
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2
        return iso_date(y1, _month(m["m1"]), int(m["d"])), iso_date(y2, _month(m["m2"]), int(m["d2"])), {"relative": False}
    day = int(m["d"])
    if kind == "days_in_month":
        if not m["y1"]:
            return None, None, {"relative": True}
        y, mo = int(m["y1"]), _month(m["m1"])
        return iso_date(y, mo, day), iso_date(y, mo, int(m["dd"])), {"relative": False}
    fake = {"d": str(day), "m": m["m1"], "y": m["y1"], "jl": m["jl"]}
    return _resolve("day", fake, doc)  # type: ignore[arg-type]


def period_mentions(doc: Document) -> Iterator[Mention]:
    for kind, s, e, m in _scan(doc):
        start, until, extra = _resolve_found(kind, s, e, m, doc)
        fields = {"until": until, "period_kind": kind, **extra}
        yield Mention(doc.name, "date", s, e, doc.text[s:e], start, LABEL, fields)


@per_document
def periods_of(doc: Document) -> list[Mention]:
    """period_mentions(doc), computed once per document however many extractors ask."""
    return list(period_mentions(doc))


EXTRACTOR = Extractor(NAME, VERSION, ("date",), periods_of)
