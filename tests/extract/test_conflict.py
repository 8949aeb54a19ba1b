"""Conflict and assertion are judged on the fact's own predicate, not on any cue in its sentence."""

from __future__ import annotations

import pytest

from ingest.extract.conflict import is_conflict, verb_asserted

# (sentence, trigger word, is the trigger's own predicate conflict?)
CONFLICT = [
    ("Biden threatened to sign the deal.", "sign", True),
    ("Macron warned that he would sign nothing.", "sign", True),
    ("The leaders rejected the plan.", "rejected", True),
    ("The talks ended without a deal despite demands from farmers.", "ended", False),
    ("The two leaders, who had warned of tariffs, signed a trade pact.", "signed", False),
    ("Macron rejected the proposal and signed a treaty on rivers.", "signed", False),
    ("Biden gave Macron a vase as protesters clashed with police.", "gave", False),
]


@pytest.mark.parametrize("text,word,expected", CONFLICT)
def test_conflict_is_the_triggers_own_predicate(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert is_conflict(tok) is expected


# (sentence, trigger word, is the trigger asserted as something that happened?)
ASSERTED = [
    ("Macron and Biden signed a treaty.", "signed", True),
    ("Macron and Biden will sign a treaty.", "sign", False),
    ("Macron did not sign the treaty.", "sign", False),
    ("Macron refused to give Biden the painting.", "give", False),
    ("Putin said Moscow would not return, and the talks ended without a deal.", "ended", True),
]


@pytest.mark.parametrize("text,word,expected", ASSERTED)
def test_assertion(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert verb_asserted(tok) is expected


MEET = (
    "French President Emmanuel Macron held talks with US President Joe Biden "
    "at the White House on Tuesday. "
)


def test_a_conflict_cue_elsewhere_does_not_hide_a_failed_negotiation(run):
    ex = run(MEET + "The talks ended without a deal despite demands from farmers.")
    assert [(a.kind, a.status) for a in ex.agreements] == [("deal", "failed")]


def test_no_gift_or_agreement_from_a_conflict_predicate(run):
    ex = run(MEET + "Biden threatened to give back the medal. Macron rejected the proposed treaty.")
    assert ex.gifts == () and ex.agreements == ()
