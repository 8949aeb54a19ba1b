"""Every name rule's examples: the rule's finder alone finds the name, and so does the
whole table (`name_spans`)."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.names import NAME_RULES, name_spans
from ingest.extract.names.finders import titled_names
from ingest.extract.names.rules import NameContext
from ingest.extract.names.tokens import prefixes_of
from ingest.extract.text import build_index

CASES = [(rule.name, sentence, name) for rule in NAME_RULES for sentence, name in rule.examples]


def _index(nlp, sentence):
    return build_index(nlp(sentence), None, dt.date(2024, 3, 14))


@pytest.mark.parametrize(("rule_name", "sentence", "name"), CASES)
def test_a_rule_finds_its_example_alone(nlp, rule_name, sentence, name):
    idx = _index(nlp, sentence)
    doc, prefixes = idx.doc, prefixes_of(idx)
    ctx = NameContext(doc, prefixes, titled=tuple(titled_names(doc, set(), prefixes)))
    rule = next(r for r in NAME_RULES if r.name == rule_name)
    assert name in [doc[s:e].text for s, e in rule.find(ctx, set())]


@pytest.mark.parametrize(("rule_name", "sentence", "name"), CASES)
def test_the_rule_table_finds_each_example(nlp, rule_name, sentence, name):
    idx = _index(nlp, sentence)
    assert name in [idx.doc[span.start : span.end].text for span in name_spans(idx)]


def test_every_rule_has_a_name_a_pattern_and_a_confidence():
    assert len({rule.name for rule in NAME_RULES}) == len(NAME_RULES)
    for rule in NAME_RULES:
        assert rule.pattern and 0 < rule.confidence <= 1
