"""PDFs: their text layer, within limits on pages, characters, decompressed stream
sizes and seconds, so a small file that expands hugely cannot tie up a worker."""

from __future__ import annotations

import contextlib
import io
import time

from ingest.read.common import (
    APPLICATION_PDF,
    DEFAULT_MAX_PDF_PAGES,
    DEFAULT_MAX_TEXT_CHARS,
    PDF_MAX_READ_SECONDS,
    READERS,
    ReadArticle,
    UploadRejected,
    reader_import,
)
from ingest.read.text import normalise_text, split_dateline, title_from_text

# Decompressed bytes pypdf may produce from one PDF stream (a "zip bomb" is refused).
PDF_MAX_STREAM_BYTES = 20_000_000
# Operators and operands pypdf may parse in one content stream (a dense real page has a
# few thousand), and the seconds a whole PDF may take to read.
PDF_MAX_STREAM_OPERATIONS = 200_000


def read_pdf(
    data: bytes,
    *,
    max_pages: int = DEFAULT_MAX_PDF_PAGES,
    max_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_seconds: float = PDF_MAX_READ_SECONDS,
) -> ReadArticle:
    pypdf = reader_import(*READERS[APPLICATION_PDF])
    PdfReader, LimitReachedError = pypdf.PdfReader, pypdf.errors.LimitReachedError
    try:
        with _pdf_limits():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UploadRejected("unreadable_pdf", "The PDF is password-protected.")
            if len(reader.pages) > max_pages:
                raise UploadRejected(
                    "too_large",
                    f"The PDF has {len(reader.pages):,} pages; the limit is {max_pages:,}.",
                )
            pages: list[str] = []
            length = 0
            deadline = time.monotonic() + max_seconds
            for page in reader.pages:
                if time.monotonic() > deadline:
                    raise UploadRejected(
                        "unreadable_pdf",
                        f"The PDF took more than {max_seconds:g} seconds to read "
                        f"(stopped at page {len(pages) + 1}); it is not a plain article.",
                    )
                pages.append(page.extract_text() or "")
                length += len(pages[-1])
                if length > max_chars:
                    raise UploadRejected(
                        "too_long",
                        f"The PDF holds more than {max_chars:,} characters of text; "
                        "split it into separate articles.",
                    )
            meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except UploadRejected:
        raise
    except (LimitReachedError, MemoryError, RecursionError) as exc:
        raise UploadRejected(
            "unreadable_pdf",
            "The PDF expands to far more data than an article holds and was refused "
            f"({type(exc).__name__}).",
        ) from exc
    except Exception as exc:  # pypdf raises many kinds of error on damaged files
        raise UploadRejected("unreadable_pdf", f"The PDF could not be read ({exc}).") from exc
    text = normalise_text("\n\n".join(pages))
    if not text:
        raise UploadRejected(
            "no_text", "The PDF has no text layer (scanned images are not supported)."
        )
    published, text = split_dateline(text)
    if not text:
        raise UploadRejected("no_text", "The PDF has a dateline but no article after it.")
    title = " ".join(str(meta_title).split()) or title_from_text(text)
    return ReadArticle(text=text, published=published, title=title, media_type=APPLICATION_PDF)


@contextlib.contextmanager
def _pdf_limits():
    """Tighter pypdf limits on decompressed stream sizes while one PDF is read."""
    try:
        from pypdf._configuration import CURRENT_CONFIGURATION
    except ImportError:  # an older pypdf: its own (larger) limits apply
        yield
        return
    limited = CURRENT_CONFIGURATION.get().with_overwrites(
        zlib_maximum_output_length=PDF_MAX_STREAM_BYTES,
        lzw_maximum_output_length=PDF_MAX_STREAM_BYTES,
        run_length_maximum_output_length=PDF_MAX_STREAM_BYTES,
        brotli_maximum_output_length=PDF_MAX_STREAM_BYTES,
        array_based_stream_maximum_output_length=PDF_MAX_STREAM_BYTES,
        maximum_declared_stream_length=PDF_MAX_STREAM_BYTES,
        image_maximum_buffer_size=PDF_MAX_STREAM_BYTES,
        stream_decoding_work_maximum_length=5 * PDF_MAX_STREAM_BYTES,
        stream_parsing_work_maximum_count=PDF_MAX_STREAM_OPERATIONS,
    )
    token = CURRENT_CONFIGURATION.set(limited)
    try:
        yield
    finally:
        CURRENT_CONFIGURATION.reset(token)
