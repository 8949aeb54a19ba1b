"""Who was at a gathering, told in lists around its main sentence.

A summit, a signing ceremony or a round of mediation names its participants in lists,
often across several sentences, and news writes those lists loosely:

- long lists of titled names the parser cuts into appositions, or joins with
  semicolons ("Kuwait's emir, A; Oman's deputy premier, B; and C led their delegations");
- the ellipsis "..., as did X and Y" after an attendance or witness predicate;
- arrival for the occasion ("X flew in for the ceremony"), taking part in it, presence
  ("Present at the signing were A and B", "Also attending were ...");
- the one who chairs, opens or hosts the occasion ("X chaired the summit").

This module reads those predicates; `meeting_attendance` adds the persons to the
gathering they belong to, or makes the gathering a meeting when its main sentence
named nobody ("Gulf leaders met for their summit").
"""

from __future__ import annotations

from .companions import _list_after
from .tags import ADJ, AUX, NOUN, PRON, PROPN, VERB
from .text import kids, sent_of, span_tokens, subtree

# Clauses inside a list phrase name other people ("X, who met Y", "Z's envoy").
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp")
OCCASION_NOUNS = {"summit", "signing", "ceremony", "meeting", "talks", "conference",
                  "session", "gathering", "summitry", "negotiations", "mediation", "forum",
                  "celebrations", "festivities", "opening", "event"}  # fmt: skip
ARRIVAL_VERBS = {"fly", "arrive", "come", "travel", "jet", "return"}
PART_VERBS = {"participate", "take"}  # "took part in", "participated in"
CHAIR_VERBS = {"chair", "open", "host", "preside", "convene", "lead", "co-chair", "cochair"}
PRESENT_WORDS = {"present", "attending", "there"}


def list_persons(tok, people) -> list:
    """Everyone a list phrase names: the persons in its subtree outside the clauses inside
    it and outside possessors ("the president's envoy, X" names X, not the president), and
    the rest of a list the parser cut off after it."""
    skip = set()
    for t in subtree(tok):
        if t.i == tok.i:
            continue
        if t.dep_ in CLAUSE_DEPS or t.dep_ == "poss":  # "Costa Rica's", "the president's"
            skip.update(s.i for s in subtree(t))
    found = [
        p
        for t in subtree(tok)
        if t.i not in skip and not _title_before_name(t, people)
        for p in people.pids(t)
    ]
    found += _list_after(tok.doc, tok.right_edge.i + 1, people)
    if tok.dep_ in ("nsubj", "nsubjpass"):
        found = _list_before(tok, people) + found
    return list(dict.fromkeys(found))


LIST_WORDS = {",", ";", "and", "the", "'s", "'", "’s", "’"}


def _list_before(tok, people) -> list:
    """The head of a list the parser cut off before the subject ('Chad's President A;
    Cameroon's Prime Minister B; and C led their delegations'): read back from the
    subject's phrase to the sentence start over names, titles, possessive countries,
    commas, semicolons and 'and'; only when a semicolon or comma leads into the phrase."""
    doc, start = tok.doc, sent_of(tok).start
    i = tok.left_edge.i - 1
    if i < start or doc[i].text not in (",", ";", "and"):
        return []
    out, ok = [], True
    while i >= start:
        t = doc[i]
        if t.text in LIST_WORDS or t.tag_ == "POS":
            pass
        elif people.pids(t) and not _title_before_name(t, people):
            if not (i + 1 < len(doc) and doc[i + 1].tag_ == "POS"):
                out = list(people.pids(t)) + [p for p in out if p not in people.pids(t)]
        elif not (t.text[:1].isupper() or t.lower_ in TITLE_WORDS):
            ok = False
            break
        i -= 1
    return out if ok else []


TITLE_WORDS = {"president", "prime", "minister", "premier", "chancellor", "emir", "king",
               "crown", "prince", "sultan", "deputy", "vice", "foreign", "secretary",
               "envoy", "chairperson", "chairman", "leader"}  # fmt: skip


def _title_before_name(t, people) -> bool:
    """A title word written before the name it belongs to ("the UAE's Vice President and
    Prime Minister, Sheikh X"): the name, not the title, says who it is, so a person the
    title alone was taken to refer to is not listed."""
    if t.ent_type_ == "PERSON" or not people.pids(t):
        return False
    doc, j = t.doc, t.i + 1
    while j < len(doc) and j - t.i < 6 and doc[j].ent_type_ != "PERSON":
        if doc[j].text == ",":
            # the name may follow an honorific ("Sheikh", "Sayyid") that is not part of it
            return any(people.pids(n) for n in doc[j + 1 : j + 3])
        if not (doc[j].is_title or doc[j].lower_ == "and"):
            return False
        j += 1
    return False


def named_here(pids, sent, people) -> list:
    """Persons among `pids` the sentence names other than by a title standing before
    another name (see `_title_before_name`)."""
    if not pids:  # most verbs a reader tries name nobody: no need to read the sentence
        return []
    named = {
        p for t in span_tokens(sent) if not _title_before_name(t, people) for p in people.pids(t)
    }
    return [p for p in dict.fromkeys(pids) if p in named]


def subjects_listed(verb, people) -> list:
    return [
        p for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass") for p in list_persons(c, people)
    ]


def _copula_persons(verb, people) -> list:
    """'Present were A and B': the persons of an inverted copula, subject or attribute."""
    return [
        p
        for c in kids(verb)
        if c.dep_ in ("nsubj", "nsubjpass", "attr")
        for p in list_persons(c, people)
    ]


def as_did(verb, people) -> list:
    """'X flew in for the ceremony, as did A and B': the persons of the elliptic 'as did'."""
    out = []
    for c in kids(verb):
        if c.dep_ not in ("advcl", "conj") or c.lemma_.lower() != "do":
            continue
        if not any(m.lower_ in ("as", "so") for m in kids(c) if m.dep_ in ("mark", "advmod")):
            continue
        out += subjects_listed(c, people)
    return out


def _occasion_of(verb, preps) -> object | None:
    """The occasion noun a verb's prepositional phrase names ('for the ceremony')."""
    for c in kids(verb):
        if c.dep_ == "prep" and c.lower_ in preps:
            for o in kids(c):
                if o.dep_ == "pobj" and _occasion_noun(o):
                    return o
    return None


def _occasion_noun(tok) -> bool:
    """'the signing', 'the talks' (whose lemma is 'talk'): an occasion noun."""
    return tok.lemma_.lower() in OCCASION_NOUNS | {"signing"} or tok.lower_ in OCCASION_NOUNS


def occasion_word(verb) -> str | None:
    """The occasion noun an attendance predicate is about, if it names one (for a host
    told in a participle, the occasion it hosted: 'The summit opened, hosted by X')."""
    for c in subtree(verb):
        if _occasion_noun(c) and c.pos in (NOUN, PROPN):
            return c.lemma_.lower() if c.lemma_.lower() in OCCASION_NOUNS else c.lower_
    hosted = hosted_occasion(verb)
    return hosted.lemma_.lower() if hosted is not None else None


def present(verb, people) -> list:
    """Persons told as coming to, taking part in or being present at an occasion:
    'X flew in for the signing', 'X took part in the talks', 'Present at the ceremony were
    A and B', 'Also attending were A and B'."""
    lemma = verb.lemma_.lower()
    if lemma in ARRIVAL_VERBS and _occasion_of(verb, ("for", "to")) is not None:
        return subjects_listed(verb, people)
    if lemma == "participate" and _occasion_of(verb, ("in",)) is not None:
        return subjects_listed(verb, people)
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in kids(verb)):
        if _occasion_of(verb, ("in",)) is not None:
            return subjects_listed(verb, people)
    if lemma in ("be", "include") and verb.dep_ == "ROOT" and _roll_call(verb):
        # "Those present were A; B, and C", "Among the attendees were ...", "Other heads of
        # state present include ...": a roll call, however the parser hangs its names
        return list_persons(verb, people)
    if lemma == "attend" and any(c.dep_ == "auxpass" for c in kids(verb)):
        # "The talks were also attended by A and B": the persons of the 'by' phrase
        if any(c.dep_ == "nsubjpass" and _occasion_noun(c) for c in kids(verb)):
            agents = [o for c in kids(verb) if c.dep_ == "agent" for o in kids(c)]
            # "by A's president, X, and B's prime minister, Y" with the second hung on the
            # verb as a noun conjoined to it
            agents += [c for c in kids(verb) if c.dep_ == "conj" and c.pos == NOUN]
            return [
                p for o in agents if o.dep_ in ("pobj", "conj") for p in list_persons(o, people)
            ]
    if lemma == "be" and _in_attendance_first(verb):
        return _copula_persons(verb, people)  # "(Also) in attendance were A and B"
    if lemma == "be":
        words = [c for c in kids(verb) if c.dep_ in ("acomp", "advmod", "attr", "csubj", "nsubj")]
        # "Among those attending (the summit) were A and B", "A and B were among those
        # present" (with 'present' parsed as the noun of 'among')
        words += [
            a
            for c in kids(verb)
            if c.dep_ == "prep" and c.lower_ == "among"
            for o in kids(c)
            for a in (o, *kids(o))
            if a.dep_ in ("acl", "relcl", "amod") or a.dep_ == "pobj" and a.pos == ADJ
        ]
        if any(w.lower_ in PRESENT_WORDS or w.lemma_.lower() == "attend" for w in words):
            return _copula_persons(verb, people)
    inverted = [
        c for c in kids(verb) if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" and c.i > verb.i
    ]
    if inverted and (lemma == "attend" and verb.tag_ == "VBG" or verb.lower_ in PRESENT_WORDS):
        # "Also attending were A and B", "Present at the signing were ...", parsed with the
        # persons as the object
        own = [p for c in kids(verb) if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
               for p in list_persons(c, people)]  # fmt: skip
        return own + [p for aux in inverted for p in _copula_persons(aux, people)]
    if lemma == "attend" and verb.tag_ == "VBG" and not any(c.dep_ == "dobj" for c in kids(verb)):
        # "Also attending were A and B", whichever of the two words the parser makes the head
        bes = [verb.head] if verb.dep_ in ("acomp", "csubj") else []
        bes += [c for c in kids(verb) if c.lemma_ == "be"]
        return [p for v in [verb, *bes] for p in _copula_persons(v, people)]
    return []


def _in_attendance_first(verb) -> bool:
    """'In attendance were A and B': 'in attendance' before the copula, its persons after
    ('A and B were in attendance' is told of an occasion by the noun rule, three or more)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and c.i < verb.i
        and any(o.lower_ == "attendance" for o in kids(c))
        for c in kids(verb)
    )


ATTENDEE_NOUNS = {"attendees", "participants", "guests", "those"}


def _roll_call(verb) -> bool:
    """A sentence that lists who was there: 'present' told of a group noun or of 'those',
    or 'among the attendees'."""
    for t in span_tokens(sent_of(verb)):
        if (
            t.lower_ == "present"
            and t.dep_ in ("amod", "ccomp", "acl")
            and t.head.pos in (NOUN, PRON, VERB, AUX)
        ):
            return True
        if t.lower_ in ATTENDEE_NOUNS - {"those"} and t.head.lower_ == "among":
            return True
    return False


def hosted_occasion(verb):
    """The occasion a passive chairing verb tells the host of: 'The summit was hosted by X',
    'the summit, chaired by X, opened ...', 'The summit opened on Friday in Y, hosted by X',
    'The gathering opened at a hotel in Y, hosted by X' (the participle hung on the place)."""
    if verb.lemma_.lower() not in CHAIR_VERBS or verb.tag_ != "VBN":
        return None
    if not any(c.dep_ == "agent" for c in kids(verb)):
        return None
    clause, steps = verb, 0
    while steps < 6:
        if clause.lemma_.lower() in OCCASION_NOUNS and clause.pos in (NOUN, PROPN):
            return clause  # the participle's own noun: "the summit, hosted by X"
        subject = next((c for c in kids(clause) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lemma_.lower() in OCCASION_NOUNS:
                return subject
            return None  # a clause about something else: "the hotel, owned by X"
        if clause.dep_ not in ("acl", "advcl", "pobj", "prep") or clause.head == clause:
            return None
        clause, steps = clause.head, steps + 1
    return None


def _agent_persons(verb, people) -> list:
    return [
        p
        for c in kids(verb)
        if c.dep_ == "agent"
        for o in kids(c)
        if o.dep_ == "pobj"
        for p in list_persons(o, people)
    ]


def chair(verb, people) -> list:
    """'X chaired the summit', 'X opened the gathering', 'the summit, hosted by X': the one
    who ran the occasion."""
    if verb.lemma_.lower() not in CHAIR_VERBS:
        return []
    if hosted_occasion(verb) is not None:
        return _agent_persons(verb, people)
    occasions = [c for c in kids(verb) if c.dep_ == "dobj" and c.lemma_.lower() in OCCASION_NOUNS]
    if not occasions and verb.lemma_.lower() == "preside":
        occasions = [_occasion_of(verb, ("over",))] if _occasion_of(verb, ("over",)) else []
    if not occasions:
        return []
    return [p for c in kids(verb) if c.dep_ == "nsubj" for p in list_persons(c, people)]


def _told_as_past(m) -> bool:
    """'had last met', 'met previously', 'since they met': a background meeting told as one."""
    return m.earlier or any(
        c.lower_ in ("last", "previously", "before", "earlier")
        or (c.dep_ == "aux" and c.lower_ in ("had", "'d"))
        for c in kids(m.trigger)
    )


def absorb_misread_background(meetings) -> list:
    """An undated background meeting told in the same sentence as a main-story meeting of
    the same leaders (or more: a signing its witnesses joined) is that meeting, its clause
    read as background through a date of another event in the sentence ('A and B, enemies
    since 1998, signed the accord and shook hands')."""
    out = []
    for meeting in meetings:
        whole = None
        if (
            meeting.background
            and meeting.date is None
            and not any(map(_told_as_past, meeting.mentions))
        ):
            whole = next(
                (
                    o
                    for o in meetings
                    if not o.background
                    and set(meeting.participants) <= set(o.participants)
                    and _sentences_of(meeting) & _sentences_of(o)
                ),
                None,
            )
        if whole is None:
            out.append(meeting)
        else:
            whole.mentions.extend(meeting.mentions)
    return out


def _sentences_of(meeting) -> set[int]:
    return {sent_of(m.trigger).start for m in meeting.mentions}
