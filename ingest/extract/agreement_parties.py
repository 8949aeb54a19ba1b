"""Who an agreement binds: the record an agreement rule returns, and the helpers that
turn a trigger's subject into parties (leaders, or ISO codes when governments, blocs,
capitals or officials act), with the tests for firms and older signings."""

from __future__ import annotations

from dataclasses import dataclass

from . import agreement_args as args
from .agreement_args import doc_kind as _doc_kind
from .blocs import bloc_of
from .lexicon import NUMBER_WORDS, ORG_HEADS
from .tags import PROPN
from .text import kids, subtree


@dataclass(slots=True)
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
        subs = [c for c in kids(verb) if c.dep_ == "nsubj" and c.i < verb.i]
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
        dash = next((t.i for t in subtree(subject) if t.text in ("-", "—", "–", "--", ":")), None)
        if dash is not None:
            after = [t for t in subtree(subject) if t.i > dash]
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
        for c in kids(subject.head):
            if c.dep_ == "nsubj" and c != subject and ctx.people.refs(c):
                out = out + [p for p in ctx.people.refs(c) if p not in out]
    if out and ctx.people.refs(subject):
        # "A and B's then prime minister, C": a leader named in apposition; "A and B"
        # parsed with A as a modifier of B
        for t in subtree(subject):
            if t.dep_ == "appos" or (
                t.dep_ in ("nmod", "compound")
                and any(c.dep_ == "cc" and c.lower_ == "and" for c in kids(t))
            ):
                out = out + [p for p in ctx.people.refs(t) if p not in out]
    if out and subject is not None and subject.tag_ == "NNS":
        # "the presidents of Armenia and Azerbaijan": only those states' leaders, not the
        # host who brought them together
        states = [
            ctx.code_at[t.i]
            for c in kids(subject)
            if c.dep_ == "prep" and c.lower_ == "of"
            for t in subtree(c)
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
        prime = any(c.lower_ == "prime" for c in kids(subject))
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
    comma = next((t.i for t in subtree(subject) if t.text == ","), None)
    if comma is None:
        return []
    named = [p for t in subtree(subject) if t.i > comma for p in ctx.people.refs(t)]
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
            for c in kids(subject)
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
        or (tok.ent_type_ == "ORG" and tok.pos == PROPN)
        # "business leaders", "company executives": people who sign for firms
        or any(c.dep_ == "compound" and c.lower_ in ORG_HEADS for c in kids(tok))
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
    for c in kids(subject):
        if c.dep_ == "poss":
            inner.append(c)
        if c.dep_ == "prep":
            inner += [x for x in kids(c) if x.dep_ == "pobj"]
    # "ministers of the GCC countries and Niger" parsed with Niger joined to the ministers
    joined = [ctx.code_at[c.i] for c in kids(subject) if c.dep_ == "conj" and c.i in ctx.code_at]
    for o in inner:
        found = ctx.parties(o)
        found += [c for c in joined if c not in found]
        if len(found) >= 2:
            return _countries_of(ctx, found) or found
    codes = list(dict.fromkeys(ctx.code_at[t.i] for t in subtree(subject) if t.i in ctx.code_at))
    if len(codes) >= 2:  # "of Greece and the former Yugoslav republic of Macedonia"
        return codes
    return _countries_of(ctx, ctx.pair_for(verb))


def _dated(verb) -> bool:
    """'the 1974 treaty was signed', 'was signed in 1990': a year names an older signing."""
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() for t in subtree(verb))


def _company_document(doc_noun, ctx) -> bool:
    """'an Aramco supply deal': a company's document; not 'the Pyongyang Joint Declaration',
    whose place name the tagger may take for an organisation."""
    if doc_noun.pos == PROPN:
        return False
    return any(
        _is_commercial(c, ctx)
        for c in kids(doc_noun)
        if c.dep_ == "compound" and c.ent_type_ not in ("GPE", "LOC", "NORP")
    ) or any(c.dep_ == "amod" and c.lower_ in COMMERCIAL_MODIFIERS for c in kids(doc_noun))


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
