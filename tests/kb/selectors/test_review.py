"""The review queue (``kb.selectors.review``)."""

from __future__ import annotations

import pytest

from kb.models import (
    Article,
)
from kb.selectors.review import review_queue
from tests.factories import (
    AgreementFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


# ---- review queue ----------------------------------------------------------------------


def test_review_queue_lowest_confidence_first_and_unreviewed_only():
    low = GiftFactory(confidence=0.1)
    mid = MeetingFactory(participants=[LeaderFactory()], confidence=0.5)
    high = AgreementFactory(confidence=0.9)
    MeetingFactory(confidence=0.05, review_state="confirmed")
    GiftFactory(confidence=0.01, review_state="rejected")
    items, counts = review_queue()
    assert [item.fact for item in items] == [low, mid, high]
    assert counts == {"meeting": 1, "gift": 1, "agreement": 1}
    assert Article.objects.count() == 0
