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
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import agreement_args as args
from .agreement_args import doc_kind as _doc_kind
from .agreement_args import object_doc as _object_doc
from .blocs import bloc_of
from .conflict import body_sents, clause_verb, is_conflict, noun_asserted, verb_asserted
from .lexicon import GOVERNMENT_NOUNS, NUMBER_WORDS, ORG_HEADS

FAIL_VERBS = {"end", "break", "conclude", "close", "finish", "collapse", "fail", "founder", "cut",
              "leave", "adjourn", "part", "wrap"}  # fmt: skip
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
    "credit",
    "financing",
    "donation",
    "money",
    "investment",
    "investments",
    "funds",
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
    part: object = 0  # which of several documents in one mention (0: a single one)
    doc_noun: object = None  # the document, when it is not the trigger's own object
    name: frozenset = frozenset()  # words that tell this document from others
    batch: bool = False  # a counted batch ("signed 18 agreements")
    again: bool = False  # a definite single document ("signed the framework agreement")


def _subject_tok(verb, ctx=None):
    """The acting subject; with `ctx`, a leader named right before a subjectless verb."""
    subject = args.subject_tok(verb)
    if subject is not None and subject.head == verb:
        # "CITY, Country (Reuters) - A and B signed": two subjects, the nearer one acts
        subs = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subs) > 1 and ctx is not None:
            dateline = subs[0].idx < ctx.idx.dateline_end or subs[0].is_upper
            if dateline or ctx.is_party(subs[-1]):
                subject = subs[-1]
    if subject is None and ctx is not None:
        subject = args.left_subject(verb, ctx.is_party)
    return subject


def _parties(ctx, subject) -> list:
    """The subject's parties, with a second subject the parser gave the same verb
    ('A and B signed' parsed as two nsubj)."""
    if subject is not None and subject.is_upper and len(subject) > 2:
        # "CITY, Country (Reuters) - A and B signed" parsed with the city as the subject:
        # the parties named after the dash
        dash = next((t.i for t in subject.subtree if t.text in ("-", "—", "–", "--", ":")), None)
        if dash is not None:
            after = [t for t in subject.subtree if t.i > dash]
            found = []
            for t in after:
                for p in list(ctx.people.pids(t)) or (
                    [ctx.code_at[t.i]] if t.i in ctx.code_at else []
                ):
                    if p not in found:
                        found.append(p)
            if found:
                return found
    out = ctx.parties(subject)
    if not out and subject is not None:
        out = _named_after_comma(subject, ctx)
    if out and subject.dep_ == "nsubj" and ctx.people.refs(subject):
        for c in subject.head.children:
            if c.dep_ == "nsubj" and c != subject and ctx.people.refs(c):
                out = out + [p for p in ctx.people.refs(c) if p not in out]
    if out and ctx.people.refs(subject):
        # "A and B's then prime minister, C": a leader named in apposition; "A and B"
        # parsed with A as a modifier of B
        for t in subject.subtree:
            if t.dep_ == "appos" or (
                t.dep_ in ("nmod", "compound")
                and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children)
            ):
                out = out + [p for p in ctx.people.refs(t) if p not in out]
    if out and subject is not None and subject.tag_ == "NNS":
        # "the presidents of Armenia and Azerbaijan": only those states' leaders, not the
        # host who brought them together
        states = [
            ctx.code_at[t.i]
            for c in subject.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in c.subtree
            if t.i in ctx.code_at
        ]
        if len(set(states)) >= 2:
            own = [p for p in out if not isinstance(p, int) or ctx.people.get(p).country in states]
            out = own if len(own) >= 2 else out
    counted = _counted_states(ctx, subject)
    if counted:
        out = counted
    if not out and subject is not None and subject.tag_ == "NNS":
        lemma = subject.lemma_.lower()
        prime = any(c.lower_ == "prime" for c in subject.children)
        if lemma in GROUP_LEMMAS or (lemma == "minister" and prime):  # "the prime ministers"
            pair = ctx.pair_for(subject)
            out = list(pair) if len(pair) >= 2 else []
    return out


def _named_after_comma(subject, ctx) -> list:
    """'After talks in X, A and B signed ...', 'At the G8 summit in X, A, B and C issued
    ...': the parser made the fronted phrase the subject and hung the leaders on its
    place; the leaders (two or more) named after its comma act."""
    if ctx.people.refs(subject) or subject.i in ctx.code_at:
        return []
    comma = next((t.i for t in subject.subtree if t.text == ","), None)
    if comma is None:
        return []
    named = [p for t in subject.subtree if t.i > comma for p in ctx.people.refs(t)]
    named = list(dict.fromkeys(named))
    return named if len(named) >= 2 else []


STATE_NOUNS = {"countries", "nations", "states", "governments"}


def _counted_states(ctx, subject) -> list:
    """'The eight countries that share the Amazon signed ...': a counted group of three or
    more states, read as the first that many states the article names (when it names at
    least that many); [] otherwise."""
    if subject is None or subject.lower_ not in STATE_NOUNS:
        return []
    n = next(
        (
            NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
            for c in subject.children
            if c.dep_ == "nummod"
        ),
        0,
    )
    if n < 3:
        return []
    codes = list(dict.fromkeys(code for _, code in sorted(ctx.code_at.items())))
    return codes[:n] if len(codes) >= n else []


GROUP_LEMMAS = {"president", "leader", "premier", "chancellor", "king", "head"}


def _is_commercial(tok, ctx=None) -> bool:
    if tok is None or (ctx is not None and (ctx.people.refs(tok) or tok.i in ctx.code_at)):
        return False  # a leader or a country the tagger took for an organisation
    if bloc_of(tok):
        return False  # "the Gulf Cooperation Council states": states, not a firm
    return (
        tok.lemma_.lower() in ORG_HEADS
        or tok.lower_ in ORG_HEADS
        or tok.lower_ in COMMERCIAL_MODIFIERS
        or (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN")
        # "business leaders", "company executives": people who sign for firms
        or any(c.dep_ == "compound" and c.lower_ in ORG_HEADS for c in tok.children)
    )


#: Words that make a document a contract between firms ("commercial deals").
COMMERCIAL_MODIFIERS = {"commercial", "business", "corporate", "private"}


def _countries_of(ctx, parties) -> list:
    """Leaders' countries (ISO codes stay as they are); [] unless every one is known."""
    codes = [p if isinstance(p, str) else ctx.people.get(p).country for p in parties]
    if len(codes) < 2 or not all(codes):
        return []
    return list(dict.fromkeys(codes))


OFFICIALS = {
    "official",
    "minister",
    "diplomat",
    "envoy",
    "negotiator",
    "delegation",
    "representative",
    "secretary",
    "ambassador",
}


def _official_states(subject, verb, ctx) -> list:
    """The states officials sign for: 'officials from/of X and Y', 'the two countries'
    ministers', else the countries of the leaders meeting."""
    inner = []
    for c in subject.children:
        if c.dep_ == "poss":
            inner.append(c)
        if c.dep_ == "prep":
            inner += [x for x in c.children if x.dep_ == "pobj"]
    # "ministers of the GCC countries and Niger" parsed with Niger joined to the ministers
    joined = [ctx.code_at[c.i] for c in subject.children if c.dep_ == "conj" and c.i in ctx.code_at]
    for o in inner:
        found = ctx.parties(o)
        found += [c for c in joined if c not in found]
        if len(found) >= 2:
            return _countries_of(ctx, found) or found
    codes = list(dict.fromkeys(ctx.code_at[t.i] for t in subject.subtree if t.i in ctx.code_at))
    if len(codes) >= 2:  # "of Greece and the former Yugoslav republic of Macedonia"
        return codes
    return _countries_of(ctx, ctx.pair_for(verb))


def _dated(verb) -> bool:
    """'the 1974 treaty was signed', 'was signed in 1990': a year names an older signing."""
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() for t in verb.subtree)


def _company_document(doc_noun, ctx) -> bool:
    """'an Aramco supply deal': a company's document; not 'the Pyongyang Joint Declaration',
    whose place name the tagger may take for an organisation."""
    if doc_noun.pos_ == "PROPN":
        return False
    return any(
        _is_commercial(c, ctx)
        for c in doc_noun.children
        if c.dep_ == "compound" and c.ent_type_ not in ("GPE", "LOC", "NORP")
    ) or any(c.dep_ == "amod" and c.lower_ in COMMERCIAL_MODIFIERS for c in doc_noun.children)


def _witness(verb) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(o.lower_ == "witness" for o in c.children)
        for c in verb.children
    )


def _sign(verb, ctx):
    lemma = verb.lemma_.lower()
    if lemma == "put" and not any(c.dep_ == "dobj" and c.lower_ == "name" for c in verb.children):
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
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        subject = args.agent(verb)  # "a memorandum was signed by A and B"
    if subject is None and verb.dep_ in ("acl", "relcl"):
        # "an agreement signed in X in 2000 by A and B": 'by' hung on a place or a date
        subject = next(
            (
                o
                for t in verb.subtree
                if t.dep_ in ("agent", "prep") and t.lower_ == "by"
                for o in t.children
                if o.dep_ == "pobj" and ctx.people.refs(o)
            ),
            None,
        )
    if _is_commercial(subject, ctx) or _company_document(doc_noun, ctx):
        return None
    parties = _parties(ctx, subject) + ctx.with_parties(verb, doc_noun)
    if len(parties) < 2:  # "signed an agreement on X with B": "with" hung inside the subject
        parties += [
            p
            for t in doc_noun.subtree
            if t.dep_ == "prep" and t.lower_ == "with"
            for o in t.children
            if o.dep_ == "pobj"
            for p in ctx.people.refs(o)
        ]
    if len(parties) < 2:
        # "signed two agreements on X and Y with B": "with" hung on a list the parser split
        own = {t.i for t in subject.subtree} if subject is not None else set()
        parties += [
            p
            for t in verb.subtree
            if t.dep_ == "prep"
            and t.lower_ == "with"
            and t.i > doc_noun.i
            and t.i not in own
            and _same_clause(t, verb)
            for o in t.children
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
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if not parties and subject is None and passive and not _dated(verb):
        # "documents were signed after talks between A and B": the states of the leaders
        # the sentence names (two at least), whoever put pen to paper
        meeting = ctx.meeting_for(verb)
        sent_no = ctx.idx.sent_of[verb.i]
        if meeting is not None and any(
            ctx.idx.sent_of[m.trigger.i] == sent_no for m in meeting.mentions
        ):
            named = {p for t in verb.sent for p in ctx.people.pids(t)}
            pair = [p for p in meeting.participants if p in named]
            if len(pair) >= 2:
                parties = _countries_of(ctx, pair) or pair
    kind = _signed_kind(doc_noun)
    return Agreement(parties, kind, "signed", verb, 0.9, "agreement.sign", infer_counterpart=True)


def _signed_kind(doc_noun) -> str:
    """The kind a document noun names; a "pact" is a treaty."""
    return "treaty" if doc_noun.lower_ == "pact" else _doc_kind(doc_noun)


def _proposal(parties, verb, confidence: float, rule: str, doc_noun):
    """A document one side put to the other: status proposed, the counterpart inferred."""
    return Agreement(
        parties,
        _signed_kind(doc_noun),
        "proposed",
        verb,
        confidence,
        rule,
        infer_counterpart=True,
        doc_noun=doc_noun,
    )


def _as_role(tok) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)


def _same_clause(tok, verb) -> bool:
    """No other verb between a token and the verb it hangs under."""
    head = tok.head
    while head != verb and head.head != head:
        if head.pos_ in ("VERB", "AUX"):
            return False
        head = head.head
    return head == verb


def _official(subject) -> bool:
    """An envoy, minister or official signing, not a head of state or government."""
    if subject is None:
        return False
    words = {t.lemma_.lower() for t in subject.subtree}
    return bool(words & OFFICIALS) and not words & {"prime", "president", "premier", "king"}


def _signed_for(verb, ctx) -> list:
    """The states named in 'signed (the memorandum) for X', read along the words of the
    signing clause ('A signed for the United States and B signed for Palau', which the
    parser often splits oddly): the state right after each 'for'."""
    doc = verb.doc
    codes = []
    for t in verb.subtree:
        if t.lower_ != "for":
            continue
        for u in doc[t.i + 1 : min(t.i + 5, verb.sent.end)]:
            if u.i in ctx.code_at:
                codes.append(ctx.code_at[u.i])
                break
            if u.is_punct or u.pos_ in ("CCONJ", "VERB", "AUX"):
                break
    return list(dict.fromkeys(codes))


def _fronted_signers(verb, ctx) -> list:
    """'During the visit of A to X, Indian and Moldovan officials signed ...' parsed with
    the signers inside the fronted phrase: those between its last comma and the verb -
    two leaders, or the states of officials named by nationality."""
    sent = verb.sent
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
    for c in verb.children:
        if c.dep_ == "dobj":
            event = c
        if c.dep_ == "prep" and c.lower_ == "over":
            event = next((o for o in c.children if o.dep_ == "pobj"), None)
    if event is None or event.lemma_.lower() not in ("signing", "exchange", "conclusion"):
        return None
    doc_noun = None
    for p in event.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj" and args.doc_or_contained(o) is not None:
                    doc_noun = args.doc_or_contained(o)
    if doc_noun is None or any(
        _is_commercial(c) for c in doc_noun.children if c.dep_ in ("compound", "amod")
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
    if subject is None or _is_commercial(subject, ctx):
        return None
    kind = _doc_kind(doc_noun)
    parties = _parties(ctx, subject)
    if len(parties) < 2:  # "in a joint statement, Brazil agreed to ...": both sides issued it
        pair = ctx.pair_for(verb)
        parties = pair if len(pair) >= 2 else parties
    return Agreement(parties, kind, "agreed", verb, 0.8, "agreement.in_statement")


def _put_out(verb) -> bool:
    """'put out a joint statement': issued it."""
    return verb.lemma_.lower() == "put" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children
    )


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
        else next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    )
    if subject is None and verb.dep_ == "acl":
        # "they set out the results in a communique issued in X": the governing subject
        subject = args.subject_tok(clause_verb(verb.head))
    if _is_commercial(subject, ctx) and not _named_after_comma(subject, ctx):
        return None
    if subject is None and any(c.dep_ == "nsubjpass" for c in verb.children):
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
        for c in verb.children
    ):
        return None  # "subjects where they agree": a shared view, not an agreement
    subject = _subject_tok(verb, ctx)
    parties = _parties(ctx, subject) + ctx.with_parties(verb)
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
        if obj is not None and obj.lower_ in ("it", "them") and ctx.recent_offer(verb):
            obj = None  # "B accepted it with pleasure"
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
        hosts = ctx.people.refs(subject)
        if guests and set(guests) <= set(hosts):
            # "A invited him": a pronoun resolved to the inviter is the other side
            guests = [p for p in ctx.counterparts(hosts[0], verb) if p not in hosts]
        if lemma == "invite" and not guests:
            return None
        if lemma == "extend" and not guests:
            guests = [
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for o in c.children
                if o.dep_ == "pobj"
                for p in ctx.people.refs(o)
            ]
        status = "accepted" if guests and _guest_agrees(verb, guests, ctx) else "proposed"
        return Agreement(
            _parties(ctx, subject) + guests,
            "invitation",
            status,
            verb,
            0.8,
            "agreement.invite",
            infer_counterpart=True,
        )
    return None


ACCEPT_WORDS = {"come", "visit", "accept", "attend", "go", "travel", "take"}
SAY_VERBS = {"say", "reply", "respond", "answer", "promise"}


def _guest_agrees(verb, guests, ctx) -> bool:
    """'A invited B to visit, and B said he would come / B accepted': the guest's yes in
    the same sentence."""
    doc = verb.doc
    surnames = {ctx.people.get(g).name.split()[-1].lower() for g in guests}

    def is_guest(who) -> bool:  # the tagger may take a surname for a common noun
        return who is not None and (
            bool(set(ctx.people.refs(who)) & set(guests)) or who.lower_ in surnames
        )

    end = verb.sent.end
    for _ in range(2):  # the guest's yes may come in the next two sentences
        if end < len(doc):
            end = doc[end].sent.end
    for tok in doc[verb.i + 1 : end]:
        if tok.pos_ != "VERB":
            continue
        if tok.lemma_.lower() == "accept" and not any(c.dep_ == "neg" for c in tok.children):
            if is_guest(args.subject_tok(tok)):
                return True
        if tok.lemma_.lower() in SAY_VERBS and not any(c.dep_ == "neg" for c in tok.children):
            if not is_guest(args.subject_tok(tok)):
                continue
            for comp in tok.children:
                back = comp.lemma_.lower() == "be" and any(
                    c.lower_ in ("back", "there") for c in comp.children
                )  # "replied that he would be back"
                if (
                    comp.dep_ == "ccomp"
                    and (comp.lemma_.lower() in ACCEPT_WORDS or back)
                    and not any(c.dep_ == "neg" for c in comp.children)
                ):
                    return True
    return False


def _accession(verb, ctx):
    if verb.lemma_.lower() not in ("join", "ratify", "commit", "accede"):
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None or _doc_kind(doc_noun) not in ("agreement", "treaty"):
        return None
    subject = _subject_tok(verb, ctx)
    if subject is None or not ctx.people.refs(subject):
        return None
    return Agreement(_parties(ctx, subject), "treaty", "accepted", verb, 0.8, "agreement.accession")


PLEDGE_VERBS = {"promise", "pledge", "announce", "offer", "extend", "provide", "commit", "unveil"}


GIVE_VERBS = {"provide", "give", "offer", "extend", "contribute", "lend", "grant", "send"}


def _pledge(verb, ctx):
    if verb.lemma_.lower() not in PLEDGE_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:  # "announced that Australia would provide 250 million dollars in grants"
        comp = next(
            (
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and c.lemma_.lower() in GIVE_VERBS
                and not any(d.dep_ == "neg" for d in c.children)
            ),
            None,
        )
        if comp is not None:
            obj = next((c for c in comp.children if c.dep_ == "dobj"), None)
    built = None if obj is not None else _built_abroad(verb, ctx)
    obj = obj if built is None else built
    if obj is None:
        return None
    words = {t.lower_ for t in obj.subtree}
    if built is None and not (
        words & AID_WORDS or any(t.ent_type_ == "MONEY" for t in obj.subtree)
    ):
        return None
    subject = _subject_tok(verb, ctx)
    if built is not None and verb.dep_ == "relcl":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    parties = _parties(ctx, subject) + [
        p for t in obj.subtree if t.dep_ == "pobj" for p in ctx.people.refs(t)
    ]
    givers = [p for p in parties if isinstance(p, int)]
    if len(parties) == 1 and givers and not ctx.counterparts(givers[0], verb):
        # no counterpart in the article: the state the help goes to ("for Tonga")
        own = ctx.people.get(givers[0]).country
        parties += [
            ctx.code_at[t.i] for t in obj.subtree if t.i in ctx.code_at and ctx.code_at[t.i] != own
        ][:1]
    if len(parties) == 1 and isinstance(parties[0], str):
        # a state promising: the other state named with what it promises
        scope = list(obj.subtree) + list(verb.subtree)
        parties += [
            ctx.code_at[t.i] for t in scope if t.i in ctx.code_at and ctx.code_at[t.i] != parties[0]
        ][:1]
    return Agreement(
        parties, "pledge", "agreed", verb, 0.8, "agreement.pledge", infer_counterpart=True
    )


#: What one state promises to put up in another ("promised to build a school there").
BUILD_VERBS = {"build", "construct", "fund", "finance", "open", "establish", "rebuild", "equip"}


def _built_abroad(verb, ctx):
    """'a school in X that India has promised to build', 'pledged to build a hospital in
    X': the thing one state promises to build in another state (named in the thing's
    phrase or the clause, not the promiser's own); None otherwise."""
    comp = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in BUILD_VERBS), None
    )
    if comp is None or any(d.dep_ == "neg" for d in comp.children):
        return None
    thing = next((c for c in comp.children if c.dep_ == "dobj"), None)
    if thing is None:  # "a bridge in X that Y has promised to build", 'that' read as a mark
        thing = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    relative = thing is None or thing.lower_ in ("that", "which")
    if relative and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        thing = verb.head  # "a school that India has promised to build"
    elif thing is not None and thing.lower_ in ("that", "which"):
        thing = _before_relative(thing)  # the same, the clause hung on the verb
    if thing is None or thing.lower_ in ("it", "them", "relations", "ties", "trust"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    givers = ctx.parties(subject) if subject is not None else []
    own = {g if isinstance(g, str) else ctx.people.get(g).country for g in givers}
    scope = [*thing.subtree, *comp.subtree]
    foreign = [ctx.code_at[t.i] for t in scope if t.i in ctx.code_at]
    return thing if givers and any(c not in own for c in foreign) else None


def _before_relative(word):
    """The noun phrase a relative 'that' follows (the parser may hang the clause on the
    verb instead): the widest phrase ending right before it."""
    doc = word.doc
    if word.i == 0:
        return None
    tok = doc[word.i - 1]
    while tok.head != tok and tok.head.right_edge.i == word.i - 1 and tok.head.i < word.i:
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


PLEDGE_NOUNS = {"promise", "pledge", "offer", "commitment"}


def _noun_pledge(noun, ctx):
    """'India's promise to build a school in Mongolia', 'Modi's offer of a $1 billion line
    of credit': a state's or leader's promise of help, told as a noun."""
    if noun.lemma_.lower() not in PLEDGE_NOUNS or not noun_asserted(noun):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    givers = ctx.parties(owner)
    if len(givers) != 1:
        return None
    words = {t.lower_ for t in noun.subtree}
    money = any(t.ent_type_ == "MONEY" for t in noun.subtree)
    foreign = [
        ctx.code_at[t.i]
        for t in noun.subtree
        if t.i in ctx.code_at and t.i not in {x.i for x in owner.subtree}
    ]
    own = givers[0] if isinstance(givers[0], str) else ctx.people.get(givers[0]).country
    foreign = [c for c in foreign if c != own]
    if not ((words & AID_WORDS or money) or foreign):
        return None  # "his promise to cut taxes": a promise at home
    parties = givers + [p for t in noun.subtree if t.dep_ == "pobj" for p in ctx.people.refs(t)]
    if len(parties) < 2 and isinstance(givers[0], str) and foreign:
        parties += foreign[:1]
    return Agreement(
        parties, "pledge", "agreed", noun, 0.6, "agreement.pledge_noun", infer_counterpart=True
    )


SETTLE_VERBS = {"reach", "strike", "sign", "seal", "clinch", "conclude", "agree", "broker", "forge"}


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
    parties = _parties(ctx, subject) if subject is not None else []
    doc = next((c for c in comp.children if c.dep_ == "dobj" and _doc_kind(c)), None)
    kind = "deal" if doc is not None else "agreement"  # "failed to agree (on X)": agreement
    return Agreement(
        parties or ctx.pair_for(verb), kind, "failed", verb, 0.75, "agreement.failed_to"
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


TALK_NOUNS = {"talks", "negotiations", "summit", "meeting", "dialogue", "mediation", "process"}


def _talk_parties(noun, ctx) -> list:
    """The sides of 'talks between A and B' / 'their talks' / 'A's mediation'."""
    out = []
    for c in noun.children:
        if c.dep_ == "poss":
            out += ctx.parties(c)
        if c.dep_ == "prep" and c.lower_ in ("between", "with"):
            found = [p for o in c.children if o.dep_ == "pobj" for p in ctx.parties(o)]
            if c.lower_ == "between" and len(found) < 2:
                # "between A and B" parsed with A as a modifier of B: every leader named
                found = list(dict.fromkeys(p for t in c.subtree for p in ctx.people.pids(t)))
            out += found
    return out


def _talks_sides(verb, ctx, preps=("at", "in", "during", "after")) -> list:
    """The sides of the talks a verb happens at ('was struck during the talks between A
    and B', 'put forward a plan in talks with B')."""
    return [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj" and o.lower_ in TALK_NOUNS
        for p in _talk_parties(o, ctx)
    ]


def _none_reached(verb, ctx):
    """'No agreement on X was reached at the talks between A and B', 'no deal was struck':
    a failed negotiation, between the sides of the talks named or the leaders meeting."""
    noun = next(
        (
            c
            for c in verb.children
            if c.dep_ == "nsubjpass"
            and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        ),
        None,
    )
    if noun is None or _doc_kind(noun) in (None, "joint_statement") or args.is_plural(noun):
        return None
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return None  # "no agreement has been reached (yet)": talks still going on
    parties = _talks_sides(verb, ctx)
    kind = "deal" if noun.lemma_.lower() == "deal" else "agreement"
    return Agreement(
        parties or ctx.pair_for(verb), kind, "failed", verb, 0.7, "agreement.none_reached"
    )


def _no_deal(verb):
    """'without a deal', 'without agreement', 'with no deal': the document noun, if any
    (also when the parser hangs it inside the object: 'ended talks with B with no deal')."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in TALK_NOUNS):
        preps += [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in ("with", "without")]
    for prep in preps:
        if prep.lower_ not in ("without", "with"):
            continue
        for o in prep.children:
            if o.dep_ != "pobj" or o.lower_ not in ("deal", "agreement", "accord"):
                continue
            if prep.lower_ == "without" or any(
                d.dep_ == "det" and d.lower_ == "no" for d in o.children
            ):
                return o
    return None


def _failed(verb, ctx):
    lemma = verb.lemma_.lower()
    if lemma not in FAIL_VERBS:
        return None
    if lemma == "fail" and any(c.dep_ == "xcomp" for c in verb.children):
        return _failed_to(verb, ctx)
    subject = _subject_tok(verb, ctx)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    no_deal = _no_deal(verb)
    if no_deal is not None:
        parties = _parties(ctx, subject) if subject is not None else []
        talks = obj if obj is not None and obj.lower_ in TALK_NOUNS else subject
        if talks is not None and not parties:
            parties = _talk_parties(talks, ctx)
        if obj is not None and obj.lower_ in TALK_NOUNS:
            parties += _talk_parties(obj, ctx)
        return Agreement(
            parties or ctx.pair_for(verb), "deal", "failed", verb, 0.8, "agreement.failed"
        )
    # "the negotiations collapsed", "talks broke down", "the talks failed"
    down = lemma != "break" or any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    if lemma in ("collapse", "break", "fail", "founder") and down and obj is None:
        if subject is None or subject.lemma_.lower() not in TALK_NOUNS | {"talk", "negotiation"}:
            return None
        parties = _talk_parties(subject, ctx)
        return Agreement(
            parties or ctx.pair_for(verb), "agreement", "failed", verb, 0.75, "agreement.collapsed"
        )
    return None


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
        and any(a.pos_ == "VERB" and a.lemma_.lower() in REJECT_VERBS for a in verb.ancestors)
    ):
        return None  # "rejected the treaty that A had put forward": the rejection tells it
    if lemma not in PROPOSE_VERBS | SHELVE_VERBS:
        return None
    doc_noun = _object_doc(verb)
    if doc_noun is None:  # "offered B a treaty" parsed with the treaty hung on B
        doc_noun = next(
            (
                d
                for c in verb.children
                if c.dep_ == "dobj" and ctx.people.refs(c)
                for d in c.children
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
        for c in verb.children
        if c.dep_ == "dative" or (c.dep_ == "dobj" and c != doc_noun)  # "offered B a treaty"
        for p in ctx.parties(c)
    ]
    for c in verb.children:  # "proposed a treaty to B"
        if c.dep_ == "prep" and c.lower_ == "to":
            parties += [p for o in c.children if o.dep_ == "pobj" for p in ctx.parties(o)]
    for t in doc_noun.subtree:  # "to B" hung on the document or its subject: leaders only
        if t.dep_ == "prep" and t.lower_ == "to":
            parties += [p for o in t.children if o.dep_ == "pobj" for p in ctx.people.refs(o)]
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:  # "put forward a treaty in talks with B": the other side of the talks
        parties += [p for p in _talks_sides(verb, ctx) if p not in parties]
    if not parties:
        parties = ctx.pair_for(verb)
    return _proposal(parties, verb, 0.7, "agreement.proposed", doc_noun)


def _put_forward(verb) -> bool:
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "forward" for c in verb.children)


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
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for o in c.children
            if o.dep_ == "pobj"
        ]
    elif lemma in ("urge", "press", "push"):
        asked = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    comp = next(
        (
            c
            for c in verb.children
            if (c.dep_ in ("xcomp", "ccomp") or _bare_conj(c)) and c.lemma_.lower() in ASKED_TO
        ),
        None,
    )
    if not asked or comp is None or any(c.dep_ == "neg" for c in comp.children):
        return None
    doc_noun = next(
        (
            c
            for c in comp.children
            if c.dep_ == "dobj" and _doc_kind(c) not in (None, "joint_statement")
        ),
        None,
    )
    subject = _subject_tok(verb, ctx)
    if doc_noun is None or _is_commercial(subject, ctx) or _is_commercial(asked[0], ctx):
        return None
    if any(t.lower_ in BELLIGERENT_WORDS for t in doc_noun.subtree) or any(
        t.dep_ == "prep" and t.lower_ == "with" for t in comp.subtree
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
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
        and any(c.dep_ == "xcomp" for c in root.children)
    )


#: Verbs by which one side puts a document to the other ("a treaty offered by A").
OFFER_VERBS = {"propose", "offer", "suggest", "table", "float", "submit", "present", "draft"}


def _proposer(noun, ctx, scope=None) -> list:
    """Who put a proposal or document forward: 'A's plan', 'a proposal by/from A', 'a
    treaty proposed/offered by A', 'a treaty that A had put forward' (the clause looked
    for within `scope`, the noun's phrase by default)."""
    out = list(ctx.from_party(noun))
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            out += [p for o in c.children if o.dep_ == "pobj" for p in ctx.parties(o)]
    # the clause may hang on the subject ("a treaty on X offered by A"), or on the verb's
    # "on" phrase ("refused to sign the treaty on X that A had proposed")
    subjects = {t.i for c in noun.head.children if c.dep_ == "nsubj" for t in c.subtree}
    for c in (scope if scope is not None else noun).subtree:
        if c.dep_ not in ("acl", "relcl") or c.i in subjects:
            continue
        lemma = c.lemma_.lower()
        if lemma not in OFFER_VERBS and not (lemma == "put" and _put_forward(c)):
            continue
        # "that A had put forward" (read as a relative clause or a participle)
        out += [p for s in c.children if s.dep_ == "nsubj" for p in ctx.parties(s)]
        by = args.agent(c)
        if by is not None:
            out += ctx.parties(by)
    return out


ADVOCATE_VERBS = {"press", "push", "call", "lobby", "argue", "campaign", "urge"}


def _advocated(verb, ctx):
    """'Moon pressed his case for a declaration ending the war', 'called for a treaty on X':
    a document one side proposes."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "case"]
    doc_noun = None
    for h in heads:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                doc_noun = next(
                    (o for o in prep.children if o.dep_ == "pobj" and _doc_kind(o)), doc_noun
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
    if lemma == "turn" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return None
    head = verb
    if lemma in REFUSE_VERBS:  # "B refused to sign the treaty A proposed"
        head = next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in ASKED_TO),
            None,
        )
        if head is None or any(c.dep_ == "neg" for c in head.children):
            return None
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return None  # "squandered the chance by refusing to sign": whose refusal is unsaid
    obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
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
            for c in list(obj.children) + list(verb.children)
            if c.dep_ == "prep" and c.lower_ == "for"
            for o in c.children
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


#: Heads of a to-infinitive that make the agreement an aim, not a fact.
STRIVE_VERBS = {"work", "try", "seek", "strive", "aim", "hope", "struggle", "race", "scramble"}


RULES = (_sign, _oversaw, _issue, _stated, _agree, _invitation, _accession, _pledge, _proposed)


def _asserted(tok) -> bool:
    """`verb_asserted`, reading 'went on to sign' as a signing that happened, and 'urged B
    to declare X and sign Y' as no signing."""
    if _bare_conj(tok):
        return False
    head = tok.head
    purpose = tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )
    if purpose and head.lemma_.lower() in STRIVE_VERBS:
        return False  # "are working to reach agreement on X": not reached yet
    if (
        tok.dep_ == "xcomp"
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
    ):
        return verb_asserted(head)
    return verb_asserted(tok)


def _mention(tok, ctx):
    """The agreement a verb triggers, if its own predicate is asserted diplomacy."""
    if not _asserted(tok):
        return None
    lemma = tok.lemma_.lower()
    if lemma in FAIL_VERBS:
        found = _failed(tok, ctx)
        if found is not None:
            return found
    if lemma in REJECT_VERBS:
        return None if args.negative_subject(tok) else _rejected(tok, ctx)
    if lemma in SETTLE_VERBS and args.negative_subject(tok):
        return _none_reached(tok, ctx)
    doc_noun = _object_doc(tok)
    settles = lemma == "strike" and doc_noun is not None  # "struck a deal" is no attack
    if (is_conflict(tok) and not settles) or args.negative_subject(tok):
        return None
    found = next((a for a in (rule(tok, ctx) for rule in RULES) if a), None)
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
    for n_sent, sent in enumerate(sents):
        if n_sent in listed:
            continue
        items = _listed_documents(sents, n_sent, ctx)
        listed.update(items.skipped)
        for noun, item_sent in items:
            out.append(_item_agreement(noun, item_sent, items.lead, idx))
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in PLEDGE_NOUNS:
                found = _noun_pledge(tok, ctx)
                if found is not None:
                    found.summary = args.pledge_summary(tok)
                    out.append(found)
                continue
            if tok.pos_ != "VERB":
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
                found.summary = args.summary(
                    tok, doc_noun, sent, idx.dateline_end, found.kind, found.status
                )
                out.append(found)
                continue
            docs = args.documents(doc_noun)
            for noun, subject in docs:
                kind = found.kind if noun == doc_noun else (_doc_kind(noun) or found.kind)
                summary = args.summary(
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


BULLETS = {"•", "-", "*", "·", "–", "—", "‣", "▪", "◦"}
LEAD_VERBS = {"sign", "conclude", "ink", "exchange", "include", "seal", "adopt"}


class _Items(list):
    """Listed documents, with the lead-in's Agreement and the sentences they take up."""

    def __init__(self):
        super().__init__()
        self.lead = None
        self.skipped = []


def _listed_documents(sents, n_sent, ctx) -> _Items:
    """'The two governments signed seven documents:' followed by one document per line
    ('• MoU on X', 'an agreement on Y;'): the items' document nouns and sentences."""
    items = _Items()
    sent = sents[n_sent]
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":":
        return items
    verb = next(
        (t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in LEAD_VERBS), None
    )
    if verb is None or not verb_asserted(verb):
        return items
    subject = _subject_tok(verb, ctx)
    if subject is not None and subject.lemma_.lower() in OFFICIALS:
        parties = _official_states(subject, verb, ctx)
    elif subject is not None and _is_commercial(subject, ctx):
        return items
    else:
        parties = _parties(ctx, subject) if subject is not None else []
        if len(parties) < 2 and not ctx.people.refs(subject) if subject is not None else True:
            parties = _countries_of(ctx, ctx.pair_for(verb)) or ctx.pair_for(verb)
    for n_item, item in enumerate(sents[n_sent + 1 : n_sent + 40]):
        toks = [t for t in item if not t.is_space]
        while toks and (toks[0].text in BULLETS or toks[0].like_num or toks[0].text == "."):
            toks = toks[1:]
        if not toks:  # a bullet the splitter left on a line of its own
            items.skipped.append(n_sent + 1 + n_item)
            continue
        while toks and toks[0].pos_ == "DET":
            toks = toks[1:]
        noun = next((t for t in toks[:4] if _doc_kind(t)), None)
        if noun is None or _sentence_not_item(toks, noun):
            break
        items.append((noun, item))
        items.skipped.append(n_sent + 1 + n_item)
    items.lead = Agreement(parties, "agreement", "signed", verb, 0.75, "agreement.listed")
    return items if len(items) >= 2 else _Items()


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _sentence_not_item(toks, noun) -> bool:
    """A sentence that goes on after the list ('Officials signed the agreements ...'),
    not a document's title: it opens with a finite verb, or with a verb before a document
    noun that is not capitalised as a title ('Implementing Arrangement on X' is one)."""
    first = toks[0]
    if first.pos_ != "VERB" or first.dep_ != "ROOT":
        return False
    return first.tag_ in FINITE_TAGS or not noun.text[:1].isupper()


def _item_agreement(noun, item_sent, lead, idx):
    toks = [t for t in item_sent if not t.is_space]
    while toks and (toks[0].text in BULLETS or toks[0].like_num or toks[0].pos_ == "DET"):
        toks = toks[1:]
    text = idx.doc[toks[0].i : toks[-1].i + 1].text if toks else noun.text
    text = " ".join(text.split()).rstrip(";,.").strip()
    if text.endswith(" and"):
        text = text[:-4]
    if len(text) > 160:
        text = text[:157].rsplit(" ", 1)[0] + "..."
    kind = "treaty" if noun.lower_ == "pact" else _doc_kind(noun)
    return replace(
        lead,
        kind=kind,
        trigger=noun,
        summary=text[:1].upper() + text[1:],
        part=f"item{noun.i}",
    )


def is_government_phrase(tok) -> bool:
    return tok is not None and tok.lower_ in GOVERNMENT_NOUNS
