"""When a meeting mention happened: the date expressions of its own clause, whether it is
background ('last met', 'in 2014', pluperfect) or told as before the main event."""

from __future__ import annotations

from . import dates
from .conflict import clause_verb
from .meeting_words import NOUN_TRIGGERS
from .tags import ADJ, ADV, AUX, DET, NOUN, NUM, PROPN, VERB
from .text import doc_ents, kids, subtree

PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}


SAME_DAY_WORDS = {"evening", "afternoon", "morning", "tonight", "later"}


BACKGROUND_ADVERBS = {"last", "before", "previously", "earlier", "once", "already"}


BACKGROUND_AMODS = {"previous", "last", "earlier", "past", "former"}


def _prior(tok, verb, date_texts, published) -> bool:
    """A pluperfect dated in the story's own week: told as happening before the main event."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in kids(verb)) and _this_week(
        date_texts, published
    )


def _background(tok, verb, date_texts, published) -> bool:
    for c in list(kids(verb)) + list(kids(tok)):
        if c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS and not _same_day(c):
            if not (c.lower_ == "already" and _present_perfect(verb)):
                return True  # "has already met A and B (since arriving)" is the story's own
        if c.dep_ == "aux" and c.lower_ == "had" and verb.tag_ == "VBN":
            # "By evening the pair had signed": a same-day time keeps it in the story, and
            # so does reported speech ("said they had held a constructive discussion").
            if not any(t.ent_type_ == "TIME" or t.lower_ in SAME_DAY_WORDS for t in subtree(verb)):
                if not _reported(verb) and not _this_week(date_texts, published):
                    return True
        if c.dep_ == "amod" and c.lower_ in BACKGROUND_AMODS:
            return True
    return any(dates.mentions_past(t, published) and not _earlier_that_day(t) for t in date_texts)


# "earlier in the day", "earlier today", "earlier that morning": the story's own day.
DAY_WORDS = {"day", "today", "morning", "afternoon", "evening", "tonight"}


def _present_perfect(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in kids(verb))


def _same_day(adverb) -> bool:
    doc = adverb.doc
    after = {t.lower_ for t in doc[adverb.i + 1 : min(len(doc), adverb.i + 4)]}
    return adverb.lower_ == "earlier" and bool(
        DAY_WORDS & (after | {t.lower_ for t in subtree(adverb)})
    )


def _earlier_that_day(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and words[0] == "earlier" and bool(DAY_WORDS & set(words))


def _this_week(date_texts, published) -> bool:
    """'had called on X on Tuesday': a day of the story's own week is no background."""
    if published is None:
        return False
    for text in date_texts:
        day = dates.resolve(text, published)
        if day and 0 <= (published - day).days <= 6 and not dates.mentions_past(text, published):
            return True
    return False


REPORTING_VERBS = {"say", "tell", "add", "state", "note", "report", "write", "confirm", "announce"}


def _reported(verb) -> bool:
    """A clause reported by a past-tense 'said', where the pluperfect is only backshift."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.lemma_.lower() in REPORTING_VERBS
        and head.tag_ == "VBD"
        and not any(c.dep_ == "aux" and c.lower_ == "had" for c in kids(head))
    )


def _after_since(span) -> bool:
    """'the first ... since the 1953 armistice': a time after 'since' is another event."""
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 4), -1):
        if doc[i].lower_ == "since":
            return True
        if doc[i].is_punct or doc[i].is_space or doc[i].pos not in (DET, ADJ, NUM, ADV):
            return False  # "since: last week", "since then, and last week": not its object
    return False


SHIFT_WORDS = ("before", "earlier", "after", "later")


def _date_texts(verb, idx, own_only: bool = False) -> list:
    """Date/time expressions attached to a verb's own clause (and, unless `own_only`,
    to clauses conjoined or subordinated to it). Read from the parse alone, once per verb:
    meetings and the facts linked to them ask about the same verbs."""
    memo = idx.cache.setdefault("date_texts", {})
    key = (verb.i, own_only)
    if key not in memo:
        memo[key] = _read_date_texts(verb, idx, own_only)
    return list(memo[key])


def _read_date_texts(verb, idx, own_only: bool) -> list:
    texts, seen = [], set()
    for t in subtree(verb):
        if t.ent_type_ not in ("DATE", "TIME") and t.lower_ not in dates.WEEKDAYS:
            if t.lower_ not in PARTS_OF_DAY or not any(_fixes_day(c) for c in kids(t)):
                continue  # "that morning", "last night": times even when the tagger misses them
        if t.i in seen or idx.sent_of[t.i] != idx.sent_of[verb.i]:
            continue
        if _measure(t) or _of_earlier_meeting(t, verb):
            continue  # "months after they met": a span; "after talks in May": the talks' time
        anc = clause_verb(t.head) if t.head != t else t
        if anc != verb and (anc.dep_ == "conj" and _own_subject(anc) or _other_event(anc, verb)):
            continue  # "met X, and on Sunday he joined Y": Sunday is the other clause's
        if anc != verb and (own_only or anc.dep_ not in ("xcomp", "conj", "advcl")):
            if own_only or anc.head != verb:
                continue
        ent = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
        if ent is None:
            span = t.doc[t.left_edge.i : t.i + 1]
        else:  # the tagger's "afternoon" in "That same afternoon" keeps its determiners
            span = t.doc[min(ent.start, ent.root.left_edge.i) : ent.end]
        after = t.doc[span.end] if span.end < len(t.doc) else None
        if after is not None and after.lower_ in SHIFT_WORDS and after.dep_ == "advmod":
            # "the night before", however the parser hangs "before"
            if span.root.head in (after, after.head) or span.start <= after.head.i < span.end:
                span = t.doc[span.start : span.end + 1]
        seen.update(range(span.start, span.end))
        if _after_since(span):
            continue  # "their first talks since June": June is another event
        texts.append(span.text)
    return texts


def _fixes_day(word) -> bool:
    """'that' in 'that morning', 'last' in 'last evening': a word making a part of a day a
    time of its own."""
    return word.dep_ == "det" or (word.dep_ == "amod" and word.lower_ == "last")


def _own_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb))


# Subordinate clauses that tell another event: "their first meeting since X took office in
# January", "met Y after Z won the election in May".
OTHER_EVENT_MARKS = {"since", "after", "before", "until", "because", "although", "though"}


def _other_event(clause, verb) -> bool:
    """Whether a clause under `verb` tells an event of its own (a reported or relative
    clause, or a subordinate clause with its own subject after 'since', 'after' ...)."""
    for _ in range(6):
        if clause == verb or clause.head == clause:
            return False
        if clause.dep_ in ("ccomp", "relcl", "csubj"):
            return True
        marks = {c.lower_ for c in kids(clause) if c.dep_ == "mark"}
        if clause.dep_ == "advcl" and marks & OTHER_EVENT_MARKS and _own_subject(clause):
            return True
        clause = clause.head
    return False


# "a day after", "two weeks before", "hours after": how many days a measure stands for
MEASURE_DAYS = {"day": 1, "week": 7, "hour": 0, "minute": 0}


def measured_from(verb):
    """'X met Y on Thursday, a day after holding talks with Z' / 'two days before meeting
    Z': (the governing verb, the days from its day to the trigger's) for a trigger in a
    clause measured from the main one; the days are None when the measure gives no number
    ('weeks after meeting Z').  None when the trigger is not in such a clause."""
    marks = [c for c in kids(verb) if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if verb.dep_ == "advcl" and marks:  # "a day after they held talks in X"
        measure = next((c for c in kids(verb) if c.dep_ == "npadvmod"), None)
        if measure is None or measure.i > marks[0].i:
            return None
        return _measured(verb.head, measure, marks[0].lower_)
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("after", "before"):
        return None
    prep = verb.head
    # "a day after" hangs "after" on "day" or "day" on "after", and "a day" on the verb
    # or on the main clause's own day ("on Monday, a day after"), as the parser likes
    measure = next((c for c in kids(prep) if c.dep_ == "npadvmod"), prep.head)
    unit = MEASURE_DAYS.get(measure.lemma_.lower())
    if measure.dep_ not in ("npadvmod", "appos") or unit is None:
        return None
    main = verb_above(prep if measure.head == prep else measure)
    if main is None:
        return None
    return _measured(main, measure, prep.lower_)


def _measured(main, measure, word):
    """(main, days from main's day) for a gap measured before 'after' or 'before'."""
    unit = MEASURE_DAYS.get(measure.lemma_.lower())
    if unit is None:
        return None
    counts = [c.lower_ for c in kids(measure) if c.dep_ in ("det", "nummod")]
    count = next((dates.COUNT_WORDS[w] for w in counts if w in dates.COUNT_WORDS), None)
    if count is None and measure.tag_ == "NN":
        count = 1  # "the day after"
    if count is None and unit:
        return main, None
    days = (count or 0) * unit
    return main, -days if word == "after" else days


def verb_above(tok, steps: int = 4):
    """The nearest verb a token hangs under (within a few steps), or None."""
    for _ in range(steps):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos in (VERB, AUX):
            return tok
    return None


# -- an earlier meeting told in passing -------------------------------------------------
#
# "It was their first meeting since they met in Lima", "The talks come after the two met
# in Aarhus", "a year after they met in Osaka", "their second meeting after talks in X":
# the meeting told after 'since' or 'after' is an earlier one, with its own day and place,
# not a telling of the meeting it is compared with.

EARLIER_MARKS = {"since", "after"}
# "The talks come after ...", "The visit follows talks in ...": today's meeting told as
# coming after the earlier one.
FOLLOW_LEMMAS = {"come", "follow"}
# "months after", "a year after": a gap no visit spans (days are measured: measured_from)
LONG_MEASURES = {"week", "month", "year", "decade"}
ORDINALS = {"first", "second", "third", "fourth", "fifth", "latest", "last", "next"}


def _introducer(tok):
    """('since' or 'after', what the phrase hangs from) when the trigger is told in a clause
    or phrase they introduce: 'since they met', 'since meeting', 'after talks'."""
    if tok.pos in (VERB, AUX) and tok.dep_ in ("advcl", "pcomp"):
        marks = [c for c in kids(tok) if c.dep_ == "mark" and c.lower_ in EARLIER_MARKS]
        if tok.dep_ == "advcl" and marks:
            return marks[0], tok.head
        if tok.dep_ == "pcomp" and tok.head.lower_ in EARLIER_MARKS:
            return tok.head, tok.head.head
        return None, None
    if tok.lower_ in NOUN_TRIGGERS and tok.dep_ == "pobj" and tok.head.lower_ in EARLIER_MARKS:
        return tok.head, tok.head.head
    return None, None


def told_as_earlier(tok, date_texts=(), published=None) -> bool:
    """Whether a meeting is told as one that an event of the story comes after: after
    'since' always; after 'after' when the story's meeting is told as following it ('the
    talks come after', 'their second meeting after'), a long span parts them ('months
    after'), or its own time is not of the story's week ('after they met in March')."""
    word, _ = _introducer(tok)
    if word is None:
        return False
    if _earlier_by_words(tok):
        return True
    return bool(date_texts) and not _this_week(date_texts, published)


def _earlier_by_words(tok) -> bool:
    """Told as earlier by the words alone: 'since', 'come after', 'second meeting after',
    'months after'."""
    word, governor = _introducer(tok)
    if word is None:
        return False
    return word.lower_ == "since" or _follows(governor) or _long_span(tok, word)


def _follows(governor) -> bool:
    """'The talks come after', 'their second meeting after', 'met on Monday, their first
    talks after': the governing clause tells the story's meeting as following another."""
    if governor.lemma_.lower() in FOLLOW_LEMMAS:
        return True
    if governor.lower_ in NOUN_TRIGGERS:
        return any(c.dep_ == "amod" and c.lower_ in ORDINALS for c in kids(governor))
    return False


def _long_span(tok, word) -> bool:
    heads = [tok, word]
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in LONG_MEASURES for h in heads for c in kids(h)
    )


def _measure(t) -> bool:
    """'months after they met', 'a day after talks': the span before 'after' measures a
    gap (see measured_from); it is no day of either clause."""
    if t.dep_ in ("det", "nummod", "amod", "quantmod") and t.head.i > t.i:
        t = t.head  # "a year after": 'a' is the measure's
    if t.dep_ != "npadvmod" or t.i + 1 >= len(t.doc):
        return False
    nxt = t.doc[t.i + 1]
    return nxt.lower_ in ("after", "before", "since") and nxt.dep_ in ("mark", "prep")


def _of_earlier_meeting(t, verb) -> bool:
    """A time inside 'since/after <meeting noun>' ('their second meeting after talks in
    Oslo in May'), or inside what the story's meeting is told as following ('their first
    meeting after their row in July'), below `verb`, is that earlier event's own."""
    node = t
    for _ in range(8):
        if node == verb or node.head == node:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in EARLIER_MARKS and node != t:
            if node.lower_ in NOUN_TRIGGERS and _earlier_by_words(node):
                return True
            # "their first meeting after their engagement in X in July": any event's time
            return node.head.lower_ == "since" or _follows(node.head.head)
        node = node.head
    return False


def earlier_date_texts(tok, verb, idx) -> list:
    """The times of an earlier meeting's own words: its clause for a verb, the noun's own
    phrase ('after talks in Oslo on May 3') for a noun."""
    if tok.pos in (VERB, AUX):
        return _date_texts(verb, idx, own_only=True)
    inside = range(tok.left_edge.i, tok.right_edge.i + 1)
    return [
        e.text
        for e in doc_ents(tok.doc)
        if e.label_ in ("DATE", "TIME") and e.start in inside and e.end - 1 in inside
    ]


def noun_clause_date_texts(tok, idx) -> list:
    """'In talks held here on Tuesday, A and B agreed': the times of a clause describing a
    meeting noun are the meeting's own."""
    if tok.pos not in (NOUN, PROPN):
        return []
    out = []
    for clause in kids(tok):
        if clause.dep_ in ("acl", "relcl") and clause.pos in (VERB, AUX):
            out += _date_texts(clause, idx, own_only=True)
    return out
