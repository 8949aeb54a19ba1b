"""Places and host countries of meetings: venues over cities, the dateline, the places of
a governing travel verb, sidelines of a summit (invented people)."""

from __future__ import annotations

import datetime as dt

import pytest

CASES = [
    (
        "venue-over-city",
        "President Anna Novak met Prime Minister Jan Horak at the Merdeka Palace in Jakarta "
        "on Tuesday.",
        "Merdeka Palace",
        "ID",
    ),
    (
        "place-hung-off-the-guest",
        "Canadian Prime Minister Anne Roy hosted Mexican President Luz Ortega in Ottawa on "
        "Wednesday.",
        "Ottawa",
        "CA",
    ),
    (
        "dateline-city-when-none-is-named",
        "SOCHI, Russia - President Ivan Moroz held talks with President Emre Kaya on Monday.",
        "Sochi",
        "RU",
    ),
    (
        "visited-city-shared-with-talks",
        "Japanese Prime Minister Kenji Sato visited Kyiv on Tuesday and held talks with "
        "President Ivan Moroz.",
        "Kyiv",
        "UA",
    ),
    (
        "sidelines-of-a-summit",
        "President Anna Novak met Prime Minister Jan Horak on the sidelines of the G20 summit "
        "in Hamburg on Saturday.",
        "Hamburg",
        "DE",
    ),
    (
        "venue-in-the-next-sentence",
        "President Anna Novak hosted Prime Minister Jan Horak in Prague on Monday. After two "
        "hours of talks at Hradcany Castle, Novak and Horak signed a treaty.",
        "Hradcany Castle",
        "CZ",
    ),
]


@pytest.mark.parametrize("text,place,host", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_meeting_place_and_host(run, text, place, host):
    meetings = run(text).meetings
    assert [(m.place, m.host_country) for m in meetings] == [(place, host)]


def test_a_call_has_no_place_even_with_a_dateline(run):
    ex = run("PARIS - President Louis Girard spoke by phone with President Ivan Moroz on Monday.")
    assert [(m.kind, m.place, m.host_country) for m in ex.meetings] == [("call", None, None)]


def test_a_city_alone_is_not_a_country(run):
    ex = run("President Anna Novak met Prime Minister Jan Horak in Geneva on Tuesday.")
    assert "CH" not in ex.countries


def test_a_city_elsewhere_in_the_sentence_beats_the_dateline(run):
    ex = run(
        "WASHINGTON - The week began on February 21, when President John Carter stepped off "
        "his plane in Peking and shook hands with Premier Zhou Ming at the foot of the steps."
    )
    m = ex.meetings[0]
    assert (m.place, m.host_country, m.date) == ("Peking", "CN", dt.date(2024, 2, 21))


def test_named_as_their_host(run):
    ex = run(
        "Prime Minister David Levin and Foreign Minister Omar Fahmy signed agreements on the "
        "South Lawn of the White House on Tuesday, with President John Carter as their host."
    )
    hosts = {m.name: m.country for m in ex.leaders}
    assert hosts.get("John Carter") == "US"


def test_a_travellers_other_talks_are_in_the_country_visited(run):
    ex = run(
        "Prime Minister Kenji Sato's visit to Beijing ended on Friday. Sato met President Wei "
        "Lan on Friday. He also held talks with Premier Zhou Ming."
    )
    hosts = {frozenset(m.participants): m.host_country for m in ex.meetings}
    assert hosts[frozenset({"Kenji Sato", "Zhou Ming"})] == "CN"


def test_a_government_building_is_a_venue_in_its_country(run):
    ex = run(
        "WASHINGTON - President Mark Dalton spoke to Russian President Ivan Petrov by phone on "
        "Saturday. On Monday, French President Paul Girard held more than five hours of talks "
        "with Petrov at the Kremlin."
    )
    got = {frozenset(m.participants): m.host_country for m in ex.meetings}
    assert got[frozenset({"Paul Girard", "Ivan Petrov"})] == "RU"


def test_the_city_of_a_summit_on_whose_sidelines_leaders_met(run):
    ex = run(
        "HELSINKI - US President Mark Dalton and Russian President Ivan Petrov held talks on "
        "Monday. The two leaders had met before, on the sidelines of the Group of 20 summit in "
        "Hamburg, Germany, last July."
    )
    assert sorted(m.host_country for m in ex.meetings) == ["DE", "FI"]


def test_a_dateline_state_or_province_gives_its_country(run):
    ex = run(
        "WOODSIDE, California - Chinese President Li Wei and President Mark Dalton held talks "
        "at a country estate on Wednesday."
    )
    assert [m.host_country for m in ex.meetings] == ["US"]
