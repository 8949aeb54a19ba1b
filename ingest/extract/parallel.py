"""'The leaders of Russia, Ukraine, Germany and France ... A, B, C and D': countries
given as a list, and the people as a list of the same length in the same or the
next sentence, pair up in order (news writers list them respectively).  Only
persons without a country get one, and only when the lengths match.
"""

from __future__ import annotations

from gazetteer import geo

from .lexicon import TITLE_SET
from .names import title_of_noun
from .names.bounds import office_list_items
from .names.tokens import indices_of_words
from .person_rules import _singular
from .text import doc_ents, kids, span_tokens

# Plural nouns that name no particular office: their listed members get no title from them.
GENERIC_OFFICES = {"leader", "head"}
PLURAL_OFFICES = {"leaders", "presidents", "heads", "prime", "ministers", "chancellors", "kings"}


def _country_list(tok) -> list:
    """['RU', 'UA', ...] for 'leaders of Russia, Ukraine, ...', else []."""
    for prep in (c for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in kids(prep) if c.dep_ == "pobj"):
            items, stack = [], [obj]
            while stack:
                t = stack.pop()
                items.append(t)
                stack.extend(c for c in kids(t) if c.dep_ == "conj")
            items.sort(key=lambda t: t.i)
            codes = _item_codes(items)
            # "of Greece and Turkey, A and B": the parser may chain the names onto the list
            leading = codes[: codes.index(None)] if None in codes else codes
            if len(leading) >= 2:
                return leading
            return _entity_list(prep)
    return []


def _entity_list(prep) -> list:
    """The countries between 'of' and the next comma when every word there is a country
    entity, 'and' or 'the' ('of the Republic of the Congo and Norway,'), else []."""
    doc = prep.doc
    end = prep.i + 1
    while end < len(doc) and doc[end].text != "," and end - prep.i < 16:
        end += 1
    codes, seen = [], set()
    for ent in doc_ents(doc):
        if prep.i < ent.start and ent.end <= end and ent.label_ == "GPE":
            codes.append(geo.country_for(ent.text))
            seen.update(range(ent.start, ent.end))
    rest = [t for t in doc[prep.i + 1 : end] if t.i not in seen]
    if None in codes or any(t.lower_ not in ("and", "the") for t in rest):
        return []
    return codes if len(codes) >= 2 else []


def _item_code(tok) -> str | None:
    doc = tok.doc
    return (
        geo.country_for(doc[tok.left_edge.i : tok.i + 1].text)
        or geo.country_for(tok.text)
        or geo.country_for(_item_text(tok))  # "the Republic of the Congo"
    )


def _item_codes(items) -> list:
    """The country of each listed item; two items the parser split inside one country's
    name ('Trinidad' and 'Tobago') give that one country."""
    codes, k = [], 0
    while k < len(items):
        tok = items[k]
        if k + 1 < len(items) and _item_code(items[k + 1]) is None:
            joined = geo.country_for(tok.doc[tok.left_edge.i : items[k + 1].i + 1].text)
            if joined:
                codes.append(joined)
                k += 2
                continue
        codes.append(_item_code(tok))
        k += 1
    return codes


def _item_text(tok) -> str:
    """A list item's own words: its subtree without the items coordinated to it."""
    own = [tok]
    stack = [c for c in kids(tok) if c.dep_ not in ("conj", "cc", "punct")]
    while stack:
        t = stack.pop()
        own.append(t)
        stack.extend(kids(t))
    return " ".join(t.text for t in sorted(own, key=lambda t: t.i))


def _name_list(sents, people, n: int, beside=frozenset()) -> list:
    """The first coordinated list of exactly n named persons in these sentences, none of
    them a person the office list was coordinated with."""
    for sent in sents:
        for tok in span_tokens(sent):
            if tok.dep_ == "conj" and tok.head.i in people.by_tok:
                continue  # inside a list of persons already tried from its first member
            if not people.pids(tok) or tok.i not in people.by_tok:
                continue
            pids = people.refs(tok)
            if len(pids) == n and not set(pids) & beside:
                return pids
    return []


def assign_listed_countries(idx, people) -> None:
    """Give listed persons the listed countries, in order (see module docstring)."""
    _group_interleaved(idx.doc, people)
    for n_sent, sent in enumerate(idx.sents):
        for tok in span_tokens(sent):
            if tok.lower_ not in PLURAL_OFFICES or tok.tag_ not in ("NNS", "NNPS"):
                continue
            codes = _country_list(tok)
            if not codes:
                continue
            # "X and the foreign ministers of A and B": X is not one of the listed ministers
            beside = set(people.refs(tok.head)) if tok.dep_ == "conj" else set()
            pids = _name_list(idx.sents[n_sent : n_sent + 2], people, len(codes), beside)
            title = _office_title(tok)
            for pid, code in zip(pids, codes, strict=False):
                person = people.get(pid)
                if not person.country and not person.org:
                    person.country = code
                if title and not person.title:
                    person.title = title
            listed = len(pids) == len(codes)
            if listed and tok.i not in people.groups and tok.i not in people.by_tok:
                people.groups[tok.i] = tuple(pids)  # "the ministers ... signed": the listed two


def _office_title(tok) -> str | None:
    """'prime minister' for the office list 'the prime ministers of A and B' (not for a
    generic 'leaders' or 'heads')."""
    said = title_of_noun(tok)
    if not said.title:
        return None
    title = _singular(said.title)
    low = title.lower()
    return title if low in TITLE_SET and low not in GENERIC_OFFICES else None


def _group_interleaved(doc, people) -> None:
    """'the prime ministers of Chile A, Peru B and Norway C met': the office noun stands
    for the persons listed after it, each with a country of their own
    (`names.bounds.office_list_items`, which the name rules read too)."""
    for of in indices_of_words(doc, ("of",)):
        items = office_list_items(doc, of)
        pids = tuple(dict.fromkeys(people.by_tok.get(s) for _, s, _ in items))
        if len(pids) >= 2 and None not in pids:
            people.groups.setdefault(of - 1, pids)
