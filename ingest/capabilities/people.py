"""Leader capabilities (names with the title after them, behind an honorific, or with
none) and link capabilities (a gift or agreement made during a visit takes its date)."""

from __future__ import annotations

from .base import (
    Draft,
    capability,
    capitalised,
    date_phrase,
    gold_leaders,
    mention,
    sentence,
    simple,
    two_leaders,
    with_article,
)
from .expectations import (
    Agreement,
    AgreementDate,
    Gift,
    LeaderCountry,
    Meeting,
    NoLeader,
    NoMeeting,
)
from .fillers import DOCUMENTS, GIFT_ITEMS, SPOUSE_FIRST_NAMES, SUBJECTS

HONORIFICS = ("H.E.", "Dr.", "Dr", "Hon.", "The Honourable")


def _met(rng, a_text, b_text, place, when):
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}.",
            "{A} held talks with {B} in {place} {when}.",
            "{B} met {A} in {place} {when}.",
        )
    )
    return pattern.format(A=a_text, B=b_text, place=place, when=when)


@capability("leader.title_after_name")
def title_after_name(fillers, rng):
    """William Ruto, the president of Kenya, met B: the leader, with the office's country."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    a_text = rng.choice(
        (
            mention(a, "after"),
            f"{a.name}, {a.possessive_country()} {a.title.lower()},",
            f"{a.name}, the {a.demonym} {a.title.lower()},",
        )
    )
    text = _met(rng, a_text, simple(rng, b), b.capital, when)
    return Draft(sentence(text), published, (LeaderCountry(a.name, a.country),), (a, b))


@capability("leader.honorific_prefix")
def honorific_prefix(fillers, rng):
    """H.E. President A, Dr A: the leader under the name, without the honorific."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    honorific = rng.choice(HONORIFICS)
    a_text = rng.choice((f"{honorific} {a.name}", f"H.E. {a.title} {a.name}"))
    text = _met(rng, a_text, simple(rng, b), b.capital, when)
    return Draft(sentence(text), published, (LeaderCountry(a.name, a.country),), (a, b))


@capability("leader.no_title")
def no_title(fillers, rng):
    """Two bare names meet: both leaders, each with the country of the office held then."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    text = _met(rng, a.name, b.name, b.capital, when)
    expected = (LeaderCountry(a.name, a.country), LeaderCountry(b.name, b.country))
    return Draft(sentence(text), published, expected, (a, b))


@capability("leader.name_of_country")
def name_of_country(fillers, rng):
    """William Ruto of Kenya met Olaf Scholz of Germany: each keeps their own country."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    a_text = rng.choice(
        (f"{a.name} of {a.country_name}", f"{a.title} {a.name} of {a.country_name}")
    )
    b_text = rng.choice(
        (f"{b.name} of {b.country_name}", f"{b.title} {b.name} of {b.country_name}")
    )
    text = _met(rng, a_text, b_text, b.capital, when)
    expected = (LeaderCountry(a.name, a.country), LeaderCountry(b.name, b.country))
    return Draft(sentence(text), published, expected, (a, b))


@capability("meeting.counterpart")
def counterpart(fillers, rng):
    """A met Kenyan counterpart B: a meeting, and B is the leader of that country."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} met {demonym} counterpart {B} in {place} {when}.",
            "{A} held talks with {demonym} counterpart {B} in {place} {when}.",
            "{A} welcomed {demonym} counterpart {B} to {place} {when}.",
            "{When}, {A} met {demonym} counterpart {B} in {place}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=b.name,
        demonym=b.demonym,
        place=a.capital,
        when=when,
        When=capitalised(when),
    )
    expected = (Meeting((a.name, b.name), date=day), LeaderCountry(b.name, b.country))
    return Draft(sentence(text), published, expected, (a, b))


@capability("link.gift_meeting_date")
def gift_meeting_date(fillers, rng):
    """A gift given during a dated visit: the visit is a meeting with that date."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    item = rng.choice(GIFT_ITEMS)
    pattern = rng.choice(
        (
            "During a state visit to {country} {when}, {A} gave {B} {item}.",
            "{A} arrived in {place} {when} for talks with {B}. During the visit, {a} gave {b} "
            "{item}.",
            "{A} visited {B} in {place} {when}. {a} gave {b} {item}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        a=a.surname,
        b=b.surname,
        country=b.country_name,
        place=b.capital,
        when=when,
        item=with_article(item),
    )
    text = " ".join(sentence(s.strip() + ".") for s in text.split(". "))
    text = text.replace("..", ".")
    expected = (Meeting((a.name, b.name), date=day), Gift(a.name, b.name, item))
    return Draft(text, published, expected, (a, b))


@capability("link.agreement_meeting_date")
def agreement_meeting_date(fillers, rng):
    """A document signed at a dated meeting takes the meeting's date."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    document, kind = rng.choice(DOCUMENTS)
    subject = rng.choice(SUBJECTS)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}. The two leaders signed {doc} on {subject}.",
            "{A} held talks with {B} in {place} {when}. They signed {doc} on {subject}.",
            "{A} hosted {B} in {place} {when}. The two sides signed {doc} on {subject}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        place=a.capital,
        when=when,
        doc=document,
        subject=subject,
    )
    expected = (
        Agreement((a.name, b.name), gold_leaders(a, b), (kind,), "signed"),
        AgreementDate((kind,), day),
    )
    text = " ".join(sentence(s.strip() + ".") for s in text.split(". "))
    return Draft(text.replace("..", "."), published, expected, (a, b))


# Invented people who hold no office that meets or signs, and invented office-holders
# whose names the registry cannot know.
INVENTED = (
    "Marta Velikova",
    "Tobias Lindqvist",
    "Aisha Bello",
    "Rafael Quintero",
    "Noor Hamdan",
    "Pieter Claes",
)
NON_LEADER_PLURALS = ("spokesmen", "spokespeople", "reporters", "correspondents")


def _office_list(a, b) -> str:
    """'the prime ministers of A and B' when both hold one title, else 'the leaders of'."""
    office = f"{a.title.lower()}s" if a.title == b.title else "leaders"
    return f"the {office} of {a.country_name} and {b.country_name}"


@capability("leader.listed_office", twin="leader.listed_non_leaders")
def listed_office(fillers, rng):
    """The presidents of A and B, X and Y, met / held talks with C: X and Y take part."""
    published = fillers.published(rng)
    a, b, c = fillers.leaders(rng, published, 3)
    when, _ = date_phrase(rng, published)
    listed = f"{_office_list(a, b)}, {a.name} and {b.name},"
    if rng.random() < 0.5:
        text = capitalised(f"{listed} met in {c.capital} {when}.")
        expected = (Meeting((a.name, b.name), exact=True),)
        people = (a, b)
    else:
        text = f"{simple(rng, c)} held talks with {listed} in {c.capital} {when}."
        expected = (Meeting((c.name, a.name, b.name), exact=True),)
        people = (a, b, c)
    expected += (LeaderCountry(a.name, a.country), LeaderCountry(b.name, b.country))
    return Draft(sentence(text), published, expected, people)


@capability("leader.listed_non_leaders", twin="leader.listed_office", negative=True)
def listed_non_leaders(fillers, rng):
    """The spokesmen of A and B, X and Y, said ...: no meeting and no leaders from the list."""
    published = fillers.published(rng)
    a, b = fillers.leaders(rng, published, 2)
    when, _ = date_phrase(rng, published)
    x, y = rng.sample(INVENTED, 2)
    plural = rng.choice(NON_LEADER_PLURALS)
    text = (
        f"The {plural} of {a.country_name} and {b.country_name}, {x} and {y}, said {when} "
        f"that the talks between {a.name} and {b.name} would go on."
    )
    expected = (NoMeeting((x,)), NoMeeting((y,)), NoLeader(x), NoLeader(y))
    return Draft(sentence(capitalised(text)), published, expected, (a, b))


@capability("leader.hyphenated_title")
def hyphenated_title(fillers, rng):
    """Secretary-General X met B: the name after a hyphenated title is a person."""
    published, _, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    x = rng.choice(INVENTED)
    title = rng.choice(("Secretary-General", "UN Secretary-General", "Governor-General"))
    text = _met(rng, f"{title} {x}", simple(rng, b), b.capital, when)
    return Draft(sentence(text), published, (Meeting((x, b.name)),), (b,))


JOINED_OCCASIONS = ("at the summit", "at the summit on the rail corridor", "for the talks")


@capability("leader.joined_by_list", twin="leader.joined_by_spouse")
def joined_by_list(fillers, rng):
    """A was joined at the summit by B, C and D: all four take part in one meeting."""
    published = fillers.published(rng)
    a, b, c, d = fillers.leaders(rng, published, 4)
    when, _ = date_phrase(rng, published)
    last = rng.choice((mention(d, "full"), mention(d, "possessive_title")))
    text = (
        f"{simple(rng, a)} was joined {rng.choice(JOINED_OCCASIONS)} by {mention(b, 'full')}, "
        f"{mention(c, 'full')} and {last} {when}."
    )
    expected = (Meeting((a.name, b.name, c.name, d.name), exact=True),)
    return Draft(sentence(text), published, expected, (a, b, c, d))


@capability("leader.joined_by_spouse", negative=True, twin="leader.joined_by_list")
def joined_by_spouse(fillers, rng):
    """A was joined at the dinner by his wife, S: no meeting, the spouse is no participant."""
    published, a, _ = two_leaders(fillers, rng)
    spouse = f"{rng.choice(SPOUSE_FIRST_NAMES)} {a.family_name}"
    text = f"{simple(rng, a)} was joined at the state dinner by his wife, {spouse}."
    return Draft(sentence(text), published, (NoMeeting((spouse,)),), (a,))


@capability("leader.pair_in_side_clause", twin="leader.pair_in_reported_speech")
def pair_in_side_clause(fillers, rng):
    """A met B; earlier, C gave D a gift when the two met: the two are C and D, not A and B."""
    published = fillers.published(rng)
    a, b, c, d = fillers.leaders(rng, published, 4)
    when, _ = date_phrase(rng, published)
    item = with_article(rng.choice(GIFT_ITEMS))
    pattern = rng.choice(
        (
            "{C} gave {D} {item} when the two met in {place} {past}.",
            "{C} handed {D} {item} when the two leaders met in {place} {past}.",
            "{C} received {D} in {place} {past}, and the two held talks over dinner.",
        )
    )
    earlier = pattern.format(
        C=mention(c, "bare"),
        D=mention(d, "bare"),
        item=item,
        place=c.capital,
        past=rng.choice((f"in {published.year - rng.randint(3, 9)}", "years ago")),
    )
    text = (
        sentence(f"{simple(rng, a)} held talks with {simple(rng, b)} in {a.capital} {when}.")
        + " It was not the first such visit. "
        + sentence(earlier)
    )
    expected = (
        Meeting((a.name, b.name)),
        Meeting((c.name, d.name), exact=True),
        NoMeeting((a.name, c.name)),
        NoMeeting((b.name, d.name)),
    )
    return Draft(text, published, expected, (a, b, c, d))


@capability("leader.pair_in_reported_speech", negative=True, twin="leader.pair_in_side_clause")
def pair_in_reported_speech(fillers, rng):
    """A met B; C told D that the two had agreed: the two are A and B, C and D met nobody."""
    published = fillers.published(rng)
    a, b, c, d = fillers.leaders(rng, published, 4)
    when, _ = date_phrase(rng, published)
    said = rng.choice(
        (
            "{C} told {D} that the two had agreed to meet again.",
            "{C} assured {D} that the two leaders would sign the accord soon.",
        )
    ).format(C=mention(c, "bare"), D=mention(d, "bare"))
    text = (
        sentence(f"{simple(rng, a)} held talks with {simple(rng, b)} in {a.capital} {when}.")
        + " "
        + sentence(said)
    )
    expected = (NoMeeting((c.name, d.name)),)
    return Draft(text, published, expected, (a, b, c, d))
