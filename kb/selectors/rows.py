"""What a table row loads of the leaders and countries it names: a name and a link.

Rows leave out the rest (JSON name lists above all), which costs more to load than the
row itself. Their related lists come as plain lists (``to_attr``): ``meeting.participants.all``
on a prefetched row clones a queryset each time, which costs more than the row's HTML.
"""

from __future__ import annotations

from django.db.models import Prefetch

from kb.models import Leader

BRIEF_LEADER = ("id", "name", "country__code", "country__name")
BRIEF_COUNTRY = ("id", "code", "name")
#: A country's fields no row shows.
COUNTRY_DETAILS = ("official_name", "other_names", "demonyms", "capital")


def brief_leaders(lookup: str, to_attr: str) -> Prefetch:
    leaders = Leader.objects.select_related("country").only(*BRIEF_LEADER)
    return Prefetch(lookup, queryset=leaders, to_attr=to_attr)


def leaders_prefetch(lookup: str) -> Prefetch:
    """Leaders in full, with their countries (a detail page's participants or parties)."""
    return Prefetch(lookup, queryset=Leader.objects.select_related("country"))
