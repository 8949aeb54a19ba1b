"""Meetings told by an act done in person with no meeting word, generated (CheckList
style): a welcome ceremony given, an accord co-signed at a place, words said within a
round of meetings, a text handed over at a place; and meetings of the past told by the
two leaders' doings during a visit, by a leader at another's seat, by a visit returned
and by 'did the same'.  Each kind has negative twins with the same words for no meeting.
Sentences written for these tests, read with the shipped registry.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import MONDAY, PAIRS, _fill, _match


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


def _ids(groups, teams=PAIRS):
    return [
        pytest.param(text, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, text in groups.items()
        for team in teams
    ]


def _one(ex, team):
    found = _match(ex, [team[0].name, team[1].name])
    assert found, [(m.participants, m.kind) for m in ex.meetings]
    return found[0]


def _none(ex, team):
    assert not _match(ex, [team[0].name, team[1].name]), [m.participants for m in ex.meetings]


# --- welcomes: B, at home, welcomes A ----------------------------------------------

WELCOMES = {
    "ceremonial_welcome": "{Bt} gave {At} a ceremonial welcome in the forecourt of the "
    "presidential palace in {Bcap} on Monday.",
    "red_carpet_welcome": "{Bt} accorded {At} a red-carpet welcome in {Bcap} on Monday.",
    "guard_of_honour": "{At} was given a guard of honour by {Bt} in {Bcap} on Monday.",
    "welcome_received": "{At} received a warm welcome from {Bt} in {Bcap} on Monday.",
    "red_carpet_rolled_out": "{Bt} rolled out the red carpet for {At} in {Bcap} on Monday.",
    "welcome_extended": "{Bt} extended a warm welcome to {At} in {Bcap} on Monday.",
    "banquet_hosted": "{Bt} hosted a state banquet for {At} in {Bcap} on Monday.",
    "dinner_in_honour": "{Bt} gave a dinner in honour of {At} in {Bcap} on Monday.",
}
NOT_WELCOMES = {
    "welcome_to_decision": "{At} gave a warm welcome to the decision by {Bt} on Monday.",
    "welcome_to_a_plan": "{At} gave the plan of {Bt} a cautious welcome on Monday.",
    "welcomed_the_news": "{At} and {Bt} welcomed the news on Monday.",
    "welcome_by_letter": "{Bt} gave {At} a warm welcome to the alliance in a letter on Monday.",
    "inspected_guard": "{At} inspected a guard of honour in {Bcap} on Monday.",
    "lunch_for_others": "{At} and {Bt} hosted a lunch for the prize winners on Monday.",
}


@pytest.mark.parametrize("template,team", _ids(WELCOMES))
def test_a_welcome_given_is_a_meeting_hosted_by_the_giver(run, template, team):
    meeting = _one(run(_fill(template, team)), team)
    assert (meeting.kind, meeting.host_country, meeting.date) == ("visit", team[1].country, MONDAY)


@pytest.mark.parametrize("template,team", _ids(NOT_WELCOMES))
def test_a_welcome_to_a_thing_or_sent_is_no_meeting(run, template, team):
    _none(run(_fill(template, team)), team)


# --- co-signing at a place ---------------------------------------------------------

COSIGNED = {
    "passive_at_place": "The peace accord was signed in {Bcap} on Monday by {At} and {Bt}.",
    "active_at_palace": "{At} and {Bt} signed the accord at the presidential palace in {Bcap} "
    "on Monday.",
    "by_phrase_after_apposition": "The war ended with a treaty signed in the {Bd} capital, "
    "{Bcap}, on Monday by {A} and {Bc}'s then {Bo}, {B}.",
}
SIGNED_APART = {
    "each_in_own_capital": "The accord was signed by {At} in {Acap} and by {Bt} in {Bcap} on "
    "Monday.",
    "respective_capitals": "{At} and {Bt} signed the accord in their respective capitals on "
    "Monday.",
    "each_signed": "{At} and {Bt} each signed the accord on Monday.",
    "separately": "{At} and {Bt} signed the accord separately on Monday.",
    "remotely": "{At} and {Bt} signed the accord remotely on Monday.",
    "joint_letter": "{At} and {Bt} signed a joint letter to the United Nations on Monday.",
    "by_letter": "The accord was signed by letter by {At} and {Bt} on Monday.",
    "one_signer": "The accord was signed by {At} in {Acap} on Monday, and {Bt} praised it.",
    "document_with_no_place": "The dispute goes back to an accord signed in 2019 by {At} and "
    "{Bc}'s then {Bo}, {B}.",
}


@pytest.mark.parametrize("template,team", _ids(COSIGNED))
def test_an_accord_signed_together_at_a_place_is_a_meeting_there(run, template, team):
    meeting = _one(run(_fill(template, team)), team)
    assert (meeting.host_country, meeting.date) == (team[1].country, MONDAY)


@pytest.mark.parametrize("template,team", _ids(SIGNED_APART))
def test_signatures_given_apart_tell_no_meeting(run, template, team):
    _none(run(_fill(template, team)), team)


# --- telling within a round of meetings ----------------------------------------------

ROUND = "{At} held a string of meetings with regional leaders in {Acap} on Monday. "
TOLD = {
    "told": ROUND + "{Ahe} told {Bt} that trade would grow.",
    "assured": ROUND + "{Ahe} assured {Bt} that aid would continue.",
    "told_second": ROUND + "{Ahe} told the crowd that ties were strong, and told {Bt} that the "
    "border would stay open.",
    "series_of_talks": "In {Acap} on Monday, {At} held a series of talks with Gulf leaders. "
    "{Ahe} told {Bt} that trade would grow.",
}
NOT_TOLD = {
    "told_reporters": "{At} told reporters in {Acap} on Monday that {B} was a friend.",
    "told_in_letter": ROUND + "{Ahe} told {Bt} in a letter that trade would grow.",
    "told_without_round": "{At} told {Bt} on Monday that trade would grow.",
    "round_with_one_named": "{At} held talks with {Ct} in {Acap} on Monday. {Ahe} told {Bt} "
    "on Tuesday that trade would grow.",
}


def _third(team):
    return PAIRS[(PAIRS.index(team) + 1) % len(PAIRS)][0]


@pytest.mark.parametrize("template,team", _ids(TOLD))
def test_telling_a_leader_within_a_round_of_meetings_is_talks_there(run, template, team):
    meeting = _one(run(_fill(template, team)), team)
    assert (meeting.kind, meeting.host_country, meeting.date) == ("talks", team[0].country, MONDAY)


@pytest.mark.parametrize("template,team", _ids(NOT_TOLD))
def test_telling_with_no_round_of_meetings_is_no_meeting(run, template, team):
    _none(run(_fill(template, (*team, _third(team)))), team)


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_telling_by_phone_is_a_call(run, team):
    ex = run(_fill("{At} told {Bt} by phone on Monday that trade would grow.", team))
    meeting = _one(ex, team)
    assert (meeting.kind, meeting.host_country) == ("call", None)


# --- handing over at a place -------------------------------------------------------

HANDED = {
    "draft_handed": "{At} handed a revised draft to {Bt} in {Bcap} on Monday.",
    "presented_with": "{At} presented {Bt} with a horse at a ceremony in {Bcap} on Monday.",
    "gave_at_festival": "At a festival in {Bcap} on Monday, {Bt} gave {At} a racehorse.",
}
NOT_HANDED = {
    "no_place": "{At} handed a revised draft to {Bt} on Monday.",
    "through_envoy": "{At} handed a revised draft to {Bt} through an envoy in {Bcap} on Monday.",
    "in_a_letter": "{At} presented his plan to {Bt} in a letter on Monday.",
    "gave_support": "{At} gave {Bt} his support in {Bcap} on Monday.",
}


@pytest.mark.parametrize("template,team", _ids(HANDED))
def test_a_thing_handed_over_at_a_place_is_a_meeting(run, template, team):
    assert _one(run(_fill(template, team)), team).date == MONDAY


@pytest.mark.parametrize("template,team", _ids(NOT_HANDED))
def test_a_thing_handed_over_with_no_place_or_sent_is_no_meeting(run, template, team):
    _none(run(_fill(template, team)), team)


# --- meetings of the past told with no meeting word ----------------------------------

BACKGROUND = {
    "the_two_leaders_when_visited": "{At} met {Bt} in {Acap} on Monday. The two leaders first "
    "set out joint targets when {A} visited {Bcap} in 2019.",
    "at_the_seat_where": "Last week {A} flew to {Ccap}, and on Monday {A} was in {Bcap}, where "
    "{Bt} said the talks had gone well.",
}


@pytest.mark.parametrize("template,team", _ids(BACKGROUND))
def test_a_visit_told_with_what_both_did_there_is_a_visit_to_the_one_at_home(run, template, team):
    ex = run(_fill(template, (*team, _third(team))))
    visits = [
        m
        for m in _match(ex, [team[0].name, team[1].name])
        if m.host_country == team[1].country and m.kind == "visit"
    ]
    assert visits, [(m.participants, m.kind, m.host_country) for m in ex.meetings]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_time_clause_of_a_visit_to_come_is_no_meeting(run, team):
    text = _fill("{At} will tour {Bcap} next month, when {A} meets {Bt}.", team)
    _none(run(text), team)


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_talks_held_as_a_session_name_their_counterpart(run, team):
    text = _fill("{At} held a session of official talks with {Bt} in {Bcap} on Monday.", team)
    meeting = _one(run(text), team)
    assert (meeting.host_country, meeting.date) == (team[1].country, MONDAY)


NOT_BACKGROUND = {
    "never_met": "{A} has never met {B}, though {A} visited {Bcap} in 2019.",
    "hopes_to_visit": "{A} hopes to visit {Bcap} to meet {B}.",
    "visit_to_a_third_country": "{At} met {Bt} in {Acap} on Monday. The two leaders first set "
    "out joint targets when {A} visited {Ccap} in 2019.",
    "seat_of_a_third": "On Monday {A} was in {Ccap}, where {Bt} said the talks had gone well.",
}


@pytest.mark.parametrize("template,team", _ids(NOT_BACKGROUND))
def test_no_visit_to_the_one_at_home_is_told(run, template, team):
    ex = run(_fill(template, (*team, _third(team))))
    visits = [
        m for m in _match(ex, [team[0].name, team[1].name]) if m.host_country == team[1].country
    ]
    assert not visits, [(m.participants, m.kind, m.host_country) for m in ex.meetings]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_visit_returned_is_a_second_visit_the_other_way(run, team):
    text = _fill("{At} was received by {Bt} in {Bcap} in 2015. {B} returned the visit the "
                 "following year, and {A} praised the ties.", team)  # fmt: skip
    hosts = {m.host_country for m in _match(run(text), [team[0].name, team[1].name])}
    assert hosts == {team[0].country, team[1].country}


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_visit_not_returned_is_one_visit(run, team):
    text = _fill("{At} was received by {Bt} in {Bcap} in 2015. {A} returned to {Acap} the "
                 "following day.", team)  # fmt: skip
    hosts = [m.host_country for m in _match(run(text), [team[0].name, team[1].name])]
    assert hosts == [team[1].country]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_did_the_same_is_the_same_meeting_by_another(run, team):
    third = _third(team)
    text = _fill("{At} travelled to {Bcap} in 2015 to meet {Bt}, and {C} did the same in "
                 "2019.", (*team, third))  # fmt: skip
    ex = run(text)
    found = _match(ex, [third.name, team[1].name])
    assert found and found[0].host_country == team[1].country, ex.meetings


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_did_the_same_after_something_else_is_no_meeting(run, team):
    third = _third(team)
    text = _fill("{At} met {Bt} in {Bcap} in 2015. In 2019 {A} condemned the attack, and {C} "
                 "did the same.", (*team, third))  # fmt: skip
    assert not _match(run(text), [third.name, team[1].name])


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_the_two_leaders_of_a_state_visit_are_the_visitor_and_the_one_at_home(run, team):
    other = PAIRS[(PAIRS.index(team) + 2) % len(PAIRS)]
    text = _fill("{Ct} gave a horse to {Dt} in 2019. {At} paid a state visit to {Bcap} last "
                 "September, when the two leaders signed a joint declaration. {B} praised "
                 "the visit.", (*team, *other))  # fmt: skip
    visits = [m for m in _match(run(text), [team[0].name, team[1].name])]
    assert [m.host_country for m in visits] == [team[1].country]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_state_visit_to_a_third_country_is_no_visit_to_the_one_at_home(run, team):
    text = _fill("{At} paid a state visit to {Ccap} last September, when the two leaders "
                 "signed a joint declaration. {B} praised it.", (*team, _third(team)))  # fmt: skip
    hosts = [m.host_country for m in _match(run(text), [team[0].name, team[1].name])]
    assert team[1].country not in hosts


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_him_invited_within_a_round_is_the_one_holding_it(run, team):
    text = _fill(ROUND + "{Bt} invited him to {Ccap}.", (*team, _third(team)))
    meeting = _one(run(text), team)
    assert (meeting.host_country, meeting.date) == (team[0].country, MONDAY)


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_him_invited_with_no_round_is_no_meeting(run, team):
    text = _fill("{At} spoke in {Acap} on Monday. {Bt} invited him to {Ccap}.",
                 (*team, _third(team)))  # fmt: skip
    _none(run(text), team)


# --- calls told by a noun: a day after the call is no courtesy call 'on' someone -------

NOUN_CALLS = {
    "in_a_call_with": "In a call with {At} on Tuesday, {Bt} offered help with grain shipments.",
    "phone_call_between": "During a phone call between {At} and {Bt} on Tuesday, the two "
    "leaders discussed trade.",
    "possessive_call_with": "{At}'s call with {Bt} on Tuesday focused on trade.",
    "phone_conversation": "{At} and {Bt} spoke by phone on Tuesday. The two leaders' phone "
    "conversation lasted an hour.",
    "after_dateline": "{Bcap}, March 12 (Newswire) - In a call with {At} on Tuesday, {Bt} "
    "offered help with grain shipments.",
}
NOT_CALLS = {
    "called_for": "{At} called for a ceasefire on Tuesday, and {Bt} called for calm.",
    "call_to_action": "{At} issued a call to action on Tuesday, and {Bt} echoed it.",
    "call_for_talks": "{At} renewed {Apos} call for talks with {Bt} on Tuesday.",
    "planned_call": "A planned call between {At} and {Bt} on Friday was postponed.",
    "called_a_liar": "{At} called {Bt} a liar on Tuesday.",
}


@pytest.mark.parametrize("template,team", _ids(NOUN_CALLS))
def test_a_call_told_by_a_noun_is_a_call_with_no_host_or_place(run, template, team):
    meeting = _one(run(_fill(template, team)), team)
    assert (meeting.kind, meeting.host_country, meeting.place) == ("call", None, None)


@pytest.mark.parametrize("template,team", _ids(NOT_CALLS))
def test_a_call_for_something_or_a_call_planned_is_no_meeting(run, template, team):
    _none(run(_fill(template, team)), team)


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_courtesy_call_on_a_leader_stays_a_visit(run, team):
    text = _fill("{At} paid a courtesy call on {Bt} in {Bcap} on Tuesday.", team)
    assert _one(run(text), team).kind == "visit"
