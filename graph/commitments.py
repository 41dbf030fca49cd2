"""Commitments followed across letters: one node for a promise repeated in several places, moved
when a later letter promises the same thing for a later moment, chased when a later question asks
when it comes, fulfilled when a later document in the corpus is the promised vehicle, and overdue
when its due moment has passed without any of that."""

from __future__ import annotations

import bisect
import calendar
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick_rs

from extractors.document import Document
from extractors.locate import Situated, situate
from extractors.registry import extract_mentions
from extractors.text import NAME_PARTICLES

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


@functools.lru_cache(maxsize=1 << 16)
def _salient_once(text: str) -> frozenset[str]:
    """salient, once per text: a commitment restated letter after letter is read once."""
    return frozenset(salient(text))


class CommitmentMention(NamedTuple):
    """One mention of a promise: a compact row of the per-document step."""

    doc: str
    doc_date: str | None
    start: int
    end: int
    text: str
    iri: str
    where: str | None
    topic: frozenset[str] = frozenset()  # salient words of the question and answer it stands in
    fields: tuple = ()  # (type, vehicle, family, due, due_from, due_until, toezegging) as said here
    id: str = ""  # the commitment's id (vehicle and due moment, or the mention itself)
    key: str = ""
    who: tuple = ()  # (speaker, function, to_fractie, to_person) as the extractor found them


class AskedWhen(NamedTuple):
    """A question that asks when something comes (a candidate chaser of a promise)."""

    doc: str
    date: str | None
    iri: str
    text: str
    words: frozenset[str]


class DocumentHead(NamedTuple):
    date: str | None
    iri: str
    head: str  # the first 1,500 characters, where a document names what it is


class CommitmentRows(NamedTuple):
    """What the cross-document step needs of one document to follow its promises."""

    document: DocumentHead
    questions: list[AskedWhen]
    mentions: list[CommitmentMention]


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
    chased_in: list[str] = field(default_factory=list)  # the file names of the chasing questions

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


# What a promise without a named vehicle promises to deliver: a later promise of the same kind of
# thing, on the same subject, for a later moment, is that promise moved ("de evaluatie van de
# geluidshinder ... voor de zomer" -> "... in het najaar").
_PROMISED = re.compile(
    r"\b(evaluatie|eindrapport|rapport|rapportage|voortgangsrapportage|onderzoek|kabinetsreactie|reactie|plan\s+van\s+aanpak"
    r"|actieplan|nota|brief|overzicht|analyse|visie|strategie|wetsvoorstel|beleidsdoorlichting|verkenning|uitwerking)\b", re.I)


def promised_family(text: str) -> str | None:
    found = _PROMISED.search(text)
    return f"({' '.join(found.group(1).lower().split())})" if found else None


def commitment_rows(doc: Document, situated: Sequence[Situated]) -> CommitmentRows:
    """The per-document step: the document's head, its questions that ask when, its promises."""
    from graph.iri import document_iri, mention_iri, question_iri

    head = DocumentHead(doc.date, str(document_iri(doc)), doc.text[:1500])
    asked = []
    for q in doc.questions:
        text = q.span.quote(doc.text)
        if _WHEN.search(text):
            asked.append(AskedWhen(doc.name, doc.date, str(question_iri(doc, q)), text, frozenset(salient(text))))
    mentions = []
    for s in situated:
        m = s.mention
        if m.kind != "commitment":
            continue
        if s.question is not None:
            q = doc.questions[s.question]
            context = q.span.quote(doc.text) + " " + (q.answer.quote(doc.text) if q.answer else "")
        else:
            context = m.text
        f = m.fields
        vehicle, family = vehicle_name(f.get("vehicle"), f.get("due"), f.get("due_until"))
        if family is None and f["type"] == "toezegging":
            family = promised_family(m.text)
        key = f"{vehicle}|{f.get('due_until')}" if vehicle else f"{doc.name}|{m.start}"
        cid = "https://w3id.org/dkg/id/commitment/" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
        said = (f["type"], vehicle, family, f.get("due"), f.get("due_from"), f.get("due_until"), f.get("toezegging"))
        who = (f.get("speaker"), f.get("function"), f.get("to_fractie"), f.get("to_person"))
        mentions.append(CommitmentMention(
            doc.name, doc.date, m.start, m.end, m.text, mention_iri(doc, m.kind, m.start, m.end), f.get("where"),
            frozenset(salient(context)), said, cid, key, who,
        ))  # fmt: skip
    return CommitmentRows(head, asked, mentions)


WALK = 200  # later candidates looked at per promise: a bound that keeps the linking linear
LIMIT = 10  # chasing questions and fulfilling documents kept per promise (the earliest ones)


def link_commitments(rows: Iterable[CommitmentRows]) -> list[Commitment]:
    """The cross-document step: one node per promise, and what became of it."""
    commitments: dict[str, Commitment] = {}
    questions: list[AskedWhen] = []
    documents: list[DocumentHead] = []
    for r in rows:
        documents.append(r.document)
        questions.extend(r.questions)
        for m in r.mentions:
            c = commitments.get(m.id)
            if c is None:
                c = commitments[m.id] = Commitment(m.id, m.key, *m.fields[:2], *m.fields[2:])
            c.mentions.append(m)
    ordered = list(commitments.values())
    for c in ordered:
        c.mentions.sort(key=lambda m: (m.doc_date or "9999", m.doc, m.start))
        # described as it was first said, whatever order the documents came in
        c.type, c.vehicle, c.family, c.due, c.due_from, c.due_until, c.toezegging = c.mentions[0].fields
    ordered.sort(key=lambda c: (c.first_date, c.id))
    _moved(ordered)
    _chased(ordered, questions)
    _fulfilled(ordered, documents)
    return ordered


class CommitmentCollector:
    """Gathers the commitment rows of documents one by one; links them at the end."""

    def __init__(self) -> None:
        self.rows: list[CommitmentRows] = []

    def add(self, doc: Document, mentions=None) -> None:
        if mentions is None:
            mentions = extract_mentions(doc, ["commitment"])
        self.rows.append(commitment_rows(doc, situate(doc, [m for m in mentions if m.kind == "commitment"])))

    def finish(self) -> list[Commitment]:
        return link_commitments(self.rows)


def _moved(commitments: list[Commitment]) -> None:
    """A later letter promises the same thing in the same vehicle family for a later moment: the
    promise moved to the first such one (which may move on in its turn: a chain)."""
    by_family: dict[str, list[Commitment]] = {}
    for c in commitments:
        if c.family:
            by_family.setdefault(c.family, []).append(c)
    for group in by_family.values():
        for i, earlier in enumerate(group):
            if not earlier.due_until:
                continue
            words = frozenset().union(*(m.topic for m in earlier.mentions))
            for later in group[i + 1 : i + 1 + WALK]:
                if later.first_date <= earlier.first_date or not later.due_until:
                    continue
                if end_of(later.due_until) <= end_of(earlier.due_until):
                    continue  # moved means: promised again, for a later moment
                # about the same thing: the questions and answers they stand in share their subject
                if len(words & frozenset().union(*(m.topic for m in later.mentions))) >= 3:
                    earlier.moved_to.append(later.id)
                    break


def _chased(commitments: list[Commitment], questions: list[AskedWhen]) -> None:
    """A later question, in another document, asks when a promised thing comes and shares its
    subject: at least two salient words, one of them a percentage. Questions are found through
    an index on their percentages, in date order (an undated question may be later: last)."""
    questions = sorted(questions, key=lambda q: (q.date or "9999", q.doc, q.iri))
    dates = [q.date or "9999" for q in questions]
    postings: dict[str, list[int]] = defaultdict(list)
    for k, q in enumerate(questions):
        for w in q.words:
            if "%" in w:
                postings[w].append(k)
    for c in commitments:
        words = frozenset().union(*(_salient_once(m.text) for m in c.mentions))
        said_in = {m.doc for m in c.mentions}
        first = bisect.bisect_left(dates, c.first_date) if c.first_date != "9999" else 0
        found: set[int] = set()
        for w in sorted(w for w in words if "%" in w):
            posting = postings.get(w, [])
            start = bisect.bisect_left(posting, first)
            for k in posting[start : start + WALK]:
                q = questions[k]
                if q.doc not in said_in and len(words & q.words) >= 2:
                    found.add(k)
        for k in sorted(found)[:LIMIT]:
            c.chased_by.append((questions[k].iri, questions[k].text))
            c.chased_in.append(questions[k].doc)


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def _fulfilled(commitments: list[Commitment], documents: list[DocumentHead]) -> None:
    """A later document of the corpus is the promised vehicle (its head names it): one
    Aho-Corasick pass over the heads finds every dated vehicle."""
    vehicles = sorted({_squash(c.vehicle) for c in commitments if c.vehicle and re.search(r"\d{4}", c.vehicle)})
    if not vehicles:
        return
    automaton = ahocorasick_rs.AhoCorasick(vehicles)
    naming: dict[str, list[DocumentHead]] = defaultdict(list)
    for doc in sorted(documents, key=lambda d: (d.date or "9999", d.iri)):
        for k in {k for k, _, _ in automaton.find_matches_as_indexes(_squash(doc.head), overlapping=True)}:
            naming[vehicles[k]].append(doc)
    for c in commitments:
        if not c.vehicle:
            continue
        said_on = {m.doc_date for m in c.mentions}
        for doc in naming.get(_squash(c.vehicle), []):
            if doc.date and doc.date >= c.first_date and doc.date not in said_on and doc.iri not in c.fulfilled_by:
                c.fulfilled_by.append(doc.iri)
                if len(c.fulfilled_by) == LIMIT:
                    break


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
    for c in merged.values():
        c["mentions"].sort(key=lambda m: (m["date"] or "9999", m["doc"]))
        for key in ("moved_to", "chased_by", "fulfilled_by"):
            c[key] = sorted(c[key])
    return judge(list(merged.values()), as_of)


def commitment_records(commitments: list[Commitment]) -> list[dict]:
    """The commitments as `commitments_from_store` reads them from the graph, made by the build
    from the linked commitments (a compact table: `dkg commitments` reads it without a query)."""
    out = []
    for c in commitments:
        mentions: list[dict] = []
        seen: set[tuple] = set()  # a commitment restated in thousands of letters: no quadratic look-up
        for m in c.mentions:
            who = (*m.who, None, None, None, None)[:4]
            key = (m.doc, m.doc_date, m.where, m.text, who)
            if key in seen:
                continue
            seen.add(key)
            mention = {"doc": m.doc, "date": m.doc_date, "where": m.where, "text": m.text}
            speaker, function, to_fractie, to_person = who
            if speaker or function or to_fractie or to_person:
                mention["who"] = {"speaker": speaker, "function": function, "to_fractie": to_fractie, "to_person": to_person}
            mentions.append(mention)
        mentions.sort(key=lambda m: (m["date"] or "9999", m["doc"]))
        out.append({
            "id": c.id, "type": c.type, "vehicle": c.vehicle, "due": c.due, "due_from": c.due_from,
            "due_until": c.due_until, "toezegging": c.toezegging, "mentions": mentions,
            "moved_to": sorted(set(c.moved_to)), "chased_by": sorted(set(c.chased_in)),
            "fulfilled_by": sorted(set(c.fulfilled_by)),
        })  # fmt: skip
    out.sort(key=lambda c: c["id"])
    return out


def judge(records: list[dict], as_of: str) -> list[dict]:
    """Each commitment's status as of a date, with the evidence, soonest due first."""
    merged = {c["id"]: c for c in records}
    out = []
    for c in records:
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


# --- the Kamer's own form ------------------------------------------------------------------------

TOEZEGGING_STATUS = {"fulfilled": "Voldaan", "open": "Openstaand", "overdue": "Openstaand", "moved": "Openstaand"}


def toezegging_records(judged: list[dict]) -> list[dict]:
    """The commitments with the field names of the Tweede Kamer's Toezegging schema (tkData v1.0),
    so that dkg's list can be set beside the Kamer's register. `datumNakoming` is the last day of
    the due interval ("voor de zomer" of 2026 is 2026-06-30, "in het najaar van 2026" 2026-11-30,
    "uiterlijk in 2030" 2030-12-31); a moved commitment's later form names the earlier one in
    `isWijzigingVan`; repetitions are one commitment already (their mentions). What dkg does not
    know is null (a promise without a signature or a turn has no name)."""
    changed_from: dict[str, list[str]] = {}
    for c in judged:
        for later in c["moved_to"]:
            changed_from.setdefault(later, []).append(c["id"])
    out = []
    for c in judged:
        first = c["mentions"][0]
        who = first.get("who") or {}
        function = who.get("function")
        ministry = function.split(" van ", 1)[1] if function and " van " in function else None
        out.append({
            "id": c["id"], "nummer": c["toezegging"], "tekst": first["text"], "aanmaakdatum": first["date"],
            "activiteit": f"{first['doc']} ({first['where'] or 'letter'})", "activiteitNummer": None,
            **name_parts(who.get("speaker")), "achtervoegsel": None, "titulatuur": None, "functie": function,
            "ministerie": f"Ministerie van {ministry}" if ministry else None,
            "toegezegdAanPersoon": who.get("to_person"), "toegezegdAanFractie": who.get("to_fractie"),
            "status": TOEZEGGING_STATUS[c["status"]],
            "datumNakoming": end_of(c["due_until"]) if c["due_until"] else None,
            "kamerbriefNakoming": c["fulfilled_by"][0] if c["fulfilled_by"] else None,
            "isHerhalingVan": [], "isAanvullingOp": [], "isWijzigingVan": sorted(changed_from.get(c["id"], [])),
        })  # fmt: skip
    return out


_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.)+\Z")


def name_parts(name: str | None) -> dict[str, str | None]:
    """The Toezegging schema's name fields of a printed name: "A.B. de Vries" has initialen "A.B.",
    tussenvoegsel "de", achternaam "Vries"; "Dilan Yeşilgöz-Zegerius" voornaam "Dilan"."""
    out = {"naam": name, "achternaam": None, "initialen": None, "tussenvoegsel": None, "voornaam": None}
    if not name:
        return out
    words = name.split()
    first = []
    while len(words) > 1 and (_INITIALS.match(words[0]) or (not first and words[0][0].isupper() and words[1][0].isupper()
                                                             and words[0].lower() not in NAME_PARTICLES)):  # fmt: skip
        first.append(words.pop(0))
    particles = []
    while len(words) > 1 and words[0].lower() in NAME_PARTICLES:
        particles.append(words.pop(0))
    if first and _INITIALS.match(first[0]):
        out["initialen"] = " ".join(first)
    elif first:
        out["voornaam"] = " ".join(first)
    out["tussenvoegsel"] = " ".join(particles) or None
    out["achternaam"] = " ".join(words)
    return out
