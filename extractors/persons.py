"""One person across documents: a member named by surname alone ("Jansen", "De Vries") is the person
a document of the same corpus names in full ("Pieter Jansen", "A.B. de Vries"), when the corpus
knows exactly one such person. (Within one document the entity extractor joins them already.)

The index is on surnames, built once over the corpus's names: linear in the number of names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from extractors.text import NAME_PARTICLES

_GIVEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+|(?:[A-Z]\.)+|[A-Z]\.?(?:[A-Z]\.?)*)$")  # Pieter, J., C.D., CD


def surname_of(name: str) -> str | None:
    """The surname of a full name ("Pieter Jansen" -> "Jansen", "A.B. de Vries" -> "De Vries",
    "Hanneke van der Lee" -> "Van der Lee"), or None when the name is a surname alone."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and _GIVEN.match(words[k]) and words[k].lower() not in NAME_PARTICLES:
        k += 1
    if k == 0:
        return None
    rest = words[k:]
    return " ".join([rest[0][:1].upper() + rest[0][1:], *rest[1:]])


def full_names(names: Iterable[str]) -> dict[str, str]:
    """Surname alone (folded) -> the one full name of the corpus it can mean; a surname that two
    full names share ("Jan Jansen", "Piet Jansen") is left unresolved."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in names:
        surname = surname_of(name)
        if surname:
            by_surname[surname.casefold()].add(name)
    return {s: next(iter(found)) for s, found in by_surname.items() if len(found) == 1}


def resolve(name: str, known: dict[str, str]) -> str:
    """The full name a surname alone stands for in the corpus, else the name itself."""
    if surname_of(name) is not None:
        return name
    return known.get(name.casefold(), name)
