"""Meetings told in a clause hung on another event: 'a day after holding talks with B'
(the clause's own day, counted from the main one) and 'A gave B a book when the two met'
(the pair the sentence links, not the article's pair)."""

from __future__ import annotations

import datetime as dt

from .base import Draft, capability, sentence, simple, two_leaders, with_article
from .expectations import Meeting, NoMeeting
from .fillers import GIFT_ITEMS, WEEKDAYS

COUNTS = (("a day", 1), ("the day", 1), ("two days", 2), ("three days", 3))
HELD = (
    "holding talks with {B} in {Bcap}",
    "meeting {B} in {Bcap}",
    "holding talks in {Bcap} with {B}",
    "talking with {B} in {Bcap}",
)
NOT_HELD = (
    "refusing to meet {B}",
    "declining an invitation from {B} to visit {Bcap}",
    "criticising {B} over trade",
    "calling on {B} to resign",
)


def _three(fillers, rng):
    published = fillers.published(rng)
    return (published, *fillers.leaders(rng, published, 3))


def _main_day(rng, published: dt.date) -> tuple[str, dt.date]:
    """A weekday of the week before publication, far enough from Monday to count back."""
    day = published - dt.timedelta(days=rng.randint(0, 3))
    return f"on {WEEKDAYS[day.weekday()]}", day


@capability("meeting.measured_clause", twin="meeting.measured_clause_not_held")
def measured_clause(fillers, rng):
    """'A met C in X on Thursday, a day after holding talks with B in Y': both meetings,
    the clause's on its own day (counted back from the main clause's)."""
    published, a, b, c = _three(fillers, rng)
    when, day = _main_day(rng, published)
    count, days = rng.choice(COUNTS)
    main = rng.choice(
        (
            "{A} met {C} in {Ccap} {when}, {count} after {held}.",
            "{A} arrived in {Ccap} {when}, {count} after {held}.",
            "{A} held talks with {C} in {Ccap} {when}, just {count} after {held}.",
        )
    )
    fill = {"A": simple(rng, a), "B": simple(rng, b), "C": simple(rng, c), "Bcap": b.capital}
    held = rng.choice(HELD).format(**fill)
    text = main.format(**fill, Ccap=c.capital, when=when, count=count, held=held)
    expected = [Meeting((a.name, b.name), date=day - dt.timedelta(days=days), host=b.country)]
    named = (a, b, c) if "{C}" in main else (a, b)  # "arrived in X" names no C
    if "{C}" in main:
        expected.append(Meeting((a.name, c.name), date=day))
    return Draft(sentence(text), published, tuple(expected), named)


@capability("meeting.measured_clause_not_held", twin="meeting.measured_clause")
def measured_clause_not_held(fillers, rng):
    """'A met C in X on Thursday, a day after refusing to meet B': the clause tells no
    meeting with B."""
    published, a, b, c = _three(fillers, rng)
    when, _ = _main_day(rng, published)
    count, _ = rng.choice(COUNTS)
    fill = {"A": simple(rng, a), "B": simple(rng, b), "C": simple(rng, c), "Bcap": b.capital}
    clause = rng.choice(NOT_HELD).format(**fill)
    text = f"{fill['A']} met {fill['C']} in {c.capital} {when}, {count} after {clause}."
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b, c))


@capability("meeting.the_two_of_this_sentence", twin="meeting.the_two_of_the_story")
def the_two_of_this_sentence(fillers, rng):
    """'A welcomed B ... . C gave D a book when the two met in X in 2009': the two are C
    and D, whom the sentence links, not A and B of the story."""
    published = fillers.published(rng)
    a, b, c, d = fillers.leaders(rng, published, 4)
    when, _ = _main_day(rng, published)
    item = with_article(rng.choice(GIFT_ITEMS))
    year = published.year - rng.randint(3, 12)
    second = rng.choice(
        (
            "{C} gave {D} {item} when the two met in {Dcap} in {year}.",
            "{C} handed {D} {item} as the two met in {Dcap} in {year}.",
            "{C} sat down with {D} in {year}, and the two signed a trade pact in {Dcap}.",
        )
    )
    text = (
        sentence(f"{simple(rng, a)} welcomed {simple(rng, b)} to {a.capital} {when}.")
        + " "
        + sentence(
            second.format(C=simple(rng, c), D=simple(rng, d), item=item, Dcap=d.capital, year=year)
        )
    )
    expected = (
        Meeting((a.name, b.name)),
        Meeting((c.name, d.name), host=d.country),
        NoMeeting((a.name, b.name, d.name)),
    )
    return Draft(text, published, expected, (a, b, c, d))


@capability("meeting.the_two_of_the_story", twin="meeting.the_two_of_this_sentence")
def the_two_of_the_story(fillers, rng):
    """'A met B ... . C praised the deal as the two signed it': C links no one, so the
    two are still A and B, and C met neither."""
    published, a, b, c = _three(fillers, rng)
    when, _ = _main_day(rng, published)
    second = rng.choice(
        (
            "{C} praised the accord as the two signed it.",
            "{C} later told reporters that the two had done well.",
            "{C} said in a statement that the two had shown courage.",
        )
    )
    text = (
        sentence(f"{simple(rng, a)} met {simple(rng, b)} in {b.capital} {when}.")
        + " "
        + sentence(second.format(C=simple(rng, c)))
    )
    expected = (
        Meeting((a.name, b.name)),
        NoMeeting((a.name, c.name)),
        NoMeeting((b.name, c.name)),
    )
    return Draft(text, published, expected, (a, b, c))


@capability("meeting.invited_for_talks", twin="meeting.invitation_taken_up")
def invited_for_talks(fillers, rng):
    """'A invited B to X for talks': an invitation, not talks held (whatever B answered)."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = _main_day(rng, published)
    pattern = rng.choice(
        (
            "{A} invited {B} to {place} for talks {when}.",
            "{When}, {A} invited {B} to {place} for talks, an offer {b} declined.",
            "{A} {when} invited {B} to {place} for a summit on trade.",
            "{A} invited {B} to {place} for a state visit next year.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        b=b.surname,
        place=a.capital,
        when=when,
        When=when[:1].upper() + when[1:],
    )
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.invitation_taken_up", twin="meeting.invited_for_talks")
def invitation_taken_up(fillers, rng):
    """'B held talks with A in X on Monday at A's invitation': the talks were held."""
    published, a, b = two_leaders(fillers, rng)
    when, day = _main_day(rng, published)
    pattern = rng.choice(
        (
            "{B} held talks with {A} in {place} {when} at the invitation of {a}.",
            "At {a}'s invitation, {B} travelled to {place} and met {A} there {when}.",
            "{A}, who had invited {B} to {place}, hosted {b} for talks {when}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.surname, b=b.surname, place=a.capital, when=when
    )
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))
