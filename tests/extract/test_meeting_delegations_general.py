"""A delegation of leaders on a mission: who is in it, and whom it meets.

'C flew in separately and joined the mission' makes C one of the delegation (C does not
meet it), so 'the visitors held talks with X' is the delegation with C.  'They then met
separately with Y' right after is the same delegation meeting Y on its own, not each
member meeting Y; so is 'they' after three named leaders who were together a verb's
subject ('A, B and C met X. They also held talks with Y').  A time in a clause
describing someone met ('Y, who lost the March 2 vote') dates that description, not the
meeting.  The sentences are written for these
tests and read with the shipped leader registry (published Thursday 2024-03-14).
"""

from __future__ import annotations

import datetime as dt

import pytest

RUTO, RAMAPHOSA, AKUFO = "William Ruto", "Cyril Ramaphosa", "Nana Akufo-Addo"
KAGAME, TINUBU, ATIKU = "Paul Kagame", "Bola Tinubu", "Atiku Abubakar"
DELEGATION = {RUTO, RAMAPHOSA, AKUFO}
TUESDAY = dt.date(2024, 3, 12)

MISSION = (
    "Three African presidents flew into Abuja on Tuesday to press President Bola Tinubu to "
    "reopen the border. They left hours later without a deal.\n\n"
    "The {group} was led by Kenya's president, William Ruto, and included South Africa's "
    "Cyril Ramaphosa and Ghana's Nana Akufo-Addo. The Rwandan president flew in separately "
    "and joined the {joined} in Abuja.\n\n"
    "The {visitors} held closed-door talks with Tinubu, who took office last year. "
    "{then}\n\n"
    "For the Rwandan leader, Paul Kagame, the trip carried a particular weight."
)
THEN = "They then met separately with Atiku Abubakar, the opposition leader who lost the {vote}."
WORDS = [
    {"group": "delegation", "joined": "delegation", "visitors": "visitors"},
    {"group": "mission", "joined": "mission", "visitors": "delegation"},
]


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


def _mission(words, vote="vote"):
    return MISSION.format(then=THEN.format(vote=vote), **words)


def _people(ex):
    return [set(m.participants) for m in ex.meetings]


@pytest.mark.parametrize("words", WORDS, ids=["delegation", "mission"])
def test_a_leader_who_joins_the_delegation_is_one_of_it(run, words):
    ex = run(_mission(words))
    assert DELEGATION | {KAGAME, TINUBU} in _people(ex), _people(ex)
    # joining the delegation is travelling with it, not a meeting with it
    assert DELEGATION | {KAGAME} not in _people(ex)


def test_joining_a_leader_is_still_a_meeting(run):
    ex = run("Rwandan President Paul Kagame joined Kenyan President William Ruto in Nairobi.")
    assert {KAGAME, RUTO} in _people(ex)


@pytest.mark.parametrize("words", WORDS, ids=["delegation", "mission"])
def test_they_after_the_delegation_meet_as_one_body(run, words):
    ex = run(_mission(words))
    assert DELEGATION | {KAGAME, ATIKU} in _people(ex), _people(ex)
    assert not any(len(p) == 2 and ATIKU in p for p in _people(ex))


def test_named_leaders_meeting_separately_meet_one_by_one(run):
    ex = run(
        "Kenyan President William Ruto and South African President Cyril Ramaphosa met "
        "separately with Nigerian President Bola Tinubu in Abuja on Tuesday."
    )
    assert {RUTO, TINUBU} in _people(ex) and {RAMAPHOSA, TINUBU} in _people(ex)
    assert {RUTO, RAMAPHOSA, TINUBU} not in _people(ex)


def test_a_date_describing_the_one_met_is_not_the_meetings(run):
    ex = run(_mission(WORDS[0], vote="March 2 vote"))
    found = [m for m in ex.meetings if ATIKU in m.participants]
    assert found and found[0].date == TUESDAY and found[0].host_country == "NG"


def test_an_arrival_described_still_bounds_the_day(run):
    ex = run(
        "Kenyan President William Ruto met Nigerian President Bola Tinubu in Abuja on "
        "Wednesday. Ruto, who arrived on Monday, also held talks with Vice President Kashim "
        "Shettima."
    )
    found = [m for m in ex.meetings if "Kashim Shettima" in m.participants]
    assert found and found[0].date != dt.date(2024, 3, 13)


SHETTIMA = "Kashim Shettima"
THREE = (
    "Kenyan President William Ruto, South African President Cyril Ramaphosa and Ghanaian "
    "President Nana Akufo-Addo met Nigerian President Bola Tinubu in Abuja on Tuesday. {then}"
)


def test_they_after_three_named_subjects_are_those_three(run):
    ex = run(THREE.format(then="They also held talks with Vice President Kashim Shettima."))
    assert DELEGATION | {SHETTIMA} in _people(ex), _people(ex)
    assert DELEGATION | {TINUBU} in _people(ex)


def test_they_with_no_one_named_adds_no_meeting(run):
    ex = run(THREE.format(then="They discussed trade and security."))
    assert _people(ex) == [DELEGATION | {TINUBU}]


def test_they_after_three_named_objects_are_not_taken_as_a_body(run):
    ex = run(
        "Nigerian President Bola Tinubu met Kenyan President William Ruto, South African "
        "President Cyril Ramaphosa and Ghanaian President Nana Akufo-Addo in Abuja on "
        "Tuesday. They also held talks with Vice President Kashim Shettima."
    )
    assert DELEGATION | {SHETTIMA} not in _people(ex)
