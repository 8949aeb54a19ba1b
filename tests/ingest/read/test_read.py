"""Tests for ingest.read: bytes and pasted text in, clean text out (fetching a URL:
tests/ingest/test_fetch.py).

No network and no Django: HTML pages and PDFs are written here.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import tomllib
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter

from ingest.read import (
    APPLICATION_PDF,
    TEXT_HTML,
    TEXT_PLAIN,
    ReadArticle,
    UploadRejected,
    content_hash,
    normalise_text,
    read_text,
    read_upload,
    sniff_media_type,
    split_dateline,
    title_from_text,
)

FIRST = "The envoys of Nordland and Sudmark met in Arvella to discuss river water rights."
SECOND = "Both sides called the talks frank and agreed to meet again before the winter."


# --- helpers ----------------------------------------------------------------------


def make_pdf(lines: list[str], *, title: str | None = None, compress: bool = False) -> bytes:
    """A minimal one-page PDF with a Helvetica text stream and a correct xref table."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    ops = "BT /F1 12 Tf 14 TL 72 720 Td " + " ".join(f"({line}) Tj T*" for line in escaped) + " ET"
    content = ops.encode("latin-1")
    stream_dict = f"<< /Length {len(content)} >>"
    if compress:
        content = zlib.compress(content)
        stream_dict = f"<< /Length {len(content)} /Filter /FlateDecode >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream_dict.encode() + b"\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if title is not None:
        objects.append(f"<< /Title ({title}) >>".encode("latin-1"))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref_at = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    info = f" /Info {len(objects)} 0 R" if title is not None else ""
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\n".encode())
    out.write(f"startxref\n{xref_at}\n%%EOF\n".encode())
    return out.getvalue()


def rejected(call, *args, **kwargs) -> UploadRejected:
    with pytest.raises(UploadRejected) as caught:
        call(*args, **kwargs)
    return caught.value


ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Envoys meet in Arvella | The Harbour Ledger</title>
<meta property="og:title" content="Envoys meet in Arvella">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<article>
<h1>Envoys meet in Arvella</h1>
<p>{FIRST}</p>
<p>{SECOND}<br>A joint statement is expected on Friday.</p>
<p>The Nordland envoy gave her counterpart a hand-carved wooden compass as a gift of goodwill.</p>
</article>
<footer><p>Copyright 2019 The Harbour Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


# --- split_dateline ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "rest"),
    [
        pytest.param(f"date 2023-11-14\n\n{FIRST}", dt.date(2023, 11, 14), FIRST, id="own-line"),
        pytest.param(
            f" date 2023-11-14 {FIRST}", dt.date(2023, 11, 14), FIRST, id="runs-into-sentence"
        ),
        pytest.param(
            f"\ufeffdate 2024-02-29\n{FIRST}", dt.date(2024, 2, 29), FIRST, id="after-bom"
        ),
        pytest.param(
            f"Date: 2022-01-05\n\n{FIRST}", dt.date(2022, 1, 5), FIRST, id="capital-with-colon"
        ),
        pytest.param(f"Date 2022-01-05 {FIRST}", dt.date(2022, 1, 5), FIRST, id="capital"),
        pytest.param("date 2023-11-14", dt.date(2023, 11, 14), "", id="dateline-only"),
    ],
)
def test_split_dateline_takes_the_date_and_the_whitespace_after_it(text, date, rest):
    assert split_dateline(text) == (date, rest)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(FIRST, id="no-dateline"),
        pytest.param(f"date 2023-13-45 {FIRST}", id="impossible-date"),
        pytest.param(f"date 2023-02-30\n\n{FIRST}", id="no-such-day"),
        pytest.param(f"date 2023-11-1 {FIRST}", id="short-day"),
        pytest.param(f"date 2023-11-14T10:00 {FIRST}", id="timestamp"),
        pytest.param(f"Dated 2023-11-14 {FIRST}", id="other-word"),
        pytest.param(f"{FIRST}\ndate 2023-11-14", id="not-leading"),
    ],
)
def test_split_dateline_leaves_text_without_a_valid_dateline_untouched(text):
    assert split_dateline(text) == (None, text)


# --- normalisation, hashing, titles -----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("line one   \t\nline two ", "line one\nline two"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("one\n  \n\t\n \ntwo", "one\n\ntwo"),
        ("one\n\ntwo", "one\n\ntwo"),
        ("\n\n  indented stays\n\n", "indented stays"),
        ("first\n    indented", "first\n    indented"),
        ("“curly” quotes — and dashes’", "“curly” quotes — and dashes’"),
        ("nul\x00byte", "nulbyte"),
    ],
)
def test_normalise_text_only_touches_line_ends_and_outer_whitespace(raw, clean):
    assert normalise_text(raw) == clean


def test_content_hash_is_the_same_for_texts_that_normalise_alike():
    assert content_hash(f"{FIRST}\r\n\r\n\r\n{SECOND}  \n") == content_hash(f"{FIRST}\n\n{SECOND}")
    assert content_hash(FIRST) != content_hash(SECOND)
    assert len(content_hash(FIRST)) == 64


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"\n\n  Envoys meet in Arvella  \n\n{FIRST}", "Envoys meet in Arvella"),
        ("", ""),
        ("word " * 60, ("word " * 16).strip() + "…"),
        ("x" * 300, "x" * 80 + "…"),
    ],
)
def test_title_from_text(text, title):
    assert title_from_text(text) == title


def test_long_first_line_gives_a_title_of_about_eighty_characters():
    title = title_from_text(f"{FIRST} {SECOND} {FIRST}")
    assert title.endswith("…") and len(title) <= 81
    assert f"{FIRST} {SECOND}".startswith(title[:-1])


# --- plain text ---------------------------------------------------------------------------


def test_plain_text_with_dateline_on_its_own_line():
    article = read_upload(f"date 2023-11-14\r\n\r\n{FIRST}\r\n\r\n\r\n\r\n{SECOND}\r\n".encode())
    assert article == ReadArticle(
        text=f"{FIRST}\n\n{SECOND}",
        published=dt.date(2023, 11, 14),
        title=FIRST,
        media_type=TEXT_PLAIN,
    )


def test_plain_text_with_dateline_running_into_the_first_sentence():
    article = read_upload(f" date 2023-11-14 {FIRST}\n\n{SECOND}".encode(), filename="visit.txt")
    assert article.published == dt.date(2023, 11, 14)
    assert article.text == f"{FIRST}\n\n{SECOND}"
    assert article.title == FIRST


def test_plain_text_without_dateline_has_no_date():
    article = read_upload(f"{FIRST}\n{SECOND}".encode())
    assert article.published is None
    assert article.text == f"{FIRST}\n{SECOND}"


def test_malformed_dateline_stays_in_the_text():
    article = read_upload(f"date 2023-13-45 {FIRST}".encode())
    assert article.published is None
    assert article.text == f"date 2023-13-45 {FIRST}"


def test_utf8_bom_is_stripped_and_curly_quotes_kept():
    article = read_upload("\ufeffdate 2023-11-14\n\nThe minister’s “frank” remarks.".encode())
    assert article.text == "The minister’s “frank” remarks."
    assert article.published == dt.date(2023, 11, 14)


def test_read_text_reads_pasted_text_like_an_upload():
    assert read_text(f"date 2023-11-14 {FIRST}") == read_upload(f"date 2023-11-14 {FIRST}".encode())
    assert read_text(f"\ufeff{FIRST}").text == FIRST


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \r\n\t\n ", "empty"),
        (b"\xef\xbb\xbf\n", "empty"),
        (b"date 2023-11-14\n\n", "no_text"),
    ],
)
def test_empty_uploads_are_refused(data, code):
    assert rejected(read_upload, data).code == code


def test_empty_pasted_text_is_refused():
    assert rejected(read_text, " \n ").code == "empty"


def test_too_large_upload_is_refused_with_sizes_in_the_message():
    data = b"a" * int(12.3 * 1024 * 1024)
    error = rejected(read_upload, data, max_bytes=10 * 1024 * 1024)
    assert error.code == "too_large"
    assert str(error) == "The file is 12.3 MB; the limit is 10 MB."


def test_too_large_by_a_few_bytes_shows_the_byte_counts():
    error = rejected(read_upload, b"a" * (10 * 1024 * 1024 + 5))
    assert error.code == "too_large"
    assert "10,485,765 bytes" in str(error) and "10,485,760 bytes" in str(error)


def test_too_large_pasted_text_is_refused():
    error = rejected(read_text, "é" * 600, max_bytes=1000)  # 1200 bytes in UTF-8
    assert error.code == "too_large"
    assert str(error) == "The text is 1.2 KB; the limit is 1000 bytes."


def test_upload_at_exactly_the_limit_is_accepted():
    assert read_upload(FIRST.encode(), max_bytes=len(FIRST)).text == FIRST


def test_latin1_text_is_refused_with_the_offset_of_the_first_bad_byte():
    data = "Talks in Genève about the café treaty".encode("latin-1")
    error = rejected(read_upload, data, filename="talks.txt")
    assert error.code == "not_utf8"
    assert "offset 12" in str(error) and "0xE8" in str(error)


def test_offset_of_bad_byte_counts_the_bom():
    error = rejected(read_upload, b"\xef\xbb\xbfab\xffc")
    assert "offset 5" in str(error)


# --- sniffing -----------------------------------------------------------------------------


BINARY_SAMPLES = [
    pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG image", id="png"),
    pytest.param(b"PK\x03\x04\x14\x00\x08\x00" + b"word/document.xml", "a ZIP archive", id="zip"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image", id="jpeg"),
    pytest.param(random.Random(7).randbytes(4096), "binary data", id="random"),
    pytest.param(b"plain start" + b"\x01\x02\x03\x04\x05" * 20, "binary data", id="controls"),
]


@pytest.mark.parametrize(("data", "looks_like"), BINARY_SAMPLES)
def test_binary_uploads_are_refused_whatever_the_filename(data, looks_like):
    error = rejected(read_upload, data, filename="article.txt")
    assert error.code == "unsupported_type"
    assert looks_like in str(error)
    assert "article.txt" in str(error)


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"%PDF-1.7\n...", APPLICATION_PDF),
        (b"\n  %PDF-1.4", APPLICATION_PDF),
        (b"<!DOCTYPE html><html><body>x</body></html>", TEXT_HTML),
        (b"\xef\xbb\xbf  <html lang='en'>", TEXT_HTML),
        (b"<?xml version='1.0'?>\n<!DOCTYPE html>", TEXT_HTML),
        (b"<div>menu</div><p>Some paragraph</p>", TEXT_HTML),
        (b"<!-- saved page -->\n<head><title>x</title></head>", TEXT_HTML),
        (FIRST.encode(), TEXT_PLAIN),
        ("Ministers’ “talks”".encode(), TEXT_PLAIN),
        ("Genève".encode("latin-1"), TEXT_PLAIN),  # refused later, as not UTF-8
        (b"a < b and c > d, said the <b>envoy</b>", TEXT_PLAIN),
    ],
)
def test_sniff_media_type_judges_content(data, media_type):
    assert sniff_media_type(data) == media_type


def test_utf16_text_is_refused_as_not_utf8():
    error = rejected(read_upload, FIRST.encode("utf-16"))
    assert error.code == "not_utf8"
    assert "UTF-16" in str(error)


# --- HTML ---------------------------------------------------------------------------------


def test_html_main_text_title_and_metadata_date_are_extracted():
    article = read_upload(ARTICLE_PAGE.encode(), filename="page.html")
    assert article.media_type == TEXT_HTML
    assert FIRST in article.text and SECOND in article.text
    assert "compass" in article.text
    assert "Privacy policy" not in article.text
    assert "Copyright" not in article.text
    assert article.title == "Envoys meet in Arvella"
    assert article.published == dt.date(2024, 3, 5)
    assert "\n\n" in article.text  # paragraphs separated by blank lines
    assert f"{SECOND}\nA joint statement" in article.text  # <br> is a line break


def test_html_leading_dateline_beats_the_metadata_date():
    page = ARTICLE_PAGE.replace("<h1>Envoys meet in Arvella</h1>", "<p>date 2023-11-14</p>")
    article = read_upload(page.encode())
    assert article.published == dt.date(2023, 11, 14)
    assert article.text.startswith(FIRST)


def test_html_copyright_year_is_not_taken_as_the_published_date():
    page = ARTICLE_PAGE.replace(
        '<meta property="article:published_time" content="2024-03-05T09:30:00Z">', ""
    )
    assert read_upload(page.encode()).published is None


def test_short_html_page_falls_back_to_the_tag_stripper():
    page = (
        "<html><head><title>Note</title><style>p {color: red}</style></head>"
        "<body><script>var x = 1;</script><p>Talks &amp; more.</p><p>Short.</p></body></html>"
    )
    article = read_upload(page.encode())
    assert "Talks & more." in article.text
    assert "color" not in article.text and "var x" not in article.text
    assert article.title == "Note"


def test_html_declared_charset_is_honoured():
    page = ARTICLE_PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "wooden compass", "wooden compass from Genève"
    )
    article = read_upload(page.encode("latin-1"))
    assert "Genève" in article.text


def test_html_without_declared_charset_must_be_utf8():
    page = ARTICLE_PAGE.replace('<meta charset="utf-8">', "").replace(
        "compass", "compass from Genève"
    )
    error = rejected(read_upload, page.encode("latin-1"))
    assert error.code == "not_utf8"


def test_html_without_text_is_refused():
    error = rejected(
        read_upload, b"<html><head><title>Empty</title></head><body><img src=x></body></html>"
    )
    assert error.code == "no_text"


# --- a reader missing from the install ------------------------------------------------------


def test_html_without_its_reader_installed_is_refused_with_a_reason(html_cleaner_missing, caplog):
    error = rejected(read_upload, ARTICLE_PAGE.encode(), filename="visit.html")
    assert error.code == "reader_unavailable"
    assert "HTML" in str(error) and "plain text" in str(error)
    assert "lxml_html_clean" not in str(error)  # the details go to the log
    assert "lxml_html_clean" in caplog.text


def test_pdf_without_its_reader_installed_is_refused_with_a_reason(pdf_reader_missing):
    error = rejected(read_upload, make_pdf([FIRST]))
    assert error.code == "reader_unavailable"
    assert "PDF" in str(error)


def test_plain_text_needs_no_optional_reader(html_cleaner_missing, pdf_reader_missing):
    assert read_upload(f"{FIRST}\n\n{SECOND}".encode()).text.startswith(FIRST)


def test_the_readers_packages_are_declared_directly():
    """trafilatura needs lxml.html.clean, which lxml ships apart as lxml_html_clean: whether
    pip installs it through lxml's extra depends on pip, so the project names it itself."""
    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text())["project"]["dependencies"]
    names = {re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0].lower().replace("-", "_")
             for spec in declared}  # fmt: skip
    assert {"trafilatura", "lxml", "lxml_html_clean", "pypdf"} <= names


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_text_and_metadata_title_are_extracted():
    article = read_upload(make_pdf(["date 2023-11-14", FIRST, SECOND], title="Envoys in Arvella"))
    assert article.media_type == APPLICATION_PDF
    assert article.published == dt.date(2023, 11, 14)
    assert article.text.startswith(FIRST)
    assert SECOND in article.text
    assert article.title == "Envoys in Arvella"


def test_pdf_without_metadata_title_uses_its_first_line():
    article = read_upload(make_pdf([FIRST, SECOND], compress=True))
    assert article.title == FIRST
    assert article.published is None


def test_pdf_without_text_layer_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    error = rejected(read_upload, buffer.getvalue())
    assert error.code == "no_text"
    assert str(error) == "The PDF has no text layer (scanned images are not supported)."


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.4\n" + random.Random(3).randbytes(2000), id="garbage"),
        pytest.param(make_pdf([FIRST])[:150], id="truncated"),
    ],
)
def test_corrupt_pdf_is_refused(data):
    assert rejected(read_upload, data).code == "unreadable_pdf"


def test_password_protected_pdf_is_refused():
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([FIRST])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    error = rejected(read_upload, buffer.getvalue())
    assert error.code == "unreadable_pdf"
    assert "password" in str(error)
