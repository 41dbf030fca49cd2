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
    targets = _labelled_as_written(g, label) or {row["node"] for row in _rows(g, "labelled", text=label)}
    if not targets:
        return None
    return Term(kind, targets=tuple(sorted(targets)), label=label)


def _labelled_as_written(g: ox.Store, label: str) -> set[str]:
    """Nodes labelled with the text as written, in lower or upper case, or capitalised: index
    lookups. Only when none is (another mix of cases), the labelled query compares every label."""
    variants = sorted({label, label.lower(), label.upper(), label.title(), label[:1].upper() + label[1:]})
    rows = run_query(g, _PREFIXES + f"""SELECT DISTINCT ?node WHERE {{
        VALUES ?label {{ {" ".join(str(ox.Literal(v)) for v in variants)} }}
        ?node rdfs:label|skos:prefLabel|skos:altLabel|skos:notation|schema:name ?label . FILTER(isIRI(?node)) }}""", {})[1]
    return {r["node"] for r in rows}


def trace(g: ox.Store, term: Term) -> list[dict[str, Any]]:
    """A timeline of every mention and related claim, oldest first, with its relation."""
    if term.kind == "figure":
        return _trace_figure(g, term)
    return _trace_targets(g, term)


_LINKS = "(dkg:restates|^dkg:restates|dkg:updates|^dkg:updates|dkg:conflictsWith|^dkg:conflictsWith)*"
_PREFIXES = """PREFIX dkg: <https://w3id.org/dkg/def#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
"""


def _values(variable: str, iris) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}"


def _trace_figure(g: ox.Store, term: Term) -> list[dict[str, Any]]:
    """The seeds (claims of this kind and value), every claim joined to them along the chains of
    restates / updates / conflicts (a property path: only what is connected is read, not every
    claim of the graph), and their mentions."""
    value = repr(term.value) if isinstance(term.value, float) else str(term.value)
    seeds = [
        r["claim"] for r in run_query(g, _PREFIXES + """SELECT ?claim ?v ?k WHERE {
            ?claim dkg:value ?v ; dkg:claimKind ?k }""", {"k": term.figure_kind, "v": value}, {"k": "string", "v": "number"})[1]
    ]  # fmt: skip
    if not seeds:
        return []
    reached = {
        r["other"]
        for r in run_query(
            g,
            _PREFIXES
            + f"""SELECT DISTINCT ?other WHERE {{
        {_values("seed", seeds)} ?seed {_LINKS} ?other }}""",
            {},
        )[1]
    } | set(seeds)
    links = run_query(
        g,
        _PREFIXES
        + f"""SELECT ?claim ?relation ?other WHERE {{ {_values("claim", reached)}
        VALUES ?relation {{ dkg:restates dkg:updates dkg:conflictsWith }} ?claim ?relation ?other }}""",
        {},
    )[1]
    relation_of = _relations_from(seeds, [(r["claim"], RELATION_NAMES[r["relation"]], r["other"]) for r in links])
    claims = {r["claim"]: r for r in run_query(g, _PREFIXES + f"""SELECT ?claim ?subject ?value ?unit WHERE {{
        {_values("claim", reached)} ?claim rdfs:label ?subject ; dkg:value ?value . OPTIONAL {{ ?claim dkg:unit ?unit }} }}""",
        {})[1]}  # fmt: skip
    rows = []
    for m in run_query(
        g,
        _PREFIXES
        + f"""SELECT ?claim ?doc ?date ?start ?end ?text ?speaker ?where ?context ?page WHERE {{
        {_values("claim", reached)} ?claim dkg:supportedBy ?mention .
        ?mention dkg:span ?span ; dkg:inDocument ?d . ?span oa:start ?start ; oa:end ?end ; oa:exact ?text .
        ?d dkg:fileName ?doc . OPTIONAL {{ ?d dcterms:date ?date }} OPTIONAL {{ ?mention dkg:speaker ?speaker }}
        OPTIONAL {{ ?mention dkg:where ?where }} OPTIONAL {{ ?mention dkg:context ?context }}
        OPTIONAL {{ ?span dkg:page ?page }} }}""",
        {},
    )[1]:
        c = claims[m["claim"]]
        rows.append({**{k: m[k] for k in ("doc", "date", "start", "end", "text", "speaker", "where", "context", "page")},
                     "subject": c["subject"], "value": c["value"], "unit": c["unit"], "claim": m["claim"],
                     "relation": relation_of.get(m["claim"], "related")})  # fmt: skip
    rows.sort(key=lambda r: (r["date"] or "9999", r["doc"], r["start"]))
    return _name_relations(rows)


_INVERSE = {"restates": "restated", "updates": "updated", "conflicts": "conflicts"}


def _relations_from(seeds: list[str], links: list[tuple[str, str, str]]) -> dict[str, str]:
    """Each claim's relation to the seeds, found breadth first along the links: a later claim
    restates / updates / conflicts with the one before it; an earlier one is restated / updated."""
    forward: dict[str, list[tuple[str, str]]] = {}
    for later, relation, earlier in links:
        forward.setdefault(later, []).append((earlier, _INVERSE[relation]))  # seen from the later claim
        forward.setdefault(earlier, []).append((later, relation))
    relation_of = {c: "same" for c in seeds}
    frontier = list(seeds)
    while frontier:
        nxt = []
        for c in frontier:
            for other, relation in forward.get(c, ()):
                if other not in relation_of:
                    relation_of[other] = relation
                    nxt.append(other)
        frontier = nxt
    return relation_of


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
                "subject": term.label, "page": row.get("page"),
            })  # fmt: skip
        for row in _rows(g, "commitment_links", target=target):  # what became of a promise
            rows.append({
                "date": row["date"], "doc": row["doc"], "start": row["start"], "end": row["end"], "text": row["text"],
                "where": row["where"], "speaker": row["speaker"], "relation": row["relation"], "context": None,
                "subject": term.label, "page": row.get("page"),
            })  # fmt: skip
    rows.sort(key=lambda r: (r["date"] or "9999", r["doc"], r["start"], r["end"], r["relation"], r["text"]))
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
