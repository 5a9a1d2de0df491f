"""Decoding and the header: offsets index the decoded text exactly."""
import pytest

from pipeline.reader import ReadError, decode, parse_header, read_document


@pytest.mark.parametrize("text,published,end", [
    (" date 2022-11 En 2020, Proximus", "2022-11", 14),
    (" date 2023-03-15 Tesco", "2023-03-15", 17),
    ("date 2022-11\nTexte", "2022-11", 13),
    ("Pas d'en-tête ici", None, 0),
    (" date 2022 En 2020", None, 0),
])
def test_header(text, published, end):
    """` date YYYY-MM[-DD] ` sets `published` and where the body starts."""
    assert parse_header(text) == (published, end)


def test_bom_is_dropped():
    """A UTF-8 BOM is not part of the text."""
    assert decode(b"\xef\xbb\xbf date 2022-11 \xc3\xa9t\xc3\xa9") == (" date 2022-11 été", "utf-8-sig")


def test_cp1252_fallback():
    """Text that is not UTF-8 is read as CP1252."""
    text, enc = decode("Coût : 5 € « net » – l’an dernier".encode("cp1252"))
    assert enc == "cp1252" and "€" in text and "’" in text and "«" in text


def test_crlf_kept():
    """CRLF line ends are not normalised."""
    assert decode(b"a\r\nb")[0] == "a\r\nb"


@pytest.mark.parametrize("raw", [b"\x00\x01\x02binary", b"%PDF-1.4 ..."])
def test_binary_refused(raw):
    """Binary data and PDFs are refused with a clear message."""
    with pytest.raises(ReadError):
        decode(raw)


def test_missing_and_directory(tmp_path):
    """Missing paths and folders are read errors, not tracebacks."""
    with pytest.raises(ReadError):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(ReadError):
        read_document(tmp_path)


def test_html_refused(tmp_path):
    """HTML pages are refused clearly rather than read as text with markup."""
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body><p>Proximus: 30 %</p></body></html>")
    with pytest.raises(ReadError, match="HTML"):
        read_document(page)
