"""The day of a meeting mention when its own clause does not tell it plainly.

News dates an event in the clause that tells it ("met X on Tuesday"), but also:
- by the clause it hangs from: "stopped on Monday on the island of Y, where he met Z";
- by the sentence before: "X flew in on Sunday evening. Y greeted him on the tarmac";
- by a day told earlier in the same sentence: "on March 31 he met A and B, who had
  met each other the night before".
And a trip's day is not its purpose's: "flew in on Sunday for the summit" tells
when the traveller arrived, not when the summit met.
"""

from __future__ import annotations

import datetime as dt

from . import dates
from .conflict import clause_verb
from .tags import AUX, NOUN, PROPN, VERB
from .text import kids, span_ents, span_tokens

# Verbs of going somewhere: their time is the journey's.
JOURNEY_LEMMAS = {"fly", "travel", "arrive", "come", "go", "head", "land", "jet", "leave"}
# Nouns naming the journey itself, whose day the journey's day is.
TRIP_WORDS = {"visit", "visits", "trip", "tour", "journey", "stay", "arrival"}
# Arrival ceremonies: a welcome, a greeting on the tarmac.
CEREMONY_LEMMAS = {"welcome", "greet", "embrace", "hug", "receive"}
ARRIVAL_LEMMAS = {"arrive", "fly", "land", "touch"}
OPENING_LEMMAS = {"open", "begin", "start"}


def purpose_of_journey(tok) -> bool:
    """'flew in on Sunday for the leaders' meeting', 'travelled to X for talks': the
    meeting is what the journey was for, so the journey's day is not its day."""
    if tok.pos not in (NOUN, PROPN) or tok.lower_ in TRIP_WORDS:
        return False
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for":
        return False
    verb = prep.head
    return verb.pos == VERB and verb.lemma_.lower() in JOURNEY_LEMMAS


def journey_days(meetings) -> None:
    """A meeting that no mention dates takes the day of the journey made for it ('flew
    to X on Tuesday for talks with Y'): the talks were that day or soon after, and a day
    told for the talks themselves wins."""
    for meeting in meetings:
        if meeting.date is None:
            days = [m.journey_day for m in meeting.mentions if m.journey_day]
            meeting.date = min(days) if days else None


def anchor_day(tok, sent, published: dt.date | None, fallback: dt.date | None):
    """The last day told in the trigger's sentence before it ('on March 31 he ..., who
    had met the night before'), else `fallback`: what 'the night before' counts from."""
    day = None
    for ent in span_ents(sent):
        if ent.label_ != "DATE" or ent.end > tok.i:
            continue
        day = dates.resolve(ent.text, published) or day
    return day or fallback


def arrival_day(tok, sents, sent_no: int, published: dt.date | None) -> dt.date | None:
    """An undated welcome or greeting right after a sentence telling the arrival, or the
    opening of the visit, on a day ('X flew in on Sunday evening. Y was waiting on the
    tarmac and embraced him'): the welcome is on the day of the arrival."""
    if tok.lemma_.lower() not in CEREMONY_LEMMAS or sent_no == 0:
        return None
    before = sents[sent_no - 1]
    for ent in span_ents(before):
        if ent.label_ not in ("DATE", "TIME") or dates.mentions_past(ent.text, published):
            continue
        verb = clause_verb(ent.root)
        if not _arrival(verb):
            continue
        day = dates.resolve(ent.text, published)
        if day is not None and (published is None or day <= published):
            return day
    return None


def _arrival(verb) -> bool:
    """'flew in', 'arrived in X', 'landed', or a clause opening the visit."""
    lemma = verb.lemma_.lower()
    if verb.pos == VERB and lemma in ARRIVAL_LEMMAS:
        return True
    return lemma in OPENING_LEMMAS and any(
        c.dep_ == "dobj" and c.lower_ in TRIP_WORDS for c in kids(verb)
    )


def lede_tells(lede, people, participants, code_for) -> bool:
    """Whether the lede tells the meeting: it names one of its participants, or the
    states of two of them acting ('Singapore and Malaysia yesterday settled ...')."""
    if any(set(people.pids(t)) & set(participants) for t in lede):
        return True
    countries = {people.get(p).country for p in participants} - {None}
    return len(countries & _states_named(lede, code_for)) >= 2


def _states_named(sent, code_for) -> set:
    """States a sentence names, by the words themselves (the tagger often misses a small
    state's name): 'Nauru', 'the Central African Republic', 'Saint Vincent and ...'."""
    doc, out, i = sent.doc, set(), sent.start
    while i < sent.end:
        if not doc[i].text[:1].isupper():  # the tagger may call a first-word state a noun
            i += 1
            continue
        for n in (4, 3, 2, 1):
            code = code_for(doc[i : min(i + n, sent.end)].text)
            if code:
                out.add(code)
                i += n - 1
                break
        i += 1
    return out


def lede_city(idx, people, meeting, published, elsewhere=()) -> list:
    """The city the lede places its event in ('... signed a communique in Beijing'), when
    the lede tells this meeting, the meeting has no city of its own and the city is in
    one participant's country; none within `elsewhere` (token ranges of other meetings'
    words: 'months after they met in Nairobi')."""
    from .countries import code_for
    from .places import CITY, classify

    if any(p.level == CITY for p in meeting.places) or len(idx.sents) <= idx.headline_sents:
        return []
    lede = idx.sents[idx.headline_sents]
    if not lede_tells(lede, people, meeting.participants, lambda t: code_for(t, published)):
        return []
    homes = {people.get(p).country for p in meeting.participants}
    for tok in lede:
        if any(tok.i in span for span in elsewhere):
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.ent_type_ == "GPE":
            place = classify(tok, published)
            # only a participant's own country: a third country named in the lede may be
            # another event's, and a host taken from it would give its country to leaders
            # whose own is not told
            if place is not None and place.level == CITY and place.country in homes:
                return [place]
    return []


# -- the setting told the sentence before ------------------------------------------------
#
# "On Monday, the president arrived in Hanoi. He met Prime Minister A at the government
# office." News tells where and when a leader is, then what the leader did there: the
# meeting told with no day (and no city) of its own takes those of the sentence before,
# when that sentence shows one of its participants going or being somewhere.

BEING_THERE_LEMMAS = JOURNEY_LEMMAS | {"visit", "tour", "reach", "spend", "stop", "be"}


def setting_before(meetings, idx, people, published) -> None:
    """Give meetings told without a day of their own the day, and without a city the city,
    of the sentence right before their first telling when it shows a participant arriving,
    travelling or being somewhere ('On Monday, X arrived in Y.  He met Z ...')."""
    for meeting in meetings:
        if meeting.date is not None or meeting.background or "call" in meeting.kinds:
            continue
        first = min(meeting.mentions, key=lambda m: m.trigger.i)
        sent_no = idx.sent_of[first.trigger.i]
        if sent_no - 1 < idx.headline_sents or _own_time(first.trigger, idx):
            continue
        setting = _where_and_when(idx.sents[sent_no - 1], meeting, people, published)
        if setting is None:
            continue
        day, city = setting
        own = [p for p in meeting.places if p.level and p.text and p.level < 2]
        if city is not None and own and own[0].text != city.text:
            continue  # "He met Z in Mombasa": another place, perhaps another day
        meeting.date = day
        if city is not None and not meeting.places:
            meeting.places = [city]
            meeting.host = meeting.host or city.country


def _own_time(trigger, idx) -> bool:
    from .meeting_time import _date_texts

    verb = trigger if trigger.pos in (VERB, AUX) else clause_verb(trigger)
    return bool(_date_texts(verb, idx))


def _where_and_when(sent, meeting, people, published):
    """(day, city or None) told for a participant's journey or stay in `sent`."""
    from .places import CITY, places_around

    for verb in (t for t in span_tokens(sent) if t.lemma_.lower() in BEING_THERE_LEMMAS):
        if verb.pos not in (VERB, AUX):
            continue
        subjects = {p for c in kids(verb) if c.dep_ == "nsubj" for p in people.refs(c)}
        if not subjects & set(meeting.participants):
            continue
        day = None
        for ent in span_ents(sent):
            if ent.label_ not in ("DATE", "TIME") or not _in_clause(ent.root, verb):
                continue
            if dates.mentions_past(ent.text, published) or dates.mentions_future(ent.text):
                return None  # "arrived in 2019": another occasion
            day = day or dates.resolve(ent.text, published)
        if day is None or (published is not None and day > published):
            continue
        cities = [p for p in places_around(verb, published) if p.level == CITY and p.text]
        if verb.lemma_.lower() == "be" and not cities:
            continue  # "He was upbeat on Monday": no stay told
        return day, (cities[0] if cities else None)
    return None


def _in_clause(tok, verb) -> bool:
    """Whether `tok` belongs to `verb`'s own clause (not to a clause below it)."""
    return clause_verb(tok) == verb
