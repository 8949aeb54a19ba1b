"""Sentences, spans and phrase text: the per-document index every rule reads.

spaCy's sentence splitter sometimes runs a headline or a paragraph into the
next sentence, so sentences are also cut at blank lines.  A `DocIndex` is built
once per document and holds what the rules would otherwise recompute: the
sentence list, each token's sentence number, the headline and dateline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Token

from .datelines import find_dateline, headline_end
from .normalize import Normalized, normalize
from .types import Evidence, Span

DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "some",
    "any",
    "another",
    "such",
}

# Word forms of conflict reports (threats, protests, fighting, sanctions, demands,
# rejections, warnings, condemnation, strikes, shelling, invasions, clashes): a sentence
# with one yields no meeting.  "Strike a deal" and "Shell" (the company) are not conflict.
_CONFLICT_FORMS = re.compile(
    r"\b(threat\w*|protest\w*|fight\w*|fought|attack\w*|sanction\w*|demand\w*|"
    r"reject\w*|warn\w*|condemn\w*|invad\w*|invasion\w*|clash\w*|"
    r"(?-i:shells?)\b|shell(?:ed|ing)\b|"
    r"(?:strikes?|striking|struck)(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:deal|agreement|accord|"
    r"bargain|compromise|balance|chord|note|tone|pose)))",
    re.IGNORECASE,
)


def mentions_conflict(text: str) -> bool:
    """Whether a sentence's words report conflict (see _CONFLICT_FORMS)."""
    return bool(_CONFLICT_FORMS.search(text))


NORMALIZED_KEY = "summitry.normalized"


TEXT_KEY = "summitry.text"


def doc_text(doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from every token on each
    call, which the stages below did hundreds of times an article (a quarter of the
    extraction's time). A parsed Doc's tokens never change, so neither does its text."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def release(doc) -> None:
    """Drop the per-Doc lookups the rules filled in (`kids`, `sent_of`, ...), keeping what
    maps the Doc to its stored text. Several hold Tokens and Spans, which refer to the Doc:
    kept, they would make every parsed article garbage only the cycle collector frees."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("summitry.")]:
        if key not in (NORMALIZED_KEY, TEXT_KEY):
            del doc.user_data[key]


def stored_text(doc) -> Normalized:
    """What maps a Doc back to the article's stored text: set by `parse` on Docs of
    normalised text; a Doc parsed from the stored text itself maps to itself."""
    found = doc.user_data.get(NORMALIZED_KEY)
    text = doc_text(doc)
    if found is None or found.text != text:
        found = Normalized(text, text, find_dateline(text, headline_end(text)))
        doc.user_data[NORMALIZED_KEY] = found
    return found


def parse(nlp, text: str):
    """Parse the normalised form of a stored article text (see `normalize`)."""
    normalized = normalize(text)
    return with_stored(nlp(normalized.text), normalized)


def with_stored(doc, normalized: Normalized):
    """Mark a Doc parsed from `normalized.text` with what maps it back to the stored text.
    spaCy's tokens keep every character, so the Doc's text is that text: it is kept as
    `doc_text` (when the lengths agree) instead of being joined again from the tokens."""
    doc.user_data[NORMALIZED_KEY] = normalized
    last = doc[-1] if len(doc) else None
    if last is not None and last.idx + len(last.text_with_ws) == len(normalized.text):
        doc.user_data[TEXT_KEY] = normalized.text
    return doc


@dataclass
class DocIndex:
    """Per-document lookups shared by all extraction rules."""

    doc: object
    sents: list = field(default_factory=list)  # list[spacy Span]
    sent_of: list = field(default_factory=list)  # token index -> sentence number
    headline_sents: int = 0  # sentences [0, n) form the headline
    dateline: str | None = None  # "SOCHI, Russia" or None
    dateline_end: int = 0  # char offset where the dateline ends
    last_date: object = None  # last date resolved while reading (rules' state)
    conflict: set = field(default_factory=set)  # numbers of sentences that report conflict
    cache: dict = field(default_factory=dict)  # per-document results rules share
    registry: object = None  # the office-holders snapshot (registry.Registry) or None
    published: object = None  # the article's date, for who held which office then

    def fact_sents(self):
        """Body sentences facts may be taken from: not the headline, not conflict reports."""
        return [
            s
            for n, s in enumerate(self.sents)
            if n >= self.headline_sents and n not in self.conflict
        ]

    def fact_tokens(self, lemmas) -> list:
        """The tokens of the fact sentences (`fact_sents`) whose lower-cased lemma is one of
        `lemmas`, in order: what a scan of every fact sentence for those lemmas finds,
        without making a Token of every word."""
        return self.body_tokens(lemmas, facts_only=True)

    def body_tokens(self, lemmas=(), lowers=(), *, facts_only: bool = False) -> list:
        """The tokens of the body sentences (after the headline; with `facts_only`, not
        those reporting conflict either) whose lower-cased lemma is in `lemmas` or whose
        lower-cased form is in `lowers`, in order (see `fact_tokens`)."""
        by_lemma, by_lower = lemma_positions(self.doc), lower_positions(self.doc)
        found = {i for lemma in lemmas for i in by_lemma.get(lemma, ())}
        found.update(i for low in lowers for i in by_lower.get(low, ()))
        out = []
        for i in sorted(found):
            n = self.sent_of[i]
            if n < self.headline_sents or n >= len(self.sents):
                continue
            if facts_only and n in self.conflict:
                continue
            sent = self.sents[n]
            if sent.start <= i < sent.end:  # not a dateline's word (`build_index`)
                out.append(self.doc[i])
        return out

    def sent(self, tok):
        return self.sents[self.sent_of[tok.i]]

    def is_headline(self, tok) -> bool:
        return self.sent_of[tok.i] < self.headline_sents


def split_sentences(doc) -> list:
    """spaCy sentences, further cut after any whitespace token holding a newline."""
    texts = token_texts(doc)  # a space token's text is all white space (`is_space`)
    out = []
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end):
            if "\n" in texts[i] and texts[i].isspace():
                if i > start:
                    out.append(doc[start:i])
                start = i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return [s for s in out if any(not texts[i].isspace() for i in range(s.start, s.end))]


def build_index(doc, registry=None, published=None) -> DocIndex:
    """Build the DocIndex: sentences, token->sentence map, headline and dateline. Names
    that start with a function word ('To Lam') are first made names in the Doc."""
    from .names.repair import repair_function_word_names

    repair_function_word_names(doc)
    idx = DocIndex(doc=doc, registry=registry, published=published)
    dateline = stored_text(doc).dateline
    sents = split_sentences(doc)
    place = []  # the dateline's own paragraph (`normalize`) is no sentence
    if dateline is not None:
        place = [s for s in sents if dateline.start <= s.start_char and s.end_char <= dateline.end]
    idx.sents = [s for s in sents if s not in place]
    idx.sent_of = [0] * len(doc)
    for n, sent in enumerate(idx.sents):
        for i in range(sent.start, sent.end):
            idx.sent_of[i] = n
    for sent in place:  # its words belong to the sentence it opens
        lede = next((n for n, s in enumerate(idx.sents) if s.start >= sent.end), 0)
        for i in range(sent.start, sent.end):
            idx.sent_of[i] = lede
    _find_headline(idx)
    from .conflict import conflict_sentences

    idx.conflict = conflict_sentences(idx)
    return idx


def _find_headline(idx: DocIndex) -> None:
    """A first paragraph without final punctuation, followed by more text, is a headline;
    the wire dateline opens the first line after it."""
    offset = headline_end(doc_text(idx.doc))
    if offset:
        idx.headline_sents = sum(1 for s in idx.sents if s.end_char <= offset)
    dateline = stored_text(idx.doc).dateline
    if dateline is not None:
        idx.dateline = dateline.place
        idx.dateline_end = dateline.end


_ENTS_KEY = "summitry.ents"
_LEMMAS_KEY = "summitry.lemmas"
_LOWERS_KEY = "summitry.lowers"


def lower_positions(doc) -> dict:
    """Lower-cased form -> the indices of its tokens, in order, read once per Doc."""
    cached = doc.user_data.get(_LOWERS_KEY)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), _positions(doc, "LOWER", False))
        doc.user_data[_LOWERS_KEY] = cached
    return cached[1]


def tokens_in(doc, start: int, end: int, lemmas) -> list:
    """The tokens of [start, end) whose lower-cased lemma is one of `lemmas`, in order."""
    positions = lemma_positions(doc)
    found = sorted(i for lemma in lemmas for i in positions.get(lemma, ()) if start <= i < end)
    toks = tokens_of(doc)
    return [toks[i] for i in found]


def lemma_positions(doc) -> dict:
    """Lower-cased lemma -> the indices of its tokens, in order, read once per Doc."""
    cached = doc.user_data.get(_LEMMAS_KEY)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), _positions(doc, "LEMMA", True))
        doc.user_data[_LEMMAS_KEY] = cached
    return cached[1]


def _positions(doc, attr: str, lower: bool) -> dict:
    """Form -> the indices of its tokens, read off the Doc's array of `attr` hashes (no
    Token objects), each distinct hash looked up once."""
    strings = doc.vocab.strings
    keys = doc.to_array(attr)
    if not len(keys):
        return {}
    order = keys.argsort(kind="stable")  # each hash's positions together, in token order
    ranked = keys[order]
    cuts = (ranked[1:] != ranked[:-1]).nonzero()[0] + 1
    starts, ends = [0, *cuts.tolist()], [*cuts.tolist(), len(keys)]
    positions_in_order = order.tolist()
    at = {
        key: positions_in_order[a:b]
        for key, a, b in zip(ranked[starts].tolist(), starts, ends, strict=True)
    }
    if not lower:
        return {strings[key]: found for key, found in at.items()}
    positions: dict = {}
    for key, found in at.items():  # several hashes may share a lower-cased form
        form = strings[key].lower()
        positions[form] = sorted(positions[form] + found) if form in positions else found
    return positions


_SENTS_KEY = "summitry.sents"


def sent_of(tok):
    """``tok.sent``, spaCy's sentence of a token, from the Doc's sentences read once: spaCy
    finds it anew on each call by walking to the sentence's first and last token. (The
    parse is final by then: `build_index` repairs the tree before any rule asks, and
    nothing retokenises a Doc, so its tables never go stale.)"""
    try:
        return tok.doc.user_data[_SENTS_KEY][tok.i]
    except KeyError:
        pass
    doc = tok.doc
    at: list = [None] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            at[i] = sent
    doc.user_data[_SENTS_KEY] = at
    return at[tok.i]


_POS_KEY = "summitry.pos"


def token_pos(doc) -> list:
    """Every token's coarse part of speech (``pos_``), read once per Doc from its array."""
    cached = doc.user_data.get(_POS_KEY)
    if cached is None or len(cached) != len(doc):
        strings = doc.vocab.strings
        cached = [strings[p] for p in doc.to_array("POS").tolist()]
        doc.user_data[_POS_KEY] = cached
    return cached


_KIDS_KEY = "summitry.kids"


def kids(tok) -> tuple:
    """``tuple(tok.children)``, a token's syntactic children in order, from the Doc's tree
    read once: spaCy's `children` walks the tree in a generator on every call, which
    the rules make hundreds of times an article. (The tree is final by then:
    `build_index` repairs it before any rule asks.)"""
    try:
        return tok.doc.user_data[_KIDS_KEY][tok.i]
    except KeyError:
        pass
    doc = tok.doc
    toks = tokens_of(doc)
    below: list = [[] for _ in range(len(doc))]
    for j, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist()):
        if offset:
            below[j + offset].append(toks[j])
    # tuples: callers only ever iterated spaCy's generator
    made = doc.user_data[_KIDS_KEY] = [tuple(b) for b in below]
    return made[tok.i]


_TOKENS_KEY = "summitry.tokens"


def tokens_of(doc) -> list:
    """``list(doc)``, made once per Doc: ``doc[i]`` makes a new Token on every call."""
    try:
        return doc.user_data[_TOKENS_KEY]
    except KeyError:
        made = doc.user_data[_TOKENS_KEY] = list(doc)
        return made


def span_tokens(span) -> list:
    """``list(span)`` (a sentence, say) from the Doc's Tokens made once: iterating a Span
    makes a new Token of every word on each pass."""
    return tokens_of(span.doc)[span.start : span.end]


_SUBTREE_KEY = "summitry.subtree"


def subtree(tok) -> tuple:
    """``tuple(tok.subtree)``, in spaCy's order (each left child's subtree, the token,
    each right child's subtree), from the Doc's tree read once. spaCy's `subtree` is a
    generator of generators, one per token below, rebuilt on every call, and the rules
    ask for the same verb's subtree many times. A Span's `subtree` is read as spaCy's."""
    if type(tok) is not Token:
        return tuple(tok.subtree)
    try:
        made = tok.doc.user_data[_SUBTREE_KEY][tok.i]
    except KeyError:
        made = None
        tok.doc.user_data[_SUBTREE_KEY] = [None] * len(tok.doc)
    if made is None:
        doc = tok.doc
        order: list = []
        stack: list = [(tok, False)]
        while stack:  # depth first, without recursion: left children, self, right children
            t, expanded = stack.pop()
            if expanded:
                order.append(t)
                continue
            i, children = t.i, kids(t)
            for c in reversed(children):
                if c.i > i:
                    stack.append((c, False))
            stack.append((t, True))
            for c in reversed(children):
                if c.i < i:
                    stack.append((c, False))
        made = doc.user_data[_SUBTREE_KEY][tok.i] = tuple(order)
    return made


_OFFSETS_KEY = "summitry.offsets"


def span_text(doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without making the Span (spaCy's slicing costs as much as
    making a dozen Tokens): the article's text between the first token's start and the
    last one's end. Bounds are clipped as a slice's are."""
    n = len(doc)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if start >= end:
        return ""
    offsets = doc.user_data.get(_OFFSETS_KEY)
    if offsets is None or len(offsets) != n:
        offsets = doc.user_data[_OFFSETS_KEY] = doc.to_array("IDX").tolist()
    return doc_text(doc)[offsets[start] : offsets[end - 1] + len(token_texts(doc)[end - 1])]


def tokens_between(doc, start: int, end: int) -> list:
    """``list(doc[start:end])`` without making the Span; bounds clipped as a slice's are."""
    n = len(doc)
    return tokens_of(doc)[max(0, min(start, n)) : max(0, min(end, n))]


_TEXTS_KEY = "summitry.texts"


def token_texts(doc) -> list:
    """Every token's text, read once per Doc: slicing or indexing a Doc makes new Token
    (and Span) objects each time, which scans over every token pay for."""
    try:
        return doc.user_data[_TEXTS_KEY]
    except KeyError:
        pass
    strings = doc.vocab.strings
    keys = doc.to_array("ORTH").tolist()  # no Token per word
    text_of = {key: strings[key] for key in set(keys)}
    cached = doc.user_data[_TEXTS_KEY] = list(map(text_of.__getitem__, keys))
    return cached


def _ents_cache(doc) -> tuple:
    """(length, entities, their start tokens), computed once per Doc (spaCy rebuilds
    `doc.ents` on each access)."""
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None or cached[0] != len(doc):
        ents = tuple(doc.ents)
        cached = (len(doc), ents, [e.start for e in ents])
        doc.user_data[_ENTS_KEY] = cached
    return cached


def doc_ents(doc) -> tuple:
    """The Doc's entities, in order."""
    return _ents_cache(doc)[1]


def ents_between(doc, start: int, end: int, *, overlapping: bool = False) -> list:
    """Entities inside tokens [start, end) (or only overlapping them), found by bisection:
    asking for each sentence's entities costs the sentence, not the whole article."""
    _, ents, starts = _ents_cache(doc)
    # Entities do not overlap each other, so at most one starts before `start` and reaches in.
    first = bisect_left(starts, start)
    if overlapping and first > 0 and ents[first - 1].end > start:
        first -= 1
    out = []
    for ent in ents[first : bisect_left(starts, end)]:
        if overlapping or ent.end <= end:
            out.append(ent)
    return out


def span_ents(span) -> list:
    """Entities inside a span (a sentence), from the cached list."""
    return ents_between(span.doc, span.start, span.end)


def phrase(tokens) -> str:
    """The text covered by consecutive tokens, without leading/trailing punctuation or space."""
    tokens = [t for t in tokens]
    if not tokens:
        return ""
    doc = tokens[0].doc
    start, end = min(t.i for t in tokens), max(t.i for t in tokens)
    text = span_text(doc, start, end + 1)
    return text.strip(" ,;:-–—\n").replace("’", "'")


def strip_determiners(tokens) -> list:
    """Drop leading determiners and possessive pronouns from a token list."""
    tokens = list(tokens)
    while tokens and (
        tokens[0].lower_ in DETERMINERS or tokens[0].dep_ == "det" or tokens[0].tag_ == "PRP$"
    ):
        tokens = tokens[1:]
    return tokens


def evidence(idx: DocIndex, start_tok, end_tok, confidence: float, rule: str) -> Evidence:
    """Evidence for tokens [start_tok, end_tok] (inclusive) with its sentence."""
    doc = idx.doc
    sent = idx.sents[idx.sent_of[start_tok]]
    stored = stored_text(doc)
    a = stored.stored_offset(doc[start_tok].idx)
    b = stored.stored_offset(doc[end_tok].idx + len(doc[end_tok].text))
    sa, sb = stored.stored_offset(sent.start_char), stored.stored_offset(sent.end_char)
    return Evidence(Span(a, b, stored.stored[sa:sb], sa), round(confidence, 2), rule)


def clause_evidence(idx: DocIndex, tok, confidence: float, rule: str) -> Evidence:
    """Evidence spanning a trigger token's subtree, clipped to its sentence."""
    sent = idx.sent(tok)
    lo = max(tok.left_edge.i, sent.start)
    hi = min(tok.right_edge.i, sent.end - 1)
    return evidence(idx, lo, hi, confidence, rule)


def hyphenated(tok) -> str:
    """The whole hyphenated word a token is part of, lower-cased ('one-on-one', which the
    tokenizer splits in five); else the token's own text, lower-cased."""
    doc, start, end = tok.doc, tok.i, tok.i + 1

    def joined(i: int) -> bool:  # doc[i] and doc[i + 1] are one word joined by a hyphen
        return not doc[i].whitespace_ and "-" in (doc[i].text, doc[i + 1].text)

    while start > 0 and joined(start - 1):
        start -= 1
    while end < len(doc) and joined(end - 1):
        end += 1
    return span_text(doc, start, end).lower() if end - start > 1 else tok.lower_
