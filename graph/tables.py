"""Compact tables a build writes beside its store: the claims and the commitments, as JSON lines
in the shapes the commands print. `dkg claims` and `dkg commitments` stream them instead of
joining hundreds of thousands of mentions in SPARQL; a graph.ttl without a build (a file, or a
folder of an older layout) is still read with the queries."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.folder import current_build

CLAIMS = "claims.jsonl"
COMMITMENTS = "commitments.jsonl"
_RELATION_ORDER = {"conflicts": 0, "restates": 1, "updates": 2}  # as the links query orders their IRIs


def _number(value):
    if isinstance(value, bool | str) or value is None:
        return value
    number = float(value)
    return int(number) if number.is_integer() else number


def claim_records(claims) -> Iterator[dict]:
    """The claims as `graph.trace.claims_from_graph` reads them (without the mentions' sentences)."""
    for c in sorted(claims, key=lambda c: c.id):
        yield {
            "id": c.id, "subject": c.subject, "kind": c.kind, "value": _number(c.value), "unit": c.unit,
            "period": c.period,
            "mentions": [{"doc": m.doc, "date": m.doc_date, "start": m.start, "end": m.end, "text": m.text,
                          "speaker": m.speaker, "where": m.where} for m in c.mentions],
            "related": [{"claim": other, "relation": relation}
                        for other, relation in sorted(set(c.related), key=lambda r: (_RELATION_ORDER[r[1]], r[0]))],
        }  # fmt: skip


def write_table(path: Path, records: Iterable[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def read_table(graph_dir: Path, name: str) -> list[dict] | None:
    """The table of the folder's current build, or None when it has none."""
    build = current_build(Path(graph_dir)) if Path(graph_dir).is_dir() else None
    if build is None or not (build / name).is_file():
        return None
    with open(build / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]
