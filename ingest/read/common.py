"""What every reader shares: the limits, the media types, the refusal an upload gets
(``UploadRejected``) and the article a reader returns (``ReadArticle``)."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger("ingest.read")

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# spaCy's own limit is 1,000,000 characters; longer texts are refused with a reason.
DEFAULT_MAX_TEXT_CHARS = 1_000_000
DEFAULT_MAX_PDF_PAGES = 200
PDF_MAX_READ_SECONDS = 20.0

TEXT_PLAIN = "text/plain"
TEXT_HTML = "text/html"
APPLICATION_PDF = "application/pdf"
# The library that reads each type (module, what it reads), imported only when needed.
READERS = {APPLICATION_PDF: ("pypdf", "PDFs"), TEXT_HTML: ("trafilatura", "HTML pages")}
# Types whose reading may take seconds: uploads of these are read by the worker.
READ_LATER = frozenset(READERS)

UTF8_BOM = b"\xef\xbb\xbf"
SNIFF_BYTES = 8192


class UploadRejected(ValueError):
    """The upload cannot be used; ``str(exc)`` says why, for a 400 response.

    ``code`` is a short slug ('empty', 'too_large', 'too_long', 'unsupported_type',
    'not_utf8', 'bad_charset', 'no_text', 'unreadable_pdf', 'reader_unavailable',
    'bad_url', 'fetch_failed', 'file_missing') that clients can branch on.
    """

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class ReadArticle:
    """An upload read into text.

    ``text`` is normalised (see :func:`normalise_text`) and has the leading
    dateline removed; ``published`` is that dateline's date, else the date in
    an HTML page's metadata, else None.
    """

    text: str
    published: dt.date | None
    title: str
    media_type: str  # TEXT_PLAIN | TEXT_HTML | APPLICATION_PDF


def reader_import(module: str, what: str) -> Any:
    """Import the library that reads ``what`` ("HTML pages", "PDFs").

    An install can lack one, or a library it needs: trafilatura needs lxml_html_clean,
    which older pips leave out. Such an upload is refused with a reason
    ('reader_unavailable'), and the import error logged for whoever runs the server,
    rather than crashing the request or the worker.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        logger.error(
            "cannot read %s: importing %s failed (%s); reinstall the project's dependencies",
            what,
            module,
            exc,
        )
        raise UploadRejected(
            "reader_unavailable",
            f"{what} cannot be read on this server: its reader is not installed. Upload the "
            "article as plain text, or ask the administrator to install it.",
        ) from exc


def check_size(size: int, max_bytes: int, *, what: str) -> None:
    if size <= max_bytes:
        return
    actual, limit = size_text(size), size_text(max_bytes)
    if actual == limit:  # e.g. 10.04 MB against 10 MB: show the bytes
        actual, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
    raise UploadRejected("too_large", f"The {what} is {actual}; the limit is {limit}.")


def size_text(size: int) -> str:
    """'12.3 MB', '10 MB', '512 KB', '900 bytes'."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
