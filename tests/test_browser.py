"""The exported HTML in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)
with the network blocked: no console errors, the nodes are there, searching PURL focuses it and
shows its quote, and a document with <script> in it injects nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )  # fmt: skip
        yield b
        b.close()


def open_offline(browser, path: Path, ready: str = "window.dkgNetwork !== undefined"):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems, outside, dialogs = [], [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function(ready, timeout=20_000)
    return page, problems, outside, dialogs


def test_corpus_view_offline(browser, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--out", str(out)]).exit_code == 0
    html = tmp_path / "view.html"
    assert runner.invoke(main, ["html", "--graph", str(out), "-o", str(html)]).exit_code == 0
    page, problems, outside, _ = open_offline(browser, html)
    labels = page.evaluate("window.dkgNodes.get().map(n => n.label)")
    assert {"PURL", "NAVO", "SVD", "004_bba492771d7bbacc.txt"} <= set(labels)
    page.fill("#search", "PURL")
    page.click("button[type=submit]")
    selected = page.evaluate("window.dkgNetwork.getSelectedNodes()")
    assert selected == ["https://w3id.org/dkg/id/entity/purl"]
    details = page.inner_text("#details")
    assert details.startswith("programme: PURL") and "PURL" in details.split("\n", 1)[1]  # the quote
    page.screenshot(path=str(tmp_path / "view.png"))
    assert (tmp_path / "view.png").stat().st_size > 10_000
    assert problems == [] and outside == []


def test_script_in_a_document_injects_nothing(browser, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "evil.txt").write_text(
        "Vragen en antwoorden\n\n1 Wat kost PURL <script>alert('x')</script>?\n\n"
        "Het PURL-initiatief kost € 5 miljoen <img src=x onerror=alert('y')>.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(docs), "--out", str(out)]).exit_code == 0
    html = tmp_path / "evil.html"
    assert runner.invoke(main, ["html", "--graph", str(out), "--focus", "PURL", "-o", str(html)]).exit_code == 0
    page, problems, outside, dialogs = open_offline(browser, html)
    page.fill("#search", "PURL")
    page.click("button[type=submit]")
    assert "<script>alert('x')</script>" in page.inner_text("#details") or "onerror" in page.inner_text("#details")
    page.wait_for_timeout(300)
    assert dialogs == [] and problems == [] and outside == []


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0
    return out


TIMELINE_READY = "document.querySelectorAll('#timeline .scatterlayer path.point').length > 0"


def _click_point(page, k: int) -> None:
    box = page.locator("#timeline .scatterlayer path.point").nth(k).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_figure_timeline_opens_its_quotes_offline(browser, corpus_build, tmp_path):
    html = tmp_path / "t.html"
    result = CliRunner().invoke(main, ["trace", "19,3 mld", "--graph", str(corpus_build), "--html", str(html)])
    assert result.exit_code == 0, result.output
    page, problems, outside, _ = open_offline(browser, html, TIMELINE_READY)
    assert page.locator("#timeline .scatterlayer path.point").count() == 4  # two letters, first stated and questioned
    assert page.locator("tbody tr").count() == 4
    legend = page.locator("#timeline .legend").text_content()
    assert "first stated" in legend and "questioned" in legend
    for k in range(4):
        _click_point(page, k)
        quote = page.inner_text("#quote")
        assert quote.split("\n")[0].startswith(("001_", "000_")) and ("19,3 miljard" in quote or "19 miljard" in quote)
    _click_point(page, 0)
    n = page.evaluate("window.dkgOpened")
    assert page.inner_text("tr.selected").startswith(page.evaluate(f"points[{n}].label").split(" ")[1][1:11])
    assert "€ mld" in page.locator("#timeline .ytitle").text_content()
    assert problems == [] and outside == []


def test_a_commitment_timeline_draws_its_moves(browser, corpus_build, tmp_path):
    html = tmp_path / "c.html"
    result = CliRunner().invoke(main, ["trace", "Stand van Defensie voorjaar 2026", "--graph", str(corpus_build),
                                       "--html", str(html)])  # fmt: skip
    assert result.exit_code == 0, result.output
    page, problems, outside, _ = open_offline(browser, html, TIMELINE_READY)
    ticks = page.locator("#timeline .yaxislayer-above").text_content()
    assert "2026" in ticks  # the y axis holds due moments
    assert page.locator("#timeline .annotation").count() >= 1  # voorjaar 2026 -> najaar 2026
    rows = page.inner_text("tbody")
    assert "voorjaar 2026" in rows and "najaar van 2026" in rows and "moved to" in rows
    page.click("tbody tr:last-child")
    assert "termijn: het najaar van 2026" in page.inner_text("#quote")
    assert problems == [] and outside == []


def test_the_view_searches_the_documents_text(browser, corpus_build, tmp_path):
    html = tmp_path / "v.html"
    assert CliRunner().invoke(main, ["html", "--graph", str(corpus_build), "-o", str(html)]).exit_code == 0
    page, problems, outside, _ = open_offline(browser, html)
    for query, texts in (("toezeggingen", ["toezegging om deze knelpunten"]), ("Oekraine", ["Oekraïne"]),
                         ('"Stand van Defensie" najaar', ["Stand van Defensie"])):  # fmt: skip
        page.fill("#textsearch", query)
        page.click("#textform button")
        cli = CliRunner().invoke(main, ["search", query, "--graph", str(corpus_build), "--limit", "1000", "--format", "jsonl"])
        assert page.evaluate("window.dkgTextHits") == len(cli.output.splitlines()) > 0, query
        shown = page.inner_text("#texthits")
        assert all(t in shown for t in texts)
    page.locator("#texthits li").first.click()
    assert "Stand van Defensie" in page.inner_text("#details")
    assert len(page.evaluate("window.dkgNetwork.getSelectedNodes()")) == 1
    page.fill("#textsearch", "zeppelinvloot")
    page.click("#textform button")
    assert page.evaluate("window.dkgTextHits") == 0
    assert problems == [] and outside == []
