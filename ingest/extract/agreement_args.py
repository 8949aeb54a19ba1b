"""Arguments of an agreement trigger: the document noun, the acting subject, the count
("signed two agreements") and a one-line summary.

Pure dependency-parse helpers over general English; no story's words.
"""

from __future__ import annotations

from .lexicon import NUMBER_WORDS
from .phrases import np_text

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
    "communique": "joint_statement",
    "communiqué": "joint_statement",
    "statement": "joint_statement",
    "declaration": "declaration",
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


def _doc_or_contained(tok):
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
            found = _doc_or_contained(c)
            if found is not None:
                return found
        if c.dep_ == "prep" and c.lower_ in ("to", "on"):
            for o in c.children:
                if o.dep_ == "pobj" and doc_kind(o):
                    return o
    if verb.dep_ in ("relcl", "acl") and doc_kind(verb.head):
        return verb.head
    return None


def doc_asserted(noun) -> bool:
    """False for 'no agreement', 'any deal', 'a proposed treaty', 'a draft accord'."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("no", "any", "neither"):
            return False
        if child.dep_ in ("amod", "compound") and child.lower_ in NOT_YET:
            return False
    return True


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
    """'two agreements' -> 2; a singular or uncounted document -> 1 (at most 5)."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return 1
    for c in noun.children:
        if c.dep_ == "nummod":
            n = NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 1)
            return n if 1 < n <= 5 else 1
    return 1


def _doc_phrase(noun) -> str:
    """The document's phrase with its complements ('joint declaration pledging to act'),
    without leading determiners or relative clauses, cut at the first comma."""
    toks = [t for t in noun.subtree]
    skip = set()
    for c in noun.children:
        if c.dep_ in ("relcl", "appos") or (c.dep_ in ("det", "poss") and c.i < noun.i):
            skip.update(t.i for t in c.subtree)
    toks = [t for t in toks if t.i not in skip]
    cut = next((t.i for t in toks if t.i > noun.i and t.text in (",", ";", "(", ":")), None)
    toks = [t for t in toks if cut is None or t.i < cut]
    while toks and toks[0].pos_ in ("DET", "PUNCT"):
        toks = toks[1:]
    text = "".join(t.text_with_ws for t in toks).strip()
    return text if len(text) > len(np_text(noun)) else np_text(noun)


CLAUSE_STOPS = ("cc", "conj", "punct", "mark", "advcl", "parataxis", "relcl")


def clause_text(verb, drop=("nsubj", "nsubjpass", "aux", "auxpass", "advmod"), head=True) -> str:
    """The verb's own clause as text, without coordinated clauses, subordinate clauses
    and the dependents named in `drop`; leading determiners removed."""
    skip = set() if head else {verb.i}
    for c in verb.children:
        if c.dep_ in CLAUSE_STOPS or c.dep_ in drop:
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
    if kind == "pledge":
        return clause_text(verb, drop=("nsubj", "aux", "advmod", "prep"), head=False)
    if status == "failed":
        return clause_text(verb, drop=("aux", "advmod"))
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
    if comp is not None:
        return clause_text(comp, drop=("nsubj", "aux", "advmod", "mark"))
    return ""


def summary(verb, doc_noun, sent, dateline_end: int, kind: str = "", status: str = "") -> str:
    """One line: the document's phrase ('Memorandum of understanding on X'), else a phrase
    for the kind ('Invitation to visit X', 'Expand research on X', '40 million dollars
    to help X', 'Talks ended without a deal'), else the sentence without its dateline."""
    text = ""
    if doc_noun is not None and doc_noun.tag_ not in ("NNS", "NNPS"):
        text = _doc_phrase(doc_noun)
        if len(text.split()) < 2:
            text = ""
    if not text:
        text = _kind_phrase(verb, kind, status)
        if len(text.split()) < 2:
            text = ""
    if not text:
        start = max(sent.start_char, dateline_end)
        text = sent.doc.text[start : sent.end_char].strip()
    text = " ".join(text.split())
    if len(text) > 160:
        text = text[:157].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]
