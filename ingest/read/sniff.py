"""Judging an upload by its bytes (never its file name): PDF, HTML or plain text."""

from __future__ import annotations

import re

from ingest.read.common import (
    APPLICATION_PDF,
    SNIFF_BYTES,
    TEXT_HTML,
    TEXT_PLAIN,
    UTF8_BOM,
    UploadRejected,
)

_MAX_CONTROL_RATIO = 0.02

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives too)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"%!PS", "a PostScript document"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_HTML_START = re.compile(
    rb"\A(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_HTML_TAG = re.compile(rb"<(?:head|body|p)[\s>]", re.I)


def sniff_media_type(data: bytes, *, filename: str = "") -> str:
    """Judge the upload by its content: 'application/pdf', 'text/html' or 'text/plain'.

    PDF by its ``%PDF-`` magic; HTML if it opens with a doctype or <html>, or
    has <head>, <body> or <p> tags in its first few KB; plain text if it has
    no NUL bytes and few control characters (whether it is valid UTF-8 is
    checked later, so that the user hears about the encoding rather than
    'unsupported').  Anything else raises UploadRejected('unsupported_type')
    naming what the bytes look like.  UTF-16 text is refused as 'not_utf8'.
    """
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRejected(
            "not_utf8",
            f"{_name(filename)} is UTF-16 text; please save it as UTF-8 and upload it again.",
        )
    stripped = head.removeprefix(UTF8_BOM).lstrip()
    if stripped.startswith(b"%PDF-"):
        return APPLICATION_PDF
    for signature, description in _BINARY_SIGNATURES:
        if stripped.startswith(signature):
            raise _unsupported(filename, description)
    if stripped[8:12] == b"WEBP" and stripped.startswith(b"RIFF"):
        raise _unsupported(filename, "a WebP image")
    if _HTML_START.match(stripped) or _HTML_TAG.search(stripped):
        return TEXT_HTML
    if b"\x00" in data or not _looks_like_text(head):
        raise _unsupported(filename, "binary data")
    return TEXT_PLAIN


def _looks_like_text(head: bytes) -> bool:
    """Few C0 control characters besides tab, newline, CR and form feed."""
    if not head:
        return True
    controls = sum(1 for byte in head if (byte < 32 and byte not in b"\t\n\r\f\v") or byte == 127)
    return controls / len(head) <= _MAX_CONTROL_RATIO


def _unsupported(filename: str, description: str) -> UploadRejected:
    return UploadRejected(
        "unsupported_type",
        f"{_name(filename)} looks like {description}. Upload plain text (UTF-8), HTML or a PDF.",
    )


def _name(filename: str) -> str:
    return f"“{filename}”" if filename else "The file"
