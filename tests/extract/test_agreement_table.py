"""Agreements, table-driven: one short invented text per phenomenon of English news writing.

Each row: (phenomenon, text, expected set of (kind, status, parties)).  Parties are
leader names when leaders act and ISO codes when governments or capitals act.
"""

from __future__ import annotations

import pytest

MEET = (
    "French President Julien Moreau held talks with US President Mark Dalton "
    "at the White House on Tuesday. "
)
PAIR = frozenset({"Julien Moreau", "Mark Dalton"})
STATES = frozenset({"FR", "US"})
THREE = (
    "Italian Prime Minister Sofia Rossi hosted German Chancellor Lukas Becker and "
    "Spanish Prime Minister Pablo Ortega for a summit in Rome on Friday. "
)

CASES = [
    ("negated agreement noun", MEET + "No agreement was announced after the talks.", set()),
    ("neither side signed", MEET + "Neither leader signed an agreement.", set()),
    (
        "signed a treaty on, after a fronted phrase",
        MEET + "After two hours of talks at the palace, Moreau and Dalton signed a treaty on "
        "the shared management of border rivers.",
        {("treaty", "signed", PAIR)},
    ),
    (
        "a new treaty is still signed",
        MEET + "Moreau and Dalton signed a new treaty on border rivers.",
        {("treaty", "signed", PAIR)},
    ),
    (
        "governments sign an unnamed batch: one record with ISO parties",
        MEET + "The two governments signed a series of agreements covering trade and energy.",
        {("agreement", "signed", STATES)},
    ),
    (
        "capitals agree",
        MEET + "Paris and Washington agreed to share data on wildfires.",
        {("agreement", "agreed", STATES)},
    ),
    (
        "a numbered group of leaders issues a communique",
        THREE + "The three leaders issued a joint communique on migration.",
        {
            (
                "joint_statement",
                "agreed",
                frozenset({"Sofia Rossi", "Lukas Becker", "Pablo Ortega"}),
            )
        },
    ),
    (
        "talks failed despite a conflict cue elsewhere in the sentence",
        MEET + "The talks ended without a deal despite demands from farmers.",
        {("deal", "failed", PAIR)},
    ),
    (
        "leaders who had warned may still sign",
        MEET + "The two leaders, who had warned of rising tariffs, signed a trade agreement.",
        {("agreement", "signed", PAIR)},
    ),
    ("a threat is not an agreement", MEET + "Dalton threatened to sign a tariff deal.", set()),
    (
        "a rejected proposal is a rejected deal",
        MEET + "Moreau rejected the proposed deal.",
        {("deal", "rejected", PAIR)},
    ),
    ("a rejected accusation is no agreement", MEET + "Moreau rejected the accusation.", set()),
    (
        "a memorandum is kind mou",
        MEET + "Moreau and Dalton signed a memorandum of understanding on space research.",
        {("mou", "signed", PAIR)},
    ),
    (
        "two agreements are two records",
        MEET + "Moreau and Dalton signed two agreements on Tuesday.",
        {("agreement", "signed", PAIR)},
    ),
    (
        "an extended invitation is proposed",
        MEET + "Dalton invited Moreau to visit Texas in the autumn.",
        {("invitation", "proposed", PAIR)},
    ),
    (
        "an accepted invitation",
        MEET + "Dalton invited Moreau to Texas, and the French president accepted.",
        {("invitation", "accepted", PAIR)},
    ),
    (
        "a one-sided pledge of aid",
        MEET + "Dalton pledged 50 million dollars in aid to help France rebuild the cathedral.",
        {("pledge", "agreed", PAIR)},
    ),
    (
        "company contracts are not state agreements",
        MEET + "French and American companies signed contracts worth 3 billion dollars.",
        set(),
    ),
    (
        "a cited earlier treaty without parties",
        MEET + "The 1987 treaty banned such missiles.",
        set(),
    ),
    ("a mere discussion", MEET + "The two leaders discussed a trade deal.", set()),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_agreement_phenomena(run, name, text, expected):
    ex = run(text)
    assert {(a.kind, a.status, frozenset(a.parties)) for a in ex.agreements} == expected


def test_two_agreements_give_two_records(run):
    ex = run(MEET + "Moreau and Dalton signed two agreements on Tuesday.")
    assert len(ex.agreements) == 2


SUMMARIES = [
    (
        "OSLO - Norwegian Prime Minister Kari Berg and Chilean President Mateo Ibarra "
        "signed a memorandum of understanding on green hydrogen research on Thursday.",
        "Memorandum of understanding on green hydrogen research",
    ),
    (
        "OSLO - Norwegian Prime Minister Kari Berg met Chilean President Mateo Ibarra "
        "in Oslo on Thursday, where the two leaders agreed to expand research on green hydrogen.",
        "Expand research on green hydrogen",
    ),
]


@pytest.mark.parametrize("text,summary", SUMMARIES)
def test_summary_is_one_short_line_without_dateline(run, text, summary):
    ex = run(text)
    assert [a.summary for a in ex.agreements] == [summary]
