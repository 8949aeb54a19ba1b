"""HTML pages: decoded by their declared charset, the article's text found by
trafilatura, or by a plain tag stripper when trafilatura gives up."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from ingest.read.common import (
    DEFAULT_MAX_TEXT_CHARS,
    READERS,
    SNIFF_BYTES,
    TEXT_HTML,
    UTF8_BOM,
    ReadArticle,
    UploadRejected,
    reader_import,
)
from ingest.read.text import decode_utf8, normalise_text, split_dateline, title_from_text


def read_html(data: bytes, *, max_chars: int = DEFAULT_MAX_TEXT_CHARS) -> ReadArticle:
    html = decode_html(data)
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


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.I)


def decode_html(data: bytes) -> str:
    """Decode with the charset a <meta> declares, else require UTF-8."""
    match = None if data.startswith(UTF8_BOM) else _META_CHARSET.search(data[:SNIFF_BYTES])
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
    return decode_utf8(data)


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
    trafilatura = reader_import(*READERS[TEXT_HTML])
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
        lxml_html = reader_import("lxml.html", "HTML pages")
        etree = reader_import("lxml.etree", "HTML pages")
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
