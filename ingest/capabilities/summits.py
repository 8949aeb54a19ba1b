"""Summit capabilities: a gathering named in one sentence whose participants are told in
the sentences after it (its host in a participle, attendees by what they did at its
opening, a late joiner, signers named one by one), and the same stories for leaders who
were only mentioned, were elsewhere or came another day.
"""

from __future__ import annotations

from .base import Draft, capability, date_phrase, mention, sentence, simple
from .expectations import Meeting, NoMeeting

# Sentences about the summit that name nobody: the distance a late joiner reaches over.
ASIDES = (
    "The leaders discussed trade, migration and the drought.",
    "Officials said the talks ran late into the night.",
    "A final communique was still being drafted.",
    "Security was tight around the venue.",
)


def _several(fillers, rng, n):
    published = fillers.published(rng)
    return published, fillers.leaders(rng, published, n)


def _opened(rng, host, place, when) -> str:
    """The summit's own sentence, its host told in a participle or as its subject."""
    return rng.choice(
        (
            "The summit of regional leaders opened {when} in {place}, hosted by {H}.",
            "The summit, chaired by {H}, opened in {place} {when}.",
            "The summit was hosted by {H} in {place} {when}.",
            "The gathering of 30 leaders opened {when} at a hotel in {place}, hosted by {H}.",
        )
    ).format(H=simple(rng, host), place=place, when=when)


@capability("summit.told_after", twin="summit.only_mentioned_negative")
def told_after(fillers, rng):
    """A summit's host in a participle ('opened ..., hosted by A') and attendees told by
    what they did at it in the next sentences ('B sought out C and D at the opening
    ceremony', 'In a speech at the opening, D ...', 'C and D attended', 'with B, C and D in
    attendance'): one meeting."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    then = rng.choice(
        (
            "{B} sought out {C} and {D} at the opening ceremony.",
            "{B} and {C} attended the opening ceremony. In a speech at the opening, {D} called "
            "for a ceasefire.",
            "{B}, {C} and {D} attended.",
            "{B} and {C} attended the opening session. {D} spoke at the opening ceremony.",
            "The final session went ahead the next day, with leaders such as {B}, {C} and {D} "
            "in attendance.",
        )
    )
    forms = ("full", "titled", "possessive_title")
    text = (
        _opened(rng, a, a.capital, when)
        + " "
        + then.format(
            B=simple(rng, b), C=mention(c, rng.choice(forms)), D=mention(d, rng.choice(forms))
        )
    )
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("summit.only_mentioned_negative", twin="summit.told_after", negative=True)
def only_mentioned_negative(fillers, rng):
    """Leaders a summit story names who were not at it ('D, who did not attend, criticised
    the summit from X', 'D was absent', 'spoke by video link', 'B praised D at the
    opening'): not participants."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    then = rng.choice(
        (
            "{D}, who did not attend, criticised the summit from {Dcap}.",
            "{D} criticised the summit from {Dcap}.",
            "{D} was absent.",
            "{D} spoke at the opening session by video link.",
            "{B} praised {D} at the opening ceremony.",
            "{D} will attend next year's summit.",
            "The final session went ahead without {D}.",
            "The final session went ahead with {D} absent.",
        )
    )
    text = " ".join(
        (
            _opened(rng, a, a.capital, when),
            f"{simple(rng, b)} and {simple(rng, c)} attended the opening ceremony.",
            then.format(B=b.surname, D=simple(rng, d), Dcap=d.capital),
        )
    )
    return Draft(sentence(text), published, (NoMeeting((a.name, d.name)),), tuple(leaders))


@capability("summit.late_joiner", twin="summit.not_joined_negative")
def late_joiner(fillers, rng):
    """'D flew in on Tuesday and joined the leaders', told sentences after the summit: D
    takes part in it, with no pair meeting of his own."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    first = rng.choice(
        (
            f"{simple(rng, a)} hosted {simple(rng, b)} and {simple(rng, c)} at a regional "
            f"summit in {a.capital} {when}.",
            f"{simple(rng, a)}, {simple(rng, b)} and {simple(rng, c)} met for a summit in "
            f"{a.capital} {when}.",
        )
    )
    asides = rng.sample(ASIDES, rng.randint(1, 3))
    joined = rng.choice(
        (
            "{D} flew in the next day and joined the leaders for the final session.",
            "{D} arrived later to join the other leaders.",
            "{D} joined the regional leaders on the second day.",
        )
    )
    text = " ".join((first, *asides, joined.format(D=simple(rng, d))))
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("summit.not_joined_negative", twin="summit.late_joiner", negative=True)
def not_joined_negative(fillers, rng):
    """'D did not join the leaders', 'D will join the leaders next year', 'D joined
    opposition leaders in criticising the summit': D is not at it."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    first = (
        f"{simple(rng, a)} hosted {simple(rng, b)} and {simple(rng, c)} at a regional summit "
        f"in {a.capital} {when}."
    )
    joined = rng.choice(
        (
            "{D} did not join the leaders.",
            "{D} will join the leaders at next year's summit.",
            "From {Dcap}, {D} joined opposition leaders in criticising the summit.",
            "{D} refused to join the other leaders.",
        )
    )
    text = " ".join((first, rng.choice(ASIDES), joined.format(D=simple(rng, d), Dcap=d.capital)))
    return Draft(sentence(text), published, (NoMeeting((a.name, d.name)),), tuple(leaders))


@capability("summit.signing_across", twin="summit.signing_apart_negative")
def signing_across(fillers, rng):
    """A signing whose signers are named over several sentences: 'A hosted B, C and D
    ..., where they signed', 'A and the leaders of two states signed agreements ... with
    B as their host. A and C signed a treaty. D put his name to a declaration': one."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    text = rng.choice(
        (
            "{A} hosted {B}, {C} and {D} at the presidential palace in {place} {when}, where "
            "they signed a trade accord.",
            "{A} welcomed {B}, {C} and {D} to {place} {when}, and they then signed a trade accord.",
            "{B} and the leaders of two neighbouring states signed agreements in {place} "
            "{when}, with {A} as their host. {Bs} and {C} signed a treaty of peace. {D} put "
            "the country's name to a shorter declaration.",
            "{B} and the leaders of two neighbouring states signed agreements in {place} "
            "{when}, with {A} as their host. {Bs} and {C} signed a treaty of peace. {D} also "
            "signed the declaration.",
        )
    ).format(
        A=simple(rng, a),
        B=simple(rng, b),
        Bs=b.surname,
        C=simple(rng, c),
        D=simple(rng, d),
        place=a.capital,
        when=when,
    )
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("summit.signing_apart_negative", twin="summit.signing_across", negative=True)
def signing_apart_negative(fillers, rng):
    """A signer of another day, one who refused or one with a partner of his own is not at
    the signing told before."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    first = (
        f"{simple(rng, b)} and the leaders of two neighbouring states signed agreements in "
        f"{a.capital} {when}, with {simple(rng, a)} as their host. {b.surname} and "
        f"{simple(rng, c)} signed a treaty of peace."
    )
    then = rng.choice(
        (
            "{D} signed the declaration a week later in {Dcap}.",
            "{D} refused to sign the declaration.",
            "{D} will sign the declaration next month.",
            "{D} signed a trade deal with a visiting delegation.",
        )
    )
    text = first + " " + then.format(D=simple(rng, d), Dcap=d.capital)
    return Draft(sentence(text), published, (NoMeeting((a.name, d.name)),), tuple(leaders))
