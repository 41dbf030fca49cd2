"""Reading files into text: decoding, sniffing bad input, walking folders.

Offsets everywhere in dkg refer to the string returned here: the file decoded, newlines kept as
they are. A UTF-8 byte-order mark is dropped (it is not text); that is reported as a warning.
"""

from __future__ import annotations

import functools
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md", ".pdf", ".xml", ".html", ".htm")
_BOM = b"\xef\xbb\xbf"
# Control characters that never occur in a real text document (tab, LF, CR and FF do).
_BINARY_CONTROLS = set(range(0, 9)) | {11} | set(range(14, 32))


class ReadError(Exception):
    """A document that cannot be read; the message names the reason, `path` the file."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    """A decoded document: its name, path, text and what was noticed while decoding."""

    name: str
    path: str
    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default=())
    pages: tuple[int, ...] = ()  # where each page begins in text (a PDF); empty for plain text
    metadata: tuple[tuple[str, str], ...] = ()  # what the publisher records of it (extractors/metadata.py)


def decode(data: bytes, path: Path | str) -> SourceText:
    """Decode bytes as UTF-8 (BOM or CP1252 accepted with a warning); raise ReadError otherwise."""
    path = Path(path)
    if not data.strip():
        raise ReadError(path, "empty file" if not data else "file holds only white space")
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark, as Windows tools export
        return _utf16(data, path)
    nuls = data.count(b"\x00")
    # a stray NUL is one in a text (at most one in 200 bytes); more of them, or other controls: binary
    if nuls * 200 > len(data) or _looks_binary(data[:8192].replace(b"\x00", b"")):
        raise ReadError(path, "binary file, not text")
    if nuls:  # a stray NUL in a text: taken out, and said
        data = data.replace(b"\x00", b"")
        warnings.append(f"{path.name}: {nuls} NUL byte(s) removed; offsets count without them")
    encoding = "utf-8"
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
        encoding = "utf-8-sig"
        warnings.append(f"{path.name}: UTF-8 byte-order mark removed; offsets count from after it")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ReadError(path, f"not UTF-8 and not CP1252 (byte {exc.start}: {exc.reason})") from None
        encoding = "cp1252"
        warnings.append(f"{path.name}: not UTF-8 (byte {exc.start}); read as CP1252")
    if not text.strip():
        raise ReadError(path, "file holds only white space")
    return SourceText(path.name, str(path), text, encoding, tuple(warnings))


def _utf16(data: bytes, path: Path) -> SourceText:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"UTF-16 byte-order mark, but not UTF-16 (byte {exc.start}: {exc.reason})") from None
    if not text.strip():
        raise ReadError(path, "file holds only white space")
    return SourceText(path.name, str(path), text, "utf-16", (f"{path.name}: read as UTF-16 (byte-order mark)",))


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for b in head if b in _BINARY_CONTROLS)
    return controls > max(2, len(head) // 100)


def read_file(path: Path | str) -> SourceText:
    """Read one document; raise ReadError (with the file and the reason) when it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError(path, "is a folder") from None
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    if data.startswith(b"%PDF-"):  # recognised by its bytes, whatever its name
        return _pdf(data, path)
    from extractors.markup import kind_of

    markup = kind_of(data, path.suffix)
    if markup is not None:
        return _markup(data, path, markup)
    return decode(data, path)


RECORD_REASON = "a metadata record, not a document: it is read with the publication beside it"
LIST_REASON = "a ParlaMint person or organisation list, not a document: it is read with the sittings"


def _not_a_document(path: Path) -> str | None:
    """Why a file found in a folder is no document of its own (a metadata record, a person list)."""
    if path.name == "metadata.xml" or path.name.endswith((".metadata.xml", "-metadata.xml")):
        return RECORD_REASON
    if path.name.endswith(("listPerson.xml", "listOrg.xml")):
        return LIST_REASON
    return None


def _markup(data: bytes, path: Path, kind: str) -> SourceText:
    from extractors import metadata
    from extractors.markup import MarkupError, read_html, read_xml

    if kind == "xml" and metadata.is_record(data):
        raise ReadError(path, RECORD_REASON)
    try:
        text = read_xml(data, _people_beside(path)) if kind == "xml" else read_html(data)
        names = metadata.from_xml(ET.fromstring(data)) if kind == "xml" else metadata.from_html(data)
    except (MarkupError, ET.ParseError) as exc:
        raise ReadError(path, str(exc)) from None
    record = metadata.record_beside(path)
    if record is not None:
        names = {**names, **metadata.read_record(record)}  # the record decides where both say
    return SourceText(path.name, str(path), text, kind, metadata=tuple(sorted(metadata.facts(names).items())))


def _people_beside(path: Path):
    """The ParlaMint person list of the corpus a sitting belongs to (`*-listPerson.xml` in its
    folder or up to two folders above), read once per process."""
    for folder in (path.parent, *list(path.parents)[1:3]):
        found = sorted(folder.glob("*listPerson.xml"))
        if found:
            return _read_people(str(found[0]))
    return None


@functools.lru_cache(maxsize=4)
def _read_people(path: str):
    from extractors.markup import MarkupError, read_people

    try:
        return read_people(Path(path).read_bytes())
    except (OSError, ET.ParseError, MarkupError):
        return None


def _pdf(data: bytes, path: Path) -> SourceText:
    from extractors.pdf import PdfError, read_pdf

    try:
        pdf = read_pdf(data)
    except PdfError as exc:
        raise ReadError(path, str(exc)) from None
    return SourceText(path.name, str(path), pdf.text, "pdf", (), pdf.pages)


@dataclass(frozen=True)
class Skipped:
    """A file passed over while walking a folder (not a document type dkg reads)."""

    path: str
    reason: str


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path | Skipped]:
    """Yield the document files named or found (recursively, sorted) under the given paths.

    A file given by name is always yielded (reading it reports what is wrong with it); inside
    folders only .txt and .md files are taken and the others are reported as skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    child = Path(root) / name
                    if name.startswith("."):
                        continue
                    if (why := _not_a_document(child)) is not None:
                        yield Skipped(str(child), why)
                    elif child.suffix.lower() in TEXT_SUFFIXES:
                        yield child
                    else:
                        yield Skipped(str(child), f"not a .txt, .md, .pdf, .xml or .html file ({child.suffix or 'no suffix'})")
        elif path.exists() and path.suffix.lower() not in TEXT_SUFFIXES:
            yield Skipped(str(path), f"not a .txt, .md, .pdf, .xml or .html file ({path.suffix or 'no suffix'})")
        else:
            yield path
