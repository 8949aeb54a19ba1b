"""Gifts, table-driven: one short invented text per phenomenon of English news writing.

Each row: (phenomenon, text, expected set of (giver, recipient, item)).
"""

from __future__ import annotations

import pytest

MEET = (
    "French President Julien Moreau held talks with US President Mark Dalton "
    "at the White House on Tuesday. "
)
M, B = "Julien Moreau", "Mark Dalton"
COUPLE = (
    "US President Mark Dalton and his wife, Laura Dalton, welcomed French President "
    "Julien Moreau to the White House on Tuesday. "
)

CASES = [
    ("active with dative", MEET + "Moreau gave Dalton a bronze horse.", {(M, B, "bronze horse")}),
    (
        "passive with agent",
        MEET + "Dalton was presented with a silver tray by Moreau.",
        {(M, B, "silver tray")},
    ),
    (
        "passive item with to and by",
        MEET + "A porcelain vase was given to Dalton by Moreau.",
        {(M, B, "porcelain vase")},
    ),
    (
        "possessive gift as subject",
        MEET + "Moreau's gift to Dalton was a hand-painted globe.",
        {(M, B, "hand-painted globe")},
    ),
    (
        "gift noun of an item",
        MEET + "Moreau presented Dalton with a gift of a rare atlas.",
        {(M, B, "rare atlas")},
    ),
    (
        "several items listed",
        MEET + "Moreau gave Dalton a clock, a scarf and a book of maps.",
        {(M, B, "clock"), (M, B, "scarf"), (M, B, "book of maps")},
    ),
    (
        "exchange with one side named keeps inner determiners",
        MEET + "Moreau presented a clock to Dalton, while receiving a compass from a sailing ship.",
        {(M, B, "clock"), (B, M, "compass from a sailing ship")},
    ),
    (
        "a trailing source phrase naming the giver is dropped",
        MEET + "Moreau gave Dalton a silk scarf, while receiving a maple chess set from "
        "the American leader.",
        {(M, B, "silk scarf"), (B, M, "maple chess set")},
    ),
    (
        "a couple giving together is one gift, from the office-holder",
        COUPLE + "The Daltons gave Moreau a framed photograph.",
        {(B, M, "framed photograph")},
    ),
    (
        "two leaders giving together are two gifts",
        MEET + "Dalton and Moreau gave the mayor's children a kite. Dalton and Moreau gave "
        "Canadian Prime Minister Paul Leclerc a framed photograph.",
        {(B, "Paul Leclerc", "framed photograph"), (M, "Paul Leclerc", "framed photograph")},
    ),
    (
        "an unfamiliar noun misread as an adverb is still the item",
        MEET + "Moreau gave Dalton a crystal decanter.",
        {(M, B, "crystal decanter")},
    ),
    (
        "a true adverb after the item is not part of it",
        MEET + "Moreau gave Dalton a silk tie later.",
        {(M, B, "silk tie")},
    ),
    (
        "a general 'several gifts' gives way to what it includes",
        MEET + "Moreau gave Dalton several gifts, including a lacquered box and a tea set.",
        {(M, B, "lacquered box"), (M, B, "tea set")},
    ),
    (
        "'among them' names the gift a general plural stands for",
        MEET + "Moreau gave Dalton several gifts, among them a silver compass.",
        {(M, B, "silver compass")},
    ),
    (
        "what the gifts a leader gave included",
        MEET + "The gifts Moreau gave Dalton included a carved walking stick.",
        {(M, B, "carved walking stick")},
    ),
    (
        "what the gifts a leader hoped to give included is no gift",
        MEET + "The gifts Moreau hoped to give Dalton included a carved walking stick.",
        set(),
    ),
    (
        "among the gifts presented to a leader",
        MEET + "Among the gifts that Moreau presented to Dalton was an oil lamp.",
        {(M, B, "oil lamp")},
    ),
    (
        "assurances including a promise are no gift",
        MEET + "Moreau gave Dalton several assurances, including a promise of support.",
        set(),
    ),
    (
        "to the wife, in a gapped clause, her own gift",
        MEET + "Moreau gave Dalton a fountain pen, and to Laura Dalton, his wife, a silk scarf.",
        {(M, B, "fountain pen"), (M, "Laura Dalton", "silk scarf")},
    ),
    (
        "a spouse described by whose wife she is receives the item after the apposition",
        MEET + "Moreau gave Laura Dalton, the wife of Mark Dalton, a pearl bracelet.",
        {(M, "Laura Dalton", "pearl bracelet")},
    ),
    (
        "a person described after a recipient is no item",
        MEET + "Moreau gave a fountain pen to Dalton, a former teacher.",
        {(M, B, "fountain pen")},
    ),
    (
        "an exchange in two joined clauses keeps both directions",
        MEET + "Moreau gave Dalton a leather-bound atlas and Dalton gave Moreau a bottle of cider.",
        {(M, B, "leather-bound atlas"), (B, M, "bottle of cider")},
    ),
    (
        "two items joined by 'and', no second verb: both from the one giver",
        MEET + "Moreau gave Dalton a leather-bound atlas and a map.",
        {(M, B, "leather-bound atlas"), (M, B, "map")},
    ),
    (
        "a demonym before the recipient's title does not hide the recipient",
        "Swiss President Anna Keller met Lao Prime Minister Somsak Vongsa on Monday. Keller "
        "gave a signed football to Lao Prime Minister Somsak Vongsa, who gave Keller a "
        "woven silk scarf in return.",
        {
            ("Anna Keller", "Somsak Vongsa", "signed football"),
            ("Somsak Vongsa", "Anna Keller", "woven silk scarf"),
        },
    ),
    (
        "an exchange whose second subject the parser joins to the first item",
        MEET + "Moreau gave Dalton a horse saddle and Dalton gave Moreau a model ship.",
        {(M, B, "horse saddle"), (B, M, "model ship")},
    ),
    (
        "a title read as the object before the recipient's name is not the item",
        MEET + "Moreau gave American President Mark Dalton a horse saddle, and Dalton gave "
        "Moreau a silver dagger.",
        {(M, B, "horse saddle"), (B, M, "silver dagger")},
    ),
    (
        "'a pair of' under the recipient is the item, though 'the pair' is a role",
        "Laos’ Prime Minister Somsak Vongsa gave Somali Prime Minister Hassan Ali Khaire a "
        "pair of cufflinks on Friday.",
        {("Somsak Vongsa", "Hassan Ali Khaire", "pair of cufflinks")},
    ),
    (
        "in reported speech, the recipient's name parsed inside the item",
        MEET + "An aide said that Moreau gifted Dalton a portrait of himself.",
        {(M, B, "portrait of himself")},
    ),
    (
        "a named award keeps its name though the name reads like a person's",
        MEET + "Dalton handed the visiting leader the Kalo award, a traditional symbol of "
        "leadership.",
        {(B, M, "Kalo award")},
    ),
    (
        "the green light is no gift",
        MEET + "Moreau gave Dalton the green light for the project.",
        set(),
    ),
    (
        "a couple of one family named first name last: the office-holder gives",
        "Chinese President Xi Jinping and Peng Xi gave German Chancellor Olaf Scholz a "
        "photo album.",
        {("Xi Jinping", "Olaf Scholz", "photo album")},
    ),
    (
        "an honour placed around a leader's neck is conferred on them",
        MEET + "Dalton placed the Order of the Eagle around Moreau's neck.",
        {(B, M, "Order of the Eagle")},
    ),
    (
        "an honour lowered over 'his head' goes to the counterpart",
        MEET + "Dalton lowered the Collar of the Republic over his head.",
        {(B, M, "Collar of the Republic")},
    ),
    (
        "a garland put around a guest's neck is a welcome, no gift",
        MEET + "Dalton placed a garland of jasmine around Moreau's neck.",
        set(),
    ),
    (
        "a hand on a leader's shoulder is no gift",
        MEET + "Dalton put his hand on Moreau's shoulder.",
        set(),
    ),
    (
        "an honour handed to a role noun goes to the counterpart, its apposition cut",
        MEET + "Dalton handed the visiting leader the Order of the Eagle, a symbol of trust.",
        {(B, M, "Order of the Eagle")},
    ),
    (
        "'to then President X' is still X",
        MEET + "Moreau sent two hunting dogs to then President Dalton.",
        {(M, B, "two hunting dogs")},
    ),
    (
        "conferred with an honour named in apposition, by the giver",
        "French President Julien Moreau has been conferred with the country's highest "
        "honour, the Order of the Eagle, by US President Mark Dalton.",
        {(B, M, "Order of the Eagle")},
    ),
    (
        "conferred a decoration (parsed as a predicate) by a leader named in apposition",
        "US President Mark Dalton was conferred France's highest civilian decoration, the "
        "Order of the Eagle, on Friday by his French counterpart, Julien Moreau, in a "
        "ceremony in Paris.",
        {(M, B, "Order of the Eagle")},
    ),
    (
        "the gift a leader received came from the counterpart",
        MEET + "The gift that Dalton received from Moreau was a carved mask.",
        {(M, B, "carved mask")},
    ),
    (
        "the gift a leader received from a country is not between the leaders",
        MEET + "The most expensive gift that Dalton received last year was a carved mask "
        "from Gabon.",
        set(),
    ),
    (
        "box contents are not separate gifts",
        MEET + "Moreau gave Dalton an oak box holding two silver spoons and a cup.",
        {(M, B, "oak box")},
    ),
    (
        "an order conferred is a gift",
        MEET + "Moreau awarded Dalton the Legion of Honour.",
        {(M, B, "Legion of Honour")},
    ),
    (
        "an order conferred on someone",
        MEET + "Moreau conferred the Legion of Honour on Dalton.",
        {(M, B, "Legion of Honour")},
    ),
    (
        "the item after a colon explains a generic present",
        MEET + "Moreau also gave his host a small present: a hand-painted silk scarf.",
        {(M, B, "hand-painted silk scarf")},
    ),
    (
        "an item referred back to takes its antecedent",
        MEET + "Moreau brought a hand-painted porcelain jug from Limoges. "
        "The keepsake was Moreau's gift to his host.",
        {(M, B, "hand-painted porcelain jug")},
    ),
    (
        "a gift in a relative clause",
        MEET + "Dalton showed reporters the clock that Moreau gave him.",
        {(M, B, "clock")},
    ),
    (
        "continuation by the same giver",
        MEET + "Moreau gave Dalton a silk scarf. He added a leather atlas and a brass compass.",
        {(M, B, "silk scarf"), (M, B, "leather atlas"), (M, B, "brass compass")},
    ),
    (
        "presenting something as something is no gift",
        MEET + "Moreau presented the plan as a turning point.",
        set(),
    ),
    ("a warm welcome is no gift", MEET + "Moreau gave Dalton a warm welcome.", set()),
    (
        "handing over documents is no gift",
        MEET + "Moreau handed the documents to Dalton.",
        set(),
    ),
    ("a refusal is no gift", MEET + "Moreau refused to give Dalton the painting.", set()),
    (
        "a gift beside a conflict cue elsewhere in the sentence",
        MEET + "Moreau gave Dalton a crystal vase as protesters clashed with police outside.",
        {(M, B, "crystal vase")},
    ),
    (
        "a gift sent outside a meeting",
        "French President Julien Moreau sent US President Mark Dalton a case of wine "
        "as a birthday gift.",
        {(M, B, "case of wine")},
    ),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_gift_phenomena(run, name, text, expected):
    ex = run(text)
    assert {(g.giver, g.recipient, g.item) for g in ex.gifts} == expected
