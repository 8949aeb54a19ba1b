"""Meetings in plain English: their kind and host.  Travel makes a visit, beginning talks
is holding them, a summit told in another clause gives no kind, a leader named or
called a name is no call, and talks told without a place are hosted by the side that
stayed home.  The sentences are written for these tests and read with the shipped
leader registry.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import (
    GROUPS,
    MODI,
    MONDAY,
    PAIRS,
    RAMAPHOSA,
    _fill,
    _match,
)


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{At} flew to {Bcap} on Monday for talks with {Bt}.",
        "{At}, on a three-day visit to {Bc}, met {Bt} in {Bcap} on Monday.",
        "On {Apos} first trip to {Bc}, {At} met {Bt} in {Bcap} on Monday.",
        "{At} arrived in {Bcap} on Monday for a two-day visit and held talks with {Bt}.",
    ],
    ids=["flew_for_talks", "on_a_visit", "on_first_trip", "arrived_for_visit"],
)
def test_travel_makes_the_meeting_a_visit(run, team, template):
    found = _match(run(_fill(template, team)), [team[0].name, team[1].name])
    assert found and found[0].kind == "visit" and found[0].date == MONDAY
    assert found[0].host_country == team[1].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{At} met {Bt} in {Bcap} on Monday for talks on trade.",
        "{At} met {Bt} in {Bcap} on Monday and flew home after the talks.",
    ],
    ids=["met_for_talks", "flew_home_after"],
)
def test_talks_without_travel_to_them_stay_talks(run, team, template):
    found = _match(run(_fill(template, team)), [team[0].name, team[1].name])
    assert found and found[0].kind == "talks"


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template,kind",
    [
        ("{At} began talks with {Bt} in {Bcap} on Monday.", "talks"),
        ("{At} and {Bt} resumed their talks in {Bcap} on Monday.", "talks"),
        ("{At} arrived in {Bcap} on Monday and began summit-level talks with {Bt}.", "visit"),
    ],
    ids=["began", "resumed", "summit_level"],
)
def test_beginning_talks_is_holding_them(run, team, template, kind):
    found = _match(run(_fill(template, team)), [team[0].name, team[1].name])
    assert found and found[0].kind == kind and found[0].date == MONDAY


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{At} began preparations for talks with {Bt} on Monday.",
        "{At} refused to begin talks with {Bt} on Monday.",
        "{At} began a visit to {Acap} schools on Monday.",
    ],
    ids=["preparations", "refused", "school_visit"],
)
def test_beginning_something_else_is_no_meeting(run, team, template):
    assert not _match(run(_fill(template, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_another_clause_does_not_give_its_kind(run, team):
    ex = run(
        _fill(
            "{At} interrupted {Apos} talks with {Bt} in {Bcap} on Monday and spoke on the "
            "phone with {Ct}.",
            team,
        )
    )
    kinds = {frozenset(m.participants): m.kind for m in ex.meetings}
    assert kinds.get(frozenset({team[0].name, team[1].name})) == "talks"
    assert kinds.get(frozenset({team[0].name, team[2].name})) == "call"


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_summit_in_a_when_clause_is_not_the_meetings_kind(run, team):
    text = (
        "{At} and {Bt} last met in {Bcap} in 2019, when {A} stopped there on {Apos} way "
        "to a summit."
    )
    m = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert m and m[0].kind != "summit"


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_an_order_conferred_on_a_leader_is_no_talks(run, team):
    text = "{Bcap}'s highest order was conferred on {At} by {Bt} on Monday."
    assert not _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_conferred_with_is_talks(run, team):
    text = "{At} conferred with {Bt} in {Bcap} on Monday."
    assert _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_summit_of_other_leaders_does_not_make_a_visit_a_summit(run, team):
    text = (
        "{Bt} received {At} at the presidential palace in {Bcap} on Monday. On Tuesday "
        "{Ct} and {Dt} attended the summit in {Bcap}."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].kind == "visit"


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_being_called_a_name_is_no_call(run, team):
    text = "{A} is often called the '{B} of the South' by {Apos} critics."
    assert not _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_where_clause_places_the_meeting_at_its_antecedent(run, team):
    third = next(x for x in (RAMAPHOSA, MODI) if x not in team)
    text = _fill(
        "{At} arrived in {Ccap} from {Bcap}, where on Monday {Ahe} held talks with {Bt}.",
        (*team, third),
    )
    found = _match(run(text), [team[0].name, team[1].name])
    assert found and found[0].host_country == team[1].country and found[0].place == team[1].capital


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_name_people_call_a_leader_is_no_call(run, team):
    text = "{A}, as many of {Apos} supporters call {B}, spoke at a rally in {Bcap} on Monday."
    assert not _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "later",
    [
        "{A} arrived on Sunday for a two-day stay.",
        "{A}'s visit was the first by a {Ad} leader in a decade.",
    ],
    ids=["arrived", "visit_noun"],
)
def test_talks_with_no_place_are_hosted_by_the_side_that_stayed_home(run, team, later):
    text = "{At} held talks with {Bt} on Monday about trade. " + later
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].host_country == team[1].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_both_leaders_travelling_give_no_home_host(run, team):
    text = (
        "{At} held talks with {Bt} on Monday about trade. "
        "{A} arrived on Sunday. {B} arrived on Monday morning."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].host_country is None


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_an_earlier_trip_of_the_guest_gives_no_home_host(run, team):
    text = (
        "{At} held talks with {Bt} on Monday about trade. "
        "The talks return {B}'s visit to {A} in {Acap} in January 2019."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].host_country != team[0].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{A} travelled to {Bcap} in 2019 to open a trade fair with {B}.",
        "{At} flew to {Bcap} last year to launch a rail line together with {Bt}.",
        "{At} visited {Bc} on Monday to open a hydropower dam with {Bt}.",
    ],
    ids=["travelled_to_open", "flew_to_launch", "visited_to_open"],
)
def test_a_trip_whose_purpose_is_done_with_a_leader_is_a_visit(run, team, template):
    found = _match(run(_fill(template, team)), [team[0].name, team[1].name])
    assert found and found[0].kind == "visit" and found[0].host_country == team[1].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{A} travelled to {Bcap} in 2019 to open a trade fair with {Apos} ministers.",
        "{A} refused to travel to {Bcap} to open a trade fair with {B}.",
        "{A} travelled to {Bcap} to open a trade fair, and {B} later spoke with reporters.",
        "{A} visited {Bc} on Monday to open a dam with {Apos} ministers, and {B} stayed away.",
    ],
    ids=["no_leader", "refused", "other_clause", "visited_no_leader"],
)
def test_a_trip_without_a_leader_in_its_purpose_is_no_meeting(run, team, template):
    assert not _match(run(_fill(template, team)), [team[0].name, team[1].name])
