"""Failed negotiations told without 'fail' or 'without a deal' ('could not agree', 'were
unable to reach a deal'), a meal or call that ended without agreement, and signings by
ministers of two named states; each with the sentences that must stay silent."""

from __future__ import annotations

import pytest

MEET = (
    "Kenyan President William Ruto held talks with Ethiopian Prime Minister Abiy Ahmed "
    "in Nairobi on Tuesday. "
)
PAIR = frozenset({"William Ruto", "Abiy Ahmed"})


def _agreements(ex):
    return {(a.kind, a.status, frozenset(a.parties)) for a in ex.agreements}


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("The two leaders could not agree on the sharing of the river's waters.", "agreement"),
        ("Ruto and Abiy were unable to agree on a new border crossing.", "agreement"),
        ("They said they could not agree to extend the grain corridor.", "agreement"),
        ("The two leaders couldn't reach a deal on port access.", "deal"),
        ("Ruto and Abiy did not reach a deal on the timetable for the railway.", "deal"),
    ],
)
def test_could_not_agree_is_a_failed_negotiation(run, sentence, kind):
    assert _agreements(run(MEET + sentence)) == {(kind, "failed", PAIR)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ruto did not agree with Abiy's view of the region.",  # a view
        "Ruto and Abiy did not agree on who started the border clashes.",  # a view
        "If they cannot agree on the dam, talks will resume next month.",  # a condition
        "Ruto would not agree to the demand for a second corridor.",  # a refusal
        "Abiy could not agree to the demand for a second corridor.",  # a refusal
        "The two leaders could not agree that the dam was safe.",  # a view
        "The convoy could not reach the border before nightfall.",  # no document
        "Officials said Nairobi and Addis Ababa could not have reached any such deal.",
    ],
)
def test_views_conditions_and_denials_are_no_failure(run, sentence):
    assert not any(a.status == "failed" for a in run(MEET + sentence).agreements)


def test_the_summary_of_could_not_agree_names_the_subject(run):
    ex = run(MEET + "The two leaders could not agree on the sharing of the river's waters.")
    assert [a.summary for a in ex.agreements] == [
        "No agreement on the sharing of the river's waters"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan President William Ruto's dinner with Ethiopian Prime Minister Abiy Ahmed "
        "ended without agreement.",
        "Kenyan President William Ruto's phone call with Ethiopian Prime Minister Abiy "
        "Ahmed ended without a deal.",
        "The lunch between Kenyan President William Ruto and Ethiopian Prime Minister Abiy "
        "Ahmed ended without agreement.",
    ],
)
def test_a_meal_or_call_ending_without_agreement_failed(run, sentence):
    assert _agreements(run(sentence)) == {("deal", "failed", PAIR)}


def test_a_dinner_ending_with_toasts_is_no_failure(run):
    ex = run(
        "Kenyan President William Ruto's dinner with Ethiopian Prime Minister Abiy Ahmed "
        "ended with toasts to the two peoples."
    )
    assert list(ex.agreements) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The agreement on visa-free travel was signed by the foreign ministers of Kenya "
        "and Ethiopia, in the presence of Ruto and Abiy.",
        "The foreign ministers of Kenya and Ethiopia signed an agreement on visa-free "
        "travel in the presence of Ruto and Abiy.",
    ],
)
def test_ministers_of_two_named_states_sign_for_the_states(run, sentence):
    ex = run(MEET + sentence)
    assert _agreements(ex) == {("agreement", "signed", frozenset({"KE", "ET"}))}
    assert [a.summary for a in ex.agreements] == ["Agreement on visa-free travel"]


@pytest.mark.parametrize(
    "sentence, summary",
    [
        (
            "Ruto and Abiy signed a memorandum of understanding on fisheries.",
            "Memorandum of understanding on fisheries",
        ),
        (
            "The trade ministers of Kenya and Ethiopia signed a memorandum of understanding on "
            "critical minerals in the presence of Ruto and Abiy.",
            "Memorandum of understanding on critical minerals",
        ),
    ],
)
def test_an_mou_summary_names_its_subject_after_the_name(run, sentence, summary):
    assert [a.summary for a in run(MEET + sentence).agreements] == [summary]
