"""A record's history as the pages show it (``kb.selectors.history``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from simple_history.models import HistoricalRecords

from ingest.record import article_facts_replace
from kb.models import Gift, Meeting
from kb.selectors.history import history_entries
from kb.services.facts import fact_confirm, fact_update
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, editor
from tests.ingest.record.test_sticky import TEXT, fake_extraction

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_by():
    """Run the block as if inside a request by ``user`` (what the history middleware
    sets), as when an upload is extracted in the request that saved it."""

    def set_user(user):
        HistoricalRecords.context.request = SimpleNamespace(user=user)

    yield set_user
    if hasattr(HistoricalRecords.context, "request"):
        del HistoricalRecords.context.request


def test_facts_extraction_made_are_credited_to_extraction_with_the_uploader_apart(request_by):
    uploader = editor("uploader")
    request_by(uploader)
    article = ArticleFactory(text=TEXT)

    article_facts_replace(article=article, extraction=fake_extraction())

    for fact in (Meeting.objects.get(), Gift.objects.get()):
        entries, _ = history_entries(fact)
        assert entries
        for entry in entries:
            assert entry.user is None
            assert entry.uploaded_by == uploader
            assert entry.by == "extraction (uploaded by uploader)"
            assert entry.reason == f"Extraction of article {article.pk}"


def test_extraction_in_a_worker_is_credited_to_extraction_alone():
    article = ArticleFactory(text=TEXT)

    article_facts_replace(article=article, extraction=fake_extraction())

    entries, _ = history_entries(Meeting.objects.get())
    assert {(e.user, e.uploaded_by, e.by) for e in entries} == {(None, None, "extraction")}


def test_an_editors_change_is_still_credited_to_the_editor(request_by):
    request_by(editor("uploader"))
    article_facts_replace(article=ArticleFactory(text=TEXT), extraction=fake_extraction())
    reviewer = editor("reviewer")

    fact_confirm(fact=Meeting.objects.get(), user=reviewer)

    confirmed, *extracted = history_entries(Meeting.objects.get())[0]
    assert (confirmed.user, confirmed.by, confirmed.reason) == (reviewer, "reviewer", "Confirmed")
    assert extracted and all(entry.user is None for entry in extracted)


def test_history_entries_show_who_when_and_diff(editor_user):
    a, b = LeaderFactory(name="Ana Lima"), LeaderFactory(name="Tomas Berg")
    meeting = MeetingFactory(participants=[a], place="Oslo")
    fact_update(fact=meeting, user=editor_user, changes={"place": "Bergen", "participants": [a, b]})
    entries, hidden = history_entries(meeting)
    assert hidden == 0
    latest = entries[0]
    assert latest.user == editor_user and latest.current
    changes = {c.field: (c.old, c.new) for c in latest.changes}
    assert changes["place"] == ("Oslo", "Bergen")
    assert changes["participants"] == ("Ana Lima", "Ana Lima, Tomas Berg")
    assert changes["review_state"] == ("Extracted", "Corrected")
    assert entries[-1].kind == "created"
    assert entries[-1].user is None  # made by extraction / factories, not a person


def test_history_is_limited(editor_user):
    meeting = MeetingFactory(participants=[LeaderFactory()])
    for n in range(5):
        fact_update(fact=meeting, user=editor_user, changes={"place": f"P{n}"})
    entries, hidden = history_entries(meeting, limit=3)
    assert len(entries) == 3
    assert hidden == meeting.history.count() - 3


def test_the_page_says_extraction_and_who_uploaded_to_signed_in_readers(request_by, client):
    uploader = editor("uploader")
    request_by(uploader)
    article = ArticleFactory(text=TEXT)
    article_facts_replace(article=article, extraction=fake_extraction())
    del HistoricalRecords.context.request
    url = Meeting.objects.get().get_absolute_url()

    anonymous = client.get(url).content.decode()
    assert "extraction</span>" in anonymous and "uploaded by" not in anonymous

    client.force_login(editor("reader-editor"))
    html = client.get(url).content.decode()
    assert "extraction (uploaded by uploader)" in html
