"""Gifts: giver, recipient and item from active, passive, possessive and exchange patterns."""

from __future__ import annotations

MEET = (
    "French President Julien Moreau held talks with US President Mark Dalton "
    "at the White House on Tuesday. "
)


def _gifts(ex):
    return {(g.giver, g.recipient, g.item) for g in ex.gifts}


def test_active_gift_with_dative_recipient(run):
    ex = run(MEET + "Moreau gave Dalton a bronze statue of a horse.")
    assert _gifts(ex) == {("Julien Moreau", "Mark Dalton", "bronze statue of a horse")}


def test_present_with_names_the_recipient_as_object(run):
    ex = run(MEET + "Moreau presented his host with a silver clock made in Lyon.")
    assert _gifts(ex) == {("Julien Moreau", "Mark Dalton", "silver clock made in Lyon")}


def test_passive_gift_with_agent_by_title(run):
    ex = run(MEET + "Moreau was given a leather-bound atlas by the president.")
    assert _gifts(ex) == {("Mark Dalton", "Julien Moreau", "leather-bound atlas")}


def test_several_items_in_one_sentence_are_separate_gifts(run):
    ex = run(MEET + "Dalton gave Moreau a wooden chair, a framed map and a signed book.")
    assert {g.item for g in ex.gifts} == {"wooden chair", "framed map", "signed book"}


def test_gift_giver_is_the_counterpart_when_only_the_recipient_side_is_named(run):
    ex = run(
        MEET + "The leaders exchanged gifts, with Moreau presenting a crystal vase to Dalton, "
        "while receiving a painted plate and a cowboy hat."
    )
    assert _gifts(ex) == {
        ("Julien Moreau", "Mark Dalton", "crystal vase"),
        ("Mark Dalton", "Julien Moreau", "painted plate"),
        ("Mark Dalton", "Julien Moreau", "cowboy hat"),
    }


def test_possessive_gift_phrase(run):
    ex = run(MEET + "The clock was Moreau's gift to his host.")
    assert _gifts(ex) == {("Julien Moreau", "Mark Dalton", "clock")}


def test_box_contents_are_not_separate_gifts(run):
    ex = run(
        MEET + "Moreau handed Dalton a wooden box holding a small silver spoon and a silver cup."
    )
    assert {g.item for g in ex.gifts} == {"wooden box"}


def test_a_promised_gift_is_not_a_gift(run):
    ex = run(MEET + "Dalton said he would give Moreau a bicycle.")
    assert ex.gifts == ()
