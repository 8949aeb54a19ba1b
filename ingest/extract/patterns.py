"""spaCy `DependencyMatcher` patterns of the rule tables, and the runner that caches them.

A pattern is a construction a rule reads on the dependency parse, written the way spaCy
writes one, so that it can be read and tested apart from the code around it.  A named
pattern set runs once per Doc (its matches are kept in `doc.user_data`); a rule asks for
the matches anchored on one token (`anchored`).  The sets:

- `agreement_args.DOCUMENT_OBJECT`: a verb acting on a document, "signed an agreement",
  "struck a deal", "a memorandum was signed", "issued a joint statement", "signed a set of
  agreements", "agreed on a deal" (`agreement_args.object_doc`);
- `AS_WITNESS`: "signed as a witness" (`agreements._witness`: no party signs);
- `PUT_OUT`: "put out a joint statement" (`agreements._put_out`: issued it).

The first node of every pattern is its anchor, named "verb".
"""

from __future__ import annotations

from spacy.matcher import DependencyMatcher

ANCHOR = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {}}


def child(left: str, node_id: str, **attrs) -> dict:
    """A node hung right under `left` (spaCy's '>' operator) with these token attributes."""
    return {"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


AS_WITNESS = {
    "as_witness": [
        ANCHOR,
        child("verb", "as", DEP="prep", LOWER="as"),
        child("as", "witness", LOWER="witness"),
    ]
}
PUT_OUT = {
    "put_out": [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "(?i)^put$"}}},
        child("verb", "out", DEP="prt", LOWER="out"),
    ]
}

_MATCHERS: dict = {}  # (name, id of the vocab) -> (the vocab, its DependencyMatcher)
_CACHE_KEY = "summitry.dependency_matches"


def _matcher(vocab, name: str, patterns: dict) -> DependencyMatcher:
    key = (name, id(vocab))
    if key not in _MATCHERS:
        matcher = DependencyMatcher(vocab)
        for label, pattern in patterns.items():
            matcher.add(label, [pattern])
        _MATCHERS[key] = (vocab, matcher)  # the vocab is held so that its id stays its own
    return _MATCHERS[key][1]


def matches(doc, name: str, patterns: dict) -> dict:
    """A pattern set's matches in a Doc by anchor token index: {i: [(label, token indices
    in node order), ...]}.  Computed once per Doc and name."""
    cache = doc.user_data.setdefault(_CACHE_KEY, {})
    if name not in cache:
        found: dict = {}
        strings = doc.vocab.strings
        for match_id, ids in _matcher(doc.vocab, name, patterns)(doc):
            found.setdefault(ids[0], []).append((strings[match_id], tuple(ids)))
        cache[name] = found
    return cache[name]


def anchored(tok, name: str, patterns: dict) -> list:
    """The matches of a pattern set anchored on one token."""
    return matches(tok.doc, name, patterns).get(tok.i, [])
