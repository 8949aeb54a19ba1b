"""Gift items: which noun phrase is the item, and its text.

- a generic head ("a present", "a gift of X", "a present from home: X") gives way to
  the phrase that explains it;
- a definite description that refers back ("The sapling was X's gift") takes its
  antecedent from the previous sentence;
- a trailing phrase naming a person ("from the Canadian leader", "on Biden") is the
  giver or recipient, not part of the item;
- things handed over that are not gifts (documents, posts, a welcome) are no items.
General English only: no story's words.
"""

from __future__ import annotations

from .agreement_args import DOC_KINDS
from .phrases import np_text, split_items
from .tags import NOUN, PRON, PROPN
from .text import kids, sent_of, subtree

GENERIC_ITEMS = {
    "gift", "gifts", "present", "presents", "it", "them", "this", "that", "which",
    "something", "one", "thing", "things", "souvenir", "souvenirs",
}  # fmt: skip
NOT_ITEMS = {
    "honour", "honor", "welcome", "reception", "ceremony", "hand", "speech", "address",
    "power", "credit", "access", "support", "time", "permission", "guarantees",
    "assurances", "assurance", "guarantee", "view", "floor", "chance", "opportunity",
    "document", "documents", "paper", "papers", "instrument", "instruments",
    "credentials", "post", "job", "role", "position", "seat", "control", "command",
    "responsibility", "briefing", "update", "interview", "warning", "ultimatum",
    "proposal", "offer", "text", "message", "list", "answer", "reply", "lead",
    "boost", "push", "signal", "green", "light", "nod", "go-ahead", "platform", "voice",
    "treatment", "tour", "lift", "ride", "kiss", "hug", "handshake", "look",
    # events and hospitality: attended, not handed over
    "banquet", "dinner", "lunch", "luncheon", "breakfast", "feast", "party", "gala",
    "meal", "toast", "parade", "guard", "salute", "ovation", "applause", "sendoff",
    "send-off", "farewell", "greeting", "greetings", "audience", "hearing",
    # contacts and words: messages, opinions, accounts, drafts
    "call", "visit", "visits", "criticism", "praise", "rebuke", "taste", "reading",
    "account", "draft", "report", "summary", "overview", "rundown",
    "explanation", "description", "impression", "idea", "sense", "advice", "hint",
    "reminder", "lesson", "promise", "pledge", "commitment", "invitation", "word",
    "words", "talk", "lecture", "presentation", "demonstration", "glimpse", "preview",
    "approval", "blessing", "backing", "endorsement", "mandate", "recognition",
    "attention", "protection", "information", "instructions", "edge", "break", "earful",
    "headache", "run", "scare", "dickens", "pass", "deadline", "advantage", "say", "vote",
    "benefit", "doubt", "rise", "birth", "way", "ahead", "letter", "letters", "note",
    "telegram", "cable", "plan", "plans", "roadmap", "demands", "ideas", "details",
}  # fmt: skip
# Abstractions by form ('assurances', 'kindness', 'goodwill'): never an item.
ABSTRACT_SUFFIXES = ("ness", "ism", "ity", "acy", "ance", "ances", "ence", "ences", "ship")
# Things ending like abstractions that can be handed over.
CONCRETE_EXCEPTIONS = {
    "warship", "airship", "flagship", "lance", "fence", "sentence", "licence",
    "antiquity", "antiquities", "curiosity", "curiosities", "rarity", "ambulance",
    "ambulances", "appliance", "appliances",
}  # fmt: skip
# Honours conferred: the item even when the parser takes the name for a person.
HONOUR_HEADS = {
    "order", "collar", "medal", "cross", "star", "legion", "sash", "award", "prize",
    "decoration", "grand", "companion", "knight", "commander", "grand-cross", "chain",
}  # fmt: skip
# Honour nouns that only name a kind ('the award', 'its highest honour'): the
# apposition or a name says which.
HONOUR_KINDS = {"award", "honour", "honor", "decoration", "distinction", "honours", "honors",
                "order"}  # fmt: skip
# Participles that say who handed the item over: the giver, not part of the item.
HANDING_VERBS = {"present", "give", "gift", "hand", "donate", "bestow", "send", "bring"}
# Nouns for people or crowds: never a gift, never an item's antecedent.
HUMAN_NOUNS = {
    "crowd", "crowds", "people", "audience", "visitors", "spectators", "onlookers",
    "wife", "husband", "son", "daughter", "guests", "reporters", "officials", "aides",
    "soldiers", "troops", "children", "staff", "delegation", "team",
    "counterpart", "counterparts", "host", "hosts", "guest", "visitor", "leader",
    "leaders", "president", "premier", "chancellor", "minister", "king", "queen",
    "prince", "princess", "emperor", "empress", "monarch", "pope", "envoy",
    "ambassador", "lady", "man", "men", "woman", "women",
}  # fmt: skip
OTHER_ENTS = {"PERSON", "GPE", "LOC", "FAC", "DATE", "TIME", "ORG", "NORP", "EVENT", "MONEY"}


def not_an_item(tok) -> bool:
    """Things handed over or given that are not gifts (and agreement documents):
    events, messages, abstractions, people."""
    low = tok.lower_
    if low in NOT_ITEMS or low in DOC_KINDS or low in HUMAN_NOUNS:
        return True
    if tok.pos == PROPN and tok.ent_type_ == "PERSON" and not is_honour(tok):
        return True  # a person's name the article does not resolve
    if tok.pos == NOUN and len(low) > 6 and low not in CONCRETE_EXCEPTIONS:
        return low.endswith(ABSTRACT_SUFFIXES)
    return False


def is_honour(tok) -> bool:
    """'the Order of X', 'the Legion of Honour', 'the Ebakl award'."""
    return tok.lower_ in HONOUR_HEADS or (
        tok.pos == PROPN and any(c.lower_ in HONOUR_HEADS for c in kids(tok))
    )


def named_honour(tok) -> bool:
    """An honour noun with its name ('the Ebakl award'), not the bare kind ('the award')."""
    return any(c.dep_ == "compound" and c.pos == PROPN for c in kids(tok))


def is_generic(tok) -> bool:
    return tok.lower_ in GENERIC_ITEMS or tok.pos == PRON


LISTING_PREPS = {"including", "among", "like"}


def listed(item, verb) -> list:
    """The things a generic plural is said to include: 'several gifts, including X and Y',
    'gifts such as X', 'several gifts, among them X' (the last hung on the verb as a
    second object)."""
    heads = [
        o
        for c in kids(item)
        if c.dep_ == "prep"
        and (
            c.lower_ in LISTING_PREPS
            or (c.lower_ == "as" and any(a.lower_ == "such" for a in kids(c)))
        )
        for o in kids(c)
        if o.dep_ == "pobj" and o.pos != PRON
    ]
    if not heads:
        heads = [
            c
            for c in kids(verb)
            if c.dep_ in ("dobj", "appos", "npadvmod", "dep", "advcl")
            and c.i > item.i
            and any(
                p.dep_ == "prep" and p.lower_ == "among" and p.i < c.i
                and any(o.lower_ == "them" for o in kids(p))
                for p in kids(c)
            )
        ][:1]  # fmt: skip
    return [h for head in heads[:1] for h in split_items(head)]


def explained(item, verb) -> list:
    """What a generic item stands for: its apposition, 'a gift of X', or a second object
    after a colon ('gave his host a present from home: a rice scoop')."""
    for c in kids(item):
        if c.dep_ == "appos":
            return [c]
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [o for o in kids(c) if o.dep_ == "pobj"]
            if objs:
                return objs
    later = [c for c in kids(verb) if c.dep_ in ("dobj", "appos") and c.i > item.i]
    if later and any(t.text == ":" for t in item.doc[item.i : later[0].i]):
        return later[:1]
    # "the finest thing his country owns after its oil: a samovar", the apposition hung
    # deeper in the phrase
    colons = [t.i for t in subtree(item) if t.text == ":"]
    return [c for c in subtree(item) if c.dep_ == "appos" and colons
            and c.left_edge.i == colons[0] + 1][:1]  # fmt: skip


def _depth(tok) -> int:
    n = 0
    while tok.head != tok and n < 20:
        tok, n = tok.head, n + 1
    return n


def antecedent(item, idx, people):
    """The noun phrase a definite description refers back to, or None.  Candidates are
    the previous sentence's concrete nouns agreeing in number; a repeat of the same head
    wins, else the candidate closest to its clause root."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in kids(item)):
        return None
    sent_no = idx.sent_of[item.i]
    if sent_no == 0:
        return None
    prev = idx.sents[sent_no - 1]
    plural = item.tag_ == "NNS"
    cands = [
        t
        for t in prev
        if t.pos == NOUN
        and (t.tag_ == "NNS") == plural
        and t.ent_type_ not in OTHER_ENTS
        and not people.pids(t)
        and not not_an_item(t)
        and not is_generic(t)
        and t.dep_ not in ("compound", "npadvmod")
    ]
    if not cands:
        return None
    same = [t for t in cands if t.lemma_ == item.lemma_]
    if same:
        return same[-1]
    return min(cands, key=lambda t: (_depth(t), -t.i))


# Occasions a gift is handed at, not part of the item.
OCCASIONS = {"sidelines", "sideline", "margins", "margin", "summit", "ceremony", "banquet",
             "dinner", "luncheon", "talks", "meeting", "reception", "start", "end",
             "close", "beginning", "outset", "conclusion"}  # fmt: skip


def _person_preps(head, people) -> set:
    """Token indices of 'from/by/on/to <person>' phrases, and of times ('on Friday'), that
    the parser hung inside an item's subtree."""
    skip = set()
    for t in subtree(head):
        if (
            t.dep_ in ("compound", "nmod")
            and t.i < head.i
            and people.pids(t)
            and t.head.lower_ not in HONOUR_HEADS | HONOUR_KINDS
        ):
            # "gave Xi Jinping Russian ice cream": the name is the recipient; in "the
            # Nehru award" it names the honour
            skip.add(t.i)
            continue
        if t.dep_ == "acl" and t.lemma_ in HANDING_VERBS and t.i > head.i:
            skip.update(s.i for s in subtree(t))  # "a horse presented by X at the ceremony"
            continue
        if t.dep_ == "conj" and t.i > head.i and people.refs(t) and not people.pids(t.head):
            # "a horse named Storm and Z gave ...": the run-on clause's subject
            skip.update(s.i for s in subtree(t))
            skip.update(c.i for c in kids(t.head) if c.dep_ == "cc" and c.i < t.i)
            continue
        if t.dep_ not in ("prep", "agent"):
            continue
        objs = [o for o in kids(t) if o.dep_ == "pobj"]
        if not objs:
            continue
        if t.lower_ in ("from", "by", "on", "upon", "to", "for") and all(
            people.pids(o) or people.refs(o) for o in objs
        ):
            skip.update(s.i for s in subtree(t))
        elif all(o.ent_type_ in ("DATE", "TIME") for o in objs):
            skip.update(s.i for s in subtree(t))
        elif (
            t.head == head
            and t.lower_ in ("in", "at")
            and all(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)
        ):
            skip.update(s.i for s in subtree(t))  # "a carving to Y in Honiara": where, not what
        elif t.lower_ in ("on", "at", "during") and all(o.lower_ in OCCASIONS for o in objs):
            skip.update(s.i for s in subtree(t))  # "the Order of X on the sidelines of ..."
        elif t.lower_ == "as" and all(o.lower_ in GENERIC_ITEMS for o in objs):
            skip.update(s.i for s in subtree(t))  # "a samovar as a birthday present"
        elif t.lower_ == "in" and all(o.lower_ in ("return", "exchange", "turn") for o in objs):
            skip.update(s.i for s in subtree(t))  # "a vase in return"
    return skip


def _leader_like(person) -> bool:
    return bool(person.title or person.country or person.org)


def item_text(head, people, keep_det=False, sides=frozenset()) -> str:
    """The item's phrase without leading determiners and without a trailing phrase that
    names a person; an antecedent set in apposition to names keeps the names
    ('the two giant pandas, A and B' -> 'giant pandas A and B')."""
    text = np_text(head, keep_det=keep_det, skip=_person_preps(head, people))
    if (
        head.dep_ == "appos"
        and head.head.pos == PROPN
        and head.lower_ not in HUMAN_NOUNS
        and not any(_leader_like(people.get(p)) or p in sides for p in people.refs(head.head))
    ):
        names = [t for t in subtree(head.head) if t.i < head.left_edge.i and t.text != ","]
        core = np_text(head, skip={c.i for c in kids(head) if c.dep_ == "nummod"})
        if names:
            return core + " " + "".join(t.text_with_ws for t in names).strip(" ,")
    return " ".join([text, *_described(head, people)]) if text else text


# Participles that say what an item shows or carries ('a shirt, bearing his name').
MARKING_VERBS = {
    "bear", "carry", "feature", "show", "depict", "engrave", "inscribe", "emblazon",
    "embroider", "print", "decorate", "adorn", "personalise", "personalize",
}  # fmt: skip


def _described(head, people) -> list:
    """What the phrase cut at its first comma still says of the item itself, read along
    the words right after it (the parser hangs these anywhere): a quoted title in
    apposition ('a copy of his book, "Title",') and a participle of marking ('a shirt,
    bearing his name and the number 10')."""
    doc, sent = head.doc, sent_of(head)
    i = _phrase_end(head) + 1
    if i + 1 >= sent.end or doc[i].text != ",":
        return []
    nxt = doc[i + 1]
    if nxt.text in ('"', "\u201c"):
        close = next(
            (t.i for t in doc[i + 2 : min(i + 14, sent.end)] if t.text in ('"', "\u201d")), None
        )
        if close is None or close == i + 2:
            return []
        return ['"' + doc[i + 2 : close].text.strip(" ,") + '"']
    if nxt.tag_ not in ("VBG", "VBN") or nxt.lemma_.lower() not in MARKING_VERBS:
        return []
    words = []
    for t in doc[i + 1 : min(i + 16, sent.end)]:
        if t.text in (",", ";", ":", "(", ".", "\u2014", "\u2013") or t.tag_ in ("WDT", "WP"):
            break
        words.append(t)
    if len(words) < 2 or any(people.pids(t) and t.dep_ != "poss" for t in words):
        return []
    return [doc[words[0].i : words[-1].i + 1].text]


def _phrase_end(head) -> int:
    """The last token of the item's own phrase before a comma."""
    end = head.i
    for t in head.doc[head.i + 1 : head.right_edge.i + 1]:
        if t.text in (",", ";", "(", "\u2014", "\u2013"):
            break
        end = t.i
    return end
