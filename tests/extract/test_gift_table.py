"""Gifts, table-driven: one short invented text per phenomenon of English news writing.

Each row: (phenomenon, text, expected set of (giver, recipient, item)).
"""

from __future__ import annotations

import pytest

MEET = (
    "French President Emmanuel Macron held talks with US President Joe Biden "
    "at the White House on Tuesday. "
)
M, B = "Emmanuel Macron", "Joe Biden"
COUPLE = (
    "US President Joe Biden and his wife, Jill Biden, welcomed French President "
    "Emmanuel Macron to the White House on Tuesday. "
)

CASES = [
    ("active with dative", MEET + "Macron gave Biden a bronze horse.", {(M, B, "bronze horse")}),
    (
        "passive with agent",
        MEET + "Biden was presented with a silver tray by Macron.",
        {(M, B, "silver tray")},
    ),
    (
        "passive item with to and by",
        MEET + "A porcelain vase was given to Biden by Macron.",
        {(M, B, "porcelain vase")},
    ),
    (
        "possessive gift as subject",
        MEET + "Macron's gift to Biden was a hand-painted globe.",
        {(M, B, "hand-painted globe")},
    ),
    (
        "gift noun of an item",
        MEET + "Macron presented Biden with a gift of a rare atlas.",
        {(M, B, "rare atlas")},
    ),
    (
        "several items listed",
        MEET + "Macron gave Biden a clock, a scarf and a book of maps.",
        {(M, B, "clock"), (M, B, "scarf"), (M, B, "book of maps")},
    ),
    (
        "exchange with one side named keeps inner determiners",
        MEET + "Macron presented a clock to Biden, while receiving a glove from a spacesuit.",
        {(M, B, "clock"), (B, M, "glove from a spacesuit")},
    ),
    (
        "a trailing source phrase naming the giver is dropped",
        MEET + "Macron gave Biden a silk scarf, while receiving a maple chess set from "
        "the American leader.",
        {(M, B, "silk scarf"), (B, M, "maple chess set")},
    ),
    (
        "joint givers give one gift each",
        COUPLE + "The Bidens gave Macron a framed photograph.",
        {(B, M, "framed photograph"), ("Jill Biden", M, "framed photograph")},
    ),
    (
        "box contents are not separate gifts",
        MEET + "Macron gave Biden an oak box holding two silver spoons and a cup.",
        {(M, B, "oak box")},
    ),
    (
        "an order conferred is a gift",
        MEET + "Macron awarded Biden the Legion of Honour.",
        {(M, B, "Legion of Honour")},
    ),
    (
        "an order conferred on someone",
        MEET + "Macron conferred the Legion of Honour on Biden.",
        {(M, B, "Legion of Honour")},
    ),
    (
        "the item after a colon explains a generic present",
        MEET + "Macron also gave his host a present from home: a hand-painted silk scarf.",
        {(M, B, "hand-painted silk scarf")},
    ),
    (
        "an item referred back to takes its antecedent",
        MEET + "Macron brought a young olive tree from Provence. "
        "The sapling was Macron's gift to his host.",
        {(M, B, "young olive tree")},
    ),
    (
        "a gift in a relative clause",
        MEET + "Biden showed reporters the clock that Macron gave him.",
        {(M, B, "clock")},
    ),
    (
        "continuation by the same giver",
        MEET + "Macron gave Biden a silk scarf. He added a leather atlas and a brass compass.",
        {(M, B, "silk scarf"), (M, B, "leather atlas"), (M, B, "brass compass")},
    ),
    (
        "presenting something as something is no gift",
        MEET + "Macron presented the plan as a turning point.",
        set(),
    ),
    ("a warm welcome is no gift", MEET + "Macron gave Biden a warm welcome.", set()),
    (
        "handing over documents is no gift",
        MEET + "Macron handed the documents to Biden.",
        set(),
    ),
    ("a refusal is no gift", MEET + "Macron refused to give Biden the painting.", set()),
    (
        "a gift beside a conflict cue elsewhere in the sentence",
        MEET + "Macron gave Biden a crystal vase as protesters clashed with police outside.",
        {(M, B, "crystal vase")},
    ),
    (
        "a gift sent outside a meeting",
        "French President Emmanuel Macron sent US President Joe Biden a case of wine "
        "as a birthday gift.",
        {(M, B, "case of wine")},
    ),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_gift_phenomena(run, name, text, expected):
    ex = run(text)
    assert {(g.giver, g.recipient, g.item) for g in ex.gifts} == expected
