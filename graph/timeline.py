"""The history of a figure, commitment or entity as a chart to look at: one self-contained HTML file
(plotly, its script inlined: no request to any other host).

A figure's values over time across letters (x: the document's date, y: the value), points coloured
by how each statement relates to the first one (first stated, repeated, restated, updated,
conflicts, questioned). A commitment's due moments (y: the end of the period it is due in) against
when it was said, its moves drawn as arrows. An entity's or reference's mentions per document.
Every point is labelled with document and date; clicking it opens its quote, with its place and
page, in the panel beside the chart, and the table under the chart lists every point."""

from __future__ import annotations

import calendar
import html
import json
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

COLOURS = {  # relation -> colour (the graph view's palette)
    "first stated": "#4c72b0", "first mentioned": "#4c72b0", "repeated": "#8c8c8c", "mentioned": "#8c8c8c",
    "restated": "#55a868", "restates": "#55a868", "updated": "#dd8452", "updates": "#dd8452",
    "conflicts": "#c44e52", "questioned": "#da8bc3", "moved to": "#c44e52", "moved from": "#937860",
    "chased": "#da8bc3", "related": "#8172b3",
}  # fmt: skip
SYMBOLS = {"questioned": "circle-open", "chased": "circle-open", "moved to": "triangle-up", "updated": "diamond",
           "conflicts": "x", "restated": "square"}  # fmt: skip


def _label(row: dict[str, Any]) -> str:
    where = ", ".join(x for x in (row.get("where"), row.get("page") and f"p. {row['page']}") if x)
    return f"{row['doc']} ({row.get('date') or 'zonder datum'}){': ' + where if where else ''}"


def due_of(commitments: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """(document, quote) of each commitment mention -> the commitment (from the build's table), so
    that a commitment's points can be drawn at their due moment."""
    found = {}
    for c in commitments:
        for m in c.get("mentions", ()):
            found[(m["doc"], m["text"])] = c
    return found


def _end_of(period: str | None) -> str | None:
    """The last day of "2026", "2026-07" or a date: a commitment is due by the end of its period."""
    if not period:
        return None
    parts = period.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-{calendar.monthrange(int(parts[0]), int(parts[1]))[1]:02d}"
    return period


def points(rows: list[dict[str, Any]], commitments: Iterable[dict[str, Any]] = ()) -> tuple[str, list[dict[str, Any]]]:
    """(mode, the points): mode is "value" for a figure, "due" when the rows are a commitment's,
    else "document"; each point is a trace row with x, y and its label."""
    if rows and all(r.get("value") is not None and "claim" in r for r in rows):
        mode = "value"
    else:
        dues = due_of(commitments)
        mode = "due" if any((r["doc"], r["text"]) in dues for r in rows) else "document"
    out = []
    for k, r in enumerate(rows):
        p = {**r, "n": k, "label": _label(r), "x": r.get("date"), "y": None}
        if mode == "value":
            p["y"] = r["value"]
        elif mode == "due":
            c = dues.get((r["doc"], r["text"]))
            p["due"] = c.get("due") if c else None
            p["y"] = _end_of(c.get("due_until")) if c else None
        else:
            p["y"] = r["doc"]
        out.append(p)
    return mode, out


def figure(rows: list[dict[str, Any]], title: str = "", commitments: Iterable[dict[str, Any]] = ()):
    """The plotly figure of a trace (for a notebook: display it, or write it with write_timeline)."""
    import plotly.graph_objects as go

    mode, pts = points(rows, commitments)
    scale, unit = _scale(rows) if mode == "value" else (1, "")
    if scale != 1:
        pts = [{**p, "y": p["y"] / scale} for p in pts]
    fig = go.Figure()
    drawn = [p for p in pts if p["x"] and p["y"] is not None]
    if mode == "value":  # the chain of values through time, under the points
        fig.add_trace(go.Scatter(x=[p["x"] for p in drawn], y=[p["y"] for p in drawn], mode="lines",
                                 line={"color": "#cccccc", "width": 1}, hoverinfo="skip", showlegend=False))  # fmt: skip
    for relation in dict.fromkeys(p["relation"] for p in drawn):
        group = [p for p in drawn if p["relation"] == relation]
        fig.add_trace(go.Scatter(
            x=[p["x"] for p in group], y=[p["y"] for p in group], mode="markers+text", name=relation,
            marker={"size": 13, "color": COLOURS.get(relation, "#8172b3"), "symbol": SYMBOLS.get(relation, "circle"),
                    "line": {"width": 1, "color": "#333333"}},
            text=[f"{p['doc'][:12]} {p.get('date') or ''}" for p in group], textposition="top center", textfont={"size": 9},
            customdata=[p["n"] for p in group],
            hovertext=[f"{p['label']}<br>{html.escape(_short(p['text']))}" for p in group], hoverinfo="text",
        ))  # fmt: skip
    if mode == "due":
        _arrows(fig, pts)
    fig.update_layout(
        template="plotly_white", height=520, margin={"l": 70, "r": 20, "t": 60, "b": 50},
        xaxis={"title": "datum van het document", "type": "date"},
        separators=",.",
        yaxis={"title": {"value": f"waarde ({unit})" if unit else "waarde", "due": "uiterlijk", "document": ""}[mode],
               "type": {"value": "linear", "due": "date", "document": "category"}[mode]},
        legend={"title": {"text": "relatie"}}, clickmode="event", title=title or None,
    )  # fmt: skip
    return fig


def _arrows(fig, pts: list[dict[str, Any]]) -> None:
    """A moved commitment: an arrow from each earlier due moment to the later one said after it."""
    said = sorted((p for p in pts if p["x"] and p["y"]), key=lambda p: (p["x"], p["n"]))
    for before, after in zip(said, said[1:], strict=False):
        if after["relation"] in ("moved to", "moved from") and after["y"] != before["y"]:
            fig.add_annotation(x=after["x"], y=after["y"], ax=before["x"], ay=before["y"], xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=2, arrowcolor="#c44e52")  # fmt: skip


def _scale(rows: list[dict[str, Any]]) -> tuple[float, str]:
    """Values in euro drawn in miljarden or miljoenen, as the letters write them."""
    unit = next((r.get("unit") for r in rows if r.get("unit")), None) or ""
    top = max((abs(float(r["value"])) for r in rows), default=0)
    if unit == "EUR" and top >= 1e9:
        return 1e9, "€ mld"
    if unit == "EUR" and top >= 1e6:
        return 1e6, "€ mln"
    return 1, {"EUR": "€", "percent": "%"}.get(unit, unit)


def _short(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def timeline_html(rows: list[dict[str, Any]], title: str, commitments: Iterable[dict[str, Any]] = ()) -> str:
    """The whole page: chart, quote panel and table of every point (undated ones too)."""
    fig = figure(rows, "", commitments)
    _, pts = points(rows, commitments)
    chart = fig.to_html(include_plotlyjs=True, full_html=False, div_id="timeline",
                        config={"displaylogo": False, "responsive": True})  # fmt: skip
    data = [{k: p.get(k) for k in ("n", "label", "text", "context", "relation", "due", "value", "speaker")} for p in pts]
    table = "".join(
        f'<tr data-n="{p["n"]}"><td>{html.escape(p.get("date") or "zonder datum")}</td><td>{html.escape(p["doc"])}</td>'
        f'<td>{html.escape(p.get("where") or "")}</td><td>{p.get("page") or ""}</td><td>{html.escape(p["relation"])}</td>'
        f'<td>{html.escape(str(p.get("due") or p.get("value") or ""))}</td><td>{html.escape(p["text"])}</td></tr>'
        for p in pts
    )
    undated = sum(1 for p in pts if not p["x"] or p["y"] is None)
    note = f"<p>{undated} vermelding(en) zonder datum of termijn staan alleen in de tabel.</p>" if undated else ""
    from graph.html import fill

    page = files("graph.templates").joinpath("timeline.html").read_text(encoding="utf-8")
    return fill(page, {"TITLE": html.escape(title), "NOTE": note, "TABLE": table, "CHART": chart,
                       "DATA": json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")})  # fmt: skip


def write_timeline(rows: list[dict[str, Any]], path: Path, title: str, commitments: Iterable[dict[str, Any]] = ()) -> Path:
    from graph.store import write_atomically

    write_atomically(Path(path), timeline_html(rows, title, commitments))
    return Path(path)
