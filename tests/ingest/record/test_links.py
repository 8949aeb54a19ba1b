"""Recording links: a gift or agreement takes the meeting the extractor linked it to
(``candidate.meeting``) and its date, where the old rule (exactly one of the article's
meetings has both people) finds none; without a link the old rule still applies."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ingest.extract.types import (
    AgreementCandidate,
    Evidence,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
    Span,
)
from ingest.record import article_facts_replace
from ingest.services import article_process, article_submit
from kb.models import Agreement, Gift, Meeting
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "Lima met Berg in Oslo on Monday. Lima gave Berg a clay jug. They met again in Bergen later."
MONDAY, LATER = dt.date(2025, 1, 6), dt.date(2025, 1, 20)


def _evidence(start: int) -> tuple[Evidence, ...]:
    return (Evidence(Span(start, start + 10, TEXT, 0), 0.8, "test-rule"),)


LEADERS = (
    LeaderMention("Ana Lima", "BR", "President", ("Lima",)),
    LeaderMention("Tomas Berg", "NO", "Prime Minister", ("Berg",)),
    LeaderMention("Clara Berg", "NO", None, ()),
)


def _two_visits(**links) -> Extraction:
    """Two meetings of the same pair, two weeks apart: the old rule links nothing."""
    return Extraction(
        published=dt.date(2025, 1, 21),
        leaders=LEADERS,
        countries=("BR", "NO"),
        meetings=(
            MeetingCandidate(
                ("Ana Lima", "Tomas Berg"), "visit", "NO", "Oslo", MONDAY, (), _evidence(0)
            ),
            MeetingCandidate(
                ("Ana Lima", "Tomas Berg"), "talks", "NO", "Bergen", LATER, (), _evidence(60)
            ),
        ),
        gifts=(
            GiftCandidate("Ana Lima", "Tomas Berg", "clay jug", _evidence(33), **links),
            GiftCandidate("Clara Berg", "Ana Lima", "woollen shawl", _evidence(33), **links),
        ),
        agreements=(
            AgreementCandidate(
                ("BR", "NO"),
                "mou",
                "signed",
                "MoU on fisheries",
                links.get("date"),
                _evidence(33),
                meeting=links.get("meeting"),
            ),
        ),
    )


def test_linked_gifts_and_agreements_are_recorded_with_their_meeting_and_date(countries):
    article_facts_replace(
        article=ArticleFactory(text=TEXT), extraction=_two_visits(meeting=1, date=LATER)
    )
    bergen = Meeting.objects.get(place="Bergen")
    for gift in Gift.objects.all():  # the host's spouse's gift too
        assert (gift.meeting, gift.date) == (bergen, LATER)
    agreement = Agreement.objects.get()  # its parties are countries
    assert (agreement.meeting, agreement.date) == (bergen, LATER)


def test_an_agreement_keeps_its_own_date_over_its_meetings(countries):
    extraction = _two_visits(meeting=0)
    own = AgreementCandidate(
        ("BR", "NO"),
        "mou",
        "signed",
        "MoU on fisheries",
        dt.date(2025, 1, 7),
        _evidence(33),
        meeting=0,
    )
    extraction = dataclasses.replace(extraction, agreements=(own,))
    article_facts_replace(article=ArticleFactory(text=TEXT), extraction=extraction)
    agreement = Agreement.objects.get()
    assert agreement.meeting == Meeting.objects.get(place="Oslo")
    assert agreement.date == dt.date(2025, 1, 7)


def test_without_a_link_two_meetings_of_the_pair_leave_the_gift_unlinked(countries):
    article_facts_replace(article=ArticleFactory(text=TEXT), extraction=_two_visits())
    gift = Gift.objects.get(item="clay jug")
    assert gift.meeting is None and gift.date is None


def test_an_article_processed_end_to_end_records_the_gift_at_its_visit(countries):
    article, _ = article_submit(
        text="date 2024-03-14\n\nFrench President Emmanuel Macron met Indian Prime Minister "
        "Narendra Modi in New Delhi on Monday. The two leaders discussed trade and defence. "
        "Macron gave Modi a bronze statue of a horse. France and India signed an agreement "
        "on nuclear energy.",
        queue=False,
    )
    article_process(article_id=article.pk)
    meeting = Meeting.objects.get()
    gift = Gift.objects.get()
    assert (gift.meeting, gift.date) == (meeting, dt.date(2024, 3, 11))
    agreement = Agreement.objects.get()
    assert (agreement.meeting, agreement.date) == (meeting, dt.date(2024, 3, 11))


def test_two_articles_dating_one_signing_a_day_apart_record_one_agreement(countries):
    first, second = (
        _two_visits(meeting=0, date=MONDAY),
        _two_visits(meeting=0, date=MONDAY + dt.timedelta(days=1)),
    )
    article_facts_replace(article=ArticleFactory(text=TEXT), extraction=first)
    article_facts_replace(article=ArticleFactory(text=TEXT + " Later."), extraction=second)
    agreement = Agreement.objects.get()
    assert agreement.date == MONDAY
    assert agreement.evidence.values("article").distinct().count() == 2


def test_signings_weeks_apart_stay_two_agreements(countries):
    article_facts_replace(
        article=ArticleFactory(text=TEXT), extraction=_two_visits(meeting=0, date=MONDAY)
    )
    article_facts_replace(
        article=ArticleFactory(text=TEXT + " Later."), extraction=_two_visits(meeting=1, date=LATER)
    )
    assert sorted(Agreement.objects.values_list("date", flat=True)) == [MONDAY, LATER]
