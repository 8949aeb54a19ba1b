"""Finding the recorded fact a new candidate is about: what counts as the same meeting,
gift or agreement, and that finding it reads only the rows that could match (saving an
article must not slow down as the knowledge base grows)."""

from __future__ import annotations

import datetime as dt
import importlib
from contextlib import contextmanager

import pytest
from django.db.models.signals import post_init

from ingest.resolve import agreement_find, gift_find, meeting_find
from kb.models import Agreement, Country, Gift, Meeting, ReviewState
from tests.factories import AgreementFactory, GiftFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 10)


def days(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


@contextmanager
def rows_loaded(model):
    """Counts the instances of ``model`` built while the block runs: one per row fetched."""
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance.pk)

    post_init.connect(count, sender=model)
    try:
        yield built
    finally:
        post_init.disconnect(count, sender=model)


# ---- meetings ---------------------------------------------------------------------------


def test_a_pair_matches_their_meeting_within_three_days_or_undated():
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b], date=DAY)
    for date in (DAY, days(3), days(-3), None):
        assert meeting_find(participants=[a, b], date=date, host=None) == meeting
    assert meeting_find(participants=[b, a], date=days(4), host=None) is None
    assert meeting_find(participants=[a, b], date=days(-4), host=None) is None
    undated = MeetingFactory(participants=[a, b], date=None)
    assert meeting_find(participants=[a, b], date=days(30), host=None) == undated


def test_a_pair_is_not_the_same_meeting_as_a_larger_one_or_another_pair():
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    MeetingFactory(participants=[a, b, c], date=DAY)
    MeetingFactory(participants=[a, c], date=DAY)
    MeetingFactory(participants=[a], date=DAY)
    assert meeting_find(participants=[a, b], date=DAY, host=None) is None
    alone = meeting_find(participants=[a], date=DAY, host=None)
    assert alone is not None and set(alone.participants.all()) == {a}


def test_a_group_matches_a_group_meeting_sharing_two_of_them():
    a, b, c, d, e = (LeaderFactory() for _ in range(5))
    ids = {a.pk: a, b.pk: b, c.pk: c}
    first = ids[next(iter({a.pk, b.pk, c.pk}))]  # the one the search starts from
    other = next(x for x in (a, b, c) if x != first)
    group = MeetingFactory(participants=[first, other, d], date=DAY)
    assert meeting_find(participants=[a, b, c], date=days(2), host=None) == group
    # Two shared but in a meeting of two: not the same event as the group's.
    group.delete()
    MeetingFactory(participants=[first, other], date=DAY)
    assert meeting_find(participants=[a, b, c], date=DAY, host=None) is None
    # Only one shared among a group.
    MeetingFactory(participants=[first, d, e], date=DAY)
    assert meeting_find(participants=[a, b, c], date=DAY, host=None) is None


def test_a_meeting_hosted_elsewhere_is_another_meeting(countries):
    a, b = LeaderFactory(), LeaderFactory()
    norway, brazil = Country.objects.get(code="NO"), Country.objects.get(code="BR")
    hosted = MeetingFactory(participants=[a, b], date=DAY, host_country=norway)
    assert meeting_find(participants=[a, b], date=DAY, host=brazil) is None
    assert meeting_find(participants=[a, b], date=DAY, host=norway) == hosted
    assert meeting_find(participants=[a, b], date=DAY, host=None) == hosted
    unhosted = MeetingFactory(participants=[a, b], date=days(1))
    hosted.delete()
    assert meeting_find(participants=[a, b], date=DAY, host=brazil) == unhosted


def test_of_several_matching_meetings_the_same_one_is_chosen_as_before():
    a, b = LeaderFactory(), LeaderFactory()
    older = MeetingFactory(participants=[a, b], date=DAY)
    next_day = MeetingFactory(participants=[a, b], date=days(1))
    assert meeting_find(participants=[a, b], date=DAY, host=None) == older
    confirmed = MeetingFactory(participants=[a, b], date=DAY)
    confirmed.review_state = ReviewState.CONFIRMED
    confirmed.save()
    # Ordered by review state descending, then id: extracted comes before confirmed.
    assert meeting_find(participants=[a, b], date=DAY, host=None) == older
    older.review_state = ReviewState.CORRECTED
    older.save()
    assert meeting_find(participants=[a, b], date=DAY, host=None) == next_day
    next_day.delete()
    assert meeting_find(participants=[a, b], date=DAY, host=None) == older  # corrected


def test_finding_a_meeting_reads_no_meeting_but_the_match():
    a, b = LeaderFactory(), LeaderFactory()
    for n in range(25):  # a busy leader: many meetings, none the same event
        MeetingFactory(participants=[a, LeaderFactory()], date=DAY)
        MeetingFactory(participants=[a, b], date=days(10 + n))
    match = MeetingFactory(participants=[a, b], date=DAY)
    with rows_loaded(Meeting) as built:
        assert meeting_find(participants=[a, b], date=days(1), host=None) == match
    assert built == [match.pk]
    with rows_loaded(Meeting) as built:
        assert meeting_find(participants=[a, b], date=days(-20), host=None) is None
    assert built == []


# ---- gifts ------------------------------------------------------------------------------


def test_a_gift_matches_the_same_pair_and_an_item_that_contains_the_other():
    a, b = LeaderFactory(), LeaderFactory()
    jug = GiftFactory(giver=a, recipient=b, item="a clay jug from Oslo")
    assert gift_find(giver=a, recipient=b, item="The clay jug") == jug
    assert gift_find(giver=a, recipient=b, item="Clay Jug from Oslo with its lid") == jug
    assert gift_find(giver=a, recipient=b, item="clay jug from Bergen") is None
    assert gift_find(giver=a, recipient=b, item="jug") == jug
    assert gift_find(giver=a, recipient=b, item="vase") is None
    assert gift_find(giver=b, recipient=a, item="clay jug") is None  # the other way round
    assert gift_find(giver=a, recipient=b, item="the") is None  # no words left to compare


def test_a_gift_item_of_only_small_words_matches_nothing():
    a, b = LeaderFactory(), LeaderFactory()
    GiftFactory(giver=a, recipient=b, item="The")
    assert gift_find(giver=a, recipient=b, item="the") is None
    assert gift_find(giver=a, recipient=b, item="jug") is None


def test_of_several_matching_gifts_the_latest_dated_is_chosen():
    a, b = LeaderFactory(), LeaderFactory()
    GiftFactory(giver=a, recipient=b, item="clay jug", date=DAY)
    later = GiftFactory(giver=a, recipient=b, item="blue clay jug", date=days(5))
    assert gift_find(giver=a, recipient=b, item="jug") == later


def test_finding_a_gift_reads_no_gift_but_the_match():
    a, b = LeaderFactory(), LeaderFactory()
    for n in range(20):
        GiftFactory(giver=a, recipient=b, item=f"painting number {n}")
        GiftFactory(giver=a, recipient=LeaderFactory(), item="clay jug")
    jug = GiftFactory(giver=a, recipient=b, item="clay jug")
    with rows_loaded(Gift) as built:
        assert gift_find(giver=a, recipient=b, item="the jug") == jug
    assert built == [jug.pk]


# ---- agreements -------------------------------------------------------------------------


def test_an_agreement_matches_kind_parties_and_a_date_within_three_days(countries):
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    norway = Country.objects.get(code="NO")
    mou = AgreementFactory(kind="mou", leader_parties=[a, b], date=DAY)
    pair = {a.pk, b.pk}
    assert agreement_find(kind="mou", leaders=pair, countries=set(), date=days(3)) == mou
    assert agreement_find(kind="mou", leaders=pair, countries=set(), date=None) == mou
    assert agreement_find(kind="mou", leaders=pair, countries=set(), date=days(4)) is None
    assert agreement_find(kind="treaty", leaders=pair, countries=set(), date=DAY) is None
    assert agreement_find(kind="mou", leaders={a.pk}, countries=set(), date=DAY) is None
    assert agreement_find(kind="mou", leaders=pair | {c.pk}, countries=set(), date=DAY) is None
    assert agreement_find(kind="mou", leaders=pair, countries={norway.pk}, date=DAY) is None
    mou.country_parties.set([norway])
    assert agreement_find(kind="mou", leaders=pair, countries={norway.pk}, date=DAY) == mou
    assert agreement_find(kind="mou", leaders=pair, countries=set(), date=DAY) is None


def test_an_agreement_between_countries_only(countries):
    norway, brazil = Country.objects.get(code="NO"), Country.objects.get(code="BR")
    deal = AgreementFactory(kind="deal", date=None)
    deal.country_parties.set([norway, brazil])
    both = {norway.pk, brazil.pk}
    assert agreement_find(kind="deal", leaders=set(), countries=both, date=DAY) == deal
    assert agreement_find(kind="deal", leaders=set(), countries={norway.pk}, date=DAY) is None
    assert (
        agreement_find(kind="deal", leaders={LeaderFactory().pk}, countries=both, date=DAY) is None
    )


def test_finding_an_agreement_reads_no_agreement_but_the_match():
    a, b = LeaderFactory(), LeaderFactory()
    for n in range(20):
        AgreementFactory(kind="mou", leader_parties=[a, LeaderFactory()], date=DAY)
        AgreementFactory(kind="mou", leader_parties=[a, b], date=days(10 + n))
        AgreementFactory(kind="treaty", leader_parties=[a, b], date=DAY)
    mou = AgreementFactory(kind="mou", leader_parties=[a, b], date=days(1))
    with rows_loaded(Agreement) as built:
        assert agreement_find(kind="mou", leaders={a.pk, b.pk}, countries=set(), date=DAY) == mou
    assert built == [mou.pk]


def test_a_gift_keeps_its_item_key_in_step_with_its_item():
    gift = GiftFactory(item="The Clay Jug")
    assert gift.item_key == " clay jug "
    gift.item = "a blue vase"
    gift.save(update_fields=["item"])
    gift.refresh_from_db()
    assert gift.item_key == " blue vase "


def test_the_migration_fills_the_item_key_of_gifts_stored_before_it():
    from django.apps import apps

    fill = importlib.import_module("kb.migrations.0009_save_lookup_keys").item_keys_fill
    gifts = [GiftFactory(item=f"Silver tea set number {n}") for n in range(3)]
    Gift.objects.update(item_key="")
    fill(apps, None)
    assert {g.item_key for g in Gift.objects.all()} == {
        f" {n} number set silver tea " for n in range(3)
    }
    assert (
        gift_find(giver=gifts[1].giver, recipient=gifts[1].recipient, item="tea set 1")
        == (gifts[1])
    )


# ---- the sweep after saving ---------------------------------------------------------------


def test_saving_an_article_sweeps_only_the_facts_it_touched(countries):
    """A machine-made fact without evidence that the article never supported is not the
    save's business (the old whole-table sweep deleted it); the article's own orphans go."""
    from ingest.record import article_facts_replace
    from tests.factories import ArticleFactory
    from tests.ingest.record.test_article_facts_replace import TEXT, extraction

    elsewhere = MeetingFactory(participants=[LeaderFactory(), LeaderFactory()], date=DAY)
    article = ArticleFactory(text=TEXT)
    article_facts_replace(article=article, extraction=extraction())
    first = Meeting.objects.exclude(pk=elsewhere.pk).get()
    article_facts_replace(article=article, extraction=extraction(date=dt.date(2025, 6, 1)))
    assert not Meeting.objects.filter(pk=first.pk).exists()  # its only evidence went
    assert Meeting.objects.filter(pk=elsewhere.pk).exists()


# ---- concurrent writers -----------------------------------------------------------------


def test_an_article_locks_every_name_its_leaders_are_found_or_recorded_under(countries):
    """Two workers wait for each other when one could find what the other is recording:
    every key the recorded leader is found under is among the article's name locks."""
    from ingest.extract.types import LeaderMention
    from ingest.record import _name_lock_keys
    from ingest.resolve import leader_resolve
    from kb.names import name_keys

    mention = LeaderMention("Ana Lima", "BR", "President", ("Lima", "President Lima"))
    leader = leader_resolve(mention=mention)
    found_under = set(leader.aliases.values_list("key", flat=True))
    assert found_under == name_keys(leader.name, leader.other_names)
    assert found_under <= _name_lock_keys([mention])
    assert "lima" in _name_lock_keys([mention])  # "Lima" alone finds her too
