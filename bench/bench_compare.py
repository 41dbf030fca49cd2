"""Side by side on the same text: dkg versus quantulum3 and price-parser on the hand-made
annotations of two corpus documents (tests/data/dev-gold): amounts found (recall), amount values
right, percentage values right, and speed.

    pip install quantulum3 price-parser
    python bench/bench_compare.py
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from extractors.corpus import sample_corpus_dir
from extractors.figures import figure_mentions
from extractors.parse import parse_document

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev-gold"


def load() -> list[tuple[str, dict]]:
    out = []
    for f in sorted(GOLD.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        out.append(((sample_corpus_dir() / gold["file"]).read_text(encoding="utf-8"), gold))
    return out


def close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score(found: list[tuple[int, int, float | None, str]], gold: dict) -> dict[str, float]:
    """found: (start, end, value, kind); a gold item is found when a found span overlaps it."""
    res = {"amount_found": 0, "amount_right": 0, "pct_found": 0, "pct_right": 0}
    for kind, key in (("amount", "amounts"), ("percentage", "percentages")):
        short = "amount" if kind == "amount" else "pct"
        for g in gold[key]:
            gs, ge = g["char_offset"], g["char_offset"] + len(g["text"])
            hits = [f for f in found if f[3] == kind and f[0] < ge and gs < f[1]]
            if hits:
                res[f"{short}_found"] += 1
                res[f"{short}_right"] += any(close(h[2], g["value"]) for h in hits)
    return res


def run_dkg(text: str) -> list[tuple[int, int, float | None, str]]:
    from extractors.reading import SourceText

    doc = parse_document(SourceText("x.txt", "x.txt", text, "utf-8"))
    return [(m.start, m.end, m.value, m.kind) for m in figure_mentions(doc) if m.kind in ("amount", "percentage")]


def run_quantulum(text: str) -> list[tuple[int, int, float | None, str]]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(text, lang="en_US"):
        unit = q.unit.name.lower()
        kind = (
            "percentage" if "percent" in unit else "amount" if (q.unit.entity and q.unit.entity.name == "currency") else "other"
        )
        out.append((q.span[0], q.span[1], float(q.value), kind))
    return out


def run_price_parser(text: str) -> list[tuple[int, int, float | None, str]]:
    from price_parser import Price

    out = []
    for m in re.finditer(r"[^.\n]+", text):  # one sentence at a time: price-parser reads one price
        price = Price.fromstring(m.group(0))
        if price.amount is not None:
            out.append((m.start(), m.end(), float(price.amount), "amount"))
    return out


def main() -> None:
    docs = load()
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    gold_amounts = sum(len(g["amounts"]) for _, g in docs)
    gold_pcts = sum(len(g["percentages"]) for _, g in docs)
    print(f"{size / 1e3:.0f} kB, {gold_amounts} gold amounts, {gold_pcts} gold percentages\n")
    print(f"{'tool':<14}{'amount recall':>14}{'amount values':>15}{'pct values':>12}{'MB/s':>10}")
    for name, fn in (("dkg", run_dkg), ("quantulum3", run_quantulum), ("price-parser", run_price_parser)):
        try:
            fn("warm up: € 5 miljoen en 3%")
        except ImportError:
            print(f"{name:<14} not installed (pip install quantulum3 price-parser)")
            continue
        totals = {"amount_found": 0, "amount_right": 0, "pct_found": 0, "pct_right": 0}
        t = time.perf_counter()
        results = [(fn(text), gold) for text, gold in docs]
        elapsed = time.perf_counter() - t
        for found, gold in results:
            for k, v in score(found, gold).items():
                totals[k] += v
        print(
            f"{name:<14}{totals['amount_found'] / gold_amounts:>14.0%}{totals['amount_right'] / gold_amounts:>15.0%}"
            f"{totals['pct_right'] / gold_pcts:>12.0%}{size / elapsed / 1e6:>10.3f}"
        )


if __name__ == "__main__":
    main()
