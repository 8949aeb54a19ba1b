"""DELETE /api/articles/{id}/: editors remove an article uploaded by mistake, with the
machine-made facts only it supports; refusals come in the one error shape."""

from __future__ import annotations

import pytest

from api.models import Tombstone
from kb.models import Article, ArticleStatus, Evidence, Meeting
from kb.services.facts import fact_confirm
from tests.factories import ArticleFactory, EvidenceFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    """An article that alone supports one machine-made meeting."""
    article = ArticleFactory()
    meeting = MeetingFactory(participants=[LeaderFactory(), LeaderFactory()])
    EvidenceFactory(article=article, meeting=meeting)
    return article


def url(article) -> str:
    return f"/api/articles/{article.pk}/"


def test_an_editor_deletes_an_article_and_the_facts_only_it_supports(editor_client, article):
    meeting = Meeting.objects.get()

    response = editor_client.delete(url(article))

    assert response.status_code == 204
    assert editor_client.get(url(article)).status_code == 404
    assert not Meeting.objects.exists() and not Evidence.objects.exists()
    last = Meeting.history.filter(id=meeting.pk).latest("history_date")
    assert (last.history_type, last.history_user) == ("-", editor_client.user)


def test_the_article_and_its_facts_appear_in_the_deleted_feed(editor_client, article):
    meeting = Meeting.objects.get()
    evidence = Evidence.objects.get()
    editor_client.delete(url(article))

    rows = editor_client.get("/api/changes/deleted/").json()["results"]

    gone = {(row["model"], row["object_id"]) for row in rows}
    assert {("article", article.pk), ("meeting", meeting.pk), ("evidence", evidence.pk)} <= gone
    only_articles = editor_client.get("/api/changes/deleted/?model=article").json()["results"]
    assert [row["object_id"] for row in only_articles] == [article.pk]


@pytest.mark.parametrize(
    ("role", "status"),
    [("client", 401), ("read_token_client", 403), ("analyst_client", 403)],
)
def test_only_editors_may_delete(request, article, role, status):
    response = request.getfixturevalue(role).delete(url(article))

    assert response.status_code == status
    assert set(response.json()) >= {"detail", "code"}
    assert Article.objects.filter(pk=article.pk).exists()
    assert not Tombstone.objects.exists()


def test_an_editors_fact_resting_only_on_the_article_is_a_400_naming_it(editor_client, article):
    meeting = Meeting.objects.get()
    fact_confirm(fact=meeting, user=editor_client.user)

    response = editor_client.delete(url(article))

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert f"meeting {meeting.pk} (confirmed)" in body["detail"]
    assert Article.objects.filter(pk=article.pk).exists() and Evidence.objects.exists()


@pytest.mark.parametrize("status", [ArticleStatus.QUEUED, ArticleStatus.PROCESSING])
def test_an_article_being_extracted_is_a_409(editor_client, article, status):
    Article.objects.filter(pk=article.pk).update(status=status)

    response = editor_client.delete(url(article))

    assert response.status_code == 409
    assert response.json()["code"] == "article_busy"
    assert status in response.json()["detail"]
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_article_others_duplicate_is_a_400_until_they_go(editor_client, article):
    duplicate = ArticleFactory(content_hash=None, url="https://example.com/", duplicate_of=article)

    refused = editor_client.delete(url(article))
    assert refused.status_code == 400
    assert f"({duplicate.pk})" in refused.json()["detail"]

    assert editor_client.delete(url(duplicate)).status_code == 204
    assert editor_client.delete(url(article)).status_code == 204


def test_a_missing_article_is_a_404(editor_client):
    response = editor_client.delete("/api/articles/999999/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_schema_documents_the_delete(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/articles/{id}/"]["delete"]

    assert operation["summary"] == "Delete an article"
    assert "never deleted" in operation["description"]
    assert {"204", "400", "401", "403", "404", "409"} <= set(operation["responses"])
    assert "queued" in operation["responses"]["409"]["description"]
    assert "content" not in operation["responses"]["204"]
