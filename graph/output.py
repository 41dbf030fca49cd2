"""One set of output formats for every command that prints rows: jsonl, json, csv, table, and xlsx
(a spreadsheet, written to the file named by -o, never to a terminal)."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import orjson

FORMATS = ("jsonl", "json", "csv", "table", "xlsx")


def json_line(row: Any, sort_keys: bool = False) -> str:
    """One JSON line, compact, UTF-8 as is (orjson: ten times the speed of the json module, which
    counts at a hundred thousand claims)."""
    return orjson.dumps(row, option=orjson.OPT_SORT_KEYS if sort_keys else 0).decode("utf-8") + "\n"


def _cell(value: Any) -> str:
    if value.__class__ is str:  # most cells: no further test
        return value
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
    if fmt == "xlsx":
        return write_xlsx(list(rows), columns)
    if fmt == "jsonl":
        for row in rows:
            out.write(json_line(row))
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
    cells = [[_short(_cell(row.get(c)), width) for c in cols] for row in rows]
    if len(rows) > RICH_ROWS:
        _plain_table(cols, cells, out)
        return len(rows)
    from rich.console import Console
    from rich.table import Table

    table = Table(*cols, show_lines=False, highlight=False)
    for line in cells:
        table.add_row(*line)
    Console(file=out, width=max(120, len(cols) * 18), soft_wrap=False).print(table)
    return len(rows)


RICH_ROWS = 1000  # rich lays a table out at about 2 ms a row: a longer one is printed in plain columns


def _short(text: str, width: int) -> str:
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.replace("\n", " ") if "\n" in text else text


def _plain_table(cols: Sequence[str], cells: list[list[str]], out: TextIO) -> None:
    """Columns padded to their widest cell, a rule under the header: one line a row."""
    columns = list(zip(*cells, strict=True)) or [()] * len(cols)
    widths = [max((len(c), *map(len, column))) for c, column in zip(cols, columns, strict=True)]
    line_format = "  ".join(f"{{:<{w}}}" for w in widths)  # one str.format a row, not a pad a cell
    out.write(line_format.format(*cols).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    out.writelines(line_format.format(*line).rstrip() + "\n" for line in cells)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _typed(value: Any) -> Any:
    """A spreadsheet cell: numbers and booleans as themselves, ISO dates as dates, lists joined,
    anything else as text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, list | tuple):
        return "; ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_xlsx(rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> int:
    """One sheet with a frozen header, typed cells, every column of the rows (the given ones
    first), written atomically to the file the command's -o names."""
    import click
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    target = click.get_current_context().meta.get(OUTPUT_KEY)
    if target is None:
        raise click.UsageError("--format xlsx writes a file: give it with -o FILE.xlsx")
    cols = list(columns or [])
    for row in rows:
        cols.extend(k for k in row if k not in cols)
    book = Workbook()
    sheet = book.active
    sheet.title = "dkg"
    sheet.append(cols)
    for row in rows:
        sheet.append([_typed(row.get(c)) for c in cols])
    sheet.freeze_panes = "A2"
    for k, c in enumerate(cols, 1):
        sheet.column_dimensions[get_column_letter(k)].width = 60 if c in ("text", "quote", "context", "question") else 18
    for cell in (cell for r in sheet.iter_rows(min_row=2) for cell in r):
        if isinstance(cell.value, datetime.date):
            cell.number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    from graph.store import write_atomically

    try:
        write_atomically(Path(target), buffer.getvalue())
    except OSError as exc:
        raise click.ClickException(f"{target}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"{len(rows)} rows -> {target}", err=True)
    return len(rows)


OUTPUT_KEY = "dkg.output"
