"""The filter forms' leader box (issue 14): a picker, never a list of every leader.

Without the script the box takes a name, an other name, a label "Name (Country)" or a
number such as #12, and filters by that leader; an unknown name or one several leaders
answer to is reported (the latter with a few numbered candidates). A number still works
as before (links such as /meetings/?leader=12), a merged record standing for its
survivor, and the filters keep the number in their links. The pages and the choices they
read no longer grow with the leaders table."""

import datetime as dt
import html as html_lib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import ReviewState
from kb.selectors.lists import AgreementFilters, GiftFilters, list_choices
from kb.selectors.meetings import _filter_choices
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PLACES = ("Kanazawa", "Paris", "Lake Bled", "Berlin", "Rejected Palace")


def get(client, name, **query):
    response = client.get(reverse(name), query)
    assert response.status_code == 200, response.status_code
    return response


def places(response):
    return {m.place for m in response.context["meetings"]}


def errors(response):
    return " ".join(response.context["filter_errors"])


@pytest.mark.parametrize(
    "typed",
    ["Jonas Becker", "jonas becker", "Jonas Becker (Germany)", "Jonas Becker (DE)", "#{pk}"],
)
def test_a_name_or_label_typed_without_the_script_filters_by_that_leader(client, world, typed):
    becker = world["becker"]
    response = get(client, "meeting-list", leader=typed.format(pk=becker.pk))
    assert errors(response) == ""
    assert places(response) == {"Paris", "Lake Bled", "Berlin"}
    filters = response.context["filters"]
    assert filters.leader == becker
    # Links, exports and caches are keyed by the number, whatever was typed.
    assert filters.params()["leader"] == str(becker.pk)
    assert response.context["export_query"] == f"leader={becker.pk}"
    html = response.content.decode()
    assert f'name="leader" value="Jonas Becker (Germany) #{becker.pk}"' in html


def test_an_other_name_finds_the_leader_too(client, world):
    response = get(client, "meeting-list", leader="Dubois")
    assert response.context["filters"].leader == world["dubois"]


def test_the_number_still_works_and_a_merged_one_stands_for_its_survivor(client, world):
    sato = world["sato"]
    assert places(get(client, "meeting-list", leader=sato.pk)) == {"Kanazawa", ""}
    twin = LeaderFactory(name="K. Sato", merged_into=sato)
    response = get(client, "meeting-list", leader=str(twin.pk))
    assert errors(response) == ""
    assert response.context["filters"].leader == sato
    assert response.context["filters"].params()["leader"] == str(sato.pk)
    assert f'value="Kenji Sato (Japan) #{sato.pk}"' in response.content.decode()


def test_an_unknown_name_is_reported_and_ignored(client, world):
    response = get(client, "meeting-list", leader="Nobody Known")
    assert "Ignored the leader filter: no leader named “Nobody Known”" in errors(response)
    assert response.context["filters"].leader is None
    assert places(response) == {"Kanazawa", "Paris", "Lake Bled", "Berlin", ""}
    # Rejected leaders are not found by name (readers do not see them).
    LeaderFactory(name="Hidden Person", review_state=ReviewState.REJECTED)
    hidden = get(client, "meeting-list", leader="Hidden Person")
    assert "no leader named “Hidden Person”" in errors(hidden)
    assert "no leader has id 99999" in errors(get(client, "meeting-list", leader="#99999"))


def test_an_ambiguous_name_lists_candidates_with_their_numbers(client, world):
    brazil = CountryFactory(code="BR", name="Brazil")
    portugal = CountryFactory(code="PT", name="Portugal")
    first = LeaderFactory(name="Ana Silva", country=brazil)
    second = LeaderFactory(name="Ana Silva", country=portugal)
    for n in range(5):
        LeaderFactory(name=f"Someone {n}", other_names=["Ana Silva"])
    response = get(client, "meeting-list", leader="ana silva")
    message = errors(response)
    assert "Ignored the leader filter: “ana silva” could be any of" in message
    assert f"Ana Silva (Brazil) #{first.pk}; Ana Silva (Portugal) #{second.pk};" in message
    assert message.count(") #") == 5 and "and others" in message
    assert "Give the number of the one you mean" in message
    assert response.context["filters"].leader is None
    # The message is shown on the page, escaped as any text.
    assert html_lib.escape(f"Ana Silva (Brazil) #{first.pk}") in response.content.decode()
    # The country in a label tells them apart.
    chosen = get(client, "meeting-list", leader="Ana Silva (Portugal)")
    assert chosen.context["filters"].leader == second


def test_the_gifts_and_agreements_lists_take_names_too(client, world):
    gifts = get(client, "gift-list", leader="Kenji Sato (Japan)")
    assert [g.item for g in gifts.context["object_list"]] == ["lacquered fountain pen"]
    assert gifts.context["filters"].params()["leader"] == str(world["sato"].pk)
    agreements = get(client, "agreement-list", leader="mark dalton")
    assert [a.summary for a in agreements.context["object_list"]] == ["Climate pledge"]
    unknown = get(client, "agreement-list", leader="Nobody Known")
    assert "no leader named “Nobody Known”" in unknown.content.decode()
    html = get(client, "gift-list", leader=world["becker"].pk).content.decode()
    assert f'value="Jonas Becker (Germany) #{world["becker"].pk}"' in html
    assert '<label for="f-leader">Leader</label>' in html
    assert 'id="f-leader" aria-describedby="f-leader-help"' in html
    assert "The giver or the recipient. Type part of a name and choose" in html


@pytest.fixture
def many(world):
    """Thirty more leaders, each with a meeting."""
    country = CountryFactory(code="NO", name="Norway")
    leaders = [LeaderFactory(name=f"Zora Member{n:02d}", country=country) for n in range(30)]
    for n, leader in enumerate(leaders):
        MeetingFactory(participants=[leader], date=dt.date(2024, 1, 1 + n % 28), place=f"Oslo {n}")
    return leaders


@pytest.mark.parametrize(
    "name", ["meeting-list", "timeline", "charts", "map", "gift-list", "agreement-list"]
)
def test_the_forms_do_not_list_every_leader(client, many, name):
    chosen = many[7]
    html = get(client, name, leader=chosen.pk).content.decode()
    others = [leader.name for leader in many if leader != chosen and leader.name in html]
    assert others == []
    assert f'name="leader" value="Zora Member07 (Norway) #{chosen.pk}"' in html
    assert '<label for="f-leader">Leader</label>' in html
    assert 'type="text" name="leader"' in html and 'id="f-leader"' in html
    assert '<select id="f-leader"' not in html
    assert 'data-picker-url="/pick/leaders/"' in html
    assert "js/picker" in html  # the script that turns the box into a combobox
    # Unfiltered, the box is empty and still no leader is listed.
    html = get(client, name).content.decode()
    assert 'name="leader" value=""' in html
    assert '<option value="' + str(chosen.pk) + '"' not in html


def test_the_forms_choices_do_not_read_the_leaders_table(world):
    with CaptureQueriesContext(connection) as queries:
        choices = _filter_choices()
        list_choices(GiftFilters.from_query({}))
        list_choices(AgreementFilters.from_query({}))
    assert "leaders" not in choices
    assert not [q["sql"] for q in queries if '"kb_leader"' in q["sql"]]
