"""Fracties (parliamentary groups): canonical short names and where they are named in a text."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import NamedTuple

# Fracties named after their only member are a fractie only where the text says so
# ("fractie Visseren-Hamakers"); elsewhere the same words are a person's name.
_PERSON_NAMED = {"Visseren-Hamakers"}


class FractieHit(NamedTuple):
    start: int
    end: int
    canonical: str


@cache
def aliases() -> dict[str, str]:
    """Printed form -> canonical short name."""
    data = json.loads(files("extractors.data").joinpath("fracties.json").read_text(encoding="utf-8"))
    return {alias: canon for canon, forms in data["fracties"].items() for alias in forms}


@cache
def _pattern() -> re.Pattern[str]:
    forms = sorted(aliases(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    # "SP-fractie", "Voltfractie", "fractie van GroenLinks-PvdA", "fractie Visseren-Hamakers"
    return re.compile(
        rf"(?P<pre>\bfractie(?:\s+van(?:\s+de)?)?\s+)?(?<![\w-])(?P<name>{alternatives})"
        rf"(?P<post>-?fractie\b)?(?![\w])"
    )


def find_fracties(text: str, start: int = 0, end: int | None = None) -> list[FractieHit]:
    """Every fractie named in text[start:end], as the span of its printed name."""
    hits = []
    for m in _pattern().finditer(text, start, len(text) if end is None else end):
        canon = aliases()[m["name"]]
        if canon in _PERSON_NAMED and not (m["pre"] or m["post"]):
            continue
        hits.append(FractieHit(m.start("name"), m.end("name"), canon))
    return hits


def canonical_fractie(name: str) -> str | None:
    """The canonical short name of a printed fractie name, or None when it is not one."""
    hits = find_fracties(f"fractie {name.strip()}")
    return hits[0].canonical if hits else None


_ASKERS = re.compile(
    r"\b(?:de\s+)?leden\s+van\s+(?:de\s+)?(?:fractie\s+(?:van\s+(?:de\s+)?)?)?(?P<rest>[^\s,.:;]+(?:\s+[A-Z][\w-]*)?)",
    re.IGNORECASE,
)


def asking_fractie(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The fractie whose members ask ("De leden van de SP-fractie ...") in text[start:end]."""
    for m in _ASKERS.finditer(text, start, len(text) if end is None else end):
        hits = find_fracties(text, m.start(), m.end() + 9)  # + room for a following "-fractie"
        if hits:
            return hits[0].canonical
    return None
