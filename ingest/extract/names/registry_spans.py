"""Span finders for names already known: registry names and aliases, a lone surname the
registry gives to one leader in office, and later mentions of known name words; the NER
spans a registry name covers more of are replaced by it.  Run by `rules.name_spans`."""

from __future__ import annotations

from gazetteer import geo
from gazetteer.registry import MAX_NAME_WORDS

from ..lexicon import HONORIFICS, NAME_PREFIXES, TITLE_SET
from ..tags import PROPN
from ..text import span_text, token_texts, tokens_of
from .bounds import extend_left, joins_hyphen, spouse_after_comma
from .tokens import prefix_word


def surname_mentions(doc, known: set, taken: set, prefixes=frozenset()) -> list:
    """Later mentions of known name words the tagger missed ('Modi' tagged GPE, 'the Bidens')."""
    spans = []
    texts = token_texts(doc)
    i = 0
    while i < len(doc):
        text = texts[i]
        if i in taken or not (text in known or text.endswith("s") and text[:-1] in known):
            i += 1
            continue
        tok = doc[i]
        if text not in known and tok.tag_ != "NNPS" or tok.ent_type_ == "DATE":
            i += 1
            continue
        e = i + 1
        while e < len(doc) and e not in taken:
            if texts[e] in known:
                e += 1
            elif joins_hyphen(doc, e) and doc[e + 1].text in known and e + 1 not in taken:
                e += 2  # 'Lind-Berg': both halves of a hyphenated surname, never one
            else:
                break
        if not geo.country_for(span_text(doc, i, e)):
            spouse = spouse_after_comma(doc, e)  # 'Sofia Lind, his wife,'
            start = extend_left(doc, i, prefixes, spouse) if i - 1 not in taken else i
            spans.append((start, e))
        i = e
    return spans


def registry_names(doc, registry, published=None, prefixes=frozenset()) -> list:
    """Spans of registry names and aliases ('Yoon Suk Yeol', 'Jokowi').

    A match must start at a capitalised proper noun (or a capitalised word the proper
    nouns of the rest of the match vouch for) and end at a word of the name: the
    registry fixes names the NER model cuts short or misses, it does not find people in
    common words. Of overlapping matches the one reaching furthest wins ('King Bhumibol
    Adulyadej' over the alias 'King Bhumibol')."""
    found = []
    texts = token_texts(doc)
    for tok in tokens_of(doc):
        i = tok.i
        if not tok.text[:1].isupper():
            continue
        words = texts[i : i + MAX_NAME_WORDS + 4]
        n = registry.match_at(words)
        if n and not _may_start_name(doc, i, n):
            n = 0
        if n == 1 and _written_as_style(doc, i):
            continue  # 'HH the Amir', 'HH Sheikh Tamim': His Highness, not an alias 'HH'
        if n and all(not t.is_punct or t.text in ("-", "'", ".") for t in doc[i : i + n]):
            # a title in an alias ('Sheikh ...', 'Crown Prince ...') stays a title
            start = i
            while start < i + n - 1 and (_is_title_word(doc[start]) or start in prefixes):
                start += 1
            found.append((start, i + n))
        elif _office_holder_surname(tok, registry, published):
            found.append((i, i + 1))
    spans, taken = [], set()
    for s, e in sorted(found, key=lambda span: (-span[1], span[0])):
        if not any(i in taken for i in range(s, e)):
            spans.append((s, e))
            taken.update(range(s, e))
    return sorted(spans)


def _may_start_name(doc, i: int, n: int) -> bool:
    """Whether a registry match of n words may start at token i: at a proper noun or a
    PERSON word, or at any capitalised word when the match goes on through proper nouns.
    The tagger often reads an unfamiliar given name that opens a sentence as a verb or an
    adverb ('Amadou Oury Bah met ...', 'Since arriving, Tantely Andrianarivo has ...');
    the name's later words, all in the match, vouch for it."""
    tok = doc[i]
    if tok.pos == PROPN or tok.ent_type_ == "PERSON":
        return True
    if n < 2 or not tok.is_alpha or tok.is_stop:
        return False
    rest = [t for t in doc[i + 1 : i + n] if not t.is_punct]
    return bool(rest) and all(t.pos == PROPN or t.ent_type_ == "PERSON" for t in rest)


def _written_as_style(doc, i: int) -> bool:
    """Whether a one-word alias is a courtesy style here ('HH'): the word is a style and
    a title or another name follows it."""
    if prefix_word(doc[i]) not in NAME_PREFIXES or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return nxt.lower_ == "the" or nxt.lower_ in TITLE_SET or nxt.text[:1].isupper()


def _is_title_word(tok) -> bool:
    low = tok.lower_
    return low in TITLE_SET or low in HONORIFICS or low in ("crown", "his", "her", "majesty")


def _office_holder_surname(tok, registry, published) -> bool:
    """'Macron met Modi': a lone surname the registry gives to exactly one person in office
    on the article's date, and that is not a place."""
    if tok.pos != PROPN or len(tok.text) < 2 or not tok.text[0].isupper():
        return False
    if tok.text.isupper():
        return False  # 'UN', 'US': an acronym, not the surname 'Un' of a family-name-first leader
    if published is None or not registry.knows_surname(tok.text):
        return False
    if tok.ent_type_ in ("DATE", "TIME", "MONEY"):
        return False
    if geo.country_for(tok.text) or geo.country_for_place(tok.text):
        return False
    return registry.person_by_surname(tok.text, published) is not None


def with_registry_names(spans: list, found: list) -> list:
    """NER spans, where a registry name (`found`) covers more of the same words, replaced by it."""
    if not found:
        return spans
    out = []
    for s, e in found:
        overlapping = [(a, b) for a, b in spans if a < e and s < b]
        if all(s <= a and b <= e for a, b in overlapping):
            out.append((s, e))
    covered = {i for s, e in out for i in range(s, e)}
    out += [(s, e) for s, e in spans if not any(i in covered for i in range(s, e))]
    return sorted(out)
