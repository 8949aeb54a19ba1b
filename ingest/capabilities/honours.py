"""Gift capabilities for honours and for gifts told where page chrome lives: a caption
that tells a gift in a full sentence, an honour placed around a guest's neck, an award
named after a role ("handed the visiting leader the X award")."""

from __future__ import annotations

from .base import Draft, capability, date_phrase, sentence, simple, two_leaders, with_article
from .expectations import Gift, NoGift
from .fillers import GIFT_ITEMS

CAPTION_LABELS = ("FILE -", "FILE \u2014", "FILE PHOTO:", "Photo:", "Pictured:")
POSITIONS = ("left", "right", "center")
HONOURS = (
    ("the Order of the Golden Star", "Order of the Golden Star"),
    ("the Collar of the Nile", "Collar of the Nile"),
    ("the Grand Cross of the Order of Merit", "Grand Cross of the Order of Merit"),
    ("the Medal of Friendship", "Medal of Friendship"),
)
AWARD_NAMES = ("Ebony", "Tamarind", "Kestrel", "Lumen", "Okoume")


def _two_lines(first: str, second: str) -> str:
    return f"{sentence(first)}\n\n{second}"


@capability("gift.caption_sentence", twin="gift.caption_chrome_negative")
def caption_sentence(fillers, rng):
    """A caption line ("FILE - A, left, presents an item to B in X on May 3, 2019.") that
    tells a gift in a full sentence gives the gift; only its label is chrome."""
    published, a, b = two_leaders(fillers, rng)
    item = rng.choice(GIFT_ITEMS)
    when, _ = date_phrase(rng, published)
    label = rng.choice(CAPTION_LABELS)
    pattern = rng.choice(
        (
            "{label} {A}, {pos}, presents {item} to {B} in {place} on May 3, 2019.",
            "{label} {A} presents {item} to {B} in {place} {when}.",
            "{label} {A} hands {B} {item} at the start of their talks in {place} {when}.",
            "{label} {B} is presented with {item} by {A} in {place} {when}.",
        )
    )
    caption = pattern.format(
        label=label, A=simple(rng, a), B=simple(rng, b), pos=rng.choice(POSITIONS),
        item=with_article(item), place=a.capital, when=when,
    )  # fmt: skip
    body = f"{simple(rng, a)} met {simple(rng, b)} in {a.capital} {when}."
    text = _two_lines(body, caption) if rng.random() < 0.5 else f"{caption}\n\n{sentence(body)}"
    return Draft(text, published, (Gift(a.name, b.name, item),), (a, b))


@capability("gift.caption_chrome_negative", twin="gift.caption_sentence", negative=True)
def caption_chrome_negative(fillers, rng):
    """A caption that tells no gift stays chrome: no gift from it, nor from its credit."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    label = rng.choice(CAPTION_LABELS)
    pattern = rng.choice(
        (
            "{label} {A}, {pos}, shakes hands with {B} in {place} on May 3, 2019.",
            "{label} {A} gives a speech in {place} {when}.",
            "{label} {A} and {B} hold a joint news conference in {place} {when}.",
            "{label} {A} gives a thumbs-up as {B} looks on in {place}. (AP Photo/Jane Doe)",
        )
    )
    caption = pattern.format(
        label=label, A=simple(rng, a), B=simple(rng, b), pos=rng.choice(POSITIONS),
        place=a.capital, when=when,
    )  # fmt: skip
    body = f"{simple(rng, a)} met {simple(rng, b)} in {a.capital} {when}."
    return Draft(_two_lines(body, caption), published, (NoGift(),), (a, b))


@capability("gift.honour_placed_on", twin="gift.garland_negative")
def honour_placed_on(fillers, rng):
    """A placed an order or collar around B's neck; handed the visiting leader the X
    award: the honour is a gift to B."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    honour, item = rng.choice(HONOURS)
    award = rng.choice(AWARD_NAMES)
    pattern = rng.choice(
        (
            "{B} arrived in {place} {when}. {A} placed {honour} around the neck of {B}.",
            "{A} placed {honour} around {B}'s neck at the palace in {place} {when}.",
            "{A} hung {honour} around the neck of {B} in {place} {when}.",
            "{B} arrived in {place} {when}. {A} handed the visiting leader the {award} award.",
            "{B} arrived in {place} {when}. {A} handed the visiting leader the {award} award, "
            "a symbol of leadership.",
        )
    )
    text = pattern.format(
        A=simple(rng, a), B=simple(rng, b), honour=honour, award=award, place=a.capital,
        when=when,
    )  # fmt: skip
    if "{award}" in pattern:
        item = f"{award} award"
    text = ". ".join(sentence(part) for part in text.split(". "))
    return Draft(text, published, (Gift(a.name, b.name, item),), (a, b))


@capability("gift.garland_negative", twin="gift.honour_placed_on", negative=True)
def garland_negative(fillers, rng):
    """A garland or a shawl put around a guest's neck on arrival, a wreath laid at a
    memorial: a welcome or a rite, no gift."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    pattern = rng.choice(
        (
            "{A} placed a garland around the neck of {B} in {place} {when}.",
            "{A} placed a flower garland around {B}'s neck on arrival in {place} {when}.",
            "{B} placed a wreath at the war memorial in {place} {when}, watched by {A}.",
            "{A} placed a hand on {B}'s shoulder in {place} {when}.",
        )
    )
    text = pattern.format(A=simple(rng, a), B=simple(rng, b), place=a.capital, when=when)
    return Draft(sentence(text), published, (NoGift(),), (a, b))
