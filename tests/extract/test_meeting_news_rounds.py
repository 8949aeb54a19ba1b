"""Rounds and retellings in the words of news: a tally of meetings up to now, consultations
with several, states named for their leaders, discussions, one meeting told twice, and
dinners still to come or given for a group.  The sentences are written for these tests and
read with the shipped leader registry."""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, PAIRS, TUESDAY, _fill, _ids, _people


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


def _pairs_with_first(ex, team):
    a = team[0].name
    return all({a, other.name} in _people(ex) for other in team[1:])


TALLIES = {
    "already_since_arriving": "{At} arrived in {Acap} on Sunday. The {Ao} has already met with "
    "{Bt}, {Ct} and {Dt} since arriving.",
    "since_a_day": "Since Sunday, {At} has met with {Bt}, {Ct} and {Dt}.",
    "since_a_clause": "{At} has met {Bt}, {Ct} and {Dt} since {Ahe} landed in {Acap}.",
    "so_far": "So far {At} has held talks with {Bt}, {Ct} and {Dt}.",
}


@pytest.mark.parametrize("team", GROUPS[:2], ids=_ids)
@pytest.mark.parametrize("template", TALLIES.values(), ids=TALLIES)
def test_a_tally_of_meetings_is_one_meeting_each(run, team, template):
    ex = run(_fill(template, team))
    assert _pairs_with_first(ex, team), _people(ex)
    assert not any(len(p) > 2 for p in _people(ex)), _people(ex)


def test_a_tally_since_a_day_gives_no_day(run):
    ex = run(_fill(TALLIES["since_a_day"], GROUPS[0]))
    assert [m.date for m in ex.meetings] == [None, None, None]


TALLIES_AS_ONE = {
    "together": "Since arriving, {At} has met {Bt} and {Ct} together.",
    "trilateral_summit": "{At} met {Bt} and {Ct} at a trilateral summit in {Acap} on Tuesday.",
    "conferred_at_a_meeting": "{At} conferred with {Bt} and {Ct} at a trilateral meeting in "
    "{Acap} on Tuesday.",
}


@pytest.mark.parametrize("team", GROUPS[:2], ids=_ids)
@pytest.mark.parametrize("template", TALLIES_AS_ONE.values(), ids=TALLIES_AS_ONE)
def test_a_tally_told_of_one_sitting_stays_one(run, team, template):
    ex = run(_fill(template, team))
    assert {x.name for x in team[:3]} in _people(ex), _people(ex)
    assert not any(len(p) == 2 and team[0].name in p for p in _people(ex)), _people(ex)


CONFERRED = {
    "of_states": "{At} conferred with {B} of {Bc}, {C} of {Cc} and {D} of {Dc} on Tuesday.",
    "titled": "In {Acap} on Tuesday, {At} conferred with {Bt}, {Ct} and {Dt}.",
}


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize("template", CONFERRED.values(), ids=CONFERRED)
def test_conferring_with_several_is_one_meeting_each(run, team, template):
    ex = run(_fill(template, team))
    assert _pairs_with_first(ex, team), _people(ex)
    assert not any(len(p) > 2 for p in _people(ex)), _people(ex)


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
def test_each_ones_own_of_phrase_gives_their_country(run, team):
    ex = run(_fill(CONFERRED["of_states"], team))
    countries = {x.name: x.country for x in ex.leaders}
    for other in team[1:]:
        assert countries.get(other.name) == other.country, countries


def test_an_invented_name_of_a_state_takes_that_state(run):
    text = "President William Ruto conferred with Ana Moreira of Brazil, Piet de Vries of the "
    text += "Netherlands and John Mensah of Ghana on Tuesday."
    countries = {x.name: x.country for x in run(text).leaders}
    assert countries["Ana Moreira"] == "BR" and countries["John Mensah"] == "GH", countries
    assert countries["Piet de Vries"] == "NL", countries


STATES = {
    "bilaterals": "{Bt} and {Ct} were among the guests. {At} held bilaterals with {Bc} and {Cc} "
    "on Tuesday.",
    "bilateral_meetings": "{Bt} and {Ct} are attending the forum in {Acap}. {At} held "
    "bilateral meetings with {Bc} and {Cc} on Tuesday.",
    "separate_meetings": "{Bt} and {Ct} were among the guests. On Tuesday {At} held separate "
    "meetings with {Bc} and {Cc}.",
}


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize("template", STATES.values(), ids=STATES)
def test_a_state_named_as_the_other_side_is_its_leader_named_elsewhere(run, team, template):
    ex = run(_fill(template, team))
    a, b, c = (x.name for x in team[:3])
    assert {a, b} in _people(ex) and {a, c} in _people(ex), _people(ex)
    assert {b, c} not in _people(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto held bilateral meetings with Chile, Peru and Norway on "
        "Tuesday.",
        "Kenyan President William Ruto held bilaterals with Germany on Tuesday. The German "
        "delegation was led by a junior minister.",
    ],
    ids=["no_leader_named", "only_a_delegation"],
)
def test_a_state_whose_leader_is_not_named_gives_no_participant(run, text):
    assert run(text).meetings == ()


def test_a_state_stands_for_its_head_not_its_minister(run):
    text = (
        "Chilean President Gabriel Boric and Chilean Foreign Minister Alberto van Klaveren "
        "flew in on Monday. Kenyan President William Ruto held a bilateral with Chile on Tuesday."
    )
    assert _people(run(text)) == [{"William Ruto", "Gabriel Boric"}]


DISCUSSED = {
    "with_title_of_state": ("{At} discussed railways with the {Bo} of {Bc} in {Bcap} on Tuesday.",
                            None),
    "with_titled_name": ("{At} discussed trade with {Bt} in {Bcap} on Tuesday.", None),
    "pair_as_subject": ("On Tuesday, {At} and {Bt} discussed energy in {Bcap}.", None),
    "in_a_phone_call": ("{At} discussed trade with {Bt} in a phone call on Tuesday.", "call"),
    "by_phone": ("{At} discussed the war by phone with {Bt} on Tuesday.", "call"),
}  # fmt: skip


@pytest.mark.parametrize("pair", PAIRS[:3], ids=_ids)
@pytest.mark.parametrize(("template", "kind"), DISCUSSED.values(), ids=DISCUSSED)
def test_a_discussion_between_two_leaders_is_a_meeting(run, pair, template, kind):
    ex = run(_fill(template, pair))
    found = [m for m in ex.meetings if set(m.participants) == {pair[0].name, pair[1].name}]
    assert found, _people(ex)
    assert found[0].date == TUESDAY
    assert kind is None or found[0].kind == kind


NOT_DISCUSSED = {
    "plans_to": "{At} plans to discuss trade with {Bt} next week.",
    "did_not": "{At} did not discuss the war with {Bt}.",
    "will": "{At} will discuss energy with {Bt} when they meet next month.",
    "hopes_to": "{At} hopes to discuss railways with {Bt}.",
    "with_reporters": "{At} discussed {Bt}'s proposal with reporters on Tuesday.",
    "in_a_letter": "{At} discussed energy with {Bt} in a letter sent on Tuesday.",
}


@pytest.mark.parametrize("pair", PAIRS[:2], ids=_ids)
@pytest.mark.parametrize("template", NOT_DISCUSSED.values(), ids=NOT_DISCUSSED)
def test_a_discussion_not_held_or_with_no_leader_is_no_meeting(run, pair, template):
    assert run(_fill(template, pair)).meetings == ()


def test_the_place_of_what_was_discussed_is_not_the_meetings(run):
    text = "Kenyan President William Ruto discussed the war in Ukraine with German Chancellor "
    text += "Olaf Scholz on Tuesday."
    (meeting,) = run(text).meetings
    assert meeting.host_country != "UA" and meeting.place is None


TOLD_TWICE = {
    "noun_then_met": "The meeting between {At} and {Bt} in {Bcap} on Tuesday lasted two hours. "
    "{A} met {B} at the presidential palace.",
    "noun_then_pluperfect": "The talks between {At} and {Bt} on Tuesday focused on energy. {B} "
    "had met {A} at the airport.",
    "was_held_then_pluperfect": "A meeting between {At} and {Bt} was held in {Bcap} on Tuesday. "
    "{B} had met {A} at the airport.",
}


@pytest.mark.parametrize("pair", PAIRS, ids=_ids)
@pytest.mark.parametrize("template", TOLD_TWICE.values(), ids=TOLD_TWICE)
def test_a_meeting_told_by_a_noun_then_a_verb_is_one(run, pair, template):
    ex = run(_fill(template, pair))
    assert _people(ex) == [{pair[0].name, pair[1].name}], _people(ex)
    assert ex.meetings[0].date == TUESDAY


def test_a_pluperfect_with_its_own_time_stays_another_meeting(run):
    text = _fill(
        "The talks between {At} and {Bt} on Tuesday focused on energy. {A} had met {B} in "
        "{Acap} in 2019.",
        PAIRS[0],
    )
    assert len(run(text).meetings) == 2


NOT_A_PAIR = {
    "will_host_tonight": "{Bt} will host {At} at a dinner tonight.",
    "hosts_this_evening": "{Bt} hosts a dinner for {At} this evening at the palace.",
    "is_hosting_tonight": "{Bt} is hosting a dinner for {At} tonight.",
    "will_attend_hosted": "{At} will attend a dinner hosted by {Bt} this evening.",
    "banquet_for_leaders": "{At} attended a banquet hosted by {Bt} for the summit leaders on "
    "Tuesday.",
    "welcomed_with_other_leaders": "{Bt} welcomed {At} and other leaders at the memorial on "
    "Tuesday.",
    "in_honour_of_heads": "{At} attended a dinner hosted by {Bt} in honour of the visiting "
    "heads of state on Tuesday.",
}


@pytest.mark.parametrize("pair", PAIRS[:3], ids=_ids)
@pytest.mark.parametrize("template", NOT_A_PAIR.values(), ids=NOT_A_PAIR)
def test_a_dinner_to_come_or_for_a_group_is_no_meeting_of_host_and_guest(run, pair, template):
    assert run(_fill(template, pair)).meetings == ()


@pytest.mark.parametrize("pair", PAIRS[:3], ids=_ids)
def test_a_dinner_hosted_last_night_for_one_guest_is_held(run, pair):
    ex = run(_fill("{Bt} hosted a state banquet for {At} in {Bcap} on Tuesday.", pair))
    assert {pair[0].name, pair[1].name} in _people(ex), _people(ex)
