"""Who takes part in a meeting mention: the persons a trigger's subject, objects and
'by' phrases name, with the coordinations and lists the parser breaks, and the spouses
who are company rather than parties."""

from __future__ import annotations

from .companions import group_leader
from .countries import code_for
from .lexicon import TITLES
from .meeting_time import verb_above
from .names import is_private
from .tags import ADJ, ADP, AUX, NOUN, NUM, PRON, PROPN, VERB
from .text import hyphenated, kids, sent_of, span_tokens, subtree

TITLE_WORDS = {w for t in TITLES for w in t.replace("-", " ").split()} - {"of", "state"}


def _subjects(verb, people) -> list:
    """Persons who are the subject of a verb, inherited through xcomp/conj/advcl."""
    for step in range(4):
        # "X was received by Y and then held talks with Z": X is the conjoined verb's subject.
        deps = ("nsubj",) if step == 0 else ("nsubj", "nsubjpass")
        subs = [c for c in kids(verb) if c.dep_ in deps]
        if subs:
            out = []
            for s in subs:
                if s.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    out += _antecedent(s, verb, people)  # "X, who met Y in Brno"
                    continue
                out += _refs(s, people) or group_leader(s, people)
            if len(set(out)) == 1 and len(subs) == 1:
                out += _coordinated_left(subs[0], people)
            return list(dict.fromkeys(out))
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and verb.head != verb:
            verb = verb.head if verb.head.pos in (VERB, AUX) else verb.head.head
            if verb.dep_ in ("npadvmod", "appos") and verb.pos == NOUN:
                # "X arrived on Monday, a day after holding talks with Y"
                verb = verb_above(verb) or verb
        else:
            break
    return _names_before(verb, people) if verb.dep_ == "ROOT" else []


def _refs(tok, people) -> list:
    """Persons an argument names, with the coordinations the parser hangs elsewhere."""
    out = people.refs(tok) + _title_conjuncts(tok, people) + _of_conjuncts(tok, people)
    out = _misread_possessor(tok, people) + out
    if out:
        out += _name_list(tok, people)
    return list(dict.fromkeys(out))


def _list_material(t, people) -> bool:
    """A token that may stand inside a list of titled names: a name, a title or a
    demonym word, a comma, 'and', or a hyphen inside a word ('Ni-Vanuatu')."""
    if people.pids(t) or t.pos == PROPN or t.lower_ in ("and", ","):
        return t.ent_type_ not in ("DATE", "TIME") or bool(people.pids(t))
    if t.pos == ADJ and (t.ent_type_ == "NORP" or t.is_title):
        return True
    if t.tag_ == "POS" and t.i > 0 and t.doc[t.i - 1].pos == PROPN:
        return True  # "and Tanzania's Vice President X": a country's possessive
    if t.lower_ == "of" and 0 < t.i < len(t.doc) - 1:
        before, after = t.doc[t.i - 1], t.doc[t.i + 1]
        if after.lower_ == "the" and t.i + 2 < len(t.doc):
            after = t.doc[t.i + 2]  # "C of the Gambia"
        if before.pos == PROPN and after.pos == PROPN and not people.pids(after):
            # "Democratic Republic of Congo President X"; "A of Italy, B of Mali and C"
            place = next((o for o in kids(t) if o.dep_ == "pobj"), after)
            return not people.pids(before) or bool(code_for(_state_name(place)))
    if t.lower_ == "the" and 0 < t.i < len(t.doc) - 1 and t.doc[t.i - 1].lower_ == "of":
        return t.doc[t.i + 1].pos == PROPN and bool(people.pids(t.doc[t.i - 2]))
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _list_root(t, lo, hi):
    """Climb from a token while its head stays inside the window [lo, hi)."""
    for _ in range(hi - lo):
        if t.head == t or not lo <= t.head.i < hi:
            return t
        t = t.head
    return t


def _name_list(tok, people) -> list:
    """'A, B, C and D': every person of the run of names, titles, commas and 'and' around
    an argument, which the parser often breaks (a fourth name made an apposition or a
    modifier of the third, or the tail of 'attended by A, B and C' made the main verb's
    subject).  A name counts when the window's part it stands in hangs on the same word
    outside the window as the argument's part ('Speaking to A, B and C agreed': A hangs on
    'to', B and C on 'agreed'), or when it follows the argument in a list that 'and'
    closes, in a list of three or more (the list ends after the name that follows 'and':
    'met A, B and C, D said'; 'met A and B met C' is no list)."""
    if not _list_material(tok, people):
        return []
    doc = tok.doc
    sent = sent_of(tok)
    lo = hi = tok.i
    while lo > sent.start and _list_material(doc[lo - 1], people):
        lo -= 1
    while hi + 1 < sent.end and _list_material(doc[hi + 1], people):
        hi += 1
    hi += 1
    if hi - lo < 3 or not any(doc[i].lower_ in ("and", ",") for i in range(lo, hi)):
        return []
    anchor = _list_root(tok, lo, hi).head
    closed, cut, commas = None, hi, 0
    for i in range(tok.i + 1, hi):
        if doc[i].lower_ == "and" and closed is None:
            # 'B and C met D': no list of three; 'in X, A, B and C': one
            closed = i if commas or any(doc[j].text == "," for j in range(lo, tok.i)) else -1
        elif doc[i].text == "," and closed is None:
            commas += 1
        elif closed is not None and doc[i].text == ",":
            cut = i
            break
    out = []
    for i in range(lo, cut):
        pids = [p for p in people.pids(doc[i]) if not people.get(p).org]
        if not pids or _inside_other_name(doc[i], people):
            continue
        root = _list_root(doc[i], lo, hi)
        listed = closed and closed > 0 and (i > tok.i or _after_a_place(root, people))
        if root.head == anchor or listed:
            out += [p for p in pids if p not in out]
    return out


def _after_a_place(root, people) -> bool:
    """'in Berlin, A, B and C issued': the parser made A a conjunct of the place."""
    return root.ent_type_ in ("GPE", "LOC", "FAC") and not people.pids(root)


def _inside_other_name(t, people) -> bool:
    """'UN Secretary-General X': a name within another person's title is no item."""
    own = set(people.pids(t))
    while t.dep_ == "compound" and t.head != t:
        t = t.head
        if people.pids(t) and set(people.pids(t)) != own:
            return True
    return False


def _of_conjuncts(tok, people) -> list:
    """'A of Armenia and B of Azerbaijan': the parser may coordinate B with Armenia."""
    if not people.pids(tok):
        return []
    return [
        p
        for of in kids(tok)
        if of.dep_ == "prep" and of.lower_ == "of"
        for obj in kids(of)
        if obj.dep_ == "pobj" and not people.pids(obj)
        for c in obj.conjuncts
        for p in people.refs(c)
    ]


def _title_conjuncts(subject, people) -> list:
    """'Italian Prime Minister A and Turkish President B met': the parser may make the second
    title a conjunct and hang its name elsewhere; the name right after the title is meant."""
    out = []
    doc = subject.doc
    own = set(people.pids(subject))
    for c in subject.conjuncts:
        if c.pos != PROPN and c.lower_ not in TITLE_WORDS or set(people.pids(c)) - own:
            continue
        for j in range(c.i + 1, min(len(doc), c.i + 8)):
            if people.pids(doc[j]) and set(people.pids(doc[j])) - own:
                out += list(people.pids(doc[j]))
                break
            if doc[j].pos != PROPN and not _country_title(doc[j], c):
                break
    return out


def _misread_possessor(tok, people) -> list:
    """'by A and Germany's then chancellor, B': the parser may make A and Germany the
    possessors of the title; A is a party beside B."""
    return [
        p
        for c in kids(tok)
        if c.dep_ == "poss" and any(_possessive_country(x) for x in c.conjuncts)
        for p in people.pids(c)
    ]


def _possessive_country(tok) -> bool:
    return tok.ent_type_ == "GPE" and any(k.tag_ == "POS" for k in kids(tok))


def _country_title(tok, conjunct) -> bool:
    """The words of "A and Germany's then chancellor, B" between the conjunct (the
    country, or the title the parser coordinated) and the name."""
    if conjunct.pos != PROPN:
        return tok.text == ","
    if tok.tag_ == "POS" or tok.lower_ in ("then", "former", "new", ","):
        return conjunct.ent_type_ == "GPE"
    return conjunct.ent_type_ == "GPE" and tok.lower_ in TITLE_WORDS


def _coordinated_left(subject, people) -> list:
    """'Egyptian President A and Israeli Prime Minister B signed': the parser may make only
    B the subject; persons joined to it by 'and' right before it are subjects too."""
    doc = subject.doc
    out, crossed = [], False
    i = subject.i - 1
    while i >= 0:
        t = doc[i]
        if t.lower_ == "and" or t.text == ",":
            crossed = crossed or t.lower_ == "and"
        elif people.pids(t):
            if crossed and people.pids(t) != people.pids(subject):
                out = list(people.pids(t)) + out
        elif not (t.pos == PROPN or (t.pos == ADJ and t.ent_type_ == "NORP")):
            break
        i -= 1
    return out


def _antecedent(pronoun, verb, people) -> list:
    """Who a relative 'who' stands for: the relative clause's head, else the person named
    right before it ('President X, who had held talks ...')."""
    found = _among(verb.head, people) or people.refs(verb.head)
    doc = pronoun.doc
    i = pronoun.i - 1
    while not found and i >= max(0, pronoun.i - 4):
        found = list(people.pids(doc[i]))
        i -= 1
    return found


def _among(noun, people) -> list:
    """'A, B and C were among the leaders who attended': the persons said to be among the
    relative clause's antecedent."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return []
    return [p for c in kids(prep.head) if c.dep_ == "nsubj" for p in _refs(c, people)]


def _names_before(verb, people) -> list:
    """A main verb the parser left without a subject: the persons named right before it
    ('After talks at the palace, X and Y signed ...')."""
    out, i = [], verb.i - 1
    doc = verb.doc
    while i >= 0 and (_list_material(doc[i], people) and doc[i].ent_type_ != "DATE"):
        # "Medvedev, U.S. President Barack Obama and French President Nicolas Sarkozy issued"
        out = [p for p in people.pids(doc[i]) if p not in out] + out
        i -= 1
    if len(set(out)) == 1 and verb.i > 0 and doc[verb.i - 1].pos == PROPN:
        # "On his first trip to X, A met B": the parser hung A's name on X
        before = doc[verb.i - 1]
        if before.dep_ == "pobj" and any(t.ent_type_ == "DATE" for t in subtree(before)):
            return out  # "On Thursday X hosted ...": the time phrase swallowed the subject
        return out if before.dep_ in ("appos", "conj", "npadvmod") else []
    return list(dict.fromkeys(out)) if len(set(out)) >= 2 else []


def _objects(
    tok, people, preps=("with", "to", "by", "between", "of", "beside", "alongside")
) -> list:
    out = []
    for c in _with_line_preps(tok):
        if c.dep_ in ("nsubjpass", "dobj") and c.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            # "X, who was received by Y last week", "X, whom he had met in Geneva"
            out += _antecedent(c, tok, people)
        elif c.dep_ in ("dobj", "nsubjpass", "dative", "attr"):
            out += _refs(c, people)
        elif c.dep_ in ("prep", "agent", "conj") and (c.lower_ in preps or c.dep_ == "agent"):
            for obj in kids(c):
                if obj.dep_ == "pobj":
                    out += _refs(obj, people)
    if "by" in preps and not any(c.dep_ == "agent" for c in kids(tok)):
        out += _agents(tok, people)  # "was joined at the summit by A": 'by' misplaced
    return out


# "by phone with A", "by video link with A", "by videoconference with A"
LINE_NOUNS = {"phone", "telephone", "video", "videolink", "hotline", "line", "link",
              "videoconference", "teleconference", "conference"}  # fmt: skip
MARGIN_NOUNS = {"sidelines", "sideline", "margins", "margin"}
# "met separately / one-on-one with A and B" (the parser may hang 'with' on the adverb)
ONE_BY_ONE_MODIFIERS = {"separately", "individually", "bilaterally", "one-on-one", "one-to-one"}


def _with_line_preps(tok) -> list:
    """A verb's children, with the prepositions coordinated to them ('with A, with B and
    with C') and those the parser hangs on the line of a call ('by phone with A')."""
    out = []
    for c in kids(tok):
        out.append(c)
        if c.dep_ in ("advmod", "npadvmod") and hyphenated(c) in ONE_BY_ONE_MODIFIERS:
            out += [p for p in kids(c) if p.dep_ == "prep" and p.lower_ == "with"]
        if c.dep_ != "prep" and not (c.dep_ == "agent" and c.lower_ == "by"):
            continue  # the parser may make "by (video link)" a passive's agent
        out += [x for x in c.conjuncts if x.pos == ADP and x not in out]
        for line in (o for o in kids(c) if o.dep_ == "pobj" and o.lower_ in LINE_NOUNS):
            for p in (x for x in kids(line) if x.dep_ == "prep"):
                out += [p, *(x for x in p.conjuncts if x.pos == ADP)]
        for margin in (o for o in kids(c) if o.dep_ == "pobj" and o.lower_ in MARGIN_NOUNS):
            # "held talks on the sidelines with A and B": 'with' hung on the sidelines
            out += [p for p in kids(margin) if p.dep_ == "prep" and p.lower_ == "with"]
    return out


def _agents(verb, people) -> list:
    """Persons in a passive verb's 'by' phrase."""
    return [p for c in _by_phrases(verb) for o in kids(c) for p in _refs(o, people)]


def _by_phrases(verb) -> list:
    """A passive verb's 'by' phrases, also when the parser hangs one on the verb's place
    or occasion ('was joined at the summit by A, B and C')."""
    agents = [c for c in kids(verb) if c.dep_ == "agent"]
    if not agents and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _stray_agents(verb)
    if agents or not any(c.dep_ == "auxpass" for c in kids(verb)):
        return agents
    return [
        by
        for prep in kids(verb)
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "on", "for")
        for obj in kids(prep)
        if obj.dep_ == "pobj"
        for by in kids(obj)
        if by.dep_ == "prep" and by.lower_ == "by"
    ]


def _stray_agents(participle) -> list:
    """'ended with an accord signed in the capital, X, in 2000 by A and B': after an
    apposition the parser may hang the participle's 'by' phrase on the active verb above;
    an active verb takes no agent, so the one after the participle is the participle's."""
    verb = participle.head
    for _ in range(3):
        if verb.pos in (VERB, AUX) or verb.head == verb:
            break
        verb = verb.head
    if verb.pos not in (VERB, AUX) or any(c.dep_ == "auxpass" for c in kids(verb)):
        return []
    return [
        c
        for c in subtree(verb)
        if c.i > participle.i
        and (c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by")
        and (c.head == verb or c.head.ent_type_ == "DATE")  # or hung on the date before it
    ]


SPOUSE_WORDS = {"wife", "husband", "spouse", "lady", "gentleman", "consort"}


def _spouse(pid, people, sent) -> bool:
    """A leader's spouse beside them ('X and his wife Dr Y welcomed Z', 'First Lady Y') is
    company, not a party to the meeting (gifts are judged on their own)."""
    title = (people.get(pid).title or "").lower()
    if title.split()[-1:] and title.split()[-1] in SPOUSE_WORDS:
        return True
    for t in span_tokens(sent):
        if pid in people.pids(t):
            if t.lower_ in SPOUSE_WORDS:
                return True
            if t.pos not in (PRON, NOUN, NUM):
                return _after_spouse_word(t)
    # Only a pronoun or 'the two' here: the person as first named ('his wife Y walked ...').
    doc = sent.doc
    first = next((i for i, p in people.order if p == pid and doc[i].pos == PROPN), None)
    return first is not None and first < sent.start and _after_spouse_word(doc[first])


def _after_spouse_word(t) -> bool:
    start = sent_of(t).start
    return any(t.doc[i].lower_ in SPOUSE_WORDS for i in range(max(start, t.i - 3), t.i))


# Words for two leaders that a leader and a spouse cannot be ('they' or 'the two' can).
PAIR_WORDS = {"leaders", "presidents", "counterparts", "statesmen", "premiers", "heads"}


def _pair_without_spouse(tok, people, kept, spouses, idx) -> list:
    """'The two leaders sat down for their meeting' after 'X and his wife walked Y in':
    when 'the two leaders' stood for a leader and a spouse, the pair meant is the two
    most mentioned persons so far who are not spouses."""
    sent = idx.sent(tok)
    anaphor = any(
        t.lower_ in PAIR_WORDS and set(people.pids(t)) & set(spouses)
        for t in span_tokens(sent)
        if t.pos == NOUN
    )
    if not anaphor:
        return kept
    exclude = set(spouses) | {
        p for p, x in enumerate(people.persons) if is_private(x) or _spouse(p, people, sent)
    }
    pair = people.salient(sent.start, 2, exclude=exclude)
    return pair if len(pair) == 2 and set(kept) <= set(pair) else kept


# The offices that speak for a state when the state itself is named as the other side.
HEAD_TITLES = {"president", "prime minister", "chancellor", "premier", "king", "queen",
               "emir", "sultan", "emperor", "supreme leader", "taoiseach"}  # fmt: skip


def _country_sides(head, people, published=None) -> list:
    """'held bilaterals with Chile and Norway': a state named as the other side of a
    meeting stands for its leader when the article names that leader (the one person of
    that state it names, or the one of them holding a head's office); otherwise for no
    one, since a meeting's participants are persons."""
    out = []
    for prep in (c for c in kids(head) if c.dep_ == "prep" and c.lower_ in ("with", "between")):
        for obj in (o for o in kids(prep) if o.dep_ == "pobj"):
            for state in [obj, *obj.conjuncts]:
                if people.pids(state) or state.pos != PROPN:  # the tagger may say ORG
                    continue
                code = code_for(_state_name(state), published)
                leader = _leader_of(code, people) if code else None
                if leader is not None:
                    out.append(leader)
    return out


def _state_name(tok) -> str:
    """'the Central African Republic' -> 'Central African Republic': a name's own words."""
    words = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos == PROPN]
    start = min((c.i for c in words), default=tok.i)
    return tok.doc[start : tok.i + 1].text


def _leader_of(code, people):
    """The one person of a state the article names, or the one of them in a head's office."""
    of_state = [
        p for p in people.persons if (p.country or p.registry_country) == code and p.written
    ]
    if len(of_state) > 1:
        of_state = [p for p in of_state if (p.title or "").lower() in HEAD_TITLES]
    return of_state[0].pid if len(of_state) == 1 else None
