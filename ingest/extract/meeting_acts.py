"""Meetings told by an act one leader does to another in person, with no meeting word.

- A welcome ceremony given: "X gave Y a ceremonial welcome", "accorded Y a red-carpet
  welcome", "Y was given a guard of honour by X", "Y received a warm welcome from X",
  "X rolled out the red carpet for Y".  The giver is the host; the ceremony is a visit.
  A welcome given to a thing ("gave a warm welcome to the decision"), a figurative one
  ("a warm welcome to the alliance") or one sent ("in a letter") is no meeting.
- Words said to a leader within a round of meetings: "X held a string of meetings with
  regional leaders. He told King Y that ..." (telling alone, "told reporters", "told Y
  in a letter", is no meeting; "told Y by phone" is a call).
- A text handed over in person at a named place: "X handed a revised draft to Y in Z".

Each act is judged on its own verb (see meeting_events.find_mentions).
"""

from __future__ import annotations

from . import dates
from .agreement_args import doc_kind
from .conflict import clause_verb, noun_asserted
from .gift_items import OCCASIONS, not_an_item
from .meeting_args import _agents, _objects, _refs, _subjects
from .meeting_time import _date_texts
from .meetings import _mention
from .places import places_around

# The verbs that give, accord or receive a welcome.
GIVE_VERBS = {"give", "accord", "extend", "offer", "receive", "get", "host", "hold", "roll", "lay",
              "throw"}  # fmt: skip
RECEIVING_VERBS = {"receive", "get"}  # "Y received a welcome from X": the subject is the guest
# Ceremonies of welcome: "a red-carpet welcome", "a guard of honour", "a 21-gun salute".
WELCOME_NOUNS = {"welcome", "reception", "guard", "salute", "carpet"}
# A meal given for a guest: "hosted a state banquet for Y", "gave a dinner in honour of Y".
MEAL_NOUNS = {"banquet", "dinner", "lunch", "luncheon", "breakfast", "feast"}
MEAL_GIVING = {"host", "give", "hold", "throw"}
# Words of acts done at a distance: "in a letter", "by phone", "in a televised address".
REMOTE_WORDS = {"letter", "message", "statement", "phone", "telephone", "video", "tweet",
                "cable", "telegram", "note", "post", "broadcast", "address", "call",
                "videolink", "videoconference", "email", "interview"}  # fmt: skip
LINE_WORDS = {"phone", "telephone", "video", "videolink", "videoconference", "call"}
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _ceremony(noun) -> bool:
    """A welcome ceremony noun: 'welcome', 'reception', 'salute', 'guard of honour',
    'honour guard', 'the red carpet', or a meal hosted for a guest."""
    word = noun.lower_
    if word in MEAL_NOUNS:
        return noun.head.lemma_.lower() in MEAL_GIVING
    if word == "guard":
        return any(c.lower_ in ("honour", "honor") for c in noun.subtree)
    if word == "carpet":
        return any(c.lower_ == "red" for c in noun.children)
    return word in WELCOME_NOUNS


def at_a_distance(verb) -> bool:
    """'told Y in a letter', 'welcomed Y in a televised address', 'by phone': the act
    reached its person without a meeting."""
    for prep in (t for t in verb.subtree if t.dep_ in ("prep", "agent")):
        if prep.lower_ not in ("in", "by", "via", "through", "over", "during"):
            continue
        if prep.head != verb and prep.head.head != verb:
            continue
        if any(o.dep_ == "pobj" and o.lemma_.lower() in REMOTE_WORDS for o in prep.children):
            return True
    return any(c.dep_ == "advmod" and c.lower_ in ("remotely", "virtually") for c in verb.children)


def _by_line(verb) -> bool:
    return any(
        prep.dep_ in ("prep", "agent")
        and prep.lower_ in ("by", "over", "on")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in LINE_WORDS for o in prep.children)
        for prep in verb.children
    )


def _figurative(noun, people) -> bool:
    """'a warm welcome to the alliance': a welcome into a body, not to a place."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if obj.ent_type_ not in PLACE_LABELS and not people.pids(obj):
                return True
    return False


MISREAD_WINDOW = 12  # tokens between a giving verb and the name misread as a verb


def _misread_name(verb, people):
    """'X gave Prime Minister Y a ceremonial welcome' with Y's name misread as a verb (and
    the sentence broken before it): the giving verb named before it, else None."""
    if not people.pids(verb):
        return None
    for i in range(verb.i - 1, max(-1, verb.i - MISREAD_WINDOW), -1):
        t = verb.doc[i]
        if t.lemma_.lower() in GIVE_VERBS and t.pos_ == "VERB":
            return t
        if t.pos_ in ("VERB", "AUX", "PUNCT") and not people.pids(t):
            return None
    return None


def _ceremonies(verb) -> list:
    """The ceremony nouns a verb gives: its object, or one the parser set beside the
    person given it ('gave Y a red-carpet welcome' with the welcome an apposition of Y)."""
    out = []
    for c in verb.children:
        if c.dep_ == "dobj" and _ceremony(c):
            out.append(c)
        elif c.dep_ in ("dative", "dobj"):  # or hung on the person given it
            out += [a for a in c.children if a.dep_ in ("appos", "dobj") and _ceremony(a)]
    return out


def _from(heads, people) -> list:
    return [
        p
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for o in c.children
        if o.dep_ == "pobj"
        for p in _refs(o, people)
    ]


def _to_whom(heads, people) -> list:
    """Persons a welcome is given to or for ('to Y', 'for Y', 'in honour of Y')."""
    out = []
    for prep in (c for head in heads for c in head.children if c.dep_ in ("prep", "dative")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if prep.lower_ in ("to", "for"):
                out += _refs(obj, people)
            elif prep.lower_ == "in" and obj.lower_ in ("honour", "honor"):
                out += _from_of(obj, people)
    return out


def _from_of(noun, people) -> list:
    """'in honour of Y': Y, also when the parser hangs 'of Y' on the verb."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.lower_ != "of":
        return []
    return [p for o in after.children if o.dep_ == "pobj" for p in _refs(o, people)]


def _inside_a_phrase(arg, people) -> bool:
    """'gave the plan of Y a welcome' with Y misread as the one given it: a name whose
    words (or some of them) are a preposition's object belongs to the phrase before it."""
    start = arg.left_edge.i
    if start > 0 and arg.doc[start - 1].pos_ == "ADP":
        return True
    own = set(people.pids(arg))
    return bool(own) and any(
        t.dep_ == "pobj" and t.head.pos_ == "ADP" and set(people.pids(t)) == own for t in arg.sent
    )


def _sides(verb, noun, people, misread) -> tuple:
    """(hosts, guests) of a welcome: the giver and the one given it."""
    if verb.lemma_.lower() in RECEIVING_VERBS:
        return _from((verb, noun), people), _subjects(verb, people)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        guests = [p for c in verb.children if c.dep_ == "nsubjpass" for p in _refs(c, people)]
        return _agents(verb, people) + _agents(noun, people), guests
    guests = [
        p
        for c in verb.children
        if c.dep_ in ("dative", "dobj") and not _inside_a_phrase(c, people)
        for p in _refs(c, people)
    ]  # "gave Y a welcome", also with Y parsed as a second object
    if misread:  # the persons named between the verb and the ceremony
        between = (verb.doc[i] for i in range(verb.i + 1, noun.i))
        guests += [p for t in between if not _inside_a_phrase(t, people) for p in people.pids(t)]
    return _subjects(verb, people), guests + _to_whom((verb, noun), people)


def welcome_given(idx, people, tok, published):
    """A welcome ceremony one leader gave another (see the module docstring); the giver
    hosts it.  `tok` is the verb that gives the ceremony (or the name misread as one)."""
    nouns = _ceremonies(tok) if tok.pos_ == "VERB" else []
    if not nouns:
        return None
    noun, verb = nouns[0], tok
    if tok.lemma_.lower() not in GIVE_VERBS:
        verb = _misread_name(tok, people)
        if verb is None:
            return None
    if verb.lemma_.lower() in ("roll", "lay") and noun.lower_ != "carpet":
        return None  # "laid a wreath", "rolled out a plan"
    if at_a_distance(verb) or at_a_distance(tok) or _figurative(noun, people):
        return None
    hosts, guests = _sides(verb, noun, people, misread=verb is not tok)
    guests = [p for p in dict.fromkeys(guests) if p not in hosts]
    if not hosts or not guests:
        return None
    m = _mention(idx, people, tok, hosts + guests, published, host_pids=hosts)
    if m is None:
        return None
    if not any(p.country for p in m.places):
        m.places += places_around(noun, published)
        m.host = m.host or next((p.country for p in m.places if p.country), None)
    m.kinds.add("visit")
    m.strong_hosts = list(dict.fromkeys(hosts))
    m.confidence = 0.8
    return m


# Words said or done to a leader face to face within a round of meetings: "told King Y
# that ...", "assured Y", "Y invited him to Egypt", "complimented Y on his tie".
TELL_VERBS = {"tell", "assure", "inform", "invite", "compliment", "thank", "promise"}
# A round of meetings the telling belongs to: "held a string of meetings with regional
# leaders", "a series of talks with Gulf leaders".
ROUND_NOUNS = {"meetings", "talks", "discussions"}
ROUND_WORDS = {"string", "series", "round", "flurry", "number", "day", "succession"}
ROUND_REACH = 3  # sentences back where the round may be told


def _listeners(verb, people) -> list:
    """Persons told: the object, or the name set beside its title ('told the emir of
    Qatar, Sheikh W, that ...', where the parser hangs the name on the country)."""
    out = []
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
        out += _refs(obj, people) or [
            p for t in obj.subtree if t.dep_ == "appos" for p in people.pids(t)
        ]
    for misread in (c for c in verb.children if c.pos_ == "PROPN" and c.i > verb.i):
        # "assured Barack Obama that ..." with the name misread as a preposition or an
        # adverbial of the verb
        if misread.dep_ == "prep":
            out += [p for o in misread.children if o.dep_ == "pobj" for p in _refs(o, people)]
        elif misread.dep_ in ("npadvmod", "advmod"):
            out += _refs(misread, people)
    return out


def first_telling(verb):
    """A second telling the parser hung inside the first one's clause ('told Y that there
    would be ..., and told Z that ...'): the first telling, whose subject and whose
    assertion it shares; else the verb itself."""
    head = verb
    while head.head != head and head.dep_ in ("conj", "ccomp"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) and head != verb:
            break
        head = head.head
        if head.lemma_ == verb.lemma_ and head.pos_ == "VERB":
            return head
    return verb


def _speakers(verb, people) -> list:
    return _subjects(verb, people) or _subjects(first_telling(verb), people)


def _a_round(noun) -> bool:
    """'a string of meetings', 'talks with regional leaders': several meetings, or talks
    with a group of leaders not named."""
    outer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if outer is not None and outer.lower_ in ROUND_WORDS:
        return True
    return any(
        p.dep_ == "prep"
        and p.lower_ == "with"
        and any(o.dep_ == "pobj" and o.tag_ == "NNS" for o in p.children)
        for p in noun.children
    )


def _round_of_meetings(idx, people, verb, persons):
    """The round of meetings one of `persons` held, told in the telling's sentence or
    the two before with no named counterpart ('a string of meetings with regional
    leaders', 'the summit'): (the noun, its holders), else None."""
    here = idx.sent_of[verb.i]
    for n in range(here, here - ROUND_REACH - 1, -1):
        if n < idx.headline_sents:
            break
        for tok in idx.sents[n]:
            if tok.lower_ not in ROUND_NOUNS or tok.pos_ != "NOUN" or not _a_round(tok):
                continue
            if _objects(tok, people, preps=("with", "between")) or not noun_asserted(tok):
                continue  # "talks with Y": a meeting of its own, not a round
            holder = clause_verb(tok)
            holders = set(_subjects(holder, people))
            holders = holders if persons is None else holders & set(persons)
            if holder != verb and holders:
                return tok, holders
    return None


def _object_pronoun_misread(verb, people, speakers) -> bool:
    """'Y invited him to Egypt' with 'him' read as Y: an object pronoun (not a reflexive)
    never stands for its own clause's subject."""
    return any(
        c.dep_ in ("dobj", "dative")
        and c.lower_ in ("him", "her")
        and set(people.refs(c)) <= set(speakers)
        for c in verb.children
    )


def told_in_meetings(idx, people, tok, published):
    """Words said to a leader within a round of meetings of the speaker or the one
    spoken to (module docstring); 'told Y by phone' is a call."""
    if tok.lemma_.lower() not in TELL_VERBS or tok.pos_ != "VERB":
        return None
    listeners, speakers = _listeners(tok, people), _speakers(tok, people)
    listeners = [p for p in listeners if p not in speakers]
    if not listeners and len(speakers) == 1 and _object_pronoun_misread(tok, people, speakers):
        # "Y invited him": him is the one holding the round of meetings Y was part of
        found = _round_of_meetings(idx, people, tok, None)
        listeners = sorted(found[1] - set(speakers)) if found else []
    if not listeners or len(speakers) != 1:
        return None
    if _by_line(tok):
        m = _mention(idx, people, tok, speakers + listeners, published)
        if m is not None:
            m.kinds.add("call")
        return m
    if at_a_distance(tok):
        return None
    found = _round_of_meetings(idx, people, tok, speakers + listeners)
    if found is None:
        return None
    occasion, _ = found
    m = _mention(idx, people, tok, speakers + listeners, published)
    if m is None:
        return None
    holder = clause_verb(occasion)
    if tok.lemma_.lower() == "invite":
        m.places, m.host = [], None  # "invited him to Egypt": where he is asked to come
    if m.date is None and not m.background:
        texts = _date_texts(holder, idx)
        m.date = next(filter(None, (dates.resolve(t, published) for t in texts)), None)
    if not m.places:  # the round's place, else the story's (see place_rounds)
        m.places = places_around(occasion, published) + places_around(holder, published)
        m.host = m.host or next((p.country for p in m.places if p.country), None)
        m.in_round = not m.places
    m.kinds.add("talks")
    m.confidence = 0.7
    return m


def place_rounds(meetings, first) -> None:
    """Meetings told only within a round of meetings with no place ('He told King Y
    ...') are held where the story's main meeting is, not at the home of the one told."""
    if first is None or not first.places:
        return
    for meeting in meetings:
        if meeting is not first and all(m.in_round for m in meeting.mentions):
            meeting.places = list(first.places)
            meeting.host = meeting.host or first.host


# Handing over: "handed a revised draft to Y", "presented his plan to Y", "gave Y a horse".
HAND_VERBS = {"hand", "present", "deliver", "submit", "give", "gift"}
GIVING = {"give", "gift"}  # giving tells a meeting only with a thing one can hand over
# Things handed over that are no meeting's business: power, credentials (an envoy's).
NOT_HANDED = {"power", "credentials", "resignation", "control", "authority", "report"}
# "at the opening ceremony", "at a festival": occasions one attends in person.
IN_PERSON_OCCASIONS = OCCASIONS | {"festival", "parade", "celebration", "gala", "lunch"}


def _named_place(verb, published) -> bool:
    """A place of the verb's own: a known place, a named building or site, or an occasion
    attended in person ('at the opening ceremony')."""
    if any(p.country for p in places_around(verb, published)):
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "at", "during")
        and clause_verb(prep) == verb  # also hung on the thing: "with a horse at a ceremony"
        and any(
            o.dep_ == "pobj" and (o.ent_type_ in PLACE_LABELS or o.lower_ in IN_PERSON_OCCASIONS)
            for o in prep.children
        )
        for prep in verb.subtree
    )


def _handed(verb, people) -> tuple:
    """(things, takers) of a handing: 'handed X to Y', 'gave Y X', 'presented Y with X'."""
    things, takers = [], []
    for c in verb.children:
        if c.dep_ == "dobj" and people.pids(c):
            takers += _refs(c, people)  # "presented Y with X"
            things += [o for p in c.children if p.lower_ == "with" for o in p.children]
            things += [o for p in verb.children if p.lower_ == "with" for o in p.children]
        elif c.dep_ == "dobj":
            things.append(c)
        elif c.dep_ == "dative" and people.pids(c):
            takers += _refs(c, people)
        elif c.dep_ in ("prep", "dative") and c.lower_ == "to":
            takers += [p for o in c.children if o.dep_ == "pobj" for p in _refs(o, people)]
    return things, takers


def handed_in_person(idx, people, tok, published):
    """A text or an object handed by one leader to another at a named place or an
    occasion of the handing's own ('handed a revised draft to Y in Z', 'gave Y a horse at
    a festival'); without a place, or sent ('through an envoy', 'in a letter'), no meeting
    is told."""
    lemma = tok.lemma_.lower()
    if lemma not in HAND_VERBS or tok.pos_ != "VERB":
        return None
    things, takers = _handed(tok, people)
    if not things or any(t.lemma_.lower() in NOT_HANDED for t in things):
        return None
    if lemma in GIVING and any(not_an_item(t) or doc_kind(t) for t in things):
        return None  # "gave Y his support", "gave Y a warning"
    givers = _subjects(tok, people)
    takers = [p for p in takers if p not in givers]
    if not givers or not takers or at_a_distance(tok) or _through(tok):
        return None
    if not _named_place(tok, published):
        return None
    m = _mention(idx, people, tok, givers + takers, published)
    if m is not None:
        m.confidence = 0.7
    return m


def _through(verb) -> bool:
    """'handed ... through an envoy', 'via the embassy': handed on by someone else."""
    return any(c.dep_ == "prep" and c.lower_ in ("through", "via") for c in verb.children)


def act_mention(idx, people, tok, published):
    """A meeting told by an act done to a leader in person (module docstring)."""
    return (
        welcome_given(idx, people, tok, published)
        or told_in_meetings(idx, people, tok, published)
        or handed_in_person(idx, people, tok, published)
    )
