"""Meeting kind and occasion capabilities: calls told by their line, visits told by
travel, and meetings of the past told in background.

A call is a call however its line is named ("a telephone conversation", "by video
link"); a meeting in person stays one when a video link is told beside it.  A leader
shown travelling to another's country (a relative clause, a stop at an air base, a
trip before the meeting) makes their meeting a visit held in the host's country, even at
a venue the gazetteer does not know; two leaders who both travel to a third country
hold talks there.  A meeting of other leaders told with a past year has its own people
and no day, and the story's meeting keeps its own.
"""

from __future__ import annotations

import datetime as dt

from .base import Draft, capability, sentence, simple, two_leaders
from .expectations import Meeting, NoLeader, NoMeeting
from .fillers import WEEKDAYS

# Venues no gazetteer knows: the host follows from who travelled, not from the place.
VENUES = (
    "Hillcrest Lodge",
    "the Ardmore estate",
    "Kestrel Hall",
    "the Old Mill manor",
    "Larkspur House",
    "the Brightwater retreat",
)
BASES = ("Camp Ridgeway air base", "the Northfield air base", "Fort Calder")
TOWNS = ("the resort town", "the lakeside town", "the mountain resort", "the port city")


def _weekday(rng, published: dt.date) -> tuple[str, dt.date]:
    day = published - dt.timedelta(days=rng.randint(1, 5))
    return f"on {WEEKDAYS[day.weekday()]}", day


@capability("meeting.call_line", twin="meeting.call_line_in_person")
def call_line(fillers, rng):
    """A call told by its line: a telephone conversation, a video link, a video conference."""
    published, a, b = two_leaders(fillers, rng)
    when, day = _weekday(rng, published)
    pattern = rng.choice(
        (
            "{A} conducted a telephone conversation with {B} {when}.",
            "{A} held a telephone conversation with {B} {when} on energy supplies.",
            "{A} spoke by video link with {B} {when}.",
            "{A} and {B} spoke by video link {when} about the harvest.",
            "{A} and {B} held talks by video conference {when}.",
            "{A} talked with {B} by videoconference {when}.",
            "{A} had a video call with {B} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), when=when)
    expected = Meeting((a.name, b.name), date=day, kind="call", hostless=True)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.call_line_in_person", twin="meeting.call_line")
def call_line_in_person(fillers, rng):
    """A meeting in person in a third capital, with a video link told for something else:
    talks, not a call."""
    published, a, b = two_leaders(fillers, rng)
    third = fillers.other_state(rng, a.country, b.country)
    when, day = _weekday(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}, and the two later addressed a business forum "
            "by video link.",
            "{A} held talks with {B} in {place} {when}; a video link carried their news "
            "conference to both capitals.",
            "{A} and {B} met in person in {place} {when} after a conference that others "
            "joined by video link.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=third.capital, when=when)
    expected = Meeting((a.name, b.name), date=day, kind="talks", host=third.code)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.visit_by_travel", twin="meeting.third_country_talks")
def visit_by_travel(fillers, rng):
    """A travels to B (a relative clause, a stop, a trip told before) and they meet at a
    place the gazetteer does not know: a visit hosted by B's country."""
    published, a, b = two_leaders(fillers, rng)
    when, day = _weekday(rng, published)
    pattern = rng.choice(
        (
            "{A}, who flew into {town} the day before, held talks with {B} {when}.",
            "{A}, who arrived in {town} {when}, met {B} at {venue} that evening.",
            "{A} made a stop at {base} {when}, where {he} met {B}.",
            "{A} made an unannounced stop at {base} {when} and held talks with {B}.",
            "{A} travelled to {country} {when} and met {B} at {venue}.",
            "{A} flew to {country} {when} and held talks with {B} at {venue}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        he="he",
        town=rng.choice(TOWNS),
        venue=rng.choice(VENUES),
        base=rng.choice(BASES),
        country=b.country_name,
        when=when,
    )
    expected = Meeting((a.name, b.name), date=day, kind="visit", host=b.country)
    return Draft(sentence(text), published, (expected,), (a, b))


@capability("meeting.third_country_talks", twin="meeting.visit_by_travel")
def third_country_talks(fillers, rng):
    """A travels to a third country and meets B there: talks hosted by that country, no
    visit to B."""
    published, a, b = two_leaders(fillers, rng)
    third = fillers.other_state(rng, a.country, b.country)
    when, day = _weekday(rng, published)
    pattern = rng.choice(
        (
            "{A}, who flew into {place} the day before for a conference, held talks with "
            "{B} there {when}.",
            "{A} travelled to {place} {when} and met {B} on the sidelines of a conference.",
            "{A} arrived in {place} {when} and held talks with {B}, who was also in the city.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=third.capital, when=when)
    expected = Meeting((a.name, b.name), date=day, kind="talks", host=third.code)
    return Draft(sentence(text), published, (expected,), (a, b))


def _earlier_pair(fillers, rng, published, exclude):
    """Two leaders in office some years before publication, other than ``exclude``, and
    that year; None when the registry has none."""
    for _ in range(20):
        day = fillers.published(rng)
        if day.year > published.year - 3:
            continue
        try:
            c, d = fillers.leaders(rng, day, 2)
        except LookupError:
            continue
        names = {x.name for x in exclude}
        if c.name not in names and d.name not in names:
            return day.year, c, d
    return None


@capability("meeting.background_visit", twin="meeting.plain_met")
def background_visit(fillers, rng):
    """After the story's meeting, an older meeting of other leaders told with a year only:
    its own participants, no day, and the story's meeting keeps its day."""
    for _ in range(10):
        published, a, b = two_leaders(fillers, rng)
        found = _earlier_pair(fillers, rng, published, (a, b))
        if found is not None:
            break
    year, c, d = found
    when, day = _weekday(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. {C} had visited {old} in {year} and met {D}.",
            "{A} met {B} in {place} {when}. {C} visited {old} in {year}, when he held talks "
            "with {D}.",
            "{A} held talks with {B} in {place} {when}. In {year}, {C} travelled to {old} "
            "to meet {D}.",
            "{A} held talks with {B} in {place} {when}. The last leader to make the trip was "
            "{C}, who met {D} in {old} in {year}.",
            "{A} met {B} in {place} {when}. {D} still speaks warmly of {C}, whom he met in "
            "{old} in {year}.",
            "{A} met {B} in {place} {when}. {C} went to {old} in {year}; his trip included "
            "talks with {D}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        C=simple(rng, c),
        D=simple(rng, d),
        place=b.capital,
        old=d.capital,
        year=year,
        when=when,
    )
    expected = (
        Meeting((a.name, b.name), date=day),
        Meeting((c.name, d.name), undated=True),
    )
    return Draft(sentence(text), published, expected, (a, b))  # c and d held office before


# One-word names of things a leader's story tells beside a meeting (written for the suite).
THING_NAMES = ("Rustam", "Arjun", "Leonidas", "Ganesh", "Teodor", "Milos", "Buddha", "Pushkin")
THING_PHRASES = (
    "gave {A} two {T} dogs",
    "showed {A} a {T} statue",
    "took {A} to see the {T} river",
    "gave {A} a {T} hunting horse",
)


@capability("meeting.thing_names_negative", twin="meeting.plain_met", negative=True)
def thing_names_negative(fillers, rng):
    """A one-word name used for a thing ('two Kestrel dogs', 'the Marlow river', 'a
    Kestrel named Bo') is no person and takes part in no meeting."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = _weekday(rng, published)
    thing = rng.choice(THING_NAMES)
    told = rng.choice(THING_PHRASES).format(A=a.surname, T=thing)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. {b} {told} after the talks.",
            "{A} held talks with {B} in {place} {when}, and {b} {told}. {a} already keeps "
            "a {T} named Bo.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        a=a.surname,
        b=b.surname,
        place=b.capital,
        when=when,
        told=told,
        T=thing,
    )
    return Draft(sentence(text), published, (NoLeader(thing), NoMeeting((thing,))), (a, b))
