"""Expectations judge an Extraction leniently, the way ``manage.py evaluate`` matches."""

from __future__ import annotations

import datetime as dt

from ingest.capabilities.expectations import (
    Agreement,
    AgreementBatch,
    AgreementCount,
    AgreementDate,
    Gift,
    GiftCount,
    LeaderCountry,
    Meeting,
    NoGift,
    NoLeader,
    NoMeeting,
    Result,
)
from ingest.extract import (
    AgreementCandidate,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
)

DAY = dt.date(2024, 3, 8)
RUTO = {"name": "William Ruto", "country": "KE", "title": "President"}
SCHOLZ = {"name": "Olaf Scholz", "country": "DE", "title": "Chancellor"}


def result(**facts) -> Result:
    return Result(Extraction(published=DAY, **facts))


def meeting(*names, date=DAY, kind="talks"):
    return MeetingCandidate(participants=names, kind=kind, host_country=None, place=None, date=date)


def test_a_meeting_with_a_third_participant_includes_the_two_but_is_not_exactly_them():
    found = result(meetings=(meeting("William Ruto", "Olaf Scholz", "Nairobi"),))
    assert Meeting(("Olaf Scholz", "William Ruto")).check(found) is None
    assert "exactly" in Meeting(("Olaf Scholz", "William Ruto"), exact=True).check(found)


def test_a_meeting_on_another_day_or_of_another_kind_fails():
    found = result(meetings=(meeting("William Ruto", "Olaf Scholz", date=dt.date(2024, 3, 7)),))
    assert "not dated" in Meeting(("William Ruto", "Olaf Scholz"), date=DAY).check(found)
    assert "kind call" in Meeting(("William Ruto", "Olaf Scholz"), kind="call").check(found)


def test_names_match_as_evaluate_normalises_them():
    found = result(meetings=(meeting("Kim Jong-un", "Moon Jae-in"),))
    assert Meeting(("Kim Jong Un", "Moon Jae In")).check(found) is None


def test_no_meeting_fails_on_any_meeting_or_only_on_one_among_the_names():
    found = result(meetings=(meeting("William Ruto", "Olaf Scholz"),))
    assert NoMeeting().check(found) is not None
    assert NoMeeting(("William Ruto", "Emmanuel Macron")).check(found) is None
    assert NoMeeting().check(result()) is None


def test_a_gift_item_matches_leniently_and_only_in_its_direction():
    found = result(gifts=(GiftCandidate("William Ruto", "Olaf Scholz", "samurai sword"),))
    assert Gift("William Ruto", "Olaf Scholz", "a samurai sword").check(found) is None
    assert Gift("Olaf Scholz", "William Ruto", "samurai sword").check(found) is not None
    assert Gift("William Ruto", "Olaf Scholz", "porcelain vase").check(found) is not None
    assert NoGift().check(found) is not None
    assert NoGift().check(result()) is None


def test_one_gift_per_couple_is_counted_by_item():
    two = result(
        gifts=(
            GiftCandidate("William Ruto", "Olaf Scholz", "vintage camera"),
            GiftCandidate("Rachel Ruto", "Olaf Scholz", "vintage camera"),
        )
    )
    assert GiftCount(1, "vintage camera").check(two) is not None
    assert GiftCount(2, "a vintage camera").check(two) is None


def test_agreement_parties_match_by_name_or_through_the_leaders_countries():
    expected = Agreement(("William Ruto", "Olaf Scholz"), (RUTO, SCHOLZ), ("mou",), "signed")
    by_country = result(
        leaders=(LeaderMention("William Ruto", "KE", "President"),),
        agreements=(AgreementCandidate(("DE", "KE"), "mou", "signed", "MoU on health"),),
    )
    assert expected.check(by_country) is None
    wrong_status = result(
        agreements=(
            AgreementCandidate(("William Ruto", "Olaf Scholz"), "mou", "agreed", "MoU on health"),
        )
    )
    assert "no agreement" in expected.check(wrong_status)


def test_an_agreement_summary_must_name_its_subject_when_asked():
    found = result(
        agreements=(
            AgreementCandidate(
                ("William Ruto", "Olaf Scholz"), "mou", "signed", "MoU on mental health cooperation"
            ),
        )
    )
    parties = ("William Ruto", "Olaf Scholz"), (RUTO, SCHOLZ)
    assert Agreement(*parties, ("mou",), "signed", "mental health cooperation").check(found) is None
    assert Agreement(*parties, ("mou",), "signed", "maritime security").check(found) is not None


def test_a_batch_is_one_record_that_gives_its_count():
    one = result(
        agreements=(AgreementCandidate(("KE", "DE"), "agreement", "signed", "18 agreements"),)
    )
    assert AgreementBatch(("18",)).check(one) is None
    assert AgreementBatch(("12",)).check(one) is not None
    many = result(
        agreements=tuple(
            AgreementCandidate(("KE", "DE"), "agreement", "signed", f"18 agreements ({k} of 18)")
            for k in range(1, 19)
        )
    )
    assert AgreementBatch(("18",)).check(many) is not None
    assert AgreementCount(18).check(many) is None


def test_an_agreement_takes_the_date_of_its_meeting():
    dated = result(agreements=(AgreementCandidate(("KE", "DE"), "mou", "signed", "MoU", date=DAY),))
    assert AgreementDate(("mou",), DAY).check(dated) is None
    assert AgreementDate(("mou",), dt.date(2024, 3, 9)).check(dated) is not None


def test_leader_country_and_absent_leaders():
    found = result(leaders=(LeaderMention("William Ruto", "DE", "President"),))
    assert "expected KE" in LeaderCountry("William Ruto", "KE").check(found)
    assert "not found" in LeaderCountry("Olaf Scholz", "DE").check(found)
    assert NoLeader("WILLIAM RUTO").check(found) is not None
    assert NoLeader("Anna Holloway").check(found) is None
