"""The registry on the pages: a leader's offices, a country's timeline of office-holders,
and editors adding, correcting and ending terms with history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kb.models import Office
from tests.factories import CountryFactory, LeaderFactory, OfficeFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def world():
    france = CountryFactory(code="FR", name="France")
    dubois = LeaderFactory(name="Claire Dubois", country=france)
    moreau = LeaderFactory(name="Paul Moreau", country=france)
    first = OfficeFactory(leader=dubois, country=france, kind="head_of_state",
                          start=D(2010, 5, 1), end=D(2015, 5, 1))  # fmt: skip
    OfficeFactory(leader=moreau, country=france, kind="head_of_state", start=D(2015, 5, 1))
    OfficeFactory(leader=moreau, country=france, kind="head_of_government",
                  title="Prime Minister", start=D(2011, 2, 1), end=D(2015, 4, 30))  # fmt: skip
    return {"france": france, "dubois": dubois, "moreau": moreau, "term": first}


def test_the_leader_page_lists_the_offices_held(client, world):
    page = client.get(world["moreau"].get_absolute_url()).content.decode()
    assert "Offices held" in page
    assert page.index("2011-02-01") < page.index("2015-05-01")  # oldest first
    assert "in office" in page and "Prime Minister" in page


def test_the_country_page_shows_who_led_it_when(client, world):
    page = client.get(reverse("country-detail", args=["FR"])).content.decode()
    section = page[page.index("Who led France when") :]
    assert "Head of state" in section and "Head of government" in section
    # newest first within an office
    assert section.index("Paul Moreau") < section.index("Claire Dubois")
    assert 'class="office-timeline__bar"' in section


def test_readers_see_no_term_editing(client, world):
    page = client.get(world["dubois"].get_absolute_url()).content.decode()
    assert reverse("office-edit", args=[world["term"].pk]) not in page
    assert client.get(reverse("office-edit", args=[world["term"].pk])).status_code in (302, 403)


def test_an_editor_ends_a_term_and_its_history_shows_it(editor_client, world):
    term = Office.objects.get(leader=world["moreau"], kind="head_of_state")
    url = reverse("office-edit", args=[term.pk])
    assert "Correct or end this term" in editor_client.get(url).content.decode()
    form = {"country": "FR", "kind": "head_of_state", "title": "President",
            "start": "2015-05-01", "end": "2020-05-01", "source": term.source}  # fmt: skip
    response = editor_client.post(url, form)
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.end == D(2020, 5, 1) and term.edited_fields == ["end"]
    assert "Ended" in editor_client.get(url).content.decode() or term.history.count() == 2


def test_a_term_ending_before_it_starts_is_refused_on_the_page(editor_client, world):
    term = world["term"]
    form = {"country": "FR", "kind": "head_of_state", "title": "President",
            "start": "2010-05-01", "end": "2001-01-01", "source": ""}  # fmt: skip
    response = editor_client.post(reverse("office-edit", args=[term.pk]), form)
    assert response.status_code == 400
    assert "before it starts" in response.content.decode()
    term.refresh_from_db()
    assert term.end == D(2015, 5, 1)


def test_an_editor_adds_a_term_from_the_leader_page(editor_client, world):
    url = reverse("office-add", args=[world["dubois"].pk])
    assert url in editor_client.get(world["dubois"].get_absolute_url()).content.decode()
    form = {"country": "FR", "kind": "foreign_minister", "title": "Foreign Minister",
            "start": "2004-01-01", "end": "2008-01-01", "source": ""}  # fmt: skip
    assert editor_client.post(url, form).status_code == 302
    assert world["dubois"].offices.filter(kind="foreign_minister").exists()
