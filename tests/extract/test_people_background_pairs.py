"""Who 'the two leaders' are when a background clause has linked two other persons.

Every sentence here is invented. 'X's predecessor once gave W a horse' or 'Z had met W in
1998' tells of an earlier pair; 'the two leaders' after it are still the story's pair.
The twins keep the construction and change what must not match: a pair told as the
story's own news (no 'once', no pluperfect, no earlier date) does become 'the two', and
a background pair is still 'the two' when the story has no pair of its own.
"""

from __future__ import annotations

import pytest

STORY = "President Ana Fuentes met Prime Minister Lars Holm in Lima on Monday. "
STORY_PAIR = ["Ana Fuentes", "Lars Holm"]
BACK_PAIR = ["Diego Ruiz", "John Major"]


def _meetings(result):
    return [sorted(m.participants) for m in result.meetings]


def test_a_pair_once_linked_in_the_past_is_not_the_two_leaders(run):
    result = run(
        STORY + "Fuentes's predecessor, Diego Ruiz, once gave a horse to the British prime "
        "minister John Major. The two leaders also held talks on trade on Monday."
    )
    assert _meetings(result) == [STORY_PAIR]


def test_a_pluperfect_dated_meeting_keeps_its_pair_but_not_the_two_leaders(run):
    result = run(
        STORY + "Fuentes's predecessor, Diego Ruiz, had met the British prime minister "
        "John Major in 1998. The two leaders also signed a trade pact."
    )
    assert sorted(_meetings(result)) == [STORY_PAIR, BACK_PAIR]
    assert [sorted(a.parties) for a in result.agreements] == [STORY_PAIR]


def test_twin_a_pair_told_as_news_becomes_the_two_leaders(run):
    result = run(
        STORY + "President Diego Ruiz held talks with the British prime minister John Major "
        "in London on Tuesday. The two leaders also signed a trade pact."
    )
    assert [sorted(a.parties) for a in result.agreements] == [BACK_PAIR]


def test_twin_a_background_pair_is_the_two_when_the_story_has_no_other(run):
    result = run(
        "President Diego Ruiz once gave a horse to the British prime minister John Major. "
        "The two leaders later held talks in London."
    )
    assert _meetings(result) == [BACK_PAIR]


@pytest.mark.parametrize(
    "background",
    [
        "The late President Diego Ruiz gave a horse to Prime Minister John Major.",
        "President Diego Ruiz gave a horse to then Prime Minister John Major.",
    ],
)
def test_a_pair_told_with_the_late_or_then_leader_is_not_the_two_leaders(run, background):
    result = run(STORY + background + " The two leaders also signed a trade pact.")
    assert [sorted(a.parties) for a in result.agreements] == [STORY_PAIR]


def test_twin_a_former_leader_told_as_news_becomes_the_two_leaders(run):
    result = run(
        STORY + "Former President Diego Ruiz held talks with Prime Minister John Major in "
        "London on Tuesday. The two leaders also signed a trade pact."
    )
    assert [sorted(a.parties) for a in result.agreements] == [BACK_PAIR]
