"""The command line, end to end with click's CliRunner: exact exit codes, messages and output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from tests.conftest import corpus_file

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture
def runner():
    return CliRunner()


def test_every_command_has_help_and_a_readme_entry(runner):
    readme = README.read_text(encoding="utf-8")
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, name
        assert f"dkg {name}" in readme, f"README does not describe dkg {name}"


def test_extract_jsonl_follows_the_contract(runner):
    path = corpus_file("002")
    result = runner.invoke(main, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    questions = [r for r in rows if r["kind"] == "question"]
    assert len(questions) == 63
    for r in rows:
        assert {"doc", "kind", "text", "start", "end", "value"} <= r.keys()
        assert r["doc"] == path.name
        assert text[r["start"] : r["end"]] == r["text"]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    q8 = next(r for r in questions if r["n"] == 8)
    assert q8["answered"] is True and q8["answer_refers_to"] == [6, 7] and q8["series"] is None


def test_extract_unknown_kind_is_a_usage_error(runner):
    result = runner.invoke(main, ["extract", str(corpus_file("002")), "--kinds", "nonsense"])
    assert result.exit_code == 2
    assert "unknown kind(s): nonsense" in result.output


def test_extract_reports_bad_files_and_goes_on(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Vragen en antwoorden\n\n1 Wat kost het?\n\nVeel.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'empty.txt'}: empty file" in result.stderr
    assert f"Error: {tmp_path / 'blob.txt'}: binary file, not text" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["n"], r["answered"]) for r in rows] == [("good.txt", 1, True)]


def test_missing_path_is_reported(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'gone.txt'}: no such file" in result.stderr


def test_build_without_paths_builds_the_bundled_corpus(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    m = re.search(r"(\d+) documents, (\d+) questions: (\d+) answered \((\d+) only by reference", result.stdout)
    assert m and m.group(1) == "5"
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) > 1000
    again = tmp_path / "again"
    runner.invoke(main, ["build", "--out", str(again)])
    assert (out / "graph.ttl").read_bytes() == (again / "graph.ttl").read_bytes()


def test_build_with_only_bad_files_writes_nothing(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(bad), "--out", str(out)])
    assert result.exit_code == 1
    assert "no document could be read; nothing written" in result.stderr
    assert not (out / "graph.ttl").exists()


def test_build_requires_out(runner):
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "Missing option '--out'" in result.output


def test_questions_filters(runner):
    result = runner.invoke(main, ["questions", "--open", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(not r["answered"] for r in rows)
    assert {r["doc"][:3] for r in rows} == {"003"}
    result = runner.invoke(main, ["questions", "--by-reference", "--fractie", "GL-PvdA", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == []
    result = runner.invoke(main, ["questions", str(corpus_file("001")), "--by-reference", "--format", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0] == "doc,series,n,asked_by,answered,answer_refers_to,question"
    assert len(lines) - 1 == 13  # X3 X4 X17 X19 X34 X35 X37 X41-X44 K3 K4


def test_questions_unknown_fractie_is_a_usage_error(runner):
    result = runner.invoke(main, ["questions", "--fractie", "Piratenpartij"])
    assert result.exit_code == 2
    assert "unknown fractie: Piratenpartij" in result.output


def test_every_format_command_writes_a_spreadsheet(runner, tmp_path):
    import datetime

    from openpyxl import load_workbook

    target = tmp_path / "figuren.xlsx"
    done = runner.invoke(main, ["figures", "--kind", "amount", "--kind", "date", "--format", "xlsx", "-o", str(target)])
    assert done.exit_code == 0, done.output
    assert done.stdout == ""  # never binary to the terminal
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2" and {"doc", "text", "value", "date"} <= set(header)
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    amounts = [r for r in rows if r["kind"] == "amount"]
    assert amounts and all(isinstance(r["value"], int | float) for r in amounts)  # numbers as numbers
    assert all(isinstance(r["date"], datetime.datetime) for r in rows if r["date"])  # dates as dates
    assert any(r["text"] == "€ 19,3 miljard" and r["value"] == 19_300_000_000 for r in amounts)
    missing = runner.invoke(main, ["questions", "--format", "xlsx"])
    assert missing.exit_code == 2 and "-o FILE.xlsx" in missing.output


def test_a_long_table_is_printed_in_plain_aligned_columns_with_every_row():
    import io

    from graph.output import RICH_ROWS, emit

    rows = [{"subject": f"onderwerp {i}", "value": i, "quote": "€ " + "9" * 120 if i == 7 else None}
            for i in range(RICH_ROWS + 5)]
    out = io.StringIO()
    assert emit(rows, "table", columns=["subject", "value", "quote"], out=out, width=40) == RICH_ROWS + 5
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["subject", "value", "quote"] and set(lines[1]) == {"-", " "}
    assert len(lines) == RICH_ROWS + 7
    # "onderwerp 1004" is the widest subject (14), "value" the widest value (5); two spaces between
    assert lines[2 + 7] == "onderwerp 7" + " " * 5 + "7" + " " * 6 + "€ " + "9" * 37 + "…"  # cut at the width
    assert lines[2 + 123] == "onderwerp 123   123"  # an empty last cell leaves no trailing blanks
    assert lines[-1] == f"onderwerp {RICH_ROWS + 4}  {RICH_ROWS + 4}"
    value_column = lines[0].index("value")
    assert all(line[value_column - 2 : value_column] == "  " for line in lines[2:])  # aligned
