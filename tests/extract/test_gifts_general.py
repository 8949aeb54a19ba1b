"""Gifts, generated: templates x fillers (issue 11, capability suite for gifts).

Every group is one capability: plain gift sentences in several verbs and voices, gift
nouns, honours conferred, exchanges, couples, full item phrases, and the negative twins
(figurative give and receive, events, messages, abstractions, modality).  Leaders are
real public figures the registry knows; every sentence is written for this suite.
"""

from __future__ import annotations

import pytest

# (giver, giver short, recipient, recipient short)
PAIRS = [
    ("Japanese Prime Minister Shinzo Abe", "Abe", "Australian Prime Minister Malcolm Turnbull",
     "Turnbull"),
    ("Indian Prime Minister Narendra Modi", "Modi", "US President Joe Biden", "Biden"),
    ("French President Emmanuel Macron", "Macron", "German Chancellor Olaf Scholz", "Scholz"),
    ("Russian President Vladimir Putin", "Putin", "Chinese President Xi Jinping", "Xi"),
    ("Turkish President Recep Tayyip Erdogan", "Erdogan", "Italian Prime Minister Giorgia Meloni",
     "Meloni"),
    ("Brazilian President Luiz Inácio Lula da Silva", "Lula",
     "South African President Cyril Ramaphosa", "Ramaphosa"),
]  # fmt: skip

# (as written in the sentence, the item phrase expected)
ITEMS = [
    ("a samurai sword", "samurai sword"),
    ("a pair of hunting dogs", "pair of hunting dogs"),
    ("a thoroughbred Akhal-Teke horse", "thoroughbred Akhal-Teke horse"),
    ("a signed, leather-bound copy of his memoirs", "signed, leather-bound copy of his memoirs"),
    ("a hand-carved wooden chess set", "hand-carved wooden chess set"),
    ("a grey horse named Storm", "grey horse named Storm"),
]

# A shorter name of each item, for a second mention
SHORT = {
    "samurai sword": "sword",
    "pair of hunting dogs": "pair of dogs",
    "thoroughbred Akhal-Teke horse": "horse",
    "signed, leather-bound copy of his memoirs": "copy of his memoirs",
    "hand-carved wooden chess set": "chess set",
    "grey horse named Storm": "grey horse",
}

HONOURS = [
    ("the Order of the Rising Sun", "Order of the Rising Sun"),
    ("the Legion of Honour", "Legion of Honour"),
    ("the Grand Cross of the Order of Merit", "Grand Cross of the Order of Merit"),
]

# giver G, recipient R, item I: each gives exactly G -> R: I
PLAIN = {
    "active dative": "{G} gave {R} {I}.",
    "active to": "{G} gave {I} to {R}.",
    "presented with": "{G} presented {R} with {I}.",
    "presented to": "{G} presented {I} to {R}.",
    "passive presented with by": "{R} was presented with {I} by {G}.",
    "passive given by": "{R} was given {I} by {G}.",
    "gifted dative": "{G} gifted {R} {I}.",
    "gifted to": "{G} gifted {I} to {R}.",
    "handed dative": "{G} handed {R} {I}.",
    "received from": "{R} received {I} from {G}.",
    "among the gifts": "Among the gifts {G} gave {R} was {I}.",
    "gift noun apposition": "{G}'s gift to {R}, {I}, drew admiring looks.",
    "gift noun curly apostrophe": "{G}\u2019s gift to {R}, {I}, drew admiring looks.",
    "gift noun predicate": "{G}'s gift to {R} was {I}.",
    "gifts included": "{G}'s gifts to {R} included {I}.",
    "with a meeting first": "{G} held talks with {R} on Tuesday. {Gs} gave {Rs} {I}.",
    "brought dative": "{G} has brought {R} {I}.",
    "role as giver": "{G} met {R} on Monday. His Excellency presented {Rs} with {I}.",
    "received presented by": "{R} received {I} presented by {G} at the ceremony.",
    "generic thing after colon": "{G} brought {R} the finest thing his country makes: {I}.",
    "named again": "{G} gave {R} {I}. {Gs} presented the gift to {Rs} after lunch.",
    "both sides by role": "{G} met {R} on Monday. The guest was given {I} by his host.",
    "participle presented by": "{I_cap} presented by {G} to {R} has arrived in the capital.",
    "sent to": "{G} sent {I} to {R}.",
    "role then name in apposition": "{G} gave his counterpart, {Rn}, {I} as a birthday present.",
    "reported speech": "The ministry said {G} gave {R} {I} as a birthday present.",
    "apposition not a second item": "{R} was given {I}, a keepsake of the visit, by {G}.",
    "colon inside the phrase": "{G} brought {R} the finest thing his country owns after "
    "its oil: {I}.",
    "named again with fewer words": "{G} gave {R} {I}. Later {Rs} received a {last} "
    "presented by {Gs}.",
    "gapped recipients": "{G} gave {I} to {R} and a silk scarf to {Rs}'s foreign minister.",
}

HONOUR_TEMPLATES = {
    "conferred on": "{G} conferred {O} on {R}.",
    "awarded by": "{R} was awarded {O} by {G}.",
    "decorated with": "{G} decorated {R} with {O}.",
    "bestowed on": "{G} bestowed {O} on {R}.",
    "awarded dative": "{G} awarded {R} {O}.",
    "appointed to": "{G} appointed {R} to {O}.",
    "highest honour apposition": "{G} awarded {R} the country's highest honour, {O}.",
    "decorated his guest": "{G} met {R} on Monday. {Gs} decorated his guest with {O}.",
    "conferred by apposition": "{O} was conferred on {R} by the visiting leader, {Gn}.",
}

# Figurative or non-gift give and receive: no gift at all.
NEGATIVE = {
    "warm welcome": "{G} gave {R} a warm welcome.",
    "taste of": "{G} gave {R} a taste of the local cuisine.",
    "assurances": "{G} gave {R} assurances on trade.",
    "assurances to": "{G} gave assurances to {R}.",
    "speech": "{G} gave a speech in honour of {R}.",
    "go-ahead": "{G} gave {R} the go-ahead for the pipeline.",
    "phone call": "{R} received a phone call from {G}.",
    "visit": "{R} received a visit from {G}.",
    "criticism": "{R} received criticism from {G}.",
    "received at the palace": "{R} received {G} at the palace.",
    "revised draft": "{G} gave {R} a revised draft of the communique.",
    "own account": "{G} gave {R} his own account of the talks.",
    "reading": "{G} gave {R} a gloomy reading of the economy.",
    "state banquet": "{G} gave a state banquet for {R}.",
    "guard of honour": "{R} was given a guard of honour by {G}.",
    "tour": "{G} gave {R} a tour of the palace.",
    "hard time": "{G} gave {R} a hard time over tariffs.",
    "letter": "{R} received a letter from {G}.",
    "plan": "{G} presented {R} with a plan for the border.",
    "legitimacy": "{G} gave {R} legitimacy on the world stage.",
    "decorated the hall": "{G} decorated the hall with flowers before {R} arrived.",
    "appointed to a commission": "{G} appointed {R} to the commission.",
    "brought an end": "{G} brought an end to the dispute with {R}.",
    "gift from a state": "{R} received a carpet from Azerbaijan.",
    "gift to a museum": "{G} gave the museum a painting after meeting {R}.",
    "gave an order": "{G} gave an order to his aides after meeting {R}.",
    "maker is no giver": "{R} admired a silk scarf handwoven by {G}.",
    "sent troops": "{G} sent troops to the border after meeting {R}.",
    "sent an envoy": "{G} sent an envoy to {R}.",
    "letter sent by": "A letter sent by {G} to {R} has arrived in the capital.",
    "older gift outside the meeting": "{G} met {R} on Monday. The talks covered trade and "
    "energy. In 1984, US President Ronald Reagan received a baby elephant on the lawn.",
}

# The positive twin's sentence, negated or unrealised: no gift.
MODAL = {
    "refused to give": "{G} refused to give {R} {I}.",
    "did not give": "{G} did not give {R} {I}.",
    "hopes to give": "{G} hopes to give {R} {I}.",
    "will present": "{G} will present {R} with {I} next week.",
}


def _fill(template, pair, **kw):
    g, gs, r, rs = pair
    return template.format(G=g, Gs=gs, R=r, Rs=rs, Gn=_full(g), Rn=_full(r), **kw)


def _cap(text):
    return text[0].upper() + text[1:]


TITLES = (
    "Japanese Prime Minister", "Australian Prime Minister", "Indian Prime Minister",
    "US President", "French President", "German Chancellor", "Russian President",
    "Chinese President", "Turkish President", "Italian Prime Minister", "Brazilian President",
    "South African President", "British Prime Minister",
)  # fmt: skip


def _full(name):
    """The person's name as the extraction gives it: without the title."""
    for title in TITLES:
        if name.startswith(title + " "):
            return name[len(title) + 1 :]
    return name


def _cases():
    cases = []
    for pi, pair in enumerate(PAIRS):
        g, r = _full(pair[0]), _full(pair[2])
        for name, template in PLAIN.items():
            for written, item in (ITEMS[pi % len(ITEMS)], ITEMS[(pi + 3) % len(ITEMS)]):
                last = SHORT[item]
                text = _fill(template, pair, I=written, I_cap=_cap(written), last=last)
                cases.append((f"plain/{name}/{pair[1]}/{item}", text, {(g, r, item)}))
        for name, template in HONOUR_TEMPLATES.items():
            written, item = HONOURS[pi % len(HONOURS)]
            text = _fill(template, pair, O=written)
            cases.append((f"honour/{name}/{pair[1]}", _cap(text), {(g, r, item)}))
        for name, template in NEGATIVE.items():
            cases.append((f"figurative/{name}/{pair[1]}", _fill(template, pair), set()))
        for name, template in MODAL.items():
            text = _fill(template, pair, I=ITEMS[pi % len(ITEMS)][0])
            cases.append((f"modal/{name}/{pair[1]}", text, set()))
        (w1, i1), (w2, i2) = ITEMS[pi % len(ITEMS)], ITEMS[(pi + 1) % len(ITEMS)]
        exchanges = {
            "reciprocated with": "{G} sent {I1} to {R}, who reciprocated with {I2}.",
            "two clauses": "{G} gave {R} {I1} and {Rs} gave {Gs} {I2}.",
            "in return": "{G} gave {R} {I1}; in return, {Rs} presented {Gs} with {I2}.",
            "exchanged gifts colon": "{G} met {R} on Monday. The two leaders exchanged gifts: "
            "{Gs} gave {Rs} {I1}, while {Rs} gave {Gs} {I2}.",
            "relative who": "{G} presented {I1} to {R}, who gave {Gs} {I2} in return.",
        }
        for name, template in exchanges.items():
            text = template.format(G=pair[0], Gs=pair[1], R=pair[2], Rs=pair[3], I1=w1, I2=w2)
            cases.append((f"exchange/{name}/{pair[1]}", text, {(g, r, i1), (r, g, i2)}))
        cases.append(
            (
                f"couple/unnamed wife/{pair[1]}",
                _fill("{G} and his wife gave {R} {I}.", pair, I=w1),
                {(g, r, i1)},
            )
        )
    return cases


# Spouses: (host, his wife, 'Mrs X', guest)
COUPLES = [
    ("US President Joe Biden", "Jill Biden", "Mrs Biden", "Indian Prime Minister Narendra Modi"),
    ("French President Emmanuel Macron", "Brigitte Macron", "Mrs Macron",
     "Japanese Prime Minister Fumio Kishida"),
    ("US President Barack Obama", "Michelle Obama", "Mrs Obama",
     "British Prime Minister Gordon Brown"),
]  # fmt: skip


def _list_cases():
    """Several items in one sentence: 'together with' and a trailing ', and a Y'."""
    cases = []
    for pair in PAIRS:
        g, r = _full(pair[0]), _full(pair[2])
        text = _fill(
            "{G} met {R} on Friday. The guest was given a mosaic of the old city by his "
            "host, together with a signed copy of his new book, and a copy of his first novel.",
            pair,
        )
        items = {"mosaic of the old city", "signed copy of his new book", "copy of his first novel"}
        cases.append((f"list/together with/{pair[1]}", text, {(g, r, i) for i in items}))
        twin = _fill(
            "{G} met {R} on Friday. The guest was given a warm welcome by his host, together "
            "with a tour of the old city.",
            pair,
        )
        cases.append((f"list/together with negative/{pair[1]}", twin, set()))
    return cases


def _couple_cases():
    cases = []
    for host, wife, mrs, guest in COUPLES:
        h, gst = _full(host), _full(guest)
        intro = f"{host} and his wife, {wife}, welcomed {guest} on Tuesday. "
        short = gst.split()[-1]
        cases.append(
            (
                f"couple/to Mrs/{short}",
                intro + f"To {mrs}, {short} gave a green diamond.",
                {(gst, wife, "green diamond")},
            )
        )
        cases.append(
            (
                f"couple/wife named recipient/{short}",
                intro + f"{short} gave a silk scarf to {h.split()[-1]} and a silver brooch to "
                f"his wife, {wife}.",
                {(gst, h, "silk scarf"), (gst, wife, "silver brooch")},
            )
        )
        family = h.split()[-1] + "s"
        # issue 11: a couple giving together is one gift, from the office-holder
        cases.append(
            (
                f"couple/the family name/{short}",
                intro + f"The {family} gave {short} a vintage camera.",
                {(h, gst, "vintage camera")},
            )
        )
        cases.append(
            (
                f"couple/the family name receives/{short}",
                intro + f"{short} gave the {family} a lacquered tray.",
                {(gst, h, "lacquered tray")},
            )
        )
        cases.append(
            (
                f"couple/both named give/{short}",
                f"{host} and {wife} gave {guest} a hand-painted fan.",
                {(h, gst, "hand-painted fan")},
            )
        )
        # the twin: the spouse's own gift stays hers
        cases.append(
            (
                f"couple/spouse's own gift/{short}",
                intro + f"{wife} gave {short} a hand-painted fan.",
                {(wife, gst, "hand-painted fan")},
            )
        )
    return cases


CASES = _cases() + _couple_cases() + _list_cases()
# Known gaps, kept visible: both are people resolution, not the gift rules.
SPOUSE = "a surname shared by spouses resolves to the last named"
UNTITLED = "a name without its title is tagged as an organisation and is no person"
KNOWN_GAPS = {
    "couple/wife named recipient/Brown": SPOUSE,
    "plain/role then name in apposition/Macron/thoroughbred Akhal-Teke horse": UNTITLED,
    "plain/role then name in apposition/Macron/grey horse named Storm": UNTITLED,
}


def _case(name, text, expected):
    """A known gap still runs: strict, so the day it passes the test says so."""
    if name in KNOWN_GAPS:
        mark = pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[name])
        return pytest.param(name, text, expected, id=name, marks=mark)
    return pytest.param(name, text, expected, id=name)


@pytest.mark.parametrize("name,text,expected", [_case(*c) for c in CASES])
def test_gift_capability(run, name, text, expected):
    ex = run(text)
    assert {(g.giver, g.recipient, g.item) for g in ex.gifts} == expected


# -- issue 11, second round: kinds seen on unseen news, in sentences written here ----------


def _check_kind_cases():
    """(name, text, expected gifts) per pair: item descriptions after a comma, a second
    giver's present to the same guest, a pronoun handed over, another occasion's gift."""
    cases = []
    for pair in PAIRS:
        g, r = _full(pair[0]), _full(pair[2])
        fill = {"G": pair[0], "Gs": pair[1], "R": pair[2], "Rs": pair[3]}
        cases += [
            (
                f"described/bearing/{pair[1]}",
                "{G}'s gift to {R} was a football shirt, bearing {Rs}'s name and the "
                "number 10.".format(**fill),
                {(g, r, f"football shirt bearing {pair[3]}'s name and the number 10")},
            ),
            (
                f"described/engraved/{pair[1]}",
                "{G} gave {R} a silver bowl, engraved with the date of the visit.".format(**fill),
                {(g, r, "silver bowl engraved with the date of the visit")},
            ),
            (
                f"described/quoted title/{pair[1]}",
                '{R} was given a mosaic by {G}, together with a copy of his memoirs, "Long '
                'Roads," and a copy of "Rivers of Home," a book of poems.'.format(**fill),
                {
                    (g, r, "mosaic"),
                    (g, r, 'copy of his memoirs "Long Roads"'),
                    (g, r, 'copy of "Rivers of Home'),
                },
            ),
            (
                f"described/predicate then apposition/{pair[1]}",
                "{G} met {R} on Monday. {Gs}'s present was a lacquered box, the finest work of "
                "the capital's craftsmen.".format(**fill),
                {(g, r, "lacquered box")},
            ),
            (
                f"another occasion/too/{pair[1]}",
                "{R} was presented with a white Arabian horse by {G} on Wednesday. On an earlier "
                "trip, too, {Gs} gave {Rs} a horse.".format(**fill),
                {(g, r, "white Arabian horse"), (g, r, "horse")},
            ),
            # the twin: a definite second mention is the same gift
            (
                f"another occasion/same gift named again/{pair[1]}",
                "{R} was presented with a white Arabian horse by {G} on Wednesday. {Gs} handed "
                "{Rs} the horse at the stables.".format(**fill),
                {(g, r, "white Arabian horse")},
            ),
            (
                f"pronoun handed over/{pair[1]}",
                "A pair of hunting dogs presented by {G} to {R} arrived on Monday. They were "
                "handed over at the border together with a bag of dog food.".format(**fill),
                {(g, r, "pair of hunting dogs")},
            ),
        ]
    return cases


LIST_AFTER_TITLE = "the parser hangs the last item under the title's apposition or the verb"
CHECK_KIND_GAPS = {
    "described/quoted title/Modi": LIST_AFTER_TITLE,
    "described/quoted title/Putin": LIST_AFTER_TITLE,
}


@pytest.mark.parametrize(
    "name,text,expected",
    [
        pytest.param(
            *c,
            id=c[0],
            marks=[pytest.mark.xfail(strict=True, reason=CHECK_KIND_GAPS[c[0]])]
            if c[0] in CHECK_KIND_GAPS
            else [],
        )
        for c in _check_kind_cases()
    ],
)
def test_gift_check_kinds(run, name, text, expected):
    ex = run(text)
    assert {(g.giver, g.recipient, g.item) for g in ex.gifts} == expected


# (first giver, second giver, guest): two hosts give to one guest, one after the other
TRIOS = [
    ("Mongolian Prime Minister Luvsannamsrain Oyun-Erdene", "Oyun-Erdene",
     "Mongolian President Ukhnaagiin Khurelsukh", "Khurelsukh",
     "Indian Prime Minister Narendra Modi", "Modi"),
    ("Japanese Prime Minister Fumio Kishida", "Kishida", "Emperor Naruhito", "Naruhito",
     "US President Joe Biden", "Biden"),
]  # fmt: skip


@pytest.mark.parametrize("trio", TRIOS, ids=[t[1] for t in TRIOS])
def test_a_second_hosts_present_goes_to_the_same_guest(run, trio):
    first, f, second, s, guest, gs = trio
    ex = run(
        f"{first} met {guest} on Monday. {f} gave {gs} a brown racehorse. {second}'s present "
        "was a two-stringed fiddle."
    )
    got = {(g.giver.split()[-1], g.recipient.split()[-1], g.item) for g in ex.gifts}
    assert (second.split()[-1], guest.split()[-1], "two-stringed fiddle") in got, got


# (older leader, later leader of the same state)
COMPATRIOTS = [
    ("US President George W. Bush", "US President Ronald Reagan"),
    ("French President Jacques Chirac", "French President Francois Mitterrand"),
]


@pytest.mark.parametrize("pair", COMPATRIOTS, ids=lambda p: p[0].split()[-1])
def test_no_gift_between_compatriots_guessed_from_the_sentence_before(run, pair):
    older, later = pair
    ex = run(
        f"{older} got a stuffed lion from Tanzania. In 1984, {later} received a baby elephant "
        "on the lawn when a foreign president visited."
    )
    assert ex.gifts == ()
