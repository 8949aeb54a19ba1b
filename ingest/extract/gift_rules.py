"""The gift rules as a table (see `rule_tables`), read by `gifts.find_gifts`.

Two passes (`on`): `verb`, every verb of the body, read by `gifts._verb_gift` (which
tells the active, passive and with-forms apart and hands the special forms to
`gift_forms`); `noun`, a gift noun ("gift", "present") with its giver, read by
`gift_nouns._gift_noun`.  A gift whose own verb is negated, planned or a conflict
predicate is dropped by the dispatch, whichever rule read it.  A rule's confidence is the
most it gives; a side left to the counterpart (`pipeline._counterpart`) lowers it.
"""

from __future__ import annotations

from .gift_nouns import _gift_noun
from .gifts import _verb_gift
from .rule_tables import Given, Rule, by_name, readers

BIDEN, MODI, MACRON = "Joe Biden", "Narendra Modi", "Emmanuel Macron"
KISHIDA, ALBANESE = "Fumio Kishida", "Anthony Albanese"
_MET = f"Prime Minister {KISHIDA} met Prime Minister {ALBANESE} in Tokyo on Monday. "

GIFT_RULES = (
    Rule(
        "gift.active",
        "'X gave Y Z', 'X gave Z to Y', 'X handed over Z to Y' (several items, one gift each)",
        0.9,
        _verb_gift,
        (
            (
                f"Prime Minister {KISHIDA} gave Prime Minister {ALBANESE} a samurai sword.",
                Given(KISHIDA, ALBANESE, "samurai sword"),
            ),
        ),
    ),
    Rule(
        "gift.active_counterpart",
        "'X gave Z' with no recipient, 'Y, who reciprocated with Z': the other side is the "
        "giver's counterpart in the meeting at hand",
        0.75,
        _verb_gift,
        (
            (
                _MET + "Kishida presented a samurai sword.",
                Given(KISHIDA, ALBANESE, "samurai sword"),
            ),
            (
                _MET + "Albanese, who reciprocated with a boomerang, thanked his host.",
                Given(ALBANESE, KISHIDA, "boomerang"),
            ),
        ),
    ),
    Rule(
        "gift.passive",
        "'Y was given / presented with Z by X'",
        0.9,
        _verb_gift,
        (
            (
                f"Prime Minister {MODI} was given a vintage camera by President {BIDEN}.",
                Given(BIDEN, MODI, "vintage camera"),
            ),
        ),
    ),
    Rule(
        "gift.passive_item",
        "'Z was given to Y by X' (the item the passive subject)",
        0.85,
        _verb_gift,
        (
            (
                f"A vintage camera was given to Prime Minister {MODI} by President {BIDEN}.",
                Given(BIDEN, MODI, "vintage camera"),
            ),
        ),
    ),
    Rule(
        "gift.present_with",
        "'X presented / honoured Y with Z' (Y a leader or a role)",
        0.9,
        _verb_gift,
        (
            (
                f"President {BIDEN} presented Prime Minister {MODI} with a vintage camera.",
                Given(BIDEN, MODI, "vintage camera"),
            ),
        ),
    ),
    Rule(
        "gift.participle",
        "'Z presented by X to Y (has arrived)': a participle on the item",
        0.8,
        _verb_gift,
        (
            (
                "A pair of hunting dogs presented by President Vladimir Putin to President Xi "
                "Jinping arrived in Beijing.",
                Given("Vladimir Putin", "Xi Jinping", "pair of hunting dogs"),
            ),
        ),
    ),
    Rule(
        "gift.honour_to",
        "'X appointed Y to the Order of Z', 'Y was inducted into the Order by X'",
        0.8,
        _verb_gift,
        (
            (
                f"King Charles appointed President {MACRON} to the Order of the Bath.",
                Given("King Charles", MACRON, "Order of the Bath"),
            ),
        ),
    ),
    Rule(
        "gift.receive",
        "'Y received Z from X', or from the visitor a clause names ('when the visiting "
        "president came')",
        0.8,
        _verb_gift,
        (
            (
                f"President {MACRON} received a silver clock from President {BIDEN}.",
                Given(BIDEN, MACRON, "silver clock"),
            ),
        ),
    ),
    Rule(
        "gift.adorn",
        "'X placed / hung / pinned an honour around / on Y's neck, chest' (not a garland)",
        0.75,
        _verb_gift,
        (
            (
                "King Charles placed the Order of the Garter around the neck of President "
                f"{MACRON}.",
                Given("King Charles", MACRON, "Order of the Garter"),
            ),
        ),
    ),
    Rule(
        "gift.possessive",
        "'X's gift to Y was Z', 'Z was X's gift to Y', 'X's gifts to Y included Z'",
        0.85,
        _gift_noun,
        (
            (
                f"President {BIDEN}'s gift to Prime Minister {MODI} was a vintage camera.",
                Given(BIDEN, MODI, "vintage camera"),
            ),
        ),
        on="noun",
    ),
    Rule(
        "gift.noun",
        "a gift noun with a clause that tells the giver: 'among the gifts X gave Y were Z', "
        "'the gift Y received from X was Z', 'the gifts X gave Y included Z'",
        0.85,
        _gift_noun,
        (
            (
                f"Among the gifts President {BIDEN} gave Prime Minister {MODI} was a vintage "
                "camera.",
                Given(BIDEN, MODI, "vintage camera"),
            ),
        ),
        on="noun",
    ),
)
RULES_BY_NAME = by_name(GIFT_RULES)
READERS = {on: readers(GIFT_RULES, on) for on in ("verb", "noun")}
