"""Names the tagger missed or called an organisation, found as the other side of a
meeting with a person already named: 'President X met [Ana Fuentes]', 'X held talks
with [Tolga Arslan]', '[Navin Ramgoolam] hosted X'. Run by `rules.name_spans`."""

from __future__ import annotations

from gazetteer import geo

from ..lexicon import HONORIFICS, ORG_HEADS, TITLE_HEADS, TITLE_SET
from ..places import known_place_span
from ..tags import NOUN, PROPN, VERB
from ..text import kids, lemma_positions, lower_positions, tokens_of
from .bounds import (
    INSTITUTION_WORDS,
    after_initials,
    initials_before,
    is_institution,
    joins_hyphen,
    title_after_comma,
)
from .tokens import PARTICLES, after_job_words, is_honour, is_namey

# Verbs whose subject and object are the two sides of a meeting or a call.
_PARTNER_VERBS = {"meet", "host", "receive", "welcome", "greet", "call", "phone", "telephone"}
# Verbs and nouns whose 'with' names the other side ('spoke with', 'held talks with').
_WITH_HEADS = {"meet", "talk", "speak", "confer", "talks", "meeting", "call", "discussions"}
# Capitalised words that make a run of names a company or a body ('Tata Motors').
_BODY_WORDS = INSTITUTION_WORDS | ORG_HEADS | {
    "inc", "ltd", "corp", "plc", "holdings", "motors", "airways", "airlines", "energy",
    "systems", "industries", "capital", "partners", "media", "news", "times", "post",
    "radio", "television", "tv", "fc", "united", "city", "state", "republic", "kingdom",
    "international", "watch", "rights", "association", "federation", "network", "alliance",
    "forum", "society", "trust", "commission", "movement", "league", "global", "brothers",
}  # fmt: skip
_LABELS = ("", "ORG", "GPE", "NORP", "PERSON")


def _run_at(doc, head: int) -> tuple:
    """The run of name words that ends at a noun head ('Ana [Fuentes]')."""
    s = head
    while s > 0 and (is_namey(doc[s - 1]) or joins_hyphen(doc, s - 1)):
        if doc[s - 1].dep_ not in ("compound", "punct") or doc[s - 1].head.i >= head + 1:
            break
        s -= 1
    return s, head + 1


def _is_person_shaped(doc, s: int, e: int, taken: set, fewest: int = 2, lead=None) -> bool:
    """Whether [s, e) reads as a person's name; `lead` is where the name starts when
    initials come before s ('A P J [Kalam Iyer]': the tagger's 'A' is no article)."""
    lead = s if lead is None else lead
    toks = list(doc[s:e])
    if not fewest <= e - s <= 4 or any(i in taken for i in range(s, e)):
        return False
    if not (is_namey(toks[0]) and is_namey(toks[-1])):
        return False
    if not all(
        (t.is_title and is_namey(t)) or t.lower_ in PARTICLES or joins_hyphen(doc, t.i)
        for t in toks
    ):
        return False
    if any(t.ent_type_ not in _LABELS for t in toks):
        return False
    words = {t.lower_ for t in toks}
    if words & (_BODY_WORDS | TITLE_SET | TITLE_HEADS | HONORIFICS):
        return False
    if any(geo.lookup(t.text) for t in toks) or geo.lookup(doc[s:e].text):
        return False  # a country, a demonym, an organisation
    if known_place_span(doc, s) is not None or is_institution(doc, s, e) or is_honour(doc, s, e):
        return False
    return not any(c.dep_ == "det" and c.i < lead for c in kids(doc[e - 1]))


def _with_objects(head) -> list:
    return [
        o
        for prep in kids(head)
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for o in kids(prep)
        if o.dep_ == "pobj"
    ]


def _sides(tok) -> list:
    """The two sides of a meeting told by `tok`: the subject and object of a meeting verb
    ('X met Y'), or the subject of the clause and the 'with' object of a verb or event
    noun ('X spoke with Y', 'X held talks with Y')."""
    lemma = tok.lemma_.lower()
    if tok.pos == VERB and lemma in _PARTNER_VERBS:
        return [c for c in kids(tok) if c.dep_ in ("nsubj", "dobj")] + _with_objects(tok)
    if tok.pos == VERB and lemma in _WITH_HEADS:
        return [c for c in kids(tok) if c.dep_ == "nsubj"] + _with_objects(tok)
    if tok.pos == NOUN and tok.lower_ in _WITH_HEADS and tok.dep_ == "dobj":
        subjects = [c for c in kids(tok.head) if c.dep_ == "nsubj"]
        return subjects + _with_objects(tok) if subjects else []
    return []


def _person_elsewhere(doc, s: int, e: int) -> bool:
    """Whether the article shows the run's last word as a person's elsewhere: tagged as
    one, or written after an honorific or a title ('Ms Fuentes', 'President Fuentes')."""
    surname = doc[e - 1].text
    for tok in tokens_of(doc):
        if tok.text != surname or s <= tok.i < e:
            continue
        if tok.ent_type_ == "PERSON":
            return True
        before = doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
        if before in HONORIFICS or before in TITLE_SET or title_after_comma(doc, tok.i + 1):
            return True
    return False


def partner_names(doc, taken: set) -> list:
    """Runs of two to four name words on one side of a meeting whose other side is a name
    already found (or a PERSON entity); not a place, a country, an organisation, a
    company or a title. A run the tagger calls a body must be shown as a person's name
    elsewhere in the article."""
    spans = []
    # only a meeting verb's lemma or a 'with' noun's form can have sides (`_sides`)
    by_lemma, by_lower = lemma_positions(doc), lower_positions(doc)
    found = {i for w in _PARTNER_VERBS | _WITH_HEADS for i in by_lemma.get(w, ())}
    found.update(i for w in _WITH_HEADS for i in by_lower.get(w, ()))
    for i in sorted(found):
        tok = doc[i]
        if tok.pos not in (VERB, NOUN):
            continue
        sides = _sides(tok)
        if len(sides) < 2:
            continue
        for arg in sides:
            if arg.pos != PROPN or arg.i in taken:
                continue
            if not any(o is not arg and (o.i in taken or o.ent_type_ == "PERSON") for o in sides):
                continue
            s, e = _run_at(doc, arg.i)
            while s < e and doc[s].lower_.rstrip(".") in HONORIFICS:
                s += 1  # 'met Dr Ana Fuentes'
            s = min(s, initials_before(doc, s))
            core = max(after_initials(doc, s, e), after_job_words(doc, s, e))
            if core > s:
                # 'met A.B. Varma', 'S M Rao hosted', 'with Spokesman X Y': initials or a
                # job word make a person's name of even one word, whatever the tagger
                # called it
                if _is_person_shaped(doc, core, e, taken, fewest=1, lead=s):
                    spans.append((s if after_initials(doc, s, e) > s else core, e))
                continue
            if not _is_person_shaped(doc, s, e, taken):
                continue
            labelled = any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in doc[s:e])
            if labelled and not _person_elsewhere(doc, s, e):
                continue
            spans.append((s, e))
    return spans
