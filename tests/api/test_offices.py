"""The registry in the API: leaders filtered by office, country and day in office, each
with its terms; terms listed, added, corrected, ended and rejected by editors, with
clear 400s for bad terms."""

from __future__ import annotations

import datetime as dt

import pytest

from kb.models import Office, ReviewState
from tests.factories import CountryFactory, LeaderFactory, OfficeFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def world():
    france = CountryFactory(code="FR", name="France")
    japan = CountryFactory(code="JP", name="Japan")
    dubois = LeaderFactory(name="Claire Dubois", country=france)
    moreau = LeaderFactory(name="Paul Moreau", country=france)
    sato = LeaderFactory(name="Kenji Sato", country=japan)
    OfficeFactory(leader=dubois, country=france, kind="head_of_state", start=D(2010, 5, 1),
                  end=D(2015, 5, 1))  # fmt: skip
    OfficeFactory(leader=moreau, country=france, kind="head_of_state", start=D(2015, 5, 1))
    OfficeFactory(leader=dubois, country=france, kind="foreign_minister",
                  title="Foreign Minister", start=D(2004, 1, 1), end=D(2008, 1, 1))  # fmt: skip
    OfficeFactory(leader=sato, country=japan, kind="head_of_government",
                  title="Prime Minister", start=D(2012, 1, 1))  # fmt: skip
    return {"dubois": dubois, "moreau": moreau, "sato": sato}


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(row["name"] for row in response.json()["results"])


def test_leaders_show_their_terms_oldest_first(client, world):
    body = client.get(f"/api/leaders/{world['dubois'].pk}/").json()
    assert [(o["kind"], o["start"], o["end"]) for o in body["offices"]] == [
        ("foreign_minister", "2004-01-01", "2008-01-01"),
        ("head_of_state", "2010-05-01", "2015-05-01"),
    ]
    assert body["offices"][0]["country"] == "FR"


def test_leaders_in_office_on_a_day(client, world):
    assert names(client.get("/api/leaders/?in_office_on=2012-06-01")) == [
        "Claire Dubois",
        "Kenji Sato",
    ]
    assert names(client.get("/api/leaders/?in_office_on=2020-06-01&country=fr")) == ["Paul Moreau"]


def test_office_country_and_day_must_hold_on_the_same_term(client, world):
    # Dubois was foreign minister (2004-08) and head of state (2010-15), never both in 2006
    url = "/api/leaders/?office=head_of_state&in_office_on=2006-01-01"
    assert names(client.get(url)) == []
    url = "/api/leaders/?office=foreign_minister&in_office_on=2006-01-01"
    assert names(client.get(url)) == ["Claire Dubois"]
    assert names(client.get("/api/leaders/?office=head_of_government")) == ["Kenji Sato"]


def test_a_country_filter_alone_also_finds_leaders_by_their_terms(client, world):
    elsewhere = LeaderFactory(name="Ines Dupont", country=CountryFactory(code="BE"))
    OfficeFactory(leader=elsewhere, country=world["dubois"].country, kind="other", title="Envoy")
    assert "Ines Dupont" in names(client.get("/api/leaders/?country=FR"))


@pytest.mark.parametrize(
    "query", ["in_office_on=yesterday", "office=emperor", "in_office_on=2020-13-01"]
)
def test_bad_filters_are_400_with_the_reason(client, world, query):
    response = client.get(f"/api/leaders/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["errors"]


def test_terms_list_by_country_and_day(client, world):
    body = client.get("/api/offices/?country=fr&in_office_on=2012-01-01").json()
    assert [(o["leader"], o["kind"]) for o in body["results"]] == [
        (world["dubois"].pk, "head_of_state")
    ]


def test_an_editor_adds_a_term(editor_client, world):
    response = editor_client.post(
        "/api/offices/",
        {"leader": world["sato"].pk, "country": "JP", "kind": "foreign_minister",
         "title": "Foreign Minister", "start": "2008-01-01", "end": "2011-06-30"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    office = Office.objects.get(pk=response.json()["id"])
    assert office.review_state == ReviewState.CONFIRMED
    assert office.history.first().history_user.username == editor_client.user.username


def test_an_editor_ends_a_running_term_and_it_is_in_its_history(editor_client, world):
    office = Office.objects.get(leader=world["moreau"])
    response = editor_client.patch(
        f"/api/offices/{office.pk}/", {"end": "2022-05-13"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["end"] == "2022-05-13" and body["edited_fields"] == ["end"]
    assert body["review_state"] == "corrected"
    assert office.history.count() == 2


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        ({"end": "2009-01-01"}, "end", "before it starts"),
        ({"country": "QQ"}, "country", ""),
        ({"start": "2003-06-01"}, "start", "already holds this office"),
    ],
)
def test_a_bad_correction_is_400_with_the_reason(editor_client, world, body, field, reason):
    office = Office.objects.get(leader=world["dubois"], kind="foreign_minister")
    if field == "start":  # a second foreign-minister term that would overlap the first
        office = OfficeFactory(leader=world["dubois"], country=office.country,
                               kind="foreign_minister", start=D(2009, 1, 1))  # fmt: skip
    else:
        office = Office.objects.get(leader=world["dubois"], kind="head_of_state")
    response = editor_client.patch(f"/api/offices/{office.pk}/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"] and reason in response.json()["detail"]


def test_a_rejected_term_leaves_the_leaders_terms(editor_client, client, world):
    office = Office.objects.get(leader=world["sato"])
    assert editor_client.post(f"/api/offices/{office.pk}/reject/").status_code == 200
    assert client.get(f"/api/leaders/{world['sato'].pk}/").json()["offices"] == []
    assert names(client.get("/api/leaders/?office=head_of_government")) == []


def test_anonymous_readers_cannot_write_terms(client, world):
    office = Office.objects.get(leader=world["sato"])
    assert client.patch(f"/api/offices/{office.pk}/", {"end": "2020-01-01"}).status_code == 401
