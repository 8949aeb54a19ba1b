"""MeetingFilters and the meeting conditions the pages and the API share."""

import pytest

from kb.models import Meeting
from kb.selectors.meetings import MeetingFilters, involving_country, involving_leader
from tests.factories import LeaderFactory

pytestmark = pytest.mark.django_db


def test_filters_parse_and_describe():
    filters = MeetingFilters.from_query(
        {"from": "2024-13-99", "kind": "talks", "gifts": "1", "sort": "nope", "q": "  a   b "}
    )
    assert filters.date_from is None and filters.kind == "talks" and filters.has_gifts
    assert filters.q == "a b" and filters.sort == "-date"
    assert len(filters.errors) == 2
    assert filters.params() == {"q": "a b", "kind": "talks", "gifts": "1"}


def test_a_merged_leader_stands_for_the_record_it_went_into(world):
    old = LeaderFactory(name="C. Dubois", merged_into=world["dubois"])
    visible = Meeting.objects.visible()
    by_old = set(visible.filter(involving_leader(old.pk)))
    assert by_old == set(visible.filter(involving_leader(world["dubois"].pk)))
    assert world["kanazawa"] in by_old and world["call"] not in by_old
    assert MeetingFilters.from_query({"leader": str(old.pk)}).leader == world["dubois"]


def test_a_country_by_id_or_code_matches_hosts_and_participants(world):
    visible = Meeting.objects.visible()
    by_code = set(visible.filter(involving_country(code="de")))
    assert by_code == set(visible.filter(involving_country(pk=world["germany"].pk)))
    assert by_code == {world["paris"], world["bled"], world["berlin"]}
