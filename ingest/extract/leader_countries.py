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


TRAVEL_LEMMAS = {"arrive", "land", "fly", "travel"}
TRIP_NOUNS = {"arrival", "visit", "trip", "journey", "mission", "tour"}


def visitors(idx, people) -> set:
    """Persons the article shows travelling: 'X arrived in ...', "X's visit", "X's arrival"
    (computed once per document)."""
    cached = idx.cache.get("visitors")
    if cached is not None:
        return cached
    out = idx.cache["visitors"] = set()
    for sent in idx.sents[idx.headline_sents :]:
        for tok in sent:
            low = tok.lemma_.lower()
            if tok.pos_ == "VERB" and low in TRAVEL_LEMMAS:
                out.update(p for c in tok.children if c.dep_ == "nsubj" for p in people.refs(c))
            elif tok.pos_ == "NOUN" and tok.lower_ in TRIP_NOUNS:
                out.update(p for c in tok.children if c.dep_ == "poss" for p in people.refs(c))
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


def countries_from_meetings(meetings, people, dateline=None, idx=None) -> None:
    """Fill missing leader countries from the host side of main, in-person meetings."""
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
    family_countries(people)


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
