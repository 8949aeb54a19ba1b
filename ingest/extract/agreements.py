"""Agreements between leaders or governments: kind, status, parties, summary.

Triggers: sign/conclude/ink/exchange a document, also in the passive ("was signed
by A and B") and by officials or in the leaders' presence ("presided over the
signing of", "in the presence of": the leaders' states) (signed); a bulleted list
after "signed:" (one record per item); issue/adopt a joint statement or
declaration, a clause inside one (agreed); agree to/on/that, reach/strike a deal
(agreed); accept an invitation, or the guest saying he will come (accepted);
invite/extend an invitation (proposed); propose/offer/call for a document, a
draft one, one dropped at the last minute (proposed); reject a plan, proposal or
deal (rejected); join/ratify an existing treaty (accepted); promise/pledge/
announce aid or money, also as a noun ("India's promise to build") (pledge,
agreed); talks that end "without a deal"/"with no agreement", collapse or break
down, leaders who fail to agree (failed).  Each named document is its own record;
an unnamed counted batch ("signed 18 agreements") is one.  Parties are leaders
when leaders act and ISO codes when governments, capitals, countries or their
officials act.  Company contracts, witnesses, plans, negations, rejected
accusations and conflict predicates yield nothing.

The rules, with their names, patterns, confidences and examples, are the table
`agreement_rules.AGREEMENT_RULES`; `_mention` tries its readers pass by pass.
"""

from __future__ import annotations

from dataclasses import replace

from . import agreement_args as args
from . import agreement_docs, patterns
from . import agreement_summary as summaries
from .agreement_args import doc_kind as _doc_kind
from .agreement_args import object_doc as _object_doc
from .agreement_failures import (
    FAIL_VERBS,
    SETTLE_VERBS,
    _talks_sides,
)
from .agreement_lists import (
    _item_agreement,
    _listed_documents,
)
from .agreement_modality import _asserted
from .agreement_offers import (
    AID_WORDS,
    ASSURE_VERBS,
    PLEDGE_NOUNS,
    PLEDGE_VERBS,
)
from .agreement_parties import (
    OFFICIALS,
    Agreement,
    _company_document,
    _countries_of,
    _dated,
    _is_commercial,
    _named_after_comma,
    _official_states,
    _parties,
    _signed_kind,
    _subject_tok,
)
from .agreement_proposals import (
    ADVOCATE_VERBS,
    PROPOSE_VERBS,
    REJECT_VERBS,
    SHELVE_VERBS,
)
from .conflict import body_sents, clause_verb, is_conflict
from .tags import AUX, CCONJ, NOUN, PROPN, VERB
from .text import kids, sent_of, span_tokens, subtree, token_pos


def _witness(verb) -> bool:
    """'signed as a witness' (`patterns.AS_WITNESS`): not a party."""
    return bool(patterns.anchored(verb, patterns.AS_WITNESS))


def _names_written_in(phrase, ctx) -> bool:
    """Whether a phrase writes a person's name (not a title resolved to one, nor a state)."""
    return any(
        t.pos == PROPN and t.i not in ctx.code_at and ctx.people.pids(t)
        for t in subtree(phrase)
        if t.i != phrase.i
    )


def _sign(verb, ctx):
    lemma = verb.lemma_.lower()
    if lemma == "put" and not any(c.dep_ == "dobj" and c.lower_ == "name" for c in kids(verb)):
        return None
    if lemma not in ("sign", "conclude", "ink", "seal", "put", "exchange") or _witness(verb):
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None:
        return None
    if lemma == "exchange" and doc_noun.tag_ not in ("NNS", "NNPS"):
        return None  # "exchanged agreements" (the signed copies); not "exchanged a statement"
    subject = _subject_tok(verb, ctx)
    if verb.dep_ == "relcl":
        subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    if subject is None:
        subject = args.agent(verb)  # "a memorandum was signed by A and B"
    if subject is None and verb.dep_ in ("acl", "relcl"):
        # "an agreement signed in X in 2000 by A and B": 'by' hung on a place or a date
        subject = next(
            (
                o
                for t in subtree(verb)
                if t.dep_ in ("agent", "prep") and t.lower_ == "by"
                for o in kids(t)
                if o.dep_ == "pobj" and ctx.people.refs(o)
            ),
            None,
        )
    if _is_commercial(subject, ctx) or _company_document(doc_noun, ctx):
        return None
    parties = _parties(ctx, subject) + ctx.with_parties(verb, doc_noun)
    if (
        subject is not None
        and subject.tag_ == "NNS"
        and subject.lemma_.lower() in OFFICIALS
        and not _names_written_in(subject, ctx)
    ):
        # "the foreign ministers of A and B signed": the states, not the leaders the
        # ministers' title may resolve to; ministers named there ("..., X and Y,") sign
        # as themselves
        states = list(
            dict.fromkeys(ctx.code_at[t.i] for t in subtree(subject) if t.i in ctx.code_at)
        )
        parties = states if len(states) >= 2 else parties
    if len(parties) < 2:  # "signed an agreement on X with B": "with" hung inside the subject
        parties += [
            p
            for t in subtree(doc_noun)
            if t.dep_ == "prep" and t.lower_ == "with"
            for o in kids(t)
            if o.dep_ == "pobj"
            for p in ctx.people.refs(o)
        ]
    if len(parties) < 2:
        # "signed two agreements on X and Y with B": "with" hung on a list the parser split
        own = {t.i for t in subtree(subject)} if subject is not None else set()
        parties += [
            p
            for t in subtree(verb)
            if t.dep_ == "prep"
            and t.lower_ == "with"
            and t.i > doc_noun.i
            and t.i not in own
            and _same_clause(t, verb)
            for o in kids(t)
            if o.dep_ == "pobj" and not _as_role(o)  # "with Z as their host"
            for p in ctx.people.refs(o)
            if p not in parties
        ]
    if not parties and subject is None:
        parties = _fronted_signers(verb, ctx)
    signed_for = _signed_for(verb, ctx) if _official(subject) else []
    if len(signed_for) >= 2:  # "envoy A signed for the United States and B for Palau"
        parties = signed_for
    witnesses = args.presence(verb)
    if witnesses is not None and len(parties) < 2:
        # "ministers signed X in the presence of A and B": the states of A and B
        parties = _countries_of(ctx, ctx.parties(witnesses)) or parties
    unnamed = not any(isinstance(p, int) for p in parties)  # no minister named: states
    if len(parties) < 2 and unnamed and subject is not None and subject.lemma_.lower() in OFFICIALS:
        # "officials from the two countries signed": the states whose officials sign
        parties = _official_states(subject, verb, ctx)
    passive = any(c.dep_ == "nsubjpass" for c in kids(verb))
    if not parties and subject is None and passive and not _dated(verb):
        # "documents were signed after talks between A and B": the states of the leaders
        # the sentence names (two at least), whoever put pen to paper
        meeting = ctx.meeting_for(verb)
        sent_no = ctx.idx.sent_of[verb.i]
        if meeting is not None and any(
            ctx.idx.sent_of[m.trigger.i] == sent_no for m in meeting.mentions
        ):
            named = {p for t in span_tokens(sent_of(verb)) for p in ctx.people.pids(t)}
            pair = [p for p in meeting.participants if p in named]
            if len(pair) >= 2:
                parties = _countries_of(ctx, pair) or pair
    kind = _signed_kind(doc_noun)
    return Agreement(parties, kind, "signed", verb, 0.9, "agreement.sign", infer_counterpart=True)


def _as_role(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in kids(tok))


def _same_clause(tok, verb) -> bool:
    """No other verb between a token and the verb it hangs under."""
    head = tok.head
    while head != verb and head.head != head:
        if head.pos in (VERB, AUX):
            return False
        head = head.head
    return head == verb


def _official(subject) -> bool:
    """An envoy, minister or official signing, not a head of state or government."""
    if subject is None:
        return False
    words = {t.lemma_.lower() for t in subtree(subject)}
    return bool(words & OFFICIALS) and not words & {"prime", "president", "premier", "king"}


def _signed_for(verb, ctx) -> list:
    """The states named in 'signed (the memorandum) for X', read along the words of the
    signing clause ('A signed for the United States and B signed for Palau', which the
    parser often splits oddly): the state right after each 'for'."""
    doc = verb.doc
    codes = []
    for t in subtree(verb):
        if t.lower_ != "for":
            continue
        for u in doc[t.i + 1 : min(t.i + 5, sent_of(verb).end)]:
            if u.i in ctx.code_at:
                codes.append(ctx.code_at[u.i])
                break
            if u.is_punct or u.pos in (CCONJ, VERB, AUX):
                break
    return list(dict.fromkeys(codes))


def _fronted_signers(verb, ctx) -> list:
    """'During the visit of A to X, Indian and Moldovan officials signed ...' parsed with
    the signers inside the fronted phrase: those between its last comma and the verb -
    two leaders, or the states of officials named by nationality."""
    sent = sent_of(verb)
    comma = next((t.i for t in reversed(sent[: verb.i - sent.start]) if t.text == ","), None)
    if comma is None:
        return []
    span = verb.doc[comma + 1 : verb.i]
    people = list(dict.fromkeys(p for t in span for p in ctx.people.refs(t)))
    if len(people) >= 2:
        return people
    if any(t.lemma_.lower() in OFFICIALS for t in span):
        codes = list(dict.fromkeys(ctx.code_at[t.i] for t in span if t.i in ctx.code_at))
        return codes if len(codes) >= 2 else []
    return []


OVERSEE_VERBS = {"preside", "oversee", "witness", "attend", "watch"}


def _oversaw(verb, ctx):
    """'A and B presided over / oversaw / witnessed the signing of 13 agreements': signed
    by officials in the leaders' presence, so the parties are the leaders' states."""
    if verb.lemma_.lower() not in OVERSEE_VERBS:
        return None
    event = None
    for c in kids(verb):
        if c.dep_ == "dobj":
            event = c
        if c.dep_ == "prep" and c.lower_ == "over":
            event = next((o for o in kids(c) if o.dep_ == "pobj"), None)
    if event is None or event.lemma_.lower() not in ("signing", "exchange", "conclusion"):
        return None
    doc_noun = None
    for p in kids(event):
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in kids(p):
                if o.dep_ == "pobj" and args.doc_or_contained(o) is not None:
                    doc_noun = args.doc_or_contained(o)
    if doc_noun is None or any(
        _is_commercial(c) for c in kids(doc_noun) if c.dep_ in ("compound", "amod")
    ):
        return None
    leaders = _parties(ctx, _subject_tok(verb, ctx))
    parties = _countries_of(ctx, leaders) or leaders
    kind = _signed_kind(doc_noun)
    return Agreement(parties, kind, "signed", verb, 0.8, "agreement.oversaw", doc_noun=doc_noun)


def _in_statement(verb):
    """'In a joint statement, the two governments condemned ... and agreed to ...': the
    joint statement or declaration a clause (or the clause it is coordinated with) is in."""
    for _ in range(3):
        for prep in kids(verb):
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for o in kids(prep):
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
    if subject is None or _is_commercial(subject, ctx):
        return None
    kind = _doc_kind(doc_noun)
    parties = _parties(ctx, subject)
    if len(parties) < 2:  # "in a joint statement, Brazil agreed to ...": both sides issued it
        pair = ctx.pair_for(verb)
        parties = pair if len(pair) >= 2 else parties
    return Agreement(parties, kind, "agreed", verb, 0.8, "agreement.in_statement")


def _put_out(verb) -> bool:
    """'put out a joint statement' (`patterns.PUT_OUT`): issued it."""
    return verb.lemma_.lower() == "put" and bool(patterns.anchored(verb, patterns.PUT_OUT))


def _issue(verb, ctx):
    if not _put_out(verb) and verb.lemma_.lower() not in (
        "issue",
        "adopt",
        "approve",
        "release",
        "publish",
        "announce",
        "agree",
        "reach",
        "set",
        "strike",
        "clinch",
        "hammer",
    ):
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None:
        return None
    if verb.lemma_.lower() == "announce" and {t.lower_ for t in subtree(doc_noun)} & AID_WORDS:
        return None  # "announced an aid package for X": a pledge (`_pledge`)
    kind = _doc_kind(doc_noun)
    if (_put_out(verb) or verb.lemma_.lower()) in (
        True,
        "issue",
        "adopt",
        "approve",
        "release",
        "publish",
        "set",
    ) and kind not in (
        "joint_statement",
        "declaration",
    ):
        return None
    subject = (
        _subject_tok(verb, ctx)
        if verb.dep_ not in ("relcl", "acl")
        else next((c for c in kids(verb) if c.dep_ in ("nsubj",)), None)
    )
    if subject is None and verb.dep_ == "acl":
        # "they set out the results in a communique issued in X": the governing subject
        subject = args.subject_tok(clause_verb(verb.head))
    if _is_commercial(subject, ctx) and not _named_after_comma(subject, ctx):
        return None
    if subject is None and any(c.dep_ == "nsubjpass" for c in kids(verb)):
        parties = _talks_sides(verb, ctx)  # "a deal was struck at the talks between A and B"
    else:
        parties = []
    if len(parties) < 2:
        parties = _parties(ctx, subject) if subject is not None else ctx.pair_for(verb)
    if parties:  # "A reached an agreement with B", "A struck a deal with B on X"
        parties += [p for p in ctx.with_parties(verb, doc_noun) if p not in parties]
    return Agreement(parties, kind, "agreed", verb, 0.85, "agreement.issue")


def _agree(verb, ctx):
    if verb.lemma_.lower() != "agree" or _object_doc(verb) is not None:
        return None
    if not any(
        c.dep_ in ("xcomp", "ccomp", "dobj")
        or (c.dep_ == "prep" and c.lower_ in ("on", "to", "upon", "over"))
        for c in kids(verb)
    ):
        return None  # "subjects where they agree": a shared view, not an agreement
    subject = _subject_tok(verb, ctx)
    parties = _parties(ctx, subject) + ctx.with_parties(verb)
    if len(parties) < 2:
        return None
    kind = "agreement"
    sent_words = " ".join(t.lower_ for t in subtree(verb))
    if "joint statement" in sent_words:
        kind = "joint_statement"
    elif any(t.lower_ == "deal" for t in subtree(verb)):
        kind = "deal"
    return Agreement(parties, kind, "agreed", verb, 0.9, "agreement.agree")


def _readers() -> dict:
    """The rule table's readers by pass (`agreement_rules`; the table imports this module's
    rules, so it is looked up when the first verb is read, not when this module loads)."""
    from .agreement_rules import READERS

    return READERS


def _read(readers, tok, ctx):
    """What the first of a pass's readers that reads the token finds."""
    return next((a for a in (read(tok, ctx) for read in readers) if a), None)


def _mention(tok, ctx):
    """The agreement a verb triggers, if its own predicate is asserted diplomacy."""
    readers = _readers()
    lemma = tok.lemma_.lower()
    if lemma in SETTLE_VERBS and not _asserted(tok):
        return _read(readers["unable"], tok, ctx)  # "could not agree", "were unable to"
    if not _asserted(tok):
        return None
    if lemma in FAIL_VERBS:
        found = _read(readers["fail"], tok, ctx)
        if found is not None:
            return found
    if lemma in REJECT_VERBS:
        return None if args.negative_subject(tok) else _read(readers["reject"], tok, ctx)
    if lemma in SETTLE_VERBS and args.negative_subject(tok):
        return _read(readers["none"], tok, ctx)
    doc_noun = _object_doc(tok)
    settles = lemma == "strike" and doc_noun is not None  # "struck a deal" is no attack
    if (is_conflict(tok) and not settles) or args.negative_subject(tok):
        return None
    found = _read(readers["verb"], tok, ctx)
    if found is not None and doc_noun is not None and not args.doc_asserted(doc_noun):
        if not args.not_yet(doc_noun) or found.kind in ("invitation", "pledge"):
            return None
        found.status = "proposed"  # "signed a draft agreement", "agreed a proposed deal"
    return found


# Every verb lemma some rule triggers on (a clause inside a joint statement aside).
TRIGGER_LEMMAS = (
    {"sign", "conclude", "ink", "seal", "put", "exchange"}
    | OVERSEE_VERBS
    | {"issue", "adopt", "approve", "release", "publish", "announce", "agree", "reach", "set"}
    | {"strike", "clinch", "hammer", "accept", "invite", "extend"}
    | {"join", "ratify", "commit", "accede"}
    | PLEDGE_VERBS
    | ASSURE_VERBS
    | PROPOSE_VERBS
    | SHELVE_VERBS
    | ADVOCATE_VERBS
    | REJECT_VERBS
    | FAIL_VERBS
)


def find_agreements(idx, ctx) -> list:
    """Agreement mentions in the article body, one per named document ('an MoU on X and an
    agreement on Y' gives two; 'two agreements' gives two; 'signed 18 agreements' gives one
    batch whose summary carries the count; a bulleted list after 'signed:' gives one per
    item), each with a one-line summary.  Conflict is judged on the trigger's own
    predicate (`is_conflict`), so a cue elsewhere in the sentence does not hide a fact."""
    out = []
    sents = body_sents(idx)
    listed = set()  # sentences read as items of a list of signed documents
    pos = token_pos(idx.doc)
    for n_sent, sent in enumerate(sents):
        if n_sent in listed:
            continue
        items = _listed_documents(sents, n_sent, ctx)
        listed.update(items.skipped)
        for noun, item_sent in items:
            out.append(_item_agreement(noun, item_sent, items.lead, idx))
        for i in range(sent.start, sent.end):
            if pos[i] not in ("NOUN", "VERB"):
                continue  # (read off the Doc's array: no Token for the other words)
            tok = idx.doc[i]
            if tok.pos == NOUN and tok.lemma_.lower() in PLEDGE_NOUNS:
                found = _read(_readers()["noun"], tok, ctx)
                if found is not None:
                    found.summary = summaries.pledge_summary(tok)
                    out.append(found)
                continue
            if tok.pos != VERB:
                continue
            if tok.lemma_.lower() not in TRIGGER_LEMMAS and _in_statement(tok) is None:
                continue  # no rule reads this verb: spare the assertion checks
            found = _mention(tok, ctx)
            if found is None:
                continue
            doc_noun = found.doc_noun or _object_doc(tok)
            if items and (doc_noun is None or args.is_plural(doc_noun)):
                continue  # "signed seven documents:" is told item by item below
            if out and doc_noun is not None and args.back_reference(doc_noun):
                continue  # "the agreements were reached on the second day": told already
            if doc_noun is None or found.kind in ("invitation", "pledge"):
                found.summary = summaries.summary(
                    tok, doc_noun, sent, idx.dateline_end, found.kind, found.status
                )
                out.append(found)
                continue
            docs = agreement_docs.documents(doc_noun)
            for noun, subject in docs:
                kind = found.kind if noun == doc_noun else (_doc_kind(noun) or found.kind)
                summary = summaries.summary(
                    tok, noun, sent, idx.dateline_end, kind, found.status, subject
                )
                part = 0 if len(docs) == 1 else f"{noun.i}:{subject[1] if subject else ''}"
                n = args.count_of(noun) if subject is None else 1
                one = replace(
                    found,
                    kind=kind,
                    summary=summary,
                    part=part,
                    name=args.doc_name(noun) if subject is None else frozenset(subject[1].split()),
                    batch=args.is_plural(noun),
                    again=args.told_again(noun),
                )
                if n != 2:
                    out.append(one)  # a counted batch of three or more is one record
                    continue
                for k in (1, 2):
                    out.append(replace(one, summary=f"{summary} ({k} of 2)", part=f"{part}/{k}"))
    return out
