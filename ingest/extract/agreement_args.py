"""Arguments of an agreement trigger: the document noun, the acting subject, the count
("signed two agreements") and a one-line summary.

Pure dependency-parse helpers over general English; no story's words.
"""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS
from .phrases import np_text
from .text import doc_text

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
        if not any(c.lower_ == "joint" for c in noun.children):
            return None
    return kind


def doc_or_contained(tok):
    if doc_kind(tok):
        return tok
    if tok.lower_ in CONTAINERS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for o in prep.children:
                    if o.dep_ == "pobj" and doc_kind(o):
                        return o
    return None


def object_doc(verb):
    """The document a verb acts on: its object, passive subject, 'to/on' object, or the
    noun a participle/relative clause modifies ('the declaration they adopted')."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            found = doc_or_contained(c)
            if found is not None:
                return found
        if c.dep_ == "prep" and c.lower_ in ("to", "on"):
            for o in c.children:
                if o.dep_ == "pobj" and doc_kind(o):
                    return o
    if verb.dep_ in ("relcl", "acl") and doc_kind(verb.head):
        return verb.head
    if verb.dep_ == "acl" and verb.head.lower_ in CONTAINERS:
        return doc_or_contained(verb.head)  # "the Points of Agreement signed in 1990 by A"
    return None


def doc_asserted(noun) -> bool:
    """False for 'no agreement', 'any deal', 'a proposed treaty', 'a draft accord'."""
    for child in noun.children:
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
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
            words.update(t.lower_ for t in c.subtree if t.is_alpha)
        if c.dep_ == "prep" and c.lower_ in ("of", "on"):
            for o in c.children:
                if o.dep_ == "pobj":
                    words.update(t.lower_ for t in o.subtree if t.is_alpha and t.pos_ != "DET")
    return frozenset(words - PLAIN_MODIFIERS)


def back_reference(noun) -> bool:
    """'the agreements', 'these accords': a plural document told before (no count, no name)."""
    return (
        is_plural(noun)
        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)
        and count_of(noun) == 1
        and not doc_name(noun)
    )


def told_again(noun) -> bool:
    """'the peace agreement', 'the framework agreement': a single document with 'the' and
    no name of its own (a common noun), which refers back to one told before."""
    return (
        not is_plural(noun)
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
        and not any(
            c.dep_ in ("compound", "amod", "nummod", "nmod")
            and (c.pos_ in ("PROPN", "NUM") or c.ent_type_ == "DATE")
            for c in noun.children
        )
    )


def not_yet(noun) -> bool:
    """'a draft accord', 'the proposed treaty': a document not (yet) in force."""
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ in NOT_YET for c in noun.children
    ) and not any(c.dep_ == "det" and c.lower_ in ("no", "any", "neither") for c in noun.children)


def agent(verb):
    """The 'by' agent of a passive verb: 'was signed by A and B' -> A."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def presence(verb):
    """'in the presence of A and B', 'witnessed by A' (an acl/agent), 'before A and B':
    the first witness named, else None."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for o in c.children:
                if o.dep_ == "pobj" and o.lower_ == "presence":
                    for p in o.children:
                        if p.dep_ == "prep" and p.lower_ == "of":
                            return next((x for x in p.children if x.dep_ == "pobj"), None)
    return None


def negative_subject(verb) -> bool:
    """'Neither leader signed', 'no country agreed', 'none of them signed'."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in ("neither", "none", "nobody", "nothing"):
                return True
            if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children):
                return True
    return False


def subject_tok(verb):
    """The subject of a verb, climbing through xcomp/conj/advcl chains; None inside a
    relative clause or participle without its own subject."""
    for _ in range(3):
        subs = [c for c in verb.children if c.dep_ == "nsubj"]
        if subs:
            return subs[0]
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl") and verb.head != verb:
            if verb.dep_ in ("relcl", "acl"):
                return None
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        else:
            return None
    return None


def left_subject(verb, is_party):
    """When the parse gives a clause verb no subject ('After talks at X, A and B signed',
    'at a conference in X, Washington and Beijing issued'), the party named right
    before the verb (with the parties coordinated with it) is taken as its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
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
    for c in noun.children:
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


def documents(noun) -> list:
    """The documents a verb's object names, each as (noun, listed subject or None):
    'an MoU on X, an MoU on Y and an agreement on Z' -> three nouns; 'MoUs on X, Y and Z'
    (a plural without a count whose subject is a list) -> the noun once per subject,
    the subject given as (preposition, its text)."""
    nouns = [noun]
    if noun.dep_ == "dobj":  # "signed an MoU on X, an MoU on Y": objects of one verb
        nouns += [
            c
            for c in noun.head.children
            if c.dep_ in ("dobj", "npadvmod") and c != noun and doc_kind(c)
        ]
    named = [c for c in noun.children if c.dep_ == "appos" and doc_kind(c)]
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
            if c.pos_ == "PROPN" == noun.pos_ and doc_name(c) and doc_name(c) != doc_name(noun)
        ]
    stack = list(nouns)
    while stack:
        for c in stack.pop().children:
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
        and not any(c.dep_ == "nummod" for c in conj.children)
    )


ALONG = ("along", "together")


def _along_with(noun) -> list:
    """'a protocol, along with eight memorandums': the documents signed with it."""
    out = []
    heads = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    # "a declaration on deepening cooperation together with an agreement": the 'with'
    # hung on a verb inside the first document's phrase
    scope = noun.head.subtree if noun.dep_ == "dobj" else noun.subtree
    heads += [t for t in scope if t.i > noun.i and t.pos_ == "VERB" and t.dep_ == "pcomp"]
    for head in heads:
        for prep in head.children:
            # "along with X" hangs "with" on "along", or on the noun after "along"
            for w in [prep, *prep.children]:
                if w.dep_ == "prep" and w.lower_ == "with" and w.i > 0:
                    if noun.doc[w.i - 1].lower_ in ALONG:
                        out += [o for o in w.children if o.dep_ == "pobj" and doc_kind(o)]
    return list(dict.fromkeys(out))


def _inner_docs(noun) -> list:
    """'an MoU on X and an agreement on Y' parsed with the agreement coordinated with X."""
    return [
        t
        for t in noun.subtree
        if t != noun
        and t.dep_ == "conj"
        and doc_kind(t)
        and t.head.i > noun.i
        and any(c.dep_ == "det" for c in t.children)
    ]


def subject_prep(noun):
    """The 'on X' of a document: its own preposition, or one the parser hung on the verb
    right after it ('signed an MoU [on X]'); not a place or a date."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "for", "in", "of"):
            return prep
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if (
        after is not None
        and after.dep_ == "prep"
        and after.head == noun.head
        and after.lower_ in ("on", "for", "of")
        and not any(t.ent_type_ in PLACE_OR_TIME for t in after.subtree)
    ):
        return after
    return None


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
    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
    if obj is None or not any(t.dep_ == "conj" for t in obj.subtree):
        return []
    toks = [t for t in obj.subtree if t.dep_ not in ("relcl", "acl", "appos")]
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
    for t in noun.doc[prep.i + 1 : prep.sent.end]:
        if t.lower_ in LIST_STOPS or t.pos_ in ("VERB", "AUX", "PRON") or t.ent_type_ == "PERSON":
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


def _separate_conj(noun) -> bool:
    return any(d.dep_ == "conj" and not same_batch(d) for d in noun.children)


def _listed_comma(tok) -> bool:
    """A comma inside a list ('on trade, health and education'): not a cut."""
    return tok.text == "," and any(c.dep_ == "conj" and c.i > tok.i for c in tok.head.children)


PERSON_WORDS = {"president", "minister", "chancellor", "premier", "king", "counterpart"}


def _a_person(tok) -> bool:
    return tok.ent_type_ == "PERSON" or any(t.lower_ in PERSON_WORDS for t in tok.subtree)


#: Verbs of a clause that tells who put a document forward.
PROPOSER_VERBS = {"propose", "offer", "suggest", "table", "submit", "present", "put", "draft"}


def _doc_phrase(noun, subject=None) -> str:
    """The document's phrase with its complements ('joint declaration pledging to act'),
    without leading determiners, relative clauses or coordinated documents, cut at the
    first comma that does not separate list items.  With `subject` (preposition, one
    item of a listed subject), the singular document on that item: 'MoU on tourism'."""
    if subject is not None:
        prep, item = subject
        head = [
            t
            for t in noun.subtree
            if t.i < prep.i and t.dep_ not in ("det", "nummod", "poss", "punct")
        ]
        words = " ".join(singular(t) if t == noun else t.text for t in head)
        return f"{words} {prep.text} {item}"
    skip = set()
    for c in noun.children:
        if (
            c.dep_ in ("relcl", "appos")
            or (c.dep_ in ("det", "poss") and c.i < noun.i)
            or (c.dep_ == "conj" and c.i > noun.i and not same_batch(c))
            or (c.dep_ in ("cc", "punct") and c.i > noun.i and _separate_conj(noun))
        ):
            skip.update(t.i for t in c.subtree)
    for t in _along_with(noun):
        skip.update(x.i for x in t.head.subtree)
    for t in _inner_docs(noun):
        skip.update(x.i for x in t.subtree)
        skip.update(c.i for c in t.head.children if c.dep_ in ("cc", "punct") and c.i < t.i)
    cut_out = set()
    for t in noun.subtree:  # "agreement on X with [President Y]": the partner is no subject
        if t.dep_ == "prep" and t.lower_ == "with" and t.i > noun.i:
            if any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in t.children):
                skip.update(x.i for x in t.subtree)
                if any(_a_person(o) for o in t.children if o.dep_ == "pobj"):
                    cut_out.update(x.i for x in t.subtree)
    for t in noun.subtree:  # "a treaty on X offered by A", "that A had put forward": the
        # proposer is no subject either
        if t.dep_ in ("acl", "relcl") and t.i > noun.i and t.lemma_.lower() in PROPOSER_VERBS:
            cut_out.update(x.i for x in t.subtree)
    skip |= cut_out
    toks = [t for t in noun.subtree if t.i not in skip]
    prep = subject_prep(noun)
    if prep is not None and prep.head != noun:  # "signed an MoU [on X]" hung on the verb
        toks += [t for t in prep.subtree if t.i not in skip]
    cut = next(
        (
            t.i
            for t in toks
            if t.i > noun.i and t.text in (",", ";", "(", ":") and not _listed_comma(t)
        ),
        None,
    )
    toks = [t for t in toks if cut is None or t.i < cut]
    while toks and toks[0].pos_ in ("DET", "PUNCT"):
        toks = toks[1:]
    while toks and (toks[-1].pos_ in ("PUNCT", "CCONJ", "ADP") or toks[-1].lower_ in ALONG):
        toks = toks[:-1]
    words = []
    for prev, tok in zip([None, *toks], toks, strict=False):
        if prev is not None and tok.i != prev.i + 1 and not words[-1].endswith(" "):
            words.append(" ")
        words.append(tok.text_with_ws)
    text = "".join(words).strip()
    if text and any(i > noun.i for i in cut_out):
        return text  # a partner or a proposer taken out of the phrase
    return text if len(text) > len(np_text(noun)) else np_text(noun)


def pledge_summary(noun) -> str:
    """'India's promise to build a school' -> 'Promise to build a school'."""
    skip = {t.i for c in noun.children if c.dep_ in ("poss", "det") for t in c.subtree}
    toks = [t for t in noun.subtree if t.i not in skip and t.dep_ != "relcl"]
    text = " ".join("".join(t.text_with_ws for t in toks).split()).strip(" ,;.")
    if len(text) > 160:
        text = text[:157].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]


CLAUSE_STOPS = ("cc", "conj", "punct", "mark", "advcl", "parataxis", "relcl")


def clause_text(verb, drop=("nsubj", "nsubjpass", "aux", "auxpass", "advmod"), head=True) -> str:
    """The verb's own clause as text, without coordinated clauses, subordinate clauses
    and the dependents named in `drop`; leading determiners removed."""
    skip = set() if head else {verb.i}
    for c in verb.children:
        # a leading time phrase ("a week after X offered ...") is no part of the content
        if c.dep_ in CLAUSE_STOPS or c.dep_ in drop or (c.dep_ == "npadvmod" and c.i < verb.i):
            skip.update(t.i for t in c.subtree)
    toks = [t for t in verb.subtree if t.i not in skip]
    while toks and toks[0].pos_ in ("DET", "PUNCT", "CCONJ"):
        toks = toks[1:]
    out = []
    for prev, tok in zip([None, *toks], toks, strict=False):
        if prev is not None and tok.i != prev.i + 1 and not prev.whitespace_:
            out.append(" ")  # "last year[, in Reykjavik,] broke up": a dropped aside kept the space
        out.append(tok.text_with_ws)
    return "".join(out).strip(" ,;.")


def _kind_phrase(verb, kind, status) -> str:
    lemma = verb.lemma_.lower()
    if kind == "invitation" and lemma in ("invite", "extend"):
        return "Invitation " + clause_text(
            verb, drop=("nsubj", "aux", "advmod", "dobj", "dative"), head=False
        )
    if kind == "invitation" and lemma == "accept":
        if verb.dep_ == "conj" and verb.head.lemma_.lower() == "invite":
            return _kind_phrase(verb.head, kind, status)
        return ""
    if kind == "pledge" and lemma in ("tell", "assure", "reassure"):
        # "told the leaders the US would keep ...": what was promised, not to whom
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
        return clause_text(comp, drop=("mark", "advmod"))
    if kind == "pledge":
        return clause_text(verb, drop=("nsubj", "aux", "advmod", "prep"), head=False)
    if status == "failed":
        if lemma == "fail":  # "A and B failed to agree on X" -> "Failed to agree on X"
            return clause_text(verb, drop=("nsubj", "aux", "advmod"))
        return clause_text(verb, drop=("aux", "advmod"))
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
    if comp is not None:
        return clause_text(comp, drop=("nsubj", "aux", "advmod", "mark"))
    if lemma == "agree":  # "agreed on Thursday to a ceasefire in X" -> "Ceasefire in X"
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "upon"):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                    return np_text(obj)
    return ""


_WIRE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}, [A-Z][a-z]{2,8}\.? \d{1,2} \([A-Za-z ]+\) *[-–—]+ *")
_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40} *[-–—:]+ +")


def summary(
    verb, doc_noun, sent, dateline_end: int, kind: str = "", status: str = "", subject=None
) -> str:
    """One line: the document's phrase ('Memorandum of understanding on X', '18 agreements
    on trade'), else a phrase for the kind ('Invitation to visit X', 'Expand research on
    X', '40 million dollars to help X', 'Talks ended without a deal'), else the verb's
    own clause; never a dateline."""
    text = ""
    if doc_noun is not None:
        text = _doc_phrase(doc_noun, subject)
        container = doc_noun.head.head if doc_noun.head.lower_ == "of" else None
        if len(text.split()) < 2 and container is not None and container.lower_ == "points":
            text = _doc_phrase(container)  # "the Points of Agreement on X"
        if len(text.split()) < 2:
            text = ""
    if not text and doc_noun is not None and doc_noun.head == verb:
        # "signed an agreement Monday to heighten cooperation": the document and what the
        # clause says of it, without the signers or the day
        text = clause_text(
            verb, drop=("nsubj", "nsubjpass", "aux", "auxpass", "advmod", "npadvmod"), head=False
        )
        if len(text.split()) < 3:
            purpose = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in ("advcl", "xcomp")
                    and c.i > doc_noun.i
                    and c.left_edge.lower_ == "to"
                ),
                None,
            )
            text = ""
            if purpose is not None:  # "signed an agreement Monday to heighten cooperation"
                span = verb.doc[purpose.left_edge.i : purpose.right_edge.i + 1].text
                text = f"{np_text(doc_noun)} {span}"
    if not text:
        text = _kind_phrase(verb, kind, status)
        if len(text.split()) < 2:
            text = ""
    if not text:
        text = clause_text(verb, drop=("aux", "advmod"))
        if len(text.split()) < 3:
            start = max(sent.start_char, dateline_end)
            text = doc_text(sent.doc)[start : sent.end_char].strip()
    text = " ".join(text.split())
    text = _CAPS_DATELINE.sub("", _WIRE.sub("", text))
    if text.lower().startswith("that "):  # "said that B accepted ..." -> "B accepted ..."
        text = text[5:]
    if len(text) > 160:
        text = text[:157].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]
