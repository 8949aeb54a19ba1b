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

import unicodedata
from dataclasses import dataclass

from . import gift_items as gi
from .conflict import body_sents, is_conflict, verb_asserted
from .lexicon import HONORIFICS as HONORIFIC_WORDS
from .lexicon import TITLES
from .phrases import np_text, split_items

GIFT_VERBS = {"give", "present", "hand", "bestow", "award", "confer", "donate", "gift",
              "receive", "add", "send", "decorate", "honour", "honor", "get", "bring",
              "appoint", "induct", "admit", "reciprocate"}  # fmt: skip
# Verbs that make a gift only with a person as the first of two objects ("brought Y a Z").
DATIVE_ONLY = {"bring"}
# Verbs that make a gift only as 'X <verb> Y to <an honour>' ("appointed Y to the Order of Merit").
HONOUR_TO = {"appoint", "induct", "admit"}
# Verbs that make a gift only as 'X <verb> Y with Z' ('decorated him with the Order').
WITH_ONLY = {"decorate", "honour", "honor"}
PLACE_ENTS = {"GPE", "LOC", "ORG", "NORP", "FAC"}
# Nouns that stand for a person in a giver's or recipient's place ('his host'): the
# meeting's counterpart fills them when the parse does not resolve them.
ROLE_NOUNS = {
    "counterpart", "host", "guest", "visitor", "leader", "president", "premier",
    "chancellor", "minister", "king", "queen", "prince", "princess", "emperor", "empress",
    "monarch", "pope", "sheikh", "emir", "sultan", "wife", "husband", "lady", "couple",
    "man", "woman", "envoy", "secretary", "ruler", "head", "chief", "side", "pair",
    "leaders", "counterparts", "hosts", "guests", "visitors", "majesty", "highness",
    "excellency", "sovereign", "governor-general", "first",
}  # fmt: skip
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
    more: list = None  # gapped (items, recipients): "... and a vase to Y"


HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "madame", "mme", "mme."}


def _refs(tok, people):
    """Persons a giver's or recipient's phrase names; 'Mrs X' is the person of that
    surname who is not the one the surname alone resolved to (the spouse); 'the Bidens'
    is everyone of that family name."""
    if tok is None:
        return []
    family = _family(tok, people)
    if family:
        return family
    refs = people.refs(tok)
    if len(refs) == 1 and _other_spouse(tok, people.get(refs[0])):
        return []
    if len(refs) == 1 and any(
        t.lower_ in HONORIFICS for t in tok.doc[max(tok.left_edge.i - 1, 0) : tok.i]
    ):
        surname = tok.lower_
        spouses = [
            p.pid for p in people.persons
            if p.pid != refs[0] and p.words and p.words[-1].lower() == surname
        ]  # fmt: skip
        if len(spouses) == 1:
            return spouses
    return refs


TITLE_WORDS = {w for t in TITLES for w in t.split()} | set(HONORIFIC_WORDS)


def _other_spouse(tok, person) -> bool:
    """'Sofia Horn, his wife' resolved to Gyula Horn by the shared family name: a spouse
    named with a first name the person does not have is someone else (no side rather
    than the wrong one)."""
    if tok.i == 0 or not any(
        c.dep_ in ("appos", "conj") and c.lower_ in SPOUSE_WORDS for c in tok.children
    ):
        return False
    first = tok.doc[tok.i - 1]
    return (
        first.dep_ == "compound"
        and first.head == tok
        and first.pos_ == "PROPN"
        and first.lower_ not in person.words
        and first.lower_ not in TITLE_WORDS
    )


def _children(tok, deps):
    return [c for c in tok.children if c.dep_ in deps]


def _pobj(tok, preps):
    """The object of one of the prepositions on a token; an adverb the parser took for a
    second object ('to then President Y') gives way to the noun."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return next((o for o in objs if o.pos_ != "ADV"), objs[0])
    return None


def _family(tok, people) -> list:
    """'The Bidens', 'the Joneses', 'the Obame-Nguemas': every known person whose family
    name the plural names (a plural name after 'the', or tagged as one)."""
    if not tok.lower_.endswith("s") or len(tok) < 3 or not tok.text[0].isupper():
        return []
    if tok.pos_ not in ("PROPN", "NOUN") or (
        tok.tag_ != "NNPS" and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    ):
        return []
    start = tok.i
    while start >= 2 and tok.doc[start - 1].text == "-" and tok.doc[start - 2].pos_ == "PROPN":
        start -= 2  # a hyphenated family name
    plural = tok.doc[start : tok.i + 1].text.lower()
    stems = {plural[:-1]} | ({plural[:-2]} if plural.endswith("es") else set())
    return [p.pid for p in people.persons if p.words and p.words[-1] in stems]


def _run_on_item(verb, people):
    """'X gave Y a copy of his memoirs and Z gave X a horse' parsed with 'a copy ...
    and Z' as the subject of a second 'gave' under the first: that subject is the
    first verb's item (and Z, its last conjunct, the second verb's subject)."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "conj") and c.lemma_ in GIFT_VERBS:
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN" and _trailing_person(subj, people):
                return subj
    return None


def _trailing_person(tok, people):
    """The person coordinated last inside a phrase ('a copy of his memoirs and Z')."""
    conj = [t for t in tok.subtree if t.dep_ == "conj" and people.refs(t)]
    return conj[-1] if conj else None


def _subject(verb, people):
    for _ in range(3):
        subs = _children(verb, ("nsubj",))
        if subs and subs[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            subs = [verb.head]  # "Y, who gave X a vase in return"
        if subs and verb.dep_ == "ccomp" and subs[0].pos_ == "NOUN":
            subs = [_trailing_person(subs[0], people) or subs[0]]
        if subs:
            return _family(subs[0], people) or people.refs(subs[0])
        run_on = _run_on_subject(verb.head, people) if verb.dep_ == "conj" else None
        if run_on is not None and run_on.right_edge.i == verb.i - 1:
            return list(people.pids(run_on))  # "X gave Y a vase and Z gave X a horse"
        if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp") and verb.head != verb:
            verb = verb.head
        else:
            return []
    return []


def _broken_name(tok, verb, people):
    """'gave a football to Lao Prime Minister X' parsed with 'Lao' as the object of 'to'
    and X as a second object of the verb: X (None when the parse is whole)."""
    if tok is None or people.refs(tok) or tok.pos_ not in ("PROPN", "ADJ"):
        return None
    return next(
        (c for c in verb.children
         if c.dep_ in ("dobj", "npadvmod", "appos") and c.left_edge.i == tok.right_edge.i + 1
         and people.refs(c)),
        None,
    )  # fmt: skip


def _run_on_subject(verb, people):
    """'X gave Y a vase and Z gave X a horse' parsed with Z joined to 'a vase' and the
    second 'gave' without a subject: Z, the second verb's subject (None if no such)."""
    for c in verb.children:
        if c.dep_ != "conj" or c.lemma_ not in GIFT_VERBS or _children(c, ("nsubj", "nsubjpass")):
            continue
        for t in verb.subtree:
            if (
                t.dep_ == "conj"
                and t.right_edge.i == c.i - 1
                and t.head.pos_ == "NOUN"
                and t.head.i < t.i
                and people.pids(t)
            ):
                return t
    return None


def _role(tok) -> bool:
    """'his host', 'the visiting leader', 'His Majesty': a person named by role."""
    return tok.lower_ in ROLE_NOUNS or tok.lemma_.lower() in ROLE_NOUNS


def _nonperson_subject(verb, people) -> bool:
    subs = _children(verb, ("nsubj",))
    return (
        bool(subs)
        and subs[0].pos_ in ("PROPN", "NOUN")
        and not people.refs(subs[0])
        and not _role(subs[0])
    )


def _foreign(tok, people) -> bool:
    """A giver's or recipient's place held by something that is no person and no role
    ('from Tanzania', 'to the museum', 'from the head of the territory'): the gift is
    not between the article's leaders, so no counterpart may fill it."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or _refs(tok, people):
        return False
    if tok.lower_ in ROLE_NOUNS or tok.lemma_.lower() in ROLE_NOUNS:
        # 'the head of the territory' is no role; 'the head of state' is
        return tok.lower_ == "head" and not any(
            o.lower_ in ("state", "government") for c in tok.children for o in c.children
        )
    if tok.tag_ == "NNPS" or gi.is_generic(tok):
        return False
    # a state, a body or a definite thing ('the museum'); 'from a sailing ship' is
    # where the item comes from, not who gives it
    near = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod", "poss")]
    near += [o for c in tok.children if c.dep_ == "prep" for o in c.subtree]
    named = tok.pos_ == "PROPN" or any(t.ent_type_ in PLACE_ENTS for t in near)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)
    return named or definite


def _nominal(tok) -> bool:
    """A noun, or a word the tagger took for an adjective in a noun's place ('was given
    a mosaic of ...'), or for an adverb (`_misread_noun`)."""
    return (
        tok.pos_ in ("NOUN", "PROPN", "NUM")
        or (
            tok.pos_ == "ADJ"
            and tok.tag_ == "JJ"
            and tok.dep_ in ("dobj", "pobj", "attr", "appos", "conj")
            and any(c.dep_ == "det" for c in tok.children)
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
        tok.pos_ == "ADV"
        and (
            tok.tag_ in ("RBR", "RBS")
            or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        )
        and tok.is_alpha
        and tok.lower_ not in TRUE_COMPARATIVES
        and any(
            c.dep_ in ("npadvmod", "compound", "amod")
            and c.i == tok.i - 1
            and _indefinite(c)
            or c.dep_ == "det"
            and c.lower_ in ("a", "an")
            for c in tok.children
        )
    )


def _misread_tail(item):
    """The misread noun right after an item that the parser hung on the verb beside it
    ('gave a crystal decanter to Y', 'decanter' an adverb of 'gave'): None if none."""
    doc = item.doc
    nxt = item.right_edge.i + 1
    if nxt >= len(doc) or item.pos_ != "NOUN":
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
        for a in p.children
        if a.dep_ == "appos" and a.i > p.i
        for c in a.children
        if c.dep_ == "conj" and c.pos_ == "NOUN" and _indefinite(c) and c not in parts
    ]
    for item in parts:
        if item.pos_ == "PROPN" and gi.is_honour(item):
            out.append(item)
        elif item.lower_ in gi.HONOUR_KINDS:
            # "the Order of X" is named; "its highest order, the X" names it in apposition
            named = [item] if gi.named_honour(item) or item.text[0].isupper() else []
            appos = [c for c in item.children if c.dep_ == "appos"] or [
                c  # the apposition hung on the recipient the item hangs under
                for c in item.head.children
                if c.dep_ == "appos" and c.i > item.i and not people.refs(c)
            ]
            later = [c for c in verb.children if c.dep_ == "dobj" and c.i > item.i]
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
    contents = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    for prep in [p for v in [verb, *contents] for p in v.children]:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "with"
            and any(c.lower_ == "together" for c in list(prep.children) + [prep.doc[prep.i - 1]])
        ):
            for o in (o for o in prep.children if o.dep_ == "pobj"):
                # "together with a copy of X, and a copy of Y" (a tour is no item)
                out.extend(i for i in split_items(o) if not gi.not_an_item(i) and _nominal(i))
    if out and verb.pos_ == "VERB":
        # "..., and a copy of Y" hung on the verb: one more item of the same list
        out.extend(
            c for c in verb.children
            if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > obj.i and _indefinite(c)
            and not people.refs(c) and not gi.not_an_item(c) and _pobj(c, ("to",)) is None
        )  # fmt: skip
    return list(dict.fromkeys(out))


def _as_gift(verb) -> bool:
    return any(
        o.lower_ in GIFT_NOUNS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for o in c.children
        if o.dep_ == "pobj"
    )


def _not_a_gift(verb, lemma) -> bool:
    """'presented the plan as a turning point' describes; 'sent' needs 'as a gift' or a
    leader it is sent to (checked with the recipient)."""
    as_objs = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
               for o in c.children if o.dep_ == "pobj"]  # fmt: skip
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
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            noun = head.head
        elif noun.dep_ == "dobj" and head.dep_ == "pcomp" and head.head.lower_ == "of":
            noun = head.head.head
        elif noun.dep_ == "oprd" and head.dep_ == "acl":
            noun = head.head  # "a horse named Storm presented by X"
        else:
            break
    return noun


def _after(prep, people):
    """The person phrase right after a preposition the parser left without its object."""
    sent = prep.sent
    return next(
        (t for t in sent if t.left_edge.i == prep.i + 1 and t.pos_ == "PROPN" and people.refs(t)),
        None,
    )


def _participle_gift(verb, people) -> Gift | None:
    """'A pair of dogs presented by X to Y have arrived': the giver by 'by'."""
    agent = _pobj(verb, ("by",))
    if agent is None or not people.refs(agent) or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    item = _item_of(verb.head)
    if item.pos_ != "NOUN":
        return None
    to = _pobj(verb, ("to",))
    bare = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
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


def _subject_appos(verb, after) -> list:
    """'Y has been conferred with the country's highest honour, the Order of X, by Z'
    parsed with 'the Order of X' in apposition to the subject Y: that honour."""
    return [
        c
        for s in verb.children
        if s.dep_ == "nsubjpass"
        for c in s.children
        if c.dep_ == "appos" and c.i > after.i and gi.is_honour(c)
    ][:1]


def _agent(verb, item, people):
    """The 'by X' of a passive, on the verb or hung on the item ('was presented with a
    vase by X'); a 'by' inside the item's own clause ('a ball signed by X') is not it."""
    agent = _pobj(verb, ("by",))
    if agent is None and item is not None:
        agent = next(
            (o for c in item.subtree if c.dep_ in ("prep", "agent") and c.lower_ == "by"
             and not _inside_clause(c, item)
             for o in c.children if o.dep_ == "pobj" and people.refs(o)),
            None,
        )  # fmt: skip
    for honour in _subject_appos(verb, verb) if agent is None else ():
        agent = _pobj(honour, ("by",))  # the 'by' hung on that honour
    return agent


# Participles a 'by' after them does not belong to: a misread noun ('a chess set') or
# the item's name ('a horse named Storm by X' gives it by X).
NAMING_VERBS = {"set", "name", "call", "title", "dub", "christen"}


def _indefinite(tok) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _inside_clause(tok, top) -> bool:
    """Whether a token hangs under a participle or relative clause inside `top`, which
    says who made or marked the item ('signed by X', 'handwoven by a family'); a
    misparse ('a chess set by X' read as the verb 'set') or a name ('a horse named Storm
    by X') does not count."""
    while tok != top and tok.head != tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "ADJ") and tok.dep_ in ("acl", "relcl", "amod"):
            if tok.dep_ == "relcl" or tok.lemma_.lower() not in NAMING_VERBS:
                return True
    return False


def _inner_item(person):
    """'gave Turnbull a sword' parsed with the item under the person."""
    return next(
        (c for c in person.children
         if c.dep_ in ("dobj", "appos", "npadvmod") and c.pos_ in ("NOUN", "PROPN")
         and c.i > person.i and (not _role(c) or _indefinite(c))
         and c.lower_ not in gi.HUMAN_NOUNS),
        None,
    )  # fmt: skip


def _split_objects(verb, dobj, people):
    """Recipient and item when the parser made both objects ('gave US President X a
    copy', 'gave his counterpart, X, ice cream', 'handed X a football' with the item
    under the person): the person is the recipient, the first thing after them the item."""
    chain = [c for c in verb.children if c.dep_ in ("ccomp", "oprd") and c.pos_ == "NOUN"]
    # "gave his counterpart, X, a pair of ...", X parsed as a modifier of the verb
    loose = [c for c in verb.children if c.dep_ == "npadvmod" and people.refs(c)]
    # "gave President X a pen" with the name X misread as a verb heading its own clause
    loose += [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and people.pids(c)]
    for obj in (c for c in verb.children if c.dep_ == "dobj" or c in loose):
        chain.append(obj)
        for c in obj.children:
            if c.dep_ in ("appos", "dobj", "npadvmod"):
                chain.append(c)
                chain.extend(d for d in c.children if d.dep_ in ("appos", "dobj"))
    # an honour's name is never a person ('the Order of X' read as one); a role is
    persons = [t for t in chain if people.refs(t) and t.lower_ not in gi.HONOUR_HEADS]
    persons = persons or [t for t in chain if _role(t) and not _indefinite(t)]
    if not persons:
        return None, dobj
    last = max(t.i for t in persons)
    things = sorted(
        (t for t in chain if t.i > last and (not people.refs(t) or t.lower_ in gi.HONOUR_HEADS)
         and t.pos_ in ("NOUN", "PROPN")
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
    last = max((t.i for t in top.subtree if people.pids(t)), default=top.i)
    return next(
        (t for t in top.subtree
         if t.i > last and t.dep_ in ("appos", "dobj", "npadvmod") and t.pos_ == "NOUN"
         and _indefinite(t) and not people.refs(t) and not _role(t) and not gi.not_an_item(t)
         and not t.lower_.endswith(AGENT_SUFFIXES) and not _in_clause(t, top)),
        None,
    )  # fmt: skip


def _in_clause(tok, top) -> bool:
    """Whether a verb stands between a token and `top` ('Y, who gave X a vase')."""
    while tok != top and tok.head != tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok != top:
            return True
    return False


# 'a former teacher', 'an economist': a person described, not a thing handed over.
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


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


def _presented_by(item, people):
    """'received a horse presented by X': the giver named inside the item."""
    for c in item.subtree:
        if c.dep_ == "acl" and c.lemma_ in GIFT_VERBS:
            agent = _pobj(c, ("by",))
            if agent is not None and people.refs(agent):
                return agent
    return None


def _receive_gift(verb, dobj, people) -> Gift | None:
    source = _pobj(verb, ("from",))
    if source is None and dobj is not None:
        source = _presented_by(dobj, people)
    if source is None and dobj is not None:
        # "received a chess set from X", with "set" misread as a verb holding "from X"
        source = next(
            (_pobj(t, ("from",)) for t in dobj.subtree if _pobj(t, ("from",)) is not None),
            None,
        )
    if _foreign(source, people) or (source is None and verb.lemma_.lower() == "get"):
        return None
    return Gift(
        _refs(source, people),
        _subject(verb, people),
        _item_heads(dobj, people, verb),
        verb,
        0.8,
        "gift.receive",
    )


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
    part = _pobj(verb, preps) or _pobj(dobj, preps)  # the prep may hang on the item
    if part is None or part.lemma_.lower() not in BODY_PARTS and part.lower_ not in BODY_PARTS:
        return None
    owner = next((c for c in part.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    recipients = _refs(owner, people) if owner.pos_ != "PRON" else []
    if owner.pos_ != "PRON" and not recipients and not _role(owner):
        return None
    givers = _subject(verb, people)
    if not givers or not verb_asserted(verb):
        return None
    return Gift(givers, recipients, _item_heads(dobj, people, verb), verb, 0.75, "gift.adorn")


def _verb_gift(verb, people) -> Gift | None:
    lemma = verb.lemma_.lower()
    if lemma in ADORN_VERBS and verb.pos_ == "VERB":
        return _adorned(verb, people)
    if lemma not in GIFT_VERBS or verb.pos_ != "VERB" or _not_a_gift(verb, lemma):
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
        if run_on is not None and tok != run_on and run_on in tok.subtree:
            refs = [p for p in refs if p not in people.pids(run_on)]
        return refs

    passive = _children(verb, ("nsubjpass",))
    dobj = next(iter(_children(verb, ("dobj",))), None)
    misread = next((c for c in verb.children if c.dep_ == "advmod" and _misread_noun(c)), None)
    if misread is not None and dobj is not None and misread.i < dobj.i:
        # "handed Y a carved storyboard, a symbol of ...": the object is its apposition
        dobj = misread if misread.nbor(1).text == "," else dobj
    dobj = dobj if dobj is not None else misread
    if dobj is None:
        # "gave Y several gifts, among them Z" with 'gifts' read as a modifier of the verb
        dobj = next(
            (c for c in verb.children if c.dep_ == "npadvmod" and c.lower_ in GIFT_NOUNS), None
        )
    datives = _children(verb, ("dative",))
    # "gave Brazilian President X ...", the title parsed as a dative of its own
    dative = next((d for d in datives if people.refs(d)), next(iter(datives), None))
    to_obj = _pobj(verb, ("to", "on", "upon")) or (
        _pobj(dative, ("to",)) if dative is not None and dative.lower_ == "to" else None
    )
    if dative is not None and dative.lower_ == "to":
        dative = next((o for o in dative.children if o.dep_ == "pobj"), None)
    dative = _broken_name(dative, verb, people) or dative
    if dative is not None and dative == dobj:
        # the broken name's second half was the first object: the item is the next one
        dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > dative.i), misread)
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
            item = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "NOUN"), None)
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
        named = next((c for c in dative.children if c.dep_ == "appos" and people.refs(c)), None)
        dative = named if named is not None else dative
    later = next(
        (c for c in verb.children
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
            (t for t in dobj.subtree if t.i < dobj.i and t.dep_ in ("compound", "nmod")
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
    rel_subject = any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children)
    if verb.dep_ == "relcl" and not rel_subject and (dobj is None or relative or refs_of(dobj)):
        # "the clock that X gave (him)"
        if dobj is not None and refs_of(dobj):
            dative = dobj
        dobj = verb.head
    verb_to = to_obj
    if dobj is not None and (to_obj is None or to_obj.i > dobj.i):
        # "conferred the order on Y", "gave a pair of hunting dogs to Y": the 'to' or 'on'
        # hung anywhere inside the item (before a later item's own 'to' on the verb)
        to_obj = next(
            (o for t in dobj.subtree if t.dep_ == "prep" and t.lower_ in ("to", "on", "upon")
             for o in t.children if o.dep_ == "pobj" and people.refs(o)),
            to_obj,
        )  # fmt: skip
    if (
        dobj is not None
        and with_obj is not None
        and (refs_of(dobj) or _role(dobj) or (dobj.pos_ == "PROPN" and not gi.is_honour(dobj)))
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


def _pronoun_item(subj, verb, dobj) -> bool:
    """'They were handed over (together with a bag of food)': a pronoun subject with no
    object of its own is the thing handed over, not a person receiving it."""
    if subj.pos_ != "PRON" or dobj is not None:
        return False
    with_obj = _pobj(verb, ("with",))
    return (
        with_obj is None
        or with_obj.head.i > 0
        and (
            verb.doc[with_obj.head.i - 1].lower_ == "together"
            or any(c.lower_ == "together" for c in with_obj.head.children)
        )
    )


def _own_recipient(item, people) -> list:
    """'a vase to his wife, X': the recipient an item carries itself."""
    to = _pobj(item, ("to",))
    if to is None:
        return []
    return _named_or_refs(to, people)


def _own_recipient_of(prep, people) -> list:
    to = next((o for o in prep.children if o.dep_ == "pobj"), None)
    return _named_or_refs(to, people) if to is not None else []


def _named_or_refs(to, people) -> list:
    # 'Y, his wife,': the spouse word names Y's relation, not a second person
    named = [
        p
        for c in to.children
        if c.dep_ == "appos" and c.lower_ not in SPOUSE_WORDS
        for p in _refs(c, people)
    ]
    return named or _refs(to, people)


def _gapped(verb, to_obj, people) -> list:
    """'gave a puppy to X and a vase to Y': further (item, recipients) pairs, each item
    carrying its own 'to', coordinated with the verb or with the first recipient."""
    hosts = [verb] + ([to_obj] if to_obj is not None else [])
    later_to = [c for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"]
    out = []
    for to in (c for c in verb.children if c.dep_ in ("conj", "prep") and c.lower_ == "to"):
        # "..., and to Y, his wife, a silver brooch": 'to' joined to the verb
        obj = next((o for o in to.children if o.dep_ == "pobj"), None)
        item = _trailing_thing(obj, people) if obj is not None else None
        recipients = _named_or_refs(obj, people) if item is not None else []
        if recipients:
            out.append((_item_heads(item, people, verb), recipients))
    for host in hosts:
        for c in host.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not people.refs(c):
                recipients = _own_recipient(c, people)
                after = [t for t in later_to if t.i > c.i]
                if not recipients and after:
                    # "a scarf to X and a brooch to Y" with both 'to's on the verb
                    recipients = _own_recipient_of(after[0], people)
                items = _item_heads(c, people, verb) if recipients else []
                if items:
                    out.append((items, recipients))
    return out


def _noun_items(noun, recipient_tok, people) -> list:
    """The items a gift noun names: its apposition ('X's gift to Y, a vase, ...', also
    hung on Y), or what the clause says it is or includes ('X's gift to Y was Z',
    'Z was X's gift', 'X's gifts included Z', 'among the gifts ... were Z')."""
    head = noun.head
    for host in (noun, recipient_tok):
        if host is None:
            continue
        for c in host.children:
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
    return [c for c in head.children if c.dep_ in deps and c != noun and not people.refs(c)][:1]


def _object_person(verb, people) -> list:
    """The person a gift verb's object or dative names ('... X gave Y ...')."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and people.refs(c)]
    return _refs(objs[0], people) if objs else []


LISTING_VERBS = ("include", "be", "comprise", "feature")


def _run_on_relative(noun, people) -> Gift | None:
    """'The gifts X gave Y included Z' parsed with 'gifts' and X both subjects of 'gave'
    and 'included' a verb joined to it: the relative clause and its predicate."""
    verb = noun.head
    giver = next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.i > noun.i and people.refs(c)),
        next((c for c in noun.children if c.dep_ == "appos" and people.refs(c)), None),
    )
    pred = next(
        (c for c in verb.children
         if c.dep_ in ("conj", "ccomp") and c.lemma_ in LISTING_VERBS and c.i > verb.i),
        None,
    )  # fmt: skip
    if giver is None or pred is None or not verb_asserted(verb) or not verb_asserted(pred):
        return None
    heads = [c for c in pred.children if c.dep_ in ("dobj", "attr") and not people.refs(c)][:1]
    items = [i for h in heads for i in _item_heads(h, people, pred)]
    # the recipient may be parsed as the predicate's subject ('... gave Y included Z')
    subj = next((c for c in pred.children if c.dep_ == "nsubj" and people.refs(c)), None)
    recipients = (
        _object_person(verb, people) or _refs(_pobj(verb, ("to",)), people) or _refs(subj, people)
    )
    return Gift(people.refs(giver), recipients, items, noun, 0.8, "gift.noun")


def _gift_noun(noun, people) -> Gift | None:
    """A gift noun with its giver: 'X's gift to Y was Z', 'Z was X's gift to Y', 'X's
    gift to Y, a Z, ...', 'X's gifts to Y included Z', 'among the gifts X gave Y were Z'."""
    if noun.lower_ not in GIFT_NOUNS or noun.dep_ not in ("nsubj", "nsubjpass", "attr", "pobj"):
        return None
    givers = [p for c in noun.children if c.dep_ == "poss" for p in people.refs(c)]
    recipient_tok = _pobj(noun, ("to", "for"))
    bare_to = any(c.dep_ == "prep" and c.lower_ == "to" and not list(c.children)
                  for c in noun.children)  # fmt: skip
    if recipient_tok is None and bare_to:
        # "X's gifts to Y included Z" parsed with Y as a second subject
        recipient_tok = next(
            (c for c in noun.head.children if c.dep_ == "nsubj" and c.i > noun.i
             and people.refs(c)),
            None,
        )  # fmt: skip
    recipients = _refs(recipient_tok, people)
    rel = next(
        (c for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_ in GIFT_VERBS),
        None,
    )
    among = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" else None
    if rel is None and among is not None and among.head.lemma_ in GIFT_VERBS:
        # "Among the gifts X gave Y were Z" parsed with the gift verb as the clause's head
        rel = among.head
        be = rel.head if rel.head.lemma_ == "be" else None
        be = be or next((c for c in rel.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
        if be is None:
            return None
        subj = next((c for c in be.children if c.dep_ == "nsubj" and people.refs(c)), None)
        recipient_tok = recipient_tok or subj
        heads = [c for c in be.children if c.dep_ == "attr"][:1]
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
            objs = [c for c in rel.children if c.dep_ in ("dobj", "dative") and people.refs(c)]
            recipients = _refs(objs[0] if objs else _pobj(rel, ("to",)), people)
        bare = next(
            (c for c in rel.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
             and not list(c.children)),
            None,
        )  # fmt: skip
        if not recipients and bare is not None:
            # "among the gifts that X presented to Y was Z", Y parsed as the subject of 'was'
            recipients = _refs(_after(bare, people), people)
        if not recipients and noun.dep_ == "nsubj":
            # "the gifts X gave Y included Z", Y parsed as a second subject of 'included'
            run_on = next(
                (c for c in noun.head.children if c.dep_ == "nsubj" and c.i > rel.i
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


def _resolve_items(gift, idx, people) -> None:
    """Replace a referring-back item ('The sapling was X's gift') by its antecedent and
    set the item phrases."""
    if gift.rule in ("gift.possessive", "gift.noun", "gift.passive_item"):
        gift.items = [gi.antecedent(t, idx, people) or t for t in gift.items]
    gift.texts = _texts(gift, people)


def _misread_gift_noun(tok) -> bool:
    """'X's present was a Z' with 'present' tagged an adjective: still the noun."""
    return tok.lower_ in GIFT_NOUNS and any(c.dep_ == "poss" for c in tok.children)


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
            elif tok.pos_ == "NOUN" or _misread_gift_noun(tok):
                gift = _gift_noun(tok, people)
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


SPOUSE_WORDS = {"wife", "husband", "spouse", "lady", "gentleman", "consort"}


def _same_recipient(gift, prev, idx) -> list:
    """'A gave Y a horse. B's present was a fiddle.': a gift told right after another,
    with its recipient unsaid, goes to the same recipient (unless its giver is that
    recipient, who gives back to the counterpart)."""
    if gift.rule not in ("gift.possessive", "gift.noun") or not prev.recipients:
        return []
    if idx.sent_of[gift.trigger.i] - idx.sent_of[prev.trigger.i] != 1:
        return []
    if set(gift.givers) & set(prev.recipients) or set(gift.givers) & set(prev.givers):
        return []
    return list(prev.recipients)


def _spouse(person, people, sent) -> bool:
    """Named as a spouse: a spouse's title ('First Lady') or a spouse word just before a
    mention in the sentence ('his wife, Y', 'first lady Y')."""
    title = (person.title or "").lower().split()
    if title[-1:] and title[-1] in SPOUSE_WORDS:
        return True
    for t in sent:
        if person.pid in people.pids(t) and (
            t.i == t.head.i or people.pids(t.head) != (person.pid,)
        ):
            before = sent.doc[max(sent.start, t.left_edge.i - 3) : t.i]
            # 'his wife, Y' names Y a spouse; 'the wife of Y' names Y's spouse
            if any(w.lower_ in SPOUSE_WORDS and w.nbor(1).lower_ != "of" for w in before):
                return True
    return False


def _office_holder(pids, people, sent) -> list:
    """A couple giving or receiving together is one side: the office-holder ('the Bidens',
    'X and his wife Y', 'X and first lady Y' -> X).  Two persons are a couple when one is
    named as a spouse, or both share a family name and only one holds an office."""
    if len(pids) != 2:
        return pids
    a, b = (people.get(p) for p in pids)
    spouse_a, spouse_b = _spouse(a, people, sent), _spouse(b, people, sent)
    if spouse_a != spouse_b:
        return [b.pid] if spouse_a else [a.pid]
    if a.words and b.words and (a.words[-1] in b.words or b.words[-1] in a.words):
        # one family ('Helena Xi' and 'Xi Jinping' too): the one with an office's title,
        # else the one the registry knows by their own first name
        for holds in (_titled, _registered):
            office = [p for p in (a, b) if holds(p)]
            if len(office) == 1:
                return [office[0].pid]
    return pids


def _titled(person) -> bool:
    title = (person.title or "").lower().split()
    return bool(title) and title[-1] not in SPOUSE_WORDS


def _registered(person) -> bool:
    """The registry entry is this person's own, not a namesake's (its key spells the
    person's first name)."""
    key = (person.registry_key or "").lower()
    first = unicodedata.normalize("NFKD", person.words[0] if person.words else "")
    first = first.encode("ascii", "ignore").decode()[:3]
    return bool(key) and bool(first) and first in key.split("-", 1)[-1]


VERB_RULES = ("gift.active", "gift.active_counterpart", "gift.passive", "gift.present_with")


def _mentioned_again(item, gift, earlier, idx) -> bool:
    """'X gave Y a thoroughbred horse. X presented the stallion to Y ...': a definite
    common noun after a gift between the same leaders, two sentences back at most,
    names that gift again."""
    if gift.rule not in VERB_RULES or item.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in item.children):
        return False
    sent = idx.sent_of[item.i]
    for prev in earlier:
        if sent - idx.sent_of[prev.trigger.i] > 2 or prev.givers != gift.givers:
            continue
        if not prev.recipients or not gift.recipients or prev.recipients == gift.recipients:
            return True
    return False


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
        text = (
            gi.item_text(item, people, sides=set(gift.givers) | set(gift.recipients))
            if people is not None
            else np_text(item)
        )
        tail = _misread_tail(item) if gift.trigger.pos_ == "VERB" else None
        if tail is not None and text:
            text = f"{text} {tail.text}"
        texts.append((text + " " + extra).strip() if extra else text)
        texts.extend(np_text(m) for m in more)
    return [t for t in texts if t and t.lower() not in gi.GENERIC_ITEMS]
