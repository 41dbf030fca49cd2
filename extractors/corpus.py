"""Loading many documents: the bundled sample corpus, and a stream of parsed documents in which
a bad file becomes a `Failed` record instead of stopping the run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from extractors.document import Document
from extractors.parse import parse_document
from extractors.reading import ReadError, Skipped, expand_paths, read_file


def sample_corpus_dir() -> Path:
    """The folder of the bundled sample corpus (five documents on the 2026 Defence budget)."""
    resource = files("extractors.data").joinpath("corpus")
    with as_file(resource) as path:  # a real folder for a normal or editable install
        return Path(path)


def sample_paths() -> list[Path]:
    return sorted(sample_corpus_dir().glob("*.txt"))


@dataclass(frozen=True)
class Failed:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def load_documents(paths: Iterable[Path | str]) -> Iterator[Document | Failed | Skipped]:
    """Parse every document under paths, in order; bad files are reported, never fatal."""
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            source = read_file(item)
        except ReadError as exc:
            yield Failed(str(item), exc.reason)
            continue
        yield parse_document(source)
