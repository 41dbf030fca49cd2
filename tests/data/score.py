#!/usr/bin/env python3
"""Score `dkg extract --format jsonl` output against hand-made annotations.

Usage:
  dkg extract DOC... --format jsonl > pred.jsonl
  python score.py GOLD [GOLD...] --pred pred.jsonl [--kinds amount,percentage] [--min-f1 0.97]

GOLD is an annotation file (JSON) or a folder of them; --pred - reads standard input.
Only documents that have a gold file are scored. Standard library only.

What is compared, per document:
  amount, percentage  span overlap (one-to-one), then the value (and currency) of each match
  reference           span overlap, then the normalised value
  commitment          span overlap (the sentence or clause that makes the promise)
  question            numbered: (series, n) when the gold series is known, else n; unnumbered:
                      the gold question's first character lies inside the predicted span;
                      then `answered` and `answer_refers_to`
  person              distinct names, by value or text (case and diacritics ignored; a bare
                      surname matches the full name)
  programme           recall of the distinct names of organisations and programmes, predicted
                      as kind `organisation` or `programme` (value or text)
The last line printed is a one-line summary; with --min-f1 the exit code is 1 when any scored
kind falls below it.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

SPAN_KINDS = ("amount", "percentage", "reference", "commitment")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def load_gold(paths: list[str]) -> dict[str, dict]:
    gold = {}
    for p in paths:
        path = Path(p)
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        for f in files:
            data = json.loads(f.read_text(encoding="utf-8"))
            if "file" in data:
                gold[data["file"]] = data
    return gold


def load_pred(path: str) -> dict[str, list[dict]]:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for i, line in enumerate(stream, 1):
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            sys.exit(f"error: --pred line {i} is not JSON: {exc}")
        by_doc[Path(str(row.get("doc", ""))).name].append(row)
    return by_doc


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def same_number(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def match_spans(gold_items, pred_items):
    """Greedy one-to-one matching by largest overlap."""
    pairs = []
    for gi, g in enumerate(gold_items):
        gs, ge = g["char_offset"], g["char_offset"] + len(g["text"])
        for pi, p in enumerate(pred_items):
            try:
                ps, pe = int(p["start"]), int(p["end"])
            except (KeyError, TypeError, ValueError):
                continue
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, matches = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matches.append((gold_items[gi], pred_items[pi]))
    return matches


def score_spans(kind, gold_items, pred_items, stats, misses):
    matches = match_spans(gold_items, pred_items)
    s = stats[kind]
    s["gold"] += len(gold_items)
    s["pred"] += len(pred_items)
    s["tp"] += len(matches)
    for g, p in matches:
        if kind == "commitment":
            ok = True  # the span is what is scored
        elif kind == "reference":
            ok = fold(str(p.get("value") or "")) == fold(str(g.get("normalized") or g["text"]))
        else:
            ok = same_number(p.get("value"), g.get("value"))
            if kind == "amount":
                s["currency_ok"] += (p.get("currency") or "").upper() == (g.get("currency") or "").upper()
        s["value_ok"] += ok
        if not ok:
            want = g.get("normalized") if kind == "reference" else g.get("value")
            misses.append(f"  {kind} value  {g['text']!r}: got {p.get('value')!r}, want {want!r}")
    matched_g = {id(g) for g, _ in matches}
    matched_p = {id(p) for _, p in matches}
    for g in gold_items:
        if id(g) not in matched_g:
            misses.append(f"  {kind} missed @{g['char_offset']}: {g['text']!r}")
    for p in pred_items:
        if id(p) not in matched_p:
            misses.append(f"  {kind} extra  @{p.get('start')}: {p.get('text')!r}")


def score_questions(gold_qs, pred_qs, stats, misses):
    s = stats["question"]
    s["gold"] += len(gold_qs)
    s["pred"] += len(pred_qs)
    used = set()
    for g in gold_qs:
        hit = None
        if g.get("n_printed") is False or not isinstance(g.get("n"), int):
            for i, p in enumerate(pred_qs):
                try:
                    inside = int(p["start"]) <= g["char_offset"] < int(p["end"])
                except (KeyError, TypeError, ValueError):
                    inside = False
                if i not in used and inside:
                    hit = i
                    break
        else:
            for i, p in enumerate(pred_qs):
                if i in used or str(p.get("n")) != str(g["n"]):
                    continue
                if g.get("series") and fold(str(p.get("series") or "")) != fold(g["series"]):
                    continue
                hit = i
                break
        if hit is None:
            misses.append(f"  question missed: {g.get('id')} {g.get('q_text_start', '')[:50]!r}")
            continue
        used.add(hit)
        p = pred_qs[hit]
        s["tp"] += 1
        ok = bool(p.get("answered")) == bool(g.get("answered"))
        refs_ok = sorted(str(x) for x in p.get("answer_refers_to") or []) == sorted(
            str(x) for x in g.get("answer_refers_to") or []
        )
        s["value_ok"] += ok and refs_ok
        if not ok:
            misses.append(f"  question {g.get('id')}: answered={p.get('answered')!r}, want {g.get('answered')!r}")
        if not refs_ok:
            misses.append(
                f"  question {g.get('id')}: answer_refers_to={p.get('answer_refers_to')!r}, want {g.get('answer_refers_to')!r}"
            )


def names_match(gold_name: str, pred_name: str) -> bool:
    """Equal, or one is the other's surname part ("Piri" ~ "Kati Piri")."""
    g, p = fold(gold_name), fold(pred_name)
    return g == p or p.endswith(" " + g) or g.endswith(" " + p)


def score_names(kind, gold_names, pred_rows, stats, misses):
    """Distinct names; a prediction counts with its value or its text."""
    gold = sorted({fold(x) for x in gold_names if x})
    preds = {}
    for r in pred_rows:
        forms = [str(x) for x in (r.get("value"), r.get("text")) if x]
        if forms:
            preds.setdefault(fold(forms[0]), set()).update(forms)
    hit_gold = [g for g in gold if any(names_match(g, f) for fs in preds.values() for f in fs)]
    hit_pred = [k for k, fs in preds.items() if any(names_match(g, f) for g in gold for f in fs)]
    s = stats[kind]
    s["gold"] += len(gold)
    s["pred"] += len(preds)
    s["tp"] += len(hit_gold)
    s["value_ok"] += len(hit_gold)
    s["pred_ok"] += len(hit_pred)
    misses.extend(f"  {kind} missed: {g!r}" for g in gold if g not in hit_gold)
    misses.extend(f"  {kind} extra: {k!r}" for k in sorted(preds) if k not in hit_pred)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", help="gold JSON file(s) or folder(s)")
    ap.add_argument("--pred", required=True, help="JSON lines from `dkg extract --format jsonl`, or -")
    ap.add_argument("--kinds", default="amount,percentage,reference,question,person,programme")
    ap.add_argument("--min-f1", type=float, default=None)
    ap.add_argument("--show", type=int, default=40, help="how many misses to list")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    if not gold:
        sys.exit("error: no gold files found")
    pred = load_pred(args.pred)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    gold_key = {"amount": "amounts", "percentage": "percentages", "reference": "references", "commitment": "commitments"}

    for doc, g in sorted(gold.items()):
        rows = pred.get(doc, [])
        for kind in kinds:
            if kind in SPAN_KINDS:
                score_spans(kind, g.get(gold_key[kind], []), [r for r in rows if r.get("kind") == kind], stats, misses)
            elif kind == "question":
                score_questions(g.get("questions", []), [r for r in rows if r.get("kind") == "question"], stats, misses)
            elif kind == "person":
                score_names(
                    kind,
                    [p["name"] for p in g.get("persons", []) if p.get("mention_type") != "part_of_fractie_name"],
                    [r for r in rows if r.get("kind") == "person"],
                    stats,
                    misses,
                )
            elif kind == "programme":
                score_names(
                    kind,
                    [o.get("text") for o in g.get("organisations_programmes", [])],
                    [r for r in rows if r.get("kind") in ("organisation", "programme")],
                    stats,
                    misses,
                )

    print(f"documents scored: {len(gold)} ({', '.join(sorted(gold))})")
    print(f"{'kind':<11}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>7}{'R':>7}{'F1':>7}{'value':>8}")
    summary, failing = [], []
    for kind in kinds:
        s = stats[kind]
        if kind == "programme":
            p, r, f = prf(s["tp"], s["tp"], s["gold"])  # recall only: the gold list is not exhaustive
        elif kind == "person":
            p = s["pred_ok"] / s["pred"] if s["pred"] else 1.0
            r = s["tp"] / s["gold"] if s["gold"] else 1.0
            f = 2 * p * r / (p + r) if p + r else 0.0
        else:
            p, r, f = prf(s["tp"], s["pred"], s["gold"])
        val = s["value_ok"] / s["tp"] if s["tp"] else 0.0
        print(f"{kind:<11}{s['gold']:>6}{s['pred']:>6}{s['tp']:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}{val:>8.3f}")
        summary.append(f"{kind} F1={f:.3f} value={val:.3f}")
        if args.min_f1 is not None and (f < args.min_f1 or val < args.min_f1):
            failing.append(kind)
    if misses and args.show:
        print(f"misses (first {args.show} of {len(misses)}):")
        print("\n".join(misses[: args.show]))
    print(("FAIL " if failing else "") + "; ".join(summary))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
