"""Gifts told with a noun: 'X's gift to Y was Z', 'Z was X's gift', 'X's gifts included
Z', 'among the gifts X gave Y were Z', 'the gift Y received from X'."""

from __future__ import annotations

from .conflict import verb_asserted
from .gift_objects import (
    _item_heads,
)
from .gift_sides import (
    GIFT_NOUNS,
    GIFT_VERBS,
    Gift,
    _after,
    _foreign,
    _pobj,
    _refs,
    _subject,
)
from .text import kids


def _noun_items(noun, recipient_tok, people) -> list:
    """The items a gift noun names: its apposition ('X's gift to Y, a vase, ...', also
    hung on Y), or what the clause says it is or includes ('X's gift to Y was Z',
    'Z was X's gift', 'X's gifts included Z', 'among the gifts ... were Z')."""
    head = noun.head
    for host in (noun, recipient_tok):
        if host is None:
            continue
        for c in kids(host):
            if c.dep_ == "appos" and c.i > host.i and not people.refs(c):
                if noun.dep_ in ("nsubj", "nsubjpass") and c.i > head.i > noun.i:
                    continue  # "X's present was a Z, the W": W describes Z, the predicate
                return [c]
    if noun.dep_ == "pobj" and head.lower_ == "among":
        head, role = head.head, "among"
    else:
        role = noun.dep_
    if head.lemma_ not in ("be", "include", "comprise", "feature"):
        return []
    if role in ("nsubj", "nsubjpass", "among"):
        deps = ("attr", "dobj") if role != "among" else ("attr", "nsubj", "dobj")
    elif role == "attr":
        deps = ("nsubj",)
    else:
        return []
    return [c for c in kids(head) if c.dep_ in deps and c != noun and not people.refs(c)][:1]


def _object_person(verb, people) -> list:
    """The person a gift verb's object or dative names ('... X gave Y ...')."""
    objs = [c for c in kids(verb) if c.dep_ in ("dobj", "dative") and people.refs(c)]
    return _refs(objs[0], people) if objs else []


LISTING_VERBS = ("include", "be", "comprise", "feature")


def _run_on_relative(noun, people) -> Gift | None:
    """'The gifts X gave Y included Z' parsed with 'gifts' and X both subjects of 'gave'
    and 'included' a verb joined to it: the relative clause and its predicate."""
    verb = noun.head
    giver = next(
        (c for c in kids(verb) if c.dep_ == "nsubj" and c.i > noun.i and people.refs(c)),
        next((c for c in kids(noun) if c.dep_ == "appos" and people.refs(c)), None),
    )
    pred = next(
        (c for c in kids(verb)
         if c.dep_ in ("conj", "ccomp") and c.lemma_ in LISTING_VERBS and c.i > verb.i),
        None,
    )  # fmt: skip
    if giver is None or pred is None or not verb_asserted(verb) or not verb_asserted(pred):
        return None
    heads = [c for c in kids(pred) if c.dep_ in ("dobj", "attr") and not people.refs(c)][:1]
    items = [i for h in heads for i in _item_heads(h, people, pred)]
    # the recipient may be parsed as the predicate's subject ('... gave Y included Z')
    subj = next((c for c in kids(pred) if c.dep_ == "nsubj" and people.refs(c)), None)
    recipients = (
        _object_person(verb, people) or _refs(_pobj(verb, ("to",)), people) or _refs(subj, people)
    )
    return Gift(people.refs(giver), recipients, items, noun, 0.8, "gift.noun")


def _gift_noun(noun, people) -> Gift | None:
    """A gift noun with its giver: 'X's gift to Y was Z', 'Z was X's gift to Y', 'X's
    gift to Y, a Z, ...', 'X's gifts to Y included Z', 'among the gifts X gave Y were Z'."""
    if noun.lower_ not in GIFT_NOUNS or noun.dep_ not in ("nsubj", "nsubjpass", "attr", "pobj"):
        return None
    givers = [p for c in kids(noun) if c.dep_ == "poss" for p in people.refs(c)]
    recipient_tok = _pobj(noun, ("to", "for"))
    bare_to = any(c.dep_ == "prep" and c.lower_ == "to" and not list(kids(c))
                  for c in kids(noun))  # fmt: skip
    if recipient_tok is None and bare_to:
        # "X's gifts to Y included Z" parsed with Y as a second subject
        recipient_tok = next(
            (c for c in kids(noun.head) if c.dep_ == "nsubj" and c.i > noun.i
             and people.refs(c)),
            None,
        )  # fmt: skip
    recipients = _refs(recipient_tok, people)
    rel = next(
        (c for c in kids(noun) if c.dep_ in ("relcl", "acl") and c.lemma_ in GIFT_VERBS),
        None,
    )
    among = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" else None
    if rel is None and among is not None and among.head.lemma_ in GIFT_VERBS:
        # "Among the gifts X gave Y were Z" parsed with the gift verb as the clause's head
        rel = among.head
        be = rel.head if rel.head.lemma_ == "be" else None
        be = be or next((c for c in kids(rel) if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
        if be is None:
            return None
        subj = next((c for c in kids(be) if c.dep_ == "nsubj" and people.refs(c)), None)
        recipient_tok = recipient_tok or subj
        heads = [c for c in kids(be) if c.dep_ == "attr"][:1]
        givers = _subject(rel, people)
        recipients = (
            _refs(recipient_tok, people)
            or _refs(_pobj(rel, ("to",)), people)
            or _object_person(rel, people)
        )
        if not givers or not verb_asserted(rel):
            return None
        items = [i for h in heads for i in _item_heads(h, people, be)]
        return Gift(givers, recipients, items, noun, 0.8, "gift.noun")
    if rel is None and not givers and noun.dep_ == "nsubj" and noun.head.lemma_ in GIFT_VERBS:
        run_on = _run_on_relative(noun, people)
        if run_on is not None:
            return run_on
    if rel is not None and not givers and rel.lemma_ in ("receive", "get", "accept"):
        # "the gift (that) Y received (from X) was Z": Y receives, X (or the counterpart) gives
        heads = _noun_items(noun, None, people)
        source = _pobj(rel, ("from",)) or next(
            (_pobj(h, ("from",)) for h in heads if _pobj(h, ("from",)) is not None), None
        )
        if _foreign(source, people) or not verb_asserted(rel):
            return None
        items = [i for h in heads for i in _item_heads(h, people, noun.head)]
        return Gift(_refs(source, people), _subject(rel, people), items, noun, 0.8, "gift.noun")
    if rel is not None and not givers:
        # "the gifts (that) X gave Y", "the gifts given to Y by X"
        givers = _subject(rel, people) or _refs(_pobj(rel, ("by",)), people)
        if not recipients:
            objs = [c for c in kids(rel) if c.dep_ in ("dobj", "dative") and people.refs(c)]
            recipients = _refs(objs[0] if objs else _pobj(rel, ("to",)), people)
        bare = next(
            (c for c in kids(rel) if c.dep_ in ("prep", "dative") and c.lower_ == "to"
             and not list(kids(c))),
            None,
        )  # fmt: skip
        if not recipients and bare is not None:
            # "among the gifts that X presented to Y was Z", Y parsed as the subject of 'was'
            recipients = _refs(_after(bare, people), people)
        if not recipients and noun.dep_ == "nsubj":
            # "the gifts X gave Y included Z", Y parsed as a second subject of 'included'
            run_on = next(
                (c for c in kids(noun.head) if c.dep_ == "nsubj" and c.i > rel.i
                 and c.left_edge.i == rel.right_edge.i + 1 and people.refs(c)),
                None,
            )  # fmt: skip
            recipients = _refs(run_on, people)
        if not verb_asserted(rel):
            return None
    if not givers:
        return None
    heads = _noun_items(noun, recipient_tok, people)
    items = [i for h in heads for i in _item_heads(h, people, noun.head)] if heads else []
    rule = "gift.possessive" if rel is None else "gift.noun"
    return Gift(givers, recipients, items, noun, 0.85, rule)


def _misread_gift_noun(tok) -> bool:
    """'X's present was a Z' with 'present' tagged an adjective: still the noun."""
    return tok.lower_ in GIFT_NOUNS and any(c.dep_ == "poss" for c in kids(tok))
