"""spaCy `DependencyMatcher` patterns of the rule tables, and the runner that caches them.

A pattern is a construction a rule reads on the dependency parse, written the way spaCy
writes one, so that it can be read and tested apart from the code around it.  A named
pattern set runs once per Doc (its matches are kept in `doc.user_data`); a rule asks for
the matches of one token, the node named "verb" (`anchored`), which is a VERB as the
tagger reads it (the rules read verbs).  The sets:

- `agreement_args.DOCUMENT_OBJECT`: a verb acting on a document, "signed an agreement",
  "struck a deal", "a memorandum was signed", "issued a joint statement", "signed a set of
  agreements", "agreed on a deal" (`agreement_args.object_doc`);
- `AS_WITNESS`: "signed as a witness" (`agreements._witness`: no party signs);
- `PUT_OUT`: a verb with the particle "out", "put out a joint statement"
  (`agreements._put_out`: issued it).

Cost: spaCy matches every node against every token, so a node with no attributes (or
only a set, `{"IN": [...]}`, or a regular expression, each a Python call per token) is
dear; with the verb node left open the document patterns took a third of the extractor's
time.  Nodes test plain attributes where they can.
"""

from __future__ import annotations

from spacy.matcher import DependencyMatcher


def node(node_id: str, **attrs) -> dict:
    """A pattern's first node, with these token attributes."""
    return {"RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


def child(left: str, node_id: str, **attrs) -> dict:
    """A node hung right under `left` (spaCy's '>' operator)."""
    return {"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


def head(left: str, node_id: str, **attrs) -> dict:
    """The node `left` hangs right under (spaCy's '<' operator)."""
    return {"LEFT_ID": left, "REL_OP": "<", "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


AS_WITNESS = {
    "as_witness": [
        node("witness", LOWER="witness"),
        head("witness", "as", DEP="prep", LOWER="as"),
        head("as", "verb", POS="VERB"),
    ]
}
PUT_OUT = {
    "put_out": [
        node("out", DEP="prt", LOWER="out"),
        head("out", "verb", POS="VERB"),
    ]
}

_MATCHERS: dict = {}  # (name, id of the vocab) -> (the vocab, its DependencyMatcher, node ids)
_CACHE_KEY = "summitry.dependency_matches"


def _matcher(vocab, name: str, patterns: dict) -> tuple:
    key = (name, id(vocab))
    if key not in _MATCHERS:
        matcher = DependencyMatcher(vocab)
        for label, pattern in patterns.items():
            matcher.add(label, [pattern])
        node_ids = {label: [n["RIGHT_ID"] for n in pattern] for label, pattern in patterns.items()}
        _MATCHERS[key] = (vocab, matcher, node_ids)  # the vocab held: its id stays its own
    return _MATCHERS[key][1:]


def matches(doc, name: str, patterns: dict) -> dict:
    """A pattern set's matches in a Doc by the index of their "verb" node: {i: [(label,
    {node id: token index}), ...]}.  Computed once per Doc and name (the name stands for
    the set)."""
    cache = doc.user_data.setdefault(_CACHE_KEY, {})
    if name not in cache:
        matcher, node_ids = _matcher(doc.vocab, name, patterns)
        found: dict = {}
        for match_id, ids in matcher(doc):
            label = doc.vocab.strings[match_id]
            nodes = dict(zip(node_ids[label], ids, strict=True))
            found.setdefault(nodes["verb"], []).append((label, nodes))
        cache[name] = found
    return cache[name]


def anchored(tok, name: str, patterns: dict) -> list:
    """The matches of a pattern set whose "verb" node is this token."""
    return matches(tok.doc, name, patterns).get(tok.i, [])
