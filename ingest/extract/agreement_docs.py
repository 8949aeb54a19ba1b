"""The documents an agreement verb's object names: 'an MoU on X, an MoU on Y and an
agreement on Z', 'MoUs on X, Y and Z', 'a protocol, along with eight memorandums'.

Pure dependency-parse helpers over general English; no story's words.
"""

from __future__ import annotations

import re

from .agreement_args import count_of, doc_kind, doc_name, is_plural
from .tags import AUX, PRON, PROPN, VERB
from .text import kids, sent_of, subtree


def documents(noun) -> list:
    """The documents a verb's object names, each as (noun, listed subject or None):
    'an MoU on X, an MoU on Y and an agreement on Z' -> three nouns; 'MoUs on X, Y and Z'
    (a plural without a count whose subject is a list) -> the noun once per subject,
    the subject given as (preposition, its text)."""
    nouns = [noun]
    if noun.dep_ == "dobj":  # "signed an MoU on X, an MoU on Y": objects of one verb
        nouns += [
            c
            for c in kids(noun.head)
            if c.dep_ in ("dobj", "npadvmod") and c != noun and doc_kind(c)
        ]
    named = [c for c in kids(noun) if c.dep_ == "appos" and doc_kind(c)]
    if named and is_plural(noun):
        # "signed two agreements: an MoU on X and a memorandum on Y": the named ones
        nouns = [n for n in nouns if n != noun] + named
    elif named:
        # "the X Memorandum, the Y Memorandum and the Z Declaration": a list of named
        # documents the parser read as an apposition; not "the Paris Agreement, the
        # landmark climate deal" (one document named twice)
        nouns += [
            c
            for c in named
            if c.pos == PROPN == noun.pos and doc_name(c) and doc_name(c) != doc_name(noun)
        ]
    stack = list(nouns)
    while stack:
        for c in kids(stack.pop()):
            if c.dep_ == "conj" and doc_kind(c) and c not in nouns and not same_batch(c):
                nouns.append(c)
                stack.append(c)
    for n in list(nouns):
        for c in _inner_docs(n) + _along_with(n):
            if c not in nouns:
                nouns.append(c)
    out = []
    for n in sorted(nouns, key=lambda t: t.i):
        subjects = _listed_subjects(n)
        if subjects:
            out += [(n, subj) for subj in subjects]
        else:
            out.append((n, None))
    return out


def same_batch(conj) -> bool:
    """'51 agreements and memorandums': an uncounted plural after a plural is the same batch."""
    return (
        conj.dep_ == "conj"
        and is_plural(conj)
        and is_plural(conj.head)
        and not any(c.dep_ == "nummod" for c in kids(conj))
    )


ALONG = ("along", "together")


def _along_with(noun) -> list:
    """'a protocol, along with eight memorandums': the documents signed with it."""
    out = []
    heads = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    # "a declaration on deepening cooperation together with an agreement": the 'with'
    # hung on a verb inside the first document's phrase
    scope = subtree(noun.head) if noun.dep_ == "dobj" else subtree(noun)
    heads += [t for t in scope if t.i > noun.i and t.pos == VERB and t.dep_ == "pcomp"]
    for head in heads:
        for prep in kids(head):
            # "along with X" hangs "with" on "along", or on the noun after "along"
            for w in [prep, *kids(prep)]:
                if w.dep_ == "prep" and w.lower_ == "with" and w.i > 0:
                    if noun.doc[w.i - 1].lower_ in ALONG:
                        out += [o for o in kids(w) if o.dep_ == "pobj" and doc_kind(o)]
    return list(dict.fromkeys(out))


def _inner_docs(noun) -> list:
    """'an MoU on X and an agreement on Y' parsed with the agreement coordinated with X."""
    return [
        t
        for t in subtree(noun)
        if t != noun
        and t.dep_ == "conj"
        and doc_kind(t)
        and t.head.i > noun.i
        and any(c.dep_ == "det" for c in kids(t))
    ]


def subject_prep(noun):
    """The 'on X' of a document: its own preposition, or one the parser hung on the verb
    right after it ('signed an MoU [on X]'); not a place or a date."""
    own = next(
        (p for p in kids(noun) if p.dep_ == "prep" and p.lower_ in ("on", "for", "in", "of")),
        None,
    )
    named = own is not None and own.lower_ == "of" and _name_part(own)
    if own is not None and not named:
        return own
    # "a memorandum of understanding [on X]": past the document's own name
    end = (own.right_edge.i if named else noun.i) + 1
    after = noun.doc[end] if end < len(noun.doc) else None
    if (
        after is not None
        and after.dep_ == "prep"
        and after.head == noun.head
        and after.lower_ in ("on", "for", "of")
        and not any(t.ent_type_ in PLACE_OR_TIME for t in subtree(after))
    ):
        return after
    return own


#: The words after 'of' that finish a document's name ('memorandum of understanding').
NAME_PARTS = {"understanding", "intent", "intention"}


def _name_part(prep) -> bool:
    return any(o.dep_ == "pobj" and o.lower_ in NAME_PARTS for o in kids(prep))


_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _listed_subjects(noun) -> list:
    """'MoUs on X, Y and Z', 'three MoUs on X, Y and Z' -> [(on, X), (on, Y), (on, Z)];
    [] for one subject, or when the count is not the number of subjects ('18 agreements
    on trade and energy' is a batch)."""
    if not is_plural(noun):
        return []
    prep = subject_prep(noun)
    if prep is None or prep.lower_ == "of":
        return []
    if count_of(noun) > 1:
        items = _counted_subjects(noun, prep)
        if items:
            return items
    obj = next((o for o in kids(prep) if o.dep_ == "pobj"), None)
    if obj is None or not any(t.dep_ == "conj" for t in subtree(obj)):
        return []
    toks = [t for t in subtree(obj) if t.dep_ not in ("relcl", "acl", "appos")]
    span = noun.doc[toks[0].i : toks[-1].i + 1].text
    items = [x.strip() for x in _LIST_SPLIT.split(span) if x.strip()]
    if len(items) < 2 or any(len(x.split()) > 6 for x in items):
        return []
    if count_of(noun) > 1 and count_of(noun) != len(items):
        return []
    return [(prep, x) for x in items]


PLACE_OR_TIME = {"DATE", "TIME", "GPE", "LOC", "FAC", "ORG"}
LIST_STOPS = {"with", "in", "at", "during", "after", "before", "on", "between", "by", "that"}


def _counted_subjects(noun, prep) -> list:
    """'three agreements on X, Y and Z' read along the words (the parser often splits
    such a list across the clause): the subjects when there are as many as counted."""
    words = []
    for t in noun.doc[prep.i + 1 : sent_of(prep).end]:
        if t.lower_ in LIST_STOPS or t.pos in (VERB, AUX, PRON) or t.ent_type_ == "PERSON":
            break
        if t.is_punct and t.text != ",":
            break
        words.append(t)
    if not words:
        return []
    span = noun.doc[words[0].i : words[-1].i + 1].text
    items = [x.strip() for x in _LIST_SPLIT.split(span) if x.strip()]
    if len(items) != count_of(noun) or any(len(x.split()) > 6 for x in items):
        return []
    return [(prep, x) for x in items]
