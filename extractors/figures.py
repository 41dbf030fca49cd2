"""Figures: amounts of money, percentages and counted quantities, with their normalised values.

The quoted span of an amount is the currency, the number and its scale ("€ 19,3 miljard",
"17,45 miljard euro", "EUR 30 mld."); a qualifier in front ("circa", "een kleine") and a rate
after it ("per persoon") are recorded as fields, not quoted. Numbers inside references (Kamerstuk
and document numbers, URLs, postcodes, question and article numbers, page references) are never
figures, and a year is a figure only with a currency, a percent sign or a counted noun.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from extractors import literals
from extractors.dates import FULL_MONTHS
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
from extractors.text import Claimed, anchored_matches, digit_run_starts, sentence_bounds, split_lines, token_start

NAME, VERSION = "figures", "6"
LABEL = f"{NAME}@{VERSION}"


@cache
def _data() -> dict[str, Any]:
    return json.loads(files("extractors.data").joinpath("figures.json").read_text(encoding="utf-8"))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUM = NUMBER_PATTERN
NUM_END = NUMBER_CORE  # the second number of a range may follow a dash directly ("5-6 miljard")
SCALE = SCALE_PATTERN
_PRE_CUR = r"(?:€|EUR|US\$|\$|USD|£|GBP|[Ee]uro|[Dd]ollar)"
# "30 €" is rare, while "tussen 2025 en 2030 € 1,15 miljard" is not: a trailing € must not start an amount
_POST_CUR = r"(?:[Ee]uro(?:'s)?|[Dd]ollar(?:s)?|EUR|USD|€(?!\s?\d))(?![\w])"
_RANGE_SEP = r"\s*(?:à|-|–|tot)\s*"


@cache
def _qualifier_re() -> re.Pattern[str]:
    quals = _alternation(_data()["qualifiers"])
    return re.compile(rf"(?:^|(?<=[\s(]))(?P<q>{quals})\s+$", re.IGNORECASE)


_RATE = re.compile(r"\s*(?:per|/)\s*(?P<per>[a-z]+)\b")  # used with match(pos): no ^
_BASE = re.compile(
    r"^(?P<norm>-?norm)?\s*(?:van\s+(?:het\s+)?)?(?P<of>bbp|BBP|bnp|BNP|BNI|bni|bruto\s+binnenlands\s+product)(?![\w])"
)
_BASE_LATER = re.compile(
    r"^\s*(?:en|respectievelijk|of|tot|naar|à|-|–)\s+\d[\d.,]*\s?%\s*(?:van\s+(?:het\s+)?)?(?P<of>bbp|BBP|BNI)(?![\w])"
)


# --- values --------------------------------------------------------------------------------------


def number_value(s: str) -> float | None:
    v = parse_number(s)
    return v if v is not None else parse_words(s)


def _clean(v: float | None) -> int | float | None:
    if v is None:
        return None
    r = round(v, 6)
    return int(r) if r == int(r) else r


@cache
def _qualifier_last_words() -> frozenset[str]:
    return frozenset(q.split()[-1].lower() for q in _data()["qualifiers"])


def _qualifier(text: str, start: int) -> tuple[str | None, str | None]:
    before = text[max(0, start - 30) : start]
    words = before.split()
    if not words or not before[-1:].isspace() or words[-1].lower().rpartition("(")[2] not in _qualifier_last_words():
        return None, None  # the word before is no qualifier's last word: decided without the regex
    m = _qualifier_re().search(text, max(0, start - 30), start)
    if not m:
        return None, None
    printed = m["q"]
    return _data()["qualifiers"].get(printed.lower(), printed.lower()), printed


_MINUS = re.compile(r"-/-\s?$|−\s?$")
_DASH_IN_CELL = re.compile(r"(?:^|[\t\n(])\s*[-–]\s?$")


def _negative(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start]
    if "-" not in before and "–" not in before and "−" not in before:
        return False
    if _MINUS.search(before):
        return True
    # "– € 52,3 miljoen" at the start of a line or a table cell; in running text a dash with a space
    # after it is a dash, but one glued to the amount ("daalt met –€ 20 miljoen") is a minus sign
    return bool(_DASH_IN_CELL.search(before)) or _glued_minus(text, start)


def _glued_minus(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "-–" and (start == 1 or text[start - 2].isspace() or text[start - 2] == "(")


def _rate(text: str, end: int, start: int | None = None) -> str | None:
    """The rate printed after the amount ("per jaar", "/uur"), or "jaarlijks" printed before it."""
    m = _RATE.match(text, end, min(len(text), end + 30))
    if m and m["per"] in _data()["rates"]:
        return _data()["rates"][m["per"]]
    if start is not None and _YEARLY_BEFORE.search(text, max(0, start - 30), start):
        return "jaar"
    return None


# "jaarlijks € 1 miljard", "jaarlijks circa € 80 miljoen": the word just before, or before the qualifier
_YEARLY_BEFORE = re.compile(r"\b[Jj]aarlijks\s+(?:(?:circa|ca\.|ongeveer|ruim|bijna|zo['’]n|maximaal|minimaal)\s+)?$")


def _mention(doc: Document, kind: str, span: Span, value: Any, fields: dict[str, Any]) -> Mention:
    return Mention(doc.name, kind, span.start, span.end, span.quote(doc.text), value, LABEL, fields)


# --- one scan over the digits ------------------------------------------------------------------

# A number that starts with a digit not glued to a word, a dot, a comma, a slash, a dash, a percent
# sign or a bracket ("NRC3", "(89%)2", "21 501-28" are not figures). Written digit-first so that
# the regex engine can skip quickly to the next digit.
# A scale word may be glued to the number ("€4,6mld", "250mln"): the number then ends before it.
_GLUED_SCALE = r"(?=(?:mld|mln|mrd|miljard|miljoen)\b)"
_NUM_DF = (
    # a dash before it only as a minus sign ("21 501-28" is no figure), a slash only after a percentage ("40%/50%")
    r"\d(?<![\w.,%)]\d)(?<![^%]/\d)(?<![\w.,/%)]-\d)"
    rf"(?:\d{{0,2}}(?:(?:\.|\u00a0|\u202f|\x20)\d{{3}})+(?:,\d+)?|\d*,\d+|\d*\.\d{{1,2}}(?!\d)|\d*)(?:(?![\w])|{_GLUED_SCALE})"
)


@cache
def _figure_re() -> re.Pattern[str]:
    units = _alternation(_data()["count_units"])
    heads = _alternation(compound_heads())
    return re.compile(
        rf"""
        (?P<n>{_NUM_DF})
        (?:{_RANGE_SEP}(?P<nb>{NUM_END}))?
        (?:\s?(?P<sc>{SCALE}))?
        (?: \s?(?P<post>{_POST_CUR})
          | \s?(?P<pct>%-?punt(?:en)?(?![\w])|%|procentpunt(?:en)?(?![\w])|procent(?![\w])|pct\.?(?![\w]))
          | \s(?:(?:extra|nieuwe|meer|additionele)\s+)?(?:\(\s*)?
            (?P<unit>{units}|(?!anders\b)[a-z]{{3,}}ers|[a-z]{{3,}}(?:{heads}))(?![\w'’])
        )?
        """,
        re.VERBOSE,
    )


_MAY_PRECEDE = re.compile(
    "|".join(re.escape(w) for w in ("€", "$", "£", "EUR", "USD", "GBP", "euro", "Euro", "dollar", "Dollar", "tussen", "Tussen"))
)
_PRE_CUR_BEFORE = re.compile(rf"(?P<cur>{_PRE_CUR})\s?$")
_TUSSEN_BEFORE = re.compile(rf"\b[Tt]ussen\s+(?:de\s+)?(?P<cur>{_PRE_CUR}\s?)?$")  # "tussen (de) € 30 en € 45 miljoen"
# "€ 3 tot € 5 miljoen", "€ 50 à € 100 per persoon": the currency printed again before the second number
_CURRENCY_RANGE_AFTER = re.compile(rf"{_RANGE_SEP}(?P<cur>{_PRE_CUR})\s?(?P<b>{NUM_END}|\d+{_GLUED_SCALE})(?:\s?(?P<s>{SCALE}))?")
_BETWEEN_PERCENT_AFTER = re.compile(rf"\s+en\s+(?P<b>{NUM_END})\s?(?P<pct>%|procent(?![\w]))")
_BETWEEN_AFTER = re.compile(
    rf"\s?(?P<sa>{SCALE})?\s+en\s+(?:{_PRE_CUR}\s?)?(?P<b>{NUM_END})\s?(?P<s>{SCALE})(?:\s?(?P<post>{_POST_CUR}))?"
)
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:blz|pag|p|pp)\.\s*|\bpagina'?s?\s+|\bPostbus\s+|\bMPC\s+"
    r"|\b(?:artikel|art\.|hoofdstuk|paragraaf|bijlage|lid|vraag|vragen|antwoord|nrs?\.?|nummer)\s+"
    r"(?:\d+\s*(?:en|,|t/m)\s*(?:vraag\s+)?)*)$",
    re.IGNORECASE,
)
# every alternative of _IDENTIFIER_BEFORE holds one of these (lower-cased)
_IDENTIFIER_WORDS = ("blz", "pag", "p.", "postbus", "mpc", "artikel", "art.", "hoofdstuk", "paragraaf", "bijlage", "lid",
                     "vra", "antwoord", "nr", "nummer")  # fmt: skip
_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}\s*uur\b")
_STRONG_SCALES = {"miljoen", "miljard", "biljoen", "mln", "mln.", "mld", "mld.", "mrd", "mrd.", "bn", "bn."}


def is_identifier(text: str, start: int) -> bool:
    """Is the number at start part of a URL, a clock time, or a question, article, page, postbus
    or volgnummer reference?"""
    token_end = len(text) if (sp := text.find(" ", start)) < 0 else sp
    token = text[token_start(text, start) : token_end]
    if "://" in token or token.startswith("www.") or "@" in token:
        return True
    if _CLOCK.match(text, start):
        return True
    before = text[max(0, start - 40) : start].lower()
    if not any(word in before for word in _IDENTIFIER_WORDS):
        return False  # none of the words that introduce a reference number: no regex needed
    return bool(_IDENTIFIER_BEFORE.search(text, max(0, start - 40), start))


def _scan(doc: Document, taken: Claimed) -> Iterator[Mention]:
    text = doc.text
    for m in anchored_matches(_figure_re(), text, digit_run_starts(text)):
        s, e = m.start(), m.end()
        tail = m["post"] or m["pct"] or m["sc"] or m["unit"]
        if not tail and text[max(0, s - 4) : s] == "van ":
            yield from _from_percentage(doc, taken, m)
            continue
        if not tail and not _MAY_PRECEDE.search(text, max(0, s - 15), s):
            continue  # a bare number: most digits of a text end here, decided by one literal search
        pre = _PRE_CUR_BEFORE.search(text, max(0, s - 7), s)
        between = _TUSSEN_BEFORE.search(text, max(0, s - 15), s)
        if not (pre or between or tail):
            continue
        if taken.overlaps(s, e) or is_identifier(text, s):
            continue
        if between and not m["nb"]:
            rng = _BETWEEN_AFTER.match(text, m.end("n"))
            if rng:
                cur_word = (between["cur"] or "").strip() or rng["post"] or ""
                start = between.start("cur") if between["cur"] else m.start("n")
                yield from _range_amount(doc, taken, m, rng, start, cur_word)
                continue
            rng = _BETWEEN_PERCENT_AFTER.match(text, m.end("n"))
            if rng and not tail:
                yield from _percentage_range(doc, taken, m, rng)
                continue
        sc = m["sc"]
        if pre and not m["nb"] and not sc and not m["post"]:
            rng = _CURRENCY_RANGE_AFTER.match(text, m.end("n"))
            if rng:
                yield from _range_amount(doc, taken, m, rng, pre.start(), pre["cur"])
                continue
        if pre or m["post"]:
            cur = _currency(pre["cur"] if pre else m["post"])
            start = pre.start() if pre else s
            end = m.end("post") if m["post"] else (m.end("sc") if sc else m.end("nb") if m["nb"] else m.end("n"))
            yield from _amount(doc, taken, m, start, end, cur, implied=False)
        elif m["pct"]:
            yield from _percentage(doc, taken, m)
        elif sc and sc.lower() in _STRONG_SCALES and not m["unit"] and not _counted_noun_follows(text, m.end("sc")):
            yield from _amount(doc, taken, m, s, m.end("sc"), "EUR", implied=True)
        elif m["unit"]:
            yield from _quantity(doc, taken, m)


def _amount_mention(doc: Document, taken: Claimed, start: int, end: int, value: Any, currency: str, implied: bool,
                    low: Any = None, high: Any = None) -> Mention:  # fmt: skip
    """An amount at [start, end), with the qualifier printed before it and the rate (per jaar, ...)
    around it; a range has `low` and `high` and no value."""
    text = doc.text
    qualifier, printed = _qualifier(text, start)
    fields = {"currency": currency, "qualifier": qualifier, "qualifier_text": printed, "per": _rate(text, end, start),
              "implied_currency": implied, "min": low, "max": high}  # fmt: skip
    taken.claim(start, end)
    return _mention(doc, "amount", Span(start, end), value, fields)


def _amount(doc: Document, taken: Claimed, m: re.Match[str], start: int, end: int, cur: str, implied: bool):
    value = number_value(m["n"])
    if value is None:
        return
    scale = SCALES[m["sc"].lower()] if m["sc"] else 1
    high = number_value(m["nb"]) if m["nb"] else None
    sign = -1 if _negative(doc.text, start) else 1
    if high is None:
        yield _amount_mention(doc, taken, start, end, _clean(sign * value * scale), cur, implied)
    else:
        low, high = _clean(sign * value * scale), _clean(sign * high * scale)
        yield _amount_mention(doc, taken, start, end, None, cur, implied, low, high)


def _currency(printed: str | None) -> str:
    """The currency code of a printed currency ("€", "euro", "Euro", "US$"); euro when none."""
    currencies = _data()["currencies"]
    if not printed:
        return "EUR"
    return currencies.get(printed) or currencies.get(printed.lower(), "EUR")


def _range_amount(doc: Document, taken: Claimed, m: re.Match[str], rng: re.Match[str], start: int, cur_word: str):
    """ "tussen 45 en 50 miljoen", "€ 3 tot € 5 miljoen": min and max, no single value. The scale
    printed after the second number applies to both."""
    scale = SCALES[rng["s"].lower()] if rng["s"] else 1
    low_scale = SCALES[rng["sa"].lower()] if "sa" in rng.re.groupindex and rng["sa"] else scale
    a, b = number_value(m["n"]), number_value(rng["b"])
    if a is None or b is None:
        return
    cur_word = cur_word.strip()
    sign = -1 if _negative(doc.text, start) else 1
    low, high = _clean(sign * a * low_scale), _clean(sign * b * scale)
    yield _amount_mention(doc, taken, start, rng.end(), None, _currency(cur_word), not cur_word, low, high)


_NEXT_WORD = re.compile(r"\s+(?:(?:extra|nieuwe|meer|additionele)\s+)?([\w'’]+)")  # "1,5 miljoen (extra) mensen"


def _counted_noun_follows(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end, end + 40)
    return bool(m) and (m.group(1) in _data()["count_units"] or _persons_noun(m.group(1)))


def _persons_noun(word: str) -> bool:
    """A plural noun of people or things in -ers (inwoners, gebruikers, bezoekers, containers):
    what is counted in them is never money."""
    return len(word) > 5 and word.endswith("ers") and word.islower() and word != "anders"


def count_unit(word: str) -> str:
    """The normalised unit of a counted noun: the curated one, else the noun itself (a compound
    such as "vlieguren" or "pantservoertuigen" is its own unit: it says more than its head)."""
    return _data()["count_units"].get(word, word)


@cache
def compound_heads() -> tuple[str, ...]:
    """Counted nouns that end a compound noun that counts the same kind of thing ("vlieg-uren",
    "oefen-dagen", "pantser-voertuigen"): the curated plural nouns of four letters or more (shorter
    ones, "man", "ton", "uur", end too many other words)."""
    return tuple(sorted(w for w in _data()["count_units"] if len(w) >= 4 and w.isalpha() and w.islower()))


def _emit(doc: Document, taken: Claimed, kind: str, s: int, e: int, value: float, **fields: Any) -> Mention:
    """A percentage or a quantity at [s, e), with the qualifier printed before it."""
    qualifier, printed = _qualifier(doc.text, s)
    taken.claim(s, e)
    return _mention(doc, kind, Span(s, e), _clean(value), {"qualifier": qualifier, "qualifier_text": printed, **fields})


def _percentage(doc: Document, taken: Claimed, m: re.Match[str]):
    value = number_value(m["n"])
    if value is None:
        return
    text, start = doc.text, m.start()
    sign = 1
    if start > 0 and (text[start - 1] == "−" or _glued_minus(text, start)):  # "-0,5%": the sign is quoted
        sign, start = -1, start - 1
    of, explicit = _percentage_base(text, m.end("pct"), start)
    points = m["pct"].endswith(("punt", "punten"))
    high = number_value(m["nb"]) if m["nb"] else None
    if high is not None and text[max(0, start - 4) : start] == "van " and "tot" in text[m.end("n") : m.start("nb")]:
        # "stijgt van 19 tot 21%": two values, the first and the last, not a range
        yield _emit(doc, taken, "percentage", start, m.end("n"), sign * value, of=of, of_explicit=explicit, points=points)
        yield _emit(doc, taken, "percentage", m.start("nb"), m.end("pct"), high, of=of, of_explicit=explicit, points=points)
    elif high is None:
        yield _emit(doc, taken, "percentage", start, m.end("pct"), sign * value, of=of, of_explicit=explicit, points=points)
    else:  # "5 à 6 procent": a range, like an amount's
        yield _emit(doc, taken, "percentage", start, m.end("pct"), None, of=of, of_explicit=explicit, points=points,
                    min=_clean(sign * value), max=_clean(high))  # fmt: skip


_TO_PERCENT_AFTER = re.compile(rf"\s+(?:naar|tot)\s+(?P<b>{NUM_END})\s?(?P<pct>%|procent(?![\w]))")


def _from_percentage(doc: Document, taken: Claimed, m: re.Match[str]):
    """ "daalt van 0,9 naar 0,6 procent": the first of two percentages that share the unit printed
    after the second (which the scan reads on its own). A year or a count before "naar" is none."""
    to = _TO_PERCENT_AFTER.match(doc.text, m.end())
    value = number_value(m["n"])
    if to is None or value is None or m["nb"] or taken.overlaps(m.start(), m.end()) or is_identifier(doc.text, m.start()):
        return
    of, explicit = _percentage_base(doc.text, to.end("pct"))
    yield _emit(doc, taken, "percentage", m.start(), m.end("n"), value, of=of, of_explicit=explicit, points=False)


def _percentage_range(doc: Document, taken: Claimed, m: re.Match[str], rng: re.Match[str]):
    """ "tussen 10 en 15 procent"."""
    low, high = number_value(m["n"]), number_value(rng["b"])
    if low is None or high is None:
        return
    of, explicit = _percentage_base(doc.text, rng.end("pct"))
    yield _emit(doc, taken, "percentage", m.start(), rng.end(), None, of=of, of_explicit=explicit, points=False,
                min=_clean(low), max=_clean(high))  # fmt: skip


# a change by a percentage ("groeit met 4,2%", "een stijging van 3 procent"): a rate of change, never
# a share of the bbp that the sentence names for another figure
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:groeit|groeien|stijgt|stijgen|daalt|dalen|toe|af|neemt|nemen|verhoogd|verlaagd|gegroeid|gestegen|gedaald)"
    r"\s+met|\b(?:groei|stijging|daling|toename|afname|verhoging|verlaging)\s+van)\s+(?:(?:circa|ruim|bijna|ongeveer)\s+)?$",
    re.I,
)


def _percentage_base(text: str, end: int, start: int | None = None) -> tuple[str | None, bool | None]:
    window = text[end : end + 60]
    for pattern in (_BASE, _BASE_LATER):
        b = pattern.match(window)
        if b:
            return _normal_base(b["of"]), True
    if start is not None and _CHANGE_BEFORE.search(text, max(0, start - 40), start):
        return None, None
    sentence_start, sentence_end = sentence_bounds(text, end - 1)
    if window.startswith("-norm") or _BBP.search(text, sentence_start, sentence_end):
        return "bbp", False
    return None, None


_BBP = re.compile(r"\b(?:bbp|BBP)\b")


def _normal_base(of: str) -> str:
    return "BNI" if of.upper() == "BNI" else "bbp"


# "1 op de 3 reservisten", "een op de vijf militairen": a proportion, not a count of three
_ONE_IN = re.compile(r"(?<![\w])(?:\d{1,3}|een|één|twee|drie|vier|vijf)\s+op\s+(?:de|elke|iedere)\s+$", re.I)


def _in_a_proportion(text: str, start: int) -> bool:
    """Is the number at start the second of a proportion ("1 op de 3", "een op de vijf")?"""
    return bool(_ONE_IN.search(text, max(0, start - 20), start))


def _quantity(doc: Document, taken: Claimed, m: re.Match[str]):
    value = number_value(m["n"])
    if value is not None and not _in_a_proportion(doc.text, m.start()):
        scale = SCALES[m["sc"].lower()] if m["sc"] else 1
        unit, per = count_unit(m["unit"]), _rate(doc.text, m.end("unit"))
        yield _emit(doc, taken, "quantity", m.start(), m.end("unit"), value * scale, unit=unit, per=per)


# --- numbers in words: found from the scale or percent word that follows them -------------------

literals.register("number word anchors", ("miljoen", "miljard", "procent", "euro"))
literals.register("count units", {unit: unit for unit in _data()["count_units"]})
_WORD_BEFORE = re.compile(rf"(?<![\w])(?P<w>{WORD_NUMBER_PATTERN})\s+$", re.IGNORECASE)
_WORD_TAIL = re.compile(rf"(?P<sc>miljoen|miljard)?(?:\s?(?P<post>{_POST_CUR}))?")  # no space kept after the last word


def _word_figures(doc: Document, taken: Claimed) -> Iterator[Mention]:
    text = doc.text
    seen: set[int] = set()
    for pos in literals.positions(text, "number word anchors"):
        if not _number_word_before(text, pos):
            continue  # "19,3 miljard", "de miljard": most anchors follow digits or other words
        w = _WORD_BEFORE.search(text, max(0, pos - 45), pos)
        if w and w.start() not in seen:
            seen.add(w.start())
            yield from _word_figure(doc, taken, w, pos)
    yield from _word_quantities(doc, taken)


# how every number in words ends (WORD_NUMBER_PATTERN): "tweeënzestig", "drieduizend", "anderhalf"
_NUMBER_WORD_ENDINGS = ("een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
                        "twaalf", "tig", "honderd", "duizend", "half", "halve", "kwart")  # fmt: skip


_NUMBER_WORD_ENDINGS_CASED = tuple({f for e in _NUMBER_WORD_ENDINGS for f in (e, e.capitalize(), e.upper())})


def _number_word_before(text: str, pos: int) -> bool:
    """Does the word before pos end like a number in words? (A cheap test before the pattern.)"""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.endswith(_NUMBER_WORD_ENDINGS_CASED, max(0, end - 10), end)


_ARTICLES = {"een", "één"}  # "een dag" is a day, not a count: the article is never read as one


def _word_quantities(doc: Document, taken: Claimed) -> Iterator[Mention]:
    """ "zes maanden", "twee brigades", "drieduizend man": a number in words before a counted noun."""
    text = doc.text
    units = _data()["count_units"]
    for s_unit, e_unit, unit in literals.hits(text, "count units"):
        if e_unit < len(text) and (text[e_unit].isalnum() or text[e_unit] in "'’"):
            continue  # part of a longer word
        if s_unit == 0 or not text[s_unit - 1].isspace() or not _number_word_before(text, s_unit):
            continue
        w = _WORD_BEFORE.search(text, max(0, s_unit - 45), s_unit)
        if not w or w["w"].lower() in _ARTICLES or taken.overlaps(w.start(), e_unit):
            continue
        if _in_a_proportion(text, w.start()):
            continue
        value = parse_words(w["w"])
        if value is not None:
            yield _emit(doc, taken, "quantity", w.start(), e_unit, value, unit=units[unit], per=_rate(text, e_unit))


def _word_figure(doc: Document, taken: Claimed, w: re.Match[str], pos: int) -> Iterator[Mention]:
    text = doc.text
    value = parse_words(w["w"])
    if value is None:
        return
    s = w.start()
    if text.startswith("procent", pos):
        e = pos + len("procent")
        if not taken.overlaps(s, e):
            yield _emit(doc, taken, "percentage", s, e, value, of=None, of_explicit=None, points=False)
        return
    tail = _WORD_TAIL.match(text, pos)
    if not tail or not (tail["sc"] or tail["post"]) or tail.end() <= pos:
        return
    e = tail.end()
    if taken.overlaps(s, e):
        return
    scale = SCALES[tail["sc"]] if tail["sc"] else 1
    if not tail["post"] and _counted_noun_follows(text, e):
        return
    yield _amount_mention(doc, taken, s, e, _clean(value * scale), _currency(tail["post"]), not tail["post"])


def figure_mentions(doc: Document) -> list[Mention]:
    """Amounts, percentages and quantities of a document, in document order."""
    taken = Claimed(len(doc.text))
    out = [*table_amounts(doc, taken), *line_cells(doc, taken), *_scan(doc, taken), *_word_figures(doc, taken),
           *_counted_after_aantal(doc, taken)]
    out.sort(key=lambda x: (x.start, x.end))
    return out


# --- "het aantal militairen steeg van 41.200 naar 43.900": bare numbers that count the noun -----

literals.register("aantal", ("aantal", "Aantal"))
_AANTAL = re.compile(r"(?:[Hh]et|[Dd]it|[Dd]at)\s+aantal\s+(?:[a-z]+e\s+)?(?P<noun>[a-zà-ÿ][\w-]{2,})")
# the clause the count is said in: up to the end of the sentence, a colon, a semicolon or a bracket
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)|[\n(]")
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
# a number that names rather than counts: "tabel 3", "fase 2", "niveau 4"
_LABEL_BEFORE = re.compile(
    r"\b(?:[Tt]abel|[Ff]iguur|[Gg]rafiek|[Kk]ader|[Ff]ase|[Ss]tap|[Vv]ersie|[Nn]iveau|[Cc]ategorie|[Ss]chaal)\s+$"
)
_MONTH_AFTER = re.compile(rf"\s+(?:{'|'.join(FULL_MONTHS)})\b")


def _counted_noun(word: str) -> bool:
    """A plural noun ("militairen", "vacatures", "fte's") or a curated counted noun; not "van",
    "eerder" or "in" after "het aantal" when the noun comes later or not at all."""
    return word in _data()["count_units"] or (len(word) > 3 and word.endswith(("en", "s", "'s", "’s")))


def _counted_after_aantal(doc: Document, taken: Claimed) -> Iterator[Mention]:
    """Numbers printed without a noun in the clause that names what is counted: "Het aantal
    vacatures daalde van 9.800 naar 8.100" (two quantities of vacatures). A year, a number with a
    unit of its own, a percentage or an amount is not such a count."""
    text = doc.text
    for pos in literals.positions(text, "aantal"):
        m = _AANTAL.match(text, max(0, pos - 4))
        if m is None or m.start("noun") < pos or not _counted_noun(m["noun"]):
            continue
        stop = _CLAUSE_END.search(text, m.end(), m.end() + 160)
        end = stop.start() if stop else min(len(text), m.end() + 160)
        for f in _figure_re().finditer(text, m.end(), end):
            if f["nb"] or f["sc"] or f["post"] or f["pct"] or f["unit"] or _YEAR_LIKE.fullmatch(f["n"]):
                continue
            s, e = f.start("n"), f.end("n")
            if taken.overlaps(s, e) or is_identifier(text, s):
                continue
            if _MONTH_AFTER.match(text, e) or _LABEL_BEFORE.search(text, max(0, s - 12), s):
                continue  # a date's day, a table's or a phase's number
            value = number_value(f["n"])
            if value is not None:
                yield _emit(doc, taken, "quantity", s, e, value, unit=count_unit(m["noun"]), per=None)


# --- tables with a scale header ("bedragen x € 1.000") ------------------------------------------

_TABLE_SCALE = re.compile(
    rf"(?:x|×)\s*(?P<cur>{_PRE_CUR})\s?(?P<n>{NUM})?(?:\s?(?P<s>{SCALE}))?"  # "bedragen x € 1.000", "x € mln"
    rf"|(?P<amounts>bedragen\s+)?\bin\s+(?:(?P<cur2>{_PRE_CUR})\s?)?"
    rf"(?:(?P<n2>{NUM})(?:\s?(?P<s3>{SCALE}))?|(?P<s2>{SCALE}|miljoenen|miljarden|duizenden))"
    rf"(?:\s+(?P<cur3>{_POST_CUR}))?",  # "bedragen in miljoenen euro's", "(in € mln)", "(in € 1.000)"
    re.IGNORECASE,
)
_PLURAL_SCALES = {"duizenden": 10**3, "miljoenen": 10**6, "miljarden": 10**9}
_HEADER_LINES = 3  # the scale is printed in the table's title, a line or a few above it


def _scale_of(m: re.Match[str]) -> tuple[float, str] | None:
    """(factor, currency) a match of _TABLE_SCALE stands for, or None when it is no scale ("in
    2025", "in miljoenen" alone, which may count people)."""
    if m["cur"]:
        return (number_value(m["n"]) if m["n"] else 1) * (SCALES[m["s"].lower()] if m["s"] else 1), _currency(m["cur"])
    printed = m["cur2"] or m["cur3"]
    if m["n2"] and m["cur2"]:  # "in € 1.000" (never "in 2025")
        return (number_value(m["n2"]) or 1) * (SCALES[m["s3"].lower()] if m["s3"] else 1), _currency(printed)
    if m["s2"] and (printed or m["amounts"]):
        scale = m["s2"].lower()
        return _PLURAL_SCALES.get(scale) or SCALES[scale], _currency(printed)
    return None


def _table_scale(doc: Document, table) -> tuple[float, str] | None:
    """(factor, currency) the table's title or first row gives its cells, or None."""
    text = doc.text
    head_start = table.span.start
    for _ in range(_HEADER_LINES):
        head_start = text.rfind("\n", 0, max(0, head_start - 1)) + 1
    header = text[head_start : table.span.start] + " ".join(c.text for c in table.rows[0])
    for m in _TABLE_SCALE.finditer(header):
        found = _scale_of(m)
        if found is not None:
            return found
    return None


# A scale title states the unit of the numbers below it: "(bedragen x € 1.000)", "x € 1 mln.", "in
# € mln", "(in € 1.000)". Its own "€ 1.000" is never an amount. A scale with a number is a power of
# ten (1, 1.000, 1 mln): "in € 500" is money, not a scale.
_SCALE_CUES = ("x €", "x EUR", "× €", "x€", "in €", "in EUR", "bedragen", "Bedragen", "miljoenen", "duizenden", "miljarden")
_POWER_OF_TEN = re.compile(r"1(?:[.\x20]?000)*\Z")


def scale_titles(text: str) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, factor, currency) of every scale title in the text."""
    if not any(cue in text for cue in _SCALE_CUES):
        return
    for m in _TABLE_SCALE.finditer(text):
        found = _scale_of(m)
        number = m["n"] or m["n2"]
        if found is None or (number and not _POWER_OF_TEN.match(number.strip())):
            continue
        if number and not m["cur"] and not m["amounts"] and text[max(0, m.start() - 1) : m.start()] != "(":
            continue  # "in € 1.000" is a scale only in brackets or after "bedragen"
        yield m.start(), m.end(), *found


_CELL_LINE = re.compile(r"[ \t]*(?P<cell>(?:-/-\s?|[-–−]\s?)?\d[\d.\x20]*(?:,\d+)?)[ \t]*\Z")
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}\Z")
_LABEL_LINE = 60  # a longer line, or one that ends a sentence, is prose: the column of cells ends


def line_cells(doc: Document, taken: Claimed) -> Iterator[Mention]:
    """Cells printed one per line below a scale title (blank lines between them, as text taken
    from a PDF or a web page gives them): each bare number is an amount in the title's unit; a
    label ("Uitgaven") or a year heading is passed over; prose ends the column."""
    titles = list(scale_titles(doc.text))
    if not titles:
        return
    lines = split_lines(doc.text)
    starts = [ln.start for ln in lines]
    for start, end, factor, cur in titles:
        taken.claim(start, end)
        for ln in lines[bisect.bisect_right(starts, end) :]:  # from the line after the title's
            stripped = ln.text.strip()
            if not stripped:
                continue
            cell = _CELL_LINE.match(ln.text)
            if cell is None:
                if len(stripped) > _LABEL_LINE or stripped.endswith((".", ":", ";")) or next(scale_titles(stripped), None):
                    break
                continue
            raw = cell["cell"].strip()
            s = ln.start + cell.start("cell")
            if not _YEAR_CELL.match(raw.lstrip("-/–− ")):
                yield from _scaled_cell(doc, taken, Span(s, s + len(raw)), raw, factor, cur)


def _scaled_cell(doc: Document, taken: Claimed, span: Span, raw: str, factor: float, cur: str) -> Iterator[Mention]:
    """A table cell as an amount in its table's unit ("-/- 300" under "x € 1.000": -300,000)."""
    raw = raw.replace("-/-", "-").replace("–", "-").replace("−", "-").strip()
    value = parse_number(raw.lstrip("- "))
    if value is None or taken.overlaps(span.start, span.end):
        return
    fields = {"currency": cur, "qualifier": None, "qualifier_text": None, "per": None,
              "implied_currency": True, "min": None, "max": None, "table_scale": _clean(factor)}  # fmt: skip
    taken.claim(span.start, span.end)
    yield _mention(doc, "amount", span, _clean((-1 if raw.startswith("-") else 1) * value * factor), fields)


def table_amounts(doc: Document, taken: Claimed) -> Iterator[Mention]:
    """Cells of a table whose title says "bedragen x € 1.000" or "bedragen in miljoenen euro's":
    each number is an amount."""
    for table in doc.tables:
        found = _table_scale(doc, table)
        if found is None:
            continue
        factor, cur = found
        for row in table.rows[1:]:
            for cell in row[1:]:
                yield from _scaled_cell(doc, taken, cell.span, cell.text, factor, cur)


EXTRACTOR = Extractor(NAME, VERSION, ("amount", "percentage", "quantity"), figure_mentions)
