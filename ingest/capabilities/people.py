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
from .expectations import Agreement, AgreementDate, Gift, LeaderCountry, Meeting
from .fillers import DOCUMENTS, GIFT_ITEMS, SUBJECTS

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
