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
        "KAZAN, Russia - President Ivan Moroz held talks with President Emre Kaya on Monday.",
        "Kazan",
        "RU",
    ),
    (
        "visited-city-shared-with-talks",
        "Canadian Prime Minister Anne Roy visited Warsaw on Tuesday and held talks with "
        "President Jan Nowak.",
        "Warsaw",
        "PL",
    ),
    (
        "sidelines-of-a-summit",
        "President Anna Novak met Prime Minister Jan Horak on the sidelines of the G20 summit "
        "in Osaka on Saturday.",
        "Osaka",
        "JP",
    ),
    (
        "capital-named-with-of-is-one-place",
        "President Anna Novak met Prime Minister Jan Horak in Port of Spain on Tuesday.",
        "Port of Spain",
        "TT",
    ),
    (
        "capital-named-with-lower-case-words",
        "President Anna Novak held talks with President Jan Horak in Dar es Salaam on Tuesday.",
        "Dar es Salaam",
        "TZ",
    ),
    (
        "capital-the-tagger-calls-a-person",
        "President Anna Novak met Sultan Jan Horak in Bandar Seri Begawan on Tuesday.",
        "Bandar Seri Begawan",
        "BN",
    ),
    (
        "state-of-a-country-gives-its-country",
        "President Anna Novak met President Jan Horak in Alaska on Tuesday.",
        "Alaska",
        "US",
    ),
    (
        "province-of-a-country-gives-its-country",
        "President Anna Novak met President Jan Horak in Ontario on Tuesday.",
        "Ontario",
        "CA",
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
        "LISBON - The tour started on February 21, when President Ana Lopes got off her plane "
        "in Nairobi and shook hands with President Grace Wanjiru on the tarmac."
    )
    m = ex.meetings[0]
    assert (m.place, m.host_country, m.date) == ("Nairobi", "KE", dt.date(2024, 2, 21))


def test_named_as_their_host(run):
    ex = run(
        "President Lucas Ferreira and Foreign Minister Rosa Medina signed agreements in the "
        "gardens of the Elysee Palace on Tuesday, with President Julien Moreau as their host."
    )
    hosts = {m.name: m.country for m in ex.leaders}
    assert hosts.get("Julien Moreau") == "FR"


def test_a_travellers_other_talks_are_in_the_country_visited(run):
    ex = run(
        "Prime Minister Kenji Sato's visit to New Delhi ended on Friday. Sato met President "
        "Priya Nair on Friday. He also held talks with Prime Minister Ravi Mehta."
    )
    hosts = {frozenset(m.participants): m.host_country for m in ex.meetings}
    assert hosts[frozenset({"Kenji Sato", "Ravi Mehta"})] == "IN"


def test_a_government_building_is_a_venue_in_its_country(run):
    ex = run(
        "PARIS - President Julien Moreau spoke to British Prime Minister Tom Reed by phone on "
        "Saturday. On Monday, German Chancellor Lukas Becker held three hours of talks "
        "with Reed at Downing Street."
    )
    got = {frozenset(m.participants): m.host_country for m in ex.meetings}
    assert got[frozenset({"Lukas Becker", "Tom Reed"})] == "GB"


def test_the_city_of_a_summit_on_whose_sidelines_leaders_met(run):
    ex = run(
        "VIENNA - US President Mark Dalton and Russian President Ivan Petrov held talks on "
        "Monday. The pair last met on the sidelines of a Group of 20 summit in Osaka, Japan, "
        "in June."
    )
    assert sorted(m.host_country for m in ex.meetings) == ["AT", "JP"]


def test_a_dateline_state_or_province_gives_its_country(run):
    ex = run(
        "AUSTIN, Texas - Chinese President Li Wei and President Mark Dalton held talks "
        "at a ranch on Wednesday."
    )
    assert [m.host_country for m in ex.meetings] == ["US"]


@pytest.mark.parametrize(
    "text",
    [
        "President Anna Novak met President Jan Horak in Port Louis on Tuesday.",
        "Bandar Seri Begawan hosted President Anna Novak and President Jan Horak on Tuesday.",
        "President Anna Novak met President Jan Horak in Port of Spain on Tuesday.",
    ],
)
def test_a_city_whose_name_looks_like_a_person_is_no_leader(run, text):
    assert sorted(m.name for m in run(text).leaders) == ["Anna Novak", "Jan Horak"]


def test_a_country_inside_a_capital_name_is_not_the_host(run):
    (meeting,) = run("President Anna Novak met President Jan Horak in Port of Spain.").meetings
    assert meeting.host_country != "ES"


def test_a_registry_surname_inside_a_capital_name_is_no_person(nlp):
    # a Pakistani minister's surname is the first word of Tanzania's largest city
    from gazetteer.registry import read_registry_file
    from ingest.extract.names import name_spans
    from ingest.extract.text import build_index

    doc = nlp("Jakaya Kikwete met Hu Jintao in Dar es Salaam on Monday.")
    idx = build_index(doc, read_registry_file(), dt.date(2024, 3, 14))
    names = [doc[span.start : span.end].text for span in name_spans(idx)]
    assert names == ["Jakaya Kikwete", "Hu Jintao"]
