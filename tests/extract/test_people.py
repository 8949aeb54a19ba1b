"""Leaders: fullest name, title and country as the article gives them; coreference."""

from __future__ import annotations


def _leaders(ex):
    return {m.name: (m.country, m.title) for m in ex.leaders}


def test_surname_and_title_forms_are_one_leader_under_the_fullest_name(run):
    ex = run(
        "Russian President Vladimir Putin held talks with Turkish President Recep Tayyip Erdogan "
        "in Sochi on Monday. Putin told Erdogan that President Putin was ready."
    )
    names = [m.name for m in ex.leaders]
    assert sorted(names) == ["Recep Tayyip Erdogan", "Vladimir Putin"]


def test_country_and_title_come_from_a_demonym_title_prefix(run):
    ex = run(
        "US President Donald Trump met North Korean leader Kim Jong Un in Singapore on Tuesday."
    )
    assert _leaders(ex) == {"Donald Trump": ("US", "President"), "Kim Jong Un": ("KP", "leader")}


def test_country_comes_from_a_possessive_apposition(run):
    ex = run(
        "The visit of North Korea's leader, Kim Jong Un, to Russia ended. "
        "Kim Jong Un held talks with President Vladimir Putin on Tuesday."
    )
    assert _leaders(ex)["Kim Jong Un"] == ("KP", "leader")


def test_host_side_leader_gets_the_host_country(run):
    ex = run(
        "Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday and held talks with "
        "President Volodymyr Zelensky."
    )
    assert _leaders(ex)["Volodymyr Zelensky"][0] == "UA"


def test_un_secretary_general_has_no_country(run):
    ex = run(
        "UN Secretary-General Antonio Guterres met Turkish President Recep Tayyip Erdogan "
        "in Lviv on Thursday."
    )
    assert _leaders(ex)["Antonio Guterres"] == (None, "Secretary-General")


def test_people_who_only_comment_are_not_leaders(run):
    ex = run(
        "Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing "
        "on Friday. Senator John Smith said the talks were a mistake."
    )
    assert "John Smith" not in {m.name for m in ex.leaders}


def test_pope_belongs_to_the_holy_see(run):
    ex = run("Pope Francis met Cuban President Raul Castro in Havana on Friday.")
    assert _leaders(ex)["Pope Francis"] == ("VA", "Pope")
