"""Compact tables a build writes beside its store: the claims and the commitments, as JSON lines
in the shapes the commands print. `dkg claims` and `dkg commitments` stream them instead of
joining hundreds of thousands of mentions in SPARQL; a graph.ttl without a build (a file, or a
folder of an older layout) is still read with the queries.

claims.jsonl holds the very lines `dkg claims --format jsonl` prints (the command copies its
bytes); claim_places.jsonl, line for line beside it, the date, speaker and place of each mention,
which `dkg diff` and the readers of `read_table` get merged in."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

from graph.folder import current_build
from graph.output import json_line

CLAIMS = "claims.jsonl"
CLAIM_PLACES = "claim_places.jsonl"
COMMITMENTS = "commitments.jsonl"
_RELATION_ORDER = {"conflicts": 0, "restates": 1, "updates": 2}  # as the links query orders their IRIs


@contextmanager
def long_lived() -> Iterator[None]:
    """For reading a table or a result of many rows: lists and dicts without cycles, made by the
    hundred thousand. The cyclic collector, which would walk them again and again as they pile up
    (68,000 commitments: 0.3 s to parse, 0.6-1.2 s with it), is off while they are made; it sees
    them once or twice after, as it does any object that lives on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _number(value):
    if isinstance(value, bool | str) or value is None:
        return value
    number = float(value)
    return int(number) if number.is_integer() else number


def claim_records(claims) -> Iterator[tuple[dict, list]]:
    """Each claim as `dkg claims` prints it (mentions with doc, start, end and text), and its
    mentions' [date, speaker, place]."""
    for c in sorted(claims, key=lambda c: c.id):
        yield {
            "id": c.id, "subject": c.subject, "kind": c.kind, "value": _number(c.value), "unit": c.unit,
            "period": c.period,
            "mentions": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in c.mentions],
            "related": [{"claim": other, "relation": relation}
                        for other, relation in sorted(set(c.related), key=lambda r: (_RELATION_ORDER[r[1]], r[0]))],
        }, [[m.doc_date, m.speaker, m.where] for m in c.mentions]  # fmt: skip


def write_claims(folder: Path, records: Iterable[tuple[dict, list]]) -> None:
    with open(folder / CLAIMS, "w", encoding="utf-8", newline="\n") as claims, \
            open(folder / CLAIM_PLACES, "w", encoding="utf-8", newline="\n") as places:  # fmt: skip
        for record, where in records:
            claims.write(json_line(record))  # as graph.output.emit writes jsonl
            places.write(json_line(where))


def write_table(path: Path, records: Iterable[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for record in records:
            fh.write(json_line(record, sort_keys=True))


def claims_file(graph_dir: Path) -> Path | None:
    """The file whose bytes are the claims as `dkg claims --format jsonl` prints them, or None
    when the folder's current build has none (a build of an older shape: read_table reads it)."""
    build = current_build(Path(graph_dir)) if Path(graph_dir).is_dir() else None
    if build is None or not (build / CLAIM_PLACES).is_file():
        return None
    return build / CLAIMS


def read_table(graph_dir: Path, name: str) -> list[dict] | None:
    """The table of the folder's current build, or None when it has none."""
    build = current_build(Path(graph_dir)) if Path(graph_dir).is_dir() else None
    if build is None or not (build / name).is_file():
        return None
    with open(build / name, "rb") as fh, long_lived():
        rows = [orjson.loads(line) for line in fh]
    if name == CLAIMS and (build / CLAIM_PLACES).is_file():
        with open(build / CLAIM_PLACES, "rb") as fh:
            for row, line in zip(rows, fh, strict=True):
                for m, (date, speaker, where) in zip(row["mentions"], orjson.loads(line), strict=True):
                    m.update(date=date, speaker=speaker, where=where)
    return rows
