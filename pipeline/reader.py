"""Decoding and the publication header: the offset guarantee starts here.

Offsets index the decoded text exactly as read: no newline or whitespace
normalisation; a UTF-8 BOM is not part of the text.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?=\s|$)\s?")


class ReadError(Exception):
    """A file that cannot be turned into text (binary, unreadable, a folder)."""


@dataclass
class Document:
    text: str
    encoding: str
    published: str | None
    header_end: int
    fingerprint: str = ""
    replaced: int = 0  # undecodable bytes shown as U+FFFD (a UTF-8 file with a few bad bytes)


def parse_header(text: str) -> tuple[str | None, int]:
    """(published, offset where the body starts) from a ` date YYYY-MM[-DD] ` header."""
    m = HEADER.match(text)
    if not m:
        return None, 0
    return m.group("date"), m.end()


BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(raw: bytes) -> tuple[str, str, int]:
    """(text, encoding name, bytes replaced).

    A byte-order mark decides (UTF-8, UTF-16, UTF-32; the mark is not text).
    Then UTF-8; a file that is UTF-8 but for a few bad bytes (its accents are
    valid multi-byte sequences) stays UTF-8 with those bytes replaced by U+FFFD,
    rather than turning every accent into mojibake; then CP1252, the Western
    single-byte encoding. (charset-normalizer was tried for this fallback: it
    names short French CP1252 texts cp1250 or cp1006.)
    """
    for bom, name in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(name), name, 0
            except UnicodeDecodeError as exc:
                raise ReadError(f"not text: {name} byte-order mark but invalid {name}") from exc
    if b"\x00" in raw:
        raise ReadError("binary data (NUL bytes)")
    if raw.startswith(b"%PDF"):
        raise ReadError("PDF file: convert it to text first (e.g. pdftotext)")
    try:
        return raw.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if len(UTF8_MULTIBYTE.findall(raw)) >= bad:
        return text, "utf-8", bad
    text = raw.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if "\ufffd" in text or controls > max(2, len(text) // 100):
        raise ReadError("not text: neither UTF-8 nor CP1252")
    return text, "cp1252", 0


HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def read_document(path: str | Path) -> Document:
    if str(path) == "-":
        import sys

        return document_from_bytes(sys.stdin.buffer.read())
    if str(path) == "":
        raise ReadError("empty file name")
    path = Path(path)
    if path.is_dir():
        raise ReadError("is a directory")
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError("no such file") from exc
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    return document_from_bytes(raw)


def fingerprint(raw: bytes) -> str:
    """What `--resume` compares to know an input has not changed since its record was written."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()[:32]


def document_from_bytes(raw: bytes) -> Document:
    text, encoding, replaced = decode(raw)
    if HTML_START.match(text[:500]):
        raise ReadError("HTML file: extract its visible text first (offsets would not index the page)")
    published, header_end = parse_header(text)
    return Document(text=text, encoding=encoding, published=published, header_end=header_end,
                    fingerprint=fingerprint(raw), replaced=replaced)
