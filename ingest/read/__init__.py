"""Ingest, stage one: an upload (bytes, pasted text or a URL) -> clean text.

The reader decides what the upload is by its content, never its file name,
turns it into normalised plain text, lifts off a leading ``date YYYY-MM-DD``
dateline as the published date and picks a title.  Anything it cannot use is
refused with :class:`UploadRejected`, whose message is written for the person
who uploaded the file and whose ``code`` is a stable slug for the API.

The stored text is the normalised text returned here: every character offset
the later stages record points into it, so normalisation only touches line
ends and surrounding whitespace, never the characters inside a line.

One module per format (``text``, ``html``, ``pdf``), ``sniff`` to tell them apart;
fetching a URL is ``ingest.fetch``. Pure Python, no Django: limits are passed in by
the caller.
"""

from __future__ import annotations

from ingest.read import html, pdf
from ingest.read.common import (
    APPLICATION_PDF,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PDF_PAGES,
    DEFAULT_MAX_TEXT_CHARS,
    PDF_MAX_READ_SECONDS,
    READ_LATER,
    READERS,
    TEXT_HTML,
    TEXT_PLAIN,
    ReadArticle,
    UploadRejected,
    check_size,
    reader_import,
)
from ingest.read.sniff import sniff_media_type
from ingest.read.text import (
    content_hash,
    decode_utf8,
    normalise_text,
    read_plain,
    split_dateline,
    title_from_text,
)

__all__ = [
    "APPLICATION_PDF",
    "READ_LATER",
    "TEXT_HTML",
    "TEXT_PLAIN",
    "ReadArticle",
    "UploadRejected",
    "check_upload",
    "content_hash",
    "normalise_text",
    "read_text",
    "read_upload",
    "sniff_media_type",
    "split_dateline",
    "title_from_text",
]


def read_upload(
    data: bytes,
    *,
    filename: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES,
    max_pdf_seconds: float = PDF_MAX_READ_SECONDS,
) -> ReadArticle:
    """Read an uploaded file; raise UploadRejected if it is unusable.

    ``filename`` is only used to word error messages: the type is sniffed
    from the bytes, so a PNG called ``notes.txt`` is still refused.  Text
    longer than ``max_text_chars``, PDFs of more than ``max_pdf_pages``
    pages and PDFs that take more than ``max_pdf_seconds`` to read are
    refused, so a small file that expands hugely cannot tie up a worker.
    """
    media_type = check_upload(data, filename=filename, max_bytes=max_bytes)
    if media_type == APPLICATION_PDF:
        article = pdf.read_pdf(
            data, max_pages=max_pdf_pages, max_chars=max_text_chars, max_seconds=max_pdf_seconds
        )
    elif media_type == TEXT_HTML:
        article = html.read_html(data, max_chars=max_text_chars)
    else:
        article = read_plain(decode_utf8(data), media_type=TEXT_PLAIN)
    _check_length(article.text, max_text_chars)
    return article


def check_upload(data: bytes, *, filename: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The checks on a file that take no time, whatever it holds: not empty, within
    ``max_bytes``, a type that can be read (sniffed from the bytes) and, for PDFs and
    HTML, a reader installed. Returns the media type; raises UploadRejected.

    The upload request makes these checks and leaves the reading of the types in
    :data:`READ_LATER` to the worker, since a small PDF can take many seconds to read.
    """
    if not data:
        raise UploadRejected("empty", "The file is empty.")
    check_size(len(data), max_bytes, what="file")
    media_type = sniff_media_type(data, filename=filename)
    if media_type in READERS:
        reader_import(*READERS[media_type])
    return media_type


def read_text(
    text: str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
) -> ReadArticle:
    """Read pasted text, applying the same size limit as a file upload."""
    check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes, what="text")
    article = read_plain(text.removeprefix("\ufeff"), media_type=TEXT_PLAIN)
    _check_length(article.text, max_text_chars)
    return article


def _check_length(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise UploadRejected(
            "too_long",
            f"The article text is {len(text):,} characters long; the limit is {max_chars:,}. "
            "Split it into separate articles.",
        )
