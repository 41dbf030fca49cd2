"""Named SPARQL queries, one .rq file each; the comment lines at the top document them."""

from __future__ import annotations

from importlib.resources import files


def load_query(name: str) -> str:
    resource = files("graph.queries").joinpath(f"{name}.rq")
    if not resource.is_file():
        raise KeyError(name)
    return resource.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.name[:-3] for p in files("graph.queries").iterdir() if p.name.endswith(".rq"))
