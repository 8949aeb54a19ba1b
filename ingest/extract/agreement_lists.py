"""A bulleted or line-by-line list of signed documents after 'signed ... :', one record
per listed document."""

from __future__ import annotations

from dataclasses import replace

from .agreement_args import doc_kind as _doc_kind
from .agreement_parties import (
    OFFICIALS,
    Agreement,
    _countries_of,
    _is_commercial,
    _official_states,
    _parties,
    _subject_tok,
)
from .conflict import verb_asserted
from .lexicon import GOVERNMENT_NOUNS
from .tags import AUX, DET, VERB
from .text import span_tokens

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
        (t for t in span_tokens(sent) if t.pos in (VERB, AUX) and t.lemma_.lower() in LEAD_VERBS),
        None,
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
        while toks and toks[0].pos == DET:
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
    if first.pos != VERB or first.dep_ != "ROOT":
        return False
    return first.tag_ in FINITE_TAGS or not noun.text[:1].isupper()


def _item_agreement(noun, item_sent, lead, idx):
    toks = [t for t in item_sent if not t.is_space]
    while toks and (toks[0].text in BULLETS or toks[0].like_num or toks[0].pos == DET):
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
