"""Gift capabilities: who gave whom what, and what giving and receiving are no gift."""

from __future__ import annotations

from .base import Draft, capability, date_phrase, sentence, simple, two_leaders, with_article
from .expectations import Gift, GiftCount, Meeting, NoGift
from .fillers import (
    COUPLE_ITEMS,
    FIGURATIVE_GIVE,
    FIGURATIVE_RECEIVE,
    GIFT_ITEMS,
    SPOUSE_FIRST_NAMES,
    SPOUSE_ITEMS,
)


@capability("gift.ditransitive", twin="gift.figurative_negative")
def ditransitive(fillers, rng):
    """A gave B an item, gave an item to B, handed B an item."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(GIFT_ITEMS)
    pattern = rng.choice(
        (
            "{A} gave {B} {item}.",
            "{A} gave {item} to {B}.",
            "{A} handed {B} {item} as a gift.",
            "{A} presented {item} to {B} during the visit.",
            "{A} gave {B} {item} at the end of their talks in {place}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), item=with_article(item), place=a.capital
    )
    return Draft(sentence(text), published, (Gift(a.name, b.name, item),), (a, b))


@capability("gift.presented_with_passive")
def presented_with_passive(fillers, rng):
    """B was presented with an item by A; an item was presented to B by A."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(GIFT_ITEMS)
    pattern = rng.choice(
        (
            "{B} was presented with {item} by {A}.",
            "{B} was given {item} by {A}.",
            "{Item} was presented to {B} by {A}.",
            "During the visit, {B} was presented with {item} by {A}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), item=with_article(item), Item=with_article(item)
    )
    return Draft(sentence(text), published, (Gift(a.name, b.name, item),), (a, b))


@capability("gift.gifted")
def gifted(fillers, rng):
    """A gifted B an item; A gifted an item to B."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(GIFT_ITEMS)
    pattern = rng.choice(
        (
            "{A} gifted {B} {item}.",
            "{A} gifted {item} to {B}.",
            "{A} gifted {B} {item} during the state visit.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), item=with_article(item))
    return Draft(sentence(text), published, (Gift(a.name, b.name, item),), (a, b))


@capability("gift.among_the_gifts")
def among_the_gifts(fillers, rng):
    """Among the gifts A gave B was an item; A's gifts to B included an item."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(GIFT_ITEMS)
    pattern = rng.choice(
        (
            "Among the gifts {A} gave {B} was {item}.",
            "Among the gifts that {A} presented to {B} was {item}.",
            "The gifts {A} gave {B} included {item}.",
            "{A} gave {B} several gifts, among them {item}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), item=with_article(item))
    return Draft(sentence(text), published, (Gift(a.name, b.name, item),), (a, b))


@capability("gift.figurative_negative", twin="gift.ditransitive", negative=True)
def figurative_negative(fillers, rng):
    """Gave B a warm welcome, assurances, a tour; received a call, a visit, criticism."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    if rng.random() < 0.6:
        thing = rng.choice(FIGURATIVE_GIVE)
        pattern = rng.choice(
            (
                "{A} gave {B} {thing} {when}.",
                "{A} gave {B} {thing} in {place}.",
                "{B} was given {thing} by {A} {when}.",
            )
        )
        text = pattern.format(
            A=simple(rng, a), B=simple(rng, b), thing=thing, when=when, place=a.capital
        )
    else:
        phrase = rng.choice(FIGURATIVE_RECEIVE)
        text = f"{simple(rng, a)} {phrase} {simple(rng, b)} {when}."
    return Draft(sentence(text), published, (NoGift(),), (a, b))


@capability("gift.received_at_palace_is_meeting")
def received_at_palace(fillers, rng):
    """B received A at the palace: a meeting of the two, and no gift."""
    published, a, b = two_leaders(fillers, rng)
    when, day = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{B} received {A} at the palace {when}.",
            "{B} received {A} at the royal palace in {place} {when}.",
            "{B} received {A} at the presidential palace {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), when=when, place=b.capital)
    expected = (Meeting((a.name, b.name), date=day), NoGift())
    return Draft(sentence(text), published, expected, (a, b))


@capability("gift.exchange_both_directions")
def exchange_both_directions(fillers, rng):
    """A gave B one item and B gave A another: two gifts, each in its own direction."""
    published, a, b = two_leaders(fillers, rng)
    first, second = rng.sample(GIFT_ITEMS, 2)
    pattern = rng.choice(
        (
            "{A} gave {B} {x}, and {b} gave {a} {y}.",
            "{A} gave {B} {x} and {b} gave {a} {y}.",
            "{A} presented {B} with {x}; in return, {b} gave {a} {y}.",
            "{A} gave {x} to {B}, who gave {a} {y} in return.",
        )
    )
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        a=a.surname,
        b=b.surname,
        x=with_article(first),
        y=with_article(second),
    )
    expected = (Gift(a.name, b.name, first), Gift(b.name, a.name, second))
    return Draft(sentence(text), published, expected, (a, b))


@capability("gift.couple_one_gift")
def couple_one_gift(fillers, rng):
    """The Smiths gave B an item; A and his wife gave B an item: one gift, from A."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(COUPLE_ITEMS)
    pattern = rng.choice(
        (
            "{A} and {spouse} gave {B} {item}.",
            "{A} and his wife gave {B} {item}.",
            "{A} and his wife welcomed {B} to {place}. The {a} gave {b} {item}.",
        )
    )
    spouse = f"{rng.choice(SPOUSE_FIRST_NAMES)} {a.family_name}"
    text = pattern.format(
        A=simple(rng, a),
        B=simple(rng, b),
        a=a.family_name + ("es" if a.family_name.endswith(("s", "z", "x", "sh", "ch")) else "s"),
        b=b.surname,
        place=a.capital,
        spouse=spouse,
        item=with_article(item),
    )
    text = ". ".join(sentence(part) for part in text.split(". "))
    if "{spouse}" in pattern:  # the spouse is named: one gift, from either of them
        expected = (GiftCount(1, item),)
    else:
        expected = (GiftCount(1, item), Gift(a.name, b.name, item))
    return Draft(text, published, expected, (a, b))


@capability("gift.to_spouse")
def to_spouse(fillers, rng):
    """To B's wife, named, A gave an item: the spouse receives it, not B."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(SPOUSE_ITEMS)
    spouse = f"{rng.choice(SPOUSE_FIRST_NAMES)} {b.family_name}"
    pattern = rng.choice(
        (
            "To {spouse}, the wife of {B}, {A} gave {item}.",
            "{A} gave {spouse}, the wife of {B}, {item}.",
            "{A} gave {B} a fountain pen, and to {spouse}, his wife, {item}.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), spouse=spouse, item=with_article(item)
    )
    return Draft(sentence(text), published, (Gift(a.name, spouse, item),), (a, b))


@capability("gift.item_described")
def item_described(fillers, rng):
    """An item with a description after a comma ('a vase, engraved with ...', 'was a
    fiddle, the finest work of ...'): the item itself, not what the description names."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(GIFT_ITEMS)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A}'s gift to {B} was {item}, bearing the date of the visit.",
            "{A} met {B} {when}. {a}'s present was {item}, the finest work of the country's "
            "craftsmen.",
            "{A} gave {B} {item}, engraved with the date of the visit.",
            "{A} met {B} {when}. {a}'s gift was {item}, a symbol of the friendship between "
            "the two peoples.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), a=a.surname, item=with_article(item), when=when
    )
    text = ". ".join(sentence(part) for part in text.split(". "))
    return Draft(text, published, (Gift(a.name, b.name, item),), (a, b))


@capability("gift.second_giver_same_guest", twin="gift.present_given_back")
def second_giver_same_guest(fillers, rng):
    """A gave B one item; C's present was another: C's present went to B as well."""
    published = fillers.published(rng)
    a, b, c = fillers.leaders(rng, published, 3)
    first, second = rng.sample(GIFT_ITEMS, 2)
    when, _ = date_phrase(rng, published)
    text = (
        f"{simple(rng, a)} met {simple(rng, b)} {when}. {a.surname} gave {b.surname} "
        f"{with_article(first)}. {simple(rng, c)}'s present was {with_article(second)}."
    )
    text = ". ".join(sentence(part) for part in text.split(". "))
    expected = (Gift(a.name, b.name, first), Gift(c.name, b.name, second))
    return Draft(text, published, expected, (a, b, c))


@capability("gift.present_given_back", twin="gift.second_giver_same_guest")
def present_given_back(fillers, rng):
    """A gave B one item; B's present was another: B's present went back to A."""
    published, a, b = two_leaders(fillers, rng)
    first, second = rng.sample(GIFT_ITEMS, 2)
    when, _ = date_phrase(rng, published)
    text = (
        f"{simple(rng, a)} met {simple(rng, b)} {when}. {a.surname} gave {b.surname} "
        f"{with_article(first)}. {b.surname}'s present was {with_article(second)}."
    )
    text = ". ".join(sentence(part) for part in text.split(". "))
    expected = (Gift(a.name, b.name, first), Gift(b.name, a.name, second))
    return Draft(text, published, expected, (a, b))


@capability("gift.unnamed_spouse_negative", twin="gift.ditransitive", negative=True)
def unnamed_spouse_negative(fillers, rng):
    """A gave an item to the First Lady / his wife / B's wife, or a book on someone to
    them: the spouse is not named and B is not the one who received it."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(GIFT_ITEMS)
    pattern = rng.choice(
        (
            "{A} met {B} {when}. {A2} presented {item} to the First Lady.",
            "{A} met {B} {when}. {A2} gave {item} to his host's wife.",
            "{A} met {B} {when}. {A2} gave {B2}'s wife {item}.",
            "{A} met {B} {when}. {A2} presented a book on {B} to the first lady.",
        )
    )
    when, _ = date_phrase(rng, published)
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), A2=a.name, B2=b.name, item=with_article(item),
        when=when,
    )  # fmt: skip
    text = ". ".join(sentence(part) for part in text.split(". "))
    return Draft(text, published, (NoGift(),), (a, b))
