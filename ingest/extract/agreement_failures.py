"""Failed negotiations: talks that end without a deal, collapse or break down, leaders
who fail to agree, no agreement reached; and the sides of the talks they happen at."""

from __future__ import annotations

from . import agreement_args as args
from .agreement_args import doc_kind as _doc_kind
from .agreement_parties import (
    Agreement,
    _parties,
    _subject_tok,
)
from .text import kids, subtree

FAIL_VERBS = {"end", "break", "conclude", "close", "finish", "collapse", "fail", "founder", "cut",
              "leave", "adjourn", "part", "wrap"}  # fmt: skip


SETTLE_VERBS = {"reach", "strike", "sign", "seal", "clinch", "conclude", "agree", "broker", "forge"}


def _failed_to(verb, ctx):
    """'X and Y failed to reach a deal / to agree on a ceasefire': a failed negotiation."""
    comp = next(
        (c for c in kids(verb) if c.dep_ == "xcomp" and c.lemma_.lower() in SETTLE_VERBS),
        None,
    )
    if comp is None or any(_without_deal(a) for a in verb.ancestors):
        return None  # "broke up without a deal, after the two sides failed to agree": one event
    if comp.lemma_.lower() != "agree" and not any(
        c.dep_ == "dobj" and _doc_kind(c) for c in kids(comp)
    ):
        return None
    subject = _subject_tok(verb, ctx)
    if verb.dep_ == "conj" and subject is None:
        subject = _subject_tok(verb.head, ctx)  # "held talks ... but failed to reach"
    parties = _parties(ctx, subject) if subject is not None else []
    doc = next((c for c in kids(comp) if c.dep_ == "dobj" and _doc_kind(c)), None)
    kind = "deal" if doc is not None else "agreement"  # "failed to agree (on X)": agreement
    return Agreement(
        parties or ctx.pair_for(verb), kind, "failed", verb, 0.75, "agreement.failed_to"
    )


def _without_deal(verb) -> bool:
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "without"
        and any(
            o.dep_ == "pobj" and o.lower_ in ("deal", "agreement", "accord") for o in kids(prep)
        )
        for prep in kids(verb)
    )


TALK_NOUNS = {"talks", "negotiations", "summit", "meeting", "dialogue", "mediation", "process",
              "dinner", "lunch", "breakfast", "call", "conversation", "session"}  # fmt: skip


def _talk_parties(noun, ctx) -> list:
    """The sides of 'talks between A and B' / 'their talks' / 'A's mediation'."""
    out = []
    for c in kids(noun):
        if c.dep_ == "poss":
            out += ctx.parties(c)
        if c.dep_ == "prep" and c.lower_ in ("between", "with"):
            found = [p for o in kids(c) if o.dep_ == "pobj" for p in ctx.parties(o)]
            if c.lower_ == "between" and len(found) < 2:
                # "between A and B" parsed with A as a modifier of B: every leader named
                found = list(dict.fromkeys(p for t in subtree(c) for p in ctx.people.pids(t)))
            out += found
    return out


def _talks_sides(verb, ctx, preps=("at", "in", "during", "after")) -> list:
    """The sides of the talks a verb happens at ('was struck during the talks between A
    and B', 'put forward a plan in talks with B')."""
    return [
        p
        for c in kids(verb)
        if c.dep_ == "prep" and c.lower_ in preps
        for o in kids(c)
        if o.dep_ == "pobj" and o.lower_ in TALK_NOUNS
        for p in _talk_parties(o, ctx)
    ]


def _none_reached(verb, ctx):
    """'No agreement on X was reached at the talks between A and B', 'no deal was struck':
    a failed negotiation, between the sides of the talks named or the leaders meeting."""
    noun = next(
        (
            c
            for c in kids(verb)
            if c.dep_ == "nsubjpass" and any(d.dep_ == "det" and d.lower_ == "no" for d in kids(c))
        ),
        None,
    )
    if noun is None or _doc_kind(noun) in (None, "joint_statement") or args.is_plural(noun):
        return None
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids(verb)):
        return None  # "no agreement has been reached (yet)": talks still going on
    parties = _talks_sides(verb, ctx)
    kind = "deal" if noun.lemma_.lower() == "deal" else "agreement"
    return Agreement(
        parties or ctx.pair_for(verb), kind, "failed", verb, 0.7, "agreement.none_reached"
    )


def _no_deal(verb):
    """'without a deal', 'without agreement', 'with no deal': the document noun, if any
    (also when the parser hangs it inside the object: 'ended talks with B with no deal')."""
    preps = [c for c in kids(verb) if c.dep_ == "prep"]
    for obj in (c for c in kids(verb) if c.dep_ == "dobj" and c.lower_ in TALK_NOUNS):
        preps += [t for t in subtree(obj) if t.dep_ == "prep" and t.lower_ in ("with", "without")]
    for prep in preps:
        if prep.lower_ not in ("without", "with"):
            continue
        for o in kids(prep):
            if o.dep_ != "pobj" or o.lower_ not in ("deal", "agreement", "accord"):
                continue
            if prep.lower_ == "without" or any(
                d.dep_ == "det" and d.lower_ == "no" for d in kids(o)
            ):
                return o
    return None


def _failed(verb, ctx):
    lemma = verb.lemma_.lower()
    if lemma not in FAIL_VERBS:
        return None
    if lemma == "fail" and any(c.dep_ == "xcomp" for c in kids(verb)):
        return _failed_to(verb, ctx)
    subject = _subject_tok(verb, ctx)
    obj = next((c for c in kids(verb) if c.dep_ == "dobj"), None)
    no_deal = _no_deal(verb)
    if no_deal is not None:
        parties = _parties(ctx, subject) if subject is not None else []
        talk_subj = next(
            (c for c in kids(verb) if c.dep_ == "nsubj" and c.lower_ in TALK_NOUNS), None
        )
        if talk_subj is not None and subject is not None and talk_subj != subject:
            # "A's dinner with B ended without agreement", B parsed as a second subject
            parties = _talk_parties(talk_subj, ctx) + [
                p for p in parties if p not in _talk_parties(talk_subj, ctx)
            ]
        talks = obj if obj is not None and obj.lower_ in TALK_NOUNS else subject
        if talks is not None and not parties:
            parties = _talk_parties(talks, ctx)
        if obj is not None and obj.lower_ in TALK_NOUNS:
            parties += _talk_parties(obj, ctx)
        return Agreement(
            parties or ctx.pair_for(verb), "deal", "failed", verb, 0.8, "agreement.failed"
        )
    # "the negotiations collapsed", "talks broke down", "the talks failed"
    down = lemma != "break" or any(c.dep_ == "prt" and c.lower_ == "down" for c in kids(verb))
    if lemma in ("collapse", "break", "fail", "founder") and down and obj is None:
        if subject is None or subject.lemma_.lower() not in TALK_NOUNS | {"talk", "negotiation"}:
            return None
        parties = _talk_parties(subject, ctx)
        return Agreement(
            parties or ctx.pair_for(verb), "agreement", "failed", verb, 0.75, "agreement.collapsed"
        )
    return None


def _could_not(verb, ctx):
    """'A and B could not agree on X', 'did not reach a deal', 'were unable to agree', 'said
    they could not agree': a failed negotiation told in the past.  'cannot agree' (still
    talking), 'would not agree to' (a refusal), 'did not agree (on X)' (maybe a view) and
    a clause under 'if' are no failure."""
    lemma = verb.lemma_.lower()
    if lemma not in ("agree", "reach", "strike", "clinch", "seal"):
        return None
    if any(c.dep_ == "mark" for c in kids(verb)):
        return None  # "if they could not agree"
    aux = {c.lower_ for c in kids(verb) if c.dep_ == "aux"}
    negated = any(c.dep_ == "neg" for c in kids(verb))
    head = verb.head
    unable = (
        verb.dep_ == "xcomp"
        and head.lower_ == "unable"
        and not any(c.dep_ == "neg" for c in kids(head))
        and head.head.lower_ in ("was", "were")
        and not any(c.dep_ == "mark" for c in kids(head.head))
    )
    if not (unable or (negated and aux & {"could", "did"})) or "have" in aux:
        return None  # "could not have reached such a deal": a denial, not talks that failed
    doc = next((c for c in kids(verb) if c.dep_ == "dobj" and _doc_kind(c)), None)
    if doc is not None and any(c.lower_ in ("any", "such") for c in kids(doc)):
        return None  # "did not reach any such deal": no deal is said to have been sought
    if lemma != "agree" and doc is None:
        return None  # "did not reach Paris", "could not strike the target"
    if lemma == "agree" and "did" in aux and not unable:
        return None  # "did not agree on X" may be a view as well as a failed negotiation
    if lemma == "agree" and doc is None:
        preps = {c.lower_ for c in kids(verb) if c.dep_ == "prep"}
        if (
            any(c.dep_ in ("ccomp", "dobj") for c in kids(verb))
            or ("with" in preps and not preps & {"on", "over", "upon"})
            or "to" in preps
        ):
            return None  # "could not agree that ...", "... with X", "... to the demand"
    subject = _subject_tok(verb, ctx) if not unable else _subject_tok(head.head, ctx)
    parties = _parties(ctx, subject) if subject is not None else []
    parties += [p for p in ctx.with_parties(verb) if p not in parties]
    if len(parties) < 2:
        parties = ctx.pair_for(verb)
    kind = "deal" if doc is not None and doc.lemma_.lower() == "deal" else "agreement"
    return Agreement(parties, kind, "failed", verb, 0.7, "agreement.could_not", doc_noun=doc)
