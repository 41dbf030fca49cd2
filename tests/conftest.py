from __future__ import annotations

from pathlib import Path

import pytest

from extractors.corpus import sample_corpus_dir
from extractors.document import Document
from extractors.parse import parse_document
from extractors.reading import read_file

CORPUS = sample_corpus_dir()


def corpus_file(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


_cache: dict[str, Document] = {}


def load(prefix: str) -> Document:
    if prefix not in _cache:
        _cache[prefix] = parse_document(read_file(corpus_file(prefix)))
    return _cache[prefix]


@pytest.fixture(scope="session")
def docs() -> dict[str, Document]:
    return {p: load(p) for p in ("000", "001", "002", "003", "004")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A folder written by `dkg build` from the bundled corpus."""
    from click.testing import CliRunner

    from graph.cli import main

    out = tmp_path_factory.mktemp("graph")
    assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0
    return out
