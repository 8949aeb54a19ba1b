"""Occasion capabilities: a meeting's day, and the country that hosted it.

Days are told around the meeting's own clause (an arrival the sentence before, a stop
the meeting is a relative clause of, a lede naming the two states) and a journey's day
is not the day of what it was for.  Hosts come from the place (a venue's own city, not a
country named in a clause about it), a byline or a dateline after a standfirst.
"""

from __future__ import annotations

import datetime as dt

from .base import Draft, capability, sentence, simple, two_leaders
from .expectations import Meeting
from .fillers import MONTHS, WEEKDAYS

REPORTERS = ("Jane Okafor", "Tomas Lindqvist", "Priya Raman", "Marco Bellini", "Ana Costa")
STANDFIRSTS = (  # decks: no final stop, unlike the body's first paragraph
    "The two sides hope to put a difficult year behind them",
    "Trade and energy top an agenda long delayed by disputes",
    "Officials play down expectations before the meeting",
)
# Seats of the United Nations and what hosts them.
UN_SEATS = (("New York", "US"), ("Geneva", "CH"), ("Vienna", "AT"), ("Nairobi", "KE"))


def _weekday_pair(rng, published: dt.date) -> tuple[str, dt.date, str, dt.date]:
    """Two weekdays of the week before publication, the first before the second:
    ('on Sunday', day, 'on Monday', day + 1) as news writes them."""
    second = published - dt.timedelta(days=rng.randint(0, 4))
    first = second - dt.timedelta(days=rng.randint(1, 2))
    return (
        f"on {WEEKDAYS[first.weekday()]}",
        first,
        f"on {WEEKDAYS[second.weekday()]}",
        second,
    )


def _day_phrase(rng, day: dt.date, published: dt.date) -> str:
    """'on Tuesday' within the week before publication, else 'on March 8'."""
    if 0 <= (published - day).days <= 6 and rng.random() < 0.6:
        return f"on {WEEKDAYS[day.weekday()]}"
    return f"on {MONTHS[day.month - 1]} {day.day}"


@capability("meeting.date_journey_purpose", twin="meeting.date_journey_only")
def date_journey_purpose(fillers, rng):
    """'B flew in on Sunday for talks with A ... the two held talks on Monday': the talks'
    own day, not the journey's."""
    published, a, b = two_leaders(fillers, rng)
    flew, _, met, day = _weekday_pair(rng, published)
    journey = rng.choice(
        (
            "{B} flew into {place} {flew} for talks with {A}.",
            "{B}, who arrived in {place} {flew} for the annual leaders' meeting, was upbeat.",
            "{B} travelled to {place} {flew} for a summit with {A}.",
        )
    )
    talks = rng.choice(
        (
            "{A} and {B} held talks {met} at the presidential palace.",
            "After talks in {place} {met}, {A} and {B} issued a joint statement.",
            "{A} met {B} {met} at the prime minister's office.",
        )
    )
    fill = {"A": simple(rng, a), "B": simple(rng, b), "place": a.capital, "flew": flew, "met": met}
    text = sentence(journey.format(**fill)) + " " + sentence(talks.format(**fill))
    return Draft(text, published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.date_journey_only", twin="meeting.date_journey_purpose")
def date_journey_only(fillers, rng):
    """'B flew to X on Sunday for talks with A' and no other day told: the journey's day."""
    published, a, b = two_leaders(fillers, rng)
    flew, day, _, _ = _weekday_pair(rng, published)
    pattern = rng.choice(
        (
            "{B} flew to {place} {flew} for talks with {A}.",
            "{B} travelled to {place} {flew} for a meeting with {A}.",
            "{B} arrived in {place} {flew} for talks with {A} on trade.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=a.capital, flew=flew)
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.date_arrival_welcome", twin="meeting.date_welcome_own_day")
def date_arrival_welcome(fillers, rng):
    """'A flew in on Sunday evening. B greeted A on the tarmac': the welcome is on the
    day of the arrival the sentence before tells."""
    published, a, b = two_leaders(fillers, rng)
    arrived, day, _, _ = _weekday_pair(rng, published)
    first = rng.choice(
        (
            "{A} flew in to {place} {when} evening.",
            "{A} arrived in {place} {when} for a three-day visit.",
            "{A} landed in {place} {when} after a long flight.",
        )
    )
    second = rng.choice(
        (
            "{B} welcomed {a} at the airport with a guard of honour.",
            "{B} was waiting on the tarmac and greeted {a} warmly.",
            "{B} received {a} at the presidential palace.",
        )
    )
    fill = {
        "A": simple(rng, a),
        "B": simple(rng, b),
        "place": b.capital,
        "when": arrived,
        "a": a.surname,
    }
    text = sentence(first.format(**fill)) + " " + sentence(second.format(**fill))
    return Draft(text, published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.date_welcome_own_day", twin="meeting.date_arrival_welcome")
def date_welcome_own_day(fillers, rng):
    """'A arrived on Sunday. B welcomed A at the palace on Monday': a welcome told with
    its own day keeps it."""
    published, a, b = two_leaders(fillers, rng)
    arrived, _, welcomed, day = _weekday_pair(rng, published)
    text = (
        sentence(f"{simple(rng, a)} arrived in {b.capital} {arrived}.")
        + " "
        + sentence(f"{simple(rng, b)} welcomed {a.surname} at the presidential palace {welcomed}.")
    )
    return Draft(text, published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.date_where_stop")
def date_where_stop(fillers, rng):
    """'A stopped on Monday in X, where he met B': the stop's day and place are the
    meeting's."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    pattern = rng.choice(
        (
            "On his way home, {A} stopped {when} in {place}, where he met {B}.",
            "{A} made a stop {when} in {place}, where he held talks with {B}.",
            "{A} broke his journey {when} in {place}, where he met {B} for an hour.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    expected = Meeting((a.name, b.name), date=day, host=b.country)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.date_lede_states", twin="meeting.date_lede_other_states")
def date_lede_states(fillers, rng):
    """A lede in which the two states act on a day ('X and Y on Saturday established
    ties') dates the talks its leaders then hold."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(0, 5))
    when = _day_phrase(rng, day, published)
    lede = rng.choice(
        (
            "{X} and {Y} {when} signed an agreement on trade and investment.",
            "{X} and {Y} {when} settled a long dispute over their border.",
        )
    )
    body = rng.choice(
        (
            "{A} and {B} held talks at the presidential palace before the signing.",
            "{A} and {B} began the day with a meeting without officials.",
        )
    )
    text = (
        sentence(lede.format(X=a.country_name, Y=b.country_name, when=when))
        + "\n\n"
        + sentence(body.format(A=simple(rng, a), B=simple(rng, b)))
    )
    return Draft(text, published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.date_lede_other_states", twin="meeting.date_lede_states")
def date_lede_other_states(fillers, rng):
    """A lede dating what two other states did gives no day to a later undated meeting."""
    published, a, b = two_leaders(fillers, rng)
    c = fillers.other_state(rng, a.country, b.country)
    d = fillers.other_state(rng, a.country, b.country, c.code)
    day = published - dt.timedelta(days=rng.randint(0, 5))
    text = (
        sentence(
            f"{c.name} and {d.name} {_day_phrase(rng, day, published)} signed an accord on "
            "fisheries."
        )
        + "\n\n"
        + sentence(f"Separately, {simple(rng, a)} and {simple(rng, b)} held talks in {b.capital}.")
    )
    return Draft(text, published, (Meeting((a.name, b.name), undated=True),), (a, b))


@capability("meeting.host_relative_clause")
def host_relative_clause(fillers, rng):
    """'B received A at the presidential palace, where A announced more [A's demonym]
    aid': the venue is B's, whatever country the clause about it names."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    pattern = rng.choice(
        (
            "{B} received {A} at the presidential palace in {place} {when}, where {A} "
            "announced more {dem} money for roads.",
            "{A} held talks with {B} at the presidential palace in {place} {when}, where the "
            "visitor promised {dem} investment.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when, dem=a.demonym
    )
    expected = Meeting((a.name, b.name), date=day, host=b.country)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.host_seat_city")
def host_seat_city(fillers, rng):
    """'A sat down with B at the United Nations in Geneva': a body seated in a known city
    is hosted by that city's country."""
    published, a, b = two_leaders(fillers, rng)
    city, code = rng.choice(UN_SEATS)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    pattern = rng.choice(
        (
            "{When} {A} sat down with {B} at the United Nations in {city}.",
            "{A} met {B} at the United Nations in {city} {when}.",
            "{A} held talks with {b_pos} leader, {B}, at the United Nations in {city} {when}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=b.name,
        b_pos=b.possessive_country(),
        city=city,
        when=when,
        When=when[:1].upper() + when[1:],
    )
    return Draft(sentence(text), published, (Meeting((a.name, b.name), host=code),), (a, b))


@capability("meeting.host_byline", twin="meeting.host_byline_no_place")
def host_byline(fillers, rng):
    """'By A Reporter in <capital>' above a story with no dateline: the story's city."""
    published, a, b = two_leaders(fillers, rng)
    headline = rng.choice(("Leaders agree to deepen ties", "Talks end with hopes of a deal"))
    text = f"{headline}\n\nBy {rng.choice(REPORTERS)} in {b.capital}\n\n" + sentence(
        f"{simple(rng, a)} and {simple(rng, b)} held talks on trade and energy."
    )
    return Draft(text, published, (Meeting((a.name, b.name), host=b.country),), (a, b))


@capability("meeting.host_byline_no_place", twin="meeting.host_byline")
def host_byline_no_place(fillers, rng):
    """A byline with no place, and talks told with none: no host is invented."""
    published, a, b = two_leaders(fillers, rng)
    text = (
        "Leaders agree to deepen ties\n\nBy "
        + rng.choice(REPORTERS)
        + ", Diplomatic Correspondent\n\n"
        + sentence(f"{simple(rng, a)} and {simple(rng, b)} held talks on trade and energy.")
    )
    return Draft(text, published, (Meeting((a.name, b.name), hostless=True),), (a, b))


@capability("meeting.dateline_after_standfirst")
def dateline_after_standfirst(fillers, rng):
    """A wire dateline opening the paragraph after a standfirst still gives the host."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    place = rng.choice((b.capital.upper(), b.capital))
    agency = rng.choice(("(Reuters) -", "(AP) \u2014", "\u2014", "(AFP) -"))
    if agency == "\u2014":
        place = b.capital.upper()  # without an agency a dateline is written in capitals
    text = (
        "Leaders meet as ties thaw\n\n"
        + rng.choice(STANDFIRSTS)
        + f"\n\n{place}, {b.country_name.removeprefix('the ')} {agency} "
        + sentence(f"{simple(rng, a)} and {simple(rng, b)} held talks {when}.")
    )
    expected = Meeting((a.name, b.name), date=day, host=b.country)
    return Draft(text, published, (expected,), (a, b))


@capability("meeting.host_region_not_city")
def host_region_not_city(fillers, rng):
    """'met B in <capital> amid fighting in eastern <C>': a region told about is no
    place of the meeting."""
    published, a, b = two_leaders(fillers, rng)
    c = fillers.other_state(rng, a.country, b.country)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    side = rng.choice(("eastern", "northern", "southern", "western"))
    text = (
        f"{simple(rng, a)} and {simple(rng, b)}, amid worries over fighting in {side} "
        f"{c.name.removeprefix('the ')}, held talks {when} in {b.capital}."
    )
    expected = Meeting((a.name, b.name), date=day, host=b.country)
    return Draft(sentence(text), published, (expected,), (a, b))
