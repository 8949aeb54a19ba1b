"""A news agency or outlet reports on leaders and is never one: not a leader, not a
participant of a meeting, however the sentence names it.  Sentences written for these
tests, read with the shipped leader registry."""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, _fill


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


OUTLETS = ["Kyodo News", "Reuters", "Xinhua", "the Associated Press", "the news agency WAM",
           "Agence France-Presse", "Yonhap", "Bernama"]  # fmt: skip

REPORTED = {
    "reported": "{At} met {Bt} in {Bcap} on Monday, {outlet} reported.",
    "according_to": "{At} held talks with {Bt} in {Bcap} on Monday, according to {outlet}.",
    "listed_with_them": "{Ad} {At} met {Bd} {Bt} and {outlet} in {Bcap} on Monday.",
    "attended_by_them": "The meeting was attended by {Ad} {At}, {Bd} {Bt} and {outlet}.",
    "told_the_outlet": "{At} told {outlet} on Monday that he had met {Bt} in {Bcap}.",
}
TALKED_TO_AN_OUTLET = {
    "spoke_with": "{At} spoke with {outlet} in {Acap} on Monday.",
    "met": "{At} met {outlet} in {Acap} on Monday.",
    "received_by": "{At} was received by {outlet} in {Acap} on Monday.",
}


def _names(ex) -> set:
    return {leader.name for leader in ex.leaders}


@pytest.mark.parametrize("outlet", OUTLETS)
@pytest.mark.parametrize("template", REPORTED.values(), ids=REPORTED)
def test_a_meeting_reported_by_an_outlet_has_only_the_leaders(run, template, outlet):
    team = GROUPS[0]
    ex = run(_fill(template.replace("{outlet}", outlet), team))
    people = [set(m.participants) for m in ex.meetings]
    assert {team[0].name, team[1].name} in people, people
    assert not any(outlet.split()[-1] in " ".join(p) for p in people), people
    assert not any(outlet.split()[-1] in name for name in _names(ex)), _names(ex)


@pytest.mark.parametrize("outlet", OUTLETS)
@pytest.mark.parametrize("template", TALKED_TO_AN_OUTLET.values(), ids=TALKED_TO_AN_OUTLET)
def test_talking_to_an_outlet_is_no_meeting(run, template, outlet):
    ex = run(_fill(template.replace("{outlet}", outlet), GROUPS[1]))
    assert not ex.meetings, [m.participants for m in ex.meetings]
    assert not any(outlet.split()[-1] in name for name in _names(ex)), _names(ex)
