"""A one-line summary of an agreement: the document's phrase, a phrase for the kind, or
the verb's own clause; never a dateline.

Pure dependency-parse helpers over general English; no story's words.
"""

from __future__ import annotations

import re

from .agreement_args import singular
from .agreement_docs import ALONG, _along_with, _inner_docs, same_batch, subject_prep
from .phrases import np_text
from .tags import ADP, CCONJ, DET, PROPN, PUNCT
from .text import doc_text, kids, subtree


def _separate_conj(noun) -> bool:
    return any(d.dep_ == "conj" and not same_batch(d) for d in kids(noun))


def _listed_comma(tok) -> bool:
    """A comma inside a list ('on trade, health and education'): not a cut."""
    return tok.text == "," and any(c.dep_ == "conj" and c.i > tok.i for c in kids(tok.head))


PERSON_WORDS = {"president", "minister", "chancellor", "premier", "king", "counterpart"}


def _a_person(tok) -> bool:
    return tok.ent_type_ == "PERSON" or any(t.lower_ in PERSON_WORDS for t in subtree(tok))


#: Nouns of a phrase that tells who watched a signing ("in the presence of A").
WITNESS_NOUNS = {"presence", "attendance"}

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
            for t in subtree(noun)
            if t.i < prep.i and t.dep_ not in ("det", "nummod", "poss", "punct")
        ]
        words = " ".join(singular(t) if t == noun else t.text for t in head)
        return f"{words} {prep.text} {item}"
    skip = set()
    for c in kids(noun):
        if (
            c.dep_ in ("relcl", "appos")
            or (c.dep_ in ("det", "poss") and c.i < noun.i)
            or (c.dep_ == "conj" and c.i > noun.i and not same_batch(c))
            or (c.dep_ in ("cc", "punct") and c.i > noun.i and _separate_conj(noun))
        ):
            skip.update(t.i for t in subtree(c))
    for t in _along_with(noun):
        skip.update(x.i for x in subtree(t.head))
    for t in _inner_docs(noun):
        skip.update(x.i for x in subtree(t))
        skip.update(c.i for c in kids(t.head) if c.dep_ in ("cc", "punct") and c.i < t.i)
    cut_out = set()
    for t in subtree(noun):  # "agreement on X with [President Y]": the partner is no subject
        if t.dep_ == "prep" and t.lower_ == "with" and t.i > noun.i:
            if any(o.dep_ == "pobj" and o.pos == PROPN for o in kids(t)):
                skip.update(x.i for x in subtree(t))
                if any(_a_person(o) for o in kids(t) if o.dep_ == "pobj"):
                    cut_out.update(x.i for x in subtree(t))
    for t in subtree(noun):  # "an MoU on X in the presence of A and B": witnesses, no subject
        if (
            t.dep_ == "prep"
            and t.i > noun.i
            and any(o.dep_ == "pobj" and o.lemma_.lower() in WITNESS_NOUNS for o in kids(t))
        ):
            cut_out.update(x.i for x in subtree(t))
    for t in subtree(noun):  # "a treaty on X offered by A", "that A had put forward": the
        # proposer is no subject either
        if t.dep_ in ("acl", "relcl") and t.i > noun.i and t.lemma_.lower() in PROPOSER_VERBS:
            cut_out.update(x.i for x in subtree(t))
    skip |= cut_out
    toks = [t for t in subtree(noun) if t.i not in skip]
    prep = subject_prep(noun)
    if prep is not None and prep.head != noun:  # "signed an MoU [on X]" hung on the verb
        toks += [t for t in subtree(prep) if t.i not in skip]
    cut = next(
        (
            t.i
            for t in toks
            if t.i > noun.i and t.text in (",", ";", "(", ":") and not _listed_comma(t)
        ),
        None,
    )
    toks = [t for t in toks if cut is None or t.i < cut]
    while toks and toks[0].pos in (DET, PUNCT):
        toks = toks[1:]
    while toks and (toks[-1].pos in (PUNCT, CCONJ, ADP) or toks[-1].lower_ in ALONG):
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
    skip = {t.i for c in kids(noun) if c.dep_ in ("poss", "det") for t in subtree(c)}
    toks = [t for t in subtree(noun) if t.i not in skip and t.dep_ != "relcl"]
    text = " ".join("".join(t.text_with_ws for t in toks).split()).strip(" ,;.")
    if len(text) > 160:
        text = text[:157].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]


CLAUSE_STOPS = ("cc", "conj", "punct", "mark", "advcl", "parataxis", "relcl")


def clause_text(verb, drop=("nsubj", "nsubjpass", "aux", "auxpass", "advmod"), head=True) -> str:
    """The verb's own clause as text, without coordinated clauses, subordinate clauses
    and the dependents named in `drop`; leading determiners removed."""
    skip = set() if head else {verb.i}
    for c in kids(verb):
        # a leading time phrase ("a week after X offered ...") is no part of the content
        if c.dep_ in CLAUSE_STOPS or c.dep_ in drop or (c.dep_ == "npadvmod" and c.i < verb.i):
            skip.update(t.i for t in subtree(c))
    toks = [t for t in subtree(verb) if t.i not in skip]
    while toks and toks[0].pos in (DET, PUNCT, CCONJ):
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
        comp = next((c for c in kids(verb) if c.dep_ == "ccomp"), verb)
        return clause_text(comp, drop=("mark", "advmod"))
    if kind == "pledge":
        return clause_text(verb, drop=("nsubj", "aux", "advmod", "prep"), head=False)
    if status == "failed":
        if lemma == "fail":  # "A and B failed to agree on X" -> "Failed to agree on X"
            return clause_text(verb, drop=("nsubj", "aux", "advmod"))
        if lemma == "agree" and (
            any(c.dep_ == "neg" for c in kids(verb)) or verb.head.lower_ == "unable"
        ):  # "A and B could not agree on X" -> "No agreement on X"
            rest = clause_text(verb, drop=("nsubj", "aux", "advmod", "neg", "mark"), head=False)
            return f"No agreement {rest}" if rest else ""
        return clause_text(verb, drop=("aux", "advmod"))
    comp = next((c for c in kids(verb) if c.dep_ in ("xcomp", "ccomp")), None)
    if comp is not None:
        return clause_text(comp, drop=("nsubj", "aux", "advmod", "mark"))
    if lemma == "agree":  # "agreed on Thursday to a ceasefire in X" -> "Ceasefire in X"
        for prep in kids(verb):
            if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "upon"):
                obj = next((o for o in kids(prep) if o.dep_ == "pobj"), None)
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
                    for c in kids(verb)
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
