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


def countries_from_meetings(meetings, people, dateline=None) -> None:
    """Fill missing leader countries from the host side of main, in-person meetings."""
    first = next((m for m in meetings if not m.background), None)
    for meeting in meetings:
        if meeting.background or "call" in meeting.kinds:
            continue
        host = meeting.host or (dateline.country if meeting is first and dateline else None)
        if not host:
            continue
        for pid in meeting.host_pids:
            person = people.get(pid)
            if _usable(person) and (not person.country or pid in people.weak_country):
                person.country = host
        unknown = [p for p in meeting.participants if not people.get(p).country and _usable(people.get(p))]
        known = [people.get(p).country for p in meeting.participants if people.get(p).country]
        if len(unknown) == 1 and host not in known:
            people.get(unknown[0]).country = host
