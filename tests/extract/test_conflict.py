"""Conflict and assertion are judged on the fact's own predicate, not on any cue in its sentence."""

from __future__ import annotations

import pytest

from ingest.extract.conflict import is_conflict, verb_asserted

# (sentence, trigger word, is the trigger's own predicate conflict?)
CONFLICT = [
    ("Dalton threatened to sign the deal.", "sign", True),
    ("Moreau warned that he would sign nothing.", "sign", True),
    ("The leaders rejected the plan.", "rejected", True),
    ("The talks ended without a deal despite demands from farmers.", "ended", False),
    ("The two leaders, who had warned of tariffs, signed a trade pact.", "signed", False),
    ("Moreau rejected the proposal and signed a treaty on rivers.", "signed", False),
    ("Dalton gave Moreau a vase as protesters clashed with police.", "gave", False),
]


@pytest.mark.parametrize("text,word,expected", CONFLICT)
def test_conflict_is_the_triggers_own_predicate(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert is_conflict(tok) is expected


# (sentence, trigger word, is the trigger asserted as something that happened?)
ASSERTED = [
    ("Moreau and Dalton signed a treaty.", "signed", True),
    ("Moreau and Dalton will sign a treaty.", "sign", False),
    ("Moreau did not sign the treaty.", "sign", False),
    ("Moreau refused to give Dalton the painting.", "give", False),
    ("Petrov said Moscow would not return, and the talks ended without a deal.", "ended", True),
    ("Moreau flew in the next day and joined the talks.", "joined", True),
    ("Moreau will fly in the next day and join the talks.", "join", False),
    ("Moreau flew in and will join the talks in the next days.", "join", False),
]


@pytest.mark.parametrize("text,word,expected", ASSERTED)
def test_assertion(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert verb_asserted(tok) is expected


MEET = (
    "French President Julien Moreau held talks with US President Mark Dalton "
    "at the White House on Tuesday. "
)


def test_a_conflict_cue_elsewhere_does_not_hide_a_failed_negotiation(run):
    ex = run(MEET + "The talks ended without a deal despite demands from farmers.")
    assert [(a.kind, a.status) for a in ex.agreements] == [("deal", "failed")]


def test_no_gift_or_agreement_from_a_conflict_predicate(run):
    ex = run(MEET + "Dalton threatened to give back the medal. Moreau rejected the accusation.")
    assert ex.gifts == () and ex.agreements == ()


def test_a_rejected_proposal_is_a_rejected_agreement_not_nothing(run):
    ex = run(MEET + "Moreau rejected the proposed treaty.")
    assert [(a.kind, a.status) for a in ex.agreements] == [("treaty", "rejected")]
