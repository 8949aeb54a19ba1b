"""Each kind of write moves exactly the cache areas whose pages show it (kb.changes): a
new meeting is not on any gift's row, an article's status is on no leader's page, but a
meeting's new place is on its gifts' rows and a leader's new name on every fact's."""

import pytest

from kb import changes
from kb.changes import (
    AGREEMENTS,
    AREAS,
    ARTICLES,
    COUNTRIES,
    EVIDENCE,
    GIFTS,
    LEADERS,
    MEETINGS,
)
from kb.models import Article, ArticleStatus, Gift, Meeting, Office, ReviewState
from kb.services.facts import fact_create_manual
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    editor,
)

pytestmark = pytest.mark.django_db


def moved(write) -> set[str]:
    before = changes.area_versions(AREAS)
    write()
    after = changes.area_versions(AREAS)
    return {area for area in AREAS if after[area] != before[area]}


@pytest.fixture
def world():
    norway = CountryFactory(code="QN", name="Qnorway")
    a, b = LeaderFactory(country=norway), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b], place="Qtown", host_country=norway)
    gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
    agreement = AgreementFactory()
    return {"country": norway, "a": a, "b": b, "meeting": meeting, "gift": gift,
            "agreement": agreement}  # fmt: skip


def test_a_new_meeting_moves_meetings_only(world):
    assert moved(lambda: MeetingFactory(participants=[world["a"], world["b"]])) == {MEETINGS}


def test_a_meetings_participants_move_meetings_only(world):
    other = LeaderFactory()
    assert moved(lambda: world["meeting"].participants.add(other)) == {MEETINGS}


def test_a_meetings_place_is_shown_on_its_gifts_and_agreements(world):
    meeting = world["meeting"]
    meeting.place = "Elsewhere"
    assert moved(meeting.save) == {MEETINGS, GIFTS, AGREEMENTS}


def test_a_meetings_unshown_fields_move_meetings_only(world):
    meeting = world["meeting"]
    meeting.confidence = 0.5
    meeting.review_state = ReviewState.CONFIRMED
    assert moved(meeting.save) == {MEETINGS}


def test_a_deleted_meeting_leaves_its_gifts_and_its_sources(world):
    assert moved(world["meeting"].delete) == {MEETINGS, GIFTS, AGREEMENTS, EVIDENCE}


def test_gifts_and_agreements_move_their_own_area(world):
    assert moved(lambda: GiftFactory(giver=world["a"], recipient=world["b"])) == {GIFTS}
    agreement = world["agreement"]
    assert moved(lambda: agreement.leader_parties.add(world["a"])) == {AGREEMENTS}
    agreement.summary = "Another summary"
    assert moved(agreement.save) == {AGREEMENTS}


def test_a_new_leader_moves_leaders_only(world):
    assert moved(lambda: LeaderFactory(country=world["country"])) == {LEADERS}


def test_a_leaders_new_name_or_country_is_shown_on_every_fact(world):
    leader = world["a"]
    leader.name = "Renamed Person"
    assert moved(leader.save) == {LEADERS, MEETINGS, GIFTS, AGREEMENTS}
    leader.country = CountryFactory(code="QX")
    assert moved(leader.save) == {LEADERS, MEETINGS, GIFTS, AGREEMENTS}
    leader.confidence = 0.3  # not shown elsewhere
    assert moved(leader.save) == {LEADERS}


def test_an_office_moves_leaders(world):
    office = moved(
        lambda: Office.objects.create(
            leader=world["a"], country=world["country"], kind="head_of_state", start="2020-01-01"
        )
    )
    assert office == {LEADERS}


def test_a_countrys_name_is_shown_everywhere(world):
    country = world["country"]
    assert moved(lambda: CountryFactory(code="QZ")) == {COUNTRIES}
    country.name = "Renamed land"
    assert moved(country.save) == set(AREAS)


def test_articles_and_their_statuses_move_articles_only(world):
    article = moved(lambda: ArticleFactory())
    assert article == {ARTICLES}
    pk = Article.objects.latest("pk").pk
    update = Article.objects.filter(pk=pk).update
    assert moved(lambda: update(status=ArticleStatus.FAILED)) == {ARTICLES}


def test_a_deleted_article_takes_its_evidence_with_it(world):
    # The cascade to its evidence sends no signal of kb.changes' own.
    article = EvidenceFactory(meeting=world["meeting"]).article
    assert moved(article.delete) == {ARTICLES, EVIDENCE}


def test_a_fact_added_by_hand_moves_its_area_and_the_evidence(world):
    article, user = ArticleFactory(text="Astrid gave Bruno a jug."), editor("areas-editor")

    def add():
        fact_create_manual(
            model=Gift,
            user=user,
            article=article,
            sentence_start=0,
            sentence_end=10,
            giver=world["a"],
            recipient=world["b"],
            item="jug",
        )

    assert moved(add) == {GIFTS, EVIDENCE}


def test_bulk_updates_move_the_model_and_what_shows_it(world):
    update = Meeting.objects.filter(pk=world["meeting"].pk).update
    assert moved(lambda: update(kind="visit")) == {MEETINGS, GIFTS, AGREEMENTS}
