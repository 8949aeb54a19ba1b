"""Scans that look their trigger words up instead of reading every token
(`DocIndex.body_tokens`, `fact_tokens`, `text.tokens_in`) must still find what a
token-by-token reading finds, and only readers gated by those words may sit behind them."""

from __future__ import annotations

import pytest

from ingest.extract import extract, parse
from ingest.extract.gift_nouns import _gift_noun
from ingest.extract.gift_rules import READERS as GIFT_READERS
from ingest.extract.gifts import _verb_gift
from ingest.extract.text import build_index, lemma_positions, lower_positions, token_texts

TEXT = (
    "Leaders meet\n\n"
    "President Ana Ruiz welcomed Prime Minister Tomas Berg to Lima on Monday. "
    "The two leaders discussed trade and fisheries. "
    "Ruiz gave Berg a silver llama, and Berg's gift to Ruiz was a wool blanket. "
    "Protesters threatened to block the road."
)


@pytest.fixture(scope="module")
def idx(nlp):
    return build_index(parse(nlp, TEXT))


def test_token_lookups_agree_with_the_tokens(idx):
    doc = idx.doc
    assert token_texts(doc) == [t.text for t in doc]
    lemmas, lowers = lemma_positions(doc), lower_positions(doc)
    for t in doc:
        assert t.i in lemmas[t.lemma_.lower()]
        assert t.i in lowers[t.lower_]


def test_body_tokens_are_the_body_sentences_words_in_order(idx):
    found = idx.body_tokens({"give", "discuss"}, {"gift", "leaders"})
    expected = [
        t
        for s in idx.sents[idx.headline_sents :]
        for t in s
        if t.lemma_.lower() in {"give", "discuss"} or t.lower_ in {"gift", "leaders"}
    ]
    assert [t.i for t in found] == [t.i for t in expected]
    assert found, "the sample names these words in its body"
    headline = {t.i for s in idx.sents[: idx.headline_sents] for t in s}
    assert not headline & {t.i for t in found}  # 'Leaders meet' is the headline


def test_fact_tokens_leave_out_conflict_sentences(idx):
    assert idx.conflict, "the last sentence reports conflict"
    body = idx.body_tokens({"threaten", "give"})
    facts = idx.fact_tokens({"threaten", "give"})
    assert {t.lemma_ for t in body} >= {"threaten", "give"}
    assert [t.lemma_ for t in facts] == ["give"]


def test_gift_scan_reads_only_gated_readers():
    # find_gifts looks up gift verbs, adorning verbs and gift nouns only: a reader of
    # other words behind it would never be called
    assert set(GIFT_READERS["verb"]) == {_verb_gift}
    assert set(GIFT_READERS["noun"]) == {_gift_noun}


def test_gifts_of_both_readers_still_found(nlp):
    x = extract(TEXT, None, nlp=nlp)
    items = sorted(g.item for g in x.gifts)
    assert items == ["silver llama", "wool blanket"]
