"""The meeting rules as a table (see `rule_tables`), read by `meeting_events.find_mentions`.

Passes (`on`): `verb`, every verb of the body, read by `meetings._verb_mention` (which
hands trips, gatherings and "played host" to their own readers); `noun`, every event noun,
read by `meeting_nouns._noun_mention`; then, over the article, `lede` (the lede's event
referred back to later) and `attendance` (a roll call of a summit that joins no meeting).

A verb or noun rule is named by its trigger words (`triggers`: a verb's lemma, a noun's
form): the words of meeting_words, grouped by what they tell.  Its name is the one the
mention's evidence carries (`name_of`).  The last rule of each pass has no words: it names
a trigger word no row holds yet, which `tests/extract/test_rule_tables.py` rejects, so that
a new trigger word comes with its row.  A rule's confidence is the most it gives (one side
told only as a subject, a noun mention with one participant, the statistical screen of
`classifier` give less).
"""

from __future__ import annotations

from .meeting_attendance import add_attendance
from .meeting_echoes import did_the_same, returned_visit
from .meeting_events import _lede_mention
from .meeting_handovers import HAND_VERBS, handed_in_person
from .meeting_nouns import _noun_mention
from .meeting_tellings import TELL_VERBS, told_in_meetings
from .meeting_together import at_the_seat, visit_with_the_pair
from .meeting_welcomes import GIVE_VERBS, welcome_given
from .meeting_words import GATHERING_VERBS, HOST_VERBS, JOINT_VERBS, MEAL_VERBS, TOGETHER_VERBS
from .meetings import DEAL_VERBS, TRIP_VERBS, _verb_mention
from .rule_tables import Met, Rule, by_name, readers
from .tags import AUX, VERB

BIDEN, XI, MODI = "Joe Biden", "Xi Jinping", "Narendra Modi"
MACRON, SCHOLZ, MELONI = "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"
PAIR = Met((MACRON, SCHOLZ))
_BERLIN = " in Berlin on Monday."


def _verb_rule(name, pattern, words, examples, confidence=0.9) -> Rule:
    return Rule(name, pattern, confidence, _verb_mention, examples, triggers=frozenset(words))


def _noun_rule(name, pattern, words, examples, confidence=0.8) -> Rule:
    return Rule(
        name, pattern, confidence, _noun_mention, examples, on="noun", triggers=frozenset(words)
    )


MEETING_RULES = (
    _verb_rule(
        "meeting.meet",
        "'A met / saw B', 'A and B met'",
        {"meet", "see"},
        (
            (f"President {BIDEN} met President {XI} in Woodside on Wednesday.", Met((BIDEN, XI))),
            (f"President {BIDEN} saw Chancellor {SCHOLZ}" + _BERLIN, Met((BIDEN, SCHOLZ))),
        ),
    ),
    _verb_rule(
        "meeting.host",
        "'A hosted / received / welcomed / greeted B', 'B was received by A', 'A played host "
        "to B': A is the host",
        HOST_VERBS | {"play"},
        (
            (f"President {MACRON} hosted Chancellor {SCHOLZ} at the Elysee Palace.", PAIR),
            (
                f"President William Ruto was received by President {XI} in Beijing on Monday.",
                Met(("William Ruto", XI)),
            ),
            (f"President {MACRON} played host to Chancellor {SCHOLZ} in Paris on Monday.", PAIR),
        ),
    ),
    _verb_rule(
        "meeting.visit",
        "'A visited B' (B the host), 'A visited X to open a plant with B'",
        {"visit"},
        (
            (
                f"Prime Minister {MODI} visited President {BIDEN} at the White House on Thursday.",
                Met((MODI, BIDEN)),
            ),
        ),
    ),
    _verb_rule(
        "meeting.talk",
        "'A spoke / talked / conferred with B' (a conversation, not a speech)",
        {"talk", "speak", "confer"},
        (
            (f"President {BIDEN} spoke with President {XI} on Tuesday.", Met((BIDEN, XI))),
            (f"President {MACRON} conferred with Chancellor {SCHOLZ}" + _BERLIN, PAIR),
        ),
    ),
    _verb_rule(
        "meeting.discuss",
        "'A discussed X with B', 'A and B discussed X': leaders discussing with each other "
        "(a call when told by phone; not 'discussed X with reporters')",
        {"discuss"},
        (
            (
                f"President {MACRON} discussed railways with Chancellor {SCHOLZ}" + _BERLIN,
                PAIR,
            ),
        ),
    ),
    _verb_rule(
        "meeting.call",
        "'A called / phoned / dialled / telephoned / rang B', 'called on B' (not 'called X a "
        "liar', 'called for')",
        {"call", "phone", "dial", "telephone", "ring"},
        ((f"President {BIDEN} telephoned Chancellor {SCHOLZ} on Tuesday.", Met((BIDEN, SCHOLZ))),),
    ),
    _verb_rule(
        "meeting.hold",
        "'A held / had talks, a meeting, lunch with B' (the held noun an event)",
        {"hold", "have"},
        (
            (f"President {MACRON} held talks with Chancellor {SCHOLZ}" + _BERLIN, PAIR),
            (f"President {MACRON} had lunch with Chancellor {SCHOLZ}" + _BERLIN, PAIR),
        ),
    ),
    _verb_rule(
        "meeting.sign",
        "'A signed X with B', 'A and B signed X': leaders signing together met",
        {"sign"},
        ((f"President {MACRON} signed a defence pact with Chancellor {SCHOLZ}" + _BERLIN, PAIR),),
    ),
    _verb_rule(
        "meeting.deal",
        "'A and B reached / struck / sealed a deal in X': leaders settling a deal at a place",
        DEAL_VERBS,
        (
            (
                "President Vladimir Putin and President Recep Tayyip Erdogan reached a deal in "
                "Sochi on Monday.",
                Met(("Vladimir Putin", "Recep Tayyip Erdogan")),
            ),
        ),
    ),
    _verb_rule(
        "meeting.join",
        "'A joined B (in X)', 'A was joined by B, C and D'",
        {"join"},
        ((f"President {MACRON} joined Chancellor {SCHOLZ}" + _BERLIN, PAIR),),
    ),
    _verb_rule(
        "meeting.gather",
        "'leaders including A, B and C gathered / convened / assembled in X' (three or more)",
        GATHERING_VERBS,
        (
            (
                f"Leaders including President {BIDEN}, Chancellor {SCHOLZ} and President "
                f"{MACRON} gathered in Hiroshima on Friday.",
                Met((BIDEN, SCHOLZ, MACRON)),
            ),
        ),
    ),
    _verb_rule(
        "meeting.together",
        "'A and B opened / toured / inaugurated X (together)', 'cut the ribbon together': a "
        "joint act told with a place or as done together",
        TOGETHER_VERBS,
        (
            (
                f"President {MACRON} and Chancellor {SCHOLZ} opened a battery plant together in "
                "Kaiserslautern on Monday.",
                PAIR,
            ),
        ),
    ),
    _verb_rule(
        "meeting.joint",
        "'A and B oversaw / witnessed the signing' (two leaders, not each on their own)",
        JOINT_VERBS,
        (
            (
                f"President {MACRON} and Chancellor {SCHOLZ} oversaw the signing of energy "
                "agreements" + _BERLIN,
                PAIR,
            ),
        ),
    ),
    _verb_rule(
        "meeting.meal",
        "'A lunched / dined / breakfasted with B', 'A toasted B'",
        MEAL_VERBS | {"toast"},
        ((f"President {MACRON} lunched with Chancellor {SCHOLZ}" + _BERLIN, PAIR),),
    ),
    _verb_rule(
        "meeting.company",
        "'A shook hands / sat down / spent the day with B', 'A embraced B'",
        {"embrace", "shake", "sit", "spend"},
        (
            (f"President {MACRON} shook hands with Chancellor {SCHOLZ}" + _BERLIN, PAIR),
            (f"President {MACRON} and Chancellor {SCHOLZ} sat down together" + _BERLIN, PAIR),
        ),
    ),
    _verb_rule(
        "meeting.travel",
        "'A travelled to X to launch Y with B': a trip whose purpose is done with B is a "
        "visit to B",
        TRIP_VERBS,
        (
            (
                f"Prime Minister {MODI} travelled to Washington on Monday to launch a space "
                f"programme with President {BIDEN}.",
                Met((MODI, BIDEN)),
            ),
        ),
        confidence=0.8,
    ),
    Rule(
        "meeting.welcome_given",
        "'A gave B a ceremonial welcome / a guard of honour', 'B received a warm welcome from "
        "A', 'A hosted a state banquet for B': A hosts B's visit",
        0.8,
        welcome_given,
        (
            (
                f"President {MACRON} gave Chancellor {SCHOLZ} a ceremonial welcome in Paris on "
                "Monday.",
                PAIR,
            ),
        ),  # fmt: skip
        triggers=frozenset(GIVE_VERBS),
    ),
    Rule(
        "meeting.told_in_round",
        "'A held a string of meetings with regional leaders. He told B that ...', 'The "
        "meeting started at 10 a.m., where A told B ...': words said to a leader within a "
        "round of meetings or at a meeting told under way; 'told B by phone' is a call",
        0.7,
        told_in_meetings,
        (
            (
                f"President {MACRON} held a string of meetings with regional leaders in Paris on "
                f"Monday. He told Chancellor {SCHOLZ} that trade would grow.",
                PAIR,
            ),
            (
                f"The meeting started in Paris on Monday, where President {MACRON} told "
                f"Chancellor {SCHOLZ} that trade would grow.",
                PAIR,
            ),
        ),  # fmt: skip
        triggers=frozenset(TELL_VERBS),
    ),
    Rule(
        "meeting.handed_over",
        "'A handed a draft to B in X', 'A presented B with a horse at a ceremony': a thing "
        "handed over at a place of the handing's own",
        0.7,
        handed_in_person,
        ((f"President {MACRON} handed a revised draft to Chancellor {SCHOLZ}" + _BERLIN, PAIR),),
        triggers=frozenset(HAND_VERBS),
    ),
    Rule(
        "meeting.visit_with_the_pair",
        "'The two leaders set out targets when A visited B's capital': a visit told with what "
        "the two did then",
        0.7,
        visit_with_the_pair,
        (
            (
                f"President {MACRON} met Chancellor {SCHOLZ} in Paris on Monday. The two leaders "
                "first set out joint targets when Macron visited Berlin in 2019.",
                PAIR,
            ),
        ),  # fmt: skip
        triggers=frozenset({"pay", "make"}),
    ),
    Rule(
        "meeting.at_the_seat",
        "'A was at the White House, where President B said ...': a foreign leader at another's "
        "seat where that leader spoke",
        0.7,
        at_the_seat,
        (
            (
                f"Last week Chancellor {SCHOLZ} flew to Kyiv, and on Monday Scholz was in "
                f"Washington, where President {BIDEN} said the talks had gone well.",
                Met((SCHOLZ, BIDEN)),
            ),
        ),  # fmt: skip
        triggers=frozenset({"say"}),
    ),
    Rule(
        "meeting.visit_returned",
        "'B was received by A in 2015. A returned the visit the following year': the other way",
        0.7,
        returned_visit,
        (
            (
                f"Chancellor {SCHOLZ} was received by President {MACRON} in Paris in 2015. Macron "
                "returned the visit the following year.",
                PAIR,
            ),
        ),  # fmt: skip
        triggers=frozenset({"return", "reciprocate"}),
    ),
    Rule(
        "meeting.did_the_same",
        "'A travelled to X to meet B, and C did the same': C met B there",
        0.6,
        did_the_same,
        (
            (
                f"President {MACRON} travelled to Berlin in 2015 to meet Chancellor {SCHOLZ}, and "
                f"in 2019 Prime Minister {MODI} did the same.",
                Met((MODI, SCHOLZ)),
            ),
        ),  # fmt: skip
        triggers=frozenset({"do"}),
    ),
    _verb_rule("meeting.verb", "a meeting verb no row above holds", (), ()),
    _noun_rule(
        "meeting.talks",
        "'talks / discussions / negotiations / a conversation between A and B', 'A held "
        "talks with B', 'after the talks'",
        {
            "talks",
            "discussions",
            "discussion",
            "negotiations",
            "conversation",
            "interactions",
            "encounter",
        },  # fmt: skip
        (
            (
                f"The talks between President {MACRON} and Chancellor {SCHOLZ} in Berlin on "
                "Monday lasted two hours.",
                PAIR,
            ),
        ),
    ),
    _noun_rule(
        "meeting.meeting",
        "'a meeting / session between A and B', 'their meeting'",
        {"meeting", "meetings", "session", "sessions"},
        (
            (
                f"A meeting between President {MACRON} and Chancellor {SCHOLZ} took place"
                + _BERLIN,
                PAIR,
            ),
        ),
    ),
    _noun_rule(
        "meeting.summit",
        "'the summit was attended by A, B and C', 'the summit brought together A, B and C'",
        {"summit", "summitry"},
        (
            (
                f"The summit in Brussels on Monday was attended by President {MACRON}, "
                f"Chancellor {SCHOLZ} and Prime Minister {MELONI}.",
                Met((MACRON, SCHOLZ, MELONI)),
            ),
        ),
    ),
    _noun_rule(
        "meeting.trip",
        "'A's visit / trip / journey to B (or to B's country)', 'A paid a visit to B'",
        {"visit", "trip", "journey"},
        (
            (
                f"Prime Minister {MODI}'s visit to President {BIDEN} in Washington on Monday "
                "ended with a dinner.",
                Met((MODI, BIDEN)),
            ),
        ),
    ),
    _noun_rule(
        "meeting.phone_call",
        "'A received a call from B', 'a call between A and B'",
        {"call"},
        (
            (
                f"President {BIDEN} received a call from President Volodymyr Zelensky on Monday.",
                Met((BIDEN, "Volodymyr Zelensky")),
            ),
        ),
    ),
    _noun_rule(
        "meeting.news_conference",
        "'A said at a news conference with B': leaders appearing together met",
        {"conference"},
        (
            (
                f"President {BIDEN} said at a news conference with Chancellor {SCHOLZ} in "
                "Berlin on Monday that aid would continue.",
                Met((BIDEN, SCHOLZ)),
            ),
        ),
    ),
    _noun_rule(
        "meeting.in_attendance",
        "'A, B and C were in attendance (at the summit)': three or more at the occasion",
        {"attendance"},
        (
            (
                f"The summit opened in Brussels on Monday. President {MACRON}, Chancellor "
                f"{SCHOLZ} and Prime Minister {MELONI} were in attendance.",
                Met((MACRON, SCHOLZ, MELONI)),
            ),
        ),
        confidence=0.9,
    ),
    _noun_rule("meeting.event_noun", "an event noun no row above holds", (), ()),
    Rule(
        "meeting.lede",
        "the lede's event, its sentence no evidence ('A warned B in a call'), referred back "
        "to later by a definite event noun ('The call lasted an hour'): the lede's people",
        0.6,
        _lede_mention,
        (
            (
                f"President {BIDEN} warned President Vladimir Putin of severe sanctions in a "
                "telephone call on Saturday. The call lasted an hour.",
                Met((BIDEN, "Vladimir Putin")),
            ),
        ),
        on="lede",
    ),
    Rule(
        "meeting.attendance",
        "a roll call that joins no meeting ('A, B and C attended') after a summit or "
        "ceremony told just before: one meeting of everyone so told",
        0.7,
        add_attendance,
        (
            (
                f"A regional summit opened in Brussels on Monday. President {MACRON}, "
                f"Chancellor {SCHOLZ} and Prime Minister {MELONI} attended.",
                Met((MACRON, SCHOLZ, MELONI)),
            ),
        ),
        on="attendance",
    ),
)
RULES_BY_NAME = by_name(MEETING_RULES)
READERS = {on: readers(MEETING_RULES, on) for on in ("verb", "noun")}


def rule_for(on: str, tok) -> Rule:
    """The rule of a `verb` or `noun` trigger: the first row of its pass holding its word."""
    word = tok.lemma_.lower() if on == "verb" else tok.lower_
    return next(r for r in MEETING_RULES if r.on == on and (word in r.triggers or not r.triggers))


def rule_of(mention) -> Rule:
    """The rule a mention was read by: the one its reader named, else its trigger's."""
    if mention.rule:
        return RULES_BY_NAME[mention.rule]
    return rule_for("verb" if mention.trigger.pos in (VERB, AUX) else "noun", mention.trigger)
