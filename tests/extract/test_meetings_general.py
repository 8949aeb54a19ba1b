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

import datetime as dt
from dataclasses import dataclass

import pytest

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday
MONDAY = dt.date(2024, 3, 11)  # the Monday before the fixtures' publication day
TUESDAY = dt.date(2024, 3, 12)
WEDNESDAY = dt.date(2024, 3, 13)
FRIDAY = dt.date(2024, 3, 8)


@pytest.fixture(scope="module")
def run(nlp):
    """Extract a sentence published on PUBLISHED, with the shipped registry."""
    from gazetteer.registry import read_registry_file
    from ingest.extract import extract

    registry = read_registry_file()
    return lambda text: extract(text, PUBLISHED, nlp=nlp, registry=registry)


@dataclass(frozen=True)
class Leader:
    name: str
    title: str  # "Kenyan President"
    office: str  # "president"
    country: str  # ISO code
    country_name: str
    demonym: str
    capital: str
    pos: str  # possessive pronoun


RUTO = Leader(
    "William Ruto", "Kenyan President", "president", "KE", "Kenya", "Kenyan", "Nairobi", "his"
)
SCHOLZ = Leader(
    "Olaf Scholz", "German Chancellor", "chancellor", "DE", "Germany", "German", "Berlin", "his"
)
MACRON = Leader(
    "Emmanuel Macron", "French President", "president", "FR", "France", "French", "Paris", "his"
)
MODI = Leader(
    "Narendra Modi",
    "Indian Prime Minister",
    "prime minister",
    "IN",
    "India",
    "Indian",
    "New Delhi",
    "his",
)
KISHIDA = Leader(
    "Fumio Kishida",
    "Japanese Prime Minister",
    "prime minister",
    "JP",
    "Japan",
    "Japanese",
    "Tokyo",
    "his",
)
ALBANESE = Leader(
    "Anthony Albanese",
    "Australian Prime Minister",
    "prime minister",
    "AU",
    "Australia",
    "Australian",
    "Canberra",
    "his",
)
TINUBU = Leader(
    "Bola Tinubu", "Nigerian President", "president", "NG", "Nigeria", "Nigerian", "Abuja", "his"
)
RAMAPHOSA = Leader(
    "Cyril Ramaphosa",
    "South African President",
    "president",
    "ZA",
    "South Africa",
    "South African",
    "Pretoria",
    "his",
)
MELONI = Leader(
    "Giorgia Meloni",
    "Italian Prime Minister",
    "prime minister",
    "IT",
    "Italy",
    "Italian",
    "Rome",
    "her",
)
ERDOGAN = Leader(
    "Recep Tayyip Erdogan",
    "Turkish President",
    "president",
    "TR",
    "Turkey",
    "Turkish",
    "Ankara",
    "his",
)

# (guest A, host B): B's capital is where in-person meetings take place.
PAIRS = [
    (RUTO, SCHOLZ),
    (MACRON, MODI),
    (KISHIDA, ALBANESE),
    (TINUBU, RAMAPHOSA),
    (MELONI, ERDOGAN),
]
# Groups of four for meetings of several parties.
GROUPS = [
    (RUTO, SCHOLZ, TINUBU, RAMAPHOSA),
    (MACRON, MODI, KISHIDA, ALBANESE),
    (MELONI, ERDOGAN, MACRON, SCHOLZ),
]


@dataclass(frozen=True)
class Case:
    template: str
    kind: str | None = None
    host: str = "B"  # "A", "B" or "" for no host (calls)
    date: dt.date | None = None
    parties: int = 2  # how many of the filled leaders take part


def _fill(template: str, leaders) -> str:
    values = {}
    for key, leader in zip("ABCD", leaders, strict=False):
        values[key] = leader.name
        values[key + "t"] = f"{leader.title} {leader.name}"
        values[key + "o"] = leader.office
        values[key + "O"] = leader.office.title()
        values[key + "c"] = leader.country_name
        values[key + "d"] = leader.demonym
        values[key + "cap"] = leader.capital
        values[key + "pos"] = leader.pos
        values[key + "he"] = "he" if leader.pos == "his" else "she"
    return template.format(**values)


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


def _cases(groups: dict, teams) -> list:
    return [
        pytest.param(case, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, case in groups.items()
        for team in teams
    ]


def _match(ex, names):
    return [m for m in ex.meetings if set(names) <= set(m.participants)]


def _check_held(run, case: Case, team) -> None:
    leaders = team[: case.parties]
    if "{D" not in case.template:
        leaders = [x for x in leaders if x is not team[3]] if case.parties == 4 else leaders
    ex = run(_fill(case.template, team))
    names = [leader.name for leader in leaders]
    found = _match(ex, names)
    assert found, [(m.participants, m.kind) for m in ex.meetings]
    m = found[0]
    assert set(m.participants) == set(names), m.participants
    if case.kind:
        assert m.kind == case.kind
    if case.host == "":
        assert m.host_country is None
    else:
        assert m.host_country == team[1].country
    if case.date:
        assert m.date == case.date


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


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_background_meeting_has_no_invented_date(run, team):
    ex = run(_fill("In 2009 {At} met {Bt} in {Bcap}.", team))
    m = _match(ex, [team[0].name, team[1].name])
    assert m and m[0].date is None and m[0].host_country == team[1].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_city_is_not_a_participant(run, team):
    third = next(x for x in (RAMAPHOSA, MODI) if x not in team)
    ex = run(_fill("{At}, {Bt} and {Ct} met in {Bcap} on Monday.", (*team, third)))
    for m in ex.meetings:
        assert team[1].capital not in m.participants


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_two_pairs_meeting_in_one_sentence_are_two_meetings(run, team):
    """A list runs only to the name after 'and': 'A met B, and C met D' is no list of three."""
    ex = run(_fill("{At} met {Bt} in {Bcap} on Monday, and {Ct} met {Dt} on Tuesday.", team))
    for m in ex.meetings:
        assert len(m.participants) == 2, m.participants


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_list_ends_where_a_new_clause_starts(run, team):
    text = "{At} met {Bt}, {Ct} and {Dt} in {Bcap} on Monday, {A}'s spokesman said."
    ex = run(_fill(text, team))
    assert [set(m.participants) for m in ex.meetings] == [{x.name for x in team}]


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_leaders_in_attendance_met(run, team):
    text = "The regional summit opened on Monday. {At}, {Bt}, {Ct} and {Dt} were in attendance."
    found = _match(run(_fill(text, team)), [x.name for x in team])
    assert found and found[0].date == MONDAY


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_two_in_attendance_or_in_attendance_of_others_is_no_gathering(run, team):
    for text in (
        "The summit opened on Monday. {At} and {Bt} were in attendance.",
        "{At}, {Bt} and {Ct} were in attendance at hearings in their own capitals on Monday.",
        "The court sat on Monday. {At}, {Bt} and {Ct} were in attendance.",
    ):
        assert not run(_fill(text, team)).meetings, text


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_among_the_leaders_who_attended(run, team):
    text = "{At} and {Bt} were among the leaders who attended the summit in {Bcap} on Monday."
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].date == MONDAY and found[0].kind == "summit"


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_among_the_critics_who_attacked_is_no_meeting(run, team):
    text = "{At} and {Bt} were among the critics who attacked the plan on Monday."
    assert not run(_fill(text, team)).meetings


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
    "template",
    [
        "{At} and {Bt} oversaw the signing of a trade pact in {Bcap} on Monday.",
        "{At} and {Bt} witnessed the launch of a joint satellite in {Bcap} on Monday.",
        "{Bt} toasted {At} at a state banquet in {Bcap} on Monday.",
    ],
    ids=["oversaw", "witnessed", "toasted"],
)
def test_leaders_doing_something_together_met(run, team, template):
    found = _match(run(_fill(template, team)), [team[0].name, team[1].name])
    assert found and found[0].date == MONDAY


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{At} oversaw the signing of a contract with {Bd} firms in {Acap} on Monday.",
        "{At} and {Bt} each witnessed a missile test at home on Monday.",
        "{At} toasted the victory of {Apos} party in {Acap} on Monday.",
    ],
    ids=["oversaw_alone", "each_witnessed", "toasted_a_victory"],
)
def test_doing_something_alone_is_no_meeting(run, team, template):
    assert not run(_fill(template, team)).meetings


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "caption",
    [
        "{At} shakes hands with {Bt} as {Ct} looks on at the palace in {Bcap}. AFP",
        "{At} (L) shakes hands with {Bt} (R) at the palace in {Bcap}.",
        "{At} greets {Bt} at the palace in {Bcap} on Monday. \u2014 Reuters",
    ],
    ids=["looks_on_agency", "left_right", "dash_agency"],
)
def test_a_caption_picturing_the_meeting_is_no_second_meeting(run, team, caption):
    text = "{Bt} received {At} and {Ct} at the palace in {Bcap} on Monday.\n\n" + caption
    found = [set(m.participants) for m in run(_fill(text, team)).meetings]
    assert found == [{team[0].name, team[1].name, team[2].name}], found


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_caption_of_other_leaders_stays_a_meeting(run, team):
    text = (
        "{Bt} received {At} at the palace in {Bcap} on Monday.\n\n"
        "{Ct} shakes hands with {Dt} at a summit in {Ccap}. AFP"
    )
    found = [set(m.participants) for m in run(_fill(text, team)).meetings]
    assert {team[2].name, team[3].name} in found and {team[0].name, team[1].name} in found


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_the_two_leaders_are_not_a_leader_and_a_spouse(run, team):
    text = (
        "{Bt} and {Bpos} wife, Maria Okafor, walked {At} into the palace in {Bcap} on Monday. "
        "As the two leaders sat down for their talks, {B} praised the visit."
    )
    ex = run(_fill(text, team))
    assert [set(m.participants) for m in ex.meetings] == [{team[0].name, team[1].name}]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_couple_sitting_down_is_no_meeting(run, team):
    text = (
        "{At} and {Apos} wife, Maria Okafor, toured a museum in {Acap} on Monday. "
        "Later they sat down for dinner with friends."
    )
    assert not run(_fill(text, team)).meetings


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "later",
    [
        "{At} and {Ct} were among the leaders who attended the summit.",
        "{At}, {Ct} and {Dt} were in attendance.",
    ],
    ids=["among", "in_attendance"],
)
def test_the_summit_told_later_is_the_one_told_first(run, team, later):
    text = "Trade dominated the agenda. A regional summit opened in {Bcap} on Monday. " + later
    ex = run(_fill(text, team))
    found = _match(ex, [team[0].name, team[2].name])
    assert found and found[0].date == MONDAY and found[0].host_country == team[1].country


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_past_summit_lends_no_place(run, team):
    text = (
        "The summit in {Bcap} last year ended in acrimony.\n\n"
        "{At} and {Ct} were among the leaders who attended the summit."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[2].name])
    assert found and found[0].host_country != team[1].country


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
def test_one_caller_phoning_two_leaders_made_two_calls(run, team):
    a, b, c = team[:3]
    ex = run(_fill("{At} telephoned both {B} and {C} on Tuesday.", team))
    calls = {frozenset(m.participants) for m in ex.meetings if m.kind == "call"}
    assert calls == {frozenset({a.name, b.name}), frozenset({a.name, c.name})}


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_joined_at_a_summit_by_others_is_its_own_meeting(run, team):
    text = _fill(
        "{Bt} received {At} in {Bcap} on Monday. On Tuesday, {Bt} was joined by {A}, {C} and "
        "{D} at a summit in {Bcap}.",
        team,
    )
    found = {frozenset(m.participants) for m in run(text).meetings}
    assert frozenset(x.name for x in team) in found
    assert frozenset({team[0].name, team[1].name}) in found


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


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_since_clause_does_not_date_the_meeting(run, team):
    text = (
        "{At} met {Bt} in {Bcap} on Monday. It was their first meeting since {B} took office "
        "in January; the two leaders talked about trade."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert len(found) == 1 and found[0].date == MONDAY


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_reported_pluperfect_is_the_same_meeting(run, team):
    text = (
        "{At} met {Bt} in {Bcap} on Monday. Afterwards the two leaders said they had held "
        "constructive talks."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert len(found) == 1 and found[0].date == MONDAY


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_summit_of_other_leaders_does_not_make_a_visit_a_summit(run, team):
    text = (
        "{Bt} received {At} at the presidential palace in {Bcap} on Monday. On Tuesday "
        "{Ct} and {Dt} attended the summit in {Bcap}."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].kind == "visit"


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_pluperfect_of_the_same_week_is_dated_not_background(run, team):
    text = "{A} had called on {Bt} on Tuesday, {Apos} first full day in {Bcap}."
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].date == TUESDAY and found[0].host_country == team[1].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_an_earlier_stop_this_week_is_not_the_main_meeting(run, team):
    third = next(x for x in (RAMAPHOSA, MODI) if x not in team)
    text = _fill(
        "{At} met {Bt} in {Bcap} on Wednesday. {A} had been in {Ccap} on Monday for talks "
        "with {Ct}.",
        (*team, third),
    )
    ex = run(text)
    assert ex.meetings and set(ex.meetings[0].participants) == {team[0].name, team[1].name}
    earlier = _match(ex, [team[0].name, third.name])
    assert earlier and earlier[0].date == MONDAY


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_being_called_a_name_is_no_call(run, team):
    text = "{A} is often called the '{B} of the South' by {Apos} critics."
    assert not _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_joined_them_adds_the_earlier_pair(run, team):
    text = _fill(
        "{A} and {B} met in {Bcap} on Monday, and {C} and {D} joined them for a summit on Tuesday.",
        team,
    )
    found = {frozenset(m.participants) for m in run(text).meetings}
    assert found == {frozenset(x.name for x in team[:2]), frozenset(x.name for x in team)}


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "Officials working for {A}, {B} and {C} gathered evidence on Monday.",
        "Aides to {A}, {B} and {C} gathered in {Bcap} on Monday.",
    ],
)
def test_a_gathering_of_others_is_no_meeting_of_the_leaders(run, team, template):
    assert not run(_fill(template, team)).meetings


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
def test_both_having_spoken_is_no_conversation(run, team):
    text = "{A} and {B} had both spoken at the assembly on Tuesday, hours apart, without meeting."
    assert not _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_both_visited_is_one_visit_each(run, team):
    text = _fill("{A} and {C} both visited {Bt} in {Bcap} last year.", team)
    found = {frozenset(m.participants) for m in run(text).meetings}
    a, b, c = team[0].name, team[1].name, team[2].name
    assert found == {frozenset({a, b}), frozenset({c, b})}


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_name_people_call_a_leader_is_no_call(run, team):
    text = "{A}, as many of {Apos} supporters call {B}, spoke at a rally in {Bcap} on Monday."
    assert not _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_spouse_beside_the_host_is_no_party_to_the_meeting(run, team):
    text = "{Bt} and {Bpos} wife, Maria Okafor, welcomed {At} to {Bcap} on Monday."
    ex = run(_fill(text, team))
    assert [set(m.participants) for m in ex.meetings] == [{team[0].name, team[1].name}]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto met Kenyan opposition leader Raila Odinga in Nairobi "
        "on Monday.",
        "French President Emmanuel Macron telephoned French Prime Minister Gabriel Attal on "
        "Tuesday.",
    ],
    ids=["ruto-odinga", "macron-attal"],
)
def test_leaders_of_one_state_meeting_is_domestic_not_diplomatic(run, text):
    assert run(text).meetings == ()


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


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize("when", ["the night before", "a day earlier", "the previous day"])
def test_a_meeting_a_day_before_the_told_one_is_dated_from_it(run, team, when):
    text = (
        "{At} held talks with {Bt} in {Bcap} on Tuesday. {A} had met {Ct} in {Ccap} " + when + "."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[2].name])
    assert found and found[0].date == MONDAY
