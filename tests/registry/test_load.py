"""`load_registry`: the shipped file's format, idempotence, editors' corrections winning,
and bad files refused with their line and without a half-written registry."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gazetteer.registry import RegistryFileError
from kb.models import Leader, Office, ReviewState
from kb.registry.load import registry_load
from kb.registry.snapshot import registry_snapshot
from kb.services.offices import office_update
from tests.factories import LeaderFactory, editor

pytestmark = pytest.mark.django_db

HEADER = "person_key,name,aliases,country,office,title,start,end,also_head_of_government,source"
SRC = "https://en.wikipedia.org/wiki/List_of_heads_of_state"
ROWS = [
    f"FR-jacques-chirac,Jacques Chirac,,FR,head_of_state,President,1995-05-17,2007-05-16,,{SRC}",
    f"FR-jacques-chirac,Jacques Chirac,,FR,head_of_government,Prime Minister,1986-03-20,1988-05-10,,{SRC}",  # noqa: E501
    f"ID-joko-widodo,Joko Widodo,Jokowi,ID,head_of_state,President,2014-10-20,2024-10-20,1,{SRC}",
    f"IN-narendra-modi,Narendra Modi,,IN,head_of_government,Prime Minister,2014-05-26,,,{SRC}",
]


def write(tmp_path, rows, name="registry.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def load(path) -> str:
    out = StringIO()
    call_command("load_registry", str(path), stdout=out)
    return out.getvalue()


def test_load_creates_persons_with_their_terms_and_aliases(tmp_path, countries):
    summary = load(write(tmp_path, ROWS))
    assert "4 added, 0 changed, 0 unchanged" in summary
    chirac = Leader.objects.get(registry_key="FR-jacques-chirac")
    assert [(o.kind, o.start, o.end) for o in chirac.offices.order_by("start")] == [
        ("head_of_government", dt.date(1986, 3, 20), dt.date(1988, 5, 10)),
        ("head_of_state", dt.date(1995, 5, 17), dt.date(2007, 5, 16)),
    ]
    assert (chirac.country.code, chirac.title) == ("FR", "President")
    assert Leader.objects.named("Jokowi").get().name == "Joko Widodo"
    assert Office.objects.get(leader__name="Joko Widodo").heads_government


def test_a_second_load_changes_nothing(tmp_path, countries):
    path = write(tmp_path, ROWS)
    load(path)
    stamps = dict(Office.objects.values_list("pk", "updated_at"))
    history = Office.history.count() + Leader.history.count()
    assert "0 added, 0 changed, 4 unchanged, 0 removed" in load(path)
    assert dict(Office.objects.values_list("pk", "updated_at")) == stamps
    assert Office.history.count() + Leader.history.count() == history


def test_a_changed_row_updates_its_term_and_a_dropped_row_goes(tmp_path, countries):
    load(write(tmp_path, ROWS))
    fixed = [ROWS[0].replace("2007-05-16", "2007-05-17"), *ROWS[1:3]]
    assert "0 added, 1 changed, 2 unchanged, 1 removed" in load(write(tmp_path, fixed))
    assert Office.objects.get(leader__name="Jacques Chirac", kind="head_of_state").end == (
        dt.date(2007, 5, 17)
    )
    assert not Office.objects.filter(leader__name="Narendra Modi").exists()


def test_an_editors_correction_wins_over_the_file(tmp_path, countries):
    path = write(tmp_path, ROWS)
    load(path)
    term = Office.objects.get(leader__name="Narendra Modi")
    office_update(office=term, user=editor(), changes={"end": dt.date(2030, 1, 1)})
    load(path)
    term.refresh_from_db()
    assert term.end == dt.date(2030, 1, 1)
    assert term.review_state == ReviewState.CORRECTED
    # and a term the editor touched is not deleted when the file drops it
    load(write(tmp_path, ROWS[:3]))
    assert Office.objects.filter(pk=term.pk).exists()


def test_an_editors_correction_of_the_person_wins_too(tmp_path, countries):
    path = write(tmp_path, ROWS)
    load(path)
    modi = Leader.objects.get(registry_key="IN-narendra-modi")
    modi.title, modi.edited_fields = "PM", ["title"]
    modi.save()
    load(path)
    modi.refresh_from_db()
    assert modi.title == "PM"


def test_an_extracted_leader_of_that_name_and_country_becomes_the_registry_person(
    tmp_path, countries
):
    extracted = LeaderFactory(name="Narendra Modi", country=countries.get(code="IN"), title="")
    LeaderFactory(name="Narendra Modi", country=countries.get(code="FR"))  # someone else
    load(write(tmp_path, ROWS))
    extracted.refresh_from_db()
    assert extracted.registry_key == "IN-narendra-modi"
    assert Leader.objects.filter(name="Narendra Modi").count() == 2


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (f"XX-a,A,,QQ,head_of_state,President,2000-01-01,,,{SRC}", "unknown country QQ"),
        (f"XX-a,A,,FR,head_of_state,President,2000-01-01,1999-01-01,,{SRC}", "before it starts"),
        (
            f"FR-jacques-chirac,Jacques Chirac,,FR,head_of_state,President,2002-01-01,2003-01-01,,{SRC}",  # noqa: E501
            "overlaps the one on line 2",
        ),
    ],
)
def test_a_bad_file_is_refused_with_its_line_and_nothing_changes(tmp_path, countries, bad, reason):
    load(write(tmp_path, ROWS[:2]))
    before = list(Office.objects.values_list("pk", "start", "end"))
    with pytest.raises(CommandError, match=reason) as caught:
        load(write(tmp_path, [*ROWS, bad], name="bad.csv"))
    assert "nothing loaded" in str(caught.value) and "line 6" in str(caught.value)
    assert list(Office.objects.values_list("pk", "start", "end")) == before
    assert not Leader.objects.filter(registry_key="IN-narendra-modi").exists()


def test_a_failure_midway_leaves_no_half_written_registry(tmp_path, countries, monkeypatch):
    import kb.registry.load

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(kb.registry.load, "_registry_terms", boom)
    with pytest.raises(RuntimeError):
        registry_load(rows=kb.registry.load.registry_file_rows(write(tmp_path, ROWS)))
    assert not Leader.objects.filter(registry_key__isnull=False).exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        load(tmp_path / "absent.csv")


def test_the_snapshot_follows_the_database_and_leaves_out_rejected_terms(tmp_path, countries):
    load(write(tmp_path, ROWS))
    registry = registry_snapshot()
    modi = registry.person_for(["Narendra Modi"], dt.date(2020, 1, 1))
    assert modi is not None and modi.term_on(dt.date(2020, 1, 1)).country == "IN"
    from kb.services.offices import office_reject

    office_reject(office=Office.objects.get(leader__name="Narendra Modi"), user=editor())
    assert registry_snapshot().person_for(["Narendra Modi"], dt.date(2020, 1, 1)) is None


def test_the_snapshot_is_built_once_not_per_call(tmp_path, countries, django_assert_num_queries):
    load(write(tmp_path, ROWS))
    registry_snapshot()
    with django_assert_num_queries(0):
        for _ in range(5):
            registry_snapshot()


def test_parse_errors_name_the_file_line():
    from gazetteer.registry import parse_registry_rows

    with pytest.raises(RegistryFileError, match="line 2"):
        parse_registry_rows([HEADER, "only,three,fields"])


def test_a_merge_takes_the_terms_along_and_a_reload_leaves_them_with_the_survivor(
    tmp_path, countries
):
    from kb.services.merges import leader_merge, merge_undo

    path = write(tmp_path, ROWS)
    load(path)
    modi = Leader.objects.get(registry_key="IN-narendra-modi")
    kept = LeaderFactory(name="N. Modi", country=countries.get(code="IN"))
    record = leader_merge(keep=kept, merge=modi, user=editor())
    assert list(kept.offices.values_list("kind", flat=True)) == ["head_of_government"]
    load(path)
    kept.refresh_from_db()
    assert kept.offices.count() == 1 and kept.name == "N. Modi"
    assert not Leader.objects.get(pk=modi.pk).offices.exists()
    assert registry_snapshot().person_for(["N. Modi"], dt.date(2020, 1, 1)) is not None
    merge_undo(record=record, user=editor())
    assert Leader.objects.get(pk=modi.pk).offices.count() == 1
