"""spaCy `DependencyMatcher` patterns of the rule tables, and the runner that caches them.

A pattern is a construction a rule reads on the dependency parse, written the way spaCy
writes one, so that it can be read and tested apart from the code around it.  A
rule asks for the matches of one token, the node named "verb" (`anchored`), which is a
VERB as the tagger reads it (the rules read verbs); a `PatternSet` then runs once on that
token's sentence, if the sentence holds one of its words.  The sets:

- `AS_WITNESS`: "signed as a witness" (`agreements._witness`: no party signs);
- `PUT_OUT`: a verb with the particle "out", "put out a joint statement"
  (`agreements._put_out`: issued it).

Cost: spaCy matches every node against every token, so a node with no attributes, or with
a word set (`{"IN": [...]}`) or a regular expression (each a Python call per token), is
dear: with the verb node left open the document patterns took a third of the extractor's
time, and even with plain attributes the verb-object patterns of documents cost a sixth
(the matcher's relation checks), so `agreement_args.object_doc` reads the verb's children
in Python.  Nodes test plain attributes; word lists are read on the matches, and `words` spares
the sentences that hold none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import DependencyMatcher

from .text import sent_of


def node(node_id: str, **attrs) -> dict:
    """A pattern's first node, with these token attributes."""
    return {"RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


def child(left: str, node_id: str, **attrs) -> dict:
    """A node hung right under `left` (spaCy's '>' operator)."""
    return {"LEFT_ID": left, "REL_OP": ">", "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


def head(left: str, node_id: str, **attrs) -> dict:
    """The node `left` hangs right under (spaCy's '<' operator)."""
    return {"LEFT_ID": left, "REL_OP": "<", "RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


@dataclass(frozen=True)
class PatternSet:
    name: str
    patterns: dict = field(hash=False)  # label -> a DependencyMatcher pattern
    words: frozenset = frozenset()  # a Doc with none of these (lower case) has no match


AS_WITNESS = PatternSet(
    "as_witness",
    {
        "as_witness": [
            node("witness", LOWER="witness"),
            head("witness", "as", DEP="prep", LOWER="as"),
            head("as", "verb", POS="VERB"),
        ]
    },
    frozenset({"witness"}),
)
PUT_OUT = PatternSet(
    "put_out",
    {"put_out": [node("out", DEP="prt", LOWER="out"), head("out", "verb", POS="VERB")]},
    frozenset({"out"}),
)

_MATCHERS: dict = {}  # (set name, id of the vocab) -> (the vocab, its matcher, node ids)
_CACHE_KEY = "summitry.dependency_matches"


def _matcher(vocab, patterns: PatternSet) -> tuple:
    key = (patterns.name, id(vocab))
    if key not in _MATCHERS:
        matcher = DependencyMatcher(vocab)
        for label, pattern in patterns.patterns.items():
            matcher.add(label, [pattern])
        node_ids = {
            label: [n["RIGHT_ID"] for n in pattern] for label, pattern in patterns.patterns.items()
        }
        _MATCHERS[key] = (vocab, matcher, node_ids)  # the vocab held: its id stays its own
    return _MATCHERS[key][1:]


def _run(span, patterns: PatternSet) -> dict:
    """A pattern set's matches in a Doc or a sentence by the index (in the Doc) of their
    "verb" node: {i: [(label, {node id: token index}), ...]}."""
    found: dict = {}
    if patterns.words and not any(t.lower_ in patterns.words for t in span):
        return found
    offset = span.start if hasattr(span, "start") else 0  # a Span's matches count from it
    matcher, node_ids = _matcher(span.vocab, patterns)
    for match_id, ids in matcher(span):
        label = span.vocab.strings[match_id]
        nodes = {n: offset + i for n, i in zip(node_ids[label], ids, strict=True)}
        found.setdefault(nodes["verb"], []).append((label, nodes))
    return found


def matches(doc, patterns: PatternSet) -> dict:
    """A pattern set's matches in a whole Doc (see `_run`)."""
    return _run(doc, patterns)


def anchored(tok, patterns: PatternSet) -> list:
    """The matches of a pattern set whose "verb" node is this token.  The set runs once on
    the token's sentence (a tree does not cross sentences), kept in `doc.user_data`: the
    sentences no rule asks about are never matched."""
    cache = tok.doc.user_data.setdefault(_CACHE_KEY, {})
    mine = cache.get((patterns.name, tok.i))  # the rules ask about one verb many times
    if mine is None:
        sent = sent_of(tok)
        key = (patterns.name, "sentence", sent.start)
        if key not in cache:
            cache[key] = _run(sent, patterns)
        mine = cache[(patterns.name, tok.i)] = cache[key].get(tok.i, [])
    return mine
