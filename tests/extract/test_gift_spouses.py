"""Gifts whose recipient is an unnamed spouse, whose item names a topic, or whose giver
is a leader the article does not name: no leader may stand in for the missing side."""

from __future__ import annotations

import pytest

MEET = (
    "Indian Prime Minister Narendra Modi held talks with US President Donald Trump "
    "at the White House on Monday. "
)


def _gifts(ex):
    return {(g.giver, g.recipient, g.item) for g in ex.gifts}


@pytest.mark.parametrize(
    "sentence",
    [
        "Modi presented hand-woven shawls to the First Lady.",
        "Modi gave a silver bracelet to the first lady during the dinner.",
        "Modi presented a tea set to his wife.",
        "Modi gave Trump's wife a pashmina scarf.",
    ],
)
def test_a_gift_to_an_unnamed_spouse_is_not_the_leaders(run, sentence):
    assert _gifts(run(MEET + sentence)) == set()


def test_a_gift_to_a_named_spouse_goes_to_her(run):
    ex = run(
        MEET + "Trump's wife, Melania Trump, joined them. "
        "Modi presented a silver bracelet to the first lady, Melania Trump."
    )
    assert _gifts(ex) == {("Narendra Modi", "Melania Trump", "silver bracelet")}


def test_a_gift_to_the_leader_beside_one_to_the_first_lady_stays(run):
    ex = run(MEET + "Modi gave Trump a wooden chest and presented shawls to the First Lady.")
    assert _gifts(ex) == {("Narendra Modi", "Donald Trump", "wooden chest")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Modi presented a book on Abraham Lincoln to the first lady.",
        "Modi gave a folio of stamps on Abraham Lincoln to his wife.",
    ],
)
def test_a_person_an_item_is_about_is_no_recipient(run, sentence):
    assert _gifts(run(MEET + sentence)) == set()


def test_a_book_on_a_person_given_to_the_leader_keeps_its_recipient(run):
    ex = run(MEET + "Modi presented a book on Abraham Lincoln to Trump.")
    assert _gifts(ex) == {("Narendra Modi", "Donald Trump", "book")}


def test_an_honour_conferred_on_a_leader_still_reads_on(run):
    ex = run(
        "Queen Elizabeth II received South African President Nelson Mandela at "
        "Buckingham Palace on Tuesday. The Queen conferred the Order of Merit on Mandela."
    )
    assert ("Queen Elizabeth II", "Nelson Mandela", "Order of Merit") in _gifts(ex)


def test_received_when_an_unnamed_foreign_leader_visited_has_no_giver(run):
    ex = run(
        "French President Emmanuel Macron gave US President Donald Trump an oak sapling "
        "on Monday. Years earlier, US President Ronald Reagan received a baby elephant on "
        "the White House lawn when Ruritania's president visited."
    )
    assert ("Donald Trump", "Ronald Reagan", "baby elephant") not in _gifts(ex)
    assert all(g.recipient != "Ronald Reagan" for g in ex.gifts)


def test_received_from_a_named_visitor_keeps_the_giver(run):
    ex = run(
        "French President Emmanuel Macron visited Washington on Monday. US President Donald "
        "Trump received an oak tree from Macron."
    )
    assert _gifts(ex) == {("Emmanuel Macron", "Donald Trump", "oak tree")}
