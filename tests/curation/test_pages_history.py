"""Editors' pages: the history on fact pages (who, when and what changed, usernames
hidden from anonymous readers, API changes included) and escaping of user text."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kb.services.facts import fact_update
from tests.factories import (
    ArticleFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


# ---- history on fact pages ------------------------------------------------------------


def test_fact_pages_show_who_when_and_what_changed(editor_client, editor_user, facts):
    meeting = facts["meeting"]
    fact_update(fact=meeting, user=editor_user, changes={"place": "Bergen"})
    html = editor_client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="history-heading"' in html
    assert "curation-editor" in html  # who
    assert "<time datetime=" in html  # when
    assert "<del>Palace of Nations</del>" in html and "<ins>Bergen</ins>" in html
    assert "extraction" in html  # the machine-made first version
    assert "Restore this version" in html
    for fact in (facts["gift"], facts["agreement"], facts["a"]):
        assert 'id="history-heading"' in editor_client.get(fact.get_absolute_url()).content.decode()


def test_anonymous_readers_see_history_without_usernames(client, editor_user, facts):
    meeting = facts["meeting"]
    fact_update(fact=meeting, user=editor_user, changes={"place": "Bergen"})
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<ins>Bergen</ins>" in html
    assert "curation-editor" not in html
    assert "Restore this version" not in html


def test_api_changes_appear_in_the_page_history(editor_client, editor_user, facts):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor_user).key}")
    gift = facts["gift"]
    assert (
        api.patch(f"/api/gifts/{gift.pk}/", {"item": "API vase"}, format="json").status_code == 200
    )
    html = editor_client.get(gift.get_absolute_url()).content.decode()
    assert "<ins>API vase</ins>" in html


def test_history_and_edit_pages_escape_user_text(editor_client, editor_user):
    leader = LeaderFactory(name=f"Evil {SCRIPT}")
    other = LeaderFactory()
    meeting = MeetingFactory(participants=[leader, other], place="Oslo")
    gift = GiftFactory(giver=leader, recipient=other, item="jug")
    fact_update(fact=meeting, user=editor_user, changes={"place": SCRIPT})
    fact_update(fact=gift, user=editor_user, changes={"item": SCRIPT})
    EvidenceFactory(
        meeting=meeting, article=ArticleFactory(title=SCRIPT, text=f"They met. {SCRIPT}")
    )
    for url in (
        meeting.get_absolute_url(),
        gift.get_absolute_url(),
        reverse("meeting-edit", args=[meeting.pk]),
        reverse("gift-edit", args=[gift.pk]),
        reverse("leader-merge", args=[other.pk]) + "?q=Evil",
        reverse("meeting-merge", args=[MeetingFactory(participants=[leader]).pk]),
        reverse("review"),
        reverse("article-add-fact", args=[meeting.evidence.get().article_id, "meeting"]),
    ):
        html = editor_client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert ESCAPED in html, url
