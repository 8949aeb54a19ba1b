"""Agreements between leaders or governments: kind, status, parties, summary.

Triggers: sign/conclude/put one's name to a document (signed); issue/adopt a
joint statement or declaration (agreed); agree to/on/that, reach a deal
(agreed); accept an invitation or offer (accepted); invite/extend an
invitation (proposed); join/ratify/commit to an existing treaty (accepted);
promise/pledge aid or money (pledge, agreed); talks that end or break up
"without a deal" (failed).  Parties are leaders when leaders act and ISO
codes when governments, capitals or countries act.  Company contracts,
witnesses, plans, negations and conflict predicates yield nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import agreement_args as args
from .agreement_args import doc_kind as _doc_kind
from .agreement_args import object_doc as _object_doc
from .conflict import body_sents, clause_verb, is_conflict, verb_asserted
from .lexicon import GOVERNMENT_NOUNS, ORG_HEADS

FAIL_VERBS = {"end", "break", "conclude", "close", "finish", "collapse", "fail"}
AID_WORDS = {
    "aid",
    "assistance",
    "support",
    "weapons",
    "arms",
    "package",
    "loan",
    "loans",
    "grant",
    "grants",
    "funding",
    "envoy",
    "troops",
    "equipment",
    "help",
}


@dataclass
class Agreement:
    parties: list  # pids or ISO codes
    kind: str
    status: str
    trigger: object
    confidence: float
    rule: str
    infer_counterpart: bool = False
    summary: str = ""
    part: int = 0  # k of "signed n agreements" (0: a single document)


def _subject_tok(verb, ctx=None):
    """The acting subject; with `ctx`, a leader named right before a subjectless verb."""
    subject = args.subject_tok(verb)
    if subject is None and ctx is not None:
        subject = args.left_subject(verb, ctx.is_party)
    return subject


def _is_commercial(tok) -> bool:
    if tok is None:
        return False
    return (
        tok.lemma_.lower() in ORG_HEADS
        or tok.lower_ in ORG_HEADS
        or (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN")
    )


def _witness(verb) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(o.lower_ == "witness" for o in c.children)
        for c in verb.children
    )


def _sign(verb, ctx):
    lemma = verb.lemma_.lower()
    if lemma == "put" and not any(c.dep_ == "dobj" and c.lower_ == "name" for c in verb.children):
        return None
    if lemma not in ("sign", "conclude", "ink", "seal", "put") or _witness(verb):
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None:
        return None
    subject = _subject_tok(verb, ctx)
    if verb.dep_ == "relcl":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if _is_commercial(subject) or any(
        _is_commercial(c) for c in doc_noun.children if c.dep_ == "compound"
    ):
        return None
    parties = ctx.parties(subject) + ctx.with_parties(verb, doc_noun)
    kind = "treaty" if doc_noun.lower_ == "pact" else _doc_kind(doc_noun)
    return Agreement(parties, kind, "signed", verb, 0.9, "agreement.sign", infer_counterpart=True)


def _in_statement(verb):
    """'In a joint statement, the two governments condemned ... and agreed to ...': the
    joint statement or declaration a clause (or the clause it is coordinated with) is in."""
    for _ in range(3):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for o in prep.children:
                    if o.dep_ == "pobj" and _doc_kind(o) in ("joint_statement", "declaration"):
                        return o
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _stated(verb, ctx):
    """A clause inside a joint statement: the statement, agreed by the clause's subject."""
    doc_noun = _in_statement(verb)
    if doc_noun is None or not args.doc_asserted(doc_noun):
        return None
    subject = _subject_tok(verb, ctx)
    if subject is None or _is_commercial(subject):
        return None
    kind = _doc_kind(doc_noun)
    return Agreement(ctx.parties(subject), kind, "agreed", verb, 0.8, "agreement.in_statement")


def _issue(verb, ctx):
    if verb.lemma_.lower() not in (
        "issue",
        "adopt",
        "release",
        "publish",
        "announce",
        "agree",
        "reach",
        "set",
    ):
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None:
        return None
    kind = _doc_kind(doc_noun)
    if verb.lemma_.lower() in ("issue", "adopt", "release", "publish", "set") and kind not in (
        "joint_statement",
        "declaration",
    ):
        return None
    subject = (
        _subject_tok(verb, ctx)
        if verb.dep_ not in ("relcl", "acl")
        else next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    )
    if subject is None and verb.dep_ == "acl":
        # "they set out the results in a communique issued in X": the governing subject
        subject = args.subject_tok(clause_verb(verb.head))
    if _is_commercial(subject):
        return None
    parties = ctx.parties(subject) if subject is not None else ctx.pair_for(verb)
    return Agreement(parties, kind, "agreed", verb, 0.85, "agreement.issue")


def _agree(verb, ctx):
    if verb.lemma_.lower() != "agree" or _object_doc(verb) is not None:
        return None
    subject = _subject_tok(verb, ctx)
    parties = ctx.parties(subject) + ctx.with_parties(verb)
    if len(parties) < 2:
        return None
    kind = "agreement"
    sent_words = " ".join(t.lower_ for t in verb.subtree)
    if "joint statement" in sent_words:
        kind = "joint_statement"
    elif any(t.lower_ == "deal" for t in verb.subtree):
        kind = "deal"
    return Agreement(parties, kind, "agreed", verb, 0.9, "agreement.agree")


def _invitation(verb, ctx):
    lemma = verb.lemma_.lower()
    if lemma == "accept":
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ not in (
            "invitation",
            "offer",
            "suggestion",
            "proposal",
            "invite",
        ):
            return None
        if obj is None and not ctx.recent_offer(verb):
            return None
        parties = ctx.parties(_subject_tok(verb, ctx))
        if obj is not None:
            inviter = ctx.from_party(obj)
            parties += inviter
        return Agreement(
            parties,
            "invitation",
            "accepted",
            verb,
            0.8,
            "agreement.accept_invitation",
            infer_counterpart=True,
        )
    if lemma in ("invite", "extend"):
        if lemma == "extend" and not any(
            c.dep_ == "dobj" and c.lower_ == "invitation" for c in verb.children
        ):
            return None
        subject = _subject_tok(verb, ctx)
        guests = [p for c in verb.children if c.dep_ == "dobj" for p in ctx.people.refs(c)]
        if not ctx.people.refs(subject) if subject is not None else True:
            return None
        if lemma == "invite" and not guests:
            return None
        return Agreement(
            ctx.parties(subject) + guests,
            "invitation",
            "proposed",
            verb,
            0.8,
            "agreement.invite",
            infer_counterpart=True,
        )
    return None


def _accession(verb, ctx):
    if verb.lemma_.lower() not in ("join", "ratify", "commit", "accede"):
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None or _doc_kind(doc_noun) not in ("agreement", "treaty"):
        return None
    subject = _subject_tok(verb, ctx)
    if subject is None or not ctx.people.refs(subject):
        return None
    return Agreement(ctx.parties(subject), "treaty", "accepted", verb, 0.8, "agreement.accession")


def _pledge(verb, ctx):
    if verb.lemma_.lower() not in ("promise", "pledge"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    words = {t.lower_ for t in obj.subtree}
    if not (words & AID_WORDS or any(t.ent_type_ == "MONEY" for t in obj.subtree)):
        return None
    subject = _subject_tok(verb, ctx)
    parties = ctx.parties(subject) + [
        p for t in obj.subtree if t.dep_ == "pobj" for p in ctx.people.refs(t)
    ]
    return Agreement(
        parties, "pledge", "agreed", verb, 0.8, "agreement.pledge", infer_counterpart=True
    )


SETTLE_VERBS = {"reach", "strike", "sign", "seal", "clinch", "conclude", "agree"}


def _failed_to(verb, ctx):
    """'X and Y failed to reach a deal / to agree on a ceasefire': a failed negotiation."""
    comp = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in SETTLE_VERBS),
        None,
    )
    if comp is None or any(_without_deal(a) for a in verb.ancestors):
        return None  # "broke up without a deal, after the two sides failed to agree": one event
    if comp.lemma_.lower() != "agree" and not any(
        c.dep_ == "dobj" and _doc_kind(c) for c in comp.children
    ):
        return None
    subject = _subject_tok(verb, ctx)
    if verb.dep_ == "conj" and subject is None:
        subject = _subject_tok(verb.head, ctx)  # "held talks ... but failed to reach"
    parties = ctx.parties(subject) if subject is not None else []
    return Agreement(
        parties or ctx.pair_for(verb), "deal", "failed", verb, 0.75, "agreement.failed_to"
    )


def _without_deal(verb) -> bool:
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "without"
        and any(
            o.dep_ == "pobj" and o.lower_ in ("deal", "agreement", "accord") for o in prep.children
        )
        for prep in verb.children
    )


def _failed(verb, ctx):
    if verb.lemma_.lower() not in FAIL_VERBS:
        return None
    if verb.lemma_.lower() == "fail":
        return _failed_to(verb, ctx)
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "without":
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in ("deal", "agreement", "accord"):
                subject = _subject_tok(verb, ctx)
                parties = ctx.parties(subject) if subject is not None else []
                if subject is not None and not parties:
                    for c in subject.children:
                        if c.dep_ == "poss":
                            parties = ctx.parties(c)
                return Agreement(
                    parties or ctx.pair_for(verb), "deal", "failed", verb, 0.8, "agreement.failed"
                )
    return None


RULES = (_sign, _issue, _stated, _agree, _invitation, _accession, _pledge, _failed)


def _mention(tok, ctx):
    """The agreement a verb triggers, if its own predicate is asserted diplomacy."""
    if not verb_asserted(tok):
        return None
    if tok.lemma_.lower() in FAIL_VERBS:
        found = _failed(tok, ctx)
        if found is not None:
            return found
    if is_conflict(tok) or args.negative_subject(tok):
        return None
    found = next((a for a in (rule(tok, ctx) for rule in RULES[:-1]) if a), None)
    doc_noun = _object_doc(tok)
    if found is not None and doc_noun is not None and not args.doc_asserted(doc_noun):
        return None
    return found


def find_agreements(idx, ctx) -> list:
    """Agreement mentions in the article body, one per document ('signed two agreements'
    gives two), each with a one-line summary.  Conflict is judged on the trigger's own
    predicate (`is_conflict`), so a cue elsewhere in the sentence does not hide a fact."""
    out = []
    for sent in body_sents(idx):
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            found = _mention(tok, ctx)
            if found is None:
                continue
            doc_noun = _object_doc(tok)
            found.summary = args.summary(
                tok, doc_noun, sent, idx.dateline_end, found.kind, found.status
            )
            n = args.count_of(doc_noun) if doc_noun is not None else 1
            out.append(found)
            for k in range(2, n + 1):
                out.append(replace(found, summary=f"{found.summary} ({k} of {n})", part=k))
            if n > 1:
                found.summary, found.part = f"{found.summary} (1 of {n})", 1
    return out


def is_government_phrase(tok) -> bool:
    return tok is not None and tok.lower_ in GOVERNMENT_NOUNS
