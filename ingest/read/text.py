"""Plain text: decoding, normalising, the leading dateline, the content hash and a
title; the pieces the other readers (and the rest of ingest) also use."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from ingest.read.common import UTF8_BOM, ReadArticle, UploadRejected

_TITLE_MAX_LINE = 200
_TITLE_SHORT = 80

_DATELINE = re.compile(r"\A\ufeff?\s*date:?[ \t]+(\d{4})-(\d{2})-(\d{2})(?=\s|\Z)", re.IGNORECASE)


def split_dateline(text: str) -> tuple[dt.date | None, str]:
    """Split a leading ``date YYYY-MM-DD`` line off the text.

    The dateline may stand on its own line or run straight into the first
    sentence (``date 2023-11-14 The visit ...``); 'date', 'Date' and 'Date:'
    are accepted.  Returns (date, rest) where rest drops the dateline and the
    whitespace after it.  A missing or malformed dateline (for example an
    impossible date) gives (None, text) with the text untouched.
    """
    match = _DATELINE.match(text)
    if not match:
        return None, text
    try:
        date = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None, text
    return date, text[match.end() :].lstrip()


_RUN_OF_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Normalise line ends and whitespace, never the characters in a line.

    CR LF and lone CR become LF, trailing whitespace goes from every line,
    two or more blank lines in a row become one, the whole text is stripped,
    and NUL characters (which databases refuse) are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _RUN_OF_BLANK_LINES.sub("\n\n", text).strip()


def content_hash(text: str) -> str:
    """SHA-256 hex of the normalised text, so one text uploaded twice is one article."""
    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()


def title_from_text(text: str) -> str:
    """A title for an article that has none: its first non-empty line if short,
    else the first ~80 characters cut at a word boundary, with an ellipsis."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    line = " ".join(line.split())
    if len(line) < _TITLE_MAX_LINE:
        return line
    cut = line[: _TITLE_SHORT + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:_TITLE_SHORT]
    return cut.rstrip(" ,;:-") + "…"


def read_plain(text: str, *, media_type: str) -> ReadArticle:
    text = normalise_text(text)
    if not text:
        raise UploadRejected("empty", "The text is empty.")
    published, body = split_dateline(text)
    if not body:
        raise UploadRejected("no_text", "The text has a dateline but no article after it.")
    return ReadArticle(
        text=body, published=published, title=title_from_text(body), media_type=media_type
    )


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 (BOM allowed and dropped) or say where the first bad byte is."""
    body = data.removeprefix(UTF8_BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        line = body.count(b"\n", 0, exc.start) + 1
        raise UploadRejected(
            "not_utf8",
            f"The text is not valid UTF-8: byte 0x{body[exc.start]:02X} at offset {offset} "
            f"(line {line}) cannot be decoded. Save the file as UTF-8 and upload it again.",
        ) from exc
