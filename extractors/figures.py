"""Figures: amounts of money, percentages and counted quantities, with their normalised values.

The quoted span of an amount is the currency, the number and its scale ("€ 19,3 miljard",
"17,45 miljard euro", "EUR 30 mld."); a qualifier in front ("circa", "een kleine") and a rate
after it ("per persoon") are recorded as fields, not quoted. Numbers inside references (Kamerstuk
and document numbers, URLs, postcodes, question and article numbers, page references) are never
figures, and a year is a figure only with a currency, a percent sign or a counted noun.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from extractors.document import Document, Mention, Span
from extractors.numbers import (
    NUMBER_CORE,
    NUMBER_PATTERN,
    SCALE_PATTERN,
    SCALES,
    WORD_NUMBER_PATTERN,
    parse_number,
    parse_words,
)
from extractors.registry import Extractor

NAME, VERSION = "figures", "1"
LABEL = f"{NAME}@{VERSION}"


@cache
def _data() -> dict[str, Any]:
    return json.loads(files("extractors.data").joinpath("figures.json").read_text(encoding="utf-8"))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUM = NUMBER_PATTERN
NUM_END = NUMBER_CORE  # the second number of a range may follow a dash directly ("5-6 miljard")
WNUM = rf"(?<![\w]){WORD_NUMBER_PATTERN}(?![\w])"
SCALE = SCALE_PATTERN
_PRE_CUR = r"(?:€|EUR|US\$|\$|USD|£|GBP|euro|dollar)"
# "30 €" is rare, while "tussen 2025 en 2030 € 1,15 miljard" is not: a trailing € must not start an amount
_POST_CUR = r"(?:euro(?:'s)?|dollar(?:s)?|EUR|USD|€(?!\s?\d))(?![\w])"
_RANGE_SEP = r"\s*(?:à|-|–|tot)\s*"


@cache
def _amount_re() -> re.Pattern[str]:
    return re.compile(
        rf"""
        (?P<pre>{_PRE_CUR})\s?(?P<n1>{NUM})(?:{_RANGE_SEP}(?P<n1b>{NUM_END}))?(?:\s?(?P<s1>{SCALE}))?
        | (?P<n2>{NUM}|{WNUM})(?:{_RANGE_SEP}(?P<n2b>{NUM_END}))?(?:\s?(?P<s2>{SCALE}))?\s?(?P<post>{_POST_CUR})
        | (?P<n3>{NUM}|{WNUM})(?:{_RANGE_SEP}(?P<n3b>{NUM_END}))?\s(?P<s3>(?:miljoen|miljard|biljoen|mln\.?|mld\.?|mrd\.?)(?![\w]))
        """,
        re.VERBOSE,
    )


@cache
def _percent_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<n>{NUM}|{WNUM})\s?(?P<sym>%|procentpunt(?:en)?(?![\w])|procent(?![\w])|pct\.?(?![\w]))"
    )


@cache
def _quantity_re() -> re.Pattern[str]:
    units = _alternation(_data()["count_units"])
    return re.compile(rf"(?P<n>{NUM}|{WNUM})\s(?:\(?\s*)?(?P<unit>{units})(?![\w'’])")


@cache
def _qualifier_re() -> re.Pattern[str]:
    quals = _alternation(_data()["qualifiers"])
    return re.compile(rf"(?:^|(?<=[\s(]))(?P<q>{quals})\s+$", re.IGNORECASE)


_RATE = re.compile(r"\s*(?:per|/)\s*(?P<per>[a-z]+)\b")  # used with match(pos): no ^
_TAIL_PER_YEAR = re.compile(r"^\s*(?:per\s+jaar|jaarlijks|structureel\s+per\s+jaar)\b")
_BASE = re.compile(
    r"^(?P<norm>-?norm)?\s*(?:van\s+(?:het\s+)?)?(?P<of>bbp|BBP|bnp|BNP|BNI|bni|bruto\s+binnenlands\s+product)(?![\w])"
)
_BASE_LATER = re.compile(
    r"^\s*(?:en|respectievelijk|of|tot|naar|à|-|–)\s+\d[\d.,]*\s?%\s*(?:van\s+(?:het\s+)?)?(?P<of>bbp|BBP|BNI)(?![\w])"
)


# --- numbers that belong to something else ------------------------------------------------------

_PROTECTED = re.compile(
    r"""
    https?://\S+ | www\.\S+ | <[^>\s]+>
    | \bKamerstuk(?:ken)?\b[^)\n.;]*(?:nr\.?\s*\d+)?
    | \b(?:kst|stb|stcrt|trb)-\d[\w-]*
    | \b\d{2}\s?\.?\d{3}(?:\s?-\s?[A-Z\d]+|\s[A-Z]{1,3}\b)(?:,?\s*nrs?\.?\s*\d+(?:\s*(?:en|,)\s*\d+)*)?
    | \bnrs?\.?\s*\d+(?:\s*(?:en|,)\s*\d+)*
    | \b\d{4}[DZ]\d{5}\b | \bTZ\d{6}-\d{3}\b | \bMINDEF\d+\b
    | \bPostbus\s+\d+ | \b\d{4}\s?[A-Z]{2}\b | \bMPC\s+\d+\s?[A-Z]?
    | \b(?:blz|pag|p|pp)\.\s*\d+(?:\s*-\s*\d+)? | \bpagina'?s?\s+\d+
    | \b(?:artikel|art\.|hoofdstuk|paragraaf|bijlage|lid|vraag|vragen|antwoord)\s+\d+(?:\s*(?:en|,|t/m)\s*(?:vraag\s+)?\d+)*
    | \b0\d{1,3}[-\s]?\d{6,8}\b
    | \b\d{1,2}[.:]\d{2}\s*uur\b
    | (?<=[A-Za-z%)])\d{1,2}\b
    """,
    re.VERBOSE,
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are identifiers, not figures."""
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]


class _Taken:
    """Character ranges already claimed, for cheap overlap tests in document order."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.mask = bytearray()
        self.add_all(spans)

    def add_all(self, spans: list[tuple[int, int]]) -> None:
        for s, e in spans:
            self.add(s, e)

    def add(self, s: int, e: int) -> None:
        if len(self.mask) < e:
            self.mask.extend(b"\0" * (e - len(self.mask)))
        self.mask[s:e] = b"\1" * (e - s)

    def overlaps(self, s: int, e: int) -> bool:
        return b"\1" in self.mask[s:e]


# --- values --------------------------------------------------------------------------------------


def number_value(s: str) -> float | None:
    v = parse_number(s)
    return v if v is not None else parse_words(s)


def _clean(v: float | None) -> int | float | None:
    if v is None:
        return None
    r = round(v, 6)
    return int(r) if r == int(r) else r


def _qualifier(text: str, start: int) -> tuple[str | None, str | None]:
    m = _qualifier_re().search(text, max(0, start - 30), start)
    if not m:
        return None, None
    printed = m["q"]
    return _data()["qualifiers"].get(printed.lower(), printed.lower()), printed


def _negative(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start]
    if re.search(r"-/-\s?$|−\s?$", before):
        return True
    # "– € 52,3 miljoen" at the start of a line or a table cell; in running text a dash is a dash
    return bool(re.search(r"(?:^|[\t\n(])\s*[-–]\s?$", before))


def _rate(text: str, end: int) -> str | None:
    m = _RATE.match(text, end, min(len(text), end + 30))
    if m and m["per"] in _data()["rates"]:
        return _data()["rates"][m["per"]]
    return None


def _mention(doc: Document, kind: str, span: Span, value: Any, fields: dict[str, Any]) -> Mention:
    return Mention(doc.name, kind, span.start, span.end, span.quote(doc.text), value, LABEL, fields)


# --- the three kinds -----------------------------------------------------------------------------


def _amounts(doc: Document, taken: _Taken) -> Iterator[Mention]:
    text = doc.text
    currencies = _data()["currencies"]
    for m in _amount_re().finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        if m["pre"]:
            cur, n, nb, sc = currencies.get(m["pre"], m["pre"]), m["n1"], m["n1b"], m["s1"]
            implied = False
        elif m["post"]:
            cur, n, nb, sc = currencies.get(m["post"], m["post"]), m["n2"], m["n2b"], m["s2"]
            implied = False
        else:
            n, nb, sc = m["n3"], m["n3b"], m["s3"]
            if _counted_noun_follows(text, m.end()):
                continue  # "1,5 miljoen mensen" is a quantity
            cur, implied = "EUR", True
        value = number_value(n)
        if value is None:
            continue
        scale = SCALES[sc.lower()] if sc else 1
        low = value * scale
        high = number_value(nb) * scale if nb and number_value(nb) is not None else None
        qualifier, printed = _qualifier(text, m.start())
        sign = -1 if _negative(text, m.start()) else 1
        fields: dict[str, Any] = {
            "currency": cur,
            "qualifier": qualifier,
            "qualifier_text": printed,
            "per": _rate(text, m.end()),
            "implied_currency": implied,
            "min": None,
            "max": None,
        }
        if high is not None:
            fields["min"], fields["max"] = _clean(sign * low), _clean(sign * high)
            val = None
        else:
            val = _clean(sign * low)
        taken.add(m.start(), m.end())
        yield _mention(doc, "amount", Span(m.start(), m.end()), val, fields)


_BETWEEN = re.compile(
    rf"\btussen\s+(?P<cur>{_PRE_CUR}\s?)?(?P<a>{NUM})\s?(?P<sa>{SCALE})?\s+en\s+(?:{_PRE_CUR}\s?)?(?P<b>{NUM})\s?(?P<s>{SCALE})(?:\s?(?P<post>{_POST_CUR}))?"
)


def _between_ranges(doc: Document, taken: _Taken) -> Iterator[Mention]:
    text = doc.text
    for m in _BETWEEN.finditer(text):
        start = m.start("cur") if m["cur"] else m.start("a")
        if taken.overlaps(start, m.end()):
            continue
        scale = SCALES[m["s"].lower()]
        a, b = number_value(m["a"]), number_value(m["b"])
        if a is None or b is None:
            continue
        cur_word = (m["cur"] or m["post"] or "").strip()
        fields = {
            "currency": _data()["currencies"].get(cur_word, "EUR"),
            "qualifier": None, "qualifier_text": None, "per": _rate(text, m.end()),
            "implied_currency": not cur_word, "min": _clean(a * SCALES[m["sa"].lower()] if m["sa"] else a * scale),
            "max": _clean(b * scale),
        }  # fmt: skip
        taken.add(start, m.end())
        yield _mention(doc, "amount", Span(start, m.end()), None, fields)


def _counted_noun_follows(text: str, end: int) -> bool:
    m = re.match(r"\s+([\w'’]+)", text[end : end + 40])
    return bool(m) and m.group(1) in _data()["count_units"]


def _percentages(doc: Document, taken: _Taken) -> Iterator[Mention]:
    text = doc.text
    for m in _percent_re().finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        value = number_value(m["n"])
        if value is None:
            continue
        qualifier, printed = _qualifier(text, m.start())
        of, explicit = _percentage_base(text, m.end())
        points = m["sym"].startswith("procentpunt")
        fields = {"of": of, "of_explicit": explicit, "qualifier": qualifier, "qualifier_text": printed,
                  "points": points}  # fmt: skip
        taken.add(m.start(), m.end())
        yield _mention(doc, "percentage", Span(m.start(), m.end()), _clean(value), fields)


def _percentage_base(text: str, end: int) -> tuple[str | None, bool | None]:
    window = text[end : end + 60]
    for pattern in (_BASE, _BASE_LATER):
        b = pattern.match(window)
        if b:
            return _normal_base(b["of"]), True
    sentence_start = max(text.rfind(".", 0, end - 4), text.rfind("\n", 0, end), 0)
    sentence_end = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    sentence = text[sentence_start:sentence_end]
    if window.startswith("-norm") or re.search(r"\b(?:bbp|BBP)\b", sentence):
        return "bbp", False
    return None, None


def _normal_base(of: str) -> str:
    return "BNI" if of.upper() == "BNI" else "bbp"


def _quantities(doc: Document, taken: _Taken) -> Iterator[Mention]:
    text = doc.text
    units = _data()["count_units"]
    for m in _quantity_re().finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        value = number_value(m["n"])
        if value is None:
            continue
        qualifier, printed = _qualifier(text, m.start())
        fields = {"unit": units[m["unit"]], "qualifier": qualifier, "qualifier_text": printed,
                  "per": _rate(text, m.end())}  # fmt: skip
        taken.add(m.start(), m.end())
        yield _mention(doc, "quantity", Span(m.start(), m.end()), _clean(value), fields)


def figure_mentions(doc: Document) -> list[Mention]:
    """Amounts, percentages and quantities of a document, in document order."""
    taken = _Taken(protected_spans(doc.text))
    out = [*table_amounts(doc, taken)]
    out += [
        *_between_ranges(doc, taken),
        *_amounts(doc, taken),
        *_percentages(doc, taken),
        *_quantities(doc, taken),
    ]
    out.sort(key=lambda x: (x.start, x.end))
    return out


# --- tables with a scale header ("bedragen x € 1.000") ------------------------------------------

_TABLE_SCALE = re.compile(
    rf"(?:bedragen\s+)?(?:x|×)\s*(?P<cur>{_PRE_CUR})\s?(?P<n>{NUM})(?:\s?(?P<s>{SCALE}))?", re.IGNORECASE
)


def table_amounts(doc: Document, taken: _Taken) -> Iterator[Mention]:
    """Cells of a table whose header says "bedragen x € 1.000": each number is an amount."""
    text = doc.text
    for table in doc.tables:
        head_start = text.rfind("\n", 0, max(0, table.span.start - 1)) + 1
        header = text[head_start : table.span.start] + " ".join(c.text for c in table.rows[0])
        m = _TABLE_SCALE.search(header)
        if not m:
            continue
        factor = (number_value(m["n"]) or 1) * (SCALES[m["s"].lower()] if m["s"] else 1)
        cur = _data()["currencies"].get(m["cur"], "EUR")
        for row in table.rows[1:]:
            for cell in row[1:]:
                raw = cell.text.replace("-/-", "-").replace("–", "-").strip()
                negative = raw.startswith("-")
                value = parse_number(raw.lstrip("- "))
                if value is None or taken.overlaps(cell.span.start, cell.span.end):
                    continue
                fields = {"currency": cur, "qualifier": None, "qualifier_text": None, "per": None,
                          "implied_currency": True, "min": None, "max": None, "table_scale": _clean(factor)}  # fmt: skip
                taken.add(cell.span.start, cell.span.end)
                yield _mention(
                    doc, "amount", cell.span, _clean((-1 if negative else 1) * value * factor), fields
                )


EXTRACTOR = Extractor(NAME, VERSION, ("amount", "percentage", "quantity"), figure_mentions)
