"""The meeting, gift and agreement rule tables: every rule's examples come out of the whole
extractor with the rule's name in their evidence, every rule name the code writes is in a
table, and the tables' shapes hold (see `ingest.extract.rule_tables`).  The people stage's
table (`person_rules.PERSON_RULES`: the name rules, whose examples `test_name_rules` runs,
and the office-holder row) names the evidence of every leader the same way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ingest.extract import (
    agreement_args,
    agreement_rules,
    agreements,
    gift_rules,
    meeting_words,
    patterns,
)
from ingest.extract import meeting_rules as meeting_table
from ingest.extract.agreement_offers import _accession, _assured, _invitation, _pledge
from ingest.extract.agreement_proposals import _proposed
from ingest.extract.meeting_rules import MEETING_RULES
from ingest.extract.meetings import DEAL_VERBS, TRIP_VERBS
from ingest.extract.patterns import AS_WITNESS, PUT_OUT, anchored, matches
from ingest.extract.person_rules import OFFICE_HOLDER, PERSON_RULES
from ingest.extract.rule_tables import Agreed, Given, Met

TABLES = {
    "meeting": MEETING_RULES,
    "gift": gift_rules.GIFT_RULES,
    "agreement": agreement_rules.AGREEMENT_RULES,
}
ALL_RULES = [rule for table in TABLES.values() for rule in table]
NAMES = {rule.name for rule in ALL_RULES}
PEOPLE_NAMES = {rule.name for rule in PERSON_RULES}
CASES = [
    pytest.param(rule, sentence, fact, id=f"{rule.name}-{n}")
    for rule in ALL_RULES
    for n, (sentence, fact) in enumerate(rule.examples)
]
EXTRACT_DIR = Path(agreements.__file__).parent


def _found(extraction, fact):
    """The candidates of the extraction that are the example's fact."""
    if isinstance(fact, Met):
        return [m for m in extraction.meetings if set(fact.participants) <= set(m.participants)]
    if isinstance(fact, Given):
        return [
            g
            for g in extraction.gifts
            if (g.giver, g.recipient, g.item) == (fact.giver, fact.recipient, fact.item)
        ]
    assert isinstance(fact, Agreed)
    return [
        a
        for a in extraction.agreements
        if set(a.parties) == set(fact.parties) and (a.kind, a.status) == (fact.kind, fact.status)
    ]


@pytest.mark.parametrize(("rule", "sentence", "fact"), CASES)
def test_a_rule_example_gives_its_fact_under_the_rule_name(run_registered, rule, sentence, fact):
    extraction = run_registered(sentence)
    evidence = [e for c in _found(extraction, fact) for e in c.evidence if e.rule == rule.name]
    assert evidence, (rule.name, extraction.to_gold("example"))
    assert all(0 < e.confidence <= rule.confidence for e in evidence)
    written = {
        e.rule
        for facts in (extraction.meetings, extraction.gifts, extraction.agreements)
        for c in facts
        for e in c.evidence
    }
    assert written <= NAMES  # no fact of the example is told by an unnamed rule
    assert {e.rule for m in extraction.leaders for e in m.evidence} <= PEOPLE_NAMES


def test_every_table_row_has_a_name_of_its_stage_a_pattern_and_a_confidence():
    assert len(NAMES) == len(ALL_RULES)
    for stage, table in TABLES.items():
        for rule in table:
            assert rule.name.startswith(stage + ".") and rule.pattern
            assert 0 < rule.confidence <= 1
            assert callable(rule.find)


def test_every_people_row_has_a_leader_name_a_pattern_and_a_confidence():
    assert len(PEOPLE_NAMES) == len(PERSON_RULES)
    assert not PEOPLE_NAMES & NAMES
    for rule in PERSON_RULES:
        assert rule.name.startswith("leader.") and rule.pattern
        assert 0 < rule.confidence <= 1
        # every row but the builder's own reads names for `name_spans`
        assert callable(rule.find) or rule is OFFICE_HOLDER


def test_every_rule_but_a_catch_all_has_an_example():
    catch_alls = {"meeting.verb", "meeting.event_noun"}
    assert {rule.name for rule in ALL_RULES if not rule.examples} == catch_alls


def _rule_names_written_in(path: Path) -> set:
    """String constants of a module that are whole rule names ('agreement.sign')."""
    shape = re.compile(r"(meeting|gift|agreement|leader)\.[a-z_]+")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and shape.fullmatch(node.value)
    }


def test_every_rule_name_the_extractor_writes_is_in_a_table():
    written = set()
    for path in sorted(EXTRACT_DIR.rglob("*.py")):
        written |= {(name, path.name) for name in _rule_names_written_in(path)}
    assert written, "the scan found no rule names"
    assert {name for name, _ in written} & PEOPLE_NAMES, "the scan found no people rule names"
    tables = NAMES | PEOPLE_NAMES
    assert {(name, module) for name, module in written if name not in tables} == set()


def test_the_scan_for_rule_names_sees_a_name_no_table_holds(tmp_path):
    module = tmp_path / "rule.py"
    module.write_text(
        'RULE = "gift.thrown_over_the_wall"\nWHO = "leader.named_in_a_dream"\n'
        '"""gift.in_a_docstring is prose"""\n'
    )
    assert _rule_names_written_in(module) == {
        "gift.thrown_over_the_wall",
        "leader.named_in_a_dream",
    }


MENSAH = "President Kwame Mensah"


@pytest.mark.parametrize(
    ("text", "leader", "rule"),
    [
        (  # no title, on the other side of a meeting with a name found
            f"{MENSAH} held talks with Bakary Traore on Monday. Traore, the Malian prime "
            "minister, called the talks useful.",
            "Bakary Traore",
            "leader.partner",
        ),
        (  # its twin: the same name after a title is a PERSON entity
            f"{MENSAH} held talks with Prime Minister Bakary Traore in Accra on Monday.",
            "Bakary Traore",
            "leader.entity",
        ),
        (
            f"The Indian prime minister met {MENSAH} in Accra on Monday.",
            "Narendra Modi",
            "leader.office_holder",
        ),
        (  # its twin: the office-holder named
            f"Prime Minister Narendra Modi met {MENSAH} in Accra on Monday.",
            "Narendra Modi",
            "leader.registry",
        ),
        (
            f"Tolga Arslan, the prime minister of Turkey, met {MENSAH} in Accra on Monday.",
            "Tolga Arslan",
            "leader.appositive",
        ),
        (
            f"A letter from Marie de Villiers was read out. {MENSAH} met Marie de Villiers in "
            "Accra on Monday.",
            "Marie de Villiers",
            "leader.particle",
        ),
    ],
)
def test_a_leaders_evidence_names_the_people_row_of_their_first_mention(
    run_registered, text, leader, rule
):
    extraction = run_registered(text)
    (mention,) = [m for m in extraction.leaders if m.name == leader]
    assert [e.rule for e in mention.evidence] == [rule]


def test_every_meeting_trigger_word_has_its_own_row():
    verb_words = {w for r in MEETING_RULES if r.on == "verb" for w in r.triggers}
    noun_words = {w for r in MEETING_RULES if r.on == "noun" for w in r.triggers}
    assert meeting_words.VERB_TRIGGERS | DEAL_VERBS | TRIP_VERBS <= verb_words
    assert meeting_words.NOUN_TRIGGERS | {"conference", "attendance"} <= noun_words


def test_a_meeting_trigger_no_row_holds_falls_to_the_catch_all(nlp):
    doc = nlp("They parleyed for hours.")
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert meeting_table.rule_for("verb", verb).name == "meeting.verb"
    assert meeting_table.rule_for("verb", nlp("They met.")[1]).name == "meeting.meet"


def test_the_agreement_verb_pass_tries_the_readers_in_the_old_order():
    # order matters: the first reader that reads the verb wins
    assert agreement_rules.READERS["verb"] == (
        agreements._sign,
        agreements._oversaw,
        agreements._issue,
        agreements._stated,
        agreements._agree,
        _invitation,
        _accession,
        _pledge,
        _assured,
        _proposed,
    )


def test_each_stage_dispatch_reads_through_its_table(run_registered, monkeypatch):
    text = (
        "President Emmanuel Macron met President Joe Biden in Paris on Monday. Macron "
        "gave Biden a silver clock. Macron and Biden signed a trade agreement."
    )
    before = run_registered(text)
    assert before.meetings and before.gifts and before.agreements
    monkeypatch.setitem(meeting_table.READERS, "verb", ())
    monkeypatch.setitem(gift_rules.READERS, "verb", ())
    monkeypatch.setitem(agreement_rules.READERS, "verb", ())
    after = run_registered(text)
    assert (after.meetings, after.gifts, after.agreements) == ((), (), ())


# The spaCy DependencyMatcher patterns: what they match and what they leave.
DOCUMENTS = [
    ("The two leaders struck a deal on gas.", "struck", "deal"),
    ("They met on Monday. Then the two leaders struck a deal.", "struck", "deal"),
    ("A memorandum on water was signed on Monday.", "signed", "memorandum"),
    ("They signed a raft of agreements on trade.", "signed", "agreements"),
    ("The ministers agreed on a deal.", "agreed", "deal"),
    ("The leaders issued a joint statement.", "issued", "statement"),
    ("The leaders issued a statement.", "issued", None),
    ("The leaders struck the table.", "struck", None),
    ("They signed a raft of letters.", "signed", None),
]


@pytest.mark.parametrize(("sentence", "verb", "document"), DOCUMENTS)
def test_the_document_object_pattern(nlp, sentence, verb, document):
    doc = nlp(sentence)
    found = agreement_args.object_doc(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == document


@pytest.mark.parametrize(
    ("sentence", "verb", "pattern_set", "expected"),
    [
        ("He signed the treaty as a witness.", "signed", AS_WITNESS, True),
        ("He signed the treaty as president.", "signed", AS_WITNESS, False),
        ("The two leaders put out a joint statement.", "put", PUT_OUT, True),
        ("The two leaders put a statement on the table.", "put", PUT_OUT, False),
    ],
)
def test_the_witness_and_put_out_patterns(nlp, sentence, verb, pattern_set, expected):
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == verb)
    assert bool(anchored(tok, pattern_set)) is expected


def test_a_pattern_set_runs_once_a_sentence_and_never_on_one_without_its_words(nlp, monkeypatch):
    doc = nlp("The two leaders met in Rome. Then they put out a joint statement.")
    put = next(t for t in doc if t.text == "put")
    found = anchored(put, PUT_OUT)
    assert [(label, doc[nodes["out"]].text) for label, nodes in found] == [("put_out", "out")]
    assert anchored(put, PUT_OUT) is found  # kept for the sentence
    monkeypatch.setattr(patterns, "_matcher", None)  # no matcher may run from here on
    assert anchored(doc[3], PUT_OUT) == []  # "met": its sentence has no "out"
    assert matches(nlp("They toured the Colosseum."), PUT_OUT) == {}


def test_a_rule_matcher_matches_its_own_examples(nlp):
    with_matchers = [rule for rule in ALL_RULES if rule.matchers]
    assert with_matchers
    for rule in with_matchers:  # a matcher is one route of its rule: some example takes it
        hits = [
            (sentence, t.text)
            for sentence, _ in rule.examples
            for t in nlp(sentence)
            for pattern_set in rule.matchers
            if anchored(t, pattern_set)
        ]
        assert hits, rule.name
