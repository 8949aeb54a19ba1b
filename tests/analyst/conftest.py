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
def no_queue(monkeypatch):
    """Never run extraction from these tests."""
    monkeypatch.setattr("ingest.services._queue", lambda article: None)


@pytest.fixture
def world(db):
    france = CountryFactory(code="FR", name="France")
    japan = CountryFactory(code="JP", name="Japan")
    germany = CountryFactory(code="DE", name="Germany")
    usa = CountryFactory(code="US", name="United States")
    macron = LeaderFactory(name="Emmanuel Macron", country=france)
    kishida = LeaderFactory(name="Fumio Kishida", title="Prime Minister", country=japan)
    scholz = LeaderFactory(name="Olaf Scholz", title="Chancellor", country=germany)
    biden = LeaderFactory(name="Joe Biden", country=usa)

    hiroshima = MeetingFactory(
        participants=[macron, kishida],
        date=dt.date(2023, 5, 19),
        kind="state_visit",
        place="Hiroshima",
        host_country=japan,
        topics=["trade", "security"],
    )
    pen = GiftFactory(
        giver=kishida, recipient=macron, item="lacquered fountain pen", meeting=hiroshima
    )
    roadmap = AgreementFactory(
        leader_parties=[macron, kishida], meeting=hiroshima, summary="Roadmap on space cooperation"
    )
    article = ArticleFactory(
        title="Leaders meet in Hiroshima",
        text="Kishida welcomed Macron in Hiroshima on Friday. They discussed semiconductors.",
    )
    EvidenceFactory(article=article, meeting=hiroshima)
    EvidenceFactory(article=article, gift=pen)
    EvidenceFactory(article=article, agreement=roadmap)

    paris = MeetingFactory(
        participants=[macron, scholz],
        date=dt.date(2022, 1, 10),
        kind="talks",
        place="Paris",
        host_country=france,
        topics=["energy"],
    )
    for title in ("Talks in Paris", "Scholz in Paris"):
        EvidenceFactory(article=ArticleFactory(title=title), meeting=paris)
    EvidenceFactory(article=ArticleFactory(title="Paris talks, third report"), meeting=paris)

    carbis = MeetingFactory(
        participants=[macron, scholz, biden],
        date=dt.date(2021, 6, 12),
        kind="summit",
        place="Carbis Bay",
        topics=["climate"],
    )
    AgreementFactory(
        leader_parties=[macron, scholz, biden], meeting=carbis, summary="Climate pledge"
    )
    call = MeetingFactory(
        participants=[kishida, biden], date=dt.date(2020, 3, 1), kind="call", place=""
    )
    rejected = MeetingFactory(
        participants=[macron, kishida],
        date=dt.date(2023, 6, 1),
        place="Rejected Palace",
        review_state="rejected",
    )
    berlin = MeetingFactory(
        participants=[macron, scholz],
        date=dt.date(2019, 9, 2),
        kind="visit",
        place="Berlin",
        host_country=germany,
    )
    plate = GiftFactory(giver=scholz, recipient=macron, item="porcelain plate", meeting=berlin)
    return locals()
