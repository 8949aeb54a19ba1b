"""People at the edges news writes them: capabilities of a bare office referring back
('the PM met C'), job words and initials around a name, a country written before each
holder's name in a list, a demonym before the first of a list of names, and aides told
as one side's members. Each has its twin: an office two holders were told with refers to
nobody, an abbreviation or an article is no initial, a list of spokesmen is no list of
office-holders, a plural demonym title serves every name, and members of a side no
participant is of (or of no meeting told) make no meeting.
"""

from __future__ import annotations

from gazetteer import geo

from .base import Draft, capability, capitalised, date_phrase, mention, sentence, simple
from .expectations import LeaderCountry, Meeting, MeetingCount, NoLeader, NoMeeting

# How news refers back to the holder of each title ('the PM', 'the president').
BARE_OFFICES = {
    "President": ("the president",),
    "Prime Minister": ("the prime minister", "the PM"),
    "Chancellor": ("the chancellor",),
    "Premier": ("the premier",),
    "Taoiseach": ("the Taoiseach",),
}
# Invented aides and officials: nobody the registry knows.
AIDES = (
    "Amina Wanjiru",
    "Peter Kamau",
    "Olaf Weber",
    "Greta Lang",
    "Marta Velikova",
    "Tobias Lindqvist",
    "Rafael Quintero",
    "Noor Hamdan",
    "Pieter Claes",
    "Lucia Mejia",
)
AIDE_TITLES = ("Foreign Minister", "Trade Minister", "Finance Minister", "Defence Minister")
JOB_WORDS = (
    "Monitor",
    "Spokeswoman",
    "Spokesman",
    "Mediator",
    "Chief Negotiator",
    "Senior Adviser",
    "Commissioner",
    "Aide",
)
INITIALS = ("A.B.", "S.M.", "S. M.", "K. P.", "H.D.", "P V", "A P J")
SURNAMES = ("Varma", "Rao", "Menon", "Iyer", "Pillai", "Gowda", "Reddy")
NON_OFFICE_PLURALS = ("spokesmen", "correspondents", "envoys' aides", "reporters")


def _other_titled(fillers, rng, published, a, n):
    """n leaders of other states than a's, none holding a's title."""
    pool = [x for x in fillers.leaders_on(published) if x.country != a.country]
    pool = [x for x in pool if x.title != a.title and x.surname != a.surname]
    rng.shuffle(pool)
    chosen = []
    for x in pool:
        if all(x.country != c.country and x.surname != c.surname for c in chosen):
            chosen.append(x)
            if len(chosen) == n:
                return chosen
    return None


def _office_case(fillers, rng):
    """A date and a leader whose title two others of other titles do not share."""
    for _ in range(50):
        published = fillers.published(rng)
        a = rng.choice(fillers.leaders_on(published))
        others = _other_titled(fillers, rng, published, a, 2)
        if others:
            return published, a, others[0], others[1]
    raise LookupError("no leaders of three titles")


@capability("leader.bare_office", twin="leader.bare_office_ambiguous_negative")
def bare_office(fillers, rng):
    """'The PM', 'the president' after one holder of that office was told: that holder
    (A met B; the PM later met C: a meeting of A and C)."""
    published, a, b, c = _office_case(fillers, rng)
    when, _ = date_phrase(rng, published)
    office = rng.choice(BARE_OFFICES[a.title])
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. {Office} later met {C}.",
            "{A} held talks with {B} in {place} {when}. Later, {office} met {C}.",
            "{A} arrived in {place} {when}. {Office} held talks with {C} there.",
            "{B} received {A} in {place} {when}. {Office} then met {C}.",
        )
    )
    text = pattern.format(
        A=mention(a, rng.choice(("full", "titled"))),
        B=simple(rng, b),
        C=simple(rng, c),
        place=b.capital,
        when=when,
        office=office,
        Office=capitalised(office),
    )
    expected = (Meeting((a.name, c.name)),)
    return Draft(_sentences(text), published, expected, _named(text, a, b, c))


@capability("leader.bare_office_ambiguous_negative", twin="leader.bare_office", negative=True)
def bare_office_ambiguous_negative(fillers, rng):
    """'A and B met. The president later met C', A and B both presidents: 'the president'
    is either, so C meets neither."""
    for _ in range(50):
        published = fillers.published(rng)
        title = rng.choice(("President", "Prime Minister"))
        pool = [x for x in fillers.leaders_on(published) if x.title == title]
        rng.shuffle(pool)
        pair = [pool[0]] if pool else []
        pair += [x for x in pool[1:] if x.country != pool[0].country][:1]
        others = _other_titled(fillers, rng, published, pair[0], 1) if len(pair) == 2 else None
        if others and others[0].country != pair[1].country:
            break
    else:
        raise LookupError("no two holders of one title")
    a, b, c = pair[0], pair[1], others[0]
    when, _ = date_phrase(rng, published)
    office = rng.choice(BARE_OFFICES[title])
    pattern = rng.choice(
        (
            "{A} and {B} met in {place} {when}. {Office} later met {C}.",
            "{A} held talks with {B} in {place} {when}. {Office} then met {C}.",
        )
    )
    text = pattern.format(
        A=mention(a, "full"),
        B=mention(b, "full"),
        C=simple(rng, c),
        place=a.capital,
        when=when,
        Office=capitalised(office),
    )
    expected = (NoMeeting((a.name, c.name)), NoMeeting((b.name, c.name)))
    return Draft(_sentences(text), published, expected, _named(_sentences(text), a, b, c))


@capability("leader.name_edges", twin="leader.not_initials_negative")
def name_edges(fillers, rng):
    """A job word written like a title before a name ('Monitor X') is no part of it;
    initials before a name with no title ('A.B. Varma', 'S M Rao') are."""
    published = fillers.published(rng)
    (b,) = fillers.leaders(rng, published, 1)
    when, _ = date_phrase(rng, published)
    if rng.random() < 0.5:
        name = rng.choice(AIDES)
        written = f"{rng.choice(JOB_WORDS)} {name}"
    else:
        name = f"{rng.choice(INITIALS)} {rng.choice(SURNAMES)}"
        written = name
    pattern = rng.choice(
        (
            "{X} met {B} in {place} {when}.",
            "{B} held talks with {X} in {place} {when}.",
            "{X} held talks with {B} in {place} {when}.",
        )
    )
    text = pattern.format(X=written, B=simple(rng, b), place=b.capital, when=when)
    expected = (Meeting((name, b.name), exact=True),)
    return Draft(sentence(text), published, expected, _named(sentence(text), b))


@capability("leader.not_initials_negative", twin="leader.name_edges", negative=True)
def not_initials_negative(fillers, rng):
    """A country's abbreviation or an article before a name is no initial ('U.S. Rao
    aides', 'A Varma aide'): nobody is named with it."""
    published = fillers.published(rng)
    (b,) = fillers.leaders(rng, published, 1)
    when, _ = date_phrase(rng, published)
    surname = rng.choice(SURNAMES)
    lead = rng.choice(("A", "The U.S.", "The U.K."))
    text = f"{lead} {surname} aide met {simple(rng, b)} in {b.capital} {when}."
    expected = (NoLeader(f"{lead.split()[-1]} {surname}"), NoLeader(f"A {surname}"))
    return Draft(sentence(text), published, expected, _named(sentence(text), b))


@capability("leader.country_before_name", twin="leader.country_before_name_negative")
def country_before_name(fillers, rng):
    """'The presidents of Chile A, Peru B and Norway C met': each name without its
    country, and each holder with the country written before the name."""
    published = fillers.published(rng)
    n = rng.choice((2, 3))
    listed = fillers.leaders(rng, published, n)
    when, _ = date_phrase(rng, published)
    office = f"{listed[0].title.lower()}s" if len({x.title for x in listed}) == 1 else "leaders"
    items = [f"{x.country_name} {x.name}" for x in listed]
    listing = ", ".join(items[:-1]) + " and " + items[-1]
    place = listed[0].capital
    text = rng.choice(
        (
            f"The {office} of {listing} met in {place} {when}.",
            f"The {office} of {listing} held talks in {place} {when}.",
        )
    )
    expected = (Meeting(tuple(x.name for x in listed), exact=True),)
    expected += tuple(LeaderCountry(x.name, x.country) for x in listed)
    return Draft(sentence(text), published, expected, _named(sentence(text), *listed))


@capability("leader.country_before_name_negative", twin="leader.country_before_name", negative=True)
def country_before_name_negative(fillers, rng):
    """'The spokesmen of Chile X and Peru Y said that A and B would meet again': no
    list of office-holders, so X and Y meet nobody and no name takes a country in."""
    published = fillers.published(rng)
    a, b = fillers.leaders(rng, published, 2)
    x, y = rng.sample(AIDES, 2)
    plural = rng.choice(NON_OFFICE_PLURALS)
    text = (
        f"The {plural} of {a.country_name} {x} and {b.country_name} {y} said that "
        f"{a.name} and {b.name} would meet again next year."
    )
    expected = (
        NoMeeting((x,)),
        NoMeeting((y,)),
        NoLeader(f"{a.country_name} {x}"),
        NoLeader(f"{b.country_name} {y}"),
    )
    return Draft(sentence(text), published, expected, _named(sentence(text), a, b))


@capability("leader.demonym_before_list", twin="leader.shared_plural_demonym")
def demonym_before_list(fillers, rng):
    """'Honduran President A, B and C met': the demonym and title are A's; B and C each
    keep their own country ('Presidents A of X, B of Y': each their own 'of')."""
    published = fillers.published(rng)
    a, b, c = fillers.leaders(rng, published, 3)
    when, _ = date_phrase(rng, published)
    if rng.random() < 0.6:
        listing = f"{mention(a, 'full')}, {b.name} and {c.name}"
    elif len({a.title, b.title, c.title}) == 1:
        listing = (
            f"{a.title}s {a.name} of {a.country_name}, {b.name} of {b.country_name} and "
            f"{c.name} of {c.country_name}"
        )
    else:
        listing = (
            f"{a.title} {a.name} of {a.country_name}, {b.title} {b.name} of "
            f"{b.country_name} and {c.name} of {c.country_name}"
        )
    text = f"{listing} met in {a.capital} {when}."
    expected = tuple(LeaderCountry(x.name, x.country) for x in (a, b, c))
    return Draft(sentence(text), published, expected, _named(sentence(text), a, b, c))


@capability("leader.shared_plural_demonym", twin="leader.demonym_before_list")
def shared_plural_demonym(fillers, rng):
    """'Kenyan ministers X and Y met B': a plural title's demonym serves every name."""
    published, a, b = _pair(fillers, rng)
    when, _ = date_phrase(rng, published)
    x, y = rng.sample(AIDES, 2)
    plural = rng.choice(("ministers", "Foreign Ministers", "Defence Ministers"))
    text = f"{a.demonym} {plural} {x} and {y} met {simple(rng, b)} in {b.capital} {when}."
    expected = (LeaderCountry(x, a.country), LeaderCountry(y, a.country))
    return Draft(sentence(text), published, expected, _named(sentence(text), a, b))


def _aides(rng):
    x, y = rng.sample(AIDES, 2)
    tx, ty = rng.sample(AIDE_TITLES, 2)
    return x, y, f"{tx} {x}", f"{ty} {y}"


@capability("meeting.side_members", twin="meeting.side_members_negative")
def side_members(fillers, rng):
    """A met B; 'the Kenyan side included C and D', 'C and D accompanied A', 'On the
    German side were C and D': C and D join that meeting, and make none of their own."""
    published, a, b = _pair(fillers, rng)
    when, day = date_phrase(rng, published)
    x, y, cx, cy = _aides(rng)
    side = rng.choice((a, b))
    told = rng.choice(
        (
            "The {demonym} side included {C} and {D}.",
            "The {demonym} delegation included {C} and {D}.",
            "On the {demonym} side were {C} and {D}.",
            "{C} and {D} accompanied {surname}.",
            "{surname} was accompanied by {C} and {D}.",
        )
    ).format(demonym=side.demonym, C=cx, D=cy, surname=side.surname)
    talks = rng.choice(
        (
            "{A} held talks with {B} in {place} {when}.",
            "{A} met {B} in {place} {when}.",
        )
    ).format(A=mention(a, "full"), B=mention(b, "full"), place=b.capital, when=when)
    text = sentence(talks) + " " + sentence(told)
    expected = (Meeting((a.name, b.name, x, y), exact=True, date=day), MeetingCount(1))
    return Draft(text, published, expected, _named(text, a, b))


@capability("meeting.side_members_negative", twin="meeting.side_members", negative=True)
def side_members_negative(fillers, rng):
    """Members of a side no participant is of ('the Danish side' after A of Kenya met B
    of Germany), or told with no meeting ('A arrived. ... C and D were present'): they
    join nothing and make no meeting of their own."""
    published, a, b = _pair(fillers, rng)
    when, _ = date_phrase(rng, published)
    x, y, cx, cy = _aides(rng)
    if rng.random() < 0.5:
        third = fillers.other_state(rng, a.country, b.country)
        while geo.country_for(third.demonym) != third.code:  # 'Congolese' names two states
            third = fillers.other_state(rng, a.country, b.country)
        text = sentence(f"{mention(a, 'full')} met {mention(b, 'full')} in {b.capital} {when}.")
        told = rng.choice(
            ("The {d} side included {C} and {D}.", "The {d} delegation included {C} and {D}.")
        )
        text += " " + sentence(told.format(d=third.demonym, C=cx, D=cy))
        expected = (NoMeeting((a.name, x)), NoMeeting((x, y)))
    else:
        text = " ".join(
            (
                sentence(f"{mention(a, 'full')} arrived in {b.capital} {when}."),
                rng.choice(("The weather was cold.", "Crowds lined the streets.")),
                sentence(
                    rng.choice(
                        (
                            "{C} and {D} were present.",
                            "The {d} delegation included {C} and {D}.",
                        )
                    ).format(C=cx, D=cy, d=a.demonym)
                ),
            )
        )
        expected = (NoMeeting((x, y)),)
    return Draft(text, published, expected, _named(text, a, b))


def _pair(fillers, rng):
    """A date and two leaders of states whose demonyms are one word that names that
    state alone ('Kenyan'; not 'Congolese', which two states share)."""
    for _ in range(50):
        published = fillers.published(rng)
        a, b = fillers.leaders(rng, published, 2)
        if all(" " not in x.demonym and geo.country_for(x.demonym) == x.country for x in (a, b)):
            return published, a, b
    return published, a, b


def _sentences(text: str) -> str:
    return " ".join(sentence(s.strip() + ".") for s in text.split(". ")).replace("..", ".")


def _named(text: str, *leaders) -> tuple:
    """The leaders a case's text names ('A arrived ...' names no B; a demonym is no name)."""
    return tuple(x for x in leaders if x.name in text)
