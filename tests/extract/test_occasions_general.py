"""A meeting's day and host told around its clause, generated: templates x leader pairs x
publication days (CheckList style).

Each group pairs a positive template (the day or host the rule must find) with a twin
that must not take it (a day told for another event, a place of another country).  The
publication days vary over the week, so a weekday resolves differently each time.  The
sentences are written for these tests; they are read with the shipped registry.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract import dates
from ingest.extract.normalize import normalize

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# (name, title, country, capital)
PAIRS = [
    (
        ("William Ruto", "Kenyan President", "KE", "Nairobi"),
        ("Olaf Scholz", "German Chancellor", "DE", "Berlin"),
    ),
    (
        ("Narendra Modi", "Indian Prime Minister", "IN", "New Delhi"),
        ("Anthony Albanese", "Australian Prime Minister", "AU", "Canberra"),
    ),
    (
        ("Emmanuel Macron", "French President", "FR", "Paris"),
        ("Luiz Inácio Lula da Silva", "Brazilian President", "BR", "Brasília"),
    ),
]
PUBLISHED_DAYS = [dt.date(2024, 3, 14), dt.date(2024, 3, 18), dt.date(2024, 3, 23)]


@pytest.fixture(scope="module")
def run(nlp):
    from gazetteer.registry import read_registry_file
    from ingest.extract import extract

    registry = read_registry_file()
    return lambda text, published: extract(text, published, nlp=nlp, registry=registry)


def _week(published: dt.date, back: int) -> tuple[str, dt.date]:
    day = published - dt.timedelta(days=back)
    return WEEKDAY_NAMES[day.weekday()], day


def _meeting(extraction, *surnames):
    for m in extraction.meetings:
        if all(any(s in p for p in m.participants) for s in surnames):
            return m
    return None


CASES = [(a, b, published) for a, b in PAIRS for published in PUBLISHED_DAYS]


@pytest.mark.parametrize("a, b, published", CASES)
def test_the_talks_own_day_wins_over_the_day_of_the_journey_made_for_them(run, a, b, published):
    flew, _ = _week(published, 3)
    met, day = _week(published, 2)
    text = (
        f"{b[1]} {b[0]}, who flew into {a[3]} on {flew} for the annual leaders' meeting, "
        f"was upbeat. After talks in {a[3]} on {met}, {a[0]} and {b[0]} issued a statement."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.date == day


@pytest.mark.parametrize("a, b, published", CASES)
def test_a_journey_made_for_talks_dates_them_when_nothing_else_does(run, a, b, published):
    flew, day = _week(published, 2)
    text = (
        f"Officials expect little.\n\n{b[1]} {b[0]} flew to {a[3]} on {flew} "
        f"for talks with {a[1]} {a[0]}."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.date == day


@pytest.mark.parametrize("a, b, published", CASES)
def test_a_welcome_after_the_arrival_is_on_the_arrival_day(run, a, b, published):
    arrived, day = _week(published, 1)
    text = (
        f"{b[1]} {b[0]} flew in to {a[3]} on {arrived} evening. "
        f"{a[1]} {a[0]} was waiting on the tarmac and greeted {b[0].split()[-1]} warmly."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.date == day


@pytest.mark.parametrize("a, b, published", CASES)
def test_a_welcome_with_its_own_day_keeps_it(run, a, b, published):
    arrived, _ = _week(published, 3)
    welcomed, day = _week(published, 1)
    text = (
        f"{b[1]} {b[0]} arrived in {a[3]} on {arrived}. {a[1]} {a[0]} welcomed "
        f"{b[0].split()[-1]} at the presidential palace on {welcomed}."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.date == day


@pytest.mark.parametrize("a, b, published", CASES)
def test_where_he_met_takes_the_day_and_place_of_the_stop(run, a, b, published):
    stopped, day = _week(published, 2)
    text = (
        f"On his way home, {b[1]} {b[0]} stopped on {stopped} in {a[3]}, "
        f"where he met {a[1]} {a[0]}."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.date == day and meeting.host_country == a[2]


@pytest.mark.parametrize("a, b, published", CASES)
def test_the_night_before_counts_from_the_day_told_earlier_in_the_sentence(run, a, b, published):
    day = published - dt.timedelta(days=20)
    month_day = f"{day.strftime('%B')} {day.day}"
    text = (
        f"On {month_day} the secretary-general opened a conference in Geneva with {a[1]} "
        f"{a[0]} and {b[1]} {b[0]}, who had met each other the night before."
    )
    extraction = run(text, published)
    pair = (a[0].split()[-1], b[0].split()[-1])
    # Their meeting of the night before is the day before the conference's; opening the
    # conference together that day is another event of theirs, on its own day.
    days = {
        m.date
        for m in extraction.meetings
        if all(any(s in p for p in m.participants) for s in pair)
    }
    assert day - dt.timedelta(days=1) in days
    assert days <= {day, day - dt.timedelta(days=1)}


@pytest.mark.parametrize("a, b, published", CASES)
def test_a_lede_naming_both_states_dates_their_leaders_talks(run, a, b, published):
    weekday, day = _week(published, 1)
    country = {"KE": "Kenya", "DE": "Germany", "IN": "India", "AU": "Australia"}
    country |= {"FR": "France", "BR": "Brazil"}
    text = (
        f"{country[a[2]]} and {country[b[2]]} on {weekday} settled a long dispute over trade.\n\n"
        f"{a[1]} {a[0]} and {b[1]} {b[0]} began the day with a meeting without officials."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.date == day


@pytest.mark.parametrize("a, b, published", CASES)
def test_a_lede_about_other_states_gives_no_day(run, a, b, published):
    weekday, _ = _week(published, 1)
    text = (
        f"Chile and Vietnam on {weekday} signed an accord on fisheries.\n\n"
        f"Separately, {a[1]} {a[0]} and {b[1]} {b[0]} held talks in {a[3]}."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.date is None


@pytest.mark.parametrize("a, b, published", CASES)
def test_a_country_in_a_clause_about_the_venue_is_not_its_country(run, a, b, published):
    weekday, _ = _week(published, 1)
    demonym = b[1].split()[0]
    text = (
        f"{a[1]} {a[0]} received {b[1]} {b[0]} at the presidential palace on {weekday}, "
        f"where {b[0].split()[-1]} announced more {demonym} money for roads."
    )
    meeting = _meeting(run(text, published), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.host_country == a[2]


@pytest.mark.parametrize("city, code", [("New York", "US"), ("Geneva", "CH"), ("Vienna", "AT")])
@pytest.mark.parametrize("a, b", PAIRS)
def test_a_body_seated_in_a_known_city_is_hosted_by_its_country(run, a, b, city, code):
    text = f"On Monday {a[1]} {a[0]} sat down with {b[1]} {b[0]} at the United Nations in {city}."
    meeting = _meeting(run(text, PUBLISHED_DAYS[0]), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.host_country == code


@pytest.mark.parametrize("side", ["eastern", "northern"])
@pytest.mark.parametrize("a, b", PAIRS)
def test_a_region_told_about_is_no_place_of_the_meeting(run, a, b, side):
    text = (
        f"{a[1]} {a[0]} and {b[1]} {b[0]}, amid worries over fighting in {side} Syria, "
        f"held talks on Monday in {a[3]}."
    )
    meeting = _meeting(run(text, PUBLISHED_DAYS[0]), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.host_country == a[2]


@pytest.mark.parametrize("a, b", PAIRS)
@pytest.mark.parametrize(
    "byline", ["By Jane Okafor in {capital}", "By Tomas Lindqvist in {capital}"]
)
def test_a_byline_filed_from_a_city_gives_the_host(run, a, b, byline):
    text = (
        f"Leaders agree to deepen ties\n\n{byline.format(capital=a[3])}\n\n"
        f"{a[1]} {a[0]} and {b[1]} {b[0]} held talks on trade."
    )
    meeting = _meeting(run(text, PUBLISHED_DAYS[0]), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.host_country == a[2]


@pytest.mark.parametrize("a, b", PAIRS)
def test_a_byline_without_a_place_gives_no_host(run, a, b):
    text = (
        "Leaders agree to deepen ties\n\nBy Jane Okafor, Diplomatic Correspondent\n\n"
        f"{a[1]} {a[0]} and {b[1]} {b[0]} held talks on trade."
    )
    meeting = _meeting(run(text, PUBLISHED_DAYS[0]), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.host_country is None


@pytest.mark.parametrize("deck", ["Trade tops the agenda", "A thaw after a difficult year"])
@pytest.mark.parametrize("dash", [" (Reuters) -", " (AP) \u2014", " \u2014"])
def test_a_dateline_after_a_deck_is_found(deck, dash):
    text = f"Leaders meet\n\n{deck}\n\nKAZAN, Russia{dash} The presidents met on Friday."
    assert normalize(text).dateline.place == "KAZAN, Russia"


def test_a_dateline_like_line_after_a_body_sentence_is_no_dateline():
    assert normalize("Leaders meet\n\nThe presidents met.\n\nKAZAN - later.").dateline is None


@pytest.mark.parametrize(
    "text, published, past",
    [
        ("in September", dt.date(2024, 6, 10), False),  # still to come
        ("in July", dt.date(2024, 6, 10), False),
        ("in February", dt.date(2024, 8, 10), True),  # half a year back
        ("in November", dt.date(2024, 1, 10), True),  # last year's
        ("in March", dt.date(2024, 6, 10), True),
    ],
)
def test_a_month_a_few_months_ahead_is_not_past(text, published, past):
    assert dates.mentions_past(text, published) is past


@pytest.mark.parametrize(
    "text", ["the night before", "two days later", "that same afternoon", "the previous day"]
)
def test_expressions_counting_from_another_day_are_known(text):
    assert dates.counts_from_previous(text)


@pytest.mark.parametrize("text", ["on Monday", "last week", "March 3"])
def test_expressions_with_a_day_of_their_own_do_not_count_from_another(text):
    assert not dates.counts_from_previous(text)


@pytest.mark.parametrize("a, b", PAIRS)
@pytest.mark.parametrize("when", ["in February 2020", "in 2019"])
def test_a_place_set_off_after_a_meeting_noun_is_its_place(run, a, b, when):
    text = (
        f"{a[1]} {a[0]} recalled his previous meeting with {b[1]} {b[0]}, in {a[3]} {when}, "
        "as a turning point."
    )
    found = [m for m in run(text, PUBLISHED_DAYS[0]).meetings if m.host_country == a[2]]
    assert found, "the set-off place gives the earlier meeting's host"


@pytest.mark.parametrize("a, b", PAIRS)
def test_a_stop_told_for_the_meetings_time_is_its_place(run, a, b):
    text = (
        f"{a[1]} {a[0]} and {b[1]} {b[0]} met in person in September, when "
        f"{b[0].split()[-1]} made an unannounced stop at the presidential palace in {a[3]}."
    )
    meeting = _meeting(run(text, PUBLISHED_DAYS[0]), a[0].split()[-1], b[0].split()[-1])
    assert meeting is not None and meeting.host_country == a[2]
