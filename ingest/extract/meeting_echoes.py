"""Meetings told by reference to a meeting told just before.

- A visit returned: "Y was received by X in 1955. X returned the visit the following
  year": X visited Y's country and met Y (one leader hosting the other, then the other
  way round, are two events).
- The same done by another: "A travelled to P in 2000 to meet B, and his successor C
  did the same in 2007": C met B at P, at C's own time.

The visit returned must be told in the same or the previous sentence and take in the
subject; what is done the same must be the meeting of the clause 'did the same' is
coordinated with, done by one person the new subject stands in for.
"""

from __future__ import annotations

from .meeting_args import _subjects
from .meetings import _mention
from .tags import VERB
from .text import kids, subtree

RETURN_VERBS = {"return", "reciprocate"}
RETURNED_NOUNS = {"visit", "call"}
REACH = 1  # sentences back where the meeting referred to may be told


def _recent(idx, tok, mentions) -> list:
    here = idx.sent_of[tok.i]
    return [
        m for m in reversed(mentions) if 0 <= here - idx.sent_of[m.trigger.i] <= REACH and
        m.trigger.i < tok.i and "call" not in m.kinds
    ]  # fmt: skip


def returned_visit(idx, people, tok, published):
    """'X returned the visit (the following year)': X visited the one who came to X."""
    if tok.pos != VERB or tok.lemma_.lower() not in RETURN_VERBS:
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in RETURNED_NOUNS for c in kids(tok)):
        return None
    visitors = _subjects(tok, people)
    if len(visitors) != 1:
        return None
    for before in _recent(idx, tok, idx.cache.get("meeting_mentions", ())):
        others = [p for p in before.participants if p != visitors[0]]
        if visitors[0] not in before.participants or len(others) != 1:
            continue
        country = people.get(others[0]).country
        m = _mention(idx, people, tok, [visitors[0], others[0]], published, others)
        if m is None or not country:
            return None
        m.host = m.host or country
        m.kinds.add("visit")
        m.strong_hosts = [others[0]]
        m.background = m.background or before.background
        m.confidence = 0.7
        m.rule = "meeting.visit_returned"
        return m
    return None


def did_the_same(idx, people, tok, published):
    """'..., and his successor C did the same in 2007': C met whom the one C stands in
    for met, where that meeting was."""
    if tok.pos != VERB or tok.lemma_.lower() != "do":
        return None
    if not any(c.dep_ == "dobj" and c.lower_ == "same" for c in kids(tok)):
        return None
    if tok.dep_ != "conj":
        return None
    for before in _recent(idx, tok, idx.cache.get("meeting_mentions", ())):
        if before.trigger not in subtree(tok.head):
            continue  # only the clause it is coordinated with: "X met Y, and Z did the same"
        # "his successor C": a possessive naming the one before is no doer of its own
        doers = [p for p in _subjects(tok, people) if p not in before.participants]
        done_by = [p for p in _subjects(before.trigger, people) if p in before.participants]
        if len(done_by) != 1 or len(doers) != 1:
            continue
        others = [p for p in before.participants if p != done_by[0]]
        hosts = [p for p in before.host_pids if p != done_by[0]]
        m = _mention(idx, people, tok, [doers[0], *others], published, hosts)
        if m is None:
            return None
        m.places = m.places or list(before.places)
        m.host = m.host or before.host
        m.kinds |= before.kinds
        m.strong_hosts = [p for p in before.strong_hosts if p != done_by[0]]
        m.confidence = 0.6
        m.rule = "meeting.did_the_same"
        return m
    return None
