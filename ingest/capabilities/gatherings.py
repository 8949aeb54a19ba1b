"""Gathering capabilities: a summit, signing or mediation round whose participants are
told in lists around its main sentence, and the same lists for people who were not there.

Officials of international organisations take part as persons with no country; their
names here are invented (they are not in the registry), their titles are the ones news
gives them.
"""

from __future__ import annotations

from .base import Draft, capability, capitalised, date_phrase, mention, sentence, simple
from .expectations import Meeting, NoMeeting

# (title as written before the name, invented name)
OFFICIALS = (
    ("U.N. Secretary-General", "Tomas Varga"),
    ("the African Union envoy,", "Amina Diallo,"),
    ("the European Union's special representative,", "Henrik Solberg,"),
    ("the U.N. mediator", "Lucia Ferrer"),
    ("the Commonwealth Secretary-General,", "Kwame Mensah,"),
    ("the Arab League's secretary-general,", "Nabil Haddad,"),
)


def _several(fillers, rng, n):
    published = fillers.published(rng)
    return published, fillers.leaders(rng, published, n)


def _listed(parts) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def _official(rng):
    title, name = rng.choice(OFFICIALS)
    return f"{title} {name}", name.rstrip(",")


def _opening(rng, a, b, place, when) -> str:
    return rng.choice(
        (
            f"{simple(rng, a)} and {simple(rng, b)} signed the peace accord in {place} {when}.",
            f"{simple(rng, a)} hosted the regional summit in {place} {when}, attended by "
            f"{simple(rng, b)}.",
            f"The summit in {place} {when} brought together {simple(rng, a)} and {simple(rng, b)}.",
        )
    )


@capability("gathering.as_did", twin="gathering.as_did_negative")
def as_did(fillers, rng):
    """'C signed it as a witness, as did D', 'C flew in for the ceremony, as did D': the
    elliptic 'as did' adds D to the gathering C attended."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    first = f"{simple(rng, a)} and {simple(rng, b)} signed the peace accord in {a.capital} {when}."
    then = rng.choice(
        (
            "{C} signed it as a witness, as did {D}.",
            "{C} flew in for the ceremony, as did {D}.",
            "{C} arrived for the signing, as did {D}.",
            "{C} signed the accord as a witness, as did {D}.",
        )
    )
    text = first + " " + then.format(C=simple(rng, c), D=mention(d, rng.choice(("full", "bare"))))
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("gathering.as_did_negative", twin="gathering.as_did", negative=True)
def as_did_negative(fillers, rng):
    """'C praised the accord, as did D', 'C will fly in, as will D': no part in it."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    first = f"{simple(rng, a)} and {simple(rng, b)} signed the peace accord in {a.capital} {when}."
    then = rng.choice(
        (
            "{C} praised the accord, as did {D}.",
            "{C} welcomed the deal from abroad, as did {D}.",
            "{C} will fly in for the next round, as will {D}.",
            "{C} did not fly in for the ceremony, and neither did {D}.",
        )
    )
    text = first + " " + then.format(C=simple(rng, c), D=simple(rng, d))
    return Draft(sentence(text), published, (NoMeeting((a.name, d.name)),), tuple(leaders))


@capability("gathering.attendance_told_apart", twin="gathering.absent_negative")
def attendance_told_apart(fillers, rng):
    """'Also attending were C and D', 'Present at the ceremony were ...', 'Among those
    attending were ...', 'C and D were also present': they join the gathering."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    then = rng.choice(
        (
            "Also attending were {C} and {D}.",
            "Present at the ceremony were {C} and {D}.",
            "Among those attending were {C} and {D}.",
            "{C} and {D} were also present.",
        )
    )
    text = (
        _opening(rng, a, b, a.capital, when) + " " + then.format(C=simple(rng, c), D=simple(rng, d))
    )
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("gathering.absent_negative", twin="gathering.attendance_told_apart", negative=True)
def absent_negative(fillers, rng):
    """'Absent were C and D', 'C stayed away', 'C sent a deputy', 'C was not present',
    'C is expected to attend the next summit': not participants."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, _ = date_phrase(rng, published)
    then = rng.choice(
        (
            "Absent were {C} and {D}.",
            "{C} and {D} stayed away.",
            "{C} sent a deputy, as did {D}.",
            "{C} and {D} were not present.",
            "{C} and {D} are expected to attend the next summit.",
            "{C} and {D} did not attend the ceremony.",
        )
    )
    text = (
        _opening(rng, a, b, a.capital, when) + " " + then.format(C=simple(rng, c), D=simple(rng, d))
    )
    return Draft(sentence(text), published, (NoMeeting((a.name, c.name)),), tuple(leaders))


@capability("gathering.chair_and_delegations", twin="gathering.delegations_negative")
def chair_and_delegations(fillers, rng):
    """A summit whose own sentence names nobody ('Regional leaders met for their annual
    summit'), then its chair and a semicolon list of those who led their delegations."""
    published, leaders = _several(fillers, rng, 4)
    a, b, c, d = leaders
    when, day = date_phrase(rng, published)
    first = rng.choice(
        (
            "Regional leaders met for their annual summit in {place} {when}.",
            "The annual summit of the regional bloc opened in {place} {when}.",
        )
    ).format(place=a.capital, when=when)
    chair = rng.choice(("{A} chaired the summit.", "{A} opened the summit."))
    listing = rng.choice(
        (
            "{B}; {C}; and {D} led their delegations.",
            "{B}, {C} and {D} led their delegations.",
            "{B}, {C} and {D} attended the summit.",
        )
    )
    forms = ("possessive", "full", "possessive_title")
    text = " ".join(
        (
            first,
            chair.format(A=simple(rng, a)),
            listing.format(
                B=mention(b, rng.choice(forms)).rstrip(","),
                C=mention(c, rng.choice(forms)).rstrip(","),
                D=mention(d, rng.choice(forms)).rstrip(","),
            ),
        )
    )
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("gathering.delegations_negative", twin="gathering.chair_and_delegations",
            negative=True)  # fmt: skip
def delegations_negative(fillers, rng):
    """The same lists for a summit still to come or not attended: no meeting."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    text = rng.choice(
        (
            "Regional leaders will meet for their annual summit in {place} next month. "
            "{A} will chair the summit. {B} and {C} are to lead their delegations.",
            "{A} chaired the summit in {place} last week. {B} and {C} refused to attend "
            "the summit.",
            "{A} has invited {B} and {C} to attend the summit in {place} next year.",
        )
    ).format(A=simple(rng, a), B=simple(rng, b), C=simple(rng, c), place=a.capital)
    return Draft(sentence(text), published, (NoMeeting((b.name, c.name)),), tuple(leaders))


@capability("gathering.officials_look_on")
def officials_look_on(fillers, rng):
    """Officials of international organisations and leaders who looked on at a signing,
    however long the list: all take part."""
    published, leaders = _several(fillers, rng, 3)
    a, b, c = leaders
    when, day = date_phrase(rng, published)
    (t1, n1), (t2, n2) = _two_officials(rng)
    first = f"{simple(rng, a)} and {simple(rng, b)} signed the accord in {a.capital} {when}."
    onlookers = [t1, t2, simple(rng, c)]
    rng.shuffle(onlookers)
    then = rng.choice(("{L} looked on.", "{L} watched."))
    text = first + " " + capitalised(then.format(L=_listed(onlookers)))
    expected = Meeting((a.name, b.name, c.name, n1, n2), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


def _two_officials(rng):
    first = _official(rng)
    second = _official(rng)
    while second[1] == first[1]:
        second = _official(rng)
    return first, second


@capability("gathering.done_together", twin="gathering.not_together_negative")
def done_together(fillers, rng):
    """'where A, B and C turned a valve together', 'cut the ribbon together': one meeting."""
    published, leaders = _several(fillers, rng, 3)
    when, day = date_phrase(rng, published)
    names = _listed([simple(rng, x) for x in leaders])
    text = rng.choice(
        (
            "The pipeline was opened {when} at a gas field near {place}, where {L} turned a "
            "valve together.",
            "{When}, {L} cut the ribbon together at a new bridge near {place}.",
            "{L} pressed a button together {when} in {place} to start the new railway.",
        )
    ).format(L=names, place=leaders[0].capital, when=when, When=when[:1].upper() + when[1:])
    expected = Meeting(tuple(x.name for x in leaders), date=day, exact=True)
    return Draft(sentence(text), published, (expected,), tuple(leaders))


@capability("gathering.not_together_negative", twin="gathering.done_together", negative=True)
def not_together_negative(fillers, rng):
    """The same acts apart or to come: no meeting."""
    published, leaders = _several(fillers, rng, 3)
    names = _listed([simple(rng, x) for x in leaders])
    text = rng.choice(
        (
            "{L} each cut a ribbon at their own end of the pipeline.",
            "{L} will turn a valve together near {place} next month.",
            "{L} turned down the proposal.",
            "{L} cut their forecasts for growth.",
        )
    ).format(L=names, place=leaders[0].capital)
    names_all = tuple(x.name for x in leaders[:2])
    return Draft(sentence(text), published, (NoMeeting(names_all),), tuple(leaders))
