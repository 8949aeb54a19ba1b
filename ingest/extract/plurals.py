"""Who 'the two leaders', 'the pair', 'they' refer to.

A plural reference of two is the pair last named together ("X and Y met ...")
or last resolved, while it is recent (PAIR_SENTENCES); otherwise the two
most-mentioned leader-like persons (with a title, country or organisation)
seen in the last sentences, else in the article so far.  Larger numbers
("the seven leaders") take the last coordinated list of that size.
"""

from __future__ import annotations

PAIR_SENTENCES = 12  # a remembered pair stays the referent this many sentences
# Clauses hung off a verb that tell what its subject and object did next ("X gave Y a
# shirt when the two met", "X received Y and the two held talks"); not what was said.
_SIDE_CLAUSES = ("advcl", "conj", "relcl")


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
    if tok.pos_ == "PRON":
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
    linked = None
    clause = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and clause.dep_ in _SIDE_CLAUSES:
        governor = clause.head
        if governor.pos_ != "VERB" and governor.dep_ in ("dobj", "pobj"):
            governor = governor.head  # "gave Y [a signed one] when the two met"
        linked = _linked_before(builder, builder.idx.sents[sent_no], tok.i, governor)
    if linked is not None:
        # "X gave Y a shirt when the two met": the pair the verb this clause hangs off
        # has just linked, not the pair the article was about; only as that clause's
        # subject ("X greeted Y and stood beside the two men": there the two are
        # others), and not in what was said ("X told Y that the two had agreed")
        builder.recent_pair = (linked, sent_no)
        return linked
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


def note_pair(builder, sent) -> None:
    """Remember the last two persons a sentence's verb links as subject and object
    ('X met Y', 'X held talks with Y'): 'the two men' in the next sentences are they."""
    pair = _linked_before(builder, sent, sent.end, remember=True)
    if pair is not None:
        builder.recent_pair = (pair, builder.idx.sent_of[sent.start])


def _linked_before(builder, sent, before: int, only=None, remember: bool = False):
    """The last two persons a verb of the sentence (or the verb `only`) written before
    token `before` links as subject and object ('X gave Y ...', 'X held talks with Y'),
    else None. With `remember`, each becomes the other's partner."""
    people = builder.people
    pair = None
    for verb in (t for t in sent if t.pos_ == "VERB" and t.i < before):
        if only is not None and verb != only:
            continue
        subs = _subject_people(verb, people)
        # the one given to counts within its own sentence ("X gave Y a shirt when the two
        # met"), not as the pair later sentences mean ("X once gave Y a bowl. A visited
        # B, when the two leaders signed ...")
        objects = ("dobj",) if remember else ("dobj", "dative")
        objs = [
            p for c in verb.children if c.dep_ in objects and c.i < before for p in people.refs(c)
        ]
        heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "held talks with Y"
        for prep in (
            c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _OBJ_PREPS
        ):
            objs += [p for o in prep.children if o.dep_ == "pobj" for p in people.refs(o)]
        if len(set(subs)) == 1 and len(set(objs)) == 1 and subs[0] != objs[0]:
            pair = (subs[0], objs[0])
            if remember:
                builder.partners[subs[0]], builder.partners[objs[0]] = objs[0], subs[0]
    return pair


def _subject_people(verb, people) -> list:
    """Persons who are a verb's subject, or its governing verb's ('Before meeting Y, X ...')."""
    for _ in range(3):
        subs = [p for c in verb.children if c.dep_ == "nsubj" for p in people.refs(c)]
        if subs:
            return subs
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if verb.dep_ not in ("advcl", "pcomp", "xcomp", "conj") or head == verb:
            return []
        verb = head
    return []
