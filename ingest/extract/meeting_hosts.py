"""Host and day of meetings told without them, taken from the rest of the story: a
travelling leader's trip, who was shown travelling, another meeting on the same day, or
the main meeting of the same occasion.  Used by meeting_events.
"""

from __future__ import annotations

from . import dates
from .conflict import clause_verb
from .leader_countries import TRAVEL_LEMMAS, TRIP_NOUNS, visitors
from .meeting_kinds import SIDELINE_WORDS, told_on_sidelines
from .places import CITY, places_around
from .tags import AUX, NOUN, PROPN, VERB
from .text import kids, sent_of, span_ents, span_tokens, subtree
from .when import JOURNEY_LEMMAS


def _trip_host(meetings, main, travelling) -> None:
    """A travelling leader's other main-story meetings with no place of their own are in the
    country the trip went to ('Abe ... also held talks with Premier Li')."""
    if main is None or not main.host:
        return
    guests = set(main.participants) & travelling
    for meeting in meetings:
        if meeting is main or meeting.background or meeting.host or meeting.places:
            continue
        if guests & set(meeting.participants) and "call" not in meeting.kinds:
            meeting.host = main.host


def _travellers_now(idx, people, published) -> set:
    """Persons shown travelling ('X arrived', "X's visit"), leaving out trips told with a
    past time ("X's visit to Delhi in January 2010", "X came in 1999")."""
    travelling = visitors(idx, people)
    out = set()
    if not travelling:
        return out
    for sent in idx.sents[idx.headline_sents :]:
        for tok in span_tokens(sent):
            if tok.lemma_.lower() in TRAVEL_LEMMAS and tok.pos == VERB:
                args, scope = [c for c in kids(tok) if c.dep_ == "nsubj"], kids(tok)
            elif tok.lower_ in TRIP_NOUNS and tok.pos == NOUN:
                # the trip's time may hang on its clause: "reciprocates X's visit in 2010"
                args, scope = [c for c in kids(tok) if c.dep_ == "poss"], [clause_verb(tok)]
            else:
                continue
            pids = {p for a in args for p in people.refs(a)} & travelling
            if not pids:
                continue
            starts = {t.i for c in scope for t in subtree(c)}
            if any(
                e.start in starts and dates.mentions_past(e.text, published)
                for e in span_ents(sent)
                if e.label_ == "DATE"
            ):
                continue
            out |= pids
    return out


def _received_host(main, people, travelling) -> None:
    """The main meeting told with no place: when some of its participants are shown
    travelling ('X arrived on Monday', "X's visit") and the others are not, it was held
    in the country of those who stayed at home."""
    if main is None or main.host or "call" in main.kinds or on_the_sidelines(main):
        return  # met on the margins of a gathering: nobody stayed at home
    if any(p.country for p in main.places):
        return  # a place of unknown country ("in Queenstown") tells no host
    guests = [p for p in main.participants if p in travelling]
    home = {
        people.get(p).country
        for p in main.participants
        if p not in travelling and people.get(p).country
    }
    away = {people.get(p).country for p in guests}
    if guests and len(home) == 1 and not home & away:
        main.host = home.pop()


def _same_day_host(meetings) -> None:
    """A main-story meeting with no host takes the host of another meeting of one of its
    participants on the same day (a visitor received by two hosts in one capital)."""
    for meeting in meetings:
        if meeting.host or meeting.background or meeting.date is None:
            continue
        for other in meetings:
            if other is meeting or not other.host or other.date != meeting.date:
                continue
            if set(other.participants) & set(meeting.participants) and not other.background:
                meeting.host = other.host
                break


DESCRIBING = ("relcl", "acl", "appos")


def _of_someone_described(tok, triggers) -> bool:
    """'met Y, the opposition leader who won the Dec. 1 vote': a time inside a clause or
    apposition describing someone, outside the meeting's own trigger clause, dates the
    description, not the meeting.  A journey told so ('X, who arrived on Thursday, also
    held talks with Y') still bounds the meeting's day."""
    while tok.head != tok:
        if tok.dep_ in DESCRIBING and not any(
            tok.left_edge.i <= t.i <= tok.right_edge.i for t in triggers
        ):
            return tok.lemma_.lower() not in JOURNEY_LEMMAS
        tok = tok.head
    return False


def _same_occasion(meeting, main) -> None:
    """An undated main-story meeting among the main meeting's own participants ('He and X
    first held talks on their own'), or a visitor's talks with another host told with no
    time expression and no place, happened on the main meeting's day, in its city."""
    if meeting is main or meeting.background or meeting.date is not None:
        return
    if ("call" in meeting.kinds) != ("call" in main.kinds):
        return  # a call told beside a visit is another occasion (see _call_and_visit)
    if any(m.same_day for m in meeting.mentions):
        meeting.date = main.date  # "who had held talks with him that morning"
        return
    sents = {sent_of(m.trigger) for m in meeting.mentions}
    triggers = [m.trigger for m in meeting.mentions]
    dated = [  # times that place the meeting ("on Monday", "last week"), not "since June"
        e
        for s in sents
        for e in span_ents(s)
        if e.label_ == "DATE"
        and not (e.start > 0 and e.doc[e.start - 1].lower_ == "since")
        and not _of_someone_described(e.root, triggers)
        and (dates.resolve(e.text, main.date) or dates.mentions_past(e.text, None))
    ]
    if not set(meeting.participants) <= set(main.participants):
        if "summit" in meeting.kinds and "summit" not in main.kinds:
            return  # a gathering larger than the visit is dated by its own words (_the_summit)
        # A visitor's undated talks with another host, told without any time expression.
        if dated or meeting.places or not set(meeting.participants) & set(main.participants):
            return
    if any(dates.mentions_past(e.text, None) for e in dated):
        return  # "Last week X flew to Kyiv to see Y": another occasion
    meeting.date = main.date
    meeting.host = meeting.host or main.host
    if not meeting.places:
        meeting.places = [p for p in main.places if p.level == CITY]


# -- meetings away from home -------------------------------------------------------------
#
# Two leaders meeting on the sidelines of a summit in a third country, or a visitor meeting
# another leader in a country the visitor travelled to, are both away from home: the host
# is the country they are in (SCHEMA: the country where it was held), never one of them
# for being the one "met".  When that country is not told, no host is guessed.

GATHERING_KINDS = {"summit", "multilateral"}
GATHERING_SIZE = 4  # this many leaders meeting at once is a gathering, whatever its words
# Verbs of going somewhere whose locative phrase is the destination.
DESTINATION_LEMMAS = {"arrive", "fly", "travel", "land", "visit", "come", "go", "head"}


def away_hosts(meetings, idx, people, published, travelling) -> None:
    """Meetings without a place of their own held away from every participant's home:
    told on the sidelines of a gathering, or with a participant shown travelling to one
    third country.  They take the country (and city) they were held in when the story
    tells it, and no host from a participant's nationality otherwise."""
    gathering = _the_gathering(meetings)
    for meeting in meetings:
        if meeting.host or meeting.places or meeting.background or "call" in meeting.kinds:
            continue
        if meeting is gathering or not meeting.participants:
            continue
        homes = {people.get(p).country for p in meeting.participants} - {None}
        venue = _destination(meeting, idx, people, published, travelling)
        sidelines = on_the_sidelines(meeting)
        if venue is None and gathering is not None and gathering.host not in homes:
            if sidelines or set(meeting.participants) & travelling:
                venue = next((p for p in gathering.places if p.level == CITY), None)
                venue = venue or _country_only(gathering.host)
        if venue is None and sidelines:
            venue = _gathering_told(meeting, idx, published)
        if venue is not None and venue.country and venue.country not in homes:
            meeting.host = venue.country
            meeting.places = [venue]  # a country alone is kept: no visit to the one met
        elif sidelines and venue is None:
            meeting.host_pids = []  # met on the margins: the one met is no host
            meeting.strong_hosts = []


def _country_only(code):
    from .places import Place

    return Place(None, 0, code, -1) if code else None


def _the_gathering(meetings):
    """The story's one summit or multilateral meeting with a known host, if there is one."""
    found = [
        m
        for m in meetings
        if (GATHERING_KINDS & m.kinds or len(m.participants) >= GATHERING_SIZE)
        and not m.background
        and m.host
    ]
    return found[0] if len(found) == 1 else None


def _destination(meeting, idx, people, published, travelling):
    """The one place the meeting's travelling participants are told going to in the story
    ('flew to Jakarta on Monday', 'arrived in Jakarta'), or None when none or several
    countries are told, or the journey is told with a past time."""
    movers = set(meeting.participants) & travelling
    if not movers:
        return None
    found = {}
    for sent in idx.sents[idx.headline_sents :]:
        for tok in span_tokens(sent):
            if tok.pos != VERB or tok.lemma_.lower() not in DESTINATION_LEMMAS:
                continue
            subjects = {p for c in kids(tok) if c.dep_ == "nsubj" for p in people.refs(c)}
            if not subjects & movers or _past_journey(tok, published):
                continue
            for place in places_around(tok, published):
                if place.country:
                    found.setdefault(place.country, place)
    if len(found) != 1:
        return None
    return next(iter(found.values()))


def _past_journey(verb, published) -> bool:
    return any(
        dates.mentions_past(e.text, published)
        for e in span_ents(sent_of(verb))
        if e.label_ == "DATE" and verb.left_edge.i <= e.start <= verb.right_edge.i
    )


def on_the_sidelines(meeting) -> bool:
    """Told on the margins of a gathering anywhere in a telling's clause ('met X on the
    sidelines', with the phrase hung on X or on the verb)."""
    if told_on_sidelines(meeting):
        return True
    for m in meeting.mentions:
        verb = m.trigger if m.trigger.pos in (VERB, AUX) else clause_verb(m.trigger)
        for tok in subtree(verb):
            if tok.lower_ in SIDELINE_WORDS and tok.dep_ == "pobj" and clause_verb(tok) == verb:
                return True
    return False


GATHERING_NOUNS = {"summit", "conference", "assembly", "forum"}


def _gathering_told(meeting, idx, published):
    """The place of the one gathering the story told up to the meeting ('Leaders gathered
    in Jakarta for the summit. ... A met B on the sidelines'), none told as past."""
    last = max(m.trigger.i for m in meeting.mentions)
    found = {}
    for tok in idx.doc[: last + 1]:
        if tok.lower_ not in GATHERING_NOUNS or tok.pos not in (NOUN, PROPN):
            continue
        if idx.sent_of[tok.i] < idx.headline_sents:
            continue
        if any(
            dates.mentions_past(e.text, published)
            for e in span_ents(sent_of(tok))
            if e.label_ == "DATE"
        ):
            continue
        for place in places_around(tok, published):
            if place.country and place.level == CITY:
                found.setdefault(place.country, place)
    return next(iter(found.values())) if len(found) == 1 else None
