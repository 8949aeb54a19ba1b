"""`import_registry`: a Wikidata export merged by QID, then by name and country, with a
report; a malformed file refused with its line and nothing changed."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kb.models import Leader, Office
from tests.factories import LeaderFactory

pytestmark = pytest.mark.django_db

HEADER = "person,personLabel,countryCode,kind,positionLabel,start,end"
E = "http://www.wikidata.org/entity/"


def write(tmp_path, rows, name="export.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def run(path) -> str:
    out = StringIO()
    call_command("import_registry", str(path), stdout=out)
    return out.getvalue()


ROWS = [
    f"{E}Q1001,Ana Invented,PT,head_of_state,President of Portugal,2001-03-09T00:00:00Z,2006-03-09T00:00:00Z",  # noqa: E501
    f"{E}Q1001,Ana Invented,PT,head_of_government,Prime Minister of Portugal,1995-10-28T00:00:00Z,1999-10-25T00:00:00Z",  # noqa: E501
    f"{E}Q1002,Ben Madeup,NO,foreign_minister,Minister of Foreign Affairs,2013-10-16T00:00:00Z,",
    f"{E}Q1003,Old Ruler,SU,head_of_state,Chairman,1985-03-11T00:00:00Z,1991-12-25T00:00:00Z",
]


def test_import_adds_persons_and_terms_and_reports(tmp_path, countries):
    out = run(write(tmp_path, ROWS))
    assert "3 added, 0 changed, 0 unchanged" in out and "1 refused" in out
    assert "line 5: SU is not a known state" in out
    ana = Leader.objects.get(wikidata_id="Q1001")
    assert sorted(ana.offices.values_list("kind", "title")) == [
        ("head_of_government", "Prime Minister"),
        ("head_of_state", "President"),
    ]
    ben = Office.objects.get(leader__wikidata_id="Q1002")
    assert ben.end is None and ben.source == "https://www.wikidata.org/wiki/Q1002"


def test_a_second_import_reports_everything_unchanged(tmp_path, countries):
    path = write(tmp_path, ROWS)
    run(path)
    assert "0 added, 0 changed, 3 unchanged" in run(path)


def test_persons_merge_by_qid_even_when_the_label_changed(tmp_path, countries):
    run(write(tmp_path, ROWS[:1]))
    renamed = ROWS[1].replace("Ana Invented", "Ana Maria Invented")
    run(write(tmp_path, [renamed]))
    assert Leader.objects.filter(wikidata_id="Q1001").count() == 1
    assert Leader.objects.get(wikidata_id="Q1001").offices.count() == 2


def test_persons_merge_by_name_and_country_when_they_have_no_qid(tmp_path, countries):
    same = LeaderFactory(name="Ben Madeup", country=countries.get(code="NO"))
    other = LeaderFactory(name="Ben Madeup", country=countries.get(code="FR"))
    run(write(tmp_path, ROWS[2:3]))
    same.refresh_from_db()
    other.refresh_from_db()
    assert same.wikidata_id == "Q1002" and other.wikidata_id is None
    assert same.offices.get().start == dt.date(2013, 10, 16)


def test_an_ended_term_updates_the_running_one(tmp_path, countries):
    run(write(tmp_path, ROWS[2:3]))
    ended = ROWS[2].rstrip(",") + ",2017-10-20T00:00:00Z"
    assert "0 added, 1 changed" in run(write(tmp_path, [ended]))
    assert Office.objects.get(leader__wikidata_id="Q1002").end == dt.date(2017, 10, 20)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (f"{E}Q9,X Y,FR,head_of_state,President,2010-01-01,2009-01-01", "before it starts"),
        (f"{E}Q9,X Y,FR,head_of_state,President,soon,", "is not a date"),
        (f"{E}Q9,X Y,FR,emperor,Emperor,2010-01-01,", "kind must be one of"),
        ("not-an-item,X Y,FR,head_of_state,President,2010-01-01,", "Wikidata item"),
        (f"{E}Q9,X Y,FR", "wrong number of fields"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line_and_nothing_changes(
    tmp_path, countries, bad, reason
):
    with pytest.raises(CommandError, match=reason) as caught:
        run(write(tmp_path, [*ROWS[:2], bad]))
    assert "line 4" in str(caught.value)
    assert not Leader.objects.filter(wikidata_id__isnull=False).exists()
    assert not Office.objects.exists()


def test_a_file_missing_columns_is_refused(tmp_path, countries):
    path = tmp_path / "x.csv"
    path.write_text("person,personLabel\nQ1,A\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 1: missing column"):
        run(path)
