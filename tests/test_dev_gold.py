"""The hand-made annotations of two corpus documents (vendored in tests/data/dev-gold), scored
with the project's scorer exactly as an analyst would run it on `dkg extract` output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.corpus import sample_paths
from extractors.parse import parse_document
from extractors.reading import read_file
from extractors.registry import extract_mentions

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for path in sample_paths():
            for m in extract_mentions(parse_document(read_file(path))):
                fh.write(json.dumps(m.to_json(), ensure_ascii=False) + "\n")
    return out


@pytest.mark.parametrize(("kinds", "minimum"), [("question", 0.98), ("amount,percentage", 0.98)])
def test_dev_gold_scores(predictions, kinds, minimum):
    result = subprocess.run(
        [sys.executable, str(DATA / "score.py"), str(DATA / "dev-gold"), "--pred", str(predictions),
         "--kinds", kinds, "--min-f1", str(minimum)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
