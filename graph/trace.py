"""Reading claims back from the graph, and tracing a figure, an entity or a reference across
letters as a timeline, oldest first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graph.sparql import run_query

RELATION_NAMES = {
    "https://w3id.org/dkg/def#restates": "restates",
    "https://w3id.org/dkg/def#updates": "updates",
    "https://w3id.org/dkg/def#conflictsWith": "conflicts",
}


def _rows(store: ox.Store, name: str, **params: str) -> list[dict[str, Any]]:
    from graph.sparql import named_query

    nq = named_query(name)
    return run_query(store, nq.text, params, nq.params)[1]


def claims_from_graph(store: ox.Store) -> list[dict[str, Any]]:
    """Claims as in the command-line contract: id, subject, kind, value, unit, period, mentions, related."""
    claims: dict[str, dict[str, Any]] = {}
    for row in _rows(store, "claims"):
        claims[row["claim"]] = {
            "id": row["claim"], "subject": row["subject"], "kind": row["kind"], "value": row["value"],
            "unit": row["unit"], "period": row["period"], "mentions": [], "related": [],
        }  # fmt: skip
    for row in _rows(store, "claim_mentions"):
        claim = claims.get(row["claim"])
        if claim is None:
            continue
        claim["mentions"].append({k: row[k] for k in ("doc", "date", "start", "end", "text", "speaker", "where", "context")})
    for row in _rows(store, "claim_links"):
        if row["claim"] in claims:
            claims[row["claim"]]["related"].append({"claim": row["other"], "relation": RELATION_NAMES[row["relation"]]})
    for c in claims.values():
        c["mentions"].sort(key=lambda m: (m["date"] or "9999", m["doc"], m["start"]))
    return list(claims.values())


@dataclass(frozen=True)
class Term:
    kind: str  # figure, reference, entity
    figure_kind: str | None = None
    value: Any = None
    targets: tuple[str, ...] = ()
    label: str = ""


def parse_term(term: str, g: ox.Store) -> Term | None:
    """A figure ("19,3 mld", "3,5%"), a reference ("36800-X-3") or an entity ("PURL")."""
    from extractors.document import Document
    from extractors.figures import figure_mentions
    from extractors.references import reference_mentions

    text = term.strip()
    figures = [m for m in figure_mentions(Document("term", "term", text)) if m.value is not None]
    if figures and figures[0].end - figures[0].start >= len(text) - 3:
        f = figures[0]
        return Term("figure", f.kind, f.value, label=text)
    if re.fullmatch(r"\d{5}(?:-[A-Za-z0-9]+)*", text):
        value = "-".join(p.upper() if not p.isdigit() else p for p in text.split("-"))
        return _targets_for(g, "reference", value)
    refs = reference_mentions(Document("term", "term", text))
    if refs:
        return _targets_for(g, "reference", refs[0].value)
    return _targets_for(g, "entity", text)


def _targets_for(g: ox.Store, kind: str, label: str) -> Term | None:
    targets = {row["node"] for row in _rows(g, "labelled", text=label)}
    if not targets:
        return None
    return Term(kind, targets=tuple(sorted(targets)), label=label)


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def trace(g: ox.Store, term: Term) -> list[dict[str, Any]]:
    """A timeline of every mention and related claim, oldest first, with its relation."""
    if term.kind == "figure":
        return _trace_figure(g, term)
    return _trace_targets(g, term)


def _trace_figure(g: ox.Store, term: Term) -> list[dict[str, Any]]:
    claims = {c["id"]: c for c in claims_from_graph(g)}
    seeds = [c for c in claims.values() if c["kind"] == term.figure_kind and _same_value(c["value"], term.value)]
    relation_of: dict[str, str] = {c["id"]: "same" for c in seeds}
    for c in claims.values():  # one hop both ways: what restates, updates or contradicts a seed
        for link in c["related"]:
            if link["claim"] in relation_of and relation_of[link["claim"]] == "same" and c["id"] not in relation_of:
                relation_of[c["id"]] = link["relation"]
            elif c["id"] in relation_of and relation_of[c["id"]] == "same" and link["claim"] not in relation_of:
                relation_of[link["claim"]] = {"restates": "restated", "updates": "updated"}.get(
                    link["relation"], link["relation"]
                )
    rows = []
    for cid, relation in relation_of.items():
        c = claims[cid]
        for m in c["mentions"]:
            rows.append(
                {**m, "subject": c["subject"], "value": c["value"], "unit": c["unit"], "claim": cid, "relation": relation}
            )
    rows.sort(key=lambda r: (r["date"] or "9999", r["doc"], r["start"]))
    return _name_relations(rows)


def _name_relations(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """first stated, repeated, restated, updated, questioned, conflicts."""
    seen_first = False
    for r in rows:
        relation = r["relation"]
        if r.get("where") and r["where"].endswith("question"):
            r["relation"] = "questioned"
        elif relation in ("same", "restated") and not seen_first:
            r["relation"] = "first stated"
        elif relation == "same":
            r["relation"] = "repeated"
        elif relation in ("restates", "restated"):
            r["relation"] = "restated"
        elif relation in ("updates", "updated"):
            r["relation"] = "updated"
        if r["relation"] == "first stated" or (relation in ("same", "restated") and r["relation"] != "questioned"):
            seen_first = True
    return rows


def _trace_targets(g: ox.Store, term: Term) -> list[dict[str, Any]]:
    rows = []
    for target in term.targets:
        for row in _rows(g, "entity_mentions", target=target):
            rows.append({
                "date": row["date"], "doc": row["doc"], "start": row["start"], "end": row["end"], "text": row["text"],
                "where": row["where"], "speaker": row["speaker"], "relation": "mentioned", "context": None,
                "subject": term.label,
            })  # fmt: skip
        for row in _rows(g, "commitment_links", target=target):  # what became of a promise
            rows.append({
                "date": row["date"], "doc": row["doc"], "start": row["start"], "end": row["end"], "text": row["text"],
                "where": row["where"], "speaker": row["speaker"], "relation": row["relation"], "context": None,
                "subject": term.label,
            })  # fmt: skip
    rows.sort(key=lambda r: (r["date"] or "9999", r["doc"], r["start"]))
    first = True
    for r in rows:
        if r["relation"] != "mentioned":
            continue
        if (r["where"] or "").endswith("question"):
            r["relation"] = "questioned"
        elif first:
            r["relation"] = "first mentioned"
            first = False
    return rows
