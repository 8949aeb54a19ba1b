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

from dataclasses import dataclass

from .conflict import is_conflict, noun_asserted, verb_asserted
from .lexicon import GOVERNMENT_NOUNS, ORG_HEADS

DOC_KINDS = {
    "treaty": "treaty",
    "pact": "treaty",
    "agreement": "agreement",
    "agreements": "agreement",
    "accord": "agreement",
    "accords": "agreement",
    "arrangement": "agreement",
    "framework": "agreement",
    "plan": "agreement",
    "package": "agreement",
    "deal": "deal",
    "memorandum": "mou",
    "mou": "mou",
    "communique": "joint_statement",
    "communiqué": "joint_statement",
    "statement": "joint_statement",
    "declaration": "declaration",
    "frameworks": "agreement",
}
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


def _subject_tok(verb):
    for _ in range(3):
        subs = [c for c in verb.children if c.dep_ in ("nsubj",)]
        if subs:
            return subs[0]
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl") and verb.head != verb:
            if verb.dep_ in ("relcl", "acl"):
                return None
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        else:
            return None
    return None


def _is_commercial(tok) -> bool:
    if tok is None:
        return False
    return (
        tok.lemma_.lower() in ORG_HEADS
        or tok.lower_ in ORG_HEADS
        or (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN")
    )


def _doc_kind(noun) -> str | None:
    kind = DOC_KINDS.get(noun.lower_)
    if (
        kind == "joint_statement"
        and noun.lower_ == "statement"
        and not any(c.lower_ == "joint" for c in noun.children)
    ):
        return None
    return kind


def _object_doc(verb):
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and _doc_kind(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("to", "on"):
            for o in c.children:
                if o.dep_ == "pobj" and _doc_kind(o):
                    return o
    if verb.dep_ in ("relcl", "acl") and _doc_kind(verb.head):
        return verb.head
    return None


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
    subject = _subject_tok(verb)
    if verb.dep_ == "relcl":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if _is_commercial(subject) or any(
        _is_commercial(c) for c in doc_noun.children if c.dep_ == "compound"
    ):
        return None
    parties = ctx.parties(subject) + ctx.with_parties(verb)
    kind = "treaty" if doc_noun.lower_ == "pact" else _doc_kind(doc_noun)
    return Agreement(parties, kind, "signed", verb, 0.9, "agreement.sign", infer_counterpart=True)


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
        _subject_tok(verb)
        if verb.dep_ not in ("relcl", "acl")
        else next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    )
    if _is_commercial(subject):
        return None
    parties = ctx.parties(subject) if subject is not None else ctx.pair_for(verb)
    return Agreement(parties, kind, "agreed", verb, 0.85, "agreement.issue")


def _agree(verb, ctx):
    if verb.lemma_.lower() != "agree" or _object_doc(verb) is not None:
        return None
    subject = _subject_tok(verb)
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
        parties = ctx.parties(_subject_tok(verb))
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
        subject = _subject_tok(verb)
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
    subject = _subject_tok(verb)
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
    subject = _subject_tok(verb)
    parties = ctx.parties(subject) + [
        p for t in obj.subtree if t.dep_ == "pobj" for p in ctx.people.refs(t)
    ]
    return Agreement(
        parties, "pledge", "agreed", verb, 0.8, "agreement.pledge", infer_counterpart=True
    )


def _failed(verb, ctx):
    if verb.lemma_.lower() not in FAIL_VERBS:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "without":
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in ("deal", "agreement", "accord"):
                subject = _subject_tok(verb)
                parties = ctx.parties(subject) if subject is not None else []
                if subject is not None and not parties:
                    for c in subject.children:
                        if c.dep_ == "poss":
                            parties = ctx.parties(c)
                return Agreement(
                    parties or ctx.pair_for(verb), "deal", "failed", verb, 0.8, "agreement.failed"
                )
    return None


RULES = (_sign, _issue, _agree, _invitation, _accession, _pledge, _failed)


def find_agreements(idx, ctx) -> list:
    """Raw agreement mentions in the article body."""
    out = []
    for sent in idx.fact_sents():
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            if tok.lemma_.lower() in FAIL_VERBS:
                found = _failed(tok, ctx)
            else:
                if not verb_asserted(tok) or is_conflict(tok):
                    continue
                found = next((a for a in (rule(tok, ctx) for rule in RULES[:-1]) if a), None)
            if found is None:
                continue
            doc_noun = _object_doc(tok)
            if (
                doc_noun is not None
                and found.status != "failed"
                and not noun_asserted(doc_noun)
                and doc_noun.dep_ != "nsubjpass"
            ):
                continue
            out.append(found)
    return out


def is_government_phrase(tok) -> bool:
    return tok is not None and tok.lower_ in GOVERNMENT_NOUNS
