"""Who else is in the room: the article-level context gifts and agreements consult.

`Context` answers "who is X's counterpart here", "which two leaders do 'the
two governments' stand for", and turns an argument phrase into parties
(leaders, or ISO codes when countries, capitals or governments act).
"""

from __future__ import annotations

from collections import Counter

from .blocs import bloc_of
from .countries import soviet
from .lexicon import GOVERNMENT_NOUNS, NUMBER_WORDS, PLURAL_PERSON_NOUNS
from .text import kids, sent_of, span_tokens, subtree

OFFER_WORDS = {"offer", "invitation", "suggestion", "proposal", "invite", "invited", "offered"}


class Context:
    def __init__(self, idx, people, country_mentions, published):
        self.idx = idx
        self.people = people
        self.published = published
        self.meetings = []
        self.code_at = {}
        self.code_counts = Counter(m.code for m in country_mentions if m.code)
        for m in country_mentions:
            for i in range(m.start, m.start + m.length):
                self.code_at[i] = m.code

    # -- meetings ---------------------------------------------------------------
    def meeting_for(self, tok):
        """The meeting mentioned in the token's sentence, else the latest main one before it."""
        sent_no = self.idx.sent_of[tok.i]
        best = None
        for meeting in self.meetings:
            sents = [self.idx.sent_of[m.trigger.i] for m in meeting.mentions]
            if sent_no in sents:
                return meeting
            if not meeting.background and min(sents) <= sent_no and best is None:
                best = meeting
        return best or next((m for m in self.meetings if not m.background), None)

    def pair_for(self, tok) -> list:
        meeting = self.meeting_for(tok)
        if meeting is not None:
            return list(meeting.participants)
        return self.people.salient(tok.i)

    def counterparts(self, pid, tok) -> list:
        """The other side for a leader: the other participant(s) of the current meeting."""
        others = [p for p in self.pair_for(tok) if p != pid]
        if not others:
            others = self.people.salient(tok.i, k=1, exclude=(pid,))
        return others[:1]

    # -- parties ----------------------------------------------------------------
    def parties(self, tok) -> list:
        if tok is None:
            return []
        pids = self._visit_pair(tok) or self.people.refs(tok) or self._group(tok)
        if pids:
            # "A and B signed" misparsed with A as a subject of B
            extra = [p for c in kids(tok) if c.dep_ == "nsubj" for p in self.people.refs(c)]
            return list(dict.fromkeys(extra + pids))
        codes = []
        for t in _conjuncts(tok):
            code = self._code(t)
            members = [] if code else bloc_of(t, self.published)
            if code:
                codes.append(code)
            elif members:  # "the six GCC states": every member state
                codes += members
            elif t.lower_ in GOVERNMENT_NOUNS:
                codes += self._pair_countries(t)
        if not codes:
            codes = self._of_countries(tok)
        return list(dict.fromkeys(codes))

    def _of_countries(self, tok) -> list:
        """'the presidents of A and B', 'the leaders of A, B and C': the countries named,
        when the people themselves are not (two countries or more, else nothing)."""
        if tok.lower_ not in PLURAL_PERSON_NOUNS:
            return []
        codes = []
        for c in kids(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in kids(c):
                    if o.dep_ == "pobj":
                        codes += [self.code_at[t.i] for t in _conjuncts(o) if t.i in self.code_at]
        codes = list(dict.fromkeys(codes))
        if len(codes) < 2:
            return []
        # the leaders of those countries when the article's meeting has one from each
        # (a leader of no known country may stand for the one country left over)
        pair = self.pair_for(tok)
        known = [p for p in pair if self.people.get(p).country in codes]
        unknown = [p for p in pair if self.people.get(p).country is None]
        covered = {self.people.get(p).country for p in known}
        if known and len(covered) == len(known) and len(known) + len(unknown) == len(codes):
            return [p for p in pair if p in known or p in unknown]
        return codes

    def is_party(self, tok) -> bool:
        """Whether a token names a leader or a country acting as a party."""
        return bool(self.people.pids(tok)) or tok.i in self.code_at

    def _visit_pair(self, tok) -> list:
        """'X paid a visit to Y's capital, when the two leaders signed ...': X and the
        leader of the state the sentence names, when 'the two leaders' would otherwise
        be a pair that leaves out X, the one leader the sentence names before them."""
        if tok.lower_ not in ("leaders", "presidents", "men") or not any(
            c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in kids(tok)
        ):
            return []
        sent = self.idx.sent_of[tok.i]
        named = list(
            dict.fromkeys(
                p for i, p in self.people.order if i < tok.i and self.idx.sent_of[i] == sent
            )
        )
        if len(named) != 1 or named[0] in self.people.refs(tok):
            return []
        own = self.people.get(named[0]).country
        codes = [
            self.code_at[t.i]
            for t in span_tokens(sent_of(tok))
            if t.i in self.code_at and t.i < tok.i
        ]
        states = list(dict.fromkeys(c for c in codes if c != own))
        hosts = sorted(
            (p for p in self.people.persons if p.country in states[:1] and p.pid != named[0]),
            key=lambda p: -p.count,
        )
        if not hosts or (len(hosts) > 1 and hosts[0].count == hosts[1].count):
            return []  # the state's leader, the one the article names most
        return [named[0], hosts[0].pid]

    def _group(self, tok) -> list:
        """'the seven leaders', 'the four', 'both men': the current meeting's participants
        (the first n in order of mention when a number is given)."""
        if tok.lower_ in GOVERNMENT_NOUNS or tok.lower_ not in PLURAL_PERSON_NOUNS:
            return []
        n = NUMBER_WORDS.get(tok.lower_)
        for c in kids(tok):
            if c.dep_ in ("nummod", "det", "predet") and c.lower_ in NUMBER_WORDS:
                n = NUMBER_WORDS[c.lower_]
        meeting = self.meeting_for(tok)
        pids = list(meeting.participants) if meeting is not None else []
        if n and len(pids) >= n:
            return pids[:n]
        return pids if not n and len(pids) > 2 else []

    def _code(self, tok):
        if tok.i in self.code_at:
            return self.code_at[tok.i]
        for c in kids(tok):
            if (
                c.dep_ in ("compound", "poss", "amod")
                and c.i in self.code_at
                and tok.lower_ in GOVERNMENT_NOUNS
            ):
                return self.code_at[c.i]
        if tok.lower_ in GOVERNMENT_NOUNS:  # "the Government of X"
            for c in kids(tok):
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in kids(c):
                        if o.dep_ == "pobj" and o.i in self.code_at:
                            return self.code_at[o.i]
        return None

    def _pair_countries(self, tok) -> list:
        """The countries of the current meeting's leaders; a leader without a known
        country is taken to be from the article's most-mentioned other country."""
        pair = self.pair_for(tok)
        codes = [self.people.get(p).country for p in pair]
        codes = [c for c in codes if c]
        for code, _ in self.code_counts.most_common():
            if len(codes) >= len(pair):
                break
            if code not in codes:
                codes.append(code)
        return [soviet(c, self.published) for c in codes]

    def with_parties(self, verb, doc_noun=None) -> list:
        """Parties in a "with" phrase of the verb, or of its document ("signed a treaty with
        Y", which the parser often hangs on the noun)."""
        out = []
        heads = [verb] if doc_noun is None else [verb, doc_noun]
        for h in heads:
            for c in kids(h):
                if c.dep_ != "prep" or c.lower_ != "with":
                    continue
                for o in kids(c):  # "as their host" hangs off the person or the verb
                    if o.dep_ == "pobj" and not _as_host(o) and not _as_host(h):
                        out += self.parties(o)
        return out

    def from_party(self, noun) -> list:
        out = []
        for c in kids(noun):
            if c.dep_ == "poss":
                out += self.people.refs(c)
            if c.dep_ == "prep" and c.lower_ == "from":
                for o in kids(c):
                    if o.dep_ == "pobj":
                        out += self.people.refs(o)
        return out

    def recent_offer(self, verb) -> bool:
        sent_no = self.idx.sent_of[verb.i]
        for s in self.idx.sents[max(self.idx.headline_sents, sent_no - 2) : sent_no + 1]:
            if any(t.lower_ in OFFER_WORDS for t in s if t.i != verb.i):
                return True
        return False

    def complete_parties(self, agreement) -> list:
        """Parties with a missing side filled in (the host of 'an invitation to visit X',
        else the counterpart), as pids or ISO codes, without duplicates."""
        parties = list(dict.fromkeys(agreement.parties))
        pids = [p for p in parties if isinstance(p, int)]
        if agreement.infer_counterpart and len(parties) == 1 and pids:
            dest = self._destination_leader(agreement.trigger, pids[0])
            if dest is None:
                dest = self._outsider_partner(pids[0], agreement.trigger)
            parties += [dest] if dest is not None else self.counterparts(pids[0], agreement.trigger)
        parties = [soviet(p, self.published) if isinstance(p, str) else p for p in parties]
        return list(dict.fromkeys(parties))

    def _outsider_partner(self, pid, tok):
        """A leader outside the meeting at hand ('Y, meanwhile, met Z and pledged ...')
        deals with the person named beside them in the sentence, not with the meeting's."""
        meeting = self.meeting_for(tok)
        if meeting is None or pid in meeting.participants:
            return None
        sent = self.idx.sent_of[tok.i]
        near = [p for i, p in self.people.order if p != pid and self.idx.sent_of[i] == sent]
        if not near:
            # "... gave Modi a horse. ... Modi offered his host a line of credit": the
            # foreign leader last named with them in the two sentences before
            own = self.people.get(pid).country
            near = [
                p
                for i, p in self.people.order
                if p != pid
                and i < tok.i
                and 0 < sent - self.idx.sent_of[i] <= 2
                and own is not None
                and self.people.get(p).country not in (None, own)
            ][-1:]
        return near[0] if near else None

    def _destination_leader(self, verb, exclude):
        """A leader of a state named in the clause ('an invitation to visit X'); not of
        the acting leader's own state ('offered a $1 billion Indian credit line')."""
        own = self.people.get(exclude).country
        codes = [self.code_at[t.i] for t in subtree(verb) if t.i in self.code_at]
        codes = [c for c in codes if c != own]
        for code in codes:
            for person in self.people.persons:
                if person.country == code and person.pid != exclude and person.count > 1:
                    return person.pid
        return None


def _as_host(tok) -> bool:
    """'with President Z as their host / as a witness': Z presides, Z is not a party."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(o.lower_ in ("host", "witness", "hosts", "witnesses") for o in kids(c))
        for c in kids(tok)
    )


def _conjuncts(tok) -> list:
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in kids(t) if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)
