"""Small tests on meeting triggers: is an event noun held or only planned, which noun
a verb holds, which measure phrase ('five hours of talks') an event noun sits in."""

from __future__ import annotations

from . import dates
from .conflict import absent_from, clause_verb, verb_asserted
from .meeting_args import MARGIN_NOUNS, ONE_BY_ONE_MODIFIERS
from .places import places_around
from .tags import ADJ, AUX, NOUN, PROPN, VERB
from .text import ents_between, hyphenated, kids, sent_of, subtree
from .when import JOURNEY_LEMMAS, TRIP_WORDS

HELD_NOUNS = {
    "talks",
    "meeting",
    "summit",
    "call",
    "conversation",
    "discussions",
    "session",
    "sessions",
    "meetings",
    "negotiations",
    "lunch",
    "dinner",
    "banquet",
    "bilaterals",  # "held bilaterals with A and B"
    "bilateral",
}
MODAL_WORDS = {"would", "will", "could", "might", "may", "should", "'d", "'ll", "wo"}
PLAN_WORDS = {"due", "set", "scheduled", "expected", "likely", "poised", "slated"}
NOT_HELD = {"no", "any", "future", "planned", "proposed", "next", "upcoming", "possible"}
MEASURE_NOUNS = {
    "hour",
    "hours",
    "day",
    "days",
    "minutes",
    "rounds",
    "round",
    "weeks",
    "night",
    "evening",
    "session",
    # "held a series of meetings with A, B and C": a round, each counterpart in turn
    *("series", "string", "flurry", "spate", "succession", "number"),
}


def held_noun(obj):
    """The event noun a verb holds: 'held talks', 'held five hours of talks', 'held a
    session of official talks' (the talks, which name the counterpart)."""
    if obj.lower_ in HELD_NOUNS and obj.lower_ not in MEASURE_NOUNS:
        return obj
    if obj.lower_ in MEASURE_NOUNS:
        for of in (c for c in kids(obj) if c.dep_ == "prep" and c.lower_ == "of"):
            inner = [c for c in kids(of) if c.dep_ == "pobj" and c.lower_ in HELD_NOUNS]
            if inner:
                return inner[0]
    return obj if obj.lower_ in HELD_NOUNS else None


def outer_noun(tok):
    """'after three hours of talks': the measure noun the event noun hangs off."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in MEASURE_NOUNS:
        return tok.head.head
    return tok


def is_planned(tok, published) -> bool:
    """'X is due in Moscow next month for a summit': a plan adjective or a future time in the
    trigger's clause."""
    verb = clause_verb(tok)
    if any(c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in PLAN_WORDS for c in kids(verb)):
        return True
    if _later_today(verb):
        return True
    if verb.dep_ == "acl" and verb.head.pos == NOUN:
        # "will attend a dinner hosted by X tonight": the event noun's own clause decides
        outer = clause_verb(verb.head)
        if outer.pos in (VERB, AUX) and (not verb_asserted(outer) or _later_today(outer)):
            return True
    outer = outer_noun(tok)
    if outer.dep_ == "pobj" and outer.head.lower_ == "of" and outer.head.head.lower_ == "ahead":
        return True  # "the talks come ahead of X's visit to Y in July": that visit is to come
    if _journey_under_way(outer):
        return True
    if verb.dep_ == "xcomp" and verb.head.pos == ADJ:
        # "he would be happy to meet X": a modal on the copula makes it hypothetical
        copula = verb.head.head
        if any(c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in kids(copula)):
            return True
    # Only the clause's own entities can hang off it, and a clause is within its sentence.
    sent = sent_of(verb)
    for ent in ents_between(tok.doc, sent.start, sent.end, overlapping=True):
        head = ent.root.head
        if head.dep_ == "prep":
            head = head.head
        if ent.label_ != "DATE" or head not in (verb, tok):
            continue  # only the clause's own adverbials, not "ahead of next week's summit"
        if dates.mentions_future(ent.text):
            return True
        day = dates.resolve(ent.text, published)
        if day and published and day > published:
            return True
    return False


MEAL_NOUNS = {"dinner", "banquet", "lunch", "luncheon", "reception", "breakfast", "gala",
              "supper", "feast"}  # fmt: skip
# "for the summit leaders", "in honour of the visiting heads of state": a group of guests
GROUP_NOUNS = {"leaders", "guests", "delegates", "delegations", "dignitaries", "heads",
               "participants", "presidents", "ministers", "visitors", "premiers"}  # fmt: skip


def for_a_group(verb) -> bool:
    """'attended a banquet hosted by A for the summit leaders', 'A hosted a dinner for the
    visiting heads of state': a meal given for a group of guests, where the host and any
    one guest had no meeting of their own."""
    meals = [verb.head] if verb.dep_ == "acl" else [c for c in kids(verb) if c.dep_ == "dobj"]
    for meal in (m for m in meals if m.lower_ in MEAL_NOUNS):
        holders = (verb, meal, meal.head) if meal.dep_ == "dobj" else (verb, meal)
        for prep in (c for h in holders for c in kids(h) if c.dep_ == "prep"):
            if prep.lower_ == "in":  # "in honour of"
                prep = next((g for o in kids(prep) for g in kids(o) if g.lower_ == "of"), prep)
            if prep.lower_ not in ("for", "of"):
                continue
            if any(o.dep_ == "pobj" and o.lower_ in GROUP_NOUNS for o in kids(prep)):
                return True
    return False


def welcomes_a_group(verb) -> bool:
    """'A welcomed B and other leaders at the memorial': a host greeting a group of guests,
    one of them named, had no meeting of their own with that one."""
    for obj in (c for c in kids(verb) if c.dep_ == "dobj"):
        for t in [obj, *obj.conjuncts]:
            if t.lower_ in GROUP_NOUNS and t.tag_ == "NNS":
                return True
    return False


# The rest of the publication day: "tonight", "this evening", "later today".
LATER_PARTS = {"evening", "night", "afternoon"}


def _later_today(verb) -> bool:
    """'hosts a dinner for B this evening', 'is hosting B tonight', 'will host B tonight':
    a time later on the day of publication, told in the present or future, is still to
    come ('hosted B last night', 'was received tonight' in the past tense are held)."""
    if verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in kids(verb)
    ):
        return False
    for t in subtree(verb):
        if not _in_clause(t, verb):
            continue
        if t.lower_ == "tonight" or (
            t.lower_ in LATER_PARTS and any(d.lower_ == "this" for d in kids(t))
        ):
            return True
        if t.lower_ == "today" and any(d.lower_ == "later" for d in kids(t)):
            return True
    return False


def _journey_under_way(noun) -> bool:
    """'X is travelling to Y for talks with Z', 'is making a trip to Y for a meeting with Z':
    a journey told in the present progressive is still going on, so the meeting it is
    for is still to come ('travelled to Y for talks' tells talks held)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    owner = noun.head.head
    if owner.pos == NOUN and owner.lower_ in TRIP_WORDS:
        owner = clause_verb(owner)  # "is making a trip to Y for ..."
    elif owner.lemma_.lower() not in JOURNEY_LEMMAS and not any(
        c.dep_ == "dobj" and c.lower_ in TRIP_WORDS for c in kids(owner)
    ):
        return False
    if owner.pos != VERB or owner.tag_ != "VBG":
        return False
    return any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in kids(owner))


def is_presupposed(tok) -> bool:
    """'pledged to stand together at a White House meeting': an event noun in a locative
    phrase happened if the finite verb above the infinitives is asserted."""
    outer = outer_noun(tok)
    if outer.dep_ != "pobj" or outer.head.lower_ not in ("at", "during", "after"):
        return False
    if any(c.dep_ in ("amod", "det") and c.lower_ in NOT_HELD for c in kids(tok)):
        return False
    if absent_from(tok):
        return False
    verb = clause_verb(outer.head)
    while verb.dep_ == "xcomp" and verb.head != verb:
        if any(c.dep_ == "dobj" for c in kids(verb.head)):
            return False  # "urged A and B to settle it at their meeting": theirs, to come
        verb = verb.head
    return verb.pos in (VERB, AUX) and verb_asserted(verb)


TOGETHER_WORDS = {"together", "jointly", "side", "shoulder", "hand"}  # side by side, hand in hand


def _each(verb) -> bool:
    """'A and B both visited X', 'each met X': the subjects acted separately."""
    return any(
        c.lower_ in ("both", "each", "separately")
        and c.dep_ in ("advmod", "preconj", "det", "nsubj", "dep", "npadvmod")
        and not any(g.lower_ == "other" for g in kids(c))
        for c in kids(verb)
    ) or any(
        g.lower_ in ("both", "each") and g.dep_ in ("preconj", "det", "appos")
        for c in kids(verb)
        if c.dep_ == "nsubj"
        for g in kids(c)
    )


def _done_together(verb, subs, objs, people, published) -> bool:
    """'A and B opened a plant in X', 'stood side by side at X', 'toured the site with B':
    two or more leaders (subjects, or a subject and a 'with' companion) doing one thing
    together, in person: told with a place, or as done together ('together', 'jointly',
    'side by side'); standing and walking need the latter ('stood by their positions')."""
    if len(set(subs) | set(objs)) < 2 or _each(verb):
        return False
    if any(c.dep_ == "prt" for c in kids(verb)):
        return False  # "laid out their positions", "stood down"
    near = (t for t in subtree(verb) if t.head == verb or t.head.head == verb)
    if any(t.lower_ in TOGETHER_WORDS for t in near):
        return True
    if verb.lemma_.lower() in ("stand", "walk", "cut", "turn", "press", "light"):
        return False
    return any(p.country for p in places_around(verb, published)) or any(
        t.dep_ == "pobj"
        and t.head.lower_ in ("in", "at")
        and (t.ent_type_ in ("GPE", "FAC", "LOC") or t.pos == PROPN and not people.pids(t))
        for t in subtree(verb)
    )  # "laid a wreath at the memorial in Verdun"


# "signed it in their respective capitals", "signed remotely": each signed where he was.
APART_WORDS = {"separately", "remotely", "individually", "independently", "virtually"}
APART_PLACES = {"respective", "own", "separate", "different"}
# "signed a joint letter to the UN": a letter is signed wherever each signer is.
SENT_DOCUMENTS = {"letter", "appeal", "op", "article", "petition"}


def signed_apart(verb) -> bool:
    """'A and B each signed the accord', 'signed it separately / in their respective
    capitals / by letter', 'signed an open letter': signatures that tell no meeting."""
    if _each(verb) or _each_of_subjects(verb) or _signed_where_each_was(verb):
        return True
    for c in kids(verb):
        if c.dep_ == "advmod" and c.lower_ in APART_WORDS:
            return True
        if c.dep_ == "dobj" and c.lemma_.lower() in SENT_DOCUMENTS:
            if not any(p.dep_ == "prep" and p.lower_ == "of" for p in kids(c)):
                return True  # "a letter of intent" is an instrument signed in person
    for c in (t for t in subtree(verb) if t.head == verb or t.head.head == verb):
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "from", "by", "via"):
            for o in (o for o in kids(c) if o.dep_ == "pobj"):
                if any(a.lower_ in APART_PLACES for a in kids(o)) or o.lower_ in (
                    "letter",
                    "mail",
                    "correspondence",
                    "post",
                ):
                    return True
    return False


def _each_of_subjects(verb) -> bool:
    """'A and B each signed' with 'each' hung inside the subject."""
    return any(
        t.lower_ == "each" and t.dep_ in ("appos", "advmod", "det", "dep", "npadvmod")
        for c in kids(verb)
        if c.dep_ == "nsubj"
        for t in subtree(c)
    )


def _signed_where_each_was(verb) -> bool:
    """'signed by A in X and by B in Y': two 'by' phrases, each with its own place."""
    bys = [t for t in subtree(verb) if t.lower_ == "by" and t.dep_ in ("agent", "conj", "prep")]
    if len(bys) < 2:
        return False
    places = {
        t.text
        for t in subtree(verb)
        if t.i > bys[0].i
        and t.dep_ == "pobj"
        and t.head.lower_ == "in"
        and (t.ent_type_ in ("GPE", "LOC") or t.pos == PROPN)
    }
    return len(places) >= 2


# Words that make a meeting of one with several one meeting of all of them.
ALL_TOGETHER = {"trilateral", "three-way", "four-way", "joint", "together", "jointly"}
MARGINS = MARGIN_NOUNS


# Words that tell a meeting with several as one with each: "bilateral meetings",
# "separate talks", "one-on-one talks", "met them separately / one-on-one".
ONE_BY_ONE = {"bilateral", "separate", "individual", "one-on-one", "one-to-one", "back-to-back"}
# A stretch of days the meetings were told over: "this week", "over the past two days",
# "during his visit", "in recent days" (one sitting is told on a day, not over a week).
ONE_BY_ONE_ADVERBS = ONE_BY_ONE_MODIFIERS
PERIOD_NOUNS = {"week", "weeks", "days", "weekend", "fortnight", "month", "months"}
STAY_NOUNS = {"visit", "trip", "tour", "stay", "summit", "visits", "forum", "conference",
              "assembly", "gathering"}  # fmt: skip
PERIOD_PREPS = {"over", "during", "throughout", "across", "in"}
PERIOD_DETS = {"this", "past", "recent", "last", "previous", "coming"}


def _separate_meetings(verb) -> bool:
    """'had bilateral meetings with A and B', 'held separate (one-on-one) talks with A and
    B', 'a series of meetings with A, B and C', 'met A, B and C separately', 'on the
    sidelines of the summit, X met A, B and C', 'had met A, B and C this week': one meeting
    with each (unless told as one: 'a trilateral meeting', 'together', 'jointly')."""
    for noun in _told_nouns(verb):
        if noun.lower_ in ("meetings", "bilaterals") or modified_one_by_one(noun):
            return True
    if any(t.lower_ in ALL_TOGETHER for t in subtree(verb)):
        return False
    if any(
        c.dep_ in ("advmod", "npadvmod") and hyphenated(c) in ONE_BY_ONE_ADVERBS for c in kids(verb)
    ):
        return True
    # 'on the sidelines' on the verb or (misparsed) on the last one met; 'separately' on
    # the verb, the held noun or the last one met
    if _over_a_period(verb) or any(
        (t.lower_ == "separately" or (t.lower_ in MARGINS and t.dep_ == "pobj"))
        and _in_clause(t, verb)
        for t in subtree(verb)
    ):
        return True
    # consulting several, or a tally of meetings up to now, unless at one event
    consulted = verb.lemma_.lower() in CONSULT_VERBS
    return (consulted or _a_tally(verb)) and not _at_a_joint_event(verb)


# "conferred with A of X, B of Y and C of Z": consulting is done with each in turn
CONSULT_VERBS = {"confer", "consult"}
# "met A and B at a trilateral summit / at a joint news conference": one sitting
JOINT_EVENTS = {"summit", "meeting", "session", "conference", "dinner", "lunch", "banquet"}


def _at_a_joint_event(verb) -> bool:
    """'conferred with A and B at a summit / at the meeting': one event holds them all."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "in")
        and any(o.dep_ == "pobj" and o.lower_ in JOINT_EVENTS for o in kids(c))
        for c in kids(verb)
    )


def modified_one_by_one(noun) -> bool:
    """'separate / individual / bilateral / one-on-one meetings': one meeting with each."""
    return any(
        a.dep_ in ("amod", "nummod", "compound") and hyphenated(a) in ONE_BY_ONE for a in kids(noun)
    )


def _told_nouns(verb) -> list:
    """The event nouns a verb tells its meetings with: its object ('held talks', 'held a
    series of meetings') and the 'in' phrase of the verb or of its object ('met A and B in
    separate meetings', 'held talks in separate meetings with A and B')."""
    objects = [held_noun(c) or c for c in kids(verb) if c.dep_ == "dobj"]
    out = list(objects)
    for head in (verb, *objects):
        for prep in (c for c in kids(head) if c.dep_ == "prep" and c.lower_ == "in"):
            out += [o for o in kids(prep) if o.dep_ == "pobj" and o.lower_ in HELD_NOUNS]
    return out


def _over_a_period(verb) -> bool:
    """'had met A, B and C this week', 'over the past two days', 'during his visit', 'in
    recent days': meetings told over a stretch of days were held one at a time (a
    pinpointed 'last week' or 'on Monday' tells no stretch)."""
    for c in kids(verb):
        if c.dep_ == "npadvmod" and c.lower_ in PERIOD_NOUNS:
            if any(d.lower_ == "this" for d in kids(c)):
                return True
        if c.dep_ != "prep" or c.lower_ not in PERIOD_PREPS:
            continue
        for o in (o for o in kids(c) if o.dep_ == "pobj"):
            if o.lower_ in PERIOD_NOUNS and (
                c.lower_ != "in" or any(d.lower_ in PERIOD_DETS for d in kids(o))
            ):
                return True
            if o.lower_ in STAY_NOUNS and c.lower_ in ("during", "throughout", "over"):
                return True
    return False


# "has already met", "has so far met", "has thus far met": a count of meetings up to now
TALLY_ADVERBS = {"already", "far"}


def _a_tally(verb) -> bool:
    """'has already met A, B and C', 'has met A, B and C since arriving / since Sunday /
    since he landed / so far': a perfect that counts the meetings held up to now tells
    them one at a time, not one sitting of all."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids(verb)):
        return False
    for c in kids(verb):
        if c.dep_ == "advmod" and c.lower_ in TALLY_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ == "since":
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in kids(c)):
            return True
    return False


CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp"}


def _in_clause(tok, verb) -> bool:
    """Whether a word belongs to the verb's own clause, not a clause under it."""
    while tok != verb:
        if tok.dep_ in CLAUSES or (tok.dep_ == "conj" and tok.head.pos in (VERB, AUX)):
            return False
        tok = tok.head
    return True


def _each_other(verb) -> bool:
    """'greeted each other', 'welcomed one another': the subjects to one another."""
    return any(c.dep_ == "dobj" and c.lower_ == "other" for c in kids(verb))


def _spoke_with(verb) -> bool:
    """Whether speaking is a conversation: with or to someone, or by phone."""
    for c in subtree(verb):
        if c.head == verb and c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to"):
            return True
        if c.lower_ in ("other", "another", "phone", "telephone", "video"):
            return True  # "spoke to each other", "both spoke by phone"
    return False


def _calls_a_name(verb, people) -> bool:
    """'called X a liar' (however parsed): a common noun predicated of the person called;
    'X, as many call their president'."""
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids(verb)):
        return True
    passive = any(c.dep_ == "nsubjpass" for c in kids(verb))
    for c in kids(verb):
        if c.dep_ in ("oprd", "xcomp", "ccomp") and (passive or not people.pids(c)):
            return True  # "is often called the 'X of the South'"
        if c.dep_ in ("dobj", "oprd") and people.pids(c):
            if any(g.dep_ in ("dobj", "attr", "oprd") and g.pos == NOUN for g in kids(c)):
                return True
    return False


def _infinitive_below(verb) -> bool:
    """'called on X to release ...': a to-infinitive in the clause makes it an appeal."""
    return any(
        t.pos in (VERB, AUX) and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t))
        for t in subtree(verb)
    )


# Words of acts done at a distance: "in a letter", "by phone", "in a televised address".
REMOTE_WORDS = {"letter", "message", "statement", "phone", "telephone", "video", "tweet",
                "cable", "telegram", "note", "post", "broadcast", "address", "call",
                "videolink", "videoconference", "email", "interview"}  # fmt: skip
LINE_WORDS = {"phone", "telephone", "video", "videolink", "videoconference", "call"}
PLACE_LABELS = ("GPE", "LOC", "FAC")


def at_a_distance(verb) -> bool:
    """'told Y in a letter', 'welcomed Y in a televised address', 'by phone': the act
    reached its person without a meeting."""
    for prep in (t for t in subtree(verb) if t.dep_ in ("prep", "agent")):
        if prep.lower_ not in ("in", "by", "via", "through", "over", "during"):
            continue
        if prep.head != verb and prep.head.head != verb:
            continue
        if any(o.dep_ == "pobj" and o.lemma_.lower() in REMOTE_WORDS for o in kids(prep)):
            return True
    return any(c.dep_ == "advmod" and c.lower_ in ("remotely", "virtually") for c in kids(verb))


def _by_line(verb) -> bool:
    return any(
        prep.dep_ in ("prep", "agent")
        and prep.lower_ in ("by", "over", "on")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in LINE_WORDS for o in kids(prep))
        for prep in kids(verb)
    )
