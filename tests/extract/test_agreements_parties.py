"""Agreements, their parties: signers the parser hides in a fronted phrase, leaders of
named states, counted groups of states, officials signing for their states, blocs
standing for their members, and pledges only to a leader the story names.  The
sentences are invented for these tests; the leaders are real public figures the
registry knows.
"""

from __future__ import annotations

import pytest


def test_no_pledge_to_a_guessed_compatriot(run):
    ex = run(
        "Indian Defence Minister Rajnath Singh met Indian Prime Minister Narendra Modi in Delhi "
        "on Monday. Modi offered his host a $1 billion line of credit."
    )
    assert ex.agreements == ()


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "During the visit of Kenyan President William Ruto to Paris, French and Kenyan "
            "officials signed seven agreements.",
            [("agreement", "signed", frozenset({"FR", "KE"}))],
        ),
        (
            "During the visit of Kenyan President William Ruto to Paris, President Emmanuel "
            "Macron and Ruto signed an agreement on critical minerals.",
            [("agreement", "signed", frozenset({"Emmanuel Macron", "William Ruto"}))],
        ),
        (  # firms sign contracts, not the states
            "During the visit of Kenyan President William Ruto to Paris, French and Kenyan "
            "companies signed seven agreements.",
            [],
        ),
    ],
)
def test_signers_the_parser_hides_in_a_fronted_phrase(run, sentence, expected):
    ex = run(sentence)
    assert [(a.kind, a.status, frozenset(a.parties)) for a in ex.agreements] == expected


@pytest.mark.parametrize(
    "verb,status",
    [("failed to agree on", "failed"), ("agreed on", "agreed")],
)
def test_leaders_of_two_named_states_exclude_the_host(run, verb, status):
    ex = run(
        "Swiss President Guy Parmelin hosted talks between Indian Prime Minister Narendra Modi "
        "and Pakistani Prime Minister Imran Khan in Geneva on Tuesday. The prime ministers of "
        f"India and Pakistan {verb} a framework for sharing river water."
    )
    assert [(a.status, set(a.parties)) for a in ex.agreements] == [
        (status, {"Narendra Modi", "Imran Khan"})
    ]


def test_unnamed_presidents_keep_the_whole_meeting(run):
    ex = run(
        "Swiss President Guy Parmelin hosted talks between Indian Prime Minister Narendra Modi "
        "and Pakistani Prime Minister Imran Khan in Geneva on Tuesday. The three leaders "
        "agreed on a framework for sharing river water."
    )
    assert [set(a.parties) for a in ex.agreements] == [
        {"Guy Parmelin", "Narendra Modi", "Imran Khan"}
    ]


def test_a_counted_group_of_states_is_the_first_that_many_named(run):
    ex = run(
        "Leaders of Norway, Sweden, Denmark, Finland and Iceland met in Oslo on Monday. The "
        "five countries signed a declaration on Arctic research. Canada and Japan sent "
        "observers."
    )
    assert [(a.kind, a.status, set(a.parties)) for a in ex.agreements] == [
        ("declaration", "signed", {"NO", "SE", "DK", "FI", "IS"})
    ]


def test_a_counted_group_larger_than_the_states_named_is_not_filled_in(run):
    ex = run(
        "Leaders of Norway and Sweden met in Oslo on Monday. The five countries signed a "
        "declaration on Arctic research."
    )
    assert all(len(a.parties) != 5 for a in ex.agreements)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "The envoy Mark Hollis signed the memorandum for Australia and the minister Ana "
            "Soares signed for Portugal on Monday.",
            [("mou", "signed", frozenset({"AU", "PT"}))],
        ),
        (  # leaders who sign for their states stay the parties
            "President Emmanuel Macron signed the memorandum for France and President William "
            "Ruto signed for Kenya on Monday.",
            [("mou", "signed", frozenset({"Emmanuel Macron", "William Ruto"}))],
        ),
        (  # one state named: no pair of states to sign for
            "The envoy Mark Hollis signed the memorandum for Australia on Monday.",
            [],
        ),
    ],
)
def test_officials_signing_for_their_states(run, sentence, expected):
    ex = run(sentence)
    assert [(a.kind, a.status, frozenset(a.parties)) for a in ex.agreements] == expected


# -- issue 11, second round: parties -------------------------------------------------


@pytest.mark.parametrize(
    "bloc,members",
    [
        ("GCC", {"SA", "KW", "AE", "QA", "BH", "OM"}),
        ("SAARC", {"AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"}),
        ("Quad", {"AU", "IN", "JP", "US"}),
    ],
)
def test_a_bloc_signing_stands_for_its_member_states(run, bloc, members):
    ex = run(f"Representatives of the {bloc} states and Egypt signed a declaration on trade.")
    assert [(a.kind, a.status, set(a.parties)) for a in ex.agreements] == [
        ("declaration", "signed", members | {"EG"})
    ]


def test_an_organisation_not_listed_as_a_bloc_gives_no_members(run):
    ex = run("Representatives of the OSCE states and Egypt signed a declaration on trade.")
    assert all(len(a.parties) < 3 for a in ex.agreements)


TRIPLES = [
    ("Russian President Vladimir Putin", "US President Joe Biden",
     "French President Emmanuel Macron"),
    ("Indian Prime Minister Narendra Modi", "Japanese Prime Minister Fumio Kishida",
     "Australian Prime Minister Anthony Albanese"),
]  # fmt: skip


@pytest.mark.parametrize("triple", TRIPLES, ids=lambda t: t[0].split()[-1])
def test_three_leaders_after_a_fronted_summit_phrase_issue_the_statement(run, triple):
    a, b, c = triple
    ex = run(
        f"At last month's Group of Eight summit in Rome, Italy, {a}, {b} and {c} issued a "
        "joint statement urging the two sides to finalise the principles."
    )
    names = {" ".join(x.split()[-2:]) for x in triple}
    assert [(x.kind, set(x.parties)) for x in ex.agreements] == [("joint_statement", names)]


def test_two_guests_invited_and_accepting_are_two_invitations(run):
    ex = run(
        "Indonesian President Joko Widodo met Ukrainian President Volodymyr Zelensky in Kyiv on "
        "Wednesday and invited him to the summit, and Zelensky said he would come. Widodo met "
        "Russian President Vladimir Putin on Thursday. Widodo said Putin had accepted his "
        "invitation to the summit."
    )
    got = sorted((x.kind, x.status, tuple(sorted(x.parties))) for x in ex.agreements)
    assert got == [
        ("invitation", "accepted", ("Joko Widodo", "Vladimir Putin")),
        ("invitation", "accepted", ("Joko Widodo", "Volodymyr Zelensky")),
    ]


def test_a_leader_outside_the_meeting_pledges_to_the_foreign_leader_named_before(run):
    ex = run(
        "Indian Defence Minister Rajnath Singh met Mongolian President Ukhnaagiin Khurelsukh on "
        "Tuesday. In 2015, Mongolian Prime Minister Chimed Saikhanbileg gave Indian Prime "
        "Minister Narendra Modi a racehorse. Modi offered his host a $1 billion Indian line of "
        "credit."
    )
    pledges = [tuple(sorted(x.parties)) for x in ex.agreements if x.kind == "pledge"]
    assert pledges == [("Chimed Saikhanbileg", "Narendra Modi")]
