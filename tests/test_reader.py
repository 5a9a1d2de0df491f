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
    assert decode(b"\xef\xbb\xbf date 2022-11 \xc3\xa9t\xc3\xa9") == (" date 2022-11 été", "utf-8-sig", 0)


def test_cp1252_fallback():
    """Text that is not UTF-8 is read as CP1252."""
    text, enc, _bad = decode("Coût : 5 € « net » – l’an dernier".encode("cp1252"))
    assert enc == "cp1252" and "€" in text and "’" in text and "«" in text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark(codec):
    raw = "Le café coûte 3 € : recyclé à 45 %.".encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    text, enc, bad = decode(raw)
    assert text == "Le café coûte 3 € : recyclé à 45 %." and enc.startswith("utf-") and bad == 0


def test_utf8_with_one_bad_byte_stays_utf8():
    """One invalid byte does not turn every accent into mojibake: it alone becomes U+FFFD."""
    raw = "Les déchets recyclés ont baissé de 12 % à Liège.".encode()
    raw = raw[:10] + b"\xff" + raw[10:]
    text, enc, bad = decode(raw)
    assert enc == "utf-8" and bad == 1 and "recyclés" in text and "Liège" in text and "\ufffd" in text


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
