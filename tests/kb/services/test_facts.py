"""Editors' writes on facts (``kb.services.facts``): corrections, review decisions and
facts added by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kb.models import (
    Agreement,
    Evidence,
    Gift,
    Meeting,
    ReviewState,
)
from kb.services.facts import (
    fact_confirm,
    fact_create_manual,
    fact_reject,
    fact_update,
    gift_swap_direction,
)
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


# ---- fact_update ------------------------------------------------------------------------


def test_meeting_update_corrects_fields_and_records_who(editor_user):
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    host = CountryFactory(code="NO", name="Norway")
    meeting = MeetingFactory(participants=[a, b], kind="talks")

    fact_update(
        fact=meeting,
        user=editor_user,
        changes={
            "kind": "summit",
            "date": "2025-01-07",
            "place": "Oslo",
            "host_country": "no",
            "participants": [a, c],
            "topics": "fisheries, energy ,",
        },
    )

    meeting.refresh_from_db()
    assert meeting.kind == "summit"
    assert meeting.date == dt.date(2025, 1, 7)
    assert meeting.place == "Oslo"
    assert meeting.host_country == host
    assert set(meeting.participants.all()) == {a, c}
    assert meeting.topics == ["fisheries", "energy"]
    assert meeting.review_state == ReviewState.CORRECTED
    assert set(meeting.edited_fields) == {
        "kind",
        "date",
        "place",
        "host_country",
        "participants",
        "topics",
    }
    latest = meeting.history.first()
    assert latest.history_user == editor_user
    assert latest.history_change_reason.startswith("Corrected")
    # One change, one historical row (the many-to-many change folded in).
    assert meeting.history.count() == 3  # created, participants set, corrected
    assert sorted(latest.participants.values_list("leader_id", flat=True)) == sorted([a.pk, c.pk])


def test_update_records_only_changed_fields(editor_user):
    meeting = MeetingFactory(participants=[LeaderFactory()], place="Oslo", kind="talks")
    fact_update(fact=meeting, user=editor_user, changes={"place": "Oslo", "kind": "visit"})
    meeting.refresh_from_db()
    assert meeting.edited_fields == ["kind"]


def test_update_without_change_saves_nothing(editor_user):
    meeting = MeetingFactory(participants=[LeaderFactory()], place="Oslo")
    before = meeting.history.count()
    fact_update(fact=meeting, user=editor_user, changes={"place": "Oslo"})
    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.EXTRACTED
    assert meeting.history.count() == before


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"kind": "picnic"}, "kind"),
        ({"date": "7 January"}, "date"),
        ({"host_country": NO_SUCH_COUNTRY}, "host_country"),
        ({"participants": []}, "participants"),
        ({"participants": [999999]}, "participants"),
        ({"colour": "red"}, "colour"),
        ({"review_state": "confirmed"}, "review_state"),
    ],
)
def test_invalid_meeting_changes_are_refused_and_nothing_saved(editor_user, changes, field):
    meeting = MeetingFactory(participants=[LeaderFactory()], kind="talks")
    before = meeting.history.count()
    with pytest.raises(ValidationError) as excinfo:
        fact_update(fact=meeting, user=editor_user, changes=changes)
    assert field in excinfo.value.message_dict
    meeting.refresh_from_db()
    assert meeting.kind == "talks"
    assert meeting.review_state == ReviewState.EXTRACTED
    assert meeting.participants.count() == 1
    assert meeting.history.count() == before


def test_gift_update_and_swap(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b, item="jug")
    fact_update(
        fact=gift,
        user=editor_user,
        changes={"item": "clay jug", "date": dt.date(2025, 1, 7), "meeting": meeting.pk},
    )
    gift_swap_direction(gift=gift, user=editor_user)
    gift.refresh_from_db()
    assert (gift.giver, gift.recipient, gift.item, gift.meeting) == (b, a, "clay jug", meeting)
    assert set(gift.edited_fields) == {"item", "date", "meeting", "giver", "recipient"}
    assert gift.history.first().history_change_reason == "Swapped giver and recipient"


def test_gift_giver_and_recipient_must_differ(editor_user):
    gift = GiftFactory()
    with pytest.raises(ValidationError) as excinfo:
        fact_update(fact=gift, user=editor_user, changes={"recipient": gift.giver})
    assert "recipient" in excinfo.value.message_dict


def test_agreement_update(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    fr = CountryFactory(code="FR", name="France")
    agreement = AgreementFactory(leader_parties=[a], kind="mou", status="proposed")
    fact_update(
        fact=agreement,
        user=editor_user,
        changes={
            "kind": "treaty",
            "status": "signed",
            "summary": "Treaty of friendship",
            "date": "2025-02-01",
            "leader_parties": [a.pk, b.pk],
            "country_parties": ["FR"],
        },
    )
    agreement.refresh_from_db()
    assert (agreement.kind, agreement.status) == ("treaty", "signed")
    assert set(agreement.leader_parties.all()) == {a, b}
    assert list(agreement.country_parties.all()) == [fr]
    assert agreement.review_state == ReviewState.CORRECTED

    with pytest.raises(ValidationError):
        fact_update(
            fact=agreement,
            user=editor_user,
            changes={"leader_parties": [], "country_parties": []},
        )


def test_correcting_a_rejected_fact_keeps_it_rejected(editor_user):
    gift = GiftFactory(review_state=ReviewState.REJECTED)
    fact_update(fact=gift, user=editor_user, changes={"item": "vase"})
    gift.refresh_from_db()
    assert (gift.item, gift.review_state) == ("vase", ReviewState.REJECTED)


# ---- confirm / reject -----------------------------------------------------------------


@pytest.mark.parametrize("factory", [MeetingFactory, GiftFactory, AgreementFactory])
def test_confirm_and_reject(editor_user, factory):
    fact = factory()
    fact_confirm(fact=fact, user=editor_user)
    fact.refresh_from_db()
    assert fact.review_state == ReviewState.CONFIRMED
    assert fact.history.first().history_user == editor_user

    fact_reject(fact=fact, user=editor_user)
    fact.refresh_from_db()
    assert fact.review_state == ReviewState.REJECTED
    assert not type(fact).objects.visible().filter(pk=fact.pk).exists()
    assert type(fact).objects.filter(pk=fact.pk).exists()  # kept


def test_confirming_twice_records_one_change(editor_user):
    gift = GiftFactory()
    fact_confirm(fact=gift, user=editor_user)
    count = gift.history.count()
    fact_confirm(fact=gift, user=editor_user)
    assert gift.history.count() == count


# ---- manual facts --------------------------------------------------------------------


def test_fact_create_manual_adds_a_confirmed_fact_with_manual_evidence(editor_user):
    text = "Intro line. Lima met Berg in Oslo. Outro."
    article = ArticleFactory(text=text)
    a, b = LeaderFactory(name="Ana Lima"), LeaderFactory(name="Tomas Berg")
    start = text.index("Lima met")
    end = text.index("Outro") - 1

    meeting = fact_create_manual(
        model=Meeting,
        user=editor_user,
        article=article,
        sentence_start=start,
        sentence_end=end,
        kind="talks",
        participants=[a, b],
        place="Oslo",
    )

    assert meeting.review_state == ReviewState.CONFIRMED
    assert meeting.confidence == 1.0
    assert set(meeting.participants.all()) == {a, b}
    evidence = meeting.evidence.get()
    assert (evidence.article, evidence.rule, evidence.confidence) == (article, "manual", 1.0)
    assert evidence.sentence == "Lima met Berg in Oslo."
    assert (evidence.start, evidence.end) == (start, end)
    assert meeting.history.get().history_user == editor_user


def test_fact_create_manual_gift_and_agreement(editor_user):
    article = ArticleFactory(text="Lima gave Berg a jug and signed a pact.")
    a, b = LeaderFactory(), LeaderFactory()
    gift = fact_create_manual(
        model=Gift,
        user=editor_user,
        article=article,
        sentence_start=0,
        sentence_end=10,
        giver=a,
        recipient=b,
        item="jug",
    )
    agreement = fact_create_manual(
        model=Agreement,
        user=editor_user,
        article=article,
        sentence_start=0,
        sentence_end=10,
        kind="deal",
        status="signed",
        leader_parties=[a, b],
    )
    assert gift.evidence.get().rule == "manual"
    assert agreement.leader_parties.count() == 2


@pytest.mark.parametrize(
    "start, end, fields",
    [
        (5, 2, {"participants": "ok"}),
        (0, 10_000, {"participants": "ok"}),
        (0, 5, {}),
        (0, 5, {"participants": "ok", "kind": "picnic"}),
    ],
)
def test_fact_create_manual_validates_first(editor_user, start, end, fields):
    article = ArticleFactory(text="Lima met Berg.")
    if fields.get("participants") == "ok":
        fields["participants"] = [LeaderFactory()]
    with pytest.raises(ValidationError):
        fact_create_manual(
            model=Meeting,
            user=editor_user,
            article=article,
            sentence_start=start,
            sentence_end=end,
            **fields,
        )
    assert not Meeting.objects.exists()
    assert not Evidence.objects.exists()
