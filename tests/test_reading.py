"""Reading: encodings, bad input, folders."""

from __future__ import annotations

import pytest

from extractors.reading import ReadError, Skipped, decode, expand_paths, read_file

TEXT = "Datum 21 mei 2026\r\nBedrag € 19,3 miljard – circa.\n"


def test_utf8_is_read_as_is_with_newlines_kept(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    src = read_file(p)
    assert src.text == TEXT and src.warnings == () and src.encoding == "utf-8"


def test_bom_is_removed_with_a_warning(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    src = read_file(p)
    assert src.text == TEXT
    assert src.warnings and "byte-order mark" in src.warnings[0] and "bom.txt" in src.warnings[0]


def test_cp1252_is_accepted_with_a_warning(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes(TEXT.encode("cp1252"))
    src = read_file(p)
    assert src.text == TEXT and src.encoding == "cp1252"
    assert "CP1252" in src.warnings[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 9)) * 40, "binary"),
        (b"caf\xc3 \x81\x8d\x8f\x90\x9d", "not UTF-8 and not CP1252"),
    ],
)
def test_bad_input_is_reported_with_the_file_and_the_reason(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_file(p)
    assert reason in info.value.reason
    assert "bad.txt" in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_folders_are_walked_recursively_and_other_types_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("x", encoding="utf-8")
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")  # taken: its reading reports what is wrong with it
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    items = list(expand_paths([tmp_path]))
    files = [p.name for p in items if not isinstance(p, Skipped)]
    skipped = [s for s in items if isinstance(s, Skipped)]
    assert files == ["one.txt", "scan.pdf", "two.md"]
    assert len(skipped) == 1 and skipped[0].path.endswith("sheet.xlsx") and ".xlsx" in skipped[0].reason


def test_decode_offsets_refer_to_text_as_read():
    src = decode(b"a\r\nb", "x.txt")
    assert src.text.index("b") == 3


def test_utf16_with_its_byte_order_mark_is_decoded(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        p = tmp_path / f"{encoding}.txt"
        bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
        p.write_bytes(bom + TEXT.encode(encoding))
        src = read_file(p)
        assert src.text == TEXT and src.encoding == "utf-16"
        assert "UTF-16" in src.warnings[0]


def test_a_stray_nul_is_removed_with_a_warning_and_many_are_binary(tmp_path):
    p = tmp_path / "nul.txt"
    p.write_bytes(("Het budget is € 5 miljoen. " * 20).encode() + b"\x00" + b"Einde.\n")
    src = read_file(p)
    assert "\x00" not in src.text and src.text.endswith("miljoen. Einde.\n")
    assert "1 NUL byte(s) removed" in src.warnings[0]
    q = tmp_path / "many.txt"
    q.write_bytes(b"a\x00b\x00c\x00d\x00" * 50)
    with pytest.raises(ReadError, match="binary"):
        read_file(q)


def test_markdown_emphasis_and_list_markers_stay_out_of_values(tmp_path):
    from extractors.parse import parse_document
    from extractors.registry import extract_mentions

    p = tmp_path / "md.md"
    p.write_text("- **€ 19,3 miljard** extra voor *Defensie*\n* Het programma **PURL** loopt door.\n", encoding="utf-8")
    doc = parse_document(read_file(p))
    for m in extract_mentions(doc, ["amount", "programme", "organisation"]):
        assert "*" not in m.text and not m.text.startswith("- "), m
        assert "*" not in str(m.value), m
