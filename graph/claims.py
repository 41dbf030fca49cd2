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
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from extractors.document import Document, Mention
from extractors.locate import GOVERNMENT, MentionsByStart, Situated, situate
from extractors.registry import extract_mentions
from extractors.text import sentence_bounds

CLAIM_KINDS = ("amount", "percentage", "quantity", "date")
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


class ClaimMention(NamedTuple):
    """One mention that states a claim: a compact row of the per-document step, all the
    cross-document step needs to join it with the same figure elsewhere."""

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
    claim: str = ""  # the claim's id
    subject_id: str = ""
    subject: str = ""
    period: str | None = None


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


# "dit bedrag", "deze 17,45 miljard", "hiervan": the figure's subject was named before its sentence
_ANAPHOR = re.compile(
    r"\b(?:[Dd]it|[Dd]at|[Dd]eze|[Dd]ie)\s+(?:bedrag(?:en)?|percentage|budget|geld|middelen|aantal|cijfers?)\b"
    r"|\b(?:[Dd]it|[Dd]eze)\s+(?:€\s?|EUR\s)?\d"
    r"|\b(?:[Hh]iervan|[Hh]iervoor|[Dd]aarvan|[Dd]aarvoor|[Hh]iermee|[Dd]aarmee)\b"
)
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def subject_in_context(doc: Document, s: Situated, value: float | str) -> Subject | None:
    """The figure's subject: from its own sentence; else, when the sentence points back ("dit
    bedrag", "deze 17,45 miljard", "hiervoor"), from the sentence just before it; else, in an
    answer, from the question it answers when that question names the same number. A subject is
    never guessed from farther away: a figure about something else must stay apart."""
    text, m = doc.text, s.mention
    subject = find_subject(text, m, value, s.sentence)
    if subject is not None or m.kind == "date":
        return subject
    start = s.sentence[0]
    anaphor = _ANAPHOR.search(text, start, s.sentence[1])
    if anaphor and start > 1:
        prev = max(text.rfind(mark, max(0, start - 1500), start) for mark in ".?!\n")  # the end of the one before
        if prev > 0:
            subject = find_subject(text, m, value, sentence_bounds(text, prev - 1))
            if subject is not None:
                return subject
    if s.in_answer and s.question is not None:
        q = doc.questions[s.question].span
        number = _NUMBER.search(m.text)
        if anaphor or (number and re.search(rf"(?<![\d.,]){re.escape(number.group(0))}(?![\d])", text[q.start : q.end])):
            return find_subject(text, m, value, (q.start, q.end))
    heading = heading_above(text, start)
    return find_subject(text, m, value, heading) if heading else None


_HEADING_REACH = 1200  # characters: a heading names the subject of the paragraphs just under it


def heading_above(text: str, start: int) -> tuple[int, int] | None:
    """The heading the paragraph at `start` stands under: the nearest line above it, at most a few
    paragraphs up, that is short, begins with a capital and ends no sentence ("Steun aan
    Oekraïne", "3.2 Materiële gereedheid"); None when a question or the text's start comes first."""
    pos = text.rfind("\n", 0, start)
    lowest = max(0, start - _HEADING_REACH)
    while pos > lowest:
        begin = text.rfind("\n", 0, pos) + 1
        line = text[begin:pos].strip()
        if line and _is_heading(line):
            lead = text.index(line, begin)
            return lead, lead + len(line)
        if line.endswith("?"):
            return None  # a question above: its answer's subjects come from it, not from farther up
        pos = begin - 1
    return None


_HEADING = re.compile(r"(?:\d+(?:\.\d+)*\.?\s+)?[A-ZÀ-Þ][^.!?:;]{2,78}")


def _is_heading(line: str) -> bool:
    return len(line) <= 80 and "\t" not in line and bool(_HEADING.fullmatch(line)) and line[-1] not in ",-–"


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


def claim_id(subject_id: str, kind: str, value: float | str, unit: str | None, period: str | None) -> str:
    key = json.dumps([subject_id, kind, value, unit, period], ensure_ascii=False)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"https://w3id.org/dkg/id/claim/{subject_id}/{digest}"


def claim_rows(doc: Document, situated: Sequence[Situated]) -> list[ClaimMention]:
    """The claim mentions of one document (the per-document step): each figure with its subject,
    unit and time scope, and the id of the claim it states."""
    from graph.iri import mention_iri  # graph-side naming; extractors know nothing of IRIs

    figures = [s for s in situated if s.mention.kind in CLAIM_KINDS]
    dates = MentionsByStart([s.mention for s in figures if s.mention.kind == "date"])
    rows = []
    for s in figures:
        m = s.mention
        value = _value(m)
        if value is None:
            continue
        subject = subject_in_context(doc, s, value)
        if subject is None and m.kind == "date":
            continue  # a date about nothing known is a date, not a claim
        if subject is None:
            subject_id, label = f"local-{doc.name.split('.')[0]}-{m.start}", s.context[:120]
        else:
            subject_id, label = subject.id, subject.label
        unit, period = _unit(m), _period(m, dates, s.sentence)
        rows.append(ClaimMention(
            doc.name, doc.date, m.start, m.end, m.text, m.kind, value, unit, m.fields.get("qualifier"), s.speaker,
            s.place, s.asked, mention_iri(doc, m.kind, m.start, m.end),
            claim_id(subject_id, m.kind, value, unit, period), subject_id, label, period,
        ))  # fmt: skip
    return rows


def claims_from_rows(rows: Iterable[ClaimMention]) -> list[Claim]:
    """The cross-document step: mentions with the same subject and value are one claim; claims
    about one subject are linked in time order."""
    claims: dict[str, Claim] = {}
    for r in rows:
        claim = claims.get(r.claim)
        if claim is None:
            claim = claims[r.claim] = Claim(r.claim, r.subject_id, r.subject, r.kind, r.value, r.unit, r.period)
        claim.mentions.append(r)
    ordered = sorted(claims.values(), key=lambda c: c.id)
    for c in ordered:
        c.mentions.sort(key=lambda m: (m.doc_date or "9999", m.doc, m.start))
    link_claims(ordered)
    return ordered


class ClaimCollector:
    """Gathers the claim rows of documents one by one (only the rows are kept, not the
    documents), then joins and links them."""

    def __init__(self) -> None:
        self.rows: list[ClaimMention] = []

    def add(self, doc: Document, mentions: list[Mention] | None = None) -> None:
        """Take the claims of a document; `mentions` are its extracted mentions when the caller has
        them already."""
        if mentions is None:
            mentions = extract_mentions(doc, CLAIM_KINDS)
        self.rows.extend(claim_rows(doc, situate(doc, [m for m in mentions if m.kind in CLAIM_KINDS])))

    def finish(self) -> list[Claim]:
        return claims_from_rows(self.rows)


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


FRONT = 8  # claims of the latest statement a new claim is compared with (bounded: linear in claims)


def _relation(later: Claim, earlier: Claim) -> str | None:
    """How a later claim relates to an earlier one about the same subject, kind and unit."""
    if later.period and earlier.period and later.period != earlier.period:
        return None  # another time scope: another figure
    if _close(later.value, earlier.value):
        return "restates"
    # another value: only across letters, about the same time scope (within one letter different
    # values about one subject are its parts: first half and whole year, ...)
    if later.period != earlier.period or not ({m.doc for m in later.mentions} - {m.doc for m in earlier.mentions}):
        return None
    return "updates" if later.by_government and later.first_date > earlier.first_date else "conflicts"


def link_claims(claims: list[Claim]) -> None:
    """Claims of one subject, kind and unit joined in time order by one chain of restates / updates /
    conflicts: each claim is compared with the latest statement before it (the claims of its latest
    date, at most FRONT of them), never with every earlier claim, so the links grow linearly with
    the claims and a path along the chain reaches every earlier and later value."""
    groups: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.subject_id.startswith("local-"):
            groups[(c.subject_id, c.kind, c.unit)].append(c)
    for group in groups.values():
        # first said first; on the same date the more precise figure is the one restated
        group.sort(key=lambda c: (c.first_date, -_precision(c.value), c.id))
        fronts: dict[str | None, list[Claim]] = {}  # per time scope, the claims of its latest date
        near: dict[object, list[Claim]] = defaultdict(list)  # by value bucket: the claims a value may restate
        for later in group:
            # a restatement: the latest earlier claim with a value within APPROXIMATE (any date)
            candidates = [c for b in _buckets(later.value) for c in near[b][-FRONT:]]
            restated = [e for e in candidates if _relation(later, e) == "restates"]
            if restated:
                nearest = min(restated, key=lambda e: (abs(_number(later.value) - _number(e.value)), e.first_date[::-1], e.id))
                later.related.append((nearest.id, "restates"))
            else:  # another value: compared with the latest statement about the same time scope
                for earlier in fronts.get(later.period, [])[-FRONT:]:
                    relation = _relation(later, earlier)
                    if relation in ("updates", "conflicts"):
                        later.related.append((earlier.id, relation))
                        if relation == "conflicts":
                            earlier.related.append((later.id, "conflicts"))
            front = fronts.setdefault(later.period, [])
            if front and front[-1].first_date != later.first_date:
                front.clear()
            front.append(later)
            near[_buckets(later.value)[1]].append(later)


def _buckets(value: float | str) -> tuple[object, object, object]:
    """The value's bucket in steps of APPROXIMATE, between its two neighbours: every value within
    APPROXIMATE of it falls in one of the three."""
    if isinstance(value, str):
        return (None, ("s", value), None)
    if value == 0:
        return (None, 0, None)
    k = math.floor(math.log(abs(value)) / -math.log(1 - APPROXIMATE))  # a bucket as wide as the widest step
    sign = 1 if value > 0 else -1
    return ((sign, k - 1), (sign, k), (sign, k + 1))


def _number(value: float | str) -> float:
    return float(value) if not isinstance(value, str) else 0.0
