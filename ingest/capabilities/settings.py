"""Setting capabilities: the day, place and host of a meeting as news tells them around it.

- an earlier meeting told in passing ('since they met in X', 'the talks come after the
  two met in X') is a meeting of its own, lending the story's meeting nothing;
- leaders meeting away from home (a summit in a third country, a traveller's one
  destination) are hosted where they met, not by the one met;
- 'here' is the dateline's city;
- parts of a day ('last night', 'on Sunday evening', 'this morning') are days;
- a day and a city told the sentence before for a participant's journey or stay are the
  meeting's, when its own words tell none.
Each has a twin for the opposite behaviour.
"""

from __future__ import annotations

import datetime as dt

from .base import Draft, capability, capitalised, sentence, simple, two_leaders
from .expectations import Meeting, MeetingCount
from .fillers import MONTHS, WEEKDAYS
from .occasions import _day_phrase, _weekday_pair

# "the two met in X" forms of an earlier meeting; {place} is the earlier meeting's city.
EARLIER_TOLD = (
    "{A} held talks with {B} in {here} {when}. The talks come after the two leaders met in "
    "{place}.",
    "{A} met {B} in {here} {when}, months after they met in {place}.",
    "{A} met {B} in {here} {when}, a year after the two leaders met in {place}.",
    "{A} met {B} in {here} {when}. It was their first meeting since they met in {place} last year.",
    "{A} met {B} in {here} {when}, their second meeting after talks in {place} in {month}.",
)


def _earlier_month(published: dt.date) -> str:
    """A month some months before publication (told without a day: an earlier event)."""
    return MONTHS[(published.month - 1 - 6) % 12]


@capability("meeting.earlier_told_apart", twin="meeting.earlier_same_story")
def earlier_told_apart(fillers, rng):
    """'A met B in X on Monday, months after they met in Y': two meetings, the story's in
    X on its day, the earlier one in Y with no day told."""
    published, a, b = two_leaders(fillers, rng)
    c = fillers.other_state(rng, a.country, b.country)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    text = rng.choice(EARLIER_TOLD).format(
        A=simple(rng, a),
        B=simple(rng, b),
        here=b.capital,
        when=_day_phrase(rng, day, published),
        place=c.capital,
        month=_earlier_month(published),
    )
    names = (a.name, b.name)
    expected = (
        Meeting(names, date=day, host=b.country),
        Meeting(names, undated=True, host=c.code),
        MeetingCount(2),
    )
    return Draft(sentence(text), published, expected, (a, b))


@capability("meeting.earlier_same_story", twin="meeting.earlier_told_apart")
def earlier_same_story(fillers, rng):
    """'After talks in X on Monday, A and B signed ...': a meeting told after 'after' on
    the story's own day is the story's one meeting."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    pattern = rng.choice(
        (
            "After talks in {place} {when}, {A} and {B} signed an agreement on trade.",
            "{A} and {B} signed an agreement on trade after they met in {place} {when}.",
            "{A} and {B} spoke to reporters after their meeting in {place} {when}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), place=b.capital, when=_day_phrase(rng, day, published)
    )
    expected = (Meeting((a.name, b.name), date=day, host=b.country), MeetingCount(1))
    return Draft(sentence(text), published, expected, (a, b))


@capability("meeting.host_away_from_home", twin="meeting.host_away_unplaced")
def host_away_from_home(fillers, rng):
    """A and B meeting in a third country (a summit there, A's journey there): hosted by
    that country, not by B for being the one met."""
    published, a, b = two_leaders(fillers, rng)
    c = fillers.other_state(rng, a.country, b.country)
    went, _, met, day = _weekday_pair(rng, published)
    pattern = rng.choice(
        (
            "{A} flew to {place} {went} for a regional summit. {met_cap} {a} met {B} on the "
            "sidelines.",
            "{A} arrived in {place} {went}. {a} met {B} {met}.",
            "{A} met {B} on the sidelines of the summit {met}. {a} had arrived in {place} {went}.",
        )
    )
    text = pattern.format(
        A=capitalised(simple(rng, a)),
        B=simple(rng, b),
        a=a.surname,
        place=c.capital,
        went=went,
        met=met,
        met_cap=capitalised(met),
    )
    expected = (Meeting((a.name, b.name), date=day, host=c.code),)
    return Draft(text, published, expected, (a, b))


@capability("meeting.host_away_unplaced", twin="meeting.host_away_from_home")
def host_away_unplaced(fillers, rng):
    """'A met B on the sidelines of the summit' with no place told: no host is guessed
    from B's nationality."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    pattern = rng.choice(
        (
            "{A} met {B} on the sidelines of the summit {when}.",
            "{A} met {B} {when} on the margins of a regional summit.",
            "On the sidelines of the summit {when}, {A} met {B}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), when=_day_phrase(rng, day, published))
    expected = (Meeting((a.name, b.name), date=day, hostless=True),)
    return Draft(sentence(text), published, expected, (a, b))


@capability("meeting.here_dateline", twin="meeting.here_no_dateline")
def here_dateline(fillers, rng):
    """'C, Country - ... A met B here on Tuesday': the dateline's city and country, also
    for a meeting that is not the story's first."""
    published, a, b = two_leaders(fillers, rng)
    c = fillers.other_state(rng, a.country, b.country)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    first = rng.choice(
        (
            "",
            f"{simple(rng, b)} spoke by telephone with the Pope on Monday. ",
            "Trade dominated the agenda. ",
        )
    )
    pattern = rng.choice(
        (
            "{A} met {B} here {when}.",
            "In talks held here {when}, {A} and {B} agreed to build a railway.",
            "{A} held talks here with {B} {when}.",
        )
    )
    dateline = f"{c.capital.upper()}, {c.name.removeprefix('the ')} \u2014 "
    text = (
        dateline + first + sentence(pattern.format(A=simple(rng, a), B=simple(rng, b), when=when))
    )
    expected = (Meeting((a.name, b.name), date=day, host=c.code),)
    return Draft(text, published, expected, (a, b))


@capability("meeting.here_no_dateline", twin="meeting.here_dateline")
def here_no_dateline(fillers, rng):
    """'here' with no dateline tells no place: the host is the one the words give."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    text = f"{simple(rng, a)} held talks here with {simple(rng, b)} {when}."
    expected = (Meeting((a.name, b.name), date=day, hostless=True),)
    return Draft(sentence(text), published, expected, (a, b))


def _part_of_day(rng, published: dt.date) -> tuple[str, dt.date]:
    """A part of a day as news writes it, and its day."""
    back = rng.randint(1, 5)
    day = published - dt.timedelta(days=back)
    weekday = WEEKDAYS[day.weekday()]
    choices = [
        (f"on {weekday} evening", day),
        (f"on {weekday} night", day),
        (f"late on {weekday}", day),
        ("last night", published - dt.timedelta(days=1)),
        ("last evening", published - dt.timedelta(days=1)),
        ("yesterday evening", published - dt.timedelta(days=1)),
        ("this morning", published),
        ("earlier today", published),
        ("this afternoon", published),
    ]
    return rng.choice(choices)


@capability("meeting.date_part_of_day", twin="meeting.date_part_of_visit")
def date_part_of_day(fillers, rng):
    """'met B last night', 'on Sunday evening', 'this morning': the day against the
    publication date."""
    published, a, b = two_leaders(fillers, rng)
    when, day = _part_of_day(rng, published)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}.",
            "{When}, {A} held talks with {B} in {place}.",
            "{A}, who met {B} {when}, said they had agreed on trade.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        place=b.capital,
        when=when,
        When=capitalised(when),
    )
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.date_part_of_visit", twin="meeting.date_part_of_day")
def date_part_of_visit(fillers, rng):
    """'on the last evening of the visit': a part of the visit, told from no day."""
    published, a, b = two_leaders(fillers, rng)
    part = rng.choice(("evening", "night", "morning"))
    pattern = rng.choice(
        (
            "On the last {part} of the visit, {A} met {B} in {place}.",
            "{A} met {B} in {place} on the first {part} of the visit.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, part=part)
    return Draft(sentence(text), published, (Meeting((a.name, b.name), undated=True),), (a, b))


LEDES = (
    "Trade was high on the agenda this week.",
    "The two countries have long sought closer ties.",
    "Energy and security dominated the talks.",
)


@capability("meeting.setting_sentence_before", twin="meeting.setting_own_words")
def setting_sentence_before(fillers, rng):
    """'On Monday, A arrived in X. He met B at the palace.': the day and city of the
    journey told the sentence before are the meeting's."""
    published, a, b = two_leaders(fillers, rng)
    day = published - dt.timedelta(days=rng.randint(1, 5))
    when = _day_phrase(rng, day, published)
    before = rng.choice(
        (
            "{When}, {A} arrived in {place}.",
            "{A} flew to {place} {when}.",
            "{When}, {A} toured a factory in {place}.",
            "{A} landed in {place} {when}.",
        )
    )
    meeting = rng.choice(
        (
            "{a} met {B} at the presidential palace.",
            "{a} then held talks with {B}.",
            "Shortly after landing, {a} met {B}.",
            "There {a} met {B}.",
        )
    )
    fill = {
        "A": simple(rng, a),
        "B": simple(rng, b),
        "a": a.surname,
        "place": b.capital,
        "when": when,
        "When": capitalised(when),
    }
    text = " ".join(
        (rng.choice(LEDES), sentence(before.format(**fill)), sentence(meeting.format(**fill)))
    )
    expected = (Meeting((a.name, b.name), date=day, host=b.country),)
    return Draft(text, published, expected, (a, b))


@capability("meeting.setting_own_words", twin="meeting.setting_sentence_before")
def setting_own_words(fillers, rng):
    """A day of the meeting's own wins over the journey's, and a sentence that shows no
    journey or stay lends no day."""
    published, a, b = two_leaders(fillers, rng)
    first = published - dt.timedelta(days=rng.randint(3, 5))
    second = first + dt.timedelta(days=rng.randint(1, 2))
    opening = capitalised(_day_phrase(rng, first, published))
    if rng.randrange(2) == 0:
        text = (
            f"{opening}, {simple(rng, a)} arrived in {b.capital}. {a.surname} met "
            f"{simple(rng, b)} {_day_phrase(rng, second, published)}."
        )
        expected = Meeting((a.name, b.name), date=second)
    else:
        text = (
            f"{opening}, {simple(rng, b)} said exports were rising. {simple(rng, a)} met "
            f"{b.surname} at the presidential palace."
        )
        expected = Meeting((a.name, b.name), undated=True)
    return Draft(rng.choice(LEDES) + " " + text, published, (expected,), (a, b))
