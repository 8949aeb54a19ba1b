"""PDF and HTML files are read by the worker, not in the upload request.

The request checks what is cheap (size, the type sniffed from the bytes, that a reader
is installed), stores the bytes and answers at once; the worker reads the file within
page and time bounds, then de-duplicates its text as it does for URL uploads.
"""

from __future__ import annotations

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from api.models import TokenScope
from ingest.queue import queue_replaced
from ingest.services import article_process, article_submit
from kb.models import Article, ArticleStatus, Evidence
from tests.api.conftest import token_client
from tests.factories import editor
from tests.ingest.record.test_sticky import TEXT, fake_extraction

pytestmark = pytest.mark.django_db

PAGE = (
    "<!DOCTYPE html><html><head><title>Talks in Oslo</title></head><body><article>"
    f"<p>{TEXT}</p></article></body></html>"
).encode()


def many_page_pdf(pages: int, line: str = TEXT) -> bytes:
    """A PDF of ``pages`` pages, each drawing ``line`` in Helvetica (made with pypdf)."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    for number in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        body = escaped if number == 0 else f"Page {number + 1}."
        stream.set_data(f"BT /F1 12 Tf 72 720 Td ({body}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def readers_called(monkeypatch) -> list[str]:
    """Record every call of the PDF and HTML readers (and still read)."""
    from ingest.read import html, pdf

    calls: list[str] = []
    for module, name in ((pdf, "read_pdf"), (html, "read_html")):
        real = getattr(module, name)

        def recording(*args, _real=real, _name=name, **kwargs):
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, recording)
    return calls


@pytest.fixture
def queued(no_queue) -> list[int]:
    return no_queue


@pytest.fixture
def extracted_texts(monkeypatch) -> list[str]:
    """The (fake) extractor records the text it is given and finds one of each fact."""
    texts: list[str] = []

    def extract(text, published=None, **kwargs):
        texts.append(text)
        return fake_extraction()

    monkeypatch.setattr("ingest.extract.extract", extract)
    return texts


def pdf_file(name: str = "talks.pdf", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data or many_page_pdf(3), "application/pdf")


# ---- the request does not read ----------------------------------------------------------------


def test_an_api_pdf_upload_answers_202_without_reading_the_pdf(readers_called, queued):
    client = token_client(editor(), TokenScope.EDIT)
    response = client.post("/api/articles/", {"file": pdf_file()}, format="multipart")

    assert response.status_code == 202, response.content
    assert readers_called == []
    article = Article.objects.get()
    assert (article.status, article.text, article.content_hash) == (ArticleStatus.QUEUED, "", None)
    assert article.media_type == "application/pdf"
    assert article.upload.read().startswith(b"%PDF-")
    assert queued == [article.pk]


def test_an_api_batch_of_pdfs_and_html_answers_without_reading_them(readers_called, queued):
    client = token_client(editor(), TokenScope.EDIT)
    files = [
        pdf_file("a.pdf", many_page_pdf(2, "First.")),
        pdf_file("b.pdf", many_page_pdf(2, "Second.")),
        SimpleUploadedFile("c.html", PAGE, "text/html"),
    ]
    response = client.post("/api/articles/", {"file": files}, format="multipart")

    assert response.status_code == 202, response.content
    assert [item["created"] for item in response.json()["items"]] == [True, True, True]
    assert readers_called == []
    assert len(queued) == 3


def test_the_upload_page_stores_a_pdf_without_reading_it(client, readers_called, queued):
    client.force_login(editor())
    response = client.post(reverse("upload"), {"files": [pdf_file()]})

    assert response.status_code == 302
    assert readers_called == []
    assert Article.objects.get().status == ArticleStatus.QUEUED


def test_a_file_named_pdf_that_is_not_one_is_refused_at_once(readers_called, queued):
    client = token_client(editor(), TokenScope.EDIT)
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    response = client.post(
        "/api/articles/", {"file": pdf_file("scan.pdf", png)}, format="multipart"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "unsupported_type"
    assert not Article.objects.exists() and queued == []


def test_a_pdf_without_its_reader_installed_is_still_refused_at_once(pdf_reader_missing, queued):
    with pytest.raises(Exception, match="PDFs cannot be read") as refused:
        article_submit(data=many_page_pdf(1), filename="talks.pdf")
    assert refused.value.code == "reader_unavailable"
    assert not Article.objects.exists() and queued == []


def test_plain_text_files_are_still_read_in_the_request(queued):
    article, created = article_submit(data=TEXT.encode(), filename="talks.txt")
    assert created and article.text == TEXT and article.content_hash is not None


# ---- the worker reads ---------------------------------------------------------------------------


def test_the_worker_reads_the_pdf_and_extracts_its_facts(queued, extracted_texts):
    article, _ = article_submit(data=many_page_pdf(3), filename="talks.pdf")

    done = article_process(article_id=article.pk)

    assert done.status == ArticleStatus.DONE, done.error
    assert done.text.startswith(TEXT)
    assert done.title == TEXT
    assert len(done.content_hash) == 64
    assert done.source == "talks.pdf"
    assert extracted_texts == [done.text]
    assert Evidence.objects.filter(article=done).exists()
    assert done.fact_counts() == {"meetings": 1, "gifts": 1, "agreements": 1}


def test_the_worker_reads_an_html_file(queued, extracted_texts):
    article, _ = article_submit(data=PAGE, filename="talks.html")

    done = article_process(article_id=article.pk)

    assert done.status == ArticleStatus.DONE, done.error
    assert (done.title, done.text, done.media_type) == ("Talks in Oslo", TEXT, "text/html")


def test_a_pdf_whose_text_is_already_stored_becomes_its_duplicate(queued, extracted_texts):
    data = many_page_pdf(3)
    first, _ = article_submit(data=data, filename="talks.pdf")
    article_process(article_id=first.pk)
    second, created = article_submit(data=data, filename="talks-again.pdf")
    assert created  # the request cannot know yet

    second = article_process(article_id=second.pk)

    assert second.status == ArticleStatus.DONE
    assert second.duplicate_of_id == first.pk
    assert second.content_hash is None
    assert len(extracted_texts) == 1  # the duplicate is not extracted again
    assert Article.objects.filter(content_hash__isnull=False).count() == 1


def test_a_pdf_over_the_page_limit_fails_in_the_worker_with_a_reason(queued, settings):
    settings.INGEST_MAX_PDF_PAGES = 5
    article, _ = article_submit(data=many_page_pdf(6), filename="long.pdf")

    failed = article_process(article_id=article.pk)

    assert failed.status == ArticleStatus.FAILED
    assert failed.error == "The PDF has 6 pages; the limit is 5. [too_large]"


def test_a_pdf_that_takes_too_long_to_read_fails_in_the_worker_with_a_reason(
    queued, settings, monkeypatch
):
    settings.INGEST_MAX_PDF_SECONDS = 1
    clock = iter(range(0, 1000, 2))  # every look at the clock is two seconds later
    monkeypatch.setattr("ingest.read.pdf.time.monotonic", lambda: next(clock))
    article, _ = article_submit(data=many_page_pdf(4), filename="slow.pdf")

    failed = article_process(article_id=article.pk)

    assert failed.status == ArticleStatus.FAILED
    assert failed.error.startswith("The PDF took more than 1 seconds to read")
    assert failed.error.endswith("[unreadable_pdf]")


def test_a_damaged_pdf_fails_in_the_worker_with_a_reason(queued):
    article, _ = article_submit(data=b"%PDF-1.4\n" + bytes(range(256)) * 4, filename="bad.pdf")

    failed = article_process(article_id=article.pk)

    assert failed.status == ArticleStatus.FAILED
    assert failed.error.endswith("[unreadable_pdf]")


# ---- the command ------------------------------------------------------------------------------


def test_ingest_command_names_the_article_a_pdf_duplicates(
    tmp_path, capsys, extracted_texts, monkeypatch
):
    first = tmp_path / "talks.pdf"
    first.write_bytes(many_page_pdf(2))
    again = tmp_path / "again.pdf"
    again.write_bytes(first.read_bytes())

    # Without a broker the worker's code runs in-process as soon as the article is saved.
    with queue_replaced(lambda article: article_process(article_id=article.pk)):
        call_command("ingest", str(first), str(again))

    out = capsys.readouterr().out.splitlines()
    original = Article.objects.get(content_hash__isnull=False)
    assert "done" in out[0]
    assert f"duplicate of article {original.pk}" in out[1]


# ---- before/after: one request, timed --------------------------------------------------------


def test_a_199_page_pdf_upload_answers_quickly(queued, monkeypatch):
    """Were the request to read the PDF, this reader would hold it for 199 x 50 ms."""
    from ingest.read import pdf

    real = pdf.read_pdf

    def slow(*args, **kwargs):
        time.sleep(199 * 0.05)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "read_pdf", slow)
    client = token_client(editor(), TokenScope.EDIT)
    started = time.monotonic()
    response = client.post(
        "/api/articles/", {"file": pdf_file("long.pdf", many_page_pdf(199))}, format="multipart"
    )
    assert response.status_code == 202
    assert time.monotonic() - started < 5


def test_a_stored_file_gone_from_disk_fails_with_a_reason(queued):
    article, _ = article_submit(data=many_page_pdf(1), filename="gone.pdf")
    article.upload.delete(save=False)

    failed = article_process(article_id=article.pk)

    assert failed.status == ArticleStatus.FAILED
    assert failed.error.endswith("[file_missing]")
