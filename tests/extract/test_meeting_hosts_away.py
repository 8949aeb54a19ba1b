"""Leaders meeting away from home (on the sidelines of a summit in a third country, or a
visitor meeting another leader in a country the visitor travelled to) were hosted by the
country they met in, never by one of them for being the one met; when that country is not
told, no host is guessed.  Its twin: a visitor who travelled to the other leader's
country is that leader's guest.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, PAIRS, _fill


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


AWAY = {
    "flew_for_summit": "{At} flew to Jakarta on Monday for a regional summit. On Tuesday "
    "{Ahe} met {Bt} on the sidelines.",
    "arrived_then_met": "{At} arrived in Jakarta on Monday. {Ahe} met {Bt} on Tuesday.",
    "sidelines_then_arrival": "{At} met {Bt} on the sidelines of the summit on Tuesday. {A} "
    "had arrived in Jakarta on Monday.",
    "gathering_told_before": "Leaders gathered in Jakarta on Monday for a regional summit. "
    "On Tuesday {At} met {Bt} on the sidelines.",
    "summit_of_four": "{At}, {Bt}, {Ct} and {Dt} held a summit in Jakarta on Monday. On the "
    "sidelines, {A} met {B}.",
}


@pytest.mark.parametrize("team", range(len(GROUPS)))
@pytest.mark.parametrize("template", AWAY.values(), ids=AWAY)
def test_a_meeting_away_from_home_is_hosted_where_it_was_held(run, template, team):
    a, b = GROUPS[team][:2]
    ex = run(_fill(template, GROUPS[team]))
    pair = [m for m in ex.meetings if set(m.participants) == {a.name, b.name}]
    assert [m.host_country for m in pair] == ["ID"], [(m.host_country, m.place) for m in pair]


@pytest.mark.parametrize("pair", PAIRS[:3], ids=lambda p: p[0].name)
def test_a_meeting_on_the_sidelines_of_an_unplaced_summit_has_no_host(run, pair):
    a, b = pair
    ex = run(_fill("{At} met {Bt} on the sidelines of the summit on Tuesday.", pair))
    assert [m.host_country for m in ex.meetings] == [None]


@pytest.mark.parametrize("pair", PAIRS[:3], ids=lambda p: p[0].name)
def test_a_visitor_to_the_other_leader_s_country_is_the_guest(run, pair):
    a, b = pair
    ex = run(_fill("{At} arrived in {Bcap} on Monday. {Ahe} met {Bt} on Tuesday.", pair))
    assert [m.host_country for m in ex.meetings] == [b.country]
