"""One set of output formats for every command that prints rows: jsonl, json, csv, table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("jsonl", "json", "csv", "table")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def emit(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    out: TextIO | None = None,
    width: int = 70,
) -> int:
    """Write rows in fmt; table and csv show `columns` (all keys of the first row when None)."""
    out = out or sys.stdout
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    rows = list(rows)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return len(rows)
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
        return len(rows)
    from rich.console import Console
    from rich.table import Table

    table = Table(*cols, show_lines=False, highlight=False)
    for row in rows:
        cells = []
        for c in cols:
            text = _cell(row.get(c)).replace("\n", " ")
            cells.append(text if len(text) <= width else text[: width - 1] + "…")
        table.add_row(*cells)
    Console(file=out, width=max(120, len(cols) * 18), soft_wrap=False).print(table)
    return len(rows)
