"""Decoding and the publication header: the offset guarantee starts here.

Offsets index the decoded text exactly as read: no newline or whitespace
normalisation; a UTF-8 BOM is not part of the text.
"""
from __future__ import annotations

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


def parse_header(text: str) -> tuple[str | None, int]:
    """(published, offset where the body starts) from a ` date YYYY-MM[-DD] ` header."""
    m = HEADER.match(text)
    if not m:
        return None, 0
    return m.group("date"), m.end()


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding name; UTF-8 (BOM dropped) first, CP1252 as the fallback."""
    if b"\x00" in raw:
        raise ReadError("binary data (NUL bytes)")
    if raw.startswith(b"%PDF"):
        raise ReadError("PDF file: convert it to text first (e.g. pdftotext)")
    try:
        if raw.startswith(b"\xef\xbb\xbf"):
            return raw[3:].decode("utf-8"), "utf-8-sig"
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if "\ufffd" in text or controls > max(2, len(text) // 100):
        raise ReadError("not text: neither UTF-8 nor CP1252")
    return text, "cp1252"


HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def read_document(path: str | Path) -> Document:
    path = Path(path)
    if path.is_dir():
        raise ReadError("is a directory")
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError("no such file") from exc
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(raw)
    if HTML_START.match(text[:500]):
        raise ReadError("HTML file: extract its visible text first (offsets would not index the page)")
    published, header_end = parse_header(text)
    return Document(text=text, encoding=encoding, published=published, header_end=header_end)
