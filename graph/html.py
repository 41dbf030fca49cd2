"""One self-contained HTML file to look at the graph: pyvis with our own template (vis-network
inlined, no request to any other host), node colour and shape by type with a legend and type
filters, size by degree, a search box, tooltips with the quote, document and date. Positions are
computed beforehand with networkx and physics is off, so that thousands of nodes draw at once."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

STYLE = {  # type: (colour, shape)
    "document": ("#4c72b0", "box"),
    "question": ("#b3b3b3", "dot"),
    "claim": ("#dd8452", "diamond"),
    "commitment": ("#c44e52", "triangle"),
    "programme": ("#55a868", "dot"),
    "organisation": ("#8172b3", "dot"),
    "reference": ("#937860", "square"),
    "person": ("#da8bc3", "star"),
    "fractie": ("#ccb974", "hexagon"),
}
OVERVIEW_LIMIT = 300


def _js(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each /*NAME*/ marker replaced, in one pass: text put in (a document's, a
    library's) is never searched for markers again."""
    return re.sub(r"/\*([A-Z_]+)\*/", lambda m: values.get(m.group(1), m.group(0)), template)


def _tooltip(g: nx.MultiDiGraph, node: str, data: dict[str, Any]) -> str:
    lines = [f"{data['type']}: {data['label']}"]
    where = " ".join(str(data[k]) for k in ("doc", "date") if data.get(k))
    if data.get("page"):
        where += f", p. {data['page']}"
    if where:
        lines.append(where)
    if data.get("documents"):  # the overview: in how many documents of the archive it is mentioned
        lines.append(f"in {data['documents']} document(en)")
    quote = data.get("quote")
    if not quote:
        quote = next((e.get("evidence") for *_, e in g.in_edges(node, data=True) if e.get("evidence")), None) or next(
            (e.get("evidence") for *_, e in g.out_edges(node, data=True) if e.get("evidence")), None
        )
    if quote:
        lines.append(f"“{str(quote)[:400]}”")
    return "\n".join(lines)


def overview(g: nx.MultiDiGraph, kinds: set[str] | None = None, limit: int = OVERVIEW_LIMIT) -> nx.MultiDiGraph:
    """The whole corpus at a glance: questions folded into their documents, the best connected
    nodes kept, so that the picture is a map and not a hairball."""
    doc_of = {}
    for node, data in g.nodes(data=True):
        if data["type"] == "question":
            doc_of[node] = next((t for _, t, k in g.out_edges(node, keys=True) if k == "in"), None)
    h = nx.MultiDiGraph()
    for a, b, data in g.edges(data=True):
        a2, b2 = doc_of.get(a, a), doc_of.get(b, b)
        if a2 is None or b2 is None or a2 == b2:
            continue
        kind = data["type"]
        if not h.has_edge(a2, b2, key=kind):
            h.add_edge(a2, b2, key=kind, **data)
    for node in h.nodes:
        h.nodes[node].update(g.nodes[node])
    if kinds:
        h = h.subgraph([n for n, d in h.nodes(data=True) if d["type"] in kinds]).copy()
    ranked = sorted(h.nodes, key=lambda n: (-h.degree(n), n))
    docs = [n for n in h.nodes if h.nodes[n]["type"] == "document"]
    keep = list(dict.fromkeys(docs + ranked))[:limit]
    return h.subgraph(keep).copy()


def layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions computed once (seeded: the same graph gives the same picture)."""
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(g.to_undirected(as_view=True))
    scale = 120 * max(10, g.number_of_nodes()) ** 0.5
    # a force layout costs about n² per iteration: fewer iterations for large views (2,000 nodes in ~4 s)
    iterations = 60 if g.number_of_nodes() <= 300 else 20
    return nx.spring_layout(simple, seed=7, iterations=iterations, scale=scale)


TEXT_BUDGET = 3_000_000  # characters of document text a view carries for its text search


def text_passages(build: Path | None, g: nx.MultiDiGraph, budget: int = TEXT_BUDGET) -> dict[str, Any]:
    """The passages of the view's documents from the build's search index, for the view's text
    search: each with its document node, place, page, text and stemmed words; and the vocabulary
    (folded word -> stem) of those passages. Documents past the budget are left out, and said."""
    empty = {"items": [], "vocabulary": {}, "note": " (deze build heeft geen zoekindex)"}
    if build is None:
        return empty
    from graph.fulltext import SearchError, open_index, terms, vocabulary

    try:
        db = open_index(build)
    except SearchError:
        return empty
    wanted = sorted(n for n, d in g.nodes(data=True) if d["type"] == "document")
    items, size, left_out = [], 0, 0
    try:
        for node in wanted:
            rows = db.execute("""SELECT d.name, p.place, p.page, p.text FROM doc d JOIN passage p ON p.key = d.key
                                 WHERE d.iri = ? ORDER BY d.name, p.start""", (node,)).fetchall()  # fmt: skip
            length = sum(len(r["text"]) for r in rows)
            if size + length > budget:
                left_out += 1
                continue
            size += length
            for r in rows:
                items.append({"node": node, "doc": r["name"], "where": r["place"], "page": r["page"], "text": r["text"],
                              "terms": terms(r["text"])})  # fmt: skip
    finally:
        db.close()
    note = f" (de tekst van {left_out} document(en) past niet in dit bestand: zoek met dkg search)" if left_out else ""
    return {"items": items, "vocabulary": vocabulary(i["text"] for i in items), "note": note}


def write_html(g: nx.MultiDiGraph, path: Path, heading: str = "dkg", build: Path | None = None) -> Path:
    from pyvis.network import Network

    positions = layout(g)
    degrees = dict(g.degree())
    net = Network(directed=True, height="100vh", width="100%", cdn_resources="remote")
    template = files("graph.templates").joinpath("view.html")
    net.set_template_dir(str(Path(str(template)).parent) + "/", "view.html")
    for node, data in sorted(g.nodes(data=True)):
        colour, shape = STYLE.get(data["type"], ("#999999", "dot"))
        x, y = positions.get(node, (0.0, 0.0))
        net.add_node(
            node, label=str(data["label"])[:60], group=data["type"], color=colour, shape=shape,
            size=8 + 3 * min(degrees.get(node, 0), 20) ** 0.8, x=float(x), y=float(y), physics=False,
            text=_tooltip(g, node, data),
        )  # fmt: skip
    for a, b, _key, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        net.add_edge(a, b, title=data["type"], label=None, arrows="to", color="#cccccc")
    groups = {t: {"color": c, "shape": shape} for t, (c, shape) in STYLE.items()}
    net.set_options(json.dumps({
        "physics": {"enabled": False}, "interaction": {"hover": True, "tooltipDelay": 100},
        "edges": {"smooth": False, "width": 0.6}, "nodes": {"font": {"size": 11}}, "groups": groups,
    }))  # fmt: skip
    html = net.generate_html()
    counts = Counter(d["type"] for _, d in g.nodes(data=True))
    legend = {t: {"color": STYLE.get(t, ("#999999", ""))[0], "count": counts[t]} for t in sorted(counts)}
    lib = Path(_pyvis_lib())
    html = fill(html, {
        "VIS_JS": (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        "VIS_CSS": (lib / "vis-network.css").read_text(encoding="utf-8"),
        "LEGEND": _js(legend), "HEADING": _js(heading), "PASSAGES": _js(text_passages(build, g)),
    })  # fmt: skip
    from graph.store import write_atomically

    write_atomically(Path(path), html)
    return Path(path)


def _pyvis_lib() -> str:
    import pyvis

    return str(Path(pyvis.__file__).parent / "lib" / "vis-9.1.2")
