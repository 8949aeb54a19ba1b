"""Leaders who travel with another leader, or witness a signing, and so take part in a
meeting.

"X was accompanied by the presidents of A, B and C" and "a delegation headed
by X" make the named companions (persons with a title, not spouses) take part
in every main-story meeting X attends.  Negated or planned company
("will be accompanied by") is ignored.
"""

from __future__ import annotations

from .conflict import verb_asserted
from .lexicon import TITLE_HEADS
from .tags import ADJ, NOUN, PROPN, VERB
from .text import kids, sent_of, span_tokens, subtree, token_pos, tokens_in, tokens_of

LEAD_VERBS = {"head", "lead"}
GROUP_NOUNS = {"delegation", "mission", "group", "team"}
SPOUSE_WORDS = {"wife", "husband", "spouse", "lady", "daughter", "son", "family"}


def _persons_in(tok, people) -> list:
    return list(dict.fromkeys(p for t in subtree(tok) for p in people.pids(t)))


def _titled(person) -> bool:
    """An office-holder's title; a spouse's ('first lady') is none: a spouse who comes
    along takes part in no talks."""
    title = (person.title or "").lower()
    return (
        bool(title)
        and title.split()[-1] in TITLE_HEADS | {"president"}
        and title.split()[-1] not in SPOUSE_WORDS
    )


def companions(idx, people) -> dict:
    """pid -> list of companion pids, from 'accompany' clauses in fact sentences: 'X was
    accompanied by A and B', 'X, accompanied by A and B, met Y', 'A and B accompanied X'."""
    out: dict = {}
    for tok in idx.fact_tokens(("accompany",)):
        if tok.pos != VERB or not verb_asserted(tok):
            continue
        leads, company = _accompanied(tok, people)
        if len(leads) != 1 or company is None:
            continue
        if any(t.lower_ in SPOUSE_WORDS for t in subtree(company)):
            continue
        found = [p for p in _named_in(company, people) if _titled(people.get(p))]
        known = out.setdefault(leads[0], [])
        known.extend(p for p in dict.fromkeys(found) if p != leads[0] and p not in known)
    return out


def _accompanied(verb, people) -> tuple:
    """(the persons accompanied, the phrase naming their company, or None)."""
    children = list(kids(verb))
    agents = [c for c in children if c.dep_ == "agent"]
    if agents:
        leads = [p for c in children if c.dep_ == "nsubjpass" for p in people.refs(c)]
        if not leads and verb.dep_ in ("acl", "advcl") and verb.head.pos == PROPN:
            leads = list(people.refs(verb.head))  # "X, accompanied by A and B, met Y"
        return leads, agents[0]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    leads = [p for c in children if c.dep_ == "dobj" for p in people.refs(c)]
    return leads, subjects[0] if subjects else None  # "A and B accompanied X"


def group_leader(tok, people) -> list:
    """'a delegation of African leaders headed by X' -> [X]."""
    if tok.lower_ not in GROUP_NOUNS:
        return []
    for c in subtree(tok):
        if c.dep_ == "acl" and c.lemma_.lower() in LEAD_VERBS:
            for agent in (a for a in kids(c) if a.dep_ == "agent"):
                return [p for o in kids(agent) if o.dep_ == "pobj" for p in people.refs(o)]
    return []


def joined_by(verb, people) -> list:
    """'X was joined (at the summit) by A, B and C': the persons who joined X, from the
    passive's 'by' phrase, also where the parser hangs it on the place or occasion."""
    if not any(c.dep_ == "nsubjpass" for c in kids(verb)):
        return []
    phrases = [
        t
        for t in subtree(verb)
        if t.lower_ == "by" and t.dep_ in ("prep", "agent") and _hangs_on(t, verb)
    ]
    # every person named in the phrase: a long list of titled names is often mis-parsed
    # into appositions and modifiers rather than coordination
    return list(dict.fromkeys(p for by in phrases for p in _named_in(by, people)))


def _named_in(phrase, people) -> list:
    """Persons named in a phrase, outside the clauses inside it ('by X, who met Y')."""
    clauses = {
        t.i for c in subtree(phrase) if c.dep_ in ("relcl", "acl", "advcl") for t in subtree(c)
    }
    found = [p for t in subtree(phrase) if t.i not in clauses for p in people.pids(t)]
    # "by A and Defence Minister [B]": the parser may end the phrase on a title, cut from
    # the name it is written before
    cut = phrase.right_edge.lower_ in TITLE_HEADS
    return found + _list_after(phrase.doc, phrase.right_edge.i + 1, people, lead=not cut)


def _list_after(doc, i: int, people, lead: bool = True) -> list:
    """The rest of a list of titled names the parser cut off from its phrase ('..., Latvian
    Prime Minister A and Nepali Prime Minister B on Friday'): read on over commas, 'and',
    names and the capitalised words and possessives of their titles.  With `lead` the list
    must begin with a comma (it continues a phrase)."""
    out = []
    if i >= len(doc) or (lead and doc[i].text != ","):
        return out
    while i < len(doc):
        tok = doc[i]
        if people.pids(tok):
            out += [p for p in people.pids(tok) if p not in out]
        elif not (
            tok.text in (",", "and")
            or tok.tag_ == "POS"
            or (tok.text[:1].isupper() and tok.pos in (PROPN, ADJ))
        ):
            break
        i += 1
    return out


def _hangs_on(tok, verb) -> bool:
    """Whether a 'by' hangs on the verb through prepositional phrases only ('joined at the
    summit on the corridor by ...'), not inside a clause or a name of its own."""
    while tok.head != tok and tok.head != verb:
        tok = tok.head
        if tok.dep_ not in ("prep", "pobj", "agent"):
            return False
    return tok.head == verb


def add_companions(meetings, idx, people) -> None:
    """Add each leader's companions to the main-story meetings that leader attends, and a
    delegation's members to those two of them attend together."""
    found = companions(idx, people)
    delegations = [
        members
        for at, members in people.groups.items()
        if idx.doc[at].lower_ in GROUP_NOUNS | DELEGATION_REFERENCES
    ]
    for meeting in meetings:
        if meeting.background:
            continue
        for lead, extra in found.items():
            if lead in meeting.participants:
                meeting.participants += [p for p in extra if p not in meeting.participants]
        for members in delegations:
            if len(set(members) & set(meeting.participants)) >= 2:
                meeting.participants += [p for p in members if p not in meeting.participants]


BESIDE = {"beside", "alongside", "next"}


def add_bystanders(meetings, idx, people) -> None:
    """'X stood beside the two men as they signed': X joins the main-story meeting of the
    persons X stood beside."""
    for tok in idx.fact_tokens(("stand", "sit", "watch")):
        if tok.pos != VERB:
            continue
        beside = [
            p
            for c in kids(tok)
            if c.dep_ == "prep" and c.lower_ in BESIDE
            for o in subtree(c)
            if o.dep_ == "pobj"
            for p in people.refs(o)
        ]
        subj_verb = tok.head if tok.dep_ == "conj" else tok  # "greeted X and stood beside"
        subs = [p for c in kids(subj_verb) if c.dep_ == "nsubj" for p in people.refs(c)]
        if len(set(beside)) < 2 or not subs or not verb_asserted(tok):
            continue
        for meeting in meetings:
            if not meeting.background and set(beside) <= set(meeting.participants):
                meeting.participants += [p for p in subs if p not in meeting.participants]
                break


def add_witnesses(meetings, idx, people) -> None:
    """'X signed the documents as a witness': X takes part in the signing meeting (the
    nearest earlier main-story meeting with a signing mention)."""
    add_bystanders(meetings, idx, people)
    for tok in idx.fact_tokens(("sign",)):
        if tok.pos != VERB or not _as_witness(tok):
            continue
        signers = [p for c in kids(tok) if c.dep_ == "nsubj" for p in people.refs(c)]
        signers += _as_did(tok, people)  # "X signed as a witness, as did A and B"
        target = _signing_meeting(meetings, tok)
        if target is not None:
            target.participants += [p for p in signers if p not in target.participants]
            target.told_at.append(tok.i)


def _as_did(verb, people) -> list:
    from .gatherings import as_did  # gatherings reads lists with this module's helpers

    return as_did(verb, people)


def _as_witness(verb) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(o.lower_ == "witness" for o in kids(c))
        for c in kids(verb)
    )


def _signing_told(trigger) -> bool:
    if trigger.lemma_.lower() == "sign":
        return True
    return any(t.lemma_.lower() == "sign" and t.pos == VERB for t in span_tokens(sent_of(trigger)))


def _signing_meeting(meetings, tok):
    best = None
    for meeting in meetings:
        # a signing told with the meeting's own trigger, or in its sentence ("shook hands
        # as they signed the accord")
        signs = [m for m in meeting.mentions if _signing_told(m.trigger)]
        if meeting.background or not signs or min(m.trigger.i for m in signs) > tok.i:
            continue
        best = meeting
    return best


MEMBER_VERBS = {"include", "comprise"}
# Words that refer back to a delegation just described ("the visitors held talks with X").
DELEGATION_REFERENCES = {"visitors", "delegation", "delegates", "mission", "envoys", "mediators"}
DELEGATION_SENTENCES = 2  # a delegation stays the referent this many sentences


def _group_subject(verb):
    """The delegation-like noun a verb (or the verb it is conjoined to) has as subject."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None:
            continue
        for c in kids(v):
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in GROUP_NOUNS:
                return c
        if v.dep_ in ("relcl", "acl") and v.head.lower_ in GROUP_NOUNS:
            return v.head  # "the delegation, which was led by A and included B, ..."
    return None


def note_delegation(builder, sent) -> None:
    """'The delegation ... was led by A and included B and C': remember A, B and C as the
    delegation, the persons the group noun and later references to it stand for."""
    people, members, noun = builder.people, [], None
    for verb in tokens_in(sent.doc, sent.start, sent.end, LEAD_VERBS | MEMBER_VERBS):
        lemma = verb.lemma_.lower()
        if verb.pos != VERB or not verb_asserted(verb):
            continue
        subject = _group_subject(verb)
        if subject is None:
            continue
        noun = noun or subject
        if lemma in LEAD_VERBS:
            members += [p for c in kids(verb) if c.dep_ == "agent" for p in _named_in(c, people)]
        else:
            objects = [c for c in kids(verb) if c.dep_ == "dobj"]
            members += [p for c in objects for p in _named_in(c, people)]
            if not objects:  # the parser may make the listed names a clause's subjects
                members += _list_after(verb.doc, verb.i + 1, people, lead=False)
    members = list(dict.fromkeys(members))
    if noun is not None and len(members) >= 2:
        people.groups.setdefault(noun.i, tuple(members))
        builder.delegation = (tuple(members), builder.idx.sent_of[sent.start])
        told = _told_just_before(builder.idx, sent, noun)
        if told is not None:
            people.groups.setdefault(told.i, tuple(members))
            people.conf.setdefault(told.i, 0.7)


def _told_just_before(idx, sent, noun):
    """'A delegation of African leaders held talks with X on Tuesday. The delegation was
    led by A and included B and C': the same group noun as the subject of the sentence
    right before, with no names of its own, is the delegation described after it."""
    at = idx.sent_of[sent.start]
    if at == 0 or noun.lower_ not in GROUP_NOUNS:
        return None
    for tok in idx.sents[at - 1]:
        if (
            tok.lower_ == noun.lower_
            and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(t.ent_type_ == "PERSON" for t in subtree(tok))
        ):
            return tok
    return None


def refers_to_delegation(builder, tok) -> bool:
    """'The visitors held talks with X' right after a delegation was described: the noun
    stands for its members (set on `people.groups`).  'They' is read by
    `_they_of_the_subjects`, else left to the pair rules: 'they' after a delegation is as
    often the delegation and its host."""
    if tok.lower_ != "they" and tok.lower_ not in DELEGATION_REFERENCES:
        return False  # most words: neither reading below can take them
    members, at = builder.delegation
    sent_no = builder.idx.sent_of[tok.i]
    body = _they_of_the_subjects(builder, tok, sent_no)
    if body:
        builder.people.groups[tok.i] = body
        builder.people.conf[tok.i] = 0.7
        builder.people.bodies.add(tok.i)
        if body == members:
            builder.delegation_subject = sent_no
        return True
    if not members:
        return False
    if not (tok.lower_ in DELEGATION_REFERENCES and tok.pos == NOUN):
        return False
    if sent_no <= at or sent_no - at > DELEGATION_SENTENCES:
        return False
    if builder.recent_pair[1] > at:
        return False  # a pair named since is who 'they' are
    builder.people.groups[tok.i] = members
    builder.people.conf[tok.i] = 0.7
    builder.delegation = (members, sent_no)  # a reference keeps the delegation recent
    builder.people.bodies.add(tok.i)
    if tok.dep_ in ("nsubj", "nsubjpass"):
        builder.delegation_subject = sent_no
    joined = _joined(tok)
    if joined is not None:
        builder.joiners.append((joined, members, sent_no))
    return True


def _joined(tok):
    """'The Ghanaian president flew in separately and joined the mission': the 'join' verb
    whose object is the delegation (its subject becomes one of the delegation)."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() != "join" or verb.pos != VERB:
        return None
    return verb if verb_asserted(verb) else None


def joins_a_delegation(verb) -> bool:
    """'X joined the delegation / the mission': X travels with the group, X does not meet it."""
    return any(
        c.dep_ == "dobj" and c.lower_ in GROUP_NOUNS | DELEGATION_REFERENCES for c in kids(verb)
    )


def _they_of_the_subjects(builder, tok, sent_no) -> tuple:
    """'The visitors held talks with X. They then met separately with Y', 'A, B and C met
    X. They also held talks with Y': 'they' as the subject of a verb done to someone
    named, right after the delegation (or three or more named leaders) was the subject, is
    that body (the delegation also later in its own sentence, where the parser runs two
    into one).  With no one named, 'they' may be the body and its host: left to the pair
    rules.  Returns the body's members (empty: not such a 'they')."""
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or not _done_to_someone_named(builder, tok):
        return ()
    members, _ = builder.delegation
    if members and builder.delegation_subject in (sent_no - 1, sent_no):
        if builder.recent_pair[1] < builder.delegation_subject:
            return tuple(members)
    group, at = builder.subject_group
    return tuple(group) if group and at == sent_no - 1 else ()


def _done_to_someone_named(builder, tok) -> bool:
    """Whether the verb 'they' is the subject of has a person named as its object, or
    with / to a person named (one of the article's name spans, read before this pass, or
    a PERSON the tagger marks)."""
    verb = tok.head
    heads = [verb] + [c for c in kids(verb) if c.dep_ == "dobj"]
    named = [
        o
        for h in heads
        for c in kids(h)
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "to"))
        for o in ([c] if c.dep_ == "dobj" else [g for g in kids(c) if g.dep_ == "pobj"])
    ]
    return any(t.i in builder.covered or t.ent_type_ == "PERSON" for o in named for t in subtree(o))


def note_subject_group(builder, sent) -> None:
    """Remember three or more persons who are together a verb's subject in a sentence
    ('A, B and C met X'), or a delegation so referred to, for 'they' in the next."""
    people = builder.people
    pos, toks = token_pos(sent.doc), tokens_of(sent.doc)
    for verb in (toks[i] for i in range(sent.start, sent.end) if pos[i] == "VERB"):
        subs = [p for c in kids(verb) if c.dep_ == "nsubj" for p in people.refs(c)]
        subs = list(dict.fromkeys(subs))
        if len(subs) >= 3:
            builder.subject_group = (tuple(subs), builder.idx.sent_of[sent.start])


def add_joiners(builder) -> None:
    """Once descriptions are resolved, the persons who joined a delegation are members of
    it in every later reference to it ('the visitors', 'they')."""
    people, sent_of = builder.people, builder.idx.sent_of
    for verb, members, at in builder.joiners:
        from .plurals import _subject_people

        joiners = [p for p in _subject_people(verb, people) if p not in members]
        if not joiners:
            continue
        grown = tuple(members) + tuple(dict.fromkeys(joiners))
        for i, group in list(people.groups.items()):
            if group == members and sent_of[i] >= at:
                people.groups[i] = grown
