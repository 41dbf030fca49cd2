"""Claims: a figure or a date that a speaker (the government or a fractie) asserts about a subject,
in a time scope, supported by its mentions; and the links between claims across letters.

A claim's subject comes from its sentence: the curated subjects of extractors/data/subjects.json
(the NATO norms, budget lines, programmes) by the cue nearest to the figure. A figure with no known
subject gets a claim of its own, so that the same number about something else is never merged
("1,5%" economic growth is not the 1,5% norm; "€ 19 miljoen" for Patriots is not "€ 19 miljard").

Claims about one subject are linked: the same value in another letter is the same claim; a value
within 5% is a restatement (`restates`, "circa €19 miljard" for "€ 19,3 miljard"); another value
is an update when the government says it in a later letter (`updates`), else a conflict.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from extractors.document import Document, Mention
from extractors.locate import Locator, MentionsByStart, locator
from extractors.registry import extract_mentions
from extractors.text import sentence_bounds

CLAIM_KINDS = ("amount", "percentage", "quantity", "date")
GOVERNMENT = "regering"
APPROXIMATE = 0.05  # relative difference within which a figure restates another


@dataclass(frozen=True)
class Subject:
    id: str
    label: str
    kinds: tuple[str, ...]
    values: tuple[float, ...]
    cues: tuple[re.Pattern[str], ...]
    before: re.Pattern[str] | None
    units: tuple[str, ...]


@cache
def subjects() -> tuple[Subject, ...]:
    data = json.loads(files("extractors.data").joinpath("subjects.json").read_text(encoding="utf-8"))
    return tuple(
        Subject(
            s["id"],
            s["label"],
            tuple(s["kinds"]),
            tuple(s.get("values", ())),
            tuple(re.compile(c) for c in s["cues"]),
            re.compile(s["before"]) if s.get("before") else None,
            tuple(s.get("units", ())),
        )
        for s in data["subjects"]
    )


@dataclass(frozen=True)
class ClaimMention:
    doc: str
    doc_date: str | None
    start: int
    end: int
    text: str
    kind: str
    value: float | str
    unit: str | None
    qualifier: str | None
    speaker: str | None
    where: str | None
    in_question: bool
    iri: str = ""  # the mention's node in the graph


@dataclass
class Claim:
    id: str
    subject_id: str
    subject: str
    kind: str
    value: float | str
    unit: str | None
    period: str | None
    mentions: list[ClaimMention] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (other claim id, relation)

    @property
    def first_date(self) -> str:
        return min((m.doc_date or "9999") for m in self.mentions)

    @property
    def by_government(self) -> bool:
        return any(m.speaker == GOVERNMENT for m in self.mentions)


def find_subject(text: str, m: Mention, value: float | str, sentence: tuple[int, int] | None = None) -> Subject | None:
    """The subject whose cue stands nearest to the figure in its sentence."""
    s, e = sentence or sentence_bounds(text, m.start)
    best: tuple[int, int, Subject] | None = None
    for rank, subject in enumerate(subjects()):
        if m.kind not in subject.kinds:
            continue
        if subject.values and not (isinstance(value, float | int) and any(abs(value - v) < 1e-9 for v in subject.values)):
            continue
        if subject.units and m.fields.get("unit") not in subject.units:
            continue
        if subject.before and not subject.before.search(text, max(0, m.start - 50), m.start):
            continue
        for cue in subject.cues:
            for c in cue.finditer(text, s, e):
                if m.start <= c.start() < m.end:
                    continue
                distance = m.start - c.end() if c.end() <= m.start else c.start() - m.end
                if best is None or (distance, rank) < (best[0], best[1]):
                    best = (distance, rank, subject)
    return best[2] if best else None


def _unit(m: Mention) -> str | None:
    f = m.fields
    if m.kind == "amount":
        return f"{f.get('currency')}/{f['per']}" if f.get("per") else f.get("currency")
    if m.kind == "percentage":
        return "%"
    if m.kind == "quantity":
        return f.get("unit")
    return None


def _value(m: Mention) -> float | str | None:
    if m.kind == "date":
        return m.fields.get("until") or m.value if m.fields.get("period_kind") != "relative" else None
    return m.value


def _period(m: Mention, dates: MentionsByStart, sentence: tuple[int, int]) -> str | None:
    """The time scope: the nearest date or period printed in the same sentence."""
    if m.kind == "date":
        return None
    near = [d for d in dates.within(*sentence) if d.value]
    if not near:
        return None
    d = min(near, key=lambda d: abs(d.start - m.start))
    return f"{d.value}/{d.fields['until']}" if d.fields.get("until") else str(d.value)


def speaker_at(doc: Document, where: Locator, offset: int) -> tuple[str | None, bool, str | None]:
    """(who says it, whether it is asked, the place: "X16 answer", "SP7 question", "letter")."""
    found = where.find(offset)
    if found is None:
        part = where.where(offset)
        return (
            (GOVERNMENT if part in ("letter", "memo") and doc.kind in ("brief", "nota naar aanleiding van verslag") else None),
            False,
            part,
        )
    q, in_answer = found
    label = f"{q.label} {'answer' if in_answer else 'question'}" if q.n is not None else ("answer" if in_answer else "question")
    if in_answer:
        return GOVERNMENT, False, label
    return q.asked_by or "Kamer", True, label


def claim_id(subject_id: str, kind: str, value: float | str, unit: str | None, period: str | None) -> str:
    key = json.dumps([subject_id, kind, value, unit, period], ensure_ascii=False)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"https://w3id.org/dkg/id/claim/{subject_id}/{digest}"


class ClaimCollector:
    """Gathers claims document by document (only the claims are kept, not the documents), then
    links them: streaming, for corpora of many thousands of letters."""

    def __init__(self) -> None:
        self.claims: dict[str, Claim] = {}

    def add(self, doc: Document, mentions: list[Mention] | None = None) -> None:
        """Take the claims of a document; `mentions` are its extracted mentions when the caller has
        them already (the build extracts once and shares them)."""
        from graph.iri import mention_iri  # graph-side naming; extractors know nothing of IRIs

        if mentions is None:
            mentions = extract_mentions(doc, CLAIM_KINDS)
        mentions = [m for m in mentions if m.kind in CLAIM_KINDS]
        dates = MentionsByStart([m for m in mentions if m.kind == "date"])
        where = locator(doc)
        for m in mentions:
            value = _value(m)
            if value is None:
                continue
            s, e = sentence_bounds(doc.text, m.start)  # once: the subject and the time scope are both in it
            subject = find_subject(doc.text, m, value, (s, e))
            if subject is None and m.kind == "date":
                continue  # a date about nothing known is a date, not a claim
            if subject is None:
                subject_id, label = f"local-{doc.name.split('.')[0]}-{m.start}", doc.text[s:e].strip()[:120]
            else:
                subject_id, label = subject.id, subject.label
            unit, period = _unit(m), _period(m, dates, (s, e))
            cid = claim_id(subject_id, m.kind, value, unit, period)
            claim = self.claims.setdefault(cid, Claim(cid, subject_id, label, m.kind, value, unit, period))
            speaker, in_question, place = speaker_at(doc, where, m.start)
            claim.mentions.append(
                ClaimMention(doc.name, doc.date, m.start, m.end, m.text, m.kind, value, unit, m.fields.get("qualifier"),
                             speaker, place, in_question, str(mention_iri(doc, m.kind, m.start, m.end)))
            )  # fmt: skip

    def finish(self) -> list[Claim]:
        claims = sorted(self.claims.values(), key=lambda c: c.id)
        for c in claims:
            c.mentions.sort(key=lambda m: (m.doc_date or "9999", m.doc, m.start))
        link_claims(claims)
        return claims


def collect_claims(docs: Iterable[Document]) -> list[Claim]:
    """Every claim of the documents, with its mentions, and the links between claims."""
    collector = ClaimCollector()
    for doc in docs:
        collector.add(doc)
    return collector.finish()


def _precision(value: float | str) -> int:
    """Significant digits: 19300000000 -> 3, 19000000000 -> 2 (a rounder figure restates)."""
    if isinstance(value, str):
        return 0
    digits = f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(digits)


def _close(a: float | str, b: float | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= APPROXIMATE * max(abs(a), abs(b))


def link_claims(claims: list[Claim]) -> None:
    """restates / updates / conflicts between claims of one subject, kind and unit (grouped first,
    so the pairwise comparison only runs within a subject)."""
    groups: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.subject_id.startswith("local-"):
            groups[(c.subject_id, c.kind, c.unit)].append(c)
    for group in groups.values():
        # first said first; on the same date the more precise figure is the one restated
        group.sort(key=lambda c: (c.first_date, -_precision(c.value), c.id))
        for i, later in enumerate(group):
            for earlier in group[:i]:
                if later.period and earlier.period and later.period != earlier.period:
                    continue  # another time scope: another figure
                if _close(later.value, earlier.value):
                    later.related.append((earlier.id, "restates"))
                    continue
                # another value: only across letters, about the same time scope (within one letter
                # different values about one subject are its parts: first half and whole year, ...)
                if later.period != earlier.period or not ({m.doc for m in later.mentions} - {m.doc for m in earlier.mentions}):
                    continue
                if later.by_government and later.first_date > earlier.first_date:
                    later.related.append((earlier.id, "updates"))
                else:
                    later.related.append((earlier.id, "conflicts"))
                    earlier.related.append((later.id, "conflicts"))
