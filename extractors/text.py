"""Lines of a text with their offsets, and the small clean-ups the PDF conversion calls for."""

from __future__ import annotations

import re

from extractors.document import Line

_LINE = re.compile(r"[^\r\n]*")


def split_lines(text: str) -> list[Line]:
    """Every line of text with its offsets; the line ending (\\n, \\r\\n or \\r) is not part of it."""
    lines = []
    pos, n = 0, len(text)
    while pos <= n:
        m = _LINE.match(text, pos)
        assert m is not None
        lines.append(Line(m.start(), m.end(), m.group()))
        pos = m.end()
        if pos >= n:
            break
        pos += 2 if text.startswith("\r\n", pos) else 1
    return lines


# Markdown and list decoration left by the conversion: "## **Title**", "- **item**", "> quote".
_DECORATION = re.compile(r"^[\s>#]*(?:[-*·•]\s+)?(?:\*\*|\*|__)?\s*|\s*(?:\*\*|\*|__)?\s*$")


def strip_decoration(s: str) -> str:
    """The words of a line without markdown headings, emphasis and list markers around them."""
    return _DECORATION.sub("", s).strip()


def content_span(line: Line) -> tuple[int, int]:
    """Offsets of the line's text without the decoration around it."""
    text = line.text
    lead = re.match(r"^[\s>#]*(?:\*\*|\*|__)?\s*", text)
    trail = re.search(r"\s*(?:\*\*|\*|__)?\s*$", text)
    start = lead.end() if lead else 0
    end = trail.start() if trail else len(text)
    if end < start:
        end = start
    return line.start + start, line.start + end


_TERMINAL = re.compile(r"""[?.!)"”’'»]$""")


def ends_sentence(s: str) -> bool:
    """True when s (decoration removed) ends like a finished sentence or question."""
    s = s.rstrip().rstrip("*_").rstrip()
    return bool(_TERMINAL.search(s))
