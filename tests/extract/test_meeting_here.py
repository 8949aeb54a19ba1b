"""A meeting told as held 'here' ('met here on Tuesday', 'in talks held here', 'last met
here in 2022') is in the city of the article's dateline, whichever meeting of the story
it is.  Its twin: 'here' for another event of the sentence, or no dateline, places
nothing.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import MONDAY, PAIRS, TUESDAY, _fill


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


DATELINE = "LUSAKA, Zambia \u2014 "
HERE = {
    "second_meeting": "{At} met {Bt} in {Bcap} on Monday. On Tuesday {Ahe} held talks here "
    "with Zambian President Hakainde Hichilema.",
    "talks_held_here": "Trade dominated the agenda. In talks held here on Tuesday, {At} and "
    "Zambian President Hakainde Hichilema agreed to build a railway.",
    "after_a_call": "{Bt} called {At} on Monday. {At} met Zambian President Hakainde "
    "Hichilema here on Tuesday.",
}


@pytest.mark.parametrize("pair", PAIRS[:3], ids=lambda p: p[0].name)
@pytest.mark.parametrize("template", HERE.values(), ids=HERE)
def test_a_meeting_held_here_is_in_the_dateline_city(run, template, pair):
    a = pair[0]
    ex = run(DATELINE + _fill(template, pair))
    found = [m for m in ex.meetings if "Hakainde Hichilema" in m.participants]
    assert [(m.place, m.host_country, m.date) for m in found] == [("Lusaka", "ZM", TUESDAY)]
    assert a.name in found[0].participants


def test_an_earlier_meeting_held_here_is_in_the_dateline_city(run):
    ex = run(
        DATELINE
        + "Zambian President Hakainde Hichilema held talks with "
        + _fill("{At} in {Acap} on Monday. The two leaders last met here in 2022.", PAIRS[0])
    )
    assert {(m.place, m.date) for m in ex.meetings} == {
        (PAIRS[0][0].capital, MONDAY),
        ("Lusaka", None),
    }


def test_here_without_a_dateline_places_nothing(run):
    ex = run(_fill("{At} met {Bt} here on Tuesday.", PAIRS[0]))
    assert [m.place for m in ex.meetings] == [None]
