"""Named, versioned extractors: each turns a Document into Mentions of one or more kinds.

Outside packages add extractors through the entry-point group ``dkg.extractors``; an entry
point names an `Extractor` object. Built-in ones are listed in `BUILTIN` and imported lazily, so
that `dkg extract --kinds question` does not pay for loading the figure grammars.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points

from extractors.document import Document, Mention


@dataclass(frozen=True)
class Extractor:
    name: str
    version: str
    kinds: tuple[str, ...]
    run: Callable[[Document], Iterable[Mention]]

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


# module path, attribute: imported on first use
BUILTIN: dict[str, tuple[str, str]] = {
    "questions": ("extractors.question_mentions", "EXTRACTOR"),
    "figures": ("extractors.figures", "EXTRACTOR"),
    "periods": ("extractors.periods", "EXTRACTOR"),
    "references": ("extractors.references", "EXTRACTOR"),
    "entities": ("extractors.entities", "EXTRACTOR"),
    "commitments": ("extractors.commitments", "EXTRACTOR"),
}


@cache
def extractors() -> tuple[Extractor, ...]:
    found = [getattr(import_module(module), attr) for module, attr in BUILTIN.values()]
    for ep in entry_points(group="dkg.extractors"):
        found.append(ep.load())
    return tuple(found)


def known_kinds() -> list[str]:
    return sorted({k for e in extractors() for k in e.kinds})


def extract_mentions(doc: Document, kinds: Iterable[str] | None = None) -> list[Mention]:
    """Every mention of the requested kinds (all kinds when None), in document order."""
    wanted = None if kinds is None else set(kinds)
    out: list[Mention] = []
    for ext in extractors():
        if wanted is not None and not wanted.intersection(ext.kinds):
            continue
        out.extend(m for m in ext.run(doc) if wanted is None or m.kind in wanted)
    out.sort(key=lambda m: (m.start, m.end, m.kind))
    return out
