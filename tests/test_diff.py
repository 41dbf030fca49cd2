"""dkg diff: what changed between two builds, as facts (expectations read off the letters: the
second build adds three documents and changes one figure)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from extractors.corpus import sample_paths
from graph.cli import main


def two_builds(root, old: dict[str, str], new: dict[str, str]):
    """The folders of two builds: of the documents `old` (file name: text), and of `new`."""
    for name, docs in (("old", old), ("new", new)):
        (root / f"{name}-docs").mkdir()
        for file, text in docs.items():
            (root / f"{name}-docs" / file).write_text(text, encoding="utf-8")
        done = CliRunner().invoke(main, ["build", str(root / f"{name}-docs"), "--out", str(root / name)])
        assert done.exit_code == 0, done.output
    return root / "old", root / "new"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    texts = {p.name: p.read_text(encoding="utf-8") for p in sample_paths()}
    later = {name: text.replace("1,15 miljard", "1,35 miljard") if name.startswith("002") else text
             for name, text in texts.items()}  # the figure changes in the later letter  # fmt: skip
    return two_builds(tmp_path_factory.mktemp("diff"), {n: t for n, t in texts.items() if n[:3] in ("001", "002")}, later)


def _facts(builds, *args):
    done = CliRunner().invoke(main, ["diff", str(builds[0]), str(builds[1]), "--as-of", "2026-11-23", "--format", "jsonl", *args])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_changed_figure_with_both_quotes_and_the_difference(builds):
    facts = _facts(builds, "--kind", "figure", "--subject", "defensie-industrie")
    (changed,) = [f for f in facts if f["change"] == "changed"]
    assert (changed["old"]["value"], changed["new"]["value"]) == (1_150_000_000, 1_350_000_000)
    assert changed["old"]["quote"] == "1,15 miljard" and changed["new"]["quote"] == "1,35 miljard"
    assert changed["difference"] == 200_000_000 and changed["percent"] == pytest.approx(17.39)
    assert changed["new"]["doc"].startswith("002") and changed["new"]["date"] == "2026-01-27"


def test_new_documents_questions_commitments_and_citations(builds):
    facts = _facts(builds)
    kinds = {(f["kind"], f["change"]) for f in facts}
    assert {("document", "new"), ("question", "asked"), ("commitment", "new"), ("citation", "first cited")} <= kinds
    added = {p.name for p in sample_paths() if p.name[:3] in ("000", "003", "004")}
    assert {f["subject"] for f in facts if f["kind"] == "document"} == added
    asked = [f for f in facts if f["kind"] == "question"]
    assert len(asked) == 48 + 15 + 17  # the questions of 003, 004 and 000, none of 001 or 002
    assert {f["new"]["fractie"] for f in _facts(builds, "--fractie", "CDA")} == {"CDA"}
    # the dossier filter: only what names 36800-X
    assert all("36800-X" in json.dumps(f) for f in _facts(builds, "--dossier", "36 800-X"))


def test_nothing_changed_between_a_build_and_itself(builds):
    done = CliRunner().invoke(main, ["diff", str(builds[1]), str(builds[1]), "--fail-on-change"])
    assert done.exit_code == 0
    changed = CliRunner().invoke(main, ["diff", str(builds[0]), str(builds[1]), "--fail-on-change", "--format", "jsonl"])
    assert changed.exit_code == 1 and changed.stdout  # for scripts: something changed


def test_the_atom_feed_has_one_stable_entry_per_change(builds):
    args = ["diff", str(builds[0]), str(builds[1]), "--as-of", "2026-11-23", "--format", "atom"]
    first, again = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert first.exit_code == 0 and first.stdout == again.stdout  # the same facts, the same feed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(first.stdout.encode()).findall("a:entry", ns)
    ids = [e.find("a:id", ns).text for e in entries]
    assert len(ids) == len(set(ids)) == len(_facts(builds))


def test_markdown_report(builds):
    done = CliRunner().invoke(main, ["diff", str(builds[0]), str(builds[1]), "--format", "markdown", "--kind", "figure"])
    assert done.exit_code == 0 and done.stdout.startswith("# What changed")
    assert "## Figures" in done.stdout and "1150000000 → 1350000000 (+17.39%)" in done.stdout


def test_a_folder_without_a_build_is_an_error(tmp_path, builds):
    done = CliRunner().invoke(main, ["diff", str(tmp_path), str(builds[1])])
    assert done.exit_code == 1 and "no build here" in done.stderr


# --- changes written by hand: a due moment moved by a later letter, an answer given, a figure changed ---

_HEAD = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026

36 812 Herinrichting van de oefenterreinen

Nr. {nr} BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, {date}

"""
_SIGNED = "\nDe staatssecretaris van Defensie,\nA. van Lint\n"

EARLY = _HEAD.format(nr=4, date="12 januari 2026") + (
    "Nederland draagt dit jaar € 48 miljoen bij aan de aankopen via PURL.\n\n"
    "Uw Kamer ontvangt de evaluatie van de natuurcompensatie op oefenterrein De Vlasakkers vóór het zomerreces van 2026.\n"
) + _SIGNED
EARLY_CHANGED = EARLY.replace("€ 48 miljoen", "€ 53 miljoen")
LATER = _HEAD.format(nr=9, date="22 juni 2026") + (
    "De tellingen van de broedvogels duren een seizoen langer. Daardoor stuur ik uw Kamer de evaluatie van de "
    "natuurcompensatie op oefenterrein De Vlasakkers pas in december 2026.\n"
) + _SIGNED
QUESTIONS = """Vragen en antwoorden

1 Welke oefenterreinen worden in 2026 heringericht?

{answer}2 Hoeveel geluidsklachten kwamen er in 2025 binnen over oefenterrein De Vlasakkers?

"""
ANSWER = "Zie antwoord op vraag 2.\n\n"


@pytest.fixture(scope="module")
def handmade(tmp_path_factory):
    old, new = two_builds(
        tmp_path_factory.mktemp("handmade"),
        {"vlasakkers-januari.txt": EARLY, "vragen.txt": QUESTIONS.format(answer="")},
        {"vlasakkers-januari.txt": EARLY_CHANGED, "vlasakkers-juni.txt": LATER, "vragen.txt": QUESTIONS.format(answer=ANSWER)},
    )
    done = CliRunner().invoke(main, ["diff", str(old), str(new), "--as-of", "2026-11-23", "--format", "jsonl"])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_due_moment_moved_by_a_later_letter(handmade):
    (moved,) = [f for f in handmade if f["kind"] == "commitment" and f["change"] == "moved"]
    assert moved["old"]["doc"] == "vlasakkers-januari.txt" and "vóór het zomerreces van 2026" in moved["old"]["quote"]
    assert moved["new"]["doc"] == "vlasakkers-juni.txt" and "pas in december 2026" in moved["new"]["quote"]
    assert moved["new"]["date"] == "2026-06-22" and moved["new"]["value"] > moved["old"]["value"]


def test_an_answer_given_and_a_figure_changed(handmade):
    answered = [f for f in handmade if f["kind"] == "question"]
    assert [(f["change"], f["new"]["where"]) for f in answered] == [("answered by reference", "1 vragen.txt")]
    (figure,) = [f for f in handmade if f["kind"] == "figure" and f["change"] == "changed"]
    assert (figure["old"]["quote"], figure["new"]["quote"]) == ("€ 48 miljoen", "€ 53 miljoen")
    assert figure["difference"] == 5_000_000
