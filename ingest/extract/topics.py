"""Meeting topics: what leaders 'discussed', 'raised', held 'talks on', or what a visit's
'purpose' was.  Each topic goes to the meeting mentioned in its sentence, else to
the latest main meeting."""

from __future__ import annotations

from .phrases import np_text, split_items
from .tags import NOUN, PRON, VERB
from .text import kids

DISCUSS_VERBS = {"discuss", "raise", "address", "debate", "review", "cover", "examine"}
TOPIC_NOUNS = {"talks", "discussions", "negotiations", "meeting", "summit", "conversation", "call"}
PURPOSE_NOUNS = {"purpose", "aim", "focus", "goal", "subject", "topic", "agenda"}
VAGUE = {
    "issue",
    "issues",
    "question",
    "matter",
    "matters",
    "subject",
    "subjects",
    "it",
    "them",
    "this",
    "that",
    "things",
    "idea",
    "everything",
    "something",
    "ways",
    "areas",
}


def _topic_heads(tok) -> list:
    lemma = tok.lemma_.lower()
    if tok.pos == VERB and lemma in DISCUSS_VERBS:
        return [c for c in kids(tok) if c.dep_ in ("dobj", "nsubjpass")]
    if tok.pos == NOUN and tok.lower_ in TOPIC_NOUNS:
        return [
            o
            for p in kids(tok)
            if p.dep_ == "prep" and p.lower_ in ("on", "about", "over")
            for o in kids(p)
            if o.dep_ == "pobj"
        ]
    if tok.pos == NOUN and tok.lower_ in PURPOSE_NOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
        verb = tok.head
        for x in [verb] + [c for c in kids(verb) if c.dep_ == "xcomp"]:
            attrs = [c for c in kids(x) if c.dep_ == "attr"]
            if attrs:
                return attrs
    return []


def _split_modifier_coordination(items) -> list:
    """'trade and energy cooperation' -> 'trade', 'energy cooperation' (a coordinated
    modifier is read as its own topic; the head noun stays with the last conjunct)."""
    out = []
    for item in items:
        mods = [
            c
            for c in kids(item)
            if c.dep_ in ("nmod", "compound")
            and c.i < item.i
            and any(g.dep_ == "conj" for g in kids(c))
        ]
        if not mods:
            out.append(item)
            continue
        out.append(mods[0])
        out.append(item)
    return out


def _text(item) -> str:
    """A topic's text; a split-off modifier stands alone, the head keeps the last conjunct."""
    if item.dep_ in ("nmod", "compound") and any(g.dep_ == "conj" for g in kids(item)):
        return item.text
    mods = [
        c
        for c in kids(item)
        if c.dep_ in ("nmod", "compound")
        and c.i < item.i
        and any(g.dep_ == "conj" for g in kids(c))
    ]
    if not mods:
        return np_text(item, topic=True)
    conj = [g for g in kids(mods[0]) if g.dep_ == "conj"][-1]
    return conj.text + " " + item.text


def find_topics(idx, ctx) -> None:
    """Attach topic phrases to the meetings in `ctx.meetings` (in place)."""
    for tok in idx.body_tokens(DISCUSS_VERBS, TOPIC_NOUNS | PURPOSE_NOUNS):
        heads = _topic_heads(tok)
        if not heads:
            continue
        meeting = ctx.meeting_for(tok)
        if meeting is None:
            continue
        for head in heads:
            for item in _split_modifier_coordination(split_items(head)):
                if item.lower_ in VAGUE or item.pos == PRON or ctx.people.pids(item):
                    continue
                if item.ent_type_ in ("DATE", "TIME"):
                    continue  # "talks on Monday about trade": a day, not a subject
                text = _text(item)
                if text and len(text.split()) <= 8:
                    meeting.topics.append(text)
