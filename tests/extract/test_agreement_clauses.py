"""Agreements told in a reported clause or in the background, and infinitives that are
chances rather than facts (issue 11).  The sentences are invented for these tests."""

from __future__ import annotations

import pytest

MEETING = (
    "US President Joe Biden held talks with Angolan President Joao Lourenco in Luanda on Tuesday. "
)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Biden promised that the United States would keep investing in the railway.", 1),
        ("Biden told his host the United States would keep putting money into the port.", 1),
        ("Biden assured Lourenco that the United States will continue to support Angola.", 1),
        ("Biden promised that the United States would keep investing in American roads.", 0),
        ("Biden promised that the United States would keep investing in its own ports.", 0),
        ("Biden promised that the United States would not keep investing in the railway.", 0),
        ("Biden told his host the United States had invested in the railway.", 0),
    ],
)
def test_a_promise_of_help_told_as_a_clause_is_a_pledge(run, sentence, expected):
    ex = run(MEETING + sentence)
    pledges = [a for a in ex.agreements if (a.kind, a.status) == ("pledge", "agreed")]
    assert len(pledges) == expected
    for pledge in pledges:
        assert set(pledge.parties) == {"Joe Biden", "Joao Lourenco"}


def test_an_aid_package_announced_is_a_pledge_not_a_document(run):
    ex = run(
        MEETING + "During the visit, Biden announced an aid package of $50 million for Angola."
    )
    assert [(a.kind, a.status, set(a.parties)) for a in ex.agreements] == [
        ("pledge", "agreed", {"Joe Biden", "Joao Lourenco"})
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The delay gives negotiators an additional day to reach an accord.",
        "The summit gave the leaders a last chance to reach a deal on trade.",
    ],
)
def test_an_infinitive_that_names_a_chance_is_no_agreement(run, sentence):
    assert run(MEETING + sentence).agreements == ()


def test_the_two_leaders_of_a_background_visit_are_the_visitor_and_the_host(run):
    ex = run(
        "Chinese President Xi Jinping met Kenyan President William Ruto in Beijing on Tuesday. "
        "Decades ago, Jiang Zemin gave Daniel arap Moi a porcelain vase. Xi paid a state visit "
        "to Nairobi last September, when the two leaders signed a joint declaration on energy "
        "security."
    )
    [declaration] = [a for a in ex.agreements if a.kind == "declaration"]
    assert set(declaration.parties) == {"Xi Jinping", "William Ruto"}
    assert declaration.status == "signed"


@pytest.mark.parametrize(
    "answer,status",
    [
        ("an invitation Biden said he would gladly take up", "accepted"),
        ("an invitation Biden accepted", "accepted"),
        ("but gave no date", "proposed"),
    ],
)
def test_a_pronoun_guest_is_the_leader_who_answers_the_invitation(run, answer, status):
    ex = run(
        "US President Joe Biden arrived in Riyadh on Saturday, where King Salman welcomed him. "
        f"Angolan President Joao Lourenco invited him to Angola, {answer}."
    )
    invitations = [(a.status, set(a.parties)) for a in ex.agreements if a.kind == "invitation"]
    if status == "accepted":
        assert invitations == [("accepted", {"Joao Lourenco", "Joe Biden"})]
    else:
        assert [s for s, _ in invitations] == ["proposed"]
