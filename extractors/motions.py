"""A motion's structure: the head, the Kamer's considerations ("constaterende dat ...",
"overwegende dat ..."), its request ("verzoekt de regering ...", "spreekt uit dat ...") up to "en
gaat over tot de orde van de dag", and the signatures.

A motion is the Kamer's voice, not the government's: its request asks something of the government
and is never a commitment (the commitment extractor reads only the government's text). A
consideration or request may stand on a line of its own or several on one line, separated by
semicolons, as a PDF's text layer gives them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.document import Line, Part, Span

_KAMER = re.compile(r"^\s*De\s+(?:Tweede\s+|Eerste\s+)?Kamer(?:\s+der\s+Staten-Generaal)?,?\s*$", re.M)
# where a clause of the motion begins: at a line's start or after a semicolon
_CONSIDERATION = r"gehoord\s+de\s+beraadslaging|van\s+mening|van\s+oordeel|gelet\s+op|in\s+aanmerking\s+nemende|[a-z]{4,}ende\b"
_REQUEST = (r"verzoekt|roept\b|spreekt\s+(?:zich\s+)?uit|draagt\b|dringt\b|besluit\b|vraagt\b|wijst\b.{0,40}?\baf|"
            r"keurt\b.{0,40}?\b(?:af|goed)")  # fmt: skip
_CLAUSE = re.compile(rf"(?:^|(?<=;)|(?<=,))[ \t]*(?:(?P<c>{_CONSIDERATION})|(?P<r>{_REQUEST}))", re.M)
_END = re.compile(r"en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\.?", re.I)
ADDRESSEES = re.compile(
    r"\b(?:verzoekt|roept|draagt|dringt\s+er\s+bij)\s+(?P<who>de\s+regering|het\s+kabinet|de\s+(?:minister|staatssecretaris)"
    r"(?:\s+van\s+[A-Z][\w-]+(?:\s+en\s+[A-Z][\w-]+)?)?|de\s+minister-president)", re.I)  # fmt: skip


def motion_parts(text: str, lines: Sequence[Line]) -> list[Part]:
    """The parts of a motion: preamble (its head, up to "De Kamer,"), each consideration, the
    request, and the signatures after it. Empty when the text has no "De Kamer," line."""
    kamer = _KAMER.search(text)
    if kamer is None:
        return []
    end = _END.search(text, kamer.end())
    body_end = end.end() if end else _last_text(lines)
    clauses = [m for m in _CLAUSE.finditer(text, kamer.end(), body_end) if _at_clause_start(text, m)]
    first_text = next((ln.start for ln in lines if not ln.blank), 0)
    parts = [Part("preamble", "", Span(first_text, kamer.end()))]
    for k, m in enumerate(clauses):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        stop = clauses[k + 1].start() if k + 1 < len(clauses) else body_end
        stop = _trim(text, start, stop)
        if stop > start:
            kind = "request" if m["r"] else "consideration"
            parts.append(Part(kind, (m["r"] or m["c"]).split()[0].lower(), Span(start, stop)))
    if not any(p.kind == "request" for p in parts):
        return []  # no dictum: not a motion's structure after all
    rest = _last_text(lines)
    if rest > body_end:
        after = next((ln.start for ln in lines if ln.start >= body_end and not ln.blank), body_end)
        parts.append(Part("signatures", "", Span(after, rest)))
    return parts


def _at_clause_start(text: str, m: re.Match[str]) -> bool:
    """After a comma only "verzoekt" and its kin begin a clause ("..., verzoekt de regering")."""
    before = text[: m.start()].rstrip(" \t")
    return not before.endswith(",") or bool(m["r"])


def _trim(text: str, start: int, stop: int) -> int:
    while stop > start and text[stop - 1] in " \t\n;,":
        stop -= 1
    return stop


def _last_text(lines: Sequence[Line]) -> int:
    return max((ln.end for ln in lines if not ln.blank), default=0)


def request_addressee(text: str) -> str | None:
    """Whom a request asks: "de regering", "het kabinet", "de minister van Defensie"."""
    m = ADDRESSEES.search(text)
    return " ".join(m["who"].split()).lower().replace("van defensie", "van Defensie") if m else None
