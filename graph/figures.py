"""The figures of documents as rows and as a pandas DataFrame: one row per figure, with the
document, the question or answer it sits in, the quote, value, unit and qualifier."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from extractors.document import Document
from extractors.locate import locator
from extractors.registry import extract_mentions

FIGURE_KINDS = ("amount", "percentage", "quantity", "date")
COLUMNS = ["doc", "date", "where", "kind", "text", "value", "unit", "qualifier", "start", "end"]


def _unit(row: dict[str, Any]) -> str | None:
    kind = row["kind"]
    if kind == "amount":
        unit = row.get("currency")
        return f"{unit}/{row['per']}" if unit and row.get("per") else unit
    if kind == "percentage":
        return f"% {row['of']}" if row.get("of") else "%"
    if kind == "quantity":
        return row.get("unit")
    if kind == "date":
        return f"until {row['until']}" if row.get("until") else None
    return None


def figure_rows(docs: Iterable[Document], kinds: Iterable[str] = FIGURE_KINDS) -> Iterator[dict[str, Any]]:
    kinds = tuple(kinds)
    for doc in docs:
        where = locator(doc)
        for m in extract_mentions(doc, kinds):
            row = m.to_json()
            value = row["value"]
            if m.kind == "amount" and value is None and row.get("min") is not None:
                value = f"{row['min']}..{row['max']}"
            yield {
                "doc": doc.name, "date": doc.date, "where": where.where(m.start), "kind": m.kind,
                "text": m.text, "value": value, "unit": _unit(row), "qualifier": row.get("qualifier"),
                "start": m.start, "end": m.end,
            }  # fmt: skip


def figures_frame(docs: Iterable[Document], kinds: Iterable[str] = FIGURE_KINDS):
    """A pandas DataFrame of figure_rows (pandas imported only when asked for)."""
    import pandas as pd

    return pd.DataFrame(list(figure_rows(docs, kinds)), columns=COLUMNS)
