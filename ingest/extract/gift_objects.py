"""What is handed over: the item heads in a gift verb's objects (lists, 'together
with', honours named in apposition, misread nouns), who the parse hides among them
('gave Turnbull a sword' with the item under the person), and a passive's agent."""

from __future__ import annotations

from . import gift_items as gi
from .gift_sides import (
    GIFT_NOUNS,
    GIFT_VERBS,
    ROLE_NOUNS,
    _pobj,
    _role,
)
from .phrases import np_text, split_items
from .tags import ADJ, ADV, AUX, NOUN, NUM, PROPN, VERB
from .text import kids, subtree


def _nominal(tok) -> bool:
    """A noun, or a word the tagger took for an adjective in a noun's place ('was given
    a mosaic of ...'), or for an adverb (`_misread_noun`)."""
    return (
        tok.pos in (NOUN, PROPN, NUM)
        or (
            tok.pos == ADJ
            and tok.tag_ == "JJ"
            and tok.dep_ in ("dobj", "pobj", "attr", "appos", "conj")
            and any(c.dep_ == "det" for c in kids(tok))
        )
        or _misread_noun(tok)
    )


# Adverbs in -er and -est that are what they seem ('gave him a book later').
TRUE_COMPARATIVES = {
    "more", "most", "less", "least", "later", "earlier", "further", "farther", "longer",
    "sooner", "better", "best", "rather", "faster", "harder", "closer", "higher", "lower",
    "once", "ever", "never", "together", "again", "instead", "too", "also", "as", "well",
}  # fmt: skip


def _misread_noun(tok) -> bool:
    """An unfamiliar noun the tagger took for a comparative adverb ('a crystal decanter'
    read as 'crystal' modifying the adverb 'decanter'): an -er/-est 'adverb' that heads
    an indefinite noun phrase."""
    return (
        tok.pos == ADV
        and (
            tok.tag_ in ("RBR", "RBS")
            or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(tok))
        )
        and tok.is_alpha
        and tok.lower_ not in TRUE_COMPARATIVES
        and any(
            c.dep_ in ("npadvmod", "compound", "amod")
            and c.i == tok.i - 1
            and _indefinite(c)
            or c.dep_ == "det"
            and c.lower_ in ("a", "an")
            for c in kids(tok)
        )
    )


def _misread_tail(item):
    """The misread noun right after an item that the parser hung on the verb beside it
    ('gave a crystal decanter to Y', 'decanter' an adverb of 'gave'): None if none."""
    doc = item.doc
    nxt = item.right_edge.i + 1
    if nxt >= len(doc) or item.pos != NOUN:
        return None
    tok = doc[nxt]
    if (
        tok.head == item.head
        and tok.dep_ == "advmod"
        and tok.tag_ in ("RBR", "RBS", "NN")
        and tok.is_alpha
        and tok.lower_ not in TRUE_COMPARATIVES
        and tok.ent_type_ not in ("DATE", "TIME")
        and not tok.lower_.endswith("ly")
    ):
        return tok
    return None


def _item_heads(obj, people, verb):
    """Item heads in an object phrase: generic heads give way to what explains them,
    people and non-gifts are dropped, 'together with X' adds X; an honour keeps its
    name ('the Order of X', even tagged as a person) and a bare kind ('the award',
    'its highest honour') gives way to its apposition."""
    if obj is None:
        return []
    out = []
    parts = split_items(obj)
    if len(parts) > 1 and not any(p.dep_ == "conj" for p in parts):
        parts = parts[:1]  # "a scarf, a silk dupatta, ...": one item named twice
    parts += [
        c  # 'a mosaic, "Title," and a copy of Y' parsed with the copy joined to the title
        for p in parts
        for a in kids(p)
        if a.dep_ == "appos" and a.i > p.i
        for c in kids(a)
        if c.dep_ == "conj" and c.pos == NOUN and _indefinite(c) and c not in parts
    ]
    for item in parts:
        if item.pos == PROPN and gi.is_honour(item):
            out.append(item)
        elif item.lower_ in gi.HONOUR_KINDS:
            # "the Order of X" is named; "its highest order, the X" names it in apposition
            named = [item] if gi.named_honour(item) or item.text[0].isupper() else []
            appos = [c for c in kids(item) if c.dep_ == "appos"] or [
                c  # the apposition hung on the recipient the item hangs under
                for c in kids(item.head)
                if c.dep_ == "appos" and c.i > item.i and not people.refs(c)
            ]
            later = [c for c in kids(verb) if c.dep_ == "dobj" and c.i > item.i]
            appos = appos or [c for c in later if gi.is_honour(c)]  # parsed as a 2nd object
            appos = appos or _subject_appos(verb, item)
            out.extend(named or appos[:1])
        elif gi.is_generic(item) or people.pids(item):
            listed = [
                i for i in gi.listed(item, verb)
                if not people.refs(i) and not gi.not_an_item(i) and _nominal(i)
            ]  # fmt: skip
            out.extend(listed or gi.explained(item, verb)[:1])
        elif not gi.not_an_item(item) and _nominal(item):
            out.append(item)
    contents = [c for c in kids(verb) if c.dep_ == "advcl" and c.tag_ == "VBG"]
    for prep in [p for v in [verb, *contents] for p in kids(v)]:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "with"
            and any(c.lower_ == "together" for c in list(kids(prep)) + [prep.doc[prep.i - 1]])
        ):
            for o in (o for o in kids(prep) if o.dep_ == "pobj"):
                # "together with a copy of X, and a copy of Y" (a tour is no item)
                out.extend(i for i in split_items(o) if not gi.not_an_item(i) and _nominal(i))
    if out and verb.pos == VERB:
        # "..., and a copy of Y" hung on the verb: one more item of the same list
        out.extend(
            c for c in kids(verb)
            if c.dep_ == "conj" and c.pos == NOUN and c.i > obj.i and _indefinite(c)
            and not people.refs(c) and not gi.not_an_item(c) and _pobj(c, ("to",)) is None
        )  # fmt: skip
    return list(dict.fromkeys(out))


def _as_gift(verb) -> bool:
    return any(
        o.lower_ in GIFT_NOUNS
        for c in kids(verb)
        if c.dep_ == "prep" and c.lower_ == "as"
        for o in kids(c)
        if o.dep_ == "pobj"
    )


def _not_a_gift(verb, lemma) -> bool:
    """'presented the plan as a turning point' describes; 'sent' needs 'as a gift' or a
    leader it is sent to (checked with the recipient)."""
    as_objs = [o for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "as"
               for o in kids(c) if o.dep_ == "pobj"]  # fmt: skip
    as_gift = _as_gift(verb)
    if lemma == "send":
        return bool(as_objs) and not as_gift
    return bool(as_objs) and not as_gift and lemma in ("present", "hand", "give")


# Participles of handing over: 'a pair of dogs presented by X to Y'.
HANDED = {"present", "give", "gift", "hand", "donate", "bestow", "send"}


def _item_of(noun):
    """The whole item phrase a participle hangs under: 'a pair of hunting dogs' for
    'dogs'."""
    for _ in range(4):
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos == NOUN:
            noun = head.head
        elif noun.dep_ == "dobj" and head.dep_ == "pcomp" and head.head.lower_ == "of":
            noun = head.head.head
        elif noun.dep_ == "oprd" and head.dep_ == "acl":
            noun = head.head  # "a horse named Storm presented by X"
        else:
            break
    return noun


def _subject_appos(verb, after) -> list:
    """'Y has been conferred with the country's highest honour, the Order of X, by Z'
    parsed with 'the Order of X' in apposition to the subject Y: that honour."""
    return [
        c
        for s in kids(verb)
        if s.dep_ == "nsubjpass"
        for c in kids(s)
        if c.dep_ == "appos" and c.i > after.i and gi.is_honour(c)
    ][:1]


def _agent(verb, item, people):
    """The 'by X' of a passive, on the verb or hung on the item ('was presented with a
    vase by X'); a 'by' inside the item's own clause ('a ball signed by X') is not it."""
    agent = _pobj(verb, ("by",))
    if agent is None and item is not None:
        agent = next(
            (o for c in subtree(item) if c.dep_ in ("prep", "agent") and c.lower_ == "by"
             and not _inside_clause(c, item)
             for o in kids(c) if o.dep_ == "pobj" and people.refs(o)),
            None,
        )  # fmt: skip
    for honour in _subject_appos(verb, verb) if agent is None else ():
        agent = _pobj(honour, ("by",))  # the 'by' hung on that honour
    return agent


# Participles a 'by' after them does not belong to: a misread noun ('a chess set') or
# the item's name ('a horse named Storm by X' gives it by X).
NAMING_VERBS = {"set", "name", "call", "title", "dub", "christen"}


def _indefinite(tok) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(tok))


def _inside_clause(tok, top) -> bool:
    """Whether a token hangs under a participle or relative clause inside `top`, which
    says who made or marked the item ('signed by X', 'handwoven by a family'); a
    misparse ('a chess set by X' read as the verb 'set') or a name ('a horse named Storm
    by X') does not count."""
    while tok != top and tok.head != tok:
        tok = tok.head
        if tok.pos in (VERB, ADJ) and tok.dep_ in ("acl", "relcl", "amod"):
            if tok.dep_ == "relcl" or tok.lemma_.lower() not in NAMING_VERBS:
                return True
    return False


def _inner_item(person):
    """'gave Turnbull a sword' parsed with the item under the person."""
    return next(
        (c for c in kids(person)
         if c.dep_ in ("dobj", "appos", "npadvmod") and c.pos in (NOUN, PROPN)
         and c.i > person.i and (not _role(c) or _indefinite(c))
         and c.lower_ not in gi.HUMAN_NOUNS),
        None,
    )  # fmt: skip


def _split_objects(verb, dobj, people):
    """Recipient and item when the parser made both objects ('gave US President X a
    copy', 'gave his counterpart, X, ice cream', 'handed X a football' with the item
    under the person): the person is the recipient, the first thing after them the item."""
    chain = [c for c in kids(verb) if c.dep_ in ("ccomp", "oprd") and c.pos == NOUN]
    # "gave his counterpart, X, a pair of ...", X parsed as a modifier of the verb
    loose = [c for c in kids(verb) if c.dep_ == "npadvmod" and people.refs(c)]
    # "gave President X a pen" with the name X misread as a verb heading its own clause
    loose += [c for c in kids(verb) if c.dep_ == "ccomp" and c.pos == VERB and people.pids(c)]
    for obj in (c for c in kids(verb) if c.dep_ == "dobj" or c in loose):
        chain.append(obj)
        for c in kids(obj):
            if c.dep_ in ("appos", "dobj", "npadvmod"):
                chain.append(c)
                chain.extend(d for d in kids(c) if d.dep_ in ("appos", "dobj"))
    if dobj is not None and chain:
        # "gifted President X a folio containing ...": the item read as a modifier of the verb
        chain += [
            c for c in kids(verb)
            if c.dep_ == "npadvmod" and c.pos == NOUN and c.i == dobj.right_edge.i + 2
            and _indefinite(c)
        ]  # fmt: skip
    # an honour's name is never a person ('the Order of X' read as one); a role is
    persons = [t for t in chain if people.refs(t) and t.lower_ not in gi.HONOUR_HEADS]
    persons = persons or [t for t in chain if _role(t) and not _indefinite(t)]
    if not persons:
        return None, dobj
    last = max(t.i for t in persons)
    things = sorted(
        (t for t in chain if t.i > last and (not people.refs(t) or t.lower_ in gi.HONOUR_HEADS)
         and t.pos in (NOUN, PROPN)
         and (t.lower_ not in ROLE_NOUNS or _indefinite(t))),
        key=lambda t: t.i,
    )  # fmt: skip
    if not things:
        # "gave Y, the wife of Z, a silver brooch": the item hung deep in the apposition
        things = [t for o in chain if o in persons for t in [_trailing_thing(o, people)] if t]
    if not things:
        return None, dobj
    return persons[0], things[0]


def _trailing_thing(top, people):
    """An indefinite thing after the last person inside a person's phrase ('Y, his wife,
    a silver brooch'): the item of a gift whose recipient the phrase names."""
    last = max((t.i for t in subtree(top) if people.pids(t)), default=top.i)
    return next(
        (t for t in subtree(top)
         if t.i > last and t.dep_ in ("appos", "dobj", "npadvmod") and t.pos == NOUN
         and _indefinite(t) and not people.refs(t) and not _role(t) and not gi.not_an_item(t)
         and not t.lower_.endswith(AGENT_SUFFIXES) and not _in_clause(t, top)),
        None,
    )  # fmt: skip


def _in_clause(tok, top) -> bool:
    """Whether a verb stands between a token and `top` ('Y, who gave X a vase')."""
    while tok != top and tok.head != tok:
        tok = tok.head
        if tok.pos in (VERB, AUX) and tok != top:
            return True
    return False


# 'a former teacher', 'an economist': a person described, not a thing handed over.
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


def _presented_by(item, people):
    """'received a horse presented by X': the giver named inside the item."""
    for c in subtree(item):
        if c.dep_ == "acl" and c.lemma_ in GIFT_VERBS:
            agent = _pobj(c, ("by",))
            if agent is not None and people.refs(agent):
                return agent
    return None


def _extra_from(item, verb):
    """'receiving a glove from a spacesuit' parsed with 'from' on the verb."""
    nxt = item.right_edge.i + 1
    for prep in kids(verb):
        if prep.dep_ == "prep" and prep.i == nxt and prep.lower_ in ("from", "of"):
            obj = next((o for o in kids(prep) if o.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("PERSON", "GPE", "DATE"):
                return prep.text + " " + np_text(obj, keep_det=True), [
                    c
                    for c in kids(obj)
                    if c.dep_ == "conj" and any(d.lower_ in ("a", "an") for d in kids(c))
                ]
    return "", []
