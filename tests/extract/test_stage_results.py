"""What the pipeline's stages hand each other (`ingest.extract.results`): the gift and
agreement steps that merge and drop records read them by field, and the countries stage
tells each mention's code, tokens and kind.  Persons are pids here, as in the pipeline."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ingest.extract.agreement_parties import Agreement
from ingest.extract.countries import article_countries, country_mentions
from ingest.extract.pipeline import _drop_repeats, _fold_unnamed, _merge_target
from ingest.extract.results import CountryMention, FoundAgreement, FoundGift, MeetingSetting
from ingest.extract.text import build_index
from ingest.extract.types import Evidence, Span


def _ev(rule: str = "test") -> tuple[Evidence, ...]:
    return (Evidence(Span(0, 1, "x", 0), 0.9, rule),)


def _gift(giver, recipient, item, sentence, fresh=False) -> FoundGift:
    return FoundGift(giver, recipient, item, _ev(), sentence, fresh)


def test_a_gift_named_again_with_fewer_words_is_the_same_gift():
    full = _gift(0, 1, "thoroughbred grey horse", 2)
    again = _gift(0, 1, "grey horse", 5)
    assert _drop_repeats([full, again]) == [full]


def test_the_same_words_between_other_leaders_or_another_way_are_another_gift():
    full = _gift(0, 1, "thoroughbred grey horse", 2)
    other_pair = _gift(2, 1, "grey horse", 5)
    other_way = _gift(1, 0, "grey horse", 5)
    assert _drop_repeats([full, other_pair, other_way]) == [full, other_pair, other_way]


def test_a_gift_of_another_occasion_in_another_sentence_stays():
    full = _gift(0, 1, "thoroughbred grey horse", 2)
    earlier = _gift(0, 1, "grey horse", 6, fresh=True)
    assert _drop_repeats([full, earlier]) == [full, earlier]
    # its twin: told as another occasion's but in the sentence of the fuller one
    same_sentence = _gift(0, 1, "grey horse", 2, fresh=True)
    assert _drop_repeats([full, same_sentence]) == [full]


def _found(kind="agreement", status="signed", parties=(0, 1), rule="r", **more) -> FoundAgreement:
    return FoundAgreement(list(parties), kind, status, "Summary", list(_ev()), rule, **more)


def test_an_unnamed_document_folds_into_a_listed_one_of_its_kind():
    listed = _found(part="item4")
    unnamed = _found(parties=(1, 0))
    (kept,) = _fold_unnamed([listed, unnamed])
    assert kept is listed and len(kept.evidence) == 2


@pytest.mark.parametrize(
    "other",
    [
        {"status": "agreed"},
        {"kind": "mou"},
        {"parties": (0, 2)},
        {"name": frozenset({"trade"})},
        {"batch": True},
    ],
)
def test_a_document_that_differs_from_the_listed_one_does_not_fold(other):
    listed = _found(part="item4")
    unnamed = _found(**other)
    assert _fold_unnamed([listed, unnamed]) == [listed, unnamed]
    assert len(listed.evidence) == 1


def _mention(kind="agreement", status="signed", rule="agreement.sign", **more) -> Agreement:
    return Agreement([0, 1], kind, status, None, 0.9, rule, **more)


def test_a_mention_merges_into_the_record_of_its_document():
    record = _found(rule="agreement.sign")
    assert _merge_target([record], _mention(), [1, 0]) is record
    # twins: another status, another of several documents, two named treaties
    assert _merge_target([record], _mention(status="agreed"), [0, 1]) is None
    assert _merge_target([record], _mention(part="3:"), [0, 1]) is None
    named = _found(name=frozenset({"water"}))
    assert _merge_target([named], _mention(name=frozenset({"trade"})), [0, 1]) is None


def test_an_invitation_told_again_merges_and_another_guests_does_not():
    record = _found(kind="invitation", status="proposed")
    again = _mention(kind="invitation", status="accepted", rule="agreement.invitation")
    assert _merge_target([record], again, [0, 1]) is record
    other_guest = dataclasses.replace(again, parties=[0, 2])
    assert _merge_target([record], other_guest, [0, 2]) is None


def test_country_mentions_tell_code_tokens_and_kind(nlp):
    doc = nlp("Officials said the Soviet envoy flew from Moscow to the United States on Monday.")
    idx = build_index(doc, None, dt.date(1985, 5, 1))
    mentions = country_mentions(idx, None, dt.date(1985, 5, 1))
    assert all(isinstance(m, CountryMention) for m in mentions)
    by_text = {doc[m.start : m.start + m.length].text: m for m in mentions}
    assert by_text["Soviet"].code == "SU" and by_text["Moscow"].code == "SU"
    assert by_text["Moscow"].kind == "capital"
    assert by_text["United States"].code == "US" and by_text["United States"].length == 2
    assert article_countries(mentions) == ("SU", "US")


def test_rome_beside_the_holy_see_is_the_church():
    holy_see = CountryMention("VA", 0, 2, "country")
    rome = CountryMention("IT", 5, 1, "capital")
    italy = CountryMention("IT", 9, 1, "country")
    assert article_countries([holy_see, rome]) == ("VA",)
    assert article_countries([holy_see, rome, italy]) == ("IT", "VA")


def test_stage_results_are_slotted():
    setting = MeetingSetting("call", None, None)
    for record in (setting, _gift(0, 1, "vase", 0), _found()):
        assert not hasattr(record, "__dict__")
