"""The upload page: editors only; text, files or a URL; reasons on rejection."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ingest.queue import queue_replaced
from ingest.read import UploadRejected
from kb.models import Article

pytestmark = pytest.mark.django_db

ARTICLE = "date 2024-03-05\nThe president met the chancellor in Berlin for talks on energy."


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("upload"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    response = client.post(reverse("upload"), {"text": ARTICLE})
    assert response.status_code == 302
    assert not Article.objects.exists()


def test_non_editor_gets_403(reader_client):
    assert reader_client.get(reverse("upload")).status_code == 403
    assert reader_client.post(reverse("upload"), {"text": ARTICLE}).status_code == 403
    assert not Article.objects.exists()


def test_editor_sees_the_form(editor_client):
    response = editor_client.get(reverse("upload"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="text"' in html and 'name="files"' in html and "multiple" in html
    assert 'name="url"' in html


def test_pasted_text_creates_article_and_redirects(editor_client, no_queue):
    response = editor_client.post(reverse("upload"), {"text": ARTICLE, "source": "Wire"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.text.startswith("The president met the chancellor")
    assert str(article.published) == "2024-03-05"
    assert article.source == "Wire"
    assert no_queue == [article.pk]

    page = editor_client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Article uploaded. The status below follows its extraction as it goes." in html
    assert "queued" not in html.split('class="messages"')[-1].split("</ul>")[0]


@pytest.mark.parametrize(
    "status, message",
    [
        ("done", "Article uploaded and read: its facts are below."),
        ("failed", "Article uploaded, but extraction failed: the reason is below."),
    ],
)
def test_the_message_after_an_upload_says_what_happened(editor_client, status, message):
    """In-process extraction is over before the redirect: the message says how it went,
    instead of "queued" above a finished article."""
    mark = lambda article: Article.objects.filter(pk=article.pk).update(status=status)  # noqa: E731
    with queue_replaced(mark):
        response = editor_client.post(reverse("upload"), {"text": ARTICLE}, follow=True)
    assert Article.objects.get().status == status
    html = response.content.decode()
    assert message in html
    assert "queued" not in html.lower().split("<main")[1].split("</h1>")[0]


def test_same_text_twice_is_one_article(editor_client):
    editor_client.post(reverse("upload"), {"text": ARTICLE})
    response = editor_client.post(reverse("upload"), {"text": ARTICLE})
    assert response.status_code == 302
    assert Article.objects.count() == 1


def test_empty_text_rerenders_with_reason(editor_client):
    response = editor_client.post(reverse("upload"), {"text": "   \n  "})
    assert response.status_code == 400
    assert "Nothing was uploaded" in response.content.decode()
    assert not Article.objects.exists()


def test_reader_rejection_rerenders_with_its_reason(editor_client):
    response = editor_client.post(reverse("upload"), {"text": "date 2024-03-05\n"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "dateline but no article" in html
    assert 'role="alert"' in html
    assert "date 2024-03-05" in html  # the pasted text is kept in the form
    assert not Article.objects.exists()


def test_service_rejection_reason_is_shown(editor_client, monkeypatch):
    def reject(**kwargs):
        raise UploadRejected("fetch_failed", "The server answered 404 Not Found.")

    monkeypatch.setattr("ingest.services.article_submit", reject)
    response = editor_client.post(reverse("upload"), {"url": "https://example.org/x"})
    assert response.status_code == 400
    assert "The server answered 404 Not Found." in response.content.decode()


def test_url_is_passed_to_the_service(editor_client, monkeypatch, db):
    from tests.factories import ArticleFactory

    article = ArticleFactory()
    seen = {}

    def submit(**kwargs):
        seen.update(kwargs)
        return article, True

    monkeypatch.setattr("ingest.services.article_submit", submit)
    response = editor_client.post(reverse("upload"), {"url": "https://example.org/news"})
    assert response.status_code == 302
    assert seen == {"url": "https://example.org/news"}


def test_two_kinds_at_once_are_refused(editor_client):
    response = editor_client.post(
        reverse("upload"), {"text": ARTICLE, "url": "https://example.org/news"}
    )
    assert response.status_code == 400
    assert "one kind of upload at a time" in response.content.decode()


def test_one_file_creates_article_and_redirects(editor_client):
    upload = SimpleUploadedFile("berlin.txt", ARTICLE.encode(), content_type="text/plain")
    response = editor_client.post(reverse("upload"), {"files": [upload]})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.source == "berlin.txt"


def test_several_files_make_one_article_each_and_list_results(editor_client, no_queue):
    files = [
        SimpleUploadedFile("one.txt", b"The king received the emir in Riyadh.", "text/plain"),
        SimpleUploadedFile("two.txt", b"The premier phoned the president on Monday.", "text/plain"),
        SimpleUploadedFile("bad.txt", b"date 2024-01-01\n", "text/plain"),
    ]
    response = editor_client.post(reverse("upload"), {"files": files})
    assert response.status_code == 200
    html = response.content.decode()
    assert Article.objects.count() == 2
    assert len(no_queue) == 2
    assert "2 of 3 files accepted" in html
    for article in Article.objects.all():
        assert article.get_absolute_url() in html
    assert "bad.txt" in html and "dateline but no article" in html


def test_uploaded_file_name_is_escaped_in_results(editor_client):
    files = [
        SimpleUploadedFile("<b>x</b>.txt", b"The king received the emir in Riyadh.", "text/plain"),
        SimpleUploadedFile("ok.txt", b"The premier phoned the president.", "text/plain"),
    ]
    html = editor_client.post(reverse("upload"), {"files": files}).content.decode()
    assert "<b>x</b>" not in html


HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Talks in Arvella</title></head><body><article>"
    "<p>The envoys of Nordland and Sudmark met in Arvella to discuss river water rights.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("count", [1, 2], ids=["one file", "several files"])
def test_an_html_file_without_its_reader_installed_is_refused_with_a_reason(
    editor_client, html_cleaner_missing, count
):
    editor_client.raise_request_exception = False
    files = [
        SimpleUploadedFile(f"talks-{n}.html", HTML_PAGE.replace("Arvella", f"Arvella {n}").encode())
        for n in range(count)
    ]
    response = editor_client.post(reverse("upload"), {"files": files})

    assert response.status_code == 400
    assert "HTML pages cannot be read" in response.content.decode()
    assert not Article.objects.exists()


def test_an_archive_from_the_page_stores_each_article_with_a_summary(editor_client, settings):
    """Issue 14: editors upload a .zip or a .jsonl file; each article in it is stored (PDF
    and HTML members left to the workers), refusals come with their reasons, and a
    second upload of the same archive stores nothing again."""
    import io
    import json
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "Two presidents met by a lake to talk about water rights.")
        archive.writestr("b.txt", "A prime minister flew north for talks on a fishing treaty.")
        archive.writestr("c.png", b"\x89PNG")
    lines = "\n".join(
        [json.dumps({"text": "The chancellor hosted a king for talks.", "published": "2024-02-03"}),
         "{broken"]
    )  # fmt: skip

    def post():
        return editor_client.post(
            reverse("upload"),
            {
                "files": [
                    SimpleUploadedFile("news.zip", buffer.getvalue(), "application/zip"),
                    SimpleUploadedFile("feed.jsonl", lines.encode(), "application/x-ndjson"),
                ]
            },
        )

    response = post()
    html = response.content.decode()
    assert response.status_code == 200
    assert "an archive: 2 articles stored and queued, 0 already stored, 1 refused." in html
    assert "1 refused: not an article file (.png)" in html
    assert "an archive: 1 article stored and queued, 0 already stored, 1 refused." in html
    assert Article.objects.count() == 3
    assert Article.objects.get(text__startswith="The chancellor").published.isoformat() == (
        "2024-02-03"
    )
    html = post().content.decode()
    assert "an archive: 0 articles stored and queued, 2 already stored, 1 refused." in html
    assert Article.objects.count() == 3


def test_an_archive_over_the_page_limit_is_read_up_to_it(editor_client, settings):
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.UPLOAD_ARCHIVE_MAX_ITEMS = 2
    lines = "\n".join(json.dumps({"text": f"Leaders met for talks, report {n}."}) for n in range(5))
    response = editor_client.post(
        reverse("upload"), {"files": [SimpleUploadedFile("many.jsonl", lines.encode())]}
    )
    html = response.content.decode()
    assert "Only the first 2 were read" in html
    assert Article.objects.count() == 2
