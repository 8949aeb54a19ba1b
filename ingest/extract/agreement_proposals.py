"""Documents put forward and turned down: proposed, offered, urged, advocated, shelved
(proposed) and rejected or refused (rejected), with who put them forward."""

from __future__ import annotations

from . import agreement_args as args
from .agreement_args import doc_kind as _doc_kind
from .agreement_args import object_doc as _object_doc
from .agreement_failures import (
    _talks_sides,
)
from .agreement_parties import (
    Agreement,
    _is_commercial,
    _parties,
    _proposal,
    _subject_tok,
)
from .tags import VERB
from .text import kids, subtree

PROPOSE_VERBS = {"propose", "offer", "suggest", "table", "float"}


SHELVE_VERBS = {"drop", "shelve", "postpone", "defer", "withdraw", "delay"}


REFUSE_VERBS = {"refuse", "decline"}


REJECT_VERBS = {"reject", "veto", "rebuff", "spurn", "turn"} | REFUSE_VERBS


PROPOSAL_NOUNS = {
    "plan",
    "proposal",
    "offer",
    "deal",
    "package",
    "compromise",
    "initiative",
    "draft",
    "blueprint",
    "treaty",
    "agreement",
    "accord",
    "pact",
    "settlement",
}


def _proposed(verb, ctx):
    """'A proposed a treaty', 'offered B a deal'; 'a draft accord was dropped at the last
    minute' (a document that was not signed after all)."""
    lemma = verb.lemma_.lower()
    if lemma in ADVOCATE_VERBS:
        return _advocated(verb, ctx) or _urged_to_sign(verb, ctx)
    if lemma == "put" and _put_forward(verb):
        lemma = "propose"  # "A put forward a treaty on X"
    if (
        verb.dep_ in ("acl", "relcl")
        and not ctx.parties(verb.head)  # "A, who proposed a pact, rejected ...": A's proposal
        and any(a.pos == VERB and a.lemma_.lower() in REJECT_VERBS for a in verb.ancestors)
    ):
        return None  # "rejected the treaty that A had put forward": the rejection tells it
    if lemma not in PROPOSE_VERBS | SHELVE_VERBS:
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None:  # "offered B a treaty" parsed with the treaty hung on B
        doc_noun = next(
            (
                d
                for c in kids(verb)
                if c.dep_ == "dobj" and ctx.people.refs(c)
                for d in kids(c)
                if d.dep_ == "dobj" and _doc_kind(d)
            ),
            None,
        )
    if doc_noun is None or _doc_kind(doc_noun) in ("joint_statement", None):
        return None
    if doc_noun.lower_ in ("documents", "protocol", "protocols") or doc_noun.dep_ not in (
        "dobj",
        "nsubjpass",
    ):
        return None  # "documents suggesting that ...": papers, not a proposal
    subject = _subject_tok(verb, ctx) or args.agent(verb)
    if _is_commercial(subject, ctx):
        return None
    parties = _parties(ctx, subject)
    parties += [
        p
        for c in kids(verb)
        if c.dep_ == "dative" or (c.dep_ == "dobj" and c != doc_noun)  # "offered B a treaty"
        for p in ctx.parties(c)
    ]
    for c in kids(verb):  # "proposed a treaty to B"
        if c.dep_ == "prep" and c.lower_ == "to":
            parties += [p for o in kids(c) if o.dep_ == "pobj" for p in ctx.parties(o)]
    for t in subtree(doc_noun):  # "to B" hung on the document or its subject: leaders only
        if t.dep_ == "prep" and t.lower_ == "to":
            parties += [p for o in kids(t) if o.dep_ == "pobj" for p in ctx.people.refs(o)]
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:  # "put forward a treaty in talks with B": the other side of the talks
        parties += [p for p in _talks_sides(verb, ctx) if p not in parties]
    if not parties:
        parties = ctx.pair_for(verb)
    return _proposal(parties, verb, 0.7, "agreement.proposed", doc_noun)


def _put_forward(verb) -> bool:
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "forward" for c in kids(verb))


#: What one side asks the other to do with a document ("called on B to sign a treaty").
ASKED_TO = {"sign", "conclude", "accept", "adopt", "endorse", "back", "join", "ratify"}


def _urged_to_sign(verb, ctx):
    """'A called on B to sign a treaty on X', 'A urged B to conclude a deal': a document
    A proposes to B."""
    lemma = verb.lemma_.lower()
    asked = []
    if lemma == "call":
        asked = [
            o
            for c in kids(verb)
            if c.dep_ == "prep" and c.lower_ == "on"
            for o in kids(c)
            if o.dep_ == "pobj"
        ]
    elif lemma in ("urge", "press", "push"):
        asked = [c for c in kids(verb) if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    comp = next(
        (
            c
            for c in kids(verb)
            if (c.dep_ in ("xcomp", "ccomp") or _bare_conj(c)) and c.lemma_.lower() in ASKED_TO
        ),
        None,
    )
    if not asked or comp is None or any(c.dep_ == "neg" for c in kids(comp)):
        return None
    doc_noun = next(
        (
            c
            for c in kids(comp)
            if c.dep_ == "dobj" and _doc_kind(c) not in (None, "joint_statement")
        ),
        None,
    )
    subject = _subject_tok(verb, ctx)
    if doc_noun is None or _is_commercial(subject, ctx) or _is_commercial(asked[0], ctx):
        return None
    if any(t.lower_ in BELLIGERENT_WORDS for t in subtree(doc_noun)) or any(
        t.dep_ == "prep" and t.lower_ == "with" for t in subtree(comp)
    ):
        return None  # "urged B to sign a peace deal (with C)": B's deal with a third side
    parties = _parties(ctx, subject)
    parties += [p for o in asked for p in ctx.parties(o) if p not in parties]
    if not parties:
        return None
    return _proposal(parties, verb, 0.6, "agreement.urged", doc_noun)


#: Documents between warring sides: the one urging them to sign is no party.
BELLIGERENT_WORDS = {"peace", "ceasefire", "truce", "armistice"}


def _bare_conj(verb) -> bool:
    """'urged B to declare a ceasefire and sign a deal' parsed with 'sign' coordinated with
    'urged': a bare infinitive without its own subject or auxiliary, after a verb in another
    tense, continues the infinitive."""
    root = verb
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and root.tag_ in ("VBD", "VBZ", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in kids(verb))
        and any(c.dep_ == "xcomp" for c in kids(root))
    )


#: Verbs by which one side puts a document to the other ("a treaty offered by A").
OFFER_VERBS = {"propose", "offer", "suggest", "table", "float", "submit", "present", "draft"}


def _proposer(noun, ctx, scope=None) -> list:
    """Who put a proposal or document forward: 'A's plan', 'a proposal by/from A', 'a
    treaty proposed/offered by A', 'a treaty that A had put forward' (the clause looked
    for within `scope`, the noun's phrase by default)."""
    out = list(ctx.from_party(noun))
    for c in kids(noun):
        if c.dep_ == "prep" and c.lower_ == "by":
            out += [p for o in kids(c) if o.dep_ == "pobj" for p in ctx.parties(o)]
    # the clause may hang on the subject ("a treaty on X offered by A"), or on the verb's
    # "on" phrase ("refused to sign the treaty on X that A had proposed")
    subjects = {t.i for c in kids(noun.head) if c.dep_ == "nsubj" for t in subtree(c)}
    for c in subtree(scope if scope is not None else noun):
        if c.dep_ not in ("acl", "relcl") or c.i in subjects:
            continue
        lemma = c.lemma_.lower()
        if lemma not in OFFER_VERBS and not (lemma == "put" and _put_forward(c)):
            continue
        # "that A had put forward" (read as a relative clause or a participle)
        out += [p for s in kids(c) if s.dep_ == "nsubj" for p in ctx.parties(s)]
        by = args.agent(c)
        if by is not None:
            out += ctx.parties(by)
    return out


ADVOCATE_VERBS = {"press", "push", "call", "lobby", "argue", "campaign", "urge"}


def _advocated(verb, ctx):
    """'Moon pressed his case for a declaration ending the war', 'called for a treaty on X':
    a document one side proposes."""
    heads = [verb] + [c for c in kids(verb) if c.dep_ == "dobj" and c.lower_ == "case"]
    doc_noun = None
    for h in heads:
        for prep in kids(h):
            if prep.dep_ == "prep" and prep.lower_ == "for":
                doc_noun = next(
                    (o for o in kids(prep) if o.dep_ == "pobj" and _doc_kind(o)), doc_noun
                )
    if doc_noun is None or args.is_plural(doc_noun) or _doc_kind(doc_noun) == "joint_statement":
        return None
    subject = _subject_tok(verb, ctx)
    parties = _parties(ctx, subject)
    if not parties or _is_commercial(subject, ctx):
        return None
    return _proposal(parties, verb, 0.6, "agreement.advocated", doc_noun)


def _rejected(verb, ctx):
    """'A rejected B's plan', 'voters rejected the proposed deal': the proposal, rejected.
    An accusation, a demand or a claim rejected is no agreement."""
    lemma = verb.lemma_.lower()
    if lemma not in REJECT_VERBS:
        return None
    if lemma == "turn" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in kids(verb)):
        return None
    head = verb
    if lemma in REFUSE_VERBS:  # "B refused to sign the treaty A proposed"
        head = next(
            (c for c in kids(verb) if c.dep_ == "xcomp" and c.lemma_.lower() in ASKED_TO),
            None,
        )
        if head is None or any(c.dep_ == "neg" for c in kids(head)):
            return None
        if not any(c.dep_ == "nsubj" for c in kids(verb)):
            return None  # "squandered the chance by refusing to sign": whose refusal is unsaid
    obj = next((c for c in kids(head) if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or (
        obj.lemma_.lower() not in PROPOSAL_NOUNS and _doc_kind(obj) in (None, "joint_statement")
    ):
        return None
    if head is not verb and _doc_kind(obj) in (None, "joint_statement"):
        return None  # "refused to sign the plan" is no document turned down
    subject = _subject_tok(verb, ctx) if obj.dep_ == "dobj" else args.agent(verb)
    if _is_commercial(subject, ctx):
        return None
    parties = _parties(ctx, subject)
    if head is not verb and not parties:
        return None  # "rebels refused to sign": no state or leader refuses
    # the proposer's clause may hang on the document, its subject or the verb's "on" phrase
    parties += [p for p in _proposer(obj, ctx, head) if p not in parties]
    by = args.agent(verb) if obj.dep_ == "dobj" else None
    if by is not None:  # "rejected a proposal by A", the parser hanging 'by' on the verb
        parties += [p for p in ctx.parties(by) if p not in parties]
    if len([p for p in parties if isinstance(p, int)]) < 1:
        parties = ctx.pair_for(verb)  # "voters rejected the plan": the leaders behind it
    proposed = next(
        (
            o
            for c in list(kids(obj)) + list(kids(verb))
            if c.dep_ == "prep" and c.lower_ == "for"
            for o in kids(c)
            if o.dep_ == "pobj" and _doc_kind(o) not in (None, "joint_statement")
        ),
        None,
    )
    if proposed is not None:  # "a proposal by A for a treaty on X": the treaty
        obj = proposed
    kind = _doc_kind(obj)
    if kind not in ("treaty", "agreement", "deal", "declaration", "mou") or obj.lower_ in (
        "plan",
        "package",
    ):
        kind = "treaty" if obj.lower_ == "pact" else "deal"
    found = Agreement(
        parties,
        kind,
        "rejected",
        verb,
        0.7,
        "agreement.rejected",
        infer_counterpart=True,
        doc_noun=obj if _doc_kind(obj) else None,
    )
    if head is not verb:  # "B refused to sign the peace deal": no guessed other side
        found.infer_counterpart = False
    return found
