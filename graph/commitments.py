"""Commitments followed across letters: one node for a promise repeated in several places, moved
when a later letter promises the same thing for a later moment, chased when a later question asks
when it comes, fulfilled when a later document in the corpus is the promised vehicle, and overdue
when its due moment has passed without any of that."""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field

from extractors.document import Document
from extractors.registry import extract_mentions

_STOP = {
    "worden", "wordt", "zullen", "zal", "hierover", "daarover", "defensie", "kabinet", "kamer", "nader", "over",
    "deze", "door", "onder", "andere", "naar", "voor", "vanaf", "waarin", "welke", "wanneer", "minister", "leden",
    "fractie", "kunnen", "hebben", "zijn", "graag", "stand", "ingaan",
}  # fmt: skip
_WHEN = re.compile(r"\bwanneer\b|\bop\s+welke\s+termijn\b|\bverwachten\b|\btijdpad\b|\bwelk\s+moment\b", re.I)
_TOKEN = re.compile(r"\d+(?:,\d+)?%|[a-zà-ÿ]{6,}", re.I)


def salient(text: str) -> set[str]:
    """Words that carry the topic: figures with a percent sign and longer words, stemmed crudely."""
    out = set()
    for t in _TOKEN.findall(text.lower()):
        if t in _STOP:
            continue
        out.add(t if "%" in t else t[:6])  # "verankeren" ~ "verankerd", "cijfers" ~ "cijfer"
    return out


@dataclass
class CommitmentMention:
    doc: str
    doc_date: str | None
    start: int
    end: int
    text: str
    iri: str
    where: str | None
    topic: frozenset[str] = frozenset()  # salient words of the question and answer it stands in
    fields: tuple = ()  # (type, vehicle, family, due, due_from, due_until, toezegging) as said here


@dataclass
class Commitment:
    id: str
    key: str
    type: str
    vehicle: str | None
    family: str | None
    due: str | None
    due_from: str | None
    due_until: str | None
    toezegging: str | None
    mentions: list[CommitmentMention] = field(default_factory=list)
    moved_to: list[str] = field(default_factory=list)
    chased_by: list[tuple[str, str]] = field(default_factory=list)  # (question IRI, question text)
    fulfilled_by: list[str] = field(default_factory=list)

    @property
    def first_date(self) -> str:
        return min(m.doc_date or "9999" for m in self.mentions)

    def status(self, as_of: str) -> str:
        if self.fulfilled_by:
            return "fulfilled"
        if self.moved_to:
            return "moved"
        if self.due_until and end_of(self.due_until) < as_of:
            return "overdue"
        return "open"


def end_of(partial: str) -> str:
    """The last day of a partial ISO date: '2026-06' -> '2026-06-30', '2026' -> '2026-12-31'."""
    if len(partial) == 4:
        return f"{partial}-12-31"
    if len(partial) == 7:
        y, m = int(partial[:4]), int(partial[5:7])
        return f"{partial}-{calendar.monthrange(y, m)[1]:02d}"
    return partial


_FAMILIES = [
    (re.compile(r"stand van defensie|\bsvd\b", re.I), "Stand van Defensie"),
    (re.compile(r"defensienota", re.I), "Defensienota"),
    (re.compile(r"straiik", re.I), "STRAIIK-D"),
    (re.compile(r"jaarverslag", re.I), "Jaarverslag"),
    (re.compile(r"ontwerpbegroting", re.I), "Ontwerpbegroting"),
    (re.compile(r"projectenoverzicht|\bdpo\b", re.I), "Defensie Projectenoverzicht"),
]


def vehicle_name(vehicle: str | None, due: str | None, due_until: str | None) -> tuple[str | None, str | None]:
    """(the vehicle with its edition, its family): 'SVD' due 'voorjaar 2026' -> ('Stand van Defensie
    voorjaar 2026', 'Stand van Defensie')."""
    if not vehicle:
        return None, None
    family = next((name for pattern, name in _FAMILIES if pattern.search(vehicle)), vehicle)
    edition = re.search(r"(?:voorjaar|najaar)\s+\d{4}|\d{4}", vehicle)
    if not edition and due:
        edition = re.search(r"(?:voorjaar|najaar)(?:\s+van)?\s+\d{4}|\d{4}", due)
    if not edition and due_until:
        return f"{family} {due_until[:4]}", family
    text = edition.group(0).replace(" van ", " ") if edition else ""
    return f"{family} {text}".strip(), family


class CommitmentCollector:
    """Gathers commitments and questions document by document; links them at the end."""

    def __init__(self) -> None:
        self.commitments: dict[str, Commitment] = {}
        self.questions: list[tuple[str, str | None, str, str, set[str]]] = []  # (doc, date, iri, text, salient)
        self.documents: list[tuple[str | None, str, str]] = []  # (date, iri, head text)

    def add(self, doc: Document, mentions=None) -> None:
        from graph.iri import document_iri, mention_iri, question_iri

        self.documents.append((doc.date, str(document_iri(doc)), doc.text[:1500]))
        for q in doc.questions:
            text = q.span.quote(doc.text)
            if _WHEN.search(text):
                self.questions.append((doc.name, doc.date, str(question_iri(doc, q)), text, salient(text)))
        from extractors.locate import locator

        where = locator(doc)
        if mentions is None:
            mentions = extract_mentions(doc, ["commitment"])
        for m in (m for m in mentions if m.kind == "commitment"):
            found = where.find(m.start)
            if found is not None:
                q = found[0]
                context = q.span.quote(doc.text) + " " + (q.answer.quote(doc.text) if q.answer else "")
            else:
                context = m.text
            topic = frozenset(salient(context))
            f = m.fields
            vehicle, family = vehicle_name(f.get("vehicle"), f.get("due"), f.get("due_until"))
            key = f"{vehicle}|{f.get('due_until')}" if vehicle else f"{doc.name}|{m.start}"
            cid = "https://w3id.org/dkg/id/commitment/" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
            c = self.commitments.setdefault(cid, Commitment(
                cid, key, f["type"], vehicle, family, f.get("due"), f.get("due_from"), f.get("due_until"), f.get("toezegging"),
            ))  # fmt: skip
            said = (f["type"], vehicle, family, f.get("due"), f.get("due_from"), f.get("due_until"), f.get("toezegging"))
            iri = str(mention_iri(doc, m.kind, m.start, m.end))
            c.mentions.append(CommitmentMention(doc.name, doc.date, m.start, m.end, m.text, iri, f.get("where"), topic, said))

    def finish(self) -> list[Commitment]:
        commitments = sorted(self.commitments.values(), key=lambda c: (c.first_date, c.id))
        for c in commitments:
            c.mentions.sort(key=lambda m: (m.doc_date or "9999", m.doc, m.start))
            # described as it was first said, whatever order the documents came in
            c.type, c.vehicle, c.family, c.due, c.due_from, c.due_until, c.toezegging = c.mentions[0].fields
        commitments.sort(key=lambda c: (c.first_date, c.id))
        self._moved(commitments)
        self._chased(commitments)
        self._fulfilled(commitments)
        return commitments

    @staticmethod
    def _moved(commitments: list[Commitment]) -> None:
        """A later letter promises the same thing in the same vehicle family for another moment."""
        by_family: dict[str, list[Commitment]] = {}
        for c in commitments:
            if c.family:
                by_family.setdefault(c.family, []).append(c)
        for group in by_family.values():
            for i, earlier in enumerate(group):
                words = set().union(*(m.topic for m in earlier.mentions))
                for later in group[i + 1 :]:
                    if later.first_date <= earlier.first_date or later.due_until == earlier.due_until:
                        continue
                    if not later.due_until or not earlier.due_until or end_of(later.due_until) <= end_of(earlier.due_until):
                        continue  # moved means: promised again, for a later moment
                    # about the same thing: the questions and answers they stand in share their subject
                    shared = words & set().union(*(m.topic for m in later.mentions))
                    if len(shared) >= 3:
                        earlier.moved_to.append(later.id)

    def _chased(self, commitments: list[Commitment]) -> None:
        """A later question asks when a promised thing comes and shares its subject."""
        for c in commitments:
            words = set().union(*(salient(m.text) for m in c.mentions))
            said_in = {m.doc for m in c.mentions}
            for doc_name, date, iri, text, asked in self.questions:
                if doc_name in said_in or (date is not None and date < c.first_date):
                    continue  # a later question, in another document (an undated one may be later)
                shared = words & asked
                if len(shared) >= 2 and any("%" in w or len(w) >= 7 for w in shared):
                    c.chased_by.append((iri, text))

    def _fulfilled(self, commitments: list[Commitment]) -> None:
        """A later document of the corpus is the promised vehicle (its head names it)."""
        for c in commitments:
            if not c.vehicle or not re.search(r"\d{4}", c.vehicle):
                continue
            pattern = re.compile(re.escape(c.vehicle).replace(r"\ ", r"\s+"), re.I)
            for date, iri, head in self.documents:
                if date and date >= c.first_date and pattern.search(head) and not any(m.doc_date == date for m in c.mentions):
                    c.fulfilled_by.append(iri)


def commitments_from_store(store, as_of: str) -> list[dict]:
    """Commitments read back from a built graph, with their status as of a date and the evidence."""
    from graph.sparql import named_query, run_query

    nq = named_query("commitments")
    rows = run_query(store, nq.text, {}, nq.params)[1]
    merged: dict[str, dict] = {}
    for r in rows:
        c = merged.setdefault(r["commitment"], {
            "id": r["commitment"], "type": r["type"], "vehicle": r["vehicle"], "due": r["due"],
            "due_from": r["due_from"], "due_until": r["due_until"], "toezegging": r["registered"],
            "mentions": [], "moved_to": set(), "chased_by": set(), "fulfilled_by": set(),
        })  # fmt: skip
        mention = {"doc": r["doc"], "date": r["date"], "where": r["where"], "text": r["quote"]}
        if mention not in c["mentions"]:
            c["mentions"].append(mention)
        for key, value in (("moved_to", r["moved_to"]), ("chased_by", r["chase_doc"]), ("fulfilled_by", r["fulfilled_by"])):
            if value:
                c[key].add(value)
    out = []
    for c in merged.values():
        c["mentions"].sort(key=lambda m: (m["date"] or "9999", m["doc"]))
        for key in ("moved_to", "chased_by", "fulfilled_by"):
            c[key] = sorted(c[key])
        if c["fulfilled_by"]:
            status = "fulfilled"
        elif c["moved_to"]:
            status = "moved"
        elif c["due_until"] and end_of(c["due_until"]) < as_of:
            status = "overdue"
        else:
            status = "open"
        c["status"] = status
        c["evidence"] = _evidence(c, merged, as_of)
        out.append(c)
    out.sort(key=lambda c: (c["due_until"] or "9999", c["mentions"][0]["date"] or "9999", c["id"]))
    return out


def _evidence(c: dict, all_: dict, as_of: str) -> str:
    first = c["mentions"][0]
    said = f"said {first['date'] or '?'} in {first['doc']} ({first['where'] or 'letter'})"
    parts = [said]
    if c["status"] == "overdue":
        parts.append(f"due by {end_of(c['due_until'])}, before {as_of}")
    for other in c["moved_to"]:
        o = all_.get(other)
        if o:
            parts.append(f"moved to {o['vehicle'] or o['due_until']} in {o['mentions'][0]['doc']} ({o['mentions'][0]['date']})")
    for doc in c["chased_by"]:
        parts.append(f"asked after in {doc}")
    for doc in c["fulfilled_by"]:
        parts.append(f"fulfilled by {doc}")
    if len(c["mentions"]) > 1:
        parts.append(f"repeated {len(c['mentions']) - 1}x")
    return "; ".join(parts)
