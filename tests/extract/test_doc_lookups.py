"""The per-Doc lookups the rules read instead of spaCy's own accessors (`text.kids`,
`sent_of`, `subtree`, `tokens_of`, `span_tokens`, `span_text`, `tokens_between`,
`token_pos`, the lemma and lower-case tables, `split_sentences`, the part-of-speech ids
of `tags`) must give what spaCy gives; and an extraction must leave nothing in the Doc
that keeps it alive after its caller lets go."""

from __future__ import annotations

import gc

import pytest
from spacy.tokens import Doc

from ingest.extract import extract_doc, parse, tags
from ingest.extract.conflict import _verb_asserted, verb_asserted
from ingest.extract.names.tokens import indices_of_words
from ingest.extract.persons import conjuncts
from ingest.extract.places import Place, places_around
from ingest.extract.text import (
    NORMALIZED_KEY,
    TEXT_KEY,
    build_index,
    doc_text,
    kids,
    lemma_positions,
    lower_positions,
    sent_of,
    span_text,
    span_tokens,
    split_sentences,
    subtree,
    token_pos,
    tokens_between,
    tokens_of,
)

TEXT = (
    "Two presidents meet in Quito\n\n"
    "QUITO, Ecuador (Wire) — President Lena Ortiz hosted Kenyan President Samuel Otieno, "
    "Chancellor Ida Brandt and Prime Minister Rafael Costa at the Carondelet Palace on "
    "Tuesday.\nThe four leaders held talks on trade, and Ortiz gave Otieno a carved "
    "wooden bowl.  They agreed to meet again in Nairobi next year.\n\n"
    "“We spoke as friends,” Otieno said. Talks with Brandt’s delegation ended late."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return build_index(parse(nlp, TEXT)).doc


def test_kids_are_spacys_children_in_order(doc):
    for tok in doc:
        assert [c.i for c in kids(tok)] == [c.i for c in tok.children]
    assert any(len(kids(t)) > 2 for t in doc)


def test_subtree_is_spacys_subtree_in_order(doc):
    for tok in doc:
        assert [t.i for t in subtree(tok)] == [t.i for t in tok.subtree]
        assert subtree(tok) is subtree(tok)  # read once
    assert any(len(subtree(t)) > 10 for t in doc)


def test_subtree_keeps_spacys_order_in_a_crossing_tree(nlp):
    """A parse may cross its arcs (the parser lifts non-projective ones back), so a
    subtree need not be a run of words: its order must still be spaCy's."""
    words = ["A", "hearing", "is", "scheduled", "on", "the", "issue", "today", "."]
    heads = [1, 3, 3, 3, 1, 6, 4, 3, 3]  # 'on the issue' hangs on 'hearing' across 'scheduled'
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "npadvmod", "punct"]
    crossing = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    for tok in crossing:
        assert [t.i for t in subtree(tok)] == [t.i for t in tok.subtree]
    assert [t.i for t in subtree(crossing[1])] == [0, 1, 4, 5, 6]


def test_a_spans_subtree_is_read_as_spacys(doc):
    span = doc[3:9]
    assert [t.i for t in subtree(span)] == [t.i for t in span.subtree]


def test_tokens_of_is_the_docs_tokens(doc):
    assert [t.i for t in tokens_of(doc)] == list(range(len(doc)))
    assert tokens_of(doc) is tokens_of(doc)


def test_span_tokens_are_the_spans_tokens(doc):
    for sent in doc.sents:
        assert [t.i for t in span_tokens(sent)] == [t.i for t in sent]
    assert [t.i for t in span_tokens(doc[4:4])] == []


def test_part_of_speech_ids_name_the_parts_of_speech(doc):
    for name in tags.__all__:
        assert doc.vocab.strings[getattr(tags, name)] == name
    for tok in doc:
        assert (tok.pos == tags.PROPN) == (tok.pos_ == "PROPN")


def test_sent_of_is_spacys_sentence(doc):
    for tok in doc:
        assert sent_of(tok) == tok.sent
    assert len({sent_of(t).start for t in doc}) > 3


def test_span_text_and_tokens_between_are_a_slices(doc):
    n = len(doc)
    for start in range(-2, n + 2, 3):
        for end in range(start - 1, min(start + 9, n + 3)):
            assert span_text(doc, start, end) == doc[max(start, 0) : max(end, 0)].text
            assert [t.i for t in tokens_between(doc, start, end)] == [
                t.i for t in doc[max(start, 0) : max(end, 0)]
            ]


def test_token_tables_agree_with_the_tokens(doc):
    assert token_pos(doc) == [t.pos_ for t in doc]
    lemmas, lowers = lemma_positions(doc), lower_positions(doc)
    assert sum(len(v) for v in lemmas.values()) == len(doc)
    assert sum(len(v) for v in lowers.values()) == len(doc)
    for t in doc:
        assert t.i in lemmas[t.lemma_.lower()]
        assert t.i in lowers[t.lower_]
    words = {"president", ",", "talks", "nairobi"}
    assert indices_of_words(doc, words) == [t.i for t in doc if t.lower_ in words]


def test_doc_text_is_the_parsed_text(doc):
    assert doc_text(doc) == doc.text


def test_split_sentences_cut_at_line_breaks_and_drop_blank_runs(doc):
    expected = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    expected.append((start, tok.i))
                start = tok.i + 1
        if start < sent.end:
            expected.append((start, sent.end))
    expected = [(a, b) for a, b in expected if any(not t.is_space for t in doc[a:b])]
    assert [(s.start, s.end) for s in split_sentences(doc)] == expected
    assert len(expected) > len(list(doc.sents)) - 1


def test_memoised_readings_equal_fresh_ones(doc):
    for tok in doc:
        first = [t.i for t in conjuncts(tok)]
        assert [t.i for t in conjuncts(tok)] == first
    hosted = next(t for t in doc if t.lemma_ == "host")
    assert [t.i for t in conjuncts(next(c for c in kids(hosted) if c.dep_ == "dobj"))]
    for tok in doc:
        assert verb_asserted(tok) == verb_asserted(tok) == _verb_asserted(tok)
    places = places_around(hosted)
    assert places == places_around(hosted)
    assert places_around(hosted) is not places  # each caller gets its own list
    with pytest.raises(AttributeError):  # shared between callers, so never changed
        Place("Quito", 1, "EC", 0).country = "PE"


def test_an_extraction_leaves_no_cycle_holding_the_doc(nlp):
    doc = parse(nlp, TEXT)
    extraction = extract_doc(doc, None)
    assert extraction.meetings, "the text tells a meeting"
    assert set(k for k in doc.user_data if str(k).startswith("summitry.")) <= {
        NORMALIZED_KEY,
        TEXT_KEY,
    }
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        doc = parse(nlp, TEXT)
        extract_doc(doc, None)
        del doc
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [o for o in gc.garbage if type(o).__name__ in ("Doc", "Token", "Span")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert left == []
