"""What changed between two builds, as facts: figures whose value changed for the same subject,
commitments that are new, moved, fulfilled or newly overdue, questions newly asked or answered,
new documents and new citations; each with the quote, document, date and page of both sides.

Built from the builds' compact tables (claims, commitments) and two small queries per build
(questions, citations): nothing is compared pairwise across documents.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from graph.claims import APPROXIMATE
from graph.commitments import judge
from graph.folder import current_build, read_manifest
from graph.sparql import open_store, run_query
from graph.tables import CLAIMS, COMMITMENTS, read_table

KINDS = ("figure", "commitment", "question", "document", "citation")

_QUESTIONS = """PREFIX dkg: <https://w3id.org/dkg/def#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?date ?series ?number ?answered ?by_ref ?fractie ?quote WHERE {
  ?q a schema:Question ; dkg:inDocument ?d ; dkg:answered ?answered ; dkg:answeredByReferenceOnly ?by_ref ;
     dkg:span/oa:exact ?quote .
  ?d dkg:fileName ?doc . OPTIONAL { ?d dcterms:date ?date }
  OPTIONAL { ?q dkg:series ?series } OPTIONAL { ?q dkg:number ?number }
  OPTIONAL { ?q dkg:askedBy/skos:prefLabel ?fractie }
}"""
_CITATIONS = """PREFIX dkg: <https://w3id.org/dkg/def#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?doc ?date ?number WHERE { ?d eli:cites ?c ; dkg:fileName ?doc . ?c rdfs:label ?number .
  OPTIONAL { ?d dcterms:date ?date } }"""


class DiffError(Exception):
    pass


def _build(folder: Path) -> dict[str, Any]:
    build = current_build(Path(folder))
    if build is None:
        raise DiffError(f"{folder}: no build here; run `dkg build --out {folder}` first")
    manifest = read_manifest(build)
    claims, commitments = read_table(folder, CLAIMS), read_table(folder, COMMITMENTS)
    if claims is None or commitments is None:
        raise DiffError(f"{folder}: the build has no claim or commitment tables; build it again")
    store = open_store(folder)
    return {
        "manifest": manifest, "claims": claims, "commitments": commitments,
        "questions": run_query(store, _QUESTIONS, {})[1], "citations": run_query(store, _CITATIONS, {})[1],
    }  # fmt: skip


def _fact(kind: str, change: str, subject: str, old: dict | None, new: dict | None, **more: Any) -> dict[str, Any]:
    key = json.dumps([kind, change, subject, old, new], sort_keys=True, ensure_ascii=False)
    return {"id": "urn:dkg:change:" + hashlib.sha256(key.encode()).hexdigest()[:16], "kind": kind, "change": change,
            "subject": subject, "old": old, "new": new, **more}  # fmt: skip


def _side(mention: dict, value: Any = None) -> dict[str, Any]:
    return {"value": value, "quote": mention.get("text"), "doc": mention.get("doc"), "date": mention.get("date"),
            "where": mention.get("where"), "page": mention.get("page")}  # fmt: skip


def _subject_id(claim_id: str) -> str:
    return claim_id.rsplit("/", 2)[-2]


def _figures(old: list[dict], new: list[dict]) -> list[dict]:
    """For each subject (never a figure of its own, which has no subject to compare), a value said
    in the new build that the old did not have, beside the values the old build had."""

    def by_subject(claims):
        out: dict[tuple, dict[Any, dict]] = defaultdict(dict)
        for c in claims:
            sid = _subject_id(c["id"])
            if not sid.startswith("local-"):
                out[(sid, c["kind"], c["unit"])][c["value"]] = c
        return out

    before, after = by_subject(old), by_subject(new)
    facts = []
    for key in sorted(after, key=str):
        gained = [v for v in after[key] if v not in before.get(key, {})]
        for value in sorted(gained, key=str):
            claim = after[key][value]
            latest = max(claim["mentions"], key=lambda m: (m.get("date") or "", m["doc"]))
            if not before.get(key):
                facts.append(_fact("figure", "new", claim["subject"], None, _side(latest, value)))
                continue
            previous_value, previous = _nearest(before[key], value)
            earliest = min(previous["mentions"], key=lambda m: (m.get("date") or "", m["doc"]))
            change = "changed"
            more: dict[str, Any] = {}
            if isinstance(value, int | float) and isinstance(previous_value, int | float):
                percent = round(100 * (value - previous_value) / previous_value, 2) if previous_value else None
                more = {"difference": value - previous_value, "percent": percent}
                if previous_value and abs(value - previous_value) <= APPROXIMATE * abs(previous_value):
                    change = "restated"
            facts.append(_fact("figure", change, claim["subject"], _side(earliest, previous_value), _side(latest, value), **more))
    return facts


def _nearest(values: dict[Any, dict], value: Any) -> tuple[Any, dict]:
    """The old value closest to the new one (the latest said when they are not numbers)."""
    if isinstance(value, int | float) and all(isinstance(v, int | float) for v in values):
        v = min(values, key=lambda x: (abs(x - value), x))
        return v, values[v]
    v = max(values, key=lambda x: max((m.get("date") or "") for m in values[x]["mentions"]))
    return v, values[v]


def _commitments(old: list[dict], new: list[dict], as_of: str) -> list[dict]:
    before = {c["id"]: c for c in judge([dict(c) for c in old], as_of)}
    now = {c["id"]: c for c in judge([dict(c) for c in new], as_of)}
    facts = []
    for c in now.values():
        first = c["mentions"][0]
        side = {**_side(first, c["due_until"]), "vehicle": c["vehicle"], "status": c["status"]}
        later = [now[i] for i in c["moved_to"] if i in now]
        if c["status"] == "moved" and later:  # the new side of a move: where it moved to, said when and where
            to = min(later, key=lambda x: (x["mentions"][0].get("date") or "9999", x["id"]))
            side = {**_side(to["mentions"][0], to["due_until"]), "vehicle": to["vehicle"], "status": c["status"]}
        was = before.get(c["id"])
        if was is None:
            facts.append(_fact("commitment", "new", c["vehicle"] or c["type"], None, side))
        elif was["status"] != c["status"] and c["status"] in ("moved", "fulfilled", "overdue"):
            old_side = {**_side(was["mentions"][0], was["due_until"]), "vehicle": was["vehicle"], "status": was["status"]}
            facts.append(_fact("commitment", c["status"], c["vehicle"] or c["type"], old_side, side))
    return facts


def _questions(old: list[dict], new: list[dict]) -> list[dict]:
    def key(q):
        return (q["doc"], q.get("series"), q.get("number"), q["quote"][:80] if q.get("number") is None else "")

    before = {key(q): q for q in old}
    facts = []
    for q in sorted(new, key=lambda q: (q["doc"], str(q.get("series")), q.get("number") or 0)):
        label = f"{q.get('series') or ''}{q.get('number') or ''} {q['doc']}".strip()
        side = {"quote": q["quote"], "doc": q["doc"], "date": q.get("date"), "where": label, "fractie": q.get("fractie"),
                "answered": q["answered"], "by_reference": q["by_ref"]}  # fmt: skip
        was = before.get(key(q))
        if was is None:
            facts.append(_fact("question", "asked", q.get("fractie") or "", None, side))
        elif q["answered"] and not was["answered"]:
            facts.append(_fact("question", "answered by reference" if q["by_ref"] else "answered", q.get("fractie") or "",
                               {**side, "answered": False, "by_reference": False}, side))  # fmt: skip
    return facts


def _documents(old: dict, new: dict) -> list[dict]:
    before = {f["name"] for f in old["files"]}
    return [_fact("document", "new", f["name"], None, {"doc": f["name"]}) for f in new["files"] if f["name"] not in before]


def _citations(old: list[dict], new: list[dict]) -> list[dict]:
    before = {(c["doc"], c["number"]) for c in old}
    cited_before = {c["number"] for c in old}
    facts = []
    for c in sorted(new, key=lambda c: (c["number"], c["doc"])):
        if (c["doc"], c["number"]) not in before:
            change = "new citation" if c["number"] in cited_before else "first cited"
            facts.append(
                _fact("citation", change, c["number"], None, {"doc": c["doc"], "date": c.get("date"), "value": c["number"]})
            )
    return facts


def diff(old_dir: Path, new_dir: Path, as_of: str) -> list[dict]:
    """Every fact that changed from the build in old_dir to the build in new_dir."""
    old, new = _build(old_dir), _build(new_dir)
    return [
        *_documents(old["manifest"], new["manifest"]), *_figures(old["claims"], new["claims"]),
        *_commitments(old["commitments"], new["commitments"], as_of), *_questions(old["questions"], new["questions"]),
        *_citations(old["citations"], new["citations"]),
    ]  # fmt: skip


def keep(facts: list[dict], kinds=(), subject=None, dossier=None, fractie=None) -> list[dict]:
    """The facts that pass the filters (case-insensitive substrings; a dossier number without spaces)."""

    def has(fact, needle):
        return needle.lower() in json.dumps(fact, ensure_ascii=False).lower()

    out = []
    for f in facts:
        if kinds and f["kind"] not in kinds:
            continue
        if subject and subject.lower() not in (f["subject"] or "").lower():
            continue
        if dossier and not has(f, dossier.replace(" ", "").replace(".", "")):
            continue
        if fractie and (f["new"] or {}).get("fractie", "").lower() != fractie.lower():
            continue
        out.append(f)
    return out


def flat(fact: dict) -> dict[str, Any]:
    """One row for a table or a spreadsheet."""
    old, new = fact["old"] or {}, fact["new"] or {}
    return {"kind": fact["kind"], "change": fact["change"], "subject": fact["subject"],
            "old": old.get("value"), "new": new.get("value"), "difference": fact.get("difference"),
            "percent": fact.get("percent"), "doc": new.get("doc"), "date": new.get("date"), "page": new.get("page"),
            "quote": new.get("quote"), "old quote": old.get("quote"), "old doc": old.get("doc")}  # fmt: skip


def _line(fact: dict) -> str:
    old, new = fact["old"] or {}, fact["new"] or {}
    where = ", ".join(
        x for x in (new.get("doc"), new.get("date"), new.get("where"), new.get("page") and f"p. {new['page']}") if x
    )
    if fact["kind"] == "figure" and old:
        pct = f" ({fact['percent']:+g}%)" if fact.get("percent") is not None else ""
        head = f"{fact['subject']}: {old.get('value')} → {new.get('value')}{pct}, {fact['change']}"
        return f"{head}\n  was: “{old.get('quote')}” ({old.get('doc')}, {old.get('date')})\n  now: “{new.get('quote')}” ({where})"
    quote = f": “{new.get('quote')}”" if new.get("quote") else ""
    return f"{fact['kind']} {fact['change']}: {fact['subject']}{quote} ({where})"


def markdown(facts: list[dict], old_dir: Path, new_dir: Path) -> str:
    lines = [f"# What changed from {old_dir} to {new_dir}", "", f"{len(facts)} changed facts.", ""]
    for kind in KINDS:
        group = [f for f in facts if f["kind"] == kind]
        if group:
            lines += [f"## {kind.capitalize()}s ({len(group)})", ""]
            lines += ["- " + _line(f).replace("\n  ", "\n  - ") for f in group]
            lines.append("")
    return "\n".join(lines)


def atom(facts: list[dict], new_dir: Path, updated: str) -> str:
    """An Atom feed, one entry per changed fact; an entry's id is the fact's digest, so that a feed
    reader shows each change once however often the feed is made."""
    stamp = f"{updated}T00:00:00Z"
    entries = []
    for f in facts:
        title = escape(f"{f['kind']} {f['change']}: {f['subject']}")
        entries.append(f"""  <entry>
    <id>{f["id"]}</id>
    <title>{title}</title>
    <updated>{stamp}</updated>
    <content type="text">{escape(_line(f))}</content>
  </entry>""")
    feed_id = "urn:dkg:feed:" + hashlib.sha256(str(Path(new_dir).resolve()).encode()).hexdigest()[:16]
    return (
        f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>{feed_id}</id>
  <title>dkg: what changed in {escape(str(new_dir))}</title>
  <updated>{stamp}</updated>
"""
        + "\n".join(entries)
        + "\n</feed>\n"
    )
