"""Ingest, stage one: an upload (bytes, pasted text or a URL) -> clean text.

The reader decides what the upload is by its content, never its file name,
turns it into normalised plain text, lifts off a leading ``date YYYY-MM-DD``
dateline as the published date and picks a title.  Anything it cannot use is
refused with :class:`UploadRejected`, whose message is written for the person
who uploaded the file and whose ``code`` is a stable slug for the API.

The stored text is the normalised text returned here: every character offset
the later stages record points into it, so normalisation only touches line
ends and surrounding whitespace, never the characters inside a line.

Pure Python, no Django: limits are passed in by the caller.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import functools
import hashlib
import http.client
import importlib
import io
import ipaddress
import logging
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# spaCy's own limit is 1,000,000 characters; longer texts are refused with a reason.
DEFAULT_MAX_TEXT_CHARS = 1_000_000
DEFAULT_MAX_PDF_PAGES = 200
# Decompressed bytes pypdf may produce from one PDF stream (a "zip bomb" is refused).
PDF_MAX_STREAM_BYTES = 20_000_000
# Operators and operands pypdf may parse in one content stream (a dense real page has a
# few thousand), and the seconds a whole PDF may take to read.
PDF_MAX_STREAM_OPERATIONS = 200_000
PDF_MAX_READ_SECONDS = 20.0

TEXT_PLAIN = "text/plain"
TEXT_HTML = "text/html"
APPLICATION_PDF = "application/pdf"
# The library that reads each type (module, what it reads), imported only when needed.
_READERS = {APPLICATION_PDF: ("pypdf", "PDFs"), TEXT_HTML: ("trafilatura", "HTML pages")}
# Types whose reading may take seconds: uploads of these are read by the worker.
READ_LATER = frozenset(_READERS)

_UTF8_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.02
_TITLE_MAX_LINE = 200
_TITLE_SHORT = 80


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


# --- entry points ---------------------------------------------------------


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
        article = _read_pdf(
            data, max_pages=max_pdf_pages, max_chars=max_text_chars, max_seconds=max_pdf_seconds
        )
    elif media_type == TEXT_HTML:
        article = _read_html(data, max_chars=max_text_chars)
    else:
        article = _read_plain(_decode_utf8(data), media_type=TEXT_PLAIN)
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
    _check_size(len(data), max_bytes, what="file")
    media_type = sniff_media_type(data, filename=filename)
    if media_type in _READERS:
        _reader(*_READERS[media_type])
    return media_type


def read_text(
    text: str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
) -> ReadArticle:
    """Read pasted text, applying the same size limit as a file upload."""
    _check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes, what="text")
    article = _read_plain(text.removeprefix("\ufeff"), media_type=TEXT_PLAIN)
    _check_length(article.text, max_text_chars)
    return article


def _check_length(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise UploadRejected(
            "too_long",
            f"The article text is {len(text):,} characters long; the limit is {max_chars:,}. "
            "Split it into separate articles.",
        )


def check_url(url: str, *, allow_private: bool = False) -> str:
    """Check an address before it is stored for fetching later, without a DNS look-up.

    Refuses (``bad_url``) anything but http(s) with a host, and hosts written as an
    internal IP address in any spelling (``127.0.0.1``, ``2130706433``,
    ``0177.0.0.1``, ``[::ffff:127.0.0.1]``).  Names are resolved and checked again
    when the worker fetches the page.  Returns the stripped URL.
    """
    url = url.strip()
    if len(url) > 2000:
        raise UploadRejected("bad_url", "The address is longer than 2,000 characters.")
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise UploadRejected("bad_url", "The address contains spaces or control characters.")
    _check_web_url(url, allow_private=True)
    if not allow_private:
        host = urllib.parse.urlsplit(url).hostname or ""
        address = _literal_address(host)
        if address is not None:
            _refuse_internal(host, address)
    return url


def fetch_url(
    url: str,
    *,
    max_bytes: int,
    timeout: float = 10.0,
    opener: Any = None,
    allow_private: bool = False,
) -> tuple[bytes, str]:
    """Download ``url`` (http or https only) and return (body, final URL).

    At most ``max_bytes + 1`` bytes are read, so an oversized page is refused
    without being held in memory, and the whole download must finish within
    ``3 * timeout`` seconds.  Redirects to other schemes are refused.
    Unless ``allow_private``, addresses that resolve to loopback, private,
    link-local or reserved networks are refused, redirects included, so an
    upload form cannot be used to reach services inside the deployment.  The
    check is made when connecting, on the very address connected to (the host
    name is resolved once per connection and that address is pinned, with the
    Host header and TLS server name kept), so a DNS answer that changes between
    check and connection ("DNS rebinding") cannot slip through.  Proxy
    variables are ignored.
    ``opener`` is anything with ``open(request, timeout=...)`` (a urllib
    OpenerDirector by default); tests inject their own.
    """
    url = url.strip()
    _check_web_url(url, allow_private=allow_private)
    if opener is None:
        redirects = _WebOnlyRedirectHandler()
        redirects.allow_private = allow_private
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            _PinnedHTTPHandler(allow_private=allow_private),
            _PinnedHTTPSHandler(allow_private=allow_private),
            redirects,
        )
    deadline = time.monotonic() + 3 * timeout
    request = urllib.request.Request(
        url, headers={"User-Agent": "Summitry/1.0 (article reader)", "Accept": "*/*"}
    )
    try:
        response = opener.open(request, timeout=timeout)
    except UploadRejected:  # a redirect to another scheme
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise UploadRejected(
            "fetch_failed", f"The server answered {exc.code} {exc.reason}."
        ) from exc
    except urllib.error.URLError as exc:
        raise UploadRejected("fetch_failed", f"Could not fetch the page: {exc.reason}.") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:  # timeouts, resets, bad hosts
        raise UploadRejected("fetch_failed", f"Could not fetch the page: {exc}.") from exc
    try:
        final_url = response.geturl() or url
        _check_web_url(final_url, allow_private=allow_private)
        headers = getattr(response, "headers", None)
        declared = headers.get("Content-Length", "") if headers is not None else ""
        if declared.isdigit():
            _check_size(int(declared), max_bytes, what="page")
        data = _read_limited(response, max_bytes, deadline=deadline)
    except (OSError, http.client.HTTPException) as exc:
        raise UploadRejected("fetch_failed", f"The download broke off: {exc}.") from exc
    finally:
        response.close()
    return data, final_url


# --- pieces the rest of ingest also uses ------------------------------------

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


# --- sniffing ---------------------------------------------------------------

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
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRejected(
            "not_utf8",
            f"{_name(filename)} is UTF-16 text; please save it as UTF-8 and upload it again.",
        )
    stripped = head.removeprefix(_UTF8_BOM).lstrip()
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


# --- readers per type ---------------------------------------------------------


def _reader(module: str, what: str) -> Any:
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


def _read_plain(text: str, *, media_type: str) -> ReadArticle:
    text = normalise_text(text)
    if not text:
        raise UploadRejected("empty", "The text is empty.")
    published, body = split_dateline(text)
    if not body:
        raise UploadRejected("no_text", "The text has a dateline but no article after it.")
    return ReadArticle(
        text=body, published=published, title=title_from_text(body), media_type=media_type
    )


def _read_html(data: bytes, *, max_chars: int = DEFAULT_MAX_TEXT_CHARS) -> ReadArticle:
    html = _decode_html(data)
    try:
        extracted = _extract_with_trafilatura(html)
    except RecursionError:  # absurdly deep nesting: fall back to the flat tag stripper
        extracted = None
    extracted = extracted or _TagStripper.strip(html)
    text = normalise_text(extracted.text)
    published, text = split_dateline(text)
    if not text:
        raise UploadRejected("no_text", "No article text could be found in the HTML page.")
    title = " ".join(extracted.title.split()) or title_from_text(text)
    published = published or extracted.published
    return ReadArticle(text=text, published=published, title=title, media_type=TEXT_HTML)


def _read_pdf(
    data: bytes,
    *,
    max_pages: int = DEFAULT_MAX_PDF_PAGES,
    max_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_seconds: float = PDF_MAX_READ_SECONDS,
) -> ReadArticle:
    pypdf = _reader(*_READERS[APPLICATION_PDF])
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


# --- decoding -------------------------------------------------------------------


def _decode_utf8(data: bytes) -> str:
    """Decode UTF-8 (BOM allowed and dropped) or say where the first bad byte is."""
    body = data.removeprefix(_UTF8_BOM)
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


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.I)


def _decode_html(data: bytes) -> str:
    """Decode with the charset a <meta> declares, else require UTF-8."""
    match = None if data.startswith(_UTF8_BOM) else _META_CHARSET.search(data[:_SNIFF_BYTES])
    if match:
        try:
            encoding = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            encoding = "utf-8"
        if encoding != "utf-8":
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UploadRejected(
                    "bad_charset",
                    f"The page declares the charset {encoding} but byte offset {exc.start} "
                    "does not decode in it.",
                ) from exc
    return _decode_utf8(data)


# --- HTML extraction ---------------------------------------------------------------


@dataclass(frozen=True)
class _ExtractedPage:
    text: str
    title: str
    published: dt.date | None


def _extract_with_trafilatura(html: str) -> _ExtractedPage | None:
    """Main text (blocks separated by blank lines), title and metadata date.

    Dates come from the page's metadata only (meta tags, <time>, JSON-LD):
    trafilatura's extensive search guesses from body text such as a copyright
    year, and a wrong date is worse than none.  None when nothing is found.
    """
    trafilatura = _reader(*_READERS[TEXT_HTML])
    xml = trafilatura.extract(
        html,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not xml:
        return None
    try:
        document = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None
    main = document.find("main")
    blocks = [_block_text(block) for block in (main if main is not None else [])]
    text = "\n\n".join(block for block in blocks if block)
    if not text.strip():
        return None
    title = document.get("title") or ""
    return _ExtractedPage(text=text, title=title, published=_parse_iso_date(document.get("date")))


def _block_text(element: ElementTree.Element) -> str:
    """Text of one trafilatura block: <lb/> is a line break, list items are lines."""
    if element.tag == "list":
        return "\n".join(filter(None, (_block_text(item) for item in element)))
    for line_break in element.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    return "".join(element.itertext()).strip()


def _parse_iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class _TagStripper:
    """Fallback for pages trafilatura gives up on: visible text, blocks on their own lines.

    Built on lxml's C parser, which takes linear time on any input: the standard
    library's HTMLParser is quadratic on unclosed tags, so a 10 MB page of ``<a <a <a``
    would hold a worker for hours.
    """

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
    _BLOCK = frozenset(
        "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 "
        "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul br".split()
    )

    @classmethod
    def strip(cls, html: str) -> _ExtractedPage:
        lxml_html = _reader("lxml.html", "HTML pages")
        etree = _reader("lxml.etree", "HTML pages")
        parser = lxml_html.HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True, recover=True
        )
        try:
            root = lxml_html.document_fromstring(html, parser=parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return _ExtractedPage(text="", title="", published=None)
        og = root.xpath('//meta[@property="og:title"]/@content')
        title_element = root.find(".//title")
        title = " ".join(str(og[0]).split()) if og else ""
        if not title and title_element is not None:
            title = " ".join((title_element.text_content() or "").split())
        body = root.find("body")
        parts: list[str] = []
        walker = etree.iterwalk(body if body is not None else root, events=("start", "end"))
        skipped: set[int] = set()
        for event, element in walker:
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if event == "start":
                if tag in cls._SKIP or not tag:
                    skipped.add(id(element))
                    walker.skip_subtree()
                    continue
                if tag in cls._BLOCK:
                    parts.append("\n")
                parts.append(element.text or "")
            else:
                if id(element) not in skipped and tag in cls._BLOCK:
                    parts.append("\n")
                parts.append(element.tail or "")
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        text = "\n\n".join(line for line in lines if line)
        return _ExtractedPage(text=text, title=title, published=None)


# --- URL fetching ---------------------------------------------------------------------


def _check_web_url(url: str, *, allow_private: bool = True) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UploadRejected(
            "bad_url", f"Only http and https addresses can be fetched, not “{url}”."
        )
    if not allow_private:
        _check_public_host(parts.hostname)


def _check_public_host(host: str) -> None:
    _resolve_public(host, None)


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Loopback, private, link-local, reserved, multicast, or an IPv6 address that
    embeds such an IPv4 address (mapped ``::ffff:a.b.c.d``, NAT64, 6to4, Teredo)."""
    if not address.is_global or address.is_multicast or address.is_unspecified:
        return True
    if isinstance(address, ipaddress.IPv6Address):
        embedded = [address.ipv4_mapped, address.sixtofour]
        if address.teredo:
            embedded.extend(address.teredo)
        if address in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        return any(v4 is not None and _is_internal(v4) for v4 in embedded)
    return False


def _literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host written as a number stands for, in any spelling the C
    resolver accepts (dotted, decimal ``2130706433``, octal ``0177.0.0.1``, hex)."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, UnicodeError, ValueError):
        return None


def _refuse_internal(
    host: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address, *, looked_up: bool = False
) -> None:
    """Refuse an internal address. For a name that was looked up, the message leaves out
    the address it resolved to: an editor must not learn the deployment's internal map.
    A host written as an address is shown in its usual spelling (the editor wrote it)."""
    if not _is_internal(address):
        return
    shown = "" if looked_up else f" ({address})"
    raise UploadRejected(
        "bad_url",
        f"“{host}” is an internal address{shown}; only public web pages can be fetched.",
    )


def _resolve_public(host: str, port: int | None, *, allow_private: bool = False) -> str:
    """Resolve ``host`` once; refuse it if any address is internal (unless allowed);
    return the first address, which the caller must connect to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise UploadRejected("fetch_failed", f"Could not find the host “{host}”.") from exc
    if not infos:
        raise UploadRejected("fetch_failed", f"Could not find the host “{host}”.")
    if not allow_private:
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
            _refuse_internal(host, address, looked_up=_literal_address(host) is None)
    return infos[0][4][0]


class _PinnedConnectionMixin:
    """Connect to the address that was checked, not to whatever a second look-up says."""

    allow_private = False

    def _connect_checked(self) -> socket.socket:
        address = _resolve_public(self.host, self.port, allow_private=self.allow_private)
        return socket.create_connection((address, self.port), self.timeout, self.source_address)


class _PinnedHTTPConnection(_PinnedConnectionMixin, http.client.HTTPConnection):
    def connect(self) -> None:
        self.sock = self._connect_checked()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPSConnection(_PinnedConnectionMixin, http.client.HTTPSConnection):
    def connect(self) -> None:
        sock = self._connect_checked()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # The certificate is checked against the host name (SNI), not the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req):  # type: ignore[no-untyped-def]
        connection = type(
            "_Connection", (_PinnedHTTPConnection,), {"allow_private": self.allow_private}
        )
        return self.do_open(connection, req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, *, allow_private: bool) -> None:
        super().__init__(context=ssl.create_default_context())
        self.allow_private = allow_private

    def https_open(self, req):  # type: ignore[no-untyped-def]
        connection = type(
            "_Connection", (_PinnedHTTPSConnection,), {"allow_private": self.allow_private}
        )
        return self.do_open(functools.partial(connection, context=self._context), req)


class _WebOnlyRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would follow one to ftp, and
    reports one to file: as an HTTP error rather than a bad address."""

    allow_private = True

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        location = headers.get("location") or headers.get("uri")
        if location:
            try:
                _check_web_url(
                    urllib.parse.urljoin(req.full_url, location), allow_private=self.allow_private
                )
            except UploadRejected:
                fp.close()
                raise
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _read_limited(
    response: Any, max_bytes: int, chunk_size: int = 64 * 1024, *, deadline: float | None = None
) -> bytes:
    """Read up to max_bytes + 1 bytes and refuse the page if it went past max_bytes,
    or if it is still arriving at ``deadline`` (a time.monotonic() value)."""
    chunks: list[bytes] = []
    total = 0
    read = getattr(response, "read1", None) or response.read
    while total <= max_bytes:
        if deadline is not None and time.monotonic() > deadline:
            raise UploadRejected("fetch_failed", "The page took too long to download.")
        # read1 returns what has arrived, so a slow drip cannot outlast the deadline.
        chunk = read(min(chunk_size, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise UploadRejected("too_large", f"The page is larger than the {_size(max_bytes)} limit.")
    return b"".join(chunks)


# --- sizes ------------------------------------------------------------------------------


def _check_size(size: int, max_bytes: int, *, what: str) -> None:
    if size <= max_bytes:
        return
    actual, limit = _size(size), _size(max_bytes)
    if actual == limit:  # e.g. 10.04 MB against 10 MB: show the bytes
        actual, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
    raise UploadRejected("too_large", f"The {what} is {actual}; the limit is {limit}.")


def _size(size: int) -> str:
    """'12.3 MB', '10 MB', '512 KB', '900 bytes'."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
