"""Gifts: giver, recipient and item from active, passive, possessive and exchange patterns."""

from __future__ import annotations

MEET = (
    "French President Emmanuel Macron held talks with US President Joe Biden "
    "at the White House on Tuesday. "
)


def _gifts(ex):
    return {(g.giver, g.recipient, g.item) for g in ex.gifts}


def test_active_gift_with_dative_recipient(run):
    ex = run(MEET + "Macron gave Biden a bronze statue of a horse.")
    assert _gifts(ex) == {("Emmanuel Macron", "Joe Biden", "bronze statue of a horse")}


def test_present_with_names_the_recipient_as_object(run):
    ex = run(MEET + "Macron presented his host with a silver clock made in Lyon.")
    assert _gifts(ex) == {("Emmanuel Macron", "Joe Biden", "silver clock made in Lyon")}


def test_passive_gift_with_agent_by_title(run):
    ex = run(MEET + "Macron was given a leather-bound atlas by the president.")
    assert _gifts(ex) == {("Joe Biden", "Emmanuel Macron", "leather-bound atlas")}


def test_several_items_in_one_sentence_are_separate_gifts(run):
    ex = run(MEET + "Biden gave Macron a wooden chair, a framed map and a signed book.")
    assert {g.item for g in ex.gifts} == {"wooden chair", "framed map", "signed book"}


def test_gift_giver_is_the_counterpart_when_only_the_recipient_side_is_named(run):
    ex = run(
        MEET + "The leaders exchanged gifts, with Macron presenting a crystal vase to Biden, "
        "while receiving a painted plate and a cowboy hat."
    )
    assert _gifts(ex) == {
        ("Emmanuel Macron", "Joe Biden", "crystal vase"),
        ("Joe Biden", "Emmanuel Macron", "painted plate"),
        ("Joe Biden", "Emmanuel Macron", "cowboy hat"),
    }


def test_possessive_gift_phrase(run):
    ex = run(MEET + "The clock was Macron's gift to his host.")
    assert _gifts(ex) == {("Emmanuel Macron", "Joe Biden", "clock")}


def test_box_contents_are_not_separate_gifts(run):
    ex = run(
        MEET + "Macron handed Biden a wooden box holding a small silver spoon and a silver cup."
    )
    assert {g.item for g in ex.gifts} == {"wooden box"}


def test_a_promised_gift_is_not_a_gift(run):
    ex = run(MEET + "Biden said he would give Macron a bicycle.")
    assert ex.gifts == ()
