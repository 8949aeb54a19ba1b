"""The small world the pages and the API are read against, with known answers.

Four leaders (FR, JP, DE, US) and six meetings: Kanazawa (a state visit with a gift and
an agreement, evidenced in one article with a sentence to highlight), Paris (three source
articles), Lake Bled (a summit with an agreement whose parties are leaders only), a call
without a place, a meeting an editor rejected, and Berlin (a gift). Import ``world`` into
a conftest to use it there.
"""

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


@pytest.fixture
def world(db):
    france = CountryFactory(code="FR", name="France")
    japan = CountryFactory(code="JP", name="Japan")
    germany = CountryFactory(code="DE", name="Germany")
    usa = CountryFactory(code="US", name="United States")
    dubois = LeaderFactory(name="Claire Dubois", country=france, other_names=["Dubois"])
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
    roadmap.country_parties.set([france, japan])
    article = ArticleFactory(
        title="Leaders meet in Kanazawa",
        text="Opening line.\n\nSato welcomed Dubois in Kanazawa on Tuesday. "
        "They discussed semiconductors.",
        published=dt.date(2023, 10, 18),
        extractor_version="1.2.0",
    )
    start = article.text.index("Sato welcomed")
    EvidenceFactory(article=article, meeting=kanazawa, start=start, end=start + 43)
    EvidenceFactory(article=article, gift=pen)
    EvidenceFactory(article=article, agreement=roadmap)
    article.leaders.set([dubois, sato])

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
    pledge = AgreementFactory(
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
    # The names the reading pages' tests use for Kanazawa's records.
    meeting, gift, agreement = kanazawa, pen, roadmap
    return locals()
