"""A meeting told with no day or city of its own takes those of the sentence before when
that sentence shows one of its participants arriving, travelling or staying somewhere
('On Monday, X arrived in Y. He met Z at the palace.').  Its twins: a day or a city of
the meeting's own wins, and a sentence about something else lends nothing.  Sentences
written for these tests; a first sentence keeps the lede's own rules out of the way."""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import MONDAY, PAIRS, WEDNESDAY, _fill


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


LEDE = "Trade was high on the agenda this week. "
CARRIED = {
    "fronted_day": "On Monday, {At} arrived in {Bcap}. {Ahe} met {Bt} at the palace.",
    "then": "{At} arrived in {Bcap} on Monday. {Ahe} then held talks with {Bt}.",
    "after_landing": "On Monday, {At} flew to {Bcap}. Shortly after landing, {Ahe} met {Bt}.",
    "there": "On Monday, {At} flew to {Bcap}. There {Ahe} met {Bt}.",
    "toured": "On Monday, {At} toured a factory in {Bcap}. {Ahe} then met {Bt}.",
}


@pytest.mark.parametrize("pair", PAIRS[:3], ids=lambda p: p[0].name)
@pytest.mark.parametrize("template", CARRIED.values(), ids=CARRIED)
def test_the_sentence_before_sets_the_meeting(run, template, pair):
    a, b = pair
    ex = run(LEDE + _fill(template, pair))
    found = [(m.date, m.host_country) for m in ex.meetings]
    assert found == [(MONDAY, b.country)], found
    assert ex.meetings[0].place in (b.capital, "the palace")


OWN = {
    "own_day": ("On Monday, {At} arrived in {Bcap}. {Ahe} met {Bt} on Wednesday.", WEDNESDAY),
    "own_city": ("On Monday, {At} arrived in {Bcap}. {Ahe} met {Bt} in Mombasa.", None),
    "not_a_stay": ("On Monday, {Bt} said exports were rising. {At} met {Bt} in {Bcap}.", None),
    "past_stay": ("{At} was in {Bcap} in 2019. {Ahe} met {Bt} at the palace.", None),
}


@pytest.mark.parametrize("template, day", OWN.values(), ids=OWN)
def test_the_meeting_s_own_words_or_an_unrelated_sentence_keep_its_day(run, template, day):
    pair = PAIRS[0]
    ex = run(LEDE + _fill(template, pair))
    assert [m.date for m in ex.meetings] == [day]
