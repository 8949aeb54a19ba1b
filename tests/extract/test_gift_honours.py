"""Honours and gifts in constructions the parser bends (issue 11): an award in
apposition to a role recipient, a collar placed around the neck of a guest, a named award
the tagger takes for a person, the place and occasion of the handing kept out of the
item.  The sentences are invented for these tests."""

from __future__ import annotations

import pytest

ARRIVAL = "Indian Prime Minister Narendra Modi arrived in Nairobi on Tuesday. "


def _gifts(ex):
    return [(g.giver, g.recipient, g.item) for g in ex.gifts]


@pytest.mark.parametrize(
    "sentence,item",
    [
        (
            "Kenyan President William Ruto handed the visiting leader the Lumen award.",
            "Lumen award",
        ),
        (
            "Kenyan President William Ruto handed the visiting leader the Tamarind award, a "
            "symbol of friendship.",
            "Tamarind award",
        ),
        (
            "Kenyan President William Ruto placed the Order of the Golden Heart around the neck "
            "of Modi on Tuesday.",
            "Order of the Golden Heart",
        ),
        (
            "Kenyan President William Ruto placed the Grand Cross of the Order of Merit around "
            "Modi's neck at State House on Tuesday.",
            "Grand Cross of the Order of Merit",
        ),
        (
            "Kenyan President William Ruto presented a carved wooden chest to Modi in Nairobi on "
            "Tuesday.",
            "carved wooden chest",
        ),
        (
            "Kenyan President William Ruto presented Modi with the Order of the Burning Spear on "
            "the sidelines of the summit.",
            "Order of the Burning Spear",
        ),
    ],
)
def test_an_honour_or_gift_goes_to_the_guest(run, sentence, item):
    assert _gifts(run(ARRIVAL + sentence)) == [("William Ruto", "Narendra Modi", item)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan President William Ruto placed a garland around the neck of Modi on Tuesday.",
        "Kenyan President William Ruto placed a hand on Modi's shoulder on Tuesday.",
    ],
)
def test_a_garland_or_a_gesture_is_no_gift(run, sentence):
    assert _gifts(run(ARRIVAL + sentence)) == []


def test_an_item_read_as_a_modifier_of_the_verb_after_the_recipient(run):
    ex = run(
        ARRIVAL + "Kenyan President William Ruto gifted Modi a folio containing an old "
        "commemorative stamp issued by Kenya."
    )
    assert _gifts(ex) == [("William Ruto", "Narendra Modi", "folio")]
