"""Meeting capabilities: who met whom, when, and what is no meeting."""

from __future__ import annotations

from .base import Draft, capability, capitalised, date_phrase, sentence, simple, two_leaders
from .expectations import Meeting, NoMeeting
from .fillers import CONFLICT_PLACES, CONFLICT_TOPICS


@capability("meeting.plain_met", twin="meeting.modality_negative")
def plain_met(fillers, rng):
    """A met B (met, met with, held talks with, and A and B met), with a place and a day."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    place = b.capital
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}.",
            "{A} met with {B} in {place} {when}.",
            "{A} held talks with {B} in {place} {when}.",
            "{A} and {B} met in {place} {when}.",
            "{A} and {B} held talks in {place} {when}.",
            "{When}, {A} met {B} in {place}.",
            "{A} sat down with {B} in {place} {when} for talks on trade.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), place=place, when=when, When=capitalised(when)
    )
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.received_by")
def received_by(fillers, rng):
    """A was received by B, and B received A (a host receiving a guest is a meeting)."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} was received by {B} in {place} {when}.",
            "{B} received {A} in {place} {when}.",
            "{B} received {A} at the presidential palace in {place} {when}.",
            "{A} was welcomed by {B} in {place} {when}.",
            "{B} hosted {A} in {place} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when)
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.phone_call")
def phone_call(fillers, rng):
    """A phoned, dialled, spoke by phone with, or received a call from B: a call."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} dialled {B} {when}.",
            "{A} telephoned {B} {when}.",
            "{A} spoke by phone with {B} {when}.",
            "{A} held a phone call with {B} {when}.",
            "{A} received a phone call from {B} {when}.",
            "{A} and {B} spoke by telephone {when}.",
            "{A} had a phone conversation with {B} {when}, discussing trade.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), when=when)
    expected = Meeting((a.name, b.name), date=day, kind="call")
    return Draft(sentence(text), published, (expected,), (a, b))


def _several(fillers, rng, n):
    published = fillers.published(rng)
    return published, fillers.leaders(rng, published, n)


def _listed(rng, leaders) -> str:
    names = [simple(rng, x) for x in leaders]
    return ", ".join(names[:-1]) + " and " + names[-1]


@capability("meeting.summit_brought_together")
def summit_brought_together(fillers, rng):
    """The summit brought together A, B and C: one meeting of all of them."""
    published, leaders = _several(fillers, rng, rng.choice((3, 3, 4)))
    when, day = date_phrase(rng, published)
    place = leaders[0].capital
    pattern = rng.choice(
        (
            "The summit in {place} {when} brought together {names}.",
            "{When}, a summit in {place} brought together {names}.",
            "The regional summit, which brought together {names}, opened in {place} {when}.",
        )
    )
    text = pattern.format(
        place=place, when=when, When=capitalised(when), names=_listed(rng, leaders)
    )
    expected = Meeting(tuple(x.name for x in leaders), date=day)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.attended_by")
def attended_by(fillers, rng):
    """A summit attended by A, B and C, and A, B and C attended the summit."""
    published, leaders = _several(fillers, rng, 3)
    when, day = date_phrase(rng, published)
    place = leaders[0].capital
    pattern = rng.choice(
        (
            "The summit in {place}, attended by {names}, opened {when}.",
            "{names} attended the summit in {place} {when}.",
            "{When}, {names} attended a regional summit in {place}.",
            "A summit attended by {names} was held in {place} {when}.",
        )
    )
    text = pattern.format(
        place=place, when=when, When=capitalised(when), names=_listed(rng, leaders)
    )
    expected = Meeting(tuple(x.name for x in leaders), date=day)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.joined_by")
def joined_by(fillers, rng):
    """A and B were joined by C: one meeting of the three."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} and {B} were joined by {C} for talks in {place} {when}.",
            "{A} hosted {B} in {place} {when}, and they were joined by {C}.",
            "{When}, {A} and {B} were joined in {place} by {C}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        C=simple(rng, c),
        place=a.capital,
        when=when,
        When=capitalised(when),
    )
    expected = Meeting((a.name, b.name, c.name), date=day)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.conflict_topic", twin="meeting.conflict_negative")
def conflict_topic(fillers, rng):
    """A met B to discuss a war, amid tensions: a meeting held about conflict is held."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    topic = rng.choice(CONFLICT_TOPICS).format(place=rng.choice(CONFLICT_PLACES))
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when} {topic}.",
            "{A} held talks with {B} in {place} {when} {topic}.",
            "{A} and {B} met in {place} {when} {topic}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), place=b.capital, when=when, topic=topic
    )
    return Draft(sentence(text), published, (Meeting((a.name, b.name), date=day),), (a, b))


@capability("meeting.conflict_negative", twin="meeting.conflict_topic", negative=True)
def conflict_negative(fillers, rng):
    """A accused, attacked, threatened or condemned B: no meeting."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} accused {B} {when} of prolonging the war in {conflict}.",
            "{A} attacked {B} {when} over the handling of the crisis.",
            "{A} threatened {B} with new sanctions {when}.",
            "{A} condemned {B} {when} for the border incursion.",
            "{A} lashed out at {B} {when}, calling the policies of {b} reckless.",
            "{A} criticised {B} in a speech in {place} {when}.",
            "{A} warned {B} {when} against escalating the conflict in {conflict}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        b=b.surname,
        when=when,
        place=a.capital,
        conflict=rng.choice(CONFLICT_PLACES),
    )
    return Draft(sentence(text), published, (NoMeeting(),), (a, b))


@capability("meeting.modality_negative", twin="meeting.plain_met", negative=True)
def modality_negative(fillers, rng):
    """A hopes to meet, had no plans to meet, denied meeting, did not meet B: no meeting."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} said {when} that {a} hopes to meet {B} soon.",
            "{A} had no plans to meet {B} during the trip, officials said {when}.",
            "{A} denied reports {when} that {a} had met {B} in secret.",
            "{A} did not meet {B} in {place}, his office said {when}.",
            "{A} refused to meet {B} {when}.",
            "{A} would like to meet {B} before the end of the year, an aide said {when}.",
            "{A} cancelled a planned meeting with {B} {when}.",
            "{A} said {when} that {a} had never met {B}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.surname, when=when, place=b.capital
    )
    return Draft(sentence(text), published, (NoMeeting((a.name, b.name)),), (a, b))


@capability("meeting.four_parties")
def four_parties(fillers, rng):
    """A, B, C and D met: one meeting of exactly the four, the city no participant."""
    published, leaders = _several(fillers, rng, 4)
    when, day = date_phrase(rng, published)
    place = rng.choice(leaders).capital
    names = _listed(rng, leaders)
    pattern = rng.choice(
        (
            "{names} met in {place} {when}.",
            "{names} held talks in {place} {when}.",
            "{When}, {names} met in {place} to discuss trade.",
            "In {place} {when}, {names} met for a four-way summit.",
        )
    )
    text = pattern.format(names=names, place=place, when=when, When=capitalised(when))
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.many_leaders")
def many_leaders(fillers, rng):
    """A summit of five to seven named leaders, however the list is told: one meeting."""
    published, leaders = _several(fillers, rng, rng.choice((5, 6, 7)))
    when, day = date_phrase(rng, published)
    place = leaders[0].capital
    pattern = rng.choice(
        (
            "{names} attended the summit in {place} {when}.",
            "Leaders including {names} gathered in {place} {when} for the summit.",
            "The summit in {place} {when} was attended by {names}.",
            "The summit, which brought together {names}, opened in {place} {when}.",
            "The summit opened in {place} {when}. {names} were in attendance.",
        )
    )
    text = pattern.format(
        place=place, when=when, When=capitalised(when), names=_listed(rng, leaders)
    )
    expected = Meeting(tuple(x.name for x in leaders), date=day)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("meeting.among_attendees")
def among_attendees(fillers, rng):
    """A and B were among the leaders who attended the summit: a meeting of the two."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} and {B} were among the leaders who attended the summit in {place} {when}.",
            "{A} and {B} were among the heads of state who attended the summit in {place} {when}.",
            "{When}, {A} and {B} were among the leaders who attended a summit in {place}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), place=a.capital, when=when, When=capitalised(when)
    )
    expected = Meeting((a.name, b.name), date=day, kind="summit")
    return Draft(sentence(text), published, (expected,), (a, b))
