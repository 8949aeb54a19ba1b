"""Invitations (made, accepted), accessions to a treaty, and pledges of help told with
a verb ('announced more money for X', 'promised to build a school in X') or a noun
('India's promise to build ...')."""

from __future__ import annotations

from . import agreement_args as args
from .agreement_args import doc_kind as _doc_kind
from .agreement_args import object_doc as _object_doc
from .agreement_parties import (
    Agreement,
    _parties,
    _subject_tok,
)
from .conflict import noun_asserted
from .tags import NOUN, PRON, PROPN, VERB
from .text import kids, sent_of, subtree

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


def _invitation(verb, ctx):
    lemma = verb.lemma_.lower()
    if lemma == "accept":
        if verb.dep_ == "relcl" and any(a.lemma_.lower() == "invite" for a in verb.ancestors):
            return None  # "A invited him to X, an invitation B accepted": told by 'invite'
        obj = next((c for c in kids(verb) if c.dep_ == "dobj"), None)
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
            c.dep_ == "dobj" and c.lower_ == "invitation" for c in kids(verb)
        ):
            return None
        subject = _subject_tok(verb, ctx)
        guests = [p for c in kids(verb) if c.dep_ == "dobj" for p in ctx.people.refs(c)]
        if not ctx.people.refs(subject) if subject is not None else True:
            return None
        hosts = ctx.people.refs(subject)
        named = _answering_guest(verb, hosts, ctx)
        if named is not None and any(c.dep_ == "dobj" and c.pos == PRON for c in kids(verb)):
            guests = [named]  # "A invited him to X, an invitation B said he would take up"
        if guests and set(guests) <= set(hosts):
            # "A invited him": a pronoun resolved to the inviter is the other side
            guests = [p for p in ctx.counterparts(hosts[0], verb) if p not in hosts]
        if lemma == "invite" and not guests:
            return None
        if lemma == "extend" and not guests:
            guests = [
                p
                for c in kids(verb)
                if c.dep_ == "prep" and c.lower_ == "to"
                for o in kids(c)
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


def _answering_guest(verb, hosts, ctx):
    """The leader who answers an invitation later in its sentence ('an invitation B said
    he would take up', 'which B accepted'): the guest a pronoun object stands for."""
    for tok in verb.doc[verb.i + 1 : sent_of(verb).end]:
        if tok.pos != VERB or tok.lemma_.lower() not in SAY_VERBS | {"accept"}:
            continue
        subject = args.subject_tok(tok)
        if subject is None:
            continue
        who = [p for p in ctx.people.refs(subject) if p not in hosts]
        if len(who) == 1:
            return who[0]
    return None


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

    end = sent_of(verb).end
    for _ in range(2):  # the guest's yes may come in the next two sentences
        if end < len(doc):
            end = sent_of(doc[end]).end
    for tok in doc[verb.i + 1 : end]:
        if tok.pos != VERB:
            continue
        if tok.lemma_.lower() == "accept" and not any(c.dep_ == "neg" for c in kids(tok)):
            if is_guest(args.subject_tok(tok)):
                return True
        if tok.lemma_.lower() in SAY_VERBS and not any(c.dep_ == "neg" for c in kids(tok)):
            if not is_guest(args.subject_tok(tok)):
                continue
            for comp in kids(tok):
                back = comp.lemma_.lower() == "be" and any(
                    c.lower_ in ("back", "there") for c in kids(comp)
                )  # "replied that he would be back"
                if (
                    comp.dep_ == "ccomp"
                    and (comp.lemma_.lower() in ACCEPT_WORDS or back)
                    and not any(c.dep_ == "neg" for c in kids(comp))
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
    obj = next((c for c in kids(verb) if c.dep_ == "dobj"), None)
    if obj is None:  # "announced that Australia would provide 250 million dollars in grants"
        comp = next(
            (
                c
                for c in kids(verb)
                if c.dep_ == "ccomp"
                and c.lemma_.lower() in GIVE_VERBS
                and not any(d.dep_ == "neg" for d in kids(c))
            ),
            None,
        )
        if comp is not None:
            obj = next((c for c in kids(comp) if c.dep_ == "dobj"), None)
    if obj is None:
        invested = _keeps_investing(verb, ctx)
        if invested is not None:
            return invested
    built = None if obj is not None else _built_abroad(verb, ctx)
    obj = obj if built is None else built
    if obj is None:
        return None
    words = {t.lower_ for t in subtree(obj)}
    if built is None and not (
        words & AID_WORDS or any(t.ent_type_ == "MONEY" for t in subtree(obj))
    ):
        return None
    subject = _subject_tok(verb, ctx)
    if built is not None and verb.dep_ == "relcl":
        subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    parties = _parties(ctx, subject) + [
        p for t in subtree(obj) if t.dep_ == "pobj" for p in ctx.people.refs(t)
    ]
    givers = [p for p in parties if isinstance(p, int)]
    if len(parties) == 1 and givers and not ctx.counterparts(givers[0], verb):
        # no counterpart in the article: the state the help goes to ("for Tonga")
        own = ctx.people.get(givers[0]).country
        parties += [
            ctx.code_at[t.i] for t in subtree(obj) if t.i in ctx.code_at and ctx.code_at[t.i] != own
        ][:1]
    if len(parties) == 1 and isinstance(parties[0], str):
        # a state promising: the other state named with what it promises
        scope = list(subtree(obj)) + list(subtree(verb))
        parties += [
            ctx.code_at[t.i] for t in scope if t.i in ctx.code_at and ctx.code_at[t.i] != parties[0]
        ][:1]
    return Agreement(
        parties, "pledge", "agreed", verb, 0.8, "agreement.pledge", infer_counterpart=True
    )


#: Help a state promises to go on giving ("will keep investing in X", "will invest in X").
INVEST_VERBS = {"invest", "fund", "finance", "support", "help", "aid", "assist", "back"}


#: Verbs of telling that carry a promise when the clause they report says "will".
ASSURE_VERBS = {"tell", "assure", "reassure"}


def _helps(verb) -> bool:
    """'invest', 'support', or handing help over ('put money into', 'send weapons')."""
    lemma = verb.lemma_.lower()
    return lemma in INVEST_VERBS or (
        lemma in GIVE_VERBS | {"put", "pour", "pump", "channel"}
        and any(c.dep_ == "dobj" and c.lower_ in AID_WORDS for c in kids(verb))
    )


def _assured(verb, ctx):
    """'X told the leaders the US would keep putting money into the corridor'."""
    if verb.lemma_.lower() not in ASSURE_VERBS:
        return None
    return _keeps_investing(verb, ctx)


def _keeps_investing(verb, ctx):
    """'X promised that the US will keep investing in the corridor': a state promising
    help, told as a clause with the state as its subject; the parties are the promiser
    and the meeting's other leaders."""
    comp = next((c for c in kids(verb) if c.dep_ == "ccomp"), None)
    if comp is None or any(d.dep_ == "neg" for d in kids(comp)):
        return None
    help_verb = comp
    if comp.lemma_.lower() in ("keep", "continue"):
        help_verb = next((c for c in kids(comp) if c.dep_ in ("xcomp", "ccomp")), None)
    if help_verb is None or not _helps(help_verb):
        return None
    if verb.lemma_.lower() in ASSURE_VERBS and not any(
        d.dep_ == "aux" and d.lower_ in ("will", "would", "'ll") for d in kids(comp)
    ):
        return None  # "told them the US had invested ...": a report, no promise
    if any(d.dep_ == "neg" for d in kids(help_verb)):
        return None
    state = next((c for c in kids(comp) if c.dep_ == "nsubj"), None)
    if state is None:  # "told his host Sweden would keep ...": the state read as apposition
        state = next(
            (a for d in kids(verb) if d.dep_ in ("dobj", "dative")
             for a in kids(d) if a.dep_ == "appos" and a.i > d.i and a.i < comp.i),
            comp,
        )  # fmt: skip
    codes = list(dict.fromkeys(ctx.code_at[t.i] for t in subtree(state) if t.i in ctx.code_at))
    codes = codes if state is not comp else []
    givers = _parties(ctx, _subject_tok(verb, ctx))
    leaders = [g for g in givers if isinstance(g, int)]
    if len(codes) != 1 or len(leaders) != 1 or ctx.people.get(leaders[0]).country != codes[0]:
        return None  # only a leader promising for their own state
    scope = [t for t in subtree(help_verb) if t.i > help_verb.i]
    if any(ctx.code_at.get(t.i) == codes[0] or t.lower_ == "own" for t in scope):
        return None  # "will keep investing in French schools", "in its own farms": at home
    others = [p for p in ctx.pair_for(verb) if p != leaders[0]]
    if not others:
        return None  # a promise at home
    return Agreement(leaders + others, "pledge", "agreed", verb, 0.7, "agreement.pledge_clause")


#: What one state promises to put up in another ("promised to build a school there").
BUILD_VERBS = {"build", "construct", "fund", "finance", "open", "establish", "rebuild", "equip"}


def _built_abroad(verb, ctx):
    """'a school in X that India has promised to build', 'pledged to build a hospital in
    X': the thing one state promises to build in another state (named in the thing's
    phrase or the clause, not the promiser's own); None otherwise."""
    comp = next(
        (c for c in kids(verb) if c.dep_ == "xcomp" and c.lemma_.lower() in BUILD_VERBS), None
    )
    if comp is None or any(d.dep_ == "neg" for d in kids(comp)):
        return None
    thing = next((c for c in kids(comp) if c.dep_ == "dobj"), None)
    if thing is None:  # "a bridge in X that Y has promised to build", 'that' read as a mark
        thing = next((c for c in kids(verb) if c.dep_ == "mark" and c.lower_ == "that"), None)
    relative = thing is None or thing.lower_ in ("that", "which")
    if relative and verb.dep_ == "relcl" and verb.head.pos in (NOUN, PROPN):
        thing = verb.head  # "a school that India has promised to build"
    elif thing is not None and thing.lower_ in ("that", "which"):
        thing = _before_relative(thing)  # the same, the clause hung on the verb
    if thing is None or thing.lower_ in ("it", "them", "relations", "ties", "trust"):
        return None
    subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    givers = ctx.parties(subject) if subject is not None else []
    own = {g if isinstance(g, str) else ctx.people.get(g).country for g in givers}
    scope = [*subtree(thing), *subtree(comp)]
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
    return tok if tok.pos in (NOUN, PROPN) else None


PLEDGE_NOUNS = {"promise", "pledge", "offer", "commitment"}


def _noun_pledge(noun, ctx):
    """'India's promise to build a school in Mongolia', 'Modi's offer of a $1 billion line
    of credit': a state's or leader's promise of help, told as a noun."""
    if noun.lemma_.lower() not in PLEDGE_NOUNS or not noun_asserted(noun):
        return None
    owner = next((c for c in kids(noun) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    givers = ctx.parties(owner)
    if len(givers) != 1:
        return None
    words = {t.lower_ for t in subtree(noun)}
    money = any(t.ent_type_ == "MONEY" for t in subtree(noun))
    foreign = [
        ctx.code_at[t.i]
        for t in subtree(noun)
        if t.i in ctx.code_at and t.i not in {x.i for x in subtree(owner)}
    ]
    own = givers[0] if isinstance(givers[0], str) else ctx.people.get(givers[0]).country
    foreign = [c for c in foreign if c != own]
    if not ((words & AID_WORDS or money) or foreign):
        return None  # "his promise to cut taxes": a promise at home
    parties = givers + [p for t in subtree(noun) if t.dep_ == "pobj" for p in ctx.people.refs(t)]
    if len(parties) < 2 and isinstance(givers[0], str) and foreign:
        parties += foreign[:1]
    return Agreement(
        parties, "pledge", "agreed", noun, 0.6, "agreement.pledge_noun", infer_counterpart=True
    )
