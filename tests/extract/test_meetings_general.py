"""Meetings in plain English, generated: templates x leader pairs (CheckList style).

Each capability is a group of templates filled with several real leader pairs, their
countries and capitals.  A positive template states a held meeting and says what the
extractor must return (participants, kind, host, date); each has negative twins that
use the same words for something that is not a held meeting (a plan, a refusal, a
denial, an accusation, "called on X to ..."), and those must give no meeting between
the two leaders.  The sentences are written for these tests.  They are read with the
shipped leader registry, as articles are.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import (
    FRIDAY,
    GROUPS,
    MONDAY,
    PAIRS,
    TUESDAY,
    WEDNESDAY,
    Case,
    _cases,
    _check_held,
    _fill,
    _match,
)


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


# --- held meetings (positives) --------------------------------------------------------

PLAIN = {
    "met": Case("{At} met {Bt} in {Bcap} on Monday.", date=MONDAY),
    "held_talks": Case("{At} held talks with {Bt} in {Bcap} on Monday.", "talks", date=MONDAY),
    "bilateral_counterpart": Case(
        "{A} held bilateral talks with {Apos} {Bd} counterpart {B} in {Bcap} on Monday.",
        "talks",
        date=MONDAY,
    ),
    "received_by_apposition": Case(
        "{A}, the {Ao} of {Ac}, was received by {B}, the {Bo} of {Bc}, in {Bcap} on Friday.",
        date=FRIDAY,
    ),
    "received_at_palace": Case(
        "{Bt} received {At} at the presidential palace in {Bcap} on Monday.", date=MONDAY
    ),
    "hosted_for_talks": Case("{Bt} hosted {At} for talks in {Bcap} on Wednesday.", date=WEDNESDAY),
    "welcomed_to": Case("{Bt} welcomed {At} to {Bcap} on Monday.", date=MONDAY),
    "greeted_by": Case("{At} was greeted by {Bt} at the airport in {Bcap} on Monday.", date=MONDAY),
    "courtesy_call": Case("{A} paid a courtesy call on {BO} {B} in {Bcap} on Monday.", date=MONDAY),
    "played_host": Case("{Bt} played host to {At} in {Bcap} on Monday.", "visit", date=MONDAY),
    "paid_a_visit_to": Case("{At} paid a visit to {Bt} in {Bcap} on Monday.", "visit", date=MONDAY),
    "called_on_in_person": Case(
        "{At} called on {Bt} at {Bpos} office in {Bcap} on Monday.", "visit", date=MONDAY
    ),
    "sidelines": Case(
        "{At} and {Bt} met on the sidelines of a regional summit in {Bcap} on Wednesday.",
        date=WEDNESDAY,
    ),
}
CALLS = {
    "dialled": Case("{At} dialled {Bt} on Tuesday.", "call", "", TUESDAY),
    "received_call": Case("{At} received a phone call from {Bt} on Tuesday.", "call", "", TUESDAY),
    "spoke_by_phone": Case("{At} spoke by phone with {Bt} on Tuesday.", "call", "", TUESDAY),
    "spoke_on_the_phone": Case("{At} and {Bt} spoke on the phone on Tuesday.", "call", "", TUESDAY),
    "called_to_discuss": Case(
        "{At} called {Bt} on Tuesday to discuss the crisis.", "call", "", TUESDAY
    ),
    "telephoned": Case("{At} telephoned {Bt} on Tuesday.", "call", "", TUESDAY),
}
IN_CONFLICT = {  # a held meeting whose sentence speaks of war, sanctions or protests
    "to_discuss_war": Case(
        "{At} met {Bt} in {Bcap} on Monday to discuss the war in Ukraine.", date=MONDAY
    ),
    "amid_tensions": Case(
        "{At} met {Bt} in {Bcap} on Monday amid tensions over sanctions.", date=MONDAY
    ),
    "despite_protests": Case(
        "{At} met {Bt} in {Bcap} on Monday despite protests outside the venue.", date=MONDAY
    ),
    "talks_on_fighting": Case(
        "{At} held talks with {Bt} in {Bcap} on Monday about the fighting in Sudan.",
        "talks",
        date=MONDAY,
    ),
}
SEVERAL = {
    "four_met": Case("{At}, {Bt}, {Ct} and {Dt} met in {Bcap} on Monday.", date=MONDAY, parties=4),
    "brought_together": Case(
        "The summit in {Bcap} on Monday brought together {A}, {B}, {C} and {D}.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "attended_by": Case(
        "{B} chaired a summit in {Bcap} on Monday that was attended by {A}, {C} and {D}.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "of_country_coordinated": Case(
        "{A} of {Ac} and {C} of {Cc} spent four hours with {B} in {Bcap} on Monday.",
        date=MONDAY,
        parties=4,  # checked on A, B and C below: D is not named
    ),
    "news_conference_with": Case(
        "{Bt} said at a joint news conference with {A}, {C} and {D} in {Bcap} on Monday "
        "that the talks had gone well.",
        date=MONDAY,
        parties=4,
    ),
    "leaders_including_gathered": Case(
        "Leaders including {A}, {B}, {C} and {D} gathered in {Bcap} on Monday for the summit.",
        date=MONDAY,
        parties=4,
    ),
    "summit_hosted_and_attended": Case(
        "The summit, hosted by {B} in {Bcap} on Monday, was attended by {A}, {C} and {D}.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "hosted_several": Case(
        "{Bt} hosted {A}, {C} and {D} at a summit in {Bcap} on Monday.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "summit_which_brought_together": Case(
        "The regional summit, which brought together {At}, {Bt}, {Ct} and {Dt}, opened in "
        "{Bcap} on Monday.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "summit_which_they_attended": Case(
        "The summit, which {At}, {Bt}, {Ct} and {Dt} attended, opened in {Bcap} on Monday.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "attended_by_then_verb": Case(
        "The summit in {Bcap}, attended by {At}, {Bt}, {Ct} and {Dt}, opened on Monday.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "titled_four_attended": Case(
        "On Monday, {At}, {Bt}, {Ct} and {Dt} attended a regional summit in {Bcap}.",
        "summit",
        date=MONDAY,
        parties=4,
    ),
    "titled_four_held_talks": Case(
        "{At}, {Bt}, {Ct} and {Dt} held talks in {Bcap} on Monday.", date=MONDAY, parties=4
    ),
}

# --- not held meetings (negative twins) -------------------------------------------------

NOT_HELD = {
    "hopes_to_meet": "{At} hopes to meet {Bt} in {Bcap} next week.",
    "no_plans": "{At} had no plans to meet {Bt} during the trip.",
    "denied_reports": "{At} denied reports that {Ahe} had met {Bt} in {Bcap}.",
    "expected_talks": "{At} is expected to hold talks with {Bt} in {Bcap}.",
    "would_meet": "{At} would meet {Bt} in {Bcap} if the talks made progress.",
    "refused_to_meet": "{At} refused to meet {Bt} in {Bcap} on Monday.",
    "cancelled": "{At} cancelled {Apos} meeting with {Bt} in {Bcap}.",
    "will_host": "{Bt} will host {At} in {Bcap} next week.",
    "happy_to_meet": "{At} said {Ahe} would be happy to meet {Bt}.",
    "accused": "{At} accused {Bt} of hypocrisy on Monday.",
    "attacked": "{At} attacked {Bt} in a speech on Monday.",
    "called_on": "{At} called on {Bt} to release the detained journalists.",
    "called_for_talks": "{At} called for talks with {Bt} on Monday.",
    "spoke_about": "{At} spoke about {Bt} in a television interview on Tuesday.",
    "welcomed_decision": "{At} welcomed {Bt}'s decision to lift the tariffs.",
    "received_letter": "{At} received a letter from {Bt} on Tuesday.",
    "received_criticism": "{At} received criticism from {Bt} on Tuesday.",
    "talked_into": "{At} talked {Bt} into staying for another day.",
    "called_a_name": "{At} called {Bt} a liar on Tuesday.",
    "said_hoped": "{At} said {Ahe} hoped to hold talks with {Bt}.",
    "no_plans_for_a_meeting": "There are no plans for a meeting between {A} and {B} in {Bcap}.",
    "reports_of_talks": "{At} dismissed reports of secret talks with {Bt} in {Bcap}.",
    "scheduled_summit": "The summit between {A} and {B} had been scheduled for Wednesday.",
    "delayed_talks": "The talks between {A} and {B} were delayed until the spring.",
}


@pytest.mark.parametrize("case,team", _cases(PLAIN, PAIRS))
def test_plain_sentences_give_a_meeting(run, case, team):
    _check_held(run, case, team)


@pytest.mark.parametrize("case,team", _cases(CALLS, PAIRS))
def test_phone_calls(run, case, team):
    _check_held(run, case, team)


@pytest.mark.parametrize("case,team", _cases(IN_CONFLICT, PAIRS))
def test_meeting_about_conflict_is_held(run, case, team):
    _check_held(run, case, team)


@pytest.mark.parametrize("case,team", _cases(SEVERAL, GROUPS))
def test_several_parties_are_one_meeting(run, case, team):
    _check_held(run, case, team)


@pytest.mark.parametrize(
    "template,team",
    [
        pytest.param(t, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, t in NOT_HELD.items()
        for team in PAIRS
    ],
)
def test_not_held_meetings(run, template, team):
    ex = run(_fill(template, team))
    assert not _match(ex, [team[0].name, team[1].name]), [m.participants for m in ex.meetings]
