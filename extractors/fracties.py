"""Fracties (parliamentary groups): canonical short names and where they are named in a text."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from extractors import literals
from extractors.text import in_name

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


literals.register("fracties", aliases())


_PRE = re.compile(r"fractie(?:\s+van(?:\s+de)?)?\s+$")
_POST = re.compile(r"-?fractie\b")


def find_fracties(text: str, start: int = 0, end: int | None = None) -> list[FractieHit]:
    """Every fractie named in text[start:end], as the span of its printed name.

    Names are found in the text's one pass over every literal (extractors.literals); "SP-fractie", "Voltfractie" and "fractie van
    GroenLinks-PvdA" are recognised from the words around the name.
    """
    end = len(text) if end is None else end
    if end <= start:
        return []
    found = literals.hits(text, "fracties", start, end)
    hits = [FractieHit(s, e, canon) for s, e, canon in found if _stands_alone(text, s, e, canon)]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[FractieHit] = []
    for h in hits:  # leftmost-longest: "GroenLinks-PvdA", not also "PvdA"
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def _stands_alone(text: str, s: int, e: int, canon: str) -> bool:
    """Is the name at [s, e) a fractie's name, not part of a longer word or a person's name?"""
    if s > 0 and in_name(text[s - 1]):
        return False
    post = _POST.match(text, e)
    if e < len(text) and (text[e].isalnum() or text[e] == "_") and not post:
        return False
    return canon not in _PERSON_NAMED or bool(post or _PRE.search(text, max(0, s - 20), s))


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
    end = len(text) if end is None else end
    pos = text.find("eden van", start, end)  # "leden van", "Leden van": a literal search first
    while pos >= 0:
        m = _ASKERS.match(text, max(start, pos - 4), end) or _ASKERS.match(text, max(start, pos - 1), end)
        if m:
            hits = find_fracties(text, m.start(), m.end() + 9)  # + room for a following "-fractie"
            if hits:
                return hits[0].canonical
        pos = text.find("eden van", pos + 1, end)
    return None
