"""Leader names: which person a name is.  Names listed after a list of countries pair up
in order, a registry alias later in the article is the same leader, a relation or a
spouse named beside a leader stays their own person, and a leader named again is still
the leader.  Every sentence is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.registry import parse_registry_rows, registry_from_rows
from ingest.extract import extract
from tests.extract.test_names_general import _leaders

# --- Lists: "the prime ministers of A and B, X and Y" -------------------------------------

LISTED = [
    (("Greece", "GR"), ("Turkey", "TR"), "Costas Papadakis", "Mehmet Yildiz"),
    (("Chile", "CL"), ("Peru", "PE"), "Gabriel Rojas", "Dina Quispe"),
    (("Ghana", "GH"), ("Togo", "TG"), "Nana Akufo-Mensah", "Faure Agbeko"),
    (("Norway", "NO"), ("Sweden", "SE"), "Jonas Berg", "Ulf Lindqvist"),
]


@pytest.mark.parametrize("first,second,name_a,name_b", LISTED, ids=lambda v: str(v)[:14])
def test_names_listed_after_a_list_of_countries_pair_up_in_order(
    run, first, second, name_a, name_b
):
    ex = run(
        f"On Wednesday the UN envoy held a joint meeting in Geneva with the prime ministers of "
        f"{first[0]} and {second[0]}, {name_a} and {name_b}, who had met each other the night "
        f"before. {name_a.split()[-1]} said the talks were hard."
    )
    leaders = _leaders(ex)
    assert leaders[name_a][0] == first[1]
    assert leaders[name_b][0] == second[1]
    assert name_a.split()[-1] not in leaders  # the surname alone joined the full name


def test_a_list_of_people_after_of_a_non_country_is_not_paired(run):
    ex = run(
        "The leaders of the two parties, Jonas Berg and Ulf Lindqvist, met Prime Minister "
        "Anna Holm in Oslo on Monday."
    )
    leaders = _leaders(ex)
    assert leaders.get("Jonas Berg", (None,))[0] is None


# --- A registry alias joins the name it stands for ---------------------------------------

ALIAS_ROWS = [
    "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source",
    "ID-joko-widodo,Joko Widodo,Jokowi,ID,head_of_state,President,2014-10-20,2024-10-20,1,"
    "https://en.wikipedia.org/wiki/Example",
    "RU-vladimir-putin,Vladimir Putin,,RU,head_of_state,President,2012-05-07,,,"
    "https://en.wikipedia.org/wiki/Example",
]


@pytest.mark.parametrize("later", ["Jokowi", "President Jokowi", "Widodo"])
def test_a_registry_alias_later_in_the_article_is_the_same_leader(nlp, later):
    registry = registry_from_rows(parse_registry_rows(ALIAS_ROWS))
    ex = extract(
        "Indonesian President Joko Widodo met Russian President Vladimir Putin in Moscow on "
        f"Thursday. After the talks, {later} met Putin's aide Yuri Ushakov.",
        dt.date(2022, 6, 30),
        nlp=nlp,
        registry=registry,
    )
    names = [m.name for m in ex.leaders]
    assert names.count("Joko Widodo") == 1
    assert "Jokowi" not in names


@pytest.mark.parametrize("relation", ["wife", "son", "brother", "spokesman"])
def test_a_relation_between_two_names_belongs_to_the_second(run, relation):
    ex = run(
        "President Kofi Mensah on Tuesday met the visiting President of Cameroon, Paul "
        "Mbarga, in Accra. Mbarga is on a two-day visit to Ghana. He was received on "
        "arrival at the palace by Mensah, his "
        f"{relation}, Aisha; some ministers and other officials."
    )
    assert _leaders(ex)["Kofi Mensah"][0] != "CM"


@pytest.mark.parametrize("spouse", ["Ana", "Marta"])
def test_a_spouse_sharing_the_leaders_surname_stays_her_own_person(run, spouse):
    ex = run(
        f"President Emomali Rahmon gave {spouse} Kowalczyk, the wife of Polish President "
        "Jan Kowalczyk, a silk scarf."
    )
    assert [(g.giver, g.recipient) for g in ex.gifts] == [("Emomali Rahmon", f"{spouse} Kowalczyk")]


def test_a_spouse_named_before_his_wife_stays_her_own_person(run):
    ex = run(
        "President Emomali Rahmon gave Prime Minister Jan Kowalczyk a fountain pen, and to "
        "Ana Kowalczyk, his wife, a silver brooch."
    )
    assert ("Emomali Rahmon", "Ana Kowalczyk") in [(g.giver, g.recipient) for g in ex.gifts]


def test_the_leader_named_again_after_his_spouse_is_still_the_leader(run):
    # twin: the surname alone after both names still means the titled leader
    ex = run(
        "President Emomali Rahmon gave Ana Kowalczyk, the wife of Polish President Jan "
        "Kowalczyk, a silk scarf. Rahmon later met Kowalczyk in Warsaw on Monday."
    )
    assert sorted(ex.meetings[0].participants) == ["Emomali Rahmon", "Jan Kowalczyk"]


@pytest.mark.parametrize("given", ["Sofia", "Helena"])
def test_a_spouse_whose_given_name_is_a_city_or_whose_surname_is_hyphenated(run, given):
    ex = run(
        f"President Emomali Rahmon gave {given} Lind-Berg, the wife of Swedish Prime "
        "Minister Per Lind-Berg, a silk scarf."
    )
    assert [(g.giver, g.recipient) for g in ex.gifts] == [("Emomali Rahmon", f"{given} Lind-Berg")]


def test_a_city_before_a_comma_phrase_that_names_no_spouse_is_still_a_place(run):
    # negative twin: "Sofia, the capital of Bulgaria" is no person
    ex = run(
        "President Emomali Rahmon arrived in Sofia, the capital of Bulgaria, and met Prime "
        "Minister Per Lindberg on Monday."
    )
    assert "Sofia" not in " ".join(_leaders(ex))


def test_the_first_lady_is_not_the_president_of_her_surname(run):
    ex = run(
        "Chancellor Olaf Scholz gave President Kowalczyk a clock. He also gave First Lady "
        "Ana Kowalczyk a silk scarf."
    )
    assert [(g.giver, g.recipient) for g in ex.gifts] == [
        ("Olaf Scholz", "Kowalczyk"),
        ("Olaf Scholz", "Ana Kowalczyk"),
    ]


def test_a_president_named_after_his_full_name_is_still_him(run):
    # twin: without a spouse's title, the titled surname joins the full name
    ex = run(
        "Chancellor Olaf Scholz gave President Kowalczyk a clock. He also gave Jan "
        "Kowalczyk a silk scarf."
    )
    assert {g.recipient for g in ex.gifts} == {"Jan Kowalczyk"}
