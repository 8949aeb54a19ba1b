"""The generated suites: deterministic, complete, and filled with real leaders in office."""

from __future__ import annotations

import re

import pytest

from ingest.capabilities import CAPABILITIES, generate, select
from ingest.capabilities.expectations import NEGATIVE
from ingest.capabilities.fillers import shipped_registry

PER_CAPABILITY = 6

# Every failure kind of issue 11 and its negative twin (the brief's list).
REQUIRED = """
meeting.plain_met meeting.received_by meeting.phone_call meeting.summit_brought_together
meeting.attended_by meeting.conflict_topic meeting.conflict_negative meeting.modality_negative
meeting.four_parties gift.ditransitive gift.presented_with_passive gift.gifted
gift.among_the_gifts gift.figurative_negative gift.received_at_palace_is_meeting
gift.exchange_both_directions gift.couple_one_gift gift.to_spouse agreement.struck_deal
agreement.signed_with agreement.passive_signed_by agreement.named_documents
agreement.batch_count agreement.summary_subject agreement.failed agreement.proposed
agreement.rejected agreement.commercial_negative leader.title_after_name
leader.honorific_prefix link.gift_meeting_date typography.curly_apostrophe typography.nbsp
typography.dashes typography.hard_wrap typography.wire_dateline typography.file_caption
typography.byline typography.allcaps_dateline
""".split()


@pytest.fixture(scope="module")
def cases():
    return generate(seed=3, per_capability=PER_CAPABILITY)


def test_the_same_seed_writes_the_same_cases(cases):
    again = generate(seed=3, per_capability=PER_CAPABILITY)
    assert [(c.capability, c.text, c.published) for c in again] == [
        (c.capability, c.text, c.published) for c in cases
    ]


def test_another_seed_writes_other_cases(cases):
    other = generate(seed=4, per_capability=PER_CAPABILITY)
    assert {c.text for c in other} != {c.text for c in cases}


def test_a_capability_writes_the_same_cases_whatever_else_is_selected(cases):
    alone = generate(seed=3, per_capability=PER_CAPABILITY, only="gift.gifted")
    assert [c.text for c in alone] == [c.text for c in cases if c.capability == "gift.gifted"]


def test_every_failure_kind_of_the_issue_has_a_capability():
    assert sorted(set(REQUIRED) - set(CAPABILITIES)) == []


def test_every_capability_has_its_number_of_distinct_cases(cases):
    for name in CAPABILITIES:
        texts = [c.text for c in cases if c.capability == name]
        assert len(texts) == PER_CAPABILITY, name
        assert len(set(texts)) == PER_CAPABILITY, name
        assert all(c.expectations for c in cases if c.capability == name), name


def test_negative_capabilities_expect_only_absences_and_have_a_positive_twin(cases):
    negatives = [c for c in CAPABILITIES.values() if c.negative]
    assert {c.name for c in negatives} >= {
        "meeting.conflict_negative",
        "meeting.modality_negative",
        "gift.figurative_negative",
        "agreement.commercial_negative",
    }
    for cap in negatives:
        assert cap.twin in CAPABILITIES and not CAPABILITIES[cap.twin].negative, cap.name
        for case in (c for c in cases if c.capability == cap.name):
            assert all(isinstance(e, NEGATIVE) for e in case.expectations), case.text


def test_twins_name_existing_capabilities():
    for cap in CAPABILITIES.values():
        assert cap.twin is None or cap.twin in CAPABILITIES, cap.name


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u2019", "'").split())


def test_leaders_come_from_the_registry_and_hold_office_on_the_date(cases):
    registry = shipped_registry()
    for case in cases:
        assert case.leaders, case.capability
        for leader in case.leaders:
            person = registry.person_for([leader.name], case.published)
            assert person is not None, leader.name
            term = person.term_on(case.published)
            assert term.covers(case.published), (leader.name, case.published)
            assert (term.country, term.title) == (leader.country, leader.title)
            assert leader.name in _plain(case.text), (leader.name, case.text)


def test_several_leaders_of_a_case_lead_different_states(cases):
    for case in cases:
        countries = [leader.country for leader in case.leaders]
        assert len(set(countries)) == len(countries), case.text


MARKS = {
    "typography.curly_apostrophe": lambda t: "\u2019" in t and "'" not in t,
    "typography.nbsp": lambda t: "\u00a0" in t,
    "typography.dashes": lambda t: "\u2013" in t or "\u2014" in t,
    "typography.hard_wrap": lambda t: "\n" in t,
    "typography.wire_dateline": lambda t: re.match(
        r"[A-Z .'’-]+, \w+ \d+ \((Reuters|AFP|AP)\) - ", t
    ),
    "typography.file_caption": lambda t: "FILE" in t and "\n\n" in t,
    "typography.byline": lambda t: t.startswith("By ") and "\n\n" in t,
    "typography.allcaps_dateline": lambda t: re.match(r"[A-ZÀ-Þ .'-]{3,}[,\s]", t),
}


def test_every_typography_case_carries_its_perturbation(cases):
    assert set(MARKS) | {"typography.clean"} == {c.name for c in select("typography.")}
    for case in cases:
        if case.capability in MARKS:
            assert MARKS[case.capability](case.text), (case.capability, case.text)


def test_an_unknown_prefix_selects_nothing_and_says_so():
    with pytest.raises(ValueError, match="no capability starts with"):
        select("nothing.")
