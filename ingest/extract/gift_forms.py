"""Gift verbs in their special forms: a participle ("presented with Z, X ..."), a gift
reciprocated, an honour conferred on someone, a gift received, a gift only intended, and
an adornment placed around a neck.  Called by gifts._verb_gift."""

from __future__ import annotations

from . import gift_items as gi
from .conflict import verb_asserted
from .gift_objects import _agent, _item_heads, _item_of, _presented_by
from .gift_sides import Gift, _after, _children, _foreign, _pobj, _refs, _role, _subject
from .tags import NOUN, PRON, PROPN
from .text import kids, subtree


def _participle_gift(verb, people) -> Gift | None:
    """'A pair of dogs presented by X to Y have arrived': the giver by 'by'."""
    agent = _pobj(verb, ("by",))
    if agent is None or not people.refs(agent) or verb.head.pos not in (NOUN, PROPN):
        return None
    item = _item_of(verb.head)
    if item.pos != NOUN:
        return None
    to = _pobj(verb, ("to",))
    bare = next((c for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None and bare is not None:
        to = _after(bare, people)  # "... to Y has arrived", Y parsed as the subject
    recipients = _refs(to, people)
    if not recipients and item.dep_ in ("dobj", "pobj"):
        return None  # "received a horse presented by X": the governing verb's gift
    return Gift(
        people.refs(agent), recipients, _item_heads(item, people, verb), verb, 0.8,
        "gift.participle",
    )  # fmt: skip


def _reciprocated(verb, people) -> Gift | None:
    """'Y, who reciprocated with a pair of dogs': a gift back to the counterpart."""
    item = _pobj(verb, ("with",))
    if item is None:
        return None
    return Gift(
        _subject(verb, people), [], _item_heads(item, people, verb), verb, 0.75,
        "gift.active_counterpart",
    )  # fmt: skip


def _honour_to(verb, dobj, passive, people) -> Gift | None:
    """'X appointed Y to the Order of Merit', 'Y was inducted into the Order by X'."""
    honour = _pobj(verb, ("to", "into"))
    if honour is None or not gi.is_honour(honour):
        return None
    if passive:
        givers, recipients = _refs(_agent(verb, None, people), people), _refs(passive[0], people)
    else:
        givers, recipients = _subject(verb, people), _refs(dobj, people)
    if not recipients:
        return None
    return Gift(givers, recipients, [honour], verb, 0.8, "gift.honour_to")


def _receive_gift(verb, dobj, people) -> Gift | None:
    source = _pobj(verb, ("from",))
    if source is None and dobj is not None:
        source = _presented_by(dobj, people)
    if source is None and dobj is not None:
        # "received a chess set from X", with "set" misread as a verb holding "from X"
        source = next(
            (_pobj(t, ("from",)) for t in subtree(dobj) if _pobj(t, ("from",)) is not None),
            None,
        )
    if _foreign(source, people) or (source is None and verb.lemma_.lower() == "get"):
        return None
    if source is None:
        visitor = _visitor(verb, people)
        if visitor is False:
            return None  # "received an elephant when Sri Lanka's president visited"
        source = visitor
    return Gift(
        _refs(source, people),
        _subject(verb, people),
        _item_heads(dobj, people, verb),
        verb,
        0.8,
        "gift.receive",
    )


def _visitor(verb, people):
    """The giver a clause on the receiving verb names by role ('received a horse when
    the visiting president came'): the role's token when the article resolves it, False
    when it is a leader of a named country the article does not name (no one may stand
    in for him), None when the clause names no leader."""
    for clause in kids(verb):
        if clause.dep_ != "advcl":
            continue
        for subj in kids(clause):
            if subj.dep_ != "nsubj" or not _role(subj):
                continue
            if people.refs(subj):
                return subj
            if any(
                c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP")
                for c in kids(subj)
            ):
                return False
    return None


# Heads of a to-infinitive that make the gift a plan, not an act ("hopes to give").
INTENT = {"hope", "plan", "want", "intend", "expect", "wish", "aim", "seek", "promise",
          "refuse", "decline", "offer", "try", "prepare", "propose", "agree", "vow"}  # fmt: skip


def _intended(verb) -> bool:
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    # the lemmatiser misreads some forms ('hopes' -> 'hop')
    return head.lemma_.lower() in INTENT or any(
        head.lower_.startswith(w.rstrip("e")) and len(head.lower_) <= len(w) + 3 for w in INTENT
    )


# 'placed the Order around Y's neck', 'pinned a medal on Y's chest': an honour put
# on a person is conferred on them.
ADORN_VERBS = {"place", "put", "hang", "drape", "pin", "fasten", "lower", "slip", "tie"}


BODY_PARTS = {"neck", "shoulders", "shoulder", "chest", "lapel", "head", "wrist", "finger"}


def _adorned(verb, people) -> Gift | None:
    """'X placed the Collar of Y around Z's neck': Z receives it; 'his neck' leaves Z
    to the counterpart rule; a wreath laid at a tomb, a garland on a guest are no gift."""
    dobj = next(iter(_children(verb, ("dobj",))), None)
    if dobj is None or not (gi.is_honour(dobj) or dobj.lower_ in gi.HONOUR_KINDS):
        return None  # a garland or a shawl put on a guest on arrival is a welcome
    preps = ("around", "round", "on", "onto", "over", "upon")
    part = next(  # the prep may hang on the item; "on Saturday" is no body part
        (o for c in [*kids(verb), *subtree(dobj)]
         if c.dep_ == "prep" and c.lower_ in preps and c.head in (verb, *subtree(dobj))
         for o in kids(c)
         if o.dep_ == "pobj" and (o.lemma_.lower() in BODY_PARTS or o.lower_ in BODY_PARTS)),
        None,
    )  # fmt: skip
    if part is None:
        return None
    owner = next((c for c in kids(part) if c.dep_ == "poss"), None)
    if owner is None and any(c.dep_ == "det" and c.lower_ == "the" for c in kids(part)):
        owner = _pobj(part, ("of",))  # "around the neck of Z"
    if owner is None:
        return None
    recipients = _refs(owner, people) if owner.pos != PRON else []
    if owner.pos != PRON and not recipients and not _role(owner):
        return None
    givers = _subject(verb, people)
    if not givers or not verb_asserted(verb):
        return None
    return Gift(givers, recipients, _item_heads(dobj, people, verb), verb, 0.75, "gift.adorn")
