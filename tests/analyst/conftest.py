"""Fixtures for the analysts' pages: a small world of meetings with known answers."""

import datetime as dt

import pytest

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)


@pytest.fixture(autouse=True)
def no_queue(no_queue):
    """Never run extraction from these tests."""
    return no_queue


@pytest.fixture
def world(db):
    france = CountryFactory(code="FR", name="France")
    japan = CountryFactory(code="JP", name="Japan")
    germany = CountryFactory(code="DE", name="Germany")
    usa = CountryFactory(code="US", name="United States")
    dubois = LeaderFactory(name="Claire Dubois", country=france)
    sato = LeaderFactory(name="Kenji Sato", title="Prime Minister", country=japan)
    becker = LeaderFactory(name="Jonas Becker", title="Chancellor", country=germany)
    dalton = LeaderFactory(name="Mark Dalton", country=usa)

    kanazawa = MeetingFactory(
        participants=[dubois, sato],
        date=dt.date(2023, 10, 17),
        kind="state_visit",
        place="Kanazawa",
        host_country=japan,
        topics=["trade", "security"],
    )
    pen = GiftFactory(giver=sato, recipient=dubois, item="lacquered fountain pen", meeting=kanazawa)
    roadmap = AgreementFactory(
        leader_parties=[dubois, sato], meeting=kanazawa, summary="Roadmap on hydrogen cooperation"
    )
    article = ArticleFactory(
        title="Leaders meet in Kanazawa",
        text="Sato welcomed Dubois in Kanazawa on Tuesday. They discussed semiconductors.",
    )
    EvidenceFactory(article=article, meeting=kanazawa)
    EvidenceFactory(article=article, gift=pen)
    EvidenceFactory(article=article, agreement=roadmap)

    paris = MeetingFactory(
        participants=[dubois, becker],
        date=dt.date(2022, 1, 10),
        kind="talks",
        place="Paris",
        host_country=france,
        topics=["energy"],
    )
    for title in ("Talks in Paris", "Becker in Paris"):
        EvidenceFactory(article=ArticleFactory(title=title), meeting=paris)
    EvidenceFactory(article=ArticleFactory(title="Paris talks, third report"), meeting=paris)

    bled = MeetingFactory(
        participants=[dubois, becker, dalton],
        date=dt.date(2021, 9, 14),
        kind="summit",
        place="Lake Bled",
        topics=["climate"],
    )
    AgreementFactory(
        leader_parties=[dubois, becker, dalton], meeting=bled, summary="Climate pledge"
    )
    call = MeetingFactory(
        participants=[sato, dalton], date=dt.date(2020, 3, 1), kind="call", place=""
    )
    rejected = MeetingFactory(
        participants=[dubois, sato],
        date=dt.date(2023, 11, 20),
        place="Rejected Palace",
        review_state="rejected",
    )
    berlin = MeetingFactory(
        participants=[dubois, becker],
        date=dt.date(2019, 9, 2),
        kind="visit",
        place="Berlin",
        host_country=germany,
    )
    plate = GiftFactory(giver=becker, recipient=dubois, item="porcelain plate", meeting=berlin)
    return locals()
