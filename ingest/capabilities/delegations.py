"""Meeting capabilities of a delegation of leaders on a mission: a leader who joins the
delegation is one of it (joining it is no meeting), the delegation referred to as 'the
visitors' meets its host, and 'they' right after meets someone else as the same body."""

from __future__ import annotations

from .base import Draft, capability, date_phrase, sentence, simple
from .expectations import Meeting, MeetingCount, NoMeeting
from .meetings import _several

GROUPS = (("delegation", "visitors"), ("mission", "delegation"), ("delegation", "delegation"))


def _described(rng, leaders) -> str:
    """'The delegation was led by A and included B and C.'"""
    a, b, c = leaders
    pattern = rng.choice(
        (
            "The {g} was led by {A} and included {B} and {C}.",
            "The {g}, led by {A}, included {B} and {C}.",
        )
    )
    return pattern.format(g="{g}", A=simple(rng, a), B=simple(rng, b), C=simple(rng, c))


def _joined(rng, d, place) -> str:
    pattern = rng.choice(
        (
            "{D} flew in separately and joined the {j} in {place}.",
            "{D} joined the {j} in {place} later that day.",
            "{D} arrived separately and joined the {j}.",
        )
    )
    return pattern.format(D=simple(rng, d), j="{j}", place=place)


@capability("meeting.delegation_joined", twin="meeting.delegation_joined_negative")
def delegation_joined(fillers, rng):
    """A delegation led by A with B and C, joined by D, held talks with host E; 'they then
    met separately with F': two meetings of the delegation with D, one with E, one with F."""
    published, leaders = _several(fillers, rng, 6)
    a, b, c, d, e, f = leaders
    when, day = date_phrase(rng, published)
    group, visitors = rng.choice(GROUPS)
    place = e.capital
    opening = sentence(
        f"A {group} of leaders flew into {place} {when} to press {simple(rng, e)} over a "
        "border dispute."
    )
    held = rng.choice(
        (
            "The {v} held talks with {E} behind closed doors.",
            "The {v} held closed-door talks with {E}.",
        )
    ).format(v=visitors, E=e.name)
    then = rng.choice(
        (
            "They then met separately with {F}.",
            "They later met separately with {F}.",
            "They then held talks with {F}.",
        )
    ).format(F=simple(rng, f))
    text = " ".join(
        (
            opening,
            sentence(_described(rng, (a, b, c)).format(g=group)),
            sentence(_joined(rng, d, place).format(j=group)),
            sentence(held),
            sentence(then),
        )
    )
    delegation = (a.name, b.name, c.name, d.name)
    expected = (
        Meeting((*delegation, e.name), exact=True),
        Meeting((*delegation, f.name), exact=True),
        MeetingCount(2),
    )
    return Draft(text, published, expected, tuple(leaders))


@capability("meeting.delegation_joined_negative", twin="meeting.delegation_joined", negative=True)
def delegation_joined_negative(fillers, rng):
    """A delegation described and D joining it, with no meeting told: no meeting."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    group, _ = rng.choice(GROUPS)
    place = rng.choice(leaders).capital
    opening = sentence(f"A {group} of leaders set off for the border region {when}.")
    text = " ".join(
        (
            opening,
            sentence(_described(rng, (a, b, c)).format(g=group)),
            sentence(_joined(rng, d, place).format(j=group)),
        )
    )
    return Draft(text, published, (NoMeeting(),), tuple(leaders))
