"""Arguments of an agreement trigger: the document noun, the acting subject and the count
("signed two agreements").  The documents an object lists are in agreement_docs, the
one-line summary in agreement_summary.

Pure dependency-parse helpers over general English; no story's words.
"""

from __future__ import annotations

from .lexicon import NUMBER_WORDS
from .tags import AUX, DET, NOUN, NUM, PROPN, VERB
from .text import kids, subtree

DOC_KINDS = {
    "treaty": "treaty",
    "pact": "treaty",
    "agreement": "agreement",
    "agreements": "agreement",
    "accord": "agreement",
    "accords": "agreement",
    "arrangement": "agreement",
    "framework": "agreement",
    "frameworks": "agreement",
    "plan": "agreement",
    "package": "agreement",
    "deal": "deal",
    "deals": "deal",
    "memorandum": "mou",
    "memorandums": "mou",
    "memoranda": "mou",
    "mou": "mou",
    "mous": "mou",
    "communique": "joint_statement",
    "communiqué": "joint_statement",
    "statement": "joint_statement",
    "declaration": "declaration",
    "documents": "agreement",
    "protocol": "agreement",
    "protocols": "agreement",
    "convention": "treaty",
}
# Nouns that hold a batch of documents: "a raft of agreements" is one unnamed batch.
CONTAINERS = {
    "raft",
    "series",
    "number",
    "set",
    "batch",
    "string",
    "slew",
    "host",
    "range",
    "dozens",
    "bundle",
    "clutch",
    "list",
    "version",
    "text",
    "copy",
    "copies",
    "signing",
    "points",
}
# Modifiers that make a document not (yet) a fact.
NOT_YET = {
    "future",
    "planned",
    "proposed",
    "possible",
    "potential",
    "hypothetical",
    "prospective",
    "mooted",
    "eventual",
    "expected",
    "draft",
}


def doc_kind(noun) -> str | None:
    """The agreement kind a document noun names; a bare 'statement' is not joint."""
    kind = DOC_KINDS.get(noun.lower_)
    if kind == "joint_statement" and noun.lower_ == "statement":
        if not any(c.lower_ == "joint" for c in kids(noun)):
            return None
    return kind


def doc_or_contained(tok):
    if doc_kind(tok):
        return tok
    if tok.lower_ in CONTAINERS:
        for prep in kids(tok):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for o in kids(prep):
                    if o.dep_ == "pobj" and doc_kind(o):
                        return o
    return None


def object_doc(verb):
    """The document a verb acts on: its object, passive subject, 'to/on' object, or the
    noun a participle/relative clause modifies ('the declaration they adopted').  A loop
    over the verb's children: as a spaCy DependencyMatcher pattern set it cost a sixth of
    the extractor's time (the matcher's relation checks), for the same answers."""
    for c in kids(verb):
        if c.dep_ in ("dobj", "nsubjpass"):
            found = doc_or_contained(c)
            if found is not None:
                return found
        if c.dep_ == "prep" and c.lower_ in ("to", "on"):
            for o in kids(c):
                if o.dep_ == "pobj" and doc_kind(o):
                    return o
    if verb.dep_ in ("relcl", "acl") and doc_kind(verb.head):
        return verb.head
    if verb.dep_ == "acl" and verb.head.lower_ in CONTAINERS:
        return doc_or_contained(verb.head)  # "the Points of Agreement signed in 1990 by A"
    return None


def doc_asserted(noun) -> bool:
    """False for 'no agreement', 'any deal', 'a proposed treaty', 'a draft accord'."""
    for child in kids(noun):
        if child.dep_ == "det" and child.lower_ in ("no", "any", "neither"):
            return False
        if child.dep_ in ("amod", "compound") and child.lower_ in NOT_YET:
            return False
    return True


PLAIN_MODIFIERS = {
    "new",
    "bilateral",
    "historic",
    "landmark",
    "first",
    "joint",
    "formal",
    "final",
    "comprehensive",
    "important",
    "major",
    "key",
    "signed",
    "said",
}


def doc_name(noun) -> frozenset:
    """The words that tell one document from another ('free trade agreement' -> {free,
    trade}; 'Treaty of Aachen' -> {aachen}); empty for a bare 'the agreement'."""
    words = set()
    for c in kids(noun):
        if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
            words.update(t.lower_ for t in subtree(c) if t.is_alpha)
        if c.dep_ == "prep" and c.lower_ in ("of", "on"):
            for o in kids(c):
                if o.dep_ == "pobj":
                    words.update(t.lower_ for t in subtree(o) if t.is_alpha and t.pos != DET)
    return frozenset(words - PLAIN_MODIFIERS)


def back_reference(noun) -> bool:
    """'the agreements', 'these accords': a plural document told before (no count, no name)."""
    return (
        is_plural(noun)
        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in kids(noun))
        and count_of(noun) == 1
        and not doc_name(noun)
    )


def told_again(noun) -> bool:
    """'the peace agreement', 'the framework agreement': a single document with 'the' and
    no name of its own (a common noun), which refers back to one told before."""
    return (
        not is_plural(noun)
        and noun.pos == NOUN
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids(noun))
        and not any(
            c.dep_ in ("compound", "amod", "nummod", "nmod")
            and (c.pos in (PROPN, NUM) or c.ent_type_ == "DATE")
            for c in kids(noun)
        )
    )


def not_yet(noun) -> bool:
    """'a draft accord', 'the proposed treaty': a document not (yet) in force."""
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ in NOT_YET for c in kids(noun)
    ) and not any(c.dep_ == "det" and c.lower_ in ("no", "any", "neither") for c in kids(noun))


def agent(verb):
    """The 'by' agent of a passive verb: 'was signed by A and B' -> A."""
    for c in kids(verb):
        if c.dep_ == "agent":
            return next((o for o in kids(c) if o.dep_ == "pobj"), None)
    return None


def presence(verb):
    """'in the presence of A and B', 'witnessed by A' (an acl/agent), 'before A and B':
    the first witness named, else None."""
    for c in kids(verb):
        if c.dep_ == "prep" and c.lower_ == "in":
            for o in kids(c):
                if o.dep_ == "pobj" and o.lower_ == "presence":
                    for p in kids(o):
                        if p.dep_ == "prep" and p.lower_ == "of":
                            return next((x for x in kids(p) if x.dep_ == "pobj"), None)
    return None


def negative_subject(verb) -> bool:
    """'Neither leader signed', 'no country agreed', 'none of them signed'."""
    for c in kids(verb):
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in ("neither", "none", "nobody", "nothing"):
                return True
            if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in kids(c)):
                return True
    return False


def subject_tok(verb):
    """The subject of a verb, climbing through xcomp/conj/advcl chains; None inside a
    relative clause or participle without its own subject."""
    for _ in range(3):
        subs = [c for c in kids(verb) if c.dep_ == "nsubj"]
        if subs:
            return subs[0]
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl") and verb.head != verb:
            if verb.dep_ in ("relcl", "acl"):
                return None
            verb = verb.head if verb.head.pos in (VERB, AUX) else verb.head.head
        else:
            return None
    return None


def left_subject(verb, is_party):
    """When the parse gives a clause verb no subject ('After talks at X, A and B signed',
    'at a conference in X, Washington and Beijing issued'), the party named right
    before the verb (with the parties coordinated with it) is taken as its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb)):
        return None
    if verb.dep_ not in ("ROOT", "advcl", "ccomp", "conj", "parataxis"):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in ("aux", "advmod", "neg"):
        i -= 1
    if i < 0 or not is_party(verb.doc[i]):
        return None
    j = i
    while j > 0 and (is_party(verb.doc[j - 1]) or verb.doc[j - 1].lower_ in ("and", ",")):
        j -= 1
    return next(t for t in verb.doc[j : i + 1] if is_party(t))


def count_of(noun) -> int:
    """'two agreements' -> 2, '18 agreements' -> 18; a singular or uncounted document -> 1."""
    if not is_plural(noun):  # "MoUs" may be tagged a proper noun
        return 1
    for c in kids(noun):
        if c.dep_ == "nummod":
            n = NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 1)
            return n if 1 < n <= 200 else 1
    return 1


SINGULAR = {"memoranda": "memorandum", "memorandums": "memorandum", "mous": "MoU"}


def singular(noun) -> str:
    """'MoUs' -> 'MoU', 'agreements' -> 'agreement', 'memoranda' -> 'memorandum'."""
    low = noun.lower_
    if low in SINGULAR:
        word = SINGULAR[low]
        return word if word != word.lower() else noun.text[: len(word)]
    if noun.tag_ in ("NNS", "NNPS") and low.endswith("s") and low[:-1] in DOC_KINDS:
        return noun.text[:-1]
    return noun.text


def is_plural(noun) -> bool:
    low = noun.lower_
    return noun.tag_ in ("NNS", "NNPS") or (
        low.endswith("s") and low in DOC_KINDS and low[:-1] in DOC_KINDS
    )
