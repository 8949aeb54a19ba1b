"""Meetings as events: mentions found in the body, merged into one candidate per real
event, completed from the rest of the article, and finished into plain values.

Mentions with the same participants merge unless they are background and main-story,
their dates are more than MAX_VISIT_DAYS apart (or "met again"), or their host
countries or cities disagree; a one-person visit ("Kim's visit to Russia") joins the
meeting its visitor takes part in.  The first main-story meeting is then completed
from the lede (its day), the dateline (host and city) and the article's own words for
it ("the summit", "state visit"); undated meetings of the same occasion share its
day (meeting_hosts); a visitor's other meetings are talks; a greeting told within
another meeting is part of it (meeting_parts).
"""

from __future__ import annotations

from dataclasses import replace

from . import dates, when
from .companions import add_companions, add_witnesses
from .conflict import body_sents, clause_verb, is_conflict, noun_asserted, verb_asserted
from .countries import code_for
from .gatherings import absorb_misread_background
from .leader_countries import host_of, visitors
from .meeting_args import _spouse
from .meeting_attendance import add_attendance
from .meeting_checks import is_planned, is_presupposed
from .meeting_hosts import (
    _received_host,
    _same_day_host,
    _same_occasion,
    _travellers_now,
    _trip_host,
    away_hosts,
)
from .meeting_kinds import (
    article_kinds,
    kind_of,
    mention_kinds,
    place_of,
    secondary_talks,
    settled_kinds,
    sideline_dates,
)
from .meeting_lede import ends_then, lede_trigger, referred_date
from .meeting_nouns import NOUN_READ
from .meeting_parts import _absorb_parts
from .meeting_tellings import first_telling, place_rounds
from .meeting_time import _after_since as after_since
from .meeting_visits import travel_visits
from .meetings import MAX_VISIT_DAYS, Meeting, Mention
from .occasion_presence import absorb_retold_signings
from .places import CITY, classify, dateline_place, here_places, places_around
from .results import MeetingSetting
from .tags import NOUN, PROPN, VERB
from .text import kids, sent_of, span_ents, span_tokens, token_pos, token_texts


def find_mentions(idx, people, published) -> list:
    """All asserted meeting mentions in the article body, in order.  Conflict is judged on
    the trigger's own predicate ("met X to discuss the war" is a meeting, "accused X" is
    not), not on the words of its sentence."""
    out = []
    idx.last_date = None
    idx.cache["meeting_mentions"] = out  # the mentions so far, for those referring back
    pos, texts, doc = token_pos(idx.doc), token_texts(idx.doc), idx.doc
    for sent in body_sents(idx):
        for i in range(sent.start, sent.end):
            if pos[i] == "VERB":
                tok = doc[i]
                m = _read("verb", idx, people, tok, published)
                # a second telling the parser hung in the first's clause shares its assertion
                ok = m is not None and verb_asserted(first_telling(tok))
            elif pos[i] in ("NOUN", "PROPN") and texts[i].lower() in NOUN_READ:
                tok = doc[i]
                m = _read("noun", idx, people, tok, published)
                ok = m is not None and (noun_asserted(tok) or is_presupposed(tok))
            else:
                continue
            if ok and not is_conflict(tok) and not is_planned(tok, published):
                _there(m, out[-1] if out else None, idx)
                _joined_them(m, out[-1] if out else None, idx)
                _they_of_the_clause(m, out[-1] if out else None)
                out += _one_call_each(m)
    out += _lede_mention(idx, people, published, out)
    return sorted(out, key=lambda m: m.trigger.i)


def _read(on, idx, people, tok, published):
    """What the first of a pass's readers (`meeting_rules.READERS`) that reads the token
    finds.  The table imports this module's readers, so it is looked up here, late."""
    from .meeting_rules import READERS

    for read in READERS[on]:  # a plain loop: this runs on every verb and noun of the body
        found = read(idx, people, tok, published)
        if found:
            return found
    return None


def _one_call_each(m) -> list:
    """A caller who phoned several persons made one call to each (and a person whom several
    'both visited' had one visit from each)."""
    if m.caller is None:
        return [m]
    return [
        replace(
            m,
            participants=[m.caller, p],
            caller=None,
            host_pids=[h for h in m.host_pids if h in (m.caller, p)],
            strong_hosts=[h for h in m.strong_hosts if h in (m.caller, p)],
        )
        for p in m.participants
        if p != m.caller
    ]


def _joined_them(m, previous, idx) -> None:
    """'... and C and D joined them for a summit': 'them' are the previous meeting's people
    (told in the same or the previous sentence)."""
    verb = m.trigger if m.trigger.pos == VERB else clause_verb(m.trigger)
    if previous is None or verb.lemma_.lower() != "join":
        return
    if not any(c.dep_ == "dobj" and c.lower_ in ("them", "us") for c in kids(verb)):
        return
    if idx.sent_of[m.trigger.i] - idx.sent_of[previous.trigger.i] > 1:
        return
    m.participants = list(dict.fromkeys(previous.participants + m.participants))


# Plural subjects that stand for everyone the governing clause names.
ALL_OF_THEM = {"they", "leaders", "all"}


def _they_of_the_clause(m, previous) -> None:
    """'A hosted B, C and D on the lawn, where they signed the accord': 'they' in a clause
    under the previous meeting's trigger are all its people, not the pair a plural is
    otherwise read as."""
    if previous is None or len(previous.participants) <= len(m.participants):
        return
    head = previous.trigger
    if not (head.left_edge.i <= m.trigger.i <= head.right_edge.i) or m.trigger.i <= head.i:
        return
    subjects = [c for c in kids(m.trigger) if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.lower_ not in ALL_OF_THEM for s in subjects):
        return
    if any(c.dep_ == "nummod" for s in subjects for c in kids(s)):
        return  # "the two leaders then signed": a count of their own
    if set(m.participants) <= set(previous.participants):
        m.participants = list(previous.participants)


def _there(m, previous, idx) -> None:
    """'He was received there by X': 'there' is the previous sentence's meeting place, and
    the occasion (its time, background or not) is that meeting's."""
    if previous is None or m.places or m.date or m.background:
        return  # "who met Y there in 1962": a time of its own tells another occasion
    if not any(c.lower_ == "there" for c in kids(m.trigger)):
        return
    sent = sent_of(m.trigger)
    named = [classify(t, None) for t in sent[: m.trigger.i - sent.start] if t.ent_type_ == "GPE"]
    named = [p for p in named if p is not None and p.level == CITY]
    if named:  # "the first to visit Bonn was X, who met Y there": 'there' is Bonn
        m.places = named[-1:]
        m.host = m.host or named[-1].country
        return
    if idx.sent_of[previous.trigger.i] != idx.sent_of[m.trigger.i] - 1 or not previous.places:
        return
    m.places = list(previous.places)
    m.host = m.host or previous.host
    m.background = previous.background
    m.date = previous.date


def _lede_mention(idx, people, published, found) -> list:
    """The lede's event referred back to later (see meeting_lede)."""
    hit = lede_trigger(idx, people, {idx.sent_of[m.trigger.i] for m in found})
    if hit is None:
        return []
    lede, parts, tok = hit
    parts = [p for p in parts if not _spouse(p, people, lede)]  # "X and his wife Y met Z"
    if len(parts) < 2:
        return []
    m = Mention(parts, tok, mention_kinds(tok, idx.sent(tok)) | mention_kinds(lede.root, lede))
    m.places = places_around(tok, published)
    m.host = next((p.country for p in m.places if p.country), None)
    m.date = next(
        (dates.resolve(e.text, published) for e in span_ents(lede) if e.label_ == "DATE"), None
    )
    m.confidence = 0.6
    m.rule = "meeting.lede"
    return [m]


def _city(places) -> str | None:
    return next((p.text for p in places if p.level == CITY), None)


# Triggers that tell leaders in one room: such a mention and a phone call are two events.
IN_PERSON_LEMMAS = {"meet", "visit", "host", "receive", "welcome", "greet", "embrace", "shake",
                    "dine", "lunch", "breakfast", "hug", "kiss", "tour", "trip"}  # fmt: skip


def _in_person(m: Mention) -> bool:
    if "call" in m.kinds:
        return False
    return m.trigger.lemma_.lower() in IN_PERSON_LEMMAS or bool(m.kinds & {"visit", "summit"})


def _call_and_visit(meeting: Meeting, m: Mention) -> bool:
    """'X met Y at the Kremlin ... After his call with Y': a call and an in-person
    meeting of the same leaders are two events."""
    if "call" in m.kinds:
        return any(_in_person(o) for o in meeting.mentions)
    return _in_person(m) and any("call" in o.kinds for o in meeting.mentions)


def _host_side(x, people) -> str | None:
    """The country a meeting or mention is held in: its place's, else its host's (the one
    who received, hosted or welcomed the other)."""
    if x.host or people is None or not x.strong_hosts:
        return x.host
    return people.get(x.strong_hosts[0]).country


def _compatible(meeting: Meeting, m: Mention, people=None) -> bool:
    if meeting.background != m.background:
        return False
    if _call_and_visit(meeting, m):
        return False
    if meeting.date and m.date and meeting.date != m.date:
        # Days of one visit stay one meeting ("met again" starts a new one); a background
        # meeting has one day.
        if m.background or meeting.background or _again(m.trigger):
            return False
        if abs((meeting.date - m.date).days) > MAX_VISIT_DAYS:
            return False
    a, b = _host_side(meeting, people), _host_side(m, people)
    if a and b and a != b:
        return False  # one hosting the other, then the other way round: two visits
    a, b = _city(meeting.places), _city(m.places)
    if a and b and a != b:
        return False
    return True


def _joined(meetings, m, people):
    """'Y joined them outside the house': Y joins the meeting of those joined, unless the
    joining starts an event of its own ('joined them for a three-way meeting')."""
    verb = m.trigger
    if people is None or verb.lemma_.lower() != "join":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in kids(verb)):
        return None
    joiners = {p for c in kids(verb) if c.dep_ == "nsubj" for p in people.refs(c)}
    for agent in (c for c in kids(verb) if c.dep_ == "agent"):
        # "X was joined by A and B": the agents are the ones who join
        joiners |= {p for o in kids(agent) for p in people.refs(o)}
    return next(
        (
            g
            for g in reversed(meetings)
            if set(g.participants) < set(m.participants)
            and not joiners & set(g.participants)
            and _compatible(g, m, people)
        ),
        None,
    )


def _again(tok) -> bool:
    return any(c.lower_ in ("again", "anew") for c in kids(tok))


def merge(mentions, people=None) -> list:
    """Group mentions into meetings (see module docstring)."""
    meetings: list = []
    singles = [m for m in mentions if len(m.participants) < 2]
    for m in (m for m in mentions if len(m.participants) >= 2):
        target = next(
            (
                g
                for g in meetings
                if set(g.participants) == set(m.participants) and _compatible(g, m, people)
            ),
            None,
        ) or _joined(meetings, m, people)
        if target is None:
            target = Meeting([], background=m.background)
            meetings.append(target)
        target.add(m)
    meetings = _retold_in_pluperfect(meetings, people)
    for m in singles:
        target = next(
            (
                g
                for g in meetings
                if m.participants[0] in g.participants and _compatible(g, m, people)
            ),
            None,
        )
        if target is not None:
            target.add(m)
            target.host = m.host or target.host
    return meetings


def _retold_in_pluperfect(meetings, people) -> list:
    """'The meeting between A and B on Tuesday ... Before leaving, A had met B': a meeting
    made background by its pluperfect alone is the story's meeting of the same people
    when the article tells one (told first by a noun, then by a verb, it is one event)."""
    out = []
    for g in meetings:
        main = None
        if g.background and all(m.by_tense for m in g.mentions):
            main = next(
                (
                    o
                    for o in meetings
                    if not o.background
                    and set(o.participants) == set(g.participants)
                    and all(
                        _compatible(o, replace(m, background=False), people) for m in g.mentions
                    )
                ),
                None,
            )
        if main is None:
            out.append(g)
            continue
        for m in g.mentions:
            main.add(replace(m, background=False, date=None))
    return out


def events(idx, people, published) -> list:
    """Meetings of the article: mentions found, merged, and the first main meeting
    completed from the lede (its date) when its own sentences give none."""
    meetings = merge(find_mentions(idx, people, published), people)
    when.journey_days(meetings)
    when.setting_before(meetings, idx, people, published)
    # The article's main meeting is the first one not told as before it ("had been in X
    # on Monday for talks"): those go last, keeping their order.
    meetings.sort(key=lambda g: all(m.prior for m in g.mentions))
    add_companions(meetings, idx, people)
    add_witnesses(meetings, idx, people)
    add_attendance(meetings, idx, people, published)
    first = next((m for m in meetings if not m.background), None)
    dateline = dateline_place(idx, published)
    here_places(meetings, dateline)
    earlier = _earlier_spans(meetings)
    if first is not None and not first.places and "call" not in first.kinds:
        first.places = _sentence_places(first, published, earlier)
        first.host = first.host or next((p.country for p in first.places if p.country), None)
    if first is not None and not first.host and "call" not in first.kinds:
        first.places += when.lede_city(idx, people, first, published, earlier)  # before dateline
        first.host = next((p.country for p in first.places if p.country), None)
    if first is not None and not first.host and dateline is not None and "call" not in first.kinds:
        if not any(p.level == CITY for p in first.places):
            first.host = dateline.country
    if first is not None and first.date is None:
        first.date = (
            _lead_date(idx, people, first, published)
            or referred_date(idx, people, published)
            or _lead_date(idx, people, first, published, ending=True)
            or referred_date(idx, people, published, ending=True)
        )
    _one_telling_one_occasion(meetings)
    if first is not None:
        first.kinds |= article_kinds(idx, people, first, published)
        for meeting in meetings:
            _same_occasion(meeting, first)
    for meeting in meetings:
        _the_summit(meeting, idx, published)
    sideline_dates(meetings)
    place_rounds(meetings, first)
    travelling = _travellers_now(idx, people, published)
    away_hosts(meetings, idx, people, published, travelling)
    _same_day_host(meetings)
    _trip_host(meetings, first, visitors(idx, people))
    _received_host(first, people, travelling)
    travel_visits(meetings, people, travelling)
    secondary_talks(meetings, first)
    meetings = absorb_misread_background(_absorb_parts(meetings))
    meetings = _told_twice(absorb_retold_signings(meetings, idx), people)
    return [m for m in meetings if not _domestic(m, people)]


def _told_twice(meetings, people) -> list:
    """Two meetings of the same people that the steps after merging left apart (a roll
    call's gathering and a verb's meeting of the same pair) are one when every telling of
    the later fits the earlier (same day or none, same host, same city)."""
    out: list = []
    for g in meetings:
        same = next(
            (
                o
                for o in out
                if set(o.participants) == set(g.participants)
                and o.background == g.background
                and (o.date is None or g.date is None or o.date == g.date)
                and all(_compatible(o, m, people) for m in g.mentions)
            ),
            None,
        )
        if same is None:
            out.append(g)
            continue
        for m in g.mentions:
            same.add(m)
        same.told_at += g.told_at
        same.topics += [t for t in g.topics if t not in same.topics]
    return out


def _one_telling_one_occasion(meetings) -> None:
    """Meetings split from one telling ('met A, B and C separately in X on Tuesday',
    'telephoned A and B') share its day and place: what the first of them was given from
    the sentence or the lede holds for the others."""
    by_trigger: dict = {}
    for meeting in meetings:
        for m in meeting.mentions:
            by_trigger.setdefault(m.trigger.i, []).append(meeting)
    for siblings in by_trigger.values():
        if len(siblings) < 2:
            continue
        dated = next((g for g in siblings if g.date and not g.background), None)
        placed = next((g for g in siblings if g.places and not g.background), None)
        for g in siblings:
            if g.background:
                continue
            if g.date is None and dated is not None:
                g.date = dated.date
            if not g.places and placed is not None and "call" not in g.kinds:
                g.places = list(placed.places)
                g.host = g.host or placed.host


def _the_summit(meeting, idx, published) -> None:
    """'A and B were among the leaders who attended the summit': a summit told without its
    day and place is the one the article told before with them ('A regional summit in X
    on Wednesday ...'), the first summit of the text that is not the origin of a journey
    ('flew in from the G7 summit in Hiroshima') nor a side event."""
    if "summit" not in meeting.kinds or meeting.background or (meeting.date and meeting.places):
        return
    first = min(m.trigger.i for m in meeting.mentions)
    for tok in idx.doc[:first]:
        if tok.lower_ != "summit" or tok.pos not in (NOUN, PROPN) or not noun_asserted(tok):
            continue
        if is_planned(tok, published) or tok.head.lower_ in ("from", "of", "since", "after"):
            continue
        ents = [e for e in span_ents(sent_of(tok)) if e.label_ == "DATE"]
        if any(dates.mentions_past(e.text, published) and not _recent_day(e.text, published)
               for e in ents):  # fmt: skip
            continue  # "the summit in X last year": another one
        # only a place told with the summit itself ("a summit in X"), not elsewhere around it
        near = range(tok.i + 1, tok.i + 5)
        around = places_around(tok, published) + [
            p for c in kids(tok) if c.dep_ in ("acl", "relcl") for p in places_around(c, published)
        ]  # "a summit opened in X" parsed with 'opened' as the summit's modifier
        places = [p for p in around if p.country and p.tok_i in near]
        day = next(
            (
                d
                for e in ents
                for d in [dates.resolve(e.text, published)]
                if d is not None and (published is None or d <= published)
            ),
            None,
        )
        if places or day:
            meeting.places = meeting.places or places
            meeting.host = meeting.host or next((p.country for p in places), None)
            meeting.date = meeting.date or day
            return


RECENT_DAYS = 31  # "on December 24, 2016" in a January 2017 report is this summit's day


def _recent_day(text, published) -> bool:
    """A full day shortly before publication, written with its year across New Year."""
    day = dates.resolve(text, published)
    return day is not None and published is not None and 0 <= (published - day).days <= RECENT_DAYS


def _domestic(meeting, people) -> bool:
    """Leaders of one and the same state (an outgoing and an incoming president, a president
    and his prime minister) meeting or calling is domestic politics, not diplomacy; judged
    only when every participant's country is known for sure."""
    countries = set()
    for pid in meeting.participants:
        person = people.get(pid)
        if not person.country or pid in people.weak_country:
            return False
        countries.add(person.country)
    return len(countries) == 1


def _earlier_spans(meetings) -> list:
    """The words of earlier meetings told in passing ('since they met in Lima'): their
    places are theirs, not the story's meeting's."""
    return [
        range(m.trigger.left_edge.i, m.trigger.right_edge.i + 1)
        for g in meetings
        for m in g.mentions
        if m.earlier
    ]


def _sentence_places(meeting, published, elsewhere=()) -> list:
    """Cities named in a locative phrase anywhere in the meeting's sentences ('when X
    stepped off his plane in Peking and shook hands with Y'), before the dateline is used;
    none within `elsewhere` (token ranges of other meetings' words)."""
    out = []
    for m in meeting.mentions:
        for tok in span_tokens(sent_of(m.trigger)):
            if any(tok.i in span for span in elsewhere):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.ent_type_ == "GPE":
                place = classify(tok, published)
                if place is not None and place.level == CITY and place.country:
                    out.append(place)
    return out[:1]


def _lead_date(idx, people, meeting, published, ending=False):
    """The day stated in the article's first body sentence, when that sentence names
    one of the meeting's participants (news ledes date the main event); the day it ended
    only with `ending`."""
    if len(idx.sents) <= idx.headline_sents:
        return None
    lede = idx.sents[idx.headline_sents]
    if not when.lede_tells(lede, people, meeting.participants, lambda t: code_for(t, published)):
        return None
    for ent in span_ents(lede):
        if ent.label_ == "DATE" and not dates.mentions_past(ent.text, published):
            if after_since(ent):
                continue  # "Since Sunday, X has met A, B and C": a stretch, not the day
            if ends_then(ent) and not ending:
                continue
            day = dates.resolve(ent.text, published)
            if day and (published is None or day <= published):
                return day
    return None


def finish(meeting: Meeting, people, dateline=None, first: bool = False) -> MeetingSetting:
    """Kind, host and place of a merged meeting (calls have neither host nor place)."""
    kind = kind_of(settled_kinds(meeting), len(meeting.participants))
    if kind == "call":
        return MeetingSetting(kind, None, None)
    host = host_of(meeting, people, dateline, first)
    return MeetingSetting(kind, host, place_of(meeting, dateline, first, host))
