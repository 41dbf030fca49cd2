"""PDF: the bundled documents laid out as published PDFs (A4, a running header with the Kamerstuk
number, page numbers at the foot) by a real PDF writer, read back; the figures and references found
in the PDF equal those of the text, on the right pages. And the real published PDFs of the samples,
damaged and scanned PDFs reported by name."""

from __future__ import annotations

import difflib
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.corpus import sample_paths
from extractors.parse import parse_document
from extractors.pdf import _reflow, read_pdf
from extractors.reading import ReadError, read_file
from extractors.registry import extract_mentions
from graph.cli import main

HEADER = "Tweede Kamer, vergaderjaar 2025–2026, 36 800 X, nr. 3"
KINDS = ("amount", "percentage", "reference")


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("Body", path))
            return "Body"
    import reportlab

    pdfmetrics.registerFont(TTFont("Body", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    return "Body"


def published_pdf(text: str) -> tuple[bytes, list[int]]:
    """The text laid out as a published Kamerstuk: A4, a running header, the page number at the
    foot; paragraphs wrapped to the width, a blank line between them. Returns the PDF and, per
    paragraph of the text, the page it starts on."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font, size, leading = _font(), 10, 13
    width, height = A4
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    page, y = 1, height - 90
    starts: list[int] = []

    def new_page() -> None:
        nonlocal page, y
        pdf.setFont(font, 8)
        pdf.drawString(72, height - 50, HEADER)
        pdf.drawCentredString(width / 2, 40, str(page))
        pdf.setFont(font, size)

    new_page()
    for paragraph in text.split("\n"):
        lines = simpleSplit(paragraph, font, size, width - 144) if paragraph.strip() else []
        starts.append(page)
        for line in lines:
            if y < 72:
                pdf.showPage()
                page, y = page + 1, height - 90
                new_page()
                starts[-1] = starts[-1] if line is not lines[0] else page
            pdf.drawString(72, y, line)
            y -= leading
        y -= leading  # a blank line between paragraphs
    pdf.showPage()
    pdf.save()
    return buffer.getvalue(), starts


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    """Each bundled document and the PDF made of it, with the page each paragraph starts on."""
    folder = tmp_path_factory.mktemp("pdf")
    out = []
    for source in sample_paths():
        text = source.read_text(encoding="utf-8")
        data, starts = published_pdf(text)
        path = folder / (source.stem + ".pdf")
        path.write_bytes(data)
        out.append((source, path, text, starts))
    return out


def _figures(doc):
    return [m for m in extract_mentions(doc, list(KINDS))]


def test_pdfs_give_the_figures_and_references_of_their_text_on_the_right_pages(pairs):
    expected_total = same_total = 0
    for source, path, text, starts in pairs:
        plain = parse_document(read_file(source))
        from_pdf = parse_document(read_file(path))
        expected = [(m.kind, m.value) for m in _figures(plain)]
        found = [(m.kind, m.value) for m in _figures(from_pdf)]
        matcher = difflib.SequenceMatcher(a=expected, b=found, autojunk=False)
        blocks = matcher.get_matching_blocks()
        expected_total += len(expected)
        same_total += sum(block.size for block in blocks)
        assert len(found) <= len(expected) + 1, source.name  # nothing made up by the layout
        # each figure found in both is on the page its paragraph starts on (or the next)
        paragraph_of = [text.count("\n", 0, m.start) for m in _figures(plain)]
        pdf_mentions = _figures(from_pdf)
        for a, b, size in blocks:
            for k in range(size):
                page = from_pdf.page_of(pdf_mentions[b + k].start)
                assert starts[paragraph_of[a + k]] <= page <= starts[paragraph_of[a + k]] + 1, source.name
        for m in pdf_mentions:
            assert from_pdf.text[m.start : m.end] == m.text
        assert HEADER not in from_pdf.text  # the running header is out of the flow
    assert same_total >= 0.99 * expected_total, (same_total, expected_total)


def test_extract_prints_the_page(pairs):
    _, path, _, _ = pairs[1]
    done = CliRunner().invoke(main, ["extract", str(path), "--kinds", "amount,percentage", "--format", "jsonl"])
    assert done.exit_code == 0, done.output
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows and all(isinstance(r["page"], int) and r["page"] >= 1 for r in rows)


def test_the_real_published_motion_is_read():
    here = Path(__file__).parent / "data" / "motie-21501-02-3121.pdf"
    doc = parse_document(read_file(here))
    assert doc.kind == "motie" and doc.pages == (0,)
    assert "verzoekt de regering" in doc.text
    names = [m.value for m in extract_mentions(doc, ["person"])]
    assert "Ceder" in names


def test_a_broken_an_encrypted_and_a_scanned_pdf_are_reported_by_name(tmp_path):
    from reportlab.pdfgen import canvas

    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")
    scanned = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(scanned))
    pdf.rect(100, 100, 200, 200, fill=1)  # a page with an image-like shape and no text
    pdf.showPage()
    pdf.save()
    locked = tmp_path / "dicht.pdf"
    from reportlab.lib import pdfencrypt

    pdf = canvas.Canvas(str(locked), encrypt=pdfencrypt.StandardEncryption("geheim", canPrint=0))
    pdf.drawString(100, 700, "Vertrouwelijk")
    pdf.showPage()
    pdf.save()
    reasons = {}
    for path in (broken, scanned, locked):
        with pytest.raises(ReadError) as failed:
            read_file(path)
        reasons[path.name] = failed.value.reason
    assert reasons["scan.pdf"] == "no text layer: scanned? run OCR first"
    assert "encrypted" in reasons["dicht.pdf"]
    assert "not a readable PDF" in reasons["kapot.pdf"]
    good = tmp_path / "goed.txt"
    good.write_text("Het kabinet trekt € 5 miljoen uit.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert done.exit_code == 1 and "scan.pdf: no text layer" in done.stderr
    assert '"€ 5 miljoen"' in done.stdout  # the others are still read


def test_lines_of_a_paragraph_are_joined_and_broken_words_mended():
    lines = [
        "De structurele verhoging van de defensie-uitgaven is vastgelegd in de begro-",
        "ting voor 2027 en de jaren daarna, zoals de NAVO-",
        "landen afspraken.",
        "Kort.",
        "Een nieuwe alinea begint hier met een zin die lang genoeg is om te tellen als regel.",
    ]
    assert _reflow(lines) == (
        "De structurele verhoging van de defensie-uitgaven is vastgelegd in de begroting voor 2027 en de jaren "
        "daarna, zoals de NAVO-landen afspraken.\nKort.\n"
        "Een nieuwe alinea begint hier met een zin die lang genoeg is om te tellen als regel."
    )


def test_running_headers_and_page_numbers_are_kept_as_page_metadata():
    data, _ = published_pdf("\n".join(f"Alinea {k} met een bedrag van € {k},5 miljoen voor de kazernes." for k in range(200)))
    pdf = read_pdf(data)
    assert len(pdf.pages) > 2
    assert all(HEADER in running for running in pdf.running)
    assert "€ 199,5 miljoen" in pdf.text and HEADER not in pdf.text


def test_the_graph_keeps_the_page_and_trace_shows_it(pairs, tmp_path):
    source, path, _, _ = pairs[1]  # the letter with the 19,3 miljard
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--out", str(out)]).exit_code == 0
    done = runner.invoke(main, ["trace", "19,3 mld", "--graph", str(out), "--format", "jsonl"])
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows and all(isinstance(r["page"], int) for r in rows)
    table = runner.invoke(main, ["trace", "19,3 mld", "--graph", str(out), "--format", "csv"])
    assert ", p. " in table.stdout
    assert runner.invoke(main, ["validate", "--graph", str(out)]).exit_code == 0


def test_a_two_page_letter_loses_its_running_header_too():
    body = "\n".join(f"Alinea {k}: het kabinet trekt € {k},5 miljoen uit voor de kazernes van Defensie." for k in range(40))
    pdf = read_pdf(published_pdf(body)[0])
    assert len(pdf.pages) == 2 and HEADER not in pdf.text
    assert "€ 39,5 miljoen" in pdf.text and "€ 0,5 miljoen" in pdf.text


def _page_with_a_footnote_and_a_table() -> bytes:
    """One published page: a paragraph whose word carries a footnote marker (small, raised), a
    table under its scale title in columns, and the footnote at the foot in a smaller type."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    width, height = A4
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(font, 8)
    pdf.drawString(72, height - 50, HEADER)
    y = height - 100
    pdf.setFont(font, 10)
    before = "Het kabinet maakt structureel geld vrij voor de versterking van de krijgsmacht, zoals de"
    pdf.drawString(72, y, before)
    y -= 13
    pdf.drawString(72, y, "Defensienota beschrijft")
    x = 72 + pdf.stringWidth("Defensienota beschrijft", font, 10)
    pdf.setFont(font, 6)
    pdf.drawString(x + 0.5, y + 4, "1")  # the marker: small and raised
    pdf.setFont(font, 10)
    pdf.drawString(x + 4, y, ". De bedragen staan in de tabel hieronder.")
    y -= 30
    pdf.drawString(72, y, "(bedragen x € 1 mln)")
    for row in (("Post", "2026", "2027"), ("Personeel", "1.250", "1.410"), ("Materieel", "3.600", "4.020")):
        y -= 14
        for column, cell in zip((72, 260, 360), row, strict=True):
            pdf.drawString(column, y, cell)
    pdf.setFont(font, 7)
    pdf.drawString(72, 70, "1 Kamerstuk 36 800 X, nr. 3; de nota is op 16 september 2025 aan de Kamer gestuurd en")
    pdf.drawString(72, 61, "daarna besproken.")
    pdf.setFont(font, 8)
    pdf.drawCentredString(width / 2, 40, "1")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_footnotes_at_the_foot_of_a_page_and_a_table_in_columns(tmp_path):
    path = tmp_path / "nota.pdf"
    path.write_bytes(_page_with_a_footnote_and_a_table())
    doc = parse_document(read_file(path))
    (note,) = doc.footnotes
    assert note.label == "1"
    said = "Kamerstuk 36 800 X, nr. 3; de nota is op 16 september 2025 aan de Kamer gestuurd en daarna besproken."
    assert note.text == f"[1] {said}"
    assert note.anchor is not None and doc.text[note.anchor.start - 10 : note.anchor.end] == "beschrijft¹"
    (table,) = doc.tables
    assert [[c.text for c in row] for row in table.rows] == [
        ["Post", "2026", "2027"], ["Personeel", "1.250", "1.410"], ["Materieel", "3.600", "4.020"]
    ]
    refs = [m for m in extract_mentions(doc, ["reference"]) if m.value == "36800-X-3"]
    assert refs and all(doc.page_of(m.start) == 1 for m in refs)
    amounts = sorted(m.value for m in extract_mentions(doc, ["amount"]))
    assert amounts == [1_250_000_000, 1_410_000_000, 3_600_000_000, 4_020_000_000]
    assert "beschrijft¹. De bedragen" in doc.text and "1 Kamerstuk" not in doc.text.split("[1]")[0]
