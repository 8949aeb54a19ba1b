"""Putting a fact back as an earlier version (``kb.services.history``)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kb.models import (
    ReviewState,
)
from kb.services.facts import (
    fact_confirm,
    fact_reject,
    fact_update,
)
from kb.services.history import fact_revert
from tests.factories import (
    AgreementFactory,
    CountryFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


def test_fact_revert_restores_a_version_as_a_new_change(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b], place="Oslo", kind="talks")
    original = meeting.history.first()
    fact_update(
        fact=meeting,
        user=editor_user,
        changes={"place": "Bergen", "kind": "summit", "participants": [a]},
    )
    count = meeting.history.count()

    fact_revert(fact=meeting, history_id=original.history_id, user=editor_user)

    meeting.refresh_from_db()
    assert (meeting.place, meeting.kind) == ("Oslo", "talks")
    assert set(meeting.participants.all()) == {a, b}
    assert meeting.review_state == ReviewState.CORRECTED  # an editor chose it: sticky
    assert meeting.history.count() == count + 1
    latest = meeting.history.first()
    assert latest.history_user == editor_user
    assert "Reverted" in latest.history_change_reason


def test_fact_revert_restores_review_state_and_agreement_parties(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    fr = CountryFactory(code="FR", name="France")
    agreement = AgreementFactory(leader_parties=[a])
    agreement.country_parties.set([fr])
    fact_confirm(fact=agreement, user=editor_user)
    confirmed = agreement.history.first()
    fact_update(
        fact=agreement,
        user=editor_user,
        changes={"leader_parties": [b], "country_parties": [], "summary": "Other"},
    )
    fact_reject(fact=agreement, user=editor_user)

    fact_revert(fact=agreement, history_id=confirmed.history_id, user=editor_user)

    agreement.refresh_from_db()
    assert agreement.review_state == ReviewState.CONFIRMED
    assert list(agreement.leader_parties.all()) == [a]
    assert list(agreement.country_parties.all()) == [fr]
    assert agreement.summary == "Memorandum on cultural exchange"


def test_fact_revert_refuses_another_facts_version(editor_user):
    one, two = GiftFactory(), GiftFactory()
    with pytest.raises(ValidationError):
        fact_revert(fact=one, history_id=two.history.first().history_id, user=editor_user)
