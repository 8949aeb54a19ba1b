"""Uploading articles through the API, re-queueing them, and who may do it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from kb.models import Article, ArticleStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "date 2024-05-02\nPresident Dubois received Chancellor Becker in Paris on Thursday."
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_editor_posts_text_and_the_article_is_queued(editor_client, queued):
    response = editor_client.post("/api/articles/", {"text": TEXT}, format="json")

    assert response.status_code == 202, response.content
    body = response.json()
    article = Article.objects.get()
    assert body == {
        "id": article.pk,
        "status": "queued",
        "created": True,
        "url": f"http://testserver/api/articles/{article.pk}/",
    }
    assert response["Location"] == body["url"]
    assert article.status == ArticleStatus.QUEUED
    assert article.published.isoformat() == "2024-05-02"
    assert article.text.startswith("President Dubois")
    assert queued == [article]


def test_editor_uploads_a_file(editor_client, queued):
    response = editor_client.post(
        "/api/articles/", {"file": upload("visit.txt", TEXT.encode())}, format="multipart"
    )

    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.source == "visit.txt"
    assert article.media_type == "text/plain"
    assert len(queued) == 1


def test_text_as_a_form_field(editor_client):
    response = editor_client.post("/api/articles/", {"text": TEXT}, format="multipart")
    assert response.status_code == 202, response.content


def test_the_same_text_twice_returns_the_stored_article(editor_client, queued):
    first = editor_client.post("/api/articles/", {"text": TEXT}, format="json").json()
    again = editor_client.post("/api/articles/", {"text": TEXT + "\n\n"}, format="json")

    assert again.status_code == 200
    assert again.json() == {**first, "created": False}
    assert Article.objects.count() == 1
    assert len(queued) == 1


BAD_UPLOADS = {
    "empty file": ({"file": upload("empty.txt", b"")}, "empty"),
    "empty text": ({"text": "  \n "}, "empty"),
    "too large": ({"file": upload("big.txt", b"a" * 1001)}, "too_large"),
    "too large text": ({"text": "a" * 1001}, "too_large"),
    "PNG named .txt": ({"file": upload("notes.txt", PNG)}, "unsupported_type"),
    "latin-1 bytes": (
        {"file": upload("fr.txt", "Élysée, café, déjà".encode("latin-1"))},
        "not_utf8",
    ),
    "nothing": ({}, "empty"),
    "two inputs": ({"text": TEXT, "url": "https://example.org/"}, "ambiguous"),
    "not a web address": ({"url": "file:///etc/passwd"}, "bad_url"),
}


@override_settings(UPLOAD_MAX_BYTES=1000)
@pytest.mark.parametrize(("data", "code"), BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_unusable_uploads_are_400_with_a_reason_and_nothing_saved(
    editor_client, queued, data, code
):
    ArticleFactory()
    response = editor_client.post("/api/articles/", data, format="multipart")

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == code
    assert len(body["detail"]) > 10
    assert Article.objects.count() == 1
    assert queued == []


@override_settings(UPLOAD_MAX_BYTES=1000, DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
@pytest.mark.parametrize("format", ["json", "multipart"])
def test_a_body_over_the_request_limit_is_413_json(editor_client, format):
    response = editor_client.post("/api/articles/", {"text": "a" * 2001}, format=format)

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert Article.objects.count() == 0


@override_settings(UPLOAD_MAX_BYTES=1000, DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_django_refusing_a_large_form_field_is_413_json(editor_client, monkeypatch):
    """Django's own RequestDataTooBig (raised while parsing) never becomes a 500."""
    monkeypatch.setattr("api.views.articles._check_body_size", lambda request: None)
    response = editor_client.post("/api/articles/", {"text": "a" * 2001}, format="multipart")

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_anonymous_may_read_but_not_post(client):
    assert client.get("/api/articles/").status_code == 200
    response = client.post("/api/articles/", {"text": TEXT}, format="json")
    assert response.status_code in (401, 403)
    assert Article.objects.count() == 0


def test_readers_may_not_post(reader_client):
    response = reader_client.post("/api/articles/", {"text": TEXT}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@override_settings(SUMMITRY_ANONYMOUS_READ=False)
def test_anonymous_reading_can_be_turned_off(client, reader_client):
    assert client.get("/api/meetings/").status_code in (401, 403)
    assert reader_client.get("/api/meetings/").status_code == 200


def test_editor_requeues_a_failed_article(editor_client, reader_client, queued):
    article = ArticleFactory(status=ArticleStatus.FAILED, error="Boom")

    assert reader_client.post(f"/api/articles/{article.pk}/retry/").status_code == 403
    response = editor_client.post(f"/api/articles/{article.pk}/retry/")

    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    article.refresh_from_db()
    assert (article.status, article.error) == (ArticleStatus.QUEUED, "")
    assert queued == [article]
    assert editor_client.post("/api/articles/999999/retry/").status_code == 404


def test_editor_submits_a_url_which_the_worker_fetches(editor_client, queued, monkeypatch):
    fetched = []
    monkeypatch.setattr("ingest.fetch.fetch_url", lambda *a, **k: fetched.append(a))
    response = editor_client.post("/api/articles/", {"url": "https://example.org/v"}, format="json")

    assert response.status_code == 202, response.content
    article = Article.objects.get()
    assert fetched == []  # not while the client waits
    assert queued == [article]
    body = editor_client.get(response.json()["url"]).json()
    assert (body["status"], body["source_url"]) == ("queued", "https://example.org/v")


# ---- batches, and polling for the facts ---------------------------------------------------------


def test_a_json_batch_answers_202_with_each_articles_address(editor_client, queued):
    ArticleFactory(text="Already here: leaders met.")
    response = editor_client.post(
        "/api/articles/",
        {"items": [{"text": TEXT}, {"url": "https://example.org/v"}, {"text": " "},
                   {"text": "Already here: leaders met."}]},
        format="json",
    )  # fmt: skip

    assert response.status_code == 202, response.content
    items = response.json()["items"]
    assert [item["index"] for item in items] == [0, 1, 2, 3]
    assert items[0]["created"] and items[1]["created"]
    assert items[2]["error"]["code"] == "empty"
    assert items[3]["created"] is False
    assert len(queued) == 2
    polled = editor_client.get(items[0]["url"]).json()
    assert polled["status"] == "queued" and polled["meetings"] == []


def test_several_files_are_a_batch(editor_client):
    files = [upload(f"{n}.txt", f"{TEXT} Report {n}.".encode()) for n in range(3)]
    response = editor_client.post("/api/articles/", {"file": files}, format="multipart")
    assert response.status_code == 202, response.content
    assert [item["created"] for item in response.json()["items"]] == [True, True, True]
    assert Article.objects.count() == 3


def test_a_batch_with_nothing_usable_is_400(editor_client):
    response = editor_client.post("/api/articles/", {"items": [{"text": ""}]}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"items.0": [response.json()["detail"].split(": ", 1)[1]]}
    too_many = editor_client.post(
        "/api/articles/", {"items": [{"text": f"{n}"} for n in range(101)]}, format="json"
    )
    assert too_many.status_code == 400 and too_many.json()["code"] == "too_many"


def test_a_done_article_shows_the_facts_found_in_it(client):
    from tests.factories import EvidenceFactory, GiftFactory, LeaderFactory, MeetingFactory

    article = ArticleFactory(status="done")
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
    EvidenceFactory(article=article, meeting=meeting)
    EvidenceFactory(article=article, gift=gift)
    body = client.get(f"/api/articles/{article.pk}/").json()
    assert body["status"] == "done"
    assert [m["id"] for m in body["meetings"]] == [meeting.pk]
    assert {p["id"] for p in body["meetings"][0]["participants"]} == {a.pk, b.pk}
    assert [g["id"] for g in body["gifts"]] == [gift.pk]
    assert body["agreements"] == []


# ---- the upload's other fields: source, and nothing else ----------------------------------------

SOURCE = "Le Quotidien invente, 2 May 2024"


def test_a_json_upload_keeps_its_source_as_the_upload_page_does(editor_client):
    response = editor_client.post("/api/articles/", {"text": TEXT, "source": SOURCE}, format="json")

    assert response.status_code == 202, response.content
    assert Article.objects.get().source == SOURCE
    assert editor_client.get(response.json()["url"]).json()["source"] == SOURCE


def test_a_source_goes_with_each_batch_item_and_with_files(editor_client):
    response = editor_client.post(
        "/api/articles/",
        {"items": [{"text": TEXT, "source": SOURCE}, {"text": f"{TEXT} Again."}]},
        format="json",
    )
    assert response.status_code == 202, response.content
    assert sorted(Article.objects.values_list("source", flat=True)) == ["", SOURCE]

    response = editor_client.post(
        "/api/articles/",
        {"file": upload("visit.txt", f"{TEXT} Filed.".encode()), "source": "Wire desk"},
        format="multipart",
    )
    assert response.status_code == 202, response.content
    assert Article.objects.get(pk=response.json()["id"]).source == "Wire desk"


def test_a_source_with_a_url_is_400_as_the_page_is_the_source(editor_client, queued):
    response = editor_client.post(
        "/api/articles/", {"url": "https://example.org/v", "source": SOURCE}, format="json"
    )
    assert response.status_code == 400
    assert "source" in response.json()["errors"]
    assert not Article.objects.exists() and queued == []


def test_a_source_longer_than_the_column_is_400(editor_client):
    response = editor_client.post(
        "/api/articles/", {"text": TEXT, "source": "s" * 501}, format="json"
    )
    assert response.status_code == 400
    assert "source" in response.json()["errors"]


@pytest.mark.parametrize(
    "data",
    [
        {"text": TEXT, "titel": "A visit"},
        {"file": upload("visit.txt", TEXT.encode()), "status": "done"},
        {"file": [upload(f"{n}.txt", f"{TEXT} {n}".encode()) for n in range(2)], "titel": "x"},
    ],
    ids=["form text", "one file", "a batch of files"],
)
def test_unknown_form_fields_are_400_and_named(editor_client, queued, data):
    response = editor_client.post("/api/articles/", data, format="multipart")

    assert response.status_code == 400, response.content
    assert set(response.json()["errors"]) & {"titel", "status"}
    assert not Article.objects.exists() and queued == []


def test_unknown_fields_in_a_batch_item_are_400_and_named(editor_client, queued):
    response = editor_client.post(
        "/api/articles/", {"items": [{"text": TEXT}, {"text": TEXT, "lang": "fr"}]}, format="json"
    )
    assert response.status_code == 400
    assert "items.1.lang" in response.json()["errors"]
    assert not Article.objects.exists()


def test_files_and_text_together_are_ambiguous_not_half_ignored(editor_client, queued):
    files = [upload(f"{n}.txt", f"{TEXT} Report {n}.".encode()) for n in range(2)]
    response = editor_client.post(
        "/api/articles/", {"file": files, "text": "Pasted too."}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "ambiguous"
    assert not Article.objects.exists()


# ---- a reader missing from the install -----------------------------------------------------------

HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Talks in Arvella</title></head><body><article>"
    f"<p>{TEXT}</p></article></body></html>"
)


def test_an_html_upload_without_its_reader_installed_is_400_with_a_reason(
    editor_client, queued, html_cleaner_missing
):
    editor_client.raise_request_exception = False
    response = editor_client.post(
        "/api/articles/", {"file": upload("talks.html", HTML_PAGE.encode())}, format="multipart"
    )

    assert response.status_code == 400, response.content
    assert response.json()["code"] == "reader_unavailable"
    assert "HTML" in response.json()["detail"]
    assert not Article.objects.exists() and queued == []


def test_in_a_batch_only_the_html_item_fails_without_its_reader(
    editor_client, html_cleaner_missing
):
    editor_client.raise_request_exception = False
    files = [upload("talks.html", HTML_PAGE.encode()), upload("talks.txt", TEXT.encode())]
    response = editor_client.post("/api/articles/", {"file": files}, format="multipart")

    assert response.status_code == 202, response.content
    first, second = response.json()["items"]
    assert first["error"]["code"] == "reader_unavailable"
    assert second["created"] is True


def test_a_fetched_html_page_without_its_reader_fails_the_article_with_a_reason(
    editor_client, html_cleaner_missing, monkeypatch
):
    from ingest.services import article_process

    monkeypatch.setattr("ingest.fetch.fetch_url", lambda url, **kwargs: (HTML_PAGE.encode(), url))
    response = editor_client.post("/api/articles/", {"url": "https://example.org/v"}, format="json")

    article = article_process(article_id=response.json()["id"])

    assert article.status == ArticleStatus.FAILED
    assert "[reader_unavailable]" in article.error
