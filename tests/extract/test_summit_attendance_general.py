"""A gathering of leaders whose participants are told across the sentences after the one
that names it, generated over groups of four registry leaders: a late joiner ('D joined
the leaders on Tuesday', however far from the summit's own sentence), the host named in a
participle of the summit ('The summit opened ..., hosted by A'), attendees told by what
they did at its opening ('B sought out C and D at the opening ceremony', 'B used his speech
at the opening to ...'), and a signing by everyone a host received ('A hosted B, C and D
..., where they signed ...').  Each has a negative twin in the same words for someone who
was not there.  Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, MONDAY, WEDNESDAY, _fill, _match


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


def _ids(groups):
    return [
        pytest.param(text, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, text in groups.items()
        for team in GROUPS
    ]


def _meetings(ex):
    return [sorted(m.participants) for m in ex.meetings]


SUMMIT = "{At} hosted {Bt} and {Ct} at a regional summit in {Acap} on Monday. "
FILLER = (
    "The leaders discussed trade, migration and the drought. Officials said the talks ran "
    "late into the night. A final communique was still being drafted. "
)
LATE_JOINERS = {
    "joined_the_leaders": SUMMIT + FILLER + "{Dt} flew in on Tuesday and joined the leaders "
    "for the final session.",
    "arrived_to_join": SUMMIT + FILLER + "{Dt} arrived on Tuesday to join the other leaders.",
    "the_next_day": SUMMIT + FILLER + "{Dt} flew in the next day and joined the leaders.",
    "pronoun_joiner": SUMMIT + FILLER + "{Dt} landed on Tuesday morning. Hours later {Dhe} "
    "joined the regional leaders in their session on security.",
}
NOT_JOINERS = {
    "did_not_join": SUMMIT + FILLER + "{Dt} did not join the leaders.",
    "will_join": SUMMIT + FILLER + "{Dt} will join the leaders at next year's summit.",
    "joined_in_criticising": SUMMIT + FILLER + "From {Dcap}, {Dt} joined opposition leaders "
    "in criticising the summit.",
}


@pytest.mark.parametrize("template,team", _ids(LATE_JOINERS))
def test_a_late_joiner_joins_the_summit_told_before(run, template, team):
    ex = run(_fill(template, team))
    names = [x.name for x in team]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), _meetings(ex)
    assert found[0].date == MONDAY
    assert len(ex.meetings) == 1, _meetings(ex)  # no pair meeting of the joiner of its own


@pytest.mark.parametrize("template,team", _ids(NOT_JOINERS))
def test_someone_who_did_not_join_the_leaders_is_not_at_the_summit(run, template, team):
    ex = run(_fill(template, team))
    assert _match(ex, [x.name for x in team[:3]]), _meetings(ex)
    assert not any(team[3].name in m.participants for m in ex.meetings), _meetings(ex)


ENDED = (
    "The regional summit ended on Wednesday in {Acap}, after three days in which its leaders "
    "agreed on a trade regime and welcomed {Dc}'s {Do} in person. {At} hosted {Bt} and {Ct}. "
)
OPENED = "The summit opened on Monday with a parade. "
JOINED = "{Dt} flew in on Tuesday and joined the leaders."


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_summit_is_dated_by_its_opening_not_by_the_lede_s_day_it_ended(run, team):
    ex = run(_fill(ENDED + OPENED + JOINED, team))
    found = _match(ex, [x.name for x in team])
    assert found and found[0].date == MONDAY, [(m.participants, m.date) for m in ex.meetings]


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_the_day_a_summit_ended_dates_it_when_no_opening_is_told(run, team):
    ex = run(_fill(ENDED + JOINED, team))
    found = _match(ex, [x.name for x in team])
    assert found and found[0].date == WEDNESDAY, [(m.participants, m.date) for m in ex.meetings]


CHAIRED = "{At} chaired the summit in {Acap} on Monday. {Bt} joined the leaders on the second day."


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_joiner_of_a_chaired_summit_makes_one_summit_not_two(run, team):
    ex = run(_fill(CHAIRED, team))
    assert [sorted(m.participants) for m in ex.meetings] == [sorted([team[0].name, team[1].name])]
    assert ex.meetings[0].kind == "summit"


OPENED_HOSTED = "The summit of 30 leaders opened on Monday in {Acap}, hosted by {At}. "
TOLD_AFTER = {
    "sought_out_at_the_opening": OPENED_HOSTED + "{Bt} sought out {Ct} and {Dt} at the opening "
    "ceremony.",
    "speech_at_the_opening": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. "
    '"We are here to work," {B} told reporters. {Dc}\'s {D} used {Dpos} speech at the opening to '
    "call for a ceasefire.",
    "chaired_by_apposition": "The summit, chaired by {At}, opened in {Acap} on Monday. {Bt}, "
    "{Ct} and {Dt} attended.",
    "with_them_in_attendance": OPENED_HOSTED + "The final session went ahead on Tuesday, with "
    "leaders such as {Bt}, {Ct} and {Dt} in attendance.",
    "passive_host_then_session": "The summit was hosted by {At} in {Acap} on Monday. {Bt} and "
    "{Ct} attended the opening session. {Dt} spoke at the opening ceremony.",
    "in_a_speech_at_the_summit": "The summit was hosted by {At} in {Acap} on Monday. In {Bpos} "
    "speech at the summit, {Bt} called for calm. {Ct} and {Dt} attended the opening session.",
    "semicolon_list_attended": OPENED_HOSTED + "{Bc}'s {BO}, {B}; {Cc}'s {CO}, {C}; and {Dc}'s "
    "{DO}, {D}, attended.",
}
NOT_AT_IT = {
    "who_did_not_attend": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. {Dt}, "
    "who did not attend, criticised the summit from {Dcap}.",
    "criticised_from_afar": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. {Dt} "
    "criticised the summit from {Dcap}.",
    "was_absent": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. {Dt} was absent.",
    "by_video_link": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. {Dt} spoke at "
    "the opening session by video link.",
    "skipped_the_session_at_it": OPENED_HOSTED + "{Bt} and {Ct} attended the opening "
    "ceremony. {Dt} skipped the closing session at the summit.",
    "went_ahead_without": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. The "
    "final session went ahead without {Dt}.",
    "with_absent": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. The final "
    "session went ahead with {Dt} absent.",
    "praised_at_the_opening": OPENED_HOSTED + "{Bt} and {Ct} attended the opening ceremony. {B} "
    "praised {Dt} at the opening ceremony.",
}


@pytest.mark.parametrize("template,team", _ids(TOLD_AFTER))
def test_the_host_and_those_told_at_the_summit_after_it_take_part(run, template, team):
    ex = run(_fill(template, team))
    names = [x.name for x in team]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), _meetings(ex)
    assert found[0].date == MONDAY
    assert len(ex.meetings) == 1, _meetings(ex)  # "B and C attended the session": the summit


@pytest.mark.parametrize("template,team", _ids(NOT_AT_IT))
def test_someone_only_mentioned_in_the_summit_story_is_not_at_it(run, template, team):
    ex = run(_fill(template, team))
    names = [x.name for x in team[:3]]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), _meetings(ex)
    assert not any(team[3].name in m.participants for m in ex.meetings), _meetings(ex)


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_city_hosting_a_summit_is_no_participant(run, team):
    ex = run(_fill("The summit opened on Monday, hosted by {Acap}. {Bt} and {Ct} attended "
                   "the opening ceremony.", team))  # fmt: skip
    assert _meetings(ex) == [sorted([team[1].name, team[2].name])]


SIGNED_BY_ALL = {
    "where_they_signed": "{At} hosted {Bt}, {Ct} and {Dt} on the lawn of the presidential "
    "palace in {Acap} on Monday, where they signed a trade accord.",
    "and_they_then_signed": "{At} welcomed {Bt}, {Ct} and {Dt} to {Acap} on Monday, and they "
    "then signed a trade accord.",
}
SIGNED_APART = (
    "{At} hosted {Bt}, {Ct} and {Dt} in {Acap} on Monday. On Wednesday {B} and {C} signed a "
    "separate accord in {Ccap}."
)


@pytest.mark.parametrize("template,team", _ids(SIGNED_BY_ALL))
def test_they_who_sign_where_a_host_received_several_are_all_of_them(run, template, team):
    ex = run(_fill(template, team))
    assert _meetings(ex) == [sorted(x.name for x in team)]


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_two_of_them_signing_on_another_day_is_a_meeting_of_its_own(run, team):
    ex = run(_fill(SIGNED_APART, team))
    assert sorted(_meetings(ex)) == sorted(
        [sorted(x.name for x in team), sorted([team[1].name, team[2].name])]
    )


SIGNING_LEDE = (
    "{At} and the leaders of two neighbouring states signed agreements in {Bcap} on Monday, "
    "with {Bt} as their host. {A} and {Ct} signed a treaty of peace. "
)
SIGNERS_TOLD_AFTER = {
    "put_his_name_to": SIGNING_LEDE + "{Dt} put {Dpos} name to a shorter declaration.",
    "also_signed": SIGNING_LEDE + "{Dt} also signed the declaration.",
}
NOT_SIGNERS_THEN = {
    "signed_later": SIGNING_LEDE + "{Dt} signed the declaration a week later in {Dcap}.",
    "refused_to_sign": SIGNING_LEDE + "{Dt} refused to sign the declaration.",
    "will_sign": SIGNING_LEDE + "{Dt} will sign the declaration next month.",
    "signed_with_another": SIGNING_LEDE + "{Dt} signed a trade deal with a visiting delegation.",
}


@pytest.mark.parametrize("template,team", _ids(SIGNERS_TOLD_AFTER))
def test_a_signing_told_again_with_more_signers_is_one_signing(run, template, team):
    ex = run(_fill(template, team))
    assert _meetings(ex) == [sorted(x.name for x in team)]
    assert ex.meetings[0].date == MONDAY


@pytest.mark.parametrize("template,team", _ids(NOT_SIGNERS_THEN))
def test_a_signer_on_another_day_or_not_at_all_is_not_at_the_signing(run, template, team):
    ex = run(_fill(template, team))
    assert [sorted(x.name for x in team[:3])] == [m for m in _meetings(ex) if team[0].name in m]


# --- arrivals at a summit: greeted on arrival, an order of arrival ---------------------

GATHERED = "Regional leaders gathered in {Acap} on Monday for a summit on trade hosted by {At}. "
ARRIVALS = {
    "embraced_at_the_steps": GATHERED + "{Bt} was embraced at the foot of {Bpos} aircraft's "
    "steps by {A}. {Ct} was greeted on arrival by {A}. {Dt} was welcomed at the airport by {A}.",
    "first_to_arrive": GATHERED + "{Bt} was the first to arrive, followed by {Ct} and {Dt}.",
    "arrived_first": GATHERED + "{Bt} arrived first, followed by {Ct} and {Dt}.",
    "greeted_each_leader": GATHERED + "{A} greeted each leader as they arrived: {B}, {C} and {D}.",
}
NOT_ARRIVED = {
    "due_to_arrive": GATHERED + "{Bt} and {Ct} were greeted on arrival by {A}. {Dt} was due to "
    "arrive on Tuesday.",
    "did_not_arrive": GATHERED + "{Bt} and {Ct} were greeted on arrival by {A}. {Dt} did not "
    "arrive.",
    "arrived_elsewhere": GATHERED + "{Bt} and {Ct} were greeted on arrival by {A}. {Dt} arrived "
    "in {Dcap} on Monday after a trip abroad.",
}


@pytest.mark.parametrize("template,team", _ids(ARRIVALS))
def test_leaders_told_arriving_at_a_summit_take_part_in_it(run, template, team):
    ex = run(_fill(template, team))
    names = [x.name for x in team]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), _meetings(ex)
    assert found[0].date == MONDAY
    assert len(ex.meetings) == 1, _meetings(ex)  # no pair meeting of the greeter and a guest


@pytest.mark.parametrize("template,team", _ids(NOT_ARRIVED))
def test_a_leader_not_told_arriving_is_not_at_the_summit(run, template, team):
    ex = run(_fill(template, team))
    names = [x.name for x in team[:3]]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), _meetings(ex)
    assert not any(team[3].name in m.participants for m in ex.meetings), _meetings(ex)


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_greeting_on_arrival_with_no_summit_is_a_visit_of_the_two(run, team):
    text = _fill("{Bt} arrived in {Acap} on Monday and was greeted on arrival by {At}.", team)
    ex = run(text)
    assert _meetings(ex) == [sorted([team[0].name, team[1].name])]
    assert ex.meetings[0].kind == "visit"


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_greeting_on_arrival_after_a_news_conference_is_no_summit(run, team):
    text = _fill(
        "{At}, {Ct} and {Dt} spoke at a news conference in {Acap} on Monday. {Bt} was greeted "
        "on arrival at the airport by {A} on Monday.",
        team,
    )
    ex = run(text)
    assert not any(
        team[1].name in m.participants and team[2].name in m.participants for m in ex.meetings
    ), _meetings(ex)
