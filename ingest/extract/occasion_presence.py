"""Who the sentences after an occasion's own place at it, by what they did there.

A summit or a signing is often named in one sentence and its people in the next ones,
through what each did at it rather than through an attendance verb:

- acts at the occasion: "Y sought out Z and W at the opening ceremony", "V used his speech
  at the opening to ...", "In his speech at the summit, X ..." (the subject is there, and
  the object of a verb of being together); not what was done from afar ("spoke at the
  summit by video link") nor what was said about someone ("praised Z at the summit");
- presence told in a 'with' phrase: "The summit opened, with A and B in attendance";
- a lone signer after a signing: "Z put his name to a shorter declaration";
- a signing told again with more of its signers: one signing, not two.

`meeting_attendance` adds the persons to the occasion they belong to.
"""

from __future__ import annotations

from .agreement_args import doc_kind
from .gatherings import OCCASION_NOUNS, list_persons, named_here, subjects_listed
from .text import kids, sent_of, subtree

# Where a person's doing at an occasion places them there: "sought out Y at the opening
# ceremony", "used his speech at the opening to ...", "In his speech at the summit, X ...".
AT_OCCASION_NOUNS = OCCASION_NOUNS - {"talks", "negotiations", "mediation", "summitry"} | {
    "plenary",
    "closing",
}
# Verbs whose object is there too: "X sought out Y at the opening ceremony".
TOGETHER_THERE = {"seek", "approach", "corner", "buttonhole", "introduce", "chat", "sit",
                  "stand", "pose", "huddle", "flank", "join", "accompany"}  # fmt: skip
# Words telling a part taken from afar: "spoke at the summit by video link".
REMOTE_WORDS = {"video", "videolink", "virtually", "remotely", "online", "phone", "telephone",
                "message", "letter"}  # fmt: skip
# Verbs of staying away from the thing at the occasion: "missed the session at the summit".
ABSENCE_VERBS = {"miss", "skip", "boycott", "shun", "snub", "avoid", "leave", "quit", "abandon",
                 "cancel", "decline", "refuse", "forgo"}  # fmt: skip
CLAUSES = ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis")


def at_occasion(verb, people) -> list:
    """Persons a verb places at an occasion ('at the opening ceremony', 'his speech at the
    summit'): its subjects, and for verbs of being together its objects ('X sought out Y
    and Z at the opening'); not a part taken from afar ('spoke at the summit by video')."""
    if _at_phrase(verb) is None or any(t.lower_ in REMOTE_WORDS for t in _own_words(verb)):
        return []
    if verb.lemma_.lower() in ABSENCE_VERBS:
        return []  # "X missed the photo session at the summit"
    found = subjects_listed(verb, people)
    if verb.lemma_.lower() in TOGETHER_THERE:
        heads = [verb] + [c for c in kids(verb) if c.dep_ == "prep" and c.lower_ != "at"]
        found += [
            p
            for h in heads
            for c in kids(h)
            if c.dep_ in ("dobj", "pobj") and c.lower_ not in AT_OCCASION_NOUNS
            for p in list_persons(c, people)
        ]
    return named_here(found, sent_of(verb), people)


def at_the_occasion(verb) -> bool:
    """Whether the occasion a verb is placed at is definite ('at the opening'): one told
    before."""
    noun = _at_phrase(verb)
    return noun is not None and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this")
        for c in kids(noun)
    )


def _own_words(verb) -> list:
    """The verb's words outside the clauses under it."""
    skip = {t.i for c in kids(verb) if c.dep_ in CLAUSES for t in subtree(c)}
    return [t for t in subtree(verb) if t.i not in skip]


def _at_phrase(verb):
    """The occasion noun of an 'at' phrase on the verb, on its object or on the noun of its
    'in' phrase ('In his speech at the summit, X said ...')."""
    holders = [verb] + [
        o
        for c in kids(verb)
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("in", "during"))
        for o in ([c] if c.dep_ == "dobj" else [x for x in kids(c) if x.dep_ == "pobj"])
    ]
    for holder in holders:
        for prep in kids(holder):
            if prep.dep_ != "prep" or prep.lower_ != "at":
                continue
            for o in kids(prep):
                if o.dep_ == "pobj" and o.lemma_.lower() in AT_OCCASION_NOUNS:
                    return o
    return None


SIGN_VERBS = {"sign", "countersign", "initial"}


def signed_alone(verb, people) -> list:
    """'Z signed the declaration', 'Z put his name to a shorter declaration': one signer of
    a document with no partner of his own, who signed at the signing told just before."""
    lemma = verb.lemma_.lower()
    if lemma in SIGN_VERBS:
        documents = [c for c in kids(verb) if c.dep_ == "dobj"]
    elif lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "name" for c in kids(verb)):
        documents = [
            o
            for c in kids(verb)
            if c.dep_ == "prep" and c.lower_ == "to"
            for o in kids(c)
            if o.dep_ == "pobj"
        ]
    else:
        return []
    if not any(doc_kind(d) for d in documents):
        return []
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in kids(verb)):
        return []  # "signed a treaty with Y": a signing of its own
    if any(t.ent_type_ in ("DATE", "TIME") for t in _own_words(verb)):
        return []  # "signed the declaration a week later": a signing of another day
    signers = subjects_listed(verb, people)
    return signers if len(set(signers)) == 1 else []


SIGNING_REACH = 2  # sentences between a signing and its retelling with more signers


def absorb_retold_signings(meetings, idx) -> list:
    """'A and the foreign ministers of two states signed the accords on Tuesday ... A and
    the Emirati foreign minister, B, signed a treaty': a signing told again within
    SIGNING_REACH sentences with more of its signers named is the same signing.  A smaller
    set of signers joins a larger one, or signers left unnamed are named next, on the
    same day (or none told); two signings of different people stay two."""
    absorbed: set[int] = set()
    for small in sorted(meetings, key=lambda g: len(g.participants)):
        whole = next(
            (
                o
                for o in meetings
                if o is not small and id(o) not in absorbed and _retold(small, o, idx)
            ),
            None,
        )
        if whole is not None:  # smaller first: a whole absorbed later carries these along
            whole.mentions.extend(small.mentions)
            whole.participants += [p for p in small.participants if p not in whole.participants]
            whole.date = whole.date or small.date
            absorbed.add(id(small))
    return [m for m in meetings if id(m) not in absorbed]


def _signing(meeting) -> bool:
    return any(m.trigger.lemma_.lower() == "sign" for m in meeting.mentions)


# Plural nouns for signers a sentence leaves unnamed: "the foreign ministers of two states".
SIGNER_GROUPS = {"leaders", "ministers", "presidents", "premiers", "heads", "representatives",
                 "envoys", "counterparts", "delegates"}  # fmt: skip


def _leaves_signers_unnamed(meeting) -> bool:
    """A signing whose subject lists, beside named persons, a group of signers by office."""
    for m in meeting.mentions:
        if m.trigger.lemma_.lower() != "sign":
            continue
        for subject in (c for c in kids(m.trigger) if c.dep_ == "nsubj"):
            group = [subject] + list(subject.conjuncts)
            if any(t.lower_ in SIGNER_GROUPS and t.tag_ == "NNS" for t in group):
                return True
    return False


def _retold(small, whole, idx) -> bool:
    if small.background or whole.background or not (_signing(small) and _signing(whole)):
        return False
    if not set(small.participants) < set(whole.participants):
        # "A and the leaders of two states signed ...": the signers it left unnamed are
        # named next, with A ("A and B signed a treaty")
        unnamed = _leaves_signers_unnamed(small) or _leaves_signers_unnamed(whole)
        if not (unnamed and set(small.participants) & set(whole.participants)):
            return False
    if small.date and whole.date and small.date != whole.date:
        return False
    if small.host and whole.host and small.host != whole.host:
        return False
    told = [idx.sent_of[m.trigger.i] for m in small.mentions]
    again = [idx.sent_of[m.trigger.i] for m in whole.mentions]
    return any(abs(a - b) <= SIGNING_REACH for a in told for b in again)


def in_attendance(verb, people) -> list:
    """'The summit opened on Monday, with A and B in attendance', 'with leaders such as A
    and B in attendance': the persons of the 'with' phrase."""
    found = []
    for prep in (c for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "with"):
        for noun in (o for o in kids(prep) if o.dep_ == "pobj"):
            if _in_attendance(kids(verb)) or _in_attendance(subtree(noun)):
                found += list_persons(noun, people)
    return named_here(found, sent_of(verb), people) if found else []


def _in_attendance(tokens) -> bool:
    """'in attendance' among these tokens, however deep the parser hung it in the list."""
    return any(t.lower_ == "in" and any(o.lower_ == "attendance" for o in kids(t)) for t in tokens)
