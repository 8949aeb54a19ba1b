"""Search: websearch-style terms, and the fallback SQLite uses."""

import pytest
from django.db import connection

from kb.models import Meeting
from kb.selectors.search import _fallback_search, search_meetings, search_terms

pytestmark = pytest.mark.django_db


def test_search_terms_parsing():
    assert search_terms('space "fountain pen" -Paris OR x') == [
        (False, "space"),
        (False, "fountain pen"),
        (True, "Paris"),
        (False, "x"),
    ]


def test_the_substring_fallback_finds_what_full_text_search_finds(world):
    """The fallback SQLite uses; it runs on any database, so CI checks it too."""
    found = _fallback_search(Meeting.objects.visible(), "semiconductors")
    assert [m.place for m in found] == ["Kanazawa"]
    if connection.vendor == "sqlite":
        assert list(search_meetings(Meeting.objects.visible(), "semiconductors")) == list(found)
