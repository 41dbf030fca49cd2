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

from extractors.dates import MONTH_PATTERN, MONTHS, iso_date
from extractors.document import Document, Mention
from extractors.registry import Extractor

NAME, VERSION = "periods", "1"
LABEL = f"{NAME}@{VERSION}"

M = rf"(?:{MONTH_PATTERN})\.?"
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

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "day_range",
        re.compile(
            rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{M})(?:\s+(?P<y1>{Y}))?\s*(?:–|-|t/m|tot\s+en\s+met)\s*"
            rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{M})\s+(?P<y2>{Y})",
            re.I,
        ),
    ),
    (
        "days_in_month",
        re.compile(rf"(?P<d1>\d{{1,2}})\s*(?:–|-|en)\s*(?P<d2>\d{{1,2}})\s+(?P<m>{M})\s+(?P<y>{Y})", re.I),
    ),
    ("day", re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{M})(?:\s+(?P<y>{Y})|(?P<jl>\s+jl\.)|(?![\w-]))", re.I)),
    ("month", re.compile(rf"(?:(?P<mod>begin|eind|medio|half|halverwege)\s+)?(?P<m>{M})\s+(?P<y>{Y})", re.I)),
    (
        "season",
        re.compile(
            rf"(?:(?:het|de)\s+)?(?P<s>voorjaar|lente|zomer|najaar|herfst|winter)\s+(?:van\s+)?(?P<y>{Y})(?![\w-])",
            re.I,
        ),
    ),
    ("half", re.compile(rf"(?:de\s+)?(?P<h>eerste|tweede)\s+helft\s+van\s+(?P<y>{Y})", re.I)),
    (
        "quarter",
        re.compile(
            rf"(?:\bQ(?P<q>[1-4])|(?P<qw>eerste|tweede|derde|vierde)\s+kwartaal)(?:\s+(?:van\s+)?(?P<y>{Y}))?(?![\w])"
        ),
    ),
    (
        "year_range",
        re.compile(
            rf"(?:tussen\s+)?(?P<y1>{Y})\s*(?:t/m|tot\s+en\s+met|–|-|tot|en)\s*(?P<y2>\d{{4}})(?![\w-])", re.I
        ),
    ),
    (
        "cued_year",
        re.compile(
            rf"(?P<cue>vanaf|sinds|uiterlijk\s+in|uiterlijk|in|per|tot|voor|na|eind|begin|medio|halverwege|rond)\s+(?P<y>{Y})(?![\w-])",
            re.I,
        ),
    ),
    (
        "relative",
        re.compile(
            r"(?P<rel>vorig\s+jaar|afgelopen\s+jaar|dit\s+jaar|volgend\s+jaar|komend\s+jaar|volgende\s+jaar"
            r"|voor\s+het\s+zomerreces|na\s+het\s+zomerreces|voor\s+de\s+zomer|na\s+de\s+zomer|afgelopen\s+zomer"
            r"|voor\s+het\s+einde\s+van\s+(?:het|dit)\s+jaar|later\s+dit\s+jaar|later\s+in\s+het\s+jaar|eind\s+dit\s+jaar"
            r"|binnenkort|op\s+korte\s+termijn)(?![\w])",
            re.I,
        ),
    ),
]

_PROTECTED = re.compile(
    r"https?://\S+|www\.\S+|<[^>\s]+>|\b\d{4}[DZ]\d{5}\b|\bTZ\d{6}-\d{3}\b|\bMINDEF\d+\b"
    r"|\bKamerstuk(?:ken)?\b[^)\n;]*|\b\d{2}\s?\.?\d{3}(?:-[A-Z\d]+)"
)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _doc_year(doc: Document) -> int | None:
    return int(doc.date[:4]) if doc.date else None


def _resolve(kind: str, m: re.Match[str], doc: Document) -> tuple[str | None, str | None, dict]:
    """(start, end, extra fields) of a matched phrase."""
    year = _doc_year(doc)
    extra: dict = {"relative": False}
    if kind == "day_range":
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2
        return iso_date(y1, _month(m["m1"]), int(m["d1"])), iso_date(y2, _month(m["m2"]), int(m["d2"])), extra
    if kind == "days_in_month":
        y, mo = int(m["y"]), _month(m["m"])
        return iso_date(y, mo, int(m["d1"])), iso_date(y, mo, int(m["d2"])), extra
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
    if kind == "half":
        y = int(m["y"])
        a, b = _HALVES[m["h"].lower()]
        return iso_date(y, a), iso_date(y, b), extra
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
    if kind == "year_range":
        y1, y2 = int(m["y1"]), int(m["y2"])
        if m.group(0).lower().startswith("tussen") is False and " en " in m.group(0):
            return None, None, {"skip": True}  # "2025 en 2030" without "tussen" is two years
        if not (y1 <= y2 <= y1 + 100):
            extra["flag"] = f"implausible period: {y1} to {y2}"
        return str(y1), str(y2), extra
    if kind == "cued_year":
        cue = re.sub(r"\s+", " ", m["cue"].lower())
        y = str(int(m["y"]))
        extra["cue"] = cue
        if cue in ("vanaf", "sinds", "na"):
            extra["open_end"] = True
            return y, None, extra
        if cue in ("tot", "uiterlijk", "uiterlijk in"):
            extra["open_start"] = True
            return None, y, extra
        if cue in ("medio", "halverwege"):
            return f"{y}-06", f"{y}-07", extra
        if cue == "begin":
            return f"{y}-01", f"{y}-03", extra
        if cue == "eind":
            return f"{y}-10", f"{y}-12", extra
        return y, None, extra
    return _relative(m["rel"].lower(), doc, extra)


def _relative(phrase: str, doc: Document, extra: dict) -> tuple[str | None, str | None, dict]:
    extra["relative"] = True
    year = _doc_year(doc)
    if year is None or doc.date is None:
        return None, None, extra
    phrase = re.sub(r"\s+", " ", phrase)
    month = int(doc.date[5:7]) if len(doc.date) >= 7 else 1
    table = {
        "vorig jaar": (str(year - 1), None), "afgelopen jaar": (str(year - 1), None), "dit jaar": (str(year), None),
        "volgend jaar": (str(year + 1), None), "komend jaar": (str(year + 1), None), "volgende jaar": (str(year + 1), None),
        "voor de zomer": (doc.date, f"{year}-06"), "voor het zomerreces": (doc.date, f"{year}-07"),
        "na de zomer": (f"{year}-09", f"{year}-12"), "na het zomerreces": (f"{year}-09", f"{year}-12"),
        "afgelopen zomer": (f"{year - (month < 9)}-06", f"{year - (month < 9)}-08"),
        "later dit jaar": (doc.date, f"{year}-12"), "later in het jaar": (doc.date, f"{year}-12"),
        "eind dit jaar": (f"{year}-10", f"{year}-12"), "voor het einde van het jaar": (doc.date, f"{year}-12"),
        "voor het einde van dit jaar": (doc.date, f"{year}-12"),
        "binnenkort": (doc.date, None), "op korte termijn": (doc.date, None),
    }  # fmt: skip
    start, end = table.get(phrase, (None, None))
    return start, end, extra


def period_mentions(doc: Document) -> Iterator[Mention]:
    text = doc.text
    taken = bytearray(len(text))
    for p in _PROTECTED.finditer(text):
        taken[p.start() : p.end()] = b"\1" * (p.end() - p.start())
    found = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if b"\1" in taken[s:e] or (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-/")):
                continue
            start, until, extra = _resolve(kind, m, doc)
            if extra.pop("skip", False):
                continue
            taken[s:e] = b"\1" * (e - s)
            fields = {"until": until, "period_kind": kind, **extra}
            found.append(Mention(doc.name, "date", s, e, m.group(0), start, LABEL, fields))
    found.sort(key=lambda x: x.start)
    yield from found


EXTRACTOR = Extractor(NAME, VERSION, ("date",), period_mentions)
