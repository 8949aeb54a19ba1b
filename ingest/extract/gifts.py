"""Gifts between leaders: giver, recipient and item, from verbs and possessives.

Patterns (all on the dependency parse, none on words of a particular story):
  active   "X gave Y Z", "X gave Z to Y", "X presented Y with Z", "X handed over Z"
  passive  "Y was presented with Z by X", "Y was given Z by X", "Z was given to Y by X"
  receive  "Y received Z (from X)", "..., while receiving Z" (subject inherited)
  relative "the desk that X gave to Y"
  possess  "X's gift to Y was Z", "Z was X's gift to Y"
  continue "The president added Z" right after a gift by the same giver
Several items in one object give one gift each; box contents ("holding ...")
do not.  A missing side is the giver's counterpart in the meeting.  The special verb
forms (participle, reciprocated, honour to, receive, intended, adorned) are in gift_forms.
The rules, with their names, confidences and examples, are the table `gift_rules.GIFT_RULES`,
whose readers `find_gifts` iterates.
"""

from __future__ import annotations

from . import gift_items as gi
from .conflict import is_conflict, verb_asserted
from .gift_forms import (
    ADORN_VERBS,
    _adorned,
    _honour_to,
    _intended,
    _participle_gift,
    _receive_gift,
    _reciprocated,
)
from .gift_nouns import (
    _misread_gift_noun,
)
from .gift_objects import (
    HANDED,
    _agent,
    _as_gift,
    _extra_from,
    _inner_item,
    _item_heads,
    _misread_noun,
    _misread_tail,
    _not_a_gift,
    _split_objects,
    _trailing_thing,
)
from .gift_sides import (
    DATIVE_ONLY,
    GIFT_NOUNS,
    GIFT_VERBS,
    HONOUR_TO,
    SPOUSE_WORDS,
    WITH_ONLY,
    Gift,
    _broken_name,
    _children,
    _foreign,
    _named_or_refs,
    _nonperson_subject,
    _office_holder,
    _own_recipient,
    _own_recipient_of,
    _pobj,
    _refs,
    _role,
    _run_on_item,
    _run_on_subject,
    _same_recipient,
    _subject,
)
from .phrases import np_text
from .tags import NOUN, PRON, PROPN, VERB
from .text import kids, subtree


def _verb_gift(verb, people) -> Gift | None:
    lemma = verb.lemma_.lower()
    if lemma in ADORN_VERBS and verb.pos == VERB:
        return _adorned(verb, people)
    if lemma not in GIFT_VERBS or verb.pos != VERB or _not_a_gift(verb, lemma):
        return None
    if _intended(verb):
        return None
    if lemma == "reciprocate":
        return _reciprocated(verb, people)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and lemma in HANDED:
        return _participle_gift(verb, people)
    run_on = _run_on_subject(verb, people)

    def refs_of(tok):
        """Persons an object names, without a run-on subject joined to it."""
        refs = people.refs(tok)
        if run_on is not None and tok != run_on and run_on in subtree(tok):
            refs = [p for p in refs if p not in people.pids(run_on)]
        return refs

    passive = _children(verb, ("nsubjpass",))
    dobj = next(iter(_children(verb, ("dobj",))), None)
    misread = next((c for c in kids(verb) if c.dep_ == "advmod" and _misread_noun(c)), None)
    if misread is not None and dobj is not None and misread.i < dobj.i:
        # "handed Y a carved storyboard, a symbol of ...": the object is its apposition
        dobj = misread if misread.nbor(1).text == "," else dobj
    dobj = dobj if dobj is not None else misread
    if dobj is None:
        # "gave Y several gifts, among them Z" with 'gifts' read as a modifier of the verb
        dobj = next(
            (c for c in kids(verb) if c.dep_ == "npadvmod" and c.lower_ in GIFT_NOUNS), None
        )
    datives = _children(verb, ("dative",))
    # "gave Brazilian President X ...", the title parsed as a dative of its own
    dative = next((d for d in datives if people.refs(d)), next(iter(datives), None))
    honour = lemma in ON_VERBS or (dobj is not None and gi.is_honour(dobj))
    to_obj = (
        _pobj(verb, ("to",))
        # 'on' names the one honoured ("conferred the order on Y"), else a topic ("a
        # book on X")
        or (_pobj(verb, ("on", "upon")) if honour else None)
        or (_pobj(dative, ("to",)) if dative is not None and dative.lower_ == "to" else None)
    )
    if dative is not None and dative.lower_ == "to":
        dative = next((o for o in kids(dative) if o.dep_ == "pobj"), None)
    dative = _broken_name(dative, verb, people) or dative
    if dative is not None and dative == dobj:
        # the broken name's second half was the first object: the item is the next one
        dobj = next((c for c in kids(verb) if c.dep_ == "dobj" and c.i > dative.i), misread)
    to_obj = _broken_name(to_obj, verb, people) or to_obj
    with_obj = _pobj(verb, ("with",))
    if with_obj is None and dobj is not None and refs_of(dobj):
        with_obj = _pobj(dobj, ("with",))  # "decorated Y with the Order", 'with' under Y
    if lemma in ("receive", "get"):
        return _receive_gift(verb, dobj, people)
    if lemma in HONOUR_TO:
        return _honour_to(verb, dobj, passive, people)
    honoured = dobj if dobj is not None else next(iter(passive), None)
    if lemma in WITH_ONLY and (
        with_obj is None or honoured is None or not (_refs(honoured, people) or _role(honoured))
    ):
        return None
    if passive:
        subj = passive[0]
        # "was given a mosaic by X, together with a book": the object first
        item = dobj if dobj is not None else with_obj
        if item is None:
            # "Y was conferred the country's highest decoration, the Order of X, by Z"
            item = next((c for c in kids(verb) if c.dep_ == "oprd" and c.pos == NOUN), None)
        if people.refs(subj) and not _pronoun_item(subj, verb, dobj):
            agent = _agent(verb, item, people)
            if _foreign(agent, people) and not _named_or_refs(agent, people):
                return None
            return Gift(
                _named_or_refs(agent, people) if agent is not None else [],
                people.refs(subj),
                _item_heads(item, people, verb),
                verb,
                0.9,
                "gift.passive",
            )
        agent = _agent(verb, subj, people)
        if (_foreign(agent, people) and not _named_or_refs(agent, people)) or _foreign(
            to_obj, people
        ):
            return None
        return Gift(
            _named_or_refs(agent, people) if agent is not None else [],
            _refs(to_obj, people),
            _item_heads(subj, people, verb),
            verb,
            0.85,
            "gift.passive_item",
        )
    givers = _subject(verb, people)
    if not givers and _nonperson_subject(verb, people):
        return None  # "Saudi Arabia gave ...": a state, not a leader, gives
    if dative is not None and not people.refs(dative):
        # "gave his counterpart, X, ice cream": the name in apposition to the role
        named = next(
            (c for c in kids(dative)
             if c.dep_ == "appos" and people.refs(c) and c.lower_ not in gi.HONOUR_HEADS),
            None,
        )  # fmt: skip
        dative = named if named is not None else dative
    if dobj is None and dative is not None:
        # "handed the visiting leader the X award" parsed with the item in apposition
        dobj = next(
            (c for c in kids(dative)
             if c.dep_ == "appos" and c.i > dative.i and c.pos in (NOUN, PROPN)
             and (not people.refs(c) or c.lower_ in gi.HONOUR_HEADS)
             and not _role(c) and c.lower_ not in gi.HUMAN_NOUNS),
            None,
        )  # fmt: skip
    later = next(
        (c for c in kids(verb)
         if c.dep_ == "dobj" and dobj is not None and c.i > dobj.i and not people.refs(c)),
        misread,
    )  # fmt: skip
    if (
        dative is not None
        and dobj is not None
        and later is not None
        and not people.refs(dative)
        and refs_of(dobj)
        and dative.right_edge.i + 1 >= dobj.left_edge.i
    ):
        # "gave Comoran Prime Minister X a vintage camera": the name broken in two
        # objects, the item a second object (or misread as an adverb)
        dative, dobj = dobj, later
    if dative is None and with_obj is None:
        dative, dobj = _split_objects(verb, dobj, people)
    if dative is None and dobj is not None and refs_of(dobj) and with_obj is None:
        run_on = _run_on_item(verb, people)
        if run_on is not None:
            # "X gave Y a rug and Z gave X a dagger" parsed with 'a rug and Z' as the
            # subject of the second 'gave': Y is the recipient, the rug the item
            dative, dobj = dobj, run_on
    if dative is None and dobj is not None and not refs_of(dobj):
        # "gave Xi Jinping Russian ice cream" parsed with the name inside the item
        dative = next(
            (t for t in subtree(dobj) if t.i < dobj.i and t.dep_ in ("compound", "nmod")
             and t.left_edge.i == dobj.left_edge.i and people.pids(t)),
            None,
        )  # fmt: skip
    if dative is not None and people.refs(dative) and (dobj is None or refs_of(dobj)):
        # "gave Turnbull a sword", the item under the person
        dobj = _inner_item(dative) or (_inner_item(dobj) if dobj is not None else None)
        dobj = dobj if dobj is not None else _run_on_item(verb, people)
    elif dative is not None and people.refs(dative) and dobj is not None:
        inner = _inner_item(dative)
        if inner is not None and inner.i < dobj.i:
            dobj = inner  # the item under the person comes first; a later object is debris
        elif inner is not None and dobj.i < dative.i and (_role(dobj) or gi.not_an_item(dobj)):
            dobj = inner  # "gave Turkish President X a saddle", the title read as the object
    relative = dobj is not None and (dobj.tag_ == "WDT" or dobj.lower_ in ("that", "which"))
    rel_subject = any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in kids(verb))
    if verb.dep_ == "relcl" and not rel_subject and (dobj is None or relative or refs_of(dobj)):
        # "the clock that X gave (him)"
        if dobj is not None and refs_of(dobj):
            dative = dobj
        dobj = verb.head
    verb_to = to_obj
    if dobj is not None and (to_obj is None or to_obj.i > dobj.i):
        # "conferred the order on Y", "gave a pair of hunting dogs to Y": the 'to' or 'on'
        # hung anywhere inside the item (before a later item's own 'to' on the verb)
        # ('a book on X' names its topic, not a recipient: 'on' only for an honour)
        preps = ("to", "on", "upon") if honour or gi.is_honour(dobj) else ("to",)
        to_obj = next(
            (o for t in subtree(dobj) if t.dep_ == "prep" and t.lower_ in preps
             for o in kids(t) if o.dep_ == "pobj" and people.refs(o)),
            to_obj,
        )  # fmt: skip
    if (
        dobj is not None
        and with_obj is not None
        and (refs_of(dobj) or _role(dobj) or (dobj.pos == PROPN and not gi.is_honour(dobj)))
    ):
        # "presented X with Z", X a leader, a role or a name the article does not resolve
        return Gift(
            givers,
            refs_of(dobj),
            _item_heads(with_obj, people, verb),
            verb,
            0.9,
            "gift.present_with",
        )
    if lemma in WITH_ONLY or (lemma in DATIVE_ONLY and not _refs(dative, people)):
        return None
    if _foreign(dative, people) or (dative is None and _foreign(to_obj, people)):
        return None  # "gave the museum a painting", "gave a painting to Tanzania"
    recipients = _refs(dative, people) or _refs(to_obj, people)
    if lemma == "send" and not recipients and not _as_gift(verb):
        return None  # "sent troops to the border"
    spouse = _unnamed_spouse(dative, to_obj, dobj)
    if spouse is not None and not (dative not in (None, spouse) and _refs(dative, people)):
        return None  # "presented shawls to the First Lady": not the leader's own gift
    rule = "gift.active" if recipients else "gift.active_counterpart"
    gift = Gift(
        givers, recipients, _item_heads(dobj, people, verb), verb, 0.9 if recipients else 0.7, rule
    )
    gift.more = _gapped(verb, to_obj, people)
    for item in list(gift.items):
        if item == dobj:
            continue
        to = _pobj(item, ("to",))
        if to is None and verb_to is not None and verb_to != to_obj and verb_to.i > item.i:
            to = verb_to  # "a set to X and a scarf to Y", the second 'to' on the verb
        if to is None:
            continue
        own = _named_or_refs(to, people)
        if own != recipients:
            gift.items.remove(item)  # "a puppy to X and a vase to Y"
            if own:
                gift.more.append(([item], own))
    return gift


# Verbs that confer an honour 'on' or 'upon' a person ("conferred the order on Y").
ON_VERBS = {"confer", "bestow", "award"}


def _unnamed_spouse(dative, to_obj, dobj):
    """The recipient's phrase when it is a spouse the sentence does not name ('to the First
    Lady', 'gave his wife', 'to Y's wife'; not 'the first lady, Z' nor 'First Lady Z'):
    whoever a title like 'First Lady' may resolve to, the counterpart did not receive it."""
    phrases = [t for t in (dative, to_obj) if t is not None]
    if dobj is not None:  # "presented shawls to the First Lady", 'to' hung on the item
        phrases += [
            o
            for t in subtree(dobj)
            if t.dep_ == "prep" and t.lower_ == "to"
            for o in kids(t)
            if o.dep_ == "pobj"
        ]
    for t in phrases:
        if t.lower_ not in SPOUSE_WORDS and t.lemma_.lower() not in SPOUSE_WORDS:
            continue
        named = any(
            x.ent_type_ == "PERSON" and x.lower_ not in SPOUSE_WORDS
            for c in kids(t)
            if c.dep_ in ("appos", "compound", "conj", "npadvmod")
            for x in subtree(c)
        )
        if not named:
            return t
    return None


def _pronoun_item(subj, verb, dobj) -> bool:
    """'They were handed over (together with a bag of food)': a pronoun subject with no
    object of its own is the thing handed over, not a person receiving it."""
    if subj.pos != PRON or dobj is not None:
        return False
    with_obj = _pobj(verb, ("with",))
    return (
        with_obj is None
        or with_obj.head.i > 0
        and (
            verb.doc[with_obj.head.i - 1].lower_ == "together"
            or any(c.lower_ == "together" for c in kids(with_obj.head))
        )
    )


def _gapped(verb, to_obj, people) -> list:
    """'gave a puppy to X and a vase to Y': further (item, recipients) pairs, each item
    carrying its own 'to', coordinated with the verb or with the first recipient."""
    hosts = [verb] + ([to_obj] if to_obj is not None else [])
    later_to = [c for c in kids(verb) if c.dep_ in ("dative", "prep") and c.lower_ == "to"]
    out = []
    for to in (c for c in kids(verb) if c.dep_ in ("conj", "prep") and c.lower_ == "to"):
        # "..., and to Y, his wife, a silver brooch": 'to' joined to the verb
        obj = next((o for o in kids(to) if o.dep_ == "pobj"), None)
        item = _trailing_thing(obj, people) if obj is not None else None
        recipients = _named_or_refs(obj, people) if item is not None else []
        if recipients:
            out.append((_item_heads(item, people, verb), recipients))
    for host in hosts:
        for c in kids(host):
            if c.dep_ == "conj" and c.pos in (NOUN, PROPN) and not people.refs(c):
                recipients = _own_recipient(c, people)
                after = [t for t in later_to if t.i > c.i]
                if not recipients and after:
                    # "a scarf to X and a brooch to Y" with both 'to's on the verb
                    recipients = _own_recipient_of(after[0], people)
                items = _item_heads(c, people, verb) if recipients else []
                if items:
                    out.append((items, recipients))
    return out


def _resolve_items(gift, idx, people) -> None:
    """Replace a referring-back item ('The sapling was X's gift') by its antecedent and
    set the item phrases."""
    if gift.rule in ("gift.possessive", "gift.noun", "gift.passive_item"):
        gift.items = [gi.antecedent(t, idx, people) or t for t in gift.items]
    gift.texts = _texts(gift, people)


def find_gifts(idx, people) -> list:
    """Gift mentions in the article body (sides may be missing; the pipeline fills them
    with the counterpart).  A gift whose own verb is negated, planned or a conflict
    predicate is dropped; cues elsewhere in the sentence do not matter."""
    from .gift_rules import READERS as readers  # the table imports this module's readers

    out = []
    # The words the readers read (`_verb_gift`: a gift or adorning verb's lemma;
    # `_gift_noun`: a gift noun); a reader for other words must add them here.
    for tok in idx.body_tokens(GIFT_VERBS | ADORN_VERBS, GIFT_NOUNS):
        sent = idx.sent(tok)
        gift = None
        if tok.pos == VERB:
            gift = _read(readers["verb"], tok, people)
            if gift and (not verb_asserted(tok) or is_conflict(tok)):
                gift = None
        elif tok.pos == NOUN or _misread_gift_noun(tok):
            gift = _read(readers["noun"], tok, people)
        if gift is None:
            continue
        gifts = [gift] + [
            Gift(gift.givers, recipients, items, gift.trigger, gift.confidence, gift.rule)
            for items, recipients in gift.more or ()
        ]
        for g in gifts:
            g.items = [i for i in g.items if not _mentioned_again(i, g, out, idx)]
            if not g.items:
                continue
            # a role noun resolved to the giver ("X gave his host") is left to the
            # counterpart rule
            g.recipients = [r for r in g.recipients if r not in g.givers]
            g.givers = _office_holder(g.givers, people, sent)
            g.recipients = _office_holder(g.recipients, people, sent)
            if not g.recipients and g.givers and out:
                g.recipients = _same_recipient(g, out[-1], idx)
            _resolve_items(g, idx, people)
            out.append(g)
    return out


def _read(readers, tok, people):
    """What the first of a pass's readers (`gift_rules.READERS`) that reads the token finds."""
    return next((g for g in (read(tok, people) for read in readers) if g), None)


VERB_RULES = ("gift.active", "gift.active_counterpart", "gift.passive", "gift.present_with")


def _mentioned_again(item, gift, earlier, idx) -> bool:
    """'X gave Y a thoroughbred horse. X presented the stallion to Y ...': a definite
    common noun after a gift between the same leaders, two sentences back at most,
    names that gift again."""
    if gift.rule not in VERB_RULES or item.pos != NOUN:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids(item)):
        return False
    sent = idx.sent_of[item.i]
    for prev in earlier:
        if sent - idx.sent_of[prev.trigger.i] > 2 or prev.givers != gift.givers:
            continue
        if not prev.recipients or not gift.recipients or prev.recipients == gift.recipients:
            return True
    return False


def item_texts(gift) -> list:
    """Item phrases of a gift (see `_texts`)."""
    return gift.texts if gift.texts is not None else _texts(gift, None)


def _texts(gift, people) -> list:
    """Item phrases of a gift, with verb-attached complements and the items they hide."""
    texts = []
    for item in gift.items:
        extra, more = ("", [])
        if gift.trigger.pos == VERB:
            extra, more = _extra_from(item, gift.trigger)
        text = (
            gi.item_text(item, people, sides=set(gift.givers) | set(gift.recipients))
            if people is not None
            else np_text(item)
        )
        tail = _misread_tail(item) if gift.trigger.pos == VERB else None
        if tail is not None and text:
            text = f"{text} {tail.text}"
        texts.append((text + " " + extra).strip() if extra else text)
        texts.extend(np_text(m) for m in more)
    return [t for t in texts if t and t.lower() not in gi.GENERIC_ITEMS]
