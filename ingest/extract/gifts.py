"""Gifts between leaders: giver, recipient and item, from verbs and possessives.

Patterns (all on the dependency parse, none on words of a particular story):
  active   "X gave Y Z", "X gave Z to Y", "X presented Y with Z", "X handed over Z"
  passive  "Y was presented with Z by X", "Y was given Z by X", "Z was given to Y by X"
  receive  "Y received Z (from X)", "..., while receiving Z" (subject inherited)
  relative "the desk that X gave to Y"
  possess  "X's gift to Y was Z", "Z was X's gift to Y"
  continue "The president added Z" right after a gift by the same giver
Several items in one object give one gift each; box contents ("holding ...")
do not.  A missing side is the giver's counterpart in the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass

from .conflict import is_conflict, verb_asserted
from .phrases import np_text, split_items

GIFT_VERBS = {
    "give",
    "present",
    "hand",
    "bestow",
    "award",
    "confer",
    "donate",
    "gift",
    "receive",
    "add",
}
GIFT_NOUNS = {"gift", "present", "souvenir", "presents", "gifts"}
GENERIC_ITEMS = {
    "gift",
    "gifts",
    "present",
    "presents",
    "it",
    "them",
    "this",
    "that",
    "something",
    "one",
    "thing",
    "things",
    "souvenir",
    "souvenirs",
    "honour",
    "honor",
    "welcome",
    "ceremony",
    "hand",
    "speech",
    "power",
    "credit",
    "access",
    "support",
    "time",
    "permission",
    "guarantees",
    "assurances",
    "view",
    "floor",
    "chance",
    "opportunity",
}


@dataclass
class Gift:
    givers: list
    recipients: list
    items: list  # item head tokens
    trigger: object
    confidence: float
    rule: str
    extra: dict = None  # item token -> extra text appended (verb-attached "from a spacesuit")


def _refs(tok, people):
    return people.refs(tok) if tok is not None else []


def _children(tok, deps):
    return [c for c in tok.children if c.dep_ in deps]


def _pobj(tok, preps):
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _subject(verb, people):
    for _ in range(3):
        subs = _children(verb, ("nsubj",))
        if subs:
            return people.refs(subs[0])
        if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp") and verb.head != verb:
            verb = verb.head
        else:
            return []
    return []


def _item_heads(obj, people, verb):
    if obj is None:
        return []
    out = []
    for item in split_items(obj):
        if item.lower_ in GENERIC_ITEMS or people.pids(item) or item.pos_ == "PRON":
            explained = [c for c in item.children if c.dep_ == "appos"]
            out.extend(explained[:1])
            continue
        out.append(item)
    for prep in verb.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "with"
            and any(c.lower_ == "together" for c in list(prep.children) + [prep.doc[prep.i - 1]])
        ):
            out.extend(o for o in prep.children if o.dep_ == "pobj")
    return out


def _verb_gift(verb, people) -> Gift | None:
    lemma = verb.lemma_.lower()
    if lemma not in GIFT_VERBS or verb.pos_ != "VERB":
        return None
    passive = _children(verb, ("nsubjpass",))
    dobj = next(iter(_children(verb, ("dobj",))), None)
    dative = next(iter(_children(verb, ("dative",))), None)
    to_obj = _pobj(verb, ("to",)) or (
        _pobj(dative, ("to",)) if dative is not None and dative.lower_ == "to" else None
    )
    if dative is not None and dative.lower_ == "to":
        dative = next((o for o in dative.children if o.dep_ == "pobj"), None)
    with_obj = _pobj(verb, ("with",))
    if lemma == "receive":
        return Gift(
            _refs(_pobj(verb, ("from",)), people),
            _subject(verb, people),
            _item_heads(dobj, people, verb),
            verb,
            0.8,
            "gift.receive",
        )
    if passive:
        subj = passive[0]
        giver = _refs(_pobj(verb, ("by",)), people)
        if people.refs(subj):
            item = with_obj if with_obj is not None else dobj
            return Gift(
                giver, people.refs(subj), _item_heads(item, people, verb), verb, 0.9, "gift.passive"
            )
        return Gift(
            giver,
            _refs(to_obj, people),
            _item_heads(subj, people, verb),
            verb,
            0.85,
            "gift.passive_item",
        )
    givers = _subject(verb, people)
    if verb.dep_ == "relcl" and dobj is None:
        dobj = verb.head
    if dobj is not None and people.refs(dobj) and with_obj is not None:
        return Gift(
            givers,
            people.refs(dobj),
            _item_heads(with_obj, people, verb),
            verb,
            0.9,
            "gift.present_with",
        )
    recipients = _refs(dative, people) or _refs(to_obj, people)
    rule = "gift.active" if recipients else "gift.active_counterpart"
    return Gift(
        givers, recipients, _item_heads(dobj, people, verb), verb, 0.9 if recipients else 0.7, rule
    )


def _possessive_gift(noun, people) -> Gift | None:
    """'X's gift to Y was Z' / 'Z was X's gift to Y'."""
    if noun.lower_ not in ("gift", "present") or noun.dep_ not in ("nsubj", "attr"):
        return None
    givers = [p for c in noun.children if c.dep_ == "poss" for p in people.refs(c)]
    if not givers:
        return None
    recipients = _refs(_pobj(noun, ("to", "for")), people)
    verb = noun.head
    other = "attr" if noun.dep_ == "nsubj" else "nsubj"
    items = [c for c in verb.children if c.dep_ == other]
    return Gift(givers, recipients, items, noun, 0.85, "gift.possessive")


def find_gifts(idx, people) -> list:
    """Raw gift mentions (sides may be missing; `resolve` fills them)."""
    out = []
    for sent in idx.fact_sents():
        for tok in sent:
            gift = None
            if tok.pos_ == "VERB":
                gift = _verb_gift(tok, people)
                if gift and (not verb_asserted(tok) or is_conflict(tok)):
                    gift = None
            elif tok.pos_ == "NOUN":
                gift = _possessive_gift(tok, people)
            if gift and gift.items:
                out.append(gift)
    return out


def _extra_from(item, verb):
    """'receiving a glove from a spacesuit' parsed with 'from' on the verb."""
    nxt = item.right_edge.i + 1
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i == nxt and prep.lower_ in ("from", "of"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("PERSON", "GPE", "DATE"):
                return prep.text + " " + np_text(obj, keep_det=True), [
                    c
                    for c in obj.children
                    if c.dep_ == "conj" and any(d.lower_ in ("a", "an") for d in c.children)
                ]
    return "", []


def item_texts(gift) -> list:
    """Item phrases of a gift, with verb-attached complements and the items they hide."""
    texts = []
    for item in gift.items:
        extra, more = ("", [])
        if gift.trigger.pos_ == "VERB":
            extra, more = _extra_from(item, gift.trigger)
        text = np_text(item)
        texts.append((text + " " + extra).strip() if extra else text)
        texts.extend(np_text(m) for m in more)
    return [t for t in texts if t and t.lower() not in GENERIC_ITEMS]
