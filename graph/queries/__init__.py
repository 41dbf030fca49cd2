"""Named SPARQL queries, one .rq file each; the comment lines at the top document them.

The files directly here are the analyst's named queries (`dkg query --list`, each with a golden
result). Those under internal/ are the building blocks of `dkg trace` and of the readers of a
graph without tables (a Turtle file): loadable by name, not listed.
"""

from __future__ import annotations

from importlib.resources import files


def load_query(name: str) -> str:
    for folder in (files("graph.queries"), files("graph.queries").joinpath("internal")):
        resource = folder.joinpath(f"{name}.rq")
        if resource.is_file():
            return resource.read_text(encoding="utf-8")
    raise KeyError(name)


def query_names() -> list[str]:
    return _names(files("graph.queries"))


def internal_query_names() -> list[str]:
    return _names(files("graph.queries").joinpath("internal"))


def _names(folder) -> list[str]:
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))
