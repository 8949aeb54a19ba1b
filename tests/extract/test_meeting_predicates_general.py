"""Meetings told without a meeting verb, generated (CheckList style): leaders doing one
thing together in person (a meal, opening a plant, laying a wreath, standing side by side,
issuing a joint statement somewhere), a call to several listed with 'with ... and with',
and the next thing done ('went on to sign').  Each kind has negative twins with the same
words for no meeting (welcoming a decision, calling for a ceasefire, laying out positions,
each opening an embassy, a plan).  Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.extract.test_meetings_general import (
    GROUPS,
    MONDAY,
    PAIRS,
    TUESDAY,
    _fill,
    _match,
)


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


TOGETHER = {
    "lunched_with": "{At} lunched with {Bt} at the presidential palace in {Bcap} on Monday.",
    "had_breakfast": "{At} breakfasted with {Bt} in {Bcap} on Monday.",
    "opened_plant": "{At} and {Bt} opened a new solar plant outside {Bcap} on Monday.",
    "laid_wreath": "{At} and {Bt} laid a wreath at the war memorial in {Bcap} on Monday.",
    "unveiled_plaque": "On Monday {At} and {Bt} unveiled a plaque in {Bcap}.",
    "stood_side_by_side": "{At} and {Bt} stood side by side at a ceremony in {Bcap} on Monday "
    "to open a peace park.",
    "toured_with": "{At} toured a factory in {Bcap} with {Bt} on Monday.",
    "issued_joint_statement": "In {Bcap} on Monday {At} and {Bt} issued a joint statement on "
    "trade.",
    "went_on_to_sign": "{At} arrived in {Bcap} on Monday. The two leaders, {A} and {B}, went "
    "on to sign a declaration on trade there.",
}
NOT_TOGETHER = {
    "welcomed_agreement": "{At} and {Bt} welcomed the agreement on Monday.",
    "called_for_ceasefire": "{At} and {Bt} called for a ceasefire on Monday.",
    "laid_out_positions": "{At} and {Bt} laid out their positions in {Bcap} on Monday.",
    "stood_by_positions": "{At} and {Bt} stood by their positions on Monday.",
    "each_opened": "{At} and {Bt} each opened a new embassy in {Bcap} on Monday.",
    "will_open": "{At} and {Bt} will open the new bridge in {Bcap} next week.",
    "going_to_sign": "{At} and {Bt} are going to sign a declaration in {Bcap}.",
    "statement_no_place": "{At} and {Bt} issued a joint statement on trade.",
}


def _ids(groups, teams):
    return [
        pytest.param(text, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, text in groups.items()
        for team in teams
    ]


@pytest.mark.parametrize("template,team", _ids(TOGETHER, PAIRS))
def test_leaders_doing_one_thing_together_met(run, template, team):
    ex = run(_fill(template, team))
    found = _match(ex, [team[0].name, team[1].name])
    assert found, [m.participants for m in ex.meetings]
    assert found[0].date == MONDAY


@pytest.mark.parametrize("template,team", _ids(NOT_TOGETHER, PAIRS))
def test_the_same_words_for_no_meeting(run, template, team):
    ex = run(_fill(template, team))
    assert not _match(ex, [team[0].name, team[1].name]), [m.participants for m in ex.meetings]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_call_with_one_and_with_another_is_two_calls(run, team):
    third = PAIRS[(PAIRS.index(team) + 1) % len(PAIRS)][0]
    text = _fill("{At} spoke by phone on Tuesday with {Bt} and with {Ct}.", (*team, third))
    calls = {frozenset(m.participants) for m in run(text).meetings if m.kind == "call"}
    assert calls == {
        frozenset((team[0].name, team[1].name)),
        frozenset((team[0].name, third.name)),
    }
    assert all(m.date == TUESDAY for m in run(text).meetings)


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_call_and_an_in_person_meeting_are_two_events(run, team):
    text = _fill(
        "{At} met {Bt} in {Bcap} on Monday. After {Apos} phone call with {B} in January, {A} "
        "had said the two sides were close.",
        team,
    )
    kinds = sorted(m.kind for m in _match(run(text), [team[0].name, team[1].name]))
    assert len(kinds) == 2 and "call" in kinds, kinds


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_call_and_the_talks_it_was_are_one_event(run, team):
    text = _fill(
        "{At} spoke by phone with {Bt} on Tuesday. During the call the two leaders "
        "discussed trade.",
        team,
    )
    found = _match(run(text), [team[0].name, team[1].name])
    assert len(found) == 1 and found[0].kind == "call", [(m.kind, m.date) for m in found]


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_urging_others_to_settle_at_their_meeting_is_not_their_meeting(run, team):
    text = _fill(
        "{At} and {Bt} issued a statement in {Bcap} on Monday urging {Ct} and {Dt} to "
        "settle the dispute at their meeting.",
        team,
    )
    assert not _match(run(text), [team[2].name, team[3].name])


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_list_of_titled_names_before_a_verb_without_subject(run, team):
    """The parser may hang the names on the place before them ('in X, Y, A, B and C
    issued'): the whole run of names before the verb is its subject."""
    text = _fill(
        "At last month's summit in {Bcap}, {B}, {At} and {Ct} issued a joint statement.", team
    )
    found = _match(run(text), [team[0].name, team[1].name, team[2].name])
    assert found, [m.participants for m in run(text).meetings]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{At} and {Bt} were conspicuous by their absence at the summit in {Bcap} on Monday.",
        "{At} and {Bt} were absent from the summit in {Bcap} on Monday.",
        "{At} and {Bt} skipped the regional summit in {Bcap} on Monday.",
        "{At} and {Bt} both missed the summit in {Bcap} on Monday.",
    ],
    ids=["by_their_absence", "absent_from", "skipped", "missed"],
)
def test_leaders_absent_from_a_summit_did_not_meet(run, team, template):
    ex = run(_fill(template, team))
    assert not _match(ex, [team[0].name, team[1].name]), [m.participants for m in ex.meetings]


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "On the margins of the summit, {At} had bilateral meetings with {Bt} and {Ct}.",
        "{At} held separate talks with {Bt} and {Ct} in {Bcap} on Monday.",
    ],
    ids=["bilateral_meetings", "separate_talks"],
)
def test_separate_meetings_with_several_are_one_each(run, team, template):
    found = {frozenset(m.participants) for m in run(_fill(template, team)).meetings}
    assert found == {
        frozenset((team[0].name, team[1].name)),
        frozenset((team[0].name, team[2].name)),
    }


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_an_undated_call_told_beside_a_visit_takes_no_day_from_it(run, team):
    text = _fill(
        "{At} met {Bt} in {Bcap} on Monday. After an earlier phone call with {B}, {A} had "
        "said the two sides were close.",
        team,
    )
    found = _match(run(text), [team[0].name, team[1].name])
    calls = [m for m in found if m.kind == "call"]
    assert calls and calls[0].date is None, [(m.kind, m.date) for m in found]
    assert any(m.kind != "call" and m.date == MONDAY for m in found)
