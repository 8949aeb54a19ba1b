"""An ingested article reads the registry in the database: its leaders are the registry's
persons (namesakes told apart by the article's date), with their countries, and an
editor's change to the registry reaches the next extraction."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.services import article_process, article_submit
from kb.models import Leader, Meeting
from kb.services.offices import office_create
from tests.factories import editor

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def registry(countries):
    """Two invented namesakes: a Hungarian premier of the 1990s and a Slovak minister of
    the 2010s, plus a French president."""
    hu, sk, fr = (countries.get(code=c) for c in ("HU", "SK", "FR"))
    user = editor("registry-editor")
    early = Leader.objects.create(name="Tomas Varga", country=hu, registry_key="HU-tomas-varga")
    late = Leader.objects.create(name="Tomas Varga", country=sk, registry_key="SK-tomas-varga")
    dubois = Leader.objects.create(name="Claire Dubois", country=fr, registry_key="FR-c-dubois")
    office_create(user=user, leader=early, country="HU", kind="head_of_government",
                  title="Prime Minister", start=D(1994, 1, 1), end=D(1998, 1, 1))  # fmt: skip
    office_create(user=user, leader=late, country="SK", kind="foreign_minister",
                  title="Foreign Minister", start=D(2016, 1, 1), end=D(2019, 1, 1))  # fmt: skip
    office_create(user=user, leader=dubois, country="FR", kind="head_of_state",
                  title="President", start=D(1990, 1, 1))  # fmt: skip
    return {"early": early, "late": late, "dubois": dubois}


def ingest(text: str):
    article, _ = article_submit(text=text, queue=False)
    article_process(article_id=article.pk)
    article.refresh_from_db()
    assert article.status == "done", article.error
    return article


@pytest.mark.parametrize(("year", "who"), [(1996, "early"), (2017, "late")])
def test_a_namesake_is_the_one_in_office_on_the_articles_date(registry, year, who):
    ingest(f"date {year}-05-02\nTomas Varga met Claire Dubois in Paris on Thursday for talks.")
    meeting = Meeting.objects.get()
    assert set(meeting.participants.all()) == {registry[who], registry["dubois"]}
    assert Leader.objects.filter(name="Tomas Varga").count() == 2


def test_the_registry_gives_a_leader_the_article_leaves_without_a_country(registry):
    ingest("date 2017-05-02\nTomas Varga met Claire Dubois in Paris on Thursday.")
    varga = Meeting.objects.get().participants.get(name="Tomas Varga")
    assert varga.country.code == "SK"


def test_extracting_an_article_asks_the_database_nothing_about_the_registry(registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ingest("date 2017-05-02\nTomas Varga met Claire Dubois in Paris on Thursday.")
    with CaptureQueriesContext(connection) as queries:
        ingest("date 2017-06-02\nClaire Dubois met Tomas Varga in Lyon on Friday.")
    office_table = Leader.offices.rel.related_model._meta.db_table
    assert not [q["sql"] for q in queries if office_table in q["sql"]]


def test_an_editors_new_term_reaches_the_next_extraction(registry, countries):
    ingest("date 2021-05-02\nForeign Minister Ana Ruiz met Claire Dubois in Paris on Thursday.")
    ruiz = Leader.objects.get(name="Ana Ruiz")
    assert ruiz.country is None
    office_create(
        user=editor("registry-editor"),
        leader=ruiz,
        country="ES",
        kind="foreign_minister",
        title="Foreign Minister",
        start=D(2020, 1, 1),
    )
    ingest("date 2021-06-02\nForeign Minister Ana Ruiz met Claire Dubois in Madrid on Friday.")
    assert Leader.objects.filter(name="Ana Ruiz").count() == 1
    assert set(Meeting.objects.filter(place="Madrid").get().participants.all()) == {
        ruiz,
        registry["dubois"],
    }
    ruiz.refresh_from_db()
    assert ruiz.country.code == "ES"  # from the term the editor added, via the snapshot
