"""Sentences the parser tears: a name cut into two sentences, a last conjunct hung
outside the coordination, a verbless piece holding 'together' or 'at a trilateral
meeting'. What the words say must survive the tear. The sentences are written for these
tests; the torn names are registry names the small model splits, read with the shipped
leader registry."""

from __future__ import annotations

import pytest

from ingest.nlp import get_nlp
from tests.extract.meeting_cases import _people


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


def test_no_sentence_starts_between_two_words_of_a_name():
    doc = get_nlp()(
        "Chancellor Ottilie Brandvik conferred with Sierra Leonean President Ahmad Tejan "
        "Kabbah and President Vladimir Putin at a trilateral meeting in Oslo on Monday."
    )
    assert len(list(doc.sents)) == 1


def test_a_full_stop_between_names_still_ends_a_sentence():
    doc = get_nlp()("The talks ended with Ottilie Brandvik. Kwame Mensah left on Monday.")
    assert [s.text for s in doc.sents] == [
        "The talks ended with Ottilie Brandvik.",
        "Kwame Mensah left on Monday.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the last name hung off the clause as punctuation and an adverb
        (
            "Chancellor Ottilie Brandvik conferred with Prime Minister Kwame Mensah and "
            "President José Mário Vaz together in Lisbon on Monday.",
            {"Ottilie Brandvik", "Kwame Mensah", "José Mário Vaz"},
        ),
        # the name cut into two sentences, 'at a trilateral meeting' in the second
        (
            "Chancellor Ottilie Brandvik conferred with Malian President Ahmad Tejan Kabbah "
            "and President Kwame Mensah at a trilateral meeting in Oslo on Monday.",
            {"Ottilie Brandvik", "Ahmad Tejan Kabbah", "Kwame Mensah"},
        ),
    ],
    ids=["torn_last_conjunct", "torn_sentence"],
)
def test_consulting_several_told_as_one_sitting_is_one_meeting_through_a_torn_parse(
    run, sentence, expected
):
    assert _people(run(sentence)) == [expected]


def test_a_name_after_and_that_is_a_clause_subject_is_not_a_conjunct(run):
    found = run(
        "Chancellor Ottilie Brandvik met President Ana Fuentes in Lima on Monday, and "
        "President Kwame Mensah flew home."
    )
    assert _people(found) == [{"Ottilie Brandvik", "Ana Fuentes"}]
