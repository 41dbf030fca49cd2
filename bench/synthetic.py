"""Synthetic archives made from the bundled corpus: copy k of a document has its figures, years,
Kamerstuk and reference numbers and person names varied, so that claims do not all collapse into
one, while the text stays the kind dkg reads (the same phrasing, layout and structure).

    python bench/synthetic.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from extractors.corpus import sample_paths

SURNAMES = [
    "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
]  # fmt: skip
NAMES = ["Yeşilgöz-Zegerius", "Yesilgöz-Zegerius", "Boswijk", "Paternotte", "Timmermans", "Piri", "Manten"]
_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+(?!\d)|\d+(?:,\d+)?")
_UNIT = re.compile(r"\s?(?:%|procent|miljoen|miljard|mln|mld|mrd)")


def vary(text: str, k: int) -> str:
    """Copy k of a text: years shifted by k mod 5; Kamerstuk and other numbers of three digits or
    more moved by k (every copy its own dossier, volgnummer and reference numbers, so its own
    document); figures (a decimal, or a number before % or an amount's unit) moved by k mod 20,
    so that each figure recurs in a twentieth of the copies, as a figure does across letters; other
    one and two digit numbers (days, question numbers) kept; the persons' surnames swapped."""
    if k == 0:
        return text

    def number(m: re.Match[str]) -> str:
        digits = m.group()
        if " " in digits:  # a Kamerstuk dossier ("36 800"): grouped in thousands
            return f"{int(digits.replace(' ', '')) + k:,}".replace(",", " ")
        whole, comma, fraction = digits.partition(",")
        n = int(whole)
        if comma or _UNIT.match(text, m.end()):
            return f"{n + k % 20}{comma}{fraction}"
        if len(whole) == 4 and 1990 <= n <= 2099:
            return str(n + k % 5)
        if len(whole) >= 3:
            return str(n + k).zfill(len(whole))
        return whole

    text = _NUMBER.sub(number, text)
    surname = SURNAMES[k % len(SURNAMES)]
    for name in NAMES:
        text = text.replace(name, surname)
    return text


def make_corpus(n: int, folder: Path) -> list[Path]:
    """n documents in folder (made once: an existing file is kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [(p.name, p.read_text(encoding="utf-8")) for p in sample_paths()]
    paths = []
    for k in range(n):
        name, text = sources[k % len(sources)]
        path = folder / f"{k:05d}_{name}"
        if not path.exists():
            path.write_text(vary(text, k // len(sources)), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    make_corpus(int(sys.argv[1]), Path(sys.argv[2]))
