"""Dutch calendar words: month names and day-month-year dates."""

from __future__ import annotations

import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
# the months' names written in full, each month's longest key (the others are abbreviations, printed
# with or without a dot)
FULL_MONTHS = tuple(max((m for m in MONTHS if MONTHS[m] == n), key=len) for n in range(1, 13))
_DATE = re.compile(rf"^\s*(\d{{1,2}})\s+({MONTH_PATTERN})\.?\s+(\d{{4}})\s*$", re.I)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def iso_date(year: int, month: int, day: int | None = None) -> str | None:
    """ISO 8601 text for a (partial) date, or None when the date does not exist."""
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_dutch_date(s: str) -> str | None:
    """'21 mei 2026' -> '2026-05-21'; None when s is not such a date.

    >>> parse_dutch_date("9 dec 2024")
    '2024-12-09'
    >>> parse_dutch_date("31 juni 2026") is None
    True
    """
    m = _DATE.match(s)
    if not m:
        return None
    return iso_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
