"""Editors' pages: the review queue (unreviewed facts, lowest confidence first; back to
the queue after a confirmation; bounded queries)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


# ---- review queue ---------------------------------------------------------------------


def _queue_facts(n: int, start: float = 0.0):
    made = []
    for i in range(n):
        a, b = LeaderFactory(), LeaderFactory()
        confidence = round(start + (i % 9) / 10, 2)
        kind = i % 3
        if kind == 0:
            fact = MeetingFactory(participants=[a, b], confidence=confidence)
            EvidenceFactory(meeting=fact)
        elif kind == 1:
            fact = GiftFactory(giver=a, recipient=b, confidence=confidence)
            EvidenceFactory(gift=fact)
        else:
            fact = AgreementFactory(leader_parties=[a, b], confidence=confidence)
            fact.country_parties.set([CountryFactory()])
            EvidenceFactory(agreement=fact)
        made.append(fact)
    return made


def test_review_queue_lists_unreviewed_lowest_confidence_first(editor_client):
    high = MeetingFactory(participants=[LeaderFactory()], confidence=0.95)
    low = GiftFactory(confidence=0.2, item="lowest gift")
    mid = AgreementFactory(confidence=0.5, summary="middle agreement")
    MeetingFactory(participants=[LeaderFactory()], confidence=0.01, review_state="confirmed")
    GiftFactory(confidence=0.01, review_state="rejected", item="rejected gift")
    EvidenceFactory(
        gift=low,
        article=ArticleFactory(text="Intro. Lima gave Berg the lowest gift. End."),
        start=7,
        end=38,
    )

    html = editor_client.get(reverse("review")).content.decode()

    ids = [f"review-gift-{low.pk}", f"review-agreement-{mid.pk}", f"review-meeting-{high.pk}"]
    positions = [html.index(i) for i in ids]
    assert positions == sorted(positions)
    assert "rejected gift" not in html
    assert "<mark>Lima gave Berg the lowest gift.</mark>" in html
    assert html.count("data-review-item") == 3
    assert 'data-review-action="confirm"' in html and "js/review.js" in html
    gifts_only = editor_client.get(reverse("review") + "?kind=gift").content.decode()
    assert f"review-gift-{low.pk}" in gifts_only and f"review-meeting-{high.pk}" not in gifts_only


def test_review_queue_confirm_returns_to_the_queue(editor_client):
    gift = GiftFactory(confidence=0.1)
    response = editor_client.post(
        reverse("gift-confirm", args=[gift.pk]), {"next": reverse("review")}
    )
    assert response["Location"] == reverse("review")
    assert f"review-gift-{gift.pk}" not in editor_client.get(reverse("review")).content.decode()


def test_review_queue_queries_are_bounded(editor_client, django_assert_max_num_queries):
    _queue_facts(3)
    with CaptureQueriesContext(connection) as few:
        assert editor_client.get(reverse("review")).status_code == 200
    _queue_facts(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = editor_client.get(reverse("review"))
    assert response.content.decode().count('data-review-action="reject"') == 30
