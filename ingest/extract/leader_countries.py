"""Countries of leaders whose own mention gives none, read off the meetings they attend.

Runs after meetings are merged.  Only events that are reported as happening
now (not background) and not calls say anything about who is at home: the
host-side leader of a meeting (the one who hosts, receives, welcomes or is
visited) belongs to the host country, and when exactly one participant of a
meeting in a known host country lacks a country while nobody else is from
that country, that participant is the host.  A guess is never made from
article-wide counts: no country is better than a wrong one.
"""

from __future__ import annotations

from gazetteer import geo
from gazetteer.geo_data import COMBINING_FORMS, OFFICE_STATES

from .lexicon import REGNAL
from .tags import AUX, NOUN, VERB
from .text import kids, token_texts


def _usable(person) -> bool:
    return not person.org


def host_of(meeting, people, dateline=None, first: bool = False) -> str | None:
    """The meeting's host country: its place, else its host-side leader's country, else
    (for the article's first main meeting) the dateline's country."""
    if meeting.host:
        return meeting.host
    hosts = [people.get(p).country for p in meeting.host_pids if people.get(p).country]
    if hosts:
        return hosts[0]
    if first and dateline is not None and not meeting.background:
        return dateline.country
    return None


TRAVEL_LEMMAS = {"arrive", "land", "fly", "travel", "visit"}
TRIP_NOUNS = {"arrival", "visit", "trip", "journey", "mission", "tour"}


def visitors(idx, people) -> set:
    """Persons the article shows travelling: 'X arrived in ...', "X's visit", "X's arrival"
    (computed once per document)."""
    cached = idx.cache.get("visitors")
    if cached is not None:
        return cached
    out = idx.cache["visitors"] = set()
    for tok in idx.body_tokens(TRAVEL_LEMMAS, TRIP_NOUNS):
        if tok.pos == VERB and tok.lemma_.lower() in TRAVEL_LEMMAS:
            out.update(p for c in kids(tok) if c.dep_ == "nsubj" for p in people.refs(c))
        elif tok.pos == NOUN and tok.lower_ in TRIP_NOUNS:
            out.update(p for c in kids(tok) if c.dep_ == "poss" for p in people.refs(c))
    return out


def _hosts_of_visitors(meeting, people, host, travelling) -> None:
    """At a meeting in the host country, the leaders who did not travel there are at home."""
    guests = [p for p in meeting.participants if p in travelling]
    if not guests or any(people.get(p).country == host for p in guests):
        return
    for pid in meeting.participants:
        person = people.get(pid)
        if pid not in travelling and _usable(person) and not person.country:
            person.country = host


def countries_from_meetings(meetings, people, dateline=None, idx=None, article_codes=()) -> None:
    """Fill missing leader countries from the host side of main, in-person meetings."""
    if idx is not None:
        _acting_state(idx, people)  # a stated cue, before any inference from the host
    first = next((m for m in meetings if not m.background), None)
    travelling = visitors(idx, people) if idx is not None else set()
    for meeting in meetings:
        if "call" in meeting.kinds:
            continue
        if meeting.background:
            # An earlier meeting tells only who hosted it where it was held.
            _strong_hosts(meeting, people)
            continue
        host = meeting.host or (dateline.country if meeting is first and dateline else None)
        if not host:
            continue
        for pid in meeting.strong_hosts:  # "X met Y in Z" does not make Y the host
            person = people.get(pid)
            if _usable(person) and not person.country:
                person.country = host
        _hosts_of_visitors(meeting, people, host, travelling)
        unknown = [
            p for p in meeting.participants if not people.get(p).country and _usable(people.get(p))
        ]
        known = [people.get(p).country for p in meeting.participants if people.get(p).country]
        if len(unknown) == 1 and host not in known:
            people.get(unknown[0]).country = host
    if idx is not None and dateline is not None:
        _local_leader(meetings, people, dateline.country, idx, travelling)
    if idx is not None:
        _visit_hosts(idx, people)
    _rare_offices(people, set(article_codes), meetings)
    if idx is not None:
        _pair_partners(meetings, people, pair_adjectives(idx))
    family_countries(people)


WHEN_WORDS = {"when", "as", "after"}


def _acting_state(idx, people) -> None:
    """ "C established relations with D on Tuesday, when Prime Minister X ... signed": the
    leader whose act is the occasion of a state's act, in the lede, acts for that state."""
    if len(idx.sents) <= idx.headline_sents:
        return
    lede = idx.sents[idx.headline_sents]
    root = lede.root
    state = next(
        (geo.country_for(c.text) for c in kids(root) if c.dep_ == "nsubj"),
        None,
    )
    if not state or any(p.country == state for p in people.persons):
        return
    actors = set()
    for tok in lede:
        verb = tok.head
        if tok.dep_ != "nsubj" or verb == root or root not in verb.ancestors:
            continue
        if any(c.lower_ in WHEN_WORDS and c.dep_ in ("advmod", "mark") for c in kids(verb)):
            actors.update(
                p
                for p in people.refs(tok)
                if _usable(people.get(p)) and people.get(p).title and not people.get(p).country
            )
    if len(actors) == 1:
        people.get(actors.pop()).country = state


def _local_leader(meetings, people, home, idx, travelling) -> None:
    """Wire copy names the dateline country's own office-holder by bare title ("WASHINGTON -
    President X warned Russian President Y"): the one titled leader of the lede who is still
    without a country belongs to the dateline's country when nobody else does, and not when
    the article shows them travelling to a meeting there."""
    if not home or len(idx.sents) <= idx.headline_sents:
        return
    if any(p.country == home for p in people.persons):
        return
    lede = idx.sents[idx.headline_sents]
    in_lede = {pid for i, pid in people.order if lede.start <= i < lede.end}
    guests = {
        pid
        for m in meetings
        if m.host == home and not m.background
        for pid in m.participants
        if pid in travelling
    }
    bare = [
        pid
        for pid in in_lede
        if _usable(people.get(pid))
        and people.get(pid).title
        and not people.get(pid).country
        and pid not in guests
    ]
    if len(bare) == 1:
        people.get(bare[0]).country = home


def _strong_hosts(meeting, people) -> None:
    """Leaders who hosted, received or were visited at a meeting whose place names the host."""
    if not meeting.host:
        return
    for pid in meeting.strong_hosts:
        person = people.get(pid)
        if _usable(person) and not person.country:
            person.country = meeting.host


def family_countries(people) -> None:
    """A spouse or child named without a country shares a leader's family name and country
    (run again once meetings have given leaders their countries)."""
    for p in people.persons:
        if p.country or p.org or len(p.words) < 2:
            continue
        for q in people.persons:
            if q is not p and q.country and q.words and q.words[-1] == p.words[-1]:
                p.country = q.country
                break


def office_of(person) -> str:
    """A person's office: the title, else a regnal word their name starts with ("Queen X")."""
    if person.title:
        return person.title.lower()
    first = person.name.split()[0].lower() if person.name else ""
    return first if first in REGNAL else ""


def _rare_offices(people, article_codes: set, meetings=()) -> None:
    """An office held in few states ("Chancellor", "Queen") places its holder in the one such
    state the article names, leaving out the states of those they met (a British chancellor
    meeting a German minister); with none or several left, nothing is guessed."""
    for person in people.persons:
        if person.country or not _usable(person):
            continue
        states = OFFICE_STATES.get(office_of(person))
        if states:
            met = {
                people.get(p).country
                for m in meetings
                if person.pid in m.participants
                for p in m.participants
            }
            hits = states & article_codes - met
            if len(hits) == 1:
                person.country = next(iter(hits))


def pair_adjectives(idx) -> set:
    """Pairs of states named by a pair adjective: "Franco-German", "Sino-Japanese", "US-China"."""
    pairs = set()
    doc = idx.doc
    texts = token_texts(doc)
    for i in range(1, len(doc) - 1):
        if texts[i] not in ("-", "\u2013"):
            continue
        tok = doc[i]
        left, right = doc[tok.i - 1], doc[tok.i + 1]
        if tok.idx != left.idx + len(left.text) or right.idx != tok.idx + len(tok.text):
            continue  # "Germany - France" with spaces is a dateline or an aside, not a pair
        a = COMBINING_FORMS.get(left.lower_) or geo.country_for(left.text)
        b = geo.country_for(right.text)
        if a and b and a != b:
            pairs.add(frozenset((a, b)))
    return pairs


def _pair_partners(meetings, people, pairs: set) -> None:
    """Two leaders of a bilateral meeting in an article about one pair of states ("a new
    Franco-German treaty"): when one belongs to a state of the pair, the other belongs to
    the other state."""
    pair_partners([m.participants for m in meetings], people, pairs)


def pair_partners(groups, people, pairs: set) -> None:
    """`_pair_partners` over any two-leader groups (meeting participants, treaty parties)."""
    if not pairs:
        return
    for group in groups:
        if len(group) != 2 or not all(isinstance(p, int) for p in group):
            continue
        a, b = (people.get(p) for p in group)
        for known, unknown in ((a, b), (b, a)):
            if not known.country or unknown.country or not _usable(unknown):
                continue
            others = {c for pair in pairs if known.country in pair for c in pair} - {known.country}
            if len(others) == 1:
                unknown.country = next(iter(others))


VISIT_NOUNS = {"visit", "trip"}


def _visit_hosts(idx, people) -> None:
    """A visitor's partner is at home: "X signed/met with Y during a visit to Z" and "X
    travelled to Z to sign a treaty with Y" put Y in Z's state when X is not from it."""
    # who is where, even beside a conflict: every body sentence
    for tok in idx.body_tokens(TRAVEL_LEMMAS, VISIT_NOUNS):
        if tok.lower_ in VISIT_NOUNS and tok.head.lower_ in ("during", "on"):
            code, verbs = _destination(tok), [tok.head.head]
        elif tok.pos == VERB and tok.lemma_.lower() in TRAVEL_LEMMAS:
            code = _destination(tok)
            verbs = [c for c in kids(tok) if c.dep_ in ("xcomp", "advcl")]
        else:
            continue
        if not code:
            continue
        for verb in verbs:
            if verb.pos in (VERB, AUX):
                _partners_at_home(verb, tok, people, code)


def _partners_at_home(verb, travel, people, code) -> None:
    subjects = [c for h in (verb, travel) for c in kids(h) if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        subjects.append(verb.head)
    visitors = {p for t in subjects for p in people.refs(t)}
    if not visitors or any(people.get(p).country == code for p in visitors):
        return
    objs = [verb] + [c for c in kids(verb) if c.dep_ == "dobj"]
    for prep in (c for h in objs for c in kids(h) if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in kids(prep):
            for pid in people.refs(obj):
                person = people.get(pid)
                if pid not in visitors and _usable(person) and not person.country:
                    person.country = code


def _destination(trip) -> str | None:
    """The state a trip goes to: "a visit to Washington", "travelled to Paris"."""
    for prep in kids(trip):
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in kids(prep):
                if obj.dep_ == "pobj":
                    return (
                        geo.country_for(obj.text)
                        or geo.country_for_capital(obj.text)
                        or geo.country_for_place(obj.text)
                    )
    return None
