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

from . import gift_items as gi
from .conflict import body_sents, is_conflict, verb_asserted
from .phrases import np_text, split_items

GIFT_VERBS = {"give", "present", "hand", "bestow", "award", "confer", "donate", "gift",
              "receive", "add", "send"}  # fmt: skip
GIFT_NOUNS = {"gift", "present", "souvenir", "presents", "gifts"}


@dataclass
class Gift:
    givers: list
    recipients: list
    items: list  # item head tokens
    trigger: object
    confidence: float
    rule: str
    extra: dict = None  # item token -> extra text appended (verb-attached "from a spacesuit")
    texts: list = None  # item phrases, set by `find_gifts`


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


def _family(tok, people) -> list:
    """'The Bidens': every known person whose surname the plural names."""
    if tok.tag_ != "NNPS" and not (tok.pos_ == "PROPN" and tok.lower_.endswith("s")):
        return []
    stem = tok.text[:-1].lower()
    return [p.pid for p in people.persons if p.words and p.words[-1].lower() == stem]


def _subject(verb, people):
    for _ in range(3):
        subs = _children(verb, ("nsubj",))
        if subs:
            family = _family(subs[0], people)
            return family if len(family) > 1 else people.refs(subs[0])
        if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp") and verb.head != verb:
            verb = verb.head
        else:
            return []
    return []


def _nonperson_subject(verb, people) -> bool:
    subs = _children(verb, ("nsubj",))
    return bool(subs) and subs[0].pos_ in ("PROPN", "NOUN") and not people.refs(subs[0])


def _item_heads(obj, people, verb):
    """Item heads in an object phrase: generic heads give way to what explains them,
    people and non-gifts are dropped, 'together with X' adds X."""
    if obj is None:
        return []
    out = []
    for item in split_items(obj):
        if gi.is_generic(item) or people.pids(item):
            out.extend(gi.explained(item, verb)[:1])
        elif not gi.not_an_item(item) and item.pos_ in ("NOUN", "PROPN", "NUM"):
            out.append(item)
    contents = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    for prep in [p for v in [verb, *contents] for p in v.children]:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "with"
            and any(c.lower_ == "together" for c in list(prep.children) + [prep.doc[prep.i - 1]])
        ):
            out.extend(o for o in prep.children if o.dep_ == "pobj")
    return out


def _not_a_gift(verb, lemma) -> bool:
    """'presented the plan as a turning point' describes; 'sent' needs 'as a gift'."""
    as_objs = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
               for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    as_gift = any(o.lower_ in GIFT_NOUNS for o in as_objs)
    if lemma == "send":
        return not as_gift
    return bool(as_objs) and not as_gift and lemma in ("present", "hand", "give")


def _verb_gift(verb, people) -> Gift | None:
    lemma = verb.lemma_.lower()
    if lemma not in GIFT_VERBS or verb.pos_ != "VERB" or _not_a_gift(verb, lemma):
        return None
    passive = _children(verb, ("nsubjpass",))
    dobj = next(iter(_children(verb, ("dobj",))), None)
    dative = next(iter(_children(verb, ("dative",))), None)
    to_obj = _pobj(verb, ("to", "on", "upon")) or (
        _pobj(dative, ("to",)) if dative is not None and dative.lower_ == "to" else None
    )
    if dative is not None and dative.lower_ == "to":
        dative = next((o for o in dative.children if o.dep_ == "pobj"), None)
    with_obj = _pobj(verb, ("with",))
    if lemma == "receive":
        source = _pobj(verb, ("from",))
        if source is None and dobj is not None:
            # "received a chess set from X", with "set" misread as a verb holding "from X"
            source = next(
                (_pobj(t, ("from",)) for t in dobj.subtree if _pobj(t, ("from",)) is not None),
                None,
            )
        return Gift(
            _refs(source, people),
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
    if not givers and _nonperson_subject(verb, people):
        return None  # "Saudi Arabia gave ...": a state, not a leader, gives
    if dobj is not None and people.refs(dobj) and dative is None:
        # "handed US President X a football" parsed with the item under the person
        inner = next((c for c in dobj.children if c.dep_ in ("dobj", "appos")), None)
        if inner is not None and not people.refs(inner):
            dative, dobj = dobj, inner
    relative = dobj is not None and (dobj.tag_ == "WDT" or dobj.lower_ in ("that", "which"))
    if verb.dep_ == "relcl" and (dobj is None or relative or people.refs(dobj)):
        # "the clock that X gave (him)"
        if dobj is not None and people.refs(dobj):
            dative = dobj
        dobj = verb.head
    if to_obj is None and dobj is not None:
        to_obj = _pobj(dobj, ("on", "upon"))  # "conferred the order on Y"
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


def _resolve_items(gift, idx, people) -> None:
    """Replace a referring-back item ('The sapling was X's gift') by its antecedent and
    set the item phrases."""
    if gift.rule in ("gift.possessive", "gift.passive_item"):
        gift.items = [gi.antecedent(t, idx, people) or t for t in gift.items]
    gift.texts = _texts(gift, people)


def find_gifts(idx, people) -> list:
    """Gift mentions in the article body (sides may be missing; the pipeline fills them
    with the counterpart).  A gift whose own verb is negated, planned or a conflict
    predicate is dropped; cues elsewhere in the sentence do not matter."""
    out = []
    for sent in body_sents(idx):
        for tok in sent:
            gift = None
            if tok.pos_ == "VERB":
                gift = _verb_gift(tok, people)
                if gift and (not verb_asserted(tok) or is_conflict(tok)):
                    gift = None
            elif tok.pos_ == "NOUN":
                gift = _possessive_gift(tok, people)
            if gift and gift.items:
                # a role noun resolved to the giver ("X gave his host") is left to the
                # counterpart rule
                gift.recipients = [r for r in gift.recipients if r not in gift.givers]
                _resolve_items(gift, idx, people)
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
    """Item phrases of a gift (see `_texts`)."""
    return gift.texts if gift.texts is not None else _texts(gift, None)


def _texts(gift, people) -> list:
    """Item phrases of a gift, with verb-attached complements and the items they hide."""
    texts = []
    for item in gift.items:
        extra, more = ("", [])
        if gift.trigger.pos_ == "VERB":
            extra, more = _extra_from(item, gift.trigger)
        text = gi.item_text(item, people) if people is not None else np_text(item)
        texts.append((text + " " + extra).strip() if extra else text)
        texts.extend(np_text(m) for m in more)
    return [t for t in texts if t and t.lower() not in gi.GENERIC_ITEMS]
