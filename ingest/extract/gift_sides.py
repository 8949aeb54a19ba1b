"""Who gives and who receives: the gift mention a rule returns, the gift verbs and
nouns, and the helpers that read a giver's or recipient's phrase (names, families,
roles such as 'his host', spouses, couples giving together, a state or a museum that
is no leader)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from . import gift_items as gi
from .lexicon import HONORIFICS as HONORIFIC_WORDS
from .lexicon import TITLES
from .tags import ADJ, ADV, NOUN, PROPN
from .text import kids, sent_of, span_tokens, subtree, tokens_between

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


@dataclass(slots=True)
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
        t.lower_ in HONORIFICS for t in tokens_between(tok.doc, max(tok.left_edge.i - 1, 0), tok.i)
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
        c.dep_ in ("appos", "conj") and c.lower_ in SPOUSE_WORDS for c in kids(tok)
    ):
        return False
    first = tok.doc[tok.i - 1]
    return (
        first.dep_ == "compound"
        and first.head == tok
        and first.pos == PROPN
        and first.lower_ not in person.words
        and first.lower_ not in TITLE_WORDS
    )


def _children(tok, deps):
    return [c for c in kids(tok) if c.dep_ in deps]


def _pobj(tok, preps):
    """The object of one of the prepositions on a token; an adverb the parser took for a
    second object ('to then President Y') gives way to the noun."""
    for c in kids(tok):
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            objs = [o for o in kids(c) if o.dep_ == "pobj"]
            if objs:
                return next((o for o in objs if o.pos != ADV), objs[0])
    return None


def _family(tok, people) -> list:
    """'The Bidens', 'the Joneses', 'the Obame-Nguemas': every known person whose family
    name the plural names (a plural name after 'the', or tagged as one)."""
    if not tok.lower_.endswith("s") or len(tok) < 3 or not tok.text[0].isupper():
        return []
    if tok.pos not in (PROPN, NOUN) or (
        tok.tag_ != "NNPS" and not any(c.dep_ == "det" and c.lower_ == "the" for c in kids(tok))
    ):
        return []
    start = tok.i
    while start >= 2 and tok.doc[start - 1].text == "-" and tok.doc[start - 2].pos == PROPN:
        start -= 2  # a hyphenated family name
    plural = tok.doc[start : tok.i + 1].text.lower()
    stems = {plural[:-1]} | ({plural[:-2]} if plural.endswith("es") else set())
    return [p.pid for p in people.persons if p.words and p.words[-1] in stems]


def _run_on_item(verb, people):
    """'X gave Y a copy of his memoirs and Z gave X a horse' parsed with 'a copy ...
    and Z' as the subject of a second 'gave' under the first: that subject is the
    first verb's item (and Z, its last conjunct, the second verb's subject)."""
    for c in kids(verb):
        if c.dep_ in ("ccomp", "conj") and c.lemma_ in GIFT_VERBS:
            subj = next((s for s in kids(c) if s.dep_ == "nsubj"), None)
            if subj is not None and subj.pos == NOUN and _trailing_person(subj, people):
                return subj
    return None


def _trailing_person(tok, people):
    """The person coordinated last inside a phrase ('a copy of his memoirs and Z')."""
    conj = [t for t in subtree(tok) if t.dep_ == "conj" and people.refs(t)]
    return conj[-1] if conj else None


CAPTION_MARKERS = {"left", "right", "center", "centre"}


def _subject(verb, people):
    for _ in range(3):
        subs = _children(verb, ("nsubj",))
        if not subs:
            # a caption's "X, left, presents ...": the marker read as X's verb
            subs = [
                s for c in kids(verb)
                if c.dep_ == "advcl" and c.lower_ in CAPTION_MARKERS and c.i < verb.i
                for s in kids(c) if s.dep_ == "nsubj"
            ]  # fmt: skip
        if subs and subs[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            subs = [verb.head]  # "Y, who gave X a vase in return"
        if subs and verb.dep_ == "ccomp" and subs[0].pos == NOUN:
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
    if tok is None or people.refs(tok) or tok.pos not in (PROPN, ADJ):
        return None
    return next(
        (c for c in kids(verb)
         if c.dep_ in ("dobj", "npadvmod", "appos") and c.left_edge.i == tok.right_edge.i + 1
         and people.refs(c)),
        None,
    )  # fmt: skip


def _run_on_subject(verb, people):
    """'X gave Y a vase and Z gave X a horse' parsed with Z joined to 'a vase' and the
    second 'gave' without a subject: Z, the second verb's subject (None if no such)."""
    for c in kids(verb):
        if c.dep_ != "conj" or c.lemma_ not in GIFT_VERBS or _children(c, ("nsubj", "nsubjpass")):
            continue
        for t in subtree(verb):
            if (
                t.dep_ == "conj"
                and t.right_edge.i == c.i - 1
                and t.head.pos == NOUN
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
        and subs[0].pos in (PROPN, NOUN)
        and not people.refs(subs[0])
        and not _role(subs[0])
    )


def _foreign(tok, people) -> bool:
    """A giver's or recipient's place held by something that is no person and no role
    ('from Tanzania', 'to the museum', 'from the head of the territory'): the gift is
    not between the article's leaders, so no counterpart may fill it."""
    if tok is None or tok.pos not in (NOUN, PROPN) or _refs(tok, people):
        return False
    if tok.lower_ in ROLE_NOUNS or tok.lemma_.lower() in ROLE_NOUNS:
        # 'the head of the territory' is no role; 'the head of state' is
        return tok.lower_ == "head" and not any(
            o.lower_ in ("state", "government") for c in kids(tok) for o in kids(c)
        )
    if tok.tag_ == "NNPS" or gi.is_generic(tok):
        return False
    # a state, a body or a definite thing ('the museum'); 'from a sailing ship' is
    # where the item comes from, not who gives it
    near = [tok] + [c for c in kids(tok) if c.dep_ in ("compound", "amod", "poss")]
    near += [o for c in kids(tok) if c.dep_ == "prep" for o in subtree(c)]
    named = tok.pos == PROPN or any(t.ent_type_ in PLACE_ENTS for t in near)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in kids(tok))
    return named or definite


def _after(prep, people):
    """The person phrase right after a preposition the parser left without its object."""
    sent = sent_of(prep)
    return next(
        (
            t
            for t in span_tokens(sent)
            if t.left_edge.i == prep.i + 1 and t.pos == PROPN and people.refs(t)
        ),
        None,
    )


def _own_recipient(item, people) -> list:
    """'a vase to his wife, X': the recipient an item carries itself."""
    to = _pobj(item, ("to",))
    if to is None:
        return []
    return _named_or_refs(to, people)


def _own_recipient_of(prep, people) -> list:
    to = next((o for o in kids(prep) if o.dep_ == "pobj"), None)
    return _named_or_refs(to, people) if to is not None else []


def _named_or_refs(to, people) -> list:
    # 'Y, his wife,': the spouse word names Y's relation, not a second person
    named = [
        p
        for c in kids(to)
        if c.dep_ == "appos" and c.lower_ not in SPOUSE_WORDS
        for p in _refs(c, people)
    ]
    return named or _refs(to, people)


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
    for t in span_tokens(sent):
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
