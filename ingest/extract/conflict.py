"""Is a trigger asserted as a fact that happened, and is it conflict rather than diplomacy?

News mixes what happened with what is planned, hoped, denied or feared.  A
trigger (verb or event noun) counts only when it is not negated, not under a
modal or a future/intent verb ("is expected to meet", "will visit", "plans
to sign", "is due in Moscow for a summit"), not conditional, and not a
planned/cancelled/future event noun.  Conflict predicates (threats, demands,
rejections, warnings) never yield a gift or an agreement.
"""

from __future__ import annotations

from .dates import mentions_future
from .tags import ADJ, AUX, NOUN, PROPN, VERB
from .text import kids, span_tokens, subtree

MODALS = {
    "will",
    "would",
    "could",
    "might",
    "may",
    "should",
    "shall",
    "can",
    "must",
    "'ll",
    "wo",
    "ca",
}
INTENT_HEADS = {
    "expect",
    "hop",  # the lemmatiser's reading of "hoped"
    "plan",
    "hope",
    "want",
    "intend",
    "aim",
    "seek",
    "try",
    "wish",
    "prepare",
    "propose",
    "offer",
    "schedule",
    "set",
    "due",
    "likely",
    "go",
    "refuse",
    "decline",
    "fail",
    "cancel",
    "postpone",
    "threaten",
    "consider",
    "ask",
    "urge",
    "invite",
    "call",
    "push",
    "press",
    "demand",
    "like",
    "able",
    "ready",
    "willing",
    "eager",
    "keen",
    "unable",
    "need",
    "decide",
    "agree",
    "promise",
    "pledge",
    "vow",
    "suggest",
}
# "was supposed to have joined them", "was meant to attend": what should have happened (a
# that-clause, "this means that they met", is told as a fact).
DUTY_HEADS = {"suppose", "mean"}
# Nouns whose infinitive or that-clause is not a fact: "had no plans to meet", "an
# invitation to visit", "denied reports that he had met".
UNREAL_NOUNS = {
    "plan",
    "hope",
    "intention",
    "bid",
    "offer",
    "invitation",
    "proposal",
    "request",
    "desire",
    "wish",
    "willingness",
    "readiness",
    "refusal",
    "attempt",
    "effort",
    "need",
    "idea",
    "report",
    "claim",
    "rumour",
    "rumor",
    "speculation",
    "allegation",
    "suggestion",
    "promise",
    "pledge",
    "appeal",
    "demand",
    "threat",
    "prospect",
    "possibility",
}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
EVENT_MODIFIERS_NOT_HELD = {
    "future",
    "planned",
    "proposed",
    "possible",
    "potential",
    "next",
    "upcoming",
    "expected",
    "hypothetical",
    "cancelled",
    "canceled",
    "postponed",
    "mooted",
    "prospective",
    "further",
    "follow-up",
    "new",
}
CONFLICT_LEMMAS = {
    "threaten",
    "warn",
    "protest",
    "fight",
    "attack",
    "sanction",
    "demand",
    "reject",
    "refuse",
    "condemn",
    "accuse",
    "deny",
    "criticise",
    "criticize",
    "strike",
    "clash",
    "invade",
    "kill",
    "bomb",
    "shell",
    "denounce",
    "rebuff",
    "dispute",
    "retaliate",
    "expel",
    "boycott",
    "blame",
    "oppose",
    "veto",
}
CONDITIONAL_MARKS = {"if", "unless", "whether", "until", "once"}


def _clause_verb(tok):
    """The verb whose clause a token sits in (the token itself if it is a verb)."""
    head = tok
    while head.pos not in (VERB, AUX) and head.dep_ != "ROOT":
        head = head.head
    return head


def _negated(verb) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in ("never",) and c.dep_ == "advmod") for c in kids(verb)
    )


def _modal(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids(verb))


def _conditional(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids(verb))


def _future_time(verb) -> bool:
    for child in kids(verb):
        if child.dep_ in ("npadvmod", "prep", "advmod") and child.ent_type_ in ("DATE", "TIME", ""):
            text = " ".join(t.lower_ for t in subtree(child))
            if child.dep_ == "prep" and child.lower_ not in ("in", "on", "at"):
                continue
            if mentions_future(text) and len(text) < 40 and not _next_in_the_past(verb, text):
                return True
    return False


def _next_in_the_past(verb, text: str) -> bool:
    """'flew in the next day': a day after the story's events, told in the past tense."""
    return verb.tag_ == "VBD" and "the next" in text


def _is_to_be(verb) -> bool:
    """'Moon is to visit Pyongyang': be + to-infinitive means a plan."""
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def _went_on(head) -> bool:
    """'went on to sign': the next thing done, not an intent ('is going to sign')."""
    return head.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in kids(head))


def _when_clause(verb) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "when" for c in kids(verb))


_ASSERTED_KEY = "summitry.asserted"


def verb_asserted(verb) -> bool:
    """Whether a verb reports something that happened (see module docstring). Read once
    per verb and Doc: it reads the parse alone, and several stages ask of the same verb."""
    if verb is None:
        return True
    memo = verb.doc.user_data.setdefault(_ASSERTED_KEY, {})
    found = memo.get(verb.i)
    if found is None:
        found = memo[verb.i] = _verb_asserted(verb)
    return found


def _verb_asserted(verb) -> bool:
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        if (
            _negated(verb)
            or _modal(verb)
            or _conditional(verb)
            or _future_time(verb)
            or _is_to_be(verb)
        ):
            return False
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in INTENT_HEADS:
            if not _went_on(verb.head):
                return False
        if verb.dep_ == "xcomp" and verb.head.lemma_ in DUTY_HEADS:
            return False
        if verb.dep_ == "xcomp" and verb.head.pos == ADJ and verb.head.lemma_ in INTENT_HEADS:
            return False
        if verb.dep_ in ("acl", "ccomp") and verb.head.lemma_.lower() in UNREAL_NOUNS:
            if verb.head.pos == NOUN:
                return False
        if verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb)):
            return True  # a coordinated clause with its own subject stands on its own
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head != verb:
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in kids(verb)):
                return True
            if verb.dep_ == "advcl" and verb.tag_ == "VBD" and _when_clause(verb):
                return True  # "(set targets) when X visited Y": the past time clause holds
            verb = verb.head
            if verb.pos not in (VERB, AUX, ADJ):
                verb = verb.head if verb.dep_ == "prep" else None
            continue
        return True
    return True


# Verbs that make their event noun a plan, not a held event: "the summit had been scheduled
# for Wednesday", "called off the meeting", "the talks were delayed".
NOT_HELD_VERBS = {
    "cancel",
    "postpone",
    "plan",
    "propose",
    "seek",
    "expect",
    "call",
    "invite",
    "want",
    "hope",
    "schedule",
    "slate",
    "delay",
    "shelve",
    "scrap",
    "reschedule",
    "suspend",
    "skip",
    "miss",
    "shun",
    "snub",
    "avoid",
}
# "were absent from the summit", "conspicuous by their absence at the summit": not there.
ABSENCE_WORDS = {"absent", "absence", "missing"}


def _under_unreal_noun(noun) -> bool:
    """'no plans for a meeting', 'an invitation to the summit', 'reports of talks': the event
    noun is the content of a plan, an invitation or a report, not a held event."""
    tok = noun
    for _ in range(3):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return False
        owner = tok.head.head
        if owner.pos == NOUN and owner.lemma_.lower() in UNREAL_NOUNS:
            return True
        tok = owner
    return False


def absent_from(noun) -> bool:
    """'X and Y were absent from the summit', 'conspicuous by their absence at the summit'."""
    return _absent(noun, _clause_verb(noun))


def _absent(noun, verb) -> bool:
    words = [t for t in subtree(verb) if t.i < noun.i and t.lower_ in ABSENCE_WORDS]
    above = set(noun.ancestors)
    return any(t in above or t.head == verb or t.head.head == verb for t in words)


def noun_asserted(noun) -> bool:
    """Whether an event noun ('talks', 'visit', 'joint statement') reports something held."""
    for child in kids(noun):
        if child.dep_ in ("amod", "compound") and child.lower_ in EVENT_MODIFIERS_NOT_HELD:
            return False
        if child.dep_ == "det" and child.lower_ in ("no", "any"):
            return False
    if _under_unreal_noun(noun):
        return False
    verb = _clause_verb(noun)
    if verb == noun:
        return True
    if verb.lemma_ in NOT_HELD_VERBS and not _setting_of(noun, verb) or _absent(noun, verb):
        return False
    return verb_asserted(verb)


# Prepositions that set a clause in an event already under way ('in the meeting with X,
# Y sought support', 'during the talks, Y called for calm'): the clause's verb does not
# govern the event, so 'sought' or 'called' do not make it one not (yet) held.
SETTING_PREPS = {"in", "during", "at", "after", "following", "throughout"}


def _setting_of(noun, verb) -> bool:
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in SETTING_PREPS
        and prep.head == verb
    )


def is_conflict(tok) -> bool:
    """True when the fact's own predicate is conflict: the trigger verb (or the verb of a
    trigger noun's clause) is a conflict predicate, or is the complement of one
    ("threatened to walk out", "warned that he would sign").  Cues elsewhere in the
    sentence ("talks ended without a deal despite demands") do not count, and a
    coordinated clause ("rejected X and signed Y") is judged on its own verb."""
    verb = tok if tok.pos in (VERB, AUX) else _clause_verb(tok)
    for _ in range(3):
        if verb.lemma_.lower() in CONFLICT_LEMMAS:
            return True
        if verb.dep_ in ("xcomp", "ccomp") and verb.head != verb:
            verb = verb.head
        else:
            break
    return False


def body_sents(idx) -> list:
    """Body sentences (not the headline) that gifts and agreements read; conflict is
    judged per predicate with `is_conflict`, not per sentence."""
    return idx.sents[idx.headline_sents :]


def clause_verb(tok):
    return _clause_verb(tok)


SENTENCE_CUES = {
    "threaten",
    "threat",
    "protest",
    "fight",
    "attack",
    "sanction",
    "demand",
    "reject",
    "rejection",
    "warn",
    "warning",
    "condemn",
    "strike",
    "shell",
    "invade",
    "invasion",
    "clash",
    "fighting",
    "sanctions",
    "demands",
    "warnings",
    "threats",
    "protests",
}
_DEAL_WORDS = {
    "deal",
    "agreement",
    "accord",
    "bargain",
    "compromise",
    "balance",
    "chord",
    "note",
    "tone",
    "pose",
}


def sentence_reports_conflict(sent) -> bool:
    """True when a sentence reports conflict (threats, protests, fighting, sanctions,
    demands, rejections, warnings, condemnation, strikes, invasions, clashes).
    No fact is taken from such a sentence.  "Strike a deal" is not conflict."""
    return any(_reports_conflict(tok) for tok in span_tokens(sent))


def conflict_sentences(idx) -> set:
    """The numbers of the index's sentences that report conflict
    (`sentence_reports_conflict`), found from the cue words' places in the Doc."""
    from .text import lemma_positions, lower_positions

    by_lemma, by_lower = lemma_positions(idx.doc), lower_positions(idx.doc)
    cues = {i for word in SENTENCE_CUES for i in by_lemma.get(word, ())}
    cues.update(i for word in SENTENCE_CUES for i in by_lower.get(word, ()))
    found = set()
    for i in cues:
        n = idx.sent_of[i]
        if n in found or n >= len(idx.sents):
            continue
        sent = idx.sents[n]
        if sent.start <= i < sent.end and _reports_conflict(idx.doc[i]):
            found.add(n)
    return found


def _reports_conflict(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma not in SENTENCE_CUES and tok.lower_ not in SENTENCE_CUES:
        return False
    if lemma == "strike" and any(t.lower_ in _DEAL_WORDS for t in tok.doc[tok.i + 1 : tok.i + 4]):
        return False
    return not (lemma == "shell" and tok.text[0].isupper() and tok.pos == PROPN)
