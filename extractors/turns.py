"""Speaker turns of a debate printed as text (Handelingen, a committee debate's verslag):

    Minister Verhoef:                      a member of the government (minister, staatssecretaris,
    Staatssecretaris Van Lint:             minister-president), whose words are the government's
    De heer Kramers (CDA):                 a member of the Kamer, with the fractie in brackets
    Mevrouw De Wit-Aydin (SP):
    De voorzitter:                         the chair

A speaker's label starts a line and ends in a colon; the turn runs to the next label. A document
with two or more turns is a debate when its head names no other kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from extractors.document import GOVERNMENT_FUNCTIONS, Line, Part, Span
from extractors.text import SURNAME_PATTERN

_NAME = SURNAME_PATTERN
_LABEL = re.compile(
    rf"[ \t]*(?P<label>(?:[Dd]e\s+)?(?P<function>[Mm]inister-president|[Mm]inister|[Ss]taatssecretaris)"
    rf"(?:\s+van\s+[A-Z][\w-]+(?:\s+en\s+[A-Z][\w-]+)?)?(?:\s+(?P<gname>(?:[A-Z][\w'’-]+\s+)?{_NAME}))?"
    rf"|(?:[Dd]e\s+heer|[Mm]evrouw)\s+(?P<mname>{_NAME})\s*\((?P<fractie>[^()\n]{{2,40}})\)"
    rf"|Kamerlid\s+(?P<lname>[A-Z][\w'’-]+(?:\s+{_NAME})*)(?:\s*\((?P<lfractie>[^()\n]{{2,40}})\))?"
    rf"|(?P<chair>[Dd]e\s+voorzitter|[Vv]oorzitter))[ \t]*:(?=\s|$)"
)


class Turn(NamedTuple):
    label: str  # as printed: "Minister Verhoef"
    name: str | None  # the speaker's name: "Verhoef", "Kramers"; None for the chair or an unnamed minister
    function: str  # minister, staatssecretaris, minister-president, kamerlid, voorzitter
    fractie: str | None  # as printed in the brackets
    label_span: Span
    span: Span  # the whole turn, label included

    @property
    def government(self) -> bool:
        return self.function in GOVERNMENT_FUNCTIONS


def find_turns(text: str, lines: Sequence[Line]) -> list[Turn]:
    """The speaker turns, in order (none when fewer than two labels are printed)."""
    heads: list[tuple[int, re.Match[str]]] = []
    for ln in lines:
        if ln.blank or ":" not in text[ln.start : ln.end]:
            continue  # most lines have no colon: no pattern runs on them
        m = _LABEL.match(text, ln.start, ln.end)
        if m:
            heads.append((ln.start, m))
    if len(heads) < 2:
        return []
    end_text = max((ln.end for ln in lines if not ln.blank), default=len(text))
    turns = []
    for k, (start, m) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else end_text
        if m["chair"]:
            function, name, fractie = "voorzitter", None, None
        elif m["function"]:
            function, name, fractie = m["function"].lower(), m["gname"], None
        elif m["lname"]:  # "Kamerlid Lea Bouwmeester (PvdA):", or with no fractie
            function, name, fractie = "kamerlid", m["lname"], (m["lfractie"] or "").strip() or None
        else:
            function, name, fractie = "kamerlid", m["mname"], m["fractie"].strip()
        label_span = Span(m.start("label"), m.end("label"))
        turns.append(Turn(m["label"], name, function, fractie, label_span, Span(start, end)))
    return turns


def turn_parts(text: str, lines: Sequence[Line], turns: Sequence[Turn]) -> list[Part]:
    """A debate's parts: what stands before the first turn, then one part per turn."""
    first_text = next((ln.start for ln in lines if not ln.blank), 0)
    parts = []
    if first_text < turns[0].span.start:
        parts.append(Part("preamble", "", Span(first_text, turns[0].span.start)))
    for t in turns:
        parts.append(Part("turn", t.label, t.span, None, t.fractie, t.name, t.function))
    return parts
