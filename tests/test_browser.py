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


def open_offline(browser, path: Path):
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
    page.wait_for_function("window.dkgNetwork !== undefined", timeout=20_000)
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
