"""Dutch numerals: digits with a decimal comma and a thousands dot or space, scale words and
abbreviations, and numbers written out in words.

>>> parse_number("19,3")
19.3
>>> parse_number("10.447,1")
10447.1
>>> parse_number("7 912,6")
7912.6
>>> parse_number("50.000")
50000.0
>>> parse_number("1,234")
1.234
>>> parse_number("12.34") is None
False
>>> parse_words("tweeënzestig komma negen")
62.9
>>> parse_words("een half")
0.5
>>> parse_words("tweeënhalf")
2.5
>>> SCALES["mld."]
1000000000
"""

from __future__ import annotations

import re
import unicodedata

SCALES: dict[str, int] = {
    "duizend": 10**3, "dzd": 10**3, "k": 10**3,
    "miljoen": 10**6, "mln": 10**6, "mln.": 10**6, "mio": 10**6, "mio.": 10**6, "m": 10**6,
    "miljard": 10**9, "mld": 10**9, "mld.": 10**9, "mrd": 10**9, "mrd.": 10**9, "mia": 10**9,
    "biljoen": 10**12, "bn": 10**9, "bn.": 10**9,  # "bn": the English abbreviation, in quoted sources
}  # fmt: skip
SCALE_PATTERN = r"(?:duizend|miljoen|miljard|biljoen|mln\.?|mld\.?|mrd\.?|mio\.?|bn\.?)(?![\w])"

# A number as printed: "19,3", "10.447,1", "7 912,6", "82000", "2.5" (a dot before one or two
# digits is a decimal point in text converted from English-style tables).
# (\x20, not a literal space: the pattern is also used inside re.VERBOSE patterns)
NUMBER_CORE = r"(?:\d{1,3}(?:(?:\.|\u00a0|\u202f|\x20)\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d])|\d+)(?![\w])"
NUMBER_PATTERN = r"(?<![\w.,/-])" + NUMBER_CORE
_SPACES = "\u00a0\u202f "
_NUMBER_CHARS = re.compile(r"[\d.,\u00a0\u202f ]+")


def parse_number(s: str) -> float | None:
    """The value of a number printed the Dutch way; None when s is not one."""
    s = s.strip()
    if not s or not s[0].isdigit() or not _NUMBER_CHARS.fullmatch(s):
        return None
    for space in _SPACES:
        s = s.replace(space, "")
    if "," in s:
        whole, _, frac = s.rpartition(",")
        if "," in whole or not frac.isdigit():
            return None
        whole = whole.replace(".", "")
        return float(f"{whole}.{frac}") if whole.isdigit() else None
    if "." in s:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return float("".join(groups))
        if len(groups) == 2 and len(groups[1]) in (1, 2):
            return float(s)
        return None
    return float(s)


def format_dutch(value: float, decimals: int | None = None, thousands: str = ".") -> str:
    """Write a number the Dutch way: 10447.1 -> '10.447,1' (the inverse of parse_number)."""
    if decimals is None:
        text = repr(float(value))
        if "e" in text:
            text = f"{value:.6f}".rstrip("0")
        decimals = len(text.split(".")[1].rstrip("0")) if "." in text else 0
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + thousands.join(groups) + ("," + frac if frac else "")


_UNITS = {
    "nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
}  # fmt: skip
_FRACTIONS = {"half": 0.5, "halve": 0.5, "anderhalf": 1.5, "anderhalve": 1.5, "kwart": 0.25}


def _fold(word: str) -> str:
    # "tweeënzestig" -> "tweeenzestig"; keeps "één" distinct from nothing
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


_UNITS_F = {_fold(k): v for k, v in _UNITS.items()}


def _word_value(word: str) -> int | None:
    """One written-out whole number below a million: 'tweeënzestig', 'driehonderd', 'tweeduizend'."""
    w = _fold(word)
    if not w:
        return None
    if w in _UNITS_F:
        return _UNITS_F[w]
    if w in _TENS:
        return _TENS[w]
    for sep, factor in (("duizend", 1000), ("honderd", 100)):
        if sep in w:
            head, _, tail = w.partition(sep)
            h = 1 if head == "" else _word_value(head)
            t = 0 if tail == "" else _word_value(tail.removeprefix("en"))
            if h is None or t is None or t >= factor:
                return None
            return h * factor + t
    m = re.fullmatch(r"(\w+?)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)", w)
    if m and _UNITS_F.get(m.group(1), 10) < 10:
        return _UNITS_F[m.group(1)] + _TENS[m.group(2)]
    return None


WORD_NUMBER_PATTERN = (
    r"(?:(?:een|één)\s+(?:half|halve|kwart)|anderhalf|anderhalve|"
    r"[a-zëéï]*(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tien|tig|honderd|duizend)"
    r"(?:[eë]nhal(?:f|ve)|\s+komma\s+[a-zëéï]+)?)"
)


def parse_words(s: str) -> float | None:
    """A number written out in Dutch words; None when s is not one."""
    words = s.lower().split()
    if not words:
        return None
    if len(words) == 2 and words[0] in ("een", "één") and words[1] in _FRACTIONS:
        return _FRACTIONS[words[1]]
    if len(words) == 1 and words[0] in _FRACTIONS:
        return _FRACTIONS[words[0]]
    if "komma" in words:
        k = words.index("komma")
        whole = _word_value("".join(words[:k]))
        digits = [_word_value(w) for w in words[k + 1 :]]
        if whole is None or not digits or any(d is None or d > 9 for d in digits):
            return None
        return float(f"{whole}." + "".join(str(d) for d in digits))
    if len(words) == 1:
        whole, half = _and_a_half(words[0])
        v = _word_value(whole)
        return None if v is None else float(v) + half
    return None


def _and_a_half(word: str) -> tuple[str, float]:
    """ "tweeënhalf" -> ("twee", 0.5), "drieënhalve" -> ("drie", 0.5); any other word as it is."""
    for tail in ("ënhalf", "enhalf", "ënhalve", "enhalve"):
        if word.endswith(tail) and len(word) > len(tail):
            return word[: -len(tail)], 0.5
    return word, 0.0
