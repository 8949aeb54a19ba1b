"""Who 'the two leaders', 'the pair', 'they' refer to.

A plural reference of two is the pair last named together ("X and Y met ...")
or last resolved, while it is recent (PAIR_SENTENCES); otherwise the two
most-mentioned leader-like persons (with a title, country or organisation)
seen in the last sentences, else in the article so far.  Larger numbers
("the seven leaders") take the last coordinated list of that size.
"""

from __future__ import annotations

from .tags import PRON, PROPN, VERB
from .text import kids, span_tokens, subtree

PAIR_SENTENCES = 12  # a remembered pair stays the referent this many sentences


def _leader_like(person) -> bool:
    return bool(person.title or person.country or person.org)


def _by_count(builder, pids) -> list:
    persons = builder.people.persons
    return sorted(dict.fromkeys(pids), key=lambda p: -persons[p].count)


def _article_leaders(builder, before: int) -> list:
    """Leader-like persons seen before a token, most mentioned first, then first named."""
    persons = builder.people.persons
    seen = list(dict.fromkeys(p for i, p in builder.people.order if i < before))
    leaders = [p for p in seen if _leader_like(persons[p])]
    pool = leaders if len(leaders) >= 2 else seen
    return sorted(pool, key=lambda p: (-persons[p].count, persons[p].first_i))


def resolve_plural(builder, tok, n: int | None) -> tuple:
    """The persons a plural reference stands for (empty when unknown)."""
    if n and n > 2:
        group = builder.recent_group
        return tuple(group[:n]) if len(group) >= n else ()
    sent_no = builder.idx.sent_of[tok.i]
    if tok.pos == PRON:
        # "A and B spoke alone at first; C later joined them": the pair just named
        sent = builder.idx.sents[sent_no]
        named = [
            refs
            for t in sent
            if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass")
            for refs in [tuple(dict.fromkeys(builder.people.refs(t)))]
            if len(refs) == 2
        ]
        if named:
            builder.recent_pair = (named[-1], sent_no)
            return named[-1]
    own = _sentence_pair(builder, tok)
    if own:  # "A gave B a shirt when the two met": the pair this sentence links
        builder.recent_pair = (own, sent_no)
        return own
    pair, pair_sent = builder.recent_pair
    if pair and sent_no - pair_sent <= PAIR_SENTENCES:
        builder.recent_pair = (pair, sent_no)
        return pair
    people = builder.people
    window_start = builder.idx.sents[max(0, sent_no - 3)].start
    recent = [p for i, p in people.order if window_start <= i < tok.i]
    leaders = [p for p in recent if _leader_like(people.persons[p])]
    ranked = _by_count(builder, leaders)
    if len(ranked) < 2:
        ranked = _article_leaders(builder, tok.i)
    pids = tuple(ranked[:2])
    if len(pids) == 2:
        builder.recent_pair = (pids, sent_no)
    return pids


_OBJ_PREPS = ("with", "to", "by")
TIME_WORDS = ("when", "as", "while", "after", "before")


def _linked_pair(verb, people):
    """(subject, object) when a verb links one person to one other ('X met Y', 'X held
    talks with Y', 'X gave Y a shirt'), else None."""
    subs = _subject_people(verb, people)
    objs = [p for c in kids(verb) if c.dep_ in ("dobj", "dative") for p in people.refs(c)]
    heads = [verb] + [c for c in kids(verb) if c.dep_ == "dobj"]  # "held talks with Y"
    for prep in (c for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ in _OBJ_PREPS):
        objs += [p for o in kids(prep) if o.dep_ == "pobj" for p in people.refs(o)]
    if len(set(subs)) == 1 and len(set(objs)) == 1 and subs[0] != objs[0]:
        return subs[0], objs[0]
    return None


def _sentence_pair(builder, tok) -> tuple:
    """The two persons a verb links ('A gave B a shirt when the two met in Rome', 'A met
    B, and the two signed ...') when the plural is the subject of a clause under it."""
    clause = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return ()  # "stood beside the two men": not the pair the verb links
    timed = any(c.lower_ in TIME_WORDS for c in kids(clause))
    if clause.dep_ not in ("advcl", "conj") and not (clause.dep_ == "relcl" and timed):
        return ()
    head = clause.head
    for _ in range(5):  # "gave B a shirt when the two met": hung on "shirt" (or on "set")
        if head.pos == VERB and head.i < tok.i:
            pair = _linked_pair(head, builder.people)
            if pair is not None:
                return pair
        if head.dep_ not in ("acl", "dobj", "dative", "compound", "pobj", "prep"):
            break
        head = head.head
    return ()


def note_pair(builder, sent) -> None:
    """Remember the last two persons a sentence's verb links as subject and object
    ('X met Y', 'X held talks with Y'): 'the two men' in the next sentences are they.

    A pair linked by a verb told as background ('X's predecessor Z once gave a horse to
    W', 'Z had met W in 1998') does not displace the story's pair while that is still
    recent: 'the two leaders' after it are still the story's two."""
    people = builder.people
    if not _two_named(people, sent):
        return
    pair = None
    background = False
    for verb in (t for t in span_tokens(sent) if t.pos == VERB):
        subs = _subject_people(verb, people)
        objs = [p for c in kids(verb) if c.dep_ == "dobj" for p in people.refs(c)]
        heads = [verb] + [c for c in kids(verb) if c.dep_ == "dobj"]  # "held talks with Y"
        for prep in (
            c for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ in _OBJ_PREPS
        ):
            objs += [p for o in kids(prep) if o.dep_ == "pobj" for p in people.refs(o)]
        if len(set(subs)) == 1 and len(set(objs)) == 1 and subs[0] != objs[0]:
            told_before = _told_as_background(verb, builder.idx.published)
            if pair is not None and background is False and told_before:
                continue  # the sentence's own pair stays ahead of a background one
            pair, background = (subs[0], objs[0]), told_before
            builder.partners[subs[0]], builder.partners[objs[0]] = objs[0], subs[0]
    if pair is None:
        return
    sent_no = builder.idx.sent_of[sent.start]
    background_pairs = builder.__dict__.setdefault("background_pairs", set())
    if background:
        background_pairs.add(pair)
        live, at = builder.recent_pair
        if live and live not in background_pairs and sent_no - at <= PAIR_SENTENCES:
            return
    builder.recent_pair = (pair, sent_no)


def _two_named(people, sent) -> bool:
    """Whether the sentence's words (and the one after it, where a title's name may be)
    stand for two persons or more so far: a pair needs two."""
    found: set = set()
    for i in range(sent.start, min(sent.end + 1, len(sent.doc))):
        if i in people.groups:
            found.update(people.groups[i])
        elif i in people.by_tok:
            found.add(people.by_tok[i])
        if len(found) >= 2:
            return True
    return False


# Adverbs that put a clause before the story ('once gave', 'had previously met').
BACKGROUND_ADVERBS = {"once", "previously", "formerly", "earlier"}
STORY_DAYS = 31  # a date this close before the article's is the story's own


def _argument_words(verb):
    """The words of a verb's subject and object phrases ('with Y', 'to Y' included)."""
    for c in kids(verb):
        if c.dep_ in ("nsubj", "dobj", "dative"):
            yield from subtree(c)
        elif c.dep_ == "prep" and c.lower_ in _OBJ_PREPS:
            yield from subtree(c)  # "to then Prime Minister Y": 'then' hangs on 'to'


def _of_the_past(tok) -> bool:
    """'the late leader X', 'then President Y': a person told as of an earlier time."""
    if tok.lower_ == "late":
        return tok.dep_ == "amod"
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "then" and after is not None and after.pos == PROPN and after.is_title


def _told_as_background(verb, published) -> bool:
    """A linking verb told as an earlier event: 'once', 'previously', a pluperfect, a
    date of its own before the article's ('in 1998', 'last year'), or a person in it
    told as of that time ('the late leader X', 'then President Y')."""
    from .dates import mentions_past, resolve
    from .text import doc_ents

    for c in kids(verb):
        if c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS:
            return True
        if c.dep_ == "aux" and c.lower_ == "had" and verb.tag_ == "VBN":
            return True
    if any(_of_the_past(t) for t in _argument_words(verb)):
        return True
    dated = {t.i for t in subtree(verb) if t.ent_type_ == "DATE"}
    for ent in doc_ents(verb.doc):  # spaCy builds doc.ents anew on each access
        if ent.label_ == "DATE" and ent.start in dated and mentions_past(ent.text, published):
            day = resolve(ent.text, published) if published else None
            if day is None or (published - day).days > STORY_DAYS:
                return True  # 'on Monday last week' is still the story's own news
    return False


def _subject_people(verb, people) -> list:
    """Persons who are a verb's subject, or its governing verb's ('Before meeting Y, X ...')."""
    for _ in range(3):
        subs = [p for c in kids(verb) if c.dep_ == "nsubj" for p in people.refs(c)]
        if subs:
            return subs
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if verb.dep_ not in ("advcl", "pcomp", "xcomp", "conj") or head == verb:
            return []
        verb = head
    return []
